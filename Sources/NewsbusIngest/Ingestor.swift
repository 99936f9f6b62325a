import NewsbusWire

/// What one input became.
public struct IngestResult: Sendable {
    /// The detected format.
    public var format: InputFormat
    /// The encoding the bytes were read in.
    public var encoding: String
    /// The articles (one for a page, many for a feed).
    public var articles: [Article]
    /// Items of a feed or ninjs array that could not become an article (the others are in
    /// ``articles``): the error records of those items.
    public var issues: [ItemIssue] = []
}

/// Turns raw input — bytes of any supported format, in any supported encoding — into articles:
/// decodes the text, detects the format, and hands it to that format's parser.
public struct Ingestor: Sendable {
    /// Parsers by format.
    public var parsers: [InputFormat: any FormatParser]
    /// Largest input accepted; a larger one is refused with ``IngestError/tooLarge(bytes:limit:)``
    /// before any decoding or parsing.
    public var maxBytes: Int

    /// The default input limit: 16 MiB.
    ///
    /// One input is one article page, one feed poll or one agency delivery. Article pages weigh
    /// tens to hundreds of kilobytes (a few megabytes with inline scripts and images), full-content
    /// feeds and ninjs batches a few megabytes; 16 MiB leaves room for all of them. An input of
    /// 50 MB is not an article but a dump, a log or a mistake: it is refused at once with a clear
    /// error rather than parsed (archives go through a backfill split into items).
    public static let defaultMaxBytes = 16 << 20

    /// An ingestor with the given parsers (default: every built-in one).
    public init(parsers: [any FormatParser] = Ingestor.builtInParsers(), maxBytes: Int = Ingestor.defaultMaxBytes) {
        var byFormat: [InputFormat: any FormatParser] = [:]
        for parser in parsers { byFormat[parser.format] = parser }
        self.parsers = byFormat
        self.maxBytes = maxBytes
    }

    /// The built-in parsers, with `boilerplate` rules for text scrapes and HTML.
    public static func builtInParsers(boilerplate: BoilerplateRules = .builtIn) -> [any FormatParser] {
        [TextScrapeFormatParser(parser: TextScrapeParser(boilerplate: boilerplate))] + additionalParsers(boilerplate: boilerplate)
    }

    /// Reads one input.
    /// - Parameters:
    ///   - contentType: an HTTP-style content type, used for its charset and as a format hint.
    public func ingest(_ bytes: [UInt8], context: IngestContext, contentType: String? = nil) throws(IngestError) -> IngestResult {
        let charset = contentType.flatMap { type in
            type.lowercased().range(of: "charset=").map { String(type[$0.upperBound...]).trimmingCharacters(in: .init(charactersIn: "\"' ;")) }
        }
        let document = try TextDecoding.decode(bytes, declaredCharset: charset, maxBytes: maxBytes)
        let format = FormatDetector.detect(document, filename: context.filename, contentType: contentType)
        guard let parser = parsers[format] else { throw .unknownFormat("\(format.shortName) input, and no parser for it is configured") }
        let parsed = try parser.parseReportingItems(document, context: context)
        return IngestResult(format: format, encoding: document.encoding, articles: parsed.articles, issues: parsed.issues)
    }
}

/// The plain-text scrape parser as a ``FormatParser``.
public struct TextScrapeFormatParser: FormatParser {
    /// The scrape parser.
    public var parser: TextScrapeParser

    /// Wraps a scrape parser.
    public init(parser: TextScrapeParser = TextScrapeParser()) { self.parser = parser }

    /// `.textScrape`.
    public var format: InputFormat { .textScrape }

    /// One article from the page.
    public func parse(_ document: DecodedDocument, context: IngestContext) throws(IngestError) -> [Article] {
        let page = try parser.parse(document.text)
        var article = page.article(source: context.source(format: .textScrape), receivedAt: context.receivedAt, filename: context.filename)
        article.source?.format = InputFormat.textScrape.rawValue
        return [article]
    }
}
