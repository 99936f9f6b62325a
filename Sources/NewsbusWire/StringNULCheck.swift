import CProtobufC
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds string fields that hold U+0000 in wire bytes that protobuf-c has already accepted.
///
/// protobuf-c hands strings over NUL-terminated, so "before\0after" from another implementation
/// would silently arrive as "before". This walk over the tags (strings are checked with `memchr`,
/// nested messages recursively, everything else skipped) rejects such input instead. It runs only
/// on bytes protobuf-c parsed successfully, and stops quietly at anything it does not expect.
enum StringNULCheck {
    /// The name of the first string field (by descriptor) containing a NUL byte, or nil.
    static func firstFieldWithNUL(
        in bytes: UnsafeRawBufferPointer, descriptor: UnsafePointer<ProtobufCMessageDescriptor>, depth: Int = 0
    ) -> String? {
        guard depth < 64, let base = bytes.baseAddress else { return nil }
        var offset = 0
        let end = bytes.count
        @inline(__always) func varint() -> UInt64? {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while offset < end && shift < 64 {
                let byte = base.load(fromByteOffset: offset, as: UInt8.self)
                offset += 1
                result |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return result }
                shift += 7
            }
            return nil
        }
        while offset < end {
            guard let tag = varint() else { return nil }
            let number = tag >> 3
            switch tag & 7 {
            case 0: guard varint() != nil else { return nil }
            case 1: offset += 8
            case 5: offset += 4
            case 2:
                guard let length = varint(), length <= UInt64(end - offset) else { return nil }
                let start = offset
                offset += Int(length)
                guard number <= UInt64(UInt32.max), let field = protobuf_c_message_descriptor_get_field(descriptor, UInt32(number)) else {
                    continue  // unknown field: protobuf-c keeps it as bytes
                }
                let payload = UnsafeRawBufferPointer(start: base + start, count: Int(length))
                switch field.pointee.type {
                case PROTOBUF_C_TYPE_STRING:
                    if length > 0, memchr(base + start, 0, Int(length)) != nil {
                        return String(cString: field.pointee.name)
                    }
                case PROTOBUF_C_TYPE_MESSAGE:
                    if let nested = field.pointee.descriptor?.assumingMemoryBound(to: ProtobufCMessageDescriptor.self),
                        let name = firstFieldWithNUL(in: payload, descriptor: nested, depth: depth + 1)
                    {
                        return String(cString: field.pointee.name) + "." + name
                    }
                default:
                    break
                }
            default:
                return nil  // groups: not in proto3; protobuf-c skipped them
            }
        }
        return nil
    }
}
