import NewsbusSDK
import NewsbusWire

/// The near-duplicate fingerprint (stage `enrich.fingerprint`): a 64-bit ``SimHash`` of the main
/// body into `Article.fingerprint`. The headline is left out on purpose: outlets rewrite
/// headlines of the wire copy they run, while the body stays largely the same. The store links an
/// article whose fingerprint is within a few bits of an earlier one's (`duplicate_of`).
public struct FingerprintEnricher: Enricher {
    /// "enrich.fingerprint".
    public let stage: String

    /// Fingerprints at most this many bits apart are near-duplicates: a short wire story and an
    /// outlet's edited copy measured 6 bits apart, unrelated stories at least 9 even when
    /// generated from one shared vocabulary (see ``SimHash/shingleSize``).
    public static let nearDuplicateDistance = 6

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
