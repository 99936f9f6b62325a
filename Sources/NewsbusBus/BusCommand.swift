import NewsbusWire

/// A bus protocol command (see `Protocols/BUS.md`).
///
/// Every bus message starts with a 4-byte command frame: the signature `N` `B`, the protocol
/// version, and the command code. Then comes one body frame (a protobuf message, possibly empty)
/// and, for PUBLISH / DELIVER / DONE, one payload frame (the encoded Article).
public enum BusCommand: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Worker → router: join a stage. Body: ``Ready``.
    case ready = 0x01
    /// Router → worker: process this message. Body: ``Envelope``; payload.
    case deliver = 0x02
    /// Worker → router: processed. Body: ``Envelope``; payload (the updated article).
    case done = 0x03
    /// Worker → router: could not process. Body: ``Fail``.
    case fail = 0x04
    /// Either way: still alive. Body: ``Heartbeat``.
    case heartbeat = 0x05
    /// Either way: leaving. Body: ``Disconnect``.
    case disconnect = 0x06
    /// Producer → router: a new message. Body: ``Envelope``; payload.
    case publish = 0x07
    /// Router → producer: messages completed every stage. Body: ``Ack``.
    case ack = 0x08
    /// Router → producer: a message was refused or dead-lettered. Body: ``Nack``.
    case nack = 0x09
    /// Worker → router: more capacity. Body: ``Credit``.
    case credit = 0x0A

    /// Whether a payload frame follows the body.
    public var carriesPayload: Bool { self == .deliver || self == .done || self == .publish }

    /// The command name as in the spec, e.g. "READY".
    public var description: String {
        switch self {
        case .ready: "READY"
        case .deliver: "DELIVER"
        case .done: "DONE"
        case .fail: "FAIL"
        case .heartbeat: "HEARTBEAT"
        case .disconnect: "DISCONNECT"
        case .publish: "PUBLISH"
        case .ack: "ACK"
        case .nack: "NACK"
        case .credit: "CREDIT"
        }
    }
}

/// The command frame: signature, version, command.
public enum BusFrame {
    /// Protocol version this build speaks.
    public static let version: UInt8 = 1
    /// The two signature bytes, "NB".
    public static let signature: (UInt8, UInt8) = (0x4E, 0x42)

    /// The 4 bytes of the command frame for `command`.
    public static func commandFrame(_ command: BusCommand) -> [UInt8] {
        [signature.0, signature.1, version, command.rawValue]
    }

    /// Parses a command frame.
    public static func parse(_ frame: UnsafeRawBufferPointer) throws(BusProtocolError) -> BusCommand {
        guard frame.count == 4 else {
            throw BusProtocolError(.badSignature, "command frame of \(frame.count) bytes, expected 4")
        }
        guard frame[0] == signature.0, frame[1] == signature.1 else {
            throw BusProtocolError(.badSignature, "command frame does not start with \"NB\"")
        }
        guard frame[2] == version else {
            throw BusProtocolError(.unsupportedVersion, "protocol version \(frame[2]), this router speaks \(version)")
        }
        guard let command = BusCommand(rawValue: frame[3]) else {
            throw BusProtocolError(.unknownCommand, "unknown command 0x\(String(frame[3], radix: 16))")
        }
        return command
    }
}

/// A violation of the bus protocol by a peer.
public struct BusProtocolError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was wrong.
    public enum Code: String, Hashable, Sendable {
        /// The first frame is not "NB" + version + command.
        case badSignature
        /// A version this side does not speak.
        case unsupportedVersion
        /// A command code not in the spec.
        case unknownCommand
        /// Too few or too many frames for the command.
        case badFrameCount
        /// The body frame does not decode.
        case badBody
        /// A required field is empty (message id, uri, stage).
        case missingField
        /// The payload is above the configured maximum.
        case tooLarge
        /// The command is not valid in the peer's current state.
        case unexpected
    }

    /// What was wrong.
    public var code: Code
    /// Details for the log.
    public var detail: String

    /// Creates an error.
    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    /// "badSignature: …".
    public var description: String { "\(code.rawValue): \(detail)" }
}
