import NewsbusWire
import NewsbusZMQ

/// One received bus message, as frames still owned by libzmq.
///
/// On a ROUTER the first frame is the peer's routing id; ``peer`` holds it and the remaining
/// frames are command, body and (optionally) payload.
public struct BusMessage {
    /// Routing id of the sender (ROUTER side), empty on the DEALER side.
    public var peer: [UInt8]
    /// The command.
    public var command: BusCommand
    /// The body frame's bytes.
    public var body: [UInt8]
    /// The payload frame, for PUBLISH / DELIVER / DONE.
    public var payload: BusPayload?

    /// Decodes the body as `M`, mapping codec errors to ``BusProtocolError/Code/badBody``.
    public func decodeBody<M: WireMessage>(_ type: M.Type) throws(BusProtocolError) -> M {
        do {
            return try M(wireBytes: body)
        } catch {
            throw BusProtocolError(.badBody, "\(command) body: \(error)")
        }
    }
}

/// Reading and writing bus commands on a ZeroMQ socket (ROUTER or DEALER).
///
/// Stateless helpers over ``ZMQSocket``; the socket's single-owner rule applies.
public enum BusIO {
    /// Receives one bus message without waiting; nil when nothing is queued.
    ///
    /// - Parameter routed: true on a ROUTER socket (a routing-id frame comes first).
    /// - Throws: ``BusReceiveError`` for frames that break the protocol (the message is consumed and
    ///   the error carries the sender's routing id so the caller can answer or log it), or the
    ///   socket's ``ZMQError``.
    public static func receive(from socket: ZMQSocket, routed: Bool, maxPayloadBytes: Int) throws -> BusMessage? {
        var parts = ZMQMultipart(capacity: 4)
        guard try socket.receiveMultipart(into: &parts, wait: false) else { return nil }
        var index = 0
        var peer: [UInt8] = []
        if routed {
            guard parts.count >= 1 else { return nil }
            peer = parts.bytes(at: 0)
            index = 1
        }
        let frames = parts.count - index
        guard frames >= 2 else {
            throw BusReceiveError(peer: peer, error: BusProtocolError(.badFrameCount, "\(frames) frame(s), expected at least 2"))
        }
        let command: BusCommand
        do {
            command = try parts.withUnsafeBytes(at: index) { (raw) throws(BusProtocolError) in try BusFrame.parse(raw) }
        } catch {
            throw BusReceiveError(peer: peer, error: error)
        }
        let expected = command.carriesPayload ? 3 : 2
        guard frames == expected else {
            throw BusReceiveError(
                peer: peer, error: BusProtocolError(.badFrameCount, "\(command) with \(frames) frames, expected \(expected)"))
        }
        let body = parts.bytes(at: index + 1)
        var payload: BusPayload? = nil
        if command.carriesPayload {
            let size = parts.size(at: index + 2)
            guard size <= maxPayloadBytes else {
                throw BusReceiveError(
                    peer: peer, error: BusProtocolError(.tooLarge, "\(command) payload of \(size) bytes, maximum \(maxPayloadBytes)"),
                    body: body)
            }
            payload = BusPayload(parts.take(at: index + 2))
        }
        return BusMessage(peer: peer, command: command, body: body, payload: payload)
    }

    /// Sends a command with a body and an optional payload (moved into libzmq without copying).
    ///
    /// - Parameters:
    ///   - peer: the routing id on a ROUTER socket; nil on a DEALER.
    ///   - wait: false to fail fast (returns false) when the peer's queue is full.
    /// - Returns: false when the message could not be queued without blocking.
    @discardableResult
    public static func send(
        _ command: BusCommand, body: [UInt8], payload: inout ZMQMessage, to peer: [UInt8]?, on socket: ZMQSocket, wait: Bool = false
    ) throws(ZMQError) -> Bool {
        if let peer {
            guard try socket.send(peer, more: true, wait: wait) else { return false }
        }
        try socket.send(BusFrame.commandFrame(command), more: true, wait: true)
        try socket.send(body, more: true, wait: true)
        return try socket.send(&payload, more: false, wait: true)
    }

    /// Sends a command that has no payload.
    @discardableResult
    public static func send(
        _ command: BusCommand, body: [UInt8], to peer: [UInt8]?, on socket: ZMQSocket, wait: Bool = false
    ) throws(ZMQError) -> Bool {
        if let peer {
            guard try socket.send(peer, more: true, wait: wait) else { return false }
        }
        try socket.send(BusFrame.commandFrame(command), more: true, wait: true)
        return try socket.send(body, more: false, wait: true)
    }
}

/// A protocol violation in a received message, with who sent it.
public struct BusReceiveError: Error, CustomStringConvertible {
    /// The sender's routing id (empty on a DEALER).
    public var peer: [UInt8]
    /// What was wrong.
    public var error: BusProtocolError
    /// The body frame, when it was read.
    public var body: [UInt8] = []

    /// "badSignature: …".
    public var description: String { error.description }
}

/// A payload frame, shared by reference: queues, in-flight tables and sends hold the same libzmq
/// message. ``frameForSending()`` gives a reference-counted copy (no byte copy), so the original
/// stays available for redelivery.
public final class BusPayload {
    /// The frame.
    public var message: ZMQMessage

    /// Wraps a frame.
    public init(_ message: consuming ZMQMessage) { self.message = message }

    /// Wraps a copy of bytes.
    public convenience init(bytes: [UInt8]) { self.init(ZMQMessage(bytes)) }

    /// Size in bytes.
    public var size: Int { message.size }

    /// A second reference to the same bytes, to hand to a send.
    public func frameForSending() -> ZMQMessage { message.copy() }

    /// Runs `body` over the bytes.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try message.withUnsafeBytes { raw in try body(raw) }
    }
}
