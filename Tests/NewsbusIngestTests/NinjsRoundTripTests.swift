import Foundation
import NewsbusIngest
import NewsbusWire
import Testing

/// `NinjsParser` is the inverse of `NinjsEncoder` for every field ninjs carries.
@Suite("ninjs round trip")
struct NinjsRoundTripTests {
    /// An article with every field ninjs carries set (and Newsbus extensions, which ninjs drops).
    static let maximal = Article(
        uri: "urn:newsbus:test:roundtrip:maximal", version: "7", type: "text", profile: "newsbus-test",
        firstcreated: "2024-03-07T05:00:00Z", versioncreated: "2024-03-07T08:30:00Z", contentcreated: "2024-03-06T18:00:00Z",
        embargoed: "2024-03-07T10:00:00Z", pubstatus: .withheld, urgency: 3, language: "en-GB",
        headlines: [
            Article.Text(role: "main", contenttype: "text/plain", value: "Inspectors find seepage at the Fellgate dam"),
            Article.Text(role: "short", contenttype: "", value: "Fellgate dam seepage"),
        ],
        descriptions: [Article.Text(role: "summary", contenttype: "text/plain", value: "A report describes seepage at the 80-year-old dam.")],
        bodies: [
            Article.Body(role: "main", contenttype: "text/plain", value: "Inspectors found water seeping.\n\n“It is safe,” the board said.",
                         charcount: 60, wordcount: 10, readingTimeSeconds: 3),
            Article.Body(role: "main", contenttype: "text/html", value: "<p>Inspectors found water seeping.</p><p>&ldquo;It is safe,&rdquo; the board said.</p>"),
        ],
        by: "Tomas Eriksen", located: "Fellgate", slugline: "DAM-REPORT", ednote: "Moves with photos.",
        people: [Article.Concept(name: "Hedda Lund", uri: "https://id.example.com/p/1", rel: "mentions", literal: "H. Lund")],
        organisations: [Article.Concept(name: "Fellgate Water Board", uri: "https://id.example.com/o/1", rel: "about")],
        places: [Article.Concept(name: "Fellgate", uri: "https://id.example.com/pl/1", rel: "located", literal: "Fellgate")],
        subjects: [
            Article.Concept(name: "dam", uri: "medtop:20000763", rel: "about", literal: "dams", creator: "editor", relevance: 90, confidence: 100),
            Article.Concept(name: "water supply", uri: "medtop:20000770", creator: "machine:classifier", relevance: 55, confidence: 80),
        ],
        events: [Article.Concept(name: "Dam inspection 2024", uri: "https://id.example.com/e/1", rel: "about")],
        genres: [Article.Concept(name: "Exclusive", uri: "http://cv.iptc.org/newscodes/genre/Exclusive", literal: "exclusive")],
        keywords: ["infrastructure", "Fellgate"],
        altids: [Article.AltId(role: "internal", value: "NW-42"), Article.AltId(role: "canonical-url", value: "https://wire.example.com/dam")],
        associations: [
            Article.Association(
                name: "featureimage", uri: "https://wire.example.com/photos/dam", type: "picture",
                caption: "The downstream face of the dam, March 6, 2024.", credit: "Photo by Ruth Okafor / Northwind Wire",
                by: "Ruth Okafor", copyrightholder: "Northwind Wire", versioncreated: "2024-03-06T15:20:00Z",
                renditions: [
                    Article.Rendition(name: "original", href: "https://img.example.com/dam.jpg", contenttype: "image/jpeg", width: 3000, height: 2000),
                    Article.Rendition(name: "thumbnail", href: "https://img.example.com/dam-t.jpg", contenttype: "image/jpeg", width: 300, height: 200),
                ]),
            Article.Association(
                name: "image2", uri: "https://wire.example.com/photos/spillway", type: "graphic", caption: "Spillway diagram.",
                credit: "Graphic: Northwind Wire", renditions: [Article.Rendition(name: "original", href: "https://img.example.com/spill.png")]),
        ],
        copyrightholder: "Northwind Wire", copyrightnotice: "© 2024 Northwind Wire", usageterms: "Embargoed.",
        infosources: [Article.Concept(name: "Fellgate Water Board", uri: "https://water.example.org", rel: "source", literal: "FWB")],
        sectionPath: ["News", "Regional"], quotes: [Article.Quote(content: "It is safe", cue: "said")], fingerprint: 42,
        provenance: [Article.Provenance(enricher: "enrich.stats")], signals: [.update],
        source: Article.Source(kind: "file", name: "x"), contentHash: "ignored", boilerplate: ["SHARE"])

    private func roundTrip(_ article: Article) throws -> Article {
        let json = try NinjsEncoder.json(for: article)
        let document = DecodedDocument(text: String(decoding: json, as: UTF8.self), bytes: [UInt8](json), encoding: "utf-8")
        let articles = try NinjsParser().parse(document, context: NinjsFixtures.context)
        try #require(articles.count == 1)
        return articles[0]
    }

    /// Every field ninjs carries, compared one by one.
    private func expectSameNinjsFields(_ y: Article, _ x: Article, associationURIs: Bool = true) {
        #expect(y.uri == x.uri)
        #expect(y.version == x.version)
        #expect(y.type == x.type)
        #expect(y.profile == x.profile)
        #expect(y.firstcreated == x.firstcreated)
        #expect(y.versioncreated == x.versioncreated)
        #expect(y.contentcreated == x.contentcreated)
        #expect(y.embargoed == x.embargoed)
        #expect(y.pubstatus == (x.pubstatus == .unspecified ? .usable : x.pubstatus))
        #expect(y.urgency == x.urgency)
        #expect(y.language == x.language)
        #expect(y.headlines == x.headlines)
        #expect(y.descriptions == x.descriptions)
        #expect(y.bodies.map(\.role) == x.bodies.map(\.role))
        #expect(y.bodies.map(\.contenttype) == x.bodies.map(\.contenttype))
        #expect(y.bodies.map(\.value) == x.bodies.map(\.value))
        #expect(y.bodies.map(\.charcount) == x.bodies.map(\.charcount))
        #expect(y.bodies.map(\.wordcount) == x.bodies.map(\.wordcount))
        #expect(y.by == x.by)
        #expect(y.located == x.located)
        #expect(y.slugline == x.slugline)
        #expect(y.ednote == x.ednote)
        let basic = { (c: Article.Concept) in Article.Concept(name: c.name, uri: c.uri, rel: c.rel, literal: c.literal) }
        #expect(y.people == x.people.map(basic))
        #expect(y.organisations == x.organisations.map(basic))
        #expect(y.places == x.places.map(basic))
        #expect(y.events == x.events.map(basic))
        #expect(y.genres == x.genres.map { Article.Concept(name: $0.name, uri: $0.uri, literal: $0.literal) })
        #expect(y.subjects == x.subjects.map {
            Article.Concept(name: $0.name, uri: $0.uri, rel: $0.rel, literal: $0.literal, creator: $0.creator, relevance: $0.relevance, confidence: $0.confidence)
        })
        #expect(y.keywords == x.keywords)
        #expect(y.altids == x.altids)
        #expect(y.associations.count == x.associations.count)
        for (b, a) in zip(y.associations, x.associations) {
            #expect(b.name == a.name)
            if associationURIs { #expect(b.uri == a.uri) }
            #expect(b.type == a.type)
            #expect(b.caption == a.caption)
            #expect(b.credit == a.credit)
            #expect(b.by == a.by)
            #expect(b.copyrightholder == a.copyrightholder)
            #expect(b.versioncreated == a.versioncreated)
            #expect(b.renditions == a.renditions)
        }
        #expect(y.copyrightholder == x.copyrightholder)
        #expect(y.copyrightnotice == x.copyrightnotice)
        #expect(y.usageterms == x.usageterms)
        #expect(y.infosources == x.infosources.map(basic))
    }

    @Test("a maximal article comes back field by field")
    func maximal() throws {
        let x = Self.maximal
        let y = try roundTrip(x)
        expectSameNinjsFields(y, x)
        // What ninjs does not carry is not invented.
        #expect(y.sectionPath.isEmpty && y.quotes.isEmpty && y.provenance.isEmpty && y.fingerprint == 0 && y.boilerplate.isEmpty)
        #expect(y.signals.isEmpty)
        #expect(y.contentHash == ContentHash.of(y))
        // A second trip is stable.
        #expect(try roundTrip(y) == y)
    }

    @Test("a kill comes back canceled with sig:withdraw")
    func kill() throws {
        var x = Self.maximal
        x.pubstatus = .canceled
        let y = try roundTrip(x)
        #expect(y.pubstatus == .canceled)
        #expect(y.signals == [.withdraw])
    }

    @Test("a minimal article comes back with the defaults")
    func minimal() throws {
        let y = try roundTrip(Article(uri: "urn:newsbus:test:minimal"))
        #expect(y.uri == "urn:newsbus:test:minimal")
        #expect(y.type == "text" && y.version == "1" && y.pubstatus == .usable && y.urgency == 0)
        #expect(y.headlines.isEmpty && y.bodies.isEmpty && y.associations.isEmpty)
    }

    @Test("every feed fixture's articles survive ninjs", arguments: FeedFixtures.names)
    func feedArticles(_ name: String) throws {
        for x in try FeedParser().parse(try FeedFixtures.document(name), context: FeedFixtures.context) {
            // The encoder gives an association without uri "<article uri>#<name>".
            expectSameNinjsFields(try roundTrip(x), x, associationURIs: false)
        }
    }
}
