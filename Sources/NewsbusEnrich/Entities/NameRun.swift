/// A capitalised stretch of a sentence, cut into units: gazetteer phrases, title and organisation
/// words, connectors and unknown capitalised words (name candidates).
///
/// "the Japanese Ministry of Foreign Affairs Director General for Asian and Oceanian Affairs
/// Funakoshi Takehiro said" gives one run: demonym, orgHead, connector, titleModifier, descriptor,
/// titleHead, titleHead, connector, descriptor, connector, name, descriptor, name, name.
struct NameRun {
    enum Tag: Sendable {
        var isNotConnector: Bool { if case .connector = self { return false } else { return true } }

        /// A gazetteer phrase (held by reference: a unit is copied often, an entry's strings are not).
        case gazetteer(Gazetteer.Phrase)
        case titleHead, titleModifier, descriptor, honorific
        case organisationHead, organisationSuffix
        /// "Peninsula", "Strait", "Mount".
        case placeHead
        /// "of", "for", "and", "van", "bin"...: joins capitalised words.
        case connector
        /// The dot after an initial ("J.").
        case initialDot
        /// An unknown capitalised word.
        case name
    }

    struct Unit {
        /// Token indices, inclusive.
        var first: Int
        var last: Int
        var tag: Tag

        var isName: Bool { if case .name = tag { return true } else { return false } }
        var isTitle: Bool {
            switch tag {
            case .titleHead, .honorific: return true
            default: return false
            }
        }
        var isTitleLike: Bool {
            switch tag {
            case .titleHead, .honorific, .titleModifier, .descriptor: return true
            default: return false
            }
        }
        /// A city of the gazetteer ("Charlotte" may be part of a person's name).
        var isCity: Bool {
            guard case .gazetteer(let phrase) = tag, case .place(let place) = phrase.entry else { return false }
            return place.kind == "city"
        }
        /// Whether the unit is a gazetteer phrase.
        var isGazetteer: Bool { if case .gazetteer = tag { return true } else { return false } }
        /// A country or demonym: qualifies an organisation and is a place mention ("US Embassy").
        var isCountryLike: Bool {
            guard case .gazetteer(let phrase) = tag else { return false }
            switch phrase.entry {
            case .country, .demonym: return true
            default: return false
            }
        }
        /// A country, demonym or place: may start an organisation's name ("Seoul National University").
        var isPlaceLike: Bool {
            guard case .gazetteer(let phrase) = tag else { return false }
            switch phrase.entry {
            case .country, .demonym, .place: return true
            default: return false
            }
        }
    }

    var units: [Unit]

    /// One flag per unit of a run, as the bits of one word: no array to allocate per run. A run
    /// holds fewer than 64 units (``maximumUnits``, plus at most the three a last step adds).
    struct UnitFlags {
        private var bits: UInt64 = 0

        subscript(index: Int) -> Bool {
            get { bits & (1 << UInt64(index)) != 0 }
            set {
                if newValue { bits |= 1 << UInt64(index) } else { bits &= ~(1 << UInt64(index)) }
            }
        }
    }

    /// Connectors allowed between capitalised words of one run.
    static let connectors: WordSet = [
        "of", "for", "on", "the", "and", "&", "de", "del", "della", "der", "den", "van", "von", "da", "dos", "das",
        "du", "la", "le", "bin", "bint", "ibn", "al", "el", "y",
    ]
    /// Connectors that may sit inside a person's name.
    static let nameParticles: WordSet = [
        "de", "del", "della", "der", "den", "van", "von", "da", "dos", "das", "du", "la", "le", "bin", "bint", "ibn", "al", "el", "y",
    ]
    static let maximumUnits = 24
    /// Month abbreviations that are also given names ("Jan Hatzius"); a date has a number or a dot after them.
    static let monthAbbreviations: WordSet = ["Jan", "Mar", "Jun", "Jul", "Aug", "Oct", "Nov", "Dec", "Sept"]
    /// Titles written with a dot that does not end the sentence.
    static let abbreviatedTitles: WordSet = [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Sen", "Rep", "Gov", "Capt", "Sgt", "Adm", "Cmdr", "Rev", "Amb", "St",
    ]
}

/// Finds gazetteer phrases and name runs in one tokenised sentence stream.
struct NameRunScanner {
    let gazetteer: Gazetteer
    let tokens: [EntityToken]
    /// For each token that starts a gazetteer match, the index of its phrase in `spanEntries`; else -1.
    private var spanStarts: [Int32]
    private var spanEntries: [(last: Int, phrase: Gazetteer.Phrase)] = []
    /// The segment is written in capitals throughout: case says nothing about names.
    let allCapitals: Bool

    init(gazetteer: Gazetteer, tokens: [EntityToken]) {
        self.gazetteer = gazetteer
        self.tokens = tokens
        var letters = 0
        var capitals = 0
        for token in tokens where token.isWord {
            letters += 1
            if token.isAllCaps { capitals += 1 }
        }
        allCapitals = letters >= 4 && capitals * 10 >= letters * 8
        spanStarts = [Int32](repeating: -1, count: tokens.count)
        findGazetteerPhrases()
    }

    /// The gazetteer match starting at token `index`, if any.
    func gazetteerSpan(at index: Int) -> (last: Int, phrase: Gazetteer.Phrase)? {
        let slot = spanStarts[index]
        return slot < 0 ? nil : spanEntries[Int(slot)]
    }

    private mutating func findGazetteerPhrases() {
        var index = 0
        while index < tokens.count {
            // Lower-case words only start acronyms written in lower case ("dpa"). (Fields are read
            // in place: a copy of the token would retain and release its two strings.)
            guard tokens[index].isWord, tokens[index].isCapitalised || allCapitals
                    || gazetteer.lowercasePhraseStarts.contains(tokens[index].key) else {
                index += 1
                continue
            }
            if tokens[index].isCapitalised, let prefix = Self.hyphenatedAdjectivePrefix(tokens[index]),
               let phrase = gazetteer.phrasesByFirstToken[Gazetteer.fold(String(prefix))]?.first(where: { $0.tokens.count == 1 && $0.exactSurface == nil }) {
                // "Stockholm-based": a mention of Stockholm.
                spanStarts[index] = Int32(spanEntries.count)
                spanEntries.append((index, phrase))
                index += 1
                continue
            }
            guard let phrases = gazetteer.phrasesByFirstToken[tokens[index].key] else {
                index += 1
                continue
            }
            var matched = false
            for phrase in phrases where matches(phrase, at: index) {
                spanStarts[index] = Int32(spanEntries.count)
                spanEntries.append((index + phrase.tokens.count - 1, phrase))
                index += phrase.tokens.count
                matched = true
                break
            }
            if !matched { index += 1 }
        }
    }

    private func matches(_ phrase: Gazetteer.Phrase, at start: Int) -> Bool {
        let end = start + phrase.tokens.count
        guard end <= tokens.count else { return false }
        if let surface = phrase.exactSurface {
            // Acronyms: exactly as written, and never in all-capital text where "US" may be "us".
            return !allCapitals && phrase.tokens.count == 1 && tokens[start].text == surface
        }
        // (Tokens read in place: a copy would retain and release their strings.)
        for offset in 0..<phrase.tokens.count {
            let index = start + offset
            guard tokens[index].key == phrase.tokens[offset] else { return false }
            if offset > 0, tokens[index].start - tokens[index - 1].end > 1 { return false }
            if tokens[index].isWord, !allCapitals, !tokens[index].isCapitalised, !NameRun.connectors.contains(tokens[index].key) {
                return false
            }
        }
        // A capitalised single word is not a name just because it starts a sentence: the
        // demonym "Polish" or a city like "Nice" still needs to be written with a capital.
        return true
    }

    /// Whether a unit (and so a run) may start at token `index`: a gazetteer match starts there,
    /// or a capitalised word in text that is not all capitals. A cheap test that lets a scan skip
    /// the lower-case words, most of a text, without building anything.
    @inline(__always)
    func mayStartUnit(at index: Int) -> Bool {
        spanStarts[index] >= 0 || (tokens[index].isWord && tokens[index].isCapitalised && !allCapitals)
    }

    /// The unit starting at token `index`, if that token can be part of a name run.
    func unit(at index: Int) -> NameRun.Unit? {
        guard index < tokens.count else { return nil }
        if let span = gazetteerSpan(at: index) {
            return NameRun.Unit(first: index, last: span.last, tag: .gazetteer(span.phrase))
        }
        // Checked in place first: most tokens asked about are not capitalised, and a copy of the
        // token would retain and release its two strings.
        guard tokens[index].isWord, tokens[index].isCapitalised, !allCapitals else { return nil }
        let token = tokens[index]
        guard Self.hyphenatedAdjectivePrefix(token) == nil else { return nil }
        let unit = { (tag: NameRun.Tag) in NameRun.Unit(first: index, last: index, tag: tag) }
        guard let word = gazetteer.wordClasses[token.text] ?? (token.hasHyphen ? hyphenatedTitle(token.text) : nil) else {
            if token.sentenceStart && gazetteer.nonNameKeys.contains(token.key) { return nil }
            // "Nurse Achieng Odhiambo", "Farmer Ruth Obi": a role noun written as a title before a name.
            if gazetteer.roleNouns.contains(token.key), index + 1 < tokens.count, tokens[index + 1].isWord,
               tokens[index + 1].isCapitalised, tokens[index + 1].start == token.end + 1,
               index == 0 || !tokens[index - 1].isCapitalised || tokens[index - 1].end + 1 < token.start {
                return unit(.titleHead)
            }
            return unit(.name)
        }
        switch word.title {
        case .honorific?: return unit(.honorific)
        case .titleHead?: return unit(.titleHead)
        case .descriptor? where !word.isOrganisationHead: return unit(.descriptor)
        case .titleModifier? where !word.isOrganisationHead, .roleNoun? where !word.isOrganisationHead:
            return unit(.titleModifier)
        default: break
        }
        // "Park Min-seo" and "Park said" are a name, "Goodison Park" a place.
        let afterCapitalised = index > 0 && tokens[index - 1].isCapitalised && tokens[index - 1].end + 1 == token.start
        let beforeCapitalised = index + 1 < tokens.count && tokens[index + 1].isCapitalised && tokens[index + 1].start == token.end + 1
        let isFamilyName = gazetteer.familyNames[token.key] != nil
        let familyNameFirst = isFamilyName && (beforeCapitalised || !afterCapitalised)
        if word.isOrganisationHead && !familyNameFirst { return unit(.organisationHead) }
        if word.isPlaceHead && !familyNameFirst { return unit(.placeHead) }
        if word.isOrganisationSuffix {
            guard index > 0, tokens[index - 1].isCapitalised || tokens[index - 1].isMark(",") else { return nil }
            return unit(.organisationSuffix)
        }
        // A word that is no name may still be one here; each reason is looked into only when the
        // ones before it do not hold.
        if word.isNonName {
            // "Oh" is an interjection, but "Oh Su-bin" is a name.
            let isName = isFamilyName && index + 1 < tokens.count && tokens[index + 1].isCapitalised
                // "People" is no name, but "People's Bank" is.
                || index + 2 < tokens.count && tokens[index + 1].isPossessive
                && gazetteer.wordClasses[tokens[index + 2].text]?.isOrganisationHead == true
                // A name that is also a word: "Theresa May". "Education Workers", "Port Workers'":
                // a plural after a field or head word in a name.
                || index > 0 && tokens[index - 1].isCapitalised && tokens[index - 1].end + 1 == token.start
                && !token.sentenceStart && tokens[index - 1].isWord
                && (gazetteer.wordClasses[tokens[index - 1].text].map(Self.qualifiesFollowingWord) ?? true)
                // An abbreviation before a name: "Jan Hatzius".
                || NameRun.monthAbbreviations.contains(token.text) && index + 1 < tokens.count && tokens[index + 1].isWord
                && tokens[index + 1].isCapitalised && tokens[index + 1].start == token.end + 1
            if !isName { return nil }
        }
        return unit(.name)
    }

    /// Endings that make a hyphenated word an adjective: "Zurich-based", "Kremlin-backed".
    static let adjectiveEndings: Set<Substring> = [
        "based", "born", "led", "backed", "owned", "run", "made", "bound", "controlled", "linked", "listed",
        "registered", "headquartered", "style", "era", "speaking", "wide", "funded", "sponsored", "allied",
        "aligned", "friendly", "bred", "raised", "trained", "educated", "built", "designed", "produced",
    ]

    /// "Zurich" for "Zurich-based"; nil for words that are not such adjectives.
    static func hyphenatedAdjectivePrefix(_ word: String) -> Substring? {
        guard hasHyphen(word), let hyphen = word.lastIndex(of: "-") else { return nil }
        let ending = word[word.index(after: hyphen)...]
        return adjectiveEndings.contains(ending) ? word[..<hyphen] : nil
    }

    /// "Zurich" for a token "Zurich-based"; nil for tokens that are not such adjectives.
    @inline(__always)
    static func hyphenatedAdjectivePrefix(_ token: EntityToken) -> Substring? {
        token.hasHyphen ? hyphenatedAdjectivePrefix(token.text) : nil
    }

    /// Whether `word` holds an ASCII hyphen (a byte scan; `utf8.contains` walks an iterator).
    @inline(__always)
    static func hasHyphen(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { $0.contains(0x2D) }
    }

    /// Hyphenated titles: "Secretary-General", "Vice-Minister".
    private func hyphenatedTitle(_ word: String) -> Gazetteer.WordClass? {
        guard Self.hasHyphen(word), let (first, last) = Self.outerParts(word) else { return nil }
        let kinds = [gazetteer.wordKinds[String(first)], gazetteer.titleWordKind(capitalising: last)]
        if kinds.contains(.titleHead) { return Gazetteer.WordClass(title: .titleHead) }
        return kinds.contains(.titleModifier) ? Gazetteer.WordClass(title: .titleModifier) : nil
    }

    /// The first and last of the non-empty parts between hyphens ("Vice" and "Minister" in
    /// "Vice-Minister"), as `split(separator: "-")` gives them, without splitting a word that
    /// neither starts nor ends with a hyphen (every token).
    static func outerParts(_ word: String) -> (first: Substring, last: Substring)? {
        guard let firstHyphen = word.firstIndex(of: "-"), let lastHyphen = word.lastIndex(of: "-"),
              firstHyphen != word.startIndex, word.index(after: lastHyphen) != word.endIndex else {
            let parts = word.split(separator: "-")
            guard let first = parts.first, let last = parts.last else { return nil }
            return (first, last)
        }
        // Empty parts between two hyphens are skipped, as split skips them.
        return (word[..<firstHyphen], word[word.index(after: lastHyphen)...])
    }

    /// Whether the comma at `comma` separates words of one organisation name: capitalised words,
    /// commas and a final "and" follow, and the run or those words hold an organisation head.
    private func commaContinuesOrganisation(at comma: Int, units: [NameRun.Unit]) -> Bool {
        var sawAnd = false
        // "Lindqvist, Haas & Partner": names joined by "&" are a firm's.
        var sawAmpersand = false
        var sawHead = units.contains { if case .organisationHead = $0.tag { return true } else { return false } }
        var index = comma + 1
        while index < tokens.count, index <= comma + 12 {
            let token = tokens[index]
            if token.isWord && token.isCapitalised {
                if gazetteer.wordClasses[token.text]?.isOrganisationHead == true { sawHead = true }
                if sawAnd && (sawHead || sawAmpersand) { return true }
            } else if sawAnd {
                return sawHead
            } else if token.key == "and" || token.isMark("&") {
                sawAnd = true
                sawAmpersand = token.isMark("&")
            } else if !token.isMark(",") {
                return false
            }
            index += 1
        }
        return false
    }

    /// Whether a word of this class may stand before a plural that is otherwise no name:
    /// a field or head word ("Education Workers"), not a title ("President Members").
    private static func qualifiesFollowingWord(_ word: Gazetteer.WordClass) -> Bool {
        switch word.title {
        case .descriptor?: return true
        case nil: return word.isOrganisationHead || word.isPlaceHead
        default: return false
        }
    }

    /// Whether an organisation head word is among the next few capitalised words from token `index`:
    /// "Port Workers' | Solidarity Front".
    private func organisationHeadFollows(from index: Int) -> Bool {
        var cursor = index
        while cursor < tokens.count, cursor < index + 3, tokens[cursor].isWord, tokens[cursor].isCapitalised {
            if gazetteer.wordClasses[tokens[cursor].text]?.isOrganisationHead == true { return true }
            cursor += 1
        }
        return false
    }

    /// The run starting at token `index`, or nil when no run starts there.
    func run(at index: Int) -> NameRun? {
        guard let first = unit(at: index) else { return nil }
        var units = [first]
        // "Zurich-based" names a place but joins no name around it.
        if Self.hyphenatedAdjectivePrefix(tokens[index]) != nil { return NameRun(units: units) }
        var next = first.last + 1
        while units.count < NameRun.maximumUnits, next < tokens.count {
            // Read in place: a copy of a token would retain and release its two strings.
            if tokens[next].sentence != tokens[next - 1].sentence && tokens[next].isWord { break }
            // An initial's or abbreviated title's dot: "John F. Kennedy", "Dr. Lee".
            if tokens[next].isMark("."), tokens[next].start == tokens[next - 1].end, tokens[next - 1].isWord, tokens[next - 1].isCapitalised,
               tokens[next - 1].end - tokens[next - 1].start == 1 || NameRun.abbreviatedTitles.contains(tokens[next - 1].text),
               let after = unit(at: next + 1) {
                units.append(NameRun.Unit(first: next, last: next, tag: .initialDot))
                units.append(after)
                next = after.last + 1
                continue
            }
            if let following = unit(at: next), !tokens[next].sentenceStart, Self.hyphenatedAdjectivePrefix(tokens[next]) == nil {
                units.append(following)
                next = following.last + 1
                continue
            }
            // A possessive inside an organisation's name: "People's Bank of China", "Farmers' Association".
            let pluralPossessive = tokens[next].isApostrophe && tokens[next].start == tokens[next - 1].end && tokens[next - 1].key.hasSuffix("s")
            if tokens[next].isPossessive || pluralPossessive, let last = units.last, last.isName, let following = unit(at: next + 1),
               organisationHeadFollows(from: next + 1) {
                units.append(NameRun.Unit(first: next, last: next, tag: .connector))
                units.append(following)
                next = following.last + 1
                continue
            }
            // A comma inside an organisation's name: "Ministry of Culture, Sports and Tourism".
            if tokens[next].isMark(","), commaContinuesOrganisation(at: next, units: units), let following = unit(at: next + 1) {
                units.append(NameRun.Unit(first: next, last: next, tag: .connector))
                units.append(following)
                next = following.last + 1
                continue
            }
            // Up to two connectors between capitalised words ("Ministry of the Interior").
            var cursor = next
            while cursor < tokens.count, cursor - next < 2,
                  tokens[cursor].isWord && !tokens[cursor].isCapitalised && NameRun.connectors.contains(tokens[cursor].key)
                    || tokens[cursor].isMark("&") {
                cursor += 1
            }
            if cursor > next, let following = unit(at: cursor), !tokens[cursor].sentenceStart {
                for connector in next..<cursor {
                    units.append(NameRun.Unit(first: connector, last: connector, tag: .connector))
                }
                units.append(following)
                next = following.last + 1
                continue
            }
            break
        }
        // A run does not end on a connector or a dot.
        while let last = units.last, case .connector = last.tag { units.removeLast() }
        return NameRun(units: units)
    }
}
