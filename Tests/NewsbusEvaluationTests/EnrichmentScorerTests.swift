import NewsbusEvaluation
import NewsbusWire
import Testing

private typealias Entity = EnrichmentExpectation.Entity
private typealias ExpectedQuote = EnrichmentExpectation.Quote
private typealias ExpectedDate = EnrichmentExpectation.DateExpression

@Suite("EnrichmentScorer")
struct EnrichmentScorerTests {
    let scorer = EnrichmentScorer()

    private func concept(_ name: String, aliases: [String] = [], code: String = "") -> Article.Concept {
        Article.Concept(name: name, code: code, aliases: aliases)
    }

    // MARK: Entities

    @Test("a predicted name matches the expected name or one of its aliases")
    func nameOrExpectedAlias() {
        var article = Article()
        article.people = [concept("Hayashida Kenji"), concept("Kessler")]
        let expectation = EnrichmentExpectation(people: [
            Entity(name: "Hayashida Kenji", aliases: ["Hayashida"]), Entity(name: "Ryan Kessler", aliases: ["Kessler"]),
        ])
        #expect(scorer.score(article, against: expectation).people == Score(truePositives: 2))
    }

    @Test("the expected name matches one of the predicted aliases")
    func predictedAlias() {
        var article = Article()
        article.organisations = [concept("IAEA", aliases: ["International Atomic Energy Agency"])]
        let expectation = EnrichmentExpectation(organisations: [Entity(name: "International Atomic Energy Agency")])
        #expect(scorer.score(article, against: expectation).organisations == Score(truePositives: 1))
    }

    @Test("aliases of the prediction are not compared with aliases of the expectation")
    func aliasToAliasIsNoMatch() {
        var article = Article()
        article.organisations = [concept("Atomic Agency", aliases: ["IAEA"])]
        let expectation = EnrichmentExpectation(organisations: [Entity(name: "International Atomic Energy Agency", aliases: ["IAEA"])])
        #expect(scorer.score(article, against: expectation).organisations == Score(falsePositives: 1, falseNegatives: 1))
    }

    @Test("names match regardless of case and diacritics")
    func diacritics() {
        var article = Article()
        article.people = [concept("ruta kazlauskiene"), concept("EMRE AYDIN")]
        let expectation = EnrichmentExpectation(people: [Entity(name: "Rūta Kazlauskienė"), Entity(name: "Emre Aydın")])
        #expect(scorer.score(article, against: expectation).people == Score(truePositives: 2))
    }

    @Test("each expected entity is matched once: a duplicate prediction is spurious")
    func oneToOne() {
        var article = Article()
        article.people = [concept("Kim Dong-hyun"), concept("Kim"), concept("Gunn")]
        let expectation = EnrichmentExpectation(people: [Entity(name: "Kim Dong-hyun", aliases: ["Kim"])])
        let report = scorer.score(article, against: expectation, fixture: "f")
        #expect(report.people == Score(truePositives: 1, falsePositives: 2))
        #expect(report.mismatches.filter { $0.kind == .spurious }.compactMap(\.predicted) == ["\"Kim\"", "\"Gunn\""])
    }

    @Test("place codes are scored over matched places that have an expected code")
    func placeCodes() {
        var article = Article()
        article.places = [concept("Japan", code: "jp"), concept("North Korea", code: "KR"), concept("Jakarta", code: "ID"), concept("Mars", code: "XX")]
        let expectation = EnrichmentExpectation(places: [
            Entity(name: "Japan", code: "JP"), Entity(name: "North Korea", code: "KP"), Entity(name: "Jakarta"),
            Entity(name: "Indonesia", code: "ID"),
        ])
        let report = scorer.score(article, against: expectation, fixture: "f")
        #expect(report.places == Score(truePositives: 3, falsePositives: 1, falseNegatives: 1))
        #expect(report.placeCodes == Accuracy(correct: 1, total: 2))
        let wrong = report.mismatches.filter { $0.field == .placeCode }
        #expect(wrong.map(\.description) == ["f: place code: wrong: expected \"North Korea\" KP, got KR"])
    }

    // MARK: Absent and empty keys

    @Test("an absent key is not scored, an empty list is")
    func absentVersusEmpty() {
        var article = Article()
        article.people = [concept("Ryan Kessler")]
        article.places = [concept("Seoul")]
        article.language = "en"
        let notAnnotated = scorer.score(article, against: EnrichmentExpectation())
        #expect(notAnnotated.people == Score() && notAnnotated.places == Score())
        #expect(notAnnotated.language == Accuracy() && notAnnotated.mismatches.isEmpty)
        #expect(notAnnotated.fixtures == 1)

        let noneExpected = scorer.score(article, against: EnrichmentExpectation(people: [], places: []))
        #expect(noneExpected.people == Score(falsePositives: 1))
        #expect(noneExpected.places == Score(falsePositives: 1))
        #expect(noneExpected.people.precision == 0)
    }

    // MARK: Quotes

    private let hayashida = Entity(name: "Hayashida Kenji", aliases: ["Hayashida"])
    private let expectedQuote = ExpectedQuote(text: "We will examine all options available to us", speaker: "Hayashida Kenji")

    private func quoteScore(_ content: String, speaker: Article.Concept? = nil) -> EnrichmentReport {
        var article = Article()
        article.quotes = [Article.Quote(content: content, speaker: speaker)]
        return scorer.score(article, against: EnrichmentExpectation(people: [hayashida], quotes: [expectedQuote]), fixture: "f")
    }

    @Test("a predicted quote containing the expected text matches, curly quotes and punctuation aside")
    func quoteContainsExpected() {
        let report = quoteScore("“We will examine all options available to us, including further sanctions,”")
        #expect(report.quotes == Score(truePositives: 1))
    }

    @Test("a shorter predicted quote matches when it is at least half the expected text")
    func halfLengthRule() {
        // The expected text has 43 characters.
        #expect(quoteScore("We will examine all options").quotes == Score(truePositives: 1))  // 27
        #expect(quoteScore("We will examine all").quotes == Score(falsePositives: 1, falseNegatives: 1))  // 19
        #expect(quoteScore("options available to us").quotes == Score(truePositives: 1))  // 23
        #expect(quoteScore("We will examine some options").quotes == Score(falsePositives: 1, falseNegatives: 1))
    }

    @Test("the speaker matches through an alias of the expected person")
    func speakerThroughAlias() {
        let report = quoteScore("We will examine all options available to us", speaker: concept("Hayashida"))
        #expect(report.quotesWithSpeaker == Score(truePositives: 1))
        let byPredictedAlias = quoteScore("We will examine all options available to us", speaker: concept("Mr H.", aliases: ["Hayashida Kenji"]))
        #expect(byPredictedAlias.quotesWithSpeaker == Score(truePositives: 1))
    }

    @Test("a wrong or missing speaker keeps the content match and fails the speaker score")
    func wrongSpeaker() {
        let wrong = quoteScore("We will examine all options available to us", speaker: concept("Kessler"))
        #expect(wrong.quotes == Score(truePositives: 1))
        #expect(wrong.quotesWithSpeaker == Score(falsePositives: 1, falseNegatives: 1))
        let speakerMismatches = wrong.mismatches.filter { $0.field != .people }
        #expect(speakerMismatches.map(\.field) == [.quoteSpeaker])
        #expect(speakerMismatches.first?.predicted == "\"We will examine all options available to us\" — Kessler")

        let missing = quoteScore("We will examine all options available to us")
        #expect(missing.quotesWithSpeaker == Score(falsePositives: 1, falseNegatives: 1))
    }

    @Test("an organisation can be the speaker")
    func organisationSpeaker() {
        var article = Article()
        article.quotes = [Article.Quote(content: "a gathering of warmongers", speaker: concept("KCNA"))]
        let expectation = EnrichmentExpectation(
            organisations: [Entity(name: "Korean Central News Agency", aliases: ["KCNA"])],
            quotes: [ExpectedQuote(text: "a gathering of warmongers", speaker: "Korean Central News Agency", partial: true)])
        #expect(scorer.score(article, against: expectation).quotesWithSpeaker == Score(truePositives: 1))
    }

    @Test("an unattributed expected quote needs an unattributed prediction")
    func unattributed() {
        var article = Article()
        article.quotes = [Article.Quote(content: "Nobody asked us"), Article.Quote(content: "Tonight is theirs", speaker: concept("Jobard"))]
        let expectation = EnrichmentExpectation(quotes: [ExpectedQuote(text: "Nobody asked us"), ExpectedQuote(text: "Tonight is theirs")])
        #expect(scorer.score(article, against: expectation).quotesWithSpeaker == Score(truePositives: 1, falsePositives: 1, falseNegatives: 1))
    }

    // MARK: Dates

    @Test("a date needs the same value and overlapping texts")
    func dates() {
        var article = Article()
        article.dates = [
            Article.DateMention(text: "Tuesday", value: "2022-12-13"),  // inside "on Tuesday"
            Article.DateMention(text: "this month", value: "2022-11"),  // wrong value
            Article.DateMention(text: "December 13", value: "2022-12-12"),  // same value as "on Monday", other text
        ]
        let expectation = EnrichmentExpectation(dates: [
            ExpectedDate(text: "on Tuesday", value: "2022-12-13"), ExpectedDate(text: "this month", value: "2022-12"),
            ExpectedDate(text: "on Monday", value: "2022-12-12"),
        ])
        let report = scorer.score(article, against: expectation, fixture: "f")
        #expect(report.dates == Score(truePositives: 1, falsePositives: 2, falseNegatives: 2))
        #expect(report.mismatches.contains { $0.description == "f: dates: missed \"this month\" = 2022-12" })
    }

    @Test("repeated mentions of the same date expression count once")
    func repeatedDates() {
        var article = Article()
        article.dates = [
            Article.DateMention(text: "on Thursday", value: "2023-10-05", start: 10, end: 21),
            Article.DateMention(text: "On Thursday", value: "2023-10-05", start: 400, end: 411),
        ]
        let expectation = EnrichmentExpectation(dates: [ExpectedDate(text: "on Thursday", value: "2023-10-05")])
        #expect(scorer.score(article, against: expectation).dates == Score(truePositives: 1))
    }

    // MARK: Subjects, language, dateline

    @Test("subjects are a set of medtop codes; other vocabularies are ignored")
    func subjects() {
        var article = Article()
        article.subjects = [
            Article.Concept(name: "politics", uri: "medtop:11000000"), Article.Concept(name: "politics again", uri: "medtop:11000000"),
            Article.Concept(name: "sport", code: "medtop:15000000"), Article.Concept(name: "Koreas", uri: "nb:section:koreas"),
        ]
        let expectation = EnrichmentExpectation(subjects: ["medtop:11000000", "medtop:16000000"])
        #expect(scorer.score(article, against: expectation).subjects == Score(truePositives: 1, falsePositives: 1, falseNegatives: 1))
    }

    @Test("language compares the primary subtag; located ignores case")
    func languageAndLocated() {
        var article = Article()
        article.language = "en-GB"
        article.located = "SEOUL"
        let right = scorer.score(article, against: EnrichmentExpectation(language: "en", located: "Seoul"))
        #expect(right.language == Accuracy(correct: 1, total: 1))
        #expect(right.located == Accuracy(correct: 1, total: 1))

        article.language = "fr"
        article.located = ""
        let wrong = scorer.score(article, against: EnrichmentExpectation(language: "en", located: "Seoul"), fixture: "f")
        #expect(wrong.language == Accuracy(correct: 0, total: 1))
        #expect(wrong.located == Accuracy(correct: 0, total: 1))
        #expect(wrong.mismatches.map(\.description) == [
            "f: language: wrong: expected en, got fr", "f: located: wrong: expected Seoul, got nothing",
        ])
    }

    // MARK: Adding up

    @Test("reports add up count by count (micro-average)")
    func microAverage() {
        var first = Article()
        first.people = [concept("A"), concept("B"), concept("C")]
        first.language = "en"
        var second = Article()
        second.people = [concept("D")]
        second.language = "de"
        let a = scorer.score(first, against: EnrichmentExpectation(language: "en", people: [Entity(name: "A"), Entity(name: "B"), Entity(name: "C")]), fixture: "a")
        let b = scorer.score(second, against: EnrichmentExpectation(language: "en", people: [Entity(name: "E")]), fixture: "b")
        let total = a + b
        #expect(total.fixtures == 2)
        #expect(total.people == Score(truePositives: 3, falsePositives: 1, falseNegatives: 1))
        // Micro: 3 of 4 predictions right; the mean of the two fixtures' precisions would be 0.5.
        #expect(total.people.precision == 0.75)
        #expect(total.language == Accuracy(correct: 1, total: 2))
        #expect(total.mismatches.map(\.fixture) == ["b", "b", "b"])
        var accumulated = EnrichmentReport()
        accumulated += a
        accumulated += b
        #expect(accumulated == total)
    }
}
