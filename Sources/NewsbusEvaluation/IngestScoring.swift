import NewsbusIngest
import NewsbusWire

/// The article fields whose accuracy is measured.
public enum IngestField: String, CaseIterable, Sendable, Hashable {
    /// The detected format is the expected one (once per fixture).
    case format
    /// As many articles as expected (once per fixture).
    case articleCount = "article_count"
    /// `uri`, exact or by its `uri_prefix` rule.
    case uri
    /// The main headline.
    case headline
    /// The section breadcrumb.
    case sectionPath = "section_path"
    /// `by`.
    case byline
    /// `firstcreated`.
    case firstcreated
    /// `versioncreated`.
    case versioncreated
    /// Every picture's caption (one verdict per article: all right or not).
    case captions
    /// Every picture's credit (one verdict per article).
    case credits
}

/// How often a field was right.
public struct FieldAccuracy: Sendable, Hashable {
    /// Expectations met.
    public var correct: Int
    /// Expectations checked.
    public var total: Int

    /// Creates a tally.
    public init(correct: Int = 0, total: Int = 0) {
        self.correct = correct
        self.total = total
    }

    /// correct / total; 1 when nothing was checked.
    public var accuracy: Double { total == 0 ? 1 : Double(correct) / Double(total) }

    /// Adds two tallies.
    public static func + (lhs: FieldAccuracy, rhs: FieldAccuracy) -> FieldAccuracy {
        FieldAccuracy(correct: lhs.correct + rhs.correct, total: lhs.total + rhs.total)
    }
}

/// One expectation a fixture did not meet.
public struct IngestMiss: Sendable, Hashable, CustomStringConvertible {
    /// The fixture, e.g. `html/08-furniture-heavy.html`.
    public var fixture: String
    /// 1-based article number within the fixture; nil for the fixture as a whole.
    public var article: Int?
    /// What was checked: a field name, `must_contain` or `must_not_contain`.
    public var check: String
    /// What was expected.
    public var expected: String
    /// What was found.
    public var found: String

    /// `html/08-furniture-heavy.html #1 byline: expected "…", found "…"`.
    public var description: String {
        let place = article.map { "\(fixture) #\($0)" } ?? fixture
        return "\(place) \(check): expected \(expected.debugDescription), found \(found.debugDescription)"
    }
}

/// The score of one fixture.
public struct IngestFixtureScore: Sendable {
    /// The fixture's name.
    public var fixture: String
    /// The expected format's short name.
    public var format: String
    /// Body snippets: found `must_contain` = TP, missing `must_contain` = FN, found `must_not_contain` = FP.
    public var body: Score
    /// Absent `must_not_contain` snippets (true negatives; not part of precision or recall).
    public var bodyTrueNegatives: Int
    /// Field tallies.
    public var fields: [IngestField: FieldAccuracy]
    /// Every expectation not met.
    public var misses: [IngestMiss]
}

/// Scores what the ``Ingestor`` makes of fixtures against their expectations.
///
/// Body extraction is scored the way trafilatura's public benchmark scores it: every
/// `must_contain` snippet found in the main body is a true positive and every one missing a false
/// negative; every `must_not_contain` snippet found is a false positive (and every one absent a
/// true negative, which precision and recall ignore). Snippets and body are compared after
/// whitespace normalisation. Fields are compared exactly after whitespace normalisation.
public struct IngestScorer: Sendable {
    /// The ingestor under test.
    public var ingestor: Ingestor

    /// A scorer of the given ingestor (default: the built-in parsers).
    public init(ingestor: Ingestor = Ingestor()) { self.ingestor = ingestor }

    /// Ingests the fixture's bytes and scores the result.
    public func score(_ fixture: IngestFixture) -> IngestFixtureScore {
        Self.score(Result { () throws(IngestError) in try ingestor.ingest(fixture.bytes, context: fixture.context) }, against: fixture)
    }

    /// Scores an ingest result against the fixture's expectation.
    public static func score(_ result: Result<IngestResult, IngestError>, against fixture: IngestFixture) -> IngestFixtureScore {
        var tally = Tally(fixture: fixture.name)
        let expected = fixture.expectation.articles.filter { $0.error == nil }
        let articles: [Article]
        switch result {
        case let .success(ingested):
            articles = ingested.articles
            tally.check(.format, nil, fixture.expectation.format, ingested.format.shortName)
        case let .failure(error):
            articles = []
            tally.check(.format, nil, fixture.expectation.format, "ingest failed: \(error)")
        }
        tally.check(.articleCount, nil, String(expected.count), String(articles.count))
        for (index, want) in expected.enumerated() {
            tally.score(index < articles.count ? articles[index] : nil, want, number: index + 1)
        }
        return IngestFixtureScore(
            fixture: fixture.name, format: fixture.expectation.format, body: tally.body, bodyTrueNegatives: tally.trueNegatives,
            fields: tally.fields, misses: tally.misses)
    }

    /// Runs of white space as one space, ends trimmed.
    public static func normalised(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// Counts for one fixture while it is scored.
private struct Tally {
    let fixture: String
    var body = Score()
    var trueNegatives = 0
    var fields: [IngestField: FieldAccuracy] = [:]
    var misses: [IngestMiss] = []

    init(fixture: String) { self.fixture = fixture }

    mutating func check(_ field: IngestField, _ article: Int?, _ expected: String, _ found: String) {
        let right = IngestScorer.normalised(expected) == IngestScorer.normalised(found)
        fields[field, default: FieldAccuracy()] = fields[field, default: FieldAccuracy()] + FieldAccuracy(correct: right ? 1 : 0, total: 1)
        if !right { misses.append(IngestMiss(fixture: fixture, article: article, check: field.rawValue, expected: expected, found: found)) }
    }

    /// Scores one article; `article` nil when the ingestor gave too few.
    mutating func score(_ article: Article?, _ want: ArticleExpectation, number: Int) {
        let missing = "(no article)"
        func dated(_ value: String) -> String { value == "RECEIVED" ? IngestFixture.receivedAt : value }
        if let uri = want.uri { check(.uri, number, uri, article?.uri ?? missing) }
        if let prefix = want.uriPrefix {
            check(.uri, number, prefix + (article?.contentHash.prefix(32) ?? ""), article?.uri ?? missing)
        }
        if let headline = want.headline { check(.headline, number, headline, article?.headline ?? missing) }
        if let path = want.sectionPath {
            check(.sectionPath, number, path.joined(separator: " / "), article?.sectionPath.joined(separator: " / ") ?? missing)
        }
        if let byline = want.byline { check(.byline, number, byline, article?.by ?? missing) }
        if let date = want.firstcreated { check(.firstcreated, number, dated(date), article?.firstcreated ?? missing) }
        if let date = want.versioncreated { check(.versioncreated, number, dated(date), article?.versioncreated ?? missing) }
        if let images = want.images {
            let found = article?.associations ?? []
            check(.captions, number, Self.listed(images, found, \.caption, \.caption), Self.listed(images, found, nil, \.caption))
            check(.credits, number, Self.listed(images, found, \.credit, \.credit), Self.listed(images, found, nil, \.credit))
        }

        let text = IngestScorer.normalised(article?.mainBody?.value ?? "")
        for snippet in want.mustContain {
            if text.contains(IngestScorer.normalised(snippet)) {
                body.truePositives += 1
            } else {
                body.falseNegatives += 1
                misses.append(IngestMiss(fixture: fixture, article: number, check: "must_contain", expected: snippet, found: "(absent)"))
            }
        }
        for snippet in want.mustNotContain {
            if text.contains(IngestScorer.normalised(snippet)) {
                body.falsePositives += 1
                misses.append(IngestMiss(fixture: fixture, article: number, check: "must_not_contain", expected: "(absent)", found: snippet))
            } else {
                trueNegatives += 1
            }
        }
    }

    /// The pictures' values, for comparison: the expected value where the
    /// expectation gives one (`expected` key path), otherwise the found value, so that
    /// unspecified values always agree; the found list with `expected` nil. Joined with ` | `.
    private static func listed(
        _ images: [ImageExpectation], _ found: [Article.Association], _ expected: KeyPath<ImageExpectation, String?>?,
        _ actual: KeyPath<Article.Association, String>
    ) -> String {
        guard let expected else { return found.map { IngestScorer.normalised($0[keyPath: actual]) }.joined(separator: " | ") }
        return images.enumerated().map { index, image in
            IngestScorer.normalised(image[keyPath: expected] ?? (index < found.count ? found[index][keyPath: actual] : "(unspecified)"))
        }.joined(separator: " | ")
    }
}
