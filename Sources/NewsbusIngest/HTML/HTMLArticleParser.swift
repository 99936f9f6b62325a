import Foundation
import NewsbusWire

/// Reads a full HTML article page into one ``Article``.
///
/// The page is parsed by libxml2's HTML parser (recovering from broken markup, silently, without
/// network access), then read in two parts: the page's **metadata** and its **main text**.
///
/// ## Metadata, and which source wins
///
/// Three sources are read, and for every field the first that has a value wins:
///
/// 1. **JSON-LD** (`<script type="application/ld+json">`): the first `NewsArticle`, `Article`,
///    `ReportageNewsArticle` (or other `…Article`, `BlogPosting`) node, also inside `@graph`
///    arrays and with `@id` references resolved; and the first `BreadcrumbList`;
/// 2. **OpenGraph and `article:*` meta tags** (`og:title`, `og:description`, `og:image` with
///    `:width`, `:height`, `:alt`, `og:url`, `og:site_name`, `og:locale`,
///    `article:published_time`, `article:modified_time`, `article:author`, `article:section`,
///    `article:tag`);
/// 3. **Plain HTML**: `<title>` and `<h1>`, `<link rel=canonical>`, `<html lang>`,
///    `<meta name=description|author|keywords>`, breadcrumb navigation
///    (`<nav aria-label=breadcrumb>`, `.breadcrumb` lists), byline markup (`.byline`,
///    `rel=author`, `itemprop=author`), `<time datetime>`.
///
/// | Article field | from, in order of precedence |
/// |---|---|
/// | `uri` | `<link rel=canonical>`, `og:url`, JSON-LD `url`/`mainEntityOfPage`; else `urn:newsbus:html:<first 32 hex digits of the content hash>` |
/// | `altids` | `canonical-url` (when the uri is a URL), `filename` (when known) |
/// | `headlines` (main) | JSON-LD `headline`, `og:title`, `twitter:title`, then the `<h1>` that the `<title>` contains, an `<h1>` in `<article>`/`<main>`, the `<title>` without its site-name part, any `<h1>` |
/// | `descriptions` (summary) | JSON-LD `description`, `og:description`, `twitter:description`, `<meta name=description>` |
/// | `by` | JSON-LD `author` (names of Person/Organization, joined with ", "), `article:author` (unless a URL), `<meta name=author>`, byline markup, a `By …` line opening the text |
/// | `firstcreated` | JSON-LD `datePublished`, `article:published_time`, `itemprop=datePublished`, `<time>`, `<meta name=pubdate…>`, a `Published …` line opening the text; else `versioncreated`'s source; else the time of ingest |
/// | `versioncreated` | JSON-LD `dateModified`, `article:modified_time`, `og:updated_time`, `itemprop=dateModified`; else `firstcreated` |
/// | `section_path` | JSON-LD `BreadcrumbList`, breadcrumb navigation, JSON-LD `articleSection`, `article:section` (a leading "Home" and a final item repeating the headline are dropped) |
/// | `keywords` | JSON-LD `keywords`, `article:tag`, `<meta name=news_keywords|keywords>` |
/// | `language` | JSON-LD `inLanguage`, `og:locale`, `<html lang>` (as a BCP 47 tag: `ko_KR` → `ko-KR`) |
/// | `copyrightholder` | JSON-LD `publisher.name`, `og:site_name` |
/// | `located` | the place of a dateline opening the text (`SEOUL, March 7 (Newsbus Wire) - …` → `Seoul`) |
///
/// Dates become RFC 3339 UTC (`2024-03-07T09:15:00+09:00` → `2024-03-07T00:15:00Z`).
///
/// ## Main text
///
/// The article text is found by scoring containers (see `HTMLMainTextExtractor`): paragraph text
/// density, link density, commas, and class/id hints, after dropping navigation, share widgets,
/// cookie banners, comments, related-links lists, newsletter boxes, scripts and forms. Its
/// paragraphs, headings, prose lists and blockquotes, cleaned as the plain-text parser cleans
/// scrapes (spaces collapsed, invisible characters dropped, curly quotes straightened), then go
/// through the ``BoilerplateRules`` and become the `text/plain` "main" body, paragraphs
/// separated by a blank line. Also removed from the text: a repeat of the headline, and near
/// the top a `By …` byline line and a date line (`Published …`, `Updated …`, or a short line
/// with a full date that is not a sentence).
///
/// `<figure>`s with a `<figcaption>` (and captioned image blocks, and paragraphs that read as
/// photo captions, as in plain-text scrapes) become picture ``Article/associations``: caption,
/// credit (a credit element, `<small>`/`<cite>` in the caption, a final `(Photo by …)` or
/// `Photo: …`), the caption's date, the image as an "original" rendition with its width and
/// height, and `position`, the number of body paragraphs before it. The page's `og:image` (or
/// JSON-LD `image`) is the "featureimage": merged into the figure showing the same image, else
/// added first, at position 0.
public struct HTMLArticleParser: FormatParser {
    /// The boilerplate rules applied to the extracted paragraphs.
    public var boilerplate: BoilerplateRules

    /// Creates a parser.
    ///
    /// - Parameter boilerplate: which paragraphs are site furniture; the built-in heuristics by
    ///   default, extend them per source with ``BoilerplateRules/adding(_:)``.
    public init(boilerplate: BoilerplateRules = .builtIn) {
        self.boilerplate = boilerplate
    }

    /// `.html`.
    public var format: InputFormat { .html }

    /// The article of an HTML page.
    ///
    /// - Throws: ``IngestError/empty`` for a document without text, ``IngestError/noArticle(_:)``
    ///   when the page has no article text or no headline (a page of navigation only, or text
    ///   that is not HTML at all).
    public func parse(_ document: DecodedDocument, context: IngestContext) throws(IngestError) -> [Article] {
        [try article(from: document.text, context: context)]
    }

    /// The article of an HTML page given as text.
    ///
    /// - Throws: see ``parse(_:context:)``.
    public func article(from html: String, context: IngestContext) throws(IngestError) -> Article {
        guard html.unicodeScalars.contains(where: { !$0.properties.isWhitespace && $0 != "\u{FEFF}" && $0 != "\0" }) else {
            throw .empty
        }
        guard let tree = HTMLTree.parse(html) else { throw .noArticle("libxml2 read no document") }
        let page = HTMLPageMetadata(tree)
        let (ld, ldBreadcrumb) = HTMLJSONLD.read(page.jsonLD)
        var extractor = HTMLMainTextExtractor(tree: tree)
        let items = extractor.extract()
        var removed = extractor.removed

        // Headline.
        let siteNames = [ld?.publisher, page.first("og:site_name"), page.first("application-name")].compactMap { $0 }
        let headline = HTMLHeadline.choose(
            jsonLD: ld?.headline, openGraph: page.first("og:title") ?? page.first("twitter:title"), title: page.title,
            h1s: page.h1s, siteNames: siteNames)
        guard !headline.isEmpty else { throw .noArticle("the page has no headline (no title, og:title, JSON-LD headline or h1)") }

        // Body and pictures.
        var text = HTMLBodyText(items: items, headline: headline, rules: boilerplate)
        if text.paragraphs.isEmpty, let body = ld?.articleBody {
            text = HTMLBodyText(items: HTMLText.paragraphs(body).map { .paragraph($0) }, headline: headline, rules: boilerplate)
        }
        removed += text.removed
        guard !text.paragraphs.isEmpty else { throw .noArticle("no article text found") }

        var article = Article(
            version: "1", type: "text", pubstatus: .usable,
            headlines: [Article.Text(role: "main", contenttype: "text/plain", value: headline)],
            bodies: [Article.Body(role: "main", contenttype: "text/plain", value: text.paragraphs.joined(separator: "\n\n"))])
        article.boilerplate = removed

        // Identity.
        let base = [page.canonical, page.first("og:url"), page.base, ld?.url].compactMap { $0 }.compactMap(Self.absoluteURL).first
        let uri = [page.canonical, page.first("og:url"), ld?.url].compactMap { $0 }.lazy.compactMap { Self.resolve($0, base: base) }.first

        // Descriptions, byline, dates.
        if let summary = ld?.description ?? page.first("og:description") ?? page.first("twitter:description") ?? page.first("description") {
            article.descriptions = [Article.Text(role: "summary", contenttype: "text/plain", value: summary)]
        }
        var authors = ld?.authors ?? []
        if authors.isEmpty { authors = page.all("article:author").filter { !Self.isURL($0) } }
        if authors.isEmpty { authors = (page.all("author") + page.all("dc.creator")).filter { !Self.isURL($0) } }
        if authors.isEmpty { authors = page.domAuthors }
        if authors.isEmpty { authors = text.bylineAuthors }
        article.by = Self.unique(authors).joined(separator: ", ")

        let published = Self.firstDate([
            ld?.datePublished, page.first("article:published_time"), page.first("og:published_time"), page.first("datepublished"),
            page.timePublished, page.first("pubdate"), page.first("publishdate"), page.first("date"), page.first("dc.date.issued"),
            page.first("dc.date"), page.first("dcterms.created"),
        ])
        let modified = Self.firstDate([
            ld?.dateModified, page.first("article:modified_time"), page.first("og:updated_time"), page.first("datemodified"),
            page.timeModified, page.first("dcterms.modified"), page.first("last-modified"),
        ])
        let created = published ?? text.dateLineValue
        article.firstcreated = created ?? modified ?? context.receivedAt
        article.versioncreated = modified ?? created ?? context.receivedAt

        // Section path, keywords, language, rights, dateline.
        article.sectionPath = Self.sectionPath(
            jsonLDBreadcrumb: ldBreadcrumb, navigation: page.breadcrumbNav, jsonLDSections: ld?.sections ?? [],
            articleSection: page.first("article:section"), headline: headline)
        var keywords = ld?.keywords ?? []
        if keywords.isEmpty { keywords = page.all("article:tag") }
        if keywords.isEmpty {
            keywords = (page.first("news_keywords") ?? page.first("keywords") ?? "").split(separator: ",").map { String($0).trimmingSpaces() }
        }
        article.keywords = Self.unique(keywords.filter { !$0.isEmpty })
        if let language = ld?.language ?? page.first("og:locale") ?? page.htmlLang ?? page.first("language") {
            article.language = Self.languageTag(language)
        }
        article.copyrightholder = ld?.publisher ?? page.first("og:site_name") ?? ""
        article.located = text.datelinePlace ?? ""

        // Pictures.
        var feature: HTMLPicture?
        if let image = ld?.images.first {
            feature = HTMLPicture(src: image.url, width: image.width, height: image.height, caption: image.caption)
        }
        if let og = page.first("og:image") ?? page.first("og:image:url") ?? page.first("og:image:secure_url") ?? page.first("twitter:image") {
            let ogPicture = HTMLPicture(
                src: og, width: HTMLMainTextExtractor.dimension(page.first("og:image:width")),
                height: HTMLMainTextExtractor.dimension(page.first("og:image:height")), alt: page.first("og:image:alt") ?? "")
            if var chosen = feature {
                if Self.sameImage(Self.resolve(chosen.src, base: base) ?? chosen.src, Self.resolve(og, base: base) ?? og) {
                    if chosen.width == 0 { chosen.width = ogPicture.width }
                    if chosen.height == 0 { chosen.height = ogPicture.height }
                    if chosen.alt.isEmpty { chosen.alt = ogPicture.alt }
                    feature = chosen
                }
            } else {
                feature = ogPicture
            }
        }
        article.associations = Self.associations(pictures: text.pictures, feature: feature, base: base)

        // Content identity last: it hashes the headline and the body.
        article.contentHash = ContentHash.of(article)
        if let uri {
            article.uri = uri
            article.altids.append(Article.AltId(role: "canonical-url", value: uri))
        } else {
            article.uri = "urn:newsbus:html:" + article.contentHash.prefix(32)
        }
        if let filename = context.filename { article.altids.append(Article.AltId(role: "filename", value: filename)) }
        article.source = context.source(format: .html)
        return article
    }

    // MARK: - Helpers

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0.lowercased()).inserted }
    }

    private static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//")
    }

    /// `text` when it is an absolute http(s) URL.
    static func absoluteURL(_ text: String) -> URL? {
        guard let url = URL(string: text.trimmingSpaces()), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            url.host != nil
        else { return nil }
        return url
    }

    /// `text` as an absolute http(s) URL, resolved against `base` when relative.
    static func resolve(_ text: String, base: URL?) -> String? {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { return nil }
        if let absolute = absoluteURL(trimmed) { return absolute.absoluteString }
        guard let base, let url = URL(string: trimmed, relativeTo: base), let absolute = absoluteURL(url.absoluteString) else {
            return nil
        }
        return absolute.absoluteString
    }

    /// Same image: the same address, or the same file name once the query is dropped.
    static func sameImage(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        func file(_ s: String) -> Substring {
            let path = s.split(separator: "?", maxSplits: 1).first ?? Substring(s)
            return path.split(separator: "/").last ?? path
        }
        let fa = file(a)
        return !fa.isEmpty && fa == file(b)
    }

    private static func firstDate(_ candidates: [String?]) -> String? {
        candidates.lazy.compactMap { $0 }.compactMap { DateText.pageDate($0) }.first
    }

    /// A BCP 47 tag from `ko_KR`, `en-us`, `zh-hant-tw`…
    static func languageTag(_ raw: String) -> String {
        let parts = raw.trimmingSpaces().split(whereSeparator: { $0 == "_" || $0 == "-" })
        guard let first = parts.first else { return "" }
        var out = [first.lowercased()]
        for part in parts.dropFirst() {
            switch part.count {
            case 2: out.append(part.uppercased())
            case 4: out.append(part.prefix(1).uppercased() + part.dropFirst().lowercased())
            default: out.append(part.lowercased())
            }
        }
        return out.joined(separator: "-")
    }

    /// Names of a site's home page in breadcrumbs (keys).
    static let homeWords: Set<String> = ["home", "homepage", "home page", "main", "start", "front page", "홈", "ホーム", "首页", "startseite", "accueil", "inicio"]

    /// The section path, by precedence; "Home" first and the headline last are dropped.
    static func sectionPath(
        jsonLDBreadcrumb: [String], navigation: [String], jsonLDSections: [String], articleSection: String?, headline: String
    ) -> [String] {
        let headlineKey = LineKey.key(headline)
        func cleaned(_ items: [String]) -> [String] {
            var path = items.map { HTMLText.clean($0) }.filter { !$0.isEmpty }
            if let first = path.first, homeWords.contains(LineKey.key(first)) { path.removeFirst() }
            if let last = path.last, LineKey.key(last) == headlineKey || last.wordCount > 8 { path.removeLast() }
            var deduplicated: [String] = []
            for item in path where deduplicated.last != item { deduplicated.append(item) }
            return deduplicated
        }
        for candidate in [jsonLDBreadcrumb, navigation] {
            let path = cleaned(candidate)
            if !path.isEmpty { return path }
        }
        for section in jsonLDSections.prefix(1) + (articleSection.map { [$0] } ?? []) {
            if let crumb = SectionBreadcrumb.candidate(section), crumb.segments.count > 1 { return cleaned(crumb.segments) }
            let path = cleaned([section])
            if !path.isEmpty { return path }
        }
        return []
    }

    /// Associations from the pictures of the text and the feature image.
    static func associations(pictures: [(picture: HTMLPicture, position: Int)], feature: HTMLPicture?, base: URL?)
        -> [Article.Association]
    {
        var list = pictures
        if let feature {
            let featureURL = resolve(feature.src, base: base) ?? feature.src
            if let match = list.firstIndex(where: { !$0.picture.src.isEmpty && sameImage(resolve($0.picture.src, base: base) ?? $0.picture.src, featureURL) }) {
                if list[match].picture.width == 0 { list[match].picture.width = feature.width }
                if list[match].picture.height == 0 { list[match].picture.height = feature.height }
            } else if !feature.src.isEmpty {
                var lead = feature
                if lead.caption.isEmpty { lead.caption = lead.alt }
                list.insert((lead, 0), at: 0)
            }
        }
        return list.enumerated().map { index, entry in
            let picture = entry.picture
            let href = picture.src.isEmpty ? "" : (resolve(picture.src, base: base) ?? picture.src)
            var association = Article.Association(
                name: index == 0 && entry.position == 0 ? "featureimage" : "image\(index + 1)", uri: href, type: "picture",
                caption: picture.caption, credit: picture.credit, position: Int32(clamping: entry.position))
            if let date = DateDetection.firstISODate(in: picture.caption) { association.versioncreated = date + "T00:00:00Z" }
            if !href.isEmpty {
                association.renditions = [
                    Article.Rendition(name: "original", href: href, contenttype: mediaType(href), width: picture.width, height: picture.height)
                ]
            }
            return association
        }
    }

    /// The image media type from a file extension, or empty.
    static func mediaType(_ href: String) -> String {
        let path = (href.split(separator: "?", maxSplits: 1).first ?? "").lowercased()
        for (suffix, type) in [
            (".jpg", "image/jpeg"), (".jpeg", "image/jpeg"), (".png", "image/png"), (".webp", "image/webp"), (".gif", "image/gif"),
            (".avif", "image/avif"), (".svg", "image/svg+xml"),
        ] where path.hasSuffix(suffix) {
            return type
        }
        return ""
    }
}

/// Chooses the headline by precedence (see ``HTMLArticleParser``).
enum HTMLHeadline {
    private static let separators = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » "]

    static func choose(jsonLD: String?, openGraph: String?, title: String?, h1s: [(text: String, inArticle: Bool)], siteNames: [String]) -> String {
        let siteKeys = Set(siteNames.map(LineKey.key).filter { !$0.isEmpty })
        for candidate in [jsonLD, openGraph].compactMap({ $0 }) {
            let cleaned = stripSiteName(candidate, siteKeys: siteKeys, pickLongest: false)
            if !cleaned.isEmpty { return cleaned }
        }
        let titleText = title.map { stripSiteName($0, siteKeys: siteKeys, pickLongest: true) } ?? ""
        let titleKey = LineKey.key(titleText)
        if !titleKey.isEmpty, let h1 = h1s.first(where: { $0.text.wordCount >= 2 && titleKey.contains(LineKey.key($0.text)) }) {
            return h1.text
        }
        if let h1 = h1s.first(where: { $0.inArticle }) { return h1.text }
        if !titleText.isEmpty, !siteKeys.contains(titleKey) { return titleText }
        return h1s.first?.text ?? titleText
    }

    /// `Headline | Site` → `Headline` when `Site` is a known site name (either end); with
    /// `pickLongest`, a title split by ` | `, ` :: `, ` » ` or ` // ` into parts none of which is
    /// a known site name gives its longest part.
    static func stripSiteName(_ text: String, siteKeys: Set<String>, pickLongest: Bool) -> String {
        var title = text
        for separator in separators {
            if let r = title.range(of: separator, options: .backwards), siteKeys.contains(LineKey.key(String(title[r.upperBound...]))) {
                title = String(title[..<r.lowerBound]).trimmingSpaces()
            }
            if let r = title.range(of: separator), siteKeys.contains(LineKey.key(String(title[..<r.lowerBound]))) {
                title = String(title[r.upperBound...]).trimmingSpaces()
            }
        }
        if pickLongest, title == text {
            for separator in [" | ", " :: ", " » ", " // "] where title.contains(separator) {
                let parts = title.components(separatedBy: separator).map { $0.trimmingSpaces() }
                if let longest = parts.max(by: { $0.count < $1.count }) { title = longest }
                break
            }
        }
        return title
    }
}

/// The body paragraphs and pictures of a page, after the clean-up that needs the headline.
struct HTMLBodyText {
    /// The paragraphs, in order.
    var paragraphs: [String] = []
    /// The pictures, each with the number of paragraphs before it.
    var pictures: [(picture: HTMLPicture, position: Int)] = []
    /// Author names from a `By …` line opening the text.
    var bylineAuthors: [String] = []
    /// The place of a dateline opening the first paragraph, in title case.
    var datelinePlace: String?
    /// The date of a `Published …` line opening the text, RFC 3339 UTC.
    var dateLineValue: String?
    /// Lines removed as boilerplate, bylines and dates.
    var removed: [String] = []

    init(items: [HTMLTextItem], headline: String, rules: BoilerplateRules) {
        let headlineKey = LineKey.key(headline)
        // 1. Per paragraph: headline repeats, byline and date lines, captions.
        var units: [HTMLTextItem] = []
        var seenParagraphs = 0
        for item in items {
            guard case .paragraph(let text) = item else {
                units.append(item)
                continue
            }
            let key = LineKey.key(text)
            if key == headlineKey {
                removed.append(text)
                continue
            }
            if seenParagraphs < 3, bylineAuthors.isEmpty, Self.isBylineLine(text) {
                bylineAuthors = HTMLPageMetadata.splitNames(text)
                removed.append(text)
                continue
            }
            if seenParagraphs < 3, Self.isDateLine(text) {
                if dateLineValue == nil {
                    dateLineValue = DateText.pageDate(text) ?? DateText.pageDate(String(text.drop { !$0.isNumber }))
                }
                removed.append(text)
                continue
            }
            if let caption = CaptionDetector.detect(text) {
                units.append(.picture(HTMLPicture(caption: caption.text, credit: caption.credit)))
                continue
            }
            seenParagraphs += 1
            units.append(item)
        }

        // 2. Boilerplate, on the paragraphs as lines.
        let matcher = BoilerplateMatcher(rules)
        var lines: [SourceLine] = []
        var lineOfUnit: [Int: Int] = [:]
        for (index, unit) in units.enumerated() {
            if case .paragraph(let text) = unit {
                lineOfUnit[index] = lines.count
                lines.append(SourceLine(text: text, number: index + 1))
            }
        }
        var stripped: [SourceLine] = []
        matcher.strip(&lines, removed: &stripped)
        removed += stripped.map(\.text)

        // 3. Paragraphs and positions.
        for (index, unit) in units.enumerated() {
            switch unit {
            case .paragraph:
                if let line = lineOfUnit[index], !lines[line].text.isEmpty { paragraphs.append(lines[line].text) }
            case .picture(let picture):
                pictures.append((picture, paragraphs.count))
            }
        }
        datelinePlace = paragraphs.first.flatMap(Self.datelinePlace)
    }

    /// `By Kim Min-ji and Sato Haruka`: a short line opening with "By" and naming people.
    static func isBylineLine(_ text: String) -> Bool {
        guard text.hasPrefix("By ") || text.hasPrefix("BY ") || text.hasPrefix("by "), text.wordCount <= 12,
            !CaptionDetector.endsSentence(text) || text.wordCount <= 6
        else { return false }
        return !HTMLPageMetadata.splitNames(text).isEmpty
    }

    /// `Published 7 March 2024, 09:15 KST`, `Updated: 2024-03-07`: a short line opening with a
    /// publication word and holding a digit; or a line of at most 8 words holding a full date
    /// and not ending like a sentence (`Kwon Min-seo 2024.04.18 07:00`, `March 7, 2024 | 09:15`).
    static func isDateLine(_ text: String) -> Bool {
        guard text.wordCount <= 12, text.contains(where: { $0.isNumber }) else { return false }
        let lower = text.lowercased()
        if ["published", "updated", "posted", "last updated", "first published", "last modified"].contains(where: { lower.hasPrefix($0) }) {
            return true
        }
        return text.wordCount <= 8 && !CaptionDetector.endsSentence(text) && DateDetection.firstISODate(in: text) != nil
    }

    /// `SEOUL, March 7 (Newsbus Wire) - …` → `Seoul`: an upper-case place before a comma, with a
    /// dash soon after.
    static func datelinePlace(_ paragraph: String) -> String? {
        guard let comma = paragraph.firstIndex(of: ",") else { return nil }
        let place = paragraph[..<comma]
        guard (2...40).contains(place.count), place.contains(where: { $0.isLetter }),
            place.allSatisfy({ $0.isUppercase || $0 == " " || $0 == "." || $0 == "-" || $0 == "'" })
        else { return nil }
        let rest = paragraph[comma...].prefix(90)
        guard [") -", ") –", ") —", " - ", " – ", " — ", " -- "].contains(where: { rest.contains($0) }) else { return nil }
        return HTMLText.titleCasedIfUpper(String(place))
    }
}
