import CNewsbusSys
import Foundation
import Logging

/// What to run as one child of the supervisor.
public struct ChildSpec: Sendable, Hashable {
    /// Unique name, used as the output prefix, e.g. "enrich.stats-1".
    public var name: String
    /// Program and arguments; the program is looked up in PATH.
    public var arguments: [String]
    /// Extra environment variables (added to the supervisor's own).
    public var environment: [String: String]

    /// Creates a spec.
    public init(name: String, arguments: [String], environment: [String: String] = [:]) {
        self.name = name
        self.arguments = arguments
        self.environment = environment
    }
}

/// How a child ended.
public enum ChildExit: Sendable, Hashable, CustomStringConvertible {
    /// Exited with a status code.
    case exited(Int32)
    /// Killed by a signal.
    case signaled(Int32)

    /// Whether it exited with status 0.
    public var isSuccess: Bool { self == .exited(0) }

    /// "exit status 1" / "killed by SIGKILL".
    public var description: String {
        switch self {
        case let .exited(code): "exit status \(code)"
        case let .signaled(signal): "killed by \(signalName(signal))"
        }
    }

    init(status: Int32) {
        // WIFEXITED / WEXITSTATUS / WTERMSIG, spelled out (they are macros in C).
        let termSignal = status & 0x7f
        if termSignal == 0 { self = .exited((status >> 8) & 0xff) } else { self = .signaled(termSignal) }
    }
}

/// A running child process.
public final class ChildProcess: @unchecked Sendable {
    /// Its spec.
    public let spec: ChildSpec
    /// Its pid.
    public let pid: pid_t
    /// When it started (monotonic ms).
    public let startedAtMs: Int
    private let outputReader: Thread?

    init(spec: ChildSpec, pid: pid_t, startedAtMs: Int, outputReader: Thread?) {
        self.spec = spec
        self.pid = pid
        self.startedAtMs = startedAtMs
        self.outputReader = outputReader
    }

    /// Sends a signal.
    public func signal(_ signal: Int32) {
        kill(pid, signal)
    }
}

func signalName(_ signal: Int32) -> String {
    switch signal {
    case SIGKILL: "SIGKILL"
    case SIGTERM: "SIGTERM"
    case SIGINT: "SIGINT"
    case SIGSEGV: "SIGSEGV"
    case SIGABRT: "SIGABRT"
    case SIGILL: "SIGILL"
    case SIGTRAP: "SIGTRAP"
    case SIGBUS: "SIGBUS"
    case SIGHUP: "SIGHUP"
    default: "signal \(signal)"
    }
}
