import NewsbusZMQ
import Testing

@Suite("Round trips over inproc, ipc and tcp")
struct RoundTripTests {
    @Test("PUSH/PULL multipart with empty frames and a 1 MB frame", arguments: Transport.allCases)
    func pushPullMultipart(transport: Transport) throws {
        let directory = try TemporaryDirectory()
        let context = try ZMQContext()
        let pull = try context.makeSocket(.pull)
        let push = try context.makeSocket(.push)
        let endpoint = try bindFresh(pull, transport, in: directory)
        try push.connect(endpoint)

        let big = pattern(1 << 20)
        let frames: [[UInt8]] = [[], big, [], Array("end".utf8)]
        #expect(try push.send(frames: frames))
        let received = try receiveFrames(pull, "multipart over \(transport)")
        #expect(received.count == 4)
        #expect(received == frames, "frames changed in transit over \(transport)")

        // Single frames: bytes, String and a message.
        try push.send(Array("one".utf8))
        try push.send("two")
        var message = ZMQMessage("three")
        try push.send(&message)
        let sentIsEmpty = message.isEmpty
        #expect(sentIsEmpty, "a sent message is left empty")
        for expected in ["one", "two", "three"] {
            #expect(try receiveFrames(pull, "single frame \(expected)") == [Array(expected.utf8)])
        }
    }

    @Test("DEALER/ROUTER request and reply", arguments: Transport.allCases)
    func dealerRouter(transport: Transport) throws {
        let directory = try TemporaryDirectory()
        let context = try ZMQContext()
        let router = try context.makeSocket(.router)
        let dealer = try context.makeSocket(.dealer)
        let identity = Array("worker-1".utf8)
        try dealer.set(.routingID, identity)
        #expect(try dealer.get(.routingID) == identity)
        let endpoint = try bindFresh(router, transport, in: directory)
        try dealer.connect(endpoint)

        try dealer.send(frames: [[], Array("hello".utf8)])
        var request = ZMQMultipart()
        try receiveMultipart(router, into: &request, "request at ROUTER over \(transport)")
        let requestFrames = request.frames
        #expect(requestFrames == [identity, [], Array("hello".utf8)], "ROUTER prefixes the DEALER's routing id")

        // Reply: reuse the received envelope (identity + delimiter), replace the body.
        request.replace(at: 2, with: ZMQMessage("world"))
        #expect(try router.send(&request))
        #expect(try receiveFrames(dealer, "reply at DEALER over \(transport)") == [[], Array("world".utf8)])
    }

    @Test("Receiving reuses one ZMQMultipart across messages and grows past its capacity")
    func multipartReuseAndGrowth() throws {
        let context = try ZMQContext()
        let pull = try context.makeSocket(.pull)
        let push = try context.makeSocket(.push)
        let endpoint = "inproc://\(uniqueName("grow"))"
        try pull.bind(endpoint)
        try push.connect(endpoint)

        let many = (0..<20).map { Array("frame-\($0)".utf8) }
        try push.send(frames: many)
        try push.send(frames: [Array("short".utf8)])

        var parts = ZMQMultipart(capacity: 2)
        try receiveMultipart(pull, into: &parts, "20-frame message")
        let first = parts.frames
        #expect(first == many)
        try receiveMultipart(pull, into: &parts, "1-frame message")
        let second = parts.frames
        #expect(second == [Array("short".utf8)])
    }

    @Test("Forwarding frames to another socket keeps the bytes intact (tcp in, tcp out)")
    func forwardOverTCP() throws {
        let context = try ZMQContext()
        let source = try context.makeSocket(.push)
        let relayIn = try context.makeSocket(.pull)
        let relayOut = try context.makeSocket(.push)
        let sink = try context.makeSocket(.pull)
        try relayIn.bind("tcp://127.0.0.1:*")
        try source.connect(try #require(try relayIn.lastEndpoint))
        try sink.bind("tcp://127.0.0.1:*")
        try relayOut.connect(try #require(try sink.lastEndpoint))

        let header = Array("header-v1".utf8)
        let payload = pattern(300_000, seed: 3)
        try source.send(frames: [header, [], payload])

        // Relay: replace the header, forward the empty and payload frames untouched.
        var parts = ZMQMultipart()
        try receiveMultipart(relayIn, into: &parts, "message at relay")
        let partCount = parts.count
        try #require(partCount == 3)
        try relayOut.send("header-v2", more: true)
        #expect(try relayOut.send(&parts, range: 1..<3))
        let leftOver = parts.size(at: 2)
        #expect(leftOver == 0, "forwarded frames are handed to libzmq, leaving empty frames")

        let delivered = try receiveFrames(sink, "forwarded message at sink")
        #expect(delivered == [Array("header-v2".utf8), [], payload])
    }

    @Test("Forwarding over inproc moves the payload without copying its bytes")
    func forwardWithoutCopy() throws {
        let context = try ZMQContext()
        let source = try context.makeSocket(.push)
        let relayIn = try context.makeSocket(.pull)
        let relayOut = try context.makeSocket(.push)
        let sink = try context.makeSocket(.pull)
        try relayIn.bind("tcp://127.0.0.1:*")
        try source.connect(try #require(try relayIn.lastEndpoint))
        let inner = "inproc://\(uniqueName("forward"))"
        try sink.bind(inner)
        try relayOut.connect(inner)

        let payload = pattern(64 * 1024, seed: 11)
        try source.send(payload)

        let atRelay = try relayIn.poll(.readable, timeout: Bound.arrival)
        try #require(atRelay.contains(.readable), "payload did not reach the relay within \(Bound.arrival) ms")
        guard var message = try relayIn.receive(wait: false) else {
            Issue.record("relay was readable but received nothing")
            return
        }
        let relayAddress = message.withUnsafeBytes { UInt(bitPattern: $0.baseAddress) }
        #expect(try relayOut.send(&message))

        let atSink = try sink.poll(.readable, timeout: Bound.arrival)
        try #require(atSink.contains(.readable), "payload did not reach the sink within \(Bound.arrival) ms")
        guard let delivered = try sink.receive(wait: false) else {
            Issue.record("sink was readable but received nothing")
            return
        }
        let sinkAddress = delivered.withUnsafeBytes { UInt(bitPattern: $0.baseAddress) }
        let deliveredBytes = delivered.bytes
        #expect(deliveredBytes == payload)
        #expect(sinkAddress == relayAddress, "the inproc hop should hand over the same buffer, not a copy")
    }
}

@Suite("ZMQMessage and ZMQMultipart values")
struct MessageValueTests {
    @Test("Initialisers, sizes, copies and in-place writes")
    func messageBasics() {
        let empty = ZMQMessage()
        let (emptySize, emptyMore) = (empty.size, empty.more)
        #expect(emptySize == 0)
        #expect(!emptyMore)

        let text = ZMQMessage("héllo")
        let (textSize, textString) = (text.size, text.string)
        #expect(textSize == 6)
        #expect(textString == "héllo")

        let bytes = ZMQMessage([1, 2, 3]).bytes
        #expect(bytes == [1, 2, 3])

        let raw = [UInt8](repeating: 9, count: 100)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: raw.count, alignment: 1)
        defer { buffer.deallocate() }
        buffer.copyBytes(from: raw)
        var fromBuffer = ZMQMessage(UnsafeRawBufferPointer(buffer))
        let copy = fromBuffer.copy()
        let (copyBytes, originalBytes) = (copy.bytes, fromBuffer.bytes)
        #expect(copyBytes == raw)
        #expect(originalBytes == raw, "copy() leaves the original intact")

        var sized = ZMQMessage(size: 4)
        sized.withUnsafeMutableBytes { buffer in
            for index in buffer.indices { buffer[index] = UInt8(index * 2) }
        }
        let written = sized.bytes
        #expect(written == [0, 2, 4, 6])
        sized.clear()
        let cleared = sized.isEmpty
        #expect(cleared)
    }

    @Test("Multipart append, take and replace")
    func multipartEditing() {
        var parts = ZMQMultipart(capacity: 1)
        parts.append("a")
        parts.append([0x62])
        parts.append(ZMQMessage("c"))
        [UInt8]([0x64]).withUnsafeBytes { parts.append($0) }
        let all = parts.frames
        #expect(all == [[0x61], [0x62], [0x63], [0x64]])

        let taken = parts.take(at: 1).string
        #expect(taken == "b")
        let hole = parts.size(at: 1)
        #expect(hole == 0, "take leaves an empty frame behind")
        parts.replace(at: 1, with: ZMQMessage("B"))
        let replaced = parts.string(at: 1)
        #expect(replaced == "B")
        var shared = parts.copy(at: 1)
        let sharedBytes = shared.bytes
        #expect(sharedBytes == Array("B".utf8))
        let sharedCopy = shared.copy().string
        #expect(sharedCopy == "B")
        parts.removeAll()
        let count = parts.count
        #expect(count == 0)
    }
}
