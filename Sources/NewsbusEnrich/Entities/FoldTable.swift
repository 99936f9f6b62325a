/// ``Gazetteer/fold(_:)`` for words in Latin, Greek, Cyrillic, Arabic, Devanagari, Thai, kana,
/// Han and Hangul letters without Foundation on every word: each letter's folded form is computed
/// once, with Foundation, and a word's folded form is its letters' forms joined.
///
/// Joining is exact only where folding works letter by letter: canonical reordering moves marks
/// with a non-zero combining class across letters, so such marks, and letters whose folded form
/// keeps one, have no entry, and words with them take Foundation's path. Marks of class zero
/// (most Devanagari vowel signs) stay in place and have entries.
///
/// Scripts without case or diacritic folding (Han, kana, Hangul syllables, Thai) fold to
/// themselves; they are listed in ``unchangedBlocks`` rather than asked of Foundation letter by
/// letter at start-up (tens of thousands of letters), and a test checks every one of them
/// against Foundation.
struct FoldTable: Sendable {
    /// Scalars below this value (other than ASCII and U+2019) may have an entry.
    private static let limit: UInt32 = 0x1F00
    /// The blocks covered: Latin-1 to Cyrillic Supplement, Arabic, Devanagari, Latin Extended Additional.
    private static let blocks: [ClosedRange<UInt32>] = [0x0080...0x052F, 0x0600...0x06FF, 0x0900...0x097F, 0x1E00...0x1EFF]
    /// Letters that fold to themselves: Thai (without its reordered vowel and tone marks), kana
    /// (without the combining voicing marks), CJK ideographs and extension A, Hangul syllables.
    static let unchangedBlocks: [ClosedRange<UInt32>] = [
        0x0E01...0x0E37, 0x0E3F...0x0E47, 0x0E4C...0x0E5B, 0x3041...0x3098, 0x309B...0x30FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3,
    ]

    /// For scalar values below ``limit``: the folded form's start in ``bytes`` shifted left by 8,
    /// or'ed with its length in bytes; ``none`` where there is no entry.
    private let forms: [UInt32]
    /// The folded forms, UTF-8, one after the other.
    private let bytes: [UInt8]
    /// For scalar values below ``limit``: whether the entry is the scalar itself (a lower-case
    /// letter without diacritics: "м", "ع").
    private let foldsToItself: [Bool]
    private static let none = UInt32.max

    static let shared = FoldTable()

    private init() {
        var forms = [UInt32](repeating: Self.none, count: Int(Self.limit))
        var foldsToItself = [Bool](repeating: false, count: Int(Self.limit))
        var bytes: [UInt8] = []
        for block in Self.blocks {
            for value in block {
                guard let scalar = Unicode.Scalar(value), !Self.isReordered(scalar) else { continue }
                let folded = Gazetteer.foldWithFoundation(String(Character(scalar)))
                guard !folded.unicodeScalars.contains(where: Self.isReordered), folded.utf8.count < 256 else { continue }
                forms[Int(value)] = UInt32(bytes.count) << 8 | UInt32(folded.utf8.count)
                foldsToItself[Int(value)] = folded.unicodeScalars.elementsEqual([scalar])
                bytes.append(contentsOf: folded.utf8)
            }
        }
        self.forms = forms
        self.foldsToItself = foldsToItself
        self.bytes = bytes
    }

    /// A combining mark that canonical ordering may move (non-zero combining class).
    static func isReordered(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.canonicalCombiningClass != .notReordered
    }

    /// Whether `value` is a letter of ``unchangedBlocks``.
    @inline(__always)
    static func isUnchanged(_ value: UInt32) -> Bool {
        guard value >= 0x0E01, value <= 0xD7A3 else { return false }
        for block in unchangedBlocks where block.contains(value) { return true }
        return false
    }

    /// `text` folded (`text` itself when folding changes none of its scalars), or nil when a
    /// scalar has no entry.
    func fold(_ text: String) -> String? {
        fold(scalars: text.unicodeScalars, of: text)
    }

    /// `text`, whose scalars are `scalars`, folded; `text` itself when folding changes none of
    /// them (no new string); nil when a scalar has no entry.
    func fold<Scalars: Collection<Unicode.Scalar>>(scalars: Scalars, of text: String) -> String? {
        guard let (length, unchanged) = foldedLength(scalars) else { return nil }
        return unchanged ? text : fold(scalars, length: length)
    }

    /// The length in bytes of the folded text and whether folding leaves every scalar as it is;
    /// nil when a scalar has no entry.
    private func foldedLength<Scalars: Collection<Unicode.Scalar>>(_ scalars: Scalars) -> (Int, Bool)? {
        var length = 0
        var unchanged = true
        for scalar in scalars {
            let value = scalar.value
            if value < 0x80 || value == 0x2019 {
                length += 1
                unchanged = unchanged && value &- 0x41 >= 26 && value != 0x2019
            } else if value < Self.limit, forms[Int(value)] != Self.none {
                length += Int(forms[Int(value)] & 0xFF)
                unchanged = unchanged && foldsToItself[Int(value)]
            } else if Self.isUnchanged(value) {
                length += UTF8.width(scalar)
            } else {
                return nil
            }
        }
        return (length, unchanged)
    }

    /// The text of `scalars`, whose folded form is `length` bytes long, folded.
    private func fold<Scalars: Collection<Unicode.Scalar>>(_ scalars: Scalars, length: Int) -> String {
        String(unsafeUninitializedCapacity: length) { buffer in
            var index = 0
            for scalar in scalars {
                let value = scalar.value
                if value < 0x80 {
                    buffer[index] = value >= 0x41 && value <= 0x5A ? UInt8(value | 0x20) : UInt8(value)
                    index += 1
                } else if value == 0x2019 {
                    buffer[index] = 0x27
                    index += 1
                } else if value < Self.limit, forms[Int(value)] != Self.none {
                    let form = forms[Int(value)]
                    let start = Int(form >> 8)
                    for offset in 0..<Int(form & 0xFF) { buffer[index + offset] = bytes[start + offset] }
                    index += Int(form & 0xFF)
                } else {
                    for byte in scalar.utf8 {
                        buffer[index] = byte
                        index += 1
                    }
                }
            }
            return index
        }
    }
}
