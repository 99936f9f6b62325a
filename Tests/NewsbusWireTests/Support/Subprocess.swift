import Foundation

/// What a finished subprocess left behind.
struct ProcessResult: Sendable {
    var status: Int32
    var stdout: Data
    var stderr: Data
    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// Why a subprocess could not be run to completion.
struct SubprocessError: Error, CustomStringConvertible {
    var description: String
}

/// Runs `executable` with `arguments`, waiting at most `timeout`.
///
/// Output goes to temporary files rather than pipes, so a chatty child can never block on a full
/// pipe. On timeout the child gets SIGTERM, then SIGKILL after a grace second, and the call throws
/// a ``SubprocessError`` naming the command and the limit, with whatever it wrote to stderr.
func runProcess(
    _ executable: URL, _ arguments: [String], timeout: Duration = .seconds(60), currentDirectory: URL? = nil
) throws -> ProcessResult {
    let scratch = FileManager.default.temporaryDirectory
        .appendingPathComponent("newsbus-subprocess-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    defer {
        try? out.close()
        try? err.close()
    }

    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = out
    process.standardError = err
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }

    let command = ([executable.path] + arguments).joined(separator: " ")
    do {
        try process.run()
    } catch {
        throw SubprocessError(description: "could not start \(command): \(error)")
    }
    let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
    if finished.wait(timeout: .now() + seconds) == .timedOut {
        process.terminate()
        if finished.wait(timeout: .now() + 1) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        let stderr = (try? Data(contentsOf: errURL)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        throw SubprocessError(
            description: "timed out after \(timeout): \(command) (killed); stderr: \(stderr.isEmpty ? "(empty)" : stderr)"
        )
    }
    process.waitUntilExit()
    return ProcessResult(
        status: process.terminationStatus,
        stdout: (try? Data(contentsOf: outURL)) ?? Data(),
        stderr: (try? Data(contentsOf: errURL)) ?? Data()
    )
}

/// The first executable called `name` on `PATH`, or nil.
func findOnPath(_ name: String) -> URL? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in path.split(separator: ":") where !directory.isEmpty {
        let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
}
