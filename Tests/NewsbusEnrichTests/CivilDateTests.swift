import NewsbusEnrich
import NewsbusWire
import Testing

@Suite("Civil dates")
struct CivilDateTests {
    @Test("day numbers round-trip, and known weekdays come out right")
    func dayNumbers() throws {
        let epoch = try #require(CivilDate(year: 1970, month: 1, day: 1))
        #expect(epoch.dayNumber == 0)
        #expect(epoch.weekday == 4)  // a Thursday
        let tuesday = try #require(CivilDate(year: 2022, month: 12, day: 13))
        #expect(tuesday.weekday == 2)
        #expect(tuesday.dayNumber == 19339)
        let leap = try #require(CivilDate(year: 2000, month: 2, day: 29))
        #expect(leap.weekday == 2)
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(dayNumber: n).dayNumber == n)
        }
        #expect(CivilDate(dayNumber: -1).description == "1969-12-31")
        #expect(CivilDate(dayNumber: -1).weekday == 3)
    }

    @Test("impossible dates are rejected")
    func validation() {
        #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2022, month: 13, day: 1) == nil)
        #expect(CivilDate(year: 2022, month: 4, day: 31) == nil)
        #expect(CivilDate(year: 0, month: 1, day: 1) == nil)
    }

    @Test("arithmetic: days across year ends, months clamp to the last day, ISO weeks start on Monday")
    func arithmetic() throws {
        let newYearsEve = try #require(CivilDate(year: 2022, month: 12, day: 31))
        #expect(newYearsEve.adding(days: 1).description == "2023-01-01")
        #expect(newYearsEve.adding(days: -365).description == "2021-12-31")
        let endOfJanuary = try #require(CivilDate(year: 2023, month: 1, day: 31))
        #expect(endOfJanuary.adding(months: 1).description == "2023-02-28")
        #expect(endOfJanuary.adding(months: -2).description == "2022-11-30")
        #expect(endOfJanuary.adding(months: 13).description == "2024-02-29")
        let sunday = try #require(CivilDate(year: 2022, month: 12, day: 18))
        #expect(sunday.weekday == 7)
        #expect(sunday.mondayOfWeek.description == "2022-12-12")
    }

    @Test("Easter Sunday by the Gregorian computus")
    func easter() {
        #expect(CivilDate.easterSunday(year: 2023)?.description == "2023-04-09")
        #expect(CivilDate.easterSunday(year: 2024)?.description == "2024-03-31")
        #expect(CivilDate.easterSunday(year: 2000)?.description == "2000-04-23")
        #expect(CivilDate.easterSunday(year: 2038)?.description == "2038-04-25")
        #expect(CivilDate.easterSunday(year: 2285)?.description == "2285-03-22")
    }

    @Test("the nearest year for a day and month, and ISO prefixes of RFC 3339 strings")
    func nearestAndParsing() throws {
        let anchor = try #require(CivilDate(year: 2023, month: 1, day: 2))
        #expect(anchor.nearest(month: 12, day: 30)?.description == "2022-12-30")
        #expect(anchor.nearest(month: 1, day: 20)?.description == "2023-01-20")
        #expect(anchor.nearest(month: 2, day: 29)?.description == "2024-02-29")
        #expect(CivilDate(year: 2022, month: 6, day: 1)?.nearest(month: 2, day: 29) == nil)
        #expect(CivilDate(iso: "2022-12-13T23:30:00-05:00")?.description == "2022-12-13")
        #expect(CivilDate(iso: "2022-12-13") != nil)
        #expect(CivilDate(iso: "2022-13-01T00:00:00Z") == nil)
        #expect(CivilDate(iso: "13 Dec 2022") == nil)
        #expect(CivilDate(iso: "") == nil)
    }
}
