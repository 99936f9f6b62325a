/// The dateline that opens an agency-style body: `SEOUL, Dec. 13 (Yonhap) —`,
/// `JAKARTA, Indonesia —`, `WASHINGTON (Reuters) -`.
///
/// A dateline is a place in capitals (or a capitalised place followed by a date or an agency in
/// parentheses), optionally a region or country after a comma, optionally a day and month (and
/// year), optionally a parenthesis, and then a dash (`—`, `–`, `-` or `--`) within the first
/// 20 tokens. Anything else is not a dateline: none is invented.
struct Dateline: Sendable, Hashable {
    /// The place as written in title case: "Seoul", "New York".
    var place: String
    /// The month and day, when the dateline carries them.
    var month: Int?
    var day: Int?
    /// The year, when the dateline carries it.
    var year: Int?

    /// The dateline at the start of `text`, if there is one.
    init?(_ text: TextTokens) {
        let tokens = text.tokens
        var i = 0
        var placeWords: [String] = []
        var allCaps = true
        while i < tokens.count, placeWords.count < 4, tokens[i].kind == .word, tokens[i].isCapitalised,
            i == 0 || !tokens[i].lineBreakBefore
        {
            if DateExpressions.monthAbbreviations[tokens[i].lower] != nil
                || DateExpressions.monthNames[tokens[i].lower] != nil, !placeWords.isEmpty
            {
                break
            }
            placeWords.append(Self.titleCased(text.text(tokens[i].start, tokens[i].end)))
            allCaps = allCaps && (tokens[i].isAllCaps || tokens[i].end - tokens[i].start == 1)
            i += 1
            if i < tokens.count, tokens[i].isMark("-"), !tokens[i].spaceBefore, i + 1 < tokens.count,
                tokens[i + 1].kind == .word, !tokens[i + 1].spaceBefore
            {
                placeWords[placeWords.count - 1] += "-"
                i += 1
                placeWords[placeWords.count - 1] += Self.titleCased(text.text(tokens[i].start, tokens[i].end))
                allCaps = allCaps && tokens[i].isAllCaps
                i += 1
            }
        }
        guard !placeWords.isEmpty, placeWords.joined().count >= 3 else { return nil }
        var month: Int?, day: Int?, year: Int?
        var hasDetail = false
        // ", Indonesia" / ", D.C." / ", Dec. 13" / ", Dec. 13, 2022"
        while i < tokens.count, tokens[i].isMark(","), i < 20 {
            i += 1
            guard i < tokens.count, tokens[i].kind == .word, tokens[i].isCapitalised else { return nil }
            if let m = DateExpressions.monthNames[tokens[i].lower] ?? DateExpressions.monthAbbreviations[tokens[i].lower] {
                i += 1
                if i < tokens.count, tokens[i].isMark(".") { i += 1 }
                guard i < tokens.count, tokens[i].kind == .number, (1...31).contains(tokens[i].number) else { return nil }
                month = m
                day = tokens[i].number
                hasDetail = true
                i += 1
                if i + 1 < tokens.count, tokens[i].isMark(","), tokens[i + 1].digits == 4 {
                    year = tokens[i + 1].number
                    i += 2
                }
            } else {
                while i < tokens.count, i < 20, tokens[i].kind == .word && tokens[i].isCapitalised || tokens[i].isMark(".") {
                    i += 1
                }
            }
        }
        if i < tokens.count, tokens[i].isMark("(") {
            guard let close = tokens[i..<min(tokens.count, i + 8)].firstIndex(where: { $0.isMark(")") }) else { return nil }
            i = close + 1
            hasDetail = true
        }
        guard i < tokens.count, i < 20, tokens[i].kind == .mark, !tokens[i].lineBreakBefore else { return nil }
        let dash = tokens[i].lower
        guard dash == "—" || dash == "–" || dash == "-" || dash == "―" else { return nil }
        guard allCaps || hasDetail else { return nil }
        self.place = placeWords.joined(separator: " ")
        self.month = month
        self.day = day
        self.year = year
    }

    /// "NEW" → "New", "seoul" → "Seoul".
    static func titleCased(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst().lowercased()
    }
}
