@testable import NewsbusEnrich
import Testing

/// Small parts of name-run reading: hyphenated words' outer parts, title words found by their
/// capitalised form, and the per-run unit flags.
@Suite("Entities name-run parts")
struct EntitiesNameRunPartsTests {
    @Test("the outer parts of a hyphenated word are the first and last that split gives")
    func outerParts() throws {
        for word in ["Vice-Minister", "Secretary-General", "Hwasong-17", "a--b", "-lead", "trail-", "-both-", "x-y-z", "plain", "--"] {
            let parts = word.split(separator: "-")
            let expected = parts.first.flatMap { first in parts.last.map { (String(first), String($0)) } }
            let found = NameRunScanner.outerParts(word).map { (String($0.first), String($0.last)) }
            #expect(found?.0 == expected?.0 && found?.1 == expected?.1, "\(word)")
        }
        #expect(NameRunScanner.outerParts("Vice-Prime-Minister").map { String($0.first) + "|" + String($0.last) } == "Vice|Minister")
    }

    @Test("a title word is found by the word's capitalised form, as Foundation capitalises it")
    func titleWords() throws {
        let gazetteer = try Gazetteer.shared()
        for word in ["minister", "MINISTER", "Minister", "mInIsTeR", "general", "17", "elect", "xyz", "президент", ""] {
            let expected = gazetteer.wordKind(word.capitalized)
            #expect(gazetteer.titleWordKind(capitalising: Substring(word)) == expected, "\(word)")
        }
        #expect(gazetteer.titleWordKind(capitalising: "minister") == .titleHead)
        #expect(gazetteer.titleWordKind(capitalising: "17") == nil)
    }

    @Test("unit flags hold one bit per unit, independently")
    func unitFlags() {
        var flags = NameRun.UnitFlags()
        for index in 0..<64 { #expect(!flags[index]) }
        for index in stride(from: 0, to: 64, by: 3) { flags[index] = true }
        for index in 0..<64 { #expect(flags[index] == (index % 3 == 0), "\(index)") }
        flags[63] = false
        flags[0] = false
        #expect(!flags[63] && !flags[0] && flags[3])
        // A run cannot hold more units than the flags have bits.
        #expect(NameRun.maximumUnits + 3 <= 64)
    }
}
