/// Reads who a quote is attributed to from the words around a cue verb.
///
/// The speaker is the phrase next to the cue: a run of capitalised words before it
/// (`Funakoshi said`, `Foreign Minister Park Jin told reporters`), skipping adverbs and one
/// comma-enclosed apposition (`Kim, the envoy, said`); or after it in an inversion
/// (`said Funakoshi`, `said the minister`, `according to the ministry`); a pronoun; or a
/// common-noun phrase (`the minister`, `a ministry spokesman`). A participle (`adding`, `saying`)
/// or a cue joined by `and` has no subject of its own and inherits the previous speaker.
enum Attribution {
    /// What stands for the speaker in the text.
    enum Phrase: Sendable, Hashable {
        /// Capitalised words as written ("Foreign", "Minister", "Park", "Jin").
        case name([String])
        /// "he", "she", "they"...
        case pronoun(String)
        /// A common-noun phrase: its words (lowercased) and whether it is definite ("the minister").
        case role(words: [String], capitalised: [String], definite: Bool)
        /// No subject of its own: the previous speaker.
        case inherited
    }

    /// A cue and its speaker.
    struct Cue: Sendable, Hashable {
        /// The cue's first token.
        var token: Int
        /// The cue as written ("said", "according to").
        var text: String
        /// Who it points at, if anything.
        var phrase: Phrase?
    }

    /// Verbs of saying (all forms used as cues).
    static let cueVerbs: Set<String> = [
        "said", "says", "say", "saying", "told", "tells", "telling", "added", "adds", "adding", "stated", "states",
        "stating", "noted", "notes", "noting", "warned", "warns", "warning", "stressed", "stresses", "stressing",
        "explained", "explains", "explaining", "asked", "asks", "asking", "wrote", "writes", "writing", "insisted",
        "insists", "insisting", "argued", "argues", "arguing", "claimed", "claiming", "announced", "announces",
        "announcing", "declared", "declares", "declaring", "urged", "urges", "urging", "emphasised", "emphasized",
        "emphasising", "emphasizing", "reiterated", "reiterating", "replied", "responded", "recalled", "tweeted",
        "admitted", "acknowledged", "confirmed", "denied", "vowed", "vowing", "pledged", "pledging", "promised",
        "concluded", "remarked", "observed", "commented", "maintained", "cautioned", "predicted", "suggested",
        "described", "describing", "called", "calling", "labelled", "labeled", "accused", "accusing", "condemned",
        "criticised", "criticized", "denounced", "praised", "welcomed", "reported", "quoted", "continued",
        "highlighted", "underscored", "underlined", "pointed", "expressed",
    ]

    /// ``cueVerbs`` as a ``WordSet``, for the test on every word of a text.
    static let cueVerbWords = WordSet(cueVerbs)

    /// Cues whose object follows them ("told reporters", "asked the minister"): no speaker after them.
    static let objectCues: Set<String> = [
        "told", "tells", "telling", "asked", "asks", "asking", "urged", "urges", "urging", "accused", "accusing",
        "praised", "welcomed", "called", "calling", "described", "describing", "labelled", "labeled", "condemned",
        "criticised", "criticized", "denounced",
    ]

    static let pronouns: Set<String> = ["he", "she", "they", "it", "we", "i"]
    /// Words between a subject and its cue that are not part of the subject.
    static let skippable: Set<String> = [
        "also", "later", "then", "further", "previously", "had", "has", "have", "was", "is", "were", "once",
        "reportedly", "again", "earlier", "separately", "recently", "repeatedly", "would", "will", "has",
        "quickly", "publicly", "openly", "simply", "just", "had", "only", "firmly", "clearly", "directly",
    ]
    static let determiners: Set<String> = ["the", "a", "an", "his", "her", "its", "their", "our", "this", "that"]
    static let connectors: Set<String> = ["of", "for", "and", "in", "de", "van", "von", "der", "bin", "al", "da", "di", "le", "la", "du"]

    /// "Funakoshi last week said": the period and the word before it, skipped between subject and cue.
    static let periodWords: WordSet = ["week", "month", "year"]
    static let periodQualifiers: WordSet = ["last", "this", "earlier"]
    /// "the ministry yesterday said": skipped between subject and cue.
    static let dayWords: WordSet = ["yesterday", "today", "tonight"]
    /// "Superintendent Jang of the agency’s cyber bureau": the words that tie a person to a body.
    static let affiliationWords: WordSet = ["of", "at", "from"]

    /// Whether token `i` is a cue; "according to" counts as one cue.
    static func cue(at i: Int, in t: [TextTokens.Token]) -> Bool {
        guard t[i].kind == .word else { return false }
        if cueVerbWords.contains(t[i].lower) { return true }
        // The length first: most words are not "according", and most differ in length.
        return t[i].lower.utf8.count == 9 && t[i].lower == "according" && i + 1 < t.count && t[i + 1].lower == "to"
    }

    /// The cue at token `i` with its speaker phrase, reading only tokens in `bounds`.
    /// - Parameters:
    ///   - inversion: whether a speaker may follow the cue (`"…," said Kim`); true after a quote.
    ///     A cue that opens the words after a quote takes the name after it even when it usually
    ///     takes an object (`"Why now?" asked Kim`).
    ///   - isKnown: whether capitalised words name a known person or organisation.
    static func read(
        cueAt i: Int, in text: TextTokens, bounds: Range<Int>, inversion: Bool, isKnown: ([String]) -> Bool
    ) -> Cue {
        let t = text.tokens
        if t[i].lower == "according" {
            return Cue(token: i, text: text.text(tokens: i, through: i + 1), phrase: following(i + 2, in: text, bounds: bounds))
        }
        let written = text.text(tokens: i, through: i)
        let verb = t[i].lower
        let participle = verb.hasSuffix("ing")
        let joined = i - 1 >= bounds.lowerBound && (t[i - 1].lower == "and" || t[i - 1].isMark(","))
        // "…, adding, …" / "… and added": no subject of its own.
        if participle && joined || i - 1 >= bounds.lowerBound && t[i - 1].lower == "and" {
            return Cue(token: i, text: written, phrase: .inherited)
        }
        if let before = preceding(i - 1, in: text, bounds: bounds, isKnown: isKnown) {
            return Cue(token: i, text: written, phrase: before)
        }
        let opensFrame = (bounds.lowerBound..<i).allSatisfy { t[$0].kind == .mark }
        if inversion, opensFrame || !objectCues.contains(verb), let after = following(i + 1, in: text, bounds: bounds) {
            return Cue(token: i, text: written, phrase: after)
        }
        return Cue(token: i, text: written, phrase: participle || joined ? .inherited : nil)
    }

    /// The subject ending at token `start` (going left), across one comma-enclosed apposition:
    /// "Lisa Brennan, a retired teacher, said" and "A spokesperson, Liang Wenqiao, said" both work.
    private static func preceding(_ start: Int, in text: TextTokens, bounds: Range<Int>, isKnown: ([String]) -> Bool) -> Phrase? {
        let t = text.tokens
        var k = start
        var moved = true
        while moved, k >= bounds.lowerBound {
            moved = false
            while k >= bounds.lowerBound, t[k].kind == .word, skippable.contains(t[k].lower) { k -= 1; moved = true }
            // "Funakoshi on Tuesday said", "the ministry last week called"
            if k - 1 >= bounds.lowerBound, DateExpressions.weekdays[t[k].lower] != nil, t[k - 1].lower == "on" { k -= 2; moved = true }
            if k - 1 >= bounds.lowerBound, periodWords.contains(t[k].lower),
                periodQualifiers.contains(t[k - 1].lower)
            {
                k -= 2
                moved = true
            }
            if k >= bounds.lowerBound, dayWords.contains(t[k].lower) { k -= 1; moved = true }
            // "the Korean Central News Agency (KCNA) said"
            if k >= bounds.lowerBound, t[k].isMark(")"),
                let open = (max(bounds.lowerBound, k - 8)..<k).last(where: { t[$0].isMark("(") })
            {
                k = open - 1
                moved = true
            }
        }
        guard k >= bounds.lowerBound else { return nil }
        guard t[k].isMark(","), k - 1 >= bounds.lowerBound else { return subject(endingAt: k, in: text, bounds: bounds) }
        var m = k - 1
        while m >= bounds.lowerBound, m > k - 30, !(t[m].isMark(",") && !isDigitComma(m, in: t)) { m -= 1 }
        let hasOpeningComma = m >= bounds.lowerBound && m > k - 30
        let segmentBounds = (hasOpeningComma ? m + 1 : bounds.lowerBound)..<k
        let segment: Phrase? = isNameEnd(k - 1, in: t)
            ? .name(nameRun(endingAt: k - 1, in: text, bounds: segmentBounds)) : nil
        let before = hasOpeningComma && m - 1 >= bounds.lowerBound ? subject(endingAt: m - 1, in: text, bounds: bounds) : nil
        if case .name(let words)? = segment, isKnown(words) { return segment }
        switch before {
        case .name?, .pronoun?: return before
        default: return segment ?? before
        }
    }

    /// A comma inside a number ("86,000").
    private static func isDigitComma(_ m: Int, in t: [TextTokens.Token]) -> Bool {
        m > 0 && m + 1 < t.count && t[m - 1].kind == .number && t[m + 1].kind == .number && !t[m + 1].spaceBefore
    }

    /// A token that can end a name: a capitalised word, or a word glued after a hyphen ("Min-ji").
    /// A hyphen inside a word, or a number before one: the "24" and "-" of "24-year-old".
    private static func isGluedToWord(_ m: Int, in t: [TextTokens.Token]) -> Bool {
        if t[m].isMark("-") { return !t[m].spaceBefore }
        return t[m].kind == .number && m + 1 < t.count && t[m + 1].isMark("-") && !t[m + 1].spaceBefore
    }

    /// Not "the 24-year-old": the part before the hyphen is capitalised too.
    private static func isNameEnd(_ k: Int, in t: [TextTokens.Token]) -> Bool {
        t[k].kind == .word
            && (t[k].isCapitalised || !t[k].spaceBefore && k > 1 && t[k - 1].isMark("-") && t[k - 2].isCapitalised)
    }

    /// A pronoun, a name or a common-noun phrase ending at token `k`.
    private static func subject(endingAt k: Int, in text: TextTokens, bounds: Range<Int>) -> Phrase? {
        let t = text.tokens
        guard k >= bounds.lowerBound, t[k].kind == .word else { return nil }
        if pronouns.contains(t[k].lower) { return .pronoun(t[k].lower) }
        if isNameEnd(k, in: t) { return .name(nameRun(endingAt: k, in: text, bounds: bounds)) }
        // A common-noun phrase back to its determiner: "the minister", "a ministry spokesman".
        var m = k
        var words: [String] = []
        var capitalised: [String] = []
        while m >= bounds.lowerBound, m > k - 8, t[m].kind == .word || isGluedToWord(m, in: t) {
            // "the 24-year-old": numbers and hyphens glued to words are part of the noun.
            guard t[m].kind == .word else {
                m -= 1
                continue
            }
            let w = t[m].lower
            if t[m].isCapitalised, !determiners.contains(w) {
                capitalised.append(text.text(tokens: m, through: m))
            }
            let possessive = w.hasSuffix("’s") || w.hasSuffix("'s")
            if determiners.contains(w) || possessive {
                // "Superintendent Jang of the agency’s cyber bureau told": the person before "of the".
                var p = possessive && m - 1 >= bounds.lowerBound && t[m - 1].lower == "the" ? m - 1 : m
                if determiners.contains(t[p].lower) || possessive { p -= 1 }
                if p - 1 >= bounds.lowerBound, affiliationWords.contains(t[p].lower), isNameEnd(p - 1, in: t) {
                    return .name(nameRun(endingAt: p - 1, in: text, bounds: bounds))
                }
                // "the country’s foreign minister", "Japan’s foreign minister", "a ministry spokesman";
                // a lower-case possessor is a word of the phrase ("the bank’s policy committee").
                if possessive, !t[m].isCapitalised { words.append(SpeakerResolver.possessiveStripped(w)) }
                return .role(
                    words: words.reversed(), capitalised: capitalised.reversed(), definite: possessive || w != "a" && w != "an")
            }
            words.append(w)
            m -= 1
        }
        return nil
    }

    /// The subject starting at token `k` (going right), for inversions.
    private static func following(_ start: Int, in text: TextTokens, bounds: Range<Int>) -> Phrase? {
        let t = text.tokens
        var k = start
        guard k < bounds.upperBound, t[k].kind == .word else { return nil }
        if pronouns.contains(t[k].lower) { return .pronoun(t[k].lower) }
        if t[k].isCapitalised, !determiners.contains(t[k].lower) {
            var end = k
            while end + 1 < bounds.upperBound, isNamePart(end + 1, in: t) { end += 1 }
            while end > k, connectors.contains(t[end].lower) || t[end].lower == "the" || t[end].kind == .mark { end -= 1 }
            return .name(words(k, end, in: text))
        }
        guard determiners.contains(t[k].lower) else { return nil }
        let definite = t[k].lower != "a" && t[k].lower != "an"
        k += 1
        var words: [String] = []
        var capitalised: [String] = []
        while k < bounds.upperBound, k < start + 7, t[k].kind == .word, !connectors.contains(t[k].lower) || t[k].lower == "of" {
            if t[k].lower == "of" || t[k].lower == "for" { break }
            if t[k].isCapitalised { capitalised.append(text.text(tokens: k, through: k)) }
            words.append(t[k].lower)
            k += 1
        }
        // "a spokesman for the Foreign Ministry": the organisation after "for"/"of".
        if k + 1 < bounds.upperBound, t[k].lower == "for" || t[k].lower == "of" {
            var m = k + 1
            if determiners.contains(t[m].lower) { m += 1 }
            // Connectors kept, so that the words spell the name: "Ministry", "of", "Energy", "and", "Mines".
            while m < bounds.upperBound, m < k + 10, isNamePart(m, in: t) {
                if t[m].kind == .word, t[m].isCapitalised || connectors.contains(t[m].lower) && !capitalised.isEmpty {
                    capitalised.append(text.text(tokens: m, through: m))
                }
                m += 1
            }
            while let last = capitalised.last, connectors.contains(last.lowercased()) { capitalised.removeLast() }
        }
        // "said the WFP’s country director, Anneke de Vries"
        if k + 1 < bounds.upperBound, t[k].isMark(","), t[k + 1].kind == .word, t[k + 1].isCapitalised {
            var end = k + 1
            while end + 1 < bounds.upperBound, isNamePart(end + 1, in: t) { end += 1 }
            while end > k + 1, connectors.contains(t[end].lower) || t[end].lower == "the" || t[end].kind == .mark { end -= 1 }
            return .name(Self.words(k + 1, end, in: text))
        }
        return words.isEmpty ? nil : .role(words: words, capitalised: capitalised, definite: definite)
    }

    /// Capitalised words ending at `k`, joined by connectors ("Ministry of Foreign Affairs").
    private static func nameRun(endingAt k: Int, in text: TextTokens, bounds: Range<Int>) -> [String] {
        let t = text.tokens
        var first = k
        while first - 1 >= bounds.lowerBound, first > k - 14, !t[first].lineBreakBefore,
            isNamePart(first - 1, in: t) || commaInsideOrganisation(first - 1, in: t, bounds: bounds)
        {
            first -= 1
        }
        while first < k, t[first].kind != .word || connectors.contains(t[first].lower) || t[first].lower == "the" { first += 1 }
        return words(first, k, in: text)
    }

    /// Whether the comma at `comma` is inside an organisation's name, as in "Ministry of Trade,
    /// Industry and Energy": capitalised words and connectors lead back from it to "<Head> of".
    private static func commaInsideOrganisation(_ comma: Int, in t: [TextTokens.Token], bounds: Range<Int>) -> Bool {
        guard t[comma].isMark(","), comma + 1 < t.count, t[comma + 1].isCapitalised else { return false }
        var m = comma - 1
        while m - 1 >= bounds.lowerBound, m > comma - 10, t[m].kind == .word || t[m].isMark(",") {
            if t[m].lower == "of", t[m - 1].isCapitalised, SpeakerResolver.organisationNouns.contains(t[m - 1].lower) { return true }
            guard t[m].isCapitalised || t[m].isMark(",") || connectors.contains(t[m].lower) else { return false }
            m -= 1
        }
        return false
    }

    /// The words of tokens `first...last`, tokens written without a space between them kept together
    /// ("Min-ji", "U.S."), pure punctuation dropped.
    private static func words(_ first: Int, _ last: Int, in text: TextTokens) -> [String] {
        let t = text.tokens
        var words: [String] = []
        var groupStart = first
        for i in first...last where i == last || t[i + 1].spaceBefore {
            if (groupStart...i).contains(where: { t[$0].kind == .word }) { words.append(text.text(tokens: groupStart, through: i)) }
            groupStart = i + 1
        }
        return words
    }

    /// A token that can be inside a name: a capitalised word, a connector, a hyphen or an initial's dot.
    private static func isNamePart(_ i: Int, in t: [TextTokens.Token]) -> Bool {
        let token = t[i]
        switch token.kind {
        case .word:
            // "the" only after "of": "Ministry of the Interior", "Marie Tremblay of the Federal Court".
            return token.isCapitalised || connectors.contains(token.lower) || token.lower == "the" && i > 0 && t[i - 1].lower == "of"
                || SpeakerResolver.organisationNouns.contains(token.lower) && i > 0 && t[i - 1].isCapitalised
                || !token.spaceBefore && i > 0 && t[i - 1].isMark("-")
        case .mark:
            return (token.isMark(".") && i > 0 && t[i - 1].end - t[i - 1].start == 1) || (token.isMark("-") && !token.spaceBefore)
                // A plural possessive inside a name: "Farmers' Association".
                || (token.isMark("'") || token.isMark("\u{2019}")) && !token.spaceBefore && i > 0 && t[i - 1].kind == .word
                    && t[i - 1].lower.hasSuffix("s")
        case .number: return false
        }
    }
}
