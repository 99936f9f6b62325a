/// A word or punctuation mark of a text segment, with its position in Unicode scalars.
struct EntityToken: Sendable {
    enum Kind: Sendable { case word, punctuation }

    /// Scalar offset of the first scalar in the segment.
    var start: Int
    /// Scalar offset just past the last scalar.
    var end: Int
    /// As written.
    var text: String
    /// Folded for lookups (see ``Gazetteer/fold(_:)``).
    var key: String
    var kind: Kind
    /// Starts with an upper-case letter ("Kim", "US", "al-Assad" counts through its particle).
    var isCapitalised: Bool
    /// Two or more letters, all upper-case ("IAEA", "U.S.").
    var isAllCaps: Bool
    /// First word of a sentence, or first word inside an opening quote.
    var sentenceStart = false
    /// First word after a line break.
    var paragraphStart = false
    /// Index of the sentence in the segment.
    var sentence = 0

    var isWord: Bool { kind == .word }
}

/// Splits text into words and punctuation over Unicode scalars and marks sentence starts.
///
/// Words are runs of letters, digits and combining marks; a hyphen or apostrophe between letters
/// keeps a word whole ("Hwasong-17", "O'Brien"), but a possessive "'s" becomes its own token.
/// Dotted acronyms ("U.S.") are one word. A sentence ends at ".", "!", "?" or "…" unless the word
/// before is an abbreviation or an initial, and at every line break.
enum EntityTokenizer {
    private static let abbreviations: WordSet = [
        "mr", "mrs", "ms", "dr", "st", "prof", "gen", "lt", "col", "sen", "rep", "gov", "jr", "sr", "no",
        "inc", "co", "corp", "ltd", "vs", "etc", "capt", "sgt", "adm", "cmdr", "mt", "ft", "ave", "jan", "feb",
        "aug", "sept", "sep", "oct", "nov", "dec", "messrs", "rev", "amb", "supt", "insp", "pres", "fig",
    ]

    static func tokenize(_ text: String) -> [EntityToken] {
        tokenize(ScalarText(text))
    }

    static func tokenize(_ text: ScalarText) -> [EntityToken] {
        var tokens: [EntityToken] = []
        tokens.reserveCapacity(text.scalars.count / 5)
        text.scalars.withUnsafeBufferPointer { scalars in
            var index = 0
            var lineBreakPending = true
            let count = scalars.count
            while index < count {
                let scalar = scalars[index]
                if isWhitespace(scalar) {
                    if scalar == "\n" || scalar == "\r" || scalar == "\u{2029}" { lineBreakPending = true }
                    index += 1
                    continue
                }
                // Each token is built in the array: a local copy would retain and release its strings.
                if isWordScalar(scalar) {
                    let start = index
                    index = wordEnd(scalars, from: index)
                    tokens.append(makeWord(text, scalars, start, index))
                } else if isApostrophe(scalar), index + 1 < count, scalars[index + 1] == "s" || scalars[index + 1] == "S",
                          index + 2 >= count || !isWordScalar(scalars[index + 2]), !tokens.isEmpty, tokens[tokens.count - 1].end == index {
                    tokens.append(EntityToken(start: index, end: index + 2, text: "'s", key: "'s", kind: .punctuation,
                                              isCapitalised: false, isAllCaps: false))
                    index += 2
                } else {
                    let mark = text.string(index, index + 1)
                    tokens.append(EntityToken(start: index, end: index + 1, text: mark, key: isApostrophe(scalar) ? "'" : mark,
                                              kind: .punctuation, isCapitalised: false, isAllCaps: false))
                    index += 1
                }
                tokens[tokens.count - 1].paragraphStart = lineBreakPending
                lineBreakPending = false
            }
            markSentences(&tokens, scalars)
        }
        return tokens
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return ScalarClasses.shared.flags(scalar).contains(.word)
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
        return ScalarClasses.shared.flags(scalar).contains(.whitespace)
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value | 0x20
            return v >= 0x61 && v <= 0x7A
        }
        return ScalarClasses.shared.flags(scalar).contains(.letter)
    }

    private static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "\u{2019}" }

    private static func isHyphen(_ scalar: Unicode.Scalar) -> Bool { scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}" }

    private static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value >= 0x41 && scalar.value <= 0x5A }
        return ScalarClasses.shared.flags(scalar).contains(.upper)
    }

    /// The end of the word starting at `start`.
    private static func wordEnd(_ s: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> Int {
        var i = start
        let count = s.count
        while i < count {
            if isWordScalar(s[i]) { i += 1; continue }
            guard i + 1 < count, isWordScalar(s[i + 1]) else { break }
            if isHyphen(s[i]) { i += 1; continue }
            if isApostrophe(s[i]) {
                // A possessive "'s" at the end of a word is split off.
                let isPossessive = (s[i + 1] == "s" || s[i + 1] == "S") && (i + 2 >= count || !isWordScalar(s[i + 2]))
                if isPossessive { break }
                i += 1
                continue
            }
            // A web domain keeps its ending: "Amazon.com".
            if s[i] == ".", let ending = domainEnding(s, from: i + 1) {
                i = ending
                continue
            }
            // Dotted acronym: single letters each followed by a dot ("U.S.", "U.N.").
            if s[i] == ".", i - start == 1 || (i >= 2 && s[i - 2] == "."), isUpper(s[i - 1]), isUpper(s[i + 1]),
               i + 2 < count, s[i + 2] == "." {
                i += 3
                continue
            }
            break
        }
        return i
    }

    private static let domainEndings: WordSet = ["com", "org", "net", "io", "co", "ai", "gov", "edu"]

    /// The end of a domain ending starting at `start` ("com" in "Amazon.com"), if there is one.
    private static func domainEnding(_ s: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> Int? {
        var end = start
        while end < s.count, end - start < 4, s[end].isASCII, s[end].properties.isLowercase { end += 1 }
        guard end > start, end == s.count || !isWordScalar(s[end]) else { return nil }
        var ending = ""
        ending.unicodeScalars.append(contentsOf: s[start..<end])
        return domainEndings.contains(ending) ? end : nil
    }

    private static func makeWord(
        _ source: ScalarText, _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int, _ end: Int
    ) -> EntityToken {
        let text = source.string(start, end)
        var letters = 0
        var uppers = 0
        var firstLetterUpper: Bool?
        var afterHyphenUpper = false
        var previousHyphen = false
        var isASCII = true
        let classes = ScalarClasses.shared
        for index in start..<end {
            let scalar = scalars[index]
            let value = scalar.value
            let isLetter: Bool
            let upper: Bool
            if value < 0x80 {
                isLetter = (value | 0x20) &- 0x61 < 26
                upper = value &- 0x41 < 26
            } else {
                isASCII = false
                let flags = classes.flags(scalar)
                isLetter = flags.contains(.letter)
                upper = flags.contains(.upper)
            }
            if isLetter {
                letters += 1
                if upper { uppers += 1 }
                if firstLetterUpper == nil { firstLetterUpper = upper }
                if previousHyphen && upper { afterHyphenUpper = true }
            }
            previousHyphen = value == 0x2D || value == 0x2010 || value == 0x2011
        }
        let leadingDigit = !isLetter(scalars[start])
        var capitalised = firstLetterUpper == true && !leadingDigit
        // "al-Assad", "bin-Salman", "el-Sisi": a lower-case particle before a capitalised name.
        if !capitalised && afterHyphenUpper && firstLetterUpper == false { capitalised = true }
        // The lookup key: the text itself for lower-case ASCII, else folded (the table's folding
        // from the scalars at hand, else the general one).
        let key = isASCII ? (uppers == 0 ? text : source.lowercasedASCII(start, end))
            : FoldTable.shared.fold(scalars: scalars[start..<end]) ?? Gazetteer.fold(text)
        return EntityToken(
            start: start, end: end, text: text, key: key, kind: .word,
            isCapitalised: capitalised, isAllCaps: letters >= 2 && uppers == letters)
    }

    private static func markSentences(_ tokens: inout [EntityToken], _ scalars: UnsafeBufferPointer<Unicode.Scalar>) {
        var sentence = 0
        var startPending = true
        var previousWord = -1
        for i in tokens.indices {
            if tokens[i].paragraphStart && i > 0 {
                sentence += 1
                startPending = true
            }
            tokens[i].sentence = sentence
            if tokens[i].isWord {
                tokens[i].sentenceStart = startPending
                startPending = false
                previousWord = i
                continue
            }
            // Punctuation tokens are one scalar, except the possessive "'s" (never a sentence mark).
            guard tokens[i].end - tokens[i].start == 1 else { continue }
            let mark = scalars[tokens[i].start]
            switch mark {
            case ".", "!", "?", "\u{2026}":
                if mark == ".", previousWord >= 0, tokens[previousWord].end == tokens[i].start,
                   abbreviations.contains(tokens[previousWord].key)
                    || (tokens[previousWord].end - tokens[previousWord].start == 1 && tokens[previousWord].isCapitalised) {
                    continue
                }
                sentence += 1
                startPending = true
            case "\"", "\u{201C}", "\u{2018}", "\u{00AB}":
                // A word just inside an opening quote is capitalised like a sentence start.
                if i + 1 < tokens.count, tokens[i + 1].start == tokens[i].end { startPending = true }
            default:
                break
            }
        }
    }
}
