import Foundation
import NewsbusWire

/// Maps one ninjs object to an ``Article`` (see ``NinjsParser`` for the rules).
enum NinjsItemReader {
    /// Why an item was refused.
    struct Problem: Error {
        var reason: String
    }

    static func article(from o: [String: Any]) -> Result<Article, Problem> {
        // uri: required, a non-empty string.
        guard let rawURI = o["uri"], !(rawURI is NSNull) else { return .failure(Problem(reason: "uri missing")) }
        guard let uriText = rawURI as? String else { return .failure(Problem(reason: "uri is \(NinjsValue.kind(of: rawURI)), not a string")) }
        let uri = FeedStrings.trimmed(uriText)
        guard !uri.isEmpty else { return .failure(Problem(reason: "uri missing (empty)")) }

        let pubstatus: Article.PubStatus
        switch NinjsValue.text(o["pubstatus"])?.lowercased() {
        case nil, "usable": pubstatus = .usable
        case "withheld": pubstatus = .withheld
        case "canceled", "cancelled": pubstatus = .canceled
        case let other?:
            return .failure(Problem(reason: "pubstatus \"\(other)\" is not usable, withheld or canceled"))
        }

        var a = Article(uri: uri)
        a.version = NinjsValue.text(o["version"]) ?? "1"
        a.type = NinjsValue.text(o["type"]) ?? "text"
        a.profile = NinjsValue.text(o["profile"]) ?? ""
        a.firstcreated = NinjsValue.dateTime(o["firstcreated"])
        a.versioncreated = NinjsValue.dateTime(o["versioncreated"])
        a.contentcreated = NinjsValue.dateTime(o["contentcreated"])
        a.embargoed = NinjsValue.dateTime(o["embargoed"])
        a.pubstatus = pubstatus
        if let urgency = NinjsValue.integer(o["urgency"]), (1...9).contains(urgency) { a.urgency = UInt32(urgency) }
        a.language = NinjsValue.text(o["language"]) ?? ""
        a.by = byline(o["by"]) ?? byline(o["byline"]) ?? ""
        a.located = NinjsValue.text(o["located"]) ?? ""
        a.slugline = NinjsValue.text(o["slugline"]) ?? ""
        a.ednote = NinjsValue.text(o["ednote"]) ?? ""
        a.copyrightholder = NinjsValue.text(o["copyrightholder"]) ?? ""
        a.copyrightnotice = NinjsValue.text(o["copyrightnotice"]) ?? ""
        a.usageterms = NinjsValue.text(o["usageterms"]) ?? ""

        a.headlines = texts(o["headlines"])
        if a.headlines.isEmpty, let headline = NinjsValue.text(o["headline"]) {
            a.headlines = [Article.Text(role: "main", contenttype: "text/plain", value: headline)]
        }
        a.descriptions = texts(o["descriptions"])
        if a.descriptions.isEmpty {
            if let text = NinjsValue.text(o["description_text"]) {
                a.descriptions.append(Article.Text(role: "summary", contenttype: "text/plain", value: text))
            }
            if let html = NinjsValue.text(o["description_html"]) {
                a.descriptions.append(Article.Text(role: "summary", contenttype: "text/html", value: html))
            }
        }
        a.bodies = bodies(o)

        a.people = concepts(o["people"] ?? o["person"])
        a.organisations = concepts(o["organisations"] ?? o["organisation"] ?? o["organizations"])
        a.places = concepts(o["places"] ?? o["place"])
        a.events = concepts(o["events"] ?? o["event"])
        a.genres = concepts(o["genres"] ?? o["genre"])
        var keywords = keywordList(o["keywords"])
        for subject in concepts(o["subjects"] ?? o["subject"]) {
            if subject.rel == "keyword", subject.uri.isEmpty, !subject.name.isEmpty {
                keywords.append(subject.name)
            } else {
                a.subjects.append(subject)
            }
        }
        var seenKeywords = Set<String>()
        a.keywords = keywords.filter { seenKeywords.insert($0).inserted }
        a.infosources = NinjsValue.objects(o["infosources"]).compactMap { s in
            let c = Article.Concept(
                name: NinjsValue.text(s["name"]) ?? "", uri: NinjsValue.text(s["uri"]) ?? "",
                rel: NinjsValue.text(s["role"]) ?? NinjsValue.text(s["rel"]) ?? "", literal: NinjsValue.text(s["literal"]) ?? "")
            return c.name.isEmpty && c.uri.isEmpty && c.literal.isEmpty ? nil : c
        }
        a.altids = altids(o["altids"])
        a.associations = associations(o["associations"])

        if pubstatus == .canceled { a.signals = [.withdraw] }
        a.contentHash = ContentHash.of(a)
        return .success(a)
    }

    // MARK: - Parts

    private static func byline(_ value: Any?) -> String? {
        if let array = value as? [Any] {
            let names = array.compactMap { NinjsValue.text($0) ?? NinjsValue.text(($0 as? [String: Any])?["name"]) }
            return names.isEmpty ? nil : names.joined(separator: ", ")
        }
        return NinjsValue.text(value)
    }

    /// `headlines` / `descriptions`: objects with `role`, `contenttype`, `value` (strings are
    /// read as values without a role).
    private static func texts(_ value: Any?) -> [Article.Text] {
        let elements: [Any] = (value as? [Any]) ?? (value.map { [$0] } ?? [])
        return elements.compactMap { element in
            if let s = element as? String { return s.isEmpty ? nil : Article.Text(value: s) }
            guard let t = element as? [String: Any], let v = NinjsValue.string(t["value"]) else { return nil }
            return Article.Text(role: NinjsValue.text(t["role"]) ?? "", contenttype: NinjsValue.text(t["contenttype"]) ?? "", value: v)
        }
    }

    private static func isHTML(_ contenttype: String) -> Bool {
        let type = contenttype.lowercased()
        return type.hasPrefix("text/html") || type.hasPrefix("application/xhtml")
    }

    private static func isPlain(_ contenttype: String) -> Bool {
        let type = contenttype.lowercased()
        return type.isEmpty || type.hasPrefix("text/plain")
    }

    /// `bodies`, with a plain-text body derived from each HTML body whose role has none.
    private static func bodies(_ o: [String: Any]) -> [Article.Body] {
        var given: [Article.Body] = NinjsValue.objects(o["bodies"]).compactMap { b in
            guard let value = NinjsValue.string(b["value"]) else { return nil }
            return Article.Body(
                role: NinjsValue.text(b["role"]) ?? "", contenttype: NinjsValue.text(b["contenttype"]) ?? "", value: value,
                charcount: count(b["charcount"]), wordcount: count(b["wordcount"]))
        }
        if given.isEmpty {
            if let text = NinjsValue.string(o["body_text"]), !text.isEmpty {
                given.append(Article.Body(role: "main", contenttype: "text/plain", value: text))
            }
            if let html = NinjsValue.string(o["body_html"]), !html.isEmpty {
                given.append(Article.Body(role: "main", contenttype: "text/html", value: html))
            }
        }
        var result: [Article.Body] = []
        result.reserveCapacity(given.count + 1)
        var plainRoles = Set(given.filter { isPlain($0.contenttype) }.map { $0.role.isEmpty ? "main" : $0.role })
        for body in given {
            if isHTML(body.contenttype) {
                let role = body.role.isEmpty ? "main" : body.role
                if !plainRoles.contains(role) {
                    let text = FeedHTMLText.paragraphs(fromHTML: body.value).joined(separator: "\n\n")
                    if !text.isEmpty {
                        result.append(Article.Body(role: role, contenttype: "text/plain", value: text))
                        plainRoles.insert(role)
                    }
                }
            }
            result.append(body)
        }
        return result
    }

    private static func count(_ value: Any?) -> UInt32 {
        guard let n = NinjsValue.integer(value), n > 0 else { return 0 }
        return UInt32(clamping: n)
    }

    private static func percent(_ value: Any?) -> UInt32 {
        if let n = NinjsValue.integer(value) { return UInt32(clamping: min(max(n, 0), 100)) }
        if let d = (value as? NSNumber)?.doubleValue, !NinjsValue.isBool(value!), d.isFinite {
            return UInt32(min(max(d.rounded(), 0), 100))
        }
        return 0
    }

    /// People, organisations, places, subjects, events, genres (a string is a name).
    private static func concepts(_ value: Any?) -> [Article.Concept] {
        let elements: [Any] = (value as? [Any]) ?? (value.map { [$0] } ?? [])
        return elements.compactMap { element in
            if let name = NinjsValue.text(element), element is String { return Article.Concept(name: name) }
            guard let c = element as? [String: Any] else { return nil }
            let concept = Article.Concept(
                name: NinjsValue.text(c["name"]) ?? "", uri: NinjsValue.text(c["uri"]) ?? "", rel: NinjsValue.text(c["rel"]) ?? "",
                literal: NinjsValue.text(c["literal"]) ?? "", creator: NinjsValue.text(c["creator"]) ?? "",
                relevance: percent(c["relevance"]), confidence: percent(c["confidence"]))
            return concept.name.isEmpty && concept.uri.isEmpty && concept.literal.isEmpty ? nil : concept
        }
    }

    /// `keywords`: an array of strings, or one comma-separated string.
    private static func keywordList(_ value: Any?) -> [String] {
        if let array = value as? [Any] { return array.compactMap { NinjsValue.text($0) } }
        if let s = value as? String {
            return s.split(separator: ",").compactMap { NinjsValue.text(String($0)) }
        }
        return []
    }

    /// `altids`: an array of `{role, value}`, or the older object `{role: value}` (in key order).
    private static func altids(_ value: Any?) -> [Article.AltId] {
        if let array = value as? [Any] {
            return array.compactMap { element in
                guard let d = element as? [String: Any], let v = NinjsValue.text(d["value"]) else { return nil }
                return Article.AltId(role: NinjsValue.text(d["role"]) ?? "", value: v)
            }
        }
        if let object = value as? [String: Any] {
            return object.keys.sorted().compactMap { key in NinjsValue.text(object[key]).map { Article.AltId(role: key, value: $0) } }
        }
        return []
    }

    /// Keys of an object-form collection: `first`-prefixed keys first, then the rest in order.
    private static func orderedKeys(_ object: [String: Any], first prefix: String) -> [String] {
        let keys = object.keys.sorted()
        return keys.filter { $0.hasPrefix(prefix) } + keys.filter { !$0.hasPrefix(prefix) }
    }

    /// `associations`: the 2.x array, or the older object keyed by name.
    private static func associations(_ value: Any?) -> [Article.Association] {
        if let array = value as? [Any] {
            return array.compactMap { ($0 as? [String: Any]).map { association($0, key: nil) } }
        }
        if let object = value as? [String: Any] {
            return orderedKeys(object, first: "feature").compactMap { key in
                (object[key] as? [String: Any]).map { association($0, key: key) }
            }
        }
        return []
    }

    private static func association(_ d: [String: Any], key: String?) -> Article.Association {
        var plainDescriptions: [Article.Text] = texts(d["descriptions"]).map { t in
            isHTML(t.contenttype) ? Article.Text(role: t.role, contenttype: "text/plain", value: FeedHTMLText.inlineText(fromHTML: t.value)) : t
        }
        if plainDescriptions.isEmpty, let text = NinjsValue.text(d["description_text"]) {
            plainDescriptions.append(Article.Text(role: "caption", contenttype: "text/plain", value: text))
        }
        let headline = texts(d["headlines"]).first?.value ?? NinjsValue.text(d["headline"])
        let by = byline(d["by"]) ?? byline(d["byline"]) ?? ""
        let copyrightholder = NinjsValue.text(d["copyrightholder"]) ?? ""
        let caption =
            plainDescriptions.first { $0.role == "caption" }?.value
            ?? plainDescriptions.first { $0.role != "credit" }?.value
            ?? headline ?? ""
        let credit = plainDescriptions.first { $0.role == "credit" }?.value ?? (by.isEmpty ? copyrightholder : by)
        return Article.Association(
            name: NinjsValue.text(d["name"]) ?? key ?? "", uri: NinjsValue.text(d["uri"]) ?? "", type: NinjsValue.text(d["type"]) ?? "",
            caption: FeedStrings.trimmed(caption), credit: credit, by: by, copyrightholder: copyrightholder,
            versioncreated: NinjsValue.dateTime(d["versioncreated"]), renditions: renditions(d["renditions"]))
    }

    /// `renditions`: an array, or an object keyed by name (`original` first, then in key order).
    private static func renditions(_ value: Any?) -> [Article.Rendition] {
        func rendition(_ r: [String: Any], name: String?) -> Article.Rendition? {
            let href = NinjsValue.text(r["href"]) ?? ""
            let result = Article.Rendition(
                name: NinjsValue.text(r["name"]) ?? name ?? "", href: href,
                contenttype: NinjsValue.text(r["contenttype"]) ?? NinjsValue.text(r["mimetype"]) ?? "",
                width: count(r["width"]), height: count(r["height"]))
            return href.isEmpty && result.name.isEmpty ? nil : result
        }
        if let array = value as? [Any] {
            return array.compactMap { ($0 as? [String: Any]).flatMap { rendition($0, name: nil) } }
        }
        if let object = value as? [String: Any] {
            return orderedKeys(object, first: "original").compactMap { key in
                (object[key] as? [String: Any]).flatMap { rendition($0, name: key) }
            }
        }
        return []
    }
}
