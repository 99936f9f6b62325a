import Foundation
import Logging
import NewsbusBus
import NewsbusWire
import NewsbusZMQ

/// How a worker joins the bus.
public struct WorkerOptions: Sendable {
    /// Router endpoint.
    public var endpoint: String
    /// Stage served.
    public var stage: String
    /// Worker name, unique in the cluster (defaults to stage-pid).
    public var name: String
    /// Messages the worker may hold at once (its credit).
    public var capacity: Int
    /// Largest batch handed to a ``Sink``.
    public var batchSize: Int
    /// Longest wait for a batch to fill, in milliseconds.
    public var batchDelayMs: Int
    /// Heartbeat timers.
    public var timings: BusTimings
    /// Largest payload accepted.
    public var maxPayloadBytes: Int

    /// Creates options; `name` defaults to "<stage>-<pid>".
    public init(
        endpoint: String, stage: String, name: String? = nil, capacity: Int = 16, batchSize: Int = 1,
        batchDelayMs: Int = 20, timings: BusTimings = BusTimings(), maxPayloadBytes: Int = 16 << 20
    ) {
        self.endpoint = endpoint
        self.stage = stage
        self.name = name ?? "\(stage)-\(getpid())"
        self.capacity = max(1, capacity)
        self.batchSize = max(1, min(batchSize, capacity))
        self.batchDelayMs = batchDelayMs
        self.timings = timings
        self.maxPayloadBytes = maxPayloadBytes
    }
}

/// What a worker did, for its exit summary.
public struct WorkerSummary: Sendable, Hashable, Codable {
    /// Messages answered DONE.
    public var done = 0
    /// Messages answered FAIL.
    public var failed = 0
    /// Reconnections to the router.
    public var reconnects = 0
    /// Seconds between start and stop.
    public var seconds = 0.0
}

/// Runs a stage on the bus: READY, DELIVER → handler → DONE/FAIL, heartbeats both ways, reconnects
/// when the router goes silent (Paranoid Pirate), and on stop finishes the batch in hand, then says
/// DISCONNECT. Runs on the calling thread, which owns the socket.
public final class WorkerRunner {
    private let options: WorkerOptions
    private let context: ZMQContext
    private var logger: Logger
    private var socket: ZMQSocket?
    private var lastHeardMs = 0
    private var nextHeartbeatMs = 0
    private var summary = WorkerSummary()
    private let codec = WireCodec()

    /// Creates a runner; nothing connects until `run`.
    public init(options: WorkerOptions, context: ZMQContext, logger: Logger) {
        self.options = options
        self.context = context
        self.logger = logger
        self.logger[metadataKey: "worker.name"] = "\(options.name)"
    }

    /// Serves an ``Enricher`` until `shouldStop()` is true.
    public func run<E: Enricher>(_ enricher: inout E, until shouldStop: () -> Bool) throws -> WorkerSummary {
        try loop(until: shouldStop, batchSize: 1) { deliveries in
            deliveries.map { delivery in
                do {
                    var article = try delivery.frame.withUnsafeBytes { try codec.decode(Article.self, from: $0) }
                    let started = MonotonicClock.nowNs()
                    try enricher.enrich(&article)
                    article.provenance.append(
                        Article.Provenance(
                            enricher: enricher.stage, version: enricher.version, processedAt: Timestamp.now(),
                            durationMicros: (MonotonicClock.nowNs() &- started) / 1000, fields: enricher.fields))
                    return .done(try codec.encode(article))
                } catch let failure as StageFailure {
                    return .fail(failure.reason, retryable: failure.retryable)
                } catch let error as WireError {
                    return .fail("payload does not decode as an Article: \(error)", retryable: false)
                } catch {
                    return .fail("\(error)", retryable: true)
                }
            }
        }
    }

    /// Serves the stage as a pass-through until `shouldStop()` is true: every delivery is answered
    /// DONE with its payload unchanged, without decoding it (relays, benchmarks of the bus itself).
    public func runPassThrough(until shouldStop: () -> Bool) throws -> WorkerSummary {
        try loop(until: shouldStop, batchSize: 1) { deliveries in deliveries.map { _ in .done(nil) } }
    }

    /// Serves a ``Sink`` until `shouldStop()` is true, committing in batches.
    public func run<S: Sink>(_ sink: inout S, until shouldStop: () -> Bool) throws -> WorkerSummary {
        try loop(until: shouldStop, batchSize: options.batchSize) { deliveries in
            var items: [SinkItem] = []
            var outcomes: [Outcome?] = Array(repeating: nil, count: deliveries.count)
            var indexOfItem: [Int] = []
            for (i, delivery) in deliveries.enumerated() {
                if !sink.decodesArticles {
                    items.append(SinkItem(envelope: delivery.envelope, article: nil, payload: delivery.payload))
                    indexOfItem.append(i)
                    continue
                }
                do {
                    let article = try delivery.frame.withUnsafeBytes { try codec.decode(Article.self, from: $0) }
                    items.append(SinkItem(envelope: delivery.envelope, article: article, payload: delivery.payload))
                    indexOfItem.append(i)
                } catch {
                    if sink.acceptsUndecodablePayloads {
                        items.append(SinkItem(envelope: delivery.envelope, article: nil, payload: delivery.payload))
                        indexOfItem.append(i)
                    } else {
                        outcomes[i] = .fail("payload does not decode as an Article: \(error)", retryable: false)
                    }
                }
            }
            if !items.isEmpty {
                do {
                    let results = try sink.commit(items)
                    for (k, result) in results.enumerated() where k < indexOfItem.count {
                        switch result {
                        case .committed: outcomes[indexOfItem[k]] = .done(nil)
                        case let .failed(reason, retryable): outcomes[indexOfItem[k]] = .fail(reason, retryable: retryable)
                        }
                    }
                } catch {
                    for i in indexOfItem { outcomes[i] = .fail("commit failed: \(error)", retryable: true) }
                }
            }
            return outcomes.map { $0 ?? .fail("sink returned no result", retryable: true) }
        }
    }

    // MARK: The loop

    struct Delivery {
        var envelope: Envelope
        /// The frame as received; decoded from in place, sent back without a copy when unchanged.
        var frame: BusPayload
        var payload: [UInt8] { frame.withUnsafeBytes { Array($0) } }
    }

    enum Outcome {
        /// DONE; nil payload means "unchanged".
        case done([UInt8]?)
        case fail(String, retryable: Bool)
    }

    private func loop(until shouldStop: () -> Bool, batchSize: Int, handle: ([Delivery]) -> [Outcome]) throws -> WorkerSummary {
        let started = MonotonicClock.nowMs()
        try connect()
        var batch: [Delivery] = []
        var batchStartedMs = 0
        defer { socket?.close(linger: 1000) }
        while true {
            let stopping = shouldStop()
            if stopping && batch.isEmpty { break }
            let now = MonotonicClock.nowMs()
            var timeout = max(0, nextHeartbeatMs - now)
            if !batch.isEmpty { timeout = min(timeout, max(0, batchStartedMs + options.batchDelayMs - now)) }
            if !stopping {
                var poller = ZMQPoller()
                _ = poller.register(socket!, events: .readable)
                do {
                    _ = try poller.poll(timeout: min(timeout, 250))
                } catch {
                    if error.code == .interrupted { continue }
                    if error.code == .terminated { break }
                    throw error
                }
                while batch.count < options.capacity, let message = try receive() {
                    lastHeardMs = MonotonicClock.nowMs()
                    switch message.command {
                    case .deliver:
                        guard let envelope = try? message.decodeBody(Envelope.self), let payload = message.payload else {
                            logger.warning("DELIVER without a valid envelope or payload; dropped")
                            continue
                        }
                        if batch.isEmpty { batchStartedMs = MonotonicClock.nowMs() }
                        batch.append(Delivery(envelope: envelope, frame: payload))
                    case .disconnect:
                        let reason = (try? message.decodeBody(Disconnect.self).reason) ?? ""
                        logger.info("router said DISCONNECT; reconnecting", metadata: ["reason": "\(reason)"])
                        batch.removeAll()
                        try reconnect()
                    case .heartbeat:
                        break
                    default:
                        logger.warning("unexpected \(message.command) from router; ignored")
                    }
                }
            }
            let due = batch.count >= batchSize || (!batch.isEmpty && (stopping || MonotonicClock.nowMs() - batchStartedMs >= options.batchDelayMs))
            if due {
                let outcomes = handle(batch)
                for (delivery, outcome) in zip(batch, outcomes) { try reply(delivery, outcome) }
                batch.removeAll(keepingCapacity: true)
            }
            let after = MonotonicClock.nowMs()
            if after - lastHeardMs > options.timings.expiryMs {
                logger.warning("router silent for \(after - lastHeardMs) ms; reconnecting")
                batch.removeAll()
                try reconnect()
            } else if after >= nextHeartbeatMs {
                try send(.heartbeat, body: Heartbeat(inFlight: UInt32(batch.count), processed: UInt64(summary.done)).wireBytes())
                nextHeartbeatMs = after + options.timings.heartbeatIntervalMs
            }
        }
        try? send(.disconnect, body: Disconnect(reason: "worker stopping").wireBytes())
        summary.seconds = Double(MonotonicClock.nowMs() - started) / 1000
        return summary
    }

    private func reply(_ delivery: Delivery, _ outcome: Outcome) throws {
        switch outcome {
        case let .done(payload):
            var frame = payload.map { ZMQMessage($0) } ?? delivery.frame.frameForSending()
            try BusIO.send(.done, body: try delivery.envelope.wireBytes(), payload: &frame, to: nil, on: socket!, wait: true)
            summary.done += 1
        case let .fail(reason, retryable):
            logger.warning(
                "message failed", metadata: ["article.uri": "\(delivery.envelope.articleUri)", "reason": "\(reason)", "retryable": "\(retryable)"])
            try send(.fail, body: Fail(envelope: delivery.envelope, reason: reason, retryable: retryable).wireBytes())
            summary.failed += 1
        }
    }

    private func receive() throws -> BusMessage? {
        do {
            return try BusIO.receive(from: socket!, routed: false, maxPayloadBytes: options.maxPayloadBytes)
        } catch let error as BusReceiveError {
            logger.warning("malformed message from router; dropped", metadata: ["error": "\(error)"])
            return try receive()
        }
    }

    private func send(_ command: BusCommand, body: [UInt8]) throws {
        try BusIO.send(command, body: body, to: nil, on: socket!, wait: true)
    }

    private func connect() throws {
        let socket = try context.makeSocket(.dealer)
        try socket.set(.linger, 0)
        try socket.set(.maxMessageSize, options.maxPayloadBytes + (1 << 20))
        try socket.connect(options.endpoint)
        self.socket = socket
        let ready = Ready(
            stage: options.stage, capacity: UInt32(options.capacity), worker: options.name, pid: UInt32(getpid()),
            version: NewsbusVersion.current, language: "swift")
        try send(.ready, body: ready.wireBytes())
        lastHeardMs = MonotonicClock.nowMs()
        nextHeartbeatMs = lastHeardMs + options.timings.heartbeatIntervalMs
        logger.debug("connected", metadata: ["endpoint": "\(options.endpoint)", "stage": "\(options.stage)"])
    }

    private func reconnect() throws {
        socket?.close(linger: 0)
        socket = nil
        summary.reconnects += 1
        var poller = ZMQPoller()
        _ = try? poller.poll(timeout: options.timings.reconnectDelayMs)  // a plain back-off delay
        try connect()
    }
}

/// The Newsbus software version.
public enum NewsbusVersion {
    /// "0.1.0".
    public static let current = "0.1.0"
}
