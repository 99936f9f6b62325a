/// ``Gazetteer/fold(_:)`` for words in Latin, Greek, Cyrillic, Arabic and Devanagari letters
/// without Foundation on every word: each letter's folded form is computed once, with Foundation,
/// and a word's folded form is its letters' forms joined.
///
/// Joining is exact only where folding works letter by letter: canonical reordering moves marks
/// with a non-zero combining class across letters, so such marks, and letters whose folded form
/// keeps one, have no entry, and words with them take Foundation's path. Marks of class zero
/// (most Devanagari vowel signs) stay in place and have entries.
struct FoldTable: Sendable {
    /// Scalars below this value (other than ASCII and U+2019) may have an entry.
    private static let limit: UInt32 = 0x1F00
    /// The blocks covered: Latin-1 to Cyrillic Supplement, Arabic, Devanagari, Latin Extended Additional.
    private static let blocks: [ClosedRange<UInt32>] = [0x0080...0x052F, 0x0600...0x06FF, 0x0900...0x097F, 0x1E00...0x1EFF]

    /// Folded form by scalar value, for values below ``limit``; nil where there is none.
    private let forms: [String?]

    static let shared = FoldTable()

    private init() {
        var forms = [String?](repeating: nil, count: Int(Self.limit))
        for block in Self.blocks {
            for value in block {
                guard let scalar = Unicode.Scalar(value), !Self.isReordered(scalar) else { continue }
                let folded = Gazetteer.foldWithFoundation(String(Character(scalar)))
                guard !folded.unicodeScalars.contains(where: Self.isReordered) else { continue }
                forms[Int(value)] = folded
            }
        }
        self.forms = forms
    }

    /// A combining mark that canonical ordering may move (non-zero combining class).
    private static func isReordered(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.canonicalCombiningClass != .notReordered
    }

    /// `text` folded, or nil when a scalar has no entry.
    func fold(_ text: String) -> String? {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                result.unicodeScalars.append(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value | 0x20)) : scalar)
            } else if value == 0x2019 {
                result.unicodeScalars.append("'")
            } else if value < Self.limit, let form = forms[Int(value)] {
                result += form
            } else {
                return nil
            }
        }
        return result
    }
}
