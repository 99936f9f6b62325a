import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import NewsbusStore
import NewsbusTesting
import Testing

/// The HTTP ingest endpoint (`newsbus ingest --http`) in front of a real cluster.
@Suite("HTTP ingest endpoint", .serialized, .timeLimit(.minutes(3)))
struct HTTPIngestTests {
    struct Reply {
        var status: Int
        var json: [String: Any]
        var contentType: String?
    }

    /// One request with a blocking URLSession call.
    private func send(_ method: String, _ url: String, body: Data? = nil, contentType: String? = nil) throws -> Reply {
        var request = URLRequest(url: try #require(URL(string: url)), timeoutInterval: 60)
        request.httpMethod = method
        request.httpBody = body
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Data?, URLResponse?, Error?) = (nil, nil, nil)
        URLSession.shared.dataTask(with: request) { result = ($0, $1, $2); done.signal() }.resume()
        #expect(done.wait(timeout: .now() + 90) == .success, "\(method) \(url) answered within 90 s")
        if let error = result.2 { throw error }
        let http = try #require(result.1 as? HTTPURLResponse)
        let json = (result.0.flatMap { try? JSONSerialization.jsonObject(with: $0) }) as? [String: Any] ?? [:]
        return Reply(status: http.statusCode, json: json, contentType: http.value(forHTTPHeaderField: "Content-Type"))
    }

    /// Starts `newsbus ingest --http 127.0.0.1:0` and returns it with its base URL.
    private func startEndpoint(_ h: ClusterHarness, extra: [String] = []) throws -> (RunningCommand, String) {
        let endpoint = try CommandRunner.start(
            h.newsbus, ["ingest", "--http", "127.0.0.1:0", "--endpoint", h.endpoint, "--name", "api"] + extra)
        var base = ""
        let up = Eventually.wait(timeout: 20) {
            if let line = endpoint.stdoutSoFar.split(separator: "\n").first(where: { $0.hasPrefix("listening ") }) {
                base = String(line.dropFirst("listening ".count))
            }
            return !base.isEmpty
        }
        try #require(up, "the endpoint did not start: \(endpoint.stderrSoFar)")
        return (endpoint, base)
    }

    private let scrape = """
        News / Science

        Deep-sea survey maps a new vent field off Okinawa

        Researchers on the survey ship charted twelve hydrothermal vents at a depth of 1,600 metres, the team said on Friday.

        "We saw chimneys taller than a house," said chief scientist Mara Ellison, who led the dive programme.

        Newsbus Morning Briefing

        SHARE THIS ARTICLE
        """

    @Test("every format is stored before the 202; bad input gets a 4xx JSON error and stores nothing")
    func acceptsEveryFormat() throws {
        let h = try ClusterHarness(statsReplicas: 1)
        try h.start(expectWorkers: 2)
        let (endpoint, base) = try startEndpoint(h, extra: ["--boilerplate", "exact:Newsbus Morning Briefing"])
        defer {
            endpoint.signal(SIGKILL)
            _ = try? endpoint.wait(timeout: 10)
        }
        #expect(try send("GET", base + "/v1/health").status == 200)

        // A text scrape: the answer names its uri, and the article is in the store when it comes.
        let text = try send("POST", base + "/v1/articles", body: Data(scrape.utf8), contentType: "text/plain; charset=utf-8")
        #expect(text.status == 202, "\(text.json)")
        #expect(text.contentType == "application/json")
        let textURIs = text.json["uris"] as? [String] ?? []
        #expect(textURIs.count == 1 && text.json["format"] as? String == "text")
        let stored = try #require(try h.store().article(uri: textURIs.first ?? "-"), "stored before the 202")
        #expect(stored.article.headline == "Deep-sea survey maps a new vent field off Okinawa")
        #expect(!stored.article.bodies.contains { $0.value.contains("Morning Briefing") }, "the per-source rule removed the line")
        #expect(stored.article.boilerplate.contains("Newsbus Morning Briefing"))

        // An RSS feed of two items.
        let rss = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Wire</title>
            <item><guid>wire-http-1</guid><title>Port strike ends after three days</title>
              <description>Dock workers returned to work in Rotterdam on Thursday.</description>
              <pubDate>Thu, 02 Mar 2023 08:15:00 +0100</pubDate></item>
            <item><guid>wire-http-2</guid><title>Rail line reopens</title>
              <description>The coastal line reopened after storm repairs.</description></item>
            </channel></rss>
            """
        let feed = try send("POST", base + "/v1/articles", body: Data(rss.utf8), contentType: "application/rss+xml")
        #expect(feed.status == 202 && (feed.json["uris"] as? [String])?.count == 2, "\(feed.json)")

        // An Atom feed of one entry.
        let atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title><id>urn:desk</id><updated>2023-03-02T09:00:00Z</updated>
            <entry><id>urn:newsbus:test:http-atom-1</id><title>Bridge inspection finds no damage</title>
              <updated>2023-03-02T09:00:00Z</updated><author><name>Lena Ortiz</name></author>
              <content type="html">&lt;p&gt;Engineers found no damage after the quake, the city said.&lt;/p&gt;</content></entry>
            </feed>
            """
        let entry = try send("POST", base + "/v1/articles", body: Data(atom.utf8), contentType: "application/atom+xml")
        #expect(entry.status == 202 && entry.json["format"] as? String == "atom", "\(entry.json)")
        #expect(try h.store().article(uri: "urn:newsbus:test:http-atom-1")?.article.by == "Lena Ortiz")

        // A ninjs array with one unusable item: the good ones are stored, the bad one is reported.
        let ninjs = """
            [
              {"uri": "urn:newsbus:test:http-ninjs-1", "headlines": [{"role": "main", "value": "Agency item one"}],
               "bodies": [{"role": "main", "contenttype": "text/plain", "value": "First agency body."}]},
              {"uri": 42},
              {"uri": "urn:newsbus:test:http-ninjs-3", "headlines": [{"role": "main", "value": "Agency item three"}],
               "bodies": [{"role": "main", "contenttype": "text/plain", "value": "Third agency body."}]}
            ]
            """
        let agency = try send("POST", base + "/v1/articles", body: Data(ninjs.utf8), contentType: "application/json")
        #expect(agency.status == 202, "\(agency.json)")
        #expect(agency.json["uris"] as? [String] == ["urn:newsbus:test:http-ninjs-1", "urn:newsbus:test:http-ninjs-3"])
        let issues = agency.json["issues"] as? [[String: Any]] ?? []
        #expect(issues.count == 1 && issues.first?["index"] as? Int == 2 && issues.first?["line"] as? Int == 4, "\(issues)")

        // An HTML page.
        let html = """
            <!doctype html><html><head><title>Museum reopens | Example Times</title>
            <meta property="og:title" content="Museum reopens after a two-year refit"></head>
            <body><nav><a href="/">Home</a></nav><article><h1>Museum reopens after a two-year refit</h1>
            <p>The city museum reopened its doors on Saturday after a refit that added three galleries and a rooftop garden.</p>
            <p>Visitors queued from early morning, and the first thousand tickets were gone within an hour, staff said.</p>
            </article><div class="share">Share on Facebook</div></body></html>
            """
        let page = try send("POST", base + "/v1/articles", body: Data(html.utf8), contentType: "text/html")
        #expect(page.status == 202 && page.json["format"] as? String == "html", "\(page.json)")
        let articlesAfterGoodInput = try h.store().stats().articles
        #expect(articlesAfterGoodInput == 7)

        // Bad input: each a 4xx JSON error with a reason and a position where there is one.
        let binary = try send("POST", base + "/v1/articles", body: Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0x02]))
        #expect(binary.status == 415 && binary.json["error"] as? String == "binary" && binary.json["offset"] != nil, "\(binary.json)")
        let malformed = try send("POST", base + "/v1/articles", body: Data("{\"uri\": \"x\",\n \"headlines\": [".utf8), contentType: "application/json")
        #expect(malformed.status == 400 && malformed.json["error"] as? String == "malformed" && malformed.json["line"] as? Int == 2, "\(malformed.json)")
        let empty = try send("POST", base + "/v1/articles", body: Data())
        #expect(empty.status == 400 && empty.json["error"] as? String == "empty", "\(empty.json)")
        let wrongMethod = try send("GET", base + "/v1/articles")
        #expect(wrongMethod.status == 405 && wrongMethod.json["error"] as? String == "method-not-allowed")
        #expect(try send("GET", base + "/nowhere").status == 404)
        #expect(try h.store().stats().articles == articlesAfterGoodInput, "bad input stores nothing")

        // Re-sending a stored request is safe: the same uri, no new version.
        let again = try send("POST", base + "/v1/articles", body: Data(scrape.utf8))
        #expect(again.status == 202 && again.json["uris"] as? [String] == textURIs)
        #expect(try h.store().stats().versions == 7)

        endpoint.signal(SIGTERM)
        #expect(try endpoint.wait(timeout: 20).status == 0, "the endpoint stops cleanly on SIGTERM")
        #expect(try h.stop().status == 0)
        h.expectNoSurvivors()
    }

    @Test("the answer waits for storage: a frozen store means 504 after the timeout, then a retry is stored once")
    func answersOnlyOnceStored() throws {
        let h = try ClusterHarness(statsReplicas: 1)
        try h.start(expectWorkers: 2)
        let (endpoint, base) = try startEndpoint(h, extra: ["--ack-timeout", "2", "--max-body-bytes", "4096"])
        defer {
            endpoint.signal(SIGKILL)
            _ = try? endpoint.wait(timeout: 10)
        }
        let tooLarge = try send("POST", base + "/v1/articles", body: Data(repeating: 0x61, count: 5000))
        #expect(tooLarge.status == 413 && tooLarge.json["limit"] as? Int == 4096, "\(tooLarge.json)")

        let store = try h.pid(of: "store-1")
        kill(store, SIGSTOP)
        let started = Date()
        let frozen = try send("POST", base + "/v1/articles", body: Data(scrape.utf8))
        let waited = Date().timeIntervalSince(started)
        kill(store, SIGCONT)
        #expect(frozen.status == 504 && frozen.json["error"] as? String == "timeout", "\(frozen.json)")
        #expect(waited >= 1.9, "no answer before the acknowledgement timeout (waited \(waited) s)")
        let uri = (frozen.json["uris"] as? [String])?.first ?? ""
        #expect(!uri.isEmpty, "a 504 still names the uris, so the client can check or re-send")

        let retry = try send("POST", base + "/v1/articles", body: Data(scrape.utf8))
        #expect(retry.status == 202 && retry.json["uris"] as? [String] == [uri], "\(retry.json)")
        let settled = Eventually.wait(timeout: 20, intervalMs: 50) { (try? h.store().stats().versions) == 1 }
        #expect(settled, "stored once although sent twice: \((try? h.store().stats()).map { "\($0)" } ?? "")")
        endpoint.signal(SIGTERM)
        #expect(try endpoint.wait(timeout: 20).status == 0)
        #expect(try h.stop().status == 0)
        h.expectNoSurvivors()
    }
}
