import Foundation

/// RFC 3339 timestamps, as Atom, ninjs and most page metadata write them.
extension DateText {
    /// An RFC 3339 (ISO 8601 profile) timestamp, in UTC.
    ///
    /// Accepts `T`, `t` or a space between date and time; fractional seconds (dropped); `Z`,
    /// `z`, `+hh:mm`, `+hhmm`, `+hh` (with `-` or the minus sign U+2212), a zone name (`UTC`,
    /// `GMT`, `KST`…), spaces before the zone; a missing zone (UTC); a missing time (midnight
    /// UTC); a time without seconds.
    static func rfc3339(_ text: String) -> String? {
        let s = Array(FeedStrings.trimmed(text).replacingOccurrences(of: "\u{2212}", with: "-").utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= s.count else { return nil }
            var value = 0
            for b in s[range] {
                guard b >= 0x30 && b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            return value
        }
        guard s.count >= 10, s[4] == UInt8(ascii: "-"), s[7] == UInt8(ascii: "-"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10)
        else { return nil }
        if s.count == 10 { return CivilCalendar.utcTimestamp(year: year, month: month, day: day, hour: 0, minute: 0, second: 0, offsetSeconds: 0) }
        guard s.count >= 16, [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(s[10]),
            let hour = number(11..<13), s[13] == UInt8(ascii: ":"), let minute = number(14..<16)
        else { return nil }
        var i = 16
        var second = 0
        if i < s.count, s[i] == UInt8(ascii: ":") {
            guard let value = number((i + 1)..<(i + 3)) else { return nil }
            second = value
            i += 3
            if i < s.count, s[i] == UInt8(ascii: ".") || s[i] == UInt8(ascii: ",") {
                i += 1
                let start = i
                while i < s.count, s[i] >= 0x30, s[i] <= 0x39 { i += 1 }
                guard i > start else { return nil }
            }
        }
        var offset = 0
        while i < s.count, s[i] == 0x20 { i += 1 }
        if i < s.count {
            guard let z = s.withUnsafeBufferPointer({ zone($0, i, $0.count) }) else { return nil }
            offset = z
        }
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        return CivilCalendar.utcTimestamp(year: year, month: month, day: day, hour: hour, minute: minute, second: min(second, 59), offsetSeconds: offset)
    }
}
