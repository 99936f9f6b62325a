import Foundation
import NewsbusEnrich
import NewsbusEvaluation
import NewsbusWire
import Testing

/// The quotes and dates enrichers on the annotated article set, held to the figures they were
/// built for (quotes with the right speaker F1 ≥ 0.85, dates F1 ≥ 0.90).
@Suite("Quotes and dates over the article set")
struct QuotesDatesFixtureTests {
    @Test("dates and dateline places")
    func dates() throws {
        var report = EnrichmentReport()
        for fixture in try EnrichmentFixture.loadAll(from: FixtureSet.directory) {
            var article = fixture.article
            try DatesEnricher().enrich(&article)
            report += EnrichmentScorer().score(article, against: fixture.expectation, fixture: fixture.name)
        }
        try #require(report.dates.truePositives + report.dates.falseNegatives >= 100)
        #expect(report.dates.f1 >= 0.90, "\(report.dates)")
        #expect((report.located.value ?? 0) >= 0.90, "\(report.located)")
    }

    /// The quotes enricher alone: each article's people and organisations are set from its answer
    /// key, as the entities enricher that runs before it would leave them (full name, other forms
    /// as aliases), so that a speaker miss is the quotes enricher's own.
    @Test("quotes with their speakers")
    func quotes() throws {
        var report = EnrichmentReport()
        for fixture in try EnrichmentFixture.loadAll(from: FixtureSet.directory) {
            var article = fixture.article
            article.people = (fixture.expectation.people ?? []).map { Article.Concept(name: $0.name, aliases: $0.aliases) }
            article.organisations = (fixture.expectation.organisations ?? []).map {
                Article.Concept(name: $0.name, aliases: $0.aliases)
            }
            try QuotesEnricher().enrich(&article)
            report += EnrichmentScorer().score(article, against: fixture.expectation, fixture: fixture.name)
        }
        try #require(report.quotes.truePositives + report.quotes.falseNegatives >= 100)
        #expect(report.quotes.f1 >= 0.90, "\(report.quotes)")
        #expect(report.quotesWithSpeaker.f1 >= 0.85, "\(report.quotesWithSpeaker)")
    }
}
