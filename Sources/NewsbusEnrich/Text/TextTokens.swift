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
        /// The token lowercased (words), its digits (numbers) or its scalar (marks).
        var lower: String
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
        func isMark(_ scalar: Unicode.Scalar) -> Bool { kind == .mark && lower.unicodeScalars.first == scalar }
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
            let kind: Kind
            if Self.isDigit(s) {
                kind = .number
                while i < n, Self.isDigit(scalars[i]) { i += 1 }
            } else if Self.isLetter(s) {
                kind = .word
                i += 1
                while i < n {
                    if Self.isLetter(scalars[i]) {
                        i += 1
                    } else if (scalars[i] == "'" || scalars[i] == "\u{2019}"), i + 1 < n, Self.isLetter(scalars[i + 1]) {
                        i += 2
                    } else {
                        break
                    }
                }
            } else {
                kind = .mark
                i += 1
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<i])
            let text = String(view)
            var number = -1
            var capitalised = false
            var allCaps = false
            switch kind {
            case .number:
                if i - start <= 9 { number = scalars[start..<i].reduce(0) { $0 * 10 + Int($1.value - 48) } }
            case .word:
                capitalised = Self.isUpper(scalars[start])
                allCaps = i - start >= 2 && scalars[start..<i].allSatisfy { Self.isUpper($0) || $0 == "'" || $0 == "\u{2019}" }
            case .mark:
                break
            }
            tokens.append(Token(
                kind: kind, start: start, end: i, lower: kind == .word ? Self.lowercased(text) : text, number: number,
                isCapitalised: capitalised, isAllCaps: allCaps, spaceBefore: spaceBefore, lineBreakBefore: lineBreakBefore))
            spaceBefore = false
            lineBreakBefore = false
        }
        self.tokens = tokens
    }

    /// The text of scalars `start..<end`.
    func text(_ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[max(0, start)..<min(scalars.count, end)])
        return String(view)
    }

    /// The text from the start of token `first` to the end of token `last`.
    func text(tokens first: Int, through last: Int) -> String {
        text(tokens[first].start, tokens[last].end)
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return s == " " || s == "\n" || s == "\r" || s == "\t" || s.value == 0x0B || s.value == 0x0C }
        return s.properties.isWhitespace
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

    /// Letters, and the combining marks that belong to them (a Devanagari nukta, an accent written apart).
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return (s.value | 0x20) >= 97 && (s.value | 0x20) <= 122 }
        let properties = s.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isUpper(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return s.value >= 65 && s.value <= 90 }
        return s.properties.isUppercase
    }

    /// Lowercases, with an ASCII fast path.
    static func lowercased(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 128 }) {
            if !text.utf8.contains(where: { $0 >= 65 && $0 <= 90 }) { return text }
            return String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
        }
        return text.lowercased()
    }
}
