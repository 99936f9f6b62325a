import CZeroMQ

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A 32-byte CURVE (Curve25519) key held in its Z85 text form (40 characters).
///
/// The same type holds public and secret keys. Its `description` shows only a prefix so that a
/// secret key interpolated into a log line does not leak; use ``z85`` for the full text.
public struct ZMQCurveKey: Hashable, Sendable, CustomStringConvertible {
    /// The key as 40 Z85 characters.
    public let z85: String

    /// A key from its 40-character Z85 text.
    /// - Throws: ``ZMQError/Code/invalidCurveKey`` if the text is not 40 valid Z85 characters.
    public init(z85: String) throws(ZMQError) {
        guard z85.utf8.count == 40, ZMQCurveKey.decode(z85) != nil else {
            throw ZMQError(code: .invalidCurveKey, errno: EINVAL, operation: "ZMQCurveKey(z85:): expected 40 Z85 characters")
        }
        self.z85 = z85
    }

    /// A key from its 32 raw bytes.
    /// - Throws: ``ZMQError/Code/invalidCurveKey`` if `bytes` is not 32 bytes long.
    public init(bytes: [UInt8]) throws(ZMQError) {
        guard bytes.count == 32 else {
            throw ZMQError(code: .invalidCurveKey, errno: EINVAL, operation: "ZMQCurveKey(bytes:): expected 32 bytes, got \(bytes.count)")
        }
        var text = [CChar](repeating: 0, count: 41)
        guard zmq_z85_encode(&text, bytes, 32) != nil else {
            throw ZMQError.last("zmq_z85_encode")
        }
        self.z85 = ZMQCurveKey.string(fromNULTerminated: text)
    }

    /// Wraps Z85 text already known to be valid (from libzmq).
    init(trustedZ85 text: [CChar]) {
        self.z85 = ZMQCurveKey.string(fromNULTerminated: text)
    }

    private static func string(fromNULTerminated text: [CChar]) -> String {
        let end = text.firstIndex(of: 0) ?? text.count
        return String(decoding: text[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The 32 raw bytes of the key.
    public var bytes: [UInt8] {
        ZMQCurveKey.decode(z85) ?? []
    }

    /// `"ZMQCurveKey(<first 5 characters>…)"`.
    public var description: String {
        "ZMQCurveKey(\(z85.prefix(5))…)"
    }

    private static func decode(_ text: String) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: 32)
        return zmq_z85_decode(&bytes, text) == nil ? nil : bytes
    }
}

/// A CURVE key pair: the public key is shared, the secret key stays with its owner.
public struct ZMQCurveKeyPair: Hashable, Sendable, CustomStringConvertible {
    /// The public key, given to peers (clients need the server's).
    public let publicKey: ZMQCurveKey
    /// The secret key.
    public let secretKey: ZMQCurveKey

    /// A pair from both keys (not checked against each other).
    public init(publicKey: ZMQCurveKey, secretKey: ZMQCurveKey) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    /// The pair of a secret key, deriving its public key (`zmq_curve_public`).
    /// - Throws: ``ZMQError`` with ``ZMQError/Code/operationNotSupported`` when libzmq lacks CURVE.
    public init(secretKey: ZMQCurveKey) throws(ZMQError) {
        var publicText = [CChar](repeating: 0, count: 41)
        guard zmq_curve_public(&publicText, secretKey.z85) == 0 else {
            throw ZMQError.last("zmq_curve_public")
        }
        self.init(publicKey: ZMQCurveKey(trustedZ85: publicText), secretKey: secretKey)
    }

    /// A new random key pair (`zmq_curve_keypair`).
    /// - Throws: ``ZMQError`` with ``ZMQError/Code/operationNotSupported`` when libzmq lacks CURVE.
    public static func generate() throws(ZMQError) -> ZMQCurveKeyPair {
        var publicText = [CChar](repeating: 0, count: 41)
        var secretText = [CChar](repeating: 0, count: 41)
        guard zmq_curve_keypair(&publicText, &secretText) == 0 else {
            throw ZMQError.last("zmq_curve_keypair")
        }
        return ZMQCurveKeyPair(
            publicKey: ZMQCurveKey(trustedZ85: publicText),
            secretKey: ZMQCurveKey(trustedZ85: secretText)
        )
    }

    /// Shows the public key's prefix only.
    public var description: String {
        "ZMQCurveKeyPair(public: \(publicKey))"
    }
}

extension ZMQSocketOption where Value == ZMQCurveKey {
    /// An option whose value is a CURVE key (set and read as Z85 text).
    public static func curveKey(_ rawValue: Int32, name: String) -> Self {
        Self(
            rawValue, name: name, capacity: 41,
            encode: { (key) throws(ZMQError) in Array(key.z85.utf8) + [0] },
            decode: { (bytes) throws(ZMQError) in
                let end = bytes.firstIndex(of: 0) ?? bytes.count
                return try ZMQCurveKey(z85: String(decoding: UnsafeRawBufferPointer(rebasing: bytes[..<end]), as: UTF8.self))
            }
        )
    }

    /// `ZMQ_CURVE_PUBLICKEY`: this socket's long-term public key (clients; servers may set it too).
    public static var curvePublicKey: Self { .curveKey(ZMQ_CURVE_PUBLICKEY, name: "ZMQ_CURVE_PUBLICKEY") }
    /// `ZMQ_CURVE_SECRETKEY`: this socket's long-term secret key (clients and servers).
    public static var curveSecretKey: Self { .curveKey(ZMQ_CURVE_SECRETKEY, name: "ZMQ_CURVE_SECRETKEY") }
    /// `ZMQ_CURVE_SERVERKEY`: the server's public key (clients); setting it makes the socket a CURVE client.
    public static var curveServerKey: Self { .curveKey(ZMQ_CURVE_SERVERKEY, name: "ZMQ_CURVE_SERVERKEY") }
}

extension ZMQSocket {
    /// Makes this socket a CURVE server with `keyPair` (`ZMQ_CURVE_SERVER`, secret and public key).
    /// Call before `bind`. Without a ZAP handler every client with a valid handshake is accepted;
    /// the handshake still requires clients to know the server's public key.
    public func configureCurveServer(keyPair: ZMQCurveKeyPair) throws(ZMQError) {
        try set(.curveServer, true)
        try set(.curveSecretKey, keyPair.secretKey)
        try set(.curvePublicKey, keyPair.publicKey)
    }

    /// Makes this socket a CURVE client of the server whose public key is `serverKey`, identified
    /// by `keyPair`. Call before `connect`.
    public func configureCurveClient(serverKey: ZMQCurveKey, keyPair: ZMQCurveKeyPair) throws(ZMQError) {
        try set(.curveServerKey, serverKey)
        try set(.curvePublicKey, keyPair.publicKey)
        try set(.curveSecretKey, keyPair.secretKey)
    }
}
