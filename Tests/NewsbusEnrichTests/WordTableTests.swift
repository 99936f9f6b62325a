@testable import NewsbusEnrich
import Testing

@Suite("Word tables")
struct WordTableTests {
    @Test("a table answers as a Dictionary does through inserts, replacements and removals")
    func matchesDictionary() {
        var table = WordTable<Int>(minimumCapacity: 4)
        var reference: [String: Int] = [:]
        // Deterministic pseudo-random words and operations (a linear congruential sequence).
        var state: UInt64 = 42
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let words = (0..<600).map { "w\($0 % 7 == 0 ? "é" : "")\($0)" }
        for step in 0..<20_000 {
            let word = words[Int(next() % UInt64(words.count))]
            if next() % 3 == 0 {
                table[word] = nil
                reference[word] = nil
            } else {
                table[word] = step
                reference[word] = step
            }
            if step % 997 == 0 {
                for word in words { #expect(table[word] == reference[word], "\(word) after step \(step)") }
                #expect(table.count == reference.count)
            }
        }
        for word in words { #expect(table[word] == reference[word], "\(word)") }
        #expect(table.count == reference.count)
        #expect(table["never-stored"] == nil)
    }

    @Test("a word set holds exactly its words, whatever their length")
    func wordSet() {
        let set: WordSet = ["of", "the", "ministry", "São", ""]
        #expect(set.contains("of") && set.contains("ministry") && set.contains("São") && set.contains(""))
        #expect(!set.contains("Of") && !set.contains("ministries") && !set.contains("sao") && !set.contains("a-much-longer-word"))
        #expect(set.count == 5)
        #expect(set.contains("ministry"[...]))
    }
}
