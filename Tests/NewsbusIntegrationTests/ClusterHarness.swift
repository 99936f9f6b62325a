import Foundation
import NewsbusStore
import NewsbusSupervisor
import NewsbusTesting
import Testing

/// A real cluster (`newsbus up` with a config file) in a private folder, for fault-injection tests.
/// Everything it starts is SIGKILLed on deinit, and `survivors()` finds any process left behind.
final class ClusterHarness {
    let folder: URL
    private let ownsFolder: Bool
    let newsbus = TestPaths.newsbusExecutable()
    let exampleEnricher: String
    var up: RunningCommand?

    var configPath: String { folder.appendingPathComponent("newsbus.yaml").path }
    var db: String { folder.appendingPathComponent("news.db").path }
    var runDir: String { folder.appendingPathComponent("run").path }
    var endpoint: String { "ipc://\(runDir)/bus.sock" }
    var control: String { "ipc://\(runDir)/control.sock" }
    var inboxFolder: URL { folder.appendingPathComponent("inbox") }

    /// Drops a file into the inbox the safe way: written under a `.part` name, then renamed.
    func drop(_ data: Data, as name: String) throws {
        try FileManager.default.createDirectory(at: inboxFolder, withIntermediateDirectories: true)
        let part = inboxFolder.appendingPathComponent(name + ".part")
        try data.write(to: part)
        try FileManager.default.moveItem(at: part, to: inboxFolder.appendingPathComponent(name))
    }

    /// Names of the files in an inbox subfolder ("done", "rejected") or the inbox itself ("").
    func files(in subfolder: String) -> [String] {
        let folder = subfolder.isEmpty ? inboxFolder : inboxFolder.appendingPathComponent(subfolder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
            return exists && !isDirectory.boolValue
        }.sorted()
    }

    /// Writes the config: `enrich.stats` (×statsReplicas) → optional `enrich.watch` plug-in → `store`;
    /// or, with `enrichers`, those built-in enrichers (×statsReplicas each) → `store`.
    /// `folder`: reuse another harness's folder (its store), e.g. to restart with another config.
    init(
        statsReplicas: Int = 2, watchPlugin: [String]? = nil, maxAttempts: Int = 3, maxRestarts: Int = 30, inbox: Bool = false,
        folder: URL? = nil, enrichers: [String] = ["stats"]
    ) throws {
        ownsFolder = folder == nil
        self.folder = try folder ?? TestPaths.temporaryFolder("nb-fault")
        exampleEnricher = URL(fileURLWithPath: newsbus).deletingLastPathComponent().appendingPathComponent("newsbus-example-enricher").path
        let enrichStages = enrichers.map { "enrich.\($0)" } + (watchPlugin == nil ? [] : ["enrich.watch"])
        let stages = "[" + (enrichStages + ["store"]).joined(separator: ", ") + "]"
        var workers = enrichers.map { kind in
            """
              - stage: enrich.\(kind)
                kind: \(kind)
                replicas: \(statsReplicas)

            """
        }.joined() + """
              - stage: store
                kind: store
                batch_size: 32
            """
        if let watchPlugin {
            let command = ([exampleEnricher] + watchPlugin).map { "\"\($0)\"" }.joined(separator: ", ")
            workers += """

                  - stage: enrich.watch
                    command: [\(command)]
                    replicas: 2
                """
        }
        let yaml = """
            cluster:
              name: fault-test
              run_dir: run
              endpoint: ipc://bus.sock
              control: ipc://control.sock
            store:
              db: news.db
            pipeline:
              stages: \(stages)
              max_attempts: \(maxAttempts)
            workers:
            \(workers)
            \(inbox ? "sources:\n  - name: inbox\n    kind: inbox\n    path: inbox\n" : "")restart:
              backoff_initial_ms: 50
              backoff_max_ms: 1000
              max_restarts: \(maxRestarts)
              within_seconds: 60
            timeouts:
              drain_seconds: 20
              ready_seconds: 20
            log:
              level: warning
            """
        try yaml.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    deinit {
        up?.signal(SIGKILL)
        for pid in survivors() { kill(pid, SIGKILL) }
        if ownsFolder { try? FileManager.default.removeItem(at: folder) }
    }

    /// Starts `newsbus up` and waits until every configured worker is registered with the router.
    func start(expectWorkers: Int) throws {
        up = try CommandRunner.start(newsbus, ["up", "--config", configPath])
        let ready = Eventually.wait(timeout: 30, intervalMs: 100) {
            guard let status = try? status() else { return false }
            return (status.router?.workers.filter { $0.stage != "deadletter" }.count ?? 0) >= expectWorkers
        }
        try #require(ready, "cluster did not become ready: \(up?.stderrSoFar ?? "")")
    }

    /// `newsbus status --json`.
    func status() throws -> ClusterStatus {
        let result = try CommandRunner.run(newsbus, ["status", "--json", "--control", control, "--timeout", "2"], timeout: 10)
        guard result.status == 0 else { throw HarnessError("status failed: \(result.summary)") }
        return try JSONDecoder().decode(ClusterStatus.self, from: Data(result.stdout.utf8))
    }

    /// Articles ACKed by the router so far.
    func acked() -> Int { (try? status().router?.stats.acked) ?? 0 }

    /// The pid of a child by name.
    func pid(of name: String) throws -> Int32 {
        let pid = try status().children.first { $0.name == name }?.pid ?? 0
        guard pid > 0 else { throw HarnessError("no running child \(name)") }
        return pid
    }

    /// Starts an external producer of `count` generated articles.
    func startIngest(count: Int, seed: UInt64 = 7, extraArguments: [String] = []) throws -> RunningCommand {
        try CommandRunner.start(
            newsbus,
            ["ingest", "--generated", "\(count)", "--seed", "\(seed)", "--size", "2048", "--endpoint", endpoint,
             "--resend-after-ms", "2000", "--timeout", "180", "--name", "load-\(seed)"] + extraArguments)
    }

    /// Waits until the router has acked at least `n` messages.
    func waitForAcked(_ n: Int, timeout: Double = 60) throws {
        let reached = Eventually.wait(timeout: timeout, intervalMs: 100) { acked() >= n }
        try #require(reached, "router did not reach \(n) acks; at \(acked())")
    }

    /// `newsbus stop`, then waits for `newsbus up` to exit; returns its result.
    func stop() throws -> CommandResult {
        let stop = try CommandRunner.run(newsbus, ["stop", "--control", control], timeout: 20)
        #expect(stop.status == 0, "\(stop.summary)")
        return try up!.wait(timeout: 60)
    }

    func store() throws -> ArticleStore { try ArticleStore(readingExisting: db) }

    /// Processes whose command line names this harness's folder (the cluster and its producers).
    func survivors() -> [Int32] { ProcessTable.pids(commandLineContaining: folder.path) }

    /// Waits until nothing of this cluster runs any more.
    func expectNoSurvivors() {
        let gone = Eventually.wait(timeout: 10) { survivors().isEmpty }
        #expect(gone, "processes left behind: \(survivors())")
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Whether a process is stopped (SIGSTOP) or gone.
func processState(_ pid: Int32) -> Character? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
        let close = stat.lastIndex(of: ")")
    else { return nil }
    return stat[stat.index(close, offsetBy: 2)]
}
