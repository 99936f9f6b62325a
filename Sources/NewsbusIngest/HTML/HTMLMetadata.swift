import Foundation

/// The metadata markup of a page, as found, before precedence is applied.
struct HTMLPageMetadata {
    /// `<title>`, cleaned.
    var title: String?
    /// Every `<h1>`, cleaned, with whether it sits inside `<article>` or `<main>`.
    var h1s: [(text: String, inArticle: Bool)] = []
    /// `<meta>` values by lower-cased `property`, `name` or `itemprop` (OpenGraph `og:*`,
    /// `article:*`, `description`, `author`, `keywords`…), in document order.
    var meta: [String: [String]] = [:]
    /// `<link rel=canonical href>`.
    var canonical: String?
    /// `<base href>`.
    var base: String?
    /// `<html lang>`.
    var htmlLang: String?
    /// Texts of the JSON-LD scripts.
    var jsonLD: [String] = []
    /// Items of the first breadcrumb navigation (`<nav aria-label=breadcrumb>`, `.breadcrumb`,
    /// microdata `BreadcrumbList`).
    var breadcrumbNav: [String] = []
    /// Author names from the page's byline markup (`.byline`, `rel=author`, `itemprop=author`).
    var domAuthors: [String] = []
    /// `datetime` of `<time itemprop=datePublished>`, else of the first `<time>` in the article.
    var timePublished: String?
    /// `datetime` of `<time itemprop=dateModified>`.
    var timeModified: String?

    /// The first value of a `<meta>` key, cleaned.
    func first(_ key: String) -> String? {
        meta[key]?.lazy.map { HTMLText.clean($0) }.first { !$0.isEmpty }
    }

    /// Every value of a `<meta>` key, cleaned, empty ones dropped.
    func all(_ key: String) -> [String] {
        (meta[key] ?? []).map { HTMLText.clean($0) }.filter { !$0.isEmpty }
    }

    /// Reads the metadata markup of a tree.
    init(_ tree: HTMLTree) {
        var articleDepth: [Bool] = Array(repeating: false, count: tree.count)
        var breadcrumbRoot: Int?
        var bylineCandidates: [Int] = []
        var authorElements: [Int] = []
        var firstTimeInArticle: String?
        var skipUntil = 0
        for k in 0..<tree.count {
            let node = tree[k]
            if node.isText { continue }
            let parent = node.parent
            articleDepth[k] = (parent >= 0 && articleDepth[parent]) || node.name == "article" || node.name == "main"
            switch node.name {
            case "title":
                if title == nil {
                    let text = HTMLText.clean(tree.text(of: k))
                    if !text.isEmpty { title = text }
                }
            case "h1":
                let text = HTMLText.clean(tree.text(of: k))
                if !text.isEmpty { h1s.append((text, articleDepth[k])) }
            case "meta":
                if let content = node["content"] {
                    for attribute in ["property", "name", "itemprop"] {
                        if let key = node[attribute]?.lowercased().trimmingSpaces(), !key.isEmpty {
                            meta[key, default: []].append(content)
                        }
                    }
                }
            case "link":
                let rel = (node["rel"] ?? "").lowercased().split(separator: " ")
                if rel.contains("canonical"), canonical == nil, let href = node["href"]?.trimmingSpaces(), !href.isEmpty {
                    canonical = href
                }
            case "base":
                if base == nil, let href = node["href"]?.trimmingSpaces(), !href.isEmpty { base = href }
            case "html":
                if htmlLang == nil, let lang = node["lang"] ?? node["xml:lang"], !lang.trimmingSpaces().isEmpty {
                    htmlLang = lang.trimmingSpaces()
                }
            case "script":
                if (node["type"] ?? "").lowercased().trimmingSpaces() == "application/ld+json" {
                    jsonLD.append(node.children.map { tree[$0].text }.joined())
                }
            case "time":
                if let datetime = node["datetime"] ?? node["content"] {
                    let itemprop = (node["itemprop"] ?? "").lowercased()
                    if itemprop == "datepublished", timePublished == nil { timePublished = datetime }
                    if itemprop == "datemodified", timeModified == nil { timeModified = datetime }
                    if node["pubdate"] != nil, timePublished == nil { timePublished = datetime }
                    if articleDepth[k], firstTimeInArticle == nil { firstTimeInArticle = datetime }
                }
            default:
                break
            }
            if k >= skipUntil {
                if breadcrumbRoot == nil, Self.isBreadcrumb(node) {
                    breadcrumbRoot = k
                }
                if Self.isByline(node) {
                    bylineCandidates.append(k)
                    skipUntil = tree.subtree(k).upperBound  // the outermost byline element only
                }
            }
            if (node["rel"] ?? "").lowercased().split(separator: " ").contains("author") || (node["itemprop"] ?? "").lowercased() == "author" {
                authorElements.append(k)
            }
        }
        if timePublished == nil { timePublished = firstTimeInArticle }
        if let root = breadcrumbRoot { breadcrumbNav = Self.breadcrumbItems(tree, root) }
        domAuthors = Self.authors(tree, bylines: bylineCandidates, authorElements: authorElements)
    }

    // MARK: Breadcrumb

    private static func isBreadcrumb(_ node: HTMLTree.Node) -> Bool {
        if let label = node["aria-label"]?.lowercased(), label.contains("breadcrumb") { return true }
        if let type = node["itemtype"], type.hasSuffix("BreadcrumbList") { return true }
        return HTMLVocabulary.hasToken(node, prefixes: ["breadcrumb"])
    }

    private static let separators: Set<String> = ["/", "›", "»", ">", "|", "·", "•", "→", "::", ">>", "\\", "-", "–"]

    /// The items of a breadcrumb element: its list items, else its links (and a final
    /// unlinked item), else its text split at a separator.
    static func breadcrumbItems(_ tree: HTMLTree, _ root: Int) -> [String] {
        let range = tree.subtree(root)
        var items: [String] = []
        var k = range.lowerBound + 1
        while k < range.upperBound {
            if tree[k].name == "li" {
                items.append(HTMLText.clean(tree.text(of: k)))
                k = tree.subtree(k).upperBound
            } else {
                k += 1
            }
        }
        if items.isEmpty {
            k = range.lowerBound + 1
            while k < range.upperBound {
                let node = tree[k]
                if node.name == "a" || (node.name == "span" && node.children.allSatisfy { tree[$0].isText }) {
                    items.append(HTMLText.clean(tree.text(of: k)))
                    k = tree.subtree(k).upperBound
                } else {
                    k += 1
                }
            }
        }
        items = items.map { item in
            // An item may carry its separator: "News ›".
            var words = item.split(separator: " ").map(String.init)
            while let last = words.last, separators.contains(last) { words.removeLast() }
            while let first = words.first, separators.contains(first) { words.removeFirst() }
            return words.joined(separator: " ")
        }.filter { !$0.isEmpty && !separators.contains($0) }
        if items.isEmpty, let candidate = SectionBreadcrumb.candidate(HTMLText.clean(tree.text(of: root))) {
            return candidate.segments
        }
        return items
    }

    // MARK: Byline

    private static func isByline(_ node: HTMLTree.Node) -> Bool {
        guard !HTMLVocabulary.blockTags.contains(node.name) || ["div", "p", "span", "address", "section"].contains(node.name) else {
            return false
        }
        return HTMLVocabulary.hasToken(node, prefixes: ["byline"])
    }

    /// Author names from byline markup: the `rel=author` / `itemprop=author` elements inside the
    /// first byline element, else that byline's text, else any such elements on the page.
    private static func authors(_ tree: HTMLTree, bylines: [Int], authorElements: [Int]) -> [String] {
        func name(_ k: Int) -> String {
            // itemprop=author may wrap itemprop=name.
            let range = tree.subtree(k)
            if let inner = range.first(where: { (tree[$0]["itemprop"] ?? "").lowercased() == "name" }) {
                return HTMLText.clean(tree[inner]["content"] ?? tree.text(of: inner))
            }
            return HTMLText.clean(tree[k]["content"] ?? tree.text(of: k))
        }
        for byline in bylines {
            let range = tree.subtree(byline)
            let inside = authorElements.filter { range.contains($0) }
            let names = inside.map(name).filter { !$0.isEmpty }
            if !names.isEmpty { return unique(names.flatMap(splitNames)) }
            let text = HTMLText.clean(tree.text(of: byline, skip: { tree[$0].name == "time" }))
            let split = splitNames(text)
            if !split.isEmpty { return split }
        }
        let names = authorElements.map(name).flatMap(splitNames)
        return unique(names)
    }

    /// Splits a byline into names: drops a leading `By`, cuts at `|`, `•` or a date, and splits
    /// at commas and `and`. Returns nothing for text that is too long to be a byline.
    static func splitNames(_ text: String) -> [String] {
        var line = text
        for cut in [" | ", "|", " • ", " · ", " — ", " Updated", " Published", " Posted"] {
            if let r = line.range(of: cut) { line = String(line[..<r.lowerBound]) }
        }
        line = line.trimmingSpaces()
        for prefix in ["written by ", "reported by ", "by ", "by:", "text by "] where line.lowercased().hasPrefix(prefix) {
            line = String(line.dropFirst(prefix.count)).trimmingSpaces()
        }
        guard !line.isEmpty, line.wordCount <= 16, !line.contains(where: { $0.isNumber }) else { return [] }
        let names = line.replacingOccurrences(of: " and ", with: ", ").replacingOccurrences(of: " & ", with: ", ")
            .split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
        return names.allSatisfy({ $0.wordCount <= 5 }) ? names : []
    }

    private static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0.lowercased()).inserted }
    }
}
