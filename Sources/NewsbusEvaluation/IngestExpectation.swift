/// What one ingest fixture must give: the `<input>.expected.json` file beside each input.
///
/// One schema for every format. A plain-text scrape or an HTML page holds one article; a feed or
/// a ninjs array holds several, in input order. The fields here are the ones scored by
/// ``IngestScorer``; a fixture file may carry more keys (format details that only the tests
/// check), which this type ignores.
///
/// Strings are compared after whitespace normalisation (runs of white space as one space, trimmed
/// ends). A date of `"RECEIVED"` stands for the time of ingest (the input carries no date).
public struct IngestExpectation: Codable, Sendable, Hashable {
    /// The format the input must be detected as: `text`, `html`, `rss`, `atom` or `ninjs`.
    public var format: String
    /// The articles, in input order; refused items of a ninjs array included, as errors.
    public var articles: [ArticleExpectation]

    /// Creates an expectation.
    public init(format: String, articles: [ArticleExpectation]) {
        self.format = format
        self.articles = articles
    }
}

/// What one article of a fixture must be (or, with ``error``, why an item must be refused).
public struct ArticleExpectation: Codable, Sendable, Hashable {
    /// A refused item: where and why.
    public struct ItemError: Codable, Sendable, Hashable {
        /// 1-based line of the item.
        public var line: Int
        /// 1-based column of the item.
        public var column: Int
        /// The reason given.
        public var reason: String
    }

    /// Set for an item the parser must refuse; every other field is then absent.
    public var error: ItemError?
    /// The exact uri.
    public var uri: String?
    /// For inputs without an identifier: the uri is this prefix and the first 32 hex digits of
    /// the content hash (`urn:newsbus:text:`).
    public var uriPrefix: String?
    /// The main headline.
    public var headline: String?
    /// The section breadcrumb, outermost first.
    public var sectionPath: [String]?
    /// The byline (`by`); `""` for none.
    public var byline: String?
    /// RFC 3339 UTC, or `"RECEIVED"`.
    public var firstcreated: String?
    /// RFC 3339 UTC, or `"RECEIVED"`.
    public var versioncreated: String?
    /// The picture associations, in order; absent: not checked.
    public var images: [ImageExpectation]?
    /// Snippets the main body must contain (each found is a true positive, each missing a false
    /// negative).
    public var mustContain: [String]
    /// Snippets the main body must not contain: navigation, captions, share widgets, comments…
    /// (each found is a false positive).
    public var mustNotContain: [String]

    /// Creates an article expectation.
    public init(
        error: ItemError? = nil, uri: String? = nil, uriPrefix: String? = nil, headline: String? = nil,
        sectionPath: [String]? = nil, byline: String? = nil, firstcreated: String? = nil, versioncreated: String? = nil,
        images: [ImageExpectation]? = nil, mustContain: [String] = [], mustNotContain: [String] = []
    ) {
        self.error = error
        self.uri = uri
        self.uriPrefix = uriPrefix
        self.headline = headline
        self.sectionPath = sectionPath
        self.byline = byline
        self.firstcreated = firstcreated
        self.versioncreated = versioncreated
        self.images = images
        self.mustContain = mustContain
        self.mustNotContain = mustNotContain
    }

    enum CodingKeys: String, CodingKey {
        case error, uri, headline, byline, firstcreated, versioncreated, images
        case uriPrefix = "uri_prefix"
        case sectionPath = "section_path"
        case mustContain = "must_contain"
        case mustNotContain = "must_not_contain"
    }

    /// Decodes; `must_contain` and `must_not_contain` default to empty.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        error = try c.decodeIfPresent(ItemError.self, forKey: .error)
        uri = try c.decodeIfPresent(String.self, forKey: .uri)
        uriPrefix = try c.decodeIfPresent(String.self, forKey: .uriPrefix)
        headline = try c.decodeIfPresent(String.self, forKey: .headline)
        sectionPath = try c.decodeIfPresent([String].self, forKey: .sectionPath)
        byline = try c.decodeIfPresent(String.self, forKey: .byline)
        firstcreated = try c.decodeIfPresent(String.self, forKey: .firstcreated)
        versioncreated = try c.decodeIfPresent(String.self, forKey: .versioncreated)
        images = try c.decodeIfPresent([ImageExpectation].self, forKey: .images)
        mustContain = try c.decodeIfPresent([String].self, forKey: .mustContain) ?? []
        mustNotContain = try c.decodeIfPresent([String].self, forKey: .mustNotContain) ?? []
    }
}

/// What one picture association must be. Absent fields are not checked.
public struct ImageExpectation: Codable, Sendable, Hashable {
    /// One rendition.
    public struct Rendition: Codable, Sendable, Hashable {
        /// `original`, `thumbnail`…; absent: not checked.
        public var name: String?
        /// The address.
        public var href: String
        /// The media type; absent: not checked.
        public var contenttype: String?
        /// Pixels; absent: not checked.
        public var width: UInt32?
        /// Pixels; absent: not checked.
        public var height: UInt32?
    }

    /// `featureimage`, `image2`…
    public var name: String?
    /// `picture`.
    public var type: String?
    /// The picture's own uri.
    public var uri: String?
    /// The caption, without its credit.
    public var caption: String?
    /// The credit.
    public var credit: String?
    /// The photographer.
    public var by: String?
    /// The copyright holder.
    public var copyrightholder: String?
    /// Index of the body paragraph before which the picture stands.
    public var position: Int32?
    /// The picture's date (RFC 3339), `""` for none.
    public var versioncreated: String?
    /// The renditions, in order.
    public var renditions: [Rendition]?
}
