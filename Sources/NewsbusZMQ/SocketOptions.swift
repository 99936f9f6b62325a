import CZeroMQ

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A typed socket option: its libzmq number, name and how its value is encoded.
///
/// Use the static members with ``ZMQSocket/set(_:_:)`` and ``ZMQSocket/get(_:)``:
///
/// ```swift
/// try socket.set(.sendHighWaterMark, 1000)
/// try socket.set(.routingID, Array("worker-1".utf8))
/// let hwm = try socket.get(.sendHighWaterMark)   // Int
/// ```
///
/// Options not listed here can be described with the factories (``int(_:name:)``,
/// ``int64(_:name:)``, ``bool(_:name:)``, ``bytes(_:name:)``, ``string(_:name:capacity:)``).
/// Durations are in milliseconds, as in libzmq. Some options are write-only or read-only in libzmq;
/// using them the other way fails with ``ZMQError/Code/invalidArgument``.
public struct ZMQSocketOption<Value: Sendable>: Sendable, CustomStringConvertible {
    /// The libzmq option number, e.g. `ZMQ_SNDHWM`.
    public let rawValue: Int32
    /// The libzmq option name, e.g. `"ZMQ_SNDHWM"`.
    public let name: String
    /// The largest value `zmq_getsockopt` may write, in bytes.
    let capacity: Int
    let encode: @Sendable (Value) throws(ZMQError) -> [UInt8]
    let decode: @Sendable (UnsafeRawBufferPointer) throws(ZMQError) -> Value

    init(
        _ rawValue: Int32, name: String, capacity: Int,
        encode: @escaping @Sendable (Value) throws(ZMQError) -> [UInt8],
        decode: @escaping @Sendable (UnsafeRawBufferPointer) throws(ZMQError) -> Value
    ) {
        self.rawValue = rawValue
        self.name = name
        self.capacity = capacity
        self.encode = encode
        self.decode = decode
    }

    /// The option's libzmq name.
    public var description: String { name }
}

// MARK: - Value encodings

extension ZMQSocketOption where Value == Int {
    /// An option whose value is a C `int`; values outside `Int32` are rejected with ``ZMQError/Code/invalidArgument``.
    public static func int(_ rawValue: Int32, name: String) -> Self {
        Self(
            rawValue, name: name, capacity: MemoryLayout<Int32>.size,
            encode: { (value) throws(ZMQError) in
                guard let value = Int32(exactly: value) else {
                    throw ZMQError(errno: EINVAL, operation: "zmq_setsockopt(\(name), \(value)): value out of C int range")
                }
                return withUnsafeBytes(of: value) { Array($0) }
            },
            decode: { (bytes) throws(ZMQError) in
                Int(bytes.loadUnaligned(as: Int32.self))
            }
        )
    }

    /// An option whose value is a C `int64_t`.
    public static func int64(_ rawValue: Int32, name: String) -> Self {
        Self(
            rawValue, name: name, capacity: MemoryLayout<Int64>.size,
            encode: { (value) throws(ZMQError) in withUnsafeBytes(of: Int64(value)) { Array($0) } },
            decode: { (bytes) throws(ZMQError) in Int(bytes.loadUnaligned(as: Int64.self)) }
        )
    }
}

extension ZMQSocketOption where Value == Bool {
    /// An option whose value is a C `int` used as a flag (0 or 1).
    public static func bool(_ rawValue: Int32, name: String) -> Self {
        Self(
            rawValue, name: name, capacity: MemoryLayout<Int32>.size,
            encode: { (value) throws(ZMQError) in withUnsafeBytes(of: Int32(value ? 1 : 0)) { Array($0) } },
            decode: { (bytes) throws(ZMQError) in bytes.loadUnaligned(as: Int32.self) != 0 }
        )
    }
}

extension ZMQSocketOption where Value == [UInt8] {
    /// An option whose value is a binary blob of at most `capacity` bytes.
    public static func bytes(_ rawValue: Int32, name: String, capacity: Int = 255) -> Self {
        Self(
            rawValue, name: name, capacity: capacity,
            encode: { (value) throws(ZMQError) in value },
            decode: { (bytes) throws(ZMQError) in Array(bytes) }
        )
    }
}

extension ZMQSocketOption where Value == String {
    /// An option whose value is a character string (read back without its terminating NUL).
    public static func string(_ rawValue: Int32, name: String, capacity: Int = 1024) -> Self {
        Self(
            rawValue, name: name, capacity: capacity,
            encode: { (value) throws(ZMQError) in Array(value.utf8) },
            decode: { (bytes) throws(ZMQError) in
                let end = bytes.firstIndex(of: 0) ?? bytes.count
                return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
            }
        )
    }
}

// MARK: - Options

extension ZMQSocketOption where Value == Int {
    /// `ZMQ_SNDHWM`: the most outgoing messages queued per peer (0 = unlimited; default 1000).
    /// Beyond it, sends block or return `false` (or drop, for PUB). Set before bind/connect.
    public static var sendHighWaterMark: Self { .int(ZMQ_SNDHWM, name: "ZMQ_SNDHWM") }
    /// `ZMQ_RCVHWM`: the most incoming messages queued per peer (0 = unlimited; default 1000). Set before bind/connect.
    public static var receiveHighWaterMark: Self { .int(ZMQ_RCVHWM, name: "ZMQ_RCVHWM") }
    /// `ZMQ_LINGER`: milliseconds unsent messages are kept after close (`-1` forever, `0` none).
    public static var linger: Self { .int(ZMQ_LINGER, name: "ZMQ_LINGER") }
    /// `ZMQ_RCVTIMEO`: milliseconds a blocking receive waits before returning `nil`/`false` (`-1` forever).
    public static var receiveTimeout: Self { .int(ZMQ_RCVTIMEO, name: "ZMQ_RCVTIMEO") }
    /// `ZMQ_SNDTIMEO`: milliseconds a blocking send waits before returning `false` (`-1` forever).
    public static var sendTimeout: Self { .int(ZMQ_SNDTIMEO, name: "ZMQ_SNDTIMEO") }
    /// `ZMQ_HEARTBEAT_IVL`: milliseconds between ZMTP PING commands on each connection (0 = off).
    public static var heartbeatInterval: Self { .int(ZMQ_HEARTBEAT_IVL, name: "ZMQ_HEARTBEAT_IVL") }
    /// `ZMQ_HEARTBEAT_TIMEOUT`: milliseconds without traffic after a PING before the connection is
    /// closed (defaults to the interval).
    public static var heartbeatTimeout: Self { .int(ZMQ_HEARTBEAT_TIMEOUT, name: "ZMQ_HEARTBEAT_TIMEOUT") }
    /// `ZMQ_HEARTBEAT_TTL`: milliseconds the remote peer should wait for traffic before timing out
    /// (sent in PINGs; kept by libzmq in tenths of a second, maximum 6 553 599).
    public static var heartbeatTTL: Self { .int(ZMQ_HEARTBEAT_TTL, name: "ZMQ_HEARTBEAT_TTL") }
    /// `ZMQ_RECONNECT_IVL`: milliseconds before reconnecting a dropped connection (`-1` = never; default 100).
    public static var reconnectInterval: Self { .int(ZMQ_RECONNECT_IVL, name: "ZMQ_RECONNECT_IVL") }
    /// `ZMQ_RECONNECT_IVL_MAX`: the upper bound of exponential reconnect back-off in milliseconds (0 = no back-off).
    public static var reconnectIntervalMax: Self { .int(ZMQ_RECONNECT_IVL_MAX, name: "ZMQ_RECONNECT_IVL_MAX") }
    /// `ZMQ_HANDSHAKE_IVL`: milliseconds allowed for the ZMTP (and CURVE) handshake (0 = no limit; default 30 000).
    public static var handshakeInterval: Self { .int(ZMQ_HANDSHAKE_IVL, name: "ZMQ_HANDSHAKE_IVL") }
    /// `ZMQ_BACKLOG`: the listen queue length of bound tcp/ipc endpoints.
    public static var backlog: Self { .int(ZMQ_BACKLOG, name: "ZMQ_BACKLOG") }
    /// `ZMQ_SNDBUF`: the kernel send buffer size in bytes (`-1` = OS default).
    public static var sendBufferSize: Self { .int(ZMQ_SNDBUF, name: "ZMQ_SNDBUF") }
    /// `ZMQ_RCVBUF`: the kernel receive buffer size in bytes (`-1` = OS default).
    public static var receiveBufferSize: Self { .int(ZMQ_RCVBUF, name: "ZMQ_RCVBUF") }
    /// `ZMQ_TCP_KEEPALIVE`: TCP keep-alive (`-1` OS default, `0` off, `1` on).
    public static var tcpKeepalive: Self { .int(ZMQ_TCP_KEEPALIVE, name: "ZMQ_TCP_KEEPALIVE") }
    /// `ZMQ_FD` (read-only): a file descriptor that signals (edge-triggered) when ``ZMQSocketOption/events`` may have changed.
    public static var fileDescriptor: Self { .int(ZMQ_FD, name: "ZMQ_FD") }
    /// `ZMQ_MAXMSGSIZE`: the largest inbound message in bytes (`-1` = no limit); a peer sending a
    /// larger one is disconnected and the message dropped. Applies to network transports, not inproc.
    public static var maxMessageSize: Self { .int64(ZMQ_MAXMSGSIZE, name: "ZMQ_MAXMSGSIZE") }
}

extension ZMQSocketOption where Value == ZMQPollEvents {
    /// `ZMQ_EVENTS` (read-only): whether a message can be received (`.readable`) or sent (`.writable`) now.
    public static var events: Self {
        Self(
            ZMQ_EVENTS, name: "ZMQ_EVENTS", capacity: MemoryLayout<Int32>.size,
            encode: { (_) throws(ZMQError) in throw ZMQError(errno: EINVAL, operation: "zmq_setsockopt(ZMQ_EVENTS): read-only") },
            decode: { (bytes) throws(ZMQError) in ZMQPollEvents(rawValue: Int16(truncatingIfNeeded: bytes.loadUnaligned(as: Int32.self))) }
        )
    }
}

extension ZMQSocketOption where Value == Bool {
    /// `ZMQ_IMMEDIATE`: queue messages only to completed connections, so that sends block (or
    /// return `false`) instead of filling pipes to peers that are not there.
    public static var immediate: Self { .bool(ZMQ_IMMEDIATE, name: "ZMQ_IMMEDIATE") }
    /// `ZMQ_ROUTER_MANDATORY` (write-only, ROUTER): sending to an unknown routing id fails with
    /// ``ZMQError/Code/hostUnreachable`` instead of dropping silently; a full peer makes sends block
    /// (or return `false`).
    public static var routerMandatory: Self { .bool(ZMQ_ROUTER_MANDATORY, name: "ZMQ_ROUTER_MANDATORY") }
    /// `ZMQ_ROUTER_HANDOVER` (write-only, ROUTER): a new connection with an existing routing id takes it over.
    public static var routerHandover: Self { .bool(ZMQ_ROUTER_HANDOVER, name: "ZMQ_ROUTER_HANDOVER") }
    /// `ZMQ_IPV6`: enable IPv6 (and IPv4-mapped addresses) on tcp endpoints.
    public static var ipv6: Self { .bool(ZMQ_IPV6, name: "ZMQ_IPV6") }
    /// `ZMQ_CURVE_SERVER`: act as CURVE server (needs ``ZMQSocketOption/curveSecretKey``).
    public static var curveServer: Self { .bool(ZMQ_CURVE_SERVER, name: "ZMQ_CURVE_SERVER") }
    /// `ZMQ_CONFLATE`: keep only the last message (PUSH/PULL/PUB/SUB/DEALER, single-part only).
    public static var conflate: Self { .bool(ZMQ_CONFLATE, name: "ZMQ_CONFLATE") }
    /// `ZMQ_RCVMORE` (read-only): the last received frame has more frames after it.
    public static var receiveMore: Self { .bool(ZMQ_RCVMORE, name: "ZMQ_RCVMORE") }
}

extension ZMQSocketOption where Value == [UInt8] {
    /// `ZMQ_ROUTING_ID` (`ZMQ_IDENTITY`): this socket's routing id as seen by a ROUTER peer
    /// (1–255 bytes, first byte not 0). Set before connect.
    public static var routingID: Self { .bytes(ZMQ_ROUTING_ID, name: "ZMQ_ROUTING_ID") }
    /// `ZMQ_SUBSCRIBE` (write-only, SUB): add a topic prefix filter (empty = everything).
    public static var subscribe: Self { .bytes(ZMQ_SUBSCRIBE, name: "ZMQ_SUBSCRIBE") }
    /// `ZMQ_UNSUBSCRIBE` (write-only, SUB): remove a topic prefix filter.
    public static var unsubscribe: Self { .bytes(ZMQ_UNSUBSCRIBE, name: "ZMQ_UNSUBSCRIBE") }
}

extension ZMQSocketOption where Value == String {
    /// `ZMQ_LAST_ENDPOINT` (read-only): the endpoint last bound or connected, resolved. See ``ZMQSocket/lastEndpoint``.
    public static var lastEndpoint: Self { .string(ZMQ_LAST_ENDPOINT, name: "ZMQ_LAST_ENDPOINT") }
    /// `ZMQ_ZAP_DOMAIN`: the ZAP authentication domain.
    public static var zapDomain: Self { .string(ZMQ_ZAP_DOMAIN, name: "ZMQ_ZAP_DOMAIN", capacity: 256) }
}

// MARK: - Access

extension ZMQSocket {
    /// Sets a socket option (`zmq_setsockopt`).
    ///
    /// - Parameters:
    ///   - option: the option, e.g. `.sendHighWaterMark`.
    ///   - value: its new value.
    /// - Throws: ``ZMQError`` — ``ZMQError/Code/invalidArgument`` for an unknown or read-only option
    ///   or a bad value, ``ZMQError/Code/terminated``, ``ZMQError/Code/notSocket``.
    public func set<Value>(_ option: ZMQSocketOption<Value>, _ value: Value) throws(ZMQError) {
        let socket = try openHandle("zmq_setsockopt(\(option.name))")
        let bytes = try option.encode(value)
        let result = bytes.withUnsafeBytes { buffer in
            zmq_setsockopt(socket, option.rawValue, buffer.baseAddress, buffer.count)
        }
        if result != 0 { throw ZMQError.last("zmq_setsockopt(\(option.name))") }
    }

    /// Reads a socket option (`zmq_getsockopt`).
    ///
    /// - Parameter option: the option, e.g. `.sendHighWaterMark`.
    /// - Returns: its current value.
    /// - Throws: ``ZMQError`` — ``ZMQError/Code/invalidArgument`` for an unknown or write-only option.
    public func get<Value>(_ option: ZMQSocketOption<Value>) throws(ZMQError) -> Value {
        let socket = try openHandle("zmq_getsockopt(\(option.name))")
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: option.capacity, alignment: 8)
        defer { buffer.deallocate() }
        var size = option.capacity
        if zmq_getsockopt(socket, option.rawValue, buffer.baseAddress, &size) != 0 {
            throw ZMQError.last("zmq_getsockopt(\(option.name))")
        }
        return try option.decode(UnsafeRawBufferPointer(rebasing: buffer[..<Swift.min(size, option.capacity)]))
    }
}
