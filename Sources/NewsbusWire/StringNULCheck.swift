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
struct StringNULCheck {
    /// Per message descriptor: field number → (is string, nested descriptor), built once.
    private struct FieldTable {
        var strings: [Bool]
        var nested: [UnsafePointer<ProtobufCMessageDescriptor>?]
        var names: [String]
    }
    private var tables: [UnsafeRawPointer: FieldTable] = [:]

    private mutating func table(for descriptor: UnsafePointer<ProtobufCMessageDescriptor>) -> FieldTable {
        if let table = tables[UnsafeRawPointer(descriptor)] { return table }
        let d = descriptor.pointee
        var maxNumber = 0
        for i in 0..<Int(d.n_fields) { maxNumber = max(maxNumber, Int(d.fields[i].id)) }
        var table = FieldTable(
            strings: Array(repeating: false, count: maxNumber + 1), nested: Array(repeating: nil, count: maxNumber + 1),
            names: Array(repeating: "", count: maxNumber + 1))
        for i in 0..<Int(d.n_fields) {
            let field = d.fields[i]
            let number = Int(field.id)
            table.names[number] = String(cString: field.name)
            if field.type == PROTOBUF_C_TYPE_STRING { table.strings[number] = true }
            if field.type == PROTOBUF_C_TYPE_MESSAGE {
                table.nested[number] = field.descriptor?.assumingMemoryBound(to: ProtobufCMessageDescriptor.self)
            }
        }
        tables[UnsafeRawPointer(descriptor)] = table
        return table
    }

    /// The name of the first string field (by descriptor) containing a NUL byte, or nil.
    mutating func firstFieldWithNUL(
        in bytes: UnsafeRawBufferPointer, descriptor: UnsafePointer<ProtobufCMessageDescriptor>, depth: Int = 0
    ) -> String? {
        guard depth < 64, let base = bytes.baseAddress else { return nil }
        let fields = table(for: descriptor)
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
                guard number < UInt64(fields.strings.count) else { continue }  // unknown field: kept as bytes
                let n = Int(number)
                if fields.strings[n] {
                    if length > 0, memchr(base + start, 0, Int(length)) != nil { return fields.names[n] }
                } else if let nested = fields.nested[n] {
                    let payload = UnsafeRawBufferPointer(start: base + start, count: Int(length))
                    if let name = firstFieldWithNUL(in: payload, descriptor: nested, depth: depth + 1) {
                        return fields.names[n] + "." + name
                    }
                }
            default:
                return nil  // groups: not in proto3; protobuf-c skipped them
            }
        }
        return nil
    }
}
