import NewsbusEnrich
import NewsbusWire
import Testing

@Suite("Quotes enricher")
struct QuotesEnricherTests {
    private static let funakoshi = Article.Concept(name: "Funakoshi Takehiro", aliases: ["Funakoshi"])
    private static let kim = Article.Concept(name: "Sung Kim", aliases: ["Kim"])
    private static let lee = Article.Concept(name: "Lee Min-ji", aliases: ["Lee"])
    private static let ministry = Article.Concept(name: "Ministry of Foreign Affairs", aliases: ["MOFA"])

    /// An article as the entities enricher would leave it.
    private func article(_ body: String, people: [Article.Concept] = [funakoshi, kim, lee]) -> Article {
        Article(bodies: [Article.Body(role: "main", value: body)], people: people, organisations: [Self.ministry])
    }

    private func quotes(_ body: String, people: [Article.Concept] = [funakoshi, kim, lee]) throws -> [Article.Quote] {
        var a = article(body, people: people)
        try QuotesEnricher().enrich(&a)
        return a.quotes
    }

    @Test("a quote before its cue, and a second one after `adding,` by the same speaker")
    func addingSameSpeaker() throws {
        let body = """
            Japanese Ministry of Foreign Affairs Director General Funakoshi Takehiro met US envoy Sung Kim on Tuesday.

            "We will examine all options to respond to the provocations," Funakoshi said, adding, \
            "Our cooperation has never been stronger."
            """
        let found = try quotes(body)
        #expect(found.map(\.content) == [
            "We will examine all options to respond to the provocations", "Our cooperation has never been stronger.",
        ])
        #expect(found.map(\.speaker) == [Self.funakoshi, Self.funakoshi])
        #expect(found.map(\.cue) == ["said", "adding"])
        #expect(found.allSatisfy { !$0.partial })
        let scalars = Array(body.unicodeScalars)
        for quote in found {
            #expect(String(String.UnicodeScalarView(scalars[Int(quote.start)..<Int(quote.end)])) == quote.content)
        }
    }

    @Test("a partial quote inside reported speech; inversions; colon introductions; pronouns")
    func forms() throws {
        let found = try quotes("""
            Kim said that the launches posed “one of the most serious security challenges” for the region.

            “The door to dialogue remains open,” said Kim.

            Lee told reporters: “We are watching every move closely.”

            “Nobody wants a war on the peninsula,” she added.
            """)
        try #require(found.count == 4)
        #expect(found[0].content == "one of the most serious security challenges")
        #expect(found[0].partial)
        #expect(found[0].speaker == Self.kim)
        #expect(found[1].speaker == Self.kim)
        #expect(found[1].cue == "said")
        #expect(!found[1].partial)
        #expect(found[2].speaker == Self.lee)
        #expect(found[2].cue == "told")
        #expect(!found[2].partial)
        #expect(found[3].speaker == Self.lee)
    }

    @Test("an organisation as speaker, and a title in front of a known name")
    func organisationsAndTitles() throws {
        let found = try quotes("""
            The ministry said the talks were "constructive and frank."

            "We expect a reply within days," Foreign Minister Lee Min-ji said.
            """)
        #expect(found.map(\.speaker) == [Self.ministry, Self.lee])
        #expect(found.map(\.partial) == [true, false])
    }

    @Test("speakers behind appositions, inside role phrases and after participles")
    func harderAttributions() throws {
        let brennan = Article.Concept(name: "Lisa Brennan", aliases: ["Brennan"])
        let jang = Article.Concept(name: "Jang Min-seok", aliases: ["Jang"])
        let hospital = Article.Concept(name: "Lorn Hospital")
        let people = [Self.funakoshi, Self.kim, Self.lee, brennan, jang]
        var a = Article(bodies: [Article.Body(role: "main", value: """
            Lisa Brennan, a teacher who lost 86,000 pounds, said outside the court: "Nine years is not enough."

            A spokesperson for the ministry, Lee Min-ji, said Seoul should "stop the provocations."

            "We have never seen this before," Superintendent Jang of the agency’s cyber bureau told reporters.

            Kim said the talks at the US Embassy in Jakarta went well, adding, "We will meet again soon."

            A hospital spokeswoman said the patient was "in remarkable spirits."

            Funakoshi said the test was "a provocation" and that Tokyo would take "adequate measures" in return.

            The minister met Kim later. "We agreed on every point today," the envoy said.
            """)], people: people, organisations: [Self.ministry, hospital])
        try QuotesEnricher().enrich(&a)
        #expect(a.quotes.map(\.speaker?.name) == [
            "Lisa Brennan", "Lee Min-ji", "Jang Min-seok", "Sung Kim", "Lorn Hospital", "Funakoshi Takehiro",
            "Funakoshi Takehiro", "Sung Kim",
        ])
        #expect(a.quotes.map(\.partial) == [false, true, false, false, true, true, true, false])
    }

    @Test("scare quotes, names and titles in quotes are not quotes")
    func notQuotes() throws {
        let found = try quotes("""
            The Hwasong-17 "monster" missile flew over the sea while viewers watched the drama "Crash Landing".

            "Squid Game" remained popular. A "very strange" year, observers agreed, ended quietly.
            """)
        #expect(found.isEmpty)
    }

    @Test("a quote running over paragraphs is one quote; a following paragraph with no cue keeps the speaker")
    func multiParagraph() throws {
        let found = try quotes("""
            "The first part of a long statement is here.

            "And it continues in the next paragraph," Lee said.

            "This paragraph is a further quote with no cue of its own."

            Funakoshi met officials later.
            """)
        try #require(found.count == 2)
        #expect(found[0].content == "The first part of a long statement is here.\n\nAnd it continues in the next paragraph")
        #expect(found[0].speaker == Self.lee)
        #expect(found[1].speaker == Self.lee)
        #expect(found[1].cue == "")
    }

    @Test("apostrophes are not marks; single quotes nest inside double ones; all quotation mark styles")
    func marks() throws {
        let found = try quotes("""
            "Funakoshi’s team doesn’t say 'never again' lightly," Kim said.

            «We are ready to talk at any time», Lee said.

            „We will stay in close contact“, Kim said.

            「We will not give up our efforts」, Funakoshi said.
            """)
        #expect(found.map(\.content) == [
            "Funakoshi’s team doesn’t say 'never again' lightly", "We are ready to talk at any time",
            "We will stay in close contact", "We will not give up our efforts",
        ])
        #expect(found.map(\.speaker) == [Self.kim, Self.lee, Self.kim, Self.funakoshi])
    }

    @Test("with no people known, the speaker is the name as written, titles dropped")
    func fallbackName() throws {
        let found = try quotes("\"We will rebuild the bridge by spring,\" Mayor Anna Novak told reporters.", people: [])
        let speaker = try #require(found.first?.speaker)
        #expect(speaker.name == "Anna Novak")
        #expect(speaker.literal == "Mayor Anna Novak")
    }

    @Test("an unbalanced mark stops at its paragraph end")
    func unbalanced() throws {
        let found = try quotes("""
            Kim said the plan was "far from finished and needed more work.

            The next paragraph has no quotes at all and must not be swallowed.
            """)
        #expect(found.count == 1)
        #expect(found.first?.content == "far from finished and needed more work.")
        #expect(found.first?.partial == true)
    }

    @Test("the output is deterministic and an empty article has no quotes")
    func deterministic() throws {
        let body = "\"We will examine all options,\" Funakoshi said, adding, \"Our cooperation is strong.\""
        var a = article(body), b = article(body)
        try QuotesEnricher().enrich(&a)
        try QuotesEnricher().enrich(&b)
        #expect(a == b)
        var empty = Article()
        try QuotesEnricher().enrich(&empty)
        #expect(empty.quotes.isEmpty)
    }

    @Test("pathological bodies finish quickly and correctly")
    func pathological() throws {
        let paragraph = "\"We will examine all options,\" Funakoshi said. THE \"MONSTER\" MISSILE 🎉 no capitals \"here at all\" לא قال \"\n\n"
        let longQuote = "\"" + String(repeating: "words without end ", count: 60_000)
        let cases: [(String, (Int) -> Bool)] = [
            (String(repeating: paragraph, count: 1_048_576 / paragraph.utf8.count), { $0 >= 1_048_576 / 120 }),
            (longQuote, { $0 <= 1 }),
            (String(repeating: "\"", count: 300_000), { $0 == 0 }),
            (String(repeating: "“a ", count: 200_000), { $0 <= 1 }),
            (String(repeating: "SAID ", count: 200_000), { $0 == 0 }),
            (String(repeating: "😀", count: 300_000), { $0 == 0 }),
        ]
        let clock = ContinuousClock()
        for (body, expectCount) in cases {
            var a = article(body)
            let elapsed = try clock.measure { try QuotesEnricher().enrich(&a) }
            #expect(elapsed < .seconds(20))
            #expect(expectCount(a.quotes.count), "\(a.quotes.count) quotes")
        }
    }
}

@Suite("Quotes enricher: more forms")
struct QuotesEnricherMoreFormsTests {
    @Test("a question asked, `according to`, British single quotes, and a pronoun with nobody to point at")
    func moreForms() throws {
        let kim = Article.Concept(name: "Sung Kim", aliases: ["Kim"])
        var a = Article(bodies: [Article.Body(role: "main", value: """
            "Why now, after all these years?" asked Kim.

            According to Kim, "the talks broke down over sanctions."

            ‘We will not give in to pressure,’ said Kim.
            """)], people: [kim])
        try QuotesEnricher().enrich(&a)
        #expect(a.quotes.map(\.content) == [
            "Why now, after all these years?", "the talks broke down over sanctions.", "We will not give in to pressure",
        ])
        #expect(a.quotes.map(\.speaker) == [kim, kim, kim])
        #expect(a.quotes.map(\.cue) == ["asked", "According to", "said"])

        var lonely = Article(bodies: [Article.Body(role: "main", value: "\"We are ready for anything,\" she said.")])
        try QuotesEnricher().enrich(&lonely)
        #expect(lonely.quotes.count == 1)
        #expect(lonely.quotes.first?.speaker == nil)
    }
}
