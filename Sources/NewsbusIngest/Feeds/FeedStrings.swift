import Foundation

/// Small string helpers for the feed and ninjs parsers, fast on the common case.
enum FeedStrings {
    /// ASCII whitespace.
    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }

    /// The text without leading and trailing whitespace (Unicode whitespace included).
    ///
    /// When both ends are ASCII and not spaces — nearly always — the text is returned as is
    /// without Foundation's (slow) scan.
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        if first < 0x80, last < 0x80, !isSpace(first), !isSpace(last) { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The text trimmed, or nil when nothing is left.
    static func nonEmpty(_ text: String) -> String? {
        let trimmed = trimmed(text)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The text with every run of whitespace made one space and the ends trimmed; returned as is
    /// (no copy) when it is ASCII and already so. Nil when the text needs the full Unicode treatment.
    static func collapsedASCII(_ text: String) -> String? {
        var previousSpace = true
        var clean = true
        for b in text.utf8 {
            if b >= 0x80 { return nil }
            if isSpace(b) {
                if previousSpace || b != 0x20 { clean = false; break }
                previousSpace = true
            } else {
                previousSpace = false
            }
        }
        if clean, !previousSpace || text.isEmpty { return text }
        return nil
    }
}
