import Foundation
import NewsbusZMQ
import Testing

/// The transports the round-trip tests run over.
enum Transport: String, CaseIterable, Sendable, CustomStringConvertible {
    case inproc, ipc, tcp
    var description: String { rawValue }
}

/// A private temporary directory, removed with everything in it on deinit.
final class TemporaryDirectory {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "nbzmq-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard let created else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        path = String(cString: created)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// A unique name for inproc endpoints.
func uniqueName(_ prefix: String) -> String {
    "\(prefix)-\(UInt64.random(in: 0...UInt64.max))"
}

/// Binds `socket` on a fresh endpoint of `transport` and returns the endpoint peers connect to.
func bindFresh(_ socket: ZMQSocket, _ transport: Transport, in directory: TemporaryDirectory) throws -> String {
    switch transport {
    case .inproc:
        let endpoint = "inproc://\(uniqueName("test"))"
        try socket.bind(endpoint)
        return endpoint
    case .ipc:
        let endpoint = "ipc://\(directory.path)/\(uniqueName("s")).sock"
        try socket.bind(endpoint)
        return endpoint
    case .tcp:
        try socket.bind("tcp://127.0.0.1:*")
        return try #require(try socket.lastEndpoint, "tcp bind has no last endpoint")
    }
}

/// Bounded waits: long enough for a loaded 2-core CI machine, short enough to fail fast.
enum Bound {
    /// How long something that must arrive may take.
    static let arrival = 5_000
    /// How long we watch for something that must not arrive.
    static let absence = 750
}

/// Waits (bounded) for a whole multipart message and copies out its frames.
func receiveFrames(
    _ socket: ZMQSocket, within milliseconds: Int = Bound.arrival, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> [[UInt8]] {
    let ready = try socket.poll(.readable, timeout: milliseconds)
    try #require(ready.contains(.readable), "\(what): nothing arrived within \(milliseconds) ms", sourceLocation: sourceLocation)
    return try #require(try socket.receiveFrames(wait: false), "\(what): readable but nothing to receive", sourceLocation: sourceLocation)
}

/// Waits (bounded) for a whole multipart message into `parts`.
func receiveMultipart(
    _ socket: ZMQSocket, into parts: inout ZMQMultipart, within milliseconds: Int = Bound.arrival, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let ready = try socket.poll(.readable, timeout: milliseconds)
    try #require(ready.contains(.readable), "\(what): nothing arrived within \(milliseconds) ms", sourceLocation: sourceLocation)
    let received = try socket.receiveMultipart(into: &parts, wait: false)
    try #require(received, "\(what): readable but nothing to receive", sourceLocation: sourceLocation)
}

/// Milliseconds elapsed while running `body`.
func measureMilliseconds<R>(_ body: () throws -> R) rethrows -> (R, Int) {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try body()
    let elapsed = (clock.now - start).components
    return (result, Int(elapsed.seconds) * 1000 + Int(elapsed.attoseconds / 1_000_000_000_000_000))
}

/// A value shared with a helper thread.
final class LockedBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// A deterministic byte pattern of `count` bytes.
func pattern(_ count: Int, seed: UInt8 = 7) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ Int(seed)) }
}
