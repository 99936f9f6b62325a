import Foundation
import NewsbusIngest
import NewsbusSDK
import NewsbusWire

/// A watched folder: every file dropped into it is published; once all its articles are stored
/// end to end it moves to `done/`, and a file that cannot be read moves to `rejected/` with a
/// `<name>.error.json` beside it. A file stays in the inbox until then, so after a crash or a
/// restart it is simply read again (the store drops what it already has): nothing is lost and
/// nothing is stored twice. A feed or ninjs array with some unusable items goes to `done/` once
/// its good items are stored, with a `<name>.issues.json` beside it listing the others.
///
/// Writers should create files elsewhere (or with a leading dot or a `.part`/`.tmp` suffix) and
/// rename them into the inbox; a file is also only taken once its size and modification time have
/// stayed the same for one poll.
struct InboxSource: Source {
    let name: String
    let inbox: URL
    let done: URL
    let rejected: URL
    private let ingest: FileIngest
    private var queue: [String] = []
    private var inFlight: Set<String> = []
    private var issues: [String: [ItemIssue]] = [:]
    private var lastSeen: [String: (Int, Date)] = [:]
    private var lastScan = Date.distantPast
    private let scanInterval: TimeInterval
    /// Counts for the summary.
    private(set) var moved = 0
    private(set) var rejectedCount = 0

    init(name: String, path: String, ingestor: Ingestor = Ingestor(), scanInterval: TimeInterval = 0.2) throws {
        self.name = name
        inbox = URL(fileURLWithPath: path, isDirectory: true)
        done = inbox.appendingPathComponent("done", isDirectory: true)
        rejected = inbox.appendingPathComponent("rejected", isDirectory: true)
        ingest = FileIngest(sourceName: name, ingestor: ingestor)
        self.scanInterval = scanInterval
        for folder in [inbox, done, rejected] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
    }

    var isExhausted: Bool { false }

    mutating func next() throws -> SourceItem? {
        if queue.isEmpty && Date().timeIntervalSince(lastScan) >= scanInterval { scan() }
        guard !queue.isEmpty else { return nil }
        let file = queue.removeFirst()
        inFlight.insert(file)
        switch ingest.item(for: file) {
        case let .articles(articles, file, _, itemIssues):
            if !itemIssues.isEmpty { issues[file] = itemIssues }
            return .articles(key: file, articles)
        case let .rejected(file, reason): return .rejected(key: file, reason: reason)
        }
    }

    mutating func finished(key: String, outcome: SourceOutcome) {
        inFlight.remove(key)
        lastSeen[key] = nil
        let itemIssues = issues.removeValue(forKey: key) ?? []
        let file = URL(fileURLWithPath: key)
        switch outcome {
        case .stored:
            guard let target = move(file, to: done) else { return }
            moved += 1
            if !itemIssues.isEmpty { writeIssues(itemIssues, of: file, beside: target) }
        case let .rejected(reason), let .refused(reason):
            rejectedCount += 1
            guard let target = move(file, to: rejected) else { return }
            let record: [String: Any] = [
                "file": file.lastPathComponent, "reason": reason, "rejected_at": Timestamp.now(),
                "kind": { if case .rejected = outcome { return "unreadable" } else { return "refused by the bus" } }(),
            ]
            if let data = try? JSONSerialization.data(withJSONObject: record, options: [.prettyPrinted, .sortedKeys]) {
                try? data.write(to: target.appendingPathExtension("error.json"))
            }
            printError("\(file.lastPathComponent): moved to rejected/: \(reason)")
        }
    }

    /// Writes `<name>.issues.json`: the items of `file` that could not become articles.
    private func writeIssues(_ itemIssues: [ItemIssue], of file: URL, beside target: URL) {
        let record: [String: Any] = [
            "file": file.lastPathComponent, "recorded_at": Timestamp.now(),
            "items": itemIssues.map(\.jsonFields),
        ]
        if let data = try? JSONSerialization.data(withJSONObject: record, options: [.prettyPrinted, .sortedKeys]) {
            try? data.write(to: target.appendingPathExtension("issues.json"))
        }
        for issue in itemIssues { printError("\(file.lastPathComponent): \(issue.summary)") }
    }

    /// Lists the inbox; files whose size and modification time are unchanged since the last scan
    /// join the queue (oldest first).
    private mutating func scan() {
        lastScan = Date()
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: inbox.path) else { return }
        var ready: [(String, Date)] = []
        var present: Set<String> = []
        for name in names where !name.hasPrefix(".") && !name.hasSuffix(".part") && !name.hasSuffix(".tmp") {
            let path = inbox.appendingPathComponent(name).path
            guard let attributes = try? fm.attributesOfItem(atPath: path), attributes[.type] as? FileAttributeType == .typeRegular else { continue }
            present.insert(path)
            guard !inFlight.contains(path), !queue.contains(path) else { continue }
            let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
            let modified = attributes[.modificationDate] as? Date ?? .distantPast
            if let previous = lastSeen[path], previous.0 == size, previous.1 == modified {
                ready.append((path, modified))
            } else {
                lastSeen[path] = (size, modified)
            }
        }
        for path in lastSeen.keys where !present.contains(path) { lastSeen[path] = nil }
        queue.append(contentsOf: ready.sorted { $0.1 < $1.1 }.map(\.0))
    }

    /// Moves a file into a folder, adding a numeric suffix when the name is taken; returns the new URL.
    private func move(_ file: URL, to folder: URL) -> URL? {
        let fm = FileManager.default
        var target = folder.appendingPathComponent(file.lastPathComponent)
        var n = 1
        while fm.fileExists(atPath: target.path) {
            n += 1
            target = folder.appendingPathComponent("\(file.deletingPathExtension().lastPathComponent)-\(n).\(file.pathExtension)")
        }
        do {
            try fm.moveItem(at: file, to: target)
            return target
        } catch {
            printError("\(file.lastPathComponent): cannot move to \(folder.lastPathComponent)/: \(error)")
            return nil
        }
    }
}
