/// How the language and topic enrichers see characters: letters, digits and marks, lower-cased the
/// Unicode way.
///
/// A letter is a scalar of general category L* (as Python's `unicodedata.category(c)[0] == "L"`,
/// which the training script uses), so marks, digits, punctuation and emoji all separate words in
/// the language identifier. Properties of the scalars below U+3000 come from a table built once per
/// process (Unicode property look-ups are slow); Han, kana and Hangul are letters by range.
enum Letters {
    /// Property bits of one scalar.
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        static let letter = Flags(rawValue: 1)
        static let uppercase = Flags(rawValue: 2)
        static let digit = Flags(rawValue: 4)
        static let mark = Flags(rawValue: 8)
        static let changesWhenLowercased = Flags(rawValue: 16)
    }

    private static let tableLimit: UInt32 = 0x3000
    private static let table: [Flags] = (0..<tableLimit).map { value in
        Unicode.Scalar(value).map(computeFlags) ?? []
    }

    private static func computeFlags(_ scalar: Unicode.Scalar) -> Flags {
        let properties = scalar.properties
        var flags: Flags = []
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: flags.insert(.letter)
        case .decimalNumber: flags.insert(.digit)
        case .nonspacingMark, .spacingMark, .enclosingMark: flags.insert(.mark)
        default: break
        }
        if properties.isUppercase { flags.insert(.uppercase) }
        if properties.changesWhenLowercased { flags.insert(.changesWhenLowercased) }
        return flags
    }

    /// The property bits of `scalar`.
    @inline(__always)
    static func flags(_ scalar: Unicode.Scalar) -> Flags {
        let value = scalar.value
        if value < tableLimit { return table[Int(value)] }
        switch value {
        case 0x3041...0x3096, 0x30A1...0x30FA, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3: return .letter
        default: return computeFlags(scalar)
        }
    }

    /// Whether `scalar` is a letter.
    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A
        }
        return flags(scalar).contains(.letter)
    }

    /// Calls `body` with the lower-case form of `scalar` (full case mapping: "İ" gives "i" and a
    /// combining dot, as Python's `str.lower` does).
    @inline(__always)
    static func forEachLowercased(_ scalar: Unicode.Scalar, _ body: (Unicode.Scalar) -> Void) {
        let value = scalar.value
        if value < 0x80 {
            if value >= 0x41 && value <= 0x5A, let lower = Unicode.Scalar(value + 0x20) {
                body(lower)
            } else {
                body(scalar)
            }
            return
        }
        if flags(scalar).contains(.changesWhenLowercased) {
            for lower in scalar.properties.lowercaseMapping.unicodeScalars { body(lower) }
        } else {
            body(scalar)
        }
    }
}
