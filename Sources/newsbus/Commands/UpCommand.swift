import ArgumentParser
import CNewsbusSys
import Foundation
import NewsbusConfig
import NewsbusSupervisor

/// `newsbus up`: run the cluster in the foreground until Ctrl-C, SIGTERM or `newsbus stop`.
struct UpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up",
        abstract: "Run the worker cluster in the foreground (Ctrl-C to stop).",
        discussion: """
            Reads --config (default: ./newsbus.yaml if present, else the embedded default: stats and
            store stages, ipc:// sockets in .newsbus/run, newsbus.db). NEWSBUS_* variables and flags
            override the file. Exit status: 0 after a graceful stop; 1 when the cluster could not
            start or failed (e.g. too many restarts).
            """)

    @Option(name: .long, help: "Cluster configuration file (YAML).")
    var config: String?

    @Option(name: .long, help: "Bus endpoint (overrides the file and NEWSBUS_ENDPOINT).")
    var endpoint: String?

    @Option(name: .long, help: "Supervisor control endpoint.")
    var control: String?

    @Option(name: .long, help: "SQLite store file.")
    var db: String?

    @Option(name: .long, help: "Run directory for sockets and state.")
    var runDir: String?

    @Option(name: .long, help: "Log level of every process.")
    var logLevel: String?

    @Option(name: .long, help: "Replicas of a stage, stage=n (repeatable).")
    var scale: [String] = []

    func run() throws {
        var replicas: [String: Int] = [:]
        for assignment in scale {
            let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let n = Int(parts[1]), n >= 0 else { throw ValidationError("--scale expects stage=n, got \(assignment)") }
            replicas[parts[0]] = n
        }
        let overrides = ConfigOverrides(
            endpoint: endpoint, control: control, db: db, runDir: runDir, logLevel: logLevel, replicas: replicas)
        let settings = try ClusterSettings.load(configPath: config, overrides: overrides)
        let logger = ProcessSetup.bootstrapLogging(level: settings.logLevel, label: "newsbus.supervisor")
        nb_install_stop_handlers()
        try settings.prepareRunDirectory()
        let supervisor = try ClusterSupervisor(plan: settings.plan(), logger: logger)
        logger.notice(
            "starting cluster",
            metadata: ["endpoint": "\(settings.busEndpoint)", "control": "\(settings.controlEndpoint)", "db": "\(settings.config.store.db)"])
        let outcome = supervisor.run(shouldStop: { nb_stop_signal() != 0 })
        switch outcome {
        case let .stopped(reason):
            logger.notice("cluster stopped", metadata: ["reason": "\(reason)"])
        case .sourcesFinished:
            logger.notice("cluster stopped: sources finished")
        case let .failed(reason):
            printError("newsbus: \(reason)")
            throw ExitCode(1)
        }
    }
}
