import Foundation
import NewsbusIngest
import Testing

@Suite("Oversized input")
struct LargeInputTests {
    /// A 50 MB HTML page written to a temporary folder: plausible markup, repeated.
    private static func writeFiftyMegabytePage() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsbus-large-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("huge-page.html")
        let paragraph = Data("<p>The harbour board met again on Tuesday to discuss the night ferry timetable and the repairs to the sea wall.</p>\n".utf8)
        var chunk = Data("<!doctype html><html><head><title>Harbour board</title></head><body><article>\n".utf8)
        while chunk.count < 1 << 20 { chunk.append(paragraph) }
        try Data().write(to: url)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var written = 0
        while written < 50 << 20 {
            let piece = chunk.prefix((50 << 20) - written)
            try handle.write(contentsOf: piece)
            written += piece.count
        }
        return url
    }

    @Test("a 50 MB file is refused at once with a clear error, and the ingestor goes on")
    func fiftyMegabytes() throws {
        let url = try Self.writeFiftyMegabytePage()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let bytes = [UInt8](try Data(contentsOf: url))
        #expect(bytes.count == 50 << 20)

        let ingestor = Ingestor()
        #expect(ingestor.maxBytes == 16 << 20)
        let context = IngestContext(sourceName: "inbox", locator: url.path, receivedAt: "2030-01-01T00:00:00Z", filename: url.lastPathComponent)
        var caught: IngestError?
        let elapsed = threadCPUTime {
            do {
                _ = try ingestor.ingest(bytes, context: context)
            } catch {
                caught = error as? IngestError
            }
        }
        let error = try #require(caught)
        #expect(error == .tooLarge(bytes: 52_428_800, limit: 16_777_216))
        #expect(error.code == "too-large")
        #expect(
            error.description
                == "too-large: the input is 52428800 bytes, more than the 16777216-byte limit (exceeded at byte offset 16777216); nothing was parsed")
        // Refused from its size, before decoding: far below the time to parse even 1 MB.
        #expect(elapsed < .milliseconds(500), "took \(elapsed)")

        // The same ingestor reads the next input.
        let next = try ingestor.ingest(Array("News / Ports\n\nFerry resumes\n\nThe ferry sailed again on Monday, the operator said.\n".utf8), context: context)
        #expect(next.articles.first?.headline == "Ferry resumes")
    }

    @Test("the limit is the ingestor's: an input of exactly maxBytes is read, one byte more is refused")
    func limitIsInclusive() throws {
        let page = Array("News / Ports\n\nFerry resumes\n\nThe ferry sailed again on Monday, the operator said.\n".utf8)
        let context = IngestContext(sourceName: "inbox", locator: "page.txt", receivedAt: "2030-01-01T00:00:00Z")
        #expect(try Ingestor(maxBytes: page.count).ingest(page, context: context).articles.count == 1)
        #expect(throws: IngestError.tooLarge(bytes: page.count, limit: page.count - 1)) {
            try Ingestor(maxBytes: page.count - 1).ingest(page, context: context)
        }
    }
}
