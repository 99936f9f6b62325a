/// The enrichers' tests on scalars (word character, letter, upper case, white space…), looked up
/// in a table for the Basic Multilingual Plane instead of asking the Unicode property tables for
/// every scalar of every word. The table is filled once per process, from the same properties.
/// `word`, `letter` and `upper` are the entity tokenizer's classes; `letterOrMark`, `uppercase`
/// and `changesWhenLowercased` are those of ``TextTokens``; `categoryLetter`, `decimalDigit`,
/// `mark`, `uppercase` and `changesWhenLowercased` are ``Letters``' (language and topics);
/// `whitespace` serves the tokenizers.
struct ScalarClasses: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt16
        /// A letter, number or combining mark: part of a word.
        static let word = Flags(rawValue: 1)
        static let letter = Flags(rawValue: 2)
        /// Upper-case or title-case.
        static let upper = Flags(rawValue: 4)
        static let whitespace = Flags(rawValue: 8)
        /// A letter or a combining mark of any kind (a Devanagari nukta, an accent written apart),
        /// outside general punctuation; the CJK and Hangul syllable blocks count whole.
        static let letterOrMark = Flags(rawValue: 16)
        /// The Unicode Uppercase property alone: title-case letters (ǅ) are not included.
        static let uppercase = Flags(rawValue: 32)
        /// Lower-casing changes the scalar (its `lowercaseMapping` is another text).
        static let changesWhenLowercased = Flags(rawValue: 64)
        /// General category L* (as Python's `unicodedata.category(c)[0] == "L"`).
        static let categoryLetter = Flags(rawValue: 128)
        /// General category Nd.
        static let decimalDigit = Flags(rawValue: 256)
        /// General category Mn, Mc or Me.
        static let mark = Flags(rawValue: 512)
    }

    static let shared = ScalarClasses()

    private let table: [Flags]

    /// Blocks whose every scalar is a caseless letter (CJK ideographs and extension A, Hangul
    /// syllables): filled without asking the property tables 40,000 times at start-up; a test
    /// checks them against the properties.
    static let caselessLetterBlocks: [ClosedRange<UInt32>] = [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3]
    /// The flags of every scalar in those blocks.
    static let caselessLetter: Flags = [.word, .letter, .letterOrMark, .categoryLetter]

    private init() {
        var table = [Flags](repeating: [], count: 0x10000)
        for block in Self.caselessLetterBlocks {
            for value in block { table[Int(value)] = Self.caselessLetter }
        }
        for value in UInt32(0)..<0x10000 where table[Int(value)].isEmpty {
            guard let scalar = Unicode.Scalar(value) else { continue }
            table[Int(value)] = Self.flags(of: scalar)
        }
        self.table = table
    }

    /// The flags of a scalar, from its Unicode properties.
    static func flags(of scalar: Unicode.Scalar) -> Flags {
        let p = scalar.properties
        var flags: Flags = []
        // General punctuation (curly quotes, dashes, spaces) is common in news text and never a letter.
        let isGeneralPunctuation = scalar.value >= 0x2000 && scalar.value <= 0x206F
        if !isGeneralPunctuation && (p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark) {
            flags.insert(.word)
        }
        if p.isAlphabetic { flags.insert(.letter) }
        if p.isUppercase || p.generalCategory == .titlecaseLetter { flags.insert(.upper) }
        if p.isWhitespace { flags.insert(.whitespace) }
        let isUnifiedIdeographOrHangul = scalar.value >= 0x4E00 && scalar.value <= 0x9FFF
            || scalar.value >= 0xAC00 && scalar.value <= 0xD7A3
        if !isGeneralPunctuation && (isUnifiedIdeographOrHangul || p.isAlphabetic || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark || p.generalCategory == .enclosingMark) {
            flags.insert(.letterOrMark)
        }
        if p.isUppercase { flags.insert(.uppercase) }
        if p.changesWhenLowercased { flags.insert(.changesWhenLowercased) }
        switch p.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: flags.insert(.categoryLetter)
        case .decimalNumber: flags.insert(.decimalDigit)
        case .nonspacingMark, .spacingMark, .enclosingMark: flags.insert(.mark)
        default: break
        }
        return flags
    }

    /// The flags of a scalar.
    func flags(_ scalar: Unicode.Scalar) -> Flags {
        scalar.value < 0x10000 ? table[Int(scalar.value)] : Self.flags(of: scalar)
    }

    /// The flags of the scalar with this value (none for a value that is no scalar).
    @inline(__always)
    func flags(value: UInt32) -> Flags {
        if value < 0x10000 { return table[Int(value)] }
        return Unicode.Scalar(value).map(Self.flags(of:)) ?? []
    }
}
