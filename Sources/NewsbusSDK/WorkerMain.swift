import CNewsbusSys
import Foundation
import Logging
import NewsbusBus
import NewsbusZMQ

/// Where a worker process finds its bus, from its environment and command line.
///
/// The supervisor starts plug-in workers with `NEWSBUS_ENDPOINT`, `NEWSBUS_STAGE` and
/// `NEWSBUS_WORKER_NAME` set; `--endpoint`, `--stage`, `--name`, `--capacity` and `--log-level`
/// on the command line win over them.
public struct WorkerEnvironment: Sendable {
    /// Router endpoint.
    public var endpoint: String
    /// Stage to serve, when given.
    public var stage: String?
    /// Worker name, when given.
    public var name: String?
    /// Capacity (credit).
    public var capacity: Int
    /// Log level.
    public var logLevel: Logger.Level
    /// Arguments not consumed above, for the worker's own options.
    public var remainingArguments: [String]

    /// Reads `arguments` (without the program name) and `environment`.
    public init(arguments: [String], environment: [String: String]) throws {
        var endpoint = environment["NEWSBUS_ENDPOINT"]
        var stage = environment["NEWSBUS_STAGE"]
        var name = environment["NEWSBUS_WORKER_NAME"]
        var capacity = 16
        var level = environment["NEWSBUS_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info
        var rest: [String] = []
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            func value() throws -> String {
                guard let v = iterator.next() else { throw WorkerMainError("\(argument) needs a value") }
                return v
            }
            switch argument {
            case "--endpoint": endpoint = try value()
            case "--stage": stage = try value()
            case "--name": name = try value()
            case "--capacity":
                guard let n = Int(try value()), n > 0 else { throw WorkerMainError("--capacity needs a positive integer") }
                capacity = n
            case "--log-level":
                guard let l = Logger.Level(rawValue: try value().lowercased()) else { throw WorkerMainError("unknown --log-level") }
                level = l
            default: rest.append(argument)
            }
        }
        guard let endpoint, !endpoint.isEmpty else { throw WorkerMainError("no endpoint: pass --endpoint or set NEWSBUS_ENDPOINT") }
        self.endpoint = endpoint
        self.stage = stage
        self.name = name
        self.capacity = capacity
        self.logLevel = level
        self.remainingArguments = rest
    }
}

/// A usage error of a worker process.
public struct WorkerMainError: Error, CustomStringConvertible {
    /// What is wrong.
    public var description: String
    /// Creates an error.
    public init(_ description: String) { self.description = description }
}

/// The `main` of a worker process: environment, logging, signals, the runner.
///
/// ```swift
/// @main struct Main {
///     static func main() { WorkerMain.run { _ in Shout() } }
/// }
/// ```
public enum WorkerMain {
    /// Builds the enricher with `make`, serves its stage until SIGINT/SIGTERM, exits 0 (or 1 with
    /// a message on stderr when it cannot start). The process dies with its supervisor.
    public static func run<E: Enricher>(_ make: (WorkerEnvironment) throws -> E) -> Never {
        do {
            let environment = try WorkerEnvironment(
                arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
            var enricher = try make(environment)
            let level = environment.logLevel
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
            if let parent = ProcessInfo.processInfo.environment["NEWSBUS_SUPERVISOR_PID"], let pid = Int32(parent) {
                _ = nb_set_parent_death_signal(SIGKILL, pid)
            }
            nb_install_stop_handlers()
            let stage = environment.stage ?? enricher.stage
            let runner = WorkerRunner(
                options: WorkerOptions(endpoint: environment.endpoint, stage: stage, name: environment.name, capacity: environment.capacity),
                context: try ZMQContext(), logger: Logger(label: "newsbus.\(stage)"))
            _ = try runner.run(&enricher, until: { nb_stop_signal() != 0 })
            exit(0)
        } catch {
            FileHandle.standardError.write(Data("\(CommandLine.arguments.first ?? "worker"): \(error)\n".utf8))
            exit(1)
        }
    }
}
