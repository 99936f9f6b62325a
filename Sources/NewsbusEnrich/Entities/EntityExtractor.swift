/// Reads the text segments of one article and collects entity mentions: gazetteer names,
/// organisation phrases, people introduced by titles and other cues, and one-word candidates that
/// ``EntityResolver`` later matches to people named in full.
struct EntityExtractor {
    /// A capitalised word seen alone, resolved once every full name is known.
    struct SingleWord {
        var text: String
        var segment: ArticleSegment
        var order: Int
        var cue: SingleWordCue
        /// For ``SingleWordCue/place``: the name with its place noun ("Geoje island"), or empty.
        var placeAlias = ""
        /// What the word is when it is no part of a person's name: "Houston told reporters" is
        /// Tim Houston when he is named, else the city.
        var fallback: EntityMention?
        /// Starts a sentence and ends in "s": "Officials said" is no name unless a person has it.
        var looksPlural = false
    }

    /// What the words around a one-word name say about it.
    enum SingleWordCue: Sendable {
        case none
        /// A speech or action verb follows ("Greenpeace said", "Gunn said"): a person named in
        /// full elsewhere, or else an organisation.
        case actor
        /// A title, honorific or role noun introduces it ("Mr Gunn", "spokesperson Wang").
        case person
        /// An apposition names an organisation ("Evergrande, the developer,").
        case organisation
        /// The context makes it a place ("in Bangued", "Geoje island", "Bangued, Abra").
        case place
        /// Only a person has it, but it does not say who: an age ("Solbakken, 27,"). Joins a
        /// person named in full and is nothing else ("Grandmother, 78, rescued").
        case personPart
    }

    let gazetteer: Gazetteer
    var mentions: [(order: Int, mention: EntityMention)] = []
    var singleWords: [SingleWord] = []
    /// Acronyms in capitals seen alone ("KIDA"), resolved against organisation names later.
    var acronyms: [SingleWord] = []
    /// Acronym → organisation identity, from "Long Form (ACRO)".
    var acronymDefinitions: [String: String] = [:]
    private var order = 0

    /// Verbs after a name that show it is a person speaking or acting.
    static let personVerbs: WordSet = [
        "said", "says", "told", "tells", "added", "adds", "noted", "stressed", "explained", "warned", "asked",
        "announced", "wrote", "tweeted", "posted", "insisted", "argued", "claimed", "replied", "urged", "emphasised",
        "emphasized", "stated", "commented", "remarked", "continued", "concluded", "acknowledged", "admitted",
        "confirmed", "denied", "reiterated", "recalled", "predicted", "suggested", "believes", "thinks", "who",
        "met", "visited", "spoke", "called", "vowed", "pledged", "promised", "criticised", "criticized", "praised",
    ]
    /// Words before a name that show it is a person speaking: "said Gunn", "according to Gunn".
    static let precedingSpeechWords: WordSet = ["said", "says", "added", "wrote", "to"]
    /// Words before a name that show someone speaks to it: "told Vestlandsposten", "asked Gavi".
    static let addresseeWords: WordSet = ["told", "tells", "asked", "asks"]
    /// Nouns before "with" that make the name after it someone spoken to: "an interview with TéléCité".
    static let conversationNouns: WordSet = ["interview", "interviews", "conversation", "talks"]
    /// Lower-case words after "said X" that make X the subject of what was said ("said Coromandel
    /// had full confidence"), not the speaker; words in "-ed" count too.
    static let clauseVerbs: WordSet = [
        "had", "has", "have", "would", "will", "was", "were", "is", "are", "could", "should", "might", "must",
        "can", "may", "did", "does", "do", "knew", "saw", "took", "gave", "made", "won", "lost", "sold", "bought",
    ]
    /// Caption role markers after a name: "Sung Kim (C)".
    static let captionMarkers: WordSet = ["L", "R", "C", "l", "r", "c", "left", "right", "centre", "center", "front", "back", "top", "2nd", "3rd", "4th"]
    /// Place heads after a known place that name its administrative area: "Niigata Prefecture".
    static let administrativeHeads: WordSet = ["Prefecture", "Province", "County", "District", "Region", "Territory"]
    /// Organisation heads that take "in <place>": "US Embassy in Jakarta".
    static let locatedHeads: WordSet = ["Embassy", "Consulate", "Mission", "Office", "Bureau"]

    init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    // MARK: Scanning

    /// Collects the mentions in one segment of text.
    mutating func scan(_ text: String, segment: ArticleSegment, leadEndsAtFirstParagraph: Bool = false) {
        let utf8 = Array(text.utf8)
        let tokens = EntityTokenizer.tokenize(utf8: utf8)
        let scanner = NameRunScanner(gazetteer: gazetteer, tokens: tokens)
        let leadEnd = leadEndsAtFirstParagraph ? (tokens.indices.dropFirst().first { tokens[$0].paragraphStart } ?? tokens.count) : nil
        var context = Context(utf8: utf8, tokens: tokens, segment: segment, leadEnd: leadEnd)
        var index = 0
        while index < tokens.count {
            if scanner.allCapitals {
                // Case says nothing here: gazetteer names, and words that may be people named elsewhere.
                if let span = scanner.gazetteerSpan(at: index) {
                    emitGazetteer(span.phrase, first: index, last: span.last, context: &context)
                    index = span.last + 1
                } else {
                    let token = tokens[index]
                    if token.isWord, token.key.unicodeScalars.count >= 2, !gazetteer.nonNameKeys.contains(token.key) {
                        singleWords.append(SingleWord(text: token.text.capitalized, segment: context.segment(at: index), order: nextOrder(), cue: .none))
                    }
                    index += 1
                }
                continue
            }
            guard scanner.mayStartUnit(at: index), let run = scanner.run(at: index) else {
                index += 1
                continue
            }
            let end = run.units[run.units.count - 1].last
            analyse(run, context: &context)
            index = max(end + 1, index + 1)
            index = skipAcronymDefinition(after: end, context: &context) ?? index
        }
    }

    /// Text positions of one segment.
    struct Context {
        /// The segment's text as UTF-8.
        let utf8: [UInt8]
        let tokens: [EntityToken]
        let segment: ArticleSegment
        /// In the main body, tokens before this index (the first paragraph) are the lead.
        let leadEnd: Int?
        /// Identity of the last organisation emitted in this run (for "(ACRO)").
        var lastOrganisation: (identity: String, name: String)?

        func segment(at tokenIndex: Int) -> ArticleSegment {
            guard let leadEnd else { return segment }
            return tokenIndex < leadEnd ? .lead : .body
        }

        /// The text between two tokens (inclusive), spaces as written, line breaks as spaces.
        func text(_ first: Int, _ last: Int) -> String {
            let (text, mayHoldOtherSpace) = utf8.withUnsafeBufferPointer { buffer in
                let bytes = UnsafeBufferPointer(rebasing: buffer[tokens[first].utf8Start..<tokens[last].utf8End])
                return (String(decoding: bytes, as: UTF8.self),
                        bytes.contains { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 >= 0x80 })
            }
            // White space inside a name (a line break, a no-break space) becomes one space.
            guard mayHoldOtherSpace,
                  text.unicodeScalars.contains(where: { $0 != " " && Self.isWhitespace($0) }) else { return text }
            return String(String.UnicodeScalarView(text.unicodeScalars.map { Self.isWhitespace($0) ? " " : $0 }))
        }

        /// White space by the Unicode property, read from the scalar table.
        private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
            ScalarClasses.shared.flags(scalar).contains(.whitespace)
        }
    }

    mutating func nextOrder() -> Int {
        order += 1
        return order
    }

    mutating func addMention(_ mention: EntityMention) {
        mentions.append((nextOrder(), mention))
    }

    // MARK: Gazetteer entries

    private mutating func emitGazetteer(_ phrase: Gazetteer.Phrase, first: Int, last: Int, context: inout Context) {
        let mention = gazetteerMention(phrase, first: first, last: last, context: context)
        addMention(mention)
        if mention.type == .organisation { context.lastOrganisation = (mention.identity, mention.name) }
    }

    /// The mention a gazetteer phrase makes at tokens `first...last`.
    private func gazetteerMention(_ phrase: Gazetteer.Phrase, first: Int, last: Int, context: Context) -> EntityMention {
        var surface = context.text(first, last)
        if let prefix = NameRunScanner.hyphenatedAdjectivePrefix(surface) { surface = String(prefix) }
        let segment = context.segment(at: first)
        switch phrase.entry {
        case .country:
            return EntityMention(type: .place, identity: phrase.identity, name: phrase.name, surface: surface,
                                 code: phrase.code, uri: phrase.uri, confidence: 95, segment: segment)
        case .demonym:
            return EntityMention(type: .place, identity: phrase.identity, name: phrase.name, surface: surface,
                                 code: phrase.code, uri: phrase.uri, confidence: 85, segment: segment, addsAlias: false)
        case .place:
            return EntityMention(type: .place, identity: phrase.identity, name: phrase.name, surface: surface,
                                 uri: phrase.uri, confidence: 90, segment: segment)
        case .organisation:
            return EntityMention(type: .organisation, identity: phrase.identity, name: phrase.name,
                                 surface: surface, uri: phrase.uri, confidence: 95, segment: segment)
        }
    }

    // MARK: Runs

    mutating func analyse(_ run: NameRun, context: inout Context) {
        var units = run.units
        var consumed = NameRun.UnitFlags()
        context.lastOrganisation = nil
        // A city name next to an unknown capitalised word is part of a person's name ("Charlotte Reid").
        for i in units.indices {
            guard units[i].isCity else { continue }
            let nameBefore = i > 0 && units[i - 1].isName
            let nameAfter = i + 1 < units.count && units[i + 1].isName
            if nameBefore || nameAfter { units[i].tag = .name }
        }
        findOrganisations(units, consumed: &consumed, context: &context)
        findFirmNames(units, consumed: &consumed, context: &context)
        findPlacePhrases(units, consumed: &consumed, context: &context)
        if units.count == 1, case .gazetteer(let phrase) = units[0].tag, case .place(let place) = phrase.entry,
           place.kind == "city" || place.kind == "capital", units[0].first == units[0].last,
           units[0].last + 1 < context.tokens.count, Self.personVerbs.contains(context.tokens[units[0].last + 1].key) {
            // A city name that speaks may be a person's surname; the resolver decides.
            let fallback = gazetteerMention(phrase, first: units[0].first, last: units[0].last, context: context)
            singleWords.append(SingleWord(text: context.tokens[units[0].first].text, segment: fallback.segment,
                                          order: nextOrder(), cue: .none, fallback: fallback))
            return
        }
        for i in units.indices where !consumed[i] {
            if case .gazetteer(let phrase) = units[i].tag {
                emitGazetteer(phrase, first: units[i].first, last: units[i].last, context: &context)
                consumed[i] = true
            }
        }
        findPeople(units, consumed: consumed, context: &context)
        if let last = units.last, last.isCountryLike { findLowercaseOrganisation(after: last, context: &context) }
    }

    /// Lower-case words that may stand between a country and a lower-case head: "French foreign ministry".
    static let lowercaseOrganisationFields: WordSet = [
        "foreign", "defence", "defense", "interior", "finance", "trade", "health", "justice", "economy", "education",
        "environment", "agriculture", "culture", "unification", "energy", "industry", "labour", "labor", "transport",
        "home", "science", "central", "national", "federal", "state", "military", "intelligence",
    ]
    /// Lower-case heads after a country or demonym that name one of its institutions.
    static let lowercaseOrganisationHeads: WordSet = ["ministry", "embassy", "consulate", "parliament", "navy", "army"]

    /// "the French embassy in Seoul", "North Korea's foreign ministry", "Belarusian defence ministry".
    private mutating func findLowercaseOrganisation(after country: NameRun.Unit, context: inout Context) {
        let tokens = context.tokens
        var index = country.last + 1
        if index < tokens.count, tokens[index].isPossessive { index += 1 }
        var fields = 0
        while index < tokens.count, fields < 2, Self.lowercaseOrganisationFields.contains(tokens[index].text) {
            index += 1
            fields += 1
        }
        guard index < tokens.count, Self.lowercaseOrganisationHeads.contains(tokens[index].text),
              tokens[index].sentence == tokens[country.first].sentence else { return }
        let name = context.text(country.first, index)
        var extraAliases: [String] = []
        if index + 2 < tokens.count, tokens[index + 1].key == "in", tokens[index + 2].isCapitalised {
            extraAliases.append(name + " in " + tokens[index + 2].text)
        }
        let identity = "org-name:" + Gazetteer.fold(name)
        addMention(EntityMention(type: .organisation, identity: identity, name: name, surface: name, extraAliases: extraAliases,
                                 uri: "", confidence: 70, segment: context.segment(at: country.first)))
        context.lastOrganisation = (identity, name)
    }

    /// Organisation phrases built around head words: "[US] Embassy", "[Japanese] Ministry of
    /// Foreign Affairs", "Seoul National University", "Acme Holdings Ltd".
    private mutating func findOrganisations(_ units: [NameRun.Unit], consumed: inout NameRun.UnitFlags, context: inout Context) {
        let tokens = context.tokens
        var h = 0
        while h < units.count {
            guard Self.isOrganisationHead(units[h]), !consumed[h] else {
                h += 1
                continue
            }
            // "Chief of Staff": a head right after "of" belongs to a title.
            if h > 0, case .connector = units[h - 1].tag, tokens[units[h - 1].first].key == "of",
               h < 2 || units[h - 2].isTitle {
                h += 1
                continue
            }
            var left = h
            // "General Court", "Premier League": a title word right before the head names the body.
            if h > 0, !consumed[h - 1], case .titleHead = units[h - 1].tag, h == 1 || !units[h - 2].isName {
                left = h - 1
            }
            while left > 0, !consumed[left - 1] {
                if Self.extendsOrganisationLeft(units[left - 1]) {
                    left -= 1
                } else {
                    // Across connectors: "National Disaster Risk Reduction and Management Council",
                    // "Río de la Plata Press".
                    var before = left - 1
                    while before > 0, case .connector = units[before].tag,
                          Self.joinsOrganisationWords.contains(tokens[units[before].first].key) { before -= 1 }
                    guard before < left - 1, !consumed[before], Self.extendsOrganisationLeft(units[before]),
                          !units[before].isGazetteer, units[before].tag.isNotConnector else { break }
                    left = before
                }
            }
            // Further words up to the last head or suffix: "Formosa Semiconductor Manufacturing Co".
            var right = h
            var cursor = h + 1
            while cursor < units.count, !consumed[cursor], Self.extendsOrganisationLeft(units[cursor]) || Self.isOrganisationHead(units[cursor]) {
                if Self.isOrganisationHead(units[cursor]) { right = cursor }
                cursor += 1
            }
            if case .organisationHead = units[right].tag { right = extendTail(units, from: right, tokens: tokens) }
            // "Meridian Capital Advisory": one unknown word closing the run after the head is the name's last
            // word (two or more are a person: "Acme Group Jane Doe"; so is a known family name: "… Kim").
            if right + 2 == units.count, units[right + 1].isName, case .organisationHead = units[right].tag,
               gazetteer.familyNames[tokens[units[right + 1].first].key] == nil {
                right += 1
            }
            // A bare head ("Ministry", "Party") names nothing; fields and a head before a title are part
            // of the title ("Health Cabinet Secretary Wanjiru Kamau").
            if left == right || right == h && right + 1 < units.count && units[right + 1].isTitle
                && units[left..<h].allSatisfy({ if case .descriptor = $0.tag { return true } else { return false } }) {
                h += 1
                continue
            }
            emitOrganisation(units, left: left, right: right, head: h, context: &context)
            for i in left...right { consumed[i] = true }
            h = right + 1
        }
    }

    /// Names joined by "&" are a firm's: "Ernst & Young", "Lindqvist, Haas & Partner".
    private mutating func findFirmNames(_ units: [NameRun.Unit], consumed: inout NameRun.UnitFlags, context: inout Context) {
        for i in units.indices where i > 0 && i + 1 < units.count && !consumed[i] {
            guard case .connector = units[i].tag, context.tokens[units[i].first].isMark("&"),
                  !consumed[i - 1], units[i - 1].isName, !consumed[i + 1], units[i + 1].tag.isNotConnector,
                  !units[i + 1].isGazetteer, !units[i + 1].isTitle else { continue }
            var left = i - 1
            while left > 0, !consumed[left - 1], units[left - 1].isName { left -= 1 }
            // Earlier names in a list: "Lindqvist, | Haas & Partner".
            while left > 1, case .connector = units[left - 1].tag, context.tokens[units[left - 1].first].isMark(","),
                  !consumed[left - 2], units[left - 2].isName {
                left -= 2
            }
            var right = i + 1
            while right + 1 < units.count, !consumed[right + 1], units[right + 1].isName { right += 1 }
            emitOrganisation(units, left: left, right: right, head: right, context: &context)
            for unit in left...right { consumed[unit] = true }
        }
    }

    /// Connectors inside organisation names before the head.
    static let joinsOrganisationWords: WordSet = ["and", "&", ",", "'s", "'", "de", "la", "del", "des", "du", "di", "da", "der", "van", "von"]

    private static func isOrganisationHead(_ unit: NameRun.Unit) -> Bool {
        switch unit.tag {
        case .organisationHead, .organisationSuffix: return true
        // "World Jewish Congress": a one-word gazetteer organisation after other words is a head.
        case .gazetteer(let phrase):
            guard case .organisation(let organisation, viaAcronym: false) = phrase.entry else { return false }
            return !organisation.name.utf8.contains(0x20)
        default: return false
        }
    }

    /// Words that may stand before an organisation's head: "Seoul National University".
    private static func extendsOrganisationLeft(_ unit: NameRun.Unit) -> Bool {
        switch unit.tag {
        case .name, .descriptor, .titleModifier, .organisationHead, .placeHead: return true
        case .gazetteer(let phrase):
            switch phrase.entry {
            case .country, .demonym, .place, .organisation: return true
            }
        default: return false
        }
    }

    /// Places named by a head word: "Korean Peninsula", "Strait of Hormuz", "Mount Paektu".
    private mutating func findPlacePhrases(_ units: [NameRun.Unit], consumed: inout NameRun.UnitFlags, context: inout Context) {
        for h in units.indices where !consumed[h] {
            guard case .placeHead = units[h].tag else { continue }
            var left = h
            while left > 0, !consumed[left - 1], units[left - 1].isName || units[left - 1].isPlaceLike { left -= 1 }
            var right = h
            if left == h {
                while right + 1 < units.count, !consumed[right + 1], units[right + 1].isName || units[right + 1].isPlaceLike { right += 1 }
            }
            if right + 2 < units.count, case .connector = units[right + 1].tag, context.tokens[units[right + 1].first].key == "of",
               !consumed[right + 2], units[right + 2].isName || units[right + 2].isPlaceLike {
                right += 2
            }
            guard left < right else { continue }
            let name = context.text(units[left].first, units[right].last)
            // "Niigata Prefecture", "Gujarat State": the known place, with the phrase as an alias.
            if left + 1 == h, right == h, case .gazetteer(let phrase) = units[left].tag, case .place = phrase.entry,
               Self.administrativeHeads.contains(context.tokens[units[h].first].text) {
                var mention = gazetteerMention(phrase, first: units[left].first, last: units[left].last, context: context)
                mention.extraAliases.append(name)
                addMention(mention)
                consumed[left] = true
                consumed[h] = true
                continue
            }
            addMention(EntityMention(
                type: .place, identity: "place-name:" + Gazetteer.fold(name), name: name, surface: name,
                uri: "", confidence: 75, segment: context.segment(at: units[left].first)))
            for i in left...right { consumed[i] = true }
        }
    }

    /// Connectors that open an organisation's tail: "Ministry of …", "Council for …".
    static let tailConnectors: WordSet = ["of", "for", "on"]
    /// Connectors that join words of a list inside an organisation's tail.
    static let listConnectors: WordSet = ["and", "&", ","]

    /// Extends an organisation over "of / for / on [the] ..." ("Ministry of Foreign Affairs").
    private func extendTail(_ units: [NameRun.Unit], from right: Int, tokens: [EntityToken]) -> Int {
        func tokenKey(_ unit: NameRun.Unit) -> String { tokens[unit.first].key }
        var end = right
        var cursor = right + 1
        guard cursor < units.count, case .connector = units[cursor].tag,
              Self.tailConnectors.contains(tokenKey(units[cursor])) else { return end }
        cursor += 1
        if cursor < units.count, case .connector = units[cursor].tag, tokenKey(units[cursor]) == "the" { cursor += 1 }
        var first = true
        while cursor < units.count {
            let unit = units[cursor]
            switch unit.tag {
            case .name, .descriptor, .titleModifier, .organisationHead:
                end = cursor
            case .gazetteer:
                guard unit.isPlaceLike || first else { return trimTitleModifiers(units, end: end) }
                end = cursor
            case .titleHead where first:
                end = cursor
            // "Central Bank of the Republic of Turkey": a further "of [the]" before an unknown word, or
            // before a place after one ("Republic of Turkey"; but "Ministry of Foreign Affairs | of Japan").
            case .connector where !first && (tokenKey(unit) == "of" || tokenKey(unit) == "the" && tokenKey(units[cursor - 1]) == "of"):
                var next = cursor + 1
                if next < units.count, case .connector = units[next].tag, tokenKey(units[next]) == "the", tokenKey(unit) == "of" { next += 1 }
                // "Federation of Parents of Public School Pupils": fields and heads go on after a name.
                guard next < units.count, units[next].isName || units[next].isPlaceLike && units[end].isName
                        || units[end].isName && Self.continuesOrganisationTail(units[next]) else {
                    return trimTitleModifiers(units, end: end)
                }
            case .connector where Self.listConnectors.contains(tokenKey(unit)):
                guard cursor + 1 < units.count else { return trimTitleModifiers(units, end: end) }
                switch units[cursor + 1].tag {
                case .name, .descriptor, .titleModifier, .organisationHead: break
                default: return trimTitleModifiers(units, end: end)
                }
            default:
                return trimTitleModifiers(units, end: end)
            }
            first = false
            cursor += 1
        }
        return end
    }

    /// Field, modifier and head words, which may follow "of" inside an organisation's name.
    private static func continuesOrganisationTail(_ unit: NameRun.Unit) -> Bool {
        switch unit.tag {
        case .descriptor, .titleModifier, .organisationHead: return true
        default: return false
        }
    }

    /// The one-word name an organisation's name stands in apposition to ("Gavi, the Vaccine Alliance,"):
    /// the token index of "Gavi", when `first...last` follows "Name, the" and ends the apposition.
    private func appositionOwner(first: Int, last: Int, tokens: [EntityToken]) -> Int? {
        guard first >= 3, tokens[first - 1].key == "the", tokens[first - 2].isMark(",") else { return nil }
        let owner = first - 3
        guard tokens[owner].isWord, tokens[owner].isCapitalised, !tokens[owner].isAllCaps,
              owner == 0 || tokens[owner].sentenceStart || !tokens[owner - 1].isCapitalised,
              last + 1 >= tokens.count || Self.appositionClosers.contains(tokens[last + 1].key),
              gazetteer.phrasesByFirstToken[tokens[owner].key] == nil, gazetteer.wordClasses[tokens[owner].text] == nil,
              gazetteer.familyNames[tokens[owner].key] == nil else { return nil }
        return owner
    }

    /// What may follow an apposition: punctuation or a relative pronoun.
    static let appositionClosers: WordSet = [",", ".", ";", ":", ")", "which", "that", "who"]

    /// Drops title modifiers that belong to a following title ("... Affairs Deputy | Director").
    private func trimTitleModifiers(_ units: [NameRun.Unit], end: Int) -> Int {
        guard end + 1 < units.count, units[end + 1].isTitle else { return end }
        var trimmed = end
        while trimmed > 0 {
            switch units[trimmed].tag {
            case .titleModifier, .connector: trimmed -= 1
            default: return trimmed
            }
        }
        return trimmed
    }

    private mutating func emitOrganisation(_ units: [NameRun.Unit], left: Int, right: Int, head: Int, context: inout Context) {
        // A leading country, demonym or city qualifies the organisation and is a place mention too.
        var extraAliases: [String] = []
        if case .gazetteer(let phrase) = units[left].tag, left < head, units[left].isCountryLike {
            emitGazetteer(phrase, first: units[left].first, last: units[left].last, context: &context)
            if right - left >= 2 { extraAliases.append(context.text(units[left + 1].first, units[right].last)) }
        }
        let name = context.text(units[left].first, units[right].last)
        let lastToken = units[right].last
        let headWord = context.tokens[units[head].first].text
        if Self.locatedHeads.contains(headWord), lastToken + 2 < context.tokens.count,
           context.tokens[lastToken + 1].key == "in", context.tokens[lastToken + 2].isCapitalised {
            var placeEnd = lastToken + 2
            while placeEnd + 1 < context.tokens.count, context.tokens[placeEnd + 1].isCapitalised,
                  context.tokens[placeEnd + 1].sentence == context.tokens[placeEnd].sentence { placeEnd += 1 }
            extraAliases.append(name + " in " + context.text(lastToken + 2, placeEnd))
        }
        let segment = context.segment(at: units[left].first)
        // "Gavi, the Vaccine Alliance,": the organisation named in full is the one-word name before it.
        if let owner = appositionOwner(first: units[left].first, last: lastToken, tokens: context.tokens) {
            let ownerName = context.tokens[owner].text
            let identity = "org-name:" + context.tokens[owner].key
            addMention(EntityMention(type: .organisation, identity: identity, name: ownerName, surface: name,
                                     extraAliases: [context.text(owner, lastToken)], uri: "", confidence: 75, segment: segment))
            context.lastOrganisation = (identity, ownerName)
            return
        }
        if let known = gazetteer.organisation(named: name) {
            addMention(EntityMention(type: .organisation, identity: "org:" + known.id, name: known.name, surface: name,
                              extraAliases: extraAliases, uri: "urn:newsbus:org:" + known.id, confidence: 95, segment: segment))
            context.lastOrganisation = ("org:" + known.id, known.name)
            return
        }
        let identity = "org-name:" + Gazetteer.fold(name)
        addMention(EntityMention(type: .organisation, identity: identity, name: name, surface: name, extraAliases: extraAliases,
                          uri: "", confidence: 80, segment: segment))
        context.lastOrganisation = (identity, name)
    }
}
