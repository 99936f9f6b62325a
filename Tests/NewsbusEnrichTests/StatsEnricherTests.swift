import NewsbusEnrich
import NewsbusWire
import Testing

@Suite("Stats enricher")
struct StatsEnricherTests {
    @Test("words keep inner apostrophes and hyphens; reading time rounds up at 238 words a minute")
    func counts() throws {
        #expect(StatsEnricher.wordCount("Funakoshi’s Hwasong-17 \"monster\" missile, 2022.") == 5)
        #expect(StatsEnricher.wordCount("  — ") == 0)
        #expect(StatsEnricher.wordCount("北朝鮮 ミサイル") == 2)
        var article = Article(bodies: [
            Article.Body(role: "main", value: String(repeating: "word ", count: 239)),
            Article.Body(role: "summary", value: "Ça va, Zoë?"),
        ])
        let enricher = StatsEnricher()
        try enricher.enrich(&article)
        #expect(article.bodies[0].wordcount == 239)
        #expect(article.bodies[0].readingTimeSeconds == 61)
        #expect(article.bodies[0].charcount == 239 * 5)
        #expect(article.bodies[1].wordcount == 3)
        #expect(article.bodies[1].charcount == 11)
    }

    /// The definition of a word, written out with a Unicode property look-up for every scalar: the
    /// reference the counter's ASCII shortcut must agree with.
    static func referenceWordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        var previousWasJoiner = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if !inWord { count += 1 }
                inWord = true
                previousWasJoiner = false
            } else if inWord && !previousWasJoiner && ["'", "\u{2019}", "-"].contains(scalar) {
                previousWasJoiner = true
            } else {
                inWord = false
                previousWasJoiner = false
            }
        }
        return count
    }

    @Test("ASCII and other scripts count alike: apostrophes, hyphens, digits and joiners at edges", arguments: [
        ("rock'n'roll state-of-the-art 24/7 3.5% U.S. e-mail", 9),
        ("don''t re--enter -start end- 'quoted' ’tis", 8),
        ("Ошибка-404 l’État München's 北京-上海 ١٢٣ ۴۵۶", 6),
        ("दुनिया ภาษาไทย ελληνικά’s", 3),
        // A combining accent is not alphabetic, so a decomposed "é" splits the word.
        ("x-’y a'-b 7’’8 Ⅻ-IV ½ ① cafe\u{301}s naïve_word tab\tnew\nline", 16),
        ("@[`{ A Z a z 0 9 /:", 6),
    ])
    func asciiAndOtherScriptsAgree(text: String, expected: Int) {
        #expect(StatsEnricher.wordCount(text) == expected)
        #expect(StatsEnricher.wordCount(text) == Self.referenceWordCount(text))
    }

    @Test("scripts with signs between letters count as the reference says", arguments: [
        "नमस्ते हिन्दी-भाषा, বাংলা ভাষা’র ১৯৭১", "مُحَمَّد ٢٠٢٤-م", "한국어-영어 テスト’s ｔｅｓｔ１２", "🙂word🙂 a\u{200D}b",
    ])
    func signsAgreeWithReference(text: String) {
        #expect(StatsEnricher.wordCount(text) == Self.referenceWordCount(text))
    }

    @Test("every ASCII scalar, alone and between letters, counts as the reference says")
    func everyASCIIScalar() {
        for value in UInt8(0)..<0x80 {
            let character = String(UnicodeScalar(value))
            for text in [character, "a" + character + "b", "é" + character + "ü", character + character + "x"] {
                #expect(StatsEnricher.wordCount(text) == Self.referenceWordCount(text), "\(text.debugDescription)")
            }
        }
    }
}
