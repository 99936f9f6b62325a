import Foundation
import Yams

/// Where a value came from; errors about the value are reported accordingly.
enum Origin: Hashable, Sendable {
    /// The configuration file, at this position.
    case file(line: Int, column: Int)
    /// An environment variable.
    case environment(String)
    /// A command-line flag, e.g. `--endpoint`.
    case flag(String)
    /// A built-in default.
    case defaultValue

    init(_ mark: Mark?) {
        self = mark.map { .file(line: $0.line, column: $0.column) } ?? .defaultValue
    }

    init(_ node: Node) { self.init(node.mark) }

    /// The precedence of each origin: a higher one wins.
    var rank: Int {
        switch self {
        case .defaultValue: 0
        case .file: 1
        case .environment: 2
        case .flag: 3
        }
    }
}

/// A value and where it came from.
struct Located<Value: Hashable & Sendable>: Hashable, Sendable {
    var value: Value
    var origin: Origin
}

/// Builds ``ConfigError``s for one load.
struct ErrorFactory: Sendable {
    let file: String?

    func callAsFunction(_ code: ConfigError.Code, _ keyPath: String, _ origin: Origin, _ message: String) -> ConfigError {
        switch origin {
        case let .file(line, column):
            ConfigError(code: code, keyPath: keyPath, line: line, column: column, message: message, file: file)
        case let .environment(variable):
            ConfigError(code: code, keyPath: keyPath, message: "environment variable \(variable): \(message)")
        case let .flag(flag):
            ConfigError(code: code, keyPath: keyPath, message: "flag \(flag): \(message)")
        case .defaultValue:
            ConfigError(code: code, keyPath: keyPath, message: message, file: file)
        }
    }

    func callAsFunction(_ code: ConfigError.Code, _ keyPath: String, _ node: Node, _ message: String) -> ConfigError {
        self(code, keyPath, Origin(node), message)
    }
}

/// Typed access to the composed YAML tree, with key paths and positions for every error.
struct NodeReader {
    let error: ErrorFactory

    // MARK: Shapes

    static func isNull(_ node: Node) -> Bool {
        guard case let .scalar(scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A short description of a value for "expected …, got …" messages.
    static func describe(_ node: Node) -> String {
        switch node {
        case let .scalar(scalar):
            if isNull(node) { return "nothing (null)" }
            return quote(scalar.string)
        case let .mapping(mapping):
            // `- {endpoint}` in a block list is a flow mapping with one key and no value.
            if mapping.count == 1, let key = mapping.first?.key.scalar?.string, isNull(mapping.first!.value) {
                return "a mapping ({\(key)} must be quoted: \"{\(key)}\")"
            }
            return "a mapping"
        case .sequence: return "a list"
        default: return "an alias"
        }
    }

    static func quote(_ text: String) -> String {
        var shown = text
        if shown.count > 60 { shown = String(shown.prefix(57)) + "..." }
        shown = shown.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
        return "\"\(shown)\""
    }

    // MARK: Mappings

    /// A mapping's pairs whose keys are checked against `allowed`.
    func mapping(_ node: Node, _ path: String, allowed: [String], what: String = "a mapping") throws(ConfigError) -> Fields {
        guard case let .mapping(mapping) = node else {
            throw error(.wrongType, path, node, "expected \(what), got \(Self.describe(node))")
        }
        var fields: [(String, Node, Node)] = []
        for (keyNode, value) in mapping {
            guard case let .scalar(keyScalar) = keyNode, !Self.isNull(keyNode) else {
                throw error(.unknownKey, path, keyNode, "keys must be plain names, got \(Self.describe(keyNode))")
            }
            let key = keyScalar.string
            let keyPath = Self.join(path, key)
            guard allowed.contains(key) else {
                var message = "unknown key \(Self.quote(key))"
                if let suggestion = EditDistance.suggestion(for: key, among: allowed) {
                    message += "; did you mean \(Self.quote(suggestion))?"
                } else if let elsewhere = KnownKeys.elsewhere(key, notIn: path) {
                    message += "; did you mean \(Self.quote(elsewhere))?"
                } else {
                    message += "; known keys here: \(allowed.joined(separator: ", "))"
                }
                throw error(.unknownKey, keyPath, keyNode, message)
            }
            fields.append((key, keyNode, value))
        }
        return Fields(node: node, path: path, pairs: fields)
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// A mapping's fields, in file order.
    struct Fields {
        let node: Node
        let path: String
        let pairs: [(key: String, keyNode: Node, value: Node)]

        /// The value of `key`; `nil` when absent. A null value counts as present.
        subscript(key: String) -> Node? { pairs.first { $0.key == key }?.value }

        /// The value of `key`; `nil` when absent or null (the key then takes its default).
        func present(_ key: String) -> Node? {
            guard let value = self[key], !NodeReader.isNull(value) else { return nil }
            return value
        }

        func path(_ key: String) -> String { NodeReader.join(path, key) }

        func keyNode(_ key: String) -> Node? { pairs.first { $0.key == key }?.keyNode }
    }

    /// A mapping-valued section; `nil` when absent or null.
    func section(_ fields: Fields, _ key: String, allowed: [String]) throws(ConfigError) -> Fields? {
        guard let node = fields.present(key) else { return nil }
        return try mapping(node, fields.path(key), allowed: allowed)
    }

    // MARK: Scalars

    private func scalar(_ node: Node, _ path: String, expected: String) throws(ConfigError) -> Node.Scalar {
        guard case let .scalar(scalar) = node, !Self.isNull(node) else {
            throw error(.wrongType, path, node, "expected \(expected), got \(Self.describe(node))")
        }
        return scalar
    }

    /// A non-null scalar as text (numbers and booleans keep their spelling).
    func string(_ node: Node, _ path: String, allowEmpty: Bool = false) throws(ConfigError) -> Located<String> {
        let scalar = try scalar(node, path, expected: "a string")
        if !allowEmpty && scalar.string.isEmpty {
            throw error(.invalidValue, path, node, "must not be empty")
        }
        return Located(value: scalar.string, origin: Origin(node))
    }

    /// A decimal integer in `range` (plain scalar: `5`, `-3`, `10_000`).
    func int(_ node: Node, _ path: String, _ range: ClosedRange<Int>) throws(ConfigError) -> Located<Int> {
        let scalar = try scalar(node, path, expected: "an integer")
        let origin = Origin(node)
        guard scalar.style == .plain || scalar.style == .any else {
            throw error(.wrongType, path, origin, "expected an integer, got the string \(Self.quote(scalar.string)) (write numbers without quotes)")
        }
        let value = try Self.integer(scalar.string, path, origin, range, error)
        return Located(value: value, origin: origin)
    }

    /// Parses a decimal integer and checks its range; shared with environment variables.
    static func integer(
        _ text: String, _ path: String, _ origin: Origin, _ range: ClosedRange<Int>, _ error: ErrorFactory
    ) throws(ConfigError) -> Int {
        var digits = Substring(text)
        var negative = false
        if let sign = digits.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard let first = digits.first, first.isASCII, first.isNumber,
            digits.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "_" })
        else {
            throw error(.wrongType, path, origin, "expected an integer, got \(quote(text))")
        }
        let cleaned = (negative ? "-" : "") + digits.filter { $0 != "_" }
        guard let value = Int(cleaned) else {
            throw error(.outOfRange, path, origin, "\(rangeText(range)), got \(text)")
        }
        guard range.contains(value) else {
            throw error(.outOfRange, path, origin, "\(rangeText(range)), got \(value)")
        }
        return value
    }

    static func rangeText(_ range: ClosedRange<Int>) -> String {
        range.upperBound == Int.max ? "must be at least \(range.lowerBound)" : "must be between \(range.lowerBound) and \(range.upperBound)"
    }

    /// `true` or `false` (plain, any case).
    func bool(_ node: Node, _ path: String) throws(ConfigError) -> Bool {
        let scalar = try scalar(node, path, expected: "true or false")
        switch (scalar.style == .plain || scalar.style == .any, scalar.string.lowercased()) {
        case (true, "true"): return true
        case (true, "false"): return false
        default: throw error(.wrongType, path, node, "expected true or false, got \(Self.describe(node))")
        }
    }

    /// A list; a single value where a list is expected is an error.
    func list(_ node: Node, _ path: String) throws(ConfigError) -> [Node] {
        guard case let .sequence(sequence) = node else {
            throw error(.wrongType, path, node, "expected a list, got \(Self.describe(node))")
        }
        return Array(sequence)
    }
}

/// The keys of every section, for "did you mean …?" across sections.
enum KnownKeys {
    static let top = ["cluster", "store", "pipeline", "workers", "sources", "restart", "timeouts", "log"]
    static let cluster = ["name", "run_dir", "endpoint", "control", "curve", "insecure"]
    static let curve = ["server_secret_key_file", "server_public_key_file"]
    static let store = ["db"]
    static let pipeline = ["name", "stages", "max_attempts", "max_pending", "max_payload_bytes", "dead_letter_stage"]
    static let worker = ["stage", "kind", "command", "env", "replicas", "capacity", "batch_size", "batch_delay_ms"]
    static let source = [
        "name", "kind", "path", "paths", "url", "interval_seconds", "state", "listen", "max_body_bytes",
        "ack_timeout_seconds", "boilerplate", "builtin_boilerplate",
    ]
    /// Keys that only some source kinds take.
    static let sourceKeysByKind: [String: [String]] = [
        "inbox": ["path"], "files": ["paths"], "feed": ["url", "interval_seconds", "state"],
        "http": ["listen", "max_body_bytes", "ack_timeout_seconds"],
    ]
    static let boilerplateRule = ["exact", "prefix", "contains", "cut_after"]
    static let restart = ["backoff_initial_ms", "backoff_max_ms", "max_restarts", "within_seconds"]
    static let timeouts = ["heartbeat_interval_ms", "heartbeat_liveness", "ready_seconds", "drain_seconds"]
    static let log = ["level"]

    /// Sections whose keys may be misplaced (mappings, not list entries).
    static let sections: [(String, [String])] = [
        ("", top), ("cluster", cluster), ("cluster.curve", curve), ("store", store), ("pipeline", pipeline),
        ("restart", restart), ("timeouts", timeouts), ("log", log),
    ]

    /// The full key path of a key named `key` in another section than `path`, if there is exactly one.
    static func elsewhere(_ key: String, notIn path: String) -> String? {
        let matches = sections.filter { $0.0 != path && $0.1.contains(key) }.map { NodeReader.join($0.0, key) }
        return matches.count == 1 ? matches[0] : nil
    }
}
