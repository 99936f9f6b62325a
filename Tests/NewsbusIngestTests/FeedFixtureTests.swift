import Foundation
import NewsbusIngest
import NewsbusWire
import Testing

/// The feed fixtures (`Fixtures/feeds/*.xml`); their expectations are checked by `IngestFixtureTests`.
enum FeedFixtures {
    /// `Tests/NewsbusIngestTests/Fixtures/feeds`, found from this file's path.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
        .appendingPathComponent("feeds")

    /// Every fixture, by base name.
    static let names = [
        "rss-content-encoded", "rss-description-only", "rss-media-group", "rss-enclosure", "rss-prefixes", "rss-dates",
        "rss1-rdf", "atom-html", "atom-xhtml", "atom-prefixed",
    ]

    /// The receive time every test uses.
    static let receivedAt = "2026-01-15T12:00:00Z"

    /// The context every test uses.
    static let context = IngestContext(
        sourceName: "feed:test", sourceKind: "feed", locator: "https://feeds.example.org/test.xml", receivedAt: receivedAt)

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(name + ".xml")))
    }

    /// The fixture decoded the way the ingestor decodes input.
    static func document(_ name: String) throws -> DecodedDocument {
        try TextDecoding.decode(try bytes(name))
    }

    /// A document from text, for generated feeds.
    static func document(text: String) -> DecodedDocument {
        DecodedDocument(text: text, bytes: Array(text.utf8), encoding: "utf-8")
    }
}

@Suite("Feed fixtures")
struct FeedFixtureTests {
    @Test("the ingestor routes RSS and Atom to the feed parser", arguments: [("rss-content-encoded", InputFormat.rss, 3), ("atom-html", .atom, 2)])
    func throughIngestor(_ name: String, _ format: InputFormat, _ count: Int) throws {
        let ingestor = Ingestor(parsers: Ingestor.builtInParsers() + [FeedParser(format: .rss), FeedParser(format: .atom)])
        let result = try ingestor.ingest(try FeedFixtures.bytes(name), context: FeedFixtures.context)
        #expect(result.format == format)
        #expect(result.articles.count == count)
        #expect(result.articles.allSatisfy { $0.source?.format == format.rawValue })
    }

    @Test("parse returns the same articles as parseFeed")
    func parseMatchesParseFeed() throws {
        let document = try FeedFixtures.document("rss-description-only")
        let parser = FeedParser()
        #expect(try parser.parse(document, context: FeedFixtures.context) == parser.parseFeed(document, context: FeedFixtures.context).articles)
    }

    @Test("the articles go through the ninjs encoder")
    func encodable() throws {
        for name in FeedFixtures.names {
            let articles = try FeedParser().parse(try FeedFixtures.document(name), context: FeedFixtures.context)
            for article in articles {
                let json = try NinjsEncoder.json(for: article)
                #expect(json.count > 0)
            }
        }
    }
}
