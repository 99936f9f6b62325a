import Foundation
import NewsbusIngest
import NewsbusWire

/// An append-only JSON Lines file of error records: one object per line with `recorded_at`,
/// `source`, `locator`, `code`, `reason` and, for an item of a feed, its `index`, `line` and
/// `column`. Every record is also printed on stderr. A record that cannot be written is printed
/// only; the source goes on.
struct ErrorRecordLog {
    let path: String
    let sourceName: String

    /// Records an item of a document that could not become an article.
    func record(_ issue: ItemIssue, locator: String) {
        append(issue.jsonFields.merging(["locator": locator]) { old, _ in old })
        printError("\(locator): \(issue.summary)")
    }

    /// Records a whole input that could not be read, or an article the bus refused.
    func record(code: String, reason: String, locator: String) {
        append(["code": code, "reason": reason, "locator": locator])
        printError("\(locator): \(reason)")
    }

    private func append(_ fields: [String: Any]) {
        var record = fields
        record["recorded_at"] = Timestamp.now()
        record["source"] = sourceName
        guard var line = try? JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]) else { return }
        line.append(0x0A)
        if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            printError("cannot write the error record log \(path)")
            return
        }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: line)
    }
}

extension ItemIssue {
    /// The issue as a JSON object: `index`, `line`, `column`, `code`, `reason` (every error record
    /// and HTTP answer spells it this way).
    var jsonFields: [String: Any] {
        ["index": index, "line": line, "column": column, "code": code, "reason": reason]
    }
}
