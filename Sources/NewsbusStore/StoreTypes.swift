import Foundation
import GRDB
import NewsbusWire

/// An error of the article store, with the cause kept.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure.
    public enum Code: String, Hashable, Sendable {
        /// The database could not be opened or migrated.
        case open
        /// The database file does not exist.
        case notFound
        /// A write failed.
        case write
        /// A read or query failed.
        case read
        /// Stored data does not decode.
        case corrupt
        /// The input cannot be stored.
        case invalid
    }

    /// What kind of failure.
    public var code: Code
    /// What was being done.
    public var message: String
    /// The underlying error's description (SQLite message, codec error…).
    public var underlying: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying.map { String(describing: $0) }
    }

    /// "cannot open store at …: SQLite error 14: unable to open database file".
    public var description: String {
        underlying.map { "\(message): \($0)" } ?? message
    }
}

/// What storing one article did.
public enum StoreOutcome: String, Sendable, Hashable, Codable {
    /// A new article.
    case inserted
    /// A newer version replaced the current one.
    case updated
    /// The same uri, version and content was already stored: nothing changed.
    case duplicate
    /// An older version than the stored one: kept in history, current row untouched.
    case stale
    /// The article was killed (pubstatus canceled).
    case killed
}

/// A stored article with its store metadata.
public struct StoredArticle: Sendable, Hashable {
    /// The article as stored.
    public var article: Article
    /// When it was stored (RFC 3339).
    public var storedAt: String
    /// Whether it was killed.
    public var canceled: Bool
    /// The uri of the first stored copy of the same story, when this is a near-duplicate of it.
    public var duplicateOf: String?

    /// Creates a stored article.
    public init(article: Article, storedAt: String, canceled: Bool, duplicateOf: String? = nil) {
        self.article = article
        self.storedAt = storedAt
        self.canceled = canceled
        self.duplicateOf = duplicateOf
    }
}

/// One search result.
public struct SearchHit: Sendable, Hashable, Codable {
    /// Article uri.
    public var uri: String
    /// Main headline.
    public var headline: String
    /// Section breadcrumb.
    public var sectionPath: [String]
    /// A snippet of the body around the match, matches in [brackets].
    public var snippet: String
    /// Relevance (higher is better; negated bm25).
    public var score: Double
    /// Version time of the article.
    public var versioncreated: String
    /// The uri of the first stored copy of the same story, when this is a near-duplicate.
    public var duplicateOf: String?
    /// With collapsed duplicates: how many copies of the story matched (this one included); else 1.
    public var copies: Int

    enum CodingKeys: String, CodingKey {
        case uri, headline, snippet, score, versioncreated, copies
        case sectionPath = "section_path"
        case duplicateOf = "duplicate_of"
    }
}

/// A name with a count, for stats breakdowns.
public struct NamedCount: Sendable, Hashable, Codable {
    /// Source name or section path.
    public var name: String
    /// How many articles.
    public var count: Int

    /// Creates a count.
    public init(name: String, count: Int) {
        self.name = name
        self.count = count
    }
}

/// Store counts.
public struct StoreStats: Sendable, Hashable, Codable {
    /// Current articles (one per uri).
    public var articles: Int
    /// Of which killed.
    public var canceled: Int
    /// Stored versions, all uris.
    public var versions: Int
    /// Dead letters.
    public var deadLetters: Int
    /// Articles per source.
    public var bySource: [NamedCount]
    /// Articles per section path ("News / Foreign Policy / Koreas").
    public var bySection: [NamedCount]

    enum CodingKeys: String, CodingKey {
        case articles, canceled, versions
        case deadLetters = "dead_letters"
        case bySource = "by_source"
        case bySection = "by_section"
    }
}

/// A message that could not be processed, with its bytes.
public struct DeadLetter: Sendable, Hashable {
    /// Store id (0 before it is stored).
    public var id: Int64
    /// The bus message id.
    public var messageId: String
    /// The article uri from the envelope.
    public var articleUri: String
    /// The stage that failed.
    public var stage: String
    /// Why.
    public var reason: String
    /// Attempts made.
    public var attempts: Int
    /// The encoded envelope.
    public var envelope: [UInt8]
    /// The payload bytes, untouched.
    public var payload: [UInt8]
    /// When (RFC 3339).
    public var createdAt: String

    /// Creates a dead letter.
    public init(
        id: Int64 = 0, messageId: String, articleUri: String, stage: String, reason: String, attempts: Int,
        envelope: [UInt8], payload: [UInt8], createdAt: String = ""
    ) {
        self.id = id
        self.messageId = messageId
        self.articleUri = articleUri
        self.stage = stage
        self.reason = reason
        self.attempts = attempts
        self.envelope = envelope
        self.payload = payload
        self.createdAt = createdAt
    }

    init(row: Row) {
        self.init(
            id: row["id"], messageId: row["message_id"], articleUri: row["article_uri"], stage: row["stage"],
            reason: row["reason"], attempts: row["attempts"], envelope: [UInt8](row["envelope"] as Data),
            payload: [UInt8](row["payload"] as Data), createdAt: row["created_at"])
    }
}

/// How section paths are kept in one column.
enum SectionPath {
    static let separator = " / "
    static func join(_ path: [String]) -> String { path.joined(separator: separator) }
    static func split(_ column: String) -> [String] {
        column.isEmpty ? [] : column.components(separatedBy: separator)
    }
}

/// Orders two versions of one article.
enum VersionOrder {
    enum Result { case older, same, newer }

    /// Compares (version, versioncreated) of a candidate against the stored one: by
    /// versioncreated first (RFC 3339 sorts as text) — the store renumbers versions that sources
    /// leave unnumbered, so the time is what both sides share — then numeric versions
    /// numerically, then the version strings.
    static func compare(_ version: String, _ created: String, _ storedVersion: String, _ storedCreated: String) -> Result {
        if !created.isEmpty, !storedCreated.isEmpty, created != storedCreated { return created < storedCreated ? .older : .newer }
        if let a = Int(version), let b = Int(storedVersion), a != b { return a < b ? .older : .newer }
        if version != storedVersion { return version < storedVersion ? .older : .newer }
        return .same
    }
}

/// Turns plain words into a safe FTS5 expression.
enum SearchQuery {
    /// Each word quoted (so FTS5 syntax in user input is inert), all required, last one a prefix.
    static func ftsExpression(forWords query: String) -> String {
        let words = query.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "-" })
            .map { $0.replacingOccurrences(of: "\"", with: "") }
            .filter { !$0.isEmpty }
        guard !words.isEmpty else { return "" }
        return words.enumerated().map { i, w in
            i == words.count - 1 ? "\"\(w)\" *" : "\"\(w)\""
        }.joined(separator: " ")
    }
}

/// The columns of one `articles` row.
struct StoredRow {
    let article: Article
    let contentHash: String
    let payload: [UInt8]
    let storedAt: String

    private var arguments: StatementArguments {
        let body = article.mainBody
        let source = article.source.map { $0.name.isEmpty ? $0.kind : $0.name } ?? ""
        return [
            article.uri, article.version, contentHash, article.headline, body?.value ?? "",
            SectionPath.join(article.sectionPath), source, article.language, article.pubstatus.description,
            article.firstcreated, article.versioncreated, Int(body?.wordcount ?? 0), Int(body?.readingTimeSeconds ?? 0),
            article.pubstatus == .canceled, Data(payload), storedAt,
        ]
    }

    func insert(in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO articles (uri, version, content_hash, headline, body, section_path, source, language,
                    pubstatus, firstcreated, versioncreated, wordcount, reading_time_seconds, canceled, payload, stored_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: arguments)
    }

    func update(id: Int64, in db: Database) throws {
        var args = arguments
        args += [id]
        try db.execute(
            sql: """
                UPDATE articles SET uri = ?, version = ?, content_hash = ?, headline = ?, body = ?, section_path = ?,
                    source = ?, language = ?, pubstatus = ?, firstcreated = ?, versioncreated = ?, wordcount = ?,
                    reading_time_seconds = ?, canceled = ?, payload = ?, stored_at = ?
                WHERE id = ?
                """,
            arguments: args)
    }
}

/// NewsML-G2 signals for a new version of a stored article.
enum VersionSignals {
    /// `sig:withdraw` for a kill; `sig:correction` when the headline, editorial note or lead says
    /// it corrects something ("CORRECTION:", "Corrected", "corrects"); else `sig:update`.
    static func classify(_ article: Article) -> Article.Signal {
        if article.pubstatus == .canceled { return .withdraw }
        let lead = article.mainBody?.value.prefix(300) ?? ""
        let text = (article.headline + "\n" + article.ednote + "\n" + lead).lowercased()
        let markers = ["correction", "corrected", "corrects ", "an earlier version of this"]
        return markers.contains { text.contains($0) } ? .correction : .update
    }
}
