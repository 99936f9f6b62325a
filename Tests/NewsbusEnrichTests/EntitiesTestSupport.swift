import NewsbusEnrich
import NewsbusWire

/// Runs the entity enricher over a hand-made article.
func enrichEntities(headline: String = "", body: String, captions: [String] = []) throws -> Article {
    var article = Article(
        headlines: headline.isEmpty ? [] : [.init(role: "main", value: headline)],
        bodies: [.init(role: "main", value: body)],
        associations: captions.map { Article.Association(type: "picture", caption: $0) })
    try EntityEnricher().enrich(&article)
    return article
}

extension Array where Element == Article.Concept {
    /// The concept whose name is `name`.
    func named(_ name: String) -> Article.Concept? { first { $0.name == name } }
    /// All names.
    var names: [String] { map(\.name) }
}
