import Foundation
import NewsbusIngest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Locations in the package, found from this file's path.
enum PackageFiles {
    /// The package root: this file is `Tests/NewsbusIngestTests/Support.swift`.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // NewsbusIngestTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root

    /// `Examples/articles`.
    static let articles: URL = root.appendingPathComponent("Examples").appendingPathComponent("articles")

    /// Names of the `*.txt` files in `Examples/articles`, sorted.
    static func articleNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: articles.path)
            .filter { $0.hasSuffix(".txt") }
            .sorted()
    }

    /// The raw bytes of an example article.
    static func articleBytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: articles.appendingPathComponent(name)))
    }
}

/// Parses with the built-in rules, as bytes.
func parseBytes(_ bytes: [UInt8], rules: BoilerplateRules = .builtIn) throws(IngestError) -> ScrapedPage {
    try TextScrapeParser(boilerplate: rules).parse(bytes: bytes)
}

/// Parses with the built-in rules, as a string.
func parseText(_ text: String, rules: BoilerplateRules = .builtIn) throws(IngestError) -> ScrapedPage {
    try TextScrapeParser(boilerplate: rules).parse(text)
}

/// The error thrown by `body`, or `nil`.
func ingestError(_ body: () throws(IngestError) -> ScrapedPage) -> IngestError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

/// The CPU time the calling thread spends in `body`. Unlike wall-clock time it is not stretched by
/// other processes and by tests running in parallel, so a time bound on parsing holds on a loaded
/// machine.
func threadCPUTime(_ body: () throws -> Void) rethrows -> Duration {
    func now() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(Int64(time.tv_sec)) + .nanoseconds(Int64(time.tv_nsec))
    }
    let start = now()
    try body()
    return now() - start
}
