import Foundation
import NewsbusBus
import NewsbusStore
import NewsbusTesting
import NewsbusWire
import NewsbusZMQ
import Testing

/// Faults injected into a real cluster under a stream of 2,000 generated articles. Every test ends
/// with every article stored exactly once and no process of the cluster left running.
@Suite("fault injection, real processes", .serialized, .timeLimit(.minutes(5)))
struct FaultInjectionTests {
    static let count = 2000

    private func expectExactlyOnce(_ h: ClusterHarness, _ expected: Int = count) throws {
        let stats = try h.store().stats()
        #expect(stats.articles == expected, "articles stored")
        #expect(stats.versions == expected, "no duplicate version rows")
    }

    @Test("SIGKILL an enrich worker mid-stream: everything stored exactly once, the worker restarted")
    func killEnrichWorker() throws {
        let h = try ClusterHarness()
        try h.start(expectWorkers: 3)
        let ingest = try h.startIngest(count: Self.count)
        try h.waitForAcked(300)
        kill(try h.pid(of: "enrich.stats-1"), SIGKILL)
        let result = try ingest.wait(timeout: 180)
        #expect(result.status == 0, "\(result.summary)")
        try expectExactlyOnce(h)
        #expect(try h.status().children.first { $0.name == "enrich.stats-1" }?.restarts ?? 0 >= 1)
        let up = try h.stop()
        #expect(up.status == 0, "\(up.summary)")
        h.expectNoSurvivors()
    }

    @Test("SIGKILL the store mid-stream: everything stored exactly once")
    func killStore() throws {
        let h = try ClusterHarness()
        try h.start(expectWorkers: 3)
        let ingest = try h.startIngest(count: Self.count)
        try h.waitForAcked(300)
        kill(try h.pid(of: "store-1"), SIGKILL)
        let result = try ingest.wait(timeout: 180)
        #expect(result.status == 0, "\(result.summary)")
        try expectExactlyOnce(h)
        #expect(try h.status().children.first { $0.name == "store-1" }?.restarts ?? 0 >= 1)
        #expect(try h.stop().status == 0)
        h.expectNoSurvivors()
    }

    @Test("SIGKILL the router mid-stream: restarted, producers re-send, everything stored exactly once")
    func killRouter() throws {
        let h = try ClusterHarness()
        try h.start(expectWorkers: 3)
        let ingest = try h.startIngest(count: Self.count)
        try h.waitForAcked(300)
        let routerPid = try h.pid(of: "router")
        kill(routerPid, SIGKILL)
        let restarted = Eventually.wait(timeout: 15, intervalMs: 50) {
            (try? h.status().children.first { $0.name == "router" }).map { $0.pid != routerPid && $0.pid > 0 } ?? false
        }
        #expect(restarted, "router not restarted")
        let result = try ingest.wait(timeout: 180)
        #expect(result.status == 0, "\(result.summary)")
        try expectExactlyOnce(h)
        #expect(try h.stop().status == 0)
        h.expectNoSurvivors()
    }

    @Test("SIGSTOP an enrich worker: detected and replaced within 3.5 s, everything stored exactly once")
    func hungWorkerIsReplaced() throws {
        let h = try ClusterHarness()
        try h.start(expectWorkers: 3)
        let ingest = try h.startIngest(count: Self.count)
        try h.waitForAcked(300)
        let pid = try h.pid(of: "enrich.stats-1")
        let stoppedAt = Date()
        kill(pid, SIGSTOP)
        let killed = Eventually.wait(timeout: 10, intervalMs: 10) {
            let state = processState(pid)
            return state == nil || state == "Z"
        }
        let detection = Date().timeIntervalSince(stoppedAt)
        #expect(killed, "the hung worker was not killed within 10 s")
        #expect(detection <= 3.5, "hung worker replaced after \(String(format: "%.2f", detection)) s, more than 3.5 s")
        let replaced = Eventually.wait(timeout: 10, intervalMs: 50) {
            (try? h.status().children.first { $0.name == "enrich.stats-1" }).map { $0.pid != pid && $0.pid > 0 && $0.state == "running" } ?? false
        }
        #expect(replaced, "no new enrich.stats-1 process")
        let result = try ingest.wait(timeout: 180)
        #expect(result.status == 0, "\(result.summary)")
        try expectExactlyOnce(h)
        #expect(try h.stop().status == 0)
        h.expectNoSurvivors()
    }

    @Test("an article that crashes its enricher every time is dead-lettered with its reason; all others stored")
    func poisonMessageIsDeadLettered() throws {
        let marker = "POISON-PILL-7"
        let h = try ClusterHarness(watchPlugin: ["--crash-on", marker], maxAttempts: 3)
        try h.start(expectWorkers: 5)
        let poisonFile = h.folder.appendingPathComponent("poison.txt")
        try """
            News / Test / Faults

            A poisoned article for the dead-letter test

            This paragraph carries the marker \(marker) that makes the example enricher abort every time it sees it.

            A second paragraph, so the page has a body like any other scrape.
            """.write(to: poisonFile, atomically: true, encoding: .utf8)
        let ingest = try h.startIngest(count: Self.count)
        let poison = try CommandRunner.run(
            h.newsbus, ["ingest", poisonFile.path, "--endpoint", h.endpoint, "--name", "poison", "--resend-after-ms", "60000"],
            timeout: 120)
        #expect(poison.status == 1, "the poisoned article must be refused: \(poison.summary)")
        #expect(poison.stderr.contains("poison.txt: refused by the bus"), "\(poison.stderr)")
        let result = try ingest.wait(timeout: 180)
        #expect(result.status == 0, "\(result.summary)")
        try expectExactlyOnce(h)

        let letters = try h.store().deadLetters()
        #expect(letters.count == 1)
        let letter = try #require(letters.first)
        #expect(letter.stage == "enrich.watch")
        #expect(letter.attempts == 3)
        #expect(letter.reason.contains("lost"), "reason: \(letter.reason)")
        let article = try Article(wireBytes: letter.payload)
        #expect(article.bodies.first?.value.contains(marker) == true, "the dead letter keeps the article bytes")
        let listed = try CommandRunner.run(h.newsbus, ["dead-letters", "--db", h.db, "--json"], timeout: 30)
        #expect(listed.stdout.contains("enrich.watch") && listed.stdout.contains(article.uri), "\(listed.summary)")

        let sample = try #require(try h.store().allArticles(limit: 1).first)
        // Generated articles arrive with provenance of their own; the cluster appends its stages in order.
        #expect(Array(sample.article.provenance.map(\.enricher).suffix(2)) == ["enrich.stats", "enrich.watch"])

        // Redriven while the enricher still crashes on it: fails again, recorded anew, still one letter.
        let again = try CommandRunner.run(h.newsbus, ["redrive", "--db", h.db, "--endpoint", h.endpoint], timeout: 120)
        #expect(again.status == 1, "\(again.summary)")
        #expect(again.stdout.contains("1 redriven: 0 stored, 1 failed again"), "\(again.stdout)")
        let relisted = try h.store().deadLetters()
        #expect(relisted.count == 1 && relisted.first?.id != letter.id && relisted.first?.messageId != letter.messageId)
        #expect(try h.stop().status == 0)
        h.expectNoSurvivors()

        // With the enricher fixed (no --crash-on), the redrive stores it and the list is empty.
        let fixed = try ClusterHarness(watchPlugin: [], maxAttempts: 3, folder: h.folder)
        try fixed.start(expectWorkers: 5)
        let redrive = try CommandRunner.run(h.newsbus, ["redrive", "--db", h.db, "--endpoint", h.endpoint], timeout: 120)
        #expect(redrive.status == 0, "\(redrive.summary)")
        #expect(try h.store().deadLetters().isEmpty)
        #expect(try h.store().article(uri: article.uri) != nil, "the redriven article is stored")
        #expect(try fixed.stop().status == 0)
        fixed.expectNoSurvivors()
    }

    @Test("scale adds and removes workers of a running cluster")
    func scaleWorkers() throws {
        let h = try ClusterHarness(statsReplicas: 1)
        try h.start(expectWorkers: 2)
        let up = try CommandRunner.run(h.newsbus, ["scale", "enrich.stats=3", "--control", h.control], timeout: 20)
        #expect(up.status == 0 && up.stdout.contains("1 → 3"), "\(up.summary)")
        let three = Eventually.wait(timeout: 20, intervalMs: 100) {
            (try? h.status().router?.workers.filter { $0.stage == "enrich.stats" }.count) == 3
        }
        #expect(three, "3 enrich.stats workers registered")
        let ingest = try h.startIngest(count: 300)
        #expect(try ingest.wait(timeout: 120).status == 0)
        let down = try CommandRunner.run(h.newsbus, ["scale", "enrich.stats=1", "--control", h.control], timeout: 20)
        #expect(down.status == 0, "\(down.summary)")
        let one = Eventually.wait(timeout: 20, intervalMs: 100) {
            (try? h.status().children.filter { $0.stage == "enrich.stats" }.count) == 1
        }
        #expect(one, "scaled back to 1")
        let unknown = try CommandRunner.run(h.newsbus, ["scale", "enrich.nope=2", "--control", h.control], timeout: 20)
        #expect(unknown.status == 1 && unknown.stdout.contains("no stage enrich.nope"), "\(unknown.summary)")
        try expectExactlyOnce(h, 300)
        #expect(try h.stop().status == 0)
        h.expectNoSurvivors()
    }

    @Test("SIGTERM to the supervisor mid-stream: exit 0 within the drain timeout, nothing acked lost, a rerun completes without duplicates")
    func gracefulStopAndRerun() throws {
        let h = try ClusterHarness()
        try h.start(expectWorkers: 3)
        let summaryFile = h.folder.appendingPathComponent("ingest.summary").path
        let ingest = try h.startIngest(count: Self.count, extraArguments: ["--summary-file", summaryFile])
        try h.waitForAcked(500)
        let termAt = Date()
        h.up!.signal(SIGTERM)
        let up = try h.up!.wait(timeout: 40)
        #expect(up.status == 0, "\(up.summary)")
        #expect(Date().timeIntervalSince(termAt) < 25, "stopped within the 20 s drain timeout (plus process exits)")
        ingest.signal(SIGTERM)
        _ = try ingest.wait(timeout: 30)
        let summary = try String(contentsOfFile: summaryFile, encoding: .utf8)
        let ackedBeforeStop = Int(summary.components(separatedBy: " acked").first?.split(separator: " ").last ?? "") ?? -1
        #expect(ackedBeforeStop >= 500, "\(summary)")
        let storedAfterStop = try h.store().stats().articles
        #expect(storedAfterStop >= ackedBeforeStop, "every acked article is stored (\(storedAfterStop) stored, \(ackedBeforeStop) acked)")
        h.expectNoSurvivors()

        try h.start(expectWorkers: 3)
        let rerun = try h.startIngest(count: Self.count)
        let result = try rerun.wait(timeout: 180)
        #expect(result.status == 0, "\(result.summary)")
        try expectExactlyOnce(h)
        #expect(try h.stop().status == 0)
        h.expectNoSurvivors()
    }

    @Test("garbage sent straight to the router is rejected and logged; the cluster keeps running; nothing lost")
    func garbageIsRejected() throws {
        let h = try ClusterHarness()
        try h.start(expectWorkers: 3)
        let ingest = try h.startIngest(count: Self.count)
        try h.waitForAcked(200)

        let context = try ZMQContext()
        var generator = SeededGenerator(seed: 99)
        func dealer() throws -> ZMQSocket {
            let s = try context.makeSocket(.dealer)
            try s.set(.linger, 0)
            try s.connect(h.endpoint)
            return s
        }
        // Random bytes, one to three frames.
        let random = try dealer()
        for _ in 0..<200 {
            let frames = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                (0..<Int.random(in: 0...64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            }
            try random.send(frames: frames, wait: true)
        }
        // Wrong signature, truncated command frame, unknown command, bodies that do not decode.
        let broken = try dealer()
        try broken.send(frames: [[0x58, 0x58, 0x01, 0x07], [1, 2, 3], [4, 5, 6]], wait: true)
        try broken.send(frames: [[0x4E, 0x42]], wait: true)
        try broken.send(frames: [[0x4E, 0x42, 0x01, 0x7F], []], wait: true)
        try broken.send(frames: [[0x4E, 0x42, 0x01, 0x07], [0xFF, 0xFF, 0xFF], [0x0A]], wait: true)
        try broken.send(frames: [BusFrame.commandFrame(.publish), try Envelope(articleUri: "urn:x").wireBytes(), [0x0A, 0x00]], wait: true)
        try broken.send(frames: [BusFrame.commandFrame(.ready), try Ready(stage: "no.such.stage", capacity: 5).wireBytes()], wait: true)
        // Wrong protocol version: the router answers DISCONNECT.
        let versioned = try dealer()
        try versioned.send(frames: [[0x4E, 0x42, 0x09, 0x05], []], wait: true)
        let answered = try versioned.poll(.readable, timeout: 5000)
        #expect(answered.contains(.readable), "no DISCONNECT for a wrong protocol version")
        if answered.contains(.readable), let frames = try versioned.receiveFrames(wait: false) {
            #expect(frames.first == BusFrame.commandFrame(.disconnect))
        }
        // A 100 MB frame.
        let huge = try dealer()
        try huge.send(frames: [BusFrame.commandFrame(.publish), try Envelope(messageId: "huge", articleUri: "urn:huge").wireBytes(),
                               [UInt8](repeating: 0x41, count: 100 << 20)], wait: true)
        // A flood of READY from fake workers that never answer.
        var fakes: [ZMQSocket] = []
        for i in 0..<100 {
            let fake = try dealer()
            try fake.send(frames: [BusFrame.commandFrame(.ready), try Ready(stage: "enrich.stats", capacity: 8, worker: "fake-\(i)").wireBytes()], wait: true)
            fakes.append(fake)
        }

        let result = try ingest.wait(timeout: 240)
        #expect(result.status == 0, "\(result.summary)")
        try expectExactlyOnce(h)
        let status = try h.status()
        #expect(status.router?.stats.malformed ?? 0 > 0, "malformed messages are counted")
        #expect(status.children.allSatisfy { $0.state == "running" }, "every process still running: \(status.children)")
        #expect(status.children.first { $0.name == "router" }?.restarts == 0, "the router never crashed")
        fakes.forEach { $0.close() }
        [random, broken, versioned, huge].forEach { $0.close() }
        #expect(try h.stop().status == 0)
        h.expectNoSurvivors()
    }

    @Test("more restarts than the intensity allows stops the cluster with exit status 1 and the reason")
    func restartIntensity() throws {
        let h = try ClusterHarness(statsReplicas: 1, maxRestarts: 2)
        try h.start(expectWorkers: 2)
        var killed: Set<Int32> = []
        for round in 1...3 {
            let pid = try h.pid(of: "enrich.stats-1")
            kill(pid, SIGKILL)
            killed.insert(pid)
            if round < 3 {
                let back = Eventually.wait(timeout: 15, intervalMs: 50) {
                    (try? h.status().children.first { $0.name == "enrich.stats-1" }).map { !killed.contains($0.pid) && $0.pid > 0 } ?? false
                }
                #expect(back, "restart \(round) did not happen")
            }
        }
        let up = try h.up!.wait(timeout: 60)
        #expect(up.status == 1, "\(up.summary)")
        #expect(up.stderr.contains("restart intensity exceeded: 3 restarts within 60 s"), "\(up.stderr)")
        h.expectNoSurvivors()
    }

    @Test("a wrong configuration file is refused with the key and the line")
    func wrongConfig() throws {
        let folder = try TestPaths.temporaryFolder("nb-config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("newsbus.yaml")
        try "pipeline:\n  stages: [enrich.stats, store]\n  max_attempts: five\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(TestPaths.newsbusExecutable(), ["up", "--config", file.path], timeout: 30)
        #expect(result.status != 0)
        #expect(result.stderr.contains("pipeline.max_attempts"), "\(result.stderr)")
        #expect(result.stderr.contains("line 3"), "\(result.stderr)")
        #expect(ProcessTable.pids(commandLineContaining: folder.path).isEmpty)
    }
}
