import Foundation
import NewsbusEnrich
import NewsbusWire
import Testing

/// Pathological input finishes quickly and gives sensible results. Time bounds are generous enough
/// for a debug build on a busy machine.
@Suite("Entities enricher on pathological input")
struct EntitiesRobustnessTests {
    private func timed(_ body: () throws -> Article) rethrows -> (Article, Double) {
        let start = ContinuousClock.now
        let article = try body()
        let elapsed = ContinuousClock.now - start
        return (article, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    @Test("a 1 MB body finishes in under 10 s and finds each entity once")
    func megabyteBody() throws {
        let paragraph = "Foreign Minister Amara Diallo of Senegal met the African Union envoy in Dakar on Monday, and Diallo said talks with France went well.\n\n"
        let body = String(repeating: paragraph, count: 1_048_576 / paragraph.utf8.count + 1)
        let (article, seconds) = try timed { try enrichEntities(body: body) }
        #expect(seconds < 10)
        #expect(article.people.names == ["Amara Diallo"])
        #expect(article.people.first?.aliases == ["Diallo"])
        #expect(article.places.names == ["Senegal", "Dakar", "France"])
        #expect(article.organisations.names == ["African Union"])
    }

    @Test("one long quote and unbalanced quotes")
    func quotes() throws {
        let quote = "\u{201C}" + String(repeating: "we will not give up on the talks and we will keep going ", count: 2_000) + "\u{201D} said Envoy Ruth Amsel."
        let (article, seconds) = try timed { try enrichEntities(body: quote + "\n\n\"Unclosed quote by Mayor Tomas Ek in Oslo.\n\n\u{201D}\u{201D}\"\"") }
        #expect(seconds < 10)
        #expect(article.people.names == ["Ruth Amsel", "Tomas Ek"])
        #expect(article.places.names == ["Oslo"])
    }

    @Test("text without capital letters names nothing")
    func noCapitals() throws {
        let body = String(repeating: "the minister said on tuesday that the talks in geneva would go on. ", count: 500)
        let article = try enrichEntities(body: body)
        #expect(article.people.isEmpty && article.organisations.isEmpty && article.places.isEmpty)
    }

    @Test("all-capital text finds gazetteer names but invents no people or acronyms")
    func allCapitals() throws {
        let article = try enrichEntities(
            headline: "WHO WILL PAY? GERMANY AND FRANCE SPLIT OVER US TARIFFS",
            body: "THE GERMAN CHANCELLOR MET FRENCH LEADERS IN PARIS ON FRIDAY. NOBODY SAID MUCH.")
        #expect(article.places.names == ["Germany", "France", "Paris"])
        #expect(article.people.isEmpty)
        #expect(article.organisations.isEmpty)
    }

    @Test("emoji, right-to-left scripts and control characters do not break tokenising")
    func mixedScripts() throws {
        let body = """
            🇯🇵🔥 President Lena Vogt 👋🏽 visited Cairo. قال الرئيس إن المحادثات في القاهرة كانت مثمرة. \
            הנשיא אמר כי השיחות בירושלים היו טובות. \u{200F}Vogt\u{200E} said\u{0000} Ukraine \u{202E}txet\u{202C} mattered.
            """
        let (article, seconds) = try timed { try enrichEntities(body: String(repeating: body + "\n", count: 200)) }
        #expect(seconds < 10)
        #expect(article.people.names == ["Lena Vogt"])
        #expect(article.people.first?.aliases == ["Vogt"])
        #expect(article.places.names == ["Cairo", "Ukraine"])
    }

    @Test("an empty article and a run of capitalised words far longer than any name")
    func degenerate() throws {
        let empty = try enrichEntities(body: "")
        #expect(empty.people.isEmpty && empty.organisations.isEmpty && empty.places.isEmpty)
        let words = (0..<20_000).map { "Word\($0 % 97)x" }.joined(separator: " ")
        let (article, seconds) = try timed { try enrichEntities(body: words) }
        #expect(seconds < 10)
        #expect(article.people.count < 2_000)
    }
}
