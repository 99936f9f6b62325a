import NewsbusWire
/// Finds full calendar dates (day, month and year) in English text.
///
/// Recognised forms, case-insensitive, with any spacing: `December 13, 2022`,
/// `Dec. 13, 2022`, `Sept 5 2023`, `13 December 2022`, `13th of December, 2022`,
/// `2022-12-13`, `2022.12.13` and `2022/12/13`. Years run from 1900 to 2100 and the day must
/// exist in that month (so `February 30, 2024` is not a date). Partial dates (`March 5`,
/// `March 2024`) are not full dates.
enum DateDetection {
    private static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
        "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    private static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th"]

    private enum Token: Equatable {
        case word(String)
        case number(value: Int, digits: Int)
        case mark(Unicode.Scalar)
    }

    /// The first full date in `text`, as ISO 8601 `yyyy-MM-dd`.
    static func firstISODate(in text: String) -> String? {
        let tokens = tokenize(text)
        var i = 0
        while i < tokens.count {
            if let date = monthFirst(tokens, i) ?? dayFirst(tokens, i) ?? numeric(tokens, i) {
                return date
            }
            i += 1
        }
        return nil
    }

    private static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var word = String.UnicodeScalarView()
        var value = 0
        var digits = 0
        func flush() {
            if !word.isEmpty {
                tokens.append(.word(String(word).lowercased()))
                word = String.UnicodeScalarView()
            }
            if digits > 0 {
                tokens.append(.number(value: digits > 9 ? -1 : value, digits: digits))
                value = 0
                digits = 0
            }
        }
        for s in text.unicodeScalars {
            if s.value >= 0x30, s.value <= 0x39 {
                if !word.isEmpty { flush() }
                if digits < 10 { value = value * 10 + Int(s.value - 0x30) }
                digits += 1
            } else if s.properties.isAlphabetic {
                if digits > 0 { flush() }
                word.append(s)
            } else {
                flush()
                if s != " " { tokens.append(.mark(s)) }
            }
        }
        flush()
        return tokens
    }

    /// `December 13, 2022`, `Dec. 13th 2022`.
    private static func monthFirst(_ t: [Token], _ i: Int) -> String? {
        guard case .word(let w) = t[i], let month = months[w] else { return nil }
        var j = i + 1
        if j < t.count, t[j] == .mark(".") { j += 1 }
        guard j < t.count, case .number(let day, let dayDigits) = t[j], (1...2).contains(dayDigits) else { return nil }
        j += 1
        if j < t.count, case .word(let s) = t[j], ordinalSuffixes.contains(s) { j += 1 }
        if j < t.count, t[j] == .mark(",") { j += 1 }
        guard j < t.count, case .number(let year, 4) = t[j] else { return nil }
        return iso(year: year, month: month, day: day)
    }

    /// `13 December 2022`, `13th of Dec. 2022`.
    private static func dayFirst(_ t: [Token], _ i: Int) -> String? {
        guard case .number(let day, let dayDigits) = t[i], (1...2).contains(dayDigits) else { return nil }
        var j = i + 1
        if j < t.count, case .word(let s) = t[j], ordinalSuffixes.contains(s) { j += 1 }
        if j < t.count, t[j] == .word("of") { j += 1 }
        guard j < t.count, case .word(let w) = t[j], let month = months[w] else { return nil }
        j += 1
        if j < t.count, t[j] == .mark(".") { j += 1 }
        if j < t.count, t[j] == .mark(",") { j += 1 }
        guard j < t.count, case .number(let year, 4) = t[j] else { return nil }
        return iso(year: year, month: month, day: day)
    }

    /// `2022-12-13`, `2022.12.13`, `2022/12/13`.
    private static func numeric(_ t: [Token], _ i: Int) -> String? {
        guard i + 4 < t.count, case .number(let year, 4) = t[i], case .mark(let sep) = t[i + 1],
            "-./".unicodeScalars.contains(sep), case .number(let month, let md) = t[i + 2], (1...2).contains(md),
            t[i + 3] == .mark(sep), case .number(let day, let dd) = t[i + 4], (1...2).contains(dd)
        else { return nil }
        return iso(year: year, month: month, day: day)
    }

    private static func iso(year: Int, month: Int, day: Int) -> String? {
        guard (1900...2100).contains(year), (1...12).contains(month), day >= 1,
            day <= CivilDate.daysInMonth(year: year, month: month)
        else { return nil }
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}
