@testable import NewsbusEnrich
import Testing

/// The text tokenizer's scalar classes, read from ``ScalarClasses``' table, against the Unicode
/// properties they stand for, and the words it writes lower-cased.
@Suite("Text tokens")
struct TextTokensTests {
    /// Letters and combining marks, outside general punctuation; CJK ideographs and Hangul
    /// syllables whole. The definition the table must reproduce, asked of the properties.
    static func isLetterByProperties(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return (s.value | 0x20) >= 97 && (s.value | 0x20) <= 122 }
        if s.value >= 0x2000 && s.value <= 0x206F { return false }
        if s.value >= 0x4E00 && s.value <= 0x9FFF || s.value >= 0xAC00 && s.value <= 0xD7A3 { return true }
        switch s.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return s.properties.isAlphabetic
        }
    }

    static func isSpaceByProperties(_ s: Unicode.Scalar) -> Bool {
        if s.value < 128 { return s == " " || s == "\n" || s == "\r" || s == "\t" || s.value == 0x0B || s.value == 0x0C }
        return s.properties.isWhitespace
    }

    static func isUpperByProperties(_ s: Unicode.Scalar) -> Bool {
        s.value < 128 ? s.value >= 65 && s.value <= 90 : s.properties.isUppercase
    }

    @Test("letter, upper case and white space agree with the Unicode properties for every BMP scalar and a sample beyond")
    func classesMatchProperties() {
        var mismatches: [String] = []
        let values = Array(UInt32(0)..<0x10000) + Array(stride(from: UInt32(0x10000), to: 0x110000, by: 97))
        for value in values {
            guard let s = Unicode.Scalar(value) else { continue }
            if TextTokens.isLetter(s) != Self.isLetterByProperties(s) { mismatches.append("letter U+\(String(value, radix: 16))") }
            if TextTokens.isSpace(s) != Self.isSpaceByProperties(s) { mismatches.append("space U+\(String(value, radix: 16))") }
            if TextTokens.isUpper(s) != Self.isUpperByProperties(s) { mismatches.append("upper U+\(String(value, radix: 16))") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test("each non-ASCII letter of the BMP is lower-cased in a word as String.lowercased() does")
    func lowerCasing() {
        var mismatches: [String] = []
        for value in UInt32(0x80)..<0x10000 {
            guard let s = Unicode.Scalar(value), TextTokens.isLetter(s) else { continue }
            // Between two ASCII letters, so that a combining mark has a letter to follow.
            let word = "A" + String(s) + "b"
            let tokens = TextTokens(word).tokens
            guard tokens.count == 1 else {
                mismatches.append("U+\(String(value, radix: 16)) split")
                continue
            }
            if tokens[0].lower != word.lowercased() { mismatches.append("U+\(String(value, radix: 16))") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }

    @Test("words, numbers and marks with their offsets, case and spacing")
    func tokens() {
        let text = TextTokens("İSTANBUL, Dec. 13 —\n“Don’t,” said ÉMILE ǅokić 2022 東京 ｋｉｍ")
        let t = text.tokens
        #expect(t.map(\.lower) == ["i̇stanbul", "", "dec", "", "", "", "", "don't", "", "", "said", "émile", "ǆokić", "", "東京", "ｋｉｍ"])
        #expect(t[0].isAllCaps && t[0].isCapitalised)
        #expect(t[4].kind == .number && t[4].number == 13 && t[4].digits == 2)
        #expect(t[6].isMark("“") && t[6].lineBreakBefore && t[6].spaceBefore && !t[7].spaceBefore)
        #expect(text.text(tokens: 6, through: 9) == "“Don’t,”")
        #expect(t[11].isAllCaps && !t[12].isCapitalised, "ǅ (title case) does not count as upper case")
        #expect(t[13].number == 2022 && t[13].start == 46 && t[13].end == 50)
        #expect(text.text(-5, 3) == "İST" && text.text(60, 99) == "" && text.text(4, 2) == "")
    }

    @Test("a word's apostrophes and case are read the same whether it is all ASCII or not")
    func asciiAndOtherWords() {
        let t = TextTokens("O'Brien d'École KIM'S it' naïve Kim’s A").tokens
        #expect(t.map(\.lower) == ["o'brien", "d'école", "kim's", "it", "", "naïve", "kim's", "a"])
        #expect(t.map(\.kind) == [.word, .word, .word, .word, .mark, .word, .word, .word])
        #expect(t.map(\.start) == [0, 8, 16, 22, 24, 26, 32, 38])
        #expect(t.map(\.end) == [7, 15, 21, 24, 25, 31, 37, 39])
        #expect(t[0].isCapitalised && !t[0].isAllCaps && !t[1].isCapitalised)
        #expect(t[2].isAllCaps, "the apostrophe is no letter: KIM'S is all capitals")
        #expect(t[4].isMark("'") && t[7].isCapitalised && !t[7].isAllCaps)
    }
}
