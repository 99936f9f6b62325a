import Foundation
import NewsbusStore
import NewsbusTesting
import Testing

/// The watched-inbox source under `newsbus up`, with real processes.
@Suite("inbox source", .serialized, .timeLimit(.minutes(3)))
struct InboxTests {
    private func exampleFiles() throws -> [URL] {
        let folder = TestPaths.packageRoot().appendingPathComponent("Examples/articles")
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test("files dropped into the inbox are stored and moved to done/; unreadable ones go to rejected/ with an error record")
    func inboxMovesFiles() throws {
        let h = try ClusterHarness(statsReplicas: 1, inbox: true)
        try h.start(expectWorkers: 2)
        let examples = try exampleFiles()
        for file in examples { try h.drop(try Data(contentsOf: file), as: file.lastPathComponent) }
        try h.drop(Data([0x00, 0x01, 0x02, 0xFF]), as: "garbage.bin.txt")
        let settled = Eventually.wait(timeout: 60, intervalMs: 50) {
            h.files(in: "done").count == examples.count && h.files(in: "rejected").count == 2
        }
        #expect(settled, "done: \(h.files(in: "done")), rejected: \(h.files(in: "rejected")), inbox: \(h.files(in: ""))")
        #expect(h.files(in: "").isEmpty, "the inbox is empty")
        #expect(h.files(in: "done") == examples.map(\.lastPathComponent))
        let record = h.inboxFolder.appendingPathComponent("rejected/garbage.bin.txt.error.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: record)) as? [String: Any]
        #expect((json?["reason"] as? String)?.contains("binary") == true, "\(String(describing: json))")
        #expect(json?["file"] as? String == "garbage.bin.txt")
        #expect(try h.store().stats().articles == examples.count)
        #expect(try h.stop().status == 0)
        h.expectNoSurvivors()
    }

    @Test("killing the ingest worker between publish and ACK loses no file and stores nothing twice")
    func inboxCrashSafety() throws {
        let h = try ClusterHarness(statsReplicas: 1, inbox: true)
        try h.start(expectWorkers: 2)
        // Freeze the store, so published articles cannot be ACKed yet.
        let store = try h.pid(of: "store-1")
        kill(store, SIGSTOP)
        let examples = try exampleFiles()
        for file in examples { try h.drop(try Data(contentsOf: file), as: file.lastPathComponent) }
        let published = Eventually.wait(timeout: 30, intervalMs: 20) { (try? h.status().router?.stats.published ?? 0) ?? 0 >= 3 }
        #expect(published, "the inbox published nothing")
        #expect(h.files(in: "done").isEmpty, "nothing may be done before it is stored")
        let source = try h.pid(of: "source.inbox")
        kill(source, SIGKILL)
        kill(store, SIGCONT)
        let settled = Eventually.wait(timeout: 60, intervalMs: 50) { h.files(in: "done").count == examples.count }
        #expect(settled, "done: \(h.files(in: "done")), inbox: \(h.files(in: ""))")
        let stats = try h.store().stats()
        #expect(stats.articles == examples.count)
        #expect(stats.versions == examples.count, "re-read files are not stored twice")
        #expect(try h.status().children.first { $0.name == "source.inbox" }?.restarts ?? 0 >= 1)
        #expect(try h.stop().status == 0)
        h.expectNoSurvivors()
    }

    @Test("a ninjs array with an unusable item: the good items are stored, the file goes to done/ with an issues record")
    func inboxRecordsItemIssues() throws {
        let h = try ClusterHarness(statsReplicas: 1, inbox: true)
        try h.start(expectWorkers: 2)
        let items = """
            [
              {"uri": "urn:newsbus:test:inbox-1", "headlines": [{"role": "main", "value": "Harbour crane collapses"}],
               "bodies": [{"role": "main", "contenttype": "text/plain", "value": "No one was hurt, the port authority said."}]},
              {"headlines": [{"role": "main", "value": "An item without a uri"}]},
              {"uri": "urn:newsbus:test:inbox-3", "headlines": [{"role": "main", "value": "Ferry timetable changes"}],
               "bodies": [{"role": "main", "contenttype": "text/plain", "value": "Winter sailings start on Monday."}]}
            ]
            """
        try h.drop(Data(items.utf8), as: "agency.json")
        let settled = Eventually.wait(timeout: 30, intervalMs: 50) { h.files(in: "done").contains("agency.json.issues.json") }
        #expect(settled, "done: \(h.files(in: "done")), rejected: \(h.files(in: "rejected"))")
        #expect(h.files(in: "done").contains("agency.json"))
        let record = h.inboxFolder.appendingPathComponent("done/agency.json.issues.json")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: record)) as? [String: Any]
        let issues = json?["items"] as? [[String: Any]] ?? []
        #expect(issues.count == 1 && issues.first?["index"] as? Int == 2 && issues.first?["line"] as? Int == 4, "\(issues)")
        #expect((issues.first?["reason"] as? String)?.contains("uri") == true, "\(issues)")
        #expect(try h.store().stats().articles == 2)
        #expect(try h.stop().status == 0)
        h.expectNoSurvivors()
    }
}
