import Foundation
import NewsbusBus
import NewsbusZMQ

/// Asks the router's control socket for `ping` and `status`, with a timeout.
///
/// Uses a REQ socket and replaces it after a timeout (a REQ socket that sent a request must get
/// its reply before it can send again; a fresh socket forgets the lost one).
final class RouterControlClient {
    private let context: ZMQContext
    private let endpoint: String
    private var socket: ZMQSocket?

    init(context: ZMQContext, endpoint: String) {
        self.context = context
        self.endpoint = endpoint
    }

    deinit { socket?.close(linger: 0) }

    /// Sends `command`; returns the reply, or nil when none came within `timeoutMs`.
    func request(_ command: String, timeoutMs: Int) -> [UInt8]? {
        do {
            if socket == nil {
                let s = try context.makeSocket(.req)
                try s.set(.linger, 0)
                try s.connect(endpoint)
                socket = s
            }
            guard let socket else { return nil }
            try socket.send(command, more: false, wait: true)
            let deadline = MonotonicClock.nowMs() + timeoutMs
            while MonotonicClock.nowMs() < deadline {
                let events = try socket.poll(.readable, timeout: max(1, deadline - MonotonicClock.nowMs()))
                if events.contains(.readable), let reply = try socket.receive(wait: false) {
                    return reply.bytes
                }
            }
        } catch {
            // fall through: replace the socket
        }
        socket?.close(linger: 0)
        socket = nil
        return nil
    }

    /// True when the router answers `ping`.
    func ping(timeoutMs: Int) -> Bool {
        request("ping", timeoutMs: timeoutMs).map { String(decoding: $0, as: UTF8.self) == "pong" } ?? false
    }

    /// The router's status, or nil when it did not answer.
    func status(timeoutMs: Int) -> RouterStatus? {
        guard let bytes = request("status", timeoutMs: timeoutMs) else { return nil }
        return try? JSONDecoder().decode(RouterStatus.self, from: Data(bytes))
    }
}
