import CZeroMQ

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A ZeroMQ socket type (`ZMQ_PUSH`, `ZMQ_ROUTER`, …).
public struct ZMQSocketType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The libzmq constant, e.g. `ZMQ_DEALER`.
    public let rawValue: Int32

    /// Wraps a libzmq socket type constant.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// `ZMQ_PAIR`: exclusive pair.
    public static let pair = ZMQSocketType(rawValue: ZMQ_PAIR)
    /// `ZMQ_PUB`: publisher.
    public static let pub = ZMQSocketType(rawValue: ZMQ_PUB)
    /// `ZMQ_SUB`: subscriber.
    public static let sub = ZMQSocketType(rawValue: ZMQ_SUB)
    /// `ZMQ_REQ`: strict request side.
    public static let req = ZMQSocketType(rawValue: ZMQ_REQ)
    /// `ZMQ_REP`: strict reply side.
    public static let rep = ZMQSocketType(rawValue: ZMQ_REP)
    /// `ZMQ_DEALER`: asynchronous, load-balancing request side (workers use it).
    public static let dealer = ZMQSocketType(rawValue: ZMQ_DEALER)
    /// `ZMQ_ROUTER`: asynchronous, identity-addressed reply side (the bus uses it).
    public static let router = ZMQSocketType(rawValue: ZMQ_ROUTER)
    /// `ZMQ_PULL`: pipeline receiver.
    public static let pull = ZMQSocketType(rawValue: ZMQ_PULL)
    /// `ZMQ_PUSH`: pipeline sender.
    public static let push = ZMQSocketType(rawValue: ZMQ_PUSH)
    /// `ZMQ_XPUB`: publisher that sees subscriptions.
    public static let xpub = ZMQSocketType(rawValue: ZMQ_XPUB)
    /// `ZMQ_XSUB`: subscriber that sends raw subscriptions.
    public static let xsub = ZMQSocketType(rawValue: ZMQ_XSUB)
    /// `ZMQ_STREAM`: raw TCP.
    public static let stream = ZMQSocketType(rawValue: ZMQ_STREAM)

    /// The type's name, e.g. `"ROUTER"`.
    public var description: String {
        switch rawValue {
        case ZMQ_PAIR: "PAIR"
        case ZMQ_PUB: "PUB"
        case ZMQ_SUB: "SUB"
        case ZMQ_REQ: "REQ"
        case ZMQ_REP: "REP"
        case ZMQ_DEALER: "DEALER"
        case ZMQ_ROUTER: "ROUTER"
        case ZMQ_PULL: "PULL"
        case ZMQ_PUSH: "PUSH"
        case ZMQ_XPUB: "XPUB"
        case ZMQ_XSUB: "XSUB"
        case ZMQ_STREAM: "STREAM"
        default: "socket type \(rawValue)"
        }
    }
}

/// A libzmq socket.
///
/// ## Single owner
/// libzmq sockets are **not thread-safe**. A `ZMQSocket` belongs to the thread that created it
/// (via ``ZMQContext/makeSocket(_:)``); only that thread may use it. The type is deliberately not
/// `Sendable`. Debug builds record the owner thread and stop with an assertion on use from
/// another thread; if a socket really must be handed to another thread (with all uses on the old
/// thread finished, e.g. created before a thread starts), the new owner calls ``claimOwnership()``.
/// Never block the Swift concurrency pool in socket calls: run socket loops on a dedicated thread.
///
/// ## Sending and receiving
/// Blocking calls (`wait: true`, the default) wait for the operation, up to ``ZMQSocketOption/sendTimeout`` /
/// ``ZMQSocketOption/receiveTimeout`` when set. Non-blocking calls (`wait: false`, `ZMQ_DONTWAIT`)
/// return at once. In both cases "nothing possible yet" (`EAGAIN`) is **not an error**: receives
/// return `nil`/`false` and sends return `false`.
///
/// Multipart messages are atomic in ZeroMQ: either all frames arrive or none.
///
/// ## Life cycle
/// ``close()`` (also run by `deinit`) releases the socket; undelivered outgoing messages are kept
/// for ``ZMQSocketOption/linger`` milliseconds. After ``ZMQContext/shutdown()``, calls fail with
/// ``ZMQError/Code/terminated``; the owner should then close the socket.
public final class ZMQSocket {
    /// The socket's type.
    public let type: ZMQSocketType
    /// The context the socket belongs to (kept alive by the socket).
    public let context: ZMQContext

    /// The libzmq socket; `nil` once closed.
    var handle: UnsafeMutableRawPointer?
    /// The owning thread, checked by assertions in debug builds.
    private var owner: pthread_t

    init(handle: UnsafeMutableRawPointer, type: ZMQSocketType, context: ZMQContext) {
        self.handle = handle
        self.type = type
        self.context = context
        self.owner = pthread_self()
    }

    deinit {
        if let handle { zmq_close(handle) }
    }

    /// Makes the calling thread the socket's owner (for the debug-build owner check).
    ///
    /// Call it on the new thread after a socket created on one thread was handed to another, and
    /// only when the previous thread no longer touches the socket.
    public func claimOwnership() {
        owner = pthread_self()
    }

    /// Whether ``close()`` has been called.
    public var isClosed: Bool { handle == nil }

    /// The raw libzmq socket pointer, for libzmq calls this module does not wrap; `nil` once closed.
    /// The single-owner rule applies to every use of it.
    public var rawHandle: UnsafeMutableRawPointer? {
        assertOwner()
        return handle
    }

    @inline(__always)
    func assertOwner() {
        assert(
            pthread_equal(owner, pthread_self()) != 0,
            "ZMQSocket (\(type)) used from a thread that does not own it; sockets are single-owner (see claimOwnership())"
        )
    }

    /// The open handle, or `ENOTSOCK` when closed.
    @inline(__always)
    func openHandle(_ operation: @autoclosure () -> String) throws(ZMQError) -> UnsafeMutableRawPointer {
        assertOwner()
        guard let handle else { throw ZMQError(errno: ENOTSOCK, operation: operation()) }
        return handle
    }

    // MARK: Endpoints

    /// Binds to an endpoint, e.g. `"tcp://127.0.0.1:*"` (any free port; read it back with
    /// ``lastEndpoint``), `"ipc:///run/dir/bus.sock"` or `"inproc://bus"`.
    /// - Throws: ``ZMQError`` — ``ZMQError/Code/addressInUse``, ``ZMQError/Code/invalidEndpoint``,
    ///   ``ZMQError/Code/addressNotAvailable``, ``ZMQError/Code/terminated``, …
    public func bind(_ endpoint: String) throws(ZMQError) {
        let socket = try openHandle("zmq_bind(\"\(endpoint)\")")
        if zmq_bind(socket, endpoint) != 0 {
            throw ZMQError.last("zmq_bind(\"\(endpoint)\")", endpointOperation: true)
        }
    }

    /// Connects to an endpoint. Connecting is asynchronous: it succeeds before the peer exists.
    /// - Throws: ``ZMQError`` — ``ZMQError/Code/invalidEndpoint`` for a malformed endpoint or unknown transport.
    public func connect(_ endpoint: String) throws(ZMQError) {
        let socket = try openHandle("zmq_connect(\"\(endpoint)\")")
        if zmq_connect(socket, endpoint) != 0 {
            throw ZMQError.last("zmq_connect(\"\(endpoint)\")", endpointOperation: true)
        }
    }

    /// Stops listening on an endpoint previously bound (use the resolved ``lastEndpoint`` for wildcard binds).
    /// - Throws: ``ZMQError`` — ``ZMQError/Code/invalidEndpoint`` when it is not bound.
    public func unbind(_ endpoint: String) throws(ZMQError) {
        let socket = try openHandle("zmq_unbind(\"\(endpoint)\")")
        if zmq_unbind(socket, endpoint) != 0 {
            throw ZMQError.last("zmq_unbind(\"\(endpoint)\")", endpointOperation: true)
        }
    }

    /// Disconnects from an endpoint previously connected.
    /// - Throws: ``ZMQError`` — ``ZMQError/Code/invalidEndpoint`` when it is not connected.
    public func disconnect(_ endpoint: String) throws(ZMQError) {
        let socket = try openHandle("zmq_disconnect(\"\(endpoint)\")")
        if zmq_disconnect(socket, endpoint) != 0 {
            throw ZMQError.last("zmq_disconnect(\"\(endpoint)\")", endpointOperation: true)
        }
    }

    /// The endpoint most recently bound or connected, resolved (`ZMQ_LAST_ENDPOINT`), e.g.
    /// `"tcp://127.0.0.1:41234"` after binding `"tcp://127.0.0.1:*"`; `nil` when there is none.
    public var lastEndpoint: String? {
        get throws(ZMQError) {
            let endpoint = try get(.lastEndpoint)
            return endpoint.isEmpty ? nil : endpoint
        }
    }

    // MARK: Closing

    /// Closes the socket; outgoing messages not yet sent are kept for ``ZMQSocketOption/linger``
    /// milliseconds by libzmq. Idempotent. Later calls on the socket throw ``ZMQError/Code/notSocket``.
    public func close() {
        assertOwner()
        guard let socket = handle else { return }
        handle = nil
        zmq_close(socket)
    }

    /// Sets ``ZMQSocketOption/linger`` (milliseconds, `-1` forever, `0` drop at once), then closes.
    public func close(linger milliseconds: Int) {
        if !isClosed { try? set(.linger, milliseconds) }
        close()
    }

    // MARK: Single frames

    /// Sends one frame, copying `bytes` into a libzmq message (the fast path for encoded buffers).
    ///
    /// - Parameters:
    ///   - bytes: the frame's bytes; only read during the call.
    ///   - more: `true` when more frames of the same message follow (`ZMQ_SNDMORE`).
    ///   - wait: `false` for `ZMQ_DONTWAIT`.
    /// - Returns: `false` when the frame could not be queued now (`EAGAIN`: high-water mark reached
    ///   with `wait: false`, or ``ZMQSocketOption/sendTimeout`` expired).
    @discardableResult
    public func send(_ bytes: UnsafeRawBufferPointer, more: Bool = false, wait: Bool = true) throws(ZMQError) -> Bool {
        let socket = try openHandle("zmq_send")
        let flags = (more ? ZMQ_SNDMORE : 0) | (wait ? 0 : ZMQ_DONTWAIT)
        if zmq_send(socket, bytes.baseAddress, bytes.count, flags) >= 0 { return true }
        let number = zmq_errno()
        if number == EAGAIN { return false }
        throw ZMQError(errno: number, operation: "zmq_send")
    }

    /// Sends one frame holding a copy of `bytes`. See ``send(_:more:wait:)-(UnsafeRawBufferPointer,_,_)``.
    @discardableResult
    public func send(_ bytes: [UInt8], more: Bool = false, wait: Bool = true) throws(ZMQError) -> Bool {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(ZMQError) in try send(buffer, more: more, wait: wait) }
        }
        return try result.get()
    }

    /// Sends one frame holding the UTF-8 bytes of `string`. See ``send(_:more:wait:)-(UnsafeRawBufferPointer,_,_)``.
    @discardableResult
    public func send(_ string: String, more: Bool = false, wait: Bool = true) throws(ZMQError) -> Bool {
        var string = string
        let result = string.withUTF8 { utf8 in
            Result { () throws(ZMQError) in try send(UnsafeRawBufferPointer(utf8), more: more, wait: wait) }
        }
        return try result.get()
    }

    /// Sends a message without copying its bytes (`zmq_msg_send`).
    ///
    /// On success libzmq takes the content and `message` is left empty, ready for reuse; on `false`
    /// (`EAGAIN`) or a thrown error, `message` is unchanged.
    /// - Parameters:
    ///   - message: the frame to send; typically one received from another socket (forwarding).
    ///   - more: `true` when more frames of the same message follow (`ZMQ_SNDMORE`).
    ///   - wait: `false` for `ZMQ_DONTWAIT`.
    /// - Returns: `false` when the frame could not be queued now (`EAGAIN`).
    @discardableResult
    public func send(_ message: inout ZMQMessage, more: Bool = false, wait: Bool = true) throws(ZMQError) -> Bool {
        let socket = try openHandle("zmq_msg_send")
        let flags = (more ? ZMQ_SNDMORE : 0) | (wait ? 0 : ZMQ_DONTWAIT)
        if zmq_msg_send(&message.storage, socket, flags) >= 0 { return true }
        let number = zmq_errno()
        if number == EAGAIN { return false }
        throw ZMQError(errno: number, operation: "zmq_msg_send")
    }

    /// Receives one frame into `message`, replacing (and releasing) its previous content; no
    /// allocation beyond libzmq's own. Check ``ZMQMessage/more`` for further frames.
    ///
    /// - Parameter wait: `false` for `ZMQ_DONTWAIT`.
    /// - Returns: `false` when nothing arrived (`EAGAIN`: nothing queued with `wait: false`, or
    ///   ``ZMQSocketOption/receiveTimeout`` expired); `message` is then empty.
    @discardableResult
    public func receive(into message: inout ZMQMessage, wait: Bool = true) throws(ZMQError) -> Bool {
        let socket = try openHandle("zmq_msg_recv")
        if zmq_msg_recv(&message.storage, socket, wait ? 0 : ZMQ_DONTWAIT) >= 0 { return true }
        let number = zmq_errno()
        if number == EAGAIN { return false }
        throw ZMQError(errno: number, operation: "zmq_msg_recv")
    }

    /// Receives one frame.
    /// - Parameter wait: `false` for `ZMQ_DONTWAIT`.
    /// - Returns: the frame, or `nil` when nothing arrived (`EAGAIN`, see ``receive(into:wait:)``).
    public func receive(wait: Bool = true) throws(ZMQError) -> ZMQMessage? {
        var message = ZMQMessage()
        guard try receive(into: &message, wait: wait) else { return nil }
        return message
    }

    // MARK: Multipart

    /// Sends a multipart message whose frames are copied from byte arrays; `ZMQ_SNDMORE` is set on
    /// all frames but the last (and on the last too when `more` is `true`).
    ///
    /// - Parameters:
    ///   - frames: the frames; empty frames are allowed (e.g. the DEALER/REP delimiter).
    ///   - more: `true` when further frames of the same message will follow in another call.
    ///   - wait: `false` to give up (return `false`) when the **first** frame cannot be queued now;
    ///     later frames of a message that was started never block.
    /// - Returns: `false` when nothing was sent (`EAGAIN` on the first frame).
    @discardableResult
    public func send(frames: some Collection<[UInt8]>, more: Bool = false, wait: Bool = true) throws(ZMQError) -> Bool {
        var index = 0
        let last = frames.count - 1
        for frame in frames {
            let frameMore = index < last || more
            let sent: Bool
            if index == 0 {
                sent = try send(frame, more: frameMore, wait: wait)
            } else {
                sent = try sendRemainingFrame { () throws(ZMQError) in try send(frame, more: frameMore, wait: true) }
            }
            if !sent { return false }
            index += 1
        }
        return true
    }

    /// Sends a multipart message whose frames are copied from raw buffers. Same rules as
    /// ``send(frames:more:wait:)-(Collection<[UInt8]>,_,_)``.
    @discardableResult
    public func send(frames: some Collection<UnsafeRawBufferPointer>, more: Bool = false, wait: Bool = true) throws(ZMQError) -> Bool {
        var index = 0
        let last = frames.count - 1
        for frame in frames {
            let frameMore = index < last || more
            let sent: Bool
            if index == 0 {
                sent = try send(frame, more: frameMore, wait: wait)
            } else {
                sent = try sendRemainingFrame { () throws(ZMQError) in try send(frame, more: frameMore, wait: true) }
            }
            if !sent { return false }
            index += 1
        }
        return true
    }

    /// Sends frames of `parts` without copying their bytes (`zmq_msg_send`); each sent frame is
    /// left empty in `parts`. This is the forwarding path: receive into a ``ZMQMultipart``, send a new
    /// envelope with `more: true`, then send the payload frames from the received message.
    ///
    /// - Parameters:
    ///   - parts: the frames.
    ///   - range: which frames to send, in order; all of them by default.
    ///   - more: `true` when further frames of the same message will follow in another call.
    ///   - wait: `false` to give up when the **first** frame cannot be queued now.
    /// - Returns: `false` when nothing was sent (`EAGAIN` on the first frame); `parts` is then unchanged.
    @discardableResult
    public func send(_ parts: inout ZMQMultipart, range: Range<Int>? = nil, more: Bool = false, wait: Bool = true) throws(ZMQError) -> Bool {
        let socket = try openHandle("zmq_msg_send")
        let range = range ?? 0..<parts.count
        precondition(range.lowerBound >= 0 && range.upperBound <= parts.count, "frame range \(range) out of bounds 0..<\(parts.count)")
        for index in range {
            let frameMore = index < range.upperBound - 1 || more
            let first = index == range.lowerBound
            let flags = (frameMore ? ZMQ_SNDMORE : 0) | (first && !wait ? ZMQ_DONTWAIT : 0)
            while zmq_msg_send(parts.slot(index), socket, flags) < 0 {
                let number = zmq_errno()
                if first && number == EAGAIN { return false }
                if !first && number == EINTR { continue }
                throw ZMQError(errno: number, operation: "zmq_msg_send")
            }
        }
        return true
    }

    /// Receives a whole multipart message into `parts`, replacing its previous frames and reusing
    /// its storage: in a loop this allocates nothing beyond libzmq's own buffers.
    ///
    /// - Parameter wait: `false` for `ZMQ_DONTWAIT`.
    /// - Returns: `false` when nothing arrived (`EAGAIN`: nothing queued with `wait: false`, or
    ///   ``ZMQSocketOption/receiveTimeout`` expired); `parts` is then empty.
    @discardableResult
    public func receiveMultipart(into parts: inout ZMQMultipart, wait: Bool = true) throws(ZMQError) -> Bool {
        parts.removeAll()
        let socket = try openHandle("zmq_msg_recv")
        var flags = wait ? 0 : ZMQ_DONTWAIT
        while true {
            let slot = parts.appendEmptySlot()
            while zmq_msg_recv(slot, socket, flags) < 0 {
                let number = zmq_errno()
                let first = parts.count == 1
                if !first && number == EINTR { continue }
                parts.removeAll()
                if first && number == EAGAIN { return false }
                throw ZMQError(errno: number, operation: "zmq_msg_recv")
            }
            if zmq_msg_more(slot) == 0 { return true }
            flags = 0
        }
    }

    /// Receives a whole multipart message.
    /// - Parameter wait: `false` for `ZMQ_DONTWAIT`.
    /// - Returns: the frames, or `nil` when nothing arrived (`EAGAIN`).
    public func receiveMultipart(wait: Bool = true) throws(ZMQError) -> ZMQMultipart? {
        var parts = ZMQMultipart()
        guard try receiveMultipart(into: &parts, wait: wait) else { return nil }
        return parts
    }

    /// Receives a whole multipart message and copies its frames out as byte arrays (convenient,
    /// not for hot paths).
    /// - Returns: the frames' bytes, or `nil` when nothing arrived (`EAGAIN`).
    public func receiveFrames(wait: Bool = true) throws(ZMQError) -> [[UInt8]]? {
        guard let parts = try receiveMultipart(wait: wait) else { return nil }
        return parts.frames
    }

    /// Sends a frame after the first of a multipart message, retrying on `EINTR`.
    private func sendRemainingFrame(_ body: () throws(ZMQError) -> Bool) throws(ZMQError) -> Bool {
        while true {
            do {
                return try body()
            } catch where error.code == .interrupted {
                continue
            }
        }
    }

    // MARK: Polling

    /// Waits until the socket is ready for `events` or `timeout` milliseconds pass.
    ///
    /// - Parameters:
    ///   - events: the events of interest (``ZMQPollEvents/readable``, ``ZMQPollEvents/writable``).
    ///   - timeout: milliseconds; `0` returns at once, `-1` waits forever.
    /// - Returns: the ready events; empty when the timeout expired.
    public func poll(_ events: ZMQPollEvents, timeout: Int) throws(ZMQError) -> ZMQPollEvents {
        let socket = try openHandle("zmq_poll")
        var item = zmq_pollitem_t(socket: socket, fd: 0, events: events.rawValue, revents: 0)
        _ = try ZMQPoller.poll(&item, count: 1, timeout: timeout)
        return ZMQPollEvents(rawValue: item.revents)
    }
}

/// `ZMQSocket` is single-owner: it must not cross threads (see ``ZMQSocket``).
@available(*, unavailable, message: "ZMQSocket is owned by one thread; libzmq sockets are not thread-safe")
extension ZMQSocket: Sendable {}
