/// Numbers distinct strings 0, 1, 2… in the order they are first added, like ``WordIDs``, but
/// with String equality: a name written with "é" as one scalar and as "e" and an accent is one
/// string, as it is for a `Dictionary<String, _>`.
///
/// ASCII text is equal only to itself, so while every string added is ASCII an ASCII string is
/// looked up by its bytes in a ``WordIDs``. Any other lookup goes through a dictionary of all the
/// strings, whose hashing follows String equality. For per-article tables of names whose
/// lookups are mostly ASCII words.
struct StringIDs {
    /// The ASCII strings by their bytes, while every string added is ASCII.
    private var ascii = WordIDs()
    /// Every string added, by String equality.
    private var numbers: [String: Int] = [:]
    /// Whether every string added is ASCII (then `ascii` numbers them all, as `numbers` does).
    private var allASCII = true

    /// The number of strings.
    var count: Int { numbers.count }

    /// The number of `string`, or nil when no string equal to it was added.
    func id(of string: String) -> Int? {
        if allASCII, Self.isASCII(string) { return ascii.id(of: string) }
        return numbers[string]
    }

    /// The number of `string`, adding it (with the next number) when no string equal to it was added.
    @discardableResult
    mutating func insert(_ string: String) -> (id: Int, inserted: Bool) {
        if let id = numbers[string] { return (id, false) }
        let id = numbers.count
        numbers[string] = id
        if allASCII {
            if Self.isASCII(string) { ascii.insert(string) } else { allASCII = false }
        }
        return (id, true)
    }

    private static func isASCII(_ string: String) -> Bool {
        string.utf8.allSatisfy { $0 < 0x80 }
    }
}
