import Foundation

/// A news article: an IPTC ninjs 2.1 news item plus Newsbus extensions.
///
/// Mirrors `newsbus.v1.Article` in `Protocols/newsbus/v1/article.proto` field by field; see the
/// comments there for the meaning of each field. Times are RFC 3339 strings, as in ninjs.
public struct Article: Sendable, Hashable {
    /// Globally unique identifier (ninjs `uri`). Required for anything the bus carries.
    public var uri: String
    /// Version of this item (ninjs `version`).
    public var version: String
    /// ninjs `type`, "text" for articles.
    public var type: String
    /// ninjs `profile`.
    public var profile: String
    /// ninjs `firstcreated`.
    public var firstcreated: String
    /// ninjs `versioncreated`.
    public var versioncreated: String
    /// ninjs `contentcreated`.
    public var contentcreated: String
    /// ninjs `embargoed`.
    public var embargoed: String
    /// ninjs `pubstatus`; `.canceled` is a kill.
    public var pubstatus: PubStatus
    /// ninjs `urgency`, 1 (most urgent) to 9; 0 when not stated.
    public var urgency: UInt32
    /// ninjs `language`, a BCP 47 tag.
    public var language: String
    /// ninjs `headlines`.
    public var headlines: [Text]
    /// ninjs `descriptions`.
    public var descriptions: [Text]
    /// ninjs `bodies`.
    public var bodies: [Body]
    /// ninjs `by`: the byline.
    public var by: String
    /// ninjs `located`: where the story was reported.
    public var located: String
    /// ninjs `slugline`.
    public var slugline: String
    /// ninjs `ednote`.
    public var ednote: String
    /// ninjs `people`.
    public var people: [Concept]
    /// ninjs `organisations`.
    public var organisations: [Concept]
    /// ninjs `places`.
    public var places: [Concept]
    /// ninjs `subjects`.
    public var subjects: [Concept]
    /// ninjs `events`.
    public var events: [Concept]
    /// ninjs `genres`.
    public var genres: [Concept]
    /// ninjs `keywords`.
    public var keywords: [String]
    /// ninjs `altids`.
    public var altids: [AltId]
    /// ninjs `associations`: images with caption and credit.
    public var associations: [Association]
    /// ninjs `copyrightholder`.
    public var copyrightholder: String
    /// ninjs `copyrightnotice`.
    public var copyrightnotice: String
    /// ninjs `usageterms`.
    public var usageterms: String
    /// ninjs `infosources`.
    public var infosources: [Concept]
    /// Extension: the site's section breadcrumb.
    public var sectionPath: [String]
    /// Extension: direct and partial quotes.
    public var quotes: [Quote]
    /// Extension: 64-bit near-duplicate fingerprint; 0 when not computed.
    public var fingerprint: UInt64
    /// Extension: one entry per enricher that ran.
    public var provenance: [Provenance]
    /// Extension: open plug-in data.
    public var annotations: [Annotation]
    /// Extension: NewsML-G2 signals for this version.
    public var signals: [Signal]
    /// Extension: where the article came from.
    public var source: Source?
    /// Extension: hex SHA-256 of the normalised headline and body text.
    public var contentHash: String
    /// Extension: site boilerplate lines stripped at ingest.
    public var boilerplate: [String]
    /// Dates mentioned in the bodies (extension), absolute or resolved from relative expressions.
    public var dates: [DateMention]

    /// Creates an article; every field defaults to empty.
    public init(
        uri: String = "", version: String = "", type: String = "", profile: String = "",
        firstcreated: String = "", versioncreated: String = "", contentcreated: String = "",
        embargoed: String = "", pubstatus: PubStatus = .unspecified, urgency: UInt32 = 0,
        language: String = "", headlines: [Text] = [], descriptions: [Text] = [], bodies: [Body] = [],
        by: String = "", located: String = "", slugline: String = "", ednote: String = "",
        people: [Concept] = [], organisations: [Concept] = [], places: [Concept] = [],
        subjects: [Concept] = [], events: [Concept] = [], genres: [Concept] = [],
        keywords: [String] = [], altids: [AltId] = [], associations: [Association] = [],
        copyrightholder: String = "", copyrightnotice: String = "", usageterms: String = "",
        infosources: [Concept] = [], sectionPath: [String] = [], quotes: [Quote] = [],
        fingerprint: UInt64 = 0, provenance: [Provenance] = [], annotations: [Annotation] = [],
        signals: [Signal] = [], source: Source? = nil, contentHash: String = "", boilerplate: [String] = [],
        dates: [DateMention] = []
    ) {
        self.uri = uri
        self.version = version
        self.type = type
        self.profile = profile
        self.firstcreated = firstcreated
        self.versioncreated = versioncreated
        self.contentcreated = contentcreated
        self.embargoed = embargoed
        self.pubstatus = pubstatus
        self.urgency = urgency
        self.language = language
        self.headlines = headlines
        self.descriptions = descriptions
        self.bodies = bodies
        self.by = by
        self.located = located
        self.slugline = slugline
        self.ednote = ednote
        self.people = people
        self.organisations = organisations
        self.places = places
        self.subjects = subjects
        self.events = events
        self.genres = genres
        self.keywords = keywords
        self.altids = altids
        self.associations = associations
        self.copyrightholder = copyrightholder
        self.copyrightnotice = copyrightnotice
        self.usageterms = usageterms
        self.infosources = infosources
        self.sectionPath = sectionPath
        self.quotes = quotes
        self.fingerprint = fingerprint
        self.provenance = provenance
        self.annotations = annotations
        self.signals = signals
        self.source = source
        self.contentHash = contentHash
        self.boilerplate = boilerplate
        self.dates = dates
    }

    /// The main headline: the one with role "main", else the first.
    public var headline: String {
        (headlines.first { $0.role == "main" } ?? headlines.first)?.value ?? ""
    }

    /// The main body text: the body with role "main", else the first.
    public var mainBody: Body? {
        bodies.first { $0.role == "main" } ?? bodies.first
    }
}

extension Article {
    /// ninjs `pubstatus`. An open set: values from a newer schema are kept, not rejected.
    public struct PubStatus: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The protobuf enum number.
        public var rawValue: Int32
        /// Wraps a protobuf enum number.
        public init(rawValue: Int32) { self.rawValue = rawValue }
        /// Not stated by the source; treated as usable.
        public static let unspecified = PubStatus(rawValue: 0)
        /// ninjs "usable".
        public static let usable = PubStatus(rawValue: 1)
        /// ninjs "withheld".
        public static let withheld = PubStatus(rawValue: 2)
        /// ninjs "canceled": a kill.
        public static let canceled = PubStatus(rawValue: 3)
        /// The ninjs spelling ("usable", "withheld", "canceled").
        public var description: String {
            switch self {
            case .withheld: "withheld"
            case .canceled: "canceled"
            default: "usable"
            }
        }
    }

    /// A NewsML-G2 signal. An open set, like ``PubStatus``.
    public struct Signal: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The protobuf enum number.
        public var rawValue: Int32
        /// Wraps a protobuf enum number.
        public init(rawValue: Int32) { self.rawValue = rawValue }
        /// `sig:update`: the story developed.
        public static let update = Signal(rawValue: 1)
        /// `sig:correction`: an error in an earlier version was fixed.
        public static let correction = Signal(rawValue: 2)
        /// A withdrawal accompanying a kill.
        public static let withdraw = Signal(rawValue: 3)
        /// The NewsML-G2 qcode, e.g. "sig:update".
        public var description: String {
            switch self {
            case .update: "sig:update"
            case .correction: "sig:correction"
            case .withdraw: "sig:withdraw"
            default: "sig:unknown-\(rawValue)"
            }
        }
    }

    /// A headline or description (ninjs `headlines[]` / `descriptions[]`).
    public struct Text: Sendable, Hashable {
        /// ninjs role, e.g. "main".
        public var role: String
        /// Media type of ``value``; empty means text/plain.
        public var contenttype: String
        /// The text.
        public var value: String
        /// Creates a text.
        public init(role: String = "", contenttype: String = "", value: String = "") {
            self.role = role
            self.contenttype = contenttype
            self.value = value
        }
    }

    /// A body (ninjs `bodies[]`); plain-text paragraphs are separated by a blank line.
    public struct Body: Sendable, Hashable {
        /// ninjs role, e.g. "main".
        public var role: String
        /// Media type, "text/plain" or "text/html".
        public var contenttype: String
        /// The body text.
        public var value: String
        /// Unicode scalars in ``value``.
        public var charcount: UInt32
        /// Words in ``value``.
        public var wordcount: UInt32
        /// Estimated reading time.
        public var readingTimeSeconds: UInt32
        /// Creates a body.
        public init(
            role: String = "", contenttype: String = "", value: String = "",
            charcount: UInt32 = 0, wordcount: UInt32 = 0, readingTimeSeconds: UInt32 = 0
        ) {
            self.role = role
            self.contenttype = contenttype
            self.value = value
            self.charcount = charcount
            self.wordcount = wordcount
            self.readingTimeSeconds = readingTimeSeconds
        }
    }

    /// A person, organisation, place, subject, event or genre.
    public struct Concept: Sendable, Hashable {
        /// Preferred display name.
        public var name: String
        /// Concept identifier, e.g. "medtop:11000000".
        public var uri: String
        /// Relationship to the article: "mentions", "about"...
        public var rel: String
        /// The name as written, when no uri is known.
        public var literal: String
        /// Who asserted it: "editor", "machine:<enricher>".
        public var creator: String
        /// Relevance, 0...100.
        public var relevance: UInt32
        /// Confidence, 0...100.
        public var confidence: UInt32
        /// A standard code, e.g. ISO 3166-1 alpha-2.
        public var code: String
        /// Other names seen in the text.
        public var aliases: [String]
        /// Creates a concept.
        public init(
            name: String = "", uri: String = "", rel: String = "", literal: String = "",
            creator: String = "", relevance: UInt32 = 0, confidence: UInt32 = 0, code: String = "",
            aliases: [String] = []
        ) {
            self.name = name
            self.uri = uri
            self.rel = rel
            self.literal = literal
            self.creator = creator
            self.relevance = relevance
            self.confidence = confidence
            self.code = code
            self.aliases = aliases
        }
    }

    /// An alternative identifier (ninjs `altids[]`).
    public struct AltId: Sendable, Hashable {
        /// e.g. "guid", "canonical-url", "filename".
        public var role: String
        /// The identifier.
        public var value: String
        /// Creates an alternative identifier.
        public init(role: String = "", value: String = "") {
            self.role = role
            self.value = value
        }
    }

    /// A rendition of an associated item.
    public struct Rendition: Sendable, Hashable {
        /// e.g. "original".
        public var name: String
        /// Where it is.
        public var href: String
        /// Media type.
        public var contenttype: String
        /// Pixels.
        public var width: UInt32
        /// Pixels.
        public var height: UInt32
        /// Creates a rendition.
        public init(name: String = "", href: String = "", contenttype: String = "", width: UInt32 = 0, height: UInt32 = 0) {
            self.name = name
            self.href = href
            self.contenttype = contenttype
            self.width = width
            self.height = height
        }
    }

    /// An associated item, typically a photo with caption and credit.
    public struct Association: Sendable, Hashable {
        /// Association key, e.g. "featureimage".
        public var name: String
        /// Identifier of the associated item.
        public var uri: String
        /// ninjs type: "picture", "video", "graphic".
        public var type: String
        /// Caption without the credit.
        public var caption: String
        /// Credit line, e.g. "Photo by Reuters".
        public var credit: String
        /// Photographer.
        public var by: String
        /// Copyright holder.
        public var copyrightholder: String
        /// Date of the picture.
        public var versioncreated: String
        /// Renditions.
        public var renditions: [Rendition]
        /// Body paragraph index it appeared before (0 = lead).
        public var position: Int32
        /// Creates an association.
        public init(
            name: String = "", uri: String = "", type: String = "", caption: String = "", credit: String = "",
            by: String = "", copyrightholder: String = "", versioncreated: String = "",
            renditions: [Rendition] = [], position: Int32 = 0
        ) {
            self.name = name
            self.uri = uri
            self.type = type
            self.caption = caption
            self.credit = credit
            self.by = by
            self.copyrightholder = copyrightholder
            self.versioncreated = versioncreated
            self.renditions = renditions
            self.position = position
        }
    }

    /// A direct or partial quote in a body.
    public struct Quote: Sendable, Hashable {
        /// The quoted words.
        public var content: String
        /// Who said it.
        public var speaker: Concept?
        /// The cue verb.
        public var cue: String
        /// Start offset in Unicode scalars into `bodies[bodyIndex].value`.
        public var start: UInt32
        /// End offset (exclusive).
        public var end: UInt32
        /// A quoted fragment inside reported speech.
        public var partial: Bool
        /// Which body the offsets refer to.
        public var bodyIndex: UInt32
        /// Creates a quote.
        public init(
            content: String = "", speaker: Concept? = nil, cue: String = "", start: UInt32 = 0, end: UInt32 = 0,
            partial: Bool = false, bodyIndex: UInt32 = 0
        ) {
            self.content = content
            self.speaker = speaker
            self.cue = cue
            self.start = start
            self.end = end
            self.partial = partial
            self.bodyIndex = bodyIndex
        }
    }

    /// A date mentioned in a body.
    public struct DateMention: Sendable, Hashable {
        /// The words as written ("on Tuesday", "December 13, 2022").
        public var text: String
        /// The resolved date, ISO 8601 at its precision: "2022-12-13", "2022-12" or "2022".
        public var value: String
        /// Whether it was resolved against an anchor date.
        public var relative: Bool
        /// The anchor date used for a relative expression ("2022-12-13"), else empty.
        public var anchor: String
        /// Start offset in Unicode scalars into `bodies[bodyIndex].value`.
        public var start: UInt32
        /// End offset (exclusive).
        public var end: UInt32
        /// Which body the offsets refer to.
        public var bodyIndex: UInt32
        /// Creates a date mention.
        public init(
            text: String = "", value: String = "", relative: Bool = false, anchor: String = "",
            start: UInt32 = 0, end: UInt32 = 0, bodyIndex: UInt32 = 0
        ) {
            self.text = text
            self.value = value
            self.relative = relative
            self.anchor = anchor
            self.start = start
            self.end = end
            self.bodyIndex = bodyIndex
        }
    }

    /// What an enricher did.
    public struct Provenance: Sendable, Hashable {
        /// Stage or enricher name.
        public var enricher: String
        /// Enricher version.
        public var version: String
        /// RFC 3339 time it finished.
        public var processedAt: String
        /// Time spent.
        public var durationMicros: UInt64
        /// Fields set or changed.
        public var fields: [String]
        /// Creates a provenance entry.
        public init(enricher: String = "", version: String = "", processedAt: String = "", durationMicros: UInt64 = 0, fields: [String] = []) {
            self.enricher = enricher
            self.version = version
            self.processedAt = processedAt
            self.durationMicros = durationMicros
            self.fields = fields
        }
    }

    /// Open plug-in data, stored and forwarded uninterpreted.
    public struct Annotation: Sendable, Hashable {
        /// The plug-in that made it.
        public var creator: String
        /// What it is.
        public var name: String
        /// A textual value.
        public var value: String
        /// A numeric value.
        public var score: Double
        /// Media type of ``data``.
        public var contenttype: String
        /// Structured value.
        public var data: [UInt8]
        /// Creates an annotation.
        public init(creator: String = "", name: String = "", value: String = "", score: Double = 0, contenttype: String = "", data: [UInt8] = []) {
            self.creator = creator
            self.name = name
            self.value = value
            self.score = score
            self.contenttype = contenttype
            self.data = data
        }
    }

    /// Where the article came from.
    public struct Source: Sendable, Hashable {
        /// "file", "feed", "http", "replay".
        public var kind: String
        /// Configured source name.
        public var name: String
        /// File path, feed URL or client address.
        public var locator: String
        /// RFC 3339 time of ingest.
        public var receivedAt: String
        /// Detected input format.
        public var format: String
        /// Creates a source.
        public init(kind: String = "", name: String = "", locator: String = "", receivedAt: String = "", format: String = "") {
            self.kind = kind
            self.name = name
            self.locator = locator
            self.receivedAt = receivedAt
            self.format = format
        }
    }
}

// MARK: - JSON
// JSON form of the article types, as printed by `newsbus show --format json`: every field, named
// as in the .proto (snake_case), pubstatus and signals in their ninjs / NewsML-G2 spelling,
// bytes as base64. Decoding accepts the same shape.

extension Article: Codable {
    enum CodingKeys: String, CodingKey {
        case uri, version, type, profile, firstcreated, versioncreated, contentcreated, embargoed, pubstatus, urgency
        case language, headlines, descriptions, bodies, by, located, slugline, ednote, people, organisations, places
        case subjects, events, genres, keywords, altids, associations, copyrightholder, copyrightnotice, usageterms
        case infosources, quotes, fingerprint, provenance, annotations, signals, source, boilerplate, dates
        case sectionPath = "section_path"
        case contentHash = "content_hash"
    }
}

extension Article.PubStatus: Codable {
    /// Decodes "usable", "withheld", "canceled" (or a number).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int32.self) {
            self.init(rawValue: number)
            return
        }
        switch try container.decode(String.self) {
        case "usable": self = .usable
        case "withheld": self = .withheld
        case "canceled", "cancelled": self = .canceled
        case "": self = .unspecified
        case let other:
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown pubstatus \(other)")
        }
    }

    /// Encodes the ninjs spelling.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Article.Signal: Codable {
    /// Decodes "sig:update", "sig:correction", "sig:withdraw" (or a number).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int32.self) {
            self.init(rawValue: number)
            return
        }
        switch try container.decode(String.self) {
        case "sig:update": self = .update
        case "sig:correction": self = .correction
        case "sig:withdraw": self = .withdraw
        case let other:
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown signal \(other)")
        }
    }

    /// Encodes the NewsML-G2 qcode.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Article.Text: Codable {}
extension Article.Concept: Codable {}
extension Article.AltId: Codable {}
extension Article.Rendition: Codable {}

extension Article.Body: Codable {
    enum CodingKeys: String, CodingKey {
        case role, contenttype, value, charcount, wordcount
        case readingTimeSeconds = "reading_time_seconds"
    }
}

extension Article.Association: Codable {}

extension Article.Quote: Codable {
    enum CodingKeys: String, CodingKey {
        case content, speaker, cue, start, end, partial
        case bodyIndex = "body_index"
    }
}

extension Article.DateMention: Codable {
    enum CodingKeys: String, CodingKey {
        case text, value, relative, anchor, start, end
        case bodyIndex = "body_index"
    }
}

extension Article.Provenance: Codable {
    enum CodingKeys: String, CodingKey {
        case enricher, version, fields
        case processedAt = "processed_at"
        case durationMicros = "duration_micros"
    }
}

extension Article.Annotation: Codable {
    enum CodingKeys: String, CodingKey {
        case creator, name, value, score, contenttype, data
    }

    /// Decodes, with `data` as base64.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            creator: try c.decode(String.self, forKey: .creator), name: try c.decode(String.self, forKey: .name),
            value: try c.decode(String.self, forKey: .value), score: try c.decode(Double.self, forKey: .score),
            contenttype: try c.decode(String.self, forKey: .contenttype), data: [UInt8](try c.decode(Data.self, forKey: .data)))
    }

    /// Encodes, with `data` as base64.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(creator, forKey: .creator)
        try c.encode(name, forKey: .name)
        try c.encode(value, forKey: .value)
        try c.encode(score, forKey: .score)
        try c.encode(contenttype, forKey: .contenttype)
        try c.encode(Data(data), forKey: .data)
    }
}

extension Article.Source: Codable {
    enum CodingKeys: String, CodingKey {
        case kind, name, locator, format
        case receivedAt = "received_at"
    }
}
