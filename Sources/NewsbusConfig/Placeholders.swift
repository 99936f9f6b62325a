/// One process of a worker entry, ready to start: its name, and its command and environment with
/// every `{placeholder}` substituted.
public struct WorkerInstance: Sendable, Hashable {
    /// The process name, unique in the cluster: `<stage>-<replica>`, or `<stage>-<k>-<replica>` when
    /// the stage has several entries (see ``ClusterConfig/instance(entry:replica:)``).
    public var name: String
    /// The stage served.
    public var stage: String
    /// The index of its entry in ``ClusterConfig/workers``.
    public var entry: Int
    /// The replica number, from 1.
    public var replica: Int
    /// The built-in kind, or the plug-in command with placeholders substituted.
    public var kind: WorkerKind
    /// The entry's `env:`, with placeholders substituted.
    public var environment: [String: String]
    /// The entry's capacity.
    public var capacity: Int
    /// The entry's batch size (`kind: store`).
    public var batchSize: Int
    /// The entry's batch delay in milliseconds (`kind: store`).
    public var batchDelayMs: Int

    /// Creates an instance.
    public init(
        name: String, stage: String, entry: Int, replica: Int, kind: WorkerKind, environment: [String: String], capacity: Int,
        batchSize: Int, batchDelayMs: Int
    ) {
        self.name = name
        self.stage = stage
        self.entry = entry
        self.replica = replica
        self.kind = kind
        self.environment = environment
        self.capacity = capacity
        self.batchSize = batchSize
        self.batchDelayMs = batchDelayMs
    }
}

extension ClusterConfig {
    /// The placeholders substituted in plug-in commands and `env:` values: `{endpoint}`,
    /// `{control}`, `{stage}`, `{name}`, `{db}` and `{run_dir}`. `{{` and `}}` stand for literal braces.
    public static let placeholderNames = ["endpoint", "control", "stage", "name", "db", "run_dir"]

    /// The value of every placeholder for one worker process.
    ///
    /// - Parameters:
    ///   - stage: the stage the process serves (`{stage}`).
    ///   - name: the process name (`{name}`), e.g. `enrich.shout-1`.
    public func placeholderValues(stage: String, name: String) -> [String: String] {
        [
            "endpoint": cluster.endpoint.description, "control": cluster.control.description, "stage": stage,
            "name": name, "db": store.db, "run_dir": cluster.runDirectory,
        ]
    }

    /// Every worker process of the cluster as configured, in the order of ``workers`` and then of
    /// replicas, with placeholders substituted.
    public var workerInstances: [WorkerInstance] {
        workers.indices.flatMap { entry in (1...max(1, workers[entry].replicas)).map { instance(entry: entry, replica: $0) } }
    }

    /// Replica `replica` (1-based, and may exceed the configured ``Worker/replicas`` when the
    /// cluster is scaled up) of the worker entry `workers[entry]`, with placeholders substituted.
    ///
    /// Its name is `<stage>-<replica>` when the entry is the only one of its stage, and
    /// `<stage>-<k>-<replica>` for the `k`-th (1-based) of several entries of one stage, so names
    /// stay unique however each entry is scaled.
    public func instance(entry: Int, replica: Int) -> WorkerInstance {
        let worker = workers[entry]
        let sameStage = workers.indices.filter { workers[$0].stage == worker.stage }
        let name =
            sameStage.count == 1
            ? "\(worker.stage)-\(replica)"
            : "\(worker.stage)-\(sameStage.firstIndex(of: entry)! + 1)-\(replica)"
        let values = placeholderValues(stage: worker.stage, name: name)
        let kind: WorkerKind =
            switch worker.kind {
            case let .builtIn(kind): .builtIn(kind)
            case let .command(arguments): .command(arguments.map { Placeholders.substitute($0, values) })
            }
        return WorkerInstance(
            name: name, stage: worker.stage, entry: entry, replica: replica, kind: kind,
            environment: worker.environment.mapValues { Placeholders.substitute($0, values) },
            capacity: worker.capacity, batchSize: worker.batchSize, batchDelayMs: worker.batchDelayMs)
    }
}

/// `{placeholder}` templates.
enum Placeholders {
    enum Problem: Equatable {
        case unknown(String)
        case unterminated
    }

    /// The first problem in `template`, or `nil` when every placeholder is known.
    static func check(_ template: String) -> Problem? {
        var iterator = Array(template).makeIterator()
        while let character = iterator.next() {
            guard character == "{" else { continue }
            var name = ""
            var closed = false
            while let next = iterator.next() {
                if next == "{" && name.isEmpty { closed = true; name = "{"; break }  // `{{`
                if next == "}" { closed = true; break }
                name.append(next)
            }
            if !closed { return .unterminated }
            if name == "{" { continue }
            if !ClusterConfig.placeholderNames.contains(name) { return .unknown(name) }
        }
        return nil
    }

    /// `template` with each known placeholder replaced by its value, `{{` by `{` and `}}` by `}`.
    /// Call only on templates that passed ``check(_:)``.
    static func substitute(_ template: String, _ values: [String: String]) -> String {
        var result = ""
        let characters = Array(template)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "{" {
                if index + 1 < characters.count && characters[index + 1] == "{" {
                    result.append("{")
                    index += 2
                    continue
                }
                if let end = characters[(index + 1)...].firstIndex(of: "}") {
                    let name = String(characters[(index + 1)..<end])
                    result += values[name] ?? "{\(name)}"
                    index = end + 1
                    continue
                }
            } else if character == "}" && index + 1 < characters.count && characters[index + 1] == "}" {
                result.append("}")
                index += 2
                continue
            }
            result.append(character)
            index += 1
        }
        return result
    }
}

/// Splits a command line the way a POSIX shell splits words, without running a shell: blanks
/// separate words; `'…'` is literal; in `"…"` a backslash escapes only `"`, `\`, `$` and `` ` ``;
/// elsewhere a backslash escapes the next character. Nothing is expanded (`$HOME`, `*`, `~` stay as written).
enum CommandLineSplitter {
    enum Problem: Error, Equatable {
        case unterminatedQuote(Character)
        case trailingBackslash
    }

    static func split(_ line: String) throws(Problem) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var characters = Array(line).makeIterator()
        while let character = characters.next() {
            switch character {
            case " ", "\t", "\n", "\r":
                if inWord { words.append(current) }
                current = ""
                inWord = false
            case "'":
                inWord = true
                var closed = false
                while let next = characters.next() {
                    if next == "'" { closed = true; break }
                    current.append(next)
                }
                if !closed { throw .unterminatedQuote("'") }
            case "\"":
                inWord = true
                var closed = false
                while let next = characters.next() {
                    if next == "\"" { closed = true; break }
                    if next == "\\" {
                        guard let escaped = characters.next() else { throw .unterminatedQuote("\"") }
                        if !["\"", "\\", "$", "`"].contains(escaped) { current.append("\\") }
                        current.append(escaped)
                        continue
                    }
                    current.append(next)
                }
                if !closed { throw .unterminatedQuote("\"") }
            case "\\":
                guard let escaped = characters.next() else { throw .trailingBackslash }
                inWord = true
                current.append(escaped)
            default:
                inWord = true
                current.append(character)
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
