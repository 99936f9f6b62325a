import NewsbusWire

/// The input formats Newsbus reads.
public enum InputFormat: String, Sendable, Hashable, CaseIterable {
    /// A plain-text scrape of an article page (section breadcrumb, headline, captions, body).
    case textScrape = "text/x-newsbus-scrape"
    /// A full HTML article page.
    case html = "text/html"
    /// An RSS 2.0 feed.
    case rss = "application/rss+xml"
    /// An Atom feed.
    case atom = "application/atom+xml"
    /// IPTC ninjs 2.x JSON: one object or an array of them.
    case ninjs = "application/ninjs+json"

    /// A short name for logs and error records: "text", "html", "rss", "atom", "ninjs".
    public var shortName: String {
        switch self {
        case .textScrape: "text"
        case .html: "html"
        case .rss: "rss"
        case .atom: "atom"
        case .ninjs: "ninjs"
        }
    }
}

/// Input bytes turned into text, with the encoding they were read in.
public struct DecodedDocument: Sendable {
    /// The text (valid Unicode; a byte order mark removed).
    public var text: String
    /// The original bytes, exactly as received.
    public var bytes: [UInt8]
    /// The encoding the bytes were read in, e.g. "utf-8", "utf-16le", "windows-1252".
    public var encoding: String

    /// Creates a decoded document.
    public init(text: String, bytes: [UInt8], encoding: String) {
        self.text = text
        self.bytes = bytes
        self.encoding = encoding
    }
}

/// Where an input came from, for identity and the Article's `source`.
public struct IngestContext: Sendable {
    /// The source's configured name, e.g. "inbox", "feed:example".
    public var sourceName: String
    /// "file", "feed", "http".
    public var sourceKind: String
    /// File path, feed URL or client address.
    public var locator: String
    /// RFC 3339 time of ingest.
    public var receivedAt: String
    /// The file name, when the input is a file.
    public var filename: String?

    /// Creates a context.
    public init(sourceName: String, sourceKind: String = "file", locator: String, receivedAt: String, filename: String? = nil) {
        self.sourceName = sourceName
        self.sourceKind = sourceKind
        self.locator = locator
        self.receivedAt = receivedAt
        self.filename = filename
    }

    /// The Article `source` for this context and format.
    public func source(format: InputFormat) -> Article.Source {
        Article.Source(kind: sourceKind, name: sourceName, locator: locator, receivedAt: receivedAt, format: format.rawValue)
    }
}

/// A parser of one input format into articles.
///
/// Parsers never crash on bad input: everything they cannot read is an ``IngestError`` with a
/// position. A document may hold many articles (a feed) or one (a page).
public protocol FormatParser: Sendable {
    /// The format parsed.
    var format: InputFormat { get }
    /// Parses a decoded document.
    func parse(_ document: DecodedDocument, context: IngestContext) throws(IngestError) -> [Article]
    /// Parses a decoded document of many items, reporting the items that could not become an
    /// article next to the ones that did. The default has no per-item failures: ``parse(_:context:)``.
    func parseReportingItems(_ document: DecodedDocument, context: IngestContext) throws(IngestError) -> ParsedItems
}

extension FormatParser {
    /// ``parse(_:context:)`` with no item issues.
    public func parseReportingItems(_ document: DecodedDocument, context: IngestContext) throws(IngestError) -> ParsedItems {
        ParsedItems(articles: try parse(document, context: context), issues: [])
    }
}

/// The usable articles of a many-item document and the items that were left out.
public struct ParsedItems: Sendable {
    /// The articles, in document order.
    public var articles: [Article]
    /// The items that could not become an article, in document order.
    public var issues: [ItemIssue]

    /// Creates a result.
    public init(articles: [Article], issues: [ItemIssue]) {
        self.articles = articles
        self.issues = issues
    }
}

/// One item of a feed or ninjs array that could not become an article; the other items are not
/// affected. This is the error record for the item.
public struct ItemIssue: Sendable, Hashable, Codable {
    /// 1-based position of the item in its document.
    public var index: Int
    /// 1-based line where the item starts (0 when not known).
    public var line: Int
    /// 1-based column where the item starts (0 when not known).
    public var column: Int
    /// A short machine-readable code ("skipped", or an ``IngestError/code``).
    public var code: String
    /// Why, for a person.
    public var reason: String

    /// Creates an item issue.
    public init(index: Int, line: Int, column: Int = 0, code: String, reason: String) {
        self.index = index
        self.line = line
        self.column = column
        self.code = code
        self.reason = reason
    }

    /// "item 3 (line 41): no title and no body".
    public var summary: String {
        "item \(index)" + (line > 0 ? " (line \(line)\(column > 0 ? ", column \(column)" : ""))" : "") + ": \(reason)"
    }
}
