import CNewsbusProto
import CProtobufC

// Conversions between the Swift bus types and the protoc-c structs of bus.proto.

private let B: StaticString = "newsbus.v1.bus"

private func allocator(_ raw: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<ProtobufCAllocator>? {
    raw?.assumingMemoryBound(to: ProtobufCAllocator.self)
}

extension Hop {
    init(c: UnsafePointer<Newsbus__V1__Hop>) throws(WireError) {
        let m = c.pointee
        self.init(
            stage: try decodeString(m.stage, B, "Hop.stage"),
            worker: try decodeString(m.worker, B, "Hop.worker"),
            dispatchedAtMicros: m.dispatched_at_us, completedAtMicros: m.completed_at_us, attempt: m.attempt
        )
    }

    func c(_ b: CMessageBuilder) throws(WireError) -> UnsafeMutablePointer<Newsbus__V1__Hop> {
        let p = b.message(Newsbus__V1__Hop.self) { newsbus__v1__hop__init($0) }
        p.pointee.stage = try b.string(stage, "Hop.stage")
        p.pointee.worker = try b.string(worker, "Hop.worker")
        p.pointee.dispatched_at_us = dispatchedAtMicros
        p.pointee.completed_at_us = completedAtMicros
        p.pointee.attempt = attempt
        return p
    }
}

extension Envelope: WireMessage {
    /// "newsbus.v1.Envelope".
    public static var protobufName: String { "newsbus.v1.Envelope" }

    public static func _unpack(_ a: UnsafeMutableRawPointer?, _ count: Int, _ bytes: UnsafePointer<UInt8>) -> UnsafeMutableRawPointer? {
        UnsafeMutableRawPointer(newsbus__v1__envelope__unpack(allocator(a), count, bytes))
    }

    public static func _freeUnpacked(_ message: UnsafeMutableRawPointer, _ a: UnsafeMutableRawPointer?) {
        newsbus__v1__envelope__free_unpacked(message.assumingMemoryBound(to: Newsbus__V1__Envelope.self), allocator(a))
    }

    public init(_cMessage message: UnsafeRawPointer) throws(WireError) {
        try self.init(c: message.assumingMemoryBound(to: Newsbus__V1__Envelope.self))
    }

    init(c: UnsafePointer<Newsbus__V1__Envelope>) throws(WireError) {
        let m = c.pointee
        self.init(
            messageId: try decodeString(m.message_id, B, "Envelope.message_id"),
            articleUri: try decodeString(m.article_uri, B, "Envelope.article_uri"),
            articleVersion: try decodeString(m.article_version, B, "Envelope.article_version"),
            routingSlip: try decodeStrings(m.n_routing_slip, m.routing_slip, B, "Envelope.routing_slip"),
            slipPosition: m.slip_position,
            attempt: m.attempt,
            traceId: try decodeString(m.trace_id, B, "Envelope.trace_id"),
            hops: try decodeList(m.n_hops, m.hops, B) { (h) throws(WireError) in try Hop(c: h) },
            producer: try decodeString(m.producer, B, "Envelope.producer"),
            publishedAtMicros: m.published_at_us,
            contentType: try decodeString(m.content_type, B, "Envelope.content_type"),
            payloadSize: m.payload_size,
            pipeline: try decodeString(m.pipeline, B, "Envelope.pipeline"),
            failedStage: try decodeString(m.failed_stage, B, "Envelope.failed_stage"),
            failedAttempts: m.failed_attempts,
            failureReason: try decodeString(m.failure_reason, B, "Envelope.failure_reason")
        )
    }

    public func _cMessage(_ b: CMessageBuilder) throws(WireError) -> UnsafeMutableRawPointer {
        UnsafeMutableRawPointer(try c(b))
    }

    func c(_ b: CMessageBuilder) throws(WireError) -> UnsafeMutablePointer<Newsbus__V1__Envelope> {
        let p = b.message(Newsbus__V1__Envelope.self) { newsbus__v1__envelope__init($0) }
        p.pointee.message_id = try b.string(messageId, "Envelope.message_id")
        p.pointee.article_uri = try b.string(articleUri, "Envelope.article_uri")
        p.pointee.article_version = try b.string(articleVersion, "Envelope.article_version")
        (p.pointee.n_routing_slip, p.pointee.routing_slip) = try b.strings(routingSlip, "Envelope.routing_slip")
        p.pointee.slip_position = slipPosition
        p.pointee.attempt = attempt
        p.pointee.trace_id = try b.string(traceId, "Envelope.trace_id")
        (p.pointee.n_hops, p.pointee.hops) = try b.list(hops) { (h) throws(WireError) in try h.c(b) }
        p.pointee.producer = try b.string(producer, "Envelope.producer")
        p.pointee.published_at_us = publishedAtMicros
        p.pointee.content_type = try b.string(contentType, "Envelope.content_type")
        p.pointee.payload_size = payloadSize
        p.pointee.pipeline = try b.string(pipeline, "Envelope.pipeline")
        p.pointee.failed_stage = try b.string(failedStage, "Envelope.failed_stage")
        p.pointee.failed_attempts = failedAttempts
        p.pointee.failure_reason = try b.string(failureReason, "Envelope.failure_reason")
        return p
    }
}

extension Ready: WireMessage {
    /// "newsbus.v1.Ready".
    public static var protobufName: String { "newsbus.v1.Ready" }

    public static func _unpack(_ a: UnsafeMutableRawPointer?, _ count: Int, _ bytes: UnsafePointer<UInt8>) -> UnsafeMutableRawPointer? {
        UnsafeMutableRawPointer(newsbus__v1__ready__unpack(allocator(a), count, bytes))
    }

    public static func _freeUnpacked(_ message: UnsafeMutableRawPointer, _ a: UnsafeMutableRawPointer?) {
        newsbus__v1__ready__free_unpacked(message.assumingMemoryBound(to: Newsbus__V1__Ready.self), allocator(a))
    }

    public init(_cMessage message: UnsafeRawPointer) throws(WireError) {
        let m = message.assumingMemoryBound(to: Newsbus__V1__Ready.self).pointee
        self.init(
            stage: try decodeString(m.stage, B, "Ready.stage"), capacity: m.capacity,
            worker: try decodeString(m.worker, B, "Ready.worker"), pid: m.pid,
            version: try decodeString(m.version, B, "Ready.version"),
            language: try decodeString(m.language, B, "Ready.language")
        )
    }

    public func _cMessage(_ b: CMessageBuilder) throws(WireError) -> UnsafeMutableRawPointer {
        let p = b.message(Newsbus__V1__Ready.self) { newsbus__v1__ready__init($0) }
        p.pointee.stage = try b.string(stage, "Ready.stage")
        p.pointee.capacity = capacity
        p.pointee.worker = try b.string(worker, "Ready.worker")
        p.pointee.pid = pid
        p.pointee.version = try b.string(version, "Ready.version")
        p.pointee.language = try b.string(language, "Ready.language")
        return UnsafeMutableRawPointer(p)
    }
}

extension Fail: WireMessage {
    /// "newsbus.v1.Fail".
    public static var protobufName: String { "newsbus.v1.Fail" }

    public static func _unpack(_ a: UnsafeMutableRawPointer?, _ count: Int, _ bytes: UnsafePointer<UInt8>) -> UnsafeMutableRawPointer? {
        UnsafeMutableRawPointer(newsbus__v1__fail__unpack(allocator(a), count, bytes))
    }

    public static func _freeUnpacked(_ message: UnsafeMutableRawPointer, _ a: UnsafeMutableRawPointer?) {
        newsbus__v1__fail__free_unpacked(message.assumingMemoryBound(to: Newsbus__V1__Fail.self), allocator(a))
    }

    public init(_cMessage message: UnsafeRawPointer) throws(WireError) {
        let m = message.assumingMemoryBound(to: Newsbus__V1__Fail.self).pointee
        self.init(
            envelope: try m.envelope.map { (e) throws(WireError) in try Envelope(c: e) },
            reason: try decodeString(m.reason, B, "Fail.reason"),
            retryable: m.retryable != 0
        )
    }

    public func _cMessage(_ b: CMessageBuilder) throws(WireError) -> UnsafeMutableRawPointer {
        let p = b.message(Newsbus__V1__Fail.self) { newsbus__v1__fail__init($0) }
        if let envelope { p.pointee.envelope = try envelope.c(b) }
        p.pointee.reason = try b.string(reason, "Fail.reason")
        p.pointee.retryable = retryable ? 1 : 0
        return UnsafeMutableRawPointer(p)
    }
}

extension Nack: WireMessage {
    /// "newsbus.v1.Nack".
    public static var protobufName: String { "newsbus.v1.Nack" }

    public static func _unpack(_ a: UnsafeMutableRawPointer?, _ count: Int, _ bytes: UnsafePointer<UInt8>) -> UnsafeMutableRawPointer? {
        UnsafeMutableRawPointer(newsbus__v1__nack__unpack(allocator(a), count, bytes))
    }

    public static func _freeUnpacked(_ message: UnsafeMutableRawPointer, _ a: UnsafeMutableRawPointer?) {
        newsbus__v1__nack__free_unpacked(message.assumingMemoryBound(to: Newsbus__V1__Nack.self), allocator(a))
    }

    public init(_cMessage message: UnsafeRawPointer) throws(WireError) {
        let m = message.assumingMemoryBound(to: Newsbus__V1__Nack.self).pointee
        self.init(
            messageId: try decodeString(m.message_id, B, "Nack.message_id"),
            reason: try decodeString(m.reason, B, "Nack.reason"),
            code: NackCode(rawValue: Int32(truncatingIfNeeded: m.code.rawValue))
        )
    }

    public func _cMessage(_ b: CMessageBuilder) throws(WireError) -> UnsafeMutableRawPointer {
        let p = b.message(Newsbus__V1__Nack.self) { newsbus__v1__nack__init($0) }
        p.pointee.message_id = try b.string(messageId, "Nack.message_id")
        p.pointee.reason = try b.string(reason, "Nack.reason")
        p.pointee.code = Newsbus__V1__NackCode(rawValue: numericCast(UInt32(bitPattern: code.rawValue)))
        return UnsafeMutableRawPointer(p)
    }
}

extension Ack: WireMessage {
    /// "newsbus.v1.Ack".
    public static var protobufName: String { "newsbus.v1.Ack" }

    public static func _unpack(_ a: UnsafeMutableRawPointer?, _ count: Int, _ bytes: UnsafePointer<UInt8>) -> UnsafeMutableRawPointer? {
        UnsafeMutableRawPointer(newsbus__v1__ack__unpack(allocator(a), count, bytes))
    }

    public static func _freeUnpacked(_ message: UnsafeMutableRawPointer, _ a: UnsafeMutableRawPointer?) {
        newsbus__v1__ack__free_unpacked(message.assumingMemoryBound(to: Newsbus__V1__Ack.self), allocator(a))
    }

    public init(_cMessage message: UnsafeRawPointer) throws(WireError) {
        let m = message.assumingMemoryBound(to: Newsbus__V1__Ack.self).pointee
        self.init(messageIds: try decodeStrings(m.n_message_ids, m.message_ids, B, "Ack.message_ids"))
    }

    public func _cMessage(_ b: CMessageBuilder) throws(WireError) -> UnsafeMutableRawPointer {
        let p = b.message(Newsbus__V1__Ack.self) { newsbus__v1__ack__init($0) }
        (p.pointee.n_message_ids, p.pointee.message_ids) = try b.strings(messageIds, "Ack.message_ids")
        return UnsafeMutableRawPointer(p)
    }
}

extension Credit: WireMessage {
    /// "newsbus.v1.Credit".
    public static var protobufName: String { "newsbus.v1.Credit" }

    public static func _unpack(_ a: UnsafeMutableRawPointer?, _ count: Int, _ bytes: UnsafePointer<UInt8>) -> UnsafeMutableRawPointer? {
        UnsafeMutableRawPointer(newsbus__v1__credit__unpack(allocator(a), count, bytes))
    }

    public static func _freeUnpacked(_ message: UnsafeMutableRawPointer, _ a: UnsafeMutableRawPointer?) {
        newsbus__v1__credit__free_unpacked(message.assumingMemoryBound(to: Newsbus__V1__Credit.self), allocator(a))
    }

    public init(_cMessage message: UnsafeRawPointer) throws(WireError) {
        self.init(credit: message.assumingMemoryBound(to: Newsbus__V1__Credit.self).pointee.credit)
    }

    public func _cMessage(_ b: CMessageBuilder) throws(WireError) -> UnsafeMutableRawPointer {
        let p = b.message(Newsbus__V1__Credit.self) { newsbus__v1__credit__init($0) }
        p.pointee.credit = credit
        return UnsafeMutableRawPointer(p)
    }
}

extension Disconnect: WireMessage {
    /// "newsbus.v1.Disconnect".
    public static var protobufName: String { "newsbus.v1.Disconnect" }

    public static func _unpack(_ a: UnsafeMutableRawPointer?, _ count: Int, _ bytes: UnsafePointer<UInt8>) -> UnsafeMutableRawPointer? {
        UnsafeMutableRawPointer(newsbus__v1__disconnect__unpack(allocator(a), count, bytes))
    }

    public static func _freeUnpacked(_ message: UnsafeMutableRawPointer, _ a: UnsafeMutableRawPointer?) {
        newsbus__v1__disconnect__free_unpacked(message.assumingMemoryBound(to: Newsbus__V1__Disconnect.self), allocator(a))
    }

    public init(_cMessage message: UnsafeRawPointer) throws(WireError) {
        let m = message.assumingMemoryBound(to: Newsbus__V1__Disconnect.self).pointee
        self.init(reason: try decodeString(m.reason, B, "Disconnect.reason"))
    }

    public func _cMessage(_ b: CMessageBuilder) throws(WireError) -> UnsafeMutableRawPointer {
        let p = b.message(Newsbus__V1__Disconnect.self) { newsbus__v1__disconnect__init($0) }
        p.pointee.reason = try b.string(reason, "Disconnect.reason")
        return UnsafeMutableRawPointer(p)
    }
}

extension Heartbeat: WireMessage {
    /// "newsbus.v1.Heartbeat".
    public static var protobufName: String { "newsbus.v1.Heartbeat" }

    public static func _unpack(_ a: UnsafeMutableRawPointer?, _ count: Int, _ bytes: UnsafePointer<UInt8>) -> UnsafeMutableRawPointer? {
        UnsafeMutableRawPointer(newsbus__v1__heartbeat__unpack(allocator(a), count, bytes))
    }

    public static func _freeUnpacked(_ message: UnsafeMutableRawPointer, _ a: UnsafeMutableRawPointer?) {
        newsbus__v1__heartbeat__free_unpacked(message.assumingMemoryBound(to: Newsbus__V1__Heartbeat.self), allocator(a))
    }

    public init(_cMessage message: UnsafeRawPointer) throws(WireError) {
        let m = message.assumingMemoryBound(to: Newsbus__V1__Heartbeat.self).pointee
        self.init(inFlight: m.in_flight, processed: m.processed)
    }

    public func _cMessage(_ b: CMessageBuilder) throws(WireError) -> UnsafeMutableRawPointer {
        let p = b.message(Newsbus__V1__Heartbeat.self) { newsbus__v1__heartbeat__init($0) }
        p.pointee.in_flight = inFlight
        p.pointee.processed = processed
        return UnsafeMutableRawPointer(p)
    }
}

extension LogRecord: WireMessage {
    /// "newsbus.v1.LogRecord".
    public static var protobufName: String { "newsbus.v1.LogRecord" }

    public static func _unpack(_ a: UnsafeMutableRawPointer?, _ count: Int, _ bytes: UnsafePointer<UInt8>) -> UnsafeMutableRawPointer? {
        UnsafeMutableRawPointer(newsbus__v1__log_record__unpack(allocator(a), count, bytes))
    }

    public static func _freeUnpacked(_ message: UnsafeMutableRawPointer, _ a: UnsafeMutableRawPointer?) {
        newsbus__v1__log_record__free_unpacked(message.assumingMemoryBound(to: Newsbus__V1__LogRecord.self), allocator(a))
    }

    public init(_cMessage message: UnsafeRawPointer) throws(WireError) {
        let m = message.assumingMemoryBound(to: Newsbus__V1__LogRecord.self).pointee
        self.init(
            recordedAtMicros: m.recorded_at_us,
            point: try decodeString(m.point, B, "LogRecord.point"),
            envelope: try m.envelope.map { (e) throws(WireError) in try Envelope(c: e) },
            payload: decodeBytes(m.payload)
        )
    }

    public func _cMessage(_ b: CMessageBuilder) throws(WireError) -> UnsafeMutableRawPointer {
        let p = b.message(Newsbus__V1__LogRecord.self) { newsbus__v1__log_record__init($0) }
        p.pointee.recorded_at_us = recordedAtMicros
        p.pointee.point = try b.string(point, "LogRecord.point")
        if let envelope { p.pointee.envelope = try envelope.c(b) }
        p.pointee.payload = b.bytes(payload)
        return UnsafeMutableRawPointer(p)
    }
}
