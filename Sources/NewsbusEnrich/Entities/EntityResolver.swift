import NewsbusWire

/// Turns an ``EntityExtractor``'s mentions into one concept per entity: people named by part
/// ("Funakoshi", "Kim") join the person named in full, acronyms join their organisation, and
/// each entity gets its fullest name, the other forms seen as aliases, and a salience score.
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

    /// The segments an entity is mentioned in, as bits.
    private struct Segments: OptionSet {
        let rawValue: UInt8
        init(rawValue: UInt8) { self.rawValue = rawValue }
        init(_ segment: ArticleSegment) {
            switch segment {
            case .headline: rawValue = 1
            case .lead: rawValue = 2
            case .body: rawValue = 4
            case .caption: rawValue = 8
            }
        }
    }

    private struct Entity {
        var type: EntityType
        var name: String
        var aliases: [String] = []
        var code: String
        var uri: String
        var firstOrder: Int
        var count = 0
        var segments = Segments()
        var confidence: UInt32 = 0
        var isGazetteer: Bool
        /// Some mention has a cue; an entity found by shape alone is dropped.
        var isFirm = false
        /// Folded name and aliases, to keep aliases distinct.
        var foldedForms: Set<String> = []

        mutating func addAlias(_ form: String) {
            guard form != name, aliases.last != form else { return }
            if foldedForms.isEmpty { foldedForms.insert(Gazetteer.fold(name)) }
            if foldedForms.insert(Gazetteer.fold(form)).inserted { aliases.append(form) }
        }

        /// A fuller name: the old one stays as an alias unless it is the new one.
        mutating func rename(_ newName: String) {
            let old = name
            name = newName
            foldedForms = [Gazetteer.fold(newName)]
            let previous = aliases
            aliases = []
            for alias in [old] + previous { addAlias(alias) }
        }
    }

    /// Resolves the extractor's mentions, taking them out of it (so that they are not copied).
    func resolve(_ extractor: inout EntityExtractor) -> Result {
        var mentions: [(order: Int, mention: EntityMention)] = []
        swap(&mentions, &extractor.mentions)
        let people = canonicalPeople(mentions)
        for index in mentions.indices where mentions[index].mention.type == .person {
            if let canonical = people.canonical(for: mentions[index].mention.nameParts) {
                mentions[index].mention.identity = canonical.identity
                mentions[index].mention.name = canonical.name
            }
        }
        mentions += resolveSingleWords(extractor.singleWords, people: people, mentions: mentions)
        mentions += resolveAcronyms(extractor.acronyms, definitions: extractor.acronymDefinitions, mentions: mentions)
        mentions.sort { $0.order < $1.order }

        var entities = aggregate(mentions)
        entities.removeAll { !$0.isFirm }
        mergeQualifiedOrganisations(&entities)
        removeCrossTypeDuplicates(&entities)
        return concepts(entities)
    }

    // MARK: People

    /// Full names, longest first; shorter names that are part of a longer one map to it.
    private struct PeopleIndex {
        typealias Name = (parts: [String], identity: String, name: String, family: String)
        private(set) var names: [Name] = []
        /// For each name word, the indices in ``names`` of the names that hold it, in order.
        private var byPart = WordTable<[Int]>(minimumCapacity: 32)

        mutating func append(_ name: Name) {
            for part in name.parts {
                var holders = byPart[part] ?? []
                guard holders.last != names.count else { continue }
                holders.append(names.count)
                byPart[part] = holders
            }
            names.append(name)
        }

        /// The names holding the word `part`, in order.
        func names(holding part: String) -> [Name] {
            byPart[part]?.map { names[$0] } ?? []
        }

        /// Whether some name holds the word `part`.
        func holds(_ part: String) -> Bool { byPart[part] != nil }

        func canonical(for parts: [String]) -> (identity: String, name: String)? {
            guard let first = parts.first, let candidates = byPart[first] else { return nil }
            for index in candidates where names[index].parts.count >= parts.count && Self.contains(names[index].parts, parts) {
                return (names[index].identity, names[index].name)
            }
            return nil
        }

        static func contains(_ whole: [String], _ part: [String]) -> Bool {
            guard part.count <= whole.count else { return false }
            for start in 0...(whole.count - part.count) where whole[start..<(start + part.count)].elementsEqual(part) {
                return true
            }
            return false
        }
    }

    private func canonicalPeople(_ mentions: [(order: Int, mention: EntityMention)]) -> PeopleIndex {
        var seen: Set<[String]> = []
        var candidates: [EntityMention] = []
        for (_, mention) in mentions where mention.type == .person && seen.insert(mention.nameParts).inserted {
            candidates.append(mention)
        }
        // Longest first; among equals, the first mentioned. The sort is stable.
        let ordered = candidates.enumerated().sorted {
            $0.element.nameParts.count != $1.element.nameParts.count
                ? $0.element.nameParts.count > $1.element.nameParts.count : $0.offset < $1.offset
        }.map(\.element)
        var index = PeopleIndex()
        for mention in ordered where index.canonical(for: mention.nameParts) == nil {
            index.append((mention.nameParts, mention.identity, mention.name, familyName(mention.nameParts)))
        }
        return index
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
        _ words: [EntityExtractor.SingleWord], people: PeopleIndex, mentions: [(order: Int, mention: EntityMention)]
    ) -> [(order: Int, mention: EntityMention)] {
        var people = people
        var organisations = WordTable<String>()
        var places = WordTable<String>()
        for word in words where word.cue != .none && word.cue != .personPart && !(word.cue == .actor && word.looksPlural) {
            let key = Gazetteer.fold(word.text)
            if people.holds(key) { continue }
            if word.cue == .place {
                if places[key] == nil { places[key] = word.text }
            } else if word.cue == .person {
                people.append(([key], "person:" + key, word.text, key))
                organisations[key] = nil
            } else if organisations[key] == nil {
                organisations[key] = word.text
            }
        }
        // Where each person was last mentioned before a given point, for "Kim" with two Kims.
        guard !words.isEmpty else { return [] }
        var personOrders: [(Int, String)] = []
        for (order, mention) in mentions where mention.type == .person { personOrders.append((order, mention.identity)) }
        var result: [(order: Int, mention: EntityMention)] = []
        // The one-word form each person has been called so far: a writer keeps to one.
        var shortForms = WordTable<String>()
        let shortOrganisations = organisationsByFirstWord(mentions)
        for word in words {
            let key = Gazetteer.fold(word.text)
            let matches = people.names(holding: key)
            if matches.isEmpty, word.cue != .place, word.fallback == nil, let organisation = shortOrganisations[key] {
                // "Kestrel" after (or before) "Kestrel Holdings": the same company.
                result.append((word.order, EntityMention(
                    type: .organisation, identity: organisation.identity, name: organisation.name, surface: word.text,
                    uri: "", confidence: 60, segment: word.segment)))
                continue
            }
            if matches.isEmpty, organisations[key] == nil, let name = places[key] {
                result.append((word.order, EntityMention(
                    type: .place, identity: "place-name:" + key, name: name, surface: word.text,
                    extraAliases: word.placeAlias.isEmpty ? [] : [word.placeAlias], uri: "", confidence: 55,
                    segment: word.segment)))
                continue
            }
            if matches.isEmpty, let name = organisations[key] {
                result.append((word.order, EntityMention(
                    type: .organisation, identity: "org-name:" + key, name: name, surface: word.text, uri: "",
                    confidence: 55, segment: word.segment)))
                continue
            }
            guard !matches.isEmpty else {
                if let fallback = word.fallback { result.append((word.order, fallback)) }
                continue
            }
            var chosen = matches[0]
            if matches.count > 1 {
                let consistent = matches.filter { shortForms[$0.identity] == nil || shortForms[$0.identity] == key }
                let candidates = consistent.isEmpty ? matches : consistent
                let byFamily = candidates.filter { $0.family == key }
                let pool = byFamily.isEmpty ? candidates : byFamily
                let latest = pool.max { a, b in
                    lastOrder(of: a.identity, before: word.order, in: personOrders) < lastOrder(of: b.identity, before: word.order, in: personOrders)
                }
                chosen = latest ?? pool[0]
            }
            if shortForms[chosen.identity] == nil { shortForms[chosen.identity] = key }
            let isOwnName = chosen.parts == [key]
            var mention = EntityMention(
                type: .person, identity: chosen.identity, name: chosen.name, surface: word.text,
                uri: "", confidence: isOwnName ? 65 : 80,
                segment: word.segment, nameParts: chosen.parts)
            mention.isTentative = word.cue == .none || word.cue == .organisation
            result.append((word.order, mention))
        }
        return result
    }

    /// Organisations named in full by the text whose first word may stand for them alone:
    /// "Kestrel Holdings" → "kestrel". Only names the text built (not gazetteer entries), of two
    /// or more words; a first word two organisations share stands for neither.
    private func organisationsByFirstWord(
        _ mentions: [(order: Int, mention: EntityMention)]
    ) -> [String: (identity: String, name: String)] {
        var byWord: [String: (identity: String, name: String)] = [:]
        var shared: Set<String> = []
        for (_, mention) in mentions where mention.type == .organisation && mention.identity.hasPrefix("org-name:") {
            guard let space = mention.name.firstIndex(of: " ") else { continue }
            let first = String(mention.name[..<space])
            // "Seoul National University": "Seoul" alone is the city.
            if gazetteer.country(mentionedAs: first) != nil || gazetteer.place(named: first) != nil { continue }
            let key = Gazetteer.fold(first)
            if let existing = byWord[key], existing.identity != mention.identity { shared.insert(key) }
            if byWord[key] == nil { byWord[key] = (mention.identity, mention.name) }
        }
        for key in shared { byWord[key] = nil }
        return byWord
    }

    private func lastOrder(of identity: String, before order: Int, in orders: [(Int, String)]) -> Int {
        orders.last { $0.0 < order && $0.1 == identity }?.0 ?? -1
    }

    // MARK: Organisations

    /// Acronyms seen alone: defined in the text ("... (KIDA)") or the initials of an organisation named in it.
    private func resolveAcronyms(
        _ acronyms: [EntityExtractor.SingleWord], definitions: [String: String], mentions: [(order: Int, mention: EntityMention)]
    ) -> [(order: Int, mention: EntityMention)] {
        guard !acronyms.isEmpty else { return [] }
        var organisations = WordTable<EntityMention>(minimumCapacity: mentions.count)
        var byInitials = WordTable<String>(minimumCapacity: mentions.count)
        for (_, mention) in mentions where mention.type == .organisation && organisations[mention.identity] == nil {
            organisations[mention.identity] = mention
            let initials = Self.initials(mention.name)
            if initials.count >= 2, byInitials[initials] == nil { byInitials[initials] = mention.identity }
        }
        var result: [(order: Int, mention: EntityMention)] = []
        for acronym in acronyms {
            guard let identity = definitions[acronym.text] ?? byInitials[acronym.text],
                  var mention = organisations[identity] else {
                // An unknown acronym that acts ("GDL said") or is described as one is an organisation.
                if acronym.cue == .actor || acronym.cue == .organisation {
                    result.append((acronym.order, EntityMention(
                        type: .organisation, identity: "org-name:" + Gazetteer.fold(acronym.text), name: acronym.text,
                        surface: acronym.text, uri: "", confidence: 55, segment: acronym.segment)))
                }
                continue
            }
            mention.surface = acronym.text
            mention.extraAliases = []
            mention.segment = acronym.segment
            result.append((acronym.order, mention))
        }
        return result
    }

    /// "Korea Institute for Defense Analyses" → "KIDA": capitals starting words, skipping "of", "for"...
    static func initials(_ name: String) -> String {
        var result = ""
        var wordStart = true
        for scalar in name.unicodeScalars {
            if scalar == " " || scalar == "-" {
                wordStart = true
                continue
            }
            if wordStart, scalar.value < 0x80 ? scalar.value &- 0x41 < 26 : scalar.properties.isUppercase {
                result.unicodeScalars.append(scalar)
            }
            wordStart = false
        }
        return result
    }

    /// "Ministry of Foreign Affairs" joins the "Japanese Ministry of Foreign Affairs" named in the same article.
    private func mergeQualifiedOrganisations(_ entities: inout [Entity]) {
        // Entities are read in place throughout: a copy would retain every string and array in it.
        var owner = WordTable<Int>(minimumCapacity: entities.count * 2)
        for index in entities.indices where entities[index].type == .organisation {
            for alias in entities[index].aliases {
                let key = Gazetteer.fold(alias)
                if owner[key] == nil { owner[key] = index }
            }
        }
        var removed: Set<Int> = []
        for index in entities.indices where entities[index].type == .organisation && !entities[index].isGazetteer {
            guard let target = owner[Gazetteer.fold(entities[index].name)], target != index, !removed.contains(target) else { continue }
            entities[target].count += entities[index].count
            entities[target].segments.formUnion(entities[index].segments)
            entities[target].firstOrder = min(entities[target].firstOrder, entities[index].firstOrder)
            removed.insert(index)
        }
        guard !removed.isEmpty else { return }
        entities = entities.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
    }

    // MARK: Entities

    private func aggregate(_ mentions: [(order: Int, mention: EntityMention)]) -> [Entity] {
        var entities: [Entity] = []
        var indexByIdentity = WordTable<Int>(minimumCapacity: mentions.count)
        for (order, mention) in mentions {
            let index: Int
            if let existing = indexByIdentity[mention.identity] {
                index = existing
            } else {
                index = entities.count
                indexByIdentity[mention.identity] = index
                entities.append(Entity(
                    type: mention.type, name: mention.name, code: mention.code, uri: mention.uri, firstOrder: order,
                    isGazetteer: mention.identity.hasPrefix("country:") || mention.identity.hasPrefix("geonames:")
                        || mention.identity.hasPrefix("region:")
                        || mention.identity.hasPrefix("org:")))
            }
            // Changed in place: a copy would make each alias append copy the arrays.
            entities[index].count += 1
            if !mention.isTentative { entities[index].isFirm = true }
            entities[index].segments.insert(Segments(mention.segment))
            entities[index].confidence = max(entities[index].confidence, mention.confidence)
            if entities[index].uri.isEmpty { entities[index].uri = mention.uri }
            if mention.type == .person && mention.name.unicodeScalars.count > entities[index].name.unicodeScalars.count {
                entities[index].rename(mention.name)
            }
            if mention.addsAlias { entities[index].addAlias(mention.surface) }
            for form in mention.extraAliases { entities[index].addAlias(form) }
        }
        return entities
    }

    /// The same words found as two types: a gazetteer entry or organisation wins over a guessed person.
    private func removeCrossTypeDuplicates(_ entities: inout [Entity]) {
        guard entities.count > 1 else { return }
        let folded = entities.map { Gazetteer.fold($0.name) }
        var strongNames: Set<String> = []
        var placeNames: Set<String> = []
        for index in entities.indices where entities[index].type != .person {
            strongNames.insert(folded[index])
            strongNames.formUnion(entities[index].foldedForms)
            if entities[index].type == .place { placeNames.insert(folded[index]) }
        }
        let dropped = entities.indices.filter { index in
            (entities[index].type == .person && strongNames.contains(folded[index]))
                || (entities[index].type == .organisation && !entities[index].isGazetteer && placeNames.contains(folded[index]))
        }
        guard !dropped.isEmpty else { return }
        let droppedSet = Set(dropped)
        entities = entities.indices.filter { !droppedSet.contains($0) }.map { entities[$0] }
    }

    /// The URI stem for entities without a gazetteer id; the name's slug follows.
    static func uriPrefix(_ type: EntityType) -> String {
        switch type {
        case .person: return "urn:newsbus:person:"
        case .organisation: return "urn:newsbus:org:"
        case .place: return "urn:newsbus:place:"
        }
    }

    /// Salience 0...100: in the headline, in the lead, in a caption, and how often.
    private func salience(_ entity: Entity) -> UInt32 {
        var score = 0
        if entity.segments.contains(Segments(.headline)) { score += 35 }
        if entity.segments.contains(Segments(.lead)) { score += 25 }
        if entity.segments.contains(Segments(.caption)) { score += 5 }
        score += 8 * min(entity.count, 5)
        return UInt32(min(score, 100))
    }

    private func concepts(_ entities: [Entity]) -> Result {
        let ordered = entities.sorted { $0.firstOrder < $1.firstOrder }
        let scores = ordered.map(salience)
        let about = Set(scores.indices.filter { scores[$0] >= Self.aboutThreshold }
            .sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
            .prefix(Self.aboutLimit))
        var result = Result()
        for (index, entity) in ordered.enumerated() {
            let confidence = min(99, entity.confidence + (entity.count >= 3 ? 5 : 0))
            let uri = entity.uri.isEmpty ? Self.uriPrefix(entity.type) + entitySlug(entity.name) : entity.uri
            let concept = Article.Concept(
                name: entity.name, uri: uri, rel: about.contains(index) ? "about" : "mentions",
                creator: Self.creator, relevance: scores[index], confidence: confidence, code: entity.code,
                aliases: entity.aliases)
            switch entity.type {
            case .person: result.people.append(concept)
            case .organisation: result.organisations.append(concept)
            case .place: result.places.append(concept)
            }
        }
        return result
    }
}
