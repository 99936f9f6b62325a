import CProtobufC
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds protobuf-c structs and C strings in an arena, for the duration of one encode.
///
/// Part of the bridge to the generated C code; only ``WireMessage`` conformances use it.
public struct CMessageBuilder {
    let arena: Arena

    /// A NUL-terminated copy of `s` in the arena, or nil for "" (proto3 default, not sent).
    @inline(__always)
    func string(_ s: String, _ field: StaticString) throws(WireError) -> UnsafeMutablePointer<CChar>? {
        if s.isEmpty { return nil }
        let copyIntoArena = { (utf8: UnsafeBufferPointer<UInt8>) -> UnsafeMutablePointer<CChar>? in
            let count = utf8.count
            if memchr(utf8.baseAddress!, 0, count) != nil { return nil }
            let out = arena.allocate(count + 1, alignment: 1)
            out.copyMemory(from: utf8.baseAddress!, byteCount: count)
            out.storeBytes(of: 0, toByteOffset: count, as: UInt8.self)
            return out.assumingMemoryBound(to: CChar.self)
        }
        // Non-mutating access first (no copy of the string value); bridged strings fall back.
        let result: UnsafeMutablePointer<CChar>?
        if let direct = s.utf8.withContiguousStorageIfAvailable(copyIntoArena) {
            result = direct
        } else {
            var s = s
            result = s.withUTF8(copyIntoArena)
        }
        guard let result else {
            throw WireError(.embeddedNUL, message: "newsbus.v1", detail: "field \(field) contains U+0000")
        }
        return result
    }

    /// A C array of strings for a repeated string field.
    func strings(_ values: [String], _ field: StaticString) throws(WireError) -> (Int, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) {
        if values.isEmpty { return (0, nil) }
        let array = pointerArray(CChar.self, count: values.count)
        for (i, v) in values.enumerated() {
            // Repeated strings must not be NULL: an empty element is an empty C string.
            array[i] = try string(v, field) ?? emptyCString()
        }
        return (values.count, array)
    }

    /// A zero-initialised C message of type `C`, set up by the generated `…__init`.
    @inline(__always)
    func message<C>(_ type: C.Type, _ initialize: (UnsafeMutablePointer<C>) -> Void) -> UnsafeMutablePointer<C> {
        let raw = arena.allocate(MemoryLayout<C>.stride, alignment: MemoryLayout<C>.alignment)
        let p = raw.bindMemory(to: C.self, capacity: 1)
        initialize(p)
        return p
    }

    /// A C array of message pointers for a repeated message field.
    func list<E, C>(
        _ values: [E], _ convert: (E) throws(WireError) -> UnsafeMutablePointer<C>
    ) throws(WireError) -> (Int, UnsafeMutablePointer<UnsafeMutablePointer<C>?>?) {
        if values.isEmpty { return (0, nil) }
        let array = pointerArray(C.self, count: values.count)
        for (i, v) in values.enumerated() { array[i] = try convert(v) }
        return (values.count, array)
    }

    /// A C array of enum values for a repeated enum field.
    func enums<E, C>(_ values: [E], _ convert: (E) -> C) -> (Int, UnsafeMutablePointer<C>?) {
        if values.isEmpty { return (0, nil) }
        let p = arena.allocate(MemoryLayout<C>.stride * values.count, alignment: MemoryLayout<C>.alignment)
            .bindMemory(to: C.self, capacity: values.count)
        for (i, v) in values.enumerated() { p[i] = convert(v) }
        return (values.count, p)
    }

    /// Bytes for a `bytes` field (copied into the arena).
    func bytes(_ values: [UInt8]) -> ProtobufCBinaryData {
        if values.isEmpty { return ProtobufCBinaryData(len: 0, data: nil) }
        let p = arena.allocate(values.count, alignment: 1)
        values.withUnsafeBytes { p.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        return ProtobufCBinaryData(len: values.count, data: p.assumingMemoryBound(to: UInt8.self))
    }

    private func pointerArray<C>(_ type: C.Type, count: Int) -> UnsafeMutablePointer<UnsafeMutablePointer<C>?> {
        arena.allocate(MemoryLayout<UnsafeMutablePointer<C>?>.stride * count, alignment: MemoryLayout<UnsafeMutablePointer<C>?>.alignment)
            .bindMemory(to: UnsafeMutablePointer<C>?.self, capacity: count)
    }

    private func emptyCString() -> UnsafeMutablePointer<CChar> {
        let p = arena.allocate(1, alignment: 1)
        p.storeBytes(of: 0, as: UInt8.self)
        return p.assumingMemoryBound(to: CChar.self)
    }
}

// MARK: - Decoding helpers

/// The Swift string for a C string field; throws on invalid UTF-8.
@inline(__always)
func decodeString(_ p: UnsafeMutablePointer<CChar>?, _ message: StaticString, _ field: StaticString) throws(WireError) -> String {
    guard let p, p.pointee != 0 else { return "" }
    let count = strlen(p)
    let buffer = UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: count)
    // String(decoding:) is the specialised fast path (String(validating:) instantiates generic
    // metadata on every call); it repairs bad UTF-8, so the bytes coming back unchanged is the
    // validation.
    let s = String(decoding: buffer, as: UTF8.self)
    var copy = s
    let unchanged = copy.withUTF8 { utf8 in utf8.count == count && memcmp(utf8.baseAddress!, buffer.baseAddress!, count) == 0 }
    guard unchanged else {
        throw WireError(.invalidUTF8, message: "\(message)", detail: "field \(field)")
    }
    return s
}

/// The Swift strings of a repeated string field.
func decodeStrings(
    _ count: Int, _ p: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ message: StaticString, _ field: StaticString
) throws(WireError) -> [String] {
    guard count > 0, let p else { return [] }
    var out: [String] = []
    out.reserveCapacity(count)
    for i in 0..<count { out.append(try decodeString(p[i], message, field)) }
    return out
}

/// The Swift values of a repeated message field.
func decodeList<C, E>(
    _ count: Int, _ p: UnsafeMutablePointer<UnsafeMutablePointer<C>?>?, _ message: StaticString,
    _ convert: (UnsafePointer<C>) throws(WireError) -> E
) throws(WireError) -> [E] {
    guard count > 0, let p else { return [] }
    var out: [E] = []
    out.reserveCapacity(count)
    for i in 0..<count {
        guard let element = p[i] else { throw WireError(.malformed, message: "\(message)", detail: "null element") }
        out.append(try convert(UnsafePointer(element)))
    }
    return out
}

/// The Swift bytes of a `bytes` field.
func decodeBytes(_ data: ProtobufCBinaryData) -> [UInt8] {
    guard data.len > 0, let p = data.data else { return [] }
    return Array(UnsafeBufferPointer(start: p, count: data.len))
}
