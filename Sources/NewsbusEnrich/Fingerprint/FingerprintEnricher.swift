import NewsbusSDK
import NewsbusWire

/// The near-duplicate fingerprint (stage `enrich.fingerprint`): a 64-bit ``SimHash`` of the main
/// body into `Article.fingerprint`. The headline is left out on purpose: outlets rewrite
/// headlines of the wire copy they run, while the body stays largely the same. The store links an
/// article whose fingerprint is within a few bits of an earlier one's (`duplicate_of`).
public struct FingerprintEnricher: Enricher {
    /// "enrich.fingerprint".
    public let stage: String

    /// Fingerprints at most this many bits apart are near-duplicates (the store's default).
    /// Measured on the annotated article set: an outlet's copy (dateline and last paragraph
    /// dropped, two words edited, a line of furniture added) lies 2–12 bits from its story for 22
    /// of the 23 English stories (17 for the last); different stories lie 22 or more bits apart
    /// (see ``SimHash``).
    public static let nearDuplicateDistance = 12

    /// Creates the enricher for a stage name.
    public init(stage: String = "enrich.fingerprint") { self.stage = stage }

    /// "1" — a change of features or hash functions must bump it: stored fingerprints of
    /// different versions do not compare.
    public var version: String { "1" }

    /// The fingerprint.
    public var fields: [String] { ["fingerprint"] }

    /// Sets `fingerprint` from the main body (the first body when none is "main"); 0 when the
    /// article has no body text.
    public func enrich(_ article: inout Article) throws {
        article.fingerprint = SimHash.fingerprint(article.mainBody?.value ?? "")
    }
}
