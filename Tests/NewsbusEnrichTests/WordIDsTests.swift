@testable import NewsbusEnrich
import Testing

@Suite("Word numbering")
struct WordIDsTests {
    @Test("words are numbered 0, 1, 2… in the order first added, and found again by number")
    func numbersInOrder() {
        var ids = WordIDs(minimumCapacity: 2)
        #expect(ids.insert("kestrel") == (0, true))
        #expect(ids.insert("São") == (1, true))
        #expect(ids.insert("kestrel") == (0, false))
        #expect(ids.insert("") == (2, true))
        #expect(ids.id(of: "São") == 1 && ids.id(of: "") == 2)
        #expect(ids.id(of: "sao") == nil && ids.id(of: "Kestrel") == nil)
        #expect(ids.words == ["kestrel", "São", ""])
        #expect(ids.count == 3)
    }

    @Test("numbers stay right as the table grows far past its first size")
    func growth() {
        var ids = WordIDs(minimumCapacity: 1)
        let words = (0..<3000).map { "w\($0 % 5 == 0 ? "é" : "")\($0)" }
        for (number, word) in words.enumerated() { #expect(ids.insert(word) == (number, true)) }
        for (number, word) in words.enumerated() {
            #expect(ids.id(of: word) == number, "\(word)")
            #expect(ids.insert(word) == (number, false))
        }
        #expect(ids.count == words.count)
        #expect(ids.id(of: "w3000") == nil)
    }
}
