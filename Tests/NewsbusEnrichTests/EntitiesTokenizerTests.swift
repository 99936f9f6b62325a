@testable import NewsbusEnrich
import Testing

/// The entity tokenizer over UTF-8 bytes: word boundaries, keys, case flags, sentence marks, and
/// positions in scalars and bytes that agree with each other for text in several scripts.
@Suite("Entities tokenizer")
struct EntitiesTokenizerTests {
    private func words(_ text: String) -> [String] {
        EntityTokenizer.tokenize(text).map(\.text)
    }

    @Test("hyphens and apostrophes inside words keep them whole; a possessive 's is its own token")
    func joiners() {
        #expect(words("Hwasong-17 O'Brien's al-Assad") == ["Hwasong-17", "O'Brien", "'s", "al-Assad"])
        #expect(words("Kim’s plan, Davies’ view") == ["Kim", "'s", "plan", ",", "Davies", "’", "view"])
        // The possessive token is written "'s" whatever apostrophe and case the text used.
        #expect(words("KIM’S") == ["KIM", "'s"])
        #expect(words("rock 'n' roll") == ["rock", "'", "n", "'", "roll"])
    }

    @Test("dotted acronyms and web domains are one word; a sentence's full stop is not")
    func dots() {
        #expect(words("The U.S. and U.N. met.") == ["The", "U.S.", "and", "U.N.", "met", "."])
        #expect(words("Amazon.com and example.org, not end.Next") == ["Amazon.com", "and", "example.org", ",", "not", "end", ".", "Next"])
        #expect(words("É.U. talks") == ["É.U.", "talks"])
    }

    @Test("keys fold case, diacritics and curly apostrophes; flags describe the letters")
    func keysAndFlags() throws {
        let tokens = EntityTokenizer.tokenize("NATO said São Paulo’s O’Neill met al-Sisi 2025 iPhone")
        let byText = Dictionary(tokens.map { ($0.text, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byText["NATO"]?.key == "nato")
        #expect(byText["NATO"]?.isAllCaps == true)
        #expect(byText["said"]?.key == "said")
        #expect(byText["said"]?.isCapitalised == false)
        #expect(byText["São"]?.key == "sao")
        #expect(byText["São"]?.isCapitalised == true)
        #expect(byText["O’Neill"]?.key == "o'neill")
        #expect(byText["al-Sisi"]?.isCapitalised == true, "a lower-case particle before a capitalised name")
        #expect(byText["al-Sisi"]?.hasHyphen == true)
        #expect(byText["2025"]?.isCapitalised == false)
        #expect(byText["iPhone"]?.isCapitalised == false)
        for token in tokens where token.isWord {
            #expect(token.key == Gazetteer.fold(token.text), "\(token.text)")
        }
    }

    @Test("scalar and byte positions agree with the text, in Latin, Cyrillic, Devanagari, CJK and emoji")
    func positions() {
        let text = "Über 👍🏽 Москва\u{00A0}नई दिल्ली, 東京 «Zürich»\nSeoul.\r\nO’Brien"
        let scalars = Array(text.unicodeScalars)
        let bytes = Array(text.utf8)
        let tokens = EntityTokenizer.tokenize(text)
        #expect(tokens.count > 10)
        for token in tokens {
            let fromScalars = String(String.UnicodeScalarView(scalars[token.start..<token.end]))
            let fromBytes = String(decoding: bytes[token.utf8Start..<token.utf8End], as: UTF8.self)
            if token.text == "'s" { continue }
            #expect(fromScalars == token.text, "scalars \(token.start)..<\(token.end)")
            #expect(fromBytes == token.text, "bytes \(token.utf8Start)..<\(token.utf8End)")
        }
        #expect(tokens.filter(\.isWord).map(\.text) == ["Über", "Москва", "नई", "दिल्ली", "東京", "Zürich", "Seoul", "O’Brien"])
    }

    @Test("sentences end at full stops and line breaks, not after abbreviations or initials")
    func sentences() {
        let tokens = EntityTokenizer.tokenize("Mr. Lee met John F. Kennedy. Then \"Quiet\" fell\nNew line")
        let starts = tokens.filter(\.sentenceStart).map(\.text)
        #expect(starts == ["Mr", "Then", "Quiet", "New"])
        #expect(tokens.first { $0.text == "New" }?.paragraphStart == true)
        #expect(tokens.first { $0.text == "Kennedy" }?.sentence == 0)
        #expect(tokens.first { $0.text == "Then" }?.sentence == 1)
    }

    @Test("empty, space-only and mark-only text give no words and do not trap")
    func degenerate() {
        #expect(EntityTokenizer.tokenize("").isEmpty)
        #expect(EntityTokenizer.tokenize(" \n\u{2029}\u{00A0}").isEmpty)
        #expect(EntityTokenizer.tokenize("'").map(\.text) == ["'"])
        #expect(EntityTokenizer.tokenize("-'’.").allSatisfy { !$0.isWord })
        #expect(EntityTokenizer.tokenize("x'").map(\.text) == ["x", "'"])
    }
}
