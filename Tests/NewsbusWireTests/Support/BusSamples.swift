import NewsbusTesting
import NewsbusWire

/// Bus messages with every field set, for round trips and the Google peer.
enum BusSamples {
    static func envelope() -> Envelope {
        Envelope(
            messageId: "msg-0001-ñandú-東京",
            articleUri: "urn:newsbus:sample:maximal",
            articleVersion: "3",
            routingSlip: ["enrich.stats", "enrich.entities", "enrich.quotes", "store"],
            slipPosition: 2,
            attempt: 4,
            traceId: "trace-7f3a9c-데이터",
            hops: [
                Hop(stage: "enrich.stats", worker: "enrich.stats-1", dispatchedAtMicros: 1_709_622_000_000_001,
                    completedAtMicros: 1_709_622_000_004_250, attempt: 1),
                Hop(stage: "enrich.entities", worker: "enrich.entities-2 🧪", dispatchedAtMicros: 1_709_622_000_005_000,
                    completedAtMicros: UInt64.max, attempt: 3),
            ],
            producer: "ingest.scrape-1",
            publishedAtMicros: 1_709_621_999_999_999,
            contentType: Envelope.articleContentType,
            payloadSize: 4_294_967_295,
            pipeline: "default-ملف"
        )
    }

    static func ready() -> Ready {
        Ready(stage: "enrich.stats", capacity: 16, worker: "enrich.stats-3", pid: 4_194_304, version: "1.2.3-rc.1", language: "swift")
    }

    static func fail() -> Fail {
        Fail(envelope: envelope(), reason: "parser gave up at byte 42: “unexpected ’”", retryable: true)
    }

    static func nack() -> Nack {
        Nack(messageId: "msg-0002", reason: "payload above 4 MiB", code: .tooLarge)
    }

    static func ack() -> Ack {
        Ack(messageIds: ["msg-0001", "msg-0002", "", "msg-ü-0003"])
    }

    static func credit() -> Credit { Credit(credit: 4_294_967_295) }

    static func disconnect() -> Disconnect { Disconnect(reason: "shutting down: SIGTERM ⏻") }

    static func heartbeat() -> Heartbeat { Heartbeat(inFlight: 7, processed: UInt64.max) }

    static func logRecord() throws -> LogRecord {
        LogRecord(
            recordedAtMicros: 1_709_622_000_123_456,
            point: "stage:enrich.stats:done",
            envelope: envelope(),
            payload: try SampleArticles.maximal().wireBytes()
        )
    }
}
