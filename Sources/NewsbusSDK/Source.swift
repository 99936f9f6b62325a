import NewsbusWire

/// One unit of input a ``Source`` hands over: the articles of one file, feed poll or request, or
/// the reason it could not be read.
public enum SourceItem: Sendable {
    /// Articles to publish, under a key that names the input (a file path, a feed item id).
    case articles(key: String, [Article])
    /// Input that could not be turned into articles.
    case rejected(key: String, reason: String)
}

/// How one source item ended.
public enum SourceOutcome: Sendable, Hashable {
    /// Every article of the item passed every stage and is stored (ACKed).
    case stored
    /// The bus refused an article of the item, or it was dead-lettered.
    case refused(reason: String)
    /// The item could not be read or parsed.
    case rejected(reason: String)
}

/// A producer of articles: the Swift way to write an ingest worker.
///
/// The runner calls ``next()`` for input, publishes each item's articles, and calls
/// ``finished(key:outcome:)`` once per item when all its articles are answered — only then may the
/// source forget the item (move the file to `done/`, commit a feed position): this is what makes
/// ingest at-least-once end to end.
public protocol Source {
    /// The producer name, stamped into envelopes.
    var name: String { get }
    /// The next item, or nil when there is nothing to read right now.
    mutating func next() throws -> SourceItem?
    /// True when the source will never have more input (a one-shot list of files).
    var isExhausted: Bool { get }
    /// An item ended.
    mutating func finished(key: String, outcome: SourceOutcome)
}

/// Counts of a source run, for summaries.
public struct SourceSummary: Sendable, Hashable, Codable {
    /// Items read.
    public var items = 0
    /// Articles published.
    public var published = 0
    /// Articles ACKed.
    public var acked = 0
    /// Articles refused or dead-lettered.
    public var refused = 0
    /// Items rejected (unreadable input).
    public var rejected = 0
    /// Articles still unanswered when the run ended.
    public var unanswered = 0
    /// Articles re-sent after a timeout.
    public var resent = 0
}

/// Drives a ``Source`` through a ``Publisher``: publishes, tracks each item until all its articles
/// are answered, and reports outcomes back to the source.
public final class SourceRunner {
    private let publisher: Publisher
    private var remaining: [String: Int] = [:]
    private var itemOf: [String: String] = [:]
    private var refusedItems: [String: String] = [:]
    private var summary = SourceSummary()

    /// Creates a runner over a connected publisher.
    public init(publisher: Publisher) {
        self.publisher = publisher
    }

    /// Runs until the source is exhausted and everything is answered, `shouldStop()` is true, or —
    /// once the source is exhausted — `drainTimeoutMs` passes without all answers.
    public func run<S: Source>(_ source: inout S, idlePollMs: Int = 200, drainTimeoutMs: Int, until shouldStop: () -> Bool) throws -> SourceSummary {
        var finishedKeys: [(String, SourceOutcome)] = []
        publisher.onResult = { [self] id, result in
            guard let key = itemOf.removeValue(forKey: id) else { return }
            switch result {
            case .acked: summary.acked += 1
            case let .nacked(_, reason):
                summary.refused += 1
                if refusedItems[key] == nil { refusedItems[key] = reason }
            }
            remaining[key, default: 1] -= 1
            if remaining[key] == 0 {
                remaining[key] = nil
                let outcome: SourceOutcome = refusedItems.removeValue(forKey: key).map { .refused(reason: $0) } ?? .stored
                finishedKeys.append((key, outcome))
            }
        }
        func deliver() {
            for (key, outcome) in finishedKeys { source.finished(key: key, outcome: outcome) }
            finishedKeys.removeAll()
        }
        while !shouldStop() {
            guard let item = try source.next() else {
                if source.isExhausted { break }
                try publisher.pump(timeoutMs: idlePollMs)
                deliver()
                continue
            }
            summary.items += 1
            switch item {
            case let .rejected(key, reason):
                summary.rejected += 1
                source.finished(key: key, outcome: .rejected(reason: reason))
            case let .articles(key, articles):
                if articles.isEmpty {
                    source.finished(key: key, outcome: .stored)
                    continue
                }
                remaining[key, default: 0] += articles.count
                for article in articles {
                    let id = try publisher.publish(article, shouldStop: shouldStop)
                    itemOf[id] = key
                    summary.published += 1
                }
            }
            deliver()
        }
        _ = try publisher.drain(timeoutMs: drainTimeoutMs, shouldStop: shouldStop)
        deliver()
        summary.unanswered = publisher.pending
        summary.resent = publisher.resent
        return summary
    }
}
