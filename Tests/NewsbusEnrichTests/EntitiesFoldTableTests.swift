import Foundation
@testable import NewsbusEnrich
import Testing

@Suite("Entities folding table")
struct EntitiesFoldTableTests {
    /// The fixture pages: news text in many languages and scripts.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/articles")

    @Test("letter-by-letter folding gives Foundation's result for accented, Greek, Cyrillic, Arabic and Devanagari words")
    func samples() {
        let words = [
            "São", "ZÜRICH\u{2019}s", "Đà", "Nẵng", "İstanbul", "Straße", "Ελλάδα", "ΣΟΦΊΑ", "МОСКВА", "Ёлка",
            "دبي", "मुंबई", "Łódź", "Ærø", "Œuvre", "ﬁnal", "e\u{301}te\u{301}", "서울", "東京", "कि\u{93C}", "नमस्ते", "O\u{2019}Brien", "Ба\u{301}йкал",
        ]
        for word in words {
            #expect(Gazetteer.fold(word) == Gazetteer.foldWithFoundation(word), "\(word)")
        }
        #expect(Gazetteer.fold("Đà Nẵng") == Gazetteer.foldWithFoundation("Đà Nẵng"))
        #expect(FoldTable.shared.fold("Ελλάδα") != nil, "Greek letters are in the table")
        // A word the table leaves as it is comes back as itself; others folded.
        for word in ["москва", "دبي", "東京", "abc", "Москва", "São", "O\u{2019}Brien", "ABC"] {
            #expect(FoldTable.shared.fold(scalars: word.unicodeScalars, of: word) == Gazetteer.foldWithFoundation(word), "\(word)")
        }
        #expect(FoldTable.shared.fold("e\u{301}") == nil, "a reordered combining mark takes Foundation's path")
        #expect(FoldTable.shared.fold("मुंबई") != nil, "Devanagari vowel signs stay in place")
    }

    @Test("words the table cannot fold are folded by Foundation once and remembered, each spelling on its own")
    func foundationFolds() {
        // Devanagari with virama and nukta, Arabic with tanwin, a virama after a Latin letter
        // (Foundation drops it there), and the two canonically equivalent spellings of "क़".
        let words = ["मेट्रो", "फ़रवरी", "يومياً", "a\u{094D}", "\u{0958}", "\u{0915}\u{093C}"]
        for _ in 0..<2 {
            for word in words {
                // (The single scalar U+0958 is in the table; the words with marks are not.)
                if word.unicodeScalars.count > 1 { #expect(FoldTable.shared.fold(word) == nil, "\(word) is not for the table") }
                let folded = Gazetteer.fold(word)
                #expect(Array(folded.utf8) == Array(Gazetteer.foldWithFoundation(word).utf8), "\(word)")
            }
        }
        #expect(Array(Gazetteer.fold("\u{0958}").utf8) != Array(Gazetteer.fold("\u{0915}\u{093C}").utf8),
                "each spelling keeps Foundation's own answer")
        // Past its capacity the memory starts again, and answers stay right.
        let folds = FoundationFolds()
        for number in 0..<(FoundationFolds.capacity + 10) {
            let word = "कि\u{094D}" + String(number)
            #expect(folds.fold(word) == Gazetteer.foldWithFoundation(word))
        }
    }

    @Test("every word of the fixture pages folds as Foundation folds it")
    func fixtureWords() throws {
        let pages = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).filter { $0.hasSuffix(".txt") }
        #expect(pages.count >= 10)
        var checked = 0
        for page in pages {
            let text = try String(contentsOf: Self.fixtures.appendingPathComponent(page), encoding: .utf8)
            for token in EntityTokenizer.tokenize(text) where token.isWord {
                let reference = Gazetteer.foldWithFoundation(token.text)
                #expect(Gazetteer.fold(token.text) == reference, "\(page): \(token.text)")
                // The tokenizer's own keys (plain ASCII, ASCII with "’", the table, Foundation).
                #expect(token.key == reference, "\(page): key of \(token.text)")
                checked += 1
            }
        }
        #expect(checked > 10_000)
    }
}

@Suite("Entities folding table: scripts that fold to themselves")
struct EntitiesUnchangedScriptsTests {
    @Test("every letter of the unchanged blocks folds to itself in Foundation and is never reordered")
    func everyLetter() {
        var checked = 0
        for block in FoldTable.unchangedBlocks {
            for value in block {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let letter = String(Character(scalar))
                #expect(Gazetteer.foldWithFoundation(letter) == letter, "U+\(String(value, radix: 16))")
                #expect(!FoldTable.isReordered(scalar), "U+\(String(value, radix: 16))")
                #expect(FoldTable.isUnchanged(value))
                checked += 1
            }
        }
        #expect(checked > 38_000)
        #expect(!FoldTable.isUnchanged(0x3099), "the combining voicing mark is reordered")
        #expect(!FoldTable.isUnchanged(0x0E48), "Thai tone marks are reordered")
    }

    @Test("words in Thai, kana, Han and Hangul fold without Foundation, as Foundation folds them")
    func words() {
        for word in ["ภาษาไทย", "ประเทศไทย", "カタカナ", "ひらがな", "東京都", "서울특별시", "がぎぐ", "中华人民共和国"] {
            #expect(FoldTable.shared.fold(word) != nil, "\(word)")
            #expect(Gazetteer.fold(word) == Gazetteer.foldWithFoundation(word), "\(word)")
        }
        #expect(FoldTable.shared.fold("か\u{3099}") == nil, "a combining voicing mark takes Foundation's path")
    }
}
