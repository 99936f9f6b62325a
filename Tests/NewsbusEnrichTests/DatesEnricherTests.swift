import NewsbusEnrich
import NewsbusWire
import Testing

@Suite("Dates enricher")
struct DatesEnricherTests {
    /// An article whose page date is Tuesday 2022-12-13.
    private func article(_ body: String, versioncreated: String = "2022-12-13T09:00:00Z") -> Article {
        Article(versioncreated: versioncreated, bodies: [Article.Body(role: "main", value: body)])
    }

    private func values(_ body: String, versioncreated: String = "2022-12-13T09:00:00Z") throws -> [String: String] {
        var a = article(body, versioncreated: versioncreated)
        try DatesEnricher().enrich(&a)
        return Dictionary(a.dates.map { ($0.text, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    @Test("absolute dates at their precision; unambiguous numeric dates only")
    func absolute() throws {
        let found = try values("""
            The talks on December 13, 2022 followed a call on Dec. 1, 2022 and a visit on 3 November 2022. \
            Sanctions from December 2022 extend rules adopted in 2021, with a review on 2023-01-15. \
            The deadline was 25/12/2022 but not 05/06/2022. A summit is due on the 4th of March 2023.
            """)
        #expect(found["December 13, 2022"] == "2022-12-13")
        #expect(found["Dec. 1, 2022"] == "2022-12-01")
        #expect(found["3 November 2022"] == "2022-11-03")
        #expect(found["December 2022"] == "2022-12")
        #expect(found["2021"] == "2021")
        #expect(found["2023-01-15"] == "2023-01-15")
        #expect(found["25/12/2022"] == "2022-12-25")
        #expect(found["the 4th of March 2023"] == "2023-03-04")
        #expect(found.count == 8)
    }

    @Test("relative expressions resolve against the anchor (Tuesday 2022-12-13)")
    func relative() throws {
        let found = try values("""
            Officials met on Tuesday and spoke again yesterday. They talked on Friday, and last Tuesday too. \
            Envoys will meet on Friday and next Monday, and again tomorrow.

            The report came last week, after a visit this week; another is planned next week. \
            Prices rose this month after falling last month. Earlier this year inflation peaked, \
            and an election is set for next year. The ship sank three days ago, the bridge opened a year ago \
            and the mine closed two weeks ago. Exports fell in January and rose since March. \
            A summit on December 1 was followed by talks set for January 5.
            """)
        #expect(found["Tuesday"] == "2022-12-13")
        #expect(found["yesterday"] == "2022-12-12")
        #expect(found["Friday"] == "2022-12-09")
        #expect(found["last Tuesday"] == "2022-12-06")
        #expect(found["next Monday"] == "2022-12-19")
        #expect(found["tomorrow"] == "2022-12-14")
        #expect(found["last week"] == "2022-12-05")
        #expect(found["this week"] == "2022-12-12")
        #expect(found["next week"] == "2022-12-19")
        #expect(found["this month"] == "2022-12")
        #expect(found["last month"] == "2022-11")
        #expect(found["Earlier this year"] == "2022")
        #expect(found["next year"] == "2023")
        #expect(found["three days ago"] == "2022-12-10")
        #expect(found["a year ago"] == "2021")
        #expect(found["two weeks ago"] == "2022-11-29")
        #expect(found["January"] == "2022-01")
        #expect(found["March"] == "2022-03")
        #expect(found["December 1"] == "2022-12-01")
        #expect(found["January 5"] == "2023-01-05")
    }

    @Test("a weekday in a future-tense sentence is the next one")
    func futureWeekday() throws {
        var a = article("They met on Friday. They will meet again on Friday.")
        try DatesEnricher().enrich(&a)
        #expect(a.dates.map(\.value) == ["2022-12-09", "2022-12-16"])
        #expect(a.dates.allSatisfy { $0.relative && $0.anchor == "2022-12-13" })
    }

    @Test("tense decides the year of a bare month and the side of a weekday")
    func tense() throws {
        // Anchor Tuesday 2022-12-13... and one in the middle of the year.
        let found = try values("""
            The union declared a strike in October. The next round is scheduled for Geneva in March. \
            The board ordered the sale in January. Results would be published by Friday. \
            The strike runs until 6 p.m. on Saturday. The minister said on Monday that talks would resume. \
            Exports fell in March last year. Next year’s games will be held in November. \
            The fire broke out last night, two decades ago a flood hit, and by the end of the year \
            prices had risen, as in 2020 and 2021.
            """, versioncreated: "2022-06-15T00:00:00Z")
        #expect(found["October"] == "2021-10")
        #expect(found["March"] == "2023-03")
        #expect(found["January"] == "2022-01")
        #expect(found["Friday"] == "2022-06-17")
        #expect(found["Saturday"] == "2022-06-18")
        #expect(found["Monday"] == "2022-06-13")
        #expect(found["March last year"] == "2021-03")
        #expect(found["November"] == "2023-11")
        #expect(found["last night"] == "2022-06-14")
        #expect(found["two decades ago"] == "2002")
        #expect(found["the end of the year"] == "2022")
        #expect(found["2020"] == "2020")
        #expect(found["2021"] == "2021")
    }

    @Test("datelines in other languages and scripts, and after a caption left in the body")
    func foreignDatelines() throws {
        let cases: [(String, String)] = [
            ("MARSEILLE, 14 mars (Agence Exemple) — Un collège sur trois était fermé.", "Marseille"),
            ("İSTANBUL, 22 Ekim (Örnek Ajansı) — Yeni hat açıldı.", "İstanbul"),
            ("BUÔN MA THUỘT, 22/8 (Thông tấn) — Giá cà phê tăng.", "Buôn Ma Thuột"),
            ("دبي، 5 ديسمبر (وكالة) — افتتحت محطة جديدة.", "دبي"),
            ("पुणे, 27 फ़रवरी (सेवा) — मेट्रो खुली।", "पुणे"),
            ("【富山　11月16日（通信社）】北陸地方は大雪となった。", "富山"),
            ("【인천=뉴스】 경찰청은 밝혔다.", "인천"),
            ("昆明8月30日电（新闻社）　记者获悉。", "昆明"),
            ("Workers check the line in Toyama, November 15, 2023. (Photo: Example)\n\nTOYAMA, Nov. 16 (Example) — Snow fell.", "Toyama"),
        ]
        for (body, place) in cases {
            var a = article(body)
            try DatesEnricher().enrich(&a)
            #expect(a.located == place, "\(body)")
        }
        // Arabic without a parenthesis, and a caption-like first paragraph without a credit, are not datelines.
        for body in ["دبي، 5 ديسمبر — افتتحت محطة.", "A quiet day in Toyama.\n\nTOYAMA, Nov. 16 (Example) — Snow fell."] {
            var a = article(body)
            try DatesEnricher().enrich(&a)
            #expect(a.located.isEmpty, "\(body)")
        }
    }

    @Test("the dateline's date is the anchor and a mention; parts of the day and holidays belong to the expression")
    func datelineAndDayParts() throws {
        var a = article("""
            TOKYO, March 9 (Example) — Ministers met on Wednesday morning and again on Wednesday evening. \
            Unions want a deal before Easter; the last strike was at Christmas.
            """, versioncreated: "2023-03-20T00:00:00Z")
        try DatesEnricher().enrich(&a)
        #expect(a.dates.map(\.text) == ["March 9", "Wednesday morning", "Wednesday evening", "Easter", "Christmas"])
        #expect(a.dates.map(\.value) == ["2023-03-09", "2023-03-08", "2023-03-08", "2023-04-09", "2022-12-25"])
    }

    @Test("verbs, codes and counts are not dates")
    func notDates() throws {
        let found = try values("""
            Officials may meet again. March organisers said the Hwasong-17 and 17 other missiles flew 2022 km. \
            Mar was the name of the ship. The vote was 31-12 and 3:15 pm. May they succeed.
            """)
        #expect(found.isEmpty)
    }

    @Test("offsets are Unicode scalars into the main body")
    func offsets() throws {
        var a = Article(versioncreated: "2022-12-13T00:00:00Z", bodies: [
            Article.Body(role: "summary", value: "Nothing."),
            Article.Body(role: "main", value: "Ça va 🎉 — talks on Tuesday."),
        ])
        try DatesEnricher().enrich(&a)
        let mention = try #require(a.dates.first)
        #expect(mention.bodyIndex == 1)
        let scalars = Array(a.bodies[1].value.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[Int(mention.start)..<Int(mention.end)])) == mention.text)
        #expect(mention.text == "Tuesday")
        #expect(mention.start == 19)
    }

    @Test("the dateline gives the place and the anchor; its year comes from the page date")
    func datelineAnchor() throws {
        var a = article("SEOUL, Dec. 9 (Newswire) — The envoys met on Wednesday.", versioncreated: "2023-01-03T00:00:00Z")
        try DatesEnricher().enrich(&a)
        #expect(a.located == "Seoul")
        #expect(a.dates.last?.text == "Wednesday")
        #expect(a.dates.last?.value == "2022-12-07")
        #expect(a.dates.last?.anchor == "2022-12-09")

        var b = article("NEW YORK (Newswire) - Markets fell on Monday.")
        try DatesEnricher().enrich(&b)
        #expect(b.located == "New York")
        #expect(b.dates.map(\.value) == ["2022-12-12"])
    }

    @Test("the lead caption's date comes before the page date; a dateline with a country keeps the city")
    func captionAnchor() throws {
        var a = article("JAKARTA, Indonesia — The two envoys met on Tuesday.", versioncreated: "2023-03-01T00:00:00Z")
        a.associations = [Article.Association(
            name: "featureimage", caption: "Envoys (L) and (R) meet in Jakarta, Indonesia, December 13, 2022.", position: 0)]
        try DatesEnricher().enrich(&a)
        #expect(a.located == "Jakarta")
        #expect(a.dates.map(\.value) == ["2022-12-13"])
        #expect(a.dates.first?.anchor == "2022-12-13")
    }

    @Test("no dateline is invented, an existing located is kept, and without an anchor only full dates remain")
    func noDateline() throws {
        for body in [
            "NATO allies met on Tuesday.", "Jakarta — a city of millions.", "The UN said on Monday — nothing.",
            "BREAKING — Markets fell.", "UPDATE 2 - Talks resumed.",
        ] {
            var a = article(body)
            try DatesEnricher().enrich(&a)
            #expect(a.located.isEmpty, "\(body)")
        }
        var kept = article("PARIS — Talks resumed.")
        kept.located = "Paris, France"
        try DatesEnricher().enrich(&kept)
        #expect(kept.located == "Paris, France")

        var undated = article("They met on Tuesday, December 13, 2022, and again last week.", versioncreated: "")
        try DatesEnricher().enrich(&undated)
        #expect(undated.dates.map(\.value) == ["2022-12-13"])
        #expect(undated.dates.first?.relative == false)
    }

    @Test("an article without bodies gets no dates; the output is deterministic")
    func emptyAndDeterministic() throws {
        var empty = Article(versioncreated: "2022-12-13T00:00:00Z")
        try DatesEnricher().enrich(&empty)
        #expect(empty.dates.isEmpty)
        let body = "Officials met on Tuesday, earlier this year and in 2021; next week they meet again."
        var first = article(body), second = article(body)
        try DatesEnricher().enrich(&first)
        try DatesEnricher().enrich(&second)
        #expect(first == second)
        #expect(first.dates.count == 4)
    }

    @Test("pathological bodies finish quickly")
    func pathological() throws {
        let paragraph = "On Tuesday, December 13, 2022, officials met. ALL CAPS ON FRIDAY IN 2021. 🎉 لقد اجتمعوا יום שלישי no capitals here may march. "
        let bodies = [
            String(repeating: paragraph, count: 1_048_576 / paragraph.utf8.count),
            String(repeating: "Monday ", count: 100_000),
            String(repeating: "1/", count: 200_000),
            String(repeating: "December ", count: 100_000),
            String(repeating: "🎉", count: 200_000),
        ]
        let clock = ContinuousClock()
        for body in bodies {
            var a = article(body)
            let elapsed = try clock.measure { try DatesEnricher().enrich(&a) }
            #expect(elapsed < .seconds(20))
        }
        var big = article(bodies[0])
        try DatesEnricher().enrich(&big)
        #expect(big.dates.count >= 3 * (1_048_576 / paragraph.utf8.count))
    }
}
