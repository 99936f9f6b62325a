/// Turns the date strings found in HTML pages into RFC 3339 UTC timestamps (`2024-03-07T00:15:00Z`).
///
/// Accepted forms:
/// - ISO 8601 / RFC 3339: `2024-03-07`, `2024-03-07T09:15`, `2024-03-07T09:15:00.123+09:00`,
///   `2024-03-07 09:15:00Z` (not the basic format `20240307T091500`, rare on pages);
///   offsets `Z`, `±hh:mm`, `±hhmm`, `±hh`, or a trailing `UTC`/`GMT`; no offset means UTC;
/// - RFC 822 / 1123: `Thu, 07 Mar 2024 09:15:00 +0900`, `7 Mar 2024 09:15 GMT`;
/// - an English calendar date anywhere in the text (`March 7, 2024`), read as midnight UTC.
///
/// Fractions of a second are dropped; impossible dates and times give `nil`.
enum HTMLDates {
    /// The RFC 3339 UTC form of `text`, or `nil`.
    static func rfc3339(_ text: String) -> String? {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty, trimmed.utf8.count <= 200 else { return nil }
        if let iso = iso8601(Array(trimmed.unicodeScalars)) { return iso }
        if let rfc = rfc822(trimmed) { return rfc }
        if let day = DateDetection.firstISODate(in: trimmed) { return day + "T00:00:00Z" }
        return nil
    }

    // MARK: ISO 8601

    private static func iso8601(_ s: [Unicode.Scalar]) -> String? {
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= s.count else { return nil }
            var value = 0
            for k in i..<(i + digits) {
                guard let d = digit(s[k]) else { return nil }
                value = value * 10 + d
            }
            i += digits
            return value
        }
        func accept(_ c: Unicode.Scalar) -> Bool {
            if i < s.count, s[i] == c {
                i += 1
                return true
            }
            return false
        }
        guard let year = number(4), accept("-"), let month = number(2), accept("-"), let day = number(2) else {
            return nil
        }
        var hour = 0
        var minute = 0
        var second = 0
        var offsetMinutes = 0
        if i < s.count, s[i] == "T" || s[i] == "t" || s[i] == " " {
            let save = i
            i += 1
            if let h = number(2), accept(":"), let m = number(2) {
                hour = h
                minute = m
                if accept(":") {
                    guard let sec = number(2) else { return nil }
                    second = sec
                    if accept(".") || accept(",") {
                        while i < s.count, digit(s[i]) != nil { i += 1 }
                    }
                }
                while i < s.count, s[i] == " " { i += 1 }
                if accept("Z") || accept("z") {
                    // UTC
                } else if i < s.count, s[i] == "+" || s[i] == "-" || s[i] == "\u{2212}" {
                    let sign = s[i] == "+" ? 1 : -1
                    i += 1
                    guard let oh = number(2) else { return nil }
                    var om = 0
                    if accept(":") {
                        guard let m = number(2) else { return nil }
                        om = m
                    } else if let m = number(2) {
                        om = m
                    }
                    guard oh <= 14, om < 60 else { return nil }
                    offsetMinutes = sign * (oh * 60 + om)
                } else {
                    let rest = String(String.UnicodeScalarView(s[i...])).trimmingSpaces().uppercased()
                    guard rest.isEmpty || rest == "UTC" || rest == "GMT" else { return nil }
                    i = s.count
                }
            } else {
                i = save
            }
        }
        guard i == s.count || String(String.UnicodeScalarView(s[i...])).trimmingSpaces().isEmpty else { return nil }
        return utc(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offsetMinutes: offsetMinutes)
    }

    // MARK: RFC 822

    private static let monthNames: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    ]
    private static let zones: [String: Int] = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420,
        "MDT": -360, "PST": -480, "PDT": -420, "KST": 540, "JST": 540,
    ]

    private static func rfc822(_ text: String) -> String? {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        if let first = words.first, first.count >= 3, first.allSatisfy(\.isLetter), monthNames[String(first.prefix(3)).lowercased()] == nil {
            words.removeFirst()  // weekday
        }
        guard words.count >= 4, let day = Int(words[0]), let month = monthNames[String(words[1].prefix(3)).lowercased()],
            let year = Int(words[2]), words[2].count == 4
        else { return nil }
        let time = words[3].split(separator: ":").map { Int($0) }
        guard time.count >= 2, time.allSatisfy({ $0 != nil }) else { return nil }
        var offset = 0
        if words.count >= 5 {
            let zone = words[4]
            if let known = zones[zone.uppercased()] {
                offset = known
            } else if zone.count == 5, let sign = zone.first, sign == "+" || sign == "-", let value = Int(zone.dropFirst()) {
                offset = (sign == "+" ? 1 : -1) * ((value / 100) * 60 + value % 100)
            } else {
                return nil
            }
        }
        return utc(
            year: year, month: month, day: day, hour: time[0]!, minute: time[1]!, second: time.count > 2 ? time[2]! : 0,
            offsetMinutes: offset)
    }

    // MARK: Arithmetic

    private static func digit(_ s: Unicode.Scalar) -> Int? {
        s.value >= 0x30 && s.value <= 0x39 ? Int(s.value - 0x30) : nil
    }

    /// Formats a local time with a UTC offset as UTC, after checking every field.
    static func utc(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offsetMinutes: Int) -> String? {
        guard (1900...2200).contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            (0...24).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        var total = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offsetMinutes * 60
        let dayNumber = Int((Double(total) / 86_400).rounded(.down))
        total -= dayNumber * 86_400
        let (y, m, d) = civilFromDays(dayNumber)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))T\(two(total / 3600)):\(two(total / 60 % 60)):\(two(total % 60))Z"
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
