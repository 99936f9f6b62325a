/// How the language and topic enrichers see characters: letters, lower-cased the Unicode way.
///
/// A letter is a scalar of general category L* (as Python's `unicodedata.category(c)[0] == "L"`,
/// which the training script uses), so marks, digits, punctuation and emoji all separate words.
enum Letters {
    /// Whether `scalar` is a letter.
    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return false
        }
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
        if scalar.properties.changesWhenLowercased {
            for lower in scalar.properties.lowercaseMapping.unicodeScalars { body(lower) }
        } else {
            body(scalar)
        }
    }
}
