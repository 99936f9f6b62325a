/// A Newsbus cluster as described by a configuration file (`newsbus.yaml`), after defaults,
/// environment variables and command-line flags were applied and every value was validated.
///
/// All paths are absolute: relative paths in the file are resolved against the file's folder
/// (``baseDirectory``), and `ipc://` endpoints without a leading slash live in the run directory.
/// Build one with ``ConfigLoader``.
public struct ClusterConfig: Sendable, Hashable {
    /// The `cluster:` section: name, run directory, endpoints, security.
    public var cluster: Cluster
    /// The `store:` section: the SQLite store.
    public var store: Store
    /// The `pipeline:` section: the routing slip and the router's limits.
    public var pipeline: Pipeline
    /// The `workers:` list, in file order. Every pipeline stage has at least one entry.
    public var workers: [Worker]
    /// The `sources:` list (producers run under the supervisor), in file order.
    public var sources: [Source]
    /// The `restart:` section: the supervisor's restart policy.
    public var restart: Restart
    /// The `timeouts:` section: heartbeats, readiness and shutdown.
    public var timeouts: Timeouts
    /// The `log:` section.
    public var log: Log
    /// The folder relative paths of the file were resolved against: the configuration file's
    /// folder, or the `baseDirectory` given to ``ConfigLoader``. Plug-in commands are meant to run
    /// with this folder as their working directory, so their relative arguments mean the same
    /// thing as the file's paths.
    public var baseDirectory: String
    /// The configuration file's absolute path, or `nil` when the configuration did not come from a file.
    public var file: String?

    /// Creates a configuration from its parts. ``ConfigLoader`` is the usual way to get one.
    public init(
        cluster: Cluster, store: Store, pipeline: Pipeline = Pipeline(), workers: [Worker], sources: [Source] = [],
        restart: Restart = Restart(), timeouts: Timeouts = Timeouts(), log: Log = Log(), baseDirectory: String,
        file: String? = nil
    ) {
        self.cluster = cluster
        self.store = store
        self.pipeline = pipeline
        self.workers = workers
        self.sources = sources
        self.restart = restart
        self.timeouts = timeouts
        self.log = log
        self.baseDirectory = baseDirectory
        self.file = file
    }
}

extension ClusterConfig {
    /// The `cluster:` section.
    public struct Cluster: Sendable, Hashable {
        /// The cluster's name, used in logs. Default `newsbus`.
        public var name: String
        /// Absolute path of the run directory: sockets, pid files, summaries. Default `.newsbus/run`
        /// in the configuration file's folder.
        public var runDirectory: String
        /// The bus (router) endpoint. Default `ipc://bus.sock`, i.e. `bus.sock` in the run directory.
        public var endpoint: Endpoint
        /// The supervisor's control endpoint (status, stop, scale). Default `ipc://control.sock`
        /// in the run directory.
        public var control: Endpoint
        /// CURVE keys of the router, when the bus is encrypted; required for a `tcp://` endpoint on
        /// a non-loopback address unless ``insecure`` is set.
        public var curve: Curve?
        /// `true` allows a `tcp://` endpoint on a non-loopback address without CURVE. Default `false`.
        public var insecure: Bool

        /// Creates the section; every argument but the three locations has its documented default.
        public init(
            name: String = "newsbus", runDirectory: String, endpoint: Endpoint, control: Endpoint, curve: Curve? = nil,
            insecure: Bool = false
        ) {
            self.name = name
            self.runDirectory = runDirectory
            self.endpoint = endpoint
            self.control = control
            self.curve = curve
            self.insecure = insecure
        }
    }

    /// A ZeroMQ endpoint of the cluster, as resolved by the loader.
    public enum Endpoint: Sendable, Hashable, CustomStringConvertible {
        /// A Unix domain socket at this absolute path (`ipc:///…`).
        case ipc(path: String)
        /// A TCP endpoint. `host` is a name, an IPv4 address, an IPv6 address without brackets,
        /// or `*` (every interface, for binding).
        case tcp(host: String, port: Int)

        /// The endpoint in ZeroMQ syntax: `ipc:///abs/bus.sock`, `tcp://127.0.0.1:5555`, `tcp://[::1]:5555`.
        public var description: String {
            switch self {
            case let .ipc(path): "ipc://\(path)"
            case let .tcp(host, port): host.contains(":") ? "tcp://[\(host)]:\(port)" : "tcp://\(host):\(port)"
            }
        }

        /// `true` for `ipc://` endpoints and for `tcp://` endpoints on `localhost`, `127.0.0.0/8` or `::1`:
        /// those that other hosts cannot reach.
        public var isLocal: Bool {
            switch self {
            case .ipc: true
            case let .tcp(host, _): Endpoint.isLoopback(host: host)
            }
        }

        static func isLoopback(host: String) -> Bool {
            let lowered = host.lowercased()
            if lowered == "localhost" || lowered == "::1" || lowered == "0:0:0:0:0:0:0:1" { return true }
            let parts = lowered.split(separator: ".", omittingEmptySubsequences: false)
            return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
        }
    }

    /// The router's CURVE key files (the Z85 text ZeroMQ's `zmq_curve_keypair` produces), as absolute paths.
    /// The loader does not read them: whoever starts the router does.
    public struct Curve: Sendable, Hashable {
        /// The router's secret key file (`server_secret_key_file`).
        public var serverSecretKeyFile: String
        /// The router's public key file (`server_public_key_file`), which clients need too.
        public var serverPublicKeyFile: String

        /// Creates the key file pair.
        public init(serverSecretKeyFile: String, serverPublicKeyFile: String) {
            self.serverSecretKeyFile = serverSecretKeyFile
            self.serverPublicKeyFile = serverPublicKeyFile
        }
    }

    /// The `store:` section.
    public struct Store: Sendable, Hashable {
        /// Absolute path of the SQLite file. Default `newsbus.db` in the configuration file's folder.
        public var db: String

        /// Creates the section.
        public init(db: String) { self.db = db }
    }

    /// The `pipeline:` section: what the router does with every published message.
    public struct Pipeline: Sendable, Hashable {
        /// `enrich.<kind>` for every built-in enricher, then `store`.
        public static let defaultStages = WorkerKind.builtInEnricherKinds.map { "enrich.\($0)" } + ["store"]

        /// The pipeline's name (carried in every envelope). Default `default`.
        public var name: String
        /// The stages in order: every message's routing slip. Default: every built-in enricher's
        /// stage in ``WorkerKind/builtInEnricherKinds`` order, then `store` (``defaultStages``).
        public var stages: [String]
        /// Attempts per stage before a message is dead-lettered, 1…1000. Default 5.
        public var maxAttempts: Int
        /// Most messages the router holds (queued and in flight) before it refuses PUBLISH, 1…10,000,000. Default 10,000.
        public var maxPending: Int
        /// Largest accepted article payload in bytes, 1…1 GiB. Default 16 MiB (16,777,216).
        public var maxPayloadBytes: Int
        /// The stage that records dead letters (served by the store worker), or `nil` when dead
        /// letters are only NACKed to their producer. Default `deadletter`.
        public var deadLetterStage: String?

        /// Creates the section; every argument has its documented default.
        public init(
            name: String = "default", stages: [String] = Pipeline.defaultStages, maxAttempts: Int = 5,
            maxPending: Int = 10_000, maxPayloadBytes: Int = 16_777_216, deadLetterStage: String? = "deadletter"
        ) {
            self.name = name
            self.stages = stages
            self.maxAttempts = maxAttempts
            self.maxPending = maxPending
            self.maxPayloadBytes = maxPayloadBytes
            self.deadLetterStage = deadLetterStage
        }
    }

    /// One entry of `workers:`: a stage, what serves it, and how many processes.
    public struct Worker: Sendable, Hashable {
        /// The stage served: one of the pipeline's stages (or its dead-letter stage).
        public var stage: String
        /// A built-in worker (`kind:`) or a plug-in command (`command:`). Plug-in commands keep
        /// their `{placeholders}`; ``ClusterConfig/instance(entry:replica:)`` substitutes them.
        public var kind: WorkerKind
        /// Processes started for this entry, 1…256. Default 1.
        public var replicas: Int
        /// Messages each process holds at once (the credit announced in READY), 1…100,000. Default 32.
        public var capacity: Int
        /// Most articles committed in one transaction, 1…100,000 (`kind: store` only). Default 64.
        public var batchSize: Int
        /// Longest wait for a batch to fill in milliseconds, 0…60,000 (`kind: store` only). Default 20.
        public var batchDelayMs: Int
        /// Extra environment variables of the worker's processes (`env:`); values keep their
        /// `{placeholders}`, which ``ClusterConfig/instance(entry:replica:)`` substitutes. Default none.
        public var environment: [String: String]

        /// Creates an entry; every argument but `stage` and `kind` has its documented default.
        public init(
            stage: String, kind: WorkerKind, replicas: Int = 1, capacity: Int = 32, batchSize: Int = 64,
            batchDelayMs: Int = 20, environment: [String: String] = [:]
        ) {
            self.stage = stage
            self.kind = kind
            self.replicas = replicas
            self.capacity = capacity
            self.batchSize = batchSize
            self.batchDelayMs = batchDelayMs
            self.environment = environment
        }
    }

    /// One entry of `sources:`: a producer the supervisor runs.
    public struct Source: Sendable, Hashable {
        /// The source's name, unique in the file: the producer's name in envelopes and logs.
        public var name: String
        /// What it reads.
        public var kind: SourceKind
        /// `boilerplate:`: this source's own boilerplate rules, applied to text scrapes and HTML
        /// pages in addition to (or, with `builtin_boilerplate: false`, instead of) the built-in ones.
        public var boilerplate: [BoilerplateRule]
        /// `builtin_boilerplate:`: whether the built-in boilerplate heuristics apply. Default true.
        public var builtInBoilerplate: Bool

        /// Creates an entry.
        public init(name: String, kind: SourceKind, boilerplate: [BoilerplateRule] = [], builtInBoilerplate: Bool = true) {
            self.name = name
            self.kind = kind
            self.boilerplate = boilerplate
            self.builtInBoilerplate = builtInBoilerplate
        }
    }

    /// One per-source boilerplate rule: `{exact: TEXT}`, `{prefix: TEXT}`, `{contains: TEXT}` or
    /// `{cut_after: TEXT}` (see `newsbus ingest --boilerplate`).
    public struct BoilerplateRule: Sendable, Hashable {
        /// "exact", "prefix", "contains" or "cut-after".
        public var kind: String
        /// The line, line opening, words or marker it matches.
        public var text: String

        /// Creates a rule.
        public init(kind: String, text: String) {
            self.kind = kind
            self.text = text
        }

        /// "KIND:TEXT", the `--boilerplate` spelling.
        public var spec: String { "\(kind):\(text)" }
    }

    /// What a source reads.
    public enum SourceKind: Sendable, Hashable {
        /// `kind: inbox`: a watched folder (absolute path); files dropped into it are published.
        case inbox(path: String)
        /// `kind: files`: a one-shot list of files or folders (absolute paths), published once.
        case files(paths: [String])
        /// `kind: feed`: an RSS, Atom or ninjs feed polled over HTTP(S) every `intervalSeconds`
        /// (default 60), remembering what it has seen in `statePath` (default
        /// `<run_dir>/<name>.feed-state.json`).
        case feed(url: String, intervalSeconds: Int, statePath: String?)
        /// `kind: http`: an endpoint that accepts POSTed articles on `listen` ("HOST:PORT").
        case http(listen: String, maxBodyBytes: Int, ackTimeoutSeconds: Int)

        /// The kind's name in the file: `inbox`, `files`, `feed` or `http`.
        public var name: String {
            switch self {
            case .inbox: "inbox"
            case .files: "files"
            case .feed: "feed"
            case .http: "http"
            }
        }

        /// Every kind's name.
        public static let names = ["inbox", "files", "feed", "http"]
    }

    /// The `restart:` section: how the supervisor restarts a process that died, OTP-style.
    public struct Restart: Sendable, Hashable {
        /// Delay before the first restart of a process in milliseconds, 0…3,600,000; later restarts wait
        /// longer, up to ``backoffMaxMs``. Default 100.
        public var backoffInitialMs: Int
        /// Longest delay before a restart in milliseconds, at least ``backoffInitialMs``, at most 3,600,000. Default 10,000.
        public var backoffMaxMs: Int
        /// Restart intensity: more than this many restarts within ``withinSeconds`` stops the
        /// cluster with an error, 0…10,000. Default 5.
        public var maxRestarts: Int
        /// The intensity window in seconds, 1…86,400. Default 30.
        public var withinSeconds: Int

        /// Creates the section; every argument has its documented default.
        public init(backoffInitialMs: Int = 100, backoffMaxMs: Int = 10_000, maxRestarts: Int = 5, withinSeconds: Int = 30) {
            self.backoffInitialMs = backoffInitialMs
            self.backoffMaxMs = backoffMaxMs
            self.maxRestarts = maxRestarts
            self.withinSeconds = withinSeconds
        }
    }

    /// The `timeouts:` section.
    public struct Timeouts: Sendable, Hashable {
        /// Heartbeat interval of the bus in milliseconds, 10…3,600,000. Default 1000.
        public var heartbeatIntervalMs: Int
        /// Missed heartbeat intervals before a peer is dead, 1…100. Default 3.
        public var heartbeatLiveness: Int
        /// Seconds a started process has to become ready (the router listening, a worker's READY), 1…3600. Default 10.
        public var readySeconds: Int
        /// Seconds of graceful shutdown before the remaining processes get SIGKILL, 0…3600. Default 30.
        public var drainSeconds: Int

        /// Creates the section; every argument has its documented default.
        public init(heartbeatIntervalMs: Int = 1000, heartbeatLiveness: Int = 3, readySeconds: Int = 10, drainSeconds: Int = 30) {
            self.heartbeatIntervalMs = heartbeatIntervalMs
            self.heartbeatLiveness = heartbeatLiveness
            self.readySeconds = readySeconds
            self.drainSeconds = drainSeconds
        }
    }

    /// The `log:` section.
    public struct Log: Sendable, Hashable {
        /// Log level of the cluster's processes. Default `info`.
        public var level: LogLevel

        /// Creates the section.
        public init(level: LogLevel = .info) { self.level = level }
    }

    /// A log level, named as swift-log names them.
    public enum LogLevel: String, Sendable, Hashable, CaseIterable {
        /// `trace`
        case trace
        /// `debug`
        case debug
        /// `info`
        case info
        /// `notice`
        case notice
        /// `warning`
        case warning
        /// `error`
        case error
        /// `critical`
        case critical
    }
}

/// What serves a worker entry's stage.
public enum WorkerKind: Sendable, Hashable {
    /// A worker built into the `newsbus` executable, by name: one of ``WorkerKind/builtInKinds``.
    case builtIn(String)
    /// A plug-in: any program, as an argument vector (program first). Started directly, never
    /// through a shell.
    case command([String])

    /// The built-in enrichers, in their default pipeline order; each serves `enrich.<kind>`
    /// unless a worker entry names another stage. Kept equal to the `newsbus` executable's
    /// enricher registry (a test checks).
    public static let builtInEnricherKinds: [String] = ["language", "entities", "quotes", "dates", "topics", "fingerprint", "stats"]

    /// The built-in kinds: the enrichers and `store` (the SQLite store, which also serves the
    /// dead-letter stage).
    public static let builtInKinds: [String] = builtInEnricherKinds + ["store"]
}
