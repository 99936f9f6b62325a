import Foundation
import NewsbusIngest
import NewsbusWire
import Testing

/// The ninjs fixtures (`Fixtures/ninjs/*.json`) and their hand-written expectations
/// (`*.expected.json` beside each).
enum NinjsFixtures {
    /// `Tests/NewsbusIngestTests/Fixtures/ninjs`, found from this file's path.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
        .appendingPathComponent("ninjs")

    /// Every fixture, by base name.
    static let names = [
        "simple-text", "complex-subjects-associations", "array-of-three", "old-style-associations", "kill-canceled", "html-body",
        "array-with-bad-items",
    ]

    /// The context every test uses.
    static let context = IngestContext(
        sourceName: "agency:test", sourceKind: "file", locator: "agency/test.json", receivedAt: "2026-01-15T12:00:00Z")

    static func document(_ name: String) throws -> DecodedDocument {
        try TextDecoding.decode([UInt8](try Data(contentsOf: directory.appendingPathComponent(name + ".json"))))
    }

    static func document(text: String) -> DecodedDocument {
        DecodedDocument(text: text, bytes: Array(text.utf8), encoding: "utf-8")
    }

    static func expectation(_ name: String) throws -> NinjsExpectation {
        try JSONDecoder().decode(NinjsExpectation.self, from: Data(contentsOf: directory.appendingPathComponent(name + ".expected.json")))
    }
}

/// What a ninjs fixture must give, item by item.
struct NinjsExpectation: Decodable {
    struct Rendition: Decodable, Equatable {
        var name: String
        var href: String
        var contenttype: String
        var width: UInt32
        var height: UInt32
    }

    struct Association: Decodable {
        var name: String
        var uri: String
        var type: String
        var caption: String
        var credit: String
        var by: String
        var copyrightholder: String
        var versioncreated: String
        var renditions: [Rendition]
    }

    struct Subject: Decodable {
        var name: String
        var uri: String
        var rel: String
        var creator: String
        var relevance: UInt32
        var confidence: UInt32
    }

    struct BodyShape: Decodable {
        var role: String
        var contenttype: String
        var charcount: UInt32?
        var wordcount: UInt32?
    }

    struct Source: Decodable {
        var name: String
        var rel: String
        var uri: String
    }

    struct Item: Decodable {
        var ok: Bool
        // A refused item.
        var line: Int?
        var column: Int?
        var reason: String?
        // A usable item.
        var uri: String?
        var version: String?
        var type: String?
        var profile: String?
        var headline: String?
        var headlineCount: Int?
        var pubstatus: String?
        var urgency: UInt32?
        var language: String?
        var by: String?
        var located: String?
        var slugline: String?
        var ednote: String?
        var copyrightholder: String?
        var copyrightnotice: String?
        var usageterms: String?
        var firstcreated: String?
        var versioncreated: String?
        var contentcreated: String?
        var embargoed: String?
        var summary: String?
        var bodies: [BodyShape]?
        var bodyContains: [String]?
        var bodyNotContains: [String]?
        var htmlBodyContains: [String]?
        var people: [String]?
        var organisations: [String]?
        var places: [String]?
        var events: [String]?
        var genres: [String]?
        var subjects: [Subject]?
        var keywords: [String]?
        var infosources: [Source]?
        var altids: [String: String]?
        var associations: Int?
        var firstAssociation: Association?
        var lastAssociation: Association?
        var signals: [String]?
    }

    var items: [Item]
}

@Suite("ninjs fixtures")
struct NinjsFixtureTests {
    @Test("each fixture gives the hand-written expectations", arguments: NinjsFixtures.names)
    func fixture(_ name: String) throws {
        let expected = try NinjsFixtures.expectation(name)
        let results = try NinjsParser().parseItems(try NinjsFixtures.document(name), context: NinjsFixtures.context)
        try #require(results.count == expected.items.count)
        for (index, (result, item)) in zip(results, expected.items).enumerated() {
            let label = Comment(rawValue: "\(name) item \(index + 1)")
            switch result {
            case let .failure(error):
                #expect(!item.ok, "\(label): \(error)")
                #expect(error == .malformed(format: "ninjs", line: item.line ?? -1, column: item.column ?? -1, reason: item.reason ?? ""), label)
            case let .success(article):
                try #require(item.ok, label)
                check(article, item, label)
            }
        }
    }

    private func check(_ a: Article, _ e: NinjsExpectation.Item, _ label: Comment) {
        func same<T: Equatable>(_ found: T, _ wanted: T?, _ field: String) {
            if let wanted { #expect(found == wanted, "\(label): \(field)") }
        }
        same(a.uri, e.uri, "uri")
        same(a.version, e.version, "version")
        same(a.type, e.type, "type")
        same(a.profile, e.profile, "profile")
        same(a.headline, e.headline, "headline")
        same(a.headlines.count, e.headlineCount, "headline count")
        same(a.pubstatus.description, e.pubstatus, "pubstatus")
        same(a.urgency, e.urgency, "urgency")
        same(a.language, e.language, "language")
        same(a.by, e.by, "by")
        same(a.located, e.located, "located")
        same(a.slugline, e.slugline, "slugline")
        same(a.ednote, e.ednote, "ednote")
        same(a.copyrightholder, e.copyrightholder, "copyrightholder")
        same(a.copyrightnotice, e.copyrightnotice, "copyrightnotice")
        same(a.usageterms, e.usageterms, "usageterms")
        same(a.firstcreated, e.firstcreated, "firstcreated")
        same(a.versioncreated, e.versioncreated, "versioncreated")
        same(a.contentcreated, e.contentcreated, "contentcreated")
        same(a.embargoed, e.embargoed, "embargoed")
        same(a.descriptions.first { $0.role == "summary" }?.value ?? "", e.summary, "summary")
        if let bodies = e.bodies {
            #expect(a.bodies.map(\.role) == bodies.map(\.role), label)
            #expect(a.bodies.map(\.contenttype) == bodies.map(\.contenttype), label)
            for (body, shape) in zip(a.bodies, bodies) {
                same(body.charcount, shape.charcount, "charcount")
                same(body.wordcount, shape.wordcount, "wordcount")
            }
        }
        let text = a.mainBody?.value ?? ""
        for snippet in e.bodyContains ?? [] { #expect(text.contains(snippet), "\(label): missing \(snippet) in \(text)") }
        for snippet in e.bodyNotContains ?? [] { #expect(!text.contains(snippet), "\(label): unexpected \(snippet) in \(text)") }
        let html = a.bodies.first { $0.contenttype == "text/html" }?.value ?? ""
        for snippet in e.htmlBodyContains ?? [] { #expect(html.contains(snippet), "\(label): missing \(snippet) in the HTML body") }
        same(a.people.map(\.name), e.people, "people")
        same(a.organisations.map(\.name), e.organisations, "organisations")
        same(a.places.map(\.name), e.places, "places")
        same(a.events.map(\.name), e.events, "events")
        same(a.genres.map(\.name), e.genres, "genres")
        if let subjects = e.subjects {
            #expect(a.subjects.map(\.name) == subjects.map(\.name), label)
            #expect(a.subjects.map(\.uri) == subjects.map(\.uri), label)
            #expect(a.subjects.map(\.rel) == subjects.map(\.rel), label)
            #expect(a.subjects.map(\.creator) == subjects.map(\.creator), label)
            #expect(a.subjects.map(\.relevance) == subjects.map(\.relevance), label)
            #expect(a.subjects.map(\.confidence) == subjects.map(\.confidence), label)
        }
        same(a.keywords, e.keywords, "keywords")
        if let sources = e.infosources {
            #expect(a.infosources.map(\.name) == sources.map(\.name), label)
            #expect(a.infosources.map(\.rel) == sources.map(\.rel), label)
            #expect(a.infosources.map(\.uri) == sources.map(\.uri), label)
        }
        if let altids = e.altids {
            #expect(Dictionary(a.altids.map { ($0.role, $0.value) }, uniquingKeysWith: { x, _ in x }) == altids, label)
        }
        same(a.associations.count, e.associations, "association count")
        if let wanted = e.firstAssociation { check(a.associations.first, wanted, label) }
        if let wanted = e.lastAssociation { check(a.associations.last, wanted, label) }
        same(a.signals.map(\.description), e.signals, "signals")

        // What every ninjs article has.
        #expect(a.contentHash == ContentHash.of(a), label)
        #expect(a.source == NinjsFixtures.context.source(format: .ninjs), label)
        #expect(!a.version.isEmpty && !a.type.isEmpty, label)
    }

    private func check(_ found: Article.Association?, _ wanted: NinjsExpectation.Association, _ label: Comment) {
        guard let found else {
            Issue.record("\(label): association missing")
            return
        }
        #expect(found.name == wanted.name, label)
        #expect(found.uri == wanted.uri, label)
        #expect(found.type == wanted.type, label)
        #expect(found.caption == wanted.caption, label)
        #expect(found.credit == wanted.credit, label)
        #expect(found.by == wanted.by, label)
        #expect(found.copyrightholder == wanted.copyrightholder, label)
        #expect(found.versioncreated == wanted.versioncreated, label)
        let renditions = found.renditions.map {
            NinjsExpectation.Rendition(name: $0.name, href: $0.href, contenttype: $0.contenttype, width: $0.width, height: $0.height)
        }
        #expect(renditions == wanted.renditions, label)
    }

    @Test("parse keeps the good items of an array with bad ones")
    func goodOnes() throws {
        let articles = try NinjsParser().parse(try NinjsFixtures.document("array-with-bad-items"), context: NinjsFixtures.context)
        #expect(articles.map(\.uri) == ["urn:newsbus:test:ninjs:good-1", "urn:newsbus:test:ninjs:good-2"])
    }

    @Test("the ingestor routes ninjs to the ninjs parser")
    func throughIngestor() throws {
        let bytes = [UInt8](try Data(contentsOf: NinjsFixtures.directory.appendingPathComponent("array-of-three.json")))
        let result = try Ingestor(parsers: [NinjsParser()]).ingest(bytes, context: NinjsFixtures.context)
        #expect(result.format == .ninjs)
        #expect(result.articles.count == 3)
    }
}
