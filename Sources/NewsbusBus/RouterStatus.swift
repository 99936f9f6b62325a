/// A snapshot of the router, answered on its control socket (`status`) as JSON.
public struct RouterStatus: Sendable, Hashable, Codable {
    /// One connected worker.
    public struct Worker: Sendable, Hashable, Codable {
        /// Name from READY.
        public var name: String
        /// Stage served.
        public var stage: String
        /// OS process id from READY.
        public var pid: UInt32
        /// Credit announced.
        public var capacity: Int
        /// Messages held now.
        public var inFlight: Int
        /// Messages answered DONE since it joined.
        public var processed: Int
        /// Messages answered FAIL since it joined.
        public var failed: Int
        /// Milliseconds since the router last heard from it.
        public var silentMs: Int

        enum CodingKeys: String, CodingKey {
            case name, stage, pid, capacity, processed, failed
            case inFlight = "in_flight"
            case silentMs = "silent_ms"
        }
    }

    /// A worker the router gave up on (no heartbeat), so its process can be replaced.
    public struct Expired: Sendable, Hashable, Codable {
        /// Name from READY.
        public var name: String
        /// Stage served.
        public var stage: String
        /// OS process id from READY.
        public var pid: UInt32
        /// Why.
        public var reason: String
    }

    /// One stage's queue.
    public struct Stage: Sendable, Hashable, Codable {
        /// Stage name.
        public var name: String
        /// Messages waiting for a worker.
        public var queued: Int
        /// Messages held by workers.
        public var inFlight: Int
        /// Connected workers.
        public var workers: Int

        enum CodingKeys: String, CodingKey {
            case name, queued, workers
            case inFlight = "in_flight"
        }
    }

    /// Counters since start.
    public var stats: RouterStats
    /// Stages in pipeline order, then the dead-letter stage.
    public var stages: [Stage]
    /// Connected workers.
    public var workers: [Worker]
    /// Workers expired since the previous status request (reported once).
    public var expired: [Expired]
    /// Messages held (queued + in flight).
    public var held: Int
}
