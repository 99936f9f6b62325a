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
        for (i, item) in batch.enumerated() {
            guard let article = item.article, !article.uri.isEmpty else {
                results[i] = .failed(reason: "article has no uri", retryable: false)
                continue
            }
            storable.append((article, item.payload))
        }
        let outcomes = try store.store(storable)
        for outcome in outcomes { counts[outcome, default: 0] += 1 }
        return results
    }
}

/// The dead-letter stage: records failed messages with their reason and bytes.
struct DeadLetterSink: Sink {
    let stage: String
    let store: ArticleStore
    private(set) var recorded = 0

    init(stage: String, store: ArticleStore) {
        self.stage = stage
        self.store = store
    }

    var acceptsUndecodablePayloads: Bool { true }

    mutating func commit(_ batch: [SinkItem]) throws -> [SinkResult] {
        for item in batch {
            let e = item.envelope
            try store.addDeadLetter(
                DeadLetter(
                    messageId: e.messageId, articleUri: e.articleUri, stage: e.failedStage, reason: e.failureReason,
                    attempts: Int(e.failedAttempts), envelope: try e.wireBytes(), payload: item.payload))
            recorded += 1
        }
        return Array(repeating: .committed, count: batch.count)
    }
}
