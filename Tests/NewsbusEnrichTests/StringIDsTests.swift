@testable import NewsbusEnrich
import Testing

@Suite("String numbering")
struct StringIDsTests {
    @Test("strings are numbered in the order first added, ASCII or not, and found again")
    func numbersInOrder() {
        var ids = StringIDs()
        #expect(ids.insert("kestrel") == (0, true))
        #expect(ids.insert("søren") == (1, true))
        #expect(ids.insert("park") == (2, true))
        #expect(ids.insert("kestrel") == (0, false))
        #expect(ids.insert("søren") == (1, false))
        #expect(ids.id(of: "park") == 2 && ids.id(of: "søren") == 1)
        #expect(ids.id(of: "Park") == nil && ids.id(of: "soren") == nil)
        #expect(ids.count == 3)
    }

    @Test("canonically equal spellings are one string, as for String ==")
    func canonicalEquivalence() {
        var ids = StringIDs()
        let composed = "jos\u{E9}"  // é as one scalar
        let decomposed = "jose\u{301}"  // e and a combining acute
        #expect(composed == decomposed)
        #expect(ids.insert(composed) == (0, true))
        #expect(ids.insert(decomposed) == (0, false))
        #expect(ids.id(of: decomposed) == 0)
        // The Kelvin sign is canonically the letter K, so it finds the ASCII spelling.
        #expect(ids.insert("K") == (1, true))
        #expect(ids.id(of: "\u{212A}") == 1)
        #expect(ids.insert("\u{212A}2") == (2, true))
        #expect(ids.id(of: "K2") == 2)
    }

    @Test("the ASCII text equal to a string")
    func asciiEquivalent() {
        #expect(StringIDs.asciiEquivalent("Funakoshi’s") == nil)
        #expect(StringIDs.asciiEquivalent("park") == "park")
        #expect(StringIDs.asciiEquivalent("\u{212A}im") == "Kim")
        #expect(StringIDs.asciiEquivalent("") == "")
    }
}
