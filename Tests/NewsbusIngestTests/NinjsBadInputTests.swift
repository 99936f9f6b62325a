import Foundation
import NewsbusIngest
import NewsbusWire
import Testing

/// Broken, odd and large ninjs input.
@Suite("ninjs bad input")
struct NinjsBadInputTests {
    private func parse(_ text: String) throws(IngestError) -> [Article] {
        try NinjsParser().parse(NinjsFixtures.document(text: text), context: NinjsFixtures.context)
    }

    private func error(_ text: String) -> IngestError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("malformed JSON is .malformed with the position JSONSerialization reports")
    func malformed() {
        #expect(error("{\"uri\": \"x\",\n \"headlines\": [}") == .malformed(format: "ninjs", line: 2, column: 16, reason: "Invalid value around character 28"))
        // Columns count characters, not bytes.
        guard case let .malformed("ninjs", 1, column, _)? = error("{\"é\": x}") else {
            Issue.record("expected .malformed on line 1")
            return
        }
        #expect(column == 7)
        // Cut short: the position is the end of the text.
        guard case let .malformed("ninjs", line, _, reason)? = error("[\n{\"uri\": \"x\"") else {
            Issue.record("expected .malformed for truncated JSON")
            return
        }
        #expect(line == 2)
        #expect(reason.lowercased().contains("end"), "\(reason)")
        guard case .malformed? = error("{\"uri\": \"x\"} trailing") else {
            Issue.record("expected .malformed for trailing garbage")
            return
        }
    }

    @Test("a top level that is neither an object nor an array is refused", arguments: ["42", "\"urn:x\"", "null", "true", "  3.5  "])
    func wrongTopLevel(_ text: String) {
        guard case let .malformed("ninjs", 1, 1, reason)? = error(text) else {
            Issue.record("expected .malformed for \(text)")
            return
        }
        #expect(reason.contains("top-level JSON value is"), "\(reason)")
    }

    @Test("blank text, an empty array and an item without uri")
    func emptyAndMissing() {
        #expect(error("  \n ") == .empty)
        #expect(error("[]") == .noArticle("the ninjs array is empty"))
        #expect(error("{\"headlines\": [{\"value\": \"No uri\"}]}") == .malformed(format: "ninjs", line: 1, column: 1, reason: "item 1: uri missing"))
        #expect(error("{\"uri\": \"\"}") == .malformed(format: "ninjs", line: 1, column: 1, reason: "item 1: uri missing (empty)"))
        #expect(error("\n  {\"uri\": null}") == .malformed(format: "ninjs", line: 2, column: 3, reason: "item 1: uri missing"))
        // Every item bad: the first one's error.
        #expect(error("[{\"uri\": 1}, {}]") == .malformed(format: "ninjs", line: 1, column: 2, reason: "item 1: uri is a number, not a string"))
    }

    @Test("urgency outside 1–9 or not whole is dropped, never clamped", arguments: [
        ("0", UInt32(0)), ("10", 0), ("-1", 0), ("3.5", 0), ("\"x\"", 0), ("true", 0), ("null", 0), ("99999999999999999999", 0),
        ("1", 1), ("9", 9), ("\"7\"", 7), ("5.0", 5),
    ])
    func urgency(_ json: String, _ expected: UInt32) throws {
        let articles = try parse("{\"uri\": \"urn:u\", \"urgency\": \(json)}")
        #expect(articles.first?.urgency == expected)
    }

    @Test("pubstatus: the three values in any case, cancelled, default usable; anything else refuses the item")
    func pubstatus() throws {
        #expect(try parse("{\"uri\": \"u\"}").first?.pubstatus == .usable)
        #expect(try parse("{\"uri\": \"u\", \"pubstatus\": \"Withheld\"}").first?.pubstatus == .withheld)
        #expect(try parse("{\"uri\": \"u\", \"pubstatus\": \"cancelled\"}").first?.signals == [.withdraw])
        #expect(try parse("{\"uri\": \"u\", \"pubstatus\": null}").first?.pubstatus == .usable)
        guard case let .malformed(_, _, _, reason)? = error("{\"uri\": \"u\", \"pubstatus\": \"deleted\"}") else {
            Issue.record("expected the item to be refused")
            return
        }
        #expect(reason == "item 1: pubstatus \"deleted\" is not usable, withheld or canceled")
    }

    @Test("wrong types of optional fields are ignored; numbers are read as strings where strings are expected")
    func lenientTypes() throws {
        let a = try #require(try parse("""
            {"uri": "u", "version": 3, "headlines": "Plain headline", "bodies": {"role": "main", "value": "One body"},
             "by": ["A. Writer", "B. Writer"], "located": 7, "subjects": "not a list", "people": ["Jo Bloggs"],
             "keywords": "ferries, weather", "associations": 5, "altids": null, "firstcreated": "yesterday"}
            """).first)
        #expect(a.version == "3")
        #expect(a.headline == "Plain headline")
        #expect(a.mainBody?.value == "One body")
        #expect(a.by == "A. Writer, B. Writer")
        #expect(a.located == "7")
        #expect(a.subjects.map(\.name) == ["not a list"])
        #expect(a.people.map(\.name) == ["Jo Bloggs"])
        #expect(a.keywords == ["ferries", "weather"])
        #expect(a.associations.isEmpty && a.altids.isEmpty)
        #expect(a.firstcreated == "yesterday")
    }

    @Test("deeply nested JSON is refused, not a crash")
    func deepNesting() {
        guard case .malformed? = error(String(repeating: "[", count: 100_000)) else {
            Issue.record("expected .malformed")
            return
        }
        let nestedValue = "{\"uri\": \"u\", \"x\": " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "}"
        if let error = error(nestedValue) {
            guard case .malformed = error else {
                Issue.record("unexpected \(error)")
                return
            }
        }
    }

    /// Measured on an idle 2-core machine, debug build: about 7 s, of which about 80 % is
    /// `ContentHash.of` (NewsbusWire's SHA-256 and whitespace normalisation, unoptimised in a debug
    /// build, over both the HTML body and the plain text derived from it), about 12 % the item
    /// mapping and 2 % JSONSerialization. The bound guards against super-linear behaviour on a shared machine.
    @Test("a 10 MB array completes fast")
    func tenMegabytes() throws {
        var text = "[\n"
        var count = 0
        let paragraph = String(repeating: "The port authority approved the night ferry after a long campaign by island residents. ", count: 20)
        while text.utf8.count < 10_000_000 {
            if count > 0 { text += ",\n" }
            count += 1
            text += """
                {"uri": "urn:newsbus:test:load:\(count)", "version": "1", "versioncreated": "2024-03-07T08:00:00+01:00", "urgency": \(1 + count % 9),
                 "headlines": [{"role": "main", "value": "Load item \(count)"}],
                 "bodies": [{"role": "main", "contenttype": "text/html", "value": "<p>\(paragraph)</p><p>Second &amp; last.</p>"}],
                 "subjects": [{"name": "ferries", "uri": "medtop:1", "relevance": 50}],
                 "associations": [{"name": "featureimage", "type": "picture", "renditions": [{"name": "original", "href": "https://img.example.org/\(count).jpg"}]}]}
                """
        }
        text += "\n]\n"
        let clock = ContinuousClock()
        var articles: [Article] = []
        let elapsed = try clock.measure { articles = try parse(text) }
        #expect(elapsed < .seconds(30), "took \(elapsed)")
        #expect(articles.count == count)
        #expect(articles.last?.headline == "Load item \(count)")
        #expect(articles.last?.mainBody?.contenttype == "text/plain")
        #expect(articles.last?.mainBody?.value.hasSuffix("\n\nSecond & last.") == true)
        #expect(articles.last?.versioncreated == "2024-03-07T07:00:00Z")
    }

    @Test("positions of bad items in a large array are exact")
    func positionsInLargeArray() throws {
        var lines = ["["]
        for k in 1...2_000 {
            let item = k == 1_500 ? "  {\"nouri\": \"é\"}" : "  {\"uri\": \"urn:\(k)\", \"headlines\": [{\"value\": \"caf\u{e9} \\\"\(k)\\\" [x] {y}\"}]}"
            lines.append(item + (k < 2_000 ? "," : ""))
        }
        lines.append("]")
        let results = try NinjsParser().parseItems(NinjsFixtures.document(text: lines.joined(separator: "\r\n")), context: NinjsFixtures.context)
        #expect(results.count == 2_000)
        guard case let .failure(error) = results[1_499] else {
            Issue.record("item 1500 should fail")
            return
        }
        #expect(error == .malformed(format: "ninjs", line: 1_501, column: 3, reason: "item 1500: uri missing"))
    }
}
