/// The header frame of every message-bearing bus command (`newsbus.v1.Envelope`).
///
/// The router reads and rewrites only the envelope; the Article payload travels beside it untouched.
public struct Envelope: Sendable, Hashable {
    /// Unique per published message, chosen by the producer.
    public var messageId: String
    /// `Article.uri`, so the router never decodes the payload.
    public var articleUri: String
    /// `Article.version`.
    public var articleVersion: String
    /// Ordered stage names, stamped by the router.
    public var routingSlip: [String]
    /// Index into ``routingSlip`` of the stage now due.
    public var slipPosition: UInt32
    /// 1 for the first delivery of the current stage.
    public var attempt: UInt32
    /// Propagated unchanged through every hop.
    public var traceId: String
    /// Per-hop timings, appended by the router.
    public var hops: [Hop]
    /// Producer name.
    public var producer: String
    /// Producer clock at PUBLISH, microseconds since the Unix epoch.
    public var publishedAtMicros: UInt64
    /// Payload type.
    public var contentType: String
    /// Bytes of the payload frame.
    public var payloadSize: UInt32
    /// Pipeline the slip came from.
    public var pipeline: String
    /// On a dead letter: the stage that gave up.
    public var failedStage: String
    /// On a dead letter: attempts made at that stage.
    public var failedAttempts: UInt32
    /// On a dead letter: the last failure reason.
    public var failureReason: String

    /// Creates an envelope.
    public init(
        messageId: String = "", articleUri: String = "", articleVersion: String = "", routingSlip: [String] = [],
        slipPosition: UInt32 = 0, attempt: UInt32 = 0, traceId: String = "", hops: [Hop] = [], producer: String = "",
        publishedAtMicros: UInt64 = 0, contentType: String = "", payloadSize: UInt32 = 0, pipeline: String = "",
        failedStage: String = "", failedAttempts: UInt32 = 0, failureReason: String = ""
    ) {
        self.failedStage = failedStage
        self.failedAttempts = failedAttempts
        self.failureReason = failureReason
        self.messageId = messageId
        self.articleUri = articleUri
        self.articleVersion = articleVersion
        self.routingSlip = routingSlip
        self.slipPosition = slipPosition
        self.attempt = attempt
        self.traceId = traceId
        self.hops = hops
        self.producer = producer
        self.publishedAtMicros = publishedAtMicros
        self.contentType = contentType
        self.payloadSize = payloadSize
        self.pipeline = pipeline
    }

    /// The stage now due, or nil when the slip is complete.
    public var currentStage: String? {
        Int(slipPosition) < routingSlip.count ? routingSlip[Int(slipPosition)] : nil
    }

    /// Media type of an encoded ``Article`` payload.
    public static let articleContentType = "application/x-newsbus-article"
}

/// One stage's work on a message (`newsbus.v1.Hop`).
public struct Hop: Sendable, Hashable {
    /// Stage name.
    public var stage: String
    /// Worker that handled it.
    public var worker: String
    /// Router clock at dispatch, µs since the epoch.
    public var dispatchedAtMicros: UInt64
    /// Router clock at DONE/FAIL, µs since the epoch.
    public var completedAtMicros: UInt64
    /// Which attempt.
    public var attempt: UInt32
    /// Creates a hop.
    public init(stage: String = "", worker: String = "", dispatchedAtMicros: UInt64 = 0, completedAtMicros: UInt64 = 0, attempt: UInt32 = 0) {
        self.stage = stage
        self.worker = worker
        self.dispatchedAtMicros = dispatchedAtMicros
        self.completedAtMicros = completedAtMicros
        self.attempt = attempt
    }
}

/// READY: a worker joins the bus for one stage (`newsbus.v1.Ready`).
public struct Ready: Sendable, Hashable {
    /// The stage it serves.
    public var stage: String
    /// How many messages it can hold at once.
    public var capacity: UInt32
    /// Unique worker name.
    public var worker: String
    /// OS process id.
    public var pid: UInt32
    /// Worker software version.
    public var version: String
    /// Implementation language.
    public var language: String
    /// Creates a READY body.
    public init(stage: String = "", capacity: UInt32 = 0, worker: String = "", pid: UInt32 = 0, version: String = "", language: String = "") {
        self.stage = stage
        self.capacity = capacity
        self.worker = worker
        self.pid = pid
        self.version = version
        self.language = language
    }
}

/// FAIL: a worker could not process a message (`newsbus.v1.Fail`).
public struct Fail: Sendable, Hashable {
    /// The envelope as delivered.
    public var envelope: Envelope?
    /// Human-readable cause.
    public var reason: String
    /// False: dead-letter at once.
    public var retryable: Bool
    /// Creates a FAIL body.
    public init(envelope: Envelope? = nil, reason: String = "", retryable: Bool = false) {
        self.envelope = envelope
        self.reason = reason
        self.retryable = retryable
    }
}

/// Why the router refused a message.
public struct NackCode: RawRepresentable, Sendable, Hashable {
    /// The protobuf enum number.
    public var rawValue: Int32
    /// Wraps a protobuf enum number.
    public init(rawValue: Int32) { self.rawValue = rawValue }
    /// Not stated.
    public static let unspecified = NackCode(rawValue: 0)
    /// Bad frames or header.
    public static let malformed = NackCode(rawValue: 1)
    /// Payload above the maximum.
    public static let tooLarge = NackCode(rawValue: 2)
    /// Router queue full; retry later.
    public static let overloaded = NackCode(rawValue: 3)
    /// Exhausted attempts; stored as a dead letter.
    public static let deadLettered = NackCode(rawValue: 4)
    /// No pipeline for this message.
    public static let noPipeline = NackCode(rawValue: 5)
}

/// NACK: the router refuses a producer's message (`newsbus.v1.Nack`).
public struct Nack: Sendable, Hashable {
    /// The refused message.
    public var messageId: String
    /// Human-readable cause.
    public var reason: String
    /// Machine-readable cause.
    public var code: NackCode
    /// Creates a NACK body.
    public init(messageId: String = "", reason: String = "", code: NackCode = .unspecified) {
        self.messageId = messageId
        self.reason = reason
        self.code = code
    }
}

/// ACK: end-to-end acknowledgement to a producer (`newsbus.v1.Ack`).
public struct Ack: Sendable, Hashable {
    /// Acknowledged message ids.
    public var messageIds: [String]
    /// Creates an ACK body.
    public init(messageIds: [String] = []) { self.messageIds = messageIds }
}

/// CREDIT: a worker grants more capacity (`newsbus.v1.Credit`).
public struct Credit: Sendable, Hashable {
    /// Additional messages the worker can hold.
    public var credit: UInt32
    /// Creates a CREDIT body.
    public init(credit: UInt32 = 0) { self.credit = credit }
}

/// DISCONNECT: a peer leaves (`newsbus.v1.Disconnect`).
public struct Disconnect: Sendable, Hashable {
    /// Logged reason.
    public var reason: String
    /// Creates a DISCONNECT body.
    public init(reason: String = "") { self.reason = reason }
}

/// HEARTBEAT with the sender's load (`newsbus.v1.Heartbeat`).
public struct Heartbeat: Sendable, Hashable {
    /// Messages held now.
    public var inFlight: UInt32
    /// Messages completed since start.
    public var processed: UInt64
    /// Creates a HEARTBEAT body.
    public init(inFlight: UInt32 = 0, processed: UInt64 = 0) {
        self.inFlight = inFlight
        self.processed = processed
    }
}

/// One record of a message log (`newsbus.v1.LogRecord`).
public struct LogRecord: Sendable, Hashable {
    /// Recorder clock, µs since the epoch.
    public var recordedAtMicros: UInt64
    /// Where it was recorded, e.g. "publish".
    public var point: String
    /// The header at that point.
    public var envelope: Envelope?
    /// The encoded Article, byte for byte.
    public var payload: [UInt8]
    /// Creates a log record.
    public init(recordedAtMicros: UInt64 = 0, point: String = "", envelope: Envelope? = nil, payload: [UInt8] = []) {
        self.recordedAtMicros = recordedAtMicros
        self.point = point
        self.envelope = envelope
        self.payload = payload
    }
}
