/// The 64-bit FNV-1a hash of a word's UTF-8 bytes, never 0 (equal bytes, equal hashes; the
/// tables that use it keep 0 for an empty slot).
@inline(__always)
func wordHash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    return hash | 1
}

/// A read-only map from words to values, for the enrichers' word lists, looked up once or more
/// per token.
///
/// `Dictionary<String, _>` hashes every key with SipHash, which costs more than the rest of
/// a word lookup; this table hashes the word's UTF-8 bytes with FNV-1a into an open-addressed
/// array that is at most half full, so a lookup is one pass over the bytes and usually one probe.
/// Built once (word lists load at start-up); not for attacker-chosen keys at scale, which the
/// word lists are not.
struct WordTable<Value>: @unchecked Sendable {
    /// FNV-1a hash of each slot's key, or 0 for an empty slot.
    private var hashes: [UInt64]
    private var keys: [String]
    private var values: [Value?]
    private var mask: Int
    /// The number of words.
    private(set) var count = 0

    /// An empty table with room for `capacity` words before it grows.
    init(minimumCapacity capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        hashes = [UInt64](repeating: 0, count: size)
        keys = [String](repeating: "", count: size)
        values = [Value?](repeating: nil, count: size)
        mask = size - 1
    }

    /// The table of a dictionary's words and values.
    init(_ dictionary: [String: Value]) {
        self.init(minimumCapacity: dictionary.count)
        for (key, value) in dictionary { self[key] = value }
    }

    /// The hash the table uses for `word` (never 0).
    @inline(__always)
    static func hash(_ word: String) -> UInt64 {
        var word = word
        return word.withUTF8 { wordHash($0) }
    }

    /// The value for `word`; setting stores or replaces it, setting nil removes it.
    subscript(word: String) -> Value? {
        get {
            let hash = Self.hash(word)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let stored = hashes[slot]
                if stored == 0 { return nil }
                if stored == hash && keys[slot] == word { return values[slot] }
                slot = (slot + 1) & mask
            }
        }
        set {
            guard let newValue else {
                remove(word)
                return
            }
            if (count + 1) * 2 > hashes.count { grow() }
            let hash = Self.hash(word)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while hashes[slot] != 0 {
                if hashes[slot] == hash && keys[slot] == word {
                    values[slot] = newValue
                    return
                }
                slot = (slot + 1) & mask
            }
            hashes[slot] = hash
            keys[slot] = word
            values[slot] = newValue
            count += 1
        }
    }

    /// Removes `word`, moving back the words after it in its probe run so that none is cut off
    /// from its home slot (deletion without tombstones, for linear probing).
    private mutating func remove(_ word: String) {
        let hash = Self.hash(word)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while hashes[slot] != hash || keys[slot] != word {
            if hashes[slot] == 0 { return }
            slot = (slot + 1) & mask
        }
        var hole = slot
        var next = (slot + 1) & mask
        while hashes[next] != 0 {
            let home = Int(truncatingIfNeeded: hashes[next]) & mask
            // The word at `next` may fill the hole when its home is not in (hole, next].
            if (next > hole && (home <= hole || home > next)) || (next < hole && home <= hole && home > next) {
                hashes[hole] = hashes[next]
                keys[hole] = keys[next]
                values[hole] = values[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        hashes[hole] = 0
        keys[hole] = ""
        values[hole] = nil
        count -= 1
    }

    private mutating func grow() {
        var bigger = WordTable(minimumCapacity: hashes.count)
        for slot in hashes.indices where hashes[slot] != 0 { bigger[keys[slot]] = values[slot] }
        self = bigger
    }
}

/// A read-only set of words with ``WordTable``'s lookup.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private var table: WordTable<Bool>
    /// The longest word's length in UTF-8 bytes: longer words are not looked up.
    private var longest = 0

    /// The set of `words`.
    init<Words: Sequence<String>>(_ words: Words) {
        table = WordTable(minimumCapacity: words.underestimatedCount)
        for word in words {
            table[word] = true
            longest = max(longest, word.utf8.count)
        }
    }

    init(arrayLiteral words: String...) {
        self.init(words)
    }

    /// Whether `word` is in the set.
    @inline(__always)
    func contains(_ word: String) -> Bool { word.utf8.count <= longest && table[word] != nil }

    /// Whether `word` is in the set.
    func contains(_ word: Substring) -> Bool { table[String(word)] != nil }

    /// The number of words.
    var count: Int { table.count }
}
