import NewsbusSDK

/// The enrichers that ship with Newsbus, by kind: the `kind:` of a worker in `newsbus.yaml` and
/// the `--kind` of `newsbus worker enrich`. Each serves the stage `enrich.<kind>` by default.
public enum BuiltInEnricher: String, CaseIterable, Sendable {
    /// Near-duplicate fingerprint (SimHash) of the main body.
    case fingerprint
    /// Word and character counts, reading time.
    case stats
    /// Dates in the main body resolved against the article's date; the dateline place.
    case dates
    /// Direct and partial quotes with cue and speaker; runs after the entities enricher, whose
    /// people and organisations it resolves speakers to.
    case quotes

    /// The stage it serves by default: `enrich.<kind>`.
    public var defaultStage: String { "enrich.\(rawValue)" }

    /// A new enricher of this kind serving `stage`.
    public func make(stage: String) throws -> any Enricher {
        switch self {
        case .fingerprint: FingerprintEnricher(stage: stage)
        case .stats: StatsEnricher(stage: stage)
        case .dates: DatesEnricher(stage: stage)
        case .quotes: QuotesEnricher(stage: stage)
        }
    }

    /// Every kind's name, in pipeline order.
    public static var names: [String] { allCases.map(\.rawValue) }
}
