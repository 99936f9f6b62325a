import ArgumentParser
import Dispatch
import Foundation
import Logging
import NewsbusEnrich
import NewsbusSDK
import NewsbusStore
import NewsbusZMQ

/// `newsbus worker <kind>`: a built-in worker process.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Run a built-in worker (started by the supervisor).",
        subcommands: [EnrichWorker.self, StoreWorker.self])
}

/// Options of every worker.
struct WorkerFlags: ParsableArguments {
    @Option(name: .long, help: "Worker name, unique in the cluster (default: <stage>-<pid>).")
    var name: String?

    @Option(name: .long, help: "Messages held at once (credit announced in READY).")
    var capacity = 32
}

/// `newsbus worker enrich`.
struct EnrichWorker: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "enrich", abstract: "Run a built-in enricher.")

    @OptionGroup var bus: BusOptions
    @OptionGroup var flags: WorkerFlags

    @Option(name: .long, help: "Enricher kind: \(BuiltInEnricher.names.joined(separator: ", ")).")
    var kind = "stats"

    @Option(name: .long, help: "Stage name served (default: enrich.<kind>).")
    var stage: String?

    func run() throws {
        try bus.validateEndpoint()
        let stageName = stage ?? "enrich.\(kind)"
        let logger = ProcessSetup.bootstrapLogging(level: bus.logLevel, label: "newsbus.\(stageName)")
        ProcessSetup.becomeClusterChild()
        guard let builtIn = BuiltInEnricher(rawValue: kind) else {
            throw ValidationError("unknown enricher kind '\(kind)'; known: \(BuiltInEnricher.names.joined(separator: ", "))")
        }
        let runner = WorkerRunner(
            options: WorkerOptions(endpoint: bus.endpoint, stage: stageName, name: flags.name, capacity: flags.capacity),
            context: try ZMQContext(), logger: logger)
        let summary = try serve(try builtIn.make(stage: stageName), with: runner)
        bus.writeSummary("\(summary.done) enriched, \(summary.failed) failed, \(summary.reconnects) reconnects")
    }

    private func serve<E: Enricher>(_ enricher: E, with runner: WorkerRunner) throws -> WorkerSummary {
        var enricher = enricher
        return try runner.run(&enricher, until: { ProcessSetup.stopRequested })
    }
}

/// `newsbus worker store`.
struct StoreWorker: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "store", abstract: "Run the SQLite store stage.")

    @OptionGroup var bus: BusOptions
    @OptionGroup var flags: WorkerFlags

    @Option(name: .long, help: "SQLite database file.")
    var db: String

    @Option(name: .long, help: "Stage name served.")
    var stage = "store"

    @Option(name: .long, help: "Most articles committed in one transaction.")
    var batchSize = 64

    @Option(name: .long, help: "Longest wait for a batch to fill, in milliseconds.")
    var batchDelayMs = 20

    @Option(name: .long, help: "Also serve this dead-letter stage (empty: none).")
    var deadLetterStage = "deadletter"

    func run() throws {
        try bus.validateEndpoint()
        let logger = ProcessSetup.bootstrapLogging(level: bus.logLevel, label: "newsbus.\(stage)")
        ProcessSetup.becomeClusterChild()
        let store = try ArticleStore(path: db)
        let context = try ZMQContext()
        let name = flags.name ?? "\(stage)-\(getpid())"
        let deadLetters = deadLetterStage.isEmpty ? nil : DeadLetterThread(
            sink: DeadLetterSink(stage: deadLetterStage, store: store),
            options: WorkerOptions(endpoint: bus.endpoint, stage: deadLetterStage, name: "\(name).dl", capacity: 16),
            context: context, logger: logger)
        deadLetters?.start()
        var sink = StoreSink(stage: stage, store: store)
        let runner = WorkerRunner(
            options: WorkerOptions(
                endpoint: bus.endpoint, stage: stage, name: name, capacity: max(flags.capacity, batchSize),
                batchSize: batchSize, batchDelayMs: batchDelayMs),
            context: context, logger: logger)
        let summary = try runner.run(&sink, until: { ProcessSetup.stopRequested })
        let recorded = deadLetters?.join() ?? 0
        let c = sink.counts
        bus.writeSummary(
            "\(summary.done) committed (\(c[.inserted, default: 0]) new, \(c[.updated, default: 0]) updated, "
                + "\(c[.duplicate, default: 0]) unchanged, \(c[.stale, default: 0]) stale, \(c[.killed, default: 0]) killed), "
                + "\(summary.failed) failed, \(recorded) dead letters recorded")
    }
}

/// Serves the dead-letter stage on a thread of its own (its own socket, its own loop).
final class DeadLetterThread: @unchecked Sendable {
    private var sink: DeadLetterSink
    private let runner: WorkerRunner
    private var thread: Thread?
    private let finished = DispatchSemaphore(value: 0)
    private var recorded = 0

    init(sink: DeadLetterSink, options: WorkerOptions, context: ZMQContext, logger: Logger) {
        self.sink = sink
        runner = WorkerRunner(options: options, context: context, logger: logger)
    }

    func start() {
        let thread = Thread { [self] in
            do {
                _ = try runner.run(&sink, until: { ProcessSetup.stopRequested })
            } catch {
                printError("dead-letter stage stopped: \(error)")
            }
            recorded = sink.recorded
            finished.signal()
        }
        thread.name = "dead letters"
        thread.start()
        self.thread = thread
    }

    /// Waits for the thread to finish (after a stop was requested); returns dead letters recorded.
    func join() -> Int {
        finished.wait()
        return recorded
    }
}
