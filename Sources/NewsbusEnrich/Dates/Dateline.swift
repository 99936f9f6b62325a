import NewsbusWire

/// The dateline that opens an agency-style body.
///
/// Recognised shapes:
/// - a place in capitals, or in a script without letter case, then optionally a comma with a
///   region or a date (`, Indonesia`, `, Dec. 13`, `, 14 mars`, `, 22/8`), optionally an agency in
///   parentheses, then a dash (`—`, `–`, `-`): `SEOUL, Dec. 13 (Yonhap) —`, `JAKARTA, Indonesia —`,
///   `WASHINGTON (Reuters) -`, `دبي، 5 ديسمبر (…) —`. A capitalised (not all-capitals) place needs
///   a date or a parenthesis, and a caseless one a parenthesis, so ordinary sentences are not taken;
/// - East Asian forms: `【富山　11月16日（…）】`, `【인천=한빛뉴스】`, `昆明8月30日电（…）`.
/// The dateline opens the body, or its second paragraph when the first is a photo caption left in
/// the body (a paragraph ending in a parenthesised credit). Anything else is not a dateline: none
/// is invented.
struct Dateline: Sendable, Hashable {
    /// The place: title case for a place written in capitals ("Seoul", "New York"), else as written.
    var place: String
    /// The month and day, when the dateline carries them in English.
    var month: Int?
    var day: Int?
    /// The year, when the dateline carries it.
    var year: Int?
    /// The first token after the dateline.
    var endToken: Int

    /// The dateline at the start of `text`, if there is one.
    init?(_ text: TextTokens) {
        if let found = Self.opening(text) {
            self = found
            return
        }
        // "… meet in Jakarta, December 13, 2022. (Photo by Reuters)" left as the first paragraph.
        guard let second = text.tokens.indices.first(where: { text.tokens[$0].lineBreakBefore }), second > 0, second <= 200,
            text.tokens[second - 1].isMark(")") || text.tokens[second - 1].isMark("）")
        else { return nil }
        let rest = TextTokens(scalars: Array(text.scalars[text.tokens[second].start...]))
        guard var found = Self.opening(rest) else { return nil }
        found.endToken += second
        self = found
    }

    /// The dateline at the very start of `text`.
    private static func opening(_ text: TextTokens) -> Dateline? {
        bracketed(text) ?? chinese(text) ?? dashed(text)
    }

    private init(place: String, month: Int? = nil, day: Int? = nil, year: Int? = nil, endToken: Int) {
        self.place = place
        self.month = month
        self.day = day
        self.year = year
        self.endToken = endToken
    }

    /// `PLACE[, detail] [(agency)] —`.
    private static func dashed(_ text: TextTokens) -> Dateline? {
        let tokens = text.tokens
        let limit = min(tokens.count, 24)
        var i = 0
        var placeWords: [String] = []
        var allCaps = true
        var caseless = true
        while i < limit, placeWords.count < 4, tokens[i].kind == .word, i == 0 || !tokens[i].lineBreakBefore {
            let first = text.scalars[tokens[i].start]
            let hasCase = first.properties.isUppercase || first.properties.isLowercase
            guard !hasCase || tokens[i].isCapitalised else { break }
            if !placeWords.isEmpty, DateExpressions.monthNames[tokens[i].lower] != nil || DateExpressions.monthAbbreviations[tokens[i].lower] != nil {
                break
            }
            var word = text.text(tokens[i].start, tokens[i].end)
            allCaps = allCaps && (tokens[i].isAllCaps || tokens[i].end - tokens[i].start == 1 || !hasCase)
            caseless = caseless && !hasCase
            i += 1
            // "PORT-AU-PRINCE"
            while i + 1 < limit, tokens[i].isMark("-"), !tokens[i].spaceBefore, tokens[i + 1].kind == .word, !tokens[i + 1].spaceBefore {
                word += "-" + text.text(tokens[i + 1].start, tokens[i + 1].end)
                allCaps = allCaps && tokens[i + 1].isAllCaps
                i += 2
            }
            placeWords.append(word)
        }
        guard !placeWords.isEmpty, caseless || placeWords.joined().count >= 3,
            !placeWords.contains(where: { Self.labels.contains($0.lowercased()) })
        else { return nil }
        var month: Int?, day: Int?, year: Int?
        var hasDetail = false
        var hasParenthesis = false
        // ", Indonesia" / ", Dec. 13, 2022" / ", 14 mars" / "، 5 ديسمبر"
        if i < limit, tokens[i].isMark(",") || tokens[i].isMark("،") || tokens[i].isMark("、") {
            i += 1
            let detailStart = i
            while i < limit, !tokens[i].lineBreakBefore, tokens[i].kind != .mark || tokens[i].isMark(".") || tokens[i].isMark("/") || tokens[i].isMark(",") {
                i += 1
            }
            guard i > detailStart, i - detailStart <= 8 else { return nil }
            let detail = TextTokens(scalars: Array(text.scalars[tokens[detailStart].start..<tokens[i - 1].end]))
            if let date = englishDate(detail) {
                (month, day, year) = date
            }
            hasDetail = detail.tokens.contains { $0.kind == .number }
        }
        if i < limit, tokens[i].isMark("(") || tokens[i].isMark("（") {
            guard let close = tokens[i..<min(tokens.count, i + 12)].firstIndex(where: { $0.isMark(")") || $0.isMark("）") })
            else { return nil }
            i = close + 1
            hasParenthesis = true
        }
        guard i < limit, tokens[i].kind == .mark, !tokens[i].lineBreakBefore,
            ["—", "–", "-", "―"].contains(tokens[i].scalar)
        else { return nil }
        guard caseless ? hasParenthesis : allCaps || hasDetail || hasParenthesis else { return nil }
        let place = caseless ? placeWords.joined(separator: " ") : placeWords.map(titleCased).joined(separator: " ")
        return Dateline(place: place, month: month, day: day, year: year, endToken: i + 1)
    }

    /// `【富山　11月16日（北陸通信社）】`, `【인천=한빛뉴스】`.
    private static func bracketed(_ text: TextTokens) -> Dateline? {
        let s = text.scalars
        guard let first = s.first, first == "【" else { return nil }
        var end = 1
        while end < min(s.count, 24), !TextTokens.isSpace(s[end]), !TextTokens.isDigit(s[end]),
            !"=＝（(】、,".unicodeScalars.contains(s[end])
        {
            end += 1
        }
        guard end > 1, let close = s[1..<min(s.count, 60)].firstIndex(of: "】") else { return nil }
        let endToken = text.tokens.firstIndex { $0.start > close } ?? text.tokens.count
        return Dateline(place: text.text(1, end), endToken: endToken)
    }

    /// `昆明8月30日电（彩云新闻社）`: place, month 月, day 日, then 电.
    private static func chinese(_ text: TextTokens) -> Dateline? {
        let t = text.tokens
        guard t.count > 5, t[0].kind == .word, t[1].kind == .number, t[2].lower == "月", t[3].kind == .number,
            t[4].kind == .word, t[4].lower.hasPrefix("日"), t[4].lower.hasSuffix("电") || t[4].lower.hasSuffix("電")
        else { return nil }
        var endToken = 5
        if t[5].isMark("（") || t[5].isMark("("),
            let close = t[5..<min(t.count, 17)].firstIndex(where: { $0.isMark("）") || $0.isMark(")") })
        {
            endToken = close + 1
        }
        return Dateline(place: text.text(t[0].start, t[0].end), endToken: endToken)
    }

    /// Month, day and year of an English `Dec. 13` / `13 December, 2022` detail.
    private static func englishDate(_ detail: TextTokens) -> (Int?, Int?, Int?)? {
        let match = DateExpressions(text: detail, anchor: CivilDate(year: 2000, month: 6, day: 15)).matches().first
        guard let match, match.value.precision == .day else { return nil }
        let written = detail.tokens.contains { $0.digits == 4 }
        return (match.value.date.month, match.value.date.day, written ? match.value.date.year : nil)
    }

    /// Capitalised labels that open a body like a dateline but name no place ("BREAKING —").
    static let labels: Set<String> = [
        "breaking", "update", "updated", "exclusive", "analysis", "opinion", "editorial", "correction", "watch", "live",
        "urgent", "flash", "news", "photos", "video", "advisory", "review", "interview", "feature", "bulletin",
    ]

    /// "NEW" → "New", "İSTANBUL" → "İstanbul".
    static func titleCased(_ word: String) -> String {
        var result = ""
        var startOfPart = true
        for character in word {
            result += startOfPart ? String(character) : character.lowercased()
            startOfPart = character == "-" || character == " "
        }
        return result
    }
}
