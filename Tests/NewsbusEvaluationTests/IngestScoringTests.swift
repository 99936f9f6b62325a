import Foundation
import NewsbusEvaluation
import Testing

/// A small plain-text scrape: breadcrumb, headline, two paragraphs, a share line.
private let scrape = """
    News   /   Transport

    Ferry to Gull Island resumes after three-day storm halt

    The ferry between Pier 9 and Gull Island resumed on Monday after a storm kept it in port for three days, the operator said.

    "We are glad to be sailing again," captain Lena Moss said as the first boat left at 6 a.m.

    SHARE THIS ARTICLE

    """

private func fixture(_ article: ArticleExpectation, format: String = "text", bytes: String = scrape) -> IngestFixture {
    IngestFixture(name: "text/ferry.txt", bytes: Array(bytes.utf8), expectation: IngestExpectation(format: format, articles: [article]))
}

@Suite("Ingest scoring")
struct IngestScoringTests {
    @Test("snippets found, missing and unwanted count as TP, FN and FP; fields as right or wrong")
    func counts() {
        let score = IngestScorer().score(
            fixture(
                ArticleExpectation(
                    uriPrefix: "urn:newsbus:text:", headline: "Ferry to Gull Island resumes after three-day storm halt",
                    sectionPath: ["News", "Transport"], byline: "Lena Moss", firstcreated: "RECEIVED", images: [],
                    mustContain: ["resumed on Monday after a storm", "captain Lena Moss said", "The fare rises in May"],
                    mustNotContain: ["SHARE THIS ARTICLE", "first boat left at 6 a.m."])))
        #expect(score.body == Score(truePositives: 2, falsePositives: 1, falseNegatives: 1))
        #expect(score.bodyTrueNegatives == 1)
        #expect(score.fields[.headline] == FieldAccuracy(correct: 1, total: 1))
        #expect(score.fields[.sectionPath] == FieldAccuracy(correct: 1, total: 1))
        #expect(score.fields[.uri] == FieldAccuracy(correct: 1, total: 1))
        #expect(score.fields[.firstcreated] == FieldAccuracy(correct: 1, total: 1))
        #expect(score.fields[.captions] == FieldAccuracy(correct: 1, total: 1))
        #expect(score.fields[.byline] == FieldAccuracy(correct: 0, total: 1), "a scrape has no byline")
        #expect(score.fields[.versioncreated] == nil, "not given, not checked")
        #expect(score.misses.map(\.check) == ["byline", "must_contain", "must_not_contain"])
        #expect(score.misses.first?.description == #"text/ferry.txt #1 byline: expected "Lena Moss", found """#)
    }

    @Test("fields and snippets are compared after whitespace normalisation")
    func whitespace() {
        let score = IngestScorer().score(
            fixture(
                ArticleExpectation(
                    headline: "  Ferry to Gull Island\nresumes after three-day   storm halt ",
                    mustContain: ["The ferry between Pier 9\n and Gull Island"])))
        #expect(score.misses.isEmpty, "\(score.misses)")
        #expect(score.body == Score(truePositives: 1))
    }

    @Test("input that cannot be ingested misses every expectation")
    func unreadable() {
        let score = IngestScorer().score(
            fixture(ArticleExpectation(headline: "Ferry", mustContain: ["ferry", "storm"], mustNotContain: ["SHARE"]), bytes: "   \n"))
        #expect(score.fields[.format] == FieldAccuracy(correct: 0, total: 1))
        #expect(score.misses.first?.found.hasPrefix("ingest failed: empty") == true)
        #expect(score.fields[.articleCount] == FieldAccuracy(correct: 0, total: 1))
        #expect(score.fields[.headline] == FieldAccuracy(correct: 0, total: 1))
        #expect(score.body == Score(falseNegatives: 2))
    }

    @Test("a wrong format is a miss")
    func wrongFormat() {
        let score = IngestScorer().score(fixture(ArticleExpectation(), format: "html"))
        #expect(score.fields[.format] == FieldAccuracy(correct: 0, total: 1))
        #expect(score.misses.map(\.found) == ["text"])
    }

    @Test("the benchmark reports every format with its sizes and a timing")
    func benchmark() {
        let good = fixture(ArticleExpectation(headline: "Ferry to Gull Island resumes after three-day storm halt"))
        let reports = IngestBenchmark(fixtures: [good, good]).run(repetitions: 3)
        #expect(reports.map(\.format) == ["text"])
        #expect(reports.first?.files == 2)
        #expect(reports.first?.bytes == 2 * scrape.utf8.count)
        #expect(reports.first?.repetitions == 3)
        #expect(reports.first?.fields[.headline] == FieldAccuracy(correct: 2, total: 2))
        #expect((reports.first?.seconds ?? 0) > 0)
        #expect((reports.first?.filesPerSecond ?? 0) > 0)
    }
}

@Suite("Ingest fixture folders")
struct IngestFixtureLoadingTests {
    private func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("newsbus-fixtures-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    private let expectation = #"{"format": "text", "articles": [{"headline": "Ferry", "must_contain": ["ferry"]}]}"#

    @Test("inputs pair with the expectation beside them, in every subfolder")
    func pairs() throws {
        let root = try folder([
            "text/b.txt": scrape, "text/b.expected.json": expectation, "html/a.html": "<html></html>",
            "html/a.expected.json": #"{"format": "html", "articles": []}"#, "README.md": "about",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let fixtures = try IngestFixtures.load(from: root)
        #expect(fixtures.map(\.name) == ["html/a.html", "text/b.txt"])
        #expect(fixtures.last?.filename == "b.txt")
        #expect(fixtures.last?.expectation.articles.first?.mustContain == ["ferry"])
        #expect(fixtures.last?.expectation.articles.first?.mustNotContain == [])
        #expect(fixtures.last?.bytes == Array(scrape.utf8))
    }

    @Test("an input without expectation, an expectation without input and a bad expectation are errors naming the file")
    func errors() throws {
        let lonelyInput = try folder(["x/a.txt": scrape])
        let lonelyExpectation = try folder(["x/a.expected.json": expectation])
        let badExpectation = try folder(["a.txt": scrape, "a.expected.json": #"{"format": "text", "articles": [{"headline": 3}]}"#])
        defer { for url in [lonelyInput, lonelyExpectation, badExpectation] { try? FileManager.default.removeItem(at: url) } }

        #expect(throws: IngestFixtureError.self) { try IngestFixtures.load(from: lonelyInput) }
        do {
            _ = try IngestFixtures.load(from: lonelyInput)
        } catch {
            #expect(error.path.hasSuffix("x/a.txt") && error.reason == "no a.expected.json beside it")
        }
        do {
            _ = try IngestFixtures.load(from: lonelyExpectation)
            Issue.record("an expectation without input loaded")
        } catch {
            #expect(error.path.hasSuffix("x/a.expected.json") && error.reason == "no input file beside this expectation")
        }
        do {
            _ = try IngestFixtures.load(from: badExpectation)
            Issue.record("a bad expectation loaded")
        } catch {
            #expect(error.reason.hasPrefix("not a valid expectation: .articles[0].headline"), "\(error.reason)")
        }
        #expect(throws: IngestFixtureError.self) { try IngestFixtures.load(from: lonelyInput.appendingPathComponent("missing")) }
    }
}
