/// Timers of the bus protocol, shared by router and peers (Paranoid Pirate defaults).
public struct BusTimings: Sendable, Hashable {
    /// How often each side sends HEARTBEAT when it has nothing else to send, in milliseconds.
    public var heartbeatIntervalMs: Int
    /// How many intervals of silence mean the peer is dead.
    public var heartbeatLiveness: Int
    /// How long a worker waits before reconnecting after losing the router, in milliseconds.
    public var reconnectDelayMs: Int

    /// 1 s heartbeats, 3 missed = dead, 1 s reconnect delay.
    public init(heartbeatIntervalMs: Int = 1000, heartbeatLiveness: Int = 3, reconnectDelayMs: Int = 1000) {
        self.heartbeatIntervalMs = heartbeatIntervalMs
        self.heartbeatLiveness = heartbeatLiveness
        self.reconnectDelayMs = reconnectDelayMs
    }

    /// Silence after which a peer is declared dead, in milliseconds.
    public var expiryMs: Int { heartbeatIntervalMs * heartbeatLiveness }
}

/// A monotonic clock in milliseconds, for timers (never the wall clock).
public enum MonotonicClock {
    /// Milliseconds since an arbitrary fixed point.
    public static func nowMs() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int(ts.tv_sec) * 1000 + Int(ts.tv_nsec) / 1_000_000
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension MonotonicClock {
    /// Nanoseconds since an arbitrary fixed point, for benchmarks.
    public static func nowNs() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}
