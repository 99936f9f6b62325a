import Foundation
import NewsbusIngest
import NewsbusWire

/// Turns files and folders into articles (plain-text page scrapes for now).
struct FileIngest {
    /// One input file's fate.
    enum Item {
        case article(Article, file: String)
        case rejected(file: String, reason: String)
    }

    let parser = TextScrapeParser()
    let sourceName: String

    /// Files under `paths`, sorted; folders are walked recursively, hidden entries skipped.
    static func files(under paths: [String]) throws -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw IngestInputError("no such file or folder: \(path)")
            }
            if !isDirectory.boolValue {
                files.append(path)
                continue
            }
            guard let walker = fm.enumerator(atPath: path) else { throw IngestInputError("cannot read folder \(path)") }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    walker.skipDescendants()
                    continue
                }
                let full = (path as NSString).appendingPathComponent(relative)
                var dir: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &dir), !dir.boolValue, Self.looksLikeArticle(name) { found.append(full) }
            }
            files.append(contentsOf: found.sorted())
        }
        return files
    }

    /// Plain-text scrapes: `.txt` files (README files are documentation, not input).
    static func looksLikeArticle(_ name: String) -> Bool {
        name.lowercased().hasSuffix(".txt")
    }

    /// Reads and parses one file.
    func item(for file: String) -> Item {
        guard let data = FileManager.default.contents(atPath: file) else {
            return .rejected(file: file, reason: "cannot read the file")
        }
        do {
            let page = try parser.parse(bytes: [UInt8](data))
            let article = page.article(
                source: Article.Source(kind: "file", name: sourceName, locator: file),
                receivedAt: Timestamp.now(), filename: (file as NSString).lastPathComponent)
            return .article(article, file: file)
        } catch {
            return .rejected(file: file, reason: error.description)
        }
    }
}

/// A bad command-line input.
struct IngestInputError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
