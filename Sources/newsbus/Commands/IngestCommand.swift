import ArgumentParser
import Foundation
import NewsbusBus
import NewsbusIngest
import NewsbusSDK
import NewsbusTesting
import NewsbusWire
import NewsbusZMQ

/// `newsbus ingest`: publish files to a running cluster and wait until each is stored.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Publish articles to a running cluster: files once, or a watched inbox, a polled feed or an HTTP endpoint.",
        discussion: "With files: exit status 0 when every file was parsed and stored, 1 when any file was rejected or refused. --inbox, --feed and --http run until stopped.")

    @OptionGroup var bus: BusOptions

    @Argument(help: "Files or folders: text scrapes, HTML pages, RSS/Atom feeds, ninjs JSON (folders: .txt .html .htm .xml .rss .atom .json files).")
    var paths: [String] = []

    @Option(name: .long, help: "Watch this folder and publish every file dropped into it (runs until stopped).")
    var inbox: String?

    @Option(name: .long, help: "Poll this feed URL (RSS, Atom, ninjs over HTTP) until stopped.")
    var feed: String?

    @Option(name: .long, help: "Seconds between feed polls.")
    var interval: Double = 60

    @Option(name: .long, help: "Feed state file (ETag, Last-Modified, items seen); default: <name>.feed-state.json.")
    var state: String?

    @Option(name: .long, help: "Listen for POSTed articles on HOST:PORT (port 0: any free port; the address is printed) until stopped.")
    var http: String?

    @Option(name: .long, help: "Largest HTTP request body accepted, in bytes.")
    var maxBodyBytes = 16 << 20

    @Option(name: .long, help: "Seconds an HTTP request waits for its articles to be stored before it is answered 504.")
    var ackTimeout: Double = 30

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A boilerplate rule for this source (repeatable): exact:TEXT, prefix:TEXT, contains:TEXT or cut-after:TEXT.",
            valueName: "kind:text"))
    var boilerplate: [String] = []

    @Flag(name: .long, help: "Apply only the --boilerplate rules, not the built-in ones.")
    var noBuiltinBoilerplate = false

    @Option(name: .long, help: "Instead of files, publish this many generated articles (for load and fault tests).")
    var generated: Int?

    @Option(name: .long, help: "Seed of the generated articles.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "Approximate encoded size of each generated article, in bytes.")
    var size = 8192

    @Option(name: .long, help: "Producer and source name.")
    var name = "ingest"

    @Option(name: .long, help: "Most articles in flight at once.")
    var window = 256

    @Option(name: .long, help: "Seconds to wait for the last acknowledgements.")
    var timeout = 120

    @Option(name: .long, help: "Re-send an article not answered within this many milliseconds.")
    var resendAfterMs = 30_000

    func run() throws {
        try bus.validateEndpoint()
        let logger = ProcessSetup.bootstrapLogging(level: bus.logLevel, label: "newsbus.\(name)")
        ProcessSetup.becomeClusterChild()
        guard !paths.isEmpty || generated != nil || inbox != nil || feed != nil || http != nil else {
            throw ValidationError("give files or folders, --inbox FOLDER, --feed URL, --http HOST:PORT, or --generated N")
        }
        let ingestor = Ingestor(parsers: Ingestor.builtInParsers(boilerplate: try boilerplateRules()))
        let started = MonotonicClock.nowMs()
        let files = try FileIngest.files(under: paths)
        let publisher = try Publisher(
            endpoint: bus.endpoint, name: name, context: try ZMQContext(), window: window, resendAfterMs: resendAfterMs, logger: logger)
        let runner = SourceRunner(publisher: publisher)
        let stop = { ProcessSetup.stopRequested }
        var summary: SourceSummary
        var refused: [(String, String)] = []
        if let feed {
            guard let url = URL(string: feed), ["http", "https"].contains(url.scheme ?? "") else {
                throw ValidationError("--feed needs an http(s) URL, got \(feed)")
            }
            var source = FeedSource(
                name: name, url: url, interval: interval, statePath: state ?? "\(name).feed-state.json", ingestor: ingestor)
            summary = try runner.run(&source, drainTimeoutMs: 10_000, until: stop)
            bus.writeSummary("feed \(feed): \(source.polls) polls (\(source.notModified) not modified), \(summary.acked) articles acked")
            return
        } else if let http {
            guard let (host, port) = HTTPIngestSettings.parse(http) else {
                throw ValidationError("--http needs HOST:PORT, e.g. 127.0.0.1:8480, got \(http)")
            }
            let settings = HTTPIngestSettings(
                host: host, port: port, maxBodyBytes: maxBodyBytes, acknowledgementTimeout: .milliseconds(Int(ackTimeout * 1000)))
            let queue = HTTPIngestQueue()
            let server = try HTTPIngestServer(settings: settings, queue: queue, ingestor: ingestor, sourceName: name)
            let address = try server.start()
            print("listening \(address)")
            fflush(nil)  // a test or a script waits for this line
            var source = HTTPIngestSource(name: name, queue: queue)
            summary = try runner.run(&source, idlePollMs: 5, drainTimeoutMs: 10_000, until: stop)
            queue.close()
            server.stop()
            bus.writeSummary("http \(address): \(summary.items) requests, \(summary.acked) articles acked, \(summary.refused) refused")
            return
        } else if let inbox {
            var source = try InboxSource(name: name, path: inbox, ingestor: ingestor)
            summary = try runner.run(&source, drainTimeoutMs: 10_000, until: stop)
            bus.writeSummary("inbox \(inbox): \(source.moved) files done, \(source.rejectedCount) rejected, \(summary.acked) articles acked")
            return
        } else if let generated {
            var source = GeneratedSource(name: name, count: generated, seed: seed, size: size)
            summary = try runner.run(&source, drainTimeoutMs: timeout * 1000, until: stop)
        } else {
            var source = FileListSource(name: name, files: files, ingestor: ingestor)
            summary = try runner.run(&source, drainTimeoutMs: timeout * 1000, until: stop)
            refused = source.refused
        }
        for (file, reason) in refused { printError("\(file): refused by the bus: \(reason)") }
        let elapsed = Double(MonotonicClock.nowMs() - started) / 1000
        bus.writeSummary(
            (generated.map { "\($0) generated, " } ?? "") + "\(files.count) files, \(summary.acked) acked, \(summary.rejected) rejected, "
                + "\(summary.refused) refused, \(summary.unanswered) unanswered, \(summary.resent) re-sent in \(seconds(elapsed))")
        let complete = summary.unanswered == 0 && !ProcessSetup.stopRequested
        if !complete {
            printError("ingest: \(summary.unanswered) article(s) not acknowledged " + (ProcessSetup.stopRequested ? "(stopped)" : "within \(timeout) s"))
            throw ExitCode(2)
        }
        if summary.rejected > 0 || summary.refused > 0 { throw ExitCode(1) }
    }

    /// The built-in boilerplate rules (unless `--no-builtin-boilerplate`) plus the `--boilerplate` ones.
    private func boilerplateRules() throws -> BoilerplateRules {
        var rules = BoilerplateRules(rules: [], usesBuiltInHeuristics: !noBuiltinBoilerplate)
        for text in boilerplate {
            guard let rule = BoilerplateRules.Rule(spec: text) else {
                throw ValidationError("--boilerplate needs exact:TEXT, prefix:TEXT, contains:TEXT or cut-after:TEXT, got \(text)")
            }
            rules.add(rule)
        }
        return rules
    }
}
