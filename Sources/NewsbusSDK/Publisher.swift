import Foundation
import Logging
import NewsbusBus
import NewsbusWire
import NewsbusZMQ

/// The end of a published message: acknowledged after the last stage, or refused.
public enum PublishResult: Sendable, Hashable {
    /// Every stage completed; the article is stored.
    case acked
    /// The router refused or dead-lettered it.
    case nacked(NackCode, reason: String)
}

/// Publishes articles to the bus and tracks them until ACK or NACK (the producer side of the
/// protocol). At most `window` messages are unanswered at once; `publish` pumps replies while the
/// window is full. Unanswered messages are re-sent after `resendAfterMs` (the router drops
/// duplicates of messages it still holds; the store is idempotent), so a router restart loses
/// nothing. Runs on the calling thread, which owns the socket.
public final class Publisher {
    /// Producer name, stamped into envelopes.
    public let name: String
    private let socket: ZMQSocket
    private let window: Int
    private let resendAfterMs: Int
    private let logger: Logger
    private let codec = WireCodec()
    private var outstanding: [String: Outstanding] = [:]
    private var counter = 0
    private let runId = UUID().uuidString.prefix(8).lowercased()
    /// Called on the publishing thread for each finished message.
    public var onResult: (String, PublishResult) -> Void = { _, _ in }
    /// Messages acknowledged so far.
    public private(set) var acked = 0
    /// Messages refused so far.
    public private(set) var nacked = 0
    /// Messages re-sent after a timeout.
    public private(set) var resent = 0

    private struct Outstanding {
        var envelope: [UInt8]
        var payload: [UInt8]
        var sentAtMs: Int
    }

    /// Connects to the router.
    public init(
        endpoint: String, name: String, context: ZMQContext, window: Int = 256, resendAfterMs: Int = 30_000, logger: Logger
    ) throws {
        self.name = name
        self.window = max(1, window)
        self.resendAfterMs = resendAfterMs
        self.logger = logger
        socket = try context.makeSocket(.dealer)
        try socket.set(.linger, 1000)
        try socket.connect(endpoint)
    }

    deinit { socket.close(linger: 0) }

    /// Messages published and not yet answered.
    public var pending: Int { outstanding.count }

    /// Publishes an article; returns its message id. Blocks (pumping replies) while the window is full.
    @discardableResult
    public func publish(_ article: Article, shouldStop: () -> Bool = { false }) throws -> String {
        try publish(payload: try codec.encode(article), uri: article.uri, version: article.version, shouldStop: shouldStop)
    }

    /// Publishes an already encoded article (replay, redrive); returns its message id.
    @discardableResult
    public func publish(payload: [UInt8], uri: String, version: String, shouldStop: () -> Bool = { false }) throws -> String {
        while outstanding.count >= window && !shouldStop() { try pump(timeoutMs: 100) }
        counter += 1
        let id = "\(name)-\(runId)-\(counter)"
        let envelope = Envelope(
            messageId: id, articleUri: uri, articleVersion: version, traceId: id, producer: name,
            publishedAtMicros: Timestamp.micros(), contentType: Envelope.articleContentType, payloadSize: UInt32(payload.count))
        let body = try envelope.wireBytes()
        outstanding[id] = Outstanding(envelope: body, payload: payload, sentAtMs: MonotonicClock.nowMs())
        try send(body, payload)
        return id
    }

    /// Waits for replies until nothing is outstanding, `shouldStop()` is true, or `timeoutMs` passes.
    /// Returns true when everything was answered.
    public func drain(timeoutMs: Int, shouldStop: () -> Bool = { false }) throws -> Bool {
        let deadline = MonotonicClock.nowMs() + timeoutMs
        while !outstanding.isEmpty && !shouldStop() && MonotonicClock.nowMs() < deadline {
            try pump(timeoutMs: min(250, max(0, deadline - MonotonicClock.nowMs())))
        }
        return outstanding.isEmpty
    }

    /// Waits up to `timeoutMs` for replies and handles them; re-sends timed-out messages.
    public func pump(timeoutMs: Int) throws {
        var poller = ZMQPoller()
        _ = poller.register(socket, events: .readable)
        do {
            _ = try poller.poll(timeout: timeoutMs)
        } catch {
            if error.code != .interrupted { throw error }
        }
        while true {
            let message: BusMessage?
            do {
                message = try BusIO.receive(from: socket, routed: false, maxPayloadBytes: 1 << 20)
            } catch let error as BusReceiveError {
                logger.warning("malformed reply from router; dropped", metadata: ["error": "\(error)"])
                continue
            }
            guard let message else { break }
            switch message.command {
            case .ack:
                guard let ack = try? message.decodeBody(Ack.self) else { continue }
                for id in ack.messageIds where outstanding.removeValue(forKey: id) != nil {
                    acked += 1
                    onResult(id, .acked)
                }
            case .nack:
                guard let nack = try? message.decodeBody(Nack.self) else { continue }
                if nack.code == .overloaded {
                    outstanding[nack.messageId]?.sentAtMs = MonotonicClock.nowMs() - resendAfterMs + 500  // retry soon
                    continue
                }
                if outstanding.removeValue(forKey: nack.messageId) != nil {
                    nacked += 1
                    onResult(nack.messageId, .nacked(nack.code, reason: nack.reason))
                }
            default:
                break
            }
        }
        let now = MonotonicClock.nowMs()
        for (id, item) in outstanding where now - item.sentAtMs >= resendAfterMs {
            resent += 1
            outstanding[id]?.sentAtMs = now
            try send(item.envelope, item.payload)
        }
    }

    private func send(_ envelope: [UInt8], _ payload: [UInt8]) throws {
        var frame = ZMQMessage(payload)
        try BusIO.send(.publish, body: envelope, payload: &frame, to: nil, on: socket, wait: true)
    }
}
