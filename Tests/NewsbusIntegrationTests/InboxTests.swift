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

    @Test("files dropped into the inbox are stored and moved to done/; every kind of bad input goes to rejected/ with an error record")
    func inboxMovesFiles() throws {
        let h = try ClusterHarness(statsReplicas: 1, inbox: true)
        try h.start(expectWorkers: 2)
        let examples = try exampleFiles()
        for file in examples { try h.drop(try Data(contentsOf: file), as: file.lastPathComponent) }
        try h.drop(Data([0x00, 0x01, 0x02, 0xFF]), as: "garbage.bin.txt")
        // Every kind of bad input: each gets an error record, none stops the worker or the others.
        let bomb = """
            <?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
            <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
            <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>
            <rss version="2.0"><channel><item><title>&f;&f;&f;&f;&f;&f;&f;&f;</title></item></channel></rss>
            """
        let bad: [(String, Data)] = [
            ("empty.txt", Data()),
            ("broken.json", Data("{\"uri\": \"urn:x\",\n  \"headlines\": [".utf8)),
            ("broken-utf8.txt", Data("News / World\n\nCafé reopens in Zürich\n\nThe café ".utf8) + Data([0xC3, 0x28]) + Data(" reopened on Friday.".utf8)),
            ("huge.txt", Data(repeating: 0x61, count: 50 * 1024 * 1024)),
        ]
        for (name, data) in bad { try h.drop(data, as: name) }
        // An entity bomb is read without expanding its entities: fast, and nothing blows up.
        try h.drop(Data(bomb.utf8), as: "bomb.xml")
        // Good input in other encodings is converted, not rejected.
        let latin1 = "Culture / Books\n\nCafé owner’s memoir wins prize\n\nThe memoir of a café owner in Montréal won the city’s literary prize on Friday, the jury said.\n"
        try h.drop(try #require(latin1.replacingOccurrences(of: "’", with: "'").data(using: .isoLatin1)), as: "latin1.txt")
        let utf16 = "Science / Space\n\nProbe reaches the asteroid belt\n\nThe probe crossed into the asteroid belt on Monday, mission controllers said.\n"
        try h.drop(try #require(utf16.data(using: .utf16)), as: "utf16-bom.txt")
        let goodCount = examples.count + 2
        let settled = Eventually.wait(timeout: 90, intervalMs: 50) {
            h.files(in: "done").count + h.files(in: "rejected").count == goodCount + 1 + 2 * (bad.count + 1)
                && h.files(in: "rejected").count >= 2 * (bad.count + 1)
        }
        #expect(settled, "done: \(h.files(in: "done")), rejected: \(h.files(in: "rejected")), inbox: \(h.files(in: ""))")
        #expect(h.files(in: "").isEmpty, "the inbox is empty")
        #expect(Set(h.files(in: "done")).subtracting(["bomb.xml"]) == Set(examples.map(\.lastPathComponent) + ["latin1.txt", "utf16-bom.txt"]))
        func record(_ name: String) throws -> [String: Any] {
            let url = h.inboxFolder.appendingPathComponent("rejected/\(name).error.json")
            return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
        }
        let json = try record("garbage.bin.txt")
        #expect((json["reason"] as? String)?.contains("binary") == true, "\(json)")
        #expect(json["file"] as? String == "garbage.bin.txt")
        let expectedReasons = [
            "empty.txt": "empty", "broken.json": "line 2", "broken-utf8.txt": "offset 50", "huge.txt": "too-large",
        ]
        for (name, fragment) in expectedReasons {
            let reason = (try? record(name))?["reason"] as? String ?? ""
            #expect(reason.contains(fragment), "\(name): \(reason)")
        }
        let headlines = try h.store().allArticles().map(\.article.headline)
        #expect(headlines.contains { $0.hasPrefix("Café owner") }, "Latin-1 input is converted: \(headlines)")
        #expect(try h.store().allArticles().contains { $0.article.headline == "Probe reaches the asteroid belt" })
        #expect(!headlines.contains { $0.contains(String(repeating: "a", count: 100)) }, "entities stay unexpanded")
        #expect(try h.store().stats().articles >= goodCount && h.store().stats().articles <= goodCount + 1)
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
