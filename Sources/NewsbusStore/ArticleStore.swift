import Foundation
import GRDB
import NewsbusWire

/// The SQLite article store: one file, WAL, an FTS5 index over headline and body.
///
/// Writes are idempotent: storing the same uri + version + content twice changes nothing, so a
/// redelivered message never makes a duplicate row. A newer version replaces the current row (and
/// every version is kept in `article_versions`); an older version never overwrites a newer one; a
/// kill (`pubstatus` canceled) marks the article canceled.
///
/// Thread-safe: GRDB serialises writes and runs reads concurrently on the WAL.
public final class ArticleStore: Sendable {
    private let pool: DatabasePool
    private let nearDuplicates: NearDuplicates
    /// The database file.
    public let path: String

    /// Opens (creating if needed) the store at `path` and migrates it to the current schema.
    ///
    /// - Parameters:
    ///   - nearDuplicateDistance: articles whose fingerprints are at most this many bits apart are
    ///     linked as near-duplicates (`duplicate_of`), 0…31.
    ///   - nearDuplicateWindow: how many of the most recent fingerprinted articles a new one is
    ///     compared with.
    public init(path: String, nearDuplicateDistance: Int = 12, nearDuplicateWindow: Int = 50_000) throws(StoreError) {
        self.path = path
        nearDuplicates = NearDuplicates(maxDistance: min(max(nearDuplicateDistance, 0), 31), window: nearDuplicateWindow)
        do {
            var config = Configuration()
            config.busyMode = .timeout(10)
            config.label = "newsbus.store"
            pool = try DatabasePool(path: path, configuration: config)
            try StoreSchema.migrator.migrate(pool)
        } catch {
            throw StoreError(.open, "cannot open store at \(path)", underlying: error)
        }
    }

    /// Opens an existing store read-only; fails if the file does not exist.
    public convenience init(readingExisting path: String) throws(StoreError) {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.notFound, "no store at \(path); run `newsbus process … --db \(path)` first")
        }
        try self.init(path: path)
    }

    // MARK: Writing

    /// Stores a batch of articles in one transaction and returns what happened to each, in order.
    ///
    /// `payload` is the article's encoded bytes, kept so `show` returns exactly what was stored.
    public func store(_ batch: [(article: Article, payload: [UInt8])]) throws(StoreError) -> [StoreOutcome] {
        do {
            let outcomes = try pool.write { db in
                try batch.map { try self.store($0.article, payload: $0.payload, in: db) }
            }
            nearDuplicates.commit()
            return outcomes
        } catch {
            nearDuplicates.rollback()
            throw StoreError(.write, "cannot store \(batch.count) article(s)", underlying: error)
        }
    }

    /// Stores one article.
    public func store(_ article: Article, payload: [UInt8]) throws(StoreError) -> StoreOutcome {
        try store([(article, payload)])[0]
    }

    private func store(_ incoming: Article, payload incomingPayload: [UInt8], in db: Database) throws -> StoreOutcome {
        guard !incoming.uri.isEmpty else { throw StoreError(.invalid, "article without uri") }
        var article = incoming
        var payload = incomingPayload
        let hash = article.contentHash.isEmpty ? ContentHash.of(article) : article.contentHash
        let status = article.pubstatus.description
        let now = Timestamp.now()
        // An exact re-send (same content and status as any stored version) changes nothing.
        if try Bool.fetchOne(
            db, sql: "SELECT 1 FROM article_versions WHERE uri = ? AND content_hash = ? AND pubstatus = ?",
            arguments: [article.uri, hash, status]) == true
        {
            return .duplicate
        }
        let current = try Row.fetchOne(
            db, sql: "SELECT id, version, versioncreated FROM articles WHERE uri = ?", arguments: [article.uri])
        var outcome: StoreOutcome
        if let current {
            let currentVersion: String = current["version"]
            if VersionOrder.compare(article.version, article.versioncreated, currentVersion, current["versioncreated"]) == .older {
                outcome = .stale  // kept in history below, the current row stays
            } else {
                // A new version: numbered after the current one when the source did not number it.
                if let stored = Int(currentVersion), (Int(article.version) ?? 0) <= stored {
                    article.version = String(stored + 1)
                }
                if article.signals.isEmpty { article.signals = [VersionSignals.classify(article)] }
                outcome = article.pubstatus == .canceled ? .killed : .updated
            }
        } else {
            if article.version.isEmpty { article.version = "1" }
            outcome = article.pubstatus == .canceled ? .killed : .inserted
        }
        if article != incoming { payload = try article.wireBytes() }
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO article_versions (uri, version, content_hash, pubstatus, versioncreated, payload, stored_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [article.uri, article.version, hash, status, article.versioncreated, Data(payload), now])
        let row = StoredRow(article: article, contentHash: hash, payload: payload, storedAt: now)
        let id: Int64
        switch (outcome, current) {
        case (.stale, _): return outcome
        case (_, let current?):
            id = current["id"]
            try row.update(id: id, in: db)
        case (_, nil):
            try row.insert(in: db)
            id = db.lastInsertedRowID
        }
        let duplicateOf = try nearDuplicates.link(id: id, uri: article.uri, fingerprint: article.fingerprint, in: db)
        try db.execute(
            sql: "UPDATE articles SET fingerprint = ?, duplicate_of = ? WHERE id = ?",
            arguments: [Int64(bitPattern: article.fingerprint), duplicateOf, id])
        return outcome
    }

    // MARK: Dead letters

    /// Records a message that could not be processed; returns its id. Recording the same
    /// message id again (a redelivered dead letter) changes nothing and returns the first id.
    @discardableResult
    public func addDeadLetter(_ letter: DeadLetter) throws(StoreError) -> Int64 {
        do {
            return try pool.write { db in
                if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM dead_letters WHERE message_id = ?", arguments: [letter.messageId]) {
                    return existing
                }
                try db.execute(
                    sql: """
                        INSERT INTO dead_letters (message_id, article_uri, stage, reason, attempts, envelope, payload, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        letter.messageId, letter.articleUri, letter.stage, letter.reason, letter.attempts,
                        Data(letter.envelope), Data(letter.payload), letter.createdAt.isEmpty ? Timestamp.now() : letter.createdAt,
                    ])
                return db.lastInsertedRowID
            }
        } catch {
            throw StoreError(.write, "cannot record dead letter \(letter.messageId)", underlying: error)
        }
    }

    /// Removes dead letters (after a successful redrive); returns how many were removed.
    @discardableResult
    public func removeDeadLetters(ids: [Int64]) throws(StoreError) -> Int {
        do {
            return try pool.write { db in
                var removed = 0
                for id in ids {
                    try db.execute(sql: "DELETE FROM dead_letters WHERE id = ?", arguments: [id])
                    removed += db.changesCount
                }
                return removed
            }
        } catch {
            throw StoreError(.write, "cannot remove dead letters", underlying: error)
        }
    }

    /// Dead letters, oldest first.
    public func deadLetters(limit: Int = 1000) throws(StoreError) -> [DeadLetter] {
        try read("list dead letters") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM dead_letters ORDER BY id LIMIT ?", arguments: [limit]).map(DeadLetter.init(row:))
        }
    }

    // MARK: Reading

    /// The current version of the article with this uri, decoded from the stored payload.
    public func article(uri: String) throws(StoreError) -> StoredArticle? {
        let row = try read("read \(uri)") { db in
            try Row.fetchOne(db, sql: "SELECT payload, stored_at, canceled, duplicate_of FROM articles WHERE uri = ?", arguments: [uri])
        }
        guard let row else { return nil }
        let payload: Data = row["payload"]
        do {
            let article = try Article(wireBytes: [UInt8](payload))
            return StoredArticle(article: article, storedAt: row["stored_at"], canceled: row["canceled"], duplicateOf: row["duplicate_of"])
        } catch {
            throw StoreError(.corrupt, "stored payload of \(uri) does not decode", underlying: error)
        }
    }

    /// Every current article, in the order first stored.
    public func allArticles(limit: Int = 100_000) throws(StoreError) -> [StoredArticle] {
        let rows = try read("list articles") { db in
            try Row.fetchAll(
                db, sql: "SELECT uri, payload, stored_at, canceled, duplicate_of FROM articles ORDER BY id LIMIT ?", arguments: [limit])
        }
        var out: [StoredArticle] = []
        for row in rows {
            let uri: String = row["uri"]
            do {
                out.append(StoredArticle(
                    article: try Article(wireBytes: [UInt8](row["payload"] as Data)), storedAt: row["stored_at"], canceled: row["canceled"],
                    duplicateOf: row["duplicate_of"]))
            } catch {
                throw StoreError(.corrupt, "stored payload of \(uri) does not decode", underlying: error)
            }
        }
        return out
    }

    /// Full-text search over headline and body, best match first (FTS5 bm25, headline weighted 4×).
    ///
    /// The query is taken as plain words (all must match, prefix match on the last one) unless
    /// `raw` is true, when it is passed to FTS5 as is (`AND`, `OR`, `NEAR`, quotes, `column:`).
    /// With `collapseDuplicates`, near-duplicates (copies of one story, see `duplicate_of`) count
    /// as one hit: the best-ranked copy, with ``SearchHit/copies`` telling how many matched.
    public func search(_ query: String, limit: Int = 20, raw: Bool = false, collapseDuplicates: Bool = false) throws(StoreError) -> [SearchHit] {
        let match = raw ? query : SearchQuery.ftsExpression(forWords: query)
        guard !match.isEmpty else { return [] }
        let hits = """
            SELECT a.uri, a.headline, a.section_path, a.versioncreated, a.duplicate_of,
                   snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet,
                   bm25(articles_fts, 4.0, 1.0) AS rank
            FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
            WHERE articles_fts MATCH ? AND a.canceled = 0
            """
        let sql = collapseDuplicates
            ? """
                WITH hits AS MATERIALIZED (\(hits))
                SELECT uri, headline, section_path, versioncreated, duplicate_of, snippet, MIN(rank) AS rank, COUNT(*) AS copies
                FROM hits GROUP BY coalesce(duplicate_of, uri) ORDER BY rank LIMIT ?
                """
            : "\(hits) ORDER BY rank LIMIT ?"
        return try read("search \(query)") { db in
            try Row.fetchAll(db, sql: sql, arguments: [match, limit]).map { row in
                SearchHit(
                    uri: row["uri"], headline: row["headline"],
                    sectionPath: SectionPath.split(row["section_path"]),
                    snippet: row["snippet"], score: -(row["rank"] as Double), versioncreated: row["versioncreated"],
                    duplicateOf: row["duplicate_of"], copies: collapseDuplicates ? row["copies"] : 1)
            }
        }
    }

    /// The uris of an article's near-duplicate group: its root (the first copy stored) and every
    /// article linked to it, in the order stored. Just `[uri]` for an article without copies.
    public func duplicateGroup(of uri: String) throws(StoreError) -> [String] {
        try read("duplicates of \(uri)") { db in
            let root = try String.fetchOne(db, sql: "SELECT coalesce(duplicate_of, uri) FROM articles WHERE uri = ?", arguments: [uri])
            guard let root else { return [] }
            return try String.fetchAll(
                db, sql: "SELECT uri FROM articles WHERE uri = ? OR duplicate_of = ? ORDER BY id", arguments: [root, root])
        }
    }

    /// Counts: articles, versions, by source, by section, dead letters.
    public func stats() throws(StoreError) -> StoreStats {
        try read("compute stats") { db in
            let articles = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articles") ?? 0
            let canceled = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM articles WHERE canceled = 1") ?? 0
            let versions = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM article_versions") ?? 0
            let dead = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dead_letters") ?? 0
            let bySource = try Row.fetchAll(
                db, sql: "SELECT source, COUNT(*) AS n FROM articles GROUP BY source ORDER BY n DESC, source"
            ).map { NamedCount(name: $0["source"], count: $0["n"]) }
            let bySection = try Row.fetchAll(
                db, sql: "SELECT section_path, COUNT(*) AS n FROM articles GROUP BY section_path ORDER BY n DESC, section_path"
            ).map { NamedCount(name: $0["section_path"], count: $0["n"]) }
            return StoreStats(
                articles: articles, canceled: canceled, versions: versions, deadLetters: dead,
                bySource: bySource, bySection: bySection)
        }
    }

    private func read<T>(_ what: String, _ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try pool.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.read, "cannot \(what)", underlying: error)
        }
    }
}
