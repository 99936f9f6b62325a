/// The writing systems the language identifier tells apart before looking at n-grams.
enum WritingSystem: Int, CaseIterable, Sendable {
    case latin, cyrillic, greek, armenian, hebrew, arabic, devanagari, bengali, tamil, thai, georgian
    case hangul, han, kana

    /// The writing system of a letter, or nil for one outside every range known here.
    static func of(_ scalar: Unicode.Scalar) -> WritingSystem? {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xAA, 0xBA, 0xC0...0x24F, 0x1E00...0x1EFF: return .latin
        case 0x370...0x3FF, 0x1F00...0x1FFF: return .greek
        case 0x400...0x52F: return .cyrillic
        case 0x530...0x58F: return .armenian
        case 0x590...0x5FF, 0xFB1D...0xFB4F: return .hebrew
        case 0x600...0x6FF, 0x750...0x77F, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return .arabic
        case 0x900...0x97F: return .devanagari
        case 0x980...0x9FF: return .bengali
        case 0xB80...0xBFF: return .tamil
        case 0xE00...0xE7F: return .thai
        case 0x10A0...0x10FF: return .georgian
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: return .hangul
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return .kana
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF: return .han
        default: return nil
        }
    }
}

/// Letter counts per writing system, plus the few letters that tell languages of one script apart.
struct ScriptCensus {
    /// Letters seen, per ``WritingSystem`` raw value.
    private(set) var counts = [Int](repeating: 0, count: WritingSystem.allCases.count)
    /// All letters seen, including those of no known writing system.
    private(set) var letters = 0
    /// Counts of individual marker letters (Cyrillic and Arabic-script letters only).
    private(set) var markers: [Unicode.Scalar: Int] = [:]
    /// Latin letters only Vietnamese uses: đ ơ ư and the letters with stacked tone marks (U+1EA0–U+1EF9);
    /// ă is left out, Romanian has it too.
    private(set) var vietnameseLetters = 0

    /// Counts one letter.
    mutating func add(_ scalar: Unicode.Scalar) {
        letters += 1
        guard let system = WritingSystem.of(scalar) else { return }
        counts[system.rawValue] += 1
        if system == .cyrillic || system == .arabic { markers[scalar, default: 0] += 1 }
        if system == .latin && scalar.value >= 0x110 {
            switch scalar.value {
            case 0x110, 0x111, 0x1A0, 0x1A1, 0x1AF, 0x1B0, 0x1EA0...0x1EF9: vietnameseLetters += 1
            default: break
            }
        }
    }

    /// Letters of one writing system.
    func count(_ system: WritingSystem) -> Int { counts[system.rawValue] }

    /// How many of the given marker letters were seen.
    func markers(_ letters: String) -> Int {
        letters.unicodeScalars.reduce(0) { $0 + (markers[$1] ?? 0) }
    }
}
