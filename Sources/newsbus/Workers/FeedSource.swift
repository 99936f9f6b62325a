import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import NewsbusIngest
import NewsbusSDK
import NewsbusWire

/// Polls a feed over HTTP(S): conditional requests (ETag / Last-Modified), a fixed interval, and a
/// memory of every item seen (uri → content hash) kept in a state file, so a restart neither
/// re-publishes old items nor misses edited ones. An item is remembered only after it is stored
/// end to end; an edited item (same guid, new content) is published again and becomes a new
/// version in the store.
///
/// Failed polls, items that cannot become articles and items the bus refuses are written as error
/// records to `<state>.errors.jsonl` (see ``ErrorRecordLog``); the other items go on.
struct FeedSource: Source {
    let name: String
    let url: URL
    let interval: TimeInterval
    let statePath: String
    let errors: ErrorRecordLog
    private let ingestor: Ingestor
    private var state: FeedState
    private var nextPollAt = Date.distantPast
    private var pending: [String: String] = [:]  // key (uri) → content hash, until stored
    private var recordedIssues: Set<String> = []
    /// Polls made, and how many were answered 304 Not Modified.
    private(set) var polls = 0
    private(set) var notModified = 0

    /// What survives a restart.
    struct FeedState: Codable {
        var etag: String?
        var lastModified: String?
        var seen: [String: String] = [:]
    }

    init(name: String, url: URL, interval: TimeInterval, statePath: String, ingestor: Ingestor = Ingestor()) {
        self.name = name
        self.ingestor = ingestor
        errors = ErrorRecordLog(path: statePath + ".errors.jsonl", sourceName: name)
        self.url = url
        self.interval = interval
        self.statePath = statePath
        state = (FileManager.default.contents(atPath: statePath)).flatMap { try? JSONDecoder().decode(FeedState.self, from: $0) } ?? FeedState()
    }

    var isExhausted: Bool { false }

    private var queue: [SourceItem] = []

    mutating func next() throws -> SourceItem? {
        if queue.isEmpty, Date() >= nextPollAt {
            nextPollAt = Date().addingTimeInterval(interval)
            queue = poll()
        }
        return queue.isEmpty ? nil : queue.removeFirst()
    }

    mutating func finished(key: String, outcome: SourceOutcome) {
        let hash = pending.removeValue(forKey: key)
        switch outcome {
        case .stored:
            guard let hash else { return }
            state.seen[key] = hash
            save()
        case let .refused(reason):
            errors.record(code: "refused", reason: "item \(key) refused by the bus: \(reason)", locator: url.absoluteString)
        case let .rejected(reason):
            errors.record(code: "poll-failed", reason: reason, locator: url.absoluteString)
        }
    }

    /// One conditional GET; returns the new and changed items, or a rejected item on errors.
    private mutating func poll() -> [SourceItem] {
        polls += 1
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: 30)
        request.setValue("Newsbus/\(NewsbusVersion.current)", forHTTPHeaderField: "User-Agent")
        if let etag = state.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let lastModified = state.lastModified { request.setValue(lastModified, forHTTPHeaderField: "If-Modified-Since") }
        let (data, response, error) = Self.fetch(request)
        let key = url.absoluteString
        if let error { return [.rejected(key: key + "#poll-\(polls)", reason: "fetch failed: \(error)")] }
        guard let http = response as? HTTPURLResponse else { return [.rejected(key: key, reason: "no HTTP response")] }
        if http.statusCode == 304 {
            notModified += 1
            return []
        }
        guard (200..<300).contains(http.statusCode), let data else {
            return [.rejected(key: key + "#poll-\(polls)", reason: "HTTP \(http.statusCode)")]
        }
        state.etag = http.value(forHTTPHeaderField: "ETag")
        state.lastModified = http.value(forHTTPHeaderField: "Last-Modified")
        save()
        let context = IngestContext(sourceName: name, sourceKind: "feed", locator: key, receivedAt: Timestamp.now())
        do {
            let result = try ingestor.ingest([UInt8](data), context: context, contentType: http.value(forHTTPHeaderField: "Content-Type"))
            // An unusable item is recorded once, not on every poll that still carries it.
            for issue in result.issues where recordedIssues.insert("\(issue.index)|\(issue.line)|\(issue.reason)").inserted {
                errors.record(issue, locator: key)
            }
            var items: [SourceItem] = []
            for article in result.articles {
                let hash = article.contentHash.isEmpty ? ContentHash.of(article) : article.contentHash
                guard state.seen[article.uri] != hash, pending[article.uri] == nil else { continue }
                pending[article.uri] = hash
                items.append(.articles(key: article.uri, [article]))
            }
            return items
        } catch {
            return [.rejected(key: key + "#poll-\(polls)", reason: error.description)]
        }
    }

    private func save() {
        guard let data = try? JSONEncoder().encode(state) else { return }
        let temporary = statePath + ".tmp"
        if FileManager.default.createFile(atPath: temporary, contents: data) {
            _ = rename(temporary, statePath)  // atomic replace
        }
    }

    /// A blocking fetch (the source runs on its own thread, off the concurrency pool).
    private static func fetch(_ request: URLRequest) -> (Data?, URLResponse?, Error?) {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Data?, URLResponse?, Error?) = (nil, nil, nil)
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            result = (data, response, error)
            done.signal()
        }
        task.resume()
        done.wait()
        return result
    }
}
