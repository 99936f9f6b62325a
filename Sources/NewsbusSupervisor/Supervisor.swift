import CNewsbusSys
import Foundation
import Logging
import NewsbusBus

/// An error starting or running children.
public struct SupervisorError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What failed.
    public enum Code: String, Hashable, Sendable {
        /// fork/exec failed.
        case spawn
        /// A child did not become ready in time.
        case notReady
        /// A child ended when it should not have.
        case childFailed
        /// Stopped by a signal.
        case interrupted
    }

    /// What failed.
    public var code: Code
    /// Details.
    public var message: String
    /// errno, where there was one.
    public var errno: Int32

    /// Creates an error.
    public init(_ code: Code, _ message: String, errno: Int32 = 0) {
        self.code = code
        self.message = message
        self.errno = errno
    }

    /// The message, with the errno text when there is one.
    public var description: String {
        errno == 0 ? message : "\(message): \(String(cString: strerror(errno)))"
    }
}

/// Starts, watches and stops child processes.
///
/// Every child gets SIGKILL if the supervisor dies (Linux parent-death signal, set between fork
/// and exec), runs in the supervisor's process group (so a terminal's Ctrl-C reaches all), has
/// its output prefixed with its name, and is reaped. Call all methods from one thread: the
/// parent-death signal is tied to the thread that spawned the child.
public final class Supervisor {
    private var logger: Logger
    private var children: [pid_t: ChildProcess] = [:]
    private var order: [pid_t] = []
    private var exited: [(ChildProcess, ChildExit)] = []
    /// Width of the output prefix column.
    public var prefixWidth = 12

    /// Creates a supervisor with no children.
    public init(logger: Logger) {
        self.logger = logger
    }

    /// Children still running, in start order.
    public var running: [ChildProcess] { order.compactMap { children[$0] } }

    /// Starts a child.
    @discardableResult
    public func start(_ spec: ChildSpec) throws(SupervisorError) -> ChildProcess {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw SupervisorError(.spawn, "cannot create a pipe for \(spec.name)", errno: errno) }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in spec.environment { environment[key] = value }
        let envStrings = environment.map { "\($0.key)=\($0.value)" }
        let pid = withCStrings(spec.arguments) { argv in
            withCStrings(envStrings) { envp in
                nb_spawn(argv, envp, -1, SIGKILL, fds[1], fds[1])
            }
        }
        let spawnErrno = errno
        close(fds[1])
        guard pid > 0 else {
            close(fds[0])
            throw SupervisorError(.spawn, "cannot start \(spec.name) (\(spec.arguments.joined(separator: " ")))", errno: spawnErrno)
        }
        let reader = OutputPrefixer(name: spec.name, width: prefixWidth, readFrom: fds[0]).start()
        let child = ChildProcess(spec: spec, pid: pid, startedAtMs: MonotonicClock.nowMs(), outputReader: reader)
        children[pid] = child
        order.append(pid)
        logger.debug("started", metadata: ["child": "\(spec.name)", "pid": "\(pid)"])
        return child
    }

    /// Reaps children that have ended, without blocking; returns them with how they ended.
    public func reap() -> [(ChildProcess, ChildExit)] {
        var ended: [(ChildProcess, ChildExit)] = []
        while true {
            var status: Int32 = 0
            let pid = waitpid(-1, &status, WNOHANG)
            if pid <= 0 { break }
            guard let child = children.removeValue(forKey: pid) else { continue }
            order.removeAll { $0 == pid }
            ended.append((child, ChildExit(status: status)))
        }
        return ended
    }

    /// Waits until `condition` holds, checking every `intervalMs` and reaping children meanwhile;
    /// returns false on timeout. Ended children are passed to `onExit`.
    public func wait(
        timeoutMs: Int, intervalMs: Int = 20, onExit: (ChildProcess, ChildExit) -> Void = { _, _ in }, until condition: () -> Bool
    ) -> Bool {
        let deadline = MonotonicClock.nowMs() + timeoutMs
        while true {
            for (child, exit) in reap() { onExit(child, exit) }
            if condition() { return true }
            if MonotonicClock.nowMs() >= deadline { return false }
            usleep(UInt32(intervalMs * 1000))
        }
    }

    /// Stops one child: SIGTERM, then SIGKILL after `graceMs`. Returns how it ended.
    @discardableResult
    public func stop(_ child: ChildProcess, graceMs: Int) -> ChildExit? {
        var result: ChildExit?
        guard children[child.pid] != nil else { return nil }
        child.signal(SIGTERM)
        let ended = wait(timeoutMs: graceMs, onExit: { c, e in if c.pid == child.pid { result = e } }) { children[child.pid] == nil }
        if !ended {
            logger.warning("did not stop in time; killing", metadata: ["child": "\(child.spec.name)", "grace_ms": "\(graceMs)"])
            child.signal(SIGKILL)
            _ = wait(timeoutMs: 5000, onExit: { c, e in if c.pid == child.pid { result = e } }) { children[child.pid] == nil }
        }
        return result
    }

    /// Stops every child in reverse start order.
    public func stopAll(graceMs: Int) {
        for child in running.reversed() { stop(child, graceMs: graceMs) }
    }
}

/// Calls `body` with a NULL-terminated C array of C strings.
private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    var pointers: [UnsafePointer<CChar>?] = copies.map { UnsafePointer($0) }
    pointers.append(nil)
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
