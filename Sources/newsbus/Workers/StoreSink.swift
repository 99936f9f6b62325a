import NewsbusSDK
import NewsbusStore
import NewsbusWire

/// The store stage: commits each batch in one SQLite transaction.
struct StoreSink: Sink {
    let stage: String
    let store: ArticleStore
    /// Outcomes so far, for the exit summary.
    private(set) var counts: [StoreOutcome: Int] = [:]

    init(stage: String, store: ArticleStore) {
        self.stage = stage
        self.store = store
    }

    mutating func commit(_ batch: [SinkItem]) throws -> [SinkResult] {
        var results = Array(repeating: SinkResult.committed, count: batch.count)
        var storable: [(article: Article, payload: [UInt8])] = []
        var indices: [Int] = []
        for (i, item) in batch.enumerated() {
            if item.article.uri.isEmpty {
                results[i] = .failed(reason: "article has no uri", retryable: false)
            } else {
                storable.append((item.article, item.payload))
                indices.append(i)
            }
        }
        let outcomes = try store.store(storable)
        for outcome in outcomes { counts[outcome, default: 0] += 1 }
        _ = indices
        return results
    }
}
