import ArgumentParser
import Dispatch
import Foundation
import Logging
import NewsbusBus
import NewsbusSDK
import NewsbusSupervisor
import NewsbusTesting
import NewsbusWire
import NewsbusZMQ

/// `newsbus bench pipeline`: the bus end to end (producer → router → enrich → store → ACK) next to
/// a raw libzmq PUSH/PULL chain of the same payloads over the same transport, in the same run; then
/// lock-step against pipelined publishing, and failure timings with real worker processes.
struct PipelineBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipeline",
        abstract: "Bus throughput and latency next to a raw libzmq chain, lock-step vs pipelined, failure timings.",
        discussion: """
            Everything runs in this process on threads (router, enrich stage, store stage), except the
            failure timings, which start two `newsbus worker enrich --kind stats` processes of this
            executable and SIGKILL one under a steady stream. Figures, not a test.
            """)

    enum Transport: String, ExpressibleByArgument, CaseIterable {
        case ipc, tcp
    }

    @Option(name: .long, help: "Messages per throughput run (after a warm-up).")
    var count = 20_000

    @Option(name: .long, help: "Target encoded size of the sample article, in bytes.")
    var size = 8192

    @Option(name: .long, help: "Transport: ipc (a private temp folder) or tcp (127.0.0.1).")
    var transport: Transport = .ipc

    @Option(name: .long, help: "Producer window (unanswered messages) of the pipelined runs.")
    var window = 256

    @Option(name: .customLong("heartbeat-ms"), help: "Heartbeat interval of the failure run, in milliseconds (liveness 3).")
    var heartbeatMs = 1000

    @Flag(name: .long, help: "Skip the failure timings (worker processes, SIGKILL).")
    var skipFailure = false

    func validate() throws {
        guard count >= 100 else { throw ValidationError("--count must be at least 100") }
        guard (512...(8 << 20)).contains(size) else { throw ValidationError("--size must be between 512 and 8388608") }
        guard window >= 1 else { throw ValidationError("--window must be at least 1") }
        guard (50...10_000).contains(heartbeatMs) else { throw ValidationError("--heartbeat-ms must be between 50 and 10000") }
    }

    func run() throws {
        _ = ProcessSetup.bootstrapLogging(level: "error", label: "newsbus.bench")
        let logger = Logger(label: "newsbus.bench")
        let article = SampleArticles.enriched(sizeBytes: size, seed: 42)
        let payload = try WireCodec().encode(article)
        let folder = try TempFolder()
        defer { folder.remove() }
        let endpoints = Endpoints(transport: transport, folder: folder.path)
        let warmup = min(2_000, max(200, count / 10))

        #if DEBUG
        let build = "DEBUG build: figures are not representative, use -c release"
        #else
        let build = "release build"
        #endif
        print("newsbus bench pipeline: \(build), libzmq \(ZMQ.version), \(ProcessInfo.processInfo.activeProcessorCount) cores")
        print("sample: enriched Article, \(payload.count) bytes encoded; \(count) messages per throughput run after \(warmup) warm-up")
        print("transport: \(transport.rawValue)\(transport == .ipc ? " (private temp folder)" : " (127.0.0.1)"); window \(window)")
        print("pipeline: Publisher → Router (thread) → enrich.noop (WorkerRunner, thread, capacity 32)")
        print("          → store.null (Sink committing nothing, thread, batch 64, capacity 64, 20 ms batch delay) → ACK\n")

        let mb = Double(payload.count) / 1_000_000
        print("throughput and latency (publish → ACK)        msg/s      MB/s   p50 ms   p99 ms   max ms      n   vs raw")
        var rawRate = 1.0
        func row(_ name: String, _ result: RunResult) {
            var line = pad(name, 42) + String(format: "%10.0f %9.1f", result.rate, result.rate * mb)
            if let latency = result.latency {
                line += String(format: " %8.2f %8.2f %8.2f", latency.p50Ms, latency.p99Ms, latency.maxMs)
            } else {
                line += "        –        –        –"
            }
            line += String(format: " %6d   %5.2f", result.count, result.rate / rawRate)
            print(line)
            fflush(nil)  // rows appear as they are measured
        }

        // 1. Raw libzmq chain.
        let raw = try RawChain(endpoints: endpoints, payload: payload, warmup: warmup, count: count).run()
        rawRate = raw.rate
        row("raw libzmq PUSH→2 hops→PULL, no acks", raw)

        // 2 and 3. The bus.
        let shape = PipelineShape(endpoints: endpoints, payload: payload, uri: article.uri, version: article.version, logger: logger)
        let passThrough = try shape.run(enrich: .passThrough, window: window, warmup: warmup, count: count, timeLimitMs: nil)
        row("newsbus w\(window), pass-through enrich", passThrough)
        let decoding = try shape.run(enrich: .decodeEncode, window: window, warmup: warmup, count: count, timeLimitMs: nil)
        row("newsbus w\(window), decode+encode enrich", decoding)
        let lockStep = try shape.run(enrich: .passThrough, window: 1, warmup: 20, count: count, timeLimitMs: 3_000)
        row("newsbus w1 (lock-step), pass-through", lockStep)
        print("  store.null neither decodes nor commits (a byte-keeping Sink). Lock-step stops after 3 s; its")
        print("  latency is mostly the store's 20 ms batch delay (a batch of one waits for more before committing).")

        // 4. Failure timings.
        var failure: FailureResult?
        if !skipFailure {
            print("")
            failure = try FailureRun(
                endpoints: endpoints, payload: payload, uri: article.uri, version: article.version, heartbeatMs: heartbeatMs,
                logger: logger
            ).run()
        }

        print("\ntargets")
        func target(_ name: String, _ value: String, _ pass: Bool) {
            print("  " + pad(name, 52) + pad(value, 12) + (pass ? "PASS" : "below target"))
        }
        let ratio = passThrough.rate / rawRate
        target("bus (pass-through, w\(window)) ≥ 0.40 of the raw chain", String(format: "%.2f", ratio), ratio >= 0.40)
        let speedup = passThrough.rate / lockStep.rate
        target("pipelined (w\(window)) ≥ 10× lock-step (w1)", String(format: "%.0f×", speedup), speedup >= 10)
        for probe in failure?.probes ?? [] {
            target("failure detection, \(probe.label) ≤ \(failure!.boundMs) ms", "\(probe.detectionMs) ms", probe.detectionMs <= failure!.boundMs)
        }
    }
}

// MARK: - Results

/// End-to-end latencies of one run.
struct Latency {
    var p50Ms: Double
    var p99Ms: Double
    var maxMs: Double

    /// Nearest-rank percentiles of `samples` (nanoseconds).
    init(samples: [UInt64]) {
        let sorted = samples.sorted()
        func rank(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let index = min(sorted.count - 1, max(0, Int((Double(sorted.count) * p).rounded(.up)) - 1))
            return Double(sorted[index]) / 1e6
        }
        p50Ms = rank(0.50)
        p99Ms = rank(0.99)
        maxMs = Double(sorted.last ?? 0) / 1e6
    }
}

struct RunResult {
    var count: Int
    var seconds: Double
    var latency: Latency?
    var rate: Double { Double(count) / seconds }
}

// MARK: - 1. The raw libzmq chain

/// producer PUSH → hop 1 (PULL→PUSH, thread) → hop 2 (PULL→PUSH, thread) → sink PULL (this thread).
/// An empty frame ends the run and travels the chain so that every thread leaves by itself.
struct RawChain {
    var endpoints: Endpoints
    var payload: [UInt8]
    var warmup: Int
    var count: Int

    func run() throws -> RunResult {
        let context = try ZMQContext()
        defer { context.terminate() }
        let timeoutMs = 30_000
        func pull(_ name: String) throws -> (ZMQSocket, String) {
            let socket = try context.makeSocket(.pull)
            try socket.set(.linger, 0)
            try socket.set(.receiveTimeout, timeoutMs)
            try socket.bind(endpoints.next(name))
            return (socket, try socket.lastEndpoint ?? "")
        }
        func push(_ endpoint: String) throws -> ZMQSocket {
            let socket = try context.makeSocket(.push)
            try socket.set(.linger, 10_000)  // closing right after the end marker must not drop what is queued
            try socket.set(.sendTimeout, timeoutMs)
            try socket.connect(endpoint)
            return socket
        }
        // Bind every PULL first (tcp ports are known only after binding), then connect the PUSHes.
        let (pull1, endpoint1) = try pull("raw-1")
        let (pull2, endpoint2) = try pull("raw-2")
        let (sink, endpoint3) = try pull("raw-3")
        defer { sink.close() }
        let producerPush = try push(endpoint1)
        let hop1 = Handoff([pull1, try push(endpoint2)])
        let hop2 = Handoff([pull2, try push(endpoint3)])
        let producer = Handoff([producerPush])

        let forward: @Sendable (Handoff) throws -> Void = { handoff in
            let sockets = handoff.take()
            defer { sockets.forEach { $0.close() } }
            let (input, output) = (sockets[0], sockets[1])
            var message = ZMQMessage()
            while true {
                guard try input.receive(into: &message) else { throw BenchError("raw chain: a hop received nothing for 30 s") }
                let last = message.isEmpty
                guard try output.send(&message) else { throw BenchError("raw chain: a hop could not send for 30 s") }
                if last { return }
            }
        }
        let hopThreads = [BenchThread("raw hop 1") { try forward(hop1) }, BenchThread("raw hop 2") { try forward(hop2) }]
        let go = DispatchSemaphore(value: 0)
        let payload = self.payload
        let (warmup, count) = (self.warmup, self.count)
        let producerThread = BenchThread("raw producer") {
            let socket = producer.take()[0]
            defer { socket.close() }
            func send(_ n: Int) throws {
                for _ in 0..<n {
                    var message = ZMQMessage(payload)
                    guard try socket.send(&message) else { throw BenchError("raw chain: the producer could not send for 30 s") }
                }
            }
            try send(warmup)
            go.wait()
            try send(count)
            var end = ZMQMessage()
            _ = try socket.send(&end)
        }

        var failure: Error?
        var seconds = 0.0
        do {
            var message = ZMQMessage()
            func receive(_ n: Int) throws {
                for _ in 0..<n {
                    guard try sink.receive(into: &message) else { throw BenchError("raw chain: the sink received nothing for 30 s") }
                }
            }
            try receive(warmup)
            let start = MonotonicClock.nowNs()
            go.signal()
            try receive(count)
            seconds = Double(MonotonicClock.nowNs() - start) / 1e9
            guard try sink.receive(into: &message), message.isEmpty else { throw BenchError("raw chain: no end marker") }
        } catch {
            failure = error
            go.signal()
            context.shutdown()  // unblocks the threads (ETERM); they close their sockets
        }
        for thread in hopThreads + [producerThread] {
            do { try thread.join() } catch { if failure == nil { failure = error } }
        }
        if let failure { throw failure }
        return RunResult(count: count, seconds: seconds, latency: nil)
    }
}

// MARK: - 2 and 3. The bus in one process

/// The enrich stage of a run.
enum EnrichMode {
    /// `WorkerRunner.runPassThrough`: DONE with the payload unchanged, never decoded.
    case passThrough
    /// `WorkerRunner.run(&enricher)` with an enricher that changes nothing: decode, provenance, encode.
    case decodeEncode
}

/// An enricher that changes nothing (the runner still decodes, stamps provenance and re-encodes).
struct NoopEnricher: Enricher {
    let stage = "enrich.noop"
    func enrich(_ article: inout Article) throws {}
}

/// A store that commits nothing.
struct NullSink: Sink {
    let stage: String
    /// Commits nothing and needs no Article: the bus cost alone.
    var decodesArticles: Bool { false }
    func commit(_ batch: [SinkItem]) throws -> [SinkResult] { batch.map { _ in .committed } }
}

/// Send times and ACK times per message, indexed by the publisher's counter (the number at the
/// end of each message id), in arrays allocated up front.
final class Tracker {
    var sentNs: [UInt64]
    var ackedNs: [UInt64]
    var acked = 0
    var nacks: [String] = []

    init(capacity: Int) {
        sentNs = Array(repeating: 0, count: capacity + 1)
        ackedNs = Array(repeating: 0, count: capacity + 1)
    }

    /// Installs the result callback on `publisher`.
    func attach(to publisher: Publisher) {
        publisher.onResult = { [self] id, result in
            let index = trailingNumber(id)
            switch result {
            case .acked:
                if index > 0 && index < ackedNs.count && ackedNs[index] == 0 {
                    ackedNs[index] = MonotonicClock.nowNs()
                    acked += 1
                }
            case let .nacked(code, reason):
                if nacks.count < 5 { nacks.append("\(id): \(code) \(reason)") }
            }
        }
    }
}

/// The number at the end of a message id ("bench-1a2b3c4d-42" → 42), without allocating.
func trailingNumber(_ id: String) -> Int {
    var value = 0
    var scale = 1
    for byte in id.utf8.reversed() {
        guard byte >= 0x30 && byte <= 0x39 else { break }
        value += Int(byte - 0x30) * scale
        scale *= 10
    }
    return value
}

/// Router, enrich and store threads for one run; stopped and joined by `stop()`.
final class InProcessBus {
    let endpoint: String
    private let workersStop = StopFlag()
    private let routerStop = StopFlag()
    private var workerThreads: [BenchThread] = []
    private let routerThread: BenchThread

    /// Starts the router and waits until it is bound.
    init(context: ZMQContext, configuration: RouterConfiguration, logger: Logger) throws {
        let bound = Mailbox<Result<String, BenchError>>()
        let routerStop = self.routerStop
        routerThread = BenchThread("router") {
            let router: Router
            do {
                router = try Router(context: context, configuration: configuration, logger: logger)
            } catch {
                bound.put(.failure(BenchError("router: \(error)")))
                return
            }
            bound.put(.success(router.boundEndpoint))
            try router.run(until: { routerStop.isSet })
        }
        switch bound.take() {
        case let .success(endpoint): self.endpoint = endpoint
        case let .failure(error):
            _ = try? routerThread.join()
            throw error
        }
    }

    /// Starts a worker stage on a thread of its own.
    func startWorker(_ name: String, _ body: @escaping @Sendable (_ shouldStop: @escaping @Sendable () -> Bool) throws -> Void) {
        let stop = workersStop
        workerThreads.append(BenchThread(name) { try body({ stop.isSet }) })
    }

    /// Stops the workers (they say DISCONNECT while the router still listens), then the router.
    func stop() throws {
        workersStop.set()
        var failure: Error?
        for thread in workerThreads {
            do { try thread.join() } catch { if failure == nil { failure = error } }
        }
        routerStop.set()
        do { try routerThread.join() } catch { if failure == nil { failure = error } }
        if let failure { throw failure }
    }
}

struct PipelineShape {
    var endpoints: Endpoints
    var payload: [UInt8]
    var uri: String
    var version: String
    var logger: Logger

    /// One run: `warmup` messages, then `count` measured ones (or as many as fit in `timeLimitMs`).
    func run(enrich: EnrichMode, window: Int, warmup: Int, count: Int, timeLimitMs: Int?) throws -> RunResult {
        let context = try ZMQContext()
        defer { context.terminate() }
        let bus = try InProcessBus(
            context: context,
            configuration: RouterConfiguration(endpoint: endpoints.next("bus"), stages: ["enrich.noop", "store.null"]),
            logger: logger)
        let endpoint = bus.endpoint
        let logger = self.logger
        bus.startWorker("enrich.noop") { shouldStop in
            let runner = WorkerRunner(
                options: WorkerOptions(endpoint: endpoint, stage: "enrich.noop", name: "enrich.noop-bench", capacity: 32),
                context: context, logger: logger)
            switch enrich {
            case .passThrough:
                _ = try runner.runPassThrough(until: shouldStop)
            case .decodeEncode:
                var enricher = NoopEnricher()
                _ = try runner.run(&enricher, until: shouldStop)
            }
        }
        bus.startWorker("store.null") { shouldStop in
            let runner = WorkerRunner(
                options: WorkerOptions(endpoint: endpoint, stage: "store.null", name: "store.null-bench", capacity: 64, batchSize: 64),
                context: context, logger: logger)
            var sink = NullSink(stage: "store.null")
            _ = try runner.run(&sink, until: shouldStop)
        }

        var result: RunResult?
        var failure: Error?
        do {
            result = try produce(endpoint: endpoint, context: context, window: window, warmup: warmup, count: count, timeLimitMs: timeLimitMs)
        } catch {
            failure = error
        }
        do { try bus.stop() } catch { if failure == nil { failure = error } }
        if let failure { throw failure }
        return result!
    }

    private func produce(endpoint: String, context: ZMQContext, window: Int, warmup: Int, count: Int, timeLimitMs: Int?) throws -> RunResult {
        let publisher = try Publisher(endpoint: endpoint, name: "bench", context: context, window: window, logger: logger)
        let tracker = Tracker(capacity: warmup + count)
        tracker.attach(to: publisher)
        var next = 1

        /// Publishes up to `n` messages; stops early at `deadlineNs`. Returns how many were sent.
        func publish(_ n: Int, deadlineNs: UInt64?) throws -> Int {
            var sent = 0
            while sent < n {
                // Make room first, so that the send time below is the time of the send itself.
                while publisher.pending >= window { try publisher.pump(timeoutMs: 100) }
                if let deadlineNs, MonotonicClock.nowNs() >= deadlineNs { break }
                tracker.sentNs[next] = MonotonicClock.nowNs()
                try publisher.publish(payload: payload, uri: uri, version: version)
                next += 1
                sent += 1
                if sent % 32 == 0 { try publisher.pump(timeoutMs: 0) }  // read ACKs while the window fills
            }
            return sent
        }
        func drain() throws {
            guard try publisher.drain(timeoutMs: 60_000) else {
                throw BenchError("pipeline: \(publisher.pending) message(s) unanswered after 60 s")
            }
            if !tracker.nacks.isEmpty { throw BenchError("pipeline: NACKed: \(tracker.nacks.joined(separator: "; "))") }
        }

        _ = try publish(warmup, deadlineNs: nil)
        try drain()
        let first = next
        let start = MonotonicClock.nowNs()
        let sent = try publish(count, deadlineNs: timeLimitMs.map { start + UInt64($0) * 1_000_000 })
        try drain()
        let range = first..<(first + sent)
        let end = range.map { tracker.ackedNs[$0] }.max() ?? start
        let samples = range.map { tracker.ackedNs[$0] - tracker.sentNs[$0] }
        return RunResult(count: sent, seconds: Double(end - start) / 1e9, latency: Latency(samples: samples))
    }
}

// MARK: - 4. Failure timings with worker processes

struct FailureResult {
    /// One probe: a worker process signalled under the stream.
    struct Probe {
        var label: String
        var detectionMs: Int
        var redeliveryMs: Int
        var byExpiry: Bool
    }

    var probes: [Probe]
    var boundMs: Int
}

/// Router and store in this process; three `newsbus worker enrich --kind stats` processes; a
/// steady stream. One worker is SIGKILLed (the process dies, its socket closes), then another is
/// SIGSTOPped (the process hangs with its socket open: only heartbeats can tell). For each: the
/// time until the router drops the worker (detection), and until every message the worker may
/// have held is ACKed (redelivery).
struct FailureRun {
    var endpoints: Endpoints
    var payload: [UInt8]
    var uri: String
    var version: String
    var heartbeatMs: Int
    var logger: Logger

    /// Messages per second of the steady stream.
    static let streamRate = 1_000
    static let workers = 3

    func run() throws -> FailureResult {
        let liveness = 3
        let timings = BusTimings(heartbeatIntervalMs: heartbeatMs, heartbeatLiveness: liveness)
        let expiryMs = timings.expiryMs
        let boundMs = expiryMs + heartbeatMs / 2
        print("failure timings: router + store.null in this process, \(Self.workers) × `newsbus worker enrich --kind stats` processes,")
        print("  a steady stream of \(Self.streamRate) msg/s (window 256); heartbeat \(heartbeatMs) ms × liveness \(liveness) = expiry \(expiryMs) ms,")
        print("  detection bound \(boundMs) ms (expiry + half an interval); router status polled every 5 ms")
        if heartbeatMs != 1000 {
            print("  note: worker processes keep their default 1000 ms heartbeat; the stream keeps them from looking idle")
        }

        let context = try ZMQContext()
        defer { context.terminate() }
        let controlEndpoint = endpoints.ipc("control")
        let bus = try InProcessBus(
            context: context,
            configuration: RouterConfiguration(
                endpoint: endpoints.next("bus"), stages: ["enrich.stats", "store.null"], timings: timings, controlEndpoint: controlEndpoint),
            logger: logger)
        let endpoint = bus.endpoint
        let logger = self.logger
        bus.startWorker("store.null") { shouldStop in
            let runner = WorkerRunner(
                options: WorkerOptions(
                    endpoint: endpoint, stage: "store.null", name: "store.null-bench", capacity: 64, batchSize: 64, timings: timings),
                context: context, logger: logger)
            var sink = NullSink(stage: "store.null")
            _ = try runner.run(&sink, until: shouldStop)
        }
        let supervisor = Supervisor(logger: logger)
        let control = ControlClient(context: context, endpoint: controlEndpoint)
        var publisher: Publisher?

        var result: FailureResult?
        var failure: Error?
        do {
            let executable = try selfExecutable()
            for n in 1...Self.workers {
                try supervisor.start(
                    ChildSpec(
                        name: "enrich.stats-\(n)",
                        arguments: [
                            executable, "worker", "enrich", "--kind", "stats", "--endpoint", endpoint, "--name", "enrich.stats-\(n)",
                            "--log-level", "error",
                        ],
                        environment: ["NEWSBUS_SUPERVISOR_PID": "\(getpid())"]))
            }
            publisher = try Publisher(endpoint: endpoint, name: "bench-failure", context: context, window: 256, logger: logger)
            let session = FailureSession(
                supervisor: supervisor, control: control, publisher: publisher!, payload: payload, uri: uri, version: version,
                capacity: Self.streamRate * (2 * 3 * expiryMs + 30_000) / 1000, rate: Self.streamRate)
            result = FailureResult(probes: try session.measure(workers: Self.workers, boundMs: boundMs), boundMs: boundMs)
        } catch {
            failure = error
        }
        // Cleanup: producer, worker processes (a stopped one is killed), control socket, in-process stages.
        publisher = nil
        for child in supervisor.running { child.signal(SIGCONT) }
        supervisor.stopAll(graceMs: 3_000)
        control.close()
        do { try bus.stop() } catch { if failure == nil { failure = error } }
        if let failure { throw failure }

        let r = result!
        print("  " + pad("worker process", 26) + pad("detection", 12) + pad("redelivery", 12) + "detected by")
        for probe in r.probes {
            print("  " + pad(probe.label, 26) + pad("\(probe.detectionMs) ms", 12) + pad("\(probe.redeliveryMs) ms", 12)
                + (probe.byExpiry ? "heartbeat expiry (expected \(expiryMs) ms, ≤ \(boundMs) ms)" : "failed delivery: the peer is gone (no need to wait for expiry)"))
        }
        print("  (redelivery: from the signal until every message published before the detection is ACKed)")
        return r
    }
}

/// The producer side of the failure run: a paced stream, the router's status, the children.
final class FailureSession {
    let supervisor: Supervisor
    let control: ControlClient
    let publisher: Publisher
    let payload: [UInt8]
    let uri: String
    let version: String
    let tracker: Tracker
    let intervalNs: UInt64
    var next = 1
    var nextSendNs: UInt64 = 0
    var signalled: Set<pid_t> = []

    init(
        supervisor: Supervisor, control: ControlClient, publisher: Publisher, payload: [UInt8], uri: String, version: String,
        capacity: Int, rate: Int
    ) {
        self.supervisor = supervisor
        self.control = control
        self.publisher = publisher
        self.payload = payload
        self.uri = uri
        self.version = version
        tracker = Tracker(capacity: capacity)
        tracker.attach(to: publisher)
        intervalNs = UInt64(1_000_000_000 / rate)
    }

    func measure(workers: Int, boundMs: Int) throws -> [FailureResult.Probe] {
        nextSendNs = MonotonicClock.nowNs()
        var lastStatus: RouterStatus?
        let ready = try stream(forMs: 15_000) {
            guard let status = control.status() else { return false }
            lastStatus = status
            return status.workers.filter { $0.stage == "enrich.stats" }.count == workers && status.workers.contains { $0.stage == "store.null" }
        }
        guard ready else { throw BenchError("failure run: workers not ready after 15 s (status: \(String(describing: lastStatus)))") }
        let running = supervisor.running
        guard running.count == workers else { throw BenchError("failure run: expected \(workers) worker processes, found \(running.count)") }
        _ = try stream(forMs: 1_000)  // steady state

        var probes: [FailureResult.Probe] = []
        probes.append(try probe(running[0], signal: SIGKILL, label: "SIGKILL (dies)", boundMs: boundMs))
        _ = try stream(forMs: 300)
        probes.append(try probe(running[1], signal: SIGSTOP, label: "SIGSTOP (hangs)", boundMs: boundMs))
        running[1].signal(SIGKILL)
        _ = try stream(forMs: 300)  // the survivor keeps serving
        guard try publisher.drain(timeoutMs: 30_000) else { throw BenchError("failure run: \(publisher.pending) message(s) unanswered at the end") }
        try checkChildren()
        return probes
    }

    private func probe(_ victim: ChildProcess, signal: Int32, label: String, boundMs: Int) throws -> FailureResult.Probe {
        let pid = UInt32(victim.pid)
        signalled.insert(victim.pid)
        let signalNs = MonotonicClock.nowNs()
        victim.signal(signal)

        // (a) Detection: the worker leaves the router's table.
        var detectedNs: UInt64 = 0
        var byExpiry = false
        let limitMs = boundMs * 3 + 5_000
        let detected = try stream(forMs: limitMs) {
            guard let status = control.status(), !status.workers.contains(where: { $0.pid == pid }) else { return false }
            detectedNs = MonotonicClock.nowNs()
            byExpiry = status.expired.contains { $0.pid == pid }
            return true
        }
        guard detected else { throw BenchError("failure run: the router did not drop the \(label) worker within \(limitMs) ms") }
        let published = next  // every message before this one may have been held by the victim

        // (b) Redelivery: every message published before the detection is ACKed.
        var cursor = 1
        let allAcked = try stream(forMs: 30_000) {
            while cursor < published && tracker.ackedNs[cursor] != 0 { cursor += 1 }
            return cursor == published
        }
        guard allAcked else { throw BenchError("failure run: messages held by the \(label) worker were not ACKed within 30 s") }
        let lastAckNs = (1..<published).map { tracker.ackedNs[$0] }.max() ?? detectedNs
        return FailureResult.Probe(
            label: label, detectionMs: Int((detectedNs - signalNs) / 1_000_000), redeliveryMs: Int((lastAckNs - signalNs) / 1_000_000),
            byExpiry: byExpiry)
    }

    private func checkChildren() throws {
        for (child, exit) in supervisor.reap() where !signalled.contains(child.pid) {
            throw BenchError("failure run: \(child.spec.name) ended (\(exit))")
        }
    }

    /// Keeps the stream going (paced, window 256) for up to `ms`, or until `condition` holds.
    private func stream(forMs ms: Int, until condition: () throws -> Bool = { false }) throws -> Bool {
        let deadline = MonotonicClock.nowNs() + UInt64(ms) * 1_000_000
        while MonotonicClock.nowNs() < deadline {
            if try condition() { return true }
            let now = MonotonicClock.nowNs()
            while nextSendNs <= now && publisher.pending < 256 && next < tracker.sentNs.count {
                tracker.sentNs[next] = MonotonicClock.nowNs()
                try publisher.publish(payload: payload, uri: uri, version: version)
                next += 1
                nextSendNs += intervalNs
            }
            if nextSendNs <= now { nextSendNs = now }  // window full: no burst afterwards
            try publisher.pump(timeoutMs: 1)
            if !tracker.nacks.isEmpty { throw BenchError("failure run: NACKed: \(tracker.nacks.joined(separator: "; "))") }
            try checkChildren()
        }
        return try condition()
    }
}

/// REQ client of the router's control socket, polled from this thread (the router thread owns the router).
final class ControlClient {
    private let context: ZMQContext
    private let endpoint: String
    private var socket: ZMQSocket?
    private var lastRequestNs: UInt64 = 0

    init(context: ZMQContext, endpoint: String) {
        self.context = context
        self.endpoint = endpoint
    }

    /// The router's status, asked at most every `minIntervalMs` (nil in between, or when the router
    /// did not answer within 1 s).
    func status(minIntervalMs: Int = 5) -> RouterStatus? {
        let now = MonotonicClock.nowNs()
        guard now - lastRequestNs >= UInt64(minIntervalMs) * 1_000_000 else { return nil }
        lastRequestNs = now
        do {
            if socket == nil {
                let s = try context.makeSocket(.req)
                try s.set(.linger, 0)
                try s.set(.receiveTimeout, 1_000)
                try s.connect(endpoint)
                socket = s
            }
            try socket!.send("status")
            if let reply = try socket!.receive() {
                return try JSONDecoder().decode(RouterStatus.self, from: Data(reply.bytes))
            }
        } catch {}
        close()  // a REQ socket without its reply cannot ask again: start over
        return nil
    }

    func close() {
        socket?.close(linger: 0)
        socket = nil
    }
}

// MARK: - Support

/// Endpoints of the chosen transport: ipc sockets in the private folder, or tcp on any free port.
struct Endpoints: Sendable {
    var transport: PipelineBench.Transport
    var folder: String
    private static let counter = Counter()

    func next(_ name: String) -> String {
        switch transport {
        case .ipc: ipc(name)
        case .tcp: "tcp://127.0.0.1:*"
        }
    }

    /// An ipc endpoint in the private folder (the failure run's control socket uses one whatever the transport).
    func ipc(_ name: String) -> String { "ipc://\(folder)/\(name)-\(Self.counter.next()).sock" }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.withLock { value += 1; return value } }
}

/// A private temporary folder, removed with everything in it.
struct TempFolder {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "newsbus-bench.XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw BenchError("cannot create a temporary folder: \(String(cString: strerror(errno)))")
        }
        path = String(cString: made)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// A set-once flag shared between threads.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

/// One value handed from one thread to another.
final class Mailbox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private let ready = DispatchSemaphore(value: 0)
    private var value: Value?

    func put(_ value: Value) {
        lock.withLock { self.value = value }
        ready.signal()
    }

    func take() -> Value {
        ready.wait()
        return lock.withLock { value! }
    }
}

/// Sockets created on one thread, handed to the thread that will own them (before it uses them).
final class Handoff: @unchecked Sendable {
    private var sockets: [ZMQSocket]?
    init(_ sockets: [ZMQSocket]) { self.sockets = sockets }

    func take() -> [ZMQSocket] {
        let taken = sockets!
        sockets = nil
        taken.forEach { $0.claimOwnership() }
        return taken
    }
}

/// A named thread whose error is rethrown by `join()`.
final class BenchThread: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private var error: Error?

    init(_ name: String, _ body: @escaping @Sendable () throws -> Void) {
        let thread = Thread { [self] in
            do { try body() } catch { self.error = error }
            finished.signal()
        }
        thread.name = name
        thread.stackSize = 4 << 20
        thread.start()
    }

    func join() throws {
        finished.wait()
        if let error { throw BenchError("\(error)") }
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

private func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text.padding(toLength: width, withPad: " ", startingAt: 0)
}
