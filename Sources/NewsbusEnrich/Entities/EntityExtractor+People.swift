extension EntityExtractor {
    /// People in what is left of a run once organisations and gazetteer names are taken: the
    /// unknown capitalised words, with the cues around them (titles before the name, honorifics,
    /// a role noun, a speech verb after it, an apposition, a caption marker, a known family name).
    mutating func findPeople(_ units: [NameRun.Unit], consumed: NameRun.UnitFlags, context: inout Context) {
        let tokens = context.tokens
        var i = 0
        while i < units.count {
            guard !consumed[i], units[i].isName else {
                i += 1
                continue
            }
            var end = i
            var k = i + 1
            scan: while k < units.count, !consumed[k] {
                switch units[k].tag {
                case .name, .initialDot:
                    end = k
                    k += 1
                case .connector where NameRun.nameParticles.contains(tokens[units[k].first].key):
                    // Particles ("van der", "bin") continue a name only when a name follows them.
                    var after = k + 1
                    while after < units.count, case .connector = units[after].tag,
                          NameRun.nameParticles.contains(tokens[units[after].first].key) { after += 1 }
                    guard after < units.count, units[after].isName, !consumed[after] else { break scan }
                    k = after
                default:
                    break scan
                }
            }
            considerName(units, from: i, to: end, context: &context)
            i = end + 1
        }
    }

    private mutating func considerName(_ units: [NameRun.Unit], from start: Int, to end: Int, context: inout Context) {
        let tokens = context.tokens
        // Unknown words followed by more title words are part of the title ("... for Oceanian Affairs").
        if end + 1 < units.count {
            switch units[end + 1].tag {
            case .descriptor where units[(end + 1)...].allSatisfy({ if case .descriptor = $0.tag { true } else { false } }):
                // Field words closing the run are no title: "the Canadian group Northgate Resources",
                // "Northgate Resources shares". With a company's cue, the words name it.
                let lastToken = units[units.count - 1].last
                let cues = cues(units, nameStart: start, firstToken: units[start].first, lastToken: lastToken, tokens: tokens)
                if cues.organisation && !cues.strong {
                    emitUnheadedOrganisation(context.text(units[start].first, lastToken),
                                             segment: context.segment(at: units[start].first), context: &context)
                }
                return
            case .titleHead, .titleModifier, .descriptor, .organisationHead, .placeHead, .honorific: return
            default: break
            }
        }
        // The name's words, as token indices (a copy of a token would retain its two strings).
        var words: [Int] = []
        words.reserveCapacity(end - start + 1)
        for unit in units[start...end] where unit.isName { words.append(unit.first) }
        guard let firstWord = words.first else { return }
        let firstToken = units[start].first
        let lastToken = units[end].last
        let cues = cues(units, nameStart: start, firstToken: firstToken, lastToken: lastToken, tokens: tokens)

        if words.count == 1 {
            let word = tokens[firstWord]
            let segment = context.segment(at: firstToken)
            let pluralAtStart = word.sentenceStart && word.key.hasSuffix("s")
            // A place preposition outweighs a verb: "a bakery in Lunenburg, said she".
            var cue: SingleWordCue = cues.organisation ? .organisation : cues.strong ? .person
                : cues.place != nil ? .place : cues.verbAfter || cues.companyAct || cues.addressee ? .actor
                : cues.age ? .personPart : .none
            // "Tindra and Solvik, the two largest developers": a name shares its partner's apposition.
            if cue == .none, let partner = coordinatedName(units, after: end, tokens: tokens) {
                let partnerCues = self.cues(units, nameStart: partner, firstToken: units[partner].first,
                                            lastToken: units[partner].last, tokens: tokens)
                if partnerCues.organisation { cue = .organisation }
            }
            if word.isAllCaps {
                acronyms.append(SingleWord(text: word.text, segment: segment, order: nextOrder(), cue: cue))
            } else {
                singleWords.append(SingleWord(text: word.text, segment: segment, order: nextOrder(), cue: cue,
                                              placeAlias: cues.place ?? "", looksPlural: pluralAtStart))
            }
            return
        }
        if let placeAlias = cues.place, !cues.strong, !cues.age, !cues.verbAfter, !cues.organisation, !cues.possessedByPlace {
            let name = context.text(firstToken, lastToken)
            addMention(EntityMention(
                type: .place, identity: "place-name:" + Gazetteer.fold(name), name: name, surface: name,
                extraAliases: placeAlias.isEmpty ? [] : [placeAlias], uri: "", confidence: 60,
                segment: context.segment(at: firstToken)))
            return
        }
        if cues.organisation && !cues.strong && !cues.age {
            emitUnheadedOrganisation(context.text(firstToken, lastToken), segment: context.segment(at: firstToken), context: &context)
            return
        }
        let familyName = words.count <= 3
            && (gazetteer.familyNames[tokens[firstWord].key] != nil || gazetteer.familyNames[tokens[words[words.count - 1]].key] != nil)
        let confidence: UInt32
        var tentative = false
        if cues.strong || cues.age {
            confidence = 90
        } else if cues.verbAfter || cues.addressee || cues.possessedByPlace {
            confidence = 85
        } else if familyName {
            confidence = 75
        } else {
            // Capitalised words with no cue: a person only if they look like a name.
            guard words.count <= 4, words.allSatisfy({ !tokens[$0].isAllCaps }) else { return }
            confidence = 55
            tentative = true
        }
        let name = context.text(firstToken, lastToken)
        let parts = words.map { tokens[$0].key }
        var mention = EntityMention(
            type: .person, identity: "person:" + parts.joined(separator: " "), name: name, surface: name,
            uri: "", confidence: confidence, segment: context.segment(at: firstToken), nameParts: parts)
        mention.isTentative = tentative
        addMention(mention)
    }

    /// An organisation known only from its context ("Evergrande, the developer,").
    mutating func emitUnheadedOrganisation(_ name: String, segment: ArticleSegment, context: inout Context) {
        let identity = "org-name:" + Gazetteer.fold(name)
        addMention(EntityMention(type: .organisation, identity: identity, name: name, surface: name, uri: "",
                                 confidence: 60, segment: segment))
        context.lastOrganisation = (identity, name)
    }

    /// The single name joined by "and" to the name ending at unit `end` ("Tindra and Solvik"), if any.
    private func coordinatedName(_ units: [NameRun.Unit], after end: Int, tokens: [EntityToken]) -> Int? {
        let partner = end + 2
        guard partner < units.count, case .connector = units[end + 1].tag, tokens[units[end + 1].first].key == "and",
              units[partner].isName, partner + 1 == units.count || !units[partner + 1].isName else { return nil }
        return partner
    }

    struct NameCues {
        /// A title, honorific, role noun, apposition or caption marker.
        var strong = false
        /// An age after the name ("Solbakken, 27,"): a person, but a one-word name may be a common
        /// noun ("Grandmother, 78,").
        var age = false
        /// A speech or action verb right after the name.
        var verbAfter = false
        /// Someone speaks to it: "told Vestlandsposten", "asked Gavi for", "in an interview with
        /// TéléCité". A person named in full elsewhere, or else an organisation (often an outlet).
        var addressee = false
        /// A place's possessive comes before it: "India's Ananya Krishnaswamy". Counts for names of
        /// two or more words (a company would carry a head word: "Japan's Nippon Steel").
        var possessedByPlace = false
        /// Inside a sentence, a verb only companies do follows: "after Vantara pulled out",
        /// "when Kestrel cut 500 jobs". Counts for one-word names only.
        var companyAct = false
        /// An apposition naming an organisation: "Evergrande, the developer,".
        var organisation = false
        /// Set when the context makes it a place: "Henan province" (the alias "Henan province"),
        /// "Bangued, Abra" or "in Bangued" (no alias: empty).
        var place: String?
    }

    /// Lower-case nouns after a name that make it a place: "Henan province", "Frankfurt station".
    static let placeNouns: WordSet = [
        "province", "prefecture", "state", "county", "district", "region", "island", "islands", "city", "town",
        "village", "station", "airport", "port", "building", "square", "street", "river", "mountain", "valley",
        "peninsula", "municipality", "neighbourhood", "neighborhood", "suburb", "township", "coast", "bay",
    ]
    /// What a company has and a person does not: "Kestrel's chief executive", "Kestrel's shares".
    static let companyPossessions: WordSet = [
        "shares", "stock", "shareholders", "board", "ceo", "chief", "chairman", "chairwoman", "executives",
        "headquarters", "subsidiary", "subsidiaries", "revenue", "revenues", "profit", "profits", "earnings",
        "employees", "workforce", "factory", "factories", "plant", "plants", "stores", "customers", "bonds", "merger",
        "takeover", "acquisition",
    ]
    /// Verbs of company action after a one-word name inside a sentence: "after Vantara pulled out".
    static let companyVerbs: WordSet = [
        "pulled", "laid", "hired", "acquired", "bought", "sold", "employs", "employed", "shed", "merged", "listed",
        "invested", "invests", "operates", "operated", "owns", "owned", "manufactures", "produces", "reported",
        "posted", "unveiled", "launched", "filed", "cut", "cuts", "slashed", "raised", "agreed", "signed",
    ]
    /// Nouns of ownership in a company: "shares of X", "a stake in X", "X shares".
    static let holdingNouns: WordSet = ["shares", "stake", "stakes", "shareholders", "shareholder", "stock", "bonds"]
    /// The people a company employs: "employees at Kestrel", "Kestrel employees".
    static let staffNouns: WordSet = ["employees", "employee", "workers", "staff", "engineers", "executives", "layoffs", "jobs"]
    /// Endings of language names and adjectives, which "in" does not make places: "in Korean".
    static let languageEndings = ["ese", "ish", "ian", "ean"]
    /// Prepositions between a holding or staff noun and a company: "shares of X", "a stake in X".
    static let holdingPrepositions: WordSet = ["of", "in", "at"]
    /// "the", "a", "an".
    static let articles: WordSet = ["the", "a", "an"]
    /// Prepositions before a name that make it a place when nothing else says what it is.
    static let placePrepositions: WordSet = ["in", "near", "outside", "around", "across", "towards", "toward"]

    /// Token texts joined by single spaces.
    static func textBetween(_ tokens: [EntityToken], _ first: Int, _ last: Int) -> String {
        tokens[first...last].map(\.text).joined(separator: " ")
    }

    /// Words that open an apposition describing the name before it.
    static let appositionStarts: WordSet = [
        "a", "an", "the", "its", "his", "her", "their", "our", "one", "another", "former", "chief", "head", "who",
    ]

    /// Words after an apposition's head noun.
    static let appositionEnds: WordSet = ["at", "of", "for", "in", "with", "from", "on", "who", "which", "that", "to", "and"]

    /// Nouns in an apposition that make the name before it an organisation.
    static let organisationNouns: WordSet = [
        "company", "firm", "group", "developer", "bank", "club", "union", "party", "agency", "organisation",
        "organization", "charity", "network", "maker", "manufacturer", "producer", "operator", "carrier", "airline",
        "broadcaster", "newspaper", "insurer", "lender", "retailer", "regulator", "association", "federation",
        "league", "team", "side", "outlet", "startup", "conglomerate", "giant", "fund", "insurer", "automaker",
        "chipmaker", "carmaker", "utility", "provider", "drugmaker", "shipbuilder", "brewer", "miner", "exchange", "institute", "university", "ngo", "movement", "coalition", "alliance", "publisher",
        "parliament", "legislature", "assembly", "council", "court", "ministry", "department", "commission", "committee",
        "government", "authority", "watchdog", "daily", "tabloid", "magazine", "channel", "website", "line",
    ]

    private func cues(_ units: [NameRun.Unit], nameStart: Int, firstToken: Int, lastToken: Int, tokens: [EntityToken]) -> NameCues {
        var cues = NameCues()
        // A title earlier in the same run: "US Special Representative on North Korea Sung Kim".
        if units[..<nameStart].contains(where: \.isTitle) { cues.strong = true }
        if firstToken > 0 {
            let before = tokens[firstToken - 1]
            if before.isWord && !before.isCapitalised && gazetteer.roleNouns.contains(before.key) { cues.strong = true }
            if before.isWord && !before.isCapitalised && Self.organisationNouns.contains(before.key) { cues.organisation = true }
            // "Its chief executive, Oh Su-bin, said": a role noun and a comma before the name.
            if before.isMark(","), firstToken > 1, tokens[firstToken - 2].isWord, !tokens[firstToken - 2].isCapitalised,
               gazetteer.roleNouns.contains(tokens[firstToken - 2].key) {
                cues.strong = true
            }
            // "said Gunn" names the speaker, but "said Kestrel had …" the subject of what was said.
            if before.isWord && Self.precedingSpeechWords.contains(before.key), !startsClause(tokens, at: lastToken + 1) {
                cues.strong = before.key != "to" || (firstToken > 1 && tokens[firstToken - 2].key == "according")
            }
            if before.isWord && Self.addresseeWords.contains(before.key)
                || before.key == "with" && firstToken > 1 && Self.conversationNouns.contains(tokens[firstToken - 2].key) {
                cues.addressee = true
            }
            // "The vaccine's maker, Sunrise Biologics": an organisation noun and a comma before the name.
            if before.isMark(","), firstToken > 1, tokens[firstToken - 2].isWord, !tokens[firstToken - 2].isCapitalised,
               Self.organisationNouns.contains(tokens[firstToken - 2].key) {
                cues.organisation = true
            }
            // "Its president, the Finnish game developer Aino Virtanen-Koskela": the noun phrase
            // before the name stands in apposition to a role, so it describes a person.
            if before.isWord, !before.isCapitalised, describesRole(tokens, nounBefore: firstToken - 1) { cues.strong = true }
            // "India's Ananya Krishnaswamy".
            if before.isPossessive, endsPlaceName(tokens, at: firstToken - 2) { cues.possessedByPlace = true }
        }
        var after = lastToken + 1
        guard after < tokens.count else { return cues }
        if tokens[after].isPossessive {
            // "Kestrel's chief executive", "Vantara's shares": what only a company has.
            if after + 1 < tokens.count, Self.companyPossessions.contains(tokens[after + 1].key) { cues.organisation = true }
            return cues
        }
        // "in Bangued", "In Brittany, …", but not a language or an adjective: "in Korean", "in Spanish".
        if firstToken > 0, Self.placePrepositions.contains(tokens[firstToken - 1].key),
           !Self.languageEndings.contains(where: { tokens[lastToken].key.hasSuffix($0) }) {
            cues.place = ""
        }
        if tokens[after].isWord, !tokens[after].isCapitalised, Self.placeNouns.contains(tokens[after].key) {
            cues.place = Self.textBetween(tokens, firstToken, after)
        }
        // "the province of Cebu", "the southern state of Tamil Nadu".
        if firstToken > 1, tokens[firstToken - 1].key == "of", tokens[firstToken - 2].isWord, !tokens[firstToken - 2].isCapitalised,
           Self.placeNouns.contains(tokens[firstToken - 2].key) {
            cues.place = ""
        }
        // A company's context: "shares of Kestrel", "a stake in Kestrel", "employees at Kestrel",
        // "Kestrel shares", "Kestrel employees".
        if firstToken > 1, Self.holdingPrepositions.contains(tokens[firstToken - 1].key),
           Self.holdingNouns.contains(tokens[firstToken - 2].key)
            || tokens[firstToken - 1].key == "at" && Self.staffNouns.contains(tokens[firstToken - 2].key) {
            cues.organisation = true
        }
        // (Staff after a sentence's first word are mostly a compound: "Election workers count ballots".)
        if tokens[after].isWord, !tokens[after].isCapitalised,
           Self.holdingNouns.contains(tokens[after].key)
            || Self.staffNouns.contains(tokens[after].key) && !tokens[firstToken].sentenceStart {
            cues.organisation = true
        }
        // "Halifax, Nova Scotia": a name after a known city and a comma is the region it lies in
        // (not in a list: "Israel, Hamas and Egypt").
        if firstToken > 1, tokens[firstToken - 1].isMark(","), tokens[firstToken - 2].isCapitalised,
           gazetteer.place(named: tokens[firstToken - 2].text) != nil, gazetteer.country(named: tokens[firstToken - 2].text) == nil,
           !tokens[after].isWord || tokens[after].isPossessive {
            cues.place = ""
        }
        // "Bangued, Abra", but not "Morimoto Akira, Asia director of …": a place before a role is part of the role.
        if tokens[after].isMark(","), after + 1 < tokens.count, tokens[after + 1].isCapitalised {
            var placeEnd: Int?
            if gazetteer.country(named: tokens[after + 1].text) != nil || gazetteer.place(named: tokens[after + 1].text) != nil {
                placeEnd = after + 1
            } else if after + 2 < tokens.count, gazetteer.country(named: tokens[after + 1].text + " " + tokens[after + 2].text) != nil {
                placeEnd = after + 2
            }
            if let placeEnd, !isRoleWord(tokens, at: placeEnd + 1) { cues.place = "" }
        }
        // "Solbakken, 27, who …": an age.
        if tokens[after].isMark(","), after + 2 < tokens.count, tokens[after + 2].isMark(","), isAge(tokens[after + 1]) {
            cues.age = true
        }
        if tokens[after].isMark("("), after + 1 < tokens.count, Self.captionMarkers.contains(tokens[after + 1].text) {
            cues.strong = true
        }
        if tokens[after].isMark(","), after + 1 < tokens.count, Self.appositionStarts.contains(tokens[after + 1].key)
            || gazetteer.roleNouns.contains(tokens[after + 1].key) {
            // Apposition: "Sung Kim, the US envoy," / "Gunn, a former diplomat,".
            // The last noun that tells decides: "the club's captain" is a person, "a fourth-tier club" not.
            var look = after + 1
            var describesPerson: Bool?
            var ambiguousLast = false
            while look < tokens.count, look <= after + 8, !tokens[look].isMark(","), !tokens[look].isMark(".") {
                let token = tokens[look]
                // "Grace Whitford, a fisher whose family …": "who" and "whose" describe people.
                if look > after + 2, token.key == "who" || token.key == "whose", describesPerson == nil { describesPerson = true }
                // The head noun comes before a prepositional phrase: "a researcher at the Asan Institute".
                if look > after + 1, Self.appositionEnds.contains(token.key) { break }
                // "the two largest developers": a plural noun describes the names before it.
                // "the Vaccine Alliance": so does an organisation's head word.
                let organisationNoun = token.isWord
                    && (Self.organisationNouns.contains(token.key)
                        || token.key.hasSuffix("s") && Self.organisationNouns.contains(String(token.key.dropLast()))
                        || token.isCapitalised && gazetteer.wordClasses[token.text]?.isOrganisationHead == true)
                let roleNoun = token.isWord && (gazetteer.roleNouns.contains(token.key) || gazetteer.wordKinds[token.text] == .titleHead)
                if organisationNoun && roleNoun {
                    // "a salmon producer that …", "a film producer who …": the relative pronoun decides.
                    ambiguousLast = true
                } else if organisationNoun || roleNoun {
                    describesPerson = roleNoun
                    ambiguousLast = false
                }
                look += 1
            }
            if ambiguousLast, look < tokens.count {
                describesPerson = !Self.thingRelatives.contains(tokens[look].key)
            }
            if let describesPerson {
                if describesPerson { cues.strong = true } else { cues.organisation = true }
            }
            // The verb after the apposition: "Lisa Brennan, a retired teacher, said".
            if look < tokens.count, tokens[look].isMark(","), look + 1 < tokens.count { after = look }
        }
        if tokens[after].isMark(","), after + 1 < tokens.count { after += 1 }
        if after < tokens.count, tokens[after].isWord, Self.personVerbs.contains(tokens[after].key) { cues.verbAfter = true }
        if after < tokens.count, !tokens[firstToken].sentenceStart, tokens[after].isWord, Self.companyVerbs.contains(tokens[after].key) {
            cues.companyAct = true
        }
        return cues
    }

    /// Relative pronouns that follow a thing rather than a person: "a salmon producer that …".
    static let thingRelatives: WordSet = ["that", "which"]

    /// Whether the word at `index` opens the verb of a clause: "said Coromandel | had full confidence".
    private func startsClause(_ tokens: [EntityToken], at index: Int) -> Bool {
        guard index < tokens.count, tokens[index].isWord, !tokens[index].isCapitalised else { return false }
        return Self.clauseVerbs.contains(tokens[index].key) || tokens[index].key.hasSuffix("ed")
    }

    /// Whether the word at `index` is a lower-case role noun or a title: "Asia | director".
    private func isRoleWord(_ tokens: [EntityToken], at index: Int) -> Bool {
        guard index < tokens.count, tokens[index].isWord else { return false }
        return tokens[index].isCapitalised ? gazetteer.wordKinds[tokens[index].text] == .titleHead : gazetteer.roleNouns.contains(tokens[index].key)
    }

    /// A person's age in an apposition: "19" in "Krishnaswamy, 19,".
    private func isAge(_ token: EntityToken) -> Bool {
        guard token.isWord, token.end - token.start <= 3 else { return false }
        return token.text.utf8.allSatisfy { $0 &- 0x30 < 10 }
    }

    /// Whether a country or known place ends at token `index`: "India" in "India's", "South Korea".
    private func endsPlaceName(_ tokens: [EntityToken], at index: Int) -> Bool {
        guard index >= 0, tokens[index].isWord, tokens[index].isCapitalised else { return false }
        if gazetteer.country(mentionedAs: tokens[index].text) != nil || gazetteer.place(named: tokens[index].text) != nil { return true }
        guard index > 0, tokens[index - 1].isWord, tokens[index - 1].isCapitalised else { return false }
        return gazetteer.country(named: tokens[index - 1].text + " " + tokens[index].text) != nil
    }

    /// Whether the lower-case noun phrase ending at `nounBefore` is set after a role and a comma:
    /// "Its president, the Finnish game developer | Aino Virtanen-Koskela".
    private func describesRole(_ tokens: [EntityToken], nounBefore: Int) -> Bool {
        // The comma before the article is at most seven tokens back: without one, no word needs
        // looking up.
        guard nounBefore >= 2,
              (max(0, nounBefore - 7)...(nounBefore - 2)).contains(where: { tokens[$0].isMark(",") }) else { return false }
        var index = nounBefore
        // Back over the phrase's words (lower-case, or a demonym or place) to its article.
        while index >= 0, nounBefore - index < 6, tokens[index].isWord, !Self.appositionStarts.contains(tokens[index].key) {
            guard !tokens[index].isCapitalised || endsPlaceName(tokens, at: index) else { return false }
            index -= 1
        }
        guard index >= 2, index < nounBefore, tokens[index].isWord, Self.articles.contains(tokens[index].key),
              tokens[index - 1].isMark(",") else { return false }
        return isRoleWord(tokens, at: index - 2)
    }

    /// Skips "(ACRO)" after a run that ended with an organisation and records the acronym as its
    /// alias. Returns the token index after ")", or nil when there is no such definition.
    mutating func skipAcronymDefinition(after end: Int, context: inout Context) -> Int? {
        let tokens = context.tokens
        guard end + 3 < tokens.count, tokens[end + 1].isMark("("), tokens[end + 3].isMark(")"),
              tokens[end + 2].isWord, tokens[end + 2].isCapitalised,
              let organisation = context.lastOrganisation else { return nil }
        let acronym = tokens[end + 2].text
        let uppercase = acronym.unicodeScalars.filter { ScalarClasses.shared.flags($0).contains(.uppercase) }.count
        guard uppercase >= 2 else { return nil }
        acronymDefinitions[acronym] = organisation.identity
        addMention(EntityMention(
            type: .organisation, identity: organisation.identity, name: organisation.name, surface: acronym,
            uri: "", confidence: 90, segment: context.segment(at: end + 2)))
        return end + 4
    }
}
