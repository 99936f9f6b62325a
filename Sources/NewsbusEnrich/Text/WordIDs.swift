/// Numbers distinct words 0, 1, 2… in the order they are first added, for the small tables an
/// enricher builds for one article, reads a few times and drops.
///
/// Callers keep what they know about a word in arrays indexed by its number. Each word is kept
/// once, in ``words``, and the open-addressed slots (at most half full) hold only numbers, so a
/// table of n words costs three small arrays; a ``WordTable`` fills a key and a value for every
/// slot, which for a table made per article costs more than its lookups. Same FNV-1a hash as
/// ``WordTable``.
struct WordIDs {
    /// The words, by number.
    private(set) var words: [String] = []
    /// Each word's hash, by number (slots are re-filled from these when the table grows).
    private var hashes: [UInt64] = []
    /// Each slot's word number, or -1 for an empty slot.
    private var slots: [Int32]
    private var mask: Int

    /// An empty table with room for `capacity` words before it grows.
    init(minimumCapacity capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        words.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
    }

    /// The number of words.
    var count: Int { words.count }

    /// The number of `word`, or nil when it was never added.
    func id(of word: String) -> Int? {
        let hash = WordTable<Bool>.hash(word)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = Int(slots[slot])
            if id < 0 { return nil }
            if hashes[id] == hash && words[id] == word { return id }
            slot = (slot + 1) & mask
        }
    }

    /// The number of `word`, adding it (with the next number) when it is new.
    @discardableResult
    mutating func insert(_ word: String) -> (id: Int, inserted: Bool) {
        let hash = WordTable<Bool>.hash(word)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = Int(slots[slot])
            if id < 0 { break }
            if hashes[id] == hash && words[id] == word { return (id, false) }
            slot = (slot + 1) & mask
        }
        let id = words.count
        words.append(word)
        hashes.append(hash)
        if (id + 1) * 2 > slots.count {
            grow()
        } else {
            slots[slot] = Int32(truncatingIfNeeded: id)
        }
        return (id, true)
    }

    /// Doubles the slots and places every word again, the new one included.
    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for id in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: id)
        }
    }
}
