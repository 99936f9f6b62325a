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

    /// The scalars of the text.
    let scalars: [Unicode.Scalar]
    /// The tokens, in order.
    let tokens: [Token]

    /// Tokenises `text`.
    init(_ text: String) {
        self.init(scalars: Array(text.unicodeScalars))
    }

    /// Tokenises scalars.
    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
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
            if Self.isSpace(s) {
                spaceBefore = true
                if s == "\n" || s == "\r" || s == "\u{2028}" || s == "\u{2029}" { lineBreakBefore = true }
                i += 1
                continue
            }
            let start = i
            var token = Token(
                kind: .mark, start: start, end: start + 1, lower: "", scalar: s, number: -1, isCapitalised: false,
                isAllCaps: false, spaceBefore: spaceBefore, lineBreakBefore: lineBreakBefore)
            if Self.isDigit(s) {
                token.kind = .number
                var value = 0
                while i < n, Self.isDigit(scalars[i]) {
                    if i - start < 9 { value = value * 10 + Int(scalars[i].value - 48) }
                    i += 1
                }
                token.number = i - start <= 9 ? value : -1
            } else if Self.isLetter(s) {
                token.kind = .word
                buffer.removeAll(keepingCapacity: true)
                var ascii = true
                var cased = false
                var upper = 0
                var letters = 0
                while i < n {
                    var c = scalars[i]
                    if Self.isLetter(c) {
                        letters += 1
                        if Self.isUpper(c) { upper += 1 }
                    } else if (c == "'" || c == "\u{2019}"), i + 1 < n, Self.isLetter(scalars[i + 1]) {
                        c = "'"
                    } else {
                        break
                    }
                    if c.value < 128 {
                        buffer.append(UInt8(c.value >= 65 && c.value <= 90 ? c.value + 32 : c.value))
                    } else {
                        ascii = false
                        cased = cased || !Self.isCaseless(c)
                        UTF8.encode(c) { buffer.append($0) }
                    }
                    i += 1
                }
                let written = String(decoding: buffer, as: UTF8.self)
                token.lower = ascii || !cased ? written : written.lowercased()
                token.isCapitalised = Self.isUpper(s)
                token.isAllCaps = letters >= 2 && upper == letters
            } else {
                i += 1
            }
            token.end = i
            tokens.append(token)
            spaceBefore = false
            lineBreakBefore = false
        }
        self.tokens = tokens
    }

    /// The text of scalars `start..<end`.
    func text(_ start: Int, _ end: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(0, end - start))
        let lower = min(max(0, start), scalars.count)
        for scalar in scalars[lower..<max(lower, min(scalars.count, end))] {
            if scalar.value < 128 { bytes.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { bytes.append($0) } }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text from the start of token `first` to the end of token `last`.
    func text(tokens first: Int, through last: Int) -> String {
        text(tokens[first].start, tokens[last].end)
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return s == " " || s == "\n" || s == "\r" || s == "\t" || s.value == 0x0B || s.value == 0x0C }
        if s.value >= 0x2010 && s.value <= 0x2027 { return false }  // dashes, quotation marks, ellipsis
        return s.properties.isWhitespace
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

    /// Letters, and the combining marks that belong to them (a Devanagari nukta, an accent written apart).
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return (s.value | 0x20) >= 97 && (s.value | 0x20) <= 122 }
        if s.value >= 0x2000 && s.value <= 0x206F { return false }  // general punctuation
        if s.value >= 0x4E00 && s.value <= 0x9FFF || s.value >= 0xAC00 && s.value <= 0xD7A3 { return true }  // CJK, Hangul
        let properties = s.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isUpper(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return s.value >= 65 && s.value <= 90 }
        if isCaseless(s) { return false }
        return s.properties.isUppercase
    }

    /// Scripts without letter case, by block: Arabic, Hebrew, Devanagari and other Indic scripts,
    /// Thai, CJK, kana, Hangul (a fast path; other scalars ask their Unicode properties).
    static func isCaseless(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x0590 && v <= 0x08FF) || (v >= 0x0900 && v <= 0x0DFF) || (v >= 0x0E00 && v <= 0x0EFF)
            || (v >= 0x3040 && v <= 0x9FFF) || (v >= 0xAC00 && v <= 0xD7AF)
    }
}
