import Foundation
import Logging
import NewsbusWire
import NewsbusZMQ

/// What the router needs to know: where to listen, the pipeline, limits and timers.
public struct RouterConfiguration: Sendable {
    /// Endpoint to bind, e.g. `ipc:///run/newsbus/bus.sock` or `tcp://127.0.0.1:5555`.
    public var endpoint: String
    /// Pipeline name, stamped into envelopes.
    public var pipeline: String
    /// Ordered stage names: the routing slip every published article gets.
    public var stages: [String]
    /// Deliveries of one message to one stage before it is dead-lettered.
    public var maxAttempts: Int
    /// Largest payload accepted from a producer or worker.
    public var maxPayloadBytes: Int
    /// Most messages held by the router (queued and in flight); beyond it PUBLISH gets NACK overloaded.
    public var maxPending: Int
    /// Heartbeat timers.
    public var timings: BusTimings
    /// Stage that receives dead letters (a store serves it); nil: dead letters are only NACKed.
    public var deadLetterStage: String?
    /// Endpoint of the control socket (REP; `status` → ``RouterStatus`` JSON); nil: none.
    public var controlEndpoint: String?

    /// Creates a configuration with the defaults of `Protocols/BUS.md`.
    public init(
        endpoint: String, pipeline: String = "default", stages: [String], maxAttempts: Int = 5,
        maxPayloadBytes: Int = 16 << 20, maxPending: Int = 10_000, timings: BusTimings = BusTimings(),
        deadLetterStage: String? = nil, controlEndpoint: String? = nil
    ) {
        self.deadLetterStage = deadLetterStage
        self.controlEndpoint = controlEndpoint
        self.endpoint = endpoint
        self.pipeline = pipeline
        self.stages = stages
        self.maxAttempts = maxAttempts
        self.maxPayloadBytes = maxPayloadBytes
        self.maxPending = maxPending
        self.timings = timings
    }
}

/// Counters the router keeps, for status and the exit summary.
public struct RouterStats: Sendable, Hashable, Codable {
    /// PUBLISH accepted.
    public var published = 0
    /// Messages that completed every stage (ACKed).
    public var acked = 0
    /// PUBLISH refused (NACK).
    public var refused = 0
    /// Messages dead-lettered after failures.
    public var deadLettered = 0
    /// Deliveries repeated after a failure or a lost worker.
    public var redelivered = 0
    /// Malformed messages dropped.
    public var malformed = 0
    /// Workers declared dead by heartbeat expiry.
    public var workersExpired = 0
}

/// The bus: one ROUTER socket; producers PUBLISH, workers serve stages, the router moves messages
/// along each message's routing slip with credit-based flow, and ACKs the producer after the last
/// stage. It reads only the envelope; payload frames are forwarded without copying.
///
/// Runs on the calling thread (`run(until:)`), which owns the socket.
public final class Router {
    private let configuration: RouterConfiguration
    private let logger: Logger
    private let socket: ZMQSocket
    private let control: ZMQSocket?
    private var expired: [RouterStatus.Expired] = []
    private var draining = false
    private var workers: [[UInt8]: WorkerState] = [:]
    private var stages: [String: StageState] = [:]
    private var inFlight: [String: InFlightMessage] = [:]
    private var queuedIds: Set<String> = []
    private var pendingAcks: [[UInt8]: [String]] = [:]
    private var producers: [[UInt8]: Int] = [:]
    private var nextHeartbeatAt = 0
    private var nextExpiryCheckAt = 0
    /// Counters so far.
    public private(set) var stats = RouterStats()

    /// Binds the router socket.
    public init(context: ZMQContext, configuration: RouterConfiguration, logger: Logger) throws {
        precondition(!configuration.stages.isEmpty, "a pipeline needs at least one stage")
        self.configuration = configuration
        self.logger = logger
        socket = try context.makeSocket(.router)
        try socket.set(.routerMandatory, true)
        try socket.set(.linger, 0)
        // Per-peer queues are bounded: DELIVERs by credit (≤ 10,000 a worker), ACKs by producers'
        // windows; a peer that stops reading hits the mark, and sends to it fail fast (EAGAIN under
        // ROUTER_MANDATORY) instead of growing memory.
        try socket.set(.sendHighWaterMark, 20_000)
        try socket.set(.receiveHighWaterMark, 20_000)
        try socket.set(.maxMessageSize, configuration.maxPayloadBytes + (1 << 20))
        try socket.bind(configuration.endpoint)
        for stage in configuration.stages { stages[stage] = StageState() }
        if let deadLetterStage = configuration.deadLetterStage { stages[deadLetterStage] = StageState() }
        if let controlEndpoint = configuration.controlEndpoint {
            let control = try context.makeSocket(.rep)
            try control.set(.linger, 0)
            try control.bind(controlEndpoint)
            self.control = control
        } else {
            control = nil
        }
    }

    /// The bound endpoint (resolved for `tcp://…:*`).
    public var boundEndpoint: String { (try? socket.lastEndpoint) ?? configuration.endpoint }

    /// Runs the loop until `shouldStop()` returns true (checked at least every heartbeat interval
    /// and after each interruption by a signal), then says DISCONNECT to every peer.
    public func run(until shouldStop: () -> Bool) throws {
        var poller = ZMQPoller()
        _ = poller.register(socket, events: .readable)
        if let control { _ = poller.register(control, events: .readable) }
        nextHeartbeatAt = MonotonicClock.nowMs() + configuration.timings.heartbeatIntervalMs
        while !shouldStop() {
            let timeout = max(0, min(nextHeartbeatAt, nextExpiryCheckAt) - MonotonicClock.nowMs())
            do {
                _ = try poller.poll(timeout: min(timeout, 250))
            } catch {
                if error.code == .interrupted { continue }
                if error.code == .terminated { return }
                throw error
            }
            try drainSocket()
            try answerControl()
            dispatch()
            flushAcks()
            if MonotonicClock.nowMs() >= nextExpiryCheckAt { expireSilentWorkers() }
            if MonotonicClock.nowMs() >= nextHeartbeatAt { sendHeartbeats() }
        }
        for (peer, _) in workers {
            sendQuietly(.disconnect, body: (try? Disconnect(reason: "router stopping").wireBytes()) ?? [], to: peer)
        }
    }

    // MARK: Receiving

    private func drainSocket() throws {
        for _ in 0..<10_000 {
            let message: BusMessage?
            do {
                message = try BusIO.receive(from: socket, routed: true, maxPayloadBytes: configuration.maxPayloadBytes)
            } catch let error as BusReceiveError {
                reject(error)
                continue
            }
            guard var message else { return }
            do {
                try handle(&message)
            } catch let error as BusProtocolError {
                reject(BusReceiveError(peer: message.peer, error: error, body: message.body), command: message.command)
            }
        }
    }

    private func handle(_ message: inout BusMessage) throws {
        let now = MonotonicClock.nowMs()
        workers[message.peer]?.lastSeenMs = now
        switch message.command {
        case .publish: try publish(&message)
        case .ready: try ready(message)
        case .done: try done(&message)
        case .fail: try fail(message)
        case .credit:
            guard workers[message.peer] != nil else { throw BusProtocolError(.unexpected, "CREDIT before READY") }
            let credit = try message.decodeBody(Credit.self)
            workers[message.peer]!.capacity += Int(credit.credit)
        case .heartbeat:
            if producers[message.peer] != nil { producers[message.peer] = now }
            guard workers[message.peer] != nil || producers[message.peer] != nil else {
                // A worker we forgot (we restarted, or it expired): tell it to reconnect.
                sendQuietly(.disconnect, body: (try? Disconnect(reason: "unknown worker; send READY").wireBytes()) ?? [], to: message.peer)
                return
            }
        case .disconnect:
            if workers[message.peer] != nil { removeWorker(message.peer, reason: "worker said DISCONNECT") }
            producers[message.peer] = nil
        case .deliver, .ack, .nack:
            throw BusProtocolError(.unexpected, "\(message.command) is sent by the router, not to it")
        }
    }

    private func publish(_ message: inout BusMessage) throws {
        var envelope = try message.decodeBody(Envelope.self)
        producers[message.peer] = MonotonicClock.nowMs()
        guard !envelope.messageId.isEmpty, !envelope.articleUri.isEmpty else {
            throw BusProtocolError(.missingField, "PUBLISH needs message_id and article_uri")
        }
        if inFlight[envelope.messageId] != nil || queuedIds.contains(envelope.messageId) {
            return  // a producer re-sent a message we already hold: keep the first
        }
        if draining {
            stats.refused += 1
            nack(envelope.messageId, to: message.peer, code: .overloaded, reason: "the cluster is stopping; retry later")
            return
        }
        guard queuedIds.count + inFlight.count < configuration.maxPending else {
            stats.refused += 1
            nack(envelope.messageId, to: message.peer, code: .overloaded, reason: "router holds \(configuration.maxPending) messages; retry later")
            return
        }
        envelope.routingSlip = configuration.stages
        envelope.slipPosition = 0
        envelope.attempt = 1
        envelope.pipeline = configuration.pipeline
        if envelope.traceId.isEmpty { envelope.traceId = envelope.messageId }
        envelope.payloadSize = UInt32(message.payload?.size ?? 0)
        stats.published += 1
        enqueue(PendingMessage(producer: message.peer, envelope: envelope, payload: message.payload ?? BusPayload(ZMQMessage())))
    }

    private func ready(_ message: BusMessage) throws {
        let ready = try message.decodeBody(Ready.self)
        guard !ready.stage.isEmpty, ready.capacity > 0 else {
            throw BusProtocolError(.missingField, "READY needs a stage and a capacity > 0")
        }
        guard stages[ready.stage] != nil else {
            sendQuietly(
                .disconnect, body: (try? Disconnect(reason: "stage \(ready.stage) is not in pipeline \(configuration.pipeline)").wireBytes()) ?? [],
                to: message.peer)
            logger.warning("worker for unknown stage refused", metadata: ["worker.name": "\(ready.worker)", "stage": "\(ready.stage)"])
            return
        }
        if workers[message.peer] != nil { removeWorker(message.peer, reason: "worker sent READY again") }
        workers[message.peer] = WorkerState(
            name: ready.worker.isEmpty ? hex(message.peer) : ready.worker, stage: ready.stage, pid: ready.pid,
            capacity: Int(min(ready.capacity, 10_000)), lastSeenMs: MonotonicClock.nowMs())
        stages[ready.stage]!.workers.append(message.peer)
        logger.info(
            "worker ready",
            metadata: ["worker.name": "\(ready.worker)", "stage": "\(ready.stage)", "capacity": "\(ready.capacity)", "pid": "\(ready.pid)"])
    }

    private func done(_ message: inout BusMessage) throws {
        let reported = try message.decodeBody(Envelope.self)
        guard var flight = takeInFlight(reported.messageId, from: message.peer) else { return }
        workers[message.peer]?.processed += 1
        if let deadLetterStage = configuration.deadLetterStage, flight.envelope.currentStage == deadLetterStage {
            // The dead letter is stored: only now tell the producer.
            nack(flight.envelope.messageId, to: flight.producer, code: .deadLettered,
                 reason: "stage \(flight.envelope.failedStage) failed after \(flight.envelope.failedAttempts) attempt(s): \(flight.envelope.failureReason)")
            return
        }
        var envelope = flight.envelope
        if !envelope.hops.isEmpty { envelope.hops[envelope.hops.count - 1].completedAtMicros = Timestamp.micros() }
        envelope.slipPosition += 1
        envelope.attempt = 1
        if let payload = message.payload {
            envelope.payloadSize = UInt32(payload.size)
            flight.payload = payload
        }
        if envelope.currentStage == nil {
            stats.acked += 1
            pendingAcks[flight.producer, default: []].append(envelope.messageId)
        } else {
            enqueue(PendingMessage(producer: flight.producer, envelope: envelope, payload: flight.payload))
        }
    }

    private func fail(_ message: BusMessage) throws {
        let failure = try message.decodeBody(Fail.self)
        guard let id = failure.envelope?.messageId, let flight = takeInFlight(id, from: message.peer) else { return }
        workers[message.peer]?.failed += 1
        logger.warning(
            "stage failed a message",
            metadata: [
                "message.id": "\(id)", "article.uri": "\(flight.envelope.articleUri)", "stage": "\(flight.envelope.currentStage ?? "")",
                "attempt": "\(flight.envelope.attempt)", "reason": "\(failure.reason)",
            ])
        retryOrDeadLetter(flight, reason: failure.reason, retryable: failure.retryable)
    }

    // MARK: Dispatching

    private func enqueue(_ message: PendingMessage) {
        guard let stage = message.envelope.currentStage, stages[stage] != nil else {
            logger.error("message with a stage not in the pipeline", metadata: ["message.id": "\(message.envelope.messageId)"])
            return
        }
        stages[stage]!.queue.append(message)
        queuedIds.insert(message.envelope.messageId)
    }

    private func dispatch() {
        for name in configuration.stages + (configuration.deadLetterStage.map { [$0] } ?? []) {
            while let peer = stages[name]!.nextWorker(with: workers), var message = stages[name]!.queue.popFirst() {
                queuedIds.remove(message.envelope.messageId)
                message.envelope.hops.append(
                    Hop(stage: name, worker: workers[peer]!.name, dispatchedAtMicros: Timestamp.micros(), attempt: message.envelope.attempt))
                do {
                    let body = try message.envelope.wireBytes()
                    var copy = message.payload.frameForSending()
                    guard try BusIO.send(.deliver, body: body, payload: &copy, to: peer, on: socket) else {
                        throw ZMQError(code: .other, errno: EAGAIN, operation: "send DELIVER")
                    }
                } catch {
                    // The worker is gone or unreachable: put the message back and drop the worker.
                    message.envelope.hops.removeLast()
                    stages[name]!.queue.prepend(message)
                    queuedIds.insert(message.envelope.messageId)
                    removeWorker(peer, reason: "cannot deliver: \(error)")
                    continue
                }
                workers[peer]!.inFlight.insert(message.envelope.messageId)
                if message.envelope.attempt > 1 { workers[peer]!.exclusive = true }
                inFlight[message.envelope.messageId] = InFlightMessage(
                    producer: message.producer, worker: peer, envelope: message.envelope, payload: message.payload)
            }
        }
    }

    private func takeInFlight(_ id: String, from peer: [UInt8]) -> InFlightMessage? {
        guard let flight = inFlight[id], flight.worker == peer else { return nil }  // late answer after redelivery
        inFlight[id] = nil
        workers[peer]?.inFlight.remove(id)
        if workers[peer]?.inFlight.isEmpty == true { workers[peer]?.exclusive = false }
        return flight
    }

    private func retryOrDeadLetter(_ flight: InFlightMessage, reason: String, retryable: Bool) {
        var envelope = flight.envelope
        if retryable && Int(envelope.attempt) < configuration.maxAttempts {
            envelope.attempt += 1
            stats.redelivered += 1
            enqueue(PendingMessage(producer: flight.producer, envelope: envelope, payload: flight.payload))
        } else if let deadLetterStage = configuration.deadLetterStage, envelope.currentStage != deadLetterStage {
            stats.deadLettered += 1
            logger.error(
                "message dead-lettered",
                metadata: ["message.id": "\(envelope.messageId)", "article.uri": "\(envelope.articleUri)", "reason": "\(reason)"])
            envelope.failedStage = envelope.currentStage ?? ""
            envelope.failedAttempts = envelope.attempt
            envelope.failureReason = reason
            envelope.routingSlip = [deadLetterStage]
            envelope.slipPosition = 0
            envelope.attempt = 1
            enqueue(PendingMessage(producer: flight.producer, envelope: envelope, payload: flight.payload))
        } else {
            stats.deadLettered += 1
            logger.error(
                "message dead-lettered without a dead-letter store",
                metadata: ["message.id": "\(envelope.messageId)", "article.uri": "\(envelope.articleUri)", "reason": "\(reason)"])
            nack(envelope.messageId, to: flight.producer, code: .deadLettered,
                 reason: "stage \(envelope.failedStage.isEmpty ? envelope.currentStage ?? "?" : envelope.failedStage) failed after \(envelope.attempt) attempt(s): \(reason)")
        }
    }

    private func removeWorker(_ peer: [UInt8], reason: String) {
        guard let worker = workers.removeValue(forKey: peer) else { return }
        stages[worker.stage]?.workers.removeAll { $0 == peer }
        let level: Logger.Level = worker.inFlight.isEmpty && reason.hasPrefix("worker said") ? .info : .warning
        logger.log(level: level, "worker removed", metadata: ["worker.name": "\(worker.name)", "reason": "\(reason)", "in_flight": "\(worker.inFlight.count)"])
        for id in worker.inFlight {
            guard let flight = inFlight.removeValue(forKey: id) else { continue }
            retryOrDeadLetter(flight, reason: "worker \(worker.name) lost: \(reason)", retryable: true)
        }
    }

    // MARK: Replies and timers

    private func flushAcks() {
        for (producer, ids) in pendingAcks {
            for chunk in stride(from: 0, to: ids.count, by: 1000) {
                let ack = Ack(messageIds: Array(ids[chunk..<min(chunk + 1000, ids.count)]))
                sendQuietly(.ack, body: (try? ack.wireBytes()) ?? [], to: producer)
            }
        }
        pendingAcks.removeAll(keepingCapacity: true)
    }

    private func nack(_ id: String, to producer: [UInt8], code: NackCode, reason: String) {
        sendQuietly(.nack, body: (try? Nack(messageId: id, reason: reason, code: code).wireBytes()) ?? [], to: producer)
    }

    /// Removes workers silent for longer than the expiry (checked 10× per heartbeat interval, so a
    /// dead worker is found at most a tenth of an interval after its expiry).
    private func expireSilentWorkers() {
        let now = MonotonicClock.nowMs()
        nextExpiryCheckAt = now + max(10, configuration.timings.heartbeatIntervalMs / 10)
        let expired = workers.filter { now - $0.value.lastSeenMs > configuration.timings.expiryMs }.map(\.key)
        for peer in expired {
            stats.workersExpired += 1
            let worker = workers[peer]!
            let reason = "no heartbeat for \(now - worker.lastSeenMs) ms"
            self.expired.append(RouterStatus.Expired(name: worker.name, stage: worker.stage, pid: worker.pid, reason: reason))
            if self.expired.count > 1000 { self.expired.removeFirst(self.expired.count - 1000) }
            removeWorker(peer, reason: reason)
        }
        let quietProducers = producers.filter { now - $0.value > 10 * configuration.timings.expiryMs }.map(\.key)
        for peer in quietProducers { producers[peer] = nil }
    }

    private func sendHeartbeats() {
        nextHeartbeatAt = MonotonicClock.nowMs() + configuration.timings.heartbeatIntervalMs
        for (peer, worker) in workers {
            let heartbeat = Heartbeat(inFlight: UInt32(worker.inFlight.count), processed: 0)
            sendQuietly(.heartbeat, body: (try? heartbeat.wireBytes()) ?? [], to: peer)
        }
    }

    /// A snapshot for status tables; `consumeExpired` clears the expired list.
    public func status(consumeExpired: Bool = false) -> RouterStatus {
        let now = MonotonicClock.nowMs()
        var inFlightByStage: [String: Int] = [:]
        for flight in inFlight.values { inFlightByStage[flight.envelope.currentStage ?? "", default: 0] += 1 }
        let names = configuration.stages + (configuration.deadLetterStage.map { [$0] } ?? [])
        let stageList = names.map { name in
            RouterStatus.Stage(
                name: name, queued: stages[name]?.queue.count ?? 0, inFlight: inFlightByStage[name, default: 0],
                workers: stages[name]?.workers.count ?? 0)
        }
        let workerList = workers.values.sorted { ($0.stage, $0.name) < ($1.stage, $1.name) }.map { w in
            RouterStatus.Worker(
                name: w.name, stage: w.stage, pid: w.pid, capacity: w.capacity, inFlight: w.inFlight.count, processed: w.processed,
                failed: w.failed, silentMs: now - w.lastSeenMs)
        }
        let result = RouterStatus(stats: stats, stages: stageList, workers: workerList, expired: expired, held: queuedIds.count + inFlight.count)
        if consumeExpired { expired.removeAll() }
        return result
    }

    private func answerControl() throws {
        guard let control else { return }
        while let request = try control.receive(wait: false) {
            var request = request
            let command = request.string
            var reply: [UInt8]
            switch command {
            case "status":
                reply = Array((try? jsonBytes(status(consumeExpired: true))) ?? Array("{}".utf8))
            case "ping":
                reply = Array("pong".utf8)
            case "drain":
                draining = true
                reply = Array("draining".utf8)
            default:
                reply = Array("{\"error\":\"unknown command\"}".utf8)
            }
            request.clear()
            try control.send(reply, more: false, wait: true)
        }
    }

    private func sendQuietly(_ command: BusCommand, body: [UInt8], to peer: [UInt8]) {
        do {
            try BusIO.send(command, body: body, to: peer, on: socket)
        } catch {
            logger.debug("cannot send \(command)", metadata: ["peer": "\(hex(peer))", "error": "\(error)"])
        }
    }

    private func reject(_ error: BusReceiveError, command: BusCommand? = nil) {
        stats.malformed += 1
        logger.warning(
            "rejected malformed message",
            metadata: ["peer": "\(hex(error.peer))", "command": "\(command.map(String.init(describing:)) ?? "?")", "error": "\(error.error)"])
        if command == .publish, let envelope = try? Envelope(wireBytes: error.body), !envelope.messageId.isEmpty {
            nack(envelope.messageId, to: error.peer, code: error.error.code == .tooLarge ? .tooLarge : .malformed, reason: error.error.description)
        } else if error.error.code == .tooLarge, let envelope = try? Envelope(wireBytes: error.body), !envelope.messageId.isEmpty {
            nack(envelope.messageId, to: error.peer, code: .tooLarge, reason: error.error.description)
        } else if error.error.code == .unsupportedVersion {
            sendQuietly(.disconnect, body: (try? Disconnect(reason: error.error.description).wireBytes()) ?? [], to: error.peer)
        }
    }
}

private func jsonBytes<T: Encodable>(_ value: T) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return Array(try encoder.encode(value))
}

private func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
