import NewsbusSDK

/// The enrichers that ship with Newsbus, by kind: the `kind:` of a worker in `newsbus.yaml` and
/// the `--kind` of `newsbus worker enrich`. Each serves the stage `enrich.<kind>` by default.
public enum BuiltInEnricher: String, CaseIterable, Sendable {
    /// The article's language (BCP 47 primary tag), from its writing system and character n-grams.
    case language
    /// People, organisations and places (gazetteer, titles, coreference), with ISO country codes.
    case entities
    /// Direct and partial quotes with cue and speaker; runs after the entities enricher, whose
    /// people and organisations it resolves speakers to.
    case quotes
    /// Dates in the main body resolved against the article's date; the dateline place.
    case dates
    /// Top-level IPTC Media Topics (subjects) from keyword rules, and keywords.
    case topics
    /// Near-duplicate fingerprint (SimHash) of the main body.
    case fingerprint
    /// Word and character counts, reading time.
    case stats

    /// The stage it serves by default: `enrich.<kind>`.
    public var defaultStage: String { "enrich.\(rawValue)" }

    /// A new enricher of this kind serving `stage`.
    public func make(stage: String) throws -> any Enricher {
        switch self {
        case .entities: try EntityEnricher(stage: stage)
        case .fingerprint: FingerprintEnricher(stage: stage)
        case .stats: StatsEnricher(stage: stage)
        case .language: try LanguageEnricher(stage: stage)
        case .topics: try TopicsEnricher(stage: stage)
        case .dates: DatesEnricher(stage: stage)
        case .quotes: QuotesEnricher(stage: stage)
        }
    }

    /// Every kind's name, in pipeline order.
    public static var names: [String] { allCases.map(\.rawValue) }
}
