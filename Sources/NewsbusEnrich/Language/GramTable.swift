/// A read-only hash table from non-zero `UInt64` keys to row numbers: open addressing with linear
/// probing and a multiplicative hash, several times faster than `Dictionary` for the language
/// identifier's millions of look-ups a second. (``CountingTable`` is its growable sibling.)
struct GramTable: Sendable {
    private let keys: [UInt64]
    private let rows: [Int32]
    private let shift: UInt64

    /// Builds the table; keys must be non-zero and distinct.
    init(_ entries: [UInt64: Int32]) {
        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 2 { bits += 1 }
        let capacity = 1 << Int(bits)
        var keys = [UInt64](repeating: 0, count: capacity)
        var rows = [Int32](repeating: -1, count: capacity)
        let shift = 64 - bits
        for (key, row) in entries.sorted(by: { $0.key < $1.key }) {
            var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            rows[slot] = row
        }
        self.keys = keys
        self.rows = rows
        self.shift = shift
    }

    /// The row of `key`, or nil.
    @inline(__always)
    func row(_ key: UInt64) -> Int32? {
        keys.withUnsafeBufferPointer { keys in
            let mask = keys.count - 1
            var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while true {
                let found = keys[slot]
                if found == key { return rows[slot] }
                if found == 0 { return nil }
                slot = (slot + 1) & mask
            }
        }
    }
}

/// A growable hash table from non-zero `UInt64` keys to `Int` values, for per-article counting
/// (open addressing, linear probing, multiplicative hash).
struct CountingTable {
    private var keys: [UInt64]
    private var values: [Int]
    private var shift: UInt64
    private(set) var count = 0

    /// A table sized for about `expected` keys.
    init(expected: Int) {
        var bits: UInt64 = 4
        while (1 << bits) < expected * 2 { bits += 1 }
        keys = [UInt64](repeating: 0, count: 1 << Int(bits))
        values = [Int](repeating: 0, count: 1 << Int(bits))
        shift = 64 - bits
    }

    /// The value of `key`, or nil.
    func value(_ key: UInt64) -> Int? {
        let mask = keys.count - 1
        var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let found = keys[slot]
            if found == key { return values[slot] }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Sets the value of `key` (non-zero).
    mutating func set(_ key: UInt64, _ value: Int) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var slot = Int((key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        if keys[slot] == 0 { count += 1 }
        keys[slot] = key
        values[slot] = value
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int](repeating: 0, count: oldKeys.count * 2)
        shift -= 1
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where key != 0 { set(key, value) }
    }
}
