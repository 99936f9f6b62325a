import CZeroMQ

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Events to wait for or that are ready, as used by `zmq_poll`.
public struct ZMQPollEvents: OptionSet, Hashable, Sendable, CustomStringConvertible {
    /// The `ZMQ_POLL*` bits.
    public let rawValue: Int16

    /// Wraps `ZMQ_POLL*` bits.
    public init(rawValue: Int16) { self.rawValue = rawValue }

    /// `ZMQ_POLLIN`: at least one message (socket) or byte (file descriptor) can be received without blocking.
    public static let readable = ZMQPollEvents(rawValue: Int16(ZMQ_POLLIN))
    /// `ZMQ_POLLOUT`: at least one message can be sent without blocking.
    public static let writable = ZMQPollEvents(rawValue: Int16(ZMQ_POLLOUT))
    /// `ZMQ_POLLERR`: an error condition on a file descriptor (never set for ZeroMQ sockets).
    public static let error = ZMQPollEvents(rawValue: Int16(ZMQ_POLLERR))

    /// E.g. `"[readable, writable]"`.
    public var description: String {
        var names: [String] = []
        if contains(.readable) { names.append("readable") }
        if contains(.writable) { names.append("writable") }
        if contains(.error) { names.append("error") }
        return "[" + names.joined(separator: ", ") + "]"
    }
}

/// Waits on several sockets (and plain file descriptors) at once with `zmq_poll`.
///
/// Register items once, then call ``poll(timeout:)`` in the loop and read each item's
/// ``readyEvents(at:)``; polling reuses the item array and allocates nothing. Indices are the
/// registration order. Like ``ZMQSocket`` it is used only on the thread owning the sockets.
///
/// ```swift
/// var poller = ZMQPoller()
/// let frontend = poller.register(router, events: .readable)
/// let backend = poller.register(dealer, events: .readable)
/// while try poller.poll(timeout: 1000) >= 0 {
///     if poller.isReadable(at: frontend) { ... }
///     if poller.isReadable(at: backend) { ... }
/// }
/// ```
public struct ZMQPoller {
    private var items: [zmq_pollitem_t] = []
    /// The registered sockets (kept alive by the poller); `nil` for file descriptors.
    private var sockets: [ZMQSocket?] = []

    /// An empty poller.
    public init() {}

    /// The number of registered items.
    public var count: Int { items.count }

    /// Registers a socket.
    /// - Parameters:
    ///   - socket: the socket; the poller keeps it alive but it must not be closed while registered.
    ///   - events: the events of interest.
    /// - Returns: the item's index.
    @discardableResult
    public mutating func register(_ socket: ZMQSocket, events: ZMQPollEvents = .readable) -> Int {
        items.append(zmq_pollitem_t(socket: socket.handle, fd: 0, events: events.rawValue, revents: 0))
        sockets.append(socket)
        return items.count - 1
    }

    /// Registers a plain file descriptor (e.g. the read end of a wake-up pipe or an eventfd).
    /// - Returns: the item's index.
    @discardableResult
    public mutating func register(fileDescriptor: Int32, events: ZMQPollEvents = .readable) -> Int {
        items.append(zmq_pollitem_t(socket: nil, fd: fileDescriptor, events: events.rawValue, revents: 0))
        sockets.append(nil)
        return items.count - 1
    }

    /// Changes the events of interest of item `index` (e.g. add `.writable` only while output is pending).
    public mutating func setEvents(_ events: ZMQPollEvents, at index: Int) {
        items[index].events = events.rawValue
    }

    /// Removes every item whose socket is `socket`; indices of later items shift down.
    public mutating func unregister(_ socket: ZMQSocket) {
        for index in sockets.indices.reversed() where sockets[index] === socket {
            items.remove(at: index)
            sockets.remove(at: index)
        }
    }

    /// Waits until at least one item is ready or `timeout` milliseconds pass.
    ///
    /// An interruption by a signal (`EINTR`) is retried with the remaining time.
    /// - Parameter timeout: milliseconds; `0` checks and returns at once, `-1` waits forever.
    /// - Returns: the number of ready items; `0` when the timeout expired.
    /// - Throws: ``ZMQError`` — ``ZMQError/Code/terminated`` when a socket's context was shut down,
    ///   ``ZMQError/Code/notSocket`` when a registered socket was closed.
    public mutating func poll(timeout: Int) throws(ZMQError) -> Int {
        for index in items.indices {
            items[index].revents = 0
            guard let socket = sockets[index] else { continue }
            socket.assertOwner()
            guard let handle = socket.handle else {
                throw ZMQError(errno: ENOTSOCK, operation: "zmq_poll (item \(index) is a closed \(socket.type) socket)")
            }
            items[index].socket = handle
        }
        return try items.withUnsafeMutableBufferPointer { (buffer) throws(ZMQError) -> Int in
            try ZMQPoller.poll(buffer.baseAddress, count: buffer.count, timeout: timeout)
        }
    }

    /// `zmq_poll` over raw items, retrying on `EINTR` with the remaining time.
    static func poll(_ items: UnsafeMutablePointer<zmq_pollitem_t>?, count: Int, timeout: Int) throws(ZMQError) -> Int {
        let clock = ContinuousClock()
        let start = timeout > 0 ? clock.now : nil
        var remaining = timeout
        while true {
            let ready = zmq_poll(items, Int32(count), remaining)
            if ready >= 0 { return Int(ready) }
            let number = zmq_errno()
            guard number == EINTR else { throw ZMQError(errno: number, operation: "zmq_poll") }
            if let start {
                let elapsed = (clock.now - start).components
                let elapsedMilliseconds = Int(elapsed.seconds) * 1000 + Int(elapsed.attoseconds / 1_000_000_000_000_000)
                remaining = Swift.max(0, timeout - elapsedMilliseconds)
            }
        }
    }

    /// The events found ready for item `index` by the last ``poll(timeout:)``.
    public func readyEvents(at index: Int) -> ZMQPollEvents {
        ZMQPollEvents(rawValue: items[index].revents)
    }

    /// Whether item `index` was readable at the last ``poll(timeout:)``.
    public func isReadable(at index: Int) -> Bool {
        items[index].revents & Int16(ZMQ_POLLIN) != 0
    }

    /// Whether item `index` was writable at the last ``poll(timeout:)``.
    public func isWritable(at index: Int) -> Bool {
        items[index].revents & Int16(ZMQ_POLLOUT) != 0
    }
}

/// `ZMQPoller` holds single-owner sockets and must stay on their thread.
@available(*, unavailable, message: "ZMQPoller holds single-owner sockets")
extension ZMQPoller: Sendable {}
