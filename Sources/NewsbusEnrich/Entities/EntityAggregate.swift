import NewsbusWire

/// The entities of one article, built from an ``EntityResolver``'s mentions in order of
/// mention: one per identity, with its fullest name, the other forms seen as aliases, how often
/// and where it is mentioned. Later steps drop entities (they stay in ``entities``, marked
/// dropped, so that nothing is copied) and turn the rest into concepts.
struct EntityAggregate {
    /// The segments an entity is mentioned in, as bits.
    struct Segments: OptionSet {
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

    struct Entity {
        var type: EntityType
        var name: String
        /// `name` folded.
        var foldedName: String
        /// Other forms seen, distinct once folded, and none folding to the name.
        var aliases: [String] = []
        /// `aliases` folded, in the same order.
        var foldedAliases: [String] = []
        var code: String
        var uri: String
        var firstOrder: Int
        var count = 0
        var segments = Segments()
        var confidence: UInt32 = 0
        var isGazetteer: Bool
        /// Some mention has a cue; an entity found by shape alone is dropped.
        var isFirm = false
        var isDropped = false

        /// An entity first seen as mention `number` of `mentions`.
        init(_ number: Int, of mentions: ResolverMentions.Mentions, isGazetteer: Bool) {
            // Each field read in place: passing the whole mention would copy it, retaining every string in it.
            type = mentions[number].mention.type
            name = mentions[number].mention.name
            foldedName = Gazetteer.fold(name)
            code = mentions[number].mention.code
            uri = mentions[number].mention.uri
            firstOrder = mentions[number].order
            self.isGazetteer = isGazetteer
        }

        /// Counts mention `number` of `mentions`, a mention of the entity.
        mutating func add(_ number: Int, of mentions: ResolverMentions.Mentions) {
            count += 1
            if !mentions[number].mention.isTentative { isFirm = true }
            segments.insert(Segments(mentions[number].mention.segment))
            confidence = max(confidence, mentions[number].mention.confidence)
            if uri.isEmpty { uri = mentions[number].mention.uri }
            if mentions[number].mention.type == .person && mentions[number].mention.name != name
                && EntityAggregate.scalarCount(mentions[number].mention.name) > EntityAggregate.scalarCount(name) {
                rename(mentions[number].mention.name)
            }
            if mentions[number].mention.addsAlias { addAlias(mentions[number].mention.surface) }
            if !mentions[number].mention.extraAliases.isEmpty {
                for form in mentions[number].mention.extraAliases { addAlias(form) }
            }
        }

        /// Adds `form` as an alias unless it is the name or folds like the name or an alias;
        /// `folded` is its folded form when the caller has it.
        mutating func addAlias(_ form: String, folded: String? = nil) {
            guard form != name, aliases.last != form else { return }
            let key = folded ?? Gazetteer.fold(form)
            guard key != foldedName, !foldedAliases.contains(key) else { return }
            aliases.append(form)
            foldedAliases.append(key)
        }

        /// A fuller name: the old one stays as an alias unless it is the new one.
        mutating func rename(_ newName: String) {
            let oldName = name
            let oldFoldedName = foldedName
            let previous = aliases
            let previousFolded = foldedAliases
            name = newName
            foldedName = Gazetteer.fold(newName)
            aliases = []
            foldedAliases = []
            addAlias(oldName, folded: oldFoldedName)
            for index in previous.indices { addAlias(previous[index], folded: previousFolded[index]) }
        }
    }

    /// Every entity made, in order of first mention; dropped ones are marked.
    private(set) var entities: [Entity] = []

    /// One entity per identity of `mentions`, each mention counted, in order of mention.
    init(_ mentions: ResolverMentions) {
        var entities: [Entity] = []
        entities.reserveCapacity(mentions.identities.count)
        var entityOfIdentity = [Int](repeating: -1, count: mentions.identities.count)
        let numbers = mentions.numbersInOrder()
        mentions.withMentions { all in
            for number in numbers {
                let identity = mentions.identity(of: number)
                var index = entityOfIdentity[identity]
                if index < 0 {
                    index = entities.count
                    entityOfIdentity[identity] = index
                    entities.append(Entity(
                        number, of: all, isGazetteer: Self.isGazetteerIdentity(mentions.identities.words[identity])))
                }
                entities[index].add(number, of: all)
            }
        }
        self.entities = entities
    }

    /// The number of Unicode scalars in `text`: its UTF-8 bytes that start one.
    static func scalarCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }

    /// Whether `identity` is a gazetteer entry's: "country:JP", "geonames:1642911", "region:...", "org:iaea".
    static func isGazetteerIdentity(_ identity: String) -> Bool {
        var text = identity
        let answer: Bool? = text.withUTF8 { bytes in
            switch bytes.first {
            case UInt8(ascii: "c"): return bytes.startsWithASCII("country:")
            case UInt8(ascii: "g"): return bytes.startsWithASCII("geonames:")
            case UInt8(ascii: "r"): return bytes.startsWithASCII("region:")
            case UInt8(ascii: "o"): return bytes.startsWithASCII("org:")
            default: return false
            }
        }
        return answer ?? ["country:", "geonames:", "region:", "org:"].contains { identity.hasPrefix($0) }
    }

    // MARK: Pruning

    /// Drops the entities no mention with a cue confirms.
    mutating func dropUnconfirmed() {
        for index in entities.indices where !entities[index].isFirm { entities[index].isDropped = true }
    }

    /// "Ministry of Foreign Affairs" joins the "Japanese Ministry of Foreign Affairs" named in the same article.
    mutating func mergeQualifiedOrganisations() {
        var aliases = WordIDs()
        var owners: [Int] = []
        for index in entities.indices where !entities[index].isDropped && entities[index].type == .organisation {
            for folded in entities[index].foldedAliases where aliases.insert(folded).inserted { owners.append(index) }
        }
        guard !owners.isEmpty else { return }
        for index in entities.indices
        where !entities[index].isDropped && entities[index].type == .organisation && !entities[index].isGazetteer {
            guard let alias = aliases.id(of: entities[index].foldedName) else { continue }
            let target = owners[alias]
            guard target != index, !entities[target].isDropped else { continue }
            entities[target].count += entities[index].count
            entities[target].segments.formUnion(entities[index].segments)
            entities[target].firstOrder = min(entities[target].firstOrder, entities[index].firstOrder)
            entities[index].isDropped = true
        }
    }

    /// The same words found as two types: a gazetteer entry or organisation wins over a guessed person.
    mutating func removeCrossTypeDuplicates() {
        // Names and aliases of places and organisations, and which of them are place names.
        var strongNames = WordIDs(minimumCapacity: entities.count)
        var isPlaceName: [Bool] = []
        for index in entities.indices where !entities[index].isDropped && entities[index].type != .person {
            let (name, inserted) = strongNames.insert(entities[index].foldedName)
            if inserted { isPlaceName.append(false) }
            if entities[index].type == .place { isPlaceName[name] = true }
            for folded in entities[index].foldedAliases where strongNames.insert(folded).inserted { isPlaceName.append(false) }
        }
        for index in entities.indices where !entities[index].isDropped && entities[index].type != .place {
            guard let name = strongNames.id(of: entities[index].foldedName) else { continue }
            if entities[index].type == .person || (!entities[index].isGazetteer && isPlaceName[name]) {
                entities[index].isDropped = true
            }
        }
    }

    // MARK: Concepts

    /// Salience 0...100: in the headline, in the lead, in a caption, and how often.
    private static func salience(_ entity: Entity) -> UInt32 {
        var score = 0
        if entity.segments.contains(Segments(.headline)) { score += 35 }
        if entity.segments.contains(Segments(.lead)) { score += 25 }
        if entity.segments.contains(Segments(.caption)) { score += 5 }
        score += 8 * min(entity.count, 5)
        return UInt32(min(score, 100))
    }

    /// The entities not dropped, as concepts in order of first mention; the most salient few
    /// (see ``EntityResolver/aboutLimit``) are "about" the article, the others "mentions".
    func concepts() -> EntityResolver.Result {
        var ordered = entities.indices.filter { !entities[$0].isDropped }
        ordered.sort { entities[$0].firstOrder < entities[$1].firstOrder }  // stable
        let scores = ordered.map { Self.salience(entities[$0]) }
        var isAbout = [Bool](repeating: false, count: ordered.count)
        for position in scores.indices.filter({ scores[$0] >= EntityResolver.aboutThreshold })
            .sorted(by: { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 })
            .prefix(EntityResolver.aboutLimit) {
            isAbout[position] = true
        }
        var result = EntityResolver.Result()
        let people = ordered.reduce(0) { $0 + (entities[$1].type == .person ? 1 : 0) }
        let places = ordered.reduce(0) { $0 + (entities[$1].type == .place ? 1 : 0) }
        result.people.reserveCapacity(people)
        result.organisations.reserveCapacity(ordered.count - people - places)
        result.places.reserveCapacity(places)
        // Read in place: a copy of an entity would retain every string in it.
        for (position, index) in ordered.enumerated() {
            let confidence = min(99, entities[index].confidence + (entities[index].count >= 3 ? 5 : 0))
            let type = entities[index].type
            let uri = entities[index].uri.isEmpty
                ? entityURI(prefix: EntityResolver.uriPrefix(type), name: entities[index].name) : entities[index].uri
            let concept = Article.Concept(
                name: entities[index].name, uri: uri, rel: isAbout[position] ? "about" : "mentions",
                creator: EntityResolver.creator, relevance: scores[position], confidence: confidence, code: entities[index].code,
                aliases: entities[index].aliases)
            switch type {
            case .person: result.people.append(concept)
            case .organisation: result.organisations.append(concept)
            case .place: result.places.append(concept)
            }
        }
        return result
    }
}
