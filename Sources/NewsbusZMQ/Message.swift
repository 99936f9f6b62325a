import CZeroMQ

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One frame: an owned libzmq message (`zmq_msg_t`), stored inline without a Swift heap object.
///
/// `ZMQMessage` is non-copyable: it owns its content and releases it (`zmq_msg_close`) when it goes
/// out of scope. Sending it with ``ZMQSocket/send(_:more:wait:)-(ZMQMessage,_,_)`` hands the
/// content to libzmq without copying the bytes, so a frame received on one socket can be forwarded to
/// another untouched. Use ``copy()`` for a second reference to the same bytes (no byte copy for
/// large messages: libzmq shares them by reference count).
///
/// A message is `Sendable`: it belongs to no socket and may move to another thread.
public struct ZMQMessage: ~Copyable, @unchecked Sendable {
    // @unchecked: zmq_msg_t is a plain 64-byte value; the content it points to is reference-counted
    // atomically by libzmq, and non-copyability gives this value a single owner.

    /// The libzmq message, always initialised.
    var storage: zmq_msg_t

    /// An empty message (size 0), e.g. to receive into with ``ZMQSocket/receive(into:wait:)``.
    public init() {
        storage = zmq_msg_t()
        zmq_msg_init(&storage)
    }

    /// A message of `size` bytes whose content is not initialised; fill it in place with
    /// ``withUnsafeMutableBytes(_:)`` (e.g. encode a protobuf straight into it).
    public init(size: Int) {
        storage = zmq_msg_t()
        let result = zmq_msg_init_size(&storage, size)
        precondition(result == 0, "zmq_msg_init_size(\(size)) failed: out of memory")
    }

    /// A message holding a copy of `bytes`.
    public init(_ bytes: UnsafeRawBufferPointer) {
        self.init(size: bytes.count)
        if let source = bytes.baseAddress, bytes.count > 0 {
            zmq_msg_data(&storage)?.copyMemory(from: source, byteCount: bytes.count)
        }
    }

    /// A message holding a copy of `bytes`.
    public init(_ bytes: [UInt8]) {
        self.init(size: bytes.count)
        let destination = zmq_msg_data(&storage)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress, source.count > 0 { destination?.copyMemory(from: base, byteCount: source.count) }
        }
    }

    /// A message holding the UTF-8 bytes of `string`.
    public init(_ string: String) {
        var string = string
        self.init(size: string.utf8.count)
        let destination = zmq_msg_data(&storage)
        string.withUTF8 { source in
            if let base = source.baseAddress, source.count > 0 { destination?.copyMemory(from: base, byteCount: source.count) }
        }
    }

    /// Takes ownership of an initialised `zmq_msg_t`.
    init(taking raw: zmq_msg_t) {
        storage = raw
    }

    deinit {
        var raw = storage
        zmq_msg_close(&raw)
    }

    /// The number of bytes.
    public var size: Int {
        withUnsafePointer(to: storage) { zmq_msg_size($0) }
    }

    /// Whether the message has no bytes.
    public var isEmpty: Bool { size == 0 }

    /// Whether more frames of the same multipart message follow this received frame (`zmq_msg_more`).
    public var more: Bool {
        withUnsafePointer(to: storage) { zmq_msg_more($0) != 0 }
    }

    /// Calls `body` with the message's bytes, valid only during the call.
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try withUnsafePointer(to: storage) { (pointer) throws(E) -> R in
            try body(ZMQMessage.bytes(of: pointer))
        }
    }

    /// Calls `body` with the message's bytes for writing in place, valid only during the call.
    public mutating func withUnsafeMutableBytes<R, E: Error>(_ body: (UnsafeMutableRawBufferPointer) throws(E) -> R) throws(E) -> R {
        let buffer = UnsafeMutableRawBufferPointer(start: zmq_msg_data(&storage), count: zmq_msg_size(&storage))
        return try body(buffer)
    }

    /// A copy of the bytes.
    public var bytes: [UInt8] {
        withUnsafeBytes { Array($0) }
    }

    /// The bytes decoded as UTF-8 (invalid sequences are repaired).
    public var string: String {
        withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// A second message with the same content (`zmq_msg_copy`): large contents are shared by
    /// reference count (no byte copy), small ones are copied inline.
    ///
    /// `mutating` because libzmq marks the original's content as shared.
    public mutating func copy() -> ZMQMessage {
        var copy = ZMQMessage()
        _ = zmq_msg_copy(&copy.storage, &storage)
        return copy
    }

    /// Releases the content and leaves the message empty.
    public mutating func clear() {
        zmq_msg_close(&storage)
        zmq_msg_init(&storage)
    }

    /// The bytes of the message at `pointer` (libzmq's accessor wants a mutable pointer but does not write).
    @inline(__always)
    static func bytes(of pointer: UnsafePointer<zmq_msg_t>) -> UnsafeRawBufferPointer {
        let mutable = UnsafeMutablePointer(mutating: pointer)
        return UnsafeRawBufferPointer(start: zmq_msg_data(mutable), count: zmq_msg_size(pointer))
    }
}

/// The frames of one multipart message, stored contiguously as `zmq_msg_t` values.
///
/// Designed for the hot path: keep one `ZMQMultipart` per loop and receive into it with
/// ``ZMQSocket/receiveMultipart(into:wait:)``; its storage is reused, so steady-state receiving
/// allocates nothing on the Swift side. Frames are forwarded without copying by
/// ``ZMQSocket/send(_:range:more:wait:)``, or moved out as ``ZMQMessage`` values with ``take(at:)``.
///
/// Non-copyable and `Sendable`, like ``ZMQMessage``.
public struct ZMQMultipart: ~Copyable, @unchecked Sendable {
    // @unchecked: the buffer is uniquely owned (non-copyable) and holds only zmq_msg_t values.

    private var buffer: UnsafeMutablePointer<zmq_msg_t>
    private var capacity: Int
    /// The number of frames.
    public private(set) var count: Int = 0

    /// An empty multipart message with room for `capacity` frames before it grows.
    public init(capacity: Int = 8) {
        self.capacity = Swift.max(capacity, 1)
        self.buffer = .allocate(capacity: self.capacity)
    }

    deinit {
        for index in 0..<count { zmq_msg_close(buffer + index) }
        buffer.deallocate()
    }

    /// Whether there are no frames.
    public var isEmpty: Bool { count == 0 }

    /// The frames' indices, `0..<count`.
    public var indices: Range<Int> { 0..<count }

    /// Releases every frame (keeping the storage for reuse).
    public mutating func removeAll() {
        for index in 0..<count { zmq_msg_close(buffer + index) }
        count = 0
    }

    /// Appends a frame, taking ownership of its content (no byte copy).
    public mutating func append(_ message: consuming ZMQMessage) {
        let slot = appendEmptySlot()
        zmq_msg_move(slot, &message.storage)
    }

    /// Appends a frame holding a copy of `bytes`.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        append(ZMQMessage(bytes))
    }

    /// Appends a frame holding a copy of `bytes`.
    public mutating func append(_ bytes: [UInt8]) {
        append(ZMQMessage(bytes))
    }

    /// Appends a frame holding the UTF-8 bytes of `string`.
    public mutating func append(_ string: String) {
        append(ZMQMessage(string))
    }

    /// The byte count of frame `index`.
    public func size(at index: Int) -> Int {
        zmq_msg_size(slot(index))
    }

    /// Calls `body` with the bytes of frame `index`, valid only during the call.
    public func withUnsafeBytes<R, E: Error>(at index: Int, _ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(ZMQMessage.bytes(of: slot(index)))
    }

    /// A copy of the bytes of frame `index`.
    public func bytes(at index: Int) -> [UInt8] {
        withUnsafeBytes(at: index) { Array($0) }
    }

    /// The bytes of frame `index` decoded as UTF-8.
    public func string(at index: Int) -> String {
        withUnsafeBytes(at: index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Copies of every frame's bytes (convenient, not for hot paths).
    public var frames: [[UInt8]] {
        indices.map { bytes(at: $0) }
    }

    /// A second message sharing the content of frame `index` (`zmq_msg_copy`; no byte copy for
    /// large frames), e.g. to send one payload to several peers.
    public mutating func copy(at index: Int) -> ZMQMessage {
        var copy = ZMQMessage()
        _ = zmq_msg_copy(&copy.storage, slot(index))
        return copy
    }

    /// Moves frame `index` out as a message, leaving an empty frame in its place.
    public mutating func take(at index: Int) -> ZMQMessage {
        let slot = slot(index)
        var message = ZMQMessage()
        zmq_msg_move(&message.storage, slot)
        return message
    }

    /// Replaces frame `index` with `message` (releasing the old content).
    public mutating func replace(at index: Int, with message: consuming ZMQMessage) {
        zmq_msg_move(slot(index), &message.storage)
    }

    /// Appends an initialised empty frame and returns its address (valid until the next growth).
    mutating func appendEmptySlot() -> UnsafeMutablePointer<zmq_msg_t> {
        if count == capacity { grow() }
        let slot = buffer + count
        slot.initialize(to: zmq_msg_t())
        zmq_msg_init(slot)
        count += 1
        return slot
    }

    /// The address of frame `index` (checked).
    @inline(__always)
    func slot(_ index: Int) -> UnsafeMutablePointer<zmq_msg_t> {
        precondition(index >= 0 && index < count, "frame index \(index) out of range 0..<\(count)")
        return buffer + index
    }

    private mutating func grow() {
        let newCapacity = capacity * 2
        let newBuffer = UnsafeMutablePointer<zmq_msg_t>.allocate(capacity: newCapacity)
        // zmq_msg_t values hold no self-references, so a bitwise move is valid (libzmq moves them too).
        newBuffer.moveInitialize(from: buffer, count: count)
        buffer.deallocate()
        buffer = newBuffer
        capacity = newCapacity
    }
}
