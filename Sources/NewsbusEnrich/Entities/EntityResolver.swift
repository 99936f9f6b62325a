import NewsbusWire

/// Turns an ``EntityExtractor``'s mentions into one concept per entity: people named by part
/// ("Funakoshi", "Kim") join the person named in full, acronyms join their organisation, and
/// each entity gets its fullest name, the other forms seen as aliases, and a salience score
/// (``EntityAggregate``).
struct EntityResolver {
    let gazetteer: Gazetteer
    static let creator = "machine:enrich.entities"
    /// How many entities at most are marked "about" (the rest "mentions").
    static let aboutLimit = 3
    /// The salience an entity needs to be "about" the article.
    static let aboutThreshold: UInt32 = 50

    /// The three concept lists, each in order of first mention.
    struct Result: Sendable, Hashable {
        var people: [Article.Concept] = []
        var organisations: [Article.Concept] = []
        var places: [Article.Concept] = []
    }

    /// Resolves the extractor's mentions, taking them out of it (so that they are not copied).
    func resolve(_ extractor: inout EntityExtractor) -> Result {
        var mentions = ResolverMentions(taking: &extractor.mentions)
        var people = canonicalPeople(&mentions)
        resolveSingleWords(extractor.singleWords, people: &people, mentions: &mentions)
        resolveAcronyms(extractor.acronyms, definitions: extractor.acronymDefinitions, mentions: &mentions)
        var entities = EntityAggregate(mentions)
        entities.dropUnconfirmed()
        entities.mergeQualifiedOrganisations()
        entities.removeCrossTypeDuplicates()
        return entities.concepts()
    }

    /// The URI stem for entities without a gazetteer id; the name's slug follows.
    static func uriPrefix(_ type: EntityType) -> String {
        switch type {
        case .person: return "urn:newsbus:person:"
        case .organisation: return "urn:newsbus:org:"
        case .place: return "urn:newsbus:place:"
        }
    }

    // MARK: People

    /// Indexes the people the extractor named, longest name first (among equals, the first
    /// mentioned), and gives each person mention the identity and name of the first indexed name
    /// that holds its words.
    private func canonicalPeople(_ mentions: inout ResolverMentions) -> PeopleIndex {
        // The index, and for each person mention the number of its canonical name (-1: none).
        let (people, canonicalOfMention) = mentions.withMentions { all -> (PeopleIndex, [Int]) in
            // Each distinct name (by its words) in order of first mention, known by that mention and its words' hash.
            var groups: [(first: Int, hash: UInt64)] = []
            groups.reserveCapacity(mentions.foundCount)
            var groupOfMention = [Int](repeating: -1, count: mentions.foundCount)
            var groupOfIdentity = [Int](repeating: -1, count: mentions.identities.count)
            for number in 0..<mentions.foundCount where all[number].mention.type == .person {
                let identity = mentions.identity(of: number)
                var group = groupOfIdentity[identity]
                // Mentions of one identity normally have the same words; when not, the words decide.
                if group < 0 || all[groups[group].first].mention.nameParts != all[number].mention.nameParts {
                    let hash = Self.hash(all[number].mention.nameParts)
                    group = groups.firstIndex {
                        $0.hash == hash && all[$0.first].mention.nameParts == all[number].mention.nameParts
                    } ?? -1
                    if group < 0 {
                        group = groups.count
                        groups.append((number, hash))
                    }
                    if groupOfIdentity[identity] < 0 { groupOfIdentity[identity] = group }
                }
                groupOfMention[number] = group
            }
            let ordered = groups.indices.sorted {
                let (a, b) = (all[groups[$0].first].mention.nameParts.count, all[groups[$1].first].mention.nameParts.count)
                return a != b ? a > b : $0 < $1
            }
            var people = PeopleIndex(minimumCapacity: groups.count)
            var canonicalOfGroup = [Int](repeating: -1, count: groups.count)
            for group in ordered {
                let first = groups[group].first
                if let canonical = people.canonical(for: all[first].mention.nameParts) {
                    canonicalOfGroup[group] = canonical
                } else if !all[first].mention.nameParts.isEmpty {
                    // A name with no words is held by nothing: it is not indexed.
                    canonicalOfGroup[group] = people.names.count
                    people.append(.init(
                        parts: all[first].mention.nameParts, identity: mentions.identity(of: first), name: all[first].mention.name))
                }
            }
            for number in groupOfMention.indices where groupOfMention[number] >= 0 {
                groupOfMention[number] = canonicalOfGroup[groupOfMention[number]]
            }
            return (people, groupOfMention)
        }
        for number in canonicalOfMention.indices where canonicalOfMention[number] >= 0 {
            let canonical = canonicalOfMention[number]
            mentions.rename(number, identity: people.names[canonical].identity, name: people.names[canonical].name)
        }
        return people
    }

    /// A hash of a name's words, for grouping mentions by name.
    private static func hash(_ parts: [String]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for part in parts { hash = (hash ^ WordTable<Bool>.hash(part)) &* 0x100_0000_01B3 }
        return hash
    }

    /// The family name: the first word when it is a known East Asian family name, else the last.
    private func familyName(_ parts: [String]) -> String {
        guard let first = parts.first, let last = parts.last else { return "" }
        if parts.count <= 3, gazetteer.familyNames[first] != nil, gazetteer.familyNames[last] == nil { return first }
        return last
    }

    /// One-word mentions: a part of a full name ("Funakoshi", "Kim") joins that person; an
    /// unknown word introduced like a person ("Mr Gunn", "spokesperson Wang") becomes a person of
    /// its own; one that only acts or speaks ("Greenpeace said") or is described as a company
    /// becomes an organisation, since people in news text are introduced by their full name.
    private func resolveSingleWords(
        _ words: [EntityExtractor.SingleWord], people: inout PeopleIndex, mentions: inout ResolverMentions
    ) {
        guard !words.isEmpty else { return }
        // Each word folded once; the folded words numbered.
        var keys = WordIDs(minimumCapacity: words.count)
        var keyOfWord: [Int] = []
        keyOfWord.reserveCapacity(words.count)
        for index in words.indices { keyOfWord.append(keys.insert(Gazetteer.fold(words[index].text)).id) }
        // What the cues make of each folded word: a place, a person (then not an organisation), an organisation.
        var placeNames = [String?](repeating: nil, count: keys.count)
        var organisationNames = [String?](repeating: nil, count: keys.count)
        for index in words.indices {
            let cue = words[index].cue
            guard cue != .none, cue != .personPart, !(cue == .actor && words[index].looksPlural) else { continue }
            let key = keyOfWord[index]
            let keyWord = keys.words[key]
            if people.holds(keyWord) { continue }
            if cue == .place {
                if placeNames[key] == nil { placeNames[key] = words[index].text }
            } else if cue == .person {
                people.append(.init(
                    parts: [keyWord], identity: mentions.number(ofIdentity: "person:" + keyWord), name: words[index].text))
                organisationNames[key] = nil
            } else if organisationNames[key] == nil {
                organisationNames[key] = words[index].text
            }
        }
        // Where each person was mentioned, for "Kim" with two Kims (made when first needed).
        var personOrders: [(order: Int, identity: Int)]?
        // The one-word form (key number) each person has been called so far: a writer keeps to one.
        var shortForms = [Int](repeating: -1, count: mentions.identities.count)
        var shortOrganisations: FirstWordOrganisations?
        for index in words.indices {
            let key = keyOfWord[index]
            let keyWord = keys.words[key]
            let segment = words[index].segment
            var matches = people.holders(of: keyWord)
            guard var chosen = matches.next() else {
                if words[index].cue != .place, words[index].fallback == nil {
                    if shortOrganisations == nil { shortOrganisations = organisationsByFirstWord(mentions) }
                    if let organisation = shortOrganisations?.organisation(named: keyWord) {
                        // "Kestrel" after (or before) "Kestrel Holdings": the same company.
                        mentions.append(EntityMention(
                            type: .organisation, identity: mentions.identities.words[organisation.identity], name: organisation.name,
                            surface: words[index].text, uri: "", confidence: 60, segment: segment),
                            order: words[index].order, identity: organisation.identity)
                        continue
                    }
                }
                if organisationNames[key] == nil, let name = placeNames[key] {
                    let placeAlias = words[index].placeAlias
                    mentions.append(EntityMention(
                        type: .place, identity: "place-name:" + keyWord, name: name, surface: words[index].text,
                        extraAliases: placeAlias.isEmpty ? [] : [placeAlias], uri: "", confidence: 55, segment: segment),
                        order: words[index].order)
                } else if let name = organisationNames[key] {
                    mentions.append(EntityMention(
                        type: .organisation, identity: "org-name:" + keyWord, name: name, surface: words[index].text, uri: "",
                        confidence: 55, segment: segment), order: words[index].order)
                } else if let fallback = words[index].fallback {
                    mentions.append(fallback, order: words[index].order)
                }
                continue
            }
            if let second = matches.next() {
                var all = [chosen, second]
                while let next = matches.next() { all.append(next) }
                let consistent = all.filter {
                    let form = shortForms[people.names[$0].identity]
                    return form < 0 || form == key
                }
                let candidates = consistent.isEmpty ? all : consistent
                let byFamily = candidates.filter { familyName(people.names[$0].parts) == keyWord }
                let pool = byFamily.isEmpty ? candidates : byFamily
                if personOrders == nil {
                    personOrders = mentions.withMentions { all in
                        (0..<mentions.foundCount).filter { all[$0].mention.type == .person }.map { (all[$0].order, mentions.identity(of: $0)) }
                    }
                }
                let order = words[index].order
                let latest = pool.max { a, b in
                    lastOrder(of: people.names[a].identity, before: order, in: personOrders ?? [])
                        < lastOrder(of: people.names[b].identity, before: order, in: personOrders ?? [])
                }
                chosen = latest ?? pool[0]
            }
            let identity = people.names[chosen].identity
            if shortForms[identity] < 0 { shortForms[identity] = key }
            let parts = people.names[chosen].parts
            let isOwnName = parts.count == 1 && parts[0] == keyWord
            var mention = EntityMention(
                type: .person, identity: mentions.identities.words[identity], name: people.names[chosen].name,
                surface: words[index].text, uri: "", confidence: isOwnName ? 65 : 80, segment: segment, nameParts: parts)
            mention.isTentative = words[index].cue == .none || words[index].cue == .organisation
            mentions.append(mention, order: words[index].order, identity: identity)
        }
    }

    private func lastOrder(of identity: Int, before order: Int, in orders: [(order: Int, identity: Int)]) -> Int {
        orders.last { $0.order < order && $0.identity == identity }?.order ?? -1
    }

    /// Organisations named in full by the text, by a first word that may stand for them alone.
    private struct FirstWordOrganisations {
        var words = WordIDs()
        var organisations: [(identity: Int, name: String, isShared: Bool)] = []

        /// The organisation the folded word `key` stands for, unless two share it.
        func organisation(named key: String) -> (identity: Int, name: String)? {
            guard let word = words.id(of: key), !organisations[word].isShared else { return nil }
            return (organisations[word].identity, organisations[word].name)
        }
    }

    /// Organisations named in full by the text whose first word may stand for them alone:
    /// "Kestrel Holdings" → "kestrel". Only names the text built (not gazetteer entries), of two
    /// or more words; a first word two organisations share stands for neither.
    private func organisationsByFirstWord(_ mentions: ResolverMentions) -> FirstWordOrganisations {
        var result = FirstWordOrganisations()
        result.organisations.reserveCapacity(16)
        // The first mention read of each identity: a later one with the same name adds nothing.
        var mentionRead = [Int](repeating: -1, count: mentions.identities.count)
        mentions.withMentions { all in
            for number in 0..<mentions.foundCount where all[number].mention.type == .organisation {
                let identity = mentions.identity(of: number)
                let read = mentionRead[identity]
                if read >= 0 && all[read].mention.name == all[number].mention.name { continue }
                if read < 0 { mentionRead[identity] = number }
                guard mentions.identities.words[identity].hasASCIIPrefix("org-name:"),
                      let first = Self.firstWord(of: all[number].mention.name) else { continue }
                // "Seoul National University": "Seoul" alone is the city. (The gazetteer's country,
                // demonym and place lookups, with the word folded once.)
                let key = Gazetteer.fold(first)
                if gazetteer.countriesByName[key] != nil || gazetteer.demonyms[key] != nil || gazetteer.placesByName[key] != nil {
                    continue
                }
                let (word, inserted) = result.words.insert(key)
                if inserted {
                    result.organisations.append((identity, all[number].mention.name, false))
                } else if result.organisations[word].identity != identity {
                    result.organisations[word].isShared = true
                }
            }
        }
        return result
    }

    /// The text before the first space, or nil when there is none; the space is a character of
    /// its own, as `firstIndex(of: " ")` finds it.
    static func firstWord(of name: String) -> String? {
        var text = name
        // Decided from the bytes when they are ASCII up to the space and just after it
        // (.some: the word, or nil for no space); else `.none`.
        let ascii: String?? = text.withUTF8 { bytes in
            for index in bytes.indices {
                if bytes[index] >= 0x80 { return .none }
                if bytes[index] == 0x20 {
                    guard index + 1 == bytes.count || bytes[index + 1] < 0x80 else { return .none }
                    return .some(String(decoding: UnsafeBufferPointer(rebasing: bytes[..<index]), as: UTF8.self))
                }
            }
            return .some(nil)
        }
        if let ascii { return ascii }
        guard let space = name.firstIndex(of: " ") else { return nil }
        return String(name[..<space])
    }

    // MARK: Organisations

    /// Acronyms seen alone: defined in the text ("... (KIDA)") or the initials of an organisation named in it.
    private func resolveAcronyms(
        _ acronyms: [EntityExtractor.SingleWord], definitions: [String: String], mentions: inout ResolverMentions
    ) {
        guard !acronyms.isEmpty else { return }
        // The first organisation mention of each identity (the extractor's, then the single words'), and those identities in that order.
        var firstMention = [Int](repeating: -1, count: mentions.identities.count)
        var organisations: [Int] = []
        mentions.withMentions { all in
            for number in all.indices where all[number].mention.type == .organisation {
                let identity = mentions.identity(of: number)
                if firstMention[identity] < 0 {
                    firstMention[identity] = number
                    organisations.append(identity)
                }
            }
        }
        var byInitials: (initials: WordIDs, identities: [Int])?
        for acronym in acronyms.indices {
            let text = acronyms[acronym].text
            var source = -1
            if let defined = definitions[text] {
                // Identities numbered after the table (by acronyms below) have no organisation mention.
                if let identity = mentions.identities.id(of: defined), identity < firstMention.count { source = firstMention[identity] }
            } else {
                if byInitials == nil {
                    var initials = WordIDs(minimumCapacity: organisations.count)
                    var owners: [Int] = []
                    mentions.withMentions { all in
                        for identity in organisations {
                            let key = Self.initials(all[firstMention[identity]].mention.name)
                            if key.count >= 2, initials.insert(key).inserted { owners.append(identity) }
                        }
                    }
                    byInitials = (initials, owners)
                }
                if let index = byInitials, let word = index.initials.id(of: text) { source = firstMention[index.identities[word]] }
            }
            guard source >= 0 else {
                // An unknown acronym that acts ("GDL said") or is described as one is an organisation.
                if acronyms[acronym].cue == .actor || acronyms[acronym].cue == .organisation {
                    mentions.append(EntityMention(
                        type: .organisation, identity: "org-name:" + Gazetteer.fold(text), name: text,
                        surface: text, uri: "", confidence: 55, segment: acronyms[acronym].segment), order: acronyms[acronym].order)
                }
                continue
            }
            var mention = mentions.all[source].mention
            mention.surface = text
            mention.extraAliases = []
            mention.segment = acronyms[acronym].segment
            mentions.append(mention, order: acronyms[acronym].order, identity: mentions.identity(of: source))
        }
    }

    /// "Korea Institute for Defense Analyses" → "KIDA": capitals starting words, skipping "of", "for"...
    static func initials(_ name: String) -> String {
        var text = name
        let ascii: String? = text.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { letters in
                var count = 0
                var wordStart = true
                for byte in bytes {
                    if byte == 0x20 || byte == 0x2D {
                        wordStart = true
                        continue
                    }
                    if wordStart, byte &- 0x41 < 26 {
                        letters[count] = byte
                        count += 1
                    }
                    wordStart = false
                }
                return String(decoding: UnsafeBufferPointer(rebasing: letters[..<count]), as: UTF8.self)
            }
        }
        if let ascii { return ascii }
        var result = ""
        var wordStart = true
        for scalar in name.unicodeScalars {
            if scalar == " " || scalar == "-" {
                wordStart = true
                continue
            }
            if wordStart, scalar.value < 0x80 ? scalar.value &- 0x41 < 26 : ScalarClasses.shared.flags(scalar).contains(.uppercase) {
                result.unicodeScalars.append(scalar)
            }
            wordStart = false
        }
        return result
    }
}
