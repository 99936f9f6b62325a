import NewsbusZMQ
import Testing

@Suite("High-water marks and message size limits")
struct FlowControlTests {
    @Test("Non-blocking sends to a non-reading peer return false within a bounded number", arguments: [Transport.inproc, .tcp])
    func highWaterMarkStopsSends(transport: Transport) throws {
        let directory = try TemporaryDirectory()
        let context = try ZMQContext()
        let pull = try context.makeSocket(.pull)
        let push = try context.makeSocket(.push)
        try pull.set(.receiveHighWaterMark, 2)
        try push.set(.sendHighWaterMark, 2)
        #expect(try push.get(.sendHighWaterMark) == 2)
        #expect(try pull.get(.receiveHighWaterMark) == 2)
        let endpoint = try bindFresh(pull, transport, in: directory)
        try push.connect(endpoint)

        let frame = pattern(16 * 1024)
        let limit = 10_000
        var accepted = 0
        while accepted < limit, try push.send(frame, wait: false) {
            accepted += 1
        }
        #expect(accepted < limit, "\(limit) non-blocking sends were all accepted: the high-water mark did not apply")
        #expect(accepted >= 2, "the queue should hold at least the high-water mark")
        if transport == .inproc {
            // Over tcp the I/O thread keeps draining into kernel buffers, so only inproc stays full.
            #expect(accepted <= 4, "inproc queues hold sndhwm + rcvhwm messages; accepted \(accepted)")
            #expect(try push.poll(.writable, timeout: 0).isEmpty, "a full PUSH is not writable")
        }

        // Nothing accepted is lost: the reader gets every one of them.
        for index in 0..<accepted {
            let frames = try receiveFrames(pull, "queued message \(index + 1) of \(accepted)")
            #expect(frames == [frame])
        }
    }

    @Test("A message larger than maxMessageSize is dropped with its connection, not received")
    func maxMessageSizeDropsOversized() throws {
        let context = try ZMQContext()
        let pull = try context.makeSocket(.pull)
        let push = try context.makeSocket(.push)
        try pull.set(.maxMessageSize, 1024)
        #expect(try pull.get(.maxMessageSize) == 1024)
        try pull.bind("tcp://127.0.0.1:*")
        try push.set(.reconnectInterval, 20)
        try push.connect(try #require(try pull.lastEndpoint))

        try push.send("small")
        #expect(try receiveFrames(pull, "a message under the limit") == [Array("small".utf8)])

        try push.send(pattern(4096))
        #expect(try pull.poll(.readable, timeout: Bound.absence).isEmpty, "the oversized message was delivered")

        // The PUSH reconnects after the disconnect; later small messages get through, the big one never does.
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(Bound.arrival)
        var delivered: [[UInt8]]?
        var attempt = 0
        while delivered == nil, clock.now < deadline {
            attempt += 1
            try push.send("after-\(attempt)", wait: false)
            if try pull.poll(.readable, timeout: 100).contains(.readable) {
                delivered = try pull.receiveFrames(wait: false)
            }
        }
        let frames = try #require(delivered, "no message arrived after reconnecting within \(Bound.arrival) ms")
        try #require(frames.count == 1)
        #expect(frames[0].count <= 1024, "an oversized message was received")
        #expect(String(decoding: frames[0], as: UTF8.self).hasPrefix("after-"))
    }
}
