import Foundation
import NewsbusIngest
import NewsbusSDK
import NewsbusWire

/// How one HTTP request's articles ended, as the waiting request sees it.
enum HTTPIngestOutcome: Sendable {
    /// The source reported the item's outcome.
    case finished(SourceOutcome)
    /// No outcome within the acknowledgement timeout.
    case timedOut
    /// The source is stopping; the request was not (or not yet) taken.
    case shuttingDown
}

/// The hand-over point between the HTTP server's request tasks and the ingest source's loop:
/// requests enqueue their articles and wait; the source takes them in arrival order and reports
/// each one's outcome, which wakes its request.
final class HTTPIngestQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [SourceItem] = []
    private var waiting: [String: CheckedContinuation<HTTPIngestOutcome, Never>] = [:]
    private var closed = false

    /// Enqueues `articles` under `key` and waits until the source reports their outcome, `timeout`
    /// passes, or the queue closes.
    func submit(key: String, articles: [Article], timeout: Duration) async -> HTTPIngestOutcome {
        let timer = Task {
            try? await Task.sleep(for: timeout)
            self.resume(key, with: .timedOut)
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { continuation in
            let accepted: Bool = lock.withLock {
                guard !closed else { return false }
                waiting[key] = continuation
                items.append(.articles(key: key, articles))
                return true
            }
            if !accepted { continuation.resume(returning: .shuttingDown) }
        }
    }

    /// The oldest waiting item, if any.
    func take() -> SourceItem? {
        lock.withLock { items.isEmpty ? nil : items.removeFirst() }
    }

    /// Reports an item's outcome to its request (if it still waits).
    func finish(_ key: String, outcome: SourceOutcome) {
        resume(key, with: .finished(outcome))
    }

    /// Refuses new requests and answers every waiting one with `.shuttingDown` (their articles,
    /// if already published, may still be stored: re-sending them is safe).
    func close() {
        let all: [CheckedContinuation<HTTPIngestOutcome, Never>] = lock.withLock {
            closed = true
            items.removeAll()
            defer { waiting.removeAll() }
            return Array(waiting.values)
        }
        for continuation in all { continuation.resume(returning: .shuttingDown) }
    }

    private func resume(_ key: String, with outcome: HTTPIngestOutcome) {
        let continuation = lock.withLock { waiting.removeValue(forKey: key) }
        continuation?.resume(returning: outcome)
    }
}

/// The HTTP endpoint as a ``Source``: what requests hand over through the queue is published,
/// and each request is answered once its articles are stored end to end (see ``HTTPIngestServer``).
struct HTTPIngestSource: Source {
    let name: String
    let queue: HTTPIngestQueue

    var isExhausted: Bool { false }

    mutating func next() throws -> SourceItem? { queue.take() }

    mutating func finished(key: String, outcome: SourceOutcome) {
        queue.finish(key, outcome: outcome)
    }
}
