import ArgumentParser
import Foundation
import NewsbusBus
import NewsbusEnrich
import NewsbusEvaluation
import NewsbusSDK
import NewsbusTesting
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
            README). Speed: each enricher runs alone, on one core, over generated 8 KB articles that \
            already carry what the earlier stages add; the baseline is protobuf-c decoding and \
            encoding the same article, which every worker does for every message.
            """)

    @Option(name: .long, help: "Fixture folder (default: Tests/NewsbusEnrichTests/Fixtures/articles of the package around the current directory).")
    var fixtures: String?

    @Option(name: .long, help: "Generated 8 KB articles per enricher for the timing.")
    var articles = 2000

    @Flag(name: .long, help: "Print every expectation missed and every spurious finding.")
    var verbose = false

    func validate() throws {
        guard articles >= 1 else { throw ValidationError("--articles must be at least 1") }
    }

    func run() throws {
        let folder = try fixtureFolder()
        let loaded: [EnrichmentFixture]
        do {
            loaded = try EnrichmentFixture.loadAll(from: folder)
        } catch {
            throw failure("cannot read the fixtures: \(error)")
        }
        guard !loaded.isEmpty else { throw failure("no fixtures in \(folder.path)") }
        let pipeline = try BuiltInEnricher.pipeline()
        print("enrichers (pipeline order): \(pipeline.map(\.kind.rawValue).joined(separator: ", "))")

        var report = EnrichmentReport()
        let scorer = EnrichmentScorer()
        for fixture in loaded {
            var article = fixture.article
            try BuiltInEnricher.enrich(&article, with: pipeline)
            report += scorer.score(article, against: fixture.expectation, fixture: fixture.name)
        }
        print("\nquality over \(loaded.count) annotated articles in \(folder.path)")
        print(report.description)
        if verbose {
            print("\nmismatches (\(report.mismatches.count)):")
            for mismatch in report.mismatches { print("  \(mismatch)") }
        } else if !report.mismatches.isEmpty {
            print("\(report.mismatches.count) mismatches; --verbose lists them")
        }

        try printSpeed(pipeline)
    }

    /// Articles/s of each enricher alone on generated 8 KB articles, next to the codec baseline.
    private func printSpeed(_ pipeline: [(kind: BuiltInEnricher, enricher: any Enricher)]) throws {
        var generator = ArticleGenerator(seed: 2026, sizeBytes: 8192)
        var inputs = generator.articles(count: articles).map { article -> Article in
            var plain = article  // the generator pre-fills enrichments; start from what ingest gives
            plain.people = []
            plain.organisations = []
            plain.places = []
            plain.subjects = []
            plain.keywords = []
            plain.quotes = []
            plain.dates = []
            plain.language = ""
            plain.fingerprint = 0
            plain.provenance = []
            return plain
        }
        let codec = WireCodec()
        let payloads = try inputs.map { try codec.encode($0) }
        let averageBytes = payloads.reduce(0) { $0 + $1.count } / max(payloads.count, 1)
        let codecStart = MonotonicClock.nowNs()
        for payload in payloads {
            let article = try payload.withUnsafeBytes { try codec.decode(Article.self, from: $0) }
            _ = try codec.encode(article)
        }
        let codecRate = Double(payloads.count) / (Double(MonotonicClock.nowNs() - codecStart) / 1e9)
        print("\nspeed: \(articles) generated articles of \(averageBytes) bytes encoded, each enricher alone, 1 core")
        print("enricher       articles/s   µs/article   × codec time   (baseline: protobuf-c decode+encode \(String(format: "%.0f", codecRate)) articles/s)")
        for (kind, enricher) in pipeline {
            var copies = inputs
            let start = MonotonicClock.nowNs()
            for index in copies.indices { try enricher.enrichOnce(&copies[index]) }
            let seconds = Double(MonotonicClock.nowNs() - start) / 1e9
            let rate = Double(copies.count) / seconds
            print(
                kind.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)
                    + String(format: "%11.0f %12.1f %14.2f", rate, 1e6 / rate, codecRate / rate))
            inputs = copies  // the next stage sees what this one added
        }
    }

    /// `--fixtures`, or the package's fixture folder found from the current directory.
    private func fixtureFolder() throws -> URL {
        if let fixtures { return URL(fileURLWithPath: fixtures) }
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        guard let found = PackageFolder.find("Tests/NewsbusEnrichTests/Fixtures/articles", searchingUpFrom: here) else {
            throw failure(
                "no Tests/NewsbusEnrichTests/Fixtures/articles in \(here.path) or any folder above it; run from the Newsbus checkout or pass --fixtures DIR")
        }
        return found
    }

    /// Prints `message` to stderr; the exit code to throw (2: the bench could not run).
    private func failure(_ message: String) -> ExitCode {
        printError("newsbus bench enrich: " + message)
        return ExitCode(2)
    }
}
