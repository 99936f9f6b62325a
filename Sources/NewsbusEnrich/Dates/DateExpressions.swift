import NewsbusWire
/// Finds English date expressions in tokenised text and resolves them against an anchor date.
///
/// Absolute: `December 13, 2022`, `Dec. 13, 2022`, `13 December 2022`, `the 13th of December`,
/// `December 2022`, `in 2021` (a year needs a preposition before it), `2022-12-13`, and
/// `13/12/2022` only when one of the first two numbers is above 12 (so it cannot be read both ways).
/// A day and month without a year (`December 13`) take the year that puts them nearest the anchor.
///
/// Relative (need an anchor): weekdays (`on Tuesday`, `last Friday`, `next Monday`), `yesterday`,
/// `today`, `tonight`, `tomorrow`, `this morning`, `last/this/next week|month|year` (also with
/// `earlier`, `later`, `early`, `late`, `the end of`...), `N days/weeks/months/years ago`, and a
/// bare month after a preposition (`in January`, `since March`, `last May`).
///
/// Rules:
/// - A bare weekday is the most recent such day on or before the anchor (past-tense reporting),
///   unless the sentence speaks of the future (`will`, `next`, `scheduled`, `due`, `upcoming`):
///   then the first such day after the anchor. `last Tuesday` is strictly before, `next Tuesday`
///   strictly after, `this Tuesday` within the anchor's week.
/// - A week is given as the day of its Monday (ISO weeks): `last week` on 2022-12-13 is 2022-12-05.
/// - A bare month takes the anchor's year; `last`/`since` pick the most recent one on or before
///   the anchor's month, `next` the first after it.
/// - Month names must be capitalised and abbreviations (`Mar.`) must be followed by a day, so
///   "may" and "march" the verbs are not dates; numbers glued to a hyphen (`Hwasong-17`) are not days.
struct DateExpressions {
    /// One expression found.
    struct Match: Sendable, Hashable {
        /// First token.
        var first: Int
        /// Last token (inclusive).
        var last: Int
        /// The resolved date.
        var value: PartialDate
        /// Whether the anchor was needed to resolve it.
        var relative: Bool
    }

    let text: TextTokens
    let anchor: CivilDate?
    private let tokens: [TextTokens.Token]

    /// Expressions in `text`, resolved against `anchor` when there is one.
    init(text: TextTokens, anchor: CivilDate?) {
        self.text = text
        self.anchor = anchor
        self.tokens = text.tokens
    }

    /// All expressions, left to right, not overlapping.
    func matches() -> [Match] {
        var found: [Match] = []
        var i = 0
        let n = tokens.count
        while i < n {
            if let match = match(at: i) {
                found.append(match)
                i = match.last + 1
            } else {
                i += 1
            }
        }
        return found
    }

    /// Absolute dates with a year only (for reading a caption's date without an anchor).
    func fullDates() -> [CivilDate] {
        matches().compactMap { $0.relative || $0.value.precision != .day ? nil : $0.value.date }
    }

    // MARK: Vocabulary

    static let monthNames: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    ]
    static let monthAbbreviations: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
        "oct": 10, "nov": 11, "dec": 12,
    ]
    static let weekdays: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    ]
    static let smallNumbers: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": -1, "few": -1,
    ]
    /// Words that make a following year or bare month a date ("in 2021", "since March").
    static let datePrepositions: Set<String> = [
        "in", "since", "by", "until", "till", "from", "through", "during", "before", "after", "early", "late",
        "mid", "of", "last", "next", "this", "between", "around", "throughout",
    ]
    static let futureCues: Set<String> = [
        "will", "shall", "would", "next", "scheduled", "due", "upcoming", "planned", "plans", "expected", "coming",
        "likely", "until", "before", "starting", "ahead",
    ]
    /// Past-tense verbs that tie a following weekday to the past ("said on Thursday").
    static let pastVerbs: Set<String> = [
        "said", "told", "met", "began", "was", "were", "had", "did", "held", "won", "lost", "put", "set", "hit", "cut",
        "made", "took", "gave", "came", "went", "saw", "fell", "rose", "sank", "left", "brought", "bought", "built",
        "kept", "led", "paid", "sent", "spent", "struck", "ran", "shut", "wrote", "became", "found", "got", "broke",
    ]
    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th"]
    /// Every word that can start an expression; other words are skipped with one lookup.
    static let vocabulary: Set<String> = Set(monthNames.keys).union(monthAbbreviations.keys).union(weekdays.keys)
        .union(smallNumbers.keys).union(datePrepositions).union([
            "the", "on", "previous", "yesterday", "today", "tonight", "tomorrow", "earlier", "later", "and", "or", "to",
            "easter", "christmas",
        ])

    // The word lists above as ``WordSet``s and ``WordTable``s, for the lookups made on most words.
    private static let vocabularyWords = WordSet(vocabulary)
    private static let monthNameTable = WordTable(monthNames)
    private static let monthAbbreviationTable = WordTable(monthAbbreviations)
    private static let weekdayTable = WordTable(weekdays)
    private static let smallNumberTable = WordTable(smallNumbers)
    private static let datePrepositionWords = WordSet(datePrepositions)
    private static let pastVerbWords = WordSet(pastVerbs)

    // MARK: Matching

    private func word(_ i: Int) -> String? {
        i >= 0 && i < tokens.count && tokens[i].kind == .word ? tokens[i].lower : nil
    }

    private func isMark(_ i: Int, _ s: Unicode.Scalar) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].isMark(s)
    }

    /// A year token: four digits, 1900...2100, not part of a longer number or hyphenated code.
    private func year(_ i: Int, afterHyphen: Bool = false) -> Int? {
        guard i < tokens.count, tokens[i].kind == .number, tokens[i].digits == 4,
            (1900...2100).contains(tokens[i].number), afterHyphen || !gluedNumber(i)
        else { return nil }
        return tokens[i].number
    }

    /// A day-of-month token (1 or 2 digits) not glued to a hyphen, letter or digit group.
    private func dayNumber(_ i: Int) -> Int? {
        guard i < tokens.count, tokens[i].kind == .number, tokens[i].digits <= 2,
            (1...31).contains(tokens[i].number), !gluedNumber(i)
        else { return nil }
        if i + 1 < tokens.count, !tokens[i + 1].spaceBefore,
            tokens[i + 1].isMark(":") || tokens[i + 1].isMark("%") || tokens[i + 1].isMark("-")
        {
            return nil
        }
        return tokens[i].number
    }

    /// A number written against a preceding hyphen, letter, slash or decimal point ("Hwasong-17", "F-35").
    private func gluedNumber(_ i: Int) -> Bool {
        guard i > 0, !tokens[i].spaceBefore else { return false }
        let previous = tokens[i - 1]
        return previous.kind == .word || previous.isMark("-") || previous.isMark(".") || previous.isMark("/")
            || previous.isMark(",")
    }

    /// A month name at `i`: (month, last token used, abbreviated).
    private func month(_ i: Int) -> (month: Int, last: Int, abbreviated: Bool)? {
        guard i < tokens.count, tokens[i].kind == .word, tokens[i].isCapitalised else { return nil }
        let w = tokens[i].lower
        if let m = Self.monthNameTable[w] { return (m, i, false) }
        if let m = Self.monthAbbreviationTable[w] {
            return (m, isMark(i + 1, ".") && !tokens[i + 1].spaceBefore ? i + 1 : i, true)
        }
        return nil
    }

    private func match(at i: Int) -> Match? {
        switch tokens[i].kind {
        case .number:
            return isoDate(i) ?? numericDate(i) ?? dayFirst(i, start: i)
        case .word:
            guard Self.vocabularyWords.contains(Self.possessiveStripped(tokens[i].lower)) else { return nil }
            if tokens[i].lower == "the", let m = dayFirst(i + 1, start: i) { return m }
            return monthFirst(i) ?? prepositionedYear(i) ?? bareMonth(i) ?? weekday(i) ?? deictic(i) ?? period(i)
                ?? ago(i) ?? holiday(i)
        case .mark:
            return nil
        }
    }

    /// `2022-12-13`.
    private func isoDate(_ i: Int) -> Match? {
        guard tokens[i].digits == 4, i + 4 < tokens.count, !gluedNumber(i),
            isMark(i + 1, "-"), tokens[i + 2].kind == .number, tokens[i + 2].digits == 2,
            isMark(i + 3, "-"), tokens[i + 4].kind == .number, tokens[i + 4].digits == 2,
            (i + 1...i + 4).allSatisfy({ !tokens[$0].spaceBefore }),
            let date = CivilDate(year: tokens[i].number, month: tokens[i + 2].number, day: tokens[i + 4].number)
        else { return nil }
        return Match(first: i, last: i + 4, value: PartialDate(date: date, precision: .day), relative: false)
    }

    /// `13/12/2022` or `12/13/2022` when only one reading is possible.
    private func numericDate(_ i: Int) -> Match? {
        guard i + 4 < tokens.count, tokens[i].digits <= 2, !gluedNumber(i),
            isMark(i + 1, "/"), tokens[i + 2].kind == .number, tokens[i + 2].digits <= 2,
            isMark(i + 3, "/"), tokens[i + 4].kind == .number, tokens[i + 4].digits == 4,
            (i + 1...i + 4).allSatisfy({ !tokens[$0].spaceBefore })
        else { return nil }
        let a = tokens[i].number, b = tokens[i + 2].number, y = tokens[i + 4].number
        let date: CivilDate?
        if a > 12, b <= 12 {
            date = CivilDate(year: y, month: b, day: a)
        } else if b > 12, a <= 12 {
            date = CivilDate(year: y, month: a, day: b)
        } else {
            date = nil
        }
        guard let date else { return nil }
        return Match(first: i, last: i + 4, value: PartialDate(date: date, precision: .day), relative: false)
    }

    /// `13 December 2022`, `13th of December`, `13 Dec`.
    private func dayFirst(_ i: Int, start: Int) -> Match? {
        guard let day = dayNumber(i) else { return nil }
        var j = i + 1
        if let w = word(j), Self.ordinalSuffixes.contains(w), !tokens[j].spaceBefore { j += 1 }
        if word(j) == "of" { j += 1 }
        guard let (month, monthLast, _) = month(j) else { return nil }
        j = monthLast + 1
        var k = j
        if isMark(k, ",") { k += 1 }
        if let y = year(k) {
            guard let date = CivilDate(year: y, month: month, day: day) else { return nil }
            return Match(first: start, last: k, value: PartialDate(date: date, precision: .day), relative: false)
        }
        guard let date = nearestYear(month: month, day: day) else { return nil }
        return Match(first: start, last: monthLast, value: PartialDate(date: date, precision: .day), relative: true)
    }

    /// `December 13, 2022`, `Dec. 13`, `December 2022`.
    private func monthFirst(_ i: Int) -> Match? {
        guard let (month, monthLast, abbreviated) = month(i) else { return nil }
        var j = monthLast + 1
        if let day = dayNumber(j) {
            var dayLast = j
            if let w = word(j + 1), Self.ordinalSuffixes.contains(w), !tokens[j + 1].spaceBefore { dayLast = j + 1 }
            j = dayLast + 1
            if isMark(j, ",") { j += 1 }
            if let y = year(j) {
                guard let date = CivilDate(year: y, month: month, day: day) else { return nil }
                return Match(first: i, last: j, value: PartialDate(date: date, precision: .day), relative: false)
            }
            guard let date = nearestYear(month: month, day: day) else { return nil }
            return Match(first: i, last: dayLast, value: PartialDate(date: date, precision: .day), relative: true)
        }
        if isMark(j, ","), year(j + 1) == nil { return nil }
        if let y = year(j), !abbreviated || tokens[monthLast].isMark("."), let date = CivilDate(year: y, month: month, day: 1) {
            return Match(first: i, last: j, value: PartialDate(date: date, precision: .month), relative: false)
        }
        return nil
    }

    /// `in 2021`, `since 2019`: a year after a preposition (the preposition is not part of the match).
    private func prepositionedYear(_ i: Int) -> Match? {
        guard let w = word(i) else { return nil }
        // "in 2020 and 2021", "from 2019 to 2021": a year continuing a list of years.
        let continuesList = (w == "and" || w == "or" || w == "to") && i > 0 && year(i - 1) != nil
        guard Self.datePrepositionWords.contains(w) || w == "the" || continuesList else { return nil }
        var j = i + 1
        let hyphen = isMark(j, "-")
        if hyphen { j += 1 }  // mid-2021
        guard let y = year(j, afterHyphen: hyphen), !isMark(j + 1, "-"), !isMark(j + 1, "/"),
            j + 1 >= tokens.count || tokens[j + 1].spaceBefore || tokens[j + 1].kind == .mark,
            let date = CivilDate(year: y, month: 1, day: 1)
        else { return nil }
        return Match(first: j, last: j, value: PartialDate(date: date, precision: .year), relative: false)
    }

    /// `in January`, `since March`, `last May`, `mid-December`, `in March last year`.
    private func bareMonth(_ i: Int) -> Match? {
        guard let w = word(i), Self.datePrepositionWords.contains(w), let anchor else { return nil }
        var j = i + 1
        if isMark(j, "-") { j += 1 }
        guard let (month, monthLast, abbreviated) = month(j), !abbreviated, monthFirst(j) == nil else { return nil }
        var last = monthLast
        var year = anchor.year
        if let which = word(monthLast + 1), which == "last" || which == "this" || which == "next", word(monthLast + 2) == "year" {
            year += which == "last" ? -1 : which == "next" ? 1 : 0
            last = monthLast + 2
        } else {
            switch w {
            case "last", "since": if month > anchor.month || (w == "last" && month == anchor.month) { year -= 1 }
            case "next": if month <= anchor.month { year += 1 }
            case "this": break
            default: year = yearOfBareMonth(month, at: j, anchor: anchor)
            }
        }
        guard let date = CivilDate(year: year, month: month, day: 1) else { return nil }
        let first = (w == "last" || w == "next" || w == "this") ? i : j
        return Match(first: first, last: last, value: PartialDate(date: date, precision: .month), relative: true)
    }

    /// `Tuesday`, `on Tuesday`, `last Tuesday`, `next Tuesday`, `this Tuesday`.
    private func weekday(_ i: Int) -> Match? {
        guard let anchor else { return nil }
        var j = i
        let modifier = word(i)
        if modifier == "last" || modifier == "next" || modifier == "this" || modifier == "on" || modifier == "previous" { j += 1 }
        guard j < tokens.count, tokens[j].isCapitalised, let w = word(j), let day = Self.weekdayTable[Self.possessiveStripped(w)]
        else { return nil }
        // "Tuesday, December 13, 2022": the full date says it better.
        if isMark(j + 1, ","), monthFirst(j + 2) != nil || dayFirst(j + 2, start: j + 2) != nil { return nil }
        let offset = day - anchor.weekday
        let date: CivilDate
        switch modifier {
        case "last", "previous":
            date = anchor.adding(days: offset < 0 ? offset : offset - 7)
        case "next":
            // The day in the following week: "next Friday" said on a Thursday is eight days on.
            date = anchor.mondayOfWeek.adding(days: 7 + day - 1)
        case "this":
            date = anchor.adding(days: offset)
        default:
            if futureWeekday(at: modifier == "on" ? i : j) {
                date = anchor.adding(days: offset >= 0 ? offset : offset + 7)
            } else {
                date = anchor.adding(days: offset <= 0 ? offset : offset - 7)
            }
        }
        let first = modifier == "on" ? j : i
        // "Tuesday evening": the part of the day belongs to the expression.
        let last = word(j + 1).map { ["morning", "afternoon", "evening", "night"].contains($0) } == true ? j + 1 : j
        return Match(first: first, last: last, value: PartialDate(date: date, precision: .day), relative: true)
    }

    /// Whether a weekday at token `i` lies ahead: `by`/`until`/`before` right before it, or a
    /// future word (`will`, `would`, `scheduled`...) earlier in its clause with no past-tense verb
    /// just before the day ("said on Thursday" stays in the past).
    private func futureWeekday(at i: Int) -> Bool {
        if let w = word(i - 1), ["by", "until", "till", "before"].contains(w) { return true }
        for back in 1...3 where i - back >= 0 && tokens[i - back].kind == .word {
            if isPastVerb(tokens[i - back].lower) { return false }
        }
        var k = i - 1
        while k >= max(0, i - 16), !endsSentence(at: k), !tokens[k].isMark(","), !tokens[k].isMark(";"),
            !tokens[k + 1].lineBreakBefore
        {
            if tokens[k].kind == .word, isFutureWord(k) { return true }
            k -= 1
        }
        return false
    }

    /// The year of a bare month at token `i`: next year when its sentence says "next year";
    /// else a future sentence puts a month before the anchor's into next year, a past-tense one
    /// puts a month after the anchor's into last year, and otherwise it is the anchor's year.
    private func yearOfBareMonth(_ month: Int, at i: Int, anchor: CivilDate) -> Int {
        let sentence = sentenceRange(around: i)
        if sentence.contains(where: { word($0) == "next" && word($0 + 1).map { Self.possessiveStripped($0) } == "year" }) {
            return anchor.year + 1
        }
        let saidThen = (1...4).contains {
            i - $0 >= 0 && tokens[i - $0].kind == .word && isPastVerb(tokens[i - $0].lower) && !isFutureWord(i - $0)
        }
        if !saidThen, sentence.contains(where: { tokens[$0].kind == .word && isFutureWord($0) }) {
            return month < anchor.month ? anchor.year + 1 : anchor.year
        }
        if month > anchor.month, sentence.contains(where: { tokens[$0].kind == .word && isPastVerb(tokens[$0].lower) }) {
            return anchor.year - 1
        }
        return anchor.year
    }

    private func isFutureWord(_ k: Int) -> Bool {
        let w = tokens[k].lower
        return Self.futureCues.contains(w) || w.hasSuffix("’ll") || w.hasSuffix("'ll")
    }

    private func isPastVerb(_ w: String) -> Bool {
        Self.pastVerbWords.contains(w) || w.count > 4 && w.hasSuffix("ed") && !["need", "speed", "feed", "seed"].contains(where: w.hasSuffix)
    }

    /// Whether token `k` is a full stop, question or exclamation mark that ends a sentence
    /// (the next token starts a new line or is capitalised after a space; "6 p.m. on" does not).
    private func endsSentence(at k: Int) -> Bool {
        guard tokens[k].isMark(".") || tokens[k].isMark("?") || tokens[k].isMark("!") else { return false }
        guard k + 1 < tokens.count else { return true }
        let next = tokens[k + 1]
        return next.lineBreakBefore || next.spaceBefore && next.isCapitalised
    }

    /// How far (in tokens) a sentence is followed either way, so that text without full stops
    /// stays linear.
    static let sentenceReach = 60

    /// The tokens of the sentence holding token `i` (at most ``sentenceReach`` tokens either way).
    private func sentenceRange(around i: Int) -> Range<Int> {
        var start = i
        while start > max(0, i - Self.sentenceReach), !endsSentence(at: start - 1), !tokens[start].lineBreakBefore { start -= 1 }
        var end = i
        while end < min(tokens.count - 1, i + Self.sentenceReach), !endsSentence(at: end), !tokens[end + 1].lineBreakBefore {
            end += 1
        }
        return start..<min(end + 1, tokens.count)
    }

    /// `Easter` (Easter Sunday) and `Christmas` (December 25): in the anchor's year, or the next
    /// one ahead in a future clause, or the last one before in a past-tense clause.
    private func holiday(_ i: Int) -> Match? {
        guard let anchor, tokens[i].isCapitalised else { return nil }
        let name = Self.possessiveStripped(tokens[i].lower)
        func date(in year: Int) -> CivilDate? {
            name == "easter" ? CivilDate.easterSunday(year: year) : name == "christmas" ? CivilDate(year: year, month: 12, day: 25) : nil
        }
        guard var found = date(in: anchor.year) else { return nil }
        if futureWeekday(at: i), found < anchor, let next = date(in: anchor.year + 1) {
            found = next
        } else if (1...3).contains(where: { i - $0 >= 0 && tokens[i - $0].kind == .word && isPastVerb(tokens[i - $0].lower) }),
            found > anchor, let previous = date(in: anchor.year - 1)
        {
            found = previous
        }
        return Match(first: i, last: i, value: PartialDate(date: found, precision: .day), relative: true)
    }

    /// `yesterday`, `today`, `tonight`, `tomorrow`, `this morning`.
    private func deictic(_ i: Int) -> Match? {
        guard let anchor, let w = word(i) else { return nil }
        let base = Self.possessiveStripped(w)
        let days: Int
        switch base {
        case "yesterday": days = -1
        case "today", "tonight": days = 0
        case "tomorrow": days = 1
        case "last":
            guard word(i + 1) == "night" else { return nil }
            return Match(first: i, last: i + 1, value: PartialDate(date: anchor.adding(days: -1), precision: .day), relative: true)
        case "this":
            guard let next = word(i + 1), ["morning", "afternoon", "evening"].contains(next) else { return nil }
            return Match(first: i, last: i + 1, value: PartialDate(date: anchor, precision: .day), relative: true)
        default: return nil
        }
        return Match(first: i, last: i, value: PartialDate(date: anchor.adding(days: days), precision: .day), relative: true)
    }

    /// `last week`, `this month`, `earlier this year`, `late next year`, `the end of last year`.
    private func period(_ i: Int) -> Match? {
        guard let anchor, let w = word(i) else { return nil }
        var j = i
        if w == "earlier" || w == "later" || w == "early" || w == "late" || w == "mid" {
            j += 1
            if isMark(j, "-") { j += 1 }
        } else if w == "the", let edge = word(i + 1), ["end", "start", "beginning", "middle"].contains(edge), word(i + 2) == "of" {
            j += 3
        }
        guard let which = word(j), which == "last" || which == "this" || which == "next" || which == "the" && j > i,
            let unitWord = word(j + 1)
        else { return nil }
        let step = which == "last" ? -1 : which == "next" ? 1 : 0
        let value: PartialDate
        switch Self.possessiveStripped(unitWord) {
        case "week":
            value = PartialDate(date: anchor.mondayOfWeek.adding(days: 7 * step), precision: .day)
        case "month":
            let m = anchor.adding(months: step)
            guard let first = CivilDate(year: m.year, month: m.month, day: 1) else { return nil }
            value = PartialDate(date: first, precision: .month)
        case "year":
            guard let first = CivilDate(year: anchor.year + step, month: 1, day: 1) else { return nil }
            value = PartialDate(date: first, precision: .year)
        default:
            return nil
        }
        return Match(first: i, last: j + 1, value: value, relative: true)
    }

    /// `three days ago`, `a year ago`, `2 weeks ago`.
    private func ago(_ i: Int) -> Match? {
        guard let anchor else { return nil }
        let count: Int
        if tokens[i].kind == .number, tokens[i].digits <= 3 {
            count = tokens[i].number
        } else if let w = word(i), let small = Self.smallNumberTable[w], small > 0 {
            count = small
        } else {
            return nil
        }
        guard let unit = word(i + 1), word(i + 2) == "ago" else { return nil }
        let value: PartialDate
        switch unit {
        case "day", "days": value = PartialDate(date: anchor.adding(days: -count), precision: .day)
        case "week", "weeks": value = PartialDate(date: anchor.adding(days: -7 * count), precision: .day)
        case "month", "months":
            let m = anchor.adding(months: -count)
            guard let first = CivilDate(year: m.year, month: m.month, day: 1) else { return nil }
            value = PartialDate(date: first, precision: .month)
        case "year", "years", "decade", "decades":
            let years = unit.hasPrefix("decade") ? 10 * count : count
            guard let first = CivilDate(year: anchor.year - years, month: 1, day: 1) else { return nil }
            value = PartialDate(date: first, precision: .year)
        default: return nil
        }
        return Match(first: i, last: i + 2, value: value, relative: true)
    }

    /// The day and month nearest the anchor; nil without an anchor.
    private func nearestYear(month: Int, day: Int) -> CivilDate? { anchor?.nearest(month: month, day: day) }

    /// "today's" → "today" (token words write the apostrophe straight).
    static func possessiveStripped(_ word: String) -> String {
        let utf8 = word.utf8
        guard utf8.count > 2 else { return word }
        var word = word
        let stripped = word.withUTF8 { bytes in
            bytes[bytes.count - 1] == UInt8(ascii: "s") && bytes[bytes.count - 2] == UInt8(ascii: "'")
                ? String(decoding: bytes[..<(bytes.count - 2)], as: UTF8.self) : nil
        }
        return stripped ?? word
    }
}
