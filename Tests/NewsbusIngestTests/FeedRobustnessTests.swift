import Foundation
import NewsbusIngest
import NewsbusWire
import Testing

/// Large, hostile and broken feeds.
@Suite("Feed robustness")
struct FeedRobustnessTests {
    private func parse(_ text: String, format: InputFormat = .rss) throws(IngestError) -> FeedParseResult {
        try FeedParser(format: format).parseFeed(FeedFixtures.document(text: text), context: FeedFixtures.context)
    }

    private func error(_ text: String, format: InputFormat = .rss) -> IngestError? {
        do {
            _ = try parse(text, format: format)
            return nil
        } catch {
            return error
        }
    }

    private func rss(_ items: String, prolog: String = "<?xml version=\"1.0\"?>\n") -> String {
        prolog + "<rss version=\"2.0\"><channel><title>T</title>\n" + items + "\n</channel></rss>\n"
    }

    /// Measured on an idle 2-core machine, debug build: about 2 s, a quarter of it `ContentHash.of`.
    @Test("10,000 items parse in well under 5 s of CPU time (debug build)")
    func tenThousandItems() throws {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
            <channel><title>Load</title><link>https://load.example.org/</link><language>en</language>

            """
        text.reserveCapacity(10_000 * 900)
        for k in 1...10_000 {
            text += """
                <item><title>Item \(k): council &amp; port agree on budget</title>
                <link>https://load.example.org/\(k)</link><guid isPermaLink="false">load-\(k)</guid>
                <pubDate>Tue, 05 Mar 2024 09:\(String(format: "%02d", k % 60)):00 GMT</pubDate>
                <dc:creator>Reporter \(k % 17)</dc:creator><category>Budget</category>
                <description>Summary of item \(k).</description>
                <content:encoded><![CDATA[<p>First paragraph of item \(k), with <a href="https://load.example.org/x">a link</a>.</p><p>Second paragraph &amp; more.</p>]]></content:encoded>
                <media:content url="https://img.load.example.org/\(k).jpg" medium="image" width="800" height="600"><media:credit>Desk</media:credit></media:content>
                </item>

                """
        }
        text += "</channel></rss>\n"
        var result: FeedParseResult?
        // CPU time of this thread: ~2 s in a debug build, whatever else the machine is doing.
        let elapsed = try threadCPUTime { result = try parse(text) }
        #expect(elapsed < .seconds(5), "took \(elapsed)")
        #expect(result?.articles.count == 10_000)
        #expect(result?.articles.last?.headline == "Item 10000: council & port agree on budget")
        #expect(result?.articles.last?.mainBody?.value == "First paragraph of item 10000, with a link.\n\nSecond paragraph & more.")
        #expect(result?.articles.last?.associations.first?.credit == "Desk")
    }

    @Test("a billion-laughs entity bomb fails or stays inert within 1 s")
    func billionLaughs() {
        var doctype = "<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n"
        doctype += "<!ENTITY lol1 \"" + String(repeating: "&lol;", count: 10) + "\">\n"
        for level in 2...9 {
            doctype += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        doctype += "]>\n"
        let text = rss("<item><title>Laughs &lol9;</title><description>Body &lol9; text.</description></item>",
                       prolog: "<?xml version=\"1.0\"?>\n" + doctype)
        var outcome: Result<FeedParseResult, IngestError>?
        let elapsed = threadCPUTime {
            outcome = Result { () throws(IngestError) -> FeedParseResult in try parse(text) }
        }
        #expect(elapsed < .seconds(1), "took \(elapsed)")
        switch outcome {
        case let .success(result)?:
            // Inert: the references are not expanded.
            #expect(result.articles.allSatisfy { !$0.headline.contains("lollol") && !($0.mainBody?.value ?? "").contains("lollol") })
        case let .failure(error)?:
            guard case .malformed(format: "rss", _, _, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
        case nil:
            Issue.record("no outcome")
        }
    }

    @Test("a large flat entity referenced many times (quadratic blowup) stays inert and fast")
    func quadraticBlowup() throws {
        let big = String(repeating: "x", count: 100_000)
        let references = String(repeating: "&big;", count: 20_000)
        let text = rss("<item><title>Blowup</title><description>Start \(references) end.</description></item>",
                       prolog: "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY big \"\(big)\">]>\n")
        var outcome: Result<FeedParseResult, IngestError>?
        let elapsed = threadCPUTime {
            outcome = Result { () throws(IngestError) -> FeedParseResult in try parse(text) }
        }
        #expect(elapsed < .seconds(2), "took \(elapsed)")
        if case let .success(result)? = outcome {
            #expect(result.articles.first?.mainBody?.value == "Start end.")
        }
    }

    @Test("an external entity is never loaded")
    func externalEntity() throws {
        let marker = "NEWSBUS-SECRET-\(UInt64.random(in: 1...UInt64.max))"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("newsbus-xxe-\(marker).txt")
        try Data((marker + "\n").utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let url = file.absoluteString
        let general = rss(
            "<item><title>Leak &xxe; here</title><description>Body &xxe; text.</description><guid>g1</guid></item>",
            prolog: "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"\(url)\">]>\n")
        let parameter = rss(
            "<item><title>Parameter entity</title><description>Body.</description><guid>g2</guid></item>",
            prolog: "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY % ext SYSTEM \"\(url)\"> %ext;]>\n")
        let externalDTD = rss(
            "<item><title>External DTD</title><description>Body.</description><guid>g3</guid></item>",
            prolog: "<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \"\(url)\">\n")
        for text in [general, parameter, externalDTD] {
            do {
                let result = try parse(text)
                for article in result.articles {
                    let everything = String(describing: article)
                    #expect(!everything.contains(marker))
                }
                if text == general {
                    #expect(result.articles.first?.headline == "Leak here")
                    #expect(result.articles.first?.mainBody?.value == "Body text.")
                }
            } catch {
                #expect(!error.message.contains(marker))
            }
        }
    }

    @Test("malformed XML is .malformed with line and column")
    func malformed() {
        let text = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel>\n  <item><title>Broken</titel></item>\n</channel></rss>\n"
        guard case let .malformed(format, line, column, reason)? = error(text) else {
            Issue.record("expected .malformed")
            return
        }
        #expect(format == "rss")
        #expect(line == 4)
        #expect(column > 0)
        #expect(reason.contains("mismatch"), "\(reason)")

        guard case let .malformed("atom", line2, _, _)? = error("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<entry>\n<title>cut", format: .atom) else {
            Issue.record("expected .malformed for truncated input")
            return
        }
        #expect(line2 == 3)
        guard case .malformed("rss", 1, _, _)? = error("<rss><channel><item>&undefined;</item></channel></rss>") else {
            Issue.record("expected .malformed for an undefined entity")
            return
        }
        guard case .malformed? = error("") else {
            Issue.record("expected .malformed for empty text")
            return
        }
    }

    @Test("libxml2 prints nothing on stderr")
    func silent() throws {
        let captured = try FeedStandardError.capture {
            _ = error("<rss>\n<channel><item><title>x</titl></item></channel></rss>")
            _ = error("<rss><channel><item><title>&nope; &nbsp;</title></item></channel></rss>")
            _ = error("<?xml version=\"1.0\" encoding=\"bogus-charset\"?><rss><channel><item><title>x</title></item></channel></rss>")
            _ = error("<rss><channel><item><description><![CDATA[<p>unclosed <b>html <div></span>]]></description></item></channel></rss>")
            _ = error("\u{1}\u{2}garbage")
        }
        #expect(!captured.contains("parser error"), "\(captured)")
        #expect(!captured.contains("error :"), "\(captured)")
        #expect(!captured.contains("Entity:"), "\(captured)")
        #expect(!captured.contains("HTML parser"), "\(captured)")
    }

    @Test("a feed without usable items is .noArticle; unusable items are skipped and counted")
    func noUsableItems() throws {
        guard case .noArticle? = error(rss("")) else {
            Issue.record("expected .noArticle for an empty channel")
            return
        }
        guard case .noArticle? = error(rss("<item><guid>a</guid></item><item><description> </description></item>")) else {
            Issue.record("expected .noArticle when no item has a title or body")
            return
        }
        guard case .noArticle? = error("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Empty</title></feed>", format: .atom) else {
            Issue.record("expected .noArticle for an empty Atom feed")
            return
        }
        let result = try parse(rss("<item><guid>a</guid></item>\n<item><title>Kept</title></item>\n<item/>"))
        #expect(result.articles.map(\.headline) == ["Kept"])
        #expect(result.skipped.map(\.index) == [1, 3])
        #expect(result.skipped.map(\.line) == [3, 5])
        #expect(result.articles.first?.bodies.isEmpty == true)
    }

    @Test("a root that is neither RSS nor Atom is .unknownFormat")
    func wrongRoot() {
        guard case .unknownFormat? = error("<html><body><p>Hello</p></body></html>") else {
            Issue.record("expected .unknownFormat")
            return
        }
    }

    @Test("HTML entity names XML does not define are decoded, entity-free text untouched")
    func htmlEntities() throws {
        let result = try parse(rss("<item><title>Caf&eacute;&nbsp;opens &mdash; at last</title><description>Tom &amp; Jerry&hellip;</description></item>"))
        #expect(result.articles.first?.headline == "Café opens — at last")
        #expect(result.articles.first?.mainBody?.value == "Tom & Jerry…")
    }

    @Test("an XML prolog declaring Latin-1 over text decoded before is read as the decoded text")
    func declaredLatin1() throws {
        let bytes: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><title>Z".utf8) + [0xFC]
            + Array("rich caf".utf8) + [0xE9] + Array("</title></item></channel></rss>".utf8)
        let document = try TextDecoding.decode(bytes)
        let articles = try FeedParser().parse(document, context: FeedFixtures.context)
        #expect(articles.first?.headline == "Zürich café")
    }

    @Test("deeply nested HTML in a body is walked without recursion")
    func deepHTML() throws {
        let html = String(repeating: "<div><span>", count: 20_000) + "deep text" + String(repeating: "</span></div>", count: 20_000)
        let result = try parse(rss("<item><title>Deep</title><description><![CDATA[\(html)]]></description></item>"))
        #expect(result.articles.first?.mainBody?.value.contains("deep text") == true)
    }

    @Test("an exact duplicate item is kept once; an edited one with the same guid is kept")
    func duplicates() throws {
        let item = "<item><guid>same</guid><title>Same</title><description>Same body.</description></item>"
        let edited = "<item><guid>same</guid><title>Same</title><description>Edited body.</description></item>"
        let result = try parse(rss(item + "\n" + item + "\n" + edited))
        #expect(result.articles.map { $0.mainBody?.value } == ["Same body.", "Edited body."])
        #expect(result.skipped.map(\.reason) == ["exact duplicate of an earlier item"])
    }

    @Test("a missing title becomes the first words of the body")
    func derivedHeadline() throws {
        let result = try parse(rss("<item><description>Short body.</description></item><item><description><![CDATA[<p>One two three four five six seven eight nine ten eleven twelve thirteen.</p>]]></description></item>"))
        #expect(result.articles.map(\.headline) == ["Short body.", "One two three four five six seven eight nine ten eleven twelve…"])
    }

    @Test("an undeclared media prefix is still read as Media RSS")
    func undeclaredPrefix() throws {
        let result = try parse(rss("<item><title>P</title><media:content url=\"https://img.example.org/p.jpg\" medium=\"image\"><media:credit>Desk</media:credit></media:content></item>"))
        #expect(result.articles.first?.associations.first?.credit == "Desk")
    }
}

/// Captures what is written to the standard error stream (file descriptor 2) while `body` runs,
/// then writes it through, so nothing is lost.
enum FeedStandardError {
    static func capture(_ body: () -> Void) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("newsbus-stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: file) }
        let handle = try FileHandle(forWritingTo: file)
        fflush(nil)
        let saved = dup(2)
        dup2(handle.fileDescriptor, 2)
        body()
        fflush(nil)
        dup2(saved, 2)
        close(saved)
        try handle.close()
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        if !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
        return text
    }
}
