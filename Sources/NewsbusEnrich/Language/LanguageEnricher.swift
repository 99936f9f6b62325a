import NewsbusSDK
import NewsbusWire

/// Identifies an article's language (stage `enrich.language`).
///
/// Reads the main headline and the start of the main body. When the guess reaches
/// ``minimumConfidence`` it is recorded as an annotation (creator `machine:enrich.language`, name
/// `language`, value the tag, score the confidence) and written to `article.language` if that is
/// empty, or always when ``overridesSourceLanguage`` is set. A language the source declared is kept
/// by default: the annotation shows any disagreement without destroying the source's word.
/// Below the threshold (empty, very short, numbers-only text) nothing is set or recorded.
public struct LanguageEnricher: Enricher {
    /// "enrich.language".
    public let stage: String
    /// Whether a detected language replaces one the source gave.
    public var overridesSourceLanguage = false
    /// The confidence (0...1) a guess needs to be used.
    public var minimumConfidence = 0.5
    private let identifier: LanguageIdentifier

    /// Creates the enricher; throws ``EnricherDataError`` when the language profiles cannot be loaded.
    public init(stage: String = "enrich.language") throws {
        self.stage = stage
        self.identifier = try LanguageIdentifier()
    }

    /// "1".
    public var version: String { "1" }
    /// The language and its annotation.
    public var fields: [String] { ["language"] }
    /// The annotation creator.
    public var creator: String { "machine:\(stage)" }

    /// Sets the language (see the type's description).
    public func enrich(_ article: inout Article) throws {
        article.annotations.removeAll { $0.creator == creator && $0.name == "language" }
        let parts = [article.headline, article.mainBody?.value ?? ""]
        guard let guess = identifier.identify(parts: parts), guess.confidence >= minimumConfidence else { return }
        article.annotations.append(Article.Annotation(creator: creator, name: "language", value: guess.tag, score: guess.confidence))
        if article.language.isEmpty || overridesSourceLanguage {
            article.language = guess.tag
        }
    }
}
