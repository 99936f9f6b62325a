import Foundation
import NewsbusWire

/// Hand-made protobuf wire bytes, independent of the codec under test.
enum Proto {
    enum WireType: UInt8 {
        case varint = 0, fixed64 = 1, lengthDelimited = 2, startGroup = 3, endGroup = 4, fixed32 = 5
    }

    static func varint(_ value: UInt64) -> [UInt8] {
        var v = value
        var out: [UInt8] = []
        while v >= 0x80 {
            out.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
        return out
    }

    static func tag(_ field: UInt64, _ wireType: UInt8) -> [UInt8] {
        varint(field << 3 | UInt64(wireType))
    }

    static func tag(_ field: UInt64, _ wireType: WireType) -> [UInt8] {
        tag(field, wireType.rawValue)
    }

    static func varintField(_ field: UInt64, _ value: UInt64) -> [UInt8] {
        tag(field, .varint) + varint(value)
    }

    static func bytesField(_ field: UInt64, _ payload: [UInt8]) -> [UInt8] {
        tag(field, .lengthDelimited) + varint(UInt64(payload.count)) + payload
    }

    static func stringField(_ field: UInt64, _ value: String) -> [UInt8] {
        bytesField(field, Array(value.utf8))
    }

    static func fixed32Field(_ field: UInt64, _ value: UInt32) -> [UInt8] {
        tag(field, .fixed32) + withUnsafeBytes(of: value.littleEndian, Array.init)
    }

    static func fixed64Field(_ field: UInt64, _ value: UInt64) -> [UInt8] {
        tag(field, .fixed64) + withUnsafeBytes(of: value.littleEndian, Array.init)
    }

    /// One top-level field of an encoded message.
    struct Field {
        var number: UInt64
        var wireType: UInt8
        /// Where the field starts (its tag) and ends in the message.
        var range: Range<Int>
        /// The payload of a length-delimited field.
        var payload: [UInt8]
    }

    /// Splits well-formed bytes into their top-level fields (nil if they are not well-formed).
    static func fields(_ bytes: [UInt8]) -> [Field]? {
        var out: [Field] = []
        var i = 0
        func readVarint() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while i < bytes.count, shift < 64 {
                let b = bytes[i]
                i += 1
                value |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return value }
                shift += 7
            }
            return nil
        }
        while i < bytes.count {
            let start = i
            guard let key = readVarint() else { return nil }
            let wireType = UInt8(key & 7)
            var payload: [UInt8] = []
            switch wireType {
            case 0: guard readVarint() != nil else { return nil }
            case 1: i += 8
            case 5: i += 4
            case 2:
                guard let n = readVarint(), n <= UInt64(bytes.count - i) else { return nil }
                payload = Array(bytes[i..<(i + Int(n))])
                i += Int(n)
            default: return nil
            }
            guard i <= bytes.count else { return nil }
            out.append(Field(number: key >> 3, wireType: wireType, range: start..<i, payload: payload))
        }
        return out
    }
}

/// Random-case counts for the corpus tests: `NEWSBUS_CORPUS_SCALE=small` (used by
/// scripts/check-memory.sh under valgrind) shrinks them.
enum CorpusScale {
    static let isSmall = ProcessInfo.processInfo.environment["NEWSBUS_CORPUS_SCALE"] == "small"

    static func count(_ full: Int, small: Int) -> Int { isSmall ? small : full }
}

/// Decodes without caring whether it works: the outcome of one corpus case.
enum DecodeOutcome: Equatable {
    case decoded
    case failed(WireError.Code)
}

func outcome<M: WireMessage>(_ type: M.Type, _ bytes: [UInt8], codec: WireCodec? = nil) -> (DecodeOutcome, M?) {
    do throws(WireError) {
        let value: M
        if let codec {
            value = try codec.decode(M.self, from: bytes)
        } else {
            value = try M(wireBytes: bytes)
        }
        return (.decoded, value)
    } catch {
        return (.failed(error.code), nil)
    }
}
