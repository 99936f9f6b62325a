/// Byte-level pieces shared by the RFC 822 and RFC 3339 readers: characters, numbers and zone offsets.
extension DateText {
    static let dash = UInt8(ascii: "-")
    static let plus = UInt8(ascii: "+")
    static let comma = UInt8(ascii: ",")
    static let colon = UInt8(ascii: ":")
    static let dot = UInt8(ascii: ".")

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    @inline(__always)
    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// ASCII digits `s[start..<end]` as a number (at most 9 digits).
    static func number(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard end > start, end - start <= 9 else { return nil }
        var value = 0
        for k in start..<end {
            guard isDigit(s[k]) else { return nil }
            value = value * 10 + Int(s[k] - 0x30)
        }
        return value
    }

    /// is by far the most common in news feeds.
    static let zoneNames: [(name: [UInt8], minutes: Int)] = [
        ("z", 0), ("ut", 0), ("utc", 0), ("gmt", 0), ("wet", 0), ("uct", 0),
        ("est", -300), ("edt", -240), ("cst", -360), ("cdt", -300), ("mst", -420), ("mdt", -360), ("pst", -480), ("pdt", -420),
        ("akst", -540), ("akdt", -480), ("hst", -600),
        ("bst", 60), ("cet", 60), ("west", 60), ("met", 60), ("cest", 120), ("eet", 120), ("mest", 120), ("sast", 120),
        ("eest", 180), ("msk", 180), ("ist", 330), ("hkt", 480), ("sgt", 480), ("awst", 480), ("jst", 540), ("kst", 540),
        ("aest", 600), ("aedt", 660), ("nzst", 720), ("nzdt", 780),
    ].map { (Array($0.0.utf8), $0.1) }

    /// Seconds east of UTC for a zone name; military letters other than Z read as -0000
    /// (RFC 2822: they carry no reliable information).
    static func namedZone(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        let length = end - start
        for zone in zoneNames where zone.name.count == length {
            var k = 0
            while k < length, s[start + k] | 0x20 == zone.name[k] { k += 1 }
            if k == length { return zone.minutes * 60 }
        }
        if length == 1, isLetter(s[start]), s[start] | 0x20 != UInt8(ascii: "j") { return 0 }
        return nil
    }

    /// Seconds east of UTC for `+hhmm`, `+hh:mm`, `+hh` (or `-`).
    static func numericZone(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard end > start, s[start] == plus || s[start] == dash else { return nil }
        var digits: [Int] = []
        for k in (start + 1)..<end where s[k] != colon {
            guard isDigit(s[k]), digits.count < 4 else { return nil }
            digits.append(Int(s[k] - 0x30))
        }
        guard digits.count == 2 || digits.count == 4 else { return nil }
        let hours = digits[0] * 10 + digits[1]
        let minutes = digits.count == 4 ? digits[2] * 10 + digits[3] : 0
        guard hours <= 23, minutes <= 59 else { return nil }
        return (s[start] == dash ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    /// A numeric zone or a zone name.
    static func zone(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard end > start else { return nil }
        if s[start] == plus || s[start] == dash { return numericZone(s, start, end) }
        guard (start..<end).allSatisfy({ isLetter(s[$0]) }) else { return nil }
        return namedZone(s, start, end)
    }

    /// An RFC 3339 (ISO 8601 profile) timestamp, in UTC.
    ///
    /// Accepts `T`, `t` or a space between date and time; fractional seconds (dropped); `Z`,
    /// `z`, `+hh:mm`, `+hhmm`, `+hh`; a missing zone (UTC); a missing time (midnight UTC); a
}
