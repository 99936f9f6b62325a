import ArgumentParser
import NewsbusBus
import NewsbusZMQ

/// `newsbus router`: the bus process.
struct RouterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "router", abstract: "Run the bus router (started by the supervisor).")

    @OptionGroup var bus: BusOptions

    @Option(name: .long, help: "Pipeline stages in order, comma-separated, e.g. enrich.stats,store.")
    var stages: String

    @Option(name: .long, help: "Pipeline name.")
    var pipeline = "default"

    @Option(name: .long, help: "Attempts per stage before a message is dead-lettered.")
    var maxAttempts = 5

    @Option(name: .long, help: "Most messages held (queued + in flight) before PUBLISH is refused.")
    var maxPending = 10_000

    @Option(name: .long, help: "Stage that stores dead letters (empty: dead letters are only NACKed).")
    var deadLetterStage = "deadletter"

    @Option(name: .long, help: "Control endpoint answering `status` with JSON (optional).")
    var control: String?

    @Option(name: .long, help: "Heartbeat interval in milliseconds.")
    var heartbeatIntervalMs = 1000

    @Option(name: .long, help: "Missed heartbeats before a worker is dead.")
    var heartbeatLiveness = 3

    func run() throws {
        try bus.validateEndpoint()
        let logger = ProcessSetup.bootstrapLogging(level: bus.logLevel, label: "newsbus.router")
        ProcessSetup.becomeClusterChild()
        let stageList = stages.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !stageList.isEmpty else { throw ValidationError("--stages needs at least one stage") }
        let context = try ZMQContext()
        let router = try Router(
            context: context,
            configuration: RouterConfiguration(
                endpoint: bus.endpoint, pipeline: pipeline, stages: stageList, maxAttempts: maxAttempts, maxPending: maxPending,
                timings: BusTimings(heartbeatIntervalMs: heartbeatIntervalMs, heartbeatLiveness: heartbeatLiveness),
                deadLetterStage: deadLetterStage.isEmpty ? nil : deadLetterStage, controlEndpoint: control),
            logger: logger)
        logger.info("router listening", metadata: ["endpoint": "\(router.boundEndpoint)", "stages": "\(stageList.joined(separator: " → "))"])
        try router.run(until: { ProcessSetup.stopRequested })
        let s = router.stats
        bus.writeSummary(
            "\(s.published) published, \(s.acked) acked, \(s.refused) refused, \(s.deadLettered) dead-lettered, "
                + "\(s.redelivered) redelivered, \(s.malformed) malformed, \(s.workersExpired) workers expired")
    }
}
