import Foundation

/// Copies a child's output to the supervisor's stderr line by line, prefixed with the child's
/// name (`store        | …`), like `docker compose` or `foreman`.
final class OutputPrefixer: @unchecked Sendable {
    private static let lock = NSLock()
    private let prefix: String
    private let fd: Int32

    init(name: String, width: Int, readFrom fd: Int32) {
        prefix = name.padding(toLength: max(width, name.count), withPad: " ", startingAt: 0) + " | "
        self.fd = fd
    }

    /// Starts a thread that copies until the child closes its end; returns the thread.
    func start() -> Thread {
        let thread = Thread { [self] in run() }
        thread.name = "output \(prefix)"
        thread.start()
        return thread
    }

    private func run() {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 << 10)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            pending.append(contentsOf: buffer[0..<n])
            while let newline = pending.firstIndex(of: 0x0A) {
                emit(pending[..<newline])
                pending.removeSubrange(...newline)
            }
            if pending.count > 64 << 10 {  // a very long line: flush what we have
                emit(pending[...])
                pending.removeAll()
            }
        }
        if !pending.isEmpty { emit(pending[...]) }
        close(fd)
    }

    private func emit(_ line: ArraySlice<UInt8>) {
        var out = Array(prefix.utf8)
        out.append(contentsOf: line)
        out.append(0x0A)
        Self.lock.lock()
        defer { Self.lock.unlock() }
        out.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(2, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 { if errno == EINTR { continue } else { return } }
                offset += written
            }
        }
    }
}
