import Yams

/// Yams refuses a mapping with a repeated key before it hands over the tree, giving only the key
/// and the position of one occurrence. To name the key path and both lines, the text is composed
/// again with that occurrence renamed: the tree then shows where the renamed key sits and where
/// the other occurrence is.
enum DuplicateKeys {
    private static let marker = "__newsbus_duplicate__"

    static func error(key: String, mark: Mark, yaml: String, error: ErrorFactory) -> ConfigError {
        let fallback = ConfigError(
            code: .duplicateKey, keyPath: key, line: mark.line, column: mark.column,
            message: "duplicate key \(NodeReader.quote(key))", file: error.file)
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard mark.line >= 1, mark.line <= lines.count else { return fallback }
        var scalars = Array(lines[mark.line - 1].unicodeScalars)
        guard mark.column >= 1, mark.column - 1 <= scalars.count else { return fallback }
        scalars.insert(contentsOf: marker.unicodeScalars, at: mark.column - 1)
        var renamed = String.UnicodeScalarView()
        renamed.append(contentsOf: scalars)
        lines[mark.line - 1] = String(renamed)
        guard let root = try? Yams.compose(yaml: lines.joined(separator: "\n")),
            let (path, marked, other) = find(in: root, path: "", key: key)
        else { return fallback }
        // Report the later occurrence; the message points back at the earlier one.
        let (first, second) = (marked.line, marked.column) < (other.line, other.column) ? (marked, other) : (other, marked)
        return ConfigError(
            code: .duplicateKey, keyPath: NodeReader.join(path, key), line: second.line, column: second.column,
            message: "duplicate key \(NodeReader.quote(key)) (first at line \(first.line), column \(first.column))", file: error.file)
    }

    /// The path of the mapping holding the renamed key, the renamed key's mark, and the mark of
    /// the other occurrence.
    private static func find(in node: Node, path: String, key: String) -> (String, Mark, Mark)? {
        switch node {
        case let .mapping(mapping):
            let keys = mapping.map(\.key)
            if let marked = keys.first(where: { $0.scalar?.string == marker + key || $0.scalar?.string.hasPrefix(marker) == true }),
                let other = keys.first(where: { $0.scalar?.string == key }), let markedMark = marked.mark, let otherMark = other.mark
            {
                // The marker sits before the key's first character, so the marks are the original ones.
                return (path, markedMark, otherMark)
            }
            for (childKey, value) in mapping {
                let childPath = NodeReader.join(path, childKey.scalar?.string ?? "?")
                if let found = find(in: value, path: childPath, key: key) { return found }
            }
        case let .sequence(sequence):
            for (index, item) in sequence.enumerated() {
                if let found = find(in: item, path: "\(path)[\(index)]", key: key) { return found }
            }
        default:
            break
        }
        return nil
    }
}
