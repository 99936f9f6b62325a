import Foundation
import NewsbusIngest
import NewsbusWire
import Testing

/// The ninjs fixtures (`Fixtures/ninjs/*.json`); their expectations are checked by `IngestFixtureTests`.
enum NinjsFixtures {
    /// `Tests/NewsbusIngestTests/Fixtures/ninjs`, found from this file's path.
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
        .appendingPathComponent("ninjs")

    /// The context every test uses.
    static let context = IngestContext(
        sourceName: "agency:test", sourceKind: "file", locator: "agency/test.json", receivedAt: "2026-01-15T12:00:00Z")

    static func document(_ name: String) throws -> DecodedDocument {
        try TextDecoding.decode([UInt8](try Data(contentsOf: directory.appendingPathComponent(name + ".json"))))
    }

    static func document(text: String) -> DecodedDocument {
        DecodedDocument(text: text, bytes: Array(text.utf8), encoding: "utf-8")
    }
}

@Suite("ninjs fixtures")
struct NinjsFixtureTests {
    @Test("parse keeps the good items of an array with bad ones")
    func goodOnes() throws {
        let articles = try NinjsParser().parse(try NinjsFixtures.document("array-with-bad-items"), context: NinjsFixtures.context)
        #expect(articles.map(\.uri) == ["urn:newsbus:test:ninjs:good-1", "urn:newsbus:test:ninjs:good-2"])
    }

    @Test("the ingestor routes ninjs to the ninjs parser")
    func throughIngestor() throws {
        let bytes = [UInt8](try Data(contentsOf: NinjsFixtures.directory.appendingPathComponent("array-of-three.json")))
        let result = try Ingestor(parsers: [NinjsParser()]).ingest(bytes, context: NinjsFixtures.context)
        #expect(result.format == .ninjs)
        #expect(result.articles.count == 3)
    }
}
