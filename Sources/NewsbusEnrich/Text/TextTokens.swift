/// A text cut into words, numbers and punctuation marks, each with its offsets in Unicode scalars.
///
/// Words are runs of letters; an apostrophe (`'` or `’`) between two letters keeps a word whole
/// ("don’t", "Funakoshi’s"). Numbers are runs of ASCII digits. Every other scalar that is not
/// white space is a mark token of its own. The quotes and dates enrichers read bodies through this.
struct TextTokens {
    /// What a token is.
    enum Kind: Sendable, Hashable {
        case word, number, mark
    }

    /// One token.
    struct Token: Sendable, Hashable {
        /// Word, number or mark.
        var kind: Kind
        /// Start offset in scalars.
        var start: Int
        /// End offset in scalars (exclusive).
        var end: Int
        /// A word lowercased, with `’` written `'` ("funakoshi's"); empty for numbers and marks.
        var lower: String
        /// A mark's scalar; a word's or number's first scalar.
        var scalar: Unicode.Scalar
        /// The value of a number token of at most 9 digits, else -1.
        var number: Int
        /// A word whose first letter is upper case.
        var isCapitalised: Bool
        /// A word of two or more letters, all upper case.
        var isAllCaps: Bool
        /// White space separates this token from the previous one.
        var spaceBefore: Bool
        /// A line break separates this token from the previous one.
        var lineBreakBefore: Bool

        /// Digits in a number token.
        var digits: Int { kind == .number ? end - start : 0 }
        /// Whether this is the mark `scalar`.
        func isMark(_ mark: Unicode.Scalar) -> Bool { kind == .mark && scalar == mark }
    }

    /// The text as scalars, with the UTF-8 offset of each.
    let source: ScalarText
    /// The tokens, in order.
    let tokens: [Token]

    /// The scalars of the text.
    var scalars: [Unicode.Scalar] { source.scalars }

    /// Tokenises `text`.
    init(_ text: String) {
        self.init(source: ScalarText(text))
    }

    /// Tokenises scalars.
    init(scalars: [Unicode.Scalar]) {
        self.init(source: ScalarText(String(String.UnicodeScalarView(scalars))))
    }

    private init(source: ScalarText) {
        self.source = source
        tokens = source.scalars.withUnsafeBufferPointer { Self.tokenize($0, classes: ScalarClasses.shared) }
    }

    /// The tokens of `scalars`.
    private static func tokenize(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, classes: ScalarClasses) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(scalars.count / 4)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(64)
        var i = 0
        var spaceBefore = false
        var lineBreakBefore = false
        let n = scalars.count
        while i < n {
            let s = scalars[i]
            let flags = s.value < 128 ? [] : classes.flags(s)
            if Self.isSpace(s, flags) {
                spaceBefore = true
                if s == "\n" || s == "\r" || s == "\u{2028}" || s == "\u{2029}" { lineBreakBefore = true }
                i += 1
                continue
            }
            let start = i
            // The token is appended whole at the end, so that its word is never copied.
            var kind = Kind.mark
            var number = -1
            var lower = ""
            var isCapitalised = false
            var isAllCaps = false
            if Self.isDigit(s) {
                kind = .number
                var value = 0
                while i < n, Self.isDigit(scalars[i]) {
                    if i - start < 9 { value = value * 10 + Int(scalars[i].value - 48) }
                    i += 1
                }
                number = i - start <= 9 ? value : -1
            } else if Self.isLetter(s, flags) {
                kind = .word
                var upper = 0
                var letters = 0
                if let end = Self.asciiWordEnd(from: start, in: scalars, classes: classes) {
                    // An ASCII word (most are): lower-cased straight into its string.
                    lower = String(unsafeUninitializedCapacity: end - start) { bytes in
                        for k in start..<end {
                            let value = scalars[k].value
                            bytes[k - start] = UInt8(truncatingIfNeeded: value == 0x27 ? value : value | 0x20)
                        }
                        return end - start
                    }
                    for k in start..<end where scalars[k].value != 0x27 {
                        letters += 1
                        if scalars[k].value <= 90 { upper += 1 }
                    }
                    i = end
                } else {
                    buffer.removeAll(keepingCapacity: true)
                    while i < n {
                        let c = scalars[i]
                        if c.value < 128 {
                            if Self.isASCIILetter(c.value) {
                                letters += 1
                                if c.value <= 90 { upper += 1 }
                                buffer.append(UInt8(c.value | 0x20))
                            } else if c == "'", i + 1 < n, Self.isLetter(scalars[i + 1]) {
                                buffer.append(UInt8(ascii: "'"))
                            } else {
                                break
                            }
                        } else {
                            let cFlags = classes.flags(c)
                            if cFlags.contains(.letterOrMark) {
                                letters += 1
                                if cFlags.contains(.uppercase) { upper += 1 }
                                if cFlags.contains(.changesWhenLowercased) {
                                    buffer.append(contentsOf: c.properties.lowercaseMapping.utf8)
                                } else {
                                    UTF8.encode(c) { buffer.append($0) }
                                }
                            } else if c == "\u{2019}", i + 1 < n, Self.isLetter(scalars[i + 1]) {
                                buffer.append(UInt8(ascii: "'"))
                            } else {
                                break
                            }
                        }
                        i += 1
                    }
                    lower = String(decoding: buffer, as: UTF8.self)
                }
                isCapitalised = Self.isUpper(s, flags)
                isAllCaps = letters >= 2 && upper == letters
            } else {
                i += 1
            }
            tokens.append(
                Token(
                    kind: kind, start: start, end: i, lower: lower, scalar: s, number: number, isCapitalised: isCapitalised,
                    isAllCaps: isAllCaps, spaceBefore: spaceBefore, lineBreakBefore: lineBreakBefore))
            spaceBefore = false
            lineBreakBefore = false
        }
        return tokens
    }

    /// The end of the word that starts with the letter at `start` when all its scalars are ASCII
    /// (letters, and apostrophes between letters), else nil: the word's ends as ``tokenize(_:classes:)``
    /// finds them.
    private static func asciiWordEnd(from start: Int, in scalars: UnsafeBufferPointer<Unicode.Scalar>, classes: ScalarClasses) -> Int? {
        let n = scalars.count
        var i = start
        while i < n {
            let value = scalars[i].value
            if value < 128 {
                guard isASCIILetter(value) || value == 0x27 && i + 1 < n && isLetter(scalars[i + 1]) else { return i }
            } else {
                // A letter, a mark or an apostrophe before a letter beyond ASCII goes on with the word.
                let scalar = scalars[i]
                let goesOn = classes.flags(scalar).contains(.letterOrMark) || scalar == "\u{2019}" && i + 1 < n && isLetter(scalars[i + 1])
                return goesOn ? nil : i
            }
            i += 1
        }
        return n
    }

    /// The text of scalars `start..<end` (clamped to the text).
    func text(_ start: Int, _ end: Int) -> String {
        let lower = min(max(0, start), scalars.count)
        return source.string(lower, max(lower, min(scalars.count, end)))
    }

    /// The text from the start of token `first` to the end of token `last`.
    func text(tokens first: Int, through last: Int) -> String {
        text(tokens[first].start, tokens[last].end)
    }

    /// White space (Unicode `White_Space`).
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        isSpace(s, s.value < 128 ? [] : ScalarClasses.shared.flags(s))
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

    /// Letters, and the combining marks that belong to them (a Devanagari nukta, an accent written apart).
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        isLetter(s, s.value < 128 ? [] : ScalarClasses.shared.flags(s))
    }

    /// Upper-case letters (title case, as in "ǅ", is not upper case here).
    static func isUpper(_ s: Unicode.Scalar) -> Bool {
        isUpper(s, s.value < 128 ? [] : ScalarClasses.shared.flags(s))
    }

    // The tests above for a scalar whose table flags are known (empty for ASCII).

    private static func isSpace(_ s: Unicode.Scalar, _ flags: ScalarClasses.Flags) -> Bool {
        if s.value < 128 { return s == " " || s == "\n" || s == "\r" || s == "\t" || s.value == 0x0B || s.value == 0x0C }
        return flags.contains(.whitespace)
    }

    private static func isLetter(_ s: Unicode.Scalar, _ flags: ScalarClasses.Flags) -> Bool {
        s.value < 128 ? isASCIILetter(s.value) : flags.contains(.letterOrMark)
    }

    private static func isUpper(_ s: Unicode.Scalar, _ flags: ScalarClasses.Flags) -> Bool {
        s.value < 128 ? s.value >= 65 && s.value <= 90 : flags.contains(.uppercase)
    }

    private static func isASCIILetter(_ value: UInt32) -> Bool { (value | 0x20) >= 97 && (value | 0x20) <= 122 }
}
