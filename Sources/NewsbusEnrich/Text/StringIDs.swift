/// Numbers distinct strings 0, 1, 2… in the order they are first added, like ``WordIDs``, but
/// with String equality: a name written with "é" as one scalar and as "e" and an accent is one
/// string, as it is for a `Dictionary<String, _>`.
///
/// While every string added is ASCII, the strings are numbered by their bytes in a ``WordIDs``
/// (ASCII text equals only itself, and another string equals ASCII text only when its other
/// scalars decompose to ASCII); after the first other string, through a dictionary, whose hashing
/// follows String equality. For per-article tables of names, which are mostly ASCII.
struct StringIDs {
    /// The strings by their bytes, while every string added is ASCII.
    private var ascii = WordIDs()
    /// Every string added, once one is not ASCII.
    private var numbers: [String: Int] = [:]
    /// Whether every string added is ASCII (then `ascii` numbers them, and `numbers` is empty).
    private var allASCII = true

    /// The number of strings.
    var count: Int { allASCII ? ascii.count : numbers.count }

    /// The number of `string`, or nil when no string equal to it was added.
    func id(of string: String) -> Int? {
        guard allASCII else { return numbers[string] }
        return Self.asciiEquivalent(string).flatMap { ascii.id(of: $0) }
    }

    /// The number of `string`, adding it (with the next number) when no string equal to it was added.
    @discardableResult
    mutating func insert(_ string: String) -> (id: Int, inserted: Bool) {
        if allASCII {
            let equivalent = Self.asciiEquivalent(string)
            if let equivalent, equivalent.utf8.count == string.utf8.count { return ascii.insert(string) }
            if let equivalent, let id = ascii.id(of: equivalent) { return (id, false) }
            allASCII = false
            numbers = Dictionary(uniqueKeysWithValues: ascii.words.enumerated().map { ($1, $0) })
            ascii = WordIDs()
        }
        if let id = numbers[string] { return (id, false) }
        let id = numbers.count
        numbers[string] = id
        return (id, true)
    }

    /// The ASCII text equal to `string`: itself when it is ASCII; with U+212A KELVIN SIGN,
    /// U+037E GREEK QUESTION MARK and U+1FEF GREEK VARIA (the scalars that Unicode decomposes to
    /// ASCII) replaced; nil when it holds any other scalar beyond ASCII.
    static func asciiEquivalent(_ string: String) -> String? {
        if string.utf8.allSatisfy({ $0 < 0x80 }) { return string }
        var text = String.UnicodeScalarView()
        for scalar in string.unicodeScalars {
            switch scalar.value {
            case 0..<0x80: text.append(scalar)
            case 0x212A: text.append("K")
            case 0x037E: text.append(";")
            case 0x1FEF: text.append("`")
            default: return nil
            }
        }
        return String(text)
    }
}
