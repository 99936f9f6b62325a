import Foundation
import NewsbusEvaluation
import NewsbusIngest
import NewsbusWire
import Testing

/// The fixture set: every input under `Fixtures/` with the `.expected.json` beside it.
enum FixtureSet {
    /// `Tests/NewsbusIngestTests/Fixtures`, found from this file's path.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The fixtures, or the error that kept them from loading.
    static let loaded = Result { () throws(IngestFixtureError) in try IngestFixtures.load(from: directory) }

    /// Every fixture's name, as test arguments (empty when loading failed; `fixturesLoad` fails then).
    static let names: [String] = ((try? loaded.get()) ?? []).map(\.name)

    /// The fixture of that name.
    static func fixture(_ name: String) throws -> IngestFixture {
        try #require(try loaded.get().first { $0.name == name })
    }

    /// The fixture's expectation file decoded for the format details the scorer does not read.
    static func details(_ fixture: IngestFixture) throws -> FixtureDetails {
        let url = directory.appendingPathComponent(fixture.name).deletingPathExtension().appendingPathExtension("expected.json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(FixtureDetails.self, from: Data(contentsOf: url))
    }
}

/// The keys of an expectation file beyond the scored ones (``IngestExpectation``): format
/// details that only these tests check. Every key is optional; an absent key is not checked.
struct FixtureDetails: Decodable {
    struct Skipped: Decodable {
        var index: Int
        var reason: String
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

    struct Article: Decodable {
        var version: String?
        var type: String?
        var profile: String?
        var headlineCount: Int?
        var pubstatus: String?
        var urgency: UInt32?
        var language: String?
        var located: String?
        var slugline: String?
        var ednote: String?
        var copyrightholder: String?
        var copyrightnotice: String?
        var usageterms: String?
        var contentcreated: String?
        var embargoed: String?
        /// The summary description; `""` for none.
        var summary: String?
        var keywords: [String]?
        /// Exactly these alternative ids, by role.
        var altids: [String: String]?
        /// Feed categories: subjects with rel `category`, by name.
        var categories: [String]?
        var subjects: [Subject]?
        var people: [String]?
        var organisations: [String]?
        var places: [String]?
        var events: [String]?
        var genres: [String]?
        var infosources: [Source]?
        var signals: [String]?
        var bodies: [BodyShape]?
        /// Snippets of the text/html body.
        var htmlBodyContains: [String]?
        /// Number of body paragraphs (blocks separated by a blank line).
        var paragraphs: Int?
        var bodyStartsWith: String?
        var bodyEndsWith: String?
        /// The lines removed as boilerplate, in order.
        var boilerplate: [String]?
    }

    /// Feeds: items in the feed, skipped ones included.
    var itemCount: Int?
    /// Feeds: the items skipped, with the reason.
    var skipped: [Skipped]?
    var articles: [Article]
}

@Suite("Ingest fixtures")
struct IngestFixtureTests {
    @Test("the fixture set loads: every input has its expectation and every expectation its input")
    func fixturesLoad() throws {
        let fixtures = try FixtureSet.loaded.get()
        #expect(fixtures.count >= 30)
        let formats = Set(fixtures.map(\.expectation.format))
        #expect(formats == ["text", "html", "rss", "atom", "ninjs"])
        for fixture in fixtures where fixture.expectation.format == "text" || fixture.expectation.format == "html" {
            let article = try #require(fixture.expectation.articles.first)
            #expect(fixture.expectation.articles.count == 1, "\(fixture.name)")
            #expect(article.mustContain.count >= 3, "\(fixture.name)")
            #expect(article.mustNotContain.count >= 3, "\(fixture.name)")
        }
    }

    @Test("every example article has a fixture copy with an expectation")
    func examplesAreFixtures() throws {
        for name in try PackageFiles.articleNames() {
            let fixture = try FixtureSet.fixture("text/" + name)
            #expect(try PackageFiles.articleBytes(name) == fixture.bytes, "\(name)")
        }
    }

    @Test("the input gives what its expectation says", arguments: FixtureSet.names)
    func fixture(_ name: String) throws {
        let fixture = try FixtureSet.fixture(name)
        let details = try FixtureSet.details(fixture)
        let result = try Ingestor().ingest(fixture.bytes, context: fixture.context)
        #expect(result.format.shortName == fixture.expectation.format)

        // The scored fields and body snippets, whitespace-normalised: no miss at all.
        let score = IngestScorer.score(.success(result), against: fixture)
        #expect(score.misses.isEmpty, "\(score.misses.map(\.description).joined(separator: "\n"))")
        #expect(score.body.falsePositives == 0 && score.body.falseNegatives == 0)

        let wanted = zip(fixture.expectation.articles, details.articles).filter { $0.0.error == nil }
        try #require(result.articles.count == wanted.count, "\(result.articles.map(\.headline))")
        for (article, (expected, detail)) in zip(result.articles, wanted) {
            let label = Comment(rawValue: "\(name): \(article.headline)")
            checkExactly(article, expected, label)
            checkDetails(article, detail, label)
            checkShape(article, result.format, fixture, label)
        }
        try checkRefusedItems(fixture, details)
    }

    @Test("text scrapes: every text is normalised", arguments: FixtureSet.names.filter { $0.hasPrefix("text/") })
    func normalisedText(_ name: String) throws {
        let fixture = try FixtureSet.fixture(name)
        let page = try TextScrapeParser().parse(bytes: fixture.bytes)
        for text in [page.headline] + page.sectionPath + page.paragraphs + page.captions.map(\.text) {
            #expect(!text.contains("\r"))
            #expect(!text.contains("\u{00A0}") && !text.contains("\u{202F}") && !text.contains("\u{2009}"))
            #expect(!text.contains("\u{2019}") && !text.contains("\u{201C}") && !text.contains("\u{201D}"))
            #expect(!text.contains("  "))
            #expect(text == text.trimmingCharacters(in: .whitespaces))
        }
        for paragraph in page.paragraphs {
            #expect(!paragraph.contains("SHARE THIS"))
            for caption in page.captions { #expect(!paragraph.hasSuffix("(\(caption.credit))"), "credit in paragraph \(paragraph)") }
        }
        #expect(try TextScrapeParser().parse(String(decoding: fixture.bytes, as: UTF8.self)) == page, "text and bytes parse alike")
    }

    /// Snippets as written (no whitespace normalisation) and every picture field given.
    private func checkExactly(_ article: Article, _ expected: ArticleExpectation, _ label: Comment) {
        let body = article.mainBody?.value ?? ""
        for snippet in expected.mustContain { #expect(body.contains(snippet), "\(label): missing \(snippet)") }
        for snippet in expected.mustNotContain { #expect(!body.contains(snippet), "\(label): unexpected \(snippet)") }
        if let headline = expected.headline { #expect(article.headline == headline, label) }
        if let byline = expected.byline { #expect(article.by == byline, label) }
        guard let images = expected.images else { return }
        #expect(article.associations.count == images.count, label)
        for (found, want) in zip(article.associations, images) {
            func same<T: Equatable>(_ value: T, _ wanted: T?, _ field: String) {
                if let wanted { #expect(value == wanted, "\(label): \(field) of \(found.name)") }
            }
            same(found.name, want.name, "name")
            same(found.type, want.type, "type")
            same(found.uri, want.uri, "uri")
            same(found.caption, want.caption, "caption")
            same(found.credit, want.credit, "credit")
            same(found.by, want.by, "by")
            same(found.copyrightholder, want.copyrightholder, "copyrightholder")
            same(found.position, want.position, "position")
            same(found.versioncreated, want.versioncreated, "versioncreated")
            if let renditions = want.renditions {
                #expect(found.renditions.count == renditions.count, label)
                for (rendition, wanted) in zip(found.renditions, renditions) {
                    #expect(rendition.href == wanted.href, label)
                    same(rendition.name, wanted.name, "rendition name")
                    same(rendition.contenttype, wanted.contenttype, "rendition contenttype")
                    same(rendition.width, wanted.width, "rendition width")
                    same(rendition.height, wanted.height, "rendition height")
                }
            }
        }
    }

    /// The format details of the expectation file.
    private func checkDetails(_ a: Article, _ e: FixtureDetails.Article, _ label: Comment) {
        func same<T: Equatable>(_ found: T, _ wanted: T?, _ field: String) {
            if let wanted { #expect(found == wanted, "\(label): \(field)") }
        }
        same(a.version, e.version, "version")
        same(a.type, e.type, "type")
        same(a.profile, e.profile, "profile")
        same(a.headlines.count, e.headlineCount, "headline count")
        same(a.pubstatus.description, e.pubstatus, "pubstatus")
        same(a.urgency, e.urgency, "urgency")
        same(a.language, e.language, "language")
        same(a.located, e.located, "located")
        same(a.slugline, e.slugline, "slugline")
        same(a.ednote, e.ednote, "ednote")
        same(a.copyrightholder, e.copyrightholder, "copyrightholder")
        same(a.copyrightnotice, e.copyrightnotice, "copyrightnotice")
        same(a.usageterms, e.usageterms, "usageterms")
        same(a.contentcreated, e.contentcreated, "contentcreated")
        same(a.embargoed, e.embargoed, "embargoed")
        same(a.descriptions.first { $0.role == "summary" }?.value ?? "", e.summary, "summary")
        same(a.keywords, e.keywords, "keywords")
        if let altids = e.altids {
            #expect(Dictionary(a.altids.map { ($0.role, $0.value) }, uniquingKeysWith: { x, _ in x }) == altids, label)
            #expect(a.altids.count == altids.count, label)
        }
        if let categories = e.categories {
            #expect(a.subjects.map(\.name) == categories, label)
            #expect(a.subjects.allSatisfy { $0.rel == "category" }, label)
        }
        if let subjects = e.subjects {
            #expect(a.subjects.map(\.name) == subjects.map(\.name), label)
            #expect(a.subjects.map(\.uri) == subjects.map(\.uri), label)
            #expect(a.subjects.map(\.rel) == subjects.map(\.rel), label)
            #expect(a.subjects.map(\.creator) == subjects.map(\.creator), label)
            #expect(a.subjects.map(\.relevance) == subjects.map(\.relevance), label)
            #expect(a.subjects.map(\.confidence) == subjects.map(\.confidence), label)
        }
        same(a.people.map(\.name), e.people, "people")
        same(a.organisations.map(\.name), e.organisations, "organisations")
        same(a.places.map(\.name), e.places, "places")
        same(a.events.map(\.name), e.events, "events")
        same(a.genres.map(\.name), e.genres, "genres")
        if let sources = e.infosources {
            #expect(a.infosources.map(\.name) == sources.map(\.name), label)
            #expect(a.infosources.map(\.rel) == sources.map(\.rel), label)
            #expect(a.infosources.map(\.uri) == sources.map(\.uri), label)
        }
        same(a.signals.map(\.description), e.signals, "signals")
        if let bodies = e.bodies {
            #expect(a.bodies.map(\.role) == bodies.map(\.role), label)
            #expect(a.bodies.map(\.contenttype) == bodies.map(\.contenttype), label)
            for (body, shape) in zip(a.bodies, bodies) {
                same(body.charcount, shape.charcount, "charcount")
                same(body.wordcount, shape.wordcount, "wordcount")
            }
        }
        let html = a.bodies.first { $0.contenttype == "text/html" }?.value ?? ""
        for snippet in e.htmlBodyContains ?? [] { #expect(html.contains(snippet), "\(label): missing \(snippet) in the HTML body") }
        let body = a.mainBody?.value ?? ""
        same(body.components(separatedBy: "\n\n").count, e.paragraphs, "paragraph count")
        if let start = e.bodyStartsWith { #expect(body.hasPrefix(start), "\(label): body starts \(body.prefix(80))") }
        if let end = e.bodyEndsWith { #expect(body.hasSuffix(end), "\(label): body ends \(body.suffix(80))") }
        same(a.boilerplate, e.boilerplate, "boilerplate")
    }

    /// What every article of its format has.
    private func checkShape(_ a: Article, _ format: InputFormat, _ fixture: IngestFixture, _ label: Comment) {
        let body = a.mainBody?.value ?? ""
        #expect(a.contentHash == ContentHash.of(a), label)
        #expect(a.contentHash.count == 64, label)
        #expect(a.source == fixture.context.source(format: format), label)
        #expect(!a.version.isEmpty && !a.type.isEmpty, label)
        switch format {
        case .textScrape, .html:
            #expect(a.version == "1" && a.type == "text", label)
            #expect(a.bodies.count == 1 && a.mainBody?.role == "main" && a.mainBody?.contenttype == "text/plain", label)
            #expect(!body.contains("\n\n\n") && body == body.trimmingCharacters(in: .whitespacesAndNewlines), label)
            #expect(a.altids.contains(Article.AltId(role: "filename", value: fixture.filename)), label)
            #expect(a.associations.allSatisfy { $0.type == "picture" }, label)
        case .rss, .atom:
            #expect(a.version == "1" && a.type == "text" && a.pubstatus == .usable, label)
            #expect(a.headlines.count == 1 && a.headlines[0].role == "main" && a.headlines[0].contenttype == "text/plain", label)
            #expect(a.bodies.allSatisfy { $0.contenttype == "text/plain" && $0.role == "main" }, label)
            #expect(!body.contains("  ") && !body.hasPrefix(" ") && !body.hasSuffix(" ") && !body.contains("\n\n\n"), label)
            #expect(a.associations.allSatisfy { $0.type == "picture" && !$0.renditions.isEmpty }, label)
            if let first = a.associations.first { #expect(first.name == "featureimage", label) }
        case .ninjs:
            break
        }
    }

    /// Feeds: the item count and the skipped items; ninjs arrays: the refused items, with position and reason.
    private func checkRefusedItems(_ fixture: IngestFixture, _ details: FixtureDetails) throws {
        let document = try TextDecoding.decode(fixture.bytes)
        switch fixture.format {
        case .rss?, .atom?:
            let feed = try FeedParser(format: fixture.format ?? .rss).parseFeed(document, context: fixture.context)
            if let count = details.itemCount { #expect(feed.itemCount == count) }
            if let skipped = details.skipped {
                #expect(feed.skipped.map(\.index) == skipped.map(\.index))
                #expect(feed.skipped.map(\.reason) == skipped.map(\.reason))
            }
            #expect(feed.skipped.allSatisfy { $0.line > 0 })
        case .ninjs?:
            let results = try NinjsParser().parseItems(document, context: fixture.context)
            try #require(results.count == fixture.expectation.articles.count)
            for (result, expected) in zip(results, fixture.expectation.articles) {
                switch (result, expected.error) {
                case let (.failure(error), wanted?):
                    #expect(error == .malformed(format: "ninjs", line: wanted.line, column: wanted.column, reason: wanted.reason))
                case (.success, nil):
                    break
                case let (result, wanted):
                    Issue.record("item gave \(result), expected \(wanted.map { "error \($0.reason)" } ?? "an article")")
                }
            }
        default:
            #expect(fixture.expectation.articles.allSatisfy { $0.error == nil })
        }
    }
}
