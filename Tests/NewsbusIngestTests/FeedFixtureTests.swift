import Foundation
import NewsbusIngest
import NewsbusWire
import Testing

/// The feed fixtures (`Fixtures/feeds/*.xml`) and their hand-written expectations
/// (`*.expected.json` beside each).
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

    static func expectation(_ name: String) throws -> FeedExpectation {
        try JSONDecoder().decode(FeedExpectation.self, from: Data(contentsOf: directory.appendingPathComponent(name + ".expected.json")))
    }

    /// A document from text, for generated feeds.
    static func document(text: String) -> DecodedDocument {
        DecodedDocument(text: text, bytes: Array(text.utf8), encoding: "utf-8")
    }
}

/// What a feed fixture must give.
struct FeedExpectation: Decodable {
    struct Skipped: Decodable {
        var index: Int
        var reason: String
    }

    struct Rendition: Decodable {
        var name: String
        var href: String
        var contenttype: String
        var width: UInt32
        var height: UInt32
    }

    struct Item: Decodable {
        var uri: String?
        var uriPrefix: String?
        var headline: String
        var byline: String
        var copyrightnotice: String?
        /// RFC 3339, or "RECEIVED" for the receive time.
        var firstcreated: String
        var versioncreated: String
        var language: String?
        /// Exactly these alternative ids, by role.
        var altids: [String: String]?
        var subjects: [String]?
        /// The summary description; "" for none.
        var summary: String?
        var paragraphs: Int?
        var bodyContains: [String]
        var bodyNotContains: [String]?
        var images: Int
        var firstCaption: String?
        var firstCredit: String?
        var firstRenditions: [Rendition]?
        var lastCaption: String?
        var lastCredit: String?
    }

    var format: String
    var itemCount: Int
    var skipped: [Skipped]
    var items: [Item]
}

@Suite("Feed fixtures")
struct FeedFixtureTests {
    @Test("each fixture gives the hand-written expectations", arguments: FeedFixtures.names)
    func fixture(_ name: String) throws {
        let expected = try FeedFixtures.expectation(name)
        let format: InputFormat = expected.format == "atom" ? .atom : .rss
        let result = try FeedParser(format: format).parseFeed(try FeedFixtures.document(name), context: FeedFixtures.context)
        #expect(result.format.shortName == expected.format)
        #expect(result.itemCount == expected.itemCount)
        #expect(result.skipped.map(\.index) == expected.skipped.map(\.index))
        #expect(result.skipped.map(\.reason) == expected.skipped.map(\.reason))
        #expect(result.skipped.allSatisfy { $0.line > 0 })
        try #require(result.articles.count == expected.items.count, "\(result.articles.map(\.headline))")

        for (article, item) in zip(result.articles, expected.items) {
            let label = Comment(rawValue: "\(name): \(item.headline)")
            if let uri = item.uri { #expect(article.uri == uri, label) }
            if let prefix = item.uriPrefix {
                #expect(article.uri.hasPrefix(prefix), label)
                #expect(article.uri == prefix + article.contentHash.prefix(32), label)
            }
            #expect(article.headline == item.headline, label)
            #expect(article.by == item.byline, label)
            if let notice = item.copyrightnotice { #expect(article.copyrightnotice == notice, label) }
            let received = { (s: String) in s == "RECEIVED" ? FeedFixtures.receivedAt : s }
            #expect(article.firstcreated == received(item.firstcreated), label)
            #expect(article.versioncreated == received(item.versioncreated), label)
            if let language = item.language { #expect(article.language == language, label) }
            if let altids = item.altids {
                #expect(Dictionary(article.altids.map { ($0.role, $0.value) }, uniquingKeysWith: { a, _ in a }) == altids, label)
                #expect(article.altids.count == altids.count, label)
            }
            if let subjects = item.subjects {
                #expect(article.subjects.map(\.name) == subjects, label)
                #expect(article.subjects.allSatisfy { $0.rel == "category" }, label)
            }
            if let summary = item.summary {
                let found = article.descriptions.first { $0.role == "summary" }?.value ?? ""
                #expect(found == summary, label)
            }
            let body = article.mainBody?.value ?? ""
            if let paragraphs = item.paragraphs {
                #expect(body.components(separatedBy: "\n\n").count == paragraphs, "\(label): \(body)")
            }
            for snippet in item.bodyContains { #expect(body.contains(snippet), "\(label): missing \(snippet) in \(body)") }
            for snippet in item.bodyNotContains ?? [] { #expect(!body.contains(snippet), "\(label): unexpected \(snippet) in \(body)") }
            #expect(article.associations.count == item.images, label)
            if let caption = item.firstCaption { #expect(article.associations.first?.caption == caption, label) }
            if let credit = item.firstCredit { #expect(article.associations.first?.credit == credit, label) }
            if let caption = item.lastCaption { #expect(article.associations.last?.caption == caption, label) }
            if let credit = item.lastCredit { #expect(article.associations.last?.credit == credit, label) }
            if let renditions = item.firstRenditions {
                let found = article.associations.first?.renditions ?? []
                #expect(found.map(\.name) == renditions.map(\.name), label)
                #expect(found.map(\.href) == renditions.map(\.href), label)
                #expect(found.map(\.contenttype) == renditions.map(\.contenttype), label)
                #expect(found.map(\.width) == renditions.map(\.width), label)
                #expect(found.map(\.height) == renditions.map(\.height), label)
            }

            // What every feed article has.
            #expect(article.version == "1" && article.type == "text" && article.pubstatus == .usable, label)
            #expect(article.headlines.count == 1 && article.headlines[0].role == "main" && article.headlines[0].contenttype == "text/plain", label)
            #expect(article.bodies.allSatisfy { $0.contenttype == "text/plain" && $0.role == "main" }, label)
            #expect(!body.contains("  ") && !body.hasPrefix(" ") && !body.hasSuffix(" ") && !body.contains("\n\n\n"), label)
            #expect(article.contentHash == ContentHash.of(article), label)
            #expect(article.source == FeedFixtures.context.source(format: result.format), label)
            #expect(article.associations.allSatisfy { $0.type == "picture" && !$0.renditions.isEmpty }, label)
            if let first = article.associations.first { #expect(first.name == "featureimage", label) }
        }
    }

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
