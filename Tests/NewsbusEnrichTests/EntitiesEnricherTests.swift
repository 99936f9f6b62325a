import NewsbusEnrich
import NewsbusWire
import Testing

@Suite("Entities enricher")
struct EntitiesEnricherTests {
    @Test("a long title before a name gives the organisation, the country and the person, not a person called by the title")
    func longTitles() throws {
        let article = try enrichEntities(body: """
            Italian Ministry of Economy and Finance Director General for Treasury Affairs Marco Bellini \
            presented the plan on Friday. Canadian Deputy Minister of Natural Resources Elena Varga welcomed it.
            """)
        #expect(article.people.names == ["Marco Bellini", "Elena Varga"])
        let ministry = try #require(article.organisations.named("Italian Ministry of Economy and Finance"))
        #expect(ministry.aliases.contains("Ministry of Economy and Finance"))
        #expect(article.places.named("Italy")?.code == "IT")
        #expect(article.places.named("Canada")?.code == "CA")
    }

    @Test("a title naming a country keeps the country as a place and the name after it as the person")
    func titleWithCountryInside() throws {
        let article = try enrichEntities(body: "EU Special Envoy for the Sahel Region Pieter Claes arrived in Bamako.")
        #expect(article.people.names == ["Pieter Claes"])
        #expect(article.places.names.contains("Bamako"))
        #expect(article.organisations.names == ["European Union"])
        #expect(article.organisations.named("European Union")?.aliases == ["EU"])
    }

    @Test("family-name-first names keep their order; a later one-word mention becomes an alias of the person")
    func familyNameFirst() throws {
        let article = try enrichEntities(body: """
            Chinese Vice Premier Liu Wenhai opened the trade fair. Park Min-seo, a researcher at the \
            Asan Institute, said exports had slowed. "Demand is weak," Liu said. Park added that prices would fall.
            """)
        let liu = try #require(article.people.named("Liu Wenhai"))
        #expect(liu.aliases == ["Liu"])
        let park = try #require(article.people.named("Park Min-seo"))
        #expect(park.aliases == ["Park"])
        #expect(article.people.count == 2)
        #expect(article.organisations.names == ["Asan Institute"])
    }

    @Test("a one-word mention goes to the person it was first used for when two share a name")
    func twoPeopleSharingAName() throws {
        let article = try enrichEntities(body: """
            Envoy Daniel Lee met Foreign Minister Lee Hae-won in Geneva. Daniel said the talks were useful. \
            Hae-won said nothing. Daniel later flew home.
            """)
        #expect(article.people.named("Daniel Lee")?.aliases == ["Daniel"])
        #expect(article.people.named("Lee Hae-won")?.aliases == ["Hae-won"])
    }

    @Test("one-word mentions before the full name and in a caption also join the person")
    func oneWordMentionsAnywhere() throws {
        let article = try enrichEntities(
            headline: "Okonkwo pledges reform",
            body: "Nigerian central bank governor Adaeze Okonkwo said on Monday that rates would stay high.",
            captions: ["Okonkwo speaks in Abuja, March 2, 2024."])
        let person = try #require(article.people.named("Adaeze Okonkwo"))
        #expect(person.aliases == ["Okonkwo"])
        #expect(person.rel == "about")
        #expect(article.places.names == ["Nigeria", "Abuja"])
    }

    @Test("capitals used for governments are places without a code; the country only when named")
    func capitalsForGovernments() throws {
        let article = try enrichEntities(body: "Beijing accused Taipei of provocation, while Moscow stayed silent.")
        #expect(article.places.names == ["Beijing", "Taipei", "Moscow"])
        #expect(article.places.allSatisfy { $0.code.isEmpty })
    }

    @Test("demonyms and short names count as the country, with its ISO code, and are not its aliases")
    func demonymsAndShortNames() throws {
        let article = try enrichEntities(body: """
            Brazilian farmers sold more soy to Britain, while South Korean and U.S. buyers waited.
            """)
        #expect(article.places.names == ["Brazil", "United Kingdom", "South Korea", "United States"])
        #expect(article.places.map(\.code) == ["BR", "GB", "KR", "US"])
        #expect(article.places.named("Brazil")?.aliases == [])
        #expect(article.places.named("United Kingdom")?.aliases == ["Britain"])
        #expect(article.places.named("United States")?.aliases == ["U.S."])
    }

    @Test("an acronym defined in parentheses is one organisation with its long form; so are gazetteer acronyms")
    func acronyms() throws {
        let article = try enrichEntities(body: """
            The Regional Rail Safety Commission (RRSC) reopened the line. RRSC inspectors had found cracks. \
            Later the WTO and the World Health Organization commented.
            """)
        #expect(article.organisations.names == ["Regional Rail Safety Commission", "World Trade Organization", "World Health Organization"])
        #expect(article.organisations.named("Regional Rail Safety Commission")?.aliases == ["RRSC"])
        #expect(article.organisations.named("World Trade Organization")?.aliases == ["WTO"])
        #expect(article.organisations.named("World Trade Organization")?.uri == "urn:newsbus:org:wto")
    }

    @Test("'the British Embassy in Nairobi' is the embassy and two places")
    func embassyIn() throws {
        let article = try enrichEntities(body: "Protesters gathered outside the British Embassy in Nairobi on Sunday.")
        let embassy = try #require(article.organisations.named("British Embassy"))
        #expect(embassy.aliases == ["British Embassy in Nairobi"])
        #expect(article.places.names == ["United Kingdom", "Nairobi"])
        #expect(article.places.named("United Kingdom")?.code == "GB")
    }

    @Test("capitalised words at sentence starts, weekdays and plural nouns before 'said' are not people")
    func sentenceStarts() throws {
        let article = try enrichEntities(body: """
            Officials said the vote was close. Meanwhile, Tuesday brought rain. Analysts told reporters \
            nothing. However, Residents said they were afraid.
            """)
        #expect(article.people.isEmpty)
        #expect(article.organisations.isEmpty)
        #expect(article.places.isEmpty)
    }

    @Test("honorifics, initials and name particles stay in the name")
    func nameShapes() throws {
        let article = try enrichEntities(body: """
            Dr. Ines van der Berg and Mr Tariq bin Faisal met economist J. K. Osei and lawyer Siobhan O'Rourke-McAvoy. \
            Ms. Delacroix said she agreed.
            """)
        #expect(article.people.names == ["Ines van der Berg", "Tariq bin Faisal", "J. K. Osei", "Siobhan O'Rourke-McAvoy", "Delacroix"])
    }

    @Test("salience: headline and lead entities are 'about', the rest 'mentions'; uris and creator are set")
    func salienceAndIdentifiers() throws {
        let article = try enrichEntities(
            headline: "Kenya and Uganda sign rail pact",
            body: """
                Kenya and Uganda signed a rail agreement in Kampala on Wednesday, Kenyan officials said.

                The line will run past Lake Victoria. A delegation from Ethiopia observed.
                """)
        let kenya = try #require(article.places.named("Kenya"))
        #expect(kenya.rel == "about")
        #expect(kenya.uri == "urn:newsbus:place:iso3166:KE")
        #expect(kenya.creator == "machine:enrich.entities")
        let ethiopia = try #require(article.places.named("Ethiopia"))
        #expect(ethiopia.rel == "mentions")
        #expect(kenya.relevance > ethiopia.relevance)
        #expect(article.places.names == ["Kenya", "Uganda", "Kampala", "Lake Victoria", "Ethiopia"])
    }

    @Test("the same input gives the same output; running twice replaces, not appends")
    func determinism() throws {
        let body = """
            Prime Minister Aiko Tanabe told the Diet that Japan would join the IAEA review. Tanabe said \
            Tokyo and Seoul agreed. The Bank of Korea held rates.
            """
        let first = try enrichEntities(body: body)
        let second = try enrichEntities(body: body)
        #expect(first == second)
        var again = first
        try EntityEnricher().enrich(&again)
        #expect(again.people == first.people)
        #expect(again.organisations == first.organisations)
        #expect(again.places == first.places)
        #expect(first.people.named("Aiko Tanabe")?.aliases == ["Tanabe"])
        #expect(first.people.named("Aiko Tanabe")?.uri == "urn:newsbus:person:aiko-tanabe")
        #expect(first.organisations.named("Bank of Korea")?.uri == "urn:newsbus:org:bank-of-korea")
    }

    @Test("concepts set by an editor are kept and not duplicated")
    func keepsEditorConcepts() throws {
        var article = Article(bodies: [.init(role: "main", value: "Peru and Chile signed the deal.")])
        article.places = [Article.Concept(name: "Peru", rel: "about", creator: "editor", code: "PE")]
        try EntityEnricher().enrich(&article)
        #expect(article.places.names == ["Peru", "Chile"])
        #expect(article.places[0].creator == "editor")
    }

    @Test("no name is reported under two types")
    func noDuplicatesAcrossTypes() throws {
        let article = try enrichEntities(body: """
            Jordan Peters of the Jordan Valley Authority said Jordan would help. Peters added more.
            """)
        var seen: Set<String> = []
        for concept in article.people + article.organisations + article.places {
            #expect(seen.insert(concept.name.lowercased()).inserted, "\(concept.name) twice")
        }
        #expect(article.places.named("Jordan")?.code == "JO")
    }

    @Test("capitalised words with no cue are not people; a one-word actor never named in full is an organisation")
    func cuesDecide() throws {
        let article = try enrichEntities(body: """
            The jury praised Silver Harbour Dreams and Quiet Lanterns. Verdana said profits rose. \
            Lisa Okafor, a retired nurse, said the film moved her. The carmaker Zentrix cut jobs.
            """)
        #expect(article.people.names == ["Lisa Okafor"])
        #expect(article.organisations.names == ["Verdana", "Zentrix"])
    }

    @Test("a role noun and a comma before a name, and an apposition after it, introduce a person")
    func appositions() throws {
        let article = try enrichEntities(body: """
            Its chief executive, Oh Min-jae, resigned. Tomas Reyes, the club's captain, scored twice. \
            Reyes later thanked the fans.
            """)
        #expect(article.people.names == ["Oh Min-jae", "Tomas Reyes"])
        #expect(article.people.named("Tomas Reyes")?.aliases == ["Reyes"])
    }
}

@Suite("Entities enricher: organisation and place shapes")
struct EntitiesShapesTests {
    @Test("organisation names with commas, 'and', particles and possessives stay whole")
    func longOrganisationNames() throws {
        let article = try enrichEntities(body: """
            The Ministry of Fisheries, Oceans and Coastal Affairs said quotas would fall. The Andean Seismic, \
            Volcanic and Geodetic Survey Agency (ASVGSA) issued a warning. Reporters from Puerto de la Luna Radio \
            and the Farmers' Mutual Bank were present, as was the Workers’ Cooperative Bank.
            """)
        let names = article.organisations.names
        #expect(names.contains("Ministry of Fisheries, Oceans and Coastal Affairs"))
        #expect(names.contains("Andean Seismic, Volcanic and Geodetic Survey Agency"))
        #expect(article.organisations.named("Andean Seismic, Volcanic and Geodetic Survey Agency")?.aliases == ["ASVGSA"])
        #expect(names.contains("Puerto de la Luna Radio"))
    }

    @Test("a country or demonym with a lower-case institution is an organisation; 'Zurich-based' names Zurich")
    func lowercaseInstitutions() throws {
        let article = try enrichEntities(body: """
            The Peruvian foreign ministry protested, and Chile's defence ministry replied. The Canadian embassy in \
            Lima stayed closed. A Zurich-based fund and a Kremlin-backed group bought shares.
            """)
        #expect(article.organisations.names == ["Peruvian foreign ministry", "Chile's defence ministry", "Canadian embassy", "Kremlin"])
        #expect(article.organisations.named("Canadian embassy")?.aliases == ["Canadian embassy in Lima"])
        // The gazetteer's name; "Zurich" differs only in a diacritic, and "Zurich-based" is no alias.
        #expect(article.places.names == ["Peru", "Chile", "Canada", "Lima", "Zürich"])
        #expect(article.places.named("Zürich")?.aliases == [])
    }

    @Test("places from their context: a place noun after the name, 'Name, Country', 'in Name', regions and their adjectives")
    func placesFromContext() throws {
        let article = try enrichEntities(body: """
            Floods hit Ostrava-Jih district and the village of Dolni Lhota. Rescuers reached Kravare, Czech Republic, \
            by noon, and later worked in Hlucin. European and South American donors sent aid to Central Asia. \
            Most residents speak in Czech.
            """)
        let names = article.places.names
        #expect(names.contains("Ostrava-Jih"))
        #expect(article.places.named("Ostrava-Jih")?.aliases == ["Ostrava-Jih district"])
        #expect(names.contains("Kravare"))
        #expect(names.contains("Hlucin"))
        #expect(names.contains("Europe"))
        #expect(names.contains("South America"))
        #expect(names.contains("Central Asia"))
        #expect(article.places.named("Czech Republic")?.code == "CZ")
        #expect(article.people.isEmpty)
    }

    @Test("names that are also words or month abbreviations, and company names with a web domain")
    func wordLikeNames() throws {
        let article = try enrichEntities(body: """
            Former prime minister Theresa May met bank economist Jan Hollis in May. Orbitra.com Inc said it would \
            hire 300 people by Oct. 4.
            """)
        #expect(article.people.names == ["Theresa May", "Jan Hollis"])
        #expect(article.organisations.names == ["Orbitra.com Inc"])
    }

    @Test("a city's name that speaks is the person of that surname when one is named, else the city")
    func citySurnames() throws {
        let named = try enrichEntities(body: "Premier Ada Houston toured the coast. Houston told reporters the roads were shut.")
        #expect(named.people.named("Ada Houston")?.aliases == ["Houston"])
        #expect(named.places.names.isEmpty)
        let city = try enrichEntities(body: "Talks stalled in March. Houston said the port would reopen.")
        #expect(city.people.isEmpty)
        #expect(city.places.names == ["Houston"])
    }

    @Test("a name after a known place and a comma is a region: 'Halifax, Nova Scotia'")
    func regionAfterPlace() throws {
        let article = try enrichEntities(body: "Crews were sent to Halifax, Nova Scotia, and to a bakery in Lunenburg, said officials.")
        #expect(article.places.names == ["Halifax", "Nova Scotia", "Lunenburg"])
        #expect(article.organisations.isEmpty && article.people.isEmpty)
    }

    @Test("a surname ending in s at a sentence start still joins its person; a family name that is a place word")
    func surnamesThatLookLikeWords() throws {
        let article = try enrichEntities(body: """
            In the final, Tiago Reis scored twice at Westfield Park. Reis said the team was growing. \
            Park Ji-hoon, a defender, agreed. Park added that the crowd helped.
            """)
        #expect(article.people.names == ["Tiago Reis", "Park Ji-hoon"])
        #expect(article.people.named("Tiago Reis")?.aliases == ["Reis"])
        #expect(article.people.named("Park Ji-hoon")?.aliases == ["Park"])
        #expect(article.places.names == ["Westfield Park"])
    }
}
