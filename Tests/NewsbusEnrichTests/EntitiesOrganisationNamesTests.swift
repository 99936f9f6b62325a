import NewsbusEnrich
import NewsbusWire
import Testing

/// Where an organisation's name starts and ends: possessives and plurals inside it, a second
/// "of", a title word before the head, a last word after it, firms joined by "&", an apposition
/// naming the organisation in full, and head words that belong to a title.
@Suite("Entities enricher: organisation names cut short or over-extended")
struct EntitiesOrganisationNamesTests {
    @Test("a possessive plural inside a name, with the head two words on")
    func possessiveBeforeLaterHead() throws {
        let article = try enrichEntities(body: """
            The River Traders' Mutual Association called a strike. The Federation of Metal Workers backed it.
            """)
        #expect(article.organisations.names == ["River Traders' Mutual Association", "Federation of Metal Workers"])
    }

    @Test("field and head words go on after a second \"of\"")
    func secondOfBeforeFieldWords() throws {
        let article = try enrichEntities(body: """
            The Union of Parents of Public College Students (UPPCS) backed the teachers.
            """)
        let union = try #require(article.organisations.named("Union of Parents of Public College Students"))
        #expect(union.aliases == ["UPPCS"])
        #expect(article.organisations.count == 1)
    }

    @Test("a title word right before a head names the body: General Court, Premier League")
    func titleWordBeforeHead() throws {
        let article = try enrichEntities(body: """
            Kestrel appealed to the General Court in Luxembourg. The Premier League fined the club.
            """)
        #expect(article.organisations.names.contains("General Court"))
        #expect(article.organisations.names.contains("Premier League"))
        #expect(article.people.isEmpty)
    }

    @Test("one unknown word closing a run after the head is the name's last word; a person's name is not")
    func lastWordAfterHead() throws {
        let article = try enrichEntities(body: """
            "Prices will rise," said Lena Ford, an analyst at Oslo-based Fjellvik Capital Strategies. \
            Acme Group Chief Executive Jane Doe agreed.
            """)
        #expect(article.organisations.names.contains("Fjellvik Capital Strategies"))
        #expect(article.organisations.names.contains("Acme Group"))
        #expect(Set(article.people.names) == ["Lena Ford", "Jane Doe"])
    }

    @Test("names joined by \"&\" are one firm, with a list of names before them")
    func ampersandFirms() throws {
        let article = try enrichEntities(body: """
            Tom Aalto, a lawyer at the Helsinki firm Berg, Nyholm & Partner, said the case was weak. \
            Auditors from Marsh & Okafor agreed.
            """)
        #expect(Set(article.organisations.names) == ["Berg, Nyholm & Partner", "Marsh & Okafor"])
        #expect(article.people.names == ["Tom Aalto"])
    }

    @Test("\"X, the Y Alliance,\": the organisation named in full is the one-word name before it")
    func appositionNamesOrganisation() throws {
        let article = try enrichEntities(body: """
            The doses came from Medivax, the Child Immunisation Alliance, which pays for the rollout. \
            Ghana asked Medivax for more.
            """)
        let alliance = try #require(article.organisations.named("Medivax"))
        #expect(alliance.aliases.contains("Medivax, the Child Immunisation Alliance"))
        #expect(article.organisations.count == 1)
        #expect(article.people.isEmpty)
    }

    @Test("a field and a head before a title are part of the title; a named court is not")
    func headInsideTitle() throws {
        let article = try enrichEntities(body: """
            Tourism Cabinet Secretary Dr. Joseph Mbeki opened the plant. Supreme Court Justice Ana Ruiz \
            wrote the ruling.
            """)
        #expect(article.organisations.names == ["Supreme Court"])
        #expect(Set(article.people.names) == ["Joseph Mbeki", "Ana Ruiz"])
    }

    @Test("a role noun written as a title before a name is no part of it")
    func roleNounAsTitle() throws {
        let article = try enrichEntities(
            body: "Farmer Ruth Obi said the rains came late.",
            captions: ["Nurse Amina Yusuf (L) vaccinates a child in Kano, Nigeria, March 3, 2026. (Photo by Sahel Lens)"])
        #expect(Set(article.people.names) == ["Ruth Obi", "Amina Yusuf"])
    }

    @Test("field words closing a run name a company when a company's cue goes with them")
    func fieldWordsAfterCompanyName() throws {
        let article = try enrichEntities(body: """
            The mine is owned by the Canadian group Halvorsen Resources. Halvorsen Resources shares fell 2 per cent.
            """)
        #expect(article.organisations.names == ["Halvorsen Resources"])
        #expect(article.people.isEmpty)
    }

    @Test("Confederation and Directorate head organisation names")
    func newHeadWords() throws {
        let article = try enrichEntities(body: """
            The Labour Directorate will rule next week, according to the Confederation of Road Hauliers (Conroh).
            """)
        #expect(article.organisations.names == ["Labour Directorate", "Confederation of Road Hauliers"])
    }
}
