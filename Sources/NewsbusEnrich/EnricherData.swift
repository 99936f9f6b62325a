import Foundation

/// Why an enricher's data file could not be loaded.
public struct EnricherDataError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file, relative to the module's `Resources` folder (e.g. "language/profiles.tsv").
    public var file: String
    /// The 1-based line at fault, or 0 when the problem is not about one line.
    public var line: Int
    /// What is wrong.
    public var reason: String

    /// Creates an error.
    public init(file: String, line: Int = 0, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// "language/profiles.tsv:12: …" or "language/profiles.tsv: …".
    public var description: String {
        line > 0 ? "enricher data \(file):\(line): \(reason)" : "enricher data \(file): \(reason)"
    }
}

/// Reads the data files shipped in the module's `Resources` folder.
///
/// SwiftPM's `Bundle.module` traps when the resource bundle is missing, so the bundle's presence is
/// checked first and a missing bundle becomes an ``EnricherDataError``. The environment variable
/// `NEWSBUS_ENRICH_RESOURCES` may name another folder with the same layout (for deployments that
/// move the executable without its resource bundle, or to try new data).
enum EnricherData {
    /// The environment variable naming a replacement `Resources` folder.
    static let overrideVariable = "NEWSBUS_ENRICH_RESOURCES"

    /// The UTF-8 text of `Resources/<file>`.
    static func text(_ file: String) throws(EnricherDataError) -> String {
        guard let folder = resourcesFolder() else {
            throw EnricherDataError(
                file: file,
                reason: "the resource bundle Newsbus_NewsbusEnrich.resources is not next to the executable "
                    + "(\(Bundle.main.bundleURL.path)); copy it there or set \(overrideVariable) to its Resources folder")
        }
        return try text(file, in: folder)
    }

    /// The UTF-8 text of `<folder>/<file>`.
    static func text(_ file: String, in folder: URL) throws(EnricherDataError) -> String {
        let url = folder.appendingPathComponent(file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw EnricherDataError(file: file, reason: "missing or unreadable at \(url.path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw EnricherDataError(file: file, reason: "not valid UTF-8")
        }
        return text
    }

    /// The `Resources/<name>` folder, if present.
    static func folder(_ name: String) -> URL? {
        guard let folder = resourcesFolder()?.appendingPathComponent(name, isDirectory: true) else { return nil }
        return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
    }

    /// `NEWSBUS_ENRICH_RESOURCES`, else the resource bundle's `Resources` folder: where
    /// `Bundle.module` looks (beside the executable, or beside a test bundle), without its trap.
    static func resourcesFolder() -> URL? {
        if let override = ProcessInfo.processInfo.environment[overrideVariable], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        let bundleName = "Newsbus_NewsbusEnrich.resources"
        var candidates = [Bundle.main.bundleURL.appendingPathComponent(bundleName)]
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent(bundleName))
        }
        candidates += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent().appendingPathComponent(bundleName) }
        return candidates.lazy.map { $0.appendingPathComponent("Resources", isDirectory: true) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }
}
