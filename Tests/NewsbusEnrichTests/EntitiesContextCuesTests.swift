import NewsbusEnrich
import NewsbusWire
import Testing

/// The words around a name that say whether it is a person or an organisation: whom someone
/// speaks to, what "said" introduces, appositions before and after a name, ages, a place's
/// possessive.
@Suite("Entities enricher: person and organisation cues around a name")
struct EntitiesContextCuesTests {
    @Test("someone told, asked or interviewed by a one-word name is an outlet or company, not a person")
    func addressees() throws {
        let article = try enrichEntities(body: """
            Coach Joan Pell said the team was tired. Pell told Kvallsbladet that she would stay. The \
            ministry asked Medrix for more doses. In an interview with Radiolux on Monday, Pell said \
            nothing more.
            """)
        #expect(article.people.names == ["Joan Pell"])
        #expect(Set(article.organisations.names) == ["Kvallsbladet", "Medrix", "Radiolux"])
    }

    @Test("\"said X had …\" makes X the subject of what was said, not the speaker")
    func saidIntroducesClause() throws {
        let article = try enrichEntities(body: """
            Tamberlane Freight Holdings will run the depot. Its director, Arjun Rao, said Tamberlane had \
            full confidence in the plan, said Rao.
            """)
        #expect(article.people.names == ["Arjun Rao"])
        let company = try #require(article.organisations.named("Tamberlane Freight Holdings"))
        #expect(company.aliases.contains("Tamberlane"))
    }

    @Test("a place before a role in an apposition is part of the role, not the region the name lies in")
    func placeBeforeRole() throws {
        let article = try enrichEntities(body: """
            Noguchi Haruto, Canada director of the shipping group, said the route would reopen. \
            Halden, Norway is quiet.
            """)
        #expect(article.people.names == ["Noguchi Haruto"])
        #expect(!article.places.names.contains("Noguchi Haruto"))
    }

    @Test("an age in an apposition marks a person; a common noun with an age names nobody")
    func ages() throws {
        let article = try enrichEntities(
            headline: "Grandfather, 81, found alive after three days",
            body: """
                Brazil's Talita Moura beat Kenya's Wanjiku Oduya in the final. Moura, 24, said she was tired.
                """)
        #expect(Set(article.people.names) == ["Talita Moura", "Wanjiku Oduya"])
        #expect(article.people.named("Talita Moura")?.aliases == ["Moura"])
        #expect(article.organisations.isEmpty)
    }

    @Test("an organisation noun and a comma before a name make it an organisation")
    func organisationNounBeforeComma() throws {
        let article = try enrichEntities(body: """
            The ferry crew rejected the final offer from the operator, Sol Marinho, on Friday. The \
            ship's maker, Aster Yards, declined to comment.
            """)
        #expect(Set(article.organisations.names) == ["Sol Marinho", "Aster Yards"])
        #expect(article.people.isEmpty)
    }

    @Test("a noun phrase set after a role describes a person even when its noun may be a company's")
    func roleApposition() throws {
        let article = try enrichEntities(body: """
            The guild backed the complaint. Its chairman, the Danish software developer Ebba Lind-Holm, \
            said the fine was fair.
            """)
        #expect(article.people.names == ["Ebba Lind-Holm"])
        #expect(article.organisations.isEmpty)
    }

    @Test("a noun that is both a role and a business is decided by the relative pronoun after it")
    func ambiguousAppositionNoun() throws {
        let article = try enrichEntities(body: """
            Norvik, the Bergen cheese producer that sponsors the race, raised the prize. Ines Carvalho, \
            a film producer who lives in Porto, said the race was a good story.
            """)
        #expect(article.organisations.names == ["Norvik"])
        #expect(article.people.names == ["Ines Carvalho"])
    }

    @Test("an institution's noun in an apposition makes a one-word name an organisation")
    func institutionApposition() throws {
        let article = try enrichEntities(body: """
            The bill needs a majority in the Storting, the national parliament, before June.
            """)
        #expect(article.organisations.names == ["Storting"])
        #expect(article.people.isEmpty)
    }

    @Test("staff after a sentence's first word are a compound, not a company's staff")
    func staffAtSentenceStart() throws {
        let article = try enrichEntities(
            body: "Rescue workers searched the rubble. Tessaly workers went on strike.",
            captions: ["Rescue workers carry a stretcher in Izmir, Turkey, May 2, 2026. (Photo by Anka Lens)"])
        #expect(!article.organisations.names.contains("Rescue"))
    }

    @Test("a place preposition opening a sentence still makes the name after it a place")
    func placePrepositionAtSentenceStart() throws {
        let article = try enrichEntities(body: "In Valdoria, about 40 schools closed on Monday.")
        #expect(article.places.names == ["Valdoria"])
    }
}
