import Foundation
import NewsbusIngest
import NewsbusWire

/// Why a fixture could not be loaded. Every case names the file.
public enum EnrichmentFixtureError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(file: String, reason: String)
    /// The page did not parse as a text scrape.
    case unparsable(file: String, reason: String)
    /// The expectation is not valid JSON of the expected shape, or its values are unsound.
    case badExpectation(file: String, reason: String)
    /// A page without its `.expected.json`, or an expectation without its page.
    case unpaired(file: String)
    /// The directory could not be listed.
    case unlistable(directory: String, reason: String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "\(file): cannot read: \(reason)"
        case .unparsable(let file, let reason): "\(file): not a parsable text scrape: \(reason)"
        case .badExpectation(let file, let reason): "\(file): bad expectation: \(reason)"
        case .unpaired(let file): "\(file): has no partner (NN-slug.txt needs NN-slug.expected.json and vice versa)"
        case .unlistable(let directory, let reason): "\(directory): cannot list: \(reason)"
        }
    }
}

/// One annotated article: a page (`NN-slug.txt`) parsed into an ``Article`` and its answer key
/// (`NN-slug.expected.json`) decoded into an ``EnrichmentExpectation``.
public struct EnrichmentFixture: Sendable {
    /// File suffix of the pages.
    public static let pageSuffix = ".txt"
    /// File suffix of the answer keys.
    public static let expectationSuffix = ".expected.json"

    /// The stem shared by both files ("01-jakarta-nuclear-envoys").
    public var name: String
    /// The page, as NewsbusIngest's text-scrape parser reads it, before any enrichment.
    public var article: Article
    /// The answer key.
    public var expectation: EnrichmentExpectation

    /// Creates a fixture from its parts.
    public init(name: String, article: Article, expectation: EnrichmentExpectation) {
        self.name = name
        self.article = article
        self.expectation = expectation
    }

    /// Loads the fixture `name` from `directory`.
    ///
    /// The article is received at noon UTC on the expectation's anchor date when there is one
    /// (a page is scraped on the day it is published), else at the Unix epoch.
    public static func load(name: String, from directory: URL) throws(EnrichmentFixtureError) -> EnrichmentFixture {
        let pageFile = name + pageSuffix
        let expectationFile = name + expectationSuffix
        let expectation = try decodeExpectation(read(directory.appendingPathComponent(expectationFile), as: expectationFile), file: expectationFile)
        let bytes = [UInt8](try read(directory.appendingPathComponent(pageFile), as: pageFile))
        let page: ScrapedPage
        do {
            page = try TextScrapeParser().parse(bytes: bytes)
        } catch {
            throw .unparsable(file: pageFile, reason: String(describing: error))
        }
        let receivedAt = expectation.anchor.map { "\($0)T12:00:00Z" } ?? "1970-01-01T00:00:00Z"
        let article = page.article(
            source: Article.Source(kind: "file", name: "enrichment-fixtures", locator: pageFile),
            receivedAt: receivedAt, filename: pageFile)
        return EnrichmentFixture(name: name, article: article, expectation: expectation)
    }

    /// Loads every fixture in `directory`, sorted by name.
    ///
    /// - Throws: ``EnrichmentFixtureError`` for the first file that cannot be read, parsed or
    ///   decoded, or that has no partner.
    public static func loadAll(from directory: URL) throws(EnrichmentFixtureError) -> [EnrichmentFixture] {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .unlistable(directory: directory.lastPathComponent, reason: error.localizedDescription)
        }
        let pages = Set(files.filter { $0.hasSuffix(pageSuffix) }.map { String($0.dropLast(pageSuffix.count)) })
        let keys = Set(files.filter { $0.hasSuffix(expectationSuffix) }.map { String($0.dropLast(expectationSuffix.count)) })
        if let lonely = pages.subtracting(keys).min() { throw .unpaired(file: lonely + pageSuffix) }
        if let lonely = keys.subtracting(pages).min() { throw .unpaired(file: lonely + expectationSuffix) }
        var fixtures: [EnrichmentFixture] = []
        for name in pages.sorted() {
            fixtures.append(try load(name: name, from: directory))
        }
        return fixtures
    }

    /// Decodes and checks an answer key.
    ///
    /// - Parameter file: the name used in errors.
    public static func decodeExpectation(_ data: Data, file: String) throws(EnrichmentFixtureError) -> EnrichmentExpectation {
        let expectation: EnrichmentExpectation
        do {
            expectation = try JSONDecoder().decode(EnrichmentExpectation.self, from: data)
        } catch let error as DecodingError {
            throw .badExpectation(file: file, reason: describe(error))
        } catch {
            throw .badExpectation(file: file, reason: String(describing: error))
        }
        if let problem = expectation.problems.first {
            throw .badExpectation(file: file, reason: problem)
        }
        return expectation
    }

    private static func read(_ url: URL, as file: String) throws(EnrichmentFixtureError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw .unreadable(file: file, reason: error.localizedDescription)
        }
    }

    /// A decoding error as "at quotes[2].text: …".
    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "top level" : String(text.drop { $0 == "." })
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "at \(path(context.codingPath)): expected \(type)"
        case .valueNotFound(let type, let context):
            return "at \(path(context.codingPath)): missing \(type) value"
        case .keyNotFound(let key, let context):
            return "at \(path(context.codingPath + [key])): required key is missing"
        case .dataCorrupted(let context):
            let underlying = context.underlyingError.map { ": \($0.localizedDescription)" } ?? ""
            return "at \(path(context.codingPath)): \(context.debugDescription)\(underlying)"
        @unknown default:
            return String(describing: error)
        }
    }
}
