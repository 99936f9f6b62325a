/// Values given on the command line (`newsbus up --endpoint … --db …`), which win over the
/// environment, the file and the defaults.
///
/// Relative paths here (and in environment variables) are relative to the current directory, as
/// usual for command lines; only the file's own paths are relative to the file's folder.
public struct ConfigOverrides: Sendable, Hashable {
    /// `--endpoint`: the bus endpoint (`ipc://…` or `tcp://host:port`).
    public var endpoint: String?
    /// `--control`: the supervisor's control endpoint.
    public var control: String?
    /// `--db`: the SQLite file.
    public var db: String?
    /// `--run-dir`: the run directory.
    public var runDir: String?
    /// `--log-level`: one of `trace`, `debug`, `info`, `notice`, `warning`, `error`, `critical`.
    public var logLevel: String?
    /// `--replicas STAGE=N`: processes per worker entry of a stage (every entry of that stage).
    public var replicas: [String: Int]

    /// Creates overrides; `nil` (or no entry) leaves a value to the lower levels.
    public init(
        endpoint: String? = nil, control: String? = nil, db: String? = nil, runDir: String? = nil, logLevel: String? = nil,
        replicas: [String: Int] = [:]
    ) {
        self.endpoint = endpoint
        self.control = control
        self.db = db
        self.runDir = runDir
        self.logLevel = logLevel
        self.replicas = replicas
    }

    /// No overrides.
    public static let none = ConfigOverrides()
}

/// The environment variables the loader reads; each wins over the file and loses to a flag.
/// An empty value counts as unset.
public enum ConfigEnvironment {
    /// `NEWSBUS_ENDPOINT` → `cluster.endpoint`.
    public static let endpoint = "NEWSBUS_ENDPOINT"
    /// `NEWSBUS_CONTROL` → `cluster.control`.
    public static let control = "NEWSBUS_CONTROL"
    /// `NEWSBUS_DB` → `store.db`.
    public static let db = "NEWSBUS_DB"
    /// `NEWSBUS_RUN_DIR` → `cluster.run_dir`.
    public static let runDir = "NEWSBUS_RUN_DIR"
    /// `NEWSBUS_LOG_LEVEL` → `log.level`.
    public static let logLevel = "NEWSBUS_LOG_LEVEL"
    /// `NEWSBUS_MAX_ATTEMPTS` → `pipeline.max_attempts`.
    public static let maxAttempts = "NEWSBUS_MAX_ATTEMPTS"
    /// `NEWSBUS_HEARTBEAT_INTERVAL_MS` → `timeouts.heartbeat_interval_ms`.
    public static let heartbeatIntervalMs = "NEWSBUS_HEARTBEAT_INTERVAL_MS"

    /// Every variable above, in this order.
    public static let all = [endpoint, control, db, runDir, logLevel, maxAttempts, heartbeatIntervalMs]
}
