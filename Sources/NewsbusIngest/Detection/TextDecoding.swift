import Foundation

/// Turns input bytes into text, detecting the encoding instead of guessing silently.
///
/// Order: a byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) wins; then UTF-16 without a BOM
/// (recognised by its zero bytes); NUL bytes otherwise mean binary; valid UTF-8 is UTF-8; else a
/// declared charset (XML prolog, HTML `<meta charset>`, the caller's content type) is used when
/// Newsbus knows it; else text that is not UTF-8 is read as Windows-1252 (the superset of
/// ISO-8859-1 that real Latin-1 pages use), and the encoding says "(guessed)" so the choice is
/// on record. Bytes that look like binary data (many control characters) are refused.
public enum TextDecoding {
    /// Decodes `bytes`; `declaredCharset` is a charset from outside (e.g. an HTTP content type).
    public static func decode(_ bytes: [UInt8], declaredCharset: String? = nil, maxBytes: Int = Ingestor.defaultMaxBytes) throws(IngestError) -> DecodedDocument {
        guard bytes.count <= maxBytes else { throw .tooLarge(bytes: bytes.count, limit: maxBytes) }
        guard !bytes.isEmpty else { throw .empty }
        if let (encoding, bomLength) = byteOrderMark(bytes) {
            let body = Array(bytes[bomLength...])
            guard let text = decode(body, as: encoding) else { throw .unsupportedEncoding("\(encoding.name) with invalid data") }
            return try nonEmpty(DecodedDocument(text: text, bytes: bytes, encoding: encoding.name))
        }
        if let utf16 = utf16WithoutBOM(bytes), let text = decode(bytes, as: utf16) {
            return try nonEmpty(DecodedDocument(text: text, bytes: bytes, encoding: utf16.name))
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw .binary(offset: nul, line: lineNumber(bytes, at: nul))
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return try nonEmpty(DecodedDocument(text: text, bytes: bytes, encoding: "utf-8"))
        }
        let declared = declaredCharset.map(Charset.init(label:)) ?? sniffDeclaredCharset(bytes)
        if let declared, declared != .utf8 {
            guard declared != .unknown, let text = decode(bytes, as: declared) else {
                throw .unsupportedEncoding(declared.name)
            }
            return try nonEmpty(DecodedDocument(text: text, bytes: bytes, encoding: declared.name))
        }
        // Not a text at all, or UTF-8 (it has well-formed multi-byte sequences) with a broken one:
        // reading it as Windows-1252 would turn every accented letter into mojibake.
        guard looksLikeText(bytes), !hasMultibyteUTF8(bytes) else {
            let offset = firstInvalidUTF8Offset(bytes)
            throw .invalidUTF8(offset: offset, line: lineNumber(bytes, at: offset))
        }
        let text = decode(bytes, as: .windows1252)!
        return try nonEmpty(DecodedDocument(text: text, bytes: bytes, encoding: "windows-1252 (guessed: not UTF-8)"))
    }

    // MARK: Charsets

    enum Charset: Equatable {
        case utf8, utf16le, utf16be, utf32le, utf32be, windows1252, unknown

        init(label: String) {
            switch label.lowercased().trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "-") {
            case "utf-8", "utf8", "unicode-1-1-utf-8": self = .utf8
            case "utf-16le", "utf-16": self = .utf16le
            case "utf-16be": self = .utf16be
            case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252", "us-ascii", "ascii", "iso-8859-15",
                "x-cp1252":
                self = .windows1252
            default: self = .unknown
            }
        }

        var name: String {
            switch self {
            case .utf8: "utf-8"
            case .utf16le: "utf-16le"
            case .utf16be: "utf-16be"
            case .utf32le: "utf-32le"
            case .utf32be: "utf-32be"
            case .windows1252: "windows-1252"
            case .unknown: "unknown"
            }
        }
    }

    private static func byteOrderMark(_ b: [UInt8]) -> (Charset, Int)? {
        if b.count >= 4, b[0] == 0xFF, b[1] == 0xFE, b[2] == 0, b[3] == 0 { return (.utf32le, 4) }
        if b.count >= 4, b[0] == 0, b[1] == 0, b[2] == 0xFE, b[3] == 0xFF { return (.utf32be, 4) }
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { return (.utf8, 3) }
        if b.count >= 2, b[0] == 0xFF, b[1] == 0xFE { return (.utf16le, 2) }
        if b.count >= 2, b[0] == 0xFE, b[1] == 0xFF { return (.utf16be, 2) }
        return nil
    }

    /// UTF-16 text without a BOM: even length, and most odd (LE) or even (BE) bytes are zero in
    /// the first kilobyte, as they are for Latin-script text.
    private static func utf16WithoutBOM(_ b: [UInt8]) -> Charset? {
        guard b.count >= 4, b.count % 2 == 0 else { return nil }
        let sample = min(b.count, 1024)
        var zeroEven = 0
        var zeroOdd = 0
        for i in 0..<sample where b[i] == 0 {
            if i % 2 == 0 { zeroEven += 1 } else { zeroOdd += 1 }
        }
        let pairs = sample / 2
        if zeroOdd * 10 >= pairs * 7 && zeroEven * 10 <= pairs { return .utf16le }
        if zeroEven * 10 >= pairs * 7 && zeroOdd * 10 <= pairs { return .utf16be }
        return nil
    }

    static func decode(_ bytes: [UInt8], as charset: Charset) -> String? {
        switch charset {
        case .utf8: return String(validating: bytes, as: UTF8.self)
        case .utf16le, .utf16be:
            guard bytes.count % 2 == 0 else { return nil }
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            for i in stride(from: 0, to: bytes.count, by: 2) {
                units.append(charset == .utf16le ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1]))
            }
            return String(validating: units, as: UTF16.self)
        case .utf32le, .utf32be:
            guard bytes.count % 4 == 0 else { return nil }
            var scalars = String.UnicodeScalarView()
            for i in stride(from: 0, to: bytes.count, by: 4) {
                let v: UInt32 = charset == .utf32le
                    ? UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
                    : UInt32(bytes[i]) << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3])
                guard let scalar = Unicode.Scalar(v) else { return nil }
                scalars.append(scalar)
            }
            return String(scalars)
        case .windows1252:
            var scalars = String.UnicodeScalarView()
            for byte in bytes { scalars.append(windows1252[Int(byte)]) }
            return String(scalars)
        case .unknown: return nil
        }
    }

    /// Windows-1252: ISO-8859-1 with printable characters in 0x80–0x9F.
    private static let windows1252: [Unicode.Scalar] = (0...255).map { byte -> Unicode.Scalar in
        let high: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
            0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ]
        return Unicode.Scalar((0x80...0x9F).contains(byte) ? high[byte - 0x80] : UInt32(byte))!
    }

    /// `encoding="…"` in an XML prolog or `charset=…` in an HTML meta tag, in the first 2 KB.
    static func sniffDeclaredCharset(_ bytes: [UInt8]) -> Charset? {
        let head = String(decoding: bytes.prefix(2048).map { $0 < 0x80 ? $0 : 0x3F }, as: UTF8.self).lowercased()
        for marker in ["encoding=", "charset="] {
            guard let range = head.range(of: marker) else { continue }
            var value = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
            value = value.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            if !value.isEmpty { return Charset(label: String(value)) }
        }
        return nil
    }

    /// Few control characters (other than tab, LF, CR, FF): text, not binary.
    private static func looksLikeText(_ bytes: [UInt8]) -> Bool {
        var control = 0
        for byte in bytes.prefix(64 << 10) where byte < 0x20 && byte != 9 && byte != 10 && byte != 13 && byte != 12 {
            control += 1
        }
        return control * 100 <= min(bytes.count, 64 << 10)
    }

    /// Whether the bytes hold at least two well-formed UTF-8 sequences of 2–4 bytes: Latin-1
    /// text almost never does (it would need pairs like "Ã©"), UTF-8 text with accents always does.
    static func hasMultibyteUTF8(_ bytes: [UInt8]) -> Bool {
        var found = 0
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 && lead <= 0xDF ? 2 : 1
            if length > 1, index + length <= bytes.count,
                bytes[(index + 1)..<(index + length)].allSatisfy({ $0 & 0xC0 == 0x80 }),
                String(validating: bytes[index..<(index + length)], as: UTF8.self) != nil
            {
                found += 1
                if found >= 2 { return true }
                index += length
            } else {
                index += 1
            }
        }
        return false
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded): offset += encoded.count
            case .emptyInput, .error: return offset
            }
        }
    }

    static func lineNumber(_ bytes: [UInt8], at offset: Int) -> Int {
        var line = 1
        var i = 0
        while i < offset && i < bytes.count {
            if bytes[i] == 10 { line += 1 } else if bytes[i] == 13 && (i + 1 >= bytes.count || bytes[i + 1] != 10) { line += 1 }
            i += 1
        }
        return line
    }

    private static func nonEmpty(_ document: DecodedDocument) throws(IngestError) -> DecodedDocument {
        guard document.text.contains(where: { !$0.isWhitespace && $0 != "\u{FEFF}" }) else { throw .empty }
        return document
    }
}
