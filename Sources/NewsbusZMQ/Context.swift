import CZeroMQ

/// A libzmq context: the owner of I/O threads and the factory of sockets.
///
/// Contexts are thread-safe, so `ZMQContext` is `Sendable`: share one per process and create each
/// ``ZMQSocket`` on the thread that will own it.
///
/// Life cycle:
/// - ``shutdown()`` makes every blocking call on this context's sockets fail with
///   ``ZMQError/Code/terminated`` (`ETERM`); their owners should then close them.
/// - ``terminate()`` (also run by `deinit`) shuts down and waits until every socket is closed.
///   Sockets keep a strong reference to their context, so the context outlives them.
///
/// Unless created with `blocky: true`, new sockets start with `linger` 0 (`ZMQ_BLOCKY` = 0), so
/// closing a socket or terminating never hangs on undelivered messages; set
/// ``ZMQSocketOption/linger`` per socket to keep them for a while.
public final class ZMQContext: @unchecked Sendable {
    // @unchecked: the handle is only used through libzmq's thread-safe context API, and its
    // life cycle (`state`) is guarded by `lock`.

    private enum State { case running, shutDown, terminating }

    private let handle: UnsafeMutableRawPointer
    private let lock = PThreadLock()
    private var state = State.running

    /// Creates a context.
    ///
    /// - Parameters:
    ///   - ioThreads: the number of libzmq I/O threads (`ZMQ_IO_THREADS`); one per GB/s of traffic is the rule of thumb.
    ///   - maxSockets: the socket limit (`ZMQ_MAX_SOCKETS`); `nil` keeps libzmq's default (1023).
    ///   - blocky: `true` keeps libzmq's legacy default of infinite linger on new sockets.
    /// - Throws: ``ZMQError`` if libzmq cannot create or configure the context.
    public init(ioThreads: Int = 1, maxSockets: Int? = nil, blocky: Bool = false) throws(ZMQError) {
        guard let context = zmq_ctx_new() else { throw ZMQError.last("zmq_ctx_new") }
        func set(_ option: Int32, _ value: Int, _ name: String) throws(ZMQError) {
            if zmq_ctx_set(context, option, Int32(clamping: value)) != 0 {
                let error = ZMQError.last("zmq_ctx_set(\(name), \(value))")
                zmq_ctx_term(context)
                throw error
            }
        }
        try set(ZMQ_IO_THREADS, ioThreads, "ZMQ_IO_THREADS")
        if let maxSockets { try set(ZMQ_MAX_SOCKETS, maxSockets, "ZMQ_MAX_SOCKETS") }
        try set(ZMQ_BLOCKY, blocky ? 1 : 0, "ZMQ_BLOCKY")
        self.handle = context
    }

    deinit {
        terminate()
    }

    /// The number of I/O threads (`ZMQ_IO_THREADS`).
    public var ioThreads: Int {
        lock.withLock { state == .terminating ? 0 : Int(zmq_ctx_get(handle, ZMQ_IO_THREADS)) }
    }

    /// Whether ``shutdown()`` or ``terminate()`` has been called.
    public var isShutDown: Bool {
        lock.withLock { state != .running }
    }

    /// Creates a socket owned by the calling thread.
    ///
    /// - Parameter type: the socket type.
    /// - Returns: a new socket; see ``ZMQSocket`` for the single-owner rule.
    /// - Throws: ``ZMQError`` — ``ZMQError/Code/terminated`` after ``shutdown()``/``terminate()``,
    ///   ``ZMQError/Code/tooManySockets`` at the socket limit.
    public func makeSocket(_ type: ZMQSocketType) throws(ZMQError) -> ZMQSocket {
        // The lock is held across zmq_socket so that terminate() cannot free the context meanwhile.
        let (raw, failure): (UnsafeMutableRawPointer?, Int32) = lock.withLock {
            guard state != .terminating else { return (nil, ETERM) }
            let socket = zmq_socket(handle, type.rawValue)
            return (socket, socket == nil ? zmq_errno() : 0)
        }
        guard let raw else { throw ZMQError(errno: failure, operation: "zmq_socket(\(type))") }
        return ZMQSocket(handle: raw, type: type, context: self)
    }

    /// Shuts the context down without waiting: blocking and later operations on its sockets fail
    /// with ``ZMQError/Code/terminated``, and ``makeSocket(_:)`` fails. Idempotent and thread-safe.
    public func shutdown() {
        lock.withLock {
            guard state == .running else { return }
            zmq_ctx_shutdown(handle)
            state = .shutDown
        }
    }

    /// Shuts down (if not yet) and waits until every socket of this context is closed, then frees
    /// the context. Idempotent and thread-safe; also called by `deinit`.
    ///
    /// Sockets still open on other threads must be closed by their owners (they see
    /// ``ZMQError/Code/terminated``) before this returns. Never call it from a thread that owns an
    /// open socket of this context: that would deadlock. A second, concurrent call returns at once.
    public func terminate() {
        let shouldTerminate = lock.withLock {
            guard state != .terminating else { return false }
            state = .terminating
            return true
        }
        guard shouldTerminate else { return }
        while zmq_ctx_term(handle) != 0 && zmq_errno() == EINTR {}
    }
}
