import Foundation
import NewsbusIngest
import NewsbusWire

import NewsbusSDK
import NewsbusTesting

/// Turns files and folders into articles: every input format the ``Ingestor`` reads.
struct FileIngest {
    /// One input file's fate.
    enum Item {
        /// The file's articles, and the items of a feed or ninjs array that were left out.
        case articles([Article], file: String, format: InputFormat, issues: [ItemIssue])
        case rejected(file: String, reason: String)
    }

    let ingestor: Ingestor
    let sourceName: String

    init(sourceName: String, ingestor: Ingestor = Ingestor()) {
        self.sourceName = sourceName
        self.ingestor = ingestor
    }

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

    /// Extensions read when walking a folder: text scrapes, HTML pages, feeds, ninjs (README and
    /// other documentation files are not input). A file named explicitly is always read.
    static let inputExtensions: Set<String> = ["txt", "text", "html", "htm", "xhtml", "xml", "rss", "atom", "json", "ninjs"]

    static func looksLikeArticle(_ name: String) -> Bool {
        guard let ext = name.split(separator: ".").last, name.contains(".") else { return false }
        return inputExtensions.contains(ext.lowercased())
    }

    /// Reads and parses one file.
    func item(for file: String) -> Item {
        // Refuse an oversized file from its size, without reading it into memory.
        if let size = (try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int, size > ingestor.maxBytes {
            return .rejected(file: file, reason: IngestError.tooLarge(bytes: size, limit: ingestor.maxBytes).description)
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            return .rejected(file: file, reason: "cannot read the file")
        }
        let context = IngestContext(
            sourceName: sourceName, sourceKind: "file", locator: file, receivedAt: Timestamp.now(),
            filename: (file as NSString).lastPathComponent)
        do {
            let result = try ingestor.ingest([UInt8](data), context: context)
            return .articles(result.articles, file: file, format: result.format, issues: result.issues)
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

/// A one-shot ``Source`` over a list of files; reports each file's fate on stderr.
struct FileListSource: Source {
    let name: String
    private let ingest: FileIngest
    private var files: [String]
    private var index = 0
    /// Files whose articles were refused by the bus, with the reason.
    private(set) var refused: [(String, String)] = []
    /// Items of feeds and ninjs arrays left out (the file's other items were published).
    private(set) var itemIssues = 0

    init(name: String, files: [String], ingestor: Ingestor = Ingestor()) {
        self.name = name
        self.files = files
        ingest = FileIngest(sourceName: name, ingestor: ingestor)
    }

    var isExhausted: Bool { index >= files.count }

    mutating func next() throws -> SourceItem? {
        guard index < files.count else { return nil }
        defer { index += 1 }
        switch ingest.item(for: files[index]) {
        case let .articles(articles, file, _, issues):
            for issue in issues { printError("\(file): \(issue.summary)") }
            itemIssues += issues.count
            return .articles(key: file, articles)
        case let .rejected(file, reason): return .rejected(key: file, reason: reason)
        }
    }

    mutating func finished(key: String, outcome: SourceOutcome) {
        switch outcome {
        case .stored: break
        case let .rejected(reason): printError("\(key): rejected: \(reason)")
        case let .refused(reason): refused.append((key, reason))
        }
    }
}

/// A one-shot ``Source`` of generated articles, for load and fault tests.
struct GeneratedSource: Source {
    let name: String
    private var generator: ArticleGenerator
    private let count: Int
    private let seed: UInt64
    private var produced = 0

    init(name: String, count: Int, seed: UInt64, size: Int) {
        self.name = name
        self.count = count
        self.seed = seed
        generator = ArticleGenerator(seed: seed, sizeBytes: size)
    }

    var isExhausted: Bool { produced >= count }

    mutating func next() throws -> SourceItem? {
        guard produced < count else { return nil }
        produced += 1
        var article = generator.next()
        article.source = Article.Source(kind: "generated", name: name, locator: "seed:\(seed)")
        return .articles(key: "generated-\(produced)", [article])
    }

    mutating func finished(key: String, outcome: SourceOutcome) {
        if case let .refused(reason) = outcome { printError("\(key): refused by the bus: \(reason)") }
    }
}
