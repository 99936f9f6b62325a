import NewsbusWire

/// A pipeline stage that changes articles one at a time: the Swift way to write an enricher.
///
/// ```swift
/// struct Shout: Enricher {
///     let stage = "enrich.shout"
///     func enrich(_ article: inout Article) throws {
///         article.headlines = article.headlines.map { .init(role: $0.role, value: $0.value.uppercased()) }
///     }
/// }
/// ```
/// Throw ``StageFailure`` to fail a message (retryable or not); any other error is retryable.
public protocol Enricher {
    /// The stage this enricher serves, e.g. "enrich.entities".
    var stage: String { get }
    /// The enricher's version, stamped into provenance.
    var version: String { get }
    /// The Article fields it sets, stamped into provenance (e.g. ["people", "places"]).
    var fields: [String] { get }
    /// Changes the article in place.
    mutating func enrich(_ article: inout Article) throws
}

extension Enricher {
    /// "1".
    public var version: String { "1" }
    /// None named.
    public var fields: [String] { [] }
}

/// A pipeline stage that commits articles somewhere, a batch at a time (a store).
///
/// The runner sends DONE for a batch only after ``commit(_:)`` returns, so an article is ACKed to
/// its producer only once it is durable.
public protocol Sink {
    /// The stage this sink serves, e.g. "store".
    var stage: String { get }
    /// Whether items whose payload does not decode are handed over (with `article` nil) instead
    /// of failed; a dead-letter store wants them, a normal store does not.
    var acceptsUndecodablePayloads: Bool { get }
    /// Whether the runner decodes each payload into ``SinkItem/article``; a sink that only keeps
    /// bytes (an archive, a message-log recorder) says false and gets `article` nil.
    var decodesArticles: Bool { get }
    /// Commits a batch; returns one result per item, in order.
    mutating func commit(_ batch: [SinkItem]) throws -> [SinkResult]
}

extension Sink {
    /// false.
    public var acceptsUndecodablePayloads: Bool { false }
    /// true.
    public var decodesArticles: Bool { true }
}

/// One article handed to a ``Sink``.
public struct SinkItem: Sendable {
    /// The envelope as delivered.
    public var envelope: Envelope
    /// The decoded article; nil for a sink that does not decode, or that accepts undecodable payloads.
    public var article: Article?
    /// The payload bytes exactly as received.
    public var payload: [UInt8]
}

/// What a sink did with one item.
public enum SinkResult: Sendable, Hashable {
    /// Committed (or already there): the message is done.
    case committed
    /// Not committed; the router may retry it if `retryable`.
    case failed(reason: String, retryable: Bool)
}

/// An error a stage throws to fail a message with a clear reason.
public struct StageFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why.
    public var reason: String
    /// Whether another attempt could succeed.
    public var retryable: Bool

    /// Creates a failure.
    public init(_ reason: String, retryable: Bool = false) {
        self.reason = reason
        self.retryable = retryable
    }

    /// The reason.
    public var description: String { reason }
}
