import NewsbusEnrich
import NewsbusWire
import Testing

/// Both enrichers on seeded random text built from the pieces they react to: marks, cue verbs,
/// names, pronouns, month and weekday names, numbers, dashes and line breaks.
@Suite("Quotes and dates on random text")
struct QuotesDatesRobustnessTests {
    static let pieces = [
        "\"", "“", "”", "‘", "’", "«", "»", "„", "「", "」", ",", ".", ":", "—", "-", "(", ")", "\n", "\n\n", " ", " ",
        "said", "told", "adding", "according to", "he", "she", "the ministry", "Kim", "Funakoshi Takehiro", "the",
        "of", "a", "on", "last", "next", "this", "in", "by", "Tuesday", "December", "Dec.", "13", "2022", "May",
        "year", "week", "ago", "two", "days", "Easter", "SEOUL", "(Agency)", "don’t", "Hwasong-17", "🎉", "قال",
        "/", "12", "31", "'", "ALL", "CAPS", "no", "capitals", "yesterday", "tonight", "earlier",
    ]

    /// A small deterministic generator (64-bit LCG).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test("no crash, offsets inside the body and matching the text, same output twice")
    func random() throws {
        var generator = Generator(state: 2022_12_13)
        let people = [Article.Concept(name: "Funakoshi Takehiro", aliases: ["Funakoshi"]), Article.Concept(name: "Kim")]
        for _ in 0..<400 {
            var body = ""
            for _ in 0..<generator.next(120) {
                body += Self.pieces[generator.next(Self.pieces.count)]
                if generator.next(3) > 0 { body += " " }
            }
            var article = Article(
                versioncreated: "2022-12-13T00:00:00Z", bodies: [Article.Body(role: "main", value: body)], people: people,
                organisations: [Article.Concept(name: "Ministry of Foreign Affairs")])
            try QuotesEnricher().enrich(&article)
            try DatesEnricher().enrich(&article)
            let scalars = Array(body.unicodeScalars)
            for quote in article.quotes {
                #expect(quote.start <= quote.end && Int(quote.end) <= scalars.count, "\(body)")
                if !quote.content.contains("\n") {
                    #expect(String(String.UnicodeScalarView(scalars[Int(quote.start)..<Int(quote.end)])) == quote.content)
                }
            }
            for date in article.dates {
                #expect(date.start < date.end && Int(date.end) <= scalars.count, "\(body)")
                #expect(String(String.UnicodeScalarView(scalars[Int(date.start)..<Int(date.end)])) == date.text)
                #expect(!date.value.isEmpty)
            }
            var again = Article(
                versioncreated: "2022-12-13T00:00:00Z", bodies: [Article.Body(role: "main", value: body)], people: people,
                organisations: [Article.Concept(name: "Ministry of Foreign Affairs")])
            try QuotesEnricher().enrich(&again)
            try DatesEnricher().enrich(&again)
            #expect(again == article)
        }
    }
}
