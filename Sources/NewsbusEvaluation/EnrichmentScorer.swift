import NewsbusWire

/// Scores an enriched ``Article`` against an ``EnrichmentExpectation``.
///
/// The rules (all comparisons after ``EvaluationText`` folding):
///
/// - **Entities** (people, organisations, places): a prediction matches an expected entity when
///   its name equals the expected name or one of the expected aliases, or the expected name
///   equals one of the predicted aliases. A prediction's name is its `name`, or its `literal`
///   when it has no name. Place codes: accuracy over matched places that have an expected code.
/// - **Quotes**: the predicted content contains the expected text, or the expected text contains
///   the predicted content and the content is at least half as long (quotes are compared with
///   their surrounding punctuation trimmed). "With speaker" also needs the predicted speaker to
///   match the expected speaker by the entity rule, with the aliases the expectation lists for
///   that person or organisation; an expected quote without a speaker needs a prediction
///   without one.
/// - **Dates**: equal `value`, and texts that overlap (one contains the other). Predictions
///   repeating the same text and value count once, as the annotations list each once.
/// - **Subjects**: the set of predicted `medtop:` codes (a subject's `uri`, else its `code`)
///   against the expected set. Other vocabularies are not scored.
/// - **Language**: the primary subtag (`en` of `en-GB`). **Located**: equality.
///
/// Every match is one to one (``OneToOneMatching``). A key the expectation leaves out is not
/// scored: its figures stay at zero and it yields no mismatches.
public struct EnrichmentScorer: Sendable {
    /// Creates a scorer.
    public init() {}

    /// Scores one article.
    ///
    /// - Parameter fixture: the name mismatches are reported under.
    public func score(_ article: Article, against expectation: EnrichmentExpectation, fixture: String = "") -> EnrichmentReport {
        var sheet = ScoreSheet(fixture: fixture)
        sheet.report.fixtures = 1
        if let expected = expectation.people { sheet.entities(.people, article.people, expected, into: \.people) }
        if let expected = expectation.organisations { sheet.entities(.organisations, article.organisations, expected, into: \.organisations) }
        if let expected = expectation.places { sheet.entities(.places, article.places, expected, into: \.places) }
        if let expected = expectation.quotes {
            sheet.quotes(article.quotes, expected, speakers: (expectation.people ?? []) + (expectation.organisations ?? []))
        }
        if let expected = expectation.dates { sheet.dates(article.dates, expected) }
        if let expected = expectation.subjects { sheet.subjects(article.subjects, expected) }
        if let expected = expectation.language {
            let right = Self.primarySubtag(article.language) == Self.primarySubtag(expected)
            sheet.check(.language, right: right, expected: expected, got: article.language, into: \.language)
        }
        if let expected = expectation.located {
            let right = EvaluationText.sameName(article.located, expected)
            sheet.check(.located, right: right, expected: expected, got: article.located, into: \.located)
        }
        return sheet.report
    }

    /// A report being filled in for one fixture.
    private struct ScoreSheet {
        let fixture: String
        var report = EnrichmentReport()

        mutating func note(_ field: EnrichmentMismatch.Field, _ kind: EnrichmentMismatch.Kind, expected: String? = nil, predicted: String? = nil) {
            report.mismatches.append(EnrichmentMismatch(fixture: fixture, field: field, kind: kind, expected: expected, predicted: predicted))
        }

        mutating func entities(
            _ field: EnrichmentMismatch.Field, _ predicted: [Article.Concept], _ expected: [EnrichmentExpectation.Entity],
            into keyPath: WritableKeyPath<EnrichmentReport, Score>
        ) {
            let matching = OneToOneMatching(predicted: predicted, expected: expected, matches: EnrichmentScorer.entityMatches)
            report[keyPath: keyPath] = matching.score
            for e in matching.unmatchedExpected { note(field, .missed, expected: describe(expected[e])) }
            for p in matching.unmatchedPredicted { note(field, .spurious, predicted: describe(predicted[p])) }
            guard field == .places else { return }
            for pair in matching.pairs {
                guard let code = expected[pair.expected].code else { continue }
                let got = predicted[pair.predicted].code
                let right = EvaluationText.sameName(got, code)
                report.placeCodes.record(right)
                if !right { note(.placeCode, .wrong, expected: "\(quoted(expected[pair.expected].name)) \(code)", predicted: got.isEmpty ? nil : got) }
            }
        }

        mutating func quotes(_ predicted: [Article.Quote], _ expected: [EnrichmentExpectation.Quote], speakers: [EnrichmentExpectation.Entity]) {
            let content = OneToOneMatching(predicted: predicted, expected: expected) { EnrichmentScorer.quoteMatches($0.content, $1.text) }
            report.quotes = content.score
            report.quotesWithSpeaker = Score.matching(predicted: predicted, expected: expected) { p, e in
                EnrichmentScorer.quoteMatches(p.content, e.text) && EnrichmentScorer.speakerMatches(p.speaker, e.speaker, among: speakers)
            }
            for e in content.unmatchedExpected { note(.quotes, .missed, expected: describe(expected[e])) }
            for p in content.unmatchedPredicted { note(.quotes, .spurious, predicted: describe(predicted[p])) }
            for pair in content.pairs
            where !EnrichmentScorer.speakerMatches(predicted[pair.predicted].speaker, expected[pair.expected].speaker, among: speakers) {
                note(.quoteSpeaker, .wrong, expected: describe(expected[pair.expected]), predicted: describe(predicted[pair.predicted]))
            }
        }

        mutating func dates(_ mentions: [Article.DateMention], _ expected: [EnrichmentExpectation.DateExpression]) {
            var seen = Set<[String]>()
            let predicted = mentions.filter { seen.insert([EvaluationText.folded($0.text), $0.value]).inserted }
            let matching = OneToOneMatching(predicted: predicted, expected: expected, matches: EnrichmentScorer.dateMatches)
            report.dates = matching.score
            for e in matching.unmatchedExpected { note(.dates, .missed, expected: "\(quoted(expected[e].text)) = \(expected[e].value)") }
            for p in matching.unmatchedPredicted { note(.dates, .spurious, predicted: "\(quoted(predicted[p].text)) = \(predicted[p].value)") }
        }

        mutating func subjects(_ concepts: [Article.Concept], _ expected: [String]) {
            let expectedCodes = unique(expected.map(EvaluationText.folded))
            let predictedCodes = unique(concepts.map { EvaluationText.folded($0.uri.isEmpty ? $0.code : $0.uri) }.filter { $0.hasPrefix("medtop:") })
            let matching = OneToOneMatching(predicted: predictedCodes, expected: expectedCodes) { $0 == $1 }
            report.subjects = matching.score
            for e in matching.unmatchedExpected { note(.subjects, .missed, expected: expectedCodes[e]) }
            for p in matching.unmatchedPredicted { note(.subjects, .spurious, predicted: predictedCodes[p]) }
        }

        mutating func check(
            _ field: EnrichmentMismatch.Field, right: Bool, expected: String, got: String, into keyPath: WritableKeyPath<EnrichmentReport, Accuracy>
        ) {
            report[keyPath: keyPath].record(right)
            if !right { note(field, .wrong, expected: expected, predicted: got.isEmpty ? nil : got) }
        }
    }

    // MARK: - Rules

    /// The entity rule: names and aliases, folded, meet.
    public static func entityMatches(_ predicted: Article.Concept, _ expected: EnrichmentExpectation.Entity) -> Bool {
        let name = EvaluationText.folded(predicted.name.isEmpty ? predicted.literal : predicted.name)
        let expectedName = EvaluationText.folded(expected.name)
        if !name.isEmpty, name == expectedName || expected.aliases.contains(where: { EvaluationText.folded($0) == name }) {
            return true
        }
        return predicted.aliases.contains { EvaluationText.folded($0) == expectedName }
    }

    /// The quote rule: one contains the other, and a shorter prediction is at least half the expected text.
    public static func quoteMatches(_ predictedContent: String, _ expectedText: String) -> Bool {
        let content = EvaluationText.foldedQuote(predictedContent)
        let text = EvaluationText.foldedQuote(expectedText)
        guard !content.isEmpty, !text.isEmpty else { return false }
        if content.contains(text) { return true }
        return text.contains(content) && 2 * content.count >= text.count
    }

    /// The speaker rule: the predicted speaker matches the expected speaker, known by the aliases
    /// listed for it among `entities`; no expected speaker needs no predicted speaker.
    public static func speakerMatches(
        _ predicted: Article.Concept?, _ expected: String?, among entities: [EnrichmentExpectation.Entity]
    ) -> Bool {
        let hasPrediction = predicted.map { !($0.name.isEmpty && $0.literal.isEmpty) } ?? false
        guard let expected else { return !hasPrediction }
        guard let predicted, hasPrediction else { return false }
        let entity = entities.first { EvaluationText.sameName($0.name, expected) } ?? EnrichmentExpectation.Entity(name: expected)
        return entityMatches(predicted, entity)
    }

    /// The date rule: same value, overlapping texts.
    public static func dateMatches(_ predicted: Article.DateMention, _ expected: EnrichmentExpectation.DateExpression) -> Bool {
        guard predicted.value == expected.value else { return false }
        let a = EvaluationText.folded(predicted.text), b = EvaluationText.folded(expected.text)
        return !a.isEmpty && !b.isEmpty && (a.contains(b) || b.contains(a))
    }

    /// `en` of `en-GB`, `zh` of `zh_Hant`, folded.
    static func primarySubtag(_ tag: String) -> String {
        EvaluationText.folded(String(tag.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? ""))
    }
}

// MARK: - Descriptions

private func unique(_ values: [String]) -> [String] {
    var seen = Set<String>()
    return values.filter { !$0.isEmpty && seen.insert($0).inserted }
}

private func quoted(_ text: String) -> String { "\"\(text)\"" }

private func describe(_ entity: EnrichmentExpectation.Entity) -> String {
    quoted(entity.name) + (entity.aliases.isEmpty ? "" : " (aliases: \(entity.aliases.joined(separator: ", ")))")
}

private func describe(_ concept: Article.Concept) -> String {
    quoted(concept.name.isEmpty ? concept.literal : concept.name)
        + (concept.aliases.isEmpty ? "" : " (aliases: \(concept.aliases.joined(separator: ", ")))")
}

private func describe(_ quote: EnrichmentExpectation.Quote) -> String {
    quoted(quote.text) + " — " + (quote.speaker ?? "no speaker")
}

private func describe(_ quote: Article.Quote) -> String {
    let speaker = quote.speaker.map { $0.name.isEmpty ? $0.literal : $0.name } ?? ""
    return quoted(quote.content) + " — " + (speaker.isEmpty ? "no speaker" : speaker)
}
