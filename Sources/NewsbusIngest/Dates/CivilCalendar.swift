import NewsbusWire

/// A local date and time with its UTC offset written as an RFC 3339 UTC timestamp, for the date
/// readers (calendar arithmetic: ``CivilDate``).
enum CivilCalendar {
    /// `2024-03-07T00:15:00Z` for a local date and time `offsetSeconds` east of UTC; nil when a
    /// field is out of range (years 1900–9999, a day that exists in its month, hours 0–23, a
    /// leap second read as :59).
    static func utcTimestamp(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offsetSeconds: Int) -> String? {
        guard (1900...9999).contains(year), (1...12).contains(month), day >= 1, day <= CivilDate.daysInMonth(year: year, month: month),
            (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        let seconds = CivilDate.dayNumber(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offsetSeconds
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        let date = CivilDate.components(dayNumber: days)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        var yearText = String(date.year)
        while yearText.count < 4 { yearText = "0" + yearText }
        return "\(yearText)-\(two(date.month))-\(two(date.day))T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))Z"
    }
}
