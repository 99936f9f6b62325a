/// RFC 822 / RFC 2822 dates, as RSS feeds (and some pages) write them.
extension DateText {
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
        return CivilCalendar.utcTimestamp(year: year, month: month, day: day, hour: time.h, minute: time.m, second: time.s, offsetSeconds: offset ?? 0)
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
}
