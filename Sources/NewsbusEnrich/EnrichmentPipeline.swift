import NewsbusSDK
import NewsbusWire

extension BuiltInEnricher {
    /// One enricher of every built-in kind, in pipeline order: what the default pipeline runs, in
    /// one process (tests, benchmarks, `newsbus bench enrich`).
    public static func pipeline() throws -> [(kind: BuiltInEnricher, enricher: any Enricher)] {
        try allCases.map { ($0, try $0.make(stage: $0.defaultStage)) }
    }

    /// Runs every enricher of `pipeline` on `article` in order.
    public static func enrich(_ article: inout Article, with pipeline: [(kind: BuiltInEnricher, enricher: any Enricher)]) throws {
        for (_, enricher) in pipeline { try enricher.enrichOnce(&article) }
    }
}

extension Enricher {
    /// Calls ``enrich(_:)`` on a copy of the enricher (enrichers are values; a mutating one keeps
    /// its state per worker, not across these calls).
    public func enrichOnce(_ article: inout Article) throws {
        var copy = self
        try copy.enrich(&article)
    }
}
