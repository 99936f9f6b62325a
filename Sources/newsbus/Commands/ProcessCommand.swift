import ArgumentParser
import CNewsbusSys
import Foundation
import Logging
import NewsbusBus
import NewsbusSupervisor

/// `newsbus process`: run a whole local cluster over some files, then shut it down.
struct ProcessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "Process article files through a local cluster into a SQLite store.",
        discussion: """
            Starts a supervisor (this process), a router, an ingest, an enrich and a store worker,
            each its own process on ipc:// endpoints in a private run directory; waits until every
            article is stored; prints one summary line per stage; stops the cluster.
            Exit status: 0 all stored; 1 some files rejected (the rest stored); 2 the cluster failed.
            """)

    @Argument(help: "Files or folders: text scrapes, HTML pages, RSS/Atom feeds, ninjs JSON (folders: .txt .html .htm .xml .rss .atom .json files).")
    var paths: [String]

    @Option(name: .long, help: "SQLite database file (created if missing).")
    var db: String

    @Option(name: .long, help: "Seconds to wait for the cluster to finish.")
    var timeout = 300

    @Option(name: .long, help: "Log level of the cluster's processes.")
    var logLevel = ProcessInfo.processInfo.environment["NEWSBUS_LOG_LEVEL"] ?? "warning"

    @Option(name: .long, help: "Run directory for sockets and state (default: a new private temporary folder).")
    var runDir: String?

    func run() throws {
        let logger = ProcessSetup.bootstrapLogging(level: logLevel, label: "newsbus.supervisor")
        nb_install_stop_handlers()
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no such file or folder: \(path)")
        }
        let dbPath = absolute(db)
        let runDirectory = try RunDirectory(path: runDir)
        defer { runDirectory.remove() }
        let cluster = try LocalCluster(
            runDirectory: runDirectory, dbPath: dbPath, inputs: paths.map(absolute), logLevel: logLevel, logger: logger)
        let outcome = cluster.run(timeoutMs: timeout * 1000, shouldStop: { nb_stop_signal() != 0 })
        let summaries = cluster.summaries()
        let width = summaries.map(\.0.count).max() ?? 0
        for (name, line) in summaries { print("\(name.padding(toLength: width, withPad: " ", startingAt: 0))  \(line)") }
        switch outcome {
        case .completed: return
        case .completedWithRejects:
            printError("newsbus: some files were rejected; the others are stored in \(dbPath)")
            throw ExitCode(1)
        case let .failed(reason):
            printError("newsbus: \(reason)")
            throw ExitCode(2)
        }
    }
}

/// The private folder of one cluster run: its ipc sockets and summary files.
struct RunDirectory {
    let path: String
    private let owned: Bool

    init(path: String?) throws {
        if let path {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            self.path = absolute(path)
            owned = false
        } else {
            let base = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
            var template = Array("\(base)/newsbus-XXXXXX".utf8CString)
            guard let made = mkdtemp(&template) else { throw ValidationError("cannot create a run directory in \(base)") }
            self.path = String(cString: made)
            owned = true
        }
    }

    /// `ipc://<run dir>/<name>.sock`.
    func ipcEndpoint(_ name: String) -> String { "ipc://\(path)/\(name).sock" }

    func file(_ name: String) -> String { "\(path)/\(name)" }

    func remove() {
        if owned { try? FileManager.default.removeItem(atPath: path) }
    }
}

/// The embedded default cluster over some input files: the same plan as `newsbus up` without a
/// configuration file, plus a one-shot ingest, run by the same ``ClusterSupervisor``.
final class LocalCluster {
    enum Outcome { case completed, completedWithRejects, failed(String) }

    private let settings: ClusterSettings
    private let runDirectory: RunDirectory
    private let inputs: [String]
    private let logger: Logger

    init(runDirectory: RunDirectory, dbPath: String, inputs: [String], logLevel: String, logger: Logger) throws {
        settings = try ClusterSettings.embedded(runDirectory: runDirectory.path, db: dbPath, logLevel: logLevel)
        self.runDirectory = runDirectory
        self.inputs = inputs
        self.logger = logger
    }

    var plan: ClusterPlan {
        settings.plan(sources: [settings.oneShotSource(name: "ingest", paths: inputs)], stopWhenSourcesFinish: true)
    }

    func run(timeoutMs: Int, shouldStop: @escaping () -> Bool) -> Outcome {
        let deadline = Date().addingTimeInterval(Double(timeoutMs) / 1000)
        var timedOut = false
        do {
            let supervisor = try ClusterSupervisor(plan: plan, logger: logger)
            let outcome = supervisor.run {
                if Date() >= deadline { timedOut = true }
                return shouldStop() || timedOut
            }
            switch outcome {
            case .sourcesFinished(clean: true): return .completed
            case .sourcesFinished(clean: false): return .completedWithRejects
            case let .stopped(reason):
                return .failed(timedOut ? "the cluster did not finish within \(timeoutMs / 1000) s" : "stopped by \(reason) before every article was stored")
            case let .failed(reason): return .failed(reason)
            }
        } catch {
            return .failed("\(error)")
        }
    }

    /// (stage, summary line) for each child that wrote one, in pipeline order.
    func summaries() -> [(String, String)] {
        (["ingest"] + settings.config.pipeline.stages + ["router"]).compactMap { name in
            guard let text = try? String(contentsOfFile: runDirectory.file("\(name).summary"), encoding: .utf8) else { return nil }
            return (name, text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}

/// The running executable's path (so the supervisor can start its children from the same build).
func selfExecutable() throws -> String {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
    let argv0 = CommandLine.arguments[0]
    if argv0.contains("/") { return absolute(argv0) }
    throw ValidationError("cannot find the newsbus executable")
}

/// `path` made absolute against the current directory.
func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
}
