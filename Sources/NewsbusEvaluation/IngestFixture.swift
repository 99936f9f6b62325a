import Foundation
import NewsbusIngest

/// One ingest fixture: an input file and the expectation beside it (`rss-dates.xml` and
/// `rss-dates.expected.json`).
public struct IngestFixture: Sendable {
    /// The input, relative to the fixture folder: `html/01-jsonld-only.html`.
    public var name: String
    /// The input's bytes.
    public var bytes: [UInt8]
    /// What the input must give.
    public var expectation: IngestExpectation

    /// The time of ingest every fixture is read at; `"RECEIVED"` in an expectation stands for it.
    public static let receivedAt = "2030-01-01T00:00:00Z"

    /// Creates a fixture.
    public init(name: String, bytes: [UInt8], expectation: IngestExpectation) {
        self.name = name
        self.bytes = bytes
        self.expectation = expectation
    }

    /// The input's file name: `01-jsonld-only.html`.
    public var filename: String { String(name.split(separator: "/").last ?? Substring(name)) }

    /// The context the fixture is ingested with: a file named as the fixture, received at
    /// ``receivedAt``.
    public var context: IngestContext {
        IngestContext(sourceName: "fixtures", sourceKind: "file", locator: "Fixtures/" + name, receivedAt: Self.receivedAt, filename: filename)
    }

    /// The expected format.
    public var format: InputFormat? { InputFormat.allCases.first { $0.shortName == expectation.format } }
}

/// Why a fixture folder could not be read.
public struct IngestFixtureError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file concerned.
    public var path: String
    /// What is wrong.
    public var reason: String

    /// `path: reason`.
    public var description: String { "\(path): \(reason)" }
}

/// Finds and reads the fixtures of a folder.
public enum IngestFixtures {
    /// The suffix of expectation files.
    public static let expectationSuffix = ".expected.json"

    /// Every fixture under `directory` (its subfolders included), sorted by name.
    ///
    /// Each input needs its expectation and each expectation its input: an input `NAME.EXT`
    /// (any extension) pairs with `NAME.expected.json` in the same folder. Files named
    /// `README.md` are not inputs.
    public static func load(from directory: URL) throws(IngestFixtureError) -> [IngestFixture] {
        let root = directory.standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw IngestFixtureError(path: root.path, reason: "no such folder")
        }
        var inputs: [String: URL] = [:]
        var expectations: [String: URL] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let relative = relativePath(of: url, under: root)
            let file = url.lastPathComponent
            if file.hasSuffix(expectationSuffix) {
                expectations[String(relative.dropLast(expectationSuffix.count))] = url
            } else if file != "README.md", !file.hasPrefix(".") {
                inputs[relative] = url
            }
        }
        var fixtures: [IngestFixture] = []
        var paired: Set<String> = []
        for (name, url) in inputs.sorted(by: { $0.key < $1.key }) {
            let stem = stripExtension(name)
            guard let expectationURL = expectations[stem] else {
                throw IngestFixtureError(path: url.path, reason: "no \(stem.split(separator: "/").last ?? "")\(expectationSuffix) beside it")
            }
            guard paired.insert(stem).inserted else {
                throw IngestFixtureError(path: url.path, reason: "another input has the same name before its extension")
            }
            fixtures.append(IngestFixture(name: name, bytes: try read(url), expectation: try decode(expectationURL)))
        }
        if let orphan = expectations.keys.sorted().first(where: { !paired.contains($0) }), let url = expectations[orphan] {
            throw IngestFixtureError(path: url.path, reason: "no input file beside this expectation")
        }
        return fixtures
    }

    /// `Tests/NewsbusIngestTests/Fixtures` in the package that holds `directory` or one of its
    /// parents, or nil.
    public static func packageFixtures(searchingUpFrom directory: URL) -> URL? {
        PackageFolder.find("Tests/NewsbusIngestTests/Fixtures", searchingUpFrom: directory)
    }

    private static func relativePath(of url: URL, under root: URL) -> String {
        let path = url.standardizedFileURL.path
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : url.lastPathComponent
    }

    private static func stripExtension(_ name: String) -> String {
        let file = name.split(separator: "/").last ?? Substring(name)
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return name }
        return String(name.dropLast(file.distance(from: dot, to: file.endIndex)))
    }

    private static func read(_ url: URL) throws(IngestFixtureError) -> [UInt8] {
        do {
            return [UInt8](try Data(contentsOf: url))
        } catch {
            throw IngestFixtureError(path: url.path, reason: "cannot be read: \(error.localizedDescription)")
        }
    }

    private static func decode(_ url: URL) throws(IngestFixtureError) -> IngestExpectation {
        do {
            return try JSONDecoder().decode(IngestExpectation.self, from: Data(contentsOf: url))
        } catch let error as DecodingError {
            throw IngestFixtureError(path: url.path, reason: "not a valid expectation: \(describe(error))")
        } catch {
            throw IngestFixtureError(path: url.path, reason: "cannot be read: \(error.localizedDescription)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case let .keyNotFound(key, context): return "\(path(context)).\(key.stringValue) missing"
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
