import Foundation

/// Converts an ``Article`` to IPTC ninjs 2.1 JSON.
///
/// ninjs 2.1 allows no properties beyond its own, so Newsbus extensions are mapped where ninjs has
/// a place for them and left out otherwise (use `newsbus show --format json` for everything):
/// - image associations become ninjs associations with `descriptions` of role `caption` and
///   `credit`; an association without a uri gets `<article uri>#<name>`;
/// - keywords become subjects with `rel: "keyword"` (ninjs 2.1 has no keywords property);
/// - concepts keep only the properties ninjs allows for their kind;
/// - section path, quotes, provenance, annotations, fingerprint and signals are left out.
public enum NinjsEncoder {
    /// The ninjs version produced.
    public static let version = "2.1"
    /// The schema URI stamped into `standard.schema`.
    public static let schemaURI = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json#"

    /// The ninjs object as Foundation JSON values (dictionaries, arrays, strings, numbers).
    public static func object(for article: Article) -> [String: Any] {
        var o: [String: Any] = ["uri": article.uri]
        o["type"] = article.type.isEmpty ? "text" : article.type
        set(&o, "version", article.version)
        set(&o, "profile", article.profile)
        set(&o, "firstcreated", article.firstcreated)
        set(&o, "versioncreated", article.versioncreated)
        set(&o, "contentcreated", article.contentcreated)
        set(&o, "embargoed", article.embargoed)
        o["pubstatus"] = article.pubstatus.description
        if (1...9).contains(article.urgency) { o["urgency"] = Int(article.urgency) }
        set(&o, "language", article.language)
        set(&o, "by", article.by)
        set(&o, "located", article.located)
        set(&o, "slugline", article.slugline)
        set(&o, "ednote", article.ednote)
        set(&o, "copyrightholder", article.copyrightholder)
        set(&o, "copyrightnotice", article.copyrightnotice)
        set(&o, "usageterms", article.usageterms)
        setArray(&o, "headlines", article.headlines.map(text))
        setArray(&o, "descriptions", article.descriptions.map(text))
        setArray(&o, "bodies", article.bodies.map(body))
        setArray(&o, "people", article.people.map { concept($0, keys: [.name, .rel, .uri, .literal]) })
        setArray(&o, "organisations", article.organisations.map { concept($0, keys: [.name, .rel, .uri, .literal]) })
        setArray(&o, "places", article.places.map { concept($0, keys: [.name, .rel, .uri, .literal]) })
        setArray(&o, "events", article.events.map { concept($0, keys: [.name, .rel, .uri, .literal]) })
        setArray(&o, "genres", article.genres.map { concept($0, keys: [.name, .uri, .literal]) })
        let subjectKeys: Set<ConceptKey> = [.name, .rel, .uri, .literal, .creator, .relevance, .confidence]
        setArray(
            &o, "subjects",
            article.subjects.map { concept($0, keys: subjectKeys) }
                + article.keywords.map { ["name": $0, "rel": "keyword"] }
        )
        setArray(&o, "infosources", article.infosources.map(infosource))
        setArray(&o, "altids", article.altids.map { a -> [String: Any] in
            var d: [String: Any] = ["value": a.value]
            set(&d, "role", a.role)
            return d
        })
        setArray(&o, "associations", article.associations.enumerated().map { association($1, index: $0, article: article) })
        o["standard"] = ["name": "ninjs", "version": version, "schema": schemaURI]
        return o
    }

    /// The ninjs JSON text, pretty-printed with sorted keys.
    public static func json(for article: Article, pretty: Bool = true) throws -> Data {
        var options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        if pretty { options.insert(.prettyPrinted) }
        return try JSONSerialization.data(withJSONObject: object(for: article), options: options)
    }

    private enum ConceptKey: Hashable { case name, rel, uri, literal, creator, relevance, confidence }

    private static func set(_ o: inout [String: Any], _ key: String, _ value: String) {
        if !value.isEmpty { o[key] = value }
    }

    private static func setArray(_ o: inout [String: Any], _ key: String, _ value: [[String: Any]]) {
        if !value.isEmpty { o[key] = value }
    }

    private static func text(_ t: Article.Text) -> [String: Any] {
        var d: [String: Any] = ["value": t.value]
        set(&d, "role", t.role)
        set(&d, "contenttype", t.contenttype)
        return d
    }

    private static func body(_ b: Article.Body) -> [String: Any] {
        var d: [String: Any] = ["value": b.value]
        set(&d, "role", b.role)
        set(&d, "contenttype", b.contenttype)
        if b.charcount > 0 { d["charcount"] = Int(b.charcount) }
        if b.wordcount > 0 { d["wordcount"] = Int(b.wordcount) }
        return d
    }

    private static func concept(_ c: Article.Concept, keys: Set<ConceptKey>) -> [String: Any] {
        var d: [String: Any] = [:]
        set(&d, "name", c.name)
        if keys.contains(.rel) { set(&d, "rel", c.rel) }
        set(&d, "uri", c.uri)
        set(&d, "literal", c.literal)
        if keys.contains(.creator) { set(&d, "creator", c.creator) }
        if keys.contains(.relevance), c.relevance > 0 { d["relevance"] = Int(min(c.relevance, 100)) }
        if keys.contains(.confidence), c.confidence > 0 { d["confidence"] = Int(min(c.confidence, 100)) }
        return d
    }

    private static func infosource(_ c: Article.Concept) -> [String: Any] {
        var d: [String: Any] = [:]
        set(&d, "name", c.name)
        set(&d, "role", c.rel)
        set(&d, "uri", c.uri)
        set(&d, "literal", c.literal)
        return d
    }

    private static func association(_ a: Article.Association, index: Int, article: Article) -> [String: Any] {
        let name = a.name.isEmpty ? "image\(index + 1)" : a.name
        var d: [String: Any] = [
            "name": name,
            "uri": a.uri.isEmpty ? "\(article.uri)#\(name)" : a.uri,
            "type": a.type.isEmpty ? "picture" : a.type,
        ]
        var descriptions: [[String: Any]] = []
        if !a.caption.isEmpty { descriptions.append(["role": "caption", "value": a.caption]) }
        if !a.credit.isEmpty { descriptions.append(["role": "credit", "value": a.credit]) }
        setArray(&d, "descriptions", descriptions)
        set(&d, "by", a.by)
        set(&d, "copyrightholder", a.copyrightholder)
        set(&d, "versioncreated", a.versioncreated)
        setArray(&d, "renditions", a.renditions.map { r -> [String: Any] in
            var x: [String: Any] = ["name": r.name.isEmpty ? "original" : r.name]
            set(&x, "href", r.href)
            set(&x, "contenttype", r.contenttype)
            if r.width > 0 { x["width"] = Int(r.width) }
            if r.height > 0 { x["height"] = Int(r.height) }
            return x
        })
        return d
    }
}
