import ArgumentParser
import Foundation
import NewsbusBus
import NewsbusEnrich
import NewsbusEvaluation
import NewsbusSDK
import NewsbusWire

/// `newsbus bench enrich`: quality of the built-in enrichers over the annotated fixture set
/// (precision, recall and F1 per enricher and entity type) and the speed of each on one core.
struct EnrichBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrich",
        abstract: "Enricher quality (P/R/F1 per enricher and entity type) over annotated fixtures, and articles/s per enricher on one core.",
        discussion: """
            Every <name>.txt in the fixture folder is a page scrape with a <name>.expected.json \
            annotation beside it. All built-in enrichers run in pipeline order, in this process; each \
            fixture's article is scored against its annotation (matching rules: the fixture folder's \
            README). Speed: each enricher runs alone, on one core, over 8 KB articles made from the \
            fixture pages, which already carry what the earlier stages add; the baseline is protobuf-c decoding and \
            encoding the same article, which every worker does for every message.
            """)

    @Option(name: .long, help: "Fixture folder (default: Tests/NewsbusEnrichTests/Fixtures/articles and held-out of the package around the current directory).")
    var fixtures: String?

    @Option(name: .long, help: "8 KB articles per enricher for the timing.")
    var articles = 2000

    @Flag(name: .long, help: "Print every expectation missed and every spurious finding.")
    var verbose = false

    @Option(name: .long, help: "Time only this enricher (repeatable); the stages before it still run, untimed, to prepare its input.")
    var only: [BuiltInEnricher] = []

    @Flag(name: .long, help: "Skip the quality report; print only the speed table.")
    var speedOnly = false

    @Option(name: .long, help: "Write every timed article, as the last timed enricher left it, to this file (protobuf, each length-prefixed): compare two builds' files to check that a speed change left the output byte-identical.")
    var dump: String?

    func validate() throws {
        guard articles >= 1 else { throw ValidationError("--articles must be at least 1") }
    }

    func run() throws {
        let pipeline = try BuiltInEnricher.pipeline()
        print("enrichers (pipeline order): \(pipeline.map(\.kind.rawValue).joined(separator: ", "))")
        let sets = try fixtureFolders()
        var timingFixtures: [EnrichmentFixture] = []
        for (title, folder) in sets {
            let loaded: [EnrichmentFixture]
            do {
                loaded = try EnrichmentFixture.loadAll(from: folder)
            } catch {
                throw failure("cannot read the fixtures: \(error)")
            }
            guard !loaded.isEmpty else { throw failure("no fixtures in \(folder.path)") }
            if timingFixtures.isEmpty { timingFixtures = loaded }
            if speedOnly { break }
            try printQuality(title: title, folder: folder, fixtures: loaded, pipeline: pipeline)
        }
        try printSpeed(pipeline, fixtures: timingFixtures)
    }

    /// Scores every fixture after the whole pipeline and prints the report.
    private func printQuality(
        title: String, folder: URL, fixtures loaded: [EnrichmentFixture], pipeline: [(kind: BuiltInEnricher, enricher: any Enricher)]
    ) throws {
        var report = EnrichmentReport()
        let scorer = EnrichmentScorer()
        for fixture in loaded {
            var article = fixture.article
            try BuiltInEnricher.enrich(&article, with: pipeline)
            report += scorer.score(article, against: fixture.expectation, fixture: fixture.name)
        }
        print("\n\(title): quality over \(loaded.count) annotated articles in \(folder.path)")
        print(report.description)
        let entities = report.people + report.organisations + report.places
        print("entities (all) \(entities)")
        if verbose {
            print("\nmismatches (\(report.mismatches.count)):")
            for mismatch in report.mismatches { print("  \(mismatch)") }
        } else if !report.mismatches.isEmpty {
            print("\(report.mismatches.count) mismatches; --verbose lists them")
        }
    }

    /// Articles/s of each enricher alone on generated 8 KB articles, next to the codec baseline.
    private func printSpeed(_ pipeline: [(kind: BuiltInEnricher, enricher: any Enricher)], fixtures loaded: [EnrichmentFixture]) throws {
        var inputs = Self.speedCorpus(from: loaded, count: articles, bodyBytes: 8192)
        let codec = WireCodec()
        let payloads = try inputs.map { try codec.encode($0) }
        let averageBytes = payloads.reduce(0) { $0 + $1.count } / max(payloads.count, 1)
        let codecStart = MonotonicClock.nowNs()
        for payload in payloads {
            let article = try payload.withUnsafeBytes { try codec.decode(Article.self, from: $0) }
            _ = try codec.encode(article)
        }
        let codecRate = Double(payloads.count) / (Double(MonotonicClock.nowNs() - codecStart) / 1e9)
        let bodyBytes = inputs.reduce(0) { $0 + ($1.mainBody?.value.utf8.count ?? 0) } / max(inputs.count, 1)
        print("\nspeed: \(articles) articles with \(bodyBytes)-byte bodies (\(averageBytes) bytes encoded), each enricher alone, 1 core")
        print("enricher       articles/s   µs/article   × codec time   (baseline: protobuf-c decode+encode \(String(format: "%.0f", codecRate)) articles/s)")
        let lastTimed = only.isEmpty ? pipeline.count - 1 : pipeline.lastIndex { only.contains($0.kind) } ?? -1
        for (kind, enricher) in pipeline.prefix(lastTimed + 1) {
            var copies = inputs
            guard only.isEmpty || only.contains(kind) else {
                for index in copies.indices { try enricher.enrichOnce(&copies[index]) }
                inputs = copies
                continue
            }
            let start = MonotonicClock.nowNs()
            for index in copies.indices { try enricher.enrichOnce(&copies[index]) }
            let seconds = Double(MonotonicClock.nowNs() - start) / 1e9
            let rate = Double(copies.count) / seconds
            print(
                kind.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)
                    + String(format: "%11.0f %12.1f %14.2f", rate, 1e6 / rate, codecRate / rate))
            inputs = copies  // the next stage sees what this one added
        }
        if let dump { try write(inputs, to: dump, codec: codec) }
    }

    /// The articles, protobuf-encoded, each after its length as a 4-byte little-endian integer.
    private func write(_ articles: [Article], to path: String, codec: WireCodec) throws {
        var bytes: [UInt8] = []
        for article in articles {
            let payload = try codec.encode(article)
            withUnsafeBytes(of: UInt32(payload.count).littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: payload)
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw failure("cannot write \(path)")
        }
    }

    /// `count` articles made from the fixture pages, each body extended with the paragraphs of
    /// the pages after it until it holds `bodyBytes` bytes: real-looking text (names, quotes,
    /// dates) at the size the speed target is stated for.
    static func speedCorpus(from fixtures: [EnrichmentFixture], count: Int, bodyBytes: Int) -> [Article] {
        let pages = fixtures.map(\.article).filter { !($0.mainBody?.value.isEmpty ?? true) }
        guard !pages.isEmpty else { return [] }
        return (0..<count).map { index in
            var article = pages[index % pages.count]
            article.uri += "#speed-\(index)"
            var body = article.mainBody?.value ?? ""
            var next = index + 1
            while body.utf8.count < bodyBytes {
                body += "\n\n" + (pages[next % pages.count].mainBody?.value ?? "")
                next += 1
            }
            if let main = article.bodies.firstIndex(where: { $0.role == "main" }) ?? article.bodies.indices.first {
                article.bodies[main].value = String(decoding: body.utf8.prefix(bodyBytes), as: UTF8.self)
            }
            return article
        }
    }

    /// `--fixtures`; or the package's development set (`Fixtures/articles`, the articles the rules
    /// were written against) and, when present, its held-out set (`Fixtures/held-out`, never used to
    /// tune them), found from the current directory.
    private func fixtureFolders() throws -> [(String, URL)] {
        if let fixtures { return [("fixtures", URL(fileURLWithPath: fixtures))] }
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        guard let found = PackageFolder.find("Tests/NewsbusEnrichTests/Fixtures/articles", searchingUpFrom: here) else {
            throw failure(
                "no Tests/NewsbusEnrichTests/Fixtures/articles in \(here.path) or any folder above it; run from the Newsbus checkout or pass --fixtures DIR")
        }
        let heldOut = found.deletingLastPathComponent().appendingPathComponent("held-out")
        return [("development set", found)]
            + (FileManager.default.fileExists(atPath: heldOut.path) ? [("held-out set (not used to tune the rules)", heldOut)] : [])
    }

    /// Prints `message` to stderr; the exit code to throw (2: the bench could not run).
    private func failure(_ message: String) -> ExitCode {
        printError("newsbus bench enrich: " + message)
        return ExitCode(2)
    }
}

extension BuiltInEnricher: ExpressibleByArgument {}
