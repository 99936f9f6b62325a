import Foundation
import Yams

/// Reads cluster configuration files and applies the precedence
/// flags (``ConfigOverrides``) > environment variables (``ConfigEnvironment``) > file > defaults.
///
/// Every problem is a ``ConfigError`` naming the key path and, for values from the file, the
/// line and column; the first problem found is thrown.
public enum ConfigLoader {
    /// The file name `newsbus up` looks for when no `--config` is given.
    public static let defaultFileName = "newsbus.yaml"

    /// Loads the configuration file at `path`.
    ///
    /// Relative paths inside the file are resolved against the file's folder; a relative `path`
    /// itself, and relative paths in `environment` and `overrides`, against the current directory.
    ///
    /// - Parameters:
    ///   - path: the configuration file.
    ///   - environment: the process environment (usually `ProcessInfo.processInfo.environment`);
    ///     only the `NEWSBUS_*` variables of ``ConfigEnvironment`` and `HOME` (for `~/`) are read.
    ///   - overrides: command-line flags.
    /// - Returns: the validated configuration, with ``ClusterConfig/file`` set to the file's absolute path.
    public static func load(
        path: String, environment: [String: String], overrides: ConfigOverrides = .none
    ) throws(ConfigError) -> ClusterConfig {
        let absolutePath = Paths.resolve(path, against: currentDirectory(), home: environment["HOME"])
        let text = try read(absolutePath, shownAs: path)
        var config = try parse(
            yaml: text, baseDirectory: Paths.directory(of: absolutePath), environment: environment, overrides: overrides,
            file: path)
        config.file = absolutePath
        return config
    }

    /// Parses configuration text.
    ///
    /// - Parameters:
    ///   - yaml: the file's content.
    ///   - baseDirectory: the folder relative paths of the file are resolved against (the file's
    ///     folder); made absolute against the current directory if it is relative.
    ///   - environment: the process environment; see ``load(path:environment:overrides:)``.
    ///   - overrides: command-line flags.
    ///   - file: the name errors give as ``ConfigError/file``; `nil` for none.
    /// - Returns: the validated configuration (``ClusterConfig/file`` is `nil`).
    public static func parse(
        yaml: String, baseDirectory: String, environment: [String: String], overrides: ConfigOverrides = .none,
        file: String? = nil
    ) throws(ConfigError) -> ClusterConfig {
        let error = ErrorFactory(file: file)
        let home = environment["HOME"]
        let base = Paths.resolve(baseDirectory, against: currentDirectory(), home: home)
        let root = try compose(yaml, error)
        var draft = Draft(base: base)
        try ConfigDecoder(reader: NodeReader(error: error), base: base, home: home).decode(root, into: &draft)
        return try finish(draft, base: base, environment: environment, overrides: overrides, error: error)
    }

    /// The configuration with no file: the defaults, then `environment`, then `overrides`.
    /// This is what `newsbus up` runs when there is no configuration file.
    ///
    /// - Parameters:
    ///   - baseDirectory: the folder the default relative paths (`.newsbus/run`, `newsbus.db`) live in.
    ///   - environment: the process environment; see ``load(path:environment:overrides:)``.
    ///   - overrides: command-line flags.
    public static func defaults(
        baseDirectory: String, environment: [String: String], overrides: ConfigOverrides = .none
    ) throws(ConfigError) -> ClusterConfig {
        let home = environment["HOME"]
        let base = Paths.resolve(baseDirectory, against: currentDirectory(), home: home)
        var draft = Draft(base: base)
        draft.workers = Draft.defaultWorkers(for: draft.stages)
        return try finish(draft, base: base, environment: environment, overrides: overrides, error: ErrorFactory(file: nil))
    }

    /// The embedded default cluster, without environment or flags: every built-in enricher's
    /// stage (`enrich.<kind>`, in ``WorkerKind/builtInEnricherKinds`` order) and `store`, with one
    /// built-in worker each, `ipc://` endpoints `bus.sock` and
    /// `control.sock` in `<baseDirectory>/.newsbus/run`, and the store `<baseDirectory>/newsbus.db`.
    ///
    /// It is not validated; its only possible flaw is an `ipc://` path longer than a Unix socket
    /// address holds when `baseDirectory` is very deep, which ``defaults(baseDirectory:environment:overrides:)`` reports.
    public static func defaultConfig(baseDirectory: String) -> ClusterConfig {
        let base = Paths.resolve(baseDirectory, against: currentDirectory(), home: nil)
        let runDirectory = Paths.resolve(Draft.defaultRunDir, against: base, home: nil)
        return ClusterConfig(
            cluster: ClusterConfig.Cluster(
                runDirectory: runDirectory, endpoint: .ipc(path: runDirectory + "/bus.sock"),
                control: .ipc(path: runDirectory + "/control.sock")),
            store: ClusterConfig.Store(db: Paths.resolve(Draft.defaultDB, against: base, home: nil)),
            pipeline: ClusterConfig.Pipeline(),
            workers: Draft.defaultWorkers(for: Draft.defaultStages).map(\.worker),
            baseDirectory: base)
    }

    // MARK: - Reading and composing

    static func currentDirectory() -> String { FileManager.default.currentDirectoryPath }

    private static func read(_ absolutePath: String, shownAs name: String) throws(ConfigError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolutePath, isDirectory: &isDirectory) else {
            throw ConfigError(code: .unreadableFile, keyPath: "", message: "no such file", file: name)
        }
        guard !isDirectory.boolValue else {
            throw ConfigError(code: .unreadableFile, keyPath: "", message: "is a folder, not a configuration file", file: name)
        }
        guard let data = FileManager.default.contents(atPath: absolutePath) else {
            throw ConfigError(code: .unreadableFile, keyPath: "", message: "cannot be read (permission denied?)", file: name)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            var line = 1
            for lineBytes in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
                if String(data: Data(lineBytes), encoding: .utf8) == nil { break }
                line += 1
            }
            throw ConfigError(code: .unreadableFile, keyPath: "", line: line, message: "is not valid UTF-8", file: name)
        }
        return text
    }

    static func compose(_ yaml: String, _ error: ErrorFactory) throws(ConfigError) -> Node {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let yamlError as YamlError {
            throw syntaxError(yamlError, yaml: yaml, error: error)
        } catch let other {
            throw ConfigError(code: .syntax, keyPath: "", message: "\(other)", file: error.file)
        }
        guard let root, !NodeReader.isNull(root) else {
            throw ConfigError(
                code: .emptyFile, keyPath: "", message: "the file holds no configuration (it is empty or only comments)",
                file: error.file)
        }
        return root
    }

    private static func syntaxError(_ yamlError: YamlError, yaml: String, error: ErrorFactory) -> ConfigError {
        func positioned(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> ConfigError {
            var message = "YAML syntax error: \(problem)"
            if problem == "but found another document" {
                message = "YAML syntax error: a second document starts here; the file must hold a single document"
            } else if let context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return ConfigError(code: .syntax, keyPath: "", line: mark.line, column: mark.column, message: message, file: error.file)
        }
        switch yamlError {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            return positioned(problem, context, mark)
        case let .reader(problem, offset, _, _):
            var line: Int?
            var column: Int?
            if let offset {
                let prefix = yaml.prefix(offset)
                line = prefix.reduce(1) { $1 == "\n" || $1 == "\r\n" ? $0 + 1 : $0 }
                column = prefix.count - (prefix.lastIndex(where: { $0 == "\n" || $0 == "\r\n" }).map { prefix.distance(from: prefix.startIndex, to: $0) + 1 } ?? 0) + 1
            }
            return ConfigError(code: .syntax, keyPath: "", line: line, column: column, message: "YAML syntax error: \(problem)", file: error.file)
        case let .duplicatedKeysInMapping(duplicates, context):
            return DuplicateKeys.error(key: duplicates.first ?? "", mark: context.mark, yaml: yaml, error: error)
        default:
            return ConfigError(code: .syntax, keyPath: "", message: "YAML syntax error: \(yamlError)", file: error.file)
        }
    }

    // MARK: - Precedence and validation

    private static func finish(
        _ draftFromFile: Draft, base: String, environment: [String: String], overrides: ConfigOverrides, error: ErrorFactory
    ) throws(ConfigError) -> ClusterConfig {
        var draft = draftFromFile
        let cwd = currentDirectory()
        let home = environment["HOME"]

        // Environment variables, then flags: each assignment wins over what came before.
        func variable(_ name: String) -> String? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        for (name, flag) in [
            (ConfigEnvironment.runDir, overrides.runDir), (ConfigEnvironment.db, overrides.db),
            (ConfigEnvironment.endpoint, overrides.endpoint), (ConfigEnvironment.control, overrides.control),
            (ConfigEnvironment.logLevel, overrides.logLevel),
        ] {
            let candidates: [(String, Origin)] = [
                variable(name).map { ($0, Origin.environment(name)) }, flag.map { ($0, Origin.flag(Self.flagName(name))) },
            ].compactMap { $0 }
            // Only the winner is read: a flag hides the environment variable of the same key.
            if let (value, origin) = candidates.last {
                switch name {
                case ConfigEnvironment.runDir:
                    draft.runDir = Located(value: Paths.resolve(value, against: cwd, home: home), origin: origin)
                case ConfigEnvironment.db:
                    draft.db = Located(value: Paths.resolve(value, against: cwd, home: home), origin: origin)
                case ConfigEnvironment.endpoint:
                    draft.endpoint = Located(value: value, origin: origin)
                case ConfigEnvironment.control:
                    draft.control = Located(value: value, origin: origin)
                default:
                    draft.logLevel = try ConfigDecoder.logLevel(value, "log.level", origin, error)
                }
            }
        }
        if let value = variable(ConfigEnvironment.maxAttempts) {
            let origin = Origin.environment(ConfigEnvironment.maxAttempts)
            draft.maxAttempts = Located(
                value: try NodeReader.integer(value, "pipeline.max_attempts", origin, Limits.maxAttempts, error), origin: origin)
        }
        if let value = variable(ConfigEnvironment.heartbeatIntervalMs) {
            let origin = Origin.environment(ConfigEnvironment.heartbeatIntervalMs)
            draft.heartbeatIntervalMs = Located(
                value: try NodeReader.integer(value, "timeouts.heartbeat_interval_ms", origin, Limits.heartbeatIntervalMs, error),
                origin: origin)
        }
        var workers = draft.workers ?? Draft.defaultWorkers(for: draft.stages)
        // A built-in stage no entry serves gets its built-in worker (one replica): listing
        // `enrich.entities` in pipeline.stages is enough to run it.
        let served = Set(workers.map(\.worker.stage))
        workers += Draft.defaultWorkers(for: draft.stages.filter { !served.contains($0.value) })
        for (stage, replicas) in overrides.replicas.sorted(by: { $0.key < $1.key }) {
            let origin = Origin.flag("--replicas \(stage)=\(replicas)")
            let indices = workers.indices.filter { workers[$0].worker.stage == stage }
            guard !indices.isEmpty else {
                var message = "no worker entry serves stage \(NodeReader.quote(stage))"
                if let suggestion = EditDistance.suggestion(for: stage, among: workers.map(\.worker.stage)) {
                    message += "; did you mean \(NodeReader.quote(suggestion))?"
                }
                throw error(.workerForUnknownStage, "workers", origin, message)
            }
            for index in indices {
                let path = "workers[\(index)].replicas"
                guard Limits.replicas.contains(replicas) else {
                    throw error(.outOfRange, path, origin, "\(NodeReader.rangeText(Limits.replicas)), got \(replicas)")
                }
                workers[index].worker.replicas = replicas
            }
        }

        // Endpoints.
        let endpoint = try resolveEndpoint(draft.endpoint, key: "cluster.endpoint", runDir: draft.runDir, error: error)
        let control = try resolveEndpoint(draft.control, key: "cluster.control", runDir: draft.runDir, error: error)
        if endpoint == control {
            throw error(.invalidValue, "cluster.control", draft.control.origin, "must differ from cluster.endpoint (both are \(endpoint))")
        }
        if !draft.insecure && draft.curve == nil {
            for (key, resolved, located) in [("cluster.endpoint", endpoint, draft.endpoint), ("cluster.control", control, draft.control)]
            where !resolved.isLocal {
                throw error(
                    .insecureEndpoint, key, located.origin,
                    "\(resolved) is reachable from other hosts: set cluster.curve (server_secret_key_file and "
                        + "server_public_key_file), or cluster.insecure: true to allow it unencrypted")
            }
        }

        // Stages and workers.
        let stageNames = draft.stages.map(\.value)
        let deadLetter = draft.deadLetterStage.value
        if let deadLetter, let index = stageNames.firstIndex(of: deadLetter) {
            throw error(
                .invalidValue, "pipeline.dead_letter_stage", draft.deadLetterStage.origin,
                "\(NodeReader.quote(deadLetter)) is also pipeline.stages[\(index)]; the dead-letter stage must not be in the pipeline")
        }
        for (index, entry) in workers.enumerated() where !stageNames.contains(entry.worker.stage) && entry.worker.stage != deadLetter {
            var message = "stage \(NodeReader.quote(entry.worker.stage)) is not in pipeline.stages (\(stageNames.joined(separator: ", ")))"
            if let suggestion = EditDistance.suggestion(for: entry.worker.stage, among: stageNames) {
                message += "; did you mean \(NodeReader.quote(suggestion))?"
            }
            throw error(.workerForUnknownStage, "workers[\(index)].stage", entry.stageOrigin, message)
        }
        for (index, stage) in draft.stages.enumerated() where !workers.contains(where: { $0.worker.stage == stage.value }) {
            let path = draft.stagesFromFile ? "pipeline.stages[\(index)]" : "pipeline.stages"
            throw error(
                .stageWithoutWorker, path, stage.origin,
                "no worker serves stage \(NodeReader.quote(stage.value)): add a workers entry with stage: \(stage.value)")
        }

        return ClusterConfig(
            cluster: ClusterConfig.Cluster(
                name: draft.name, runDirectory: draft.runDir.value, endpoint: endpoint, control: control, curve: draft.curve,
                insecure: draft.insecure),
            store: ClusterConfig.Store(db: draft.db.value),
            pipeline: ClusterConfig.Pipeline(
                name: draft.pipelineName, stages: stageNames, maxAttempts: draft.maxAttempts.value, maxPending: draft.maxPending,
                maxPayloadBytes: draft.maxPayloadBytes, deadLetterStage: deadLetter),
            workers: workers.map(\.worker),
            sources: draft.sources,
            restart: draft.restart,
            timeouts: ClusterConfig.Timeouts(
                heartbeatIntervalMs: draft.heartbeatIntervalMs.value, heartbeatLiveness: draft.heartbeatLiveness,
                readySeconds: draft.readySeconds, drainSeconds: draft.drainSeconds),
            log: ClusterConfig.Log(level: draft.logLevel.value),
            baseDirectory: base)
    }

    static func flagName(_ variable: String) -> String {
        "--" + variable.dropFirst("NEWSBUS_".count).lowercased().replacingOccurrences(of: "_", with: "-")
    }

    /// The longest path a Unix socket address holds (`sun_path` is 108 bytes with its NUL).
    public static let maxIPCPathBytes = 107

    private static func resolveEndpoint(
        _ located: Located<String>, key: String, runDir: Located<String>, error: ErrorFactory
    ) throws(ConfigError) -> ClusterConfig.Endpoint {
        let text = located.value
        let origin = located.origin
        if text.hasPrefix("ipc://") {
            let rest = String(text.dropFirst("ipc://".count))
            guard !rest.isEmpty, !rest.hasSuffix("/") else {
                throw error(.invalidValue, key, origin, "expected ipc://PATH with a socket file name, got \(NodeReader.quote(text))")
            }
            let path = rest.hasPrefix("/") ? Paths.normalize(rest) : Paths.resolve(rest, against: runDir.value, home: nil)
            let bytes = path.utf8.count
            if bytes > maxIPCPathBytes {
                // A default endpoint is too long because of the run directory: report that.
                let blamed = !rest.hasPrefix("/") && origin == .defaultValue ? ("cluster.run_dir", runDir.origin) : (key, origin)
                throw error(
                    .ipcPathTooLong, blamed.0, blamed.1,
                    "the ipc socket path \(path) is \(bytes) bytes long; a Unix socket path holds at most \(maxIPCPathBytes): "
                        + "use a shorter cluster.run_dir or an absolute ipc:// path")
            }
            return .ipc(path: path)
        }
        if text.hasPrefix("tcp://") {
            let rest = String(text.dropFirst("tcp://".count))
            let host: String
            let portText: String
            if rest.hasPrefix("[") {
                guard let close = rest.firstIndex(of: "]"), rest[rest.index(after: close)...].hasPrefix(":") else {
                    throw error(.invalidValue, key, origin, "expected tcp://[IPV6]:PORT, got \(NodeReader.quote(text))")
                }
                host = String(rest[rest.index(after: rest.startIndex)..<close])
                portText = String(rest[rest.index(close, offsetBy: 2)...])
            } else {
                guard let colon = rest.lastIndex(of: ":") else {
                    throw error(.invalidValue, key, origin, "expected tcp://HOST:PORT, got \(NodeReader.quote(text)) (the port is missing)")
                }
                host = String(rest[..<colon])
                portText = String(rest[rest.index(after: colon)...])
            }
            let hostCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: ".-_:*"))
            guard !host.isEmpty, host.unicodeScalars.allSatisfy({ $0.isASCII && hostCharacters.contains($0) }),
                host == "*" || !host.contains("*"), rest.hasPrefix("[") || !host.contains(":")
            else {
                throw error(.invalidValue, key, origin, "expected tcp://HOST:PORT, got \(NodeReader.quote(text)) (bad host)")
            }
            guard let port = Int(portText), (1...65535).contains(port) else {
                throw error(.invalidValue, key, origin, "expected tcp://HOST:PORT with a port from 1 to 65535, got \(NodeReader.quote(text))")
            }
            return .tcp(host: host, port: port)
        }
        throw error(.invalidValue, key, origin, "expected ipc://PATH or tcp://HOST:PORT, got \(NodeReader.quote(text))")
    }
}

/// The allowed ranges of numeric keys.
enum Limits {
    static let maxAttempts = 1...1000
    static let maxPending = 1...10_000_000
    static let maxPayloadBytes = 1...(1 << 30)
    static let replicas = 1...256
    static let capacity = 1...100_000
    static let batchSize = 1...100_000
    static let batchDelayMs = 0...60_000
    static let backoffMs = 0...3_600_000
    static let maxRestarts = 0...10_000
    static let withinSeconds = 1...86_400
    static let heartbeatIntervalMs = 10...3_600_000
    static let heartbeatLiveness = 1...100
    static let readySeconds = 1...3600
    static let drainSeconds = 0...3600
    static let feedIntervalSeconds = 1...86_400
    static let httpBodyBytes = 1...(1 << 30)
    static let ackTimeoutSeconds = 1...3600
}
