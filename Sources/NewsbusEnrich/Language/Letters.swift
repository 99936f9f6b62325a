/// How the language and topic enrichers see characters: letters, digits and marks, lower-cased the
/// Unicode way.
///
/// A letter is a scalar of general category L* (as Python's `unicodedata.category(c)[0] == "L"`,
/// which the training script uses), so marks, digits, punctuation and emoji all separate words in
/// the language identifier. The properties come from the enrichers' shared ``ScalarClasses`` table.
enum Letters {
    /// The property bits of `scalar` (``ScalarClasses/Flags``: `categoryLetter`, `decimalDigit`,
    /// `mark`, `uppercase`, `changesWhenLowercased` are the ones read here).
    @inline(__always)
    static func flags(_ scalar: Unicode.Scalar) -> ScalarClasses.Flags {
        ScalarClasses.shared.flags(scalar)
    }

    /// Whether `scalar` is a letter.
    @inline(__always)
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A
        }
        return flags(scalar).contains(.categoryLetter)
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
