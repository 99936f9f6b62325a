/// Everything the supervisor needs to run a cluster: which processes, in which order, and the
/// policies. Built by the CLI from the configuration file (or the embedded default).
public struct ClusterPlan: Sendable {
    /// The router process.
    public var router: ChildSpec
    /// The router's control endpoint (answers `ping` and `status`).
    public var routerControl: String
    /// Worker groups, in pipeline order (the store last).
    public var groups: [WorkerGroup]
    /// Producers, started last and stopped first.
    public var sources: [SourceSpec]
    /// Restart policy for crashed children.
    public var restart: RestartPolicy
    /// Milliseconds to wait for the router and each stage's first worker.
    public var readyTimeoutMs: Int
    /// Milliseconds to wait for in-flight messages to drain on shutdown, and per child to stop
    /// after SIGTERM before SIGKILL.
    public var drainTimeoutMs: Int
    /// The supervisor's own control endpoint for `newsbus status/stop/scale`; nil: none.
    public var control: String?
    /// Stop the cluster (successfully) once every one-shot source has finished.
    public var stopWhenSourcesFinish: Bool

    /// Creates a plan.
    public init(
        router: ChildSpec, routerControl: String, groups: [WorkerGroup], sources: [SourceSpec] = [],
        restart: RestartPolicy = RestartPolicy(), readyTimeoutMs: Int = 10_000, drainTimeoutMs: Int = 30_000,
        control: String? = nil, stopWhenSourcesFinish: Bool = false
    ) {
        self.router = router
        self.routerControl = routerControl
        self.groups = groups
        self.sources = sources
        self.restart = restart
        self.readyTimeoutMs = readyTimeoutMs
        self.drainTimeoutMs = drainTimeoutMs
        self.control = control
        self.stopWhenSourcesFinish = stopWhenSourcesFinish
    }
}

/// The workers of one stage: `replicas` processes made from one template.
public struct WorkerGroup: Sendable {
    /// Stage served.
    public var stage: String
    /// Processes wanted.
    public var replicas: Int
    /// Makes the spec of replica `n` (1-based).
    public var makeSpec: @Sendable (_ replica: Int) -> ChildSpec

    /// Creates a group.
    public init(stage: String, replicas: Int, makeSpec: @escaping @Sendable (_ replica: Int) -> ChildSpec) {
        self.stage = stage
        self.replicas = max(0, replicas)
        self.makeSpec = makeSpec
    }
}

/// A producer process.
public struct SourceSpec: Sendable {
    /// The process.
    public var spec: ChildSpec
    /// One-shot sources (ingest of a file list) end by themselves: exit 0 means done, exit 1 means
    /// done with rejected input; they are not restarted after a clean exit.
    public var oneShot: Bool

    /// Creates a source.
    public init(spec: ChildSpec, oneShot: Bool) {
        self.spec = spec
        self.oneShot = oneShot
    }
}

/// How crashed children are restarted (OTP-style intensity).
public struct RestartPolicy: Sendable, Hashable {
    /// First delay before a restart.
    public var backoffInitialMs: Int
    /// Largest delay; each consecutive crash of the same child doubles it.
    public var backoffMaxMs: Int
    /// More than this many restarts…
    public var maxRestarts: Int
    /// …within this many seconds stops the cluster with an error.
    public var withinSeconds: Int

    /// 100 ms doubling to 10 s; more than 5 restarts in 30 s is fatal.
    public init(backoffInitialMs: Int = 100, backoffMaxMs: Int = 10_000, maxRestarts: Int = 5, withinSeconds: Int = 30) {
        self.backoffInitialMs = backoffInitialMs
        self.backoffMaxMs = backoffMaxMs
        self.maxRestarts = maxRestarts
        self.withinSeconds = withinSeconds
    }

    /// The delay before restart number `consecutive` (1-based) of one child.
    public func delayMs(consecutive: Int) -> Int {
        let shift = min(max(consecutive - 1, 0), 20)
        return min(backoffMaxMs, backoffInitialMs << shift)
    }
}
