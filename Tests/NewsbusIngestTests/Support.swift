import Foundation
import NewsbusIngest

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
