import Foundation

/// What a finished command produced.
public struct CommandResult: Sendable {
    /// Exit status, or 128 + signal number when killed by a signal.
    public var status: Int32
    /// Everything written to standard output.
    public var stdout: String
    /// Everything written to standard error.
    public var stderr: String
    /// Wall time in seconds.
    public var seconds: Double

    /// "status 1; stderr: …" for failure messages.
    public var summary: String {
        "status \(status)\n--- stdout ---\n\(stdout)\n--- stderr ---\n\(stderr)"
    }
}

/// A command that did not finish in time (it has been killed).
public struct CommandTimeout: Error, CustomStringConvertible {
    /// The command line.
    public var command: String
    /// The limit.
    public var seconds: Double
    /// Output so far.
    public var partial: CommandResult

    /// "… did not finish within N s".
    public var description: String { "\(command) did not finish within \(seconds) s\n\(partial.summary)" }
}

/// Runs commands with a time limit, capturing their output; for tests of real processes.
public enum CommandRunner {
    /// Runs `executable` with `arguments`; kills it with SIGKILL after `timeout` seconds and throws.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], currentDirectory: String? = nil,
        timeout: Double
    ) throws -> CommandResult {
        let running = try start(executable, arguments, environment: environment, currentDirectory: currentDirectory)
        return try running.wait(timeout: timeout)
    }

    /// Starts a command and returns at once; use ``RunningCommand/wait(timeout:)`` to collect it.
    public static func start(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], currentDirectory: String? = nil
    ) throws -> RunningCommand {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let command = ([executable] + arguments).joined(separator: " ")
        let running = RunningCommand(process: process, command: command, out: out, err: err)
        try process.run()
        running.startReading()
        return running
    }
}

/// A command started by ``CommandRunner/start(_:_:environment:currentDirectory:)``.
public final class RunningCommand: @unchecked Sendable {
    private let process: Process
    private let command: String
    private let out: Pipe
    private let err: Pipe
    private let lock = NSLock()
    private var stdoutData = Data()
    private var stderrData = Data()
    private let readers = DispatchGroup()
    private let started = Date()

    init(process: Process, command: String, out: Pipe, err: Pipe) {
        self.process = process
        self.command = command
        self.out = out
        self.err = err
    }

    /// The process id.
    public var pid: Int32 { process.processIdentifier }

    /// Whether it is still running.
    public var isRunning: Bool { process.isRunning }

    /// Output captured so far.
    public var stdoutSoFar: String { lock.withLock { String(decoding: stdoutData, as: UTF8.self) } }

    /// Error output captured so far.
    public var stderrSoFar: String { lock.withLock { String(decoding: stderrData, as: UTF8.self) } }

    func startReading() {
        for (pipe, isOut) in [(out, true), (err, false)] {
            readers.enter()
            let handle = pipe.fileHandleForReading
            Thread.detachNewThread { [self] in
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    lock.withLock { if isOut { stdoutData.append(chunk) } else { stderrData.append(chunk) } }
                }
                readers.leave()
            }
        }
    }

    /// Sends a signal.
    public func signal(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits for the command to end; kills it and throws ``CommandTimeout`` after `timeout` seconds.
    public func wait(timeout: Double) throws -> CommandResult {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            _ = readers.wait(timeout: .now() + 5)
            throw CommandTimeout(command: command, seconds: timeout, partial: result())
        }
        process.waitUntilExit()
        _ = readers.wait(timeout: .now() + 10)
        return result()
    }

    private func result() -> CommandResult {
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return lock.withLock {
            CommandResult(
                status: status, stdout: String(decoding: stdoutData, as: UTF8.self), stderr: String(decoding: stderrData, as: UTF8.self),
                seconds: Date().timeIntervalSince(started))
        }
    }
}

/// Processes of this machine, read from /proc.
public enum ProcessTable {
    /// Pids of live (not zombie) processes whose command line contains `marker`.
    public static func pids(commandLineContaining marker: String) -> [Int32] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        let me = getpid()
        return entries.compactMap { Int32($0) }.filter { pid in
            guard pid != me,
                let cmdline = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"),
                let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
            else { return false }
            // Field 3 of /proc/<pid>/stat is the state; Z = zombie (exited, not yet reaped).
            if let close = stat.lastIndex(of: ")"), stat[stat.index(close, offsetBy: 2)] == "Z" { return false }
            let text = String(decoding: cmdline.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            return text.contains(marker)
        }
    }
}

/// Bounded waiting for a condition, for tests: never a bare sleep.
public enum Eventually {
    /// Polls `condition` every `intervalMs` until it holds or `timeout` seconds pass; returns
    /// whether it held.
    public static func wait(timeout: Double, intervalMs: Int = 20, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if try condition() { return true }
            if Date() >= deadline { return false }
            usleep(UInt32(intervalMs * 1000))
        }
    }
}

/// Where things are, for tests of this package.
public enum TestPaths {
    /// The package root, found by walking up from a source file until `Package.swift` appears.
    public static func packageRoot(from file: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: file).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        fatalError("no Package.swift above \(file)")
    }

    /// The built `newsbus` executable: `$NEWSBUS_BIN`, else beside the running test bundle, else
    /// `.build/debug/newsbus` under the package root.
    public static func newsbusExecutable(from file: String = #filePath) -> String {
        if let explicit = ProcessInfo.processInfo.environment["NEWSBUS_BIN"] { return explicit }
        let fm = FileManager.default
        var candidates: [String] = []
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("newsbus").path)
        }
        let argv0 = URL(fileURLWithPath: CommandLine.arguments[0])
        candidates.append(argv0.deletingLastPathComponent().appendingPathComponent("newsbus").path)
        candidates.append(packageRoot(from: file).appendingPathComponent(".build/debug/newsbus").path)
        return candidates.first { fm.isExecutableFile(atPath: $0) } ?? candidates.last!
    }

    /// A new empty temporary folder.
    public static func temporaryFolder(_ prefix: String = "newsbus-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
