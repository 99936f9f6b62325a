import NewsbusBus

/// What `newsbus status` shows: the supervisor's children joined with the router's view.
public struct ClusterStatus: Sendable, Hashable, Codable {
    /// One supervised process.
    public struct Child: Sendable, Hashable, Codable {
        /// Child name, e.g. "enrich.stats-2".
        public var name: String
        /// "router", "worker" or "source".
        public var role: String
        /// Stage served (workers).
        public var stage: String
        /// Current pid; 0 while waiting to restart.
        public var pid: Int32
        /// "running", "restarting", "finished".
        public var state: String
        /// Seconds since the current process started.
        public var uptimeSeconds: Double
        /// Restarts so far.
        public var restarts: Int
        /// Messages processed by the current process (from the router).
        public var processed: Int
        /// Messages it holds now.
        public var inFlight: Int
        /// Messages per second over the last status interval.
        public var rate: Double

        enum CodingKeys: String, CodingKey {
            case name, role, stage, pid, state, restarts, processed, rate
            case uptimeSeconds = "uptime_seconds"
            case inFlight = "in_flight"
        }
    }

    /// Children in start order.
    public var children: [Child]
    /// The router's snapshot, when it answered.
    public var router: RouterStatus?
    /// Seconds since the supervisor started.
    public var uptimeSeconds: Double
    /// "running" or "stopping".
    public var state: String

    enum CodingKeys: String, CodingKey {
        case children, router, state
        case uptimeSeconds = "uptime_seconds"
    }
}

/// A request on the supervisor's control socket (JSON).
public struct ControlRequest: Sendable, Hashable, Codable {
    /// "status", "stop" or "scale".
    public var command: String
    /// For scale: the stage.
    public var stage: String?
    /// For scale: the replicas wanted.
    public var replicas: Int?

    /// Creates a request.
    public init(command: String, stage: String? = nil, replicas: Int? = nil) {
        self.command = command
        self.stage = stage
        self.replicas = replicas
    }
}

/// The answer on the supervisor's control socket (JSON).
public struct ControlReply: Sendable, Hashable, Codable {
    /// Whether the request was carried out.
    public var ok: Bool
    /// What happened, or why not.
    public var message: String
    /// For status.
    public var status: ClusterStatus?

    /// Creates a reply.
    public init(ok: Bool, message: String, status: ClusterStatus? = nil) {
        self.ok = ok
        self.message = message
        self.status = status
    }
}
