/// The tokenizer's tests on non-ASCII scalars (word character, letter, upper case, white space),
/// looked up in a table for the Basic Multilingual Plane instead of asking the Unicode property
/// tables for every scalar of every word. The table is filled once, from the same properties.
struct ScalarClasses: Sendable {
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        /// A letter, number or combining mark: part of a word.
        static let word = Flags(rawValue: 1)
        static let letter = Flags(rawValue: 2)
        /// Upper-case or title-case.
        static let upper = Flags(rawValue: 4)
        static let whitespace = Flags(rawValue: 8)
    }

    static let shared = ScalarClasses()

    private let table: [Flags]

    /// Blocks whose every scalar is a caseless letter (CJK ideographs and extension A, Hangul
    /// syllables): filled without asking the property tables 40,000 times at start-up; a test
    /// checks them against the properties.
    static let caselessLetterBlocks: [ClosedRange<UInt32>] = [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3]

    private init() {
        var table = [Flags](repeating: [], count: 0x10000)
        for block in Self.caselessLetterBlocks {
            for value in block { table[Int(value)] = [.word, .letter] }
        }
        for value in UInt32(0x80)..<0x10000 where table[Int(value)].isEmpty {
            guard let scalar = Unicode.Scalar(value) else { continue }
            table[Int(value)] = Self.flags(of: scalar)
        }
        self.table = table
    }

    /// The flags of a non-ASCII scalar, from its Unicode properties.
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
        return flags
    }

    /// The flags of a non-ASCII scalar.
    func flags(_ scalar: Unicode.Scalar) -> Flags {
        scalar.value < 0x10000 ? table[Int(scalar.value)] : Self.flags(of: scalar)
    }
}
