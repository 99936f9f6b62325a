import Foundation
import NewsbusEvaluation
import NewsbusWire
import Testing

/// The annotated article set, found from this file's path.
enum FixtureSet {
    /// `Tests/NewsbusEnrichTests/Fixtures/articles`: this file is `Tests/NewsbusEvaluationTests/EnrichmentFixtureTests.swift`.
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // NewsbusEvaluationTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("NewsbusEnrichTests")
        .appendingPathComponent("Fixtures")
        .appendingPathComponent("articles")
}

@Suite("EnrichmentFixture")
struct EnrichmentFixtureTests {
    /// A fresh, empty directory for fixture files.
    private func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("enrichment-fixtures-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private let page = "News / World / Asia\n\nEnvoys meet in Jakarta\n\nThe envoys met on Tuesday, officials said.\n"

    private func write(_ text: String, _ name: String, in directory: URL) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }

    private func loadError(_ directory: URL) -> EnrichmentFixtureError? {
        do {
            _ = try EnrichmentFixture.loadAll(from: directory)
            return nil
        } catch {
            return error
        }
    }

    @Test("a fixture pair loads into an article and a typed expectation")
    func loadsPair() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try write(page, "02-b.txt", in: directory)
        try write(#"{"anchor": "2022-12-13", "dates": [{"text": "on Tuesday", "value": "2022-12-13"}], "people": []}"#, "02-b.expected.json", in: directory)
        try write(page, "01-a.txt", in: directory)
        try write(#"{"language": "en", "quotes": [{"text": "met on Tuesday"}]}"#, "01-a.expected.json", in: directory)
        try write("not a fixture", "README.md", in: directory)

        let fixtures = try EnrichmentFixture.loadAll(from: directory)
        #expect(fixtures.map(\.name) == ["01-a", "02-b"])
        let first = try #require(fixtures.first)
        #expect(first.article.headline == "Envoys meet in Jakarta")
        #expect(first.article.sectionPath == ["News", "World", "Asia"])
        #expect(first.article.mainBody?.value == "The envoys met on Tuesday, officials said.")
        #expect(first.expectation.language == "en")
        #expect(first.expectation.people == nil)
        #expect(first.expectation.quotes == [EnrichmentExpectation.Quote(text: "met on Tuesday", speaker: nil, partial: false)])
        let second = fixtures[1]
        #expect(second.expectation.people == [])
        #expect(second.expectation.dates == [EnrichmentExpectation.DateExpression(text: "on Tuesday", value: "2022-12-13")])
        #expect(second.article.firstcreated == "2022-12-13T12:00:00Z")
    }

    @Test("bad JSON is reported with the file name and the place of the problem")
    func badJSON() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try write(page, "01-a.txt", in: directory)
        try write(#"{"quotes": [{"text": "x"}, {"speaker": "Kim"}]}"#, "01-a.expected.json", in: directory)
        let error = try #require(loadError(directory))
        guard case .badExpectation(let file, let reason) = error else {
            Issue.record("unexpected error \(error)")
            return
        }
        #expect(file == "01-a.expected.json")
        #expect(reason.contains("quotes[1].text"))
        #expect(error.description.hasPrefix("01-a.expected.json: bad expectation"))

        try write(#"{"language": "en",,}"#, "01-a.expected.json", in: directory)
        guard case .badExpectation(file: "01-a.expected.json", _) = loadError(directory) else {
            Issue.record("malformed JSON was not reported against its file")
            return
        }
    }

    @Test("unsound values are rejected with the file name")
    func unsoundValues() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try write(page, "01-a.txt", in: directory)
        let cases = [
            (#"{"dates": [{"text": "on Tuesday", "value": "Tuesday"}]}"#, "is not yyyy"),
            (#"{"places": [{"name": "Japan", "code": "JPN"}]}"#, "ISO 3166-1"),
            (#"{"people": [{"name": "Kim"}], "quotes": [{"text": "x", "speaker": "Gunn"}]}"#, "\"Gunn\" is not among"),
            (#"{"anchor": "2022-13-01"}"#, "anchor"),
        ]
        for (json, fragment) in cases {
            try write(json, "01-a.expected.json", in: directory)
            let error = loadError(directory)
            #expect(error?.description.hasPrefix("01-a.expected.json: bad expectation") == true, "\(json)")
            #expect(error?.description.contains(fragment) == true, "\(json) → \(String(describing: error))")
        }
    }

    @Test("a page without an answer key, or the reverse, is an error naming the file")
    func unpaired() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try write(page, "01-a.txt", in: directory)
        #expect(loadError(directory) == .unpaired(file: "01-a.txt"))
        try FileManager.default.removeItem(at: directory.appendingPathComponent("01-a.txt"))
        try write("{}", "02-b.expected.json", in: directory)
        #expect(loadError(directory) == .unpaired(file: "02-b.expected.json"))
    }

    @Test("a page that is not a text scrape is an error naming the file")
    func unparsablePage() throws {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try write("   \n\n", "01-a.txt", in: directory)
        try write("{}", "01-a.expected.json", in: directory)
        guard case .unparsable(file: "01-a.txt", _) = loadError(directory) else {
            Issue.record("an empty page was not reported against its file")
            return
        }
    }
}

@Suite("Annotated article set")
struct AnnotatedArticleSetTests {
    let fixtures: [EnrichmentFixture]

    init() throws {
        fixtures = try EnrichmentFixture.loadAll(from: FixtureSet.directory)
    }

    @Test("the set holds at least 22 English articles and 10 in other languages, all annotated for language and subjects")
    func coverage() {
        let english = fixtures.filter { $0.expectation.language == "en" }
        let others = Set(fixtures.compactMap(\.expectation.language).filter { $0 != "en" })
        #expect(english.count >= 22)
        #expect(others.isSuperset(of: ["fr", "de", "es", "it", "pt", "nl", "sv", "pl", "tr", "id", "ja", "ko", "zh", "ru", "ar"]))
        for fixture in fixtures {
            #expect(fixture.expectation.language != nil, "\(fixture.name)")
            #expect((1...3).contains(fixture.expectation.subjects?.count ?? 0), "\(fixture.name)")
        }
        for fixture in english {
            let e = fixture.expectation
            #expect(e.people != nil && e.organisations != nil && e.places != nil && e.quotes != nil && e.dates != nil, "\(fixture.name)")
        }
    }

    @Test("every page parses to a headline and a main body; captions are not body text")
    func parses() {
        for fixture in fixtures {
            let body = fixture.article.mainBody?.value ?? ""
            #expect(!fixture.article.headline.isEmpty, "\(fixture.name)")
            #expect(body.count > 200, "\(fixture.name): main body of \(body.count) characters")
            // Every page's lead caption is recognised, whatever the language of its credit
            // ("Foto:", "Fot.", "写真：", "사진=", "تصوير:"…).
            #expect(!fixture.article.associations.isEmpty, "\(fixture.name): no lead caption found")
            for caption in fixture.article.associations.map(\.caption) where !caption.isEmpty {
                #expect(!body.contains(caption), "\(fixture.name): caption left in the body")
            }
            #expect(!body.localizedCaseInsensitiveContains("SHARE THIS ARTICLE"), "\(fixture.name): boilerplate in the body")
        }
    }

    @Test("every annotated quote and date is verbatim in the main body")
    func annotationsAreInTheBody() {
        for fixture in fixtures {
            let body = EvaluationText.folded(fixture.article.mainBody?.value ?? "")
            for quote in fixture.expectation.quotes ?? [] {
                #expect(body.contains(EvaluationText.folded(quote.text)), "\(fixture.name): quote \"\(quote.text)\"")
            }
            for date in fixture.expectation.dates ?? [] {
                #expect(body.contains(EvaluationText.folded(date.text)), "\(fixture.name): date \"\(date.text)\"")
            }
        }
    }

    @Test("the dateline place is in the main body, at the start of the English pages")
    func located() {
        for fixture in fixtures {
            guard let located = fixture.expectation.located else { continue }
            let body = EvaluationText.folded(fixture.article.mainBody?.value ?? "")
            let place = EvaluationText.folded(located)
            if fixture.expectation.language == "en" {
                #expect(body.hasPrefix(place), "\(fixture.name): \(located)")
            } else {
                #expect(body.contains(place), "\(fixture.name): \(located)")
            }
        }
    }

    @Test("predictions copied from the annotations score perfectly")
    func perfectPredictions() {
        var total = EnrichmentReport()
        for fixture in fixtures {
            let e = fixture.expectation
            var article = fixture.article
            func concepts(_ list: [EnrichmentExpectation.Entity]?) -> [Article.Concept] {
                (list ?? []).map { Article.Concept(name: $0.name, code: $0.code ?? "") }
            }
            article.people = concepts(e.people)
            article.organisations = concepts(e.organisations)
            article.places = concepts(e.places)
            article.quotes = (e.quotes ?? []).map { Article.Quote(content: $0.text, speaker: $0.speaker.map { Article.Concept(name: $0) }) }
            article.dates = (e.dates ?? []).map { Article.DateMention(text: $0.text, value: $0.value) }
            article.subjects = (e.subjects ?? []).map { Article.Concept(uri: $0) }
            article.language = e.language ?? ""
            article.located = e.located ?? ""
            total += EnrichmentScorer().score(article, against: e, fixture: fixture.name)
        }
        #expect(total.mismatches.isEmpty, "\(total.mismatches.prefix(5).map(\.description))")
        #expect(total.fixtures == fixtures.count)
        for score in [total.people, total.organisations, total.places, total.quotes, total.quotesWithSpeaker, total.dates, total.subjects] {
            #expect(score.f1 == 1 && score.truePositives > 0)
        }
        #expect(total.placeCodes.value == 1 && total.language.value == 1 && total.located.value == 1)
    }
}
