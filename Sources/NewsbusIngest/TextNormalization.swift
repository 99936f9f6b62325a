/// One line of normalised text and the 1-based number of the input line it comes from.
struct SourceLine: Sendable, Equatable {
    /// The normalised text; empty for a blank line.
    var text: String
    /// 1-based line number in the input.
    var number: Int
}

/// Byte-level checks and normalisation of scraped text.
///
/// Normalisation works on UTF-8 bytes, in one linear pass, so that very large inputs and very
/// long lines stay cheap. Its rules:
///
/// - line breaks: LF, CR LF, a lone CR, NEL (U+0085), LINE and PARAGRAPH SEPARATOR
///   (U+2028, U+2029) and form feed all end a line;
/// - spaces: tab, vertical tab, NO-BREAK SPACE (U+00A0) and every other Unicode space
///   (U+1680, U+2000–U+200A, U+202F, U+205F, U+3000) become an ASCII space; runs of spaces
///   collapse to one; lines are trimmed;
/// - invisible characters are dropped: other C0/C1 controls, DEL, SOFT HYPHEN (U+00AD),
///   ZERO WIDTH SPACE (U+200B), direction marks and embeddings (U+200E, U+200F,
///   U+202A–U+202E), WORD JOINER and invisible operators (U+2060–U+2064) and
///   ZERO WIDTH NO-BREAK SPACE / byte order mark (U+FEFF) wherever it stands;
/// - quotes are straightened: ‘ ’ ‚ ‛ become `'` and “ ” „ ‟ become `"`, so that text from
///   different sites compares equal and downstream matching needs one form only.
///   Other characters (dashes, ellipses, guillemets, primes) are kept.
enum TextNormalization {
    /// Byte offset of the first NUL byte, if any.
    static func firstNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            if bytes[i] == 0 { return i }
            i += 1
        }
        return nil
    }

    /// Length of a UTF-8 byte order mark at the start of `bytes` (3), or 0.
    static func byteOrderMarkLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return 3 }
        return 0
    }

    /// Byte offset where the first invalid or truncated UTF-8 sequence starts, or `nil` when
    /// `bytes` are valid UTF-8 (overlong forms, surrogates and code points above U+10FFFF are
    /// invalid).
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let need: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; high = 0x9F
            case 0xF0: need = 3; low = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; high = 0x8F
            default: return i
            }
            guard i + need < n else { return i }
            let second = bytes[i + 1]
            guard second >= low, second <= high else { return i }
            var k = 2
            while k <= need {
                guard bytes[i + k] & 0xC0 == 0x80 else { return i }
                k += 1
            }
            i += need + 1
        }
        return nil
    }

    /// 1-based line number of the byte at `offset`: LF, CR LF and a lone CR each end a line.
    static func lineNumber(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
            } else if b == 0x0D {
                line += 1
                if i + 1 < end, bytes[i + 1] == 0x0A { i += 1 }
            }
            i += 1
        }
        return line
    }

    /// Splits valid UTF-8 `bytes` into normalised lines, blank lines included.
    ///
    /// - Precondition: `bytes` are valid UTF-8 and hold no NUL byte.
    static func lines(_ bytes: UnsafeBufferPointer<UInt8>) -> [SourceLine] {
        var builder = LineBuilder()
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                switch b {
                case 0x0A, 0x0C:
                    builder.endLine()
                case 0x0D:
                    builder.endLine()
                    if i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
                case 0x09, 0x0B, 0x20:
                    builder.space()
                case 0x00..<0x20, 0x7F:
                    break  // other controls: dropped
                default:
                    builder.append(b)
                }
                i += 1
                continue
            }
            let length: Int = switch b {
            case 0xC0...0xDF: 2
            case 0xE0...0xEF: 3
            default: 4
            }
            // Bytes are valid UTF-8, so the whole sequence is present.
            let b1 = bytes[i + 1]
            switch length {
            case 2 where b == 0xC2:
                switch b1 {
                case 0xA0: builder.space()  // NO-BREAK SPACE
                case 0x85: builder.endLine()  // NEXT LINE
                case 0xAD, 0x80...0x9F: break  // SOFT HYPHEN, C1 controls
                default: builder.append(b, b1)
                }
            case 3:
                let b2 = bytes[i + 2]
                switch (b, b1, b2) {
                case (0xE2, 0x80, 0x80...0x8A), (0xE2, 0x80, 0xAF), (0xE2, 0x81, 0x9F), (0xE3, 0x80, 0x80),
                    (0xE1, 0x9A, 0x80):
                    builder.space()  // U+2000–U+200A, U+202F, U+205F, U+3000, U+1680
                case (0xE2, 0x80, 0x8B), (0xE2, 0x80, 0x8E), (0xE2, 0x80, 0x8F), (0xE2, 0x80, 0xAA...0xAE),
                    (0xE2, 0x81, 0xA0...0xA4), (0xEF, 0xBB, 0xBF):
                    break  // invisible: ZWSP, LRM, RLM, embeddings, WORD JOINER, BOM
                case (0xE2, 0x80, 0x98...0x9B):
                    builder.append(0x27)  // ‘ ’ ‚ ‛
                case (0xE2, 0x80, 0x9C...0x9F):
                    builder.append(0x22)  // “ ” „ ‟
                case (0xE2, 0x80, 0xA8), (0xE2, 0x80, 0xA9):
                    builder.endLine()  // LINE / PARAGRAPH SEPARATOR
                default:
                    builder.append(b, b1, b2)
                }
            default:
                builder.append(bytes, from: i, count: length)
            }
            i += length
        }
        return builder.finish()
    }
}

/// Accumulates normalised lines: collapses spaces, trims, records line numbers.
private struct LineBuilder {
    private(set) var lines: [SourceLine] = []
    private var buffer: [UInt8] = []
    private var pendingSpace = false
    private var number = 1

    init() {
        buffer.reserveCapacity(512)
    }

    mutating func space() {
        if !buffer.isEmpty { pendingSpace = true }
    }

    private mutating func flushSpace() {
        if pendingSpace {
            buffer.append(0x20)
            pendingSpace = false
        }
    }

    mutating func append(_ b: UInt8) {
        flushSpace()
        buffer.append(b)
    }

    mutating func append(_ b0: UInt8, _ b1: UInt8) {
        flushSpace()
        buffer.append(b0)
        buffer.append(b1)
    }

    mutating func append(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) {
        flushSpace()
        buffer.append(b0)
        buffer.append(b1)
        buffer.append(b2)
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, count: Int) {
        flushSpace()
        buffer.append(contentsOf: bytes[start..<(start + count)])
    }

    mutating func endLine() {
        lines.append(SourceLine(text: String(decoding: buffer, as: UTF8.self), number: number))
        buffer.removeAll(keepingCapacity: true)
        pendingSpace = false
        number += 1
    }

    mutating func finish() -> [SourceLine] {
        if !buffer.isEmpty { endLine() }
        return lines
    }
}

extension StringProtocol {
    /// The text without leading and trailing ASCII spaces.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " })!
        return String(self[first...last])
    }

    /// Number of space-separated words.
    var wordCount: Int {
        func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            var count = 0
            var inWord = false
            var i = 0
            while i < bytes.count {
                if bytes[i] == 0x20 {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    count += 1
                }
                i += 1
            }
            return count
        }
        if let fast = utf8.withContiguousStorageIfAvailable(count) { return fast }
        var copy = String(self)
        return copy.withUTF8(count)
    }
}
