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
    /// Whether token i is a cue verb.
    private let cues: [Bool]
    /// The paragraph number of each token.
    private let paragraphs: [Int]
    /// Sentence-opening mentions of known people: (token, person), in order.
    private let subjectMentions: [(token: Int, person: Article.Concept)]

    /// The previous quote's speaker and where it was attributed.
    private var lastSpeaker: (concept: Article.Concept, token: Int, paragraph: Int)?
    private var lastQuoteParagraph: Int?
    /// The sentence, cue and speaker of the previous quote.
    private var lastFound: (sentence: Int, cue: Attribution.Cue?, speaker: Article.Concept?)?

    /// How many tokens a frame reaches either side of a quote, so text without full stops stays linear.
    static let sentenceReach = 80

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
            } else if t[i - 1].isMark(".") || t[i - 1].isMark("?") || t[i - 1].isMark("!"),
                t[i].spaceBefore, t[i].isCapitalised || t[i].kind == .mark
            {
                // The word before the mark, read in place.
                let abbreviation = i >= 2 && t[i - 2].kind == .word
                    && (t[i - 2].end - t[i - 2].start == 1 || Self.abbreviations.contains(t[i - 2].lower))
                starts[i] = !abbreviation
            }
        }
        self.sentenceStarts = starts
        var cues = [Bool](repeating: false, count: t.count)
        for i in t.indices where t[i].kind == .word { cues[i] = Attribution.cue(at: i, in: t) }
        self.cues = cues
        self.paragraphs = paragraphs
        // The first known person named in each sentence stands for its subject.
        var mentions: [(Int, Article.Concept)] = []
        var sentenceHasMention = false
        for i in t.indices {
            if starts[i] { sentenceHasMention = false }
            guard !sentenceHasMention, t[i].kind == .word, t[i].isCapitalised else { continue }
            let word = t[i].lower
            if let person = resolver.person(forWord: SpeakerResolver.possessiveStripped(word)) {
                mentions.append((i, person))
                sentenceHasMention = true
            }
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
            if let quote = read(span, openToken: openToken, before: before, after: after) {
                found.append(quote)
                previousClose = closeToken
            }
        }
        return found
    }

    /// Tokens of the sentence before the quote, back to its start or the previous quote.
    private func beforeFrame(openToken: Int, floor: Int) -> Range<Int> {
        var k = openToken
        while k > max(floor, openToken - Self.sentenceReach), !sentenceStarts[k] { k -= 1 }
        return min(k, openToken)..<openToken
    }

    /// Tokens of the sentence after the quote, up to its end or the next quote.
    private func afterFrame(closeToken: Int, ceiling: Int) -> Range<Int> {
        let t = text.tokens
        guard closeToken < t.count, !t[closeToken].lineBreakBefore else { return closeToken..<closeToken }
        var k = closeToken + 1
        while k < ceiling, k < t.count, k < closeToken + Self.sentenceReach, !sentenceStarts[k] { k += 1 }
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

        if Self.looksLikeTitle(inner, in: t) { return nil }
        let resolver = self.resolver
        let isKnown = { (words: [String]) in resolver.isKnown(words) }
        let beforeCue = before.reversed().first { cues[$0] }
            .map { Attribution.read(cueAt: $0, in: text, bounds: before, inversion: false, isKnown: isKnown) }
        let afterCue = after.prefix(16).first { cues[$0] }
            .map { Attribution.read(cueAt: $0, in: text, bounds: after, inversion: true, isKnown: isKnown) }

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
        var cue: Attribution.Cue? = partial || introduced ? beforeCue ?? afterCue : afterCue

        var speaker: Article.Concept?
        var cueText = ""
        var sharesPreviousCue = false
        if cue == nil, partial, let previous = lastFound, previous.cue != nil, previous.sentence == sentenceStart(of: openToken) {
            // "… was “a provocation” and that Russia would take “adequate measures”": the same cue and speaker.
            cue = previous.cue
            speaker = previous.speaker
            sharesPreviousCue = true
        }
        // A one- or two-word quote running into the next word is a scare quote: the “monster” missile.
        if partial, words <= 2, closeTokenIsFollowedByWord(span) { return nil }
        if let cue {
            cueText = cue.text
            if !sharesPreviousCue {
                speaker = resolve(cue.phrase, at: cue.token, frame: partial || introduced ? before : after)
            }
            if partial, cue.phrase == nil { return nil }
        } else {
            // No cue: a continuation of the previous speaker, or not a quote.
            guard !partial, let last = lastSpeaker, let quoteParagraph = lastQuoteParagraph,
                paragraph - quoteParagraph <= 1,
                words >= 4 || paragraph == quoteParagraph && Self.endsSentence(span, in: text.scalars)
            else { return nil }
            speaker = last.concept
        }
        if words <= 2, cue == nil { return nil }
        if let speaker { lastSpeaker = (speaker, cue?.token ?? openToken, paragraph) }
        lastFound = (sentenceStart(of: openToken), cue, speaker)
        lastQuoteParagraph = inner.isEmpty ? paragraph : paragraphs[inner.upperBound - 1]
        return Found(pieces: trimmed(span.pieces), speaker: speaker, cue: cueText, partial: partial)
    }

    /// The Concept a speaker phrase stands for.
    private func resolve(_ phrase: Attribution.Phrase?, at token: Int, frame: Range<Int>) -> Article.Concept? {
        switch phrase {
        case .name(let words)?:
            return resolver.resolve(name: words)
        case .pronoun("it")?:
            return resolver.organisationPronoun(before: token, in: text, previous: lastSpeaker?.concept)
        case .pronoun?:
            return recentPerson(before: token)
        case .role(let words, let capitalised, let definite)?:
            // "the envoy said", "a hospital spokeswoman said", "her son said": see SpeakerResolver+Roles.
            return resolver.resolve(
                role: words, capitalised: capitalised, definite: definite, at: token, in: text,
                recentPerson: { recentPerson(before: token) })
        case .inherited?:
            // "Valera said the toll could rise, adding, …": the subject of an earlier cue in the sentence.
            for earlier in stride(from: token - 1, through: frame.lowerBound, by: -1) where cues[earlier] {
                let cue = Attribution.read(
                    cueAt: earlier, in: text, bounds: frame.lowerBound..<token, inversion: false,
                    isKnown: { resolver.isKnown($0) })
                if let phrase = cue.phrase, phrase != .inherited { return resolve(phrase, at: earlier, frame: frame) }
            }
            return lastSpeaker?.concept ?? recentPerson(before: token)
        case nil:
            return nil
        }
    }

    /// The most recent person: the previous speaker, if a person, or a later sentence subject.
    private func recentPerson(before token: Int) -> Article.Concept? {
        var low = 0, high = subjectMentions.count
        while low < high {
            let mid = (low + high) / 2
            if subjectMentions[mid].token < token { low = mid + 1 } else { high = mid }
        }
        let mention = low > 0 ? subjectMentions[low - 1] : nil
        if let last = lastSpeaker, resolver.isPerson(last.concept) || !resolver.knowsPeople,
            mention.map({ $0.token < last.token }) ?? true
        {
            return last.concept
        }
        return mention?.person
    }

    /// Lower-case words a title may hold ("The Lord of the Rings").
    static let titleSmallWords: WordSet = ["of", "the", "and", "in", "on", "a", "for", "to"]

    /// A name or title in quotes: at most five words, all capitalised, no sentence punctuation.
    static func looksLikeTitle(_ inner: Range<Int>, in t: [TextTokens.Token]) -> Bool {
        let words = inner.filter { t[$0].kind == .word }
        guard words.count <= 5, !words.isEmpty else { return false }
        return words.allSatisfy { t[$0].isCapitalised || titleSmallWords.contains(t[$0].lower) } && t[words[0]].isCapitalised
            && !inner.dropLast().contains { t[$0].isMark(".") || t[$0].isMark("!") || t[$0].isMark("?") || t[$0].isMark(",") }
            && !(inner.last.map { t[$0].isMark(".") || t[$0].isMark("!") || t[$0].isMark("?") } ?? false)
    }

    /// Whether the quoted words end with `.`, `!` or `?`.
    static func endsSentence(_ span: QuoteSpans.Span, in scalars: [Unicode.Scalar]) -> Bool {
        guard let last = span.pieces.last, last.upperBound > last.lowerBound else { return false }
        let s = scalars[last.upperBound - 1]
        return s == "." || s == "!" || s == "?" || s == "…"
    }

    /// Pieces without a trailing comma inside the marks (`"…options,"`).
    private func trimmed(_ pieces: [Range<Int>]) -> [Range<Int>] {
        guard var last = pieces.last else { return pieces }
        while last.count > 1, text.scalars[last.upperBound - 1] == "," || TextTokens.isSpace(text.scalars[last.upperBound - 1]) {
            last = last.lowerBound..<(last.upperBound - 1)
        }
        return pieces.dropLast() + [last]
    }

    /// The first token of the sentence holding token `i`.
    private func sentenceStart(of i: Int) -> Int {
        var k = min(i, sentenceStarts.count - 1)
        while k > max(0, i - Self.sentenceReach), !sentenceStarts[k] { k -= 1 }
        return k
    }

    /// Words that may follow a short partial quote ("had “taken note” of", "was “deeply moved” by").
    static let functionWords: Set<String> = [
        "of", "by", "on", "in", "and", "or", "but", "to", "for", "with", "at", "from", "as", "that", "which", "after",
        "before", "over", "if", "when", "while", "because", "than", "into", "about", "against", "since", "until",
    ]

    /// Whether a content word follows the closing mark directly, as a noun follows its modifier
    /// ("the “monster” missile").
    private func closeTokenIsFollowedByWord(_ span: QuoteSpans.Span) -> Bool {
        let next = firstToken(atOrAfter: span.close)
        guard span.closed, next < text.tokens.count else { return false }
        let token = text.tokens[next]
        return token.kind == .word && !token.isCapitalised && !Self.functionWords.contains(token.lower)
            && !cues[next]
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
