@testable import NewsbusEnrich
import NewsbusWire
import Testing

@Suite("Topics enricher")
struct TopicsEnricherTests {
    /// Short articles written for these tests, one per top-level Media Topic.
    static let articles: [(code: String, headline: String, body: String)] = [
        ("medtop:01000000", "Painter's retrospective fills the national gallery",
         "A retrospective of the painter's work opened at the national museum on Friday, with more than 200 canvases and sketches. The exhibition, which the curator spent four years preparing, travels to two other museums next year. Critics praised the show, and the novelist who wrote the catalogue essay said the artist had changed how a generation saw the city."),
        ("medtop:02000000", "Former bank clerk jailed for fraud",
         "A court sentenced a former bank clerk to five years in prison on Thursday after a jury found him guilty of fraud and money laundering. Prosecutors said he had stolen savings from elderly customers over a decade. The judge said the crimes were cruel, and police said two other suspects had been arrested."),
        ("medtop:03000000", "Earthquake leaves dozens dead in mountain towns",
         "A magnitude 6.8 earthquake struck the mountain region before dawn, collapsing houses and killing at least 40 people. Rescue teams dug through rubble for survivors while aftershocks shook the area. Emergency services set up shelters for thousands of evacuated families, and the death toll is expected to rise."),
        ("medtop:04000000", "Central bank raises interest rates as inflation persists",
         "The central bank raised its main interest rate by half a point, saying inflation remained too high. Shares fell and the currency rose against the dollar. Economists said the decision would weigh on economic growth and on companies that rely on cheap credit, while banks are expected to raise mortgage costs."),
        ("medtop:05000000", "Schools to teach coding from age seven",
         "Primary schools will teach computer coding to pupils from the age of seven under a new curriculum announced on Monday. Teachers will receive training over the summer, and universities will help write lessons. Head teachers welcomed the plan but said classrooms needed more equipment before the school year begins."),
        ("medtop:06000000", "Wetlands to be restored to protect rare birds",
         "Conservation groups will restore 3,000 hectares of drained wetlands to bring back rare birds and cut carbon emissions. The project will protect habitats of several endangered species, reduce pollution from farm run-off and store floodwater. Environmental scientists say healthy ecosystems of this kind also slow climate change."),
        ("medtop:07000000", "Measles outbreak prompts vaccination drive",
         "Health officials have launched a vaccination campaign after a measles outbreak infected more than 300 children. Hospitals reported a rise in patients with high fevers, and doctors urged parents to check that their children had received both doses of the vaccine. The disease spreads quickly where vaccination rates are low."),
        ("medtop:08000000", "Woman celebrates 105th birthday with her great-grandchildren",
         "A retired seamstress celebrated her 105th birthday surrounded by four generations of her family. Her grandchildren and great-grandchildren baked a cake, and neighbours sang outside her window. She said the secret of a long life was kindness, a daily walk with her dog, and never missing the village dance."),
        ("medtop:09000000", "Rail workers vote to strike over pay",
         "Rail workers will go on strike next month after union members rejected a pay offer. The union said wages had fallen behind prices and that staff shortages had made working conditions worse. Employers said the offer was fair and warned that the walkout would cost jobs. Talks on pensions and working hours will continue."),
        ("medtop:10000000", "Ten quiet beaches for a summer holiday",
         "Travellers looking for a quiet summer holiday can still find empty beaches along the southern coast. Our guide lists small hotels, seafood restaurants and hiking trails, with tips on where to find the best coffee and the freshest cuisine. Book early, and take a ferry to the islands for a weekend getaway."),
        ("medtop:11000000", "Prime minister calls early election after coalition collapses",
         "The prime minister called an early election on Wednesday after the coalition government lost its majority in parliament. Opposition parties welcomed the vote, which will be held in March. The president is expected to dissolve parliament this week, and ministers will stay in office until a new cabinet is formed."),
        ("medtop:12000000", "Pilgrims gather for annual festival at cathedral",
         "Thousands of pilgrims gathered at the cathedral for the annual festival of the town's patron saint. The archbishop led prayers and a procession through the old streets, and worshippers from several Christian churches took part. Religious leaders of other faiths joined a service for peace at the mosque next door."),
        ("medtop:13000000", "Telescope spots water vapour on distant planet",
         "Astronomers using a space telescope have detected water vapour in the atmosphere of a planet orbiting a nearby star. The research, published in a scientific journal, relied on new software that separates the planet's faint light from its star. Scientists said the discovery would guide the next generation of space missions."),
        ("medtop:14000000", "Thousands march against housing shortage",
         "Thousands of people marched through the capital to protest against soaring rents and the shortage of affordable housing. Activists said young families and migrants were being pushed out of their neighbourhoods, and that homelessness had doubled. Social workers warned that poverty was rising among the elderly as well."),
        ("medtop:15000000", "Late goal sends champions into cup final",
         "A late goal from the striker sent the champions into the cup final after a tense semi-final at a packed stadium. The coach praised his players, who had trailed at half-time, and said the team would need to defend better in the final. Fans celebrated long after the referee blew the whistle."),
        ("medtop:16000000", "Ceasefire collapses as fighting resumes near border",
         "A fragile ceasefire collapsed on Sunday as fighting between army troops and rebel forces resumed near the border. Artillery shelling and airstrikes hit several villages, and the military said soldiers had repelled an offensive. Mediators called for new peace talks, and aid agencies said civilians were fleeing the war."),
        ("medtop:17000000", "Heatwave to bring record temperatures this weekend",
         "Forecasters expect a heatwave to push temperatures above 40 degrees Celsius this weekend, the hottest weather of the year. The weather service issued an amber warning for the south, with thunderstorms and heavy rain likely on Monday as cooler air arrives. Overnight temperatures will stay high in cities."),
    ]

    static func article(_ headline: String, _ body: String) -> Article {
        Article(headlines: [.init(role: "main", value: headline)], bodies: [.init(role: "main", value: body)])
    }

    @Test("each topic's own article gets that topic first", arguments: articles)
    func eachTopic(sample: (code: String, headline: String, body: String)) throws {
        var article = Self.article(sample.headline, sample.body)
        try TopicsEnricher().enrich(&article)
        #expect(article.subjects.first?.code == sample.code, "\(article.subjects.map { "\($0.code) \($0.relevance)" })")
        #expect(article.subjects.count <= 2)
        let subject = try #require(article.subjects.first)
        let digits = sample.code.dropFirst("medtop:".count)
        #expect(subject.uri == "http://cv.iptc.org/newscodes/mediatopic/\(digits)")
        #expect(subject.rel == "about")
        #expect(subject.creator == "machine:enrich.topics")
        #expect(subject.name == MediaTopic.topLevel.first { $0.digits == digits }?.name)
        #expect((1...100).contains(subject.relevance))
        #expect((1...100).contains(subject.confidence))
    }

    @Test("an article about two things gets both")
    func mixed() throws {
        var article = Self.article(
            "Striking nurses close hospital wards as pay talks fail",
            "Nurses at the city's three hospitals went on strike on Tuesday after their union rejected the latest pay offer. "
                + "Patients waiting for surgery had operations cancelled, and doctors said emergency care was stretched. "
                + "The union said wages had not kept up with prices and that staff shortages put patients at risk. "
                + "Hospital managers said they would return to talks with union leaders next week.")
        try TopicsEnricher().enrich(&article)
        #expect(Set(article.subjects.map(\.code)) == ["medtop:07000000", "medtop:09000000"])
    }

    @Test("text that is not news gets no topic")
    func notNews() throws {
        let samples = [
            ("asdf qwerty zxcv", "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor 1234 5678 @@@ ### zzz qqq"),
            ("Menu", "Home | About | Contact | Privacy | Terms | Cookies | Sign in | Subscribe | Share this article"),
            ("", ""),
        ]
        for (headline, body) in samples {
            var article = Self.article(headline, body)
            try TopicsEnricher().enrich(&article)
            #expect(article.subjects.isEmpty, "\(headline): \(article.subjects.map(\.code))")
        }
    }

    @Test("subjects from other creators stay; this stage's own are replaced on a re-run; output is deterministic")
    func rerun() throws {
        let sample = Self.articles[10]
        var article = Self.article(sample.headline, sample.body)
        article.subjects = [Article.Concept(name: "politics", uri: "http://cv.iptc.org/newscodes/mediatopic/11000000", creator: "editor")]
        let enricher = try TopicsEnricher()
        try enricher.enrich(&article)
        let first = article
        try enricher.enrich(&article)
        #expect(article == first)
        #expect(article.subjects.filter { $0.creator == "editor" }.count == 1)
        #expect(article.subjects.filter { $0.creator == "machine:enrich.topics" }.count >= 1)
    }

    @Test("keywords: repeated names and phrases, no stop words, at most ten, no overlaps")
    func keywords() throws {
        var article = Self.article(
            "Harbour bridge reopens after repairs",
            "The Harbour Bridge reopened to traffic on Monday after eight months of repairs. "
                + "Engineers from Northline Construction replaced the steel cables, and Northline Construction said the work "
                + "had finished on budget. Commuters who had used ferries during the repairs welcomed the news. "
                + "The steel cables will be inspected every year, city engineers said, and the Harbour Bridge toll will not rise.")
        try TopicsEnricher().enrich(&article)
        #expect(article.keywords.count <= 10)
        #expect(article.keywords.contains("Harbour Bridge"), "\(article.keywords)")
        #expect(article.keywords.contains("Northline Construction"), "\(article.keywords)")
        #expect(article.keywords.contains("steel cables"), "\(article.keywords)")
        #expect(!article.keywords.contains { ["the", "said", "after", "monday"].contains($0.lowercased()) })
        let words = article.keywords.flatMap { $0.lowercased().split(separator: " ") }
        #expect(words.count == Set(words).count, "keywords overlap: \(article.keywords)")

        var withKeywords = article
        withKeywords.keywords = ["from the source"]
        try TopicsEnricher().enrich(&withKeywords)
        #expect(withKeywords.keywords == ["from the source"])
    }

    @Test("a 1 MB body is read only up to the body limit, quickly")
    func largeBody() throws {
        let paragraph = Self.articles[14].body + " "
        var article = Self.article("Cup final", String(repeating: paragraph, count: 1_000_000 / paragraph.utf8.count + 1))
        let enricher = try TopicsEnricher()
        let elapsed = try ContinuousClock().measure { try enricher.enrich(&article) }
        #expect(article.subjects.first?.code == "medtop:15000000")
        #expect(article.keywords.count <= 10)
        #expect(elapsed < .milliseconds(500))
    }

    @Test("rule lines that are malformed are refused with their line number")
    func badRules() {
        for (text, line) in [("11000000\telect*\t2\n15000000\tgoal\n", 2), ("99000000\tfoo\t1\n", 1),
                             ("11000000\tElection\t1\n", 1), ("11000000\tvote\t-1\n", 1)] {
            do {
                _ = try TopicRules(text: text, file: "rules")
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.line == line)
            }
        }
    }

    @Test("longest term wins at a word, prefixes match word endings only")
    func matching() throws {
        let rules = try TopicRules(text: "11000000\tminister\t1\n07000000\thealth minister\t3\n11000000\telect*\t2\n", file: "rules")
        let tokens = WordTokens(headline: "", body: "The health minister's re-election; selection elects", bodyLimit: 1_000)
        var counted: [String] = []
        tokens.lowered.withUnsafeBufferPointer { text in
            for word in tokens.words {
                if let match = rules.trie.longestMatch(in: text, at: word.lowered.lowerBound) { counted.append(rules.terms[match.term]) }
            }
        }
        // "minister" is inside "health minister"; "re-election" splits into "re" and "election"; "selection" does not start with "elect".
        #expect(counted == ["health minister", "minister", "elect*", "elect*"])
    }
}
