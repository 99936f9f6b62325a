import Foundation
import NewsbusStore
import NewsbusTesting
import Testing

/// Feed polling over HTTP against a local server the test starts.
@Suite("feed polling source", .serialized, .timeLimit(.minutes(3)))
struct FeedPollingTests {
    private func rss(_ items: [(guid: String, title: String, body: String)]) -> String {
        let entries = items.map { item in
            """
                <item>
                  <guid isPermaLink="false">\(item.guid)</guid>
                  <title>\(item.title)</title>
                  <link>https://news.example/\(item.guid)</link>
                  <pubDate>Thu, 07 Mar 2024 09:00:00 GMT</pubDate>
                  <dc:creator>Newsbus Desk</dc:creator>
                  <description>\(item.body)</description>
                </item>
            """
        }.joined(separator: "\n")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>Example wire</title>
                <link>https://news.example/</link>
                <description>Test feed</description>
            \(entries)
              </channel>
            </rss>
            """
    }

    private func startServer(folder: URL) throws -> (RunningCommand, Int) {
        let script = TestPaths.packageRoot().appendingPathComponent("scripts/test-servers/feed_server.py").path
        let python = ProcessInfo.processInfo.environment["PYTHON"] ?? "/usr/bin/env"
        let arguments = python == "/usr/bin/env" ? ["python3", script, folder.path] : [script, folder.path]
        let server = try CommandRunner.start(python, arguments)
        var port = 0
        let up = Eventually.wait(timeout: 15) {
            if let line = server.stdoutSoFar.split(separator: "\n").first(where: { $0.hasPrefix("listening ") }) {
                port = Int(line.dropFirst("listening ".count)) ?? 0
            }
            return port > 0
        }
        try #require(up, "the feed server did not start: \(server.stderrSoFar)")
        return (server, port)
    }

    @Test("new items are stored, polls are conditional, edits become new versions, a restart re-publishes nothing")
    func pollsFeed() throws {
        let h = try ClusterHarness(statsReplicas: 1)
        let site = try TestPaths.temporaryFolder("nb-feed-site")  // outside the cluster's folder
        defer { try? FileManager.default.removeItem(at: site) }
        let feedFile = site.appendingPathComponent("feed.xml")
        var items = [
            (guid: "wire-1", title: "Ferry service resumes in Busan", body: "Ferries to Jeju resumed on Thursday after a two-day halt."),
            (guid: "wire-2", title: "Chip exports rise for a fifth month", body: "Semiconductor exports rose 12 percent in February."),
            (guid: "wire-3", title: "Film festival names jury", body: "The jury will be led by a veteran director."),
            (guid: "wire-empty", title: "", body: ""),  // unusable: an error record, the others go on
        ]
        try rss(items).write(to: feedFile, atomically: true, encoding: .utf8)
        let (server, port) = try startServer(folder: site)
        defer {
            server.signal(SIGKILL)
            _ = try? server.wait(timeout: 10)
        }
        try h.start(expectWorkers: 2)
        let state = h.folder.appendingPathComponent("feed-state.json").path
        let arguments = [
            "ingest", "--feed", "http://127.0.0.1:\(port)/feed.xml", "--interval", "0.3", "--state", state,
            "--endpoint", h.endpoint, "--name", "wire",
        ]
        var poller = try CommandRunner.start(h.newsbus, arguments)
        let stored = Eventually.wait(timeout: 30, intervalMs: 50) { ((try? h.store().stats().articles) ?? 0) == 3 }
        #expect(stored, "3 items stored: \(poller.stderrSoFar)")
        let errorLog = state + ".errors.jsonl"
        let recorded = Eventually.wait(timeout: 10, intervalMs: 50) { FileManager.default.fileExists(atPath: errorLog) }
        #expect(recorded, "the unusable item is recorded in \(errorLog)")
        let record = (try? String(contentsOfFile: errorLog, encoding: .utf8))?.split(separator: "\n").first.flatMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(record?["index"] as? Int == 4 && record?["code"] as? String == "skipped", "\(String(describing: record))")
        #expect((record?["line"] as? Int ?? 0) > 0 && record?["source"] as? String == "wire", "\(String(describing: record))")
        let conditional = Eventually.wait(timeout: 10, intervalMs: 50) { server.stdoutSoFar.contains("\"status\": 304") }
        #expect(conditional, "a later poll sends If-None-Match and gets 304: \(server.stdoutSoFar)")

        // An edit of item 2 and a new item 4.
        items[1].body = "Semiconductor exports rose 14 percent in February, revised figures showed."
        items.append((guid: "wire-4", title: "Subway strike averted", body: "Union and operator agreed on a wage rise."))
        try rss(items).write(to: feedFile, atomically: true, encoding: .utf8)
        let updated = Eventually.wait(timeout: 30, intervalMs: 50) {
            guard let store = try? h.store(), let stats = try? store.stats() else { return false }
            return stats.articles == 4 && stats.versions == 5
        }
        #expect(updated, "the edit is a new version, the new item is stored: \((try? h.store().stats()).map { "\($0)" } ?? "")")
        let edited = try h.store().allArticles().first { $0.article.altids.contains { $0.value.contains("wire-2") } || $0.article.uri.contains("wire-2") }
        #expect(edited?.article.version == "2", "\(String(describing: edited?.article.version))")
        #expect(edited?.article.signals == [.update])

        // Restart the poller: its state file remembers every item, nothing is published again.
        poller.signal(SIGTERM)
        _ = try poller.wait(timeout: 20)
        let routerPublishedBefore = try h.status().router?.stats.published ?? 0
        let requestsBefore = server.stdoutSoFar.split(separator: "\n").count
        poller = try CommandRunner.start(h.newsbus, arguments)
        // Two polls of the restarted poller: the first may get 200 (its state file has the ETag,
        // so normally 304), and either way every item is already remembered.
        let polledAgain = Eventually.wait(timeout: 10, intervalMs: 50) {
            server.stdoutSoFar.split(separator: "\n").count >= requestsBefore + 2
        }
        #expect(polledAgain)
        #expect(try h.status().router?.stats.published ?? 0 == routerPublishedBefore, "nothing re-published after a restart")
        #expect(try h.store().stats().versions == 5)
        poller.signal(SIGTERM)
        _ = try poller.wait(timeout: 20)
        #expect(try h.stop().status == 0)
        h.expectNoSurvivors()
        server.signal(SIGTERM)
        let serverResult = try server.wait(timeout: 10)
        #expect(serverResult.status == 128 + SIGTERM || serverResult.status == 0, "the test server stops on SIGTERM")
    }
}
