import Foundation
import NewsbusEnrich
import NewsbusEvaluation
import NewsbusWire
import Testing

/// The built-in enrichers against the annotated article set: the quality targets, and
/// determinism (`newsbus bench enrich` prints the same figures).
@Suite("Enrichment quality over the annotated article set")
struct EnrichmentQualityTests {
    static func report() throws -> EnrichmentReport {
        let fixtures = try EnrichmentFixture.loadAll(from: FixtureSet.directory)
        let pipeline = try BuiltInEnricher.pipeline()
        var report = EnrichmentReport()
        for fixture in fixtures {
            var article = fixture.article
            try BuiltInEnricher.enrich(&article, with: pipeline)
            report += EnrichmentScorer().score(article, against: fixture.expectation, fixture: fixture.name)
        }
        return report
    }

    @Test("entities F1 ≥ 0.90, quotes with the right speaker F1 ≥ 0.85, dates F1 ≥ 0.90")
    func targets() throws {
        let report = try Self.report()
        let entities = report.people + report.organisations + report.places
        #expect(entities.f1 >= 0.90, "entities \(entities)\n\(report)")
        #expect(report.quotesWithSpeaker.f1 >= 0.85, "quotes + speaker \(report.quotesWithSpeaker)")
        #expect(report.dates.f1 >= 0.90, "dates \(report.dates)")
        #expect((report.language.value ?? 0) >= 0.95, "language \(report.language)")
        #expect((report.placeCodes.value ?? 0) >= 0.95, "place codes \(report.placeCodes)")
        #expect(report.subjects.f1 >= 0.70, "subjects \(report.subjects)")
    }

    @Test("the same input gives the same output")
    func deterministic() throws {
        let fixtures = try EnrichmentFixture.loadAll(from: FixtureSet.directory)
        for fixture in fixtures.prefix(10) {
            var a = fixture.article
            var b = fixture.article
            try BuiltInEnricher.enrich(&a, with: try BuiltInEnricher.pipeline())
            try BuiltInEnricher.enrich(&b, with: try BuiltInEnricher.pipeline())
            #expect(a == b, "\(fixture.name)")
        }
    }
}
