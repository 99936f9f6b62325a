import NewsbusSDK
import NewsbusWire

/// Dates mentioned in the main body, resolved to ISO dates, and the dateline place (stage `enrich.dates`).
///
/// The anchor for relative expressions is, in order: the dateline's date (its year taken from the
/// other sources when missing), the lead image caption's last full date (or the picture's
/// `versioncreated`), then the article's `contentcreated`, `versioncreated` and `firstcreated`.
/// `contentcreated` comes before `versioncreated` because a scrape's `versioncreated` is the time
/// it was ingested, not the time of the story. Without an anchor only absolute dates with a year
/// are kept. See ``DateExpressions`` for the forms and resolution rules.
///
/// Sets `dates` (replacing earlier values) and `located` when the body opens with a dateline and
/// `located` is still empty.
public struct DatesEnricher: Enricher {
    /// "enrich.dates".
    public let stage: String

    /// Creates the enricher for a stage name.
    public init(stage: String = "enrich.dates") { self.stage = stage }

    /// "1".
    public var version: String { "1" }
    /// The date mentions and the dateline place.
    public var fields: [String] { ["dates", "located"] }

    /// Finds and resolves the main body's dates.
    public func enrich(_ article: inout Article) throws {
        guard let bodyIndex = article.bodies.firstIndex(where: { $0.role == "main" }) ?? article.bodies.indices.first
        else {
            article.dates = []
            return
        }
        let text = TextTokens(article.bodies[bodyIndex].value)
        let dateline = Dateline(text)
        if let dateline, article.located.isEmpty { article.located = dateline.place }
        let anchor = Self.anchor(of: article, dateline: dateline)
        let anchorText = anchor?.description ?? ""
        article.dates = DateExpressions(text: text, anchor: anchor).matches().map { match in
            Article.DateMention(
                text: text.text(tokens: match.first, through: match.last), value: match.value.description,
                relative: match.relative, anchor: match.relative ? anchorText : "",
                start: UInt32(clamping: text.tokens[match.first].start), end: UInt32(clamping: text.tokens[match.last].end),
                bodyIndex: UInt32(clamping: bodyIndex))
        }
    }

    /// The date the article's relative expressions count from, if any can be found.
    static func anchor(of article: Article, dateline: Dateline?) -> CivilDate? {
        let fallback = leadCaptionDate(article)
            ?? CivilDate(iso: article.contentcreated) ?? CivilDate(iso: article.versioncreated)
            ?? CivilDate(iso: article.firstcreated)
        guard let dateline, let month = dateline.month, let day = dateline.day else { return fallback }
        if let year = dateline.year { return CivilDate(year: year, month: month, day: day) ?? fallback }
        return fallback?.nearest(month: month, day: day) ?? fallback
    }

    /// The last full date in the lead picture's caption, else that picture's own date.
    static func leadCaptionDate(_ article: Article) -> CivilDate? {
        guard let lead = article.associations.first(where: { $0.name == "featureimage" })
            ?? article.associations.first(where: { $0.position == 0 })
        else { return nil }
        if let date = DateExpressions(text: TextTokens(lead.caption), anchor: nil).fullDates().last { return date }
        return CivilDate(iso: lead.versioncreated)
    }
}
