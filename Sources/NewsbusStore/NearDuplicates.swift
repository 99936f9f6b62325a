import Foundation
import GRDB

/// Links an article to an earlier one whose near-duplicate fingerprint (`Article.fingerprint`, a
/// 64-bit SimHash) is at most ``maxDistance`` bits away: wire copies of one story from different
/// outlets get `duplicate_of` = the uri of the first copy stored (the group's root).
///
/// Copies of a story arrive within hours or days, so an article is compared with the most recent
/// ``window`` fingerprinted articles, held in memory: a scan of 50,000 fingerprints is a few tens
/// of microseconds, where an index over bit bands would return thousands of candidates at the
/// distances short news texts need (see `FingerprintEnricher.nearDuplicateDistance`).
final class NearDuplicates: @unchecked Sendable {
    /// Fingerprints at most this many bits apart are near-duplicates.
    let maxDistance: Int
    /// How many of the most recent fingerprinted articles an article is compared with.
    let window: Int

    private struct Entry {
        var id: Int64
        var uri: String
        var fingerprint: UInt64
        var root: String
    }

    private let lock = NSLock()
    private var recent: [Entry] = []  // ascending id
    private var loaded = false
    private var pending: [Entry] = []  // written in the open transaction

    init(maxDistance: Int, window: Int = 50_000) {
        self.maxDistance = maxDistance
        self.window = window
    }

    /// Records the fingerprint of the article row `id` and returns the uri it duplicates, if any
    /// (nil for fingerprint 0, i.e. not computed). Only articles stored earlier (smaller row id)
    /// count, so a new version of a group's first copy stays the root, and nothing duplicates
    /// itself. Call ``commit()`` or ``rollback()`` when the transaction ends.
    func link(id: Int64, uri: String, fingerprint: UInt64, in db: Database) throws -> String? {
        lock.lock()
        defer { lock.unlock() }
        if !loaded { try load(db) }
        guard fingerprint != 0 else { return nil }
        var best: Entry?
        func consider(_ entry: Entry) {
            guard entry.id < id, entry.root != uri, (entry.fingerprint ^ fingerprint).nonzeroBitCount <= maxDistance else { return }
            if best.map({ entry.id < $0.id }) ?? true { best = entry }
        }
        recent.forEach(consider)
        pending.forEach(consider)
        let root = best?.root
        pending.removeAll { $0.id == id }
        pending.append(Entry(id: id, uri: uri, fingerprint: fingerprint, root: root ?? uri))
        return root
    }

    /// The transaction committed: its fingerprints join the window.
    func commit() {
        lock.lock()
        defer { lock.unlock() }
        for entry in pending {
            // Row ids grow, so a new article goes at the end; only a new version of a stored one
            // (a smaller id) needs a search of the window.
            if let last = recent.last, entry.id <= last.id, let index = recent.lastIndex(where: { $0.id == entry.id }) {
                recent[index] = entry
            } else {
                recent.append(entry)
            }
        }
        pending.removeAll()
        if recent.count > window { recent.removeFirst(recent.count - window) }
    }

    /// The transaction failed: forget what it wrote.
    func rollback() {
        lock.lock()
        defer { lock.unlock() }
        pending.removeAll()
    }

    private func load(_ db: Database) throws {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT id, uri, fingerprint, duplicate_of FROM articles
                WHERE fingerprint <> 0 ORDER BY id DESC LIMIT ?
                """,
            arguments: [window])
        recent = rows.reversed().map { row in
            let uri: String = row["uri"]
            return Entry(
                id: row["id"], uri: uri, fingerprint: UInt64(bitPattern: row["fingerprint"] as Int64),
                root: row["duplicate_of"] ?? uri)
        }
        loaded = true
    }
}
