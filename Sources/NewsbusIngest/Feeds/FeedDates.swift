import Foundation

/// Date parsing for feeds (and ninjs): RFC 822 / RFC 2822 as RSS writes it, RFC 3339 as Atom and
/// ninjs write it. Both give RFC 3339 in UTC to the second (`2024-03-05T09:15:00Z`), or nil.
enum FeedDates {
    /// An RFC 822 date as found in real feeds, in UTC.
    ///
    /// Accepts: the day name optional (and ignored, even when wrong), full or abbreviated and
    /// with a trailing dot; full or abbreviated month names in any case; day and month in either
    /// order (`5 Mar` or `Mar 5`); dashes between date parts (`05-Mar-2024`); 2-digit years
    /// (00–49 → 20xx, 50–99 → 19xx, as RFC 2822 says) and 4-digit years; the time with or
    /// without seconds, or missing (midnight); zones `GMT`, `UT`, `UTC`, `Z`, the US zones
    /// (`EST`, `EDT`, `CST`, `CDT`, `MST`, `MDT`, `PST`, `PDT`), some common others (`CET`,
    /// `CEST`, `BST`, `JST`, `KST`…), military letters (as -0000), numeric `+hhmm`, `+hh:mm`,
    /// `+hh`; no zone means UTC. A date that is not RFC 822 but RFC 3339 (a common mistake) is
    /// read as such.
    static func rfc822(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { rfc822(bytes: $0) }
    }

    private static func rfc822(bytes s: UnsafeBufferPointer<UInt8>) -> String? {
        var lo = 0
        var hi = s.count
        while lo < hi, FeedStrings.isSpace(s[lo]) { lo += 1 }
        while hi > lo, FeedStrings.isSpace(s[hi - 1]) { hi -= 1 }
        guard hi > lo else { return nil }
        // "2024-03-05T09:15:00Z" in a pubDate: RFC 3339.
        if hi - lo >= 10, isDigit(s[lo]), s[lo + 4] == dash {
            return rfc3339(String(decoding: UnsafeBufferPointer(rebasing: s[lo..<hi]), as: UTF8.self))
        }
        var day: Int?
        var month: Int?
        var year: Int?
        var clock: (h: Int, m: Int, s: Int)?
        var offset: Int?  // seconds east of UTC

        /// Reads one token; false when it cannot be part of a date.
        func token(_ start: Int, _ end: Int) -> Bool {
            var end = end
            if end - start > 1, s[end - 1] == dot { end -= 1 }
            let first = s[start]
            if first == plus || first == dash {
                guard let z = numericZone(s, start, end) else { return false }
                offset = z
                return true
            }
            var letters = 0
            var digits = 0
            var colons = false
            for k in start..<end {
                if isDigit(s[k]) {
                    digits += 1
                } else if isLetter(s[k]) {
                    letters += 1
                } else if s[k] == colon {
                    colons = true
                }
            }
            if colons {
                // "09:15", "09:15:00", optionally followed by a zone: "09:15:00Z", "09:15:00+0100".
                var k = start
                var parts: [Int] = []
                while k < end, parts.count < 3 {
                    let partStart = k
                    while k < end, isDigit(s[k]) { k += 1 }
                    guard k > partStart, let value = number(s, partStart, k) else { return false }
                    parts.append(value)
                    if k < end, s[k] == colon { k += 1 } else { break }
                }
                if k < end, s[k] == dot {  // fractional seconds
                    k += 1
                    while k < end, isDigit(s[k]) { k += 1 }
                }
                guard parts.count >= 2 else { return false }
                let (h, m, sec) = (parts[0], parts[1], parts.count == 3 ? parts[2] : 0)
                guard (0...23).contains(h), (0...59).contains(m), (0...60).contains(sec) else { return false }
                clock = (h, m, min(sec, 59))
                if k < end {
                    guard let z = zone(s, k, end) else { return false }
                    offset = z
                }
                return true
            }
            if digits == end - start {
                guard let value = number(s, start, end) else { return false }
                if digits <= 2, day == nil {
                    day = value
                } else if year == nil {
                    switch digits {
                    case 1, 2: year = value < 50 ? 2000 + value : 1900 + value
                    case 3: year = 1900 + value
                    case 4: year = value
                    default: return false
                    }
                } else {
                    return false
                }
                return true
            }
            if letters == end - start {
                if let m = prefixIndex(s, start, end, in: monthNames) {
                    guard month == nil else { return false }
                    month = m + 1
                    return true
                }
                if prefixIndex(s, start, end, in: dayNames) != nil { return true }
                if let z = namedZone(s, start, end) {
                    offset = z
                    return true
                }
                return false
            }
            // "05-Mar-2024": date parts joined by dashes.
            if letters > 0, (start..<end).contains(where: { s[$0] == dash }) {
                var k = start
                while k < end {
                    let partStart = k
                    while k < end, s[k] != dash { k += 1 }
                    if k > partStart, !token(partStart, k) { return false }
                    k += 1
                }
                return true
            }
            return false
        }

        // Tokens are separated by spaces, tabs and commas.
        var i = lo
        while i < hi {
            while i < hi, s[i] == 0x20 || s[i] == 0x09 || s[i] == comma { i += 1 }
            let start = i
            while i < hi, !(s[i] == 0x20 || s[i] == 0x09 || s[i] == comma) { i += 1 }
            if i > start, !token(start, i) { return nil }
        }
        guard let day, let month, let year else { return nil }
        let time = clock ?? (0, 0, 0)
        return format(year: year, month: month, day: day, hour: time.h, minute: time.m, second: time.s, offset: offset ?? 0)
    }

    private static let dash = UInt8(ascii: "-")
    private static let plus = UInt8(ascii: "+")
    private static let comma = UInt8(ascii: ",")
    private static let colon = UInt8(ascii: ":")
    private static let dot = UInt8(ascii: ".")

    @inline(__always)
    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    @inline(__always)
    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// ASCII digits `s[start..<end]` as a number (at most 9 digits).
    private static func number(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard end > start, end - start <= 9 else { return nil }
        var value = 0
        for k in start..<end {
            guard isDigit(s[k]) else { return nil }
            value = value * 10 + Int(s[k] - 0x30)
        }
        return value
    }

    private static let monthNames: [[UInt8]] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ].map { Array($0.utf8) }

    private static let dayNames: [[UInt8]] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map { Array($0.utf8) }

    /// The index of the name that the word (3 letters or more, any case) begins: "Mar",
    /// "March", "Sept", "Tues".
    private static func prefixIndex(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, in names: [[UInt8]]) -> Int? {
        let length = end - start
        guard length >= 3 else { return nil }
        for (index, name) in names.enumerated() where length <= name.count {
            var k = 0
            while k < length, s[start + k] | 0x20 == name[k] { k += 1 }
            if k == length { return index }
        }
        return nil
    }

    /// Named zones, in minutes east of UTC. IST is ambiguous (India, Ireland, Israel); India's
    /// is by far the most common in news feeds.
    private static let zoneNames: [(name: [UInt8], minutes: Int)] = [
        ("z", 0), ("ut", 0), ("utc", 0), ("gmt", 0), ("wet", 0), ("uct", 0),
        ("est", -300), ("edt", -240), ("cst", -360), ("cdt", -300), ("mst", -420), ("mdt", -360), ("pst", -480), ("pdt", -420),
        ("akst", -540), ("akdt", -480), ("hst", -600),
        ("bst", 60), ("cet", 60), ("west", 60), ("met", 60), ("cest", 120), ("eet", 120), ("mest", 120), ("sast", 120),
        ("eest", 180), ("msk", 180), ("ist", 330), ("hkt", 480), ("sgt", 480), ("awst", 480), ("jst", 540), ("kst", 540),
        ("aest", 600), ("aedt", 660), ("nzst", 720), ("nzdt", 780),
    ].map { (Array($0.0.utf8), $0.1) }

    /// Seconds east of UTC for a zone name; military letters other than Z read as -0000
    /// (RFC 2822: they carry no reliable information).
    private static func namedZone(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
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
    private static func numericZone(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
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
    private static func zone(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard end > start else { return nil }
        if s[start] == plus || s[start] == dash { return numericZone(s, start, end) }
        guard (start..<end).allSatisfy({ isLetter(s[$0]) }) else { return nil }
        return namedZone(s, start, end)
    }

    /// An RFC 3339 (ISO 8601 profile) timestamp, in UTC.
    ///
    /// Accepts `T`, `t` or a space between date and time; fractional seconds (dropped); `Z`,
    /// `z`, `+hh:mm`, `+hhmm`, `+hh`; a missing zone (UTC); a missing time (midnight UTC); a
    /// time without seconds.
    static func rfc3339(_ text: String) -> String? {
        let s = Array(FeedStrings.trimmed(text).utf8)
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
        if s.count == 10 { return format(year: year, month: month, day: day, hour: 0, minute: 0, second: 0, offset: 0) }
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
        if i < s.count {
            guard let z = s.withUnsafeBufferPointer({ zone($0, i, $0.count) }) else { return nil }
            offset = z
        }
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        return format(year: year, month: month, day: day, hour: hour, minute: minute, second: min(second, 59), offset: offset)
    }

    /// A date from either syntax: RFC 3339 first, then RFC 822.
    static func any(_ text: String) -> String? { rfc3339(text) ?? rfc822(text) }

    // MARK: - Calendar

    private static func daysInMonth(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    private static func daysFromCivil(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y - 1 : y
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    private static func format(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offset: Int) -> String? {
        guard (1900...9999).contains(year), (1...12).contains(month), day >= 1, day <= daysInMonth(month, year) else { return nil }
        let seconds = daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        // civil from days
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        var yearText = String(y)
        while yearText.count < 4 { yearText = "0" + yearText }
        return "\(yearText)-\(two(m))-\(two(d))T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))Z"
    }
}
