import CNewsbusSys
import Foundation
import Logging
import NewsbusBus
import NewsbusZMQ

/// How a cluster run ended.
public enum ClusterOutcome: Sendable, Hashable {
    /// Every one-shot source finished and the cluster stopped; `clean` is false when a source
    /// reported rejected input (exit status 1).
    case sourcesFinished(clean: Bool)
    /// Stopped on request (signal or `newsbus stop`) after draining.
    case stopped(reason: String)
    /// Stopped because something went wrong.
    case failed(reason: String)
}

/// Runs a ``ClusterPlan``: starts the router, the workers (store first) and the sources, waits for
/// readiness, restarts crashed children with exponential backoff (stopping the cluster when the
/// restart intensity is exceeded), replaces workers the router declares dead (hung: no
/// heartbeat), answers `status` / `stop` / `scale` on its control socket, and shuts down
/// gracefully: sources first, drain, then stages in pipeline order, router last, SIGKILL after the
/// drain timeout.
///
/// Runs on the calling thread; children get SIGKILL if this process dies.
public final class ClusterSupervisor {
    private let plan: ClusterPlan
    private let logger: Logger
    private let processes: Supervisor
    private let context: ZMQContext
    private let routerClient: RouterControlClient
    private var control: ZMQSocket?
    private var slots: [Slot] = []
    private var groups: [String: WorkerGroup] = [:]
    private var restartTimesMs: [Int] = []
    private var failure: String?
    private var stopReason: String?
    private var lastRouterStatus: RouterStatus?
    private var lastStatusPollMs = 0
    private let startedAtMs = MonotonicClock.nowMs()
    private var shuttingDown = false

    /// One supervised process and its history.
    final class Slot {
        enum Role { case router, worker(stage: String), source(oneShot: Bool) }
        enum State { case running, restarting(atMs: Int), finished(ChildExit), stopped }

        let name: String
        let role: Role
        let spec: ChildSpec
        var child: ChildProcess?
        var state: State = .stopped
        var restarts = 0
        var consecutiveCrashes = 0
        var startedAtMs = 0
        var rateSampleMs = 0
        var rateSampleProcessed = 0
        var rate = 0.0
        var removed = false

        init(name: String, role: Role, spec: ChildSpec) {
            self.name = name
            self.role = role
            self.spec = spec
        }

        var roleName: String {
            switch role {
            case .router: "router"
            case .worker: "worker"
            case .source: "source"
            }
        }

        var stage: String {
            if case let .worker(stage) = role { return stage }
            return ""
        }
    }

    /// Prepares a supervisor for `plan`; nothing starts until ``run(shouldStop:)``.
    public init(plan: ClusterPlan, logger: Logger) throws {
        self.plan = plan
        self.logger = logger
        processes = Supervisor(logger: logger)
        context = try ZMQContext()
        routerClient = RouterControlClient(context: context, endpoint: plan.routerControl)
        let names = [plan.router.name] + plan.groups.flatMap { g in (1...max(1, g.replicas)).map { g.makeSpec($0).name } }
            + plan.sources.map(\.spec.name)
        processes.prefixWidth = min(24, names.map(\.count).max() ?? 12)
        for group in plan.groups { groups[group.stage] = group }
    }

    /// Runs the cluster until it finishes, is stopped, or fails.
    public func run(shouldStop: () -> Bool) -> ClusterOutcome {
        if let endpoint = plan.control {
            do {
                let socket = try context.makeSocket(.rep)
                try socket.set(.linger, 0)
                try socket.bind(endpoint)
                control = socket
            } catch {
                return .failed(reason: "cannot open the control endpoint \(endpoint): \(error)")
            }
        }
        defer {
            control?.close(linger: 0)
            if let endpoint = plan.control, endpoint.hasPrefix("ipc://") { unlink(String(endpoint.dropFirst(6))) }
        }
        if let problem = startAll(shouldStop: shouldStop) {
            shutdown(drain: false)
            return .failed(reason: problem)
        }
        logger.info("cluster ready", metadata: ["children": "\(slots.count)"])
        while true {
            answerControl()
            reapAndRestart()
            pollRouter()
            if let failure {
                shutdown(drain: true)
                return .failed(reason: failure)
            }
            if shouldStop() {
                shutdown(drain: true)
                return .stopped(reason: "signal \(signalName(nb_stop_signal()))")
            }
            if let stopReason {
                shutdown(drain: true)
                return .stopped(reason: stopReason)
            }
            if plan.stopWhenSourcesFinish, sourcesFinished() {
                let clean = slots.allSatisfy { slot in
                    if case .source = slot.role, case let .finished(exit) = slot.state { return exit == .exited(0) }
                    return true
                }
                shutdown(drain: true)
                return .sourcesFinished(clean: clean)
            }
            waitForActivity(timeoutMs: 50)
        }
    }

    // MARK: Starting

    private func startAll(shouldStop: () -> Bool) -> String? {
        let router = Slot(name: plan.router.name, role: .router, spec: plan.router)
        slots.append(router)
        if let problem = start(router) { return problem }
        let routerUp = waitUntil(timeoutMs: plan.readyTimeoutMs, shouldStop: shouldStop) { routerClient.ping(timeoutMs: 100) }
        guard routerUp else { return failure ?? "the router did not answer within \(plan.readyTimeoutMs / 1000) s" }
        // Store first, first stage last: every stage is served before anything flows into it.
        for group in plan.groups.reversed() {
            for replica in 1...max(1, group.replicas) where group.replicas > 0 {
                let spec = group.makeSpec(replica)
                let slot = Slot(name: spec.name, role: .worker(stage: group.stage), spec: spec)
                slots.append(slot)
                if let problem = start(slot) { return problem }
            }
        }
        let stagesReady = waitUntil(timeoutMs: plan.readyTimeoutMs, shouldStop: shouldStop) {
            guard let status = routerClient.status(timeoutMs: 200) else { return false }
            lastRouterStatus = status
            return plan.groups.allSatisfy { group in
                group.replicas == 0 || status.workers.filter { $0.stage == group.stage }.count >= group.replicas
            }
        }
        guard stagesReady else {
            let missing = plan.groups.filter { g in (lastRouterStatus?.workers.filter { $0.stage == g.stage }.count ?? 0) < g.replicas }
            return failure ?? "workers not ready within \(plan.readyTimeoutMs / 1000) s: \(missing.map(\.stage).joined(separator: ", "))"
        }
        for source in plan.sources {
            let slot = Slot(name: source.spec.name, role: .source(oneShot: source.oneShot), spec: source.spec)
            slots.append(slot)
            if let problem = start(slot) { return problem }
        }
        return nil
    }

    private func start(_ slot: Slot) -> String? {
        do {
            slot.child = try processes.start(slot.spec)
            slot.state = .running
            slot.startedAtMs = MonotonicClock.nowMs()
            slot.rateSampleMs = slot.startedAtMs
            slot.rateSampleProcessed = 0
            return nil
        } catch {
            return "\(error)"
        }
    }

    private func waitUntil(timeoutMs: Int, shouldStop: () -> Bool, _ condition: () -> Bool) -> Bool {
        let deadline = MonotonicClock.nowMs() + timeoutMs
        while MonotonicClock.nowMs() < deadline {
            reapAndRestart()
            if failure != nil || shouldStop() { return false }
            if condition() { return true }
            waitForActivity(timeoutMs: 50)
        }
        return false
    }

    // MARK: Watching

    private func reapAndRestart() {
        let now = MonotonicClock.nowMs()
        for (child, exit) in processes.reap() {
            guard let slot = slots.first(where: { $0.child?.pid == child.pid }) else { continue }
            slot.child = nil
            if shuttingDown || slot.removed {
                slot.state = .stopped
                continue
            }
            if case let .source(oneShot) = slot.role, oneShot, exit == .exited(0) || exit == .exited(1) {
                slot.state = .finished(exit)
                logger.info("source finished", metadata: ["child": "\(slot.name)", "exit": "\(exit)"])
                continue
            }
            // A crash (or an unexpected exit): restart with backoff, within the intensity limit.
            let uptime = now - slot.startedAtMs
            if uptime > plan.restart.withinSeconds * 1000 { slot.consecutiveCrashes = 0 }
            slot.consecutiveCrashes += 1
            restartTimesMs.append(now)
            restartTimesMs.removeAll { now - $0 > plan.restart.withinSeconds * 1000 }
            if restartTimesMs.count > plan.restart.maxRestarts {
                failure = "restart intensity exceeded: \(restartTimesMs.count) restarts within \(plan.restart.withinSeconds) s "
                    + "(last: \(slot.name), \(exit))"
                logger.critical("\(failure!)")
                return
            }
            let delay = plan.restart.delayMs(consecutive: slot.consecutiveCrashes)
            slot.state = .restarting(atMs: now + delay)
            logger.warning("child ended; restarting", metadata: ["child": "\(slot.name)", "exit": "\(exit)", "delay_ms": "\(delay)"])
        }
        for slot in slots {
            if case let .restarting(at) = slot.state, at <= now, !shuttingDown, !slot.removed {
                slot.restarts += 1
                if let problem = start(slot) {
                    failure = "cannot restart \(slot.name): \(problem)"
                    return
                }
            }
        }
    }

    /// Asks the router for its status every 100 ms: replaces hung workers, computes rates.
    private func pollRouter() {
        let now = MonotonicClock.nowMs()
        guard now - lastStatusPollMs >= 100 else { return }
        lastStatusPollMs = now
        guard let status = routerClient.status(timeoutMs: 200) else { return }
        lastRouterStatus = status
        for expired in status.expired {
            guard let slot = slots.first(where: { $0.child.map { UInt32($0.pid) } == expired.pid }) else { continue }
            logger.warning(
                "worker declared dead by the router; replacing it",
                metadata: ["child": "\(slot.name)", "pid": "\(expired.pid)", "reason": "\(expired.reason)"])
            slot.child?.signal(SIGKILL)  // a hung process may be stopped or spinning: SIGTERM would not do
        }
        for slot in slots {
            guard let worker = routerWorker(for: slot, in: status) else { continue }
            // Rate over windows of at least 2 s, so the table does not flicker.
            if now - slot.rateSampleMs >= 2000 {
                slot.rate = Double(max(0, worker.processed - slot.rateSampleProcessed)) * 1000 / Double(now - slot.rateSampleMs)
                slot.rateSampleMs = now
                slot.rateSampleProcessed = worker.processed
            }
        }
    }

    /// The router's entry for a slot's process: by name, else by pid.
    private func routerWorker(for slot: Slot, in status: RouterStatus) -> RouterStatus.Worker? {
        guard let pid = slot.child?.pid else { return nil }
        return status.workers.first { $0.name == slot.name && $0.pid == UInt32(pid) }
            ?? status.workers.first { $0.pid == UInt32(pid) && $0.stage == slot.stage }
    }

    private func sourcesFinished() -> Bool {
        let sources = slots.filter { if case .source = $0.role { return true } else { return false } }
        return !sources.isEmpty && sources.allSatisfy { if case .finished = $0.state { return true } else { return false } }
    }

    private func waitForActivity(timeoutMs: Int) {
        if let control {
            _ = try? control.poll(.readable, timeout: timeoutMs)
        } else {
            usleep(UInt32(timeoutMs * 1000))
        }
    }

    // MARK: Control

    private func answerControl() {
        guard let control else { return }
        while let message = try? control.receive(wait: false) {
            var message = message
            let request = try? JSONDecoder().decode(ControlRequest.self, from: Data(message.bytes))
            message.clear()
            let reply: ControlReply
            switch request?.command {
            case "status":
                reply = ControlReply(ok: true, message: "ok", status: status())
            case "stop":
                stopReason = "stop requested"
                reply = ControlReply(ok: true, message: "stopping: draining in-flight messages, then stopping every process")
            case "scale":
                reply = scale(stage: request?.stage ?? "", replicas: request?.replicas ?? -1)
            default:
                reply = ControlReply(ok: false, message: "unknown request; expected status, stop or scale")
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            _ = try? control.send(Array((try? encoder.encode(reply)) ?? Data("{}".utf8)), more: false, wait: true)
        }
    }

    /// The current status table.
    public func status() -> ClusterStatus {
        let now = MonotonicClock.nowMs()
        let children = slots.filter { !$0.removed }.map { slot -> ClusterStatus.Child in
            let worker = lastRouterStatus.flatMap { routerWorker(for: slot, in: $0) }
            let state: String
            switch slot.state {
            case .running: state = "running"
            case .restarting: state = "restarting"
            case .finished: state = "finished"
            case .stopped: state = "stopped"
            }
            return ClusterStatus.Child(
                name: slot.name, role: slot.roleName, stage: slot.stage, pid: slot.child?.pid ?? 0, state: state,
                uptimeSeconds: slot.child == nil ? 0 : Double(now - slot.startedAtMs) / 1000, restarts: slot.restarts,
                processed: worker?.processed ?? 0, inFlight: worker?.inFlight ?? 0, rate: slot.rate)
        }
        return ClusterStatus(
            children: children, router: lastRouterStatus, uptimeSeconds: Double(now - startedAtMs) / 1000,
            state: shuttingDown ? "stopping" : "running")
    }

    private func scale(stage: String, replicas: Int) -> ControlReply {
        guard let group = groups[stage] else {
            return ControlReply(ok: false, message: "no stage \(stage); stages: \(plan.groups.map(\.stage).joined(separator: ", "))")
        }
        guard (0...256).contains(replicas) else { return ControlReply(ok: false, message: "replicas must be 0…256") }
        let current = slots.filter { $0.stage == stage && !$0.removed }
        if replicas > current.count {
            var used = Set(current.map(\.name))
            var replica = 1
            for _ in current.count..<replicas {
                var spec = group.makeSpec(replica)
                while used.contains(spec.name) {
                    replica += 1
                    spec = group.makeSpec(replica)
                }
                used.insert(spec.name)
                let slot = Slot(name: spec.name, role: .worker(stage: stage), spec: spec)
                slots.append(slot)
                if let problem = start(slot) { return ControlReply(ok: false, message: problem) }
            }
        } else {
            for slot in current.suffix(current.count - replicas) {
                slot.removed = true
                slot.child?.signal(SIGTERM)  // finishes its batch and leaves; the router redelivers the rest
            }
        }
        groups[stage]?.replicas = replicas
        return ControlReply(ok: true, message: "\(stage): \(current.count) → \(replicas) replicas")
    }

    // MARK: Stopping

    private func shutdown(drain: Bool) {
        shuttingDown = true
        let grace = min(plan.drainTimeoutMs, 30_000)
        let sources = slots.filter { if case .source = $0.role { return true } else { return false } }
        for slot in sources { stop(slot, graceMs: grace) }
        if drain {
            _ = routerClient.request("drain", timeoutMs: 500)  // stop intake: new PUBLISH gets NACK, retry later
            let drained = waitForDrain(timeoutMs: plan.drainTimeoutMs)
            if !drained { logger.warning("drain timeout: stopping with messages still held", metadata: ["held": "\(lastRouterStatus?.held ?? -1)"]) }
        }
        for stage in plan.groups.map(\.stage) {
            for slot in slots where slot.stage == stage { stop(slot, graceMs: grace) }
        }
        for slot in slots where slot.child != nil { stop(slot, graceMs: grace) }
    }

    private func waitForDrain(timeoutMs: Int) -> Bool {
        let deadline = MonotonicClock.nowMs() + timeoutMs
        while MonotonicClock.nowMs() < deadline {
            _ = processes.reap()
            guard let status = routerClient.status(timeoutMs: 200) else { return false }
            lastRouterStatus = status
            if status.held == 0 { return true }
            usleep(20_000)
        }
        return false
    }

    private func stop(_ slot: Slot, graceMs: Int) {
        guard let child = slot.child else { return }
        processes.stop(child, graceMs: graceMs)
        slot.child = nil
        slot.state = .stopped
    }
}
