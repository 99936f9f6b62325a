import Foundation

/// Where things are in the Newsbus checkout, found from this source file.
enum Repo {
    /// The package root (this file is `Tests/NewsbusWireTests/Support/WirePeer.swift`).
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // NewsbusWireTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// `Tests/NewsbusWireTests/Fixtures/<name>`.
    static func fixture(_ name: String) -> URL {
        root.appendingPathComponent("Tests/NewsbusWireTests/Fixtures").appendingPathComponent(name)
    }
}

/// Google's protobuf implementation, driven through `scripts/wire-peer/peer.py`.
///
/// Missing prerequisites are a test failure, never a skip: ``requireAvailable()`` throws an error
/// that says to run `make test`, which installs them.
enum WirePeer {
    static let script = Repo.root.appendingPathComponent("scripts/wire-peer/peer.py")
    static let timeout: Duration = .seconds(60)

    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    /// python3 with google.protobuf, and protoc, or why not (checked once per test run).
    private static let availability: Result<URL, Unavailable> = {
        let hint = "Run `make test`, which installs protoc and the Python protobuf package "
            + "(pip install 'protobuf>=4.21,<5'); the Google compatibility tests cannot run without them."
        guard let python = findOnPath("python3") else {
            return .failure(Unavailable(description: "python3 is not on PATH. \(hint)"))
        }
        guard findOnPath("protoc") != nil else {
            return .failure(Unavailable(description: "protoc is not on PATH. \(hint)"))
        }
        do {
            let probe = try runProcess(python, ["-c", "import google.protobuf, google.protobuf.json_format"], timeout: timeout)
            guard probe.status == 0 else {
                return .failure(Unavailable(
                    description: "python3 cannot import google.protobuf (\(probe.stderrText.trimmingCharacters(in: .whitespacesAndNewlines))). \(hint)"
                ))
            }
        } catch {
            return .failure(Unavailable(description: "\(error). \(hint)"))
        }
        return .success(python)
    }()

    /// Throws, with instructions, unless the peer can run.
    @discardableResult
    static func requireAvailable() throws -> URL {
        try availability.get()
    }

    /// Runs the peer; throws with its stderr unless it exits 0.
    static func run(_ arguments: [String]) throws -> ProcessResult {
        let python = try requireAvailable()
        let result = try runProcess(python, [script.path] + arguments, timeout: timeout)
        guard result.status == 0 else {
            throw SubprocessError(description: "peer.py \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderrText)")
        }
        return result
    }

    /// Google's parse of `bytes` as `newsbus.v1.<message>`, as proto3 JSON.
    static func decode(_ message: String, _ bytes: [UInt8]) throws -> [String: Any] {
        let file = temporaryFile("bin")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(bytes).write(to: file)
        let result = try run(["decode", message, file.path])
        guard let object = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any] else {
            throw SubprocessError(description: "peer.py decode printed no JSON object: \(result.stdoutText)")
        }
        return object
    }

    /// Google's serialization of the JSON in `jsonFile` as `newsbus.v1.<message>`.
    static func encode(_ message: String, jsonFile: URL) throws -> [UInt8] {
        let out = temporaryFile("bin")
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try run(["encode", message, jsonFile.path, out.path])
        return [UInt8](try Data(contentsOf: out))
    }

    /// Google's serialization of a JSON object.
    static func encode(_ message: String, json: [String: Any]) throws -> [UInt8] {
        let file = temporaryFile("json")
        defer { try? FileManager.default.removeItem(at: file) }
        try JSONSerialization.data(withJSONObject: json).write(to: file)
        return try encode(message, jsonFile: file)
    }

    private static func temporaryFile(_ ext: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("newsbus-peer-\(UUID().uuidString).\(ext)")
    }
}
