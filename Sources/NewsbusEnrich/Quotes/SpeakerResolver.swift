import NewsbusWire

/// Turns a speaker phrase into a Concept from the article's `people` and `organisations`.
///
/// A name matches a concept when its words, or their longest matching tail, equal the concept's
/// name or one of its aliases (case-insensitive, possessive `’s` dropped): "Foreign Minister Park
/// Jin" → "Park Jin"; "Funakoshi" → "Funakoshi Takehiro" through its alias. People are tried
/// before organisations. A role phrase ("the ministry", "a Foreign Ministry spokesman") matches
/// the organisation whose name contains its head noun or its capitalised words. With no match a
/// name becomes a new Concept with the name as written (leading titles dropped) as `literal`.
///
/// A class, built once per article and only read after: the quote reader and its closures share
/// its tables instead of copying them.
final class SpeakerResolver {
    private let people: [Article.Concept]
    private let organisations: [Article.Concept]
    /// The keys (see ``key(_:)``) of the people's and organisations' names and aliases.
    private var conceptKeys = StringIDs()
    /// The concept each key names, by key number (see ``concept(_:)``).
    private var conceptOfKey: [Int] = []
    /// Keys of the single capitalised words of people's names and aliases (for following mentions).
    private var personWords = StringIDs()
    /// The person (index in `people`) each of `personWords` stands for, by word number.
    private var personOfWord: [Int] = []
    /// Each organisation's forms as keys, by organisation (see ``resolve(roleWords:capitalised:)``).
    private var organisationFormKeys: [[String]] = []
    /// The organisations' forms as token texts, made when a role or "it" first looks for an
    /// organisation (see ``recentOrganisation(before:in:where:)``).
    private(set) lazy var organisationForms = OrganisationForms(organisations)

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
        // Later writes win: a person over an organisation, an earlier concept over a later one.
        let formKeys = organisations.indices.map { o in
            ([organisations[o].name] + organisations[o].aliases).map { $0.isEmpty ? "" : Self.key($0) }
        }
        for o in organisations.indices.reversed() {
            for key in formKeys[o] where !key.isEmpty { setConcept(people.count + o, forKey: key) }
        }
        for p in people.indices.reversed() {
            setConcept(p, forKey: people[p].name, keyed: false)
            for alias in people[p].aliases { setConcept(p, forKey: alias, keyed: false) }
        }
        for p in people.indices.reversed() {
            addPersonWords(of: people[p].name, person: p)
            for alias in people[p].aliases { addPersonWords(of: alias, person: p) }
        }
        // A one-word alias wins over a word of someone else's full name.
        for p in people.indices.reversed() {
            for alias in people[p].aliases where !Self.hasSpace(alias) { setPerson(p, forWord: Self.key(alias)) }
        }
        organisationFormKeys = formKeys
    }

    /// Records that `form` (or, when `keyed`, the key given) names concept `concept`.
    private func setConcept(_ concept: Int, forKey form: String, keyed: Bool = true) {
        guard !form.isEmpty else { return }
        let (id, inserted) = conceptKeys.insert(keyed ? form : Self.key(form))
        if inserted { conceptOfKey.append(concept) } else { conceptOfKey[id] = concept }
    }

    /// Records the capitalised words of a person's name or alias.
    private func addPersonWords(of form: String, person: Int) {
        var form = form
        // ASCII: the words are the runs of bytes between spaces, their keys the runs lower-cased.
        let asciiKeys = form.withUTF8 { b -> [String]? in
            guard b.allSatisfy({ $0 < 0x80 }) else { return nil }
            var keys: [String] = []
            var start = 0
            while start < b.count {
                var end = start
                while end < b.count, b[end] != UInt8(ascii: " ") { end += 1 }
                if end > start, b[start] &- UInt8(ascii: "A") < 26 {
                    keys.append(Gazetteer.plainFolded(b, start, end, curlyApostrophes: 0))
                }
                start = end + 1
            }
            return keys
        }
        if let asciiKeys {
            for key in asciiKeys { setPerson(person, forWord: key) }
            return
        }
        for word in form.split(separator: " ") where word.first?.isUppercase == true {
            setPerson(person, forWord: Self.key(String(word)))
        }
    }

    private func setPerson(_ person: Int, forWord key: String) {
        let (id, inserted) = personWords.insert(key)
        if inserted { personOfWord.append(person) } else { personOfWord[id] = person }
    }

    /// The concept numbered `n`: a person's index, or `people.count` + an organisation's index.
    private func concept(_ n: Int) -> Article.Concept {
        n < people.count ? people[n] : organisations[n - people.count]
    }

    /// The person a single word of a name stands for ("park", "funakoshi"), keyed (see ``key(_:)``).
    func person(forWord key: String) -> Article.Concept? {
        personWords.id(of: key).map { people[personOfWord[$0]] }
    }

    /// The organisation at `index` in the article's organisations.
    func organisation(_ index: Int) -> Article.Concept { organisations[index] }

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
        for o in organisations.indices {
            for lower in organisationFormKeys[o] {
                if !phrase.isEmpty, Self.contains(lower, phrase) { return organisations[o] }
                if lastIsOrganisationNoun, let noun = words.last, Self.hasWord(noun, in: lower) {
                    return organisations[o]
                }
                if nounsNameOrganisations, nouns.contains(where: { Self.hasWord($0, in: lower) }) {
                    return organisations[o]
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
            if let id = conceptKeys.id(of: tail) { return concept(conceptOfKey[id]) }
            tail = Self.possessiveStripped(tail)
            if let id = conceptKeys.id(of: tail) { return concept(conceptOfKey[id]) }
        }
        return nil
    }

    /// Whether `text` holds a space: byte by byte when it is ASCII, else as Foundation finds it.
    private static func hasSpace(_ text: String) -> Bool {
        StringIDs.isASCII(text) ? text.utf8.contains(UInt8(ascii: " ")) : text.contains(" ")
    }

    /// Whether `word` is one of the words of `key` between its spaces: byte by byte when both are
    /// ASCII, else as Strings.
    static func hasWord(_ word: String, in key: String) -> Bool {
        let bytes = key.utf8, wordBytes = word.utf8
        guard StringIDs.isASCII(key), StringIDs.isASCII(word) else {
            return key.split(separator: " ").contains(Substring(word))
        }
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: " ")) ?? bytes.endIndex
            if start < end, bytes[start..<end].elementsEqual(wordBytes) { return true }
            start = end < bytes.endIndex ? bytes.index(after: end) : end
        }
        return false
    }

    /// Whether `text` holds `part` (not empty): byte by byte when both are ASCII, where that is
    /// what Foundation's search finds, else Foundation's search.
    static func contains(_ text: String, _ part: String) -> Bool {
        let bytes = text.utf8, partBytes = part.utf8
        guard StringIDs.isASCII(text), StringIDs.isASCII(part) else { return text.contains(part) }
        guard let first = partBytes.first, partBytes.count <= bytes.count else { return false }
        var start = bytes.startIndex
        while let found = bytes[start...].firstIndex(of: first) {
            if bytes[found...].starts(with: partBytes) { return true }
            start = bytes.index(after: found)
        }
        return false
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
        if let stripped = possessiveStrippedBytes(word) { return stripped }
        if word.hasSuffix("’s") || word.hasSuffix("'s") { return String(word.dropLast(2)) }
        if word.hasSuffix("’") || word.hasSuffix("'") { return String(word.dropLast()) }
        return word
    }

    /// ``possessiveStripped(_:)`` read from the bytes, when they decide it: the word ends in `’s`,
    /// `'s`, `’` or `'` after ASCII or nothing (so that the marks are characters of their own),
    /// or in an `s` after neither mark. Nil when only the character-wise test can tell.
    private static func possessiveStrippedBytes(_ word: String) -> String? {
        var bytes = word
        // How many bytes to drop (0: none), or nil when the bytes do not decide.
        let drop = bytes.withUTF8 { b -> Int? in
            let n = b.count
            func curly(endingAt end: Int) -> Bool { end >= 3 && b[end - 3] == 0xE2 && b[end - 2] == 0x80 && b[end - 1] == 0x99 }
            func straight(endingAt end: Int) -> Bool { end >= 1 && b[end - 1] == UInt8(ascii: "'") }
            let drop: Int
            if n > 0, b[n - 1] == UInt8(ascii: "s") {
                drop = curly(endingAt: n - 1) ? 4 : straight(endingAt: n - 1) ? 2 : 0
            } else if curly(endingAt: n) {
                drop = 3
            } else if straight(endingAt: n) {
                drop = 1
            } else {
                return nil
            }
            let kept = n - drop
            return drop == 0 || kept == 0 || b[kept - 1] < 0x80 ? drop : nil
        }
        guard let drop else { return nil }
        return drop == 0 ? word : String(decoding: word.utf8.dropLast(drop), as: UTF8.self)
    }
}
