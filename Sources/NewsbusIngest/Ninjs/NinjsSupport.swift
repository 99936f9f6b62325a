import Foundation

/// Positions in ninjs JSON text: of a syntax error, and of each top-level item.
///
/// Lines are 1-based and end at LF, CR LF or a lone CR; columns are 1-based and counted in
/// Unicode scalars.
enum NinjsPositions {
    static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }

    /// The `.malformed` error for a JSONSerialization failure, positioned where it says
    /// ("around character N", a UTF-8 byte offset; "line L, column C"; end of input).
    static func syntaxError(_ error: any Error, in data: Data) -> IngestError {
        let description = ((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String) ?? "\(error)"
        let reason = description.hasSuffix(".") ? String(description.dropLast()) : description
        let bytes = [UInt8](data)
        if let range = description.range(of: "line "), let line = Int(description[range.upperBound...].prefix { $0.isNumber }),
            let columnRange = description.range(of: "column "), let column = Int(description[columnRange.upperBound...].prefix { $0.isNumber })
        {
            return .malformed(format: "ninjs", line: line, column: column, reason: reason)
        }
        if let range = description.range(of: "character "), let offset = Int(description[range.upperBound...].prefix { $0.isNumber }) {
            let position = lineAndColumn(ofByte: min(offset, bytes.count), in: bytes)
            return .malformed(format: "ninjs", line: position.line, column: position.column, reason: reason)
        }
        if description.lowercased().contains("end of") {
            let position = lineAndColumn(ofByte: bytes.count, in: bytes)
            return .malformed(format: "ninjs", line: position.line, column: position.column, reason: reason)
        }
        return .malformed(format: "ninjs", line: 0, column: 0, reason: reason)
    }

    /// Line and column of a byte offset.
    static func lineAndColumn(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var i = 0
        while i < offset, i < bytes.count {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b == 0x0D {
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A, i + 1 < offset { i += 1 }
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }

    /// Where each element of the top-level array starts (or the single object, when not an
    /// array), as line and column. Only called for well-formed JSON.
    static func elementStarts(in data: Data, isArray: Bool) -> [(line: Int, column: Int)] {
        let bytes = [UInt8](data)
        var offsets: [Int] = []
        var i = 0
        while i < bytes.count, isWhitespace(bytes[i]) { i += 1 }
        if !isArray { return [lineAndColumn(ofByte: i, in: bytes)] }
        i += 1  // the "["
        var depth = 0
        var expectingElement = true
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                if depth == 0, expectingElement {
                    offsets.append(i)
                    expectingElement = false
                }
                i += 1
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                    if bytes[i] == UInt8(ascii: "\\") { i += 1 }
                    i += 1
                }
            } else if isWhitespace(b) {
            } else if b == UInt8(ascii: ",") {
                if depth == 0 { expectingElement = true }
            } else if b == UInt8(ascii: "{") || b == UInt8(ascii: "[") {
                if depth == 0, expectingElement {
                    offsets.append(i)
                    expectingElement = false
                }
                depth += 1
            } else if b == UInt8(ascii: "}") || b == UInt8(ascii: "]") {
                if depth == 0 { break }
                depth -= 1
            } else if depth == 0, expectingElement {
                offsets.append(i)
                expectingElement = false
            }
            i += 1
        }
        // One pass converts every offset (they are increasing).
        var result: [(line: Int, column: Int)] = []
        result.reserveCapacity(offsets.count)
        var line = 1
        var column = 1
        var k = 0
        for target in offsets {
            while k < target {
                let b = bytes[k]
                if b == 0x0A || (b == 0x0D && !(k + 1 < bytes.count && bytes[k + 1] == 0x0A)) {
                    line += 1
                    column = 1
                } else if b != 0x0D, b & 0xC0 != 0x80 {
                    column += 1
                }
                k += 1
            }
            result.append((line, column))
        }
        return result
    }
}

/// Lenient readers of JSONSerialization values.
enum NinjsValue {
    /// A JSON kind for messages: "an object", "an array", "a string", "a number", "a boolean", "null".
    static func kind(of value: Any) -> String {
        if value is [String: Any] { return "an object" }
        if value is [Any] { return "an array" }
        if value is String { return "a string" }
        if value is NSNull { return "null" }
        if isBool(value) { return "a boolean" }
        if value is NSNumber { return "a number" }
        return "a value of an unknown kind"
    }

    /// Whether the value is a JSON `true` / `false`.
    /// (On Linux every NSNumber answers `is Bool`, so the number's type code decides.)
    static func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    /// A string; a number becomes its decimal text; anything else is nil.
    static func string(_ value: Any?) -> String? {
        guard let value, !(value is NSNull) else { return nil }
        if let s = value as? String { return s }
        if isBool(value) { return nil }
        if let number = value as? NSNumber {
            if let i = value as? Int { return String(i) }
            let d = number.doubleValue
            if d.isFinite, d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
            return "\(d)"
        }
        return nil
    }

    /// A string, trimmed; nil when missing or empty.
    static func text(_ value: Any?) -> String? {
        guard let s = string(value).map(FeedStrings.trimmed), !s.isEmpty else { return nil }
        return s
    }

    /// A whole number, from a JSON number or a numeric string; nil otherwise.
    static func integer(_ value: Any?) -> Int? {
        guard let value, !(value is NSNull), !isBool(value) else { return nil }
        if let s = value as? String { return Int(FeedStrings.trimmed(s)) }
        if let i = value as? Int { return i }
        if let d = value as? Double, d.isFinite, d == d.rounded(), abs(d) < 1e15 { return Int(d) }
        return nil
    }

    /// The objects of an array (other elements skipped); a single object is an array of one.
    static func objects(_ value: Any?) -> [[String: Any]] {
        if let array = value as? [Any] { return array.compactMap { $0 as? [String: Any] } }
        if let object = value as? [String: Any] { return [object] }
        return []
    }

    /// A date-time: RFC 3339 normalised to UTC to the second, another text kept as given.
    static func dateTime(_ value: Any?) -> String {
        guard let s = text(value) else { return "" }
        return DateText.rfc3339(s) ?? s
    }
}
