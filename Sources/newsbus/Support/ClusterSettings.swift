import ArgumentParser
import Foundation
import NewsbusConfig
import NewsbusSupervisor

/// Turns the cluster configuration into the supervisor's plan: which `newsbus` subcommands (or
/// plug-in commands) to start, with which endpoints and files.
struct ClusterSettings {
    let config: ClusterConfig
    let executable: String
    let logLevel: String

    /// Loads `configPath` (or `newsbus.yaml` in the current folder when it exists, else the embedded
    /// default), applying `NEWSBUS_*` variables and flags.
    static func load(configPath: String?, overrides: ConfigOverrides) throws -> ClusterSettings {
        let environment = ProcessInfo.processInfo.environment
        let config: ClusterConfig
        do {
            if let configPath {
                config = try ConfigLoader.load(path: configPath, environment: environment, overrides: overrides)
            } else if FileManager.default.fileExists(atPath: ConfigLoader.defaultFileName) {
                config = try ConfigLoader.load(path: ConfigLoader.defaultFileName, environment: environment, overrides: overrides)
            } else {
                config = try ConfigLoader.defaults(
                    baseDirectory: FileManager.default.currentDirectoryPath, environment: environment, overrides: overrides)
            }
        } catch {
            throw ValidationError("\(error)")
        }
        return ClusterSettings(config: config, executable: try selfExecutable(), logLevel: config.log.level.rawValue)
    }

    /// The embedded default cluster (stats + store) for one-shot runs such as `newsbus process`:
    /// no configuration file and no `NEWSBUS_*` variables, so the run stays private to `runDirectory`.
    static func embedded(runDirectory: String, db: String, logLevel: String) throws -> ClusterSettings {
        let config: ClusterConfig
        do {
            config = try ConfigLoader.defaults(
                baseDirectory: runDirectory, environment: [:],
                overrides: ConfigOverrides(db: db, runDir: runDirectory, logLevel: logLevel))
        } catch {
            throw ValidationError("\(error)")
        }
        return ClusterSettings(config: config, executable: try selfExecutable(), logLevel: config.log.level.rawValue)
    }

    /// A producer that publishes `paths` once and exits (its summary file is `<name>.summary`).
    func oneShotSource(name: String, paths: [String]) -> SourceSpec {
        SourceSpec(
            spec: ChildSpec(name: name, arguments: [executable, "ingest", "--name", name] + paths + common(name), environment: environment),
            oneShot: true)
    }

    var controlEndpoint: String { config.cluster.control.description }
    var busEndpoint: String { config.cluster.endpoint.description }
    var routerControlEndpoint: String { "ipc://\(config.cluster.runDirectory)/rctl.sock" }

    private var environment: [String: String] { ["NEWSBUS_SUPERVISOR_PID": "\(getpid())"] }

    private func common(_ summaryName: String) -> [String] {
        [
            "--endpoint", busEndpoint, "--log-level", logLevel,
            "--summary-file", "\(config.cluster.runDirectory)/\(summaryName).summary",
        ]
    }

    /// The configured sources as supervised producer processes.
    var configuredSources: [SourceSpec] {
        config.sources.map { source in
            let arguments: [String]
            switch source.kind {
            case let .inbox(path): arguments = [executable, "ingest", "--inbox", path, "--name", source.name]
            case let .files(paths): arguments = [executable, "ingest", "--name", source.name] + paths
            case let .feed(url, interval, state):
                arguments = [
                    executable, "ingest", "--feed", url, "--interval", "\(interval)", "--name", source.name,
                    "--state", state ?? "\(config.cluster.runDirectory)/\(source.name).feed-state.json",
                ]
            case let .http(listen, maxBodyBytes, ackTimeout):
                arguments = [
                    executable, "ingest", "--http", listen, "--max-body-bytes", "\(maxBodyBytes)",
                    "--ack-timeout", "\(ackTimeout)", "--name", source.name,
                ]
            }
            let boilerplate = source.boilerplate.flatMap { ["--boilerplate", $0.spec] }
                + (source.builtInBoilerplate ? [] : ["--no-builtin-boilerplate"])
            let oneShot: Bool = if case .files = source.kind { true } else { false }
            return SourceSpec(
                spec: ChildSpec(
                    name: "source.\(source.name)", arguments: arguments + boilerplate + common("source.\(source.name)"),
                    environment: environment),
                oneShot: oneShot)
        }
    }

    /// The plan for `newsbus up` (the configured sources plus `sources`, e.g. for one-shot runs).
    func plan(sources: [SourceSpec] = [], stopWhenSourcesFinish: Bool = false) -> ClusterPlan {
        let pipeline = config.pipeline
        var routerArguments = [
            executable, "router", "--stages", pipeline.stages.joined(separator: ","), "--pipeline", pipeline.name,
            "--max-attempts", "\(pipeline.maxAttempts)", "--max-pending", "\(pipeline.maxPending)",
            "--dead-letter-stage", pipeline.deadLetterStage ?? "", "--control", routerControlEndpoint,
            "--heartbeat-interval-ms", "\(config.timeouts.heartbeatIntervalMs)",
            "--heartbeat-liveness", "\(config.timeouts.heartbeatLiveness)",
        ]
        routerArguments += common("router")
        let groups = config.workers.enumerated().map { entry, worker in
            WorkerGroup(stage: worker.stage, replicas: worker.replicas) { [self] replica in
                spec(for: config.instance(entry: entry, replica: replica))
            }
        }
        // Pipeline order for starting and stopping: the supervisor starts the last stage first.
        let ordered = pipeline.stages.flatMap { stage in groups.filter { $0.stage == stage } }
        return ClusterPlan(
            router: ChildSpec(name: "router", arguments: routerArguments, environment: environment),
            routerControl: routerControlEndpoint, groups: ordered, sources: configuredSources + sources,
            restart: RestartPolicy(
                backoffInitialMs: config.restart.backoffInitialMs, backoffMaxMs: config.restart.backoffMaxMs,
                maxRestarts: config.restart.maxRestarts, withinSeconds: config.restart.withinSeconds),
            readyTimeoutMs: config.timeouts.readySeconds * 1000, drainTimeoutMs: config.timeouts.drainSeconds * 1000,
            control: controlEndpoint, stopWhenSourcesFinish: stopWhenSourcesFinish)
    }

    /// The child spec of one worker process.
    func spec(for instance: WorkerInstance) -> ChildSpec {
        var env = environment
        for (key, value) in instance.environment { env[key] = value }
        switch instance.kind {
        case .builtIn("store"):
            return ChildSpec(
                name: instance.name,
                arguments: [
                    executable, "worker", "store", "--db", config.store.db, "--stage", instance.stage, "--name", instance.name,
                    "--capacity", "\(instance.capacity)", "--batch-size", "\(instance.batchSize)",
                    "--batch-delay-ms", "\(instance.batchDelayMs)", "--dead-letter-stage", config.pipeline.deadLetterStage ?? "",
                ] + common(instance.stage),
                environment: env)
        case let .builtIn(kind):
            return ChildSpec(
                name: instance.name,
                arguments: [
                    executable, "worker", "enrich", "--kind", kind, "--stage", instance.stage, "--name", instance.name,
                    "--capacity", "\(instance.capacity)",
                ] + common(instance.stage),
                environment: env)
        case let .command(arguments):
            env["NEWSBUS_ENDPOINT"] = busEndpoint
            env["NEWSBUS_STAGE"] = instance.stage
            env["NEWSBUS_WORKER_NAME"] = instance.name
            return ChildSpec(name: instance.name, arguments: arguments, environment: env)
        }
    }

    /// Creates the run directory (private to the user).
    func prepareRunDirectory() throws {
        try FileManager.default.createDirectory(
            atPath: config.cluster.runDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
}
