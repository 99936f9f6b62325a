import NewsbusZMQ
import Testing

@Suite("Timeouts, non-blocking calls and polling")
struct TimeoutAndPollTests {
    @Test("A receive timeout returns nil, not an error, after about the timeout")
    func receiveTimeoutReturnsNil() throws {
        let context = try ZMQContext()
        let pull = try context.makeSocket(.pull)
        try pull.bind("inproc://\(uniqueName("timeout"))")
        try pull.set(.receiveTimeout, 50)
        #expect(try pull.get(.receiveTimeout) == 50)

        let (received, elapsed) = try measureMilliseconds { try pull.receive() != nil }
        #expect(!received)
        #expect(elapsed >= 40, "returned after \(elapsed) ms, before the 50 ms timeout")
        #expect(elapsed < 2_000, "returned after \(elapsed) ms")

        var parts = ZMQMultipart()
        #expect(try pull.receiveMultipart(into: &parts) == false)
        #expect(try pull.receiveFrames() == nil)
    }

    @Test("Non-blocking receives return nil/false at once when nothing is queued")
    func nonBlockingReceive() throws {
        let context = try ZMQContext()
        let dealer = try context.makeSocket(.dealer)
        try dealer.bind("tcp://127.0.0.1:*")
        let (received, elapsed) = try measureMilliseconds { try dealer.receive(wait: false) != nil }
        #expect(!received)
        #expect(elapsed < 1_000)
        var message = ZMQMessage()
        #expect(try dealer.receive(into: &message, wait: false) == false)
        var parts = ZMQMultipart()
        #expect(try dealer.receiveMultipart(into: &parts, wait: false) == false)
        #expect(try dealer.receiveFrames(wait: false) == nil)
    }

    @Test("A non-blocking send with no peer returns false (EAGAIN), not an error")
    func nonBlockingSendWithoutPeer() throws {
        let context = try ZMQContext()
        let dealer = try context.makeSocket(.dealer)  // no connection: nowhere to queue
        #expect(try dealer.send("nobody listens", wait: false) == false)
        #expect(try dealer.send(frames: [[1], [2]], wait: false) == false)
        var parts = ZMQMultipart()
        parts.append("x")
        #expect(try dealer.send(&parts, wait: false) == false)
        let kept = parts.frames
        #expect(kept == [[0x78]], "an unsent multipart is left unchanged")
    }

    @Test("Polling an idle socket returns no events within the timeout bound")
    func pollTimeout() throws {
        let context = try ZMQContext()
        let pull = try context.makeSocket(.pull)
        try pull.bind("inproc://\(uniqueName("poll"))")

        let (events, elapsed) = try measureMilliseconds { try pull.poll(.readable, timeout: 100) }
        #expect(events.isEmpty)
        #expect(elapsed >= 90, "poll returned after \(elapsed) ms, before its 100 ms timeout")
        #expect(elapsed < 2_000, "poll returned after \(elapsed) ms")

        let (immediate, quick) = try measureMilliseconds { try pull.poll(.readable, timeout: 0) }
        #expect(immediate.isEmpty)
        #expect(quick < 1_000)
    }

    @Test("A poller reports exactly which sockets are ready")
    func pollerReportsReadySockets() throws {
        let context = try ZMQContext()
        let quiet = try context.makeSocket(.pull)
        let busy = try context.makeSocket(.pull)
        let push = try context.makeSocket(.push)
        try quiet.bind("inproc://\(uniqueName("quiet"))")
        let busyEndpoint = "inproc://\(uniqueName("busy"))"
        try busy.bind(busyEndpoint)
        try push.connect(busyEndpoint)

        var poller = ZMQPoller()
        let quietIndex = poller.register(quiet)
        let busyIndex = poller.register(busy, events: .readable)
        let pushIndex = poller.register(push, events: .writable)
        #expect(poller.count == 3)

        #expect(try poller.poll(timeout: Bound.arrival) == 1, "only the connected PUSH is writable")
        #expect(poller.isWritable(at: pushIndex))

        poller.setEvents([], at: pushIndex)
        try push.send("ping")
        #expect(try poller.poll(timeout: Bound.arrival) == 1)
        #expect(poller.isReadable(at: busyIndex))
        #expect(!poller.isReadable(at: quietIndex))
        #expect(poller.readyEvents(at: quietIndex).isEmpty)
        #expect(try busy.receiveFrames(wait: false) == [Array("ping".utf8)])

        #expect(try poller.poll(timeout: 0) == 0, "nothing is ready once the message was read")

        poller.unregister(quiet)
        #expect(poller.count == 2)
        busy.close()
        #expect {
            try poller.poll(timeout: 0)
        } throws: { error in
            (error as? ZMQError)?.code == .notSocket
        }
    }
}
