@testable import NewsbusIngest
import NewsbusWire
import Testing

/// The one date module: page dates (HTML metadata, datelines) and the calendar under every reader.
@Suite("Date text")
struct DateTextTests {
    @Test("page dates: RFC 3339 variants, RFC 822, a label word, a calendar date in text", arguments: [
        ("2024-03-07T09:15:00.123+09:00", "2024-03-07T00:15:00Z"),
        ("2024-03-07 09:15:00 UTC", "2024-03-07T09:15:00Z"),
        ("2024-03-07T09:15 +09:00", "2024-03-07T00:15:00Z"),
        ("2024-03-07T09:15:00\u{2212}05:00", "2024-03-07T14:15:00Z"),
        ("Thu, 07 Mar 2024 09:15:00 +0900", "2024-03-07T00:15:00Z"),
        ("Published 7 March 2024, 09:15 KST", "2024-03-07T00:15:00Z"),
        ("Updated on March 7, 2024", "2024-03-07T00:00:00Z"),
        ("  2024.03.07  ", "2024-03-07T00:00:00Z"),
    ])
    func pageDates(_ text: String, _ expected: String) {
        #expect(DateText.pageDate(text) == expected)
    }

    @Test("not page dates", arguments: ["", "yesterday", "Published yesterday", "March 2024", String(repeating: "x", count: 200) + " March 7, 2024"])
    func notPageDates(_ text: String) {
        #expect(DateText.pageDate(text) == nil)
    }

    @Test("day numbers and dates convert both ways across leap years and eras")
    func calendarRoundTrip() {
        #expect(CivilDate.dayNumber(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilDate.dayNumber(year: 2000, month: 3, day: 1) == 11_017)
        for days in stride(from: -30_000, through: 60_000, by: 7) {
            let date = CivilDate.components(dayNumber: days)
            #expect(CivilDate.dayNumber(year: date.year, month: date.month, day: date.day) == days)
        }
        #expect(CivilDate.daysInMonth(year: 2024, month: 2) == 29)
        #expect(CivilDate.daysInMonth(year: 1900, month: 2) == 28)
        #expect(CivilDate.daysInMonth(year: 2000, month: 2) == 29)
        #expect(CivilCalendar.utcTimestamp(year: 2024, month: 1, day: 1, hour: 0, minute: 30, second: 0, offsetSeconds: 3600) == "2023-12-31T23:30:00Z")
        #expect(CivilCalendar.utcTimestamp(year: 2023, month: 2, day: 29, hour: 0, minute: 0, second: 0, offsetSeconds: 0) == nil)
        #expect(CivilCalendar.utcTimestamp(year: 2024, month: 3, day: 7, hour: 24, minute: 0, second: 0, offsetSeconds: 0) == nil)
    }
}
