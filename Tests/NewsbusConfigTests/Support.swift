import Foundation
import NewsbusConfig
import Testing

/// The folder the configurations under test pretend to live in.
let base = "/srv/newsroom"

/// Parses `yaml` as if it were `/srv/newsroom/newsbus.yaml`.
func parse(
    _ yaml: String, environment: [String: String] = [:], overrides: ConfigOverrides = .none
) throws(ConfigError) -> ClusterConfig {
    try ConfigLoader.parse(yaml: yaml, baseDirectory: base, environment: environment, overrides: overrides, file: "newsbus.yaml")
}

/// The error `yaml` gives, or `nil` when it loads.
func failure(
    _ yaml: String, environment: [String: String] = [:], overrides: ConfigOverrides = .none
) -> ConfigError? {
    do {
        _ = try parse(yaml, environment: environment, overrides: overrides)
        return nil
    } catch {
        return error
    }
}

/// Checks that `yaml` fails with this code, key path and position.
func expectFailure(
    _ yaml: String, environment: [String: String] = [:], overrides: ConfigOverrides = .none,
    code: ConfigError.Code, keyPath: String, line: Int?, column: Int? = nil, messageContains: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let error = failure(yaml, environment: environment, overrides: overrides) else {
        Issue.record("expected \(code) at \(keyPath), but the configuration loaded", sourceLocation: sourceLocation)
        return
    }
    #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
    #expect(error.keyPath == keyPath, "\(error)", sourceLocation: sourceLocation)
    #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
    if let column { #expect(error.column == column, "\(error)", sourceLocation: sourceLocation) }
    if let messageContains {
        #expect(error.message.contains(messageContains), "\(error)", sourceLocation: sourceLocation)
    }
    if line != nil { #expect(error.file == "newsbus.yaml", sourceLocation: sourceLocation) }
}

/// The package's root folder, found from this file's path.
let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// A new empty folder under the temporary directory, removed by `body`'s end.
func withTemporaryFolder<T>(_ body: (String) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.path + "/nbcfg-" + String(UUID().uuidString.prefix(8))
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return try body(URL(fileURLWithPath: folder).standardizedFileURL.path)
}

/// A minimal valid cluster with two workers, for tests that add to it.
let minimalWorkers = """
    workers:
      - stage: enrich.stats
        kind: stats
      - stage: store
        kind: store
    """

/// The error loading the file at `path` gives, or `nil` when it loads.
func loadError(_ path: String, environment: [String: String] = [:]) -> ConfigError? {
    do {
        _ = try ConfigLoader.load(path: path, environment: environment)
        return nil
    } catch {
        return error
    }
}
