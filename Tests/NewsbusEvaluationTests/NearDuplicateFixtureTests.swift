import Foundation
import NewsbusEnrich
import NewsbusEvaluation
import NewsbusWire
import Testing

/// The near-duplicate fingerprint on the annotated article set: an outlet's edited copy of each
/// story stays within the threshold, and no two different stories come that close.
@Suite("Near-duplicates over the article set")
struct NearDuplicateFixtureTests {
    /// What an outlet does to a wire story: drops the dateline and the last paragraph, edits two
    /// words, adds a line of its own furniture.
    static func outletCopy(of body: String) -> String {
        var paragraphs = body.components(separatedBy: "\n\n").filter { !$0.isEmpty }
        if paragraphs.count > 3 { paragraphs.removeLast() }
        if let first = paragraphs.first, let dash = first.range(of: " — ") ?? first.range(of: " - ") {
            paragraphs[0] = String(first[dash.upperBound...])
        }
        var text = paragraphs.joined(separator: "\n\n")
        for (word, replacement) in [(" said ", " stated "), (" the ", " this ")] {
            if let range = text.range(of: word) { text.replaceSubrange(range, with: replacement) }
        }
        return text + "\n\nRead more stories like this in the Harbour Ledger app."
    }

    @Test("copies within the threshold, different stories beyond it")
    func distances() throws {
        let fixtures = try EnrichmentFixture.loadAll(from: FixtureSet.directory)
        let bodies = fixtures.compactMap { $0.article.mainBody?.value }
        try #require(bodies.count >= 30)
        let english = fixtures.filter { $0.expectation.language == "en" }.compactMap { $0.article.mainBody?.value }
        let englishCopies = english.map { SimHash.distance(SimHash.fingerprint($0), SimHash.fingerprint(Self.outletCopy(of: $0))) }
        let prints = bodies.map(SimHash.fingerprint)
        let threshold = FingerprintEnricher.nearDuplicateDistance
        var copyDistances: [Int] = []
        for (body, print) in zip(bodies, prints) {
            copyDistances.append(SimHash.distance(print, SimHash.fingerprint(Self.outletCopy(of: body))))
        }
        var closest = 64
        for i in prints.indices {
            for j in prints.indices where j > i { closest = min(closest, SimHash.distance(prints[i], prints[j])) }
        }
        // Measured when the threshold was chosen: 22 of 23 English copies within 2–12 bits (one at
        // 17: SimHash of a 300-word text is noisy), different stories 22 bits apart or more.
        let englishFound = englishCopies.filter { $0 <= threshold }.count
        #expect(Double(englishFound) >= 0.9 * Double(englishCopies.count), "English outlet copies: \(englishCopies.sorted())")
        let found = copyDistances.filter { $0 <= threshold }.count
        #expect(Double(found) >= 0.85 * Double(copyDistances.count), "outlet copies: \(copyDistances.sorted())")
        #expect(closest >= threshold + 5, "closest pair of different stories: \(closest) bits")
    }
}
