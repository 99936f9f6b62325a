/// A word or punctuation mark of a text segment, with its position.
struct EntityToken: Sendable {
    enum Kind: Sendable { case word, punctuation }

    /// Offset of the first Unicode scalar in the segment (the rules compare positions in scalars:
    /// "one space between two words").
    var start: Int
    /// Scalar offset just past the last scalar.
    var end: Int
    /// Byte offset of the first UTF-8 byte in the segment.
    var utf8Start: Int
    /// Byte offset just past the last byte.
    var utf8End: Int
    /// As written.
    var text: String
    /// Folded for lookups (see ``Gazetteer/fold(_:)``).
    var key: String
    var kind: Kind
    /// Starts with an upper-case letter ("Kim", "US", "al-Assad" counts through its particle).
    var isCapitalised: Bool
    /// Two or more letters, all upper-case ("IAEA", "U.S.").
    var isAllCaps: Bool
    /// Holds an ASCII hyphen ("Hwasong-17", "Zurich-based").
    var hasHyphen = false
    /// For a punctuation mark of one scalar, that scalar's value; ``possessiveMark`` for "'s";
    /// ``noMark`` for a word.
    var mark: UInt32 = EntityToken.noMark

    /// ``mark`` of a word: no scalar has this value.
    static let noMark = UInt32.max
    /// ``mark`` of the possessive "'s": no scalar has this value.
    static let possessiveMark: UInt32 = 0x11_0000
    /// First word of a sentence, or first word inside an opening quote.
    var sentenceStart = false
    /// First word after a line break.
    var paragraphStart = false
    /// Index of the sentence in the segment.
    var sentence = 0

    var isWord: Bool { kind == .word }

    /// Whether this is the punctuation mark `scalar` (`text == String(scalar)`, without
    /// comparing strings).
    @inline(__always)
    func isMark(_ scalar: Unicode.Scalar) -> Bool { mark == scalar.value }

    /// The possessive "'s".
    var isPossessive: Bool { mark == Self.possessiveMark }

    /// An apostrophe standing alone, straight or curly (key "'").
    var isApostrophe: Bool { mark == 0x27 || mark == 0x2019 }
}

/// Splits text into words and punctuation and marks sentence starts, reading the UTF-8 bytes in
/// place (``UTF8Scalars``).
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

    /// Each ASCII character as a one-character String: punctuation tokens copy these instead of
    /// decoding a String each.
    private static let asciiStrings: [String] = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }

    static func tokenize(_ text: String) -> [EntityToken] {
        tokenize(utf8: Array(text.utf8))
    }

    /// The tokens of a text given as its UTF-8 bytes (a Swift String's, so valid UTF-8).
    static func tokenize(utf8: [UInt8]) -> [EntityToken] {
        var tokens: [EntityToken] = []
        // About one token per five bytes of news text; room for more avoids copying them all.
        tokens.reserveCapacity(utf8.count / 4 + 16)
        utf8.withUnsafeBufferPointer { buffer in
            let text = UTF8Scalars(bytes: buffer)
            let count = buffer.count
            var index = 0
            var scalarIndex = 0
            var lineBreakPending = true
            while index < count {
                let (value, length) = text.scalar(at: index)
                if isWhitespace(value) {
                    if value == 0x0A || value == 0x0D || value == 0x2029 { lineBreakPending = true }
                    index += length
                    scalarIndex += 1
                    continue
                }
                // Each token is made whole and appended once (a change to it in the array would
                // check the array's uniqueness again).
                let paragraphStart = lineBreakPending
                lineBreakPending = false
                if isWordScalar(value) {
                    let start = index
                    let token: EntityToken
                    if let plain = plainWord(text, from: index) {
                        index = plain.end
                        token = asciiWord(text, start, index, uppers: plain.uppers, letters: index - start - plain.digits,
                                          scalarStart: scalarIndex, paragraphStart: paragraphStart)
                    } else {
                        index = wordEnd(text, from: index)
                        token = makeWord(text, start, index, scalarStart: scalarIndex, paragraphStart: paragraphStart)
                    }
                    scalarIndex = token.end
                    tokens.append(token)
                } else if isApostrophe(value), let end = possessiveEnd(text, apostropheEnd: index + length),
                          !tokens.isEmpty, tokens[tokens.count - 1].utf8End == index {
                    tokens.append(EntityToken(start: scalarIndex, end: scalarIndex + 2, utf8Start: index, utf8End: end,
                                              text: "'s", key: "'s", kind: .punctuation, isCapitalised: false, isAllCaps: false,
                                              mark: EntityToken.possessiveMark, paragraphStart: paragraphStart))
                    index = end
                    scalarIndex += 2
                } else {
                    let mark = value < 0x80 ? asciiStrings[Int(value)] : text.string(index, index + length)
                    tokens.append(EntityToken(start: scalarIndex, end: scalarIndex + 1, utf8Start: index, utf8End: index + length,
                                              text: mark, key: isApostrophe(value) ? "'" : mark,
                                              kind: .punctuation, isCapitalised: false, isAllCaps: false, mark: value,
                                              paragraphStart: paragraphStart))
                    index += length
                    scalarIndex += 1
                }
            }
            markSentences(&tokens)
        }
        return tokens
    }

    @inline(__always)
    private static func isWordScalar(_ value: UInt32) -> Bool {
        if value < 0x80 { return value &- 0x30 < 10 || (value | 0x20) &- 0x61 < 26 }
        return ScalarClasses.shared.flags(value: value).contains(.word)
    }

    @inline(__always)
    private static func isWhitespace(_ value: UInt32) -> Bool {
        if value < 0x80 { return value == 0x20 || value &- 0x09 < 5 }
        return ScalarClasses.shared.flags(value: value).contains(.whitespace)
    }

    @inline(__always)
    private static func isLetter(_ value: UInt32) -> Bool {
        if value < 0x80 { return (value | 0x20) &- 0x61 < 26 }
        return ScalarClasses.shared.flags(value: value).contains(.letter)
    }

    @inline(__always)
    private static func isUpper(_ value: UInt32) -> Bool {
        if value < 0x80 { return value &- 0x41 < 26 }
        return ScalarClasses.shared.flags(value: value).contains(.upper)
    }

    @inline(__always)
    private static func isApostrophe(_ value: UInt32) -> Bool { value == 0x27 || value == 0x2019 }

    @inline(__always)
    private static func isHyphen(_ value: UInt32) -> Bool { value == 0x2D || value == 0x2010 || value == 0x2011 }

    /// When an "s" or "S" that ends a word follows the apostrophe ending at byte `apostropheEnd`
    /// (a possessive "'s"), the byte offset after it.
    @inline(__always)
    private static func possessiveEnd(_ text: UTF8Scalars, apostropheEnd index: Int) -> Int? {
        guard index < text.count, text.bytes[index] == 0x73 || text.bytes[index] == 0x53 else { return nil }
        return index + 1 >= text.count || !isWordScalar(text.scalar(at: index + 1).value) ? index + 1 : nil
    }

    /// The end of the word starting at byte `start` and its counts of capitals and digits, when
    /// it is plain ASCII letters and digits (most words): nothing after it may join it. Nil when
    /// the word needs ``wordEnd(_:from:)``.
    @inline(__always)
    private static func plainWord(_ text: UTF8Scalars, from start: Int) -> (end: Int, uppers: Int, digits: Int)? {
        var index = start
        var uppers = 0
        var digits = 0
        while index < text.count {
            let byte = text.bytes[index]
            if (byte | 0x20) &- 0x61 < 26 {
                uppers &+= byte < 0x60 ? 1 : 0
            } else if byte &- 0x30 < 10 {
                digits &+= 1
            } else {
                // Hyphens, apostrophes and dots may join a word; non-ASCII may continue it.
                guard byte < 0x80, byte != 0x2D, byte != 0x27, byte != 0x2E else { return nil }
                break
            }
            index += 1
        }
        return (index, uppers, digits)
    }

    /// The word token of bytes `start..<end`, ASCII without hyphens, with `uppers` capitals among
    /// its `letters` letters.
    @inline(__always)
    private static func asciiWord(_ text: UTF8Scalars, _ start: Int, _ end: Int, uppers: Int, letters: Int,
                                  scalarStart: Int, paragraphStart: Bool) -> EntityToken {
        // Capitalised when it starts with a capital: not "3M".
        let capitalised = text.bytes[start] &- 0x41 < 26
        let word = text.string(start, end)
        return EntityToken(
            start: scalarStart, end: scalarStart + (end - start), utf8Start: start, utf8End: end, text: word,
            key: uppers == 0 ? word : Gazetteer.plainFolded(text.bytes, start, end, curlyApostrophes: 0),
            kind: .word, isCapitalised: capitalised, isAllCaps: letters >= 2 && uppers == letters,
            paragraphStart: paragraphStart)
    }

    /// The byte offset where the word starting at byte `start` ends.
    private static func wordEnd(_ text: UTF8Scalars, from start: Int) -> Int {
        var index = start
        let count = text.count
        while index < count {
            // ASCII letters and digits, most of every word, in a tight loop.
            let byte = text.bytes[index]
            if (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 {
                index += 1
                continue
            }
            let (value, length) = text.scalar(at: index)
            if isWordScalar(value) {
                index += length
                continue
            }
            let next = index + length
            guard next < count else { break }
            let (nextValue, nextLength) = text.scalar(at: next)
            guard isWordScalar(nextValue) else { break }
            if isHyphen(value) {
                index = next
                continue
            }
            if isApostrophe(value) {
                // A possessive "'s" at the end of a word is split off.
                if possessiveEnd(text, apostropheEnd: next) != nil { break }
                index = next
                continue
            }
            guard value == 0x2E else { break }
            // A web domain keeps its ending: "Amazon.com".
            if let ending = domainEnding(text, from: next) {
                index = ending
                continue
            }
            // Dotted acronym: single letters each followed by a dot ("U.S.", "U.N.").
            let previous = text.scalarStart(before: index)
            let singleLetterBefore = previous == start || text.bytes[text.scalarStart(before: previous)] == 0x2E
            let dotAfterNext = next + nextLength
            if singleLetterBefore, isUpper(text.scalar(at: previous).value), isUpper(nextValue),
               dotAfterNext < count, text.bytes[dotAfterNext] == 0x2E {
                index = dotAfterNext + 1
                continue
            }
            break
        }
        return index
    }

    private static let domainEndings: WordSet = ["com", "org", "net", "io", "co", "ai", "gov", "edu"]

    /// The end of a domain ending starting at byte `start` ("com" in "Amazon.com"), if there is one.
    private static func domainEnding(_ text: UTF8Scalars, from start: Int) -> Int? {
        var end = start
        while end < text.count, end - start < 4, text.bytes[end] &- 0x61 < 26 { end += 1 }
        guard end > start, end == text.count || !isWordScalar(text.scalar(at: end).value) else { return nil }
        return domainEndings.contains(text.string(start, end)) ? end : nil
    }

    /// The word token of bytes `start..<end`, whose first scalar is scalar `scalarStart` of the text.
    private static func makeWord(_ text: UTF8Scalars, _ start: Int, _ end: Int, scalarStart: Int, paragraphStart: Bool) -> EntityToken {
        if let token = makeASCIIWord(text, start, end, scalarStart: scalarStart, paragraphStart: paragraphStart) { return token }
        var letters = 0
        var uppers = 0
        var scalars = 0
        var firstLetterUpper: Bool?
        var afterHyphenUpper = false
        var previousHyphen = false
        var hasHyphen = false
        var isASCII = true
        // Right single quotation marks (’), the one non-ASCII scalar common in English words.
        var curlyApostrophes = 0
        var otherNonASCII = false
        let classes = ScalarClasses.shared
        var index = start
        while index < end {
            let byte = text.bytes[index]
            let isLetter: Bool
            let upper: Bool
            let hyphen: Bool
            if byte < 0x80 {
                isLetter = (byte | 0x20) &- 0x61 < 26
                upper = byte &- 0x41 < 26
                hyphen = byte == 0x2D
                hasHyphen = hasHyphen || hyphen
                index += 1
            } else {
                isASCII = false
                let (value, length) = text.scalar(at: index)
                let flags = classes.flags(value: value)
                isLetter = flags.contains(.letter)
                upper = flags.contains(.upper)
                hyphen = value == 0x2010 || value == 0x2011
                if value == 0x2019 { curlyApostrophes += 1 } else { otherNonASCII = true }
                index += length
            }
            if isLetter {
                letters += 1
                if upper { uppers += 1 }
                if firstLetterUpper == nil { firstLetterUpper = upper }
                if previousHyphen && upper { afterHyphenUpper = true }
            }
            previousHyphen = hyphen
            scalars += 1
        }
        let leadingDigit = !isLetter(text.scalar(at: start).value)
        var capitalised = firstLetterUpper == true && !leadingDigit
        // "al-Assad", "bin-Salman", "el-Sisi": a lower-case particle before a capitalised name.
        if !capitalised && afterHyphenUpper && firstLetterUpper == false { capitalised = true }
        let word = text.string(start, end)
        // The lookup key: the text itself for lower-case ASCII; for ASCII and "’", lower-cased with
        // the apostrophes straightened (their whole folding); else folded (the table's folding
        // from the scalars at hand, else the general one).
        // (What the table cannot fold goes to Foundation, as in Gazetteer.fold, without asking
        // the table twice.)
        let key = otherNonASCII ? FoldTable.shared.fold(scalars: text.scalars(start, end), of: word) ?? FoundationFolds.shared.fold(word)
            : isASCII && uppers == 0 ? word : Gazetteer.plainFolded(text.bytes, start, end, curlyApostrophes: curlyApostrophes)
        return EntityToken(
            start: scalarStart, end: scalarStart + scalars, utf8Start: start, utf8End: end, text: word, key: key,
            kind: .word, isCapitalised: capitalised, isAllCaps: letters >= 2 && uppers == letters, hasHyphen: hasHyphen, paragraphStart: paragraphStart)
    }

    /// The word token of bytes `start..<end` when they are ASCII without a hyphen (most words):
    /// its letters counted in one tight pass. Nil for any other word.
    @inline(__always)
    private static func makeASCIIWord(_ text: UTF8Scalars, _ start: Int, _ end: Int, scalarStart: Int,
                                      paragraphStart: Bool) -> EntityToken? {
        var combined: UInt8 = 0
        var hyphens = 0
        var uppers = 0
        var lowers = 0
        for index in start..<end {
            let byte = text.bytes[index]
            combined |= byte
            hyphens &+= byte == 0x2D ? 1 : 0
            uppers &+= byte &- 0x41 < 26 ? 1 : 0
            lowers &+= byte &- 0x61 < 26 ? 1 : 0
        }
        guard combined < 0x80, hyphens == 0 else { return nil }
        return asciiWord(text, start, end, uppers: uppers, letters: uppers + lowers, scalarStart: scalarStart,
                         paragraphStart: paragraphStart)
    }

    private static func markSentences(_ tokens: inout [EntityToken]) {
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
            // A punctuation token's mark is its one scalar (the possessive "'s" is never a sentence mark).
            let mark = tokens[i].mark
            switch mark {
            case 0x2E, 0x21, 0x3F, 0x2026:  // . ! ? …
                if mark == 0x2E, previousWord >= 0, tokens[previousWord].end == tokens[i].start,
                   abbreviations.contains(tokens[previousWord].key)
                    || (tokens[previousWord].end - tokens[previousWord].start == 1 && tokens[previousWord].isCapitalised) {
                    continue
                }
                sentence += 1
                startPending = true
            case 0x22, 0x201C, 0x2018, 0x00AB:  // " “ ‘ «
                // A word just inside an opening quote is capitalised like a sentence start.
                if i + 1 < tokens.count, tokens[i + 1].start == tokens[i].end { startPending = true }
            default:
                break
            }
        }
    }
}
