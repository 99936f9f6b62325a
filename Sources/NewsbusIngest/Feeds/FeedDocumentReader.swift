import CLibXML2
import Foundation
import NewsbusWire

/// The fields read from one item or entry, before they become an ``Article``.
struct FeedItemFields {
    var title: String = ""
    var guid: String = ""
    var guidIsPermaLink = true
    var link: String = ""
    var published: String?
    var updated: String?
    var authors: [String] = []
    var categories: [String] = []
    var content: [String]?
    var summary: [String]?
    var images: [FeedImage] = []
    var language: String?
    var rights: String?
}

/// Reads a parsed feed document (root element given) into a ``FeedParseResult``.
struct FeedDocumentReader {
    let root: FeedNodePointer
    let context: IngestContext

    /// Words taken from the body when an item has no title.
    static let derivedHeadlineWords = 12

    func read() throws(IngestError) -> FeedParseResult {
        let (ns, local) = FeedXML.qualifiedName(root)
        switch (ns, local) {
        case (nil, "rss"):
            return try readRSS(version1: false)
        case (FeedXML.rdf, "RDF"):
            return try readRSS(version1: true)
        case (FeedXML.atom, "feed"), (FeedXML.atom03, "feed"), (nil, "feed"):
            return try readAtom()
        default:
            throw .unknownFormat("the root element <\(local)> is neither RSS (rss, rdf:RDF) nor Atom (feed)")
        }
    }

    // MARK: - RSS

    private static func isRSSCore(_ ns: String?) -> Bool {
        ns == nil || ns == FeedXML.rss10 || ns == FeedXML.rss090
    }

    private func readRSS(version1: Bool) throws(IngestError) -> FeedParseResult {
        var channelLanguage: String?
        var channelRights: String?
        var items: [FeedNodePointer] = []
        for child in FeedXML.elementChildren(root) {
            let (ns, local) = FeedXML.qualifiedName(child)
            guard Self.isRSSCore(ns) else { continue }
            if local == "channel" {
                for c in FeedXML.elementChildren(child) {
                    let (cns, clocal) = FeedXML.qualifiedName(c)
                    if Self.isRSSCore(cns), clocal == "item" {
                        items.append(c)
                    } else if Self.isRSSCore(cns), clocal == "language" {
                        channelLanguage = Self.nonEmpty(FeedXML.text(c))
                    } else if cns == FeedXML.dublinCore, clocal == "language", channelLanguage == nil {
                        channelLanguage = Self.nonEmpty(FeedXML.text(c))
                    } else if (Self.isRSSCore(cns) && clocal == "copyright") || (cns == FeedXML.dublinCore && clocal == "rights") {
                        channelRights = channelRights ?? Self.nonEmpty(FeedHTMLText.inlineText(fromHTML: FeedXML.text(c)))
                    }
                }
            } else if local == "item" {
                items.append(child)
            }
        }
        var fields: [(FeedNodePointer, FeedItemFields)] = []
        fields.reserveCapacity(items.count)
        for item in items {
            var f = readRSSItem(item)
            f.language = f.language ?? channelLanguage
            if f.rights == nil { f.rights = channelRights }
            if f.guid.isEmpty, version1, let about = FeedXML.attribute(item, "about", namespace: FeedXML.rdf) {
                f.guid = FeedStrings.trimmed(about)
            }
            fields.append((item, f))
        }
        return try build(fields, format: .rss)
    }

    private func readRSSItem(_ item: FeedNodePointer) -> FeedItemFields {
        var f = FeedItemFields()
        var description: String?
        var encoded: String?
        var dcDate: String?
        var createdDate: String?
        var dcLanguage: String?
        var media = FeedMediaCollector()
        for child in FeedXML.elementChildren(item) {
            let (ns, local) = FeedXML.qualifiedName(child)
            if Self.isRSSCore(ns) {
                switch local {
                case "title": f.title = FeedHTMLText.inlineText(fromHTML: FeedXML.text(child))
                case "link": if f.link.isEmpty { f.link = FeedStrings.trimmed(FeedXML.text(child)) }
                case "guid":
                    f.guid = FeedStrings.trimmed(FeedXML.text(child))
                    f.guidIsPermaLink = FeedXML.attribute(child, "isPermaLink").map(FeedStrings.trimmed)?.lowercased() != "false"
                case "description": description = FeedXML.text(child)
                case "pubDate": f.published = DateText.rfc822(FeedXML.text(child))
                case "author": Self.appendAuthor(Self.rssAuthor(FeedXML.text(child)), to: &f.authors)
                case "category": Self.appendCategory(FeedXML.text(child), to: &f.categories)
                case "enclosure": media.enclosure(child)
                default: break
                }
                continue
            }
            switch (ns, local) {
            case (FeedXML.content, "encoded"): encoded = FeedXML.text(child)
            case (FeedXML.dublinCore, "creator"):
                Self.appendAuthor(FeedXML.text(child), to: &f.authors)
            case (FeedXML.dublinCore, "date"): dcDate = DateText.any(FeedXML.text(child))
            case (FeedXML.dublinCore, "subject"): Self.appendCategory(FeedXML.text(child), to: &f.categories)
            case (FeedXML.dublinCore, "language"): dcLanguage = Self.nonEmpty(FeedXML.text(child))
            case (FeedXML.dublinCore, "rights"): f.rights = Self.nonEmpty(FeedHTMLText.inlineText(fromHTML: FeedXML.text(child)))
            case (FeedXML.dublinCoreTerms, "created"), (FeedXML.dublinCoreTerms, "issued"):
                createdDate = createdDate ?? DateText.any(FeedXML.text(child))
            case (FeedXML.dublinCoreTerms, "modified"), (FeedXML.atom, "updated"):
                f.updated = DateText.any(FeedXML.text(child)) ?? f.updated
            case (FeedXML.media, _): media.element(child, local: local)
            default: break
            }
        }
        f.published = f.published ?? dcDate ?? createdDate
        if let encoded {
            let paragraphs = FeedHTMLText.paragraphs(fromHTML: encoded)
            if !paragraphs.isEmpty { f.content = paragraphs }
        }
        if let description {
            let paragraphs = FeedHTMLText.paragraphs(fromHTML: description)
            if !paragraphs.isEmpty { f.summary = paragraphs }
        }
        f.images = media.images()
        f.language = FeedXML.language(item) ?? dcLanguage
        return f
    }

    /// `mail@example.org (Name)` → `Name`; otherwise the text, trimmed.
    static func rssAuthor(_ text: String) -> String {
        let trimmed = FeedStrings.trimmed(text)
        if trimmed.hasSuffix(")"), let open = trimmed.firstIndex(of: "("), trimmed[..<open].contains("@") {
            let name = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
            let cleaned = FeedStrings.trimmed(String(name))
            if !cleaned.isEmpty { return cleaned }
        }
        return trimmed
    }

    // MARK: - Atom

    private static func isAtom(_ ns: String?) -> Bool {
        ns == FeedXML.atom || ns == FeedXML.atom03 || ns == nil
    }

    private func readAtom() throws(IngestError) -> FeedParseResult {
        var feedAuthors: [String] = []
        var feedRights: String?
        var entries: [FeedNodePointer] = []
        for child in FeedXML.elementChildren(root) {
            let (ns, local) = FeedXML.qualifiedName(child)
            guard Self.isAtom(ns) else { continue }
            if local == "entry" {
                entries.append(child)
            } else if local == "author" {
                Self.appendAuthor(atomPersonName(child), to: &feedAuthors)
            } else if local == "rights" || local == "copyright" {
                feedRights = Self.nonEmpty(atomText(child).joined(separator: " "))
            }
        }
        var fields: [(FeedNodePointer, FeedItemFields)] = []
        fields.reserveCapacity(entries.count)
        for entry in entries {
            var f = readAtomEntry(entry)
            if f.authors.isEmpty { f.authors = feedAuthors }
            if f.rights == nil { f.rights = feedRights }
            fields.append((entry, f))
        }
        return try build(fields, format: .atom)
    }

    private func readAtomEntry(_ entry: FeedNodePointer) -> FeedItemFields {
        var f = FeedItemFields()
        f.guidIsPermaLink = false  // an Atom id need not be a URL one can visit
        var media = FeedMediaCollector()
        var alternate: String?
        var firstLink: String?
        var created: String?
        for child in FeedXML.elementChildren(entry) {
            let (ns, local) = FeedXML.qualifiedName(child)
            if Self.isAtom(ns) {
                switch local {
                case "title": f.title = atomText(child).joined(separator: " ").split(separator: "\n").joined(separator: " ")
                case "id": f.guid = FeedStrings.trimmed(FeedXML.text(child))
                case "link":
                    guard let rawHref = FeedXML.attribute(child, "href") else { break }
                    let href = FeedXML.resolve(rawHref, at: child)
                    guard !href.isEmpty else { break }
                    let rel = FeedXML.attribute(child, "rel").map(FeedStrings.trimmed)?.lowercased() ?? "alternate"
                    let type = FeedXML.attribute(child, "type")?.lowercased()
                    if rel == "alternate" || rel == "http://www.iana.org/assignments/relation/alternate" {
                        if alternate == nil, type.map({ $0.contains("html") }) ?? true { alternate = href }
                        if firstLink == nil { firstLink = href }
                    } else if rel == "enclosure" {
                        media.enclosure(child, href: href)
                    }
                case "published", "issued": f.published = DateText.any(FeedXML.text(child))
                case "updated", "modified": f.updated = DateText.any(FeedXML.text(child))
                case "created": created = DateText.any(FeedXML.text(child))
                case "author": Self.appendAuthor(atomPersonName(child), to: &f.authors)
                case "category":
                    let label = FeedXML.attribute(child, "label").flatMap(Self.nonEmpty)
                    Self.appendCategory(label ?? FeedXML.attribute(child, "term") ?? FeedXML.text(child), to: &f.categories)
                case "content":
                    if FeedXML.attribute(child, "src") == nil {
                        let paragraphs = atomText(child)
                        if !paragraphs.isEmpty { f.content = paragraphs }
                    }
                case "summary":
                    let paragraphs = atomText(child)
                    if !paragraphs.isEmpty { f.summary = paragraphs }
                case "rights", "copyright": f.rights = Self.nonEmpty(atomText(child).joined(separator: " "))
                default: break
                }
                continue
            }
            switch (ns, local) {
            case (FeedXML.media, _): media.element(child, local: local)
            case (FeedXML.dublinCore, "creator"): Self.appendAuthor(FeedXML.text(child), to: &f.authors)
            case (FeedXML.dublinCore, "subject"): Self.appendCategory(FeedXML.text(child), to: &f.categories)
            default: break
            }
        }
        f.published = f.published ?? created
        f.link = alternate ?? firstLink ?? ""
        f.images = media.images()
        f.language = FeedXML.language(entry)
        return f
    }

    private func atomPersonName(_ person: FeedNodePointer) -> String {
        var email = ""
        for child in FeedXML.elementChildren(person) {
            let (ns, local) = FeedXML.qualifiedName(child)
            guard Self.isAtom(ns) else { continue }
            if local == "name" {
                let name = FeedStrings.trimmed(FeedXML.text(child))
                if !name.isEmpty { return name }
            } else if local == "email" {
                email = FeedStrings.trimmed(FeedXML.text(child))
            }
        }
        return email
    }

    /// The paragraphs of an Atom text construct (`type` text, html or xhtml; Atom 0.3 `mode`).
    private func atomText(_ node: FeedNodePointer) -> [String] {
        let type = FeedXML.attribute(node, "type").map(FeedStrings.trimmed)?.lowercased() ?? "text"
        let mode = FeedXML.attribute(node, "mode")?.lowercased()
        if mode == "base64" { return [] }
        switch type {
        case "html", "text/html":
            return FeedHTMLText.paragraphs(fromHTML: FeedXML.text(node))
        case "xhtml", "application/xhtml+xml":
            if mode == "escaped" { return FeedHTMLText.paragraphs(fromHTML: FeedXML.text(node)) }
            return FeedHTMLText.paragraphs(ofChildrenOf: node)
        case "text", "text/plain":
            if mode == "escaped" { return FeedHTMLText.paragraphs(fromHTML: FeedXML.text(node)) }
            return FeedHTMLText.paragraphs(fromPlainText: FeedXML.text(node))
        default:
            if type.hasPrefix("text/") { return FeedHTMLText.paragraphs(fromPlainText: FeedXML.text(node)) }
            if type.hasSuffix("+xml") || type.hasSuffix("/xml") { return FeedHTMLText.paragraphs(ofChildrenOf: node) }
            return []
        }
    }

    // MARK: - Articles

    private func build(_ items: [(FeedNodePointer, FeedItemFields)], format: InputFormat) throws(IngestError) -> FeedParseResult {
        guard !items.isEmpty else { throw .noArticle("the \(format.shortName) feed has no items") }
        var articles: [Article] = []
        articles.reserveCapacity(items.count)
        var skipped: [FeedParseResult.SkippedItem] = []
        var seen = Set<String>()
        let source = context.source(format: format)
        for (index, (node, fields)) in items.enumerated() {
            guard var article = Self.article(from: fields, receivedAt: context.receivedAt) else {
                skipped.append(.init(index: index + 1, line: FeedXML.line(node), reason: "no title and no body"))
                continue
            }
            guard seen.insert(article.uri + "\u{0}" + article.contentHash).inserted else {
                skipped.append(.init(index: index + 1, line: FeedXML.line(node), reason: "exact duplicate of an earlier item"))
                continue
            }
            article.source = source
            articles.append(article)
        }
        guard !articles.isEmpty else {
            throw .noArticle("none of the \(items.count) items of the \(format.shortName) feed has a title or a body")
        }
        return FeedParseResult(format: format, articles: articles, skipped: skipped, itemCount: items.count)
    }

    /// The article for one item; nil when it has neither title nor body.
    static func article(from f: FeedItemFields, receivedAt: String) -> Article? {
        let body = f.content ?? f.summary ?? []
        let bodyText = body.joined(separator: "\n\n")
        var headline = FeedStrings.trimmed(f.title)
        if headline.isEmpty { headline = firstWords(of: body.first ?? "", count: derivedHeadlineWords) }
        guard !headline.isEmpty || !bodyText.isEmpty else { return nil }
        var article = Article(
            version: "1", type: "text", pubstatus: .usable, language: f.language ?? "",
            headlines: [Article.Text(role: "main", contenttype: "text/plain", value: headline)])
        if !bodyText.isEmpty {
            article.bodies = [Article.Body(role: "main", contenttype: "text/plain", value: bodyText)]
        }
        if f.content != nil, let summary = f.summary {
            let summaryText = summary.joined(separator: "\n\n")
            if summaryText != bodyText {
                article.descriptions = [Article.Text(role: "summary", contenttype: "text/plain", value: summaryText)]
            }
        }
        article.by = f.authors.joined(separator: ", ")
        article.copyrightnotice = f.rights ?? ""
        article.subjects = f.categories.map { Article.Concept(name: $0, rel: "category") }
        article.associations = f.images.enumerated().map { index, image in
            Article.Association(
                name: index == 0 ? "featureimage" : "image\(index + 1)", type: "picture",
                caption: image.caption, credit: image.credit,
                renditions: image.renditions)
        }
        article.contentHash = ContentHash.of(article)
        if !f.guid.isEmpty {
            article.uri = f.guid
            article.altids.append(Article.AltId(role: "guid", value: f.guid))
        } else if !f.link.isEmpty {
            article.uri = f.link
        } else {
            article.uri = "urn:newsbus:feed:" + article.contentHash.prefix(32)
        }
        if !f.link.isEmpty {
            article.altids.append(Article.AltId(role: "canonical-url", value: f.link))
        } else if f.guidIsPermaLink, f.guid.hasPrefix("http://") || f.guid.hasPrefix("https://") {
            article.altids.append(Article.AltId(role: "canonical-url", value: f.guid))
        }
        article.firstcreated = f.published ?? f.updated ?? receivedAt
        article.versioncreated = f.updated ?? f.published ?? receivedAt
        return article
    }

    /// The first `count` words of `text`, with `…` when there were more.
    static func firstWords(of text: String, count: Int) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        if words.count <= count { return words.joined(separator: " ") }
        var head = words.prefix(count).joined(separator: " ")
        while let last = head.last, ",;:-–—".contains(last) { head.removeLast() }
        return head + "…"
    }
}

// MARK: - Small helpers

extension FeedDocumentReader {
    /// The text trimmed, or nil when empty.
    static func nonEmpty(_ text: String) -> String? { FeedStrings.nonEmpty(text) }

    /// Appends a byline name (collapsed, a leading "By " dropped) unless empty or already there.
    static func appendAuthor(_ raw: String, to authors: inout [String]) {
        var name = FeedHTMLText.inlineText(fromPlainText: raw)
        if name.lowercased().hasPrefix("by ") { name = FeedStrings.trimmed(String(name.dropFirst(3))) }
        guard !name.isEmpty, !authors.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) else { return }
        authors.append(name)
    }

    /// Appends a category name (as text) unless empty or already there (case-insensitively).
    static func appendCategory(_ raw: String, to categories: inout [String]) {
        let name = FeedHTMLText.inlineText(fromHTML: raw)
        guard !name.isEmpty, !categories.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) else { return }
        categories.append(name)
    }
}
