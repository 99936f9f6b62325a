import ArgumentParser
import Foundation
import NewsbusSupervisor
import NewsbusZMQ

/// Where a running cluster's supervisor listens.
struct ControlOptions: ParsableArguments {
    @Option(name: .long, help: "Supervisor control endpoint (default: from --config, NEWSBUS_CONTROL, or the default config).")
    var control: String?

    @Option(name: .long, help: "Cluster configuration file, to find the control endpoint.")
    var config: String?

    @Option(name: .long, help: "Seconds to wait for the supervisor's answer.")
    var timeout = 5.0

    func endpoint() throws -> String {
        if let control { return control }
        if let env = ProcessInfo.processInfo.environment["NEWSBUS_CONTROL"], !env.isEmpty { return env }
        return try ClusterSettings.load(configPath: config, overrides: .init()).controlEndpoint
    }

    /// Sends one request; returns the reply.
    func send(_ request: ControlRequest) throws -> ControlReply {
        let endpoint = try endpoint()
        let context = try ZMQContext()
        let socket = try context.makeSocket(.req)
        defer { socket.close(linger: 0) }
        try socket.set(.linger, 0)
        try socket.connect(endpoint)
        try socket.send(Array(try JSONEncoder().encode(request)), more: false, wait: true)
        let events = try socket.poll(.readable, timeout: Int(timeout * 1000))
        guard events.contains(.readable), let reply = try socket.receive(wait: false) else {
            throw ValidationError("no answer from a supervisor at \(endpoint) within \(timeout) s; is `newsbus up` running?")
        }
        return try JSONDecoder().decode(ControlReply.self, from: Data(reply.bytes))
    }
}

/// `newsbus status`.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show the workers of a running cluster.")

    @OptionGroup var options: ControlOptions

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        let reply = try options.send(ControlRequest(command: "status"))
        guard reply.ok, let status = reply.status else { throw ValidationError(reply.message) }
        if json {
            print(try jsonText(status))
            return
        }
        let header = ["NAME", "STAGE", "PID", "STATE", "UPTIME", "RESTARTS", "PROCESSED", "IN-FLIGHT", "RATE/S"]
        var rows = [header]
        for c in status.children {
            rows.append([
                c.name, c.stage.isEmpty ? c.role : c.stage, c.pid == 0 ? "-" : "\(c.pid)", c.state, duration(c.uptimeSeconds),
                "\(c.restarts)", "\(c.processed)", "\(c.inFlight)", String(format: "%.1f", c.rate),
            ])
        }
        let widths = header.indices.map { i in rows.map { $0[i].count }.max() ?? 0 }
        for row in rows {
            print(row.enumerated().map { i, cell in cell.padding(toLength: widths[i], withPad: " ", startingAt: 0) }.joined(separator: "  "))
        }
        if let router = status.router {
            let queued = router.stages.map { "\($0.name) \($0.queued) queued/\($0.inFlight) in flight" }.joined(separator: ", ")
            print("\nrouter: \(router.stats.published) published, \(router.stats.acked) acked, \(router.stats.deadLettered) dead-lettered, "
                + "\(router.stats.redelivered) redelivered; \(queued)")
        }
    }

    private func duration(_ seconds: Double) -> String {
        let s = Int(seconds)
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}

/// `newsbus stop`.
struct StopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stop", abstract: "Stop a running cluster gracefully (drain, then stop every process).")

    @OptionGroup var options: ControlOptions

    func run() throws {
        let reply = try options.send(ControlRequest(command: "stop"))
        print(reply.message)
        if !reply.ok { throw ExitCode(1) }
    }
}

/// `newsbus scale stage=n`.
struct ScaleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scale", abstract: "Change the number of workers of a stage.")

    @OptionGroup var options: ControlOptions

    @Argument(help: "stage=replicas, e.g. enrich.stats=4")
    var assignments: [String]

    func run() throws {
        for assignment in assignments {
            let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let n = Int(parts[1]) else { throw ValidationError("expected stage=replicas, got \(assignment)") }
            let reply = try options.send(ControlRequest(command: "scale", stage: parts[0], replicas: n))
            print(reply.message)
            if !reply.ok { throw ExitCode(1) }
        }
    }
}
