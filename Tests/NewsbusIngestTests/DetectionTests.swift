import NewsbusIngest
import Testing

@Suite("Text decoding and format detection")
struct DetectionTests {
    private func decode(_ bytes: [UInt8], charset: String? = nil) throws(IngestError) -> DecodedDocument {
        try TextDecoding.decode(bytes, declaredCharset: charset)
    }

    @Test("UTF-8, with and without a BOM")
    func utf8() throws {
        let plain = try decode(Array("Séoul – 서울".utf8))
        #expect(plain.text == "Séoul – 서울" && plain.encoding == "utf-8")
        let bom = try decode([0xEF, 0xBB, 0xBF] + Array("Tokyo".utf8))
        #expect(bom.text == "Tokyo" && bom.encoding == "utf-8")
    }

    @Test("UTF-16 with a BOM (both byte orders) and without one")
    func utf16() throws {
        let text = "Pyongyang “storm” missile"
        let le = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try decode([0xFF, 0xFE] + le).text == text)
        #expect(try decode([0xFE, 0xFF] + be).text == text)
        let noBOM = try decode(le)
        #expect(noBOM.text == text && noBOM.encoding == "utf-16le")
    }

    @Test("Latin-1 bytes are read as Windows-1252 and the guess is on record")
    func latin1Guessed() throws {
        let bytes: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" in Montr".utf8) + [0xE9, 0x61, 0x6C, 0x20, 0x93, 0x71, 0x94]
        let doc = try decode(bytes)
        #expect(doc.text == "Café in Montréal “q”")
        #expect(doc.encoding.hasPrefix("windows-1252") && doc.encoding.contains("guessed"))
    }

    @Test("UTF-8 with accents and one broken sequence is refused with its offset, not read as Windows-1252 mojibake")
    func brokenUTF8IsNotGuessedAsLatin1() {
        let prefix = Array("Café reopens in Zürich\n\nThe café ".utf8)
        let bytes = prefix + [0xC3, 0x28] + Array(" reopened.".utf8)
        #expect(throws: IngestError.invalidUTF8(offset: prefix.count, line: 3)) { try decode(bytes) }
        // One two-byte sequence alone may be Latin-1 ("Ã©" is rare but legal): still read as such.
        let single: [UInt8] = Array("Menu: caf".utf8) + [0xC3, 0xA9] + Array(" and cr".utf8) + [0xE8, 0x6D, 0x65]
        #expect((try? decode(single))?.encoding.hasPrefix("windows-1252") == true)
    }

    @Test("a charset declared in an XML prolog or given by the caller is used")
    func declaredCharset() throws {
        let xml = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><title>Z".utf8) + [0xFC] + Array("rich</title></rss>".utf8)
        let doc = try decode(xml)
        #expect(doc.text.contains("Zürich") && doc.encoding == "windows-1252")
        #expect(try decode([0x41, 0xE9], charset: "windows-1252").text == "Aé")
        #expect(throws: IngestError.unsupportedEncoding("unknown")) { try decode([0x83, 0x65, 0x83, 0x58], charset: "shift_jis") }
    }

    @Test("binary, empty, whitespace-only and oversized input are refused with a clear error")
    func refused() throws {
        #expect(throws: IngestError.binary(offset: 3, line: 2)) { try decode([0x41, 0x0A, 0x42, 0x00, 0x43, 0x44, 0x45]) }
        #expect(throws: IngestError.empty) { try decode([]) }
        #expect(throws: IngestError.empty) { try decode(Array("  \n\t \r\n".utf8)) }
        #expect(throws: IngestError.tooLarge(bytes: 11, limit: 10)) { try TextDecoding.decode(Array("hello world".utf8), maxBytes: 10) }
        // Control-character soup that is not UTF-8 is not guessed as text.
        let soup: [UInt8] = (0..<200).map { UInt8(1 + $0 % 7) } + [0xFF]
        #expect(throws: IngestError.self) { try decode(soup) }
    }

    @Test("formats are detected from content", arguments: [
        ("{\"uri\":\"urn:x\"}", InputFormat.ninjs),
        ("  [ {\"uri\":\"urn:x\"} ]", .ninjs),
        ("<?xml version=\"1.0\"?>\n<!-- feed -->\n<rss version=\"2.0\"><channel/></rss>", .rss),
        ("<rdf:RDF xmlns:rdf=\"x\"></rdf:RDF>", .rss),
        ("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", .atom),
        ("<a:feed xmlns:a=\"http://www.w3.org/2005/Atom\"></a:feed>", .atom),
        ("<!DOCTYPE html><html><body>x</body></html>", .html),
        ("<html lang=\"en\"><head></head></html>", .html),
        ("<div>fragment</div>", .html),
        ("News / World\n\nHeadline\n\nBody.", .textScrape),
    ])
    func formats(text: String, expected: InputFormat) throws {
        #expect(FormatDetector.detect(try decode(Array(text.utf8))) == expected)
    }

    @Test("the ingestor reads a Latin-1 scrape and records format and encoding")
    func ingestLatin1Scrape() throws {
        let text = "News / World\n\nLe caf\u{E9} de la r\u{E9}publique\n\nUn premier paragraphe sur le caf\u{E9}.\n\nUn second paragraphe.\n"
        let bytes = text.unicodeScalars.map { UInt8($0.value) }
        let result = try Ingestor().ingest(bytes, context: IngestContext(sourceName: "test", locator: "latin.txt", receivedAt: "2024-03-07T00:00:00Z", filename: "latin.txt"))
        #expect(result.format == .textScrape)
        #expect(result.encoding.hasPrefix("windows-1252"))
        #expect(result.articles.first?.headline == "Le café de la république")
        #expect(result.articles.first?.source?.format == InputFormat.textScrape.rawValue)
    }
}
