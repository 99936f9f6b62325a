import CZeroMQ
import Dispatch
import Foundation
import NewsbusZMQ
import Testing

@Suite("Typed errors")
struct ErrorTests {
    @Test(
        "Connecting to an invalid endpoint is a typed error with the errno",
        arguments: [
            ("tcp://", EINVAL),
            ("tcp://no-port-here", EINVAL),
            ("carrier-pigeon://loft", EPROTONOSUPPORT),
        ]
    )
    func invalidEndpoint(endpoint: String, expectedErrno: Int32) throws {
        let context = try ZMQContext()
        let socket = try context.makeSocket(.dealer)
        let error = try #require(throws: ZMQError.self) { try socket.connect(endpoint) }
        #expect(error.code == .invalidEndpoint)
        #expect(error.errno == expectedErrno)
        #expect(error.operation.contains(endpoint))
        #expect(!error.message.isEmpty)
        #expect(error.description.contains("invalidEndpoint"))
    }

    @Test("Binding a tcp port twice fails with .addressInUse")
    func addressInUse() throws {
        let context = try ZMQContext()
        let first = try context.makeSocket(.router)
        let second = try context.makeSocket(.router)
        try first.bind("tcp://127.0.0.1:*")
        let endpoint = try #require(try first.lastEndpoint)
        #expect(endpoint.hasPrefix("tcp://127.0.0.1:"))
        let error = try #require(throws: ZMQError.self) { try second.bind(endpoint) }
        #expect(error.code == .addressInUse)
        #expect(error.errno == EADDRINUSE)
    }

    @Test("Unbinding and disconnecting endpoints not in use is .invalidEndpoint")
    func unbindUnknown() throws {
        let context = try ZMQContext()
        let socket = try context.makeSocket(.pull)
        try socket.bind("tcp://127.0.0.1:*")
        let endpoint = try #require(try socket.lastEndpoint)
        try socket.unbind(endpoint)
        let unbind = try #require(throws: ZMQError.self) { try socket.unbind(endpoint) }
        #expect(unbind.code == .invalidEndpoint)
        let disconnect = try #require(throws: ZMQError.self) { try socket.disconnect("tcp://127.0.0.1:1") }
        #expect(disconnect.code == .invalidEndpoint)
    }

    @Test("A mandatory ROUTER sending to an unknown routing id fails with .hostUnreachable")
    func routerMandatoryUnknownPeer() throws {
        let context = try ZMQContext()
        let router = try context.makeSocket(.router)
        try router.set(.routerMandatory, true)
        try router.bind("inproc://\(uniqueName("mandatory"))")
        let error = try #require(throws: ZMQError.self) {
            try router.send(frames: [Array("nobody".utf8), [], Array("hello".utf8)])
        }
        #expect(error.code == .hostUnreachable)
        #expect(error.errno == EHOSTUNREACH)

        // Without the option the message is silently dropped.
        let lenient = try context.makeSocket(.router)
        #expect(try lenient.send(frames: [Array("nobody".utf8), Array("hello".utf8)]))
    }

    @Test("Context shutdown wakes a receive blocked on another thread with .terminated")
    func shutdownWakesBlockedReceive() throws {
        let context = try ZMQContext()
        let ready = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        let outcome = LockedBox<String>("not finished")
        let caught = LockedBox<ZMQError?>(nil)

        let thread = Thread {
            defer { finished.signal() }
            do {
                let socket = try context.makeSocket(.pull)
                defer { socket.close() }
                try socket.bind("inproc://\(uniqueName("eterm"))")
                ready.signal()
                let message = try socket.receive()  // blocks: nothing is ever sent
                outcome.value = message == nil ? "returned nil" : "received a message"
            } catch {
                caught.value = error as? ZMQError
                outcome.value = "threw"
                ready.signal()
            }
        }
        thread.start()
        try #require(ready.wait(timeout: .now() + 5) == .success, "receiver thread did not start within 5 s")

        context.shutdown()
        #expect(context.isShutDown)
        let woke = finished.wait(timeout: .now() + 5) == .success
        try #require(woke, "blocked receive was not woken within 5 s of shutdown()")
        #expect(outcome.value == "threw")
        #expect(caught.value?.code == .terminated)
        #expect(caught.value?.errno == ETERM)

        let afterShutdown = try #require(throws: ZMQError.self) { try context.makeSocket(.push) }
        #expect(afterShutdown.code == .terminated)
        context.terminate()
        context.terminate()  // idempotent
    }

    @Test("Sockets created before shutdown fail with .terminated afterwards")
    func operationsAfterShutdown() throws {
        let context = try ZMQContext()
        let socket = try context.makeSocket(.dealer)
        context.shutdown()
        let error = try #require(throws: ZMQError.self) { _ = try socket.receive(wait: false) }
        #expect(error.code == .terminated)
        let pollError = try #require(throws: ZMQError.self) { try socket.poll(.readable, timeout: 10) }
        #expect(pollError.code == .terminated)
        socket.close()
    }

    @Test("A closed socket fails with .notSocket")
    func closedSocket() throws {
        let context = try ZMQContext()
        let socket = try context.makeSocket(.push)
        socket.close(linger: 0)
        #expect(socket.isClosed)
        socket.close()  // idempotent
        let error = try #require(throws: ZMQError.self) { try socket.connect("inproc://x") }
        #expect(error.code == .notSocket)
        let option = try #require(throws: ZMQError.self) { try socket.get(.linger) }
        #expect(option.code == .notSocket)
    }

    @Test("Invalid option values and read-only options are .invalidArgument")
    func invalidOptions() throws {
        let context = try ZMQContext()
        let socket = try context.makeSocket(.dealer)
        let tooLong = try #require(throws: ZMQError.self) { try socket.set(.routingID, [UInt8](repeating: 1, count: 300)) }
        #expect(tooLong.code == .invalidArgument)
        let outOfRange = try #require(throws: ZMQError.self) { try socket.set(.linger, Int(Int32.max) + 1) }
        #expect(outOfRange.code == .invalidArgument)
        let readOnly = try #require(throws: ZMQError.self) { try socket.set(.lastEndpoint, "tcp://x") }
        #expect(readOnly.code == .invalidArgument)
    }
}
