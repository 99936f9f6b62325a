import NewsbusZMQ
import Testing

@Suite("Socket options, context and library facts")
struct OptionsTests {
    @Test("ZMTP heartbeat options are settable and readable")
    func heartbeats() throws {
        let context = try ZMQContext()
        let socket = try context.makeSocket(.dealer)
        try socket.set(.heartbeatInterval, 1_000)
        try socket.set(.heartbeatTimeout, 3_000)
        try socket.set(.heartbeatTTL, 3_500)
        #expect(try socket.get(.heartbeatInterval) == 1_000)
        #expect(try socket.get(.heartbeatTimeout) == 3_000)
        #expect(try socket.get(.heartbeatTTL) == 3_500)
    }

    @Test("Common options round-trip")
    func roundTrips() throws {
        let context = try ZMQContext()
        let socket = try context.makeSocket(.router)
        #expect(try socket.get(.linger) == 0, "contexts default to linger 0 (ZMQ_BLOCKY off)")
        try socket.set(.linger, 250)
        #expect(try socket.get(.linger) == 250)
        try socket.set(.sendTimeout, 20)
        #expect(try socket.get(.sendTimeout) == 20)
        try socket.set(.immediate, true)
        #expect(try socket.get(.immediate))
        try socket.set(.ipv6, true)
        #expect(try socket.get(.ipv6))
        try socket.set(.maxMessageSize, 1 << 33)
        #expect(try socket.get(.maxMessageSize) == 1 << 33, "ZMQ_MAXMSGSIZE is 64-bit")
        try socket.set(.reconnectInterval, 50)
        #expect(try socket.get(.reconnectInterval) == 50)
        try socket.set(.routerMandatory, true)  // write-only in libzmq
        #expect(try socket.get(.fileDescriptor) >= 0)
        #expect(try socket.get(.events).isEmpty)
        #expect(try socket.lastEndpoint == nil)

        let blocky = try ZMQContext(ioThreads: 2, blocky: true)
        #expect(blocky.ioThreads == 2)
        #expect(try blocky.makeSocket(.pull).get(.linger) == -1)
    }

    @Test("Library version and capabilities")
    func library() {
        #expect(ZMQ.version >= ZMQVersion(major: 4, minor: 3, patch: 0))
        #expect(ZMQ.version.description.hasPrefix("4."))
        #expect(ZMQ.has("ipc"))
        #expect(!ZMQ.has("no-such-capability"))
        #expect(ZMQSocketType.router.description == "ROUTER")
        #expect(ZMQPollEvents([.readable, .writable]).description == "[readable, writable]")
    }
}
