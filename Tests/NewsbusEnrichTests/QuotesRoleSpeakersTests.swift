import NewsbusEnrich
import NewsbusWire
import Testing

/// Speakers given by a role: the company, the minister, a spokesperson, a relative.
@Suite("Quotes enricher: speakers given by role")
struct QuotesRoleSpeakersTests {
    private static let solheim = Article.Concept(name: "Ingrid Solheim")
    private static let eder = Article.Concept(name: "Thorsten Eder")
    private static let huber = Article.Concept(name: "Maria Huber")
    private static let albrecht = Article.Concept(name: "Jonas Albrecht", aliases: ["Albrecht"])
    private static let kestrel = Article.Concept(name: "Kestrel Holdings", aliases: ["Kestrel"])
    private static let vantara = Article.Concept(name: "Vantara")
    private static let court = Article.Concept(name: "Bavarian Administrative Court")
    private static let association = Article.Concept(name: "Bavarian Farmers' Association")
    private static let trade = Article.Concept(name: "Ministry of Trade")
    private static let health = Article.Concept(name: "Ministry of Health, Labour and Welfare")

    private func speakers(_ body: String, people: [Article.Concept], organisations: [Article.Concept]) throws -> [Article.Concept?] {
        var article = Article(bodies: [Article.Body(role: "main", value: body)], people: people, organisations: organisations)
        try QuotesEnricher().enrich(&article)
        return article.quotes.map(\.speaker)
    }

    @Test("\"the company said\" and \"a company spokesperson said\" are the company named last, not the last person")
    func companyRoles() throws {
        let found = try speakers("""
            "We remain committed to offshore wind," Vantara chief executive Ingrid Solheim told analysts.

            Kestrel said it would look for a new partner. "The projects are fully permitted," the company said.

            "Nothing has changed for our customers," a company spokesperson said.
            """, people: [Self.solheim], organisations: [Self.vantara, Self.kestrel])
        #expect(found == [Self.solheim, Self.kestrel, Self.kestrel])
    }

    @Test("\"the minister said\" is the person introduced as minister, though another spoke in between")
    func titledPerson() throws {
        let found = try speakers("""
            Bavaria's environment minister, Thorsten Eder, said he would appeal. Its lawyer, Jonas Albrecht, \
            disagreed. "Every state is watching this case," Albrecht said.

            "We will not leave our farmers alone with this problem," the minister said.
            """, people: [Self.eder, Self.albrecht], organisations: [])
        #expect(found == [Self.albrecht, Self.eder])
    }

    @Test("a relative with no name is no speaker rather than the person named before")
    func relativeHasNoSpeaker() throws {
        let found = try speakers("""
            Sheep farmer Maria Huber said she was disappointed. "They care more about the wolves than about us," \
            her son said.
            """, people: [Self.huber], organisations: [])
        #expect(found == [nil])
    }

    @Test("\"the court\", \"the ministry\" and \"a spokesperson for\" point at the organisation holding the noun")
    func organisationNouns() throws {
        let found = try speakers("""
            The Ministry of Trade and the Ministry of Health, Labour and Welfare met the Bavarian Administrative Court.

            "A cull can only be a last resort," the court said in its ruling.

            The Ministry of Health, Labour and Welfare warned of heatstroke. "Stay indoors," the ministry said.

            "We stand with our members," a spokesperson for the Bavarian Farmers' Association said.
            """, people: [], organisations: [Self.trade, Self.health, Self.court, Self.association])
        #expect(found == [Self.court, Self.health, Self.association])
    }

    @Test("\"it said\" and an unnamed spokesman are the organisation named last")
    func organisationPronoun() throws {
        let found = try speakers("""
            Chief executive Ingrid Solheim left early. Kestrel said profits had doubled. "We had a strong year," it \
            said in a statement.

            "The dividend will rise," the spokesman said.
            """, people: [Self.solheim], organisations: [Self.kestrel])
        #expect(found == [Self.kestrel, Self.kestrel])
    }

    @Test("a relative named later in the article is that person; the named relation wins over the subject")
    func relativeNamedLater() throws {
        let margaret = Article.Concept(name: "Margaret MacAulay")
        let callum = Article.Concept(name: "Callum MacAulay")
        let found = try speakers("""
            Margaret MacAulay set out alone, a crossing she has made "hundreds of times," her son said.

            Her son, Callum MacAulay, raised the alarm. "She insists on dancing at it," her son said.
            """, people: [margaret, callum], organisations: [])
        #expect(found == [callum, callum])
    }

    @Test("a person \"of the\" organisation is the person; a ministry name with commas is read whole")
    func personOfOrganisationAndLongNames() throws {
        let tremblay = Article.Concept(name: "Marie Tremblay")
        let federalCourt = Article.Concept(name: "Federal Court")
        let trade = Article.Concept(name: "Ministry of Trade, Industry and Energy")
        let found = try speakers("""
            Justice Marie Tremblay of the Federal Court said the plan was "a box to be ticked."

            South Korea's Ministry of Trade, Industry and Energy said it was "in close consultation" with officials.
            """, people: [tremblay], organisations: [federalCourt, trade])
        #expect(found == [tremblay, trade])
    }

    @Test("\"said a spokesperson for\" a named organisation is that organisation, not the one named before")
    func spokespersonForNamedOrganisation() throws {
        let council = Article.Concept(name: "Tsleil Nation Council")
        let mines = Article.Concept(name: "Ministry of Energy and Mines")
        let found = try speakers("""
            The Tsleil Nation Council welcomed the decision.

            "This was never about stopping energy projects," said a spokesperson for the Ministry of Energy and Mines.
            """, people: [], organisations: [council, mines])
        #expect(found == [mines])
    }

    @Test("\"the party said\" after a party named in the same paragraph is that one, though another's name holds \"Party\"")
    func organisationInParagraph() throws {
        let unity = Article.Concept(name: "Unity Progress Party")
        let renewal = Article.Concept(name: "Democratic Renewal Movement")
        let found = try speakers("""
            Results gave the governing Unity Progress Party 54 percent of the vote.

            The Democratic Renewal Movement said its agents had been barred. "We reject these figures," the party said.
            """, people: [], organisations: [unity, renewal])
        #expect(found == [renewal])
    }

    @Test("\"the agent said\" is the person introduced as the agent; \"the 24-year-old\" is the person last named")
    func rolesOutsideTheTitleList() throws {
        let mendes = Article.Concept(name: "Tiago Mendes", aliases: ["Mendes"])
        let vieira = Article.Concept(name: "Paulo Vieira")
        let found = try speakers("""
            Estrela signed striker Tiago Mendes. "This is the club I dreamed of," the 24-year-old told the club's channel.

            Mendes's agent, Paulo Vieira, spoke to reporters. "He wanted to play in Europe," the agent said.
            """, people: [mendes, vieira], organisations: [])
        #expect(found == [mendes, vieira])
    }

    @Test("a lower-case possessor counts: \"the bank's policy committee\" is the bank, \"the ministry's spokesman\" the ministry")
    func possessor() throws {
        let bank = Article.Concept(name: "Central Bank of Turkey")
        let agency = Article.Concept(name: "Anatolia Press Agency")
        let ministry = Article.Concept(name: "Ministry of Finance")
        let found = try speakers("""
            The Central Bank of Turkey cut rates, the Ministry of Finance said, Anatolia Press Agency reported.

            "Inflation is falling," the bank's policy committee said.

            "The budget is on track," the ministry's spokesman said.
            """, people: [], organisations: [bank, agency, ministry])
        #expect(found == [bank, ministry])
    }

    @Test("\"the academy said\" finds the academy; \"the party said\" may stand for a congress named just before")
    func moreOrganisationKinds() throws {
        let academy = Article.Concept(name: "Royal Academy of Sciences")
        let congress = Article.Concept(name: "National Unity Congress")
        let party = Article.Concept(name: "Liberal Party")
        let found = try speakers("""
            The Liberal Party won the vote. The Royal Academy of Sciences praised the result.

            "This is a prize for patience," the academy said.

            The National Unity Congress rejected the count. "We will appeal," the party said.
            """, people: [], organisations: [party, academy, congress])
        #expect(found == [academy, congress])
    }
}
