import NewsbusEnrich
import NewsbusWire
import Testing

/// Entity forms the development pages 41–44 exercise: one-word company names, organisation names
/// with commas and "and", and states, provinces and regions.
@Suite("Entities enricher: one-word companies, long ministry names, regions")
struct EntitiesUnseenFormsTests {
    @Test("a company's first word alone is the company, before or after its full name")
    func oneWordCompanyFromFullName() throws {
        let article = try enrichEntities(
            headline: "Kestrel shares slide",
            body: """
                Shares of Kestrel fell on Wednesday. Kestrel Holdings, which is based in Stavanger, had \
                agreed to sell a stake. Kestrel said it would look for a new partner.
                """)
        let kestrel = try #require(article.organisations.named("Kestrel Holdings"))
        #expect(kestrel.aliases == ["Kestrel"])
        #expect(article.organisations.count == 1)
        #expect(article.people.isEmpty)
    }

    @Test("a first word that is a known place stays the place: Seoul is not Seoul National University")
    func placeFirstWordIsNoAlias() throws {
        let article = try enrichEntities(body: """
            Researchers at Seoul National University published the study. Seoul said it would fund more work.
            """)
        #expect(article.organisations.names == ["Seoul National University"])
        #expect(article.places.names == ["Seoul"])
    }

    @Test("share context and a plural apposition make unknown words companies; a coordinated name shares it")
    func companyContext() throws {
        let article = try enrichEntities(body: """
            Shares of Vantara fell 14 percent on Monday. Tindra and \
            Solvik, the two largest developers in the region, declined to comment.
            """)
        #expect(Set(article.organisations.names) == ["Vantara", "Tindra", "Solvik"])
        #expect(article.people.isEmpty)
    }

    @Test("an organisation name runs across commas and a final \"and\" after Ministry of")
    func ministryWithCommas() throws {
        let article = try enrichEntities(body: """
            The Ministry of Land, Infrastructure, Transport and Tourism said river levels had fallen. The \
            Ministry of Health, Labour and Welfare warned of heatstroke. The Department of Science and \
            Technology will fund a centre. The Bavarian Farmers' Association backed the appeal.
            """)
        #expect(article.organisations.names == [
            "Ministry of Land, Infrastructure, Transport and Tourism", "Ministry of Health, Labour and Welfare",
            "Department of Science and Technology", "Bavarian Farmers' Association",
        ])
    }

    @Test("states and provinces from ISO 3166-2, with and without a cue; \"X Prefecture\" joins the known place")
    func regions() throws {
        let article = try enrichEntities(body: """
            The company chose Gujarat state over Maharashtra and the southern state of Tamil Nadu. Wolves \
            are rising in Bavaria and Lower Saxony. Heat hit Niigata Prefecture, and yields in Niigata fell. \
            Storms crossed the province of Cebu.
            """)
        let names = Set(article.places.names)
        #expect(names.isSuperset(of: ["Gujarat", "Maharashtra", "Tamil Nadu", "Bavaria", "Lower Saxony", "Niigata", "Cebu"]))
        #expect(!names.contains("Niigata Prefecture"))
        #expect(article.places.named("Niigata")?.aliases.contains("Niigata Prefecture") == true)
        #expect(article.people.isEmpty)
        #expect(article.places.named("Bavaria")?.code == "")
    }

    @Test("subdivision names that are also common words or given names are not places by themselves")
    func ambiguousSubdivisionsLeftOut() throws {
        let gazetteer = try Gazetteer.shared()
        for word in ["Victoria", "Central", "Delta", "Plateau", "Santander", "Meta", "Batman", "Colon"] {
            #expect(gazetteer.place(named: word)?.kind != "subdivision", "\(word)")
        }
        #expect(gazetteer.place(named: "Bavaria")?.kind == "subdivision")
        #expect(gazetteer.place(named: "Telangana")?.countryCode == "IN")
    }

    @Test("what only a company has or does makes a one-word name a company; \"whose\" makes a name a person")
    func companyPossessionsAndVerbs() throws {
        let article = try enrichEntities(body: """
            Kestrel's chief executive resigned on Monday. Prices rose after Vantara pulled out of the deal. \
            About 2,000 employees at Marlowe lost their jobs, and Tessaly workers went on strike. \
            Grace Whitford, a fisher whose family has lived on the inlet for generations, was at the hearing.
            """)
        #expect(Set(article.organisations.names) == ["Kestrel", "Vantara", "Marlowe", "Tessaly"])
        #expect(article.people.names == ["Grace Whitford"])
    }

    @Test("an organisation's name runs over a further \"of the\": Central Bank of the Republic of Turkey")
    func nestedOf() throws {
        let article = try enrichEntities(body: """
            The Central Bank of the Republic of Turkey raised rates. The Ministry of Foreign Affairs of Japan said nothing.
            """)
        #expect(article.organisations.names.contains("Central Bank of the Republic of Turkey"))
        #expect(article.organisations.names.contains("Ministry of Foreign Affairs"))
        #expect(article.places.names.contains("Japan"))
    }
}
