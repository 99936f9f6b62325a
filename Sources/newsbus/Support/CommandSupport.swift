import ArgumentParser
import CNewsbusSys
import Foundation
import Logging

/// Options every cluster process shares.
struct BusOptions: ParsableArguments {
    @Option(name: .long, help: "Router endpoint (ipc://… or tcp://…).")
    var endpoint: String = ProcessInfo.processInfo.environment["NEWSBUS_ENDPOINT"] ?? ""

    @Option(name: .long, help: "Write a one-line summary to this file on exit (used by the supervisor).")
    var summaryFile: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = ProcessInfo.processInfo.environment["NEWSBUS_LOG_LEVEL"] ?? "info"

    func validateEndpoint() throws {
        guard !endpoint.isEmpty else { throw ValidationError("--endpoint (or NEWSBUS_ENDPOINT) is required") }
    }

    func writeSummary(_ line: String) {
        guard let summaryFile else { return }
        try? (line + "\n").write(toFile: summaryFile, atomically: true, encoding: .utf8)
    }
}

enum ProcessSetup {
    /// Logging to stderr at the given level; called once per process.
    static func bootstrapLogging(level: String, label: String) -> Logger {
        let parsed = Logger.Level(rawValue: level.lowercased()) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = parsed
            return handler
        }
        return Logger(label: label)
    }

    /// For cluster children: die with the supervisor, and record SIGINT/SIGTERM as a stop request.
    static func becomeClusterChild() {
        if let parent = ProcessInfo.processInfo.environment["NEWSBUS_SUPERVISOR_PID"], let pid = Int32(parent) {
            _ = nb_set_parent_death_signal(SIGKILL, pid)
        }
        nb_install_stop_handlers()
    }

    /// Whether a stop signal arrived.
    static var stopRequested: Bool { nb_stop_signal() != 0 }
}

/// Prints to stderr.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Encodes a value as JSON text (sorted keys, pretty).
func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// Seconds with two decimals.
func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }
