/// Numbers distinct strings 0, 1, 2… in the order they are first added, like ``WordIDs``, but
/// with String equality: a name written with "é" as one scalar and as "e" and an accent is one
/// string, as it is for a `Dictionary<String, _>`.
///
/// A string equal to some ASCII text (see ``asciiEquivalent(_:)``) equals only strings with the
/// same ASCII text, so those strings are numbered by that text's bytes in a ``WordIDs``; the
/// others (rarer in names) through a dictionary, whose hashing follows String equality. For
/// per-article tables of names.
struct StringIDs {
    /// The ASCII texts of the strings that have one.
    private var ascii = WordIDs()
    /// The number of each of `ascii`'s texts, by its number there.
    private var asciiNumbers: [Int] = []
    /// The strings equal to no ASCII text.
    private var others: [String: Int] = [:]

    /// The number of strings.
    private(set) var count = 0

    /// The number of `string`, or nil when no string equal to it was added.
    func id(of string: String) -> Int? {
        if let text = Self.asciiEquivalent(string) { return ascii.id(of: text).map { asciiNumbers[$0] } }
        return others[string]
    }

    /// The number of `string`, adding it (with the next number) when no string equal to it was added.
    @discardableResult
    mutating func insert(_ string: String) -> (id: Int, inserted: Bool) {
        if let text = Self.asciiEquivalent(string) {
            let (id, inserted) = ascii.insert(text)
            if inserted {
                asciiNumbers.append(count)
                count += 1
            }
            return (asciiNumbers[id], inserted)
        }
        if let id = others[string] { return (id, false) }
        others[string] = count
        count += 1
        return (count - 1, true)
    }

    /// The ASCII text equal to `string`: itself when it is ASCII; with U+212A KELVIN SIGN,
    /// U+037E GREEK QUESTION MARK and U+1FEF GREEK VARIA (the only scalars beyond ASCII that
    /// Unicode decomposes to ASCII) replaced; nil when it holds any other scalar beyond ASCII.
    static func asciiEquivalent(_ string: String) -> String? {
        if isASCII(string) { return string }
        func replacement(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
            switch scalar.value {
            case 0..<0x80: scalar
            case 0x212A: "K"
            case 0x037E: ";"
            case 0x1FEF: "`"
            default: nil
            }
        }
        guard string.unicodeScalars.allSatisfy({ replacement($0) != nil }) else { return nil }
        return String(String.UnicodeScalarView(string.unicodeScalars.compactMap(replacement)))
    }

    /// Whether every byte of `string` is ASCII (one pass over its contiguous bytes).
    static func isASCII(_ string: String) -> Bool {
        var string = string
        return string.withUTF8 { bytes in
            for byte in bytes where byte >= 0x80 { return false }
            return true
        }
    }
}
