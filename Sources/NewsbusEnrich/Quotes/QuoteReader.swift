import NewsbusWire

/// Reads each quoted passage of a text in its sentence: direct or partial, cue and speaker.
/// The rules are described on ``QuotesEnricher``.
struct QuoteReader {
    /// A quote found.
    struct Found: Sendable, Hashable {
        var pieces: [Range<Int>]
        var speaker: Article.Concept?
        var cue: String
        var partial: Bool
    }

    let text: TextTokens
    let resolver: SpeakerResolver
    /// Whether token i opens a sentence.
    private let sentenceStarts: [Bool]
    /// The paragraph number of each token.
    private let paragraphs: [Int]
    /// Sentence-opening mentions of known people: (token, person), in order.
    private let subjectMentions: [(token: Int, person: Article.Concept)]

    /// The previous quote's speaker and where it was attributed.
    private var lastSpeaker: (concept: Article.Concept, token: Int, paragraph: Int)?
    private var lastQuoteParagraph: Int?

    /// Words that end with a dot without ending a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "maj", "sgt", "adm", "prof",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "inc",
        "co", "corp", "jr", "sr", "ltd", "mt", "ft", "approx", "est",
    ]

    init(text: TextTokens, resolver: SpeakerResolver) {
        self.text = text
        self.resolver = resolver
        let t = text.tokens
        var starts = [Bool](repeating: false, count: t.count)
        var paragraphs = [Int](repeating: 0, count: t.count)
        var paragraph = 0
        for i in t.indices {
            if t[i].lineBreakBefore { paragraph += 1 }
            paragraphs[i] = paragraph
            if i == 0 || t[i].lineBreakBefore {
                starts[i] = true
            } else if t[i - 1].kind == .mark, t[i - 1].lower == "." || t[i - 1].lower == "?" || t[i - 1].lower == "!",
                t[i].spaceBefore, t[i].isCapitalised || t[i].kind == .mark
            {
                let previous = i >= 2 ? t[i - 2] : nil
                let abbreviation = previous.map {
                    $0.kind == .word && ($0.end - $0.start == 1 || Self.abbreviations.contains($0.lower))
                } ?? false
                starts[i] = !abbreviation
            }
        }
        self.sentenceStarts = starts
        self.paragraphs = paragraphs
        var mentions: [(Int, Article.Concept)] = []
        var i = 0
        while i < t.count {
            if t[i].kind == .word, t[i].isCapitalised,
                let person = resolver.personByWord[SpeakerResolver.key(SpeakerResolver.possessiveStripped(t[i].lower))]
            {
                // A mention opens its sentence when only capitalised words (titles, first names) precede it.
                var k = i
                while k > 0, !starts[k], t[k - 1].kind == .word, t[k - 1].isCapitalised { k -= 1 }
                if starts[k] { mentions.append((i, person)) }
                while i + 1 < t.count, t[i + 1].kind == .word, t[i + 1].isCapitalised { i += 1 }
            }
            i += 1
        }
        self.subjectMentions = mentions
    }

    /// All quotes, in order.
    mutating func quotes() -> [Found] {
        let spans = QuoteSpans.find(in: text.scalars)
        var found: [Found] = []
        var previousClose = 0
        for (index, span) in spans.enumerated() {
            let openToken = firstToken(atOrAfter: span.open)
            let closeToken = firstToken(atOrAfter: span.close)
            let nextOpen = index + 1 < spans.count ? firstToken(atOrAfter: spans[index + 1].open) : text.tokens.count
            let before = beforeFrame(openToken: openToken, floor: previousClose)
            let after = afterFrame(closeToken: closeToken, ceiling: nextOpen)
            previousClose = closeToken
            if let quote = read(span, openToken: openToken, before: before, after: after) { found.append(quote) }
        }
        return found
    }

    /// Tokens of the sentence before the quote, back to its start or the previous quote.
    private func beforeFrame(openToken: Int, floor: Int) -> Range<Int> {
        var k = openToken
        while k > floor, !sentenceStarts[k] { k -= 1 }
        return min(k, openToken)..<openToken
    }

    /// Tokens of the sentence after the quote, up to its end or the next quote.
    private func afterFrame(closeToken: Int, ceiling: Int) -> Range<Int> {
        let t = text.tokens
        guard closeToken < t.count, !t[closeToken].lineBreakBefore else { return closeToken..<closeToken }
        var k = closeToken + 1
        while k < ceiling, k < t.count, !sentenceStarts[k] { k += 1 }
        return closeToken..<min(max(k, closeToken), ceiling)
    }

    private mutating func read(_ span: QuoteSpans.Span, openToken: Int, before: Range<Int>, after: Range<Int>) -> Found? {
        let t = text.tokens
        let inner = firstToken(atOrAfter: span.contentStart)..<firstToken(atOrAfter: span.contentEnd)
        let words = inner.lazy.filter { t[$0].kind != .mark }.count
        guard words > 0 else { return nil }
        let paragraph = openToken < paragraphs.count ? paragraphs[openToken] : (paragraphs.last ?? 0)
        let opensSentence = !before.contains { t[$0].kind != .mark }
        let startsUpper = inner.first.map { t[$0].isCapitalised || t[$0].kind != .word } ?? false

        let beforeCue = before.reversed().first { Attribution.cue(at: $0, in: t) }
            .map { Attribution.read(cueAt: $0, in: text, bounds: before) }
        let afterCue = after.prefix(9).first { Attribution.cue(at: $0, in: t) }
            .map { Attribution.read(cueAt: $0, in: text, bounds: after) }

        var introduced = false
        if !opensSentence, let last = before.last, let cue = beforeCue {
            let cueDistance = before.upperBound - cue.token
            if t[last].isMark(":") && cueDistance <= 10 {
                introduced = true
            } else if startsUpper, t[last].isMark(",") || t[last].kind == .word, cueDistance <= 6 {
                introduced = true
            }
        }
        let partial = !(opensSentence || introduced)
        let cue: Attribution.Cue? = partial || introduced ? beforeCue ?? afterCue : afterCue

        var speaker: Article.Concept?
        var cueText = ""
        if let cue {
            cueText = cue.text
            speaker = resolve(cue.phrase, at: cue.token, paragraph: paragraph)
            if partial, cue.phrase == nil { return nil }
        } else {
            // No cue: a continuation of the previous speaker, or not a quote.
            guard !partial, words >= 4, let last = lastSpeaker, let quoteParagraph = lastQuoteParagraph,
                paragraph - quoteParagraph <= 1
            else { return nil }
            speaker = last.concept
        }
        if words <= 2, cue == nil { return nil }
        if let speaker { lastSpeaker = (speaker, cue?.token ?? openToken, paragraph) }
        lastQuoteParagraph = inner.isEmpty ? paragraph : paragraphs[inner.upperBound - 1]
        return Found(pieces: trimmed(span.pieces), speaker: speaker, cue: cueText, partial: partial)
    }

    /// The Concept a speaker phrase stands for.
    private func resolve(_ phrase: Attribution.Phrase?, at token: Int, paragraph: Int) -> Article.Concept? {
        switch phrase {
        case .name(let words)?:
            return resolver.resolve(name: words)
        case .pronoun?:
            return recentPerson(before: token)
        case .role(let words, let capitalised, let definite)?:
            if let organisation = resolver.resolve(roleWords: words, capitalised: capitalised) { return organisation }
            return definite ? recentPerson(before: token) : nil
        case .inherited?:
            return lastSpeaker?.concept ?? recentPerson(before: token)
        case nil:
            return nil
        }
    }

    /// The most recent person: the previous speaker or a later sentence-opening mention.
    private func recentPerson(before token: Int) -> Article.Concept? {
        let mention = subjectMentions.last { $0.token < token }
        if let last = lastSpeaker, mention.map({ $0.token < last.token }) ?? true { return last.concept }
        return mention?.person
    }

    /// Pieces without a trailing comma inside the marks (`"…options,"`).
    private func trimmed(_ pieces: [Range<Int>]) -> [Range<Int>] {
        guard var last = pieces.last else { return pieces }
        while last.count > 1, text.scalars[last.upperBound - 1] == "," || TextTokens.isSpace(text.scalars[last.upperBound - 1]) {
            last = last.lowerBound..<(last.upperBound - 1)
        }
        return pieces.dropLast() + [last]
    }

    /// The first token starting at or after scalar offset `offset`.
    private func firstToken(atOrAfter offset: Int) -> Int {
        var low = 0, high = text.tokens.count
        while low < high {
            let mid = (low + high) / 2
            if text.tokens[mid].start < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
