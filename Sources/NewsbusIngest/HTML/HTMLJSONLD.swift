import Foundation

/// What the JSON-LD blocks (`<script type="application/ld+json">`) of a page say about its article.
struct HTMLJSONLDArticle: Equatable {
    /// An image named by JSON-LD (`image`: a URL, an `ImageObject`, or an array of either).
    struct Image: Equatable {
        var url: String
        var width: UInt32 = 0
        var height: UInt32 = 0
        var caption: String = ""
    }

    var headline: String?
    var description: String?
    var datePublished: String?
    var dateModified: String?
    /// Names of the authors (`Person` or `Organization`), in order.
    var authors: [String] = []
    /// `articleSection` values, in order.
    var sections: [String] = []
    var images: [Image] = []
    var publisher: String?
    var keywords: [String] = []
    var url: String?
    var language: String?
    var articleBody: String?
}

/// Reads JSON-LD blocks: objects, arrays of objects and `@graph` arrays, with `@id` references
/// between nodes resolved.
///
/// The article is the first node typed `NewsArticle`, `Article`, `ReportageNewsArticle` or any
/// other `…Article`, `BlogPosting` or `LiveBlogPosting` (one with a headline preferred); the section
/// path comes from the first `BreadcrumbList`. A block that is not valid JSON (after removing the
/// HTML comment and CDATA wrappers some sites add) is ignored.
enum HTMLJSONLD {
    /// The article and the breadcrumb of the blocks.
    static func read(_ scripts: [String]) -> (article: HTMLJSONLDArticle?, breadcrumb: [String]) {
        var nodes: [[String: Any]] = []
        for script in scripts {
            guard let value = parse(script) else { continue }
            collect(value, into: &nodes)
        }
        guard !nodes.isEmpty else { return (nil, []) }
        var byID: [String: [String: Any]] = [:]
        for node in nodes {
            if let id = node["@id"] as? String, node.count > 1, byID[id] == nil { byID[id] = node }
        }
        let resolver = Resolver(byID: byID)

        let articles = nodes.filter { isArticle(types(of: $0)) }
        let chosen = articles.first { ($0["headline"] as? String).map { !$0.isEmpty } ?? false } ?? articles.first
        let article = chosen.map { read(article: $0, resolver) }

        var breadcrumb: [String] = []
        if let list = nodes.first(where: { types(of: $0).contains("BreadcrumbList") }) {
            breadcrumb = readBreadcrumb(list, resolver)
        }
        return (article, breadcrumb)
    }

    // MARK: Parsing

    private static func parse(_ script: String) -> Any? {
        var text = script.trimmingCharacters(in: .whitespacesAndNewlines)
        for wrapper in ["<!--", "//<![CDATA[", "/*<![CDATA[*/", "<![CDATA["] where text.hasPrefix(wrapper) {
            text = String(text.dropFirst(wrapper.count))
        }
        text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for wrapper in ["-->", "//]]>", "/*]]>*/", "]]>"] where text.hasSuffix(wrapper) {
            text = String(text.dropLast(wrapper.count))
        }
        // Raw line breaks and tabs inside strings are invalid JSON but common; outside strings
        // they are white space either way.
        let data = Data(
            String(String.UnicodeScalarView(text.unicodeScalars.lazy.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
                .utf8)
        return try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    /// Every object in `value` that has a type, `@graph` members and nested objects included.
    private static func collect(_ value: Any, into nodes: inout [[String: Any]]) {
        var stack: [Any] = [value]
        var visited = 0
        while let next = stack.popLast(), visited < 100_000 {
            visited += 1
            if let object = next as? [String: Any] {
                if object["@type"] != nil { nodes.append(object) }
                // Children in reverse so that nodes come out in document order.
                for key in object.keys.sorted().reversed() where key != "@context" {
                    if let child = object[key], child is [String: Any] || child is [Any] { stack.append(child) }
                }
            } else if let array = next as? [Any] {
                for child in array.reversed() where child is [String: Any] || child is [Any] { stack.append(child) }
            }
        }
    }

    /// The `@type` values of a node, without a `schema:` or schema.org URL prefix.
    static func types(of node: [String: Any]) -> [String] {
        let raw: [String]
        if let one = node["@type"] as? String {
            raw = [one]
        } else if let many = node["@type"] as? [Any] {
            raw = many.compactMap { $0 as? String }
        } else {
            raw = []
        }
        return raw.map { type in
            var t = Substring(type)
            for prefix in ["https://schema.org/", "http://schema.org/", "schema:"] where t.hasPrefix(prefix) {
                t = t.dropFirst(prefix.count)
            }
            return String(t)
        }
    }

    private static func isArticle(_ types: [String]) -> Bool {
        types.contains { $0.hasSuffix("Article") || $0 == "BlogPosting" || $0 == "LiveBlogPosting" }
    }

    // MARK: Reading

    /// Follows `{"@id": …}` references to the node they name.
    private struct Resolver {
        var byID: [String: [String: Any]]

        func resolve(_ value: Any) -> Any {
            if let object = value as? [String: Any], let id = object["@id"] as? String, let target = byID[id],
                object["name"] == nil, object["url"] == nil
            {
                return target
            }
            return value
        }
    }

    private static func string(_ value: Any?) -> String? {
        let raw: String?
        switch value {
        case let s as String: raw = s
        case let array as [Any]: raw = array.lazy.compactMap { $0 as? String }.first
        case let n as NSNumber: raw = n.stringValue
        default: raw = nil
        }
        guard let raw else { return nil }
        let cleaned = HTMLText.clean(HTMLText.decodeEntities(raw))
        return cleaned.isEmpty ? nil : cleaned
    }

    private static func strings(_ value: Any?) -> [String] {
        switch value {
        case let s as String: string(s).map { [$0] } ?? []
        case let array as [Any]: array.compactMap { string($0) }
        default: []
        }
    }

    private static func names(_ value: Any?, _ resolver: Resolver) -> [String] {
        guard let value else { return [] }
        if let array = value as? [Any] { return array.flatMap { names($0, resolver) } }
        let resolved = resolver.resolve(value)
        if let s = resolved as? String { return string(s).map { [$0] } ?? [] }
        if let object = resolved as? [String: Any] {
            if let name = string(object["name"]) { return [name] }
            let parts = [string(object["givenName"]), string(object["familyName"])].compactMap { $0 }
            if !parts.isEmpty { return [parts.joined(separator: " ")] }
        }
        return []
    }

    private static func number(_ value: Any?) -> UInt32 {
        switch value {
        case let n as NSNumber: UInt32(clamping: Int(n.doubleValue.isFinite ? n.doubleValue : 0))
        case let s as String: UInt32(s.trimmingSpaces().prefix { $0.isNumber }) ?? 0
        case let object as [String: Any]: number(object["value"])
        default: 0
        }
    }

    private static func images(_ value: Any?, _ resolver: Resolver) -> [HTMLJSONLDArticle.Image] {
        guard let value else { return [] }
        if let array = value as? [Any] { return array.flatMap { images($0, resolver) } }
        let resolved = resolver.resolve(value)
        if let s = string(resolved) { return [HTMLJSONLDArticle.Image(url: s)] }
        if let object = resolved as? [String: Any] {
            let url = string(object["url"]) ?? string(object["contentUrl"]) ?? (string(object["@id"]).flatMap { $0.hasPrefix("http") ? $0 : nil })
            guard let url else { return [] }
            return [
                HTMLJSONLDArticle.Image(
                    url: url, width: number(object["width"]), height: number(object["height"]),
                    caption: string(object["caption"]) ?? "")
            ]
        }
        return []
    }

    private static func read(article node: [String: Any], _ resolver: Resolver) -> HTMLJSONLDArticle {
        var article = HTMLJSONLDArticle()
        article.headline = string(node["headline"]) ?? string(node["name"])
        article.description = string(node["description"])
        article.datePublished = string(node["datePublished"]) ?? string(node["dateCreated"])
        article.dateModified = string(node["dateModified"])
        article.authors = names(node["author"], resolver)
        if article.authors.isEmpty { article.authors = names(node["creator"], resolver) }
        article.sections = strings(node["articleSection"])
        article.images = images(node["image"], resolver)
        article.publisher = names(node["publisher"], resolver).first ?? names(node["sourceOrganization"], resolver).first
        if let keywords = node["keywords"] as? String {
            article.keywords = HTMLText.decodeEntities(keywords).split(separator: ",").map { HTMLText.clean(String($0)) }
                .filter { !$0.isEmpty }
        } else {
            article.keywords = strings(node["keywords"])
        }
        if let url = string(node["url"]) {
            article.url = url
        } else if let page = node["mainEntityOfPage"] {
            let resolved = resolver.resolve(page)
            article.url = string(resolved) ?? (resolved as? [String: Any]).flatMap { string($0["@id"]) ?? string($0["url"]) }
        }
        article.language = string(node["inLanguage"])
        if let body = node["articleBody"] as? String { article.articleBody = HTMLText.decodeEntities(body) }
        return article
    }

    private static func readBreadcrumb(_ list: [String: Any], _ resolver: Resolver) -> [String] {
        guard let items = list["itemListElement"] as? [Any] else { return [] }
        var entries: [(position: Int, index: Int, name: String)] = []
        for (index, raw) in items.enumerated() {
            guard let item = resolver.resolve(raw) as? [String: Any] else { continue }
            var name = string(item["name"])
            if name == nil, let target = item["item"] {
                let resolved = resolver.resolve(target)
                name = (resolved as? [String: Any]).flatMap { string($0["name"]) }
            }
            guard let name else { continue }
            let position = (item["position"] as? NSNumber)?.intValue ?? (item["position"] as? String).flatMap { Int($0) } ?? index + 1
            entries.append((position, index, name))
        }
        entries.sort { ($0.position, $0.index) < ($1.position, $1.index) }
        return entries.map(\.name)
    }
}
