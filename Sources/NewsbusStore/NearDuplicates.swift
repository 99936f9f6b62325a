import GRDB

/// Links an article to an earlier one whose near-duplicate fingerprint (`Article.fingerprint`, a
/// 64-bit SimHash) is at most ``maxDistance`` bits away: wire copies of one story from different
/// outlets get `duplicate_of` = the uri of the first copy stored (the group's root).
///
/// Lookup is by bands: the 64 bits are cut into `maxDistance + 1` bands, so two fingerprints
/// within `maxDistance` bits agree exactly on at least one band (pigeonhole); candidates come
/// from the `fingerprint_bands` index and are checked bit by bit.
struct NearDuplicates {
    /// Fingerprints at most this many bits apart are near-duplicates (default 6, the distance
    /// the fingerprint enricher was measured with).
    let maxDistance: Int

    /// (shift, width) of each band.
    private var bands: [(shift: UInt64, width: UInt64)] {
        let count = maxDistance + 1
        var result: [(UInt64, UInt64)] = []
        var shift = 0
        for index in 0..<count {
            let width = 64 / count + (index < 64 % count ? 1 : 0)
            result.append((UInt64(shift), UInt64(width)))
            shift += width
        }
        return result
    }

    private func bandValues(_ fingerprint: UInt64) -> [Int64] {
        bands.map { band in
            let mask: UInt64 = band.width == 64 ? .max : (1 << band.width) - 1
            return Int64((fingerprint >> band.shift) & mask)
        }
    }

    /// Records the fingerprint of the article row `id` and returns the uri it duplicates, if any
    /// (nil for fingerprint 0, i.e. not computed). Only articles stored earlier (smaller row id)
    /// count, so a new version of a group's first copy stays the root, and nothing duplicates itself.
    func link(id: Int64, uri: String, fingerprint: UInt64, in db: Database) throws -> String? {
        try db.execute(sql: "DELETE FROM fingerprint_bands WHERE article_id = ?", arguments: [id])
        guard fingerprint != 0 else { return nil }
        let values = bandValues(fingerprint)
        var root: (id: Int64, uri: String)?
        for (band, value) in values.enumerated() {
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.id, a.uri, a.fingerprint, a.duplicate_of FROM fingerprint_bands b
                    JOIN articles a ON a.id = b.article_id
                    WHERE b.band = ? AND b.value = ? AND a.id < ?
                    """,
                arguments: [band, value, id])
            for row in rows {
                let candidate = UInt64(bitPattern: row["fingerprint"] as Int64)
                guard (candidate ^ fingerprint).nonzeroBitCount <= maxDistance else { continue }
                let candidateID: Int64 = row["id"]
                let candidateURI: String = row["uri"]
                let candidateRoot: String = row["duplicate_of"] ?? candidateURI
                guard candidateRoot != uri, root.map({ candidateID < $0.id }) ?? true else { continue }
                root = (candidateID, candidateRoot)
            }
        }
        for (band, value) in values.enumerated() {
            try db.execute(
                sql: "INSERT INTO fingerprint_bands (article_id, band, value) VALUES (?, ?, ?)", arguments: [id, band, value])
        }
        return root?.uri
    }
}
