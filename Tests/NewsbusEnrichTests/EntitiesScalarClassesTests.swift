@testable import NewsbusEnrich
import Testing

@Suite("Entities scalar classes")
struct EntitiesScalarClassesTests {
    @Test("the table gives each non-ASCII scalar's word, letter, upper-case and white-space classes")
    func classes() {
        let shared = ScalarClasses.shared
        // The entity tokenizer's classes only (the table also holds those of the text tokenizer).
        let classes = { (scalar: Unicode.Scalar) in shared.flags(scalar).intersection([.word, .letter, .upper, .whitespace]) }
        #expect(classes("é") == [.word, .letter])
        #expect(classes("É") == [.word, .letter, .upper])
        #expect(classes("ǅ").contains(.upper), "title case counts as upper case")
        #expect(classes("\u{00A0}") == [.whitespace])
        #expect(classes("\u{2019}") == [], "general punctuation is never part of a word")
        #expect(classes("\u{093F}") == [.word, .letter], "a Devanagari vowel sign is part of a word")
        #expect(classes("\u{0301}") == [.word], "a combining accent is part of a word, not a letter")
        #expect(classes("٣").contains(.word), "Arabic-Indic digits are part of a word")
        #expect(shared.flags("\u{1D400}") == ScalarClasses.flags(of: "\u{1D400}"), "beyond the table: computed")
    }

    @Test("the blocks filled without the property tables hold caseless letters only")
    func caselessLetterBlocks() {
        for block in ScalarClasses.caselessLetterBlocks {
            for value in block {
                guard let scalar = Unicode.Scalar(value) else { continue }
                #expect(ScalarClasses.flags(of: scalar) == ScalarClasses.caselessLetter, "U+\(String(value, radix: 16))")
            }
        }
    }

    @Test("the language and topics classes follow the general category, as the training script's Python does")
    func generalCategoryClasses() {
        let shared = ScalarClasses.shared
        #expect(shared.flags("é").contains(.categoryLetter))
        #expect(shared.flags("ǅ").contains(.categoryLetter), "a title-case letter is a letter")
        #expect(shared.flags("ʰ").contains(.categoryLetter), "a modifier letter is a letter")
        #expect(!shared.flags("Ⅻ").contains(.categoryLetter), "a letter-like number is not a letter (category Nl)")
        #expect(shared.flags("٣").contains(.decimalDigit) && !shared.flags("½").contains(.decimalDigit))
        #expect(shared.flags("\u{0301}").contains(.mark) && shared.flags("\u{093F}").contains(.mark))
        #expect(shared.flags("A").contains([.categoryLetter, .uppercase, .changesWhenLowercased]), "ASCII is in the table too")
        #expect(Letters.isLetter("ж") && !Letters.isLetter("\u{0301}") && !Letters.isLetter("٣"))
    }
}
