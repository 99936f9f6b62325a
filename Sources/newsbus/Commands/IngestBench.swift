import ArgumentParser
import Foundation
import NewsbusEvaluation
import NewsbusIngest

/// `newsbus bench ingest`: body-extraction quality, field accuracy and speed of the ingestor over
/// the annotated fixture set, per format.
struct IngestBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Ingest quality (body P/R/F1, field accuracy) and speed (files/s, MB/s) per format over annotated fixtures.",
        discussion: """
            Every input in the fixture folder (any depth) has an <input>.expected.json beside it. Body \
            extraction is scored like trafilatura's benchmark: a must_contain snippet found in the main \
            body is a true positive, one missing a false negative, a must_not_contain snippet found a \
            false positive. Fields count as right when they equal the expectation after whitespace \
            normalisation.
            """)

    @Option(name: .long, help: "Fixture folder (default: Tests/NewsbusIngestTests/Fixtures of the package around the current directory).")
    var fixtures: String?

    @Option(name: .long, help: "Times every file is ingested for the timing.")
    var `repeat` = 200

    @Flag(name: .long, help: "Print every expectation not met.")
    var verbose = false

    func validate() throws {
        guard `repeat` >= 1 else { throw ValidationError("--repeat must be at least 1") }
    }

    func run() throws {
        let folder = try fixtureFolder()
        let loaded: [IngestFixture]
        do {
            loaded = try IngestFixtures.load(from: folder)
        } catch {
            throw failure("cannot read the fixtures: \(error)")
        }
        guard !loaded.isEmpty else { throw failure("no fixtures in \(folder.path)") }
        let reports = IngestBenchmark(fixtures: loaded).run(repetitions: `repeat`)

        print("fixtures: \(loaded.count) files in \(folder.path); timing: each file ingested \(`repeat`)×, 1 core, same process\n")
        print(
            "format  files  articles     KB  body P   body R   body F1   TP  FP  FN     files/s      MB/s")
        for r in reports {
            print(
                r.format.padding(toLength: 6, withPad: " ", startingAt: 0)
                    + String(
                        format: "%7d %9d %6.1f  %6.3f   %6.3f   %7.3f %4d %3d %3d %11.0f %9.1f", r.files, r.articles, Double(r.bytes) / 1000,
                        r.body.precision, r.body.recall, r.body.f1, r.body.truePositives, r.body.falsePositives, r.body.falseNegatives,
                        r.filesPerSecond, r.megabytesPerSecond))
        }
        let all = reports.reduce(Score()) { $0 + $1.body }
        print(String(format: "all     body P %.3f  R %.3f  F1 %.3f", all.precision, all.recall, all.f1))

        print("\nfield accuracy (right/checked; – where no expectation gives the field)")
        let fields = IngestField.allCases
        print("format  " + fields.map { $0.rawValue.padding(toLength: max(8, $0.rawValue.count), withPad: " ", startingAt: 0) }.joined(separator: " "))
        for r in reports {
            let cells = fields.map { field -> String in
                let width = max(8, field.rawValue.count)
                guard let tally = r.fields[field], tally.total > 0 else { return "–".padding(toLength: width, withPad: " ", startingAt: 0) }
                return "\(tally.correct)/\(tally.total)".padding(toLength: width, withPad: " ", startingAt: 0)
            }
            print(r.format.padding(toLength: 8, withPad: " ", startingAt: 0) + cells.joined(separator: " "))
        }

        let misses = reports.flatMap(\.misses)
        if verbose {
            print("\nmisses (\(misses.count)):")
            for miss in misses { print("  \(miss)") }
        } else if !misses.isEmpty {
            print("\n\(misses.count) expectations not met; --verbose lists them")
        }
        print("\nreference: trafilatura reports F1 ≈ 0.92 on its public 990-page benchmark (different pages; a yardstick, not a comparison)")
    }

    /// `--fixtures`, or the package's fixture folder found from the current directory.
    private func fixtureFolder() throws -> URL {
        if let fixtures { return URL(fileURLWithPath: fixtures) }
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        guard let found = IngestFixtures.packageFixtures(searchingUpFrom: here) else {
            throw failure(
                "no Tests/NewsbusIngestTests/Fixtures in \(here.path) or any folder above it; run from the Newsbus checkout or pass --fixtures DIR")
        }
        return found
    }

    /// Prints `message` to stderr; the exit code to throw (2: the bench could not run).
    private func failure(_ message: String) -> ExitCode {
        printError("newsbus bench ingest: " + message)
        return ExitCode(2)
    }
}
