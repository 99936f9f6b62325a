@testable import NewsbusEnrich
import Testing

/// The byte-level text checks the entity resolver uses instead of Character-level ones: each
/// must give the Character-level answer, also where a combining mark follows.
@Suite("Entities resolver text checks")
struct EntitiesResolverTextTests {
    @Test("an ASCII prefix test answers as hasPrefix does")
    func asciiPrefix() {
        let texts = ["org:iaea", "org-name:kestrel", "org:", "org", "", "org:\u{301}x", "org:é", "Org:x", "country:JP", "ørg:x"]
        for text in texts {
            #expect(text.hasASCIIPrefix("org:") == text.hasPrefix("org:"), "\(text)")
            #expect(text.hasASCIIPrefix("org-name:") == text.hasPrefix("org-name:"), "\(text)")
        }
        #expect(!"org:\u{301}x".hasASCIIPrefix("org:"), "the mark joins the colon: another character")
    }

    @Test("gazetteer identities are the country, GeoNames, region and gazetteer organisation ones")
    func gazetteerIdentities() {
        for identity in ["country:JP", "geonames:1642911", "region:kanto", "org:iaea", "region:"] {
            #expect(EntityAggregate.isGazetteerIdentity(identity), "\(identity)")
        }
        for identity in ["org-name:kestrel", "person:kim jong un", "place-name:geoje", "", "countr", "c", "org:\u{301}x"] {
            #expect(!EntityAggregate.isGazetteerIdentity(identity), "\(identity)")
        }
    }

    @Test("the first word ends at the first space that is a character of its own")
    func firstWord() {
        let names = ["Kestrel Holdings", "Kestrel", " Lead", "Seoul National University", "São Paulo Futebol", "a \u{301}b c", "Trail ", "x \u{301}"]
        for name in names {
            let expected = name.firstIndex(of: " ").map { String(name[..<$0]) }
            #expect(EntityResolver.firstWord(of: name) == expected, "\(name)")
        }
        #expect(EntityResolver.firstWord(of: "a \u{301}b c") == "a \u{301}b")
    }

    @Test("URIs are the prefix and the name's slug")
    func uris() {
        #expect(entitySlug("Funakoshi Takehiro") == "funakoshi-takehiro")
        #expect(entitySlug("  --A.B 2nd--  ") == "a-b-2nd")
        #expect(entitySlug("") == "")
        #expect(entitySlug("São Paulo") == "sao-paulo")
        #expect(entitySlug("Ελλάδα (ΕΛ)") == "ελλαδα-ελ")
        #expect(entityURI(prefix: "urn:newsbus:org:", name: "Kestrel Holdings") == "urn:newsbus:org:kestrel-holdings")
        #expect(entityURI(prefix: "urn:newsbus:place:", name: "São Paulo") == "urn:newsbus:place:sao-paulo")
        #expect(entityURI(prefix: "urn:newsbus:person:", name: "...") == "urn:newsbus:person:")
    }

    @Test("initials are the capitals that start words, split at spaces and hyphens")
    func initials() {
        #expect(EntityResolver.initials("Korea Institute for Defense Analyses") == "KIDA")
        #expect(EntityResolver.initials("Agence France-Presse") == "AFP")
        #expect(EntityResolver.initials("Überseeische Östliche Bank") == "ÜÖB")
        #expect(EntityResolver.initials("iPhone Users' Group of NASA") == "UGN")
        #expect(EntityResolver.initials("") == "")
    }
}
