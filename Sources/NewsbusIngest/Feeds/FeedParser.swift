import NewsbusWire

/// Reads RSS and Atom feeds: every item or entry becomes an ``Article``.
///
/// Which syntax a document uses is decided from its root element — `rss` (RSS 0.9x/2.0),
/// `rdf:RDF` (RSS 1.0) or `feed` (Atom 1.0, and Atom 0.3) — whatever ``format`` the parser was
/// registered under, so one type serves both: register `FeedParser(format: .rss)` and
/// `FeedParser(format: .atom)`. The format recorded in each article's `source` is the detected one.
///
/// **XML safety.** The document is parsed with libxml2 without entity substitution, without DTD
/// loading and without network access, silently (nothing is printed; the error is read from the
/// parser context): an entity bomb is refused by libxml2 or stays inert, an external entity is
/// never read. See `FeedXML`.
///
/// **Mapping**, per item (RSS) or entry (Atom):
///
/// | Article | from |
/// |---|---|
/// | `uri` | RSS `guid` (whatever its `isPermaLink`), RSS 1.0 `rdf:about`, Atom `id`; else the link; else `urn:newsbus:feed:<first 32 hex digits of the content hash>` |
/// | `altids` | `guid` (role `guid`), the link (role `canonical-url`; in RSS a permalink guid is the canonical URL when there is no link) |
/// | `headlines` | `title` as plain text (markup stripped, entities decoded); a missing title is the first 12 words of the body, with `…` when cut |
/// | `firstcreated` | RSS `pubDate` (RFC 822, see `DateText.rfc822`), `dc:date`, `dcterms:created`/`issued`; Atom `published` (`issued` in 0.3); else `updated`; else the receive time |
/// | `versioncreated` | Atom `updated` (`modified` in 0.3), RSS `atom:updated` or `dcterms:modified`; else the same as `firstcreated` |
/// | `by` | RSS `author` (`mail (Name)` → `Name`), `dc:creator`; Atom `author/name`, else the feed's authors; several joined with `, `; a leading `By ` is dropped |
/// | `subjects` | each `category` (Atom: `label`, else `term`) and `dc:subject`, as a concept with `name` and `rel: "category"`, without duplicates (keywords stay empty) |
/// | `bodies` | one `text/plain` body, role `main`: `content:encoded` or Atom `content` (`text`, `html`, `xhtml`; not when it has `src`), else `description` / Atom `summary`, converted to paragraphs (see `FeedHTMLText`) |
/// | `descriptions` | `description` / `summary` as text, role `summary`, when a content body exists too and differs from it |
/// | `associations` | images: `enclosure` with an `image/*` type, `media:content` (images only; a `media:group` is one picture with several renditions), `media:thumbnail`, Atom `link rel="enclosure"` with an image type; caption from `media:description`, else `media:title`; credit from `media:credit` (item-level media elements apply to every image of the item); the first is named `featureimage`, the next `image2`, … |
/// | `language` | `xml:lang` in scope, else `dc:language`, else the channel's `language` |
/// | `copyrightnotice` | RSS `dc:rights`, else the channel's `copyright` / `dc:rights`; Atom `rights` of the entry, else of the feed |
/// | `version`, `type`, `pubstatus` | `"1"`, `"text"`, usable |
/// | `source`, `contentHash` | `context.source(format:)`, `ContentHash.of` |
///
/// **Robustness.** An item without title and body is skipped and reported in
/// ``FeedParseResult/skipped``; a feed without any usable item is ``IngestError/noArticle(_:)``;
/// XML that is not well-formed is ``IngestError/malformed(format:line:column:reason:)`` with
/// libxml2's line and column. HTML entity names that XML does not define (`&nbsp;`) are tolerated:
/// such a document is read again with them replaced by character references (columns in a later
/// error may then be shifted). Exact duplicates (same uri and content) within one feed are kept once.
/// libxml2 refuses XML nested deeper than 256 elements (`.malformed`); HTML in a body nested
/// that deep is read by a simple tag stripper instead of being cut short.
public struct FeedParser: FormatParser {
    /// The format this parser is registered under, `.rss` or `.atom`; it reads either.
    public let format: InputFormat

    /// A feed parser registered under `format` (`.rss` or `.atom`).
    public init(format: InputFormat = .rss) {
        self.format = format
    }

    /// The feed's articles, in document order.
    ///
    /// - Throws: ``IngestError/malformed(format:line:column:reason:)`` for XML that is not
    ///   well-formed, ``IngestError/unknownFormat(_:)`` when the root is neither RSS nor Atom,
    ///   ``IngestError/noArticle(_:)`` when no item is usable.
    public func parse(_ document: DecodedDocument, context: IngestContext) throws(IngestError) -> [Article] {
        try parseFeed(document, context: context).articles
    }

    /// The feed's articles and its skipped items as item issues.
    public func parseReportingItems(_ document: DecodedDocument, context: IngestContext) throws(IngestError) -> ParsedItems {
        let result = try parseFeed(document, context: context)
        return ParsedItems(
            articles: result.articles,
            issues: result.skipped.map { ItemIssue(index: $0.index, line: $0.line, code: "skipped", reason: $0.reason) })
    }

    /// The feed's articles together with the detected format and the items that were skipped.
    ///
    /// - Throws: as ``parse(_:context:)``.
    public func parseFeed(_ document: DecodedDocument, context: IngestContext) throws(IngestError) -> FeedParseResult {
        try FeedXML.withRootElement(of: document.text, format: format.shortName) { root throws(IngestError) in
            try FeedDocumentReader(root: root, context: context).read()
        }
    }
}

/// What a feed held: its articles and the items that could not become one.
public struct FeedParseResult: Sendable, Hashable {
    /// An item or entry that was left out.
    public struct SkippedItem: Sendable, Hashable {
        /// 1-based position of the item among the feed's items.
        public var index: Int
        /// Line of the item's start tag.
        public var line: Int
        /// Why it was left out, e.g. "no title and no body".
        public var reason: String

        /// Creates a record of a skipped item.
        public init(index: Int, line: Int, reason: String) {
            self.index = index
            self.line = line
            self.reason = reason
        }
    }

    /// The syntax detected from the root element: `.rss` (RSS 0.9x, 1.0, 2.0) or `.atom`.
    public var format: InputFormat
    /// One article per usable item, in document order.
    public var articles: [Article]
    /// Items left out (no title and no body) or dropped as exact duplicates.
    public var skipped: [SkippedItem]
    /// Items and entries in the feed.
    public var itemCount: Int

    /// Creates a result.
    public init(format: InputFormat, articles: [Article], skipped: [SkippedItem], itemCount: Int) {
        self.format = format
        self.articles = articles
        self.skipped = skipped
        self.itemCount = itemCount
    }
}
