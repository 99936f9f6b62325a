import NewsbusZMQ
import Testing

@Suite("CURVE security")
struct CurveTests {
    @Test("libzmq has CURVE; key pairs are Z85 and the public key derives from the secret")
    func keyPairs() throws {
        #expect(ZMQ.has("curve"))
        let pair = try ZMQCurveKeyPair.generate()
        #expect(pair.publicKey.z85.utf8.count == 40)
        #expect(pair.secretKey.z85.utf8.count == 40)
        #expect(pair.publicKey != pair.secretKey)
        #expect(try ZMQCurveKeyPair(secretKey: pair.secretKey) == pair)
        #expect(try ZMQCurveKey(bytes: pair.publicKey.bytes) == pair.publicKey)
        #expect(pair.publicKey.bytes.count == 32)
        #expect(!pair.description.contains(pair.secretKey.z85), "descriptions must not leak the secret key")
        #expect(!"\(pair.secretKey)".contains(pair.secretKey.z85))

        #expect(throws: ZMQError.self) { try ZMQCurveKey(z85: "too short") }
        let bad = try #require(throws: ZMQError.self) { try ZMQCurveKey(bytes: [1, 2, 3]) }
        #expect(bad.code == .invalidCurveKey)
    }

    @Test("A client with the server's public key talks to a CURVE server")
    func rightServerKey() throws {
        let context = try ZMQContext()
        let serverKeys = try ZMQCurveKeyPair.generate()
        let server = try context.makeSocket(.router)
        try server.configureCurveServer(keyPair: serverKeys)
        #expect(try server.get(.curveServer))
        #expect(try server.get(.curvePublicKey) == serverKeys.publicKey)
        try server.bind("tcp://127.0.0.1:*")

        let client = try context.makeSocket(.dealer)
        try client.configureCurveClient(serverKey: serverKeys.publicKey, keyPair: try .generate())
        #expect(try client.get(.curveServerKey) == serverKeys.publicKey)
        try client.set(.routingID, Array("client".utf8))
        try client.connect(try #require(try server.lastEndpoint))

        try client.send("secret hello")
        let request = try receiveFrames(server, "request over CURVE")
        #expect(request == [Array("client".utf8), Array("secret hello".utf8)])
        try server.send(frames: [Array("client".utf8), Array("secret reply".utf8)])
        #expect(try receiveFrames(client, "reply over CURVE") == [Array("secret reply".utf8)])
    }

    @Test("A client with a wrong server key gets nothing through")
    func wrongServerKey() throws {
        let context = try ZMQContext()
        let serverKeys = try ZMQCurveKeyPair.generate()
        let server = try context.makeSocket(.pull)
        try server.configureCurveServer(keyPair: serverKeys)
        try server.bind("tcp://127.0.0.1:*")

        let impostorKey = try ZMQCurveKeyPair.generate().publicKey
        let client = try context.makeSocket(.push)
        try client.configureCurveClient(serverKey: impostorKey, keyPair: try .generate())
        try client.connect(try #require(try server.lastEndpoint))
        try client.send("should never arrive", wait: false)

        #expect(try server.poll(.readable, timeout: Bound.absence).isEmpty, "a message passed a CURVE server with the wrong key")

        // A plain (non-CURVE) client is refused as well.
        let plain = try context.makeSocket(.push)
        try plain.connect(try #require(try server.lastEndpoint))
        try plain.send("plain text", wait: false)
        #expect(try server.poll(.readable, timeout: Bound.absence).isEmpty, "a plain-text message passed a CURVE server")
    }
}
