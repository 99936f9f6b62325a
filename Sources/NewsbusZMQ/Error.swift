import CZeroMQ

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one error type of `NewsbusZMQ`: a failed libzmq call.
///
/// It keeps the raw `errno` reported by libzmq, its `zmq_strerror` text and the name of the
/// operation that failed, and classifies the errno into a ``Code`` that callers can switch on.
///
/// `EAGAIN` is never reported as a `ZMQError`: non-blocking and timed-out operations return
/// `nil` or `false` instead.
///
/// ```swift
/// do {
///     try socket.receiveMultipart(into: &frames)
/// } catch let error as ZMQError where error.code == .terminated {
///     // the context is shutting down: leave the loop and close the socket
/// }
/// ```
public struct ZMQError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A classification of libzmq errno values that callers act upon.
    ///
    /// An extensible, enum-like struct: compare with `==` or match in a `switch` with the static cases.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case terminated, interrupted, hostUnreachable, invalidEndpoint, addressInUse
            case addressNotAvailable, messageTooLarge, invalidArgument, notSocket
            case operationNotSupported, invalidState, tooManySockets, tooManyOpenFiles
            case invalidCurveKey, other
        }

        private let base: Base

        private init(_ base: Base) { self.base = base }

        /// `ETERM`: the context was shut down or terminated. Socket loops should stop and close their socket.
        public static let terminated = Code(.terminated)
        /// `EINTR`: a signal interrupted a blocking call before it could complete.
        public static let interrupted = Code(.interrupted)
        /// `EHOSTUNREACH`: a ROUTER with `routerMandatory` was asked to send to an unknown routing id.
        public static let hostUnreachable = Code(.hostUnreachable)
        /// The endpoint given to bind/connect/unbind/disconnect is malformed, uses an unknown or
        /// incompatible transport, names a nonexistent interface, or (unbind/disconnect) is not in use.
        public static let invalidEndpoint = Code(.invalidEndpoint)
        /// `EADDRINUSE`: the address is already bound.
        public static let addressInUse = Code(.addressInUse)
        /// `EADDRNOTAVAIL`: the requested address is not local.
        public static let addressNotAvailable = Code(.addressNotAvailable)
        /// `EMSGSIZE`: the message is too large for the operation.
        public static let messageTooLarge = Code(.messageTooLarge)
        /// `EINVAL` (outside endpoint handling): an invalid argument or unknown/read-only option.
        public static let invalidArgument = Code(.invalidArgument)
        /// `ENOTSOCK`: the socket is closed (or was never valid).
        public static let notSocket = Code(.notSocket)
        /// `ENOTSUP`: the operation is not supported by this socket type.
        public static let operationNotSupported = Code(.operationNotSupported)
        /// `EFSM`: the operation is not allowed in the socket's current state (e.g. REQ sending twice).
        public static let invalidState = Code(.invalidState)
        /// `EMFILE` from `zmq_socket`: the context's socket limit is reached.
        /// (`EMTHREAD` — no I/O thread available — also maps here.)
        public static let tooManySockets = Code(.tooManySockets)
        /// `EMFILE` elsewhere: the process ran out of file descriptors.
        public static let tooManyOpenFiles = Code(.tooManyOpenFiles)
        /// A CURVE key was not a valid 40-character Z85 string or 32-byte key.
        public static let invalidCurveKey = Code(.invalidCurveKey)
        /// Any other errno; inspect ``ZMQError/errno``.
        public static let other = Code(.other)

        /// The case name, e.g. `"terminated"`.
        public var description: String {
            switch base {
            case .terminated: "terminated"
            case .interrupted: "interrupted"
            case .hostUnreachable: "hostUnreachable"
            case .invalidEndpoint: "invalidEndpoint"
            case .addressInUse: "addressInUse"
            case .addressNotAvailable: "addressNotAvailable"
            case .messageTooLarge: "messageTooLarge"
            case .invalidArgument: "invalidArgument"
            case .notSocket: "notSocket"
            case .operationNotSupported: "operationNotSupported"
            case .invalidState: "invalidState"
            case .tooManySockets: "tooManySockets"
            case .tooManyOpenFiles: "tooManyOpenFiles"
            case .invalidCurveKey: "invalidCurveKey"
            case .other: "other"
            }
        }
    }

    /// The classified error.
    public let code: Code
    /// The raw errno value reported by libzmq (`zmq_errno()`); libzmq-specific values such as
    /// `ETERM` are `ZMQ_HAUSNUMERO`-based.
    public let errno: Int32
    /// What failed, e.g. `zmq_bind("tcp://127.0.0.1:5555")` or `zmq_msg_recv`.
    public let operation: String

    /// Creates an error from an errno value and the failed operation.
    ///
    /// - Parameters:
    ///   - errno: the errno value, as returned by `zmq_errno()`.
    ///   - operation: a short description of the failed call.
    ///   - endpointOperation: `true` for bind/connect/unbind/disconnect, where `EINVAL` and
    ///     related values mean an invalid endpoint.
    public init(errno: Int32, operation: String, endpointOperation: Bool = false) {
        self.errno = errno
        self.operation = operation
        self.code = Self.classify(errno, endpointOperation: endpointOperation, operation: operation)
    }

    /// Creates an error with an explicit code (used for failures detected in Swift, such as a bad CURVE key).
    public init(code: Code, errno: Int32, operation: String) {
        self.code = code
        self.errno = errno
        self.operation = operation
    }

    /// The error captured from `zmq_errno()` right after a failed libzmq call.
    static func last(_ operation: @autoclosure () -> String, endpointOperation: Bool = false) -> ZMQError {
        let number = zmq_errno()
        return ZMQError(errno: number, operation: operation(), endpointOperation: endpointOperation)
    }

    /// libzmq's `zmq_strerror` text for ``errno``.
    public var message: String {
        guard let text = zmq_strerror(errno) else { return "errno \(errno)" }
        return String(cString: text)
    }

    /// `"<operation> failed: <message> (<code>, errno <n>)"`.
    public var description: String {
        "\(operation) failed: \(message) (\(code), errno \(errno))"
    }

    private static func classify(_ number: Int32, endpointOperation: Bool, operation: String) -> Code {
        switch number {
        case ETERM: return .terminated
        case EINTR: return .interrupted
        case EHOSTUNREACH: return .hostUnreachable
        case EADDRINUSE: return .addressInUse
        case EADDRNOTAVAIL: return endpointOperation ? .addressNotAvailable : .other
        case EMSGSIZE: return .messageTooLarge
        case ENOTSOCK: return .notSocket
        case ENOTSUP: return .operationNotSupported
        case EFSM: return .invalidState
        case EMTHREAD: return .tooManySockets
        case EMFILE: return operation.hasPrefix("zmq_socket") ? .tooManySockets : .tooManyOpenFiles
        case EINVAL, EPROTONOSUPPORT, ENOCOMPATPROTO, ENODEV, ENOENT:
            if endpointOperation { return .invalidEndpoint }
            return number == EINVAL ? .invalidArgument : .other
        default: return .other
        }
    }
}
