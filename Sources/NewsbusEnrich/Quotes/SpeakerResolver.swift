import NewsbusWire

/// Turns a speaker phrase into a Concept from the article's `people` and `organisations`.
///
/// A name matches a concept when its words, or their longest matching tail, equal the concept's
/// name or one of its aliases (case-insensitive, possessive `’s` dropped): "Foreign Minister Park
/// Jin" → "Park Jin"; "Funakoshi" → "Funakoshi Takehiro" through its alias. People are tried
/// before organisations. A role phrase ("the ministry", "a Foreign Ministry spokesman") matches
/// the organisation whose name contains its head noun or its capitalised words. With no match a
/// name becomes a new Concept with the name as written (leading titles dropped) as `literal`.
struct SpeakerResolver {
    private let people: [Article.Concept]
    private let organisations: [Article.Concept]
    private var byKey: [String: Article.Concept] = [:]
    /// Single words of people's names and aliases → the person (for following mentions).
    private(set) var personByWord: [String: Article.Concept] = [:]
    /// The organisations' names and aliases as lower-case token texts, by their first word, to
    /// find where each is mentioned (see ``recentOrganisation(before:in:where:)``).
    private(set) var organisationForms: [String: [(words: [String], concept: Article.Concept)]] = [:]

    /// Nouns that name an organisation in a role phrase ("the ministry said").
    static let organisationNouns: Set<String> = [
        "ministry", "agency", "government", "office", "embassy", "military", "army", "navy", "command", "company",
        "committee", "council", "party", "department", "commission", "police", "court", "bank", "union", "media",
        "administration", "cabinet", "parliament", "organisation", "organization", "group", "firm", "board",
        "institute", "service", "forces", "staff", "alliance", "mission", "secretariat", "house", "academy",
        "university", "hospital", "school", "foundation", "authority", "tribunal", "assembly", "senate", "congress",
        "federation", "league", "bureau", "regulator", "observatory", "museum", "coalition", "movement", "society",
        "fund", "programme", "program", "consortium",
    ]
    /// Titles dropped from the front of a name that matched no concept.
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "president", "minister", "prime", "foreign", "defence", "defense", "deputy",
        "secretary", "general", "director", "special", "representative", "ambassador", "envoy", "chief", "senator",
        "sen", "rep", "gov", "governor", "mayor", "chancellor", "premier", "vice", "chairman", "chairwoman", "ceo",
        "spokesman", "spokeswoman", "spokesperson", "leader", "king", "queen", "pope", "sir", "lord", "lady", "gen",
        "col", "lt", "capt", "adm", "officer", "commander", "state", "us", "u", "s", "but", "and", "meanwhile",
        "however", "the", "japanese", "korean", "american", "chinese", "north", "south", "former", "acting",
    ]

    init(article: Article) {
        people = article.people
        organisations = article.organisations
        for concept in organisations.reversed() + people.reversed() {
            for key in [concept.name] + concept.aliases where !key.isEmpty {
                byKey[Self.key(key)] = concept
            }
        }
        for person in people.reversed() {
            for form in [person.name] + person.aliases {
                for word in form.split(separator: " ") where word.first?.isUppercase == true {
                    personByWord[Self.key(String(word))] = person
                }
            }
        }
        // A one-word alias wins over a word of someone else's full name.
        for person in people.reversed() {
            for alias in person.aliases where !alias.contains(" ") { personByWord[Self.key(alias)] = person }
        }
        for organisation in organisations {
            for form in [organisation.name] + organisation.aliases {
                let words = Self.tokenTexts(form)
                guard let first = words.first else { continue }
                organisationForms[first, default: []].append((words, organisation))
            }
        }
    }

    /// Whether the article names any people.
    var knowsPeople: Bool { !people.isEmpty }

    /// Whether the concept is one of the article's people.
    func isPerson(_ concept: Article.Concept) -> Bool { people.contains(concept) }

    /// The concept for capitalised words, or a new one made from them.
    func resolve(name words: [String]) -> Article.Concept? {
        guard !words.isEmpty else { return nil }
        // "Justice Marie Tremblay of the Federal Court": the person before "of", when known.
        if let of = words.firstIndex(of: "of"), of > 0, let person = known(Array(words[..<of])), isPerson(person) {
            return person
        }
        if let known = known(words) { return known }
        // "Kim in Seoul", "Kim and Lee": each part on its own, the first as the fallback.
        let parts = words.split { $0 == "in" || $0 == "and" }.map(Array.init)
        if parts.count > 1, let known = parts.lazy.compactMap({ self.known($0) }).first { return known }
        var kept = Array((parts.first ?? words).drop { Self.titles.contains(Self.key($0)) })
        if kept.isEmpty { return nil }
        kept[kept.count - 1] = Self.possessiveStripped(kept[kept.count - 1])
        let name = kept.joined(separator: " ")
        return Article.Concept(name: name, literal: words.joined(separator: " "))
    }

    /// Nouns for a person's role ("the envoy said", "a hospital spokeswoman said").
    static let personNouns: Set<String> = [
        "minister", "president", "official", "officials", "spokesman", "spokeswoman", "spokesperson", "envoy",
        "diplomat", "ambassador", "secretary", "chief", "director", "leader", "premier", "chancellor", "general",
        "commander", "officer", "representative", "negotiator", "governor", "mayor", "senator", "lawmaker", "head",
        "chairman", "chairwoman", "executive", "manager", "coach", "captain", "son", "daughter", "wife", "husband",
        "mother", "father", "analyst", "expert", "professor", "researcher", "adviser", "advisor", "official",
    ]

    /// The organisation a role phrase points at, if any: one named by its capitalised words
    /// ("Japan’s Foreign Ministry"), or whose name holds one of its nouns ("the ministry",
    /// "a hospital spokeswoman" → "Lorn and Islands Hospital").
    func resolve(roleWords words: [String], capitalised: [String]) -> Article.Concept? {
        if !capitalised.isEmpty, let known = known(capitalised), !isPerson(known) { return known }
        let nouns = words.filter { !Self.personNouns.contains($0) && $0.count > 2 }
        let phrase = words.joined(separator: " ")
        let nounsNameOrganisations = nouns.contains { Self.organisationNouns.contains($0) || $0 == "hospital" || $0 == "school" || $0 == "university" }
        let lastIsOrganisationNoun = words.last.map { Self.organisationNouns.contains($0) } ?? false
        for organisation in organisations {
            for form in [organisation.name] + organisation.aliases {
                let lower = Self.key(form)
                if !phrase.isEmpty, lower.contains(phrase) { return organisation }
                let formWords = lower.split(separator: " ")
                if lastIsOrganisationNoun, let noun = words.last, formWords.contains(Substring(noun)) {
                    return organisation
                }
                if nounsNameOrganisations, nouns.contains(where: { formWords.contains(Substring($0)) }) {
                    return organisation
                }
            }
        }
        if let head = words.last, !capitalised.isEmpty, Self.organisationNouns.contains(head) {
            let name = capitalised.map(Self.possessiveStripped).joined(separator: " ") + " " + Dateline.titleCased(head)
            return Article.Concept(name: name, literal: name)
        }
        return nil
    }

    /// Whether the words, or a tail of them, name a known person or organisation.
    func isKnown(_ words: [String]) -> Bool { known(words) != nil }

    /// The longest tail of `words` that names a known concept.
    func known(_ words: [String]) -> Article.Concept? {
        let keys = words.map(Self.key)
        for start in keys.indices {
            var tail = keys[start...].joined(separator: " ")
            if let concept = byKey[tail] { return concept }
            tail = Self.possessiveStripped(tail)
            if let concept = byKey[tail] { return concept }
        }
        return nil
    }

    /// Lowercased with curly apostrophes straightened.
    static func key(_ text: String) -> String {
        // ASCII with curly apostrophes: lower-casing and straightening is the entities' plain folding.
        if let plain = Gazetteer.foldedPlain(text) { return plain }
        var straightened = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { straightened.append(scalar == "\u{2019}" ? "'" : scalar) }
        return String(straightened).lowercased()
    }

    static func possessiveStripped(_ word: String) -> String {
        // Only a word ending in `s`, `’` or `'` (the last UTF-8 byte of each) can change.
        guard let last = word.utf8.last, last == UInt8(ascii: "s") || last == 0x99 || last == UInt8(ascii: "'") else { return word }
        if word.hasSuffix("’s") || word.hasSuffix("'s") { return String(word.dropLast(2)) }
        if word.hasSuffix("’") || word.hasSuffix("'") { return String(word.dropLast()) }
        return word
    }
}
