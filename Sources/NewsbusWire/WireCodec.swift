import CProtobufC
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A message with a protobuf wire form, converted through protobuf-c.
///
/// Every type in `Protocols/newsbus/v1` has one: ``Article``, ``Envelope``, ``Ready``, ``Fail``,
/// ``Nack``, ``Ack``, ``Credit``, ``Disconnect``, ``Heartbeat``, ``LogRecord``.
/// The underscored requirements are the bridge to the generated C code; use
/// ``init(wireBytes:)-(UnsafeRawBufferPointer)``, ``wireBytes()`` or a ``WireCodec`` instead.
public protocol WireMessage: Sendable, Hashable {
    /// The protobuf full name, e.g. "newsbus.v1.Article".
    static var protobufName: String { get }
    /// Unpacks bytes with the generated `…__unpack` (allocator is a `ProtobufCAllocator *` or nil).
    static func _unpack(_ allocator: UnsafeMutableRawPointer?, _ count: Int, _ bytes: UnsafePointer<UInt8>) -> UnsafeMutableRawPointer?
    /// Frees a message made by ``_unpack(_:_:_:)`` with the same allocator.
    static func _freeUnpacked(_ message: UnsafeMutableRawPointer, _ allocator: UnsafeMutableRawPointer?)
    /// Converts an unpacked C message to the Swift value.
    init(_cMessage message: UnsafeRawPointer) throws(WireError)
    /// Builds the C message in the encoder's arena and returns it.
    func _cMessage(_ encoder: CMessageBuilder) throws(WireError) -> UnsafeMutableRawPointer
}

extension WireMessage {
    /// Decodes a message from its wire bytes.
    ///
    /// Throws ``WireError`` for anything protobuf-c cannot parse and for invalid UTF-8 in strings.
    /// Unknown fields (from a newer schema) are skipped.
    public init(wireBytes bytes: UnsafeRawBufferPointer) throws(WireError) {
        let codec = WireCodec.forCurrentThread
        self = try codec.decode(Self.self, from: bytes)
    }

    /// Decodes a message from its wire bytes.
    public init(wireBytes bytes: [UInt8]) throws(WireError) {
        let result: Result<Self, WireError> = bytes.withUnsafeBytes { raw in
            Result { () throws(WireError) -> Self in try Self(wireBytes: raw) }
        }
        self = try result.get()
    }

    /// Encodes the message to its wire bytes.
    ///
    /// Throws ``WireError/Code-swift.struct/embeddedNUL`` if a string holds U+0000, which
    /// protobuf-c strings cannot carry.
    public func wireBytes() throws(WireError) -> [UInt8] {
        try WireCodec.forCurrentThread.encode(self)
    }
}

/// A reusable encoder/decoder with its own arenas: the hot-path way to use the codec.
///
/// Not thread-safe; keep one per thread (``forCurrentThread`` does that for you).
public final class WireCodec {
    private let encodeArena = Arena()
    private let decodeArena = Arena()
    private var allocator: ProtobufCAllocator
    private var nulCheck = StringNULCheck()

    /// Creates a codec with empty arenas.
    public init() {
        allocator = ProtobufCAllocator(alloc: nil, free: nil, allocator_data: nil)
        allocator = decodeArena.protobufAllocator
    }

    /// Decodes a message from bytes.
    public func decode<M: WireMessage>(_ type: M.Type, from bytes: UnsafeRawBufferPointer) throws(WireError) -> M {
        defer { decodeArena.reset() }
        guard bytes.count <= WireLimits.maximumMessageBytes else {
            throw WireError(.tooLarge, message: M.protobufName, detail: "\(bytes.count) bytes")
        }
        var zero: UInt8 = 0
        let unpacked = withUnsafeMutablePointer(to: &allocator) { alloc in
            withUnsafePointer(to: &zero) { zeroPointer in
                let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) ?? zeroPointer
                return M._unpack(UnsafeMutableRawPointer(alloc), bytes.count, base)
            }
        }
        guard let unpacked else {
            throw WireError(.malformed, message: M.protobufName, detail: "protobuf-c could not unpack \(bytes.count) bytes")
        }
        let descriptor = unpacked.assumingMemoryBound(to: ProtobufCMessage.self).pointee.descriptor!
        if let base = bytes.baseAddress, memchr(base, 0, bytes.count) != nil,  // no 0x00 byte at all: no NUL in any string
            let field = nulCheck.firstFieldWithNUL(in: bytes, descriptor: descriptor)
        {
            throw WireError(.embeddedNUL, message: M.protobufName, detail: "string field \(field) contains U+0000")
        }
        return try M(_cMessage: UnsafeRawPointer(unpacked))
    }

    /// Decodes a message from bytes.
    public func decode<M: WireMessage>(_ type: M.Type, from bytes: [UInt8]) throws(WireError) -> M {
        let result: Result<M, WireError> = bytes.withUnsafeBytes { raw in
            Result { () throws(WireError) -> M in try self.decode(M.self, from: raw) }
        }
        return try result.get()
    }

    /// Encodes a message to a new byte array.
    public func encode<M: WireMessage>(_ message: M) throws(WireError) -> [UInt8] {
        defer { encodeArena.reset() }
        let c = try message._cMessage(CMessageBuilder(arena: encodeArena))
        let base = c.assumingMemoryBound(to: ProtobufCMessage.self)
        let size = protobuf_c_message_get_packed_size(base)
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = size == 0 ? 0 : protobuf_c_message_pack(base, buffer.baseAddress!)
        }
    }

    /// Encodes a message straight into memory the caller provides, e.g. a `zmq_msg_t` of that
    /// size, avoiding an intermediate copy. `allocate` receives the exact size and returns where
    /// to write it; returns the number of bytes written.
    @discardableResult
    public func encode<M: WireMessage>(
        _ message: M, into allocate: (Int) throws -> UnsafeMutableRawPointer
    ) throws -> Int {
        defer { encodeArena.reset() }
        let c = try message._cMessage(CMessageBuilder(arena: encodeArena))
        let base = c.assumingMemoryBound(to: ProtobufCMessage.self)
        let size = protobuf_c_message_get_packed_size(base)
        let out = try allocate(size)
        guard size > 0 else { return 0 }
        return protobuf_c_message_pack(base, out.assumingMemoryBound(to: UInt8.self))
    }

    /// A codec private to the calling thread.
    public static var forCurrentThread: WireCodec {
        if let existing = threadCodec.get() { return existing }
        let codec = WireCodec()
        threadCodec.set(codec)
        return codec
    }

    private static let threadCodec = ThreadLocal<WireCodec>()
}

/// Size limits of the codec.
public enum WireLimits {
    /// Largest message the codec will decode: 64 MiB. The bus applies its own, smaller limit.
    public static let maximumMessageBytes = 64 << 20
}

/// A per-thread slot holding a reference, cleaned up when the thread exits.
final class ThreadLocal<Value: AnyObject>: @unchecked Sendable {
    private var key = pthread_key_t()

    init() {
        pthread_key_create(&key) { raw in
            #if canImport(Darwin)
            Unmanaged<AnyObject>.fromOpaque(raw).release()
            #else
            if let raw { Unmanaged<AnyObject>.fromOpaque(raw).release() }
            #endif
        }
    }

    func get() -> Value? {
        guard let raw = pthread_getspecific(key) else { return nil }
        return Unmanaged<Value>.fromOpaque(raw).takeUnretainedValue()
    }

    func set(_ value: Value) {
        if let old = pthread_getspecific(key) { Unmanaged<AnyObject>.fromOpaque(old).release() }
        pthread_setspecific(key, Unmanaged.passRetained(value).toOpaque())
    }
}
