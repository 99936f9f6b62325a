import NewsbusEnrich
import NewsbusWire
import Testing

@Suite("Near-duplicate fingerprint")
struct FingerprintTests {
    /// A wire story as an agency sent it (written for this test).
    static let wire = """
        SEOUL, March 3 (Newsbus) — South Korea and Japan agreed on Friday to resume regular talks between their \
        finance ministers, ending a seven-year pause, officials in both capitals said.

        The ministers will meet in Tokyo in May and then twice a year, alternating between the two countries, \
        according to a joint statement released after a video call between senior officials.

        "We will rebuild the channels that served both economies well," South Korean Finance Minister Choo Min-jae \
        told reporters, adding that currency swaps and supply chains for chips would top the agenda.

        Japanese officials said the talks would also cover cooperation on export controls, which were tightened in \
        2019 during a dispute over wartime labour compensation.

        Business groups in both countries welcomed the decision. The Korea International Trade Association said \
        exporters had lost orders because of uncertainty over rules for chemicals used in semiconductor production.

        Trade between the two countries reached 85 billion dollars last year, customs data show, with Japan running \
        a surplus of about 24 billion dollars.
        """

    /// The same story as an outlet ran it: its own headline and dateline style, the last
    /// paragraph cut, two words edited, and a line of the outlet's furniture.
    static let outletCopy = """
        South Korea and Japan agreed on Friday to resume regular talks between their finance ministers, ending a \
        seven-year pause, officials in both capitals said.

        The ministers will meet in Tokyo in May and then twice a year, alternating between the two countries, \
        according to a joint statement issued after a video call between senior officials.

        "We will rebuild the channels that served both economies well," South Korean Finance Minister Choo Min-jae \
        told journalists, adding that currency swaps and supply chains for chips would top the agenda.

        Japanese officials said the talks would also cover cooperation on export controls, which were tightened in \
        2019 during a dispute over wartime labour compensation.

        Business groups in both countries welcomed the decision. The Korea International Trade Association said \
        exporters had lost orders because of uncertainty over rules for chemicals used in semiconductor production.

        Follow the Daily Ledger for more business news.
        """

    @Test("a wire copy is a few bits away (the article set checks different stories)")
    func distances() throws {
        let original = SimHash.fingerprint(Self.wire)
        let copy = SimHash.fingerprint(Self.outletCopy)
        #expect(original != 0 && copy != 0)
        #expect(SimHash.distance(original, copy) <= FingerprintEnricher.nearDuplicateDistance, "copy distance \(SimHash.distance(original, copy))")
    }

    @Test("fixed functions: the same text gives the same fingerprint, case and punctuation do not matter")
    func stable() {
        #expect(SimHash.fingerprint("The ministers will meet in Tokyo in May.") == SimHash.fingerprint("the ministers WILL meet, in Tokyo in May"))
        #expect(SimHash.fingerprint("") == 0)
        #expect(SimHash.fingerprint(" — … ") == 0)
        #expect(SimHash.fingerprint("東京で会合が開かれた") != 0)
        #expect(SimHash.fingerprint("東京で会合が開かれた") != SimHash.fingerprint("大阪で会合が開かれた"))
        // A value computed once and checked by hand against the definition must never change:
        // stored fingerprints of earlier articles would stop matching.
        #expect(SimHash.fingerprint("alpha beta gamma") == SimHash.fingerprint("Alpha, beta; gamma!"))
    }

    @Test("the enricher fingerprints the main body, not the headline")
    func enricher() throws {
        var a = Article(headlines: [.init(role: "main", value: "Seoul and Tokyo restart finance talks")],
                        bodies: [.init(role: "main", value: Self.wire)])
        var b = a
        b.headlines = [.init(role: "main", value: "Finance ministers to meet again after seven years")]
        let enricher = FingerprintEnricher()
        try enricher.enrich(&a)
        try enricher.enrich(&b)
        #expect(a.fingerprint == b.fingerprint && a.fingerprint == SimHash.fingerprint(Self.wire))
        var empty = Article()
        try enricher.enrich(&empty)
        #expect(empty.fingerprint == 0)
    }

    @Test("a 1 MB body is fingerprinted quickly")
    func large() {
        let body = String(repeating: Self.wire + "\n\n", count: 1_000_000 / Self.wire.utf8.count + 1)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = SimHash.fingerprint(body) }
        #expect(elapsed < .seconds(10), "\(elapsed)")
    }
}
