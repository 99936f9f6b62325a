import Foundation

/// Finds a folder of the Newsbus checkout (the fixture sets) from wherever a command runs.
public enum PackageFolder {
    /// The first `relativePath` found in `directory` or a folder above it.
    public static func find(_ relativePath: String, searchingUpFrom directory: URL) -> URL? {
        var folder = directory.standardizedFileURL
        while true {
            let candidate = folder.appendingPathComponent(relativePath)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }
}
