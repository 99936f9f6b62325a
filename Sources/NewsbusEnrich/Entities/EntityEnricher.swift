import NewsbusSDK
import NewsbusWire

/// People, organisations and places named in the headline, the main body and the image captions
/// (stage `enrich.entities`).
///
/// Names are found by rules over capitalised words and the shipped ``Gazetteer``: countries (with
/// ISO 3166-1 codes, also from demonyms and short forms like "US"), capitals and cities,
/// international organisations and news agencies, organisation phrases built on head words
/// ("Ministry of Foreign Affairs", "US Embassy"), and people introduced by titles, honorifics,
/// role nouns or speech verbs. One-word later mentions ("Funakoshi said") become aliases of the
/// person named in full. Each concept carries a salience (`relevance`), a `confidence`, a stable
/// `uri`, and rel "about" for the few most salient entities, else "mentions". Concepts that other
/// creators set are kept; this enricher's own earlier output is replaced.
public struct EntityEnricher: Enricher {
    /// "enrich.entities".
    public let stage: String
    private let gazetteer: Gazetteer

    /// Creates the enricher with the shipped gazetteer (loaded once per process).
    /// - Throws: ``Gazetteer/LoadError`` when the gazetteer resources are missing or malformed.
    public init(stage: String = "enrich.entities") throws {
        self.init(stage: stage, gazetteer: try Gazetteer.shared())
    }

    /// Creates the enricher with a given gazetteer.
    public init(stage: String = "enrich.entities", gazetteer: Gazetteer) {
        self.stage = stage
        self.gazetteer = gazetteer
    }

    /// "1".
    public var version: String { "1" }
    /// The three entity lists.
    public var fields: [String] { ["people", "organisations", "places"] }

    /// Sets `people`, `organisations` and `places`.
    public func enrich(_ article: inout Article) throws {
        let found = entities(in: article)
        article.people = merged(article.people, found.people)
        article.organisations = merged(article.organisations, found.organisations)
        article.places = merged(article.places, found.places)
    }

    /// The entities of an article, without changing it.
    public func entities(in article: Article) -> (people: [Article.Concept], organisations: [Article.Concept], places: [Article.Concept]) {
        var extractor = EntityExtractor(gazetteer: gazetteer)
        extractor.scan(article.headline, segment: .headline)
        if let body = article.mainBody {
            extractor.scan(body.value, segment: .body, leadEndsAtFirstParagraph: true)
        }
        for association in article.associations where !association.caption.isEmpty {
            extractor.scan(association.caption, segment: .caption)
        }
        let result = EntityResolver(gazetteer: gazetteer).resolve(&extractor)
        return (result.people, result.organisations, result.places)
    }

    /// Others' concepts first, then ours that they do not already name.
    private func merged(_ existing: [Article.Concept], _ found: [Article.Concept]) -> [Article.Concept] {
        let kept = existing.filter { $0.creator != EntityResolver.creator }
        let names = Set(kept.map { Gazetteer.fold($0.name) })
        return kept + found.filter { !names.contains(Gazetteer.fold($0.name)) }
    }
}
