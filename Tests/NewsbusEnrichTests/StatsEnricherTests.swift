import NewsbusEnrich
import NewsbusWire
import Testing

@Suite("Stats enricher")
struct StatsEnricherTests {
    @Test("words keep inner apostrophes and hyphens; reading time rounds up at 238 words a minute")
    func counts() throws {
        #expect(StatsEnricher.wordCount("Funakoshi’s Hwasong-17 \"monster\" missile, 2022.") == 5)
        #expect(StatsEnricher.wordCount("  — ") == 0)
        #expect(StatsEnricher.wordCount("北朝鮮 ミサイル") == 2)
        var article = Article(bodies: [
            Article.Body(role: "main", value: String(repeating: "word ", count: 239)),
            Article.Body(role: "summary", value: "Ça va, Zoë?"),
        ])
        let enricher = StatsEnricher()
        try enricher.enrich(&article)
        #expect(article.bodies[0].wordcount == 239)
        #expect(article.bodies[0].readingTimeSeconds == 61)
        #expect(article.bodies[0].charcount == 239 * 5)
        #expect(article.bodies[1].wordcount == 3)
        #expect(article.bodies[1].charcount == 11)
    }
}
