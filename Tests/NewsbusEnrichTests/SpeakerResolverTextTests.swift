@testable import NewsbusEnrich
import Testing

@Suite("Speaker resolver text helpers")
struct SpeakerResolverTextTests {
    @Test("possessives are stripped the same whether the bytes or the characters decide")
    func possessives() {
        #expect(SpeakerResolver.possessiveStripped("funakoshi’s") == "funakoshi")
        #expect(SpeakerResolver.possessiveStripped("kim's") == "kim")
        #expect(SpeakerResolver.possessiveStripped("farmers’") == "farmers")
        #expect(SpeakerResolver.possessiveStripped("farmers'") == "farmers")
        #expect(SpeakerResolver.possessiveStripped("news") == "news")
        #expect(SpeakerResolver.possessiveStripped("’s") == "")
        // After a letter beyond ASCII the character-wise test decides; the result is the same.
        #expect(SpeakerResolver.possessiveStripped("søs’s") == "søs")
        #expect(SpeakerResolver.possessiveStripped("zürich’") == "zürich")
        #expect(SpeakerResolver.possessiveStripped("kim") == "kim")
    }

    @Test("a phrase inside a key, and a whole word of a key")
    func search() {
        #expect(SpeakerResolver.contains("ministry of foreign affairs", "foreign affairs"))
        #expect(!SpeakerResolver.contains("ministry of foreign affairs", "foreign office"))
        #expect(!SpeakerResolver.contains("bank", "central bank"))
        #expect(SpeakerResolver.contains("société générale", "générale"))
        #expect(SpeakerResolver.hasWord("court", in: "bavarian administrative court"))
        #expect(!SpeakerResolver.hasWord("court", in: "courtauld institute"))
        #expect(!SpeakerResolver.hasWord("", in: "a  b"))
        #expect(SpeakerResolver.hasWord("générale", in: "société générale"))
    }
}
