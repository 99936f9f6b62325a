import Foundation
import Yams

/// The configuration while it is assembled: the values that environment variables and flags can
/// still change keep their origin, for errors found later.
struct Draft {
    static let defaultRunDir = ".newsbus/run"
    static let defaultDB = "newsbus.db"
    /// Every built-in enricher in order, then the store.
    static let defaultStages = ClusterConfig.Pipeline.defaultStages

    struct WorkerEntry {
        var worker: ClusterConfig.Worker
        var stageOrigin: Origin
    }

    var name = "newsbus"
    var runDir: Located<String>
    var endpoint = Located(value: "ipc://bus.sock", origin: .defaultValue)
    var control = Located(value: "ipc://control.sock", origin: .defaultValue)
    var curve: ClusterConfig.Curve?
    var insecure = false
    var db: Located<String>
    var pipelineName = "default"
    var stages: [Located<String>] = defaultStages.map { Located(value: $0, origin: .defaultValue) }
    var stagesFromFile = false
    var maxAttempts = Located(value: 5, origin: .defaultValue)
    var maxPending = 10_000
    var maxPayloadBytes = 16_777_216
    var deadLetterStage = Located<String?>(value: "deadletter", origin: .defaultValue)
    /// `nil` when the file has no `workers:`: then the built-in stages get their built-in worker.
    var workers: [WorkerEntry]?
    var sources: [ClusterConfig.Source] = []
    var restart = ClusterConfig.Restart()
    var heartbeatIntervalMs = Located(value: 1000, origin: .defaultValue)
    var heartbeatLiveness = 3
    var readySeconds = 10
    var drainSeconds = 30
    var logLevel = Located(value: ClusterConfig.LogLevel.info, origin: .defaultValue)

    init(base: String) {
        runDir = Located(value: Paths.resolve(Self.defaultRunDir, against: base, home: nil), origin: .defaultValue)
        db = Located(value: Paths.resolve(Self.defaultDB, against: base, home: nil), origin: .defaultValue)
    }

    /// The built-in stages' own workers: `enrich.<kind>` → `<kind>`, `store` → `store`.
    static func defaultWorkers(for stages: [Located<String>]) -> [WorkerEntry] {
        defaultWorkers(for: stages.map(\.value))
    }

    static func defaultWorkers(for stages: [String]) -> [WorkerEntry] {
        stages.compactMap { stage in
            let kind: String? =
                if stage == "store" {
                    "store"
                } else if stage.hasPrefix("enrich."), WorkerKind.builtInEnricherKinds.contains(String(stage.dropFirst("enrich.".count))) {
                    String(stage.dropFirst("enrich.".count))
                } else {
                    nil
                }
            return kind.map { WorkerEntry(worker: ClusterConfig.Worker(stage: stage, kind: .builtIn($0)), stageOrigin: .defaultValue) }
        }
    }
}

/// Turns the composed YAML tree into a ``Draft``, checking every key, type and range on the way.
struct ConfigDecoder {
    let reader: NodeReader
    let base: String
    let home: String?

    private var error: ErrorFactory { reader.error }

    func decode(_ root: Node, into draft: inout Draft) throws(ConfigError) {
        let top = try reader.mapping(root, "", allowed: KnownKeys.top, what: "a mapping of sections at the top level")
        // Sections in file order, so that the first error is the first in the file.
        for (key, _, _) in top.pairs {
            switch key {
            case "cluster": try cluster(top, &draft)
            case "store": try store(top, &draft)
            case "pipeline": try pipeline(top, &draft)
            case "workers": try workers(top, &draft)
            case "sources": try sources(top, &draft)
            case "restart": try restart(top, &draft)
            case "timeouts": try timeouts(top, &draft)
            default: try log(top, &draft)
            }
        }
    }

    private func path(_ fields: NodeReader.Fields, _ key: String) -> (Node, String)? {
        fields[key].map { ($0, fields.path(key)) }
    }

    private func resolvedPath(_ fields: NodeReader.Fields, _ key: String) throws(ConfigError) -> Located<String>? {
        guard let (node, keyPath) = path(fields, key) else { return nil }
        let text = try reader.string(node, keyPath)
        return Located(value: Paths.resolve(text.value, against: base, home: home), origin: text.origin)
    }

    private func int(_ fields: NodeReader.Fields, _ key: String, _ range: ClosedRange<Int>) throws(ConfigError) -> Located<Int>? {
        guard let (node, keyPath) = path(fields, key) else { return nil }
        return try reader.int(node, keyPath, range)
    }

    // MARK: Sections

    private func cluster(_ top: NodeReader.Fields, _ draft: inout Draft) throws(ConfigError) {
        guard let fields = try reader.section(top, "cluster", allowed: KnownKeys.cluster) else { return }
        for (key, _, node) in fields.pairs {
            let keyPath = fields.path(key)
            switch key {
            case "name": draft.name = try name(node, keyPath, what: "cluster name").value
            case "run_dir": draft.runDir = try resolvedPath(fields, key)!
            case "endpoint": draft.endpoint = try reader.string(node, keyPath)
            case "control": draft.control = try reader.string(node, keyPath)
            case "insecure": draft.insecure = try reader.bool(node, keyPath)
            default:
                guard let curve = try reader.section(fields, "curve", allowed: KnownKeys.curve) else {
                    draft.curve = nil
                    continue
                }
                var files: [String] = []
                for fileKey in KnownKeys.curve {
                    guard let file = try resolvedPath(curve, fileKey) else {
                        throw error(.missingKey, curve.path(fileKey), curve.node, "missing required key \(NodeReader.quote(fileKey))")
                    }
                    files.append(file.value)
                }
                draft.curve = ClusterConfig.Curve(serverSecretKeyFile: files[0], serverPublicKeyFile: files[1])
            }
        }
    }

    private func store(_ top: NodeReader.Fields, _ draft: inout Draft) throws(ConfigError) {
        guard let fields = try reader.section(top, "store", allowed: KnownKeys.store) else { return }
        if let db = try resolvedPath(fields, "db") { draft.db = db }
    }

    private func pipeline(_ top: NodeReader.Fields, _ draft: inout Draft) throws(ConfigError) {
        guard let fields = try reader.section(top, "pipeline", allowed: KnownKeys.pipeline) else { return }
        for (key, _, node) in fields.pairs {
            let keyPath = fields.path(key)
            switch key {
            case "name": draft.pipelineName = try name(node, keyPath, what: "pipeline name").value
            case "max_attempts": draft.maxAttempts = try reader.int(node, keyPath, Limits.maxAttempts)
            case "max_pending": draft.maxPending = try reader.int(node, keyPath, Limits.maxPending).value
            case "max_payload_bytes": draft.maxPayloadBytes = try reader.int(node, keyPath, Limits.maxPayloadBytes).value
            case "dead_letter_stage":
                if NodeReader.isNull(node) {
                    draft.deadLetterStage = Located(value: nil, origin: Origin(node))
                } else if case let .scalar(scalar) = node, scalar.string.isEmpty {
                    draft.deadLetterStage = Located(value: nil, origin: Origin(node))
                } else {
                    let stage = try name(node, keyPath, what: "stage name")
                    draft.deadLetterStage = Located(value: stage.value, origin: stage.origin)
                }
            default:
                let items = try reader.list(node, keyPath)
                guard !items.isEmpty else {
                    throw error(.invalidValue, keyPath, node, "needs at least one stage")
                }
                var stages: [Located<String>] = []
                for (index, item) in items.enumerated() {
                    let itemPath = "\(keyPath)[\(index)]"
                    let stage = try name(item, itemPath, what: "stage name")
                    if let first = stages.firstIndex(where: { $0.value == stage.value }) {
                        var message = "duplicate stage \(NodeReader.quote(stage.value)) (first at \(keyPath)[\(first)]"
                        if case let .file(line, _) = stages[first].origin { message += ", line \(line)" }
                        throw error(.duplicateStage, itemPath, stage.origin, message + ")")
                    }
                    stages.append(stage)
                }
                draft.stages = stages
                draft.stagesFromFile = true
            }
        }
    }

    private func workers(_ top: NodeReader.Fields, _ draft: inout Draft) throws(ConfigError) {
        guard let node = top.present("workers") else { return }
        var entries: [Draft.WorkerEntry] = []
        for (index, item) in try reader.list(node, "workers").enumerated() {
            entries.append(try worker(item, "workers[\(index)]"))
        }
        draft.workers = entries
    }

    private func worker(_ item: Node, _ path: String) throws(ConfigError) -> Draft.WorkerEntry {
        let fields = try reader.mapping(item, path, allowed: KnownKeys.worker, what: "a mapping (one worker entry)")
        guard let stageNode = fields["stage"] else {
            throw error(.missingKey, fields.path("stage"), item, "missing required key \"stage\"")
        }
        let stage = try name(stageNode, fields.path("stage"), what: "stage name")
        let kind: WorkerKind
        switch (fields["kind"], fields["command"]) {
        case (nil, nil):
            throw error(
                .missingKey, fields.path("kind"), item,
                "missing required key \"kind\" (a built-in worker: \(WorkerKind.builtInKinds.joined(separator: ", "))) or \"command\" (a plug-in)")
        case (.some, .some):
            throw error(
                .conflictingKeys, fields.path("command"), fields.keyNode("command")!,
                "\"kind\" and \"command\" exclude each other: kind names a built-in worker, command runs a plug-in")
        case let (kindNode?, nil):
            let name = try reader.string(kindNode, fields.path("kind"))
            guard WorkerKind.builtInKinds.contains(name.value) else {
                var message = "unknown worker kind \(NodeReader.quote(name.value))"
                if let suggestion = EditDistance.suggestion(for: name.value, among: WorkerKind.builtInKinds) {
                    message += "; did you mean \(NodeReader.quote(suggestion))?"
                }
                message += " (built-in kinds: \(WorkerKind.builtInKinds.joined(separator: ", ")); use command: for a plug-in)"
                throw error(.invalidValue, fields.path("kind"), kindNode, message)
            }
            kind = .builtIn(name.value)
        case let (nil, commandNode?):
            kind = .command(try command(commandNode, fields.path("command")))
        }
        var worker = ClusterConfig.Worker(stage: stage.value, kind: kind)
        for (key, keyNode, node) in fields.pairs {
            let keyPath = fields.path(key)
            switch key {
            case "replicas": worker.replicas = try reader.int(node, keyPath, Limits.replicas).value
            case "capacity": worker.capacity = try reader.int(node, keyPath, Limits.capacity).value
            case "batch_size", "batch_delay_ms":
                guard kind == .builtIn("store") else {
                    throw error(.invalidValue, keyPath, keyNode, "\(key) applies only to workers of kind: store")
                }
                if key == "batch_size" {
                    worker.batchSize = try reader.int(node, keyPath, Limits.batchSize).value
                } else {
                    worker.batchDelayMs = try reader.int(node, keyPath, Limits.batchDelayMs).value
                }
            case "env": worker.environment = try environment(node, keyPath)
            default: break
            }
        }
        return Draft.WorkerEntry(worker: worker, stageOrigin: stage.origin)
    }

    private func command(_ node: Node, _ path: String) throws(ConfigError) -> [String] {
        var arguments: [String] = []
        switch node {
        case .sequence:
            for (index, item) in try reader.list(node, path).enumerated() {
                let itemPath = "\(path)[\(index)]"
                let argument = try reader.string(item, itemPath, allowEmpty: index > 0)
                try placeholders(argument.value, itemPath, item)
                arguments.append(argument.value)
            }
        case .scalar where !NodeReader.isNull(node):
            let line = try reader.string(node, path, allowEmpty: true).value
            do {
                arguments = try CommandLineSplitter.split(line)
            } catch {
                let message =
                    switch error {
                    case let .unterminatedQuote(quote): "unterminated \(quote) quote in the command line"
                    case .trailingBackslash: "the command line ends with a lone backslash"
                    }
                throw self.error(.invalidValue, path, node, message)
            }
            for argument in arguments { try placeholders(argument, path, node) }
        default:
            throw error(.wrongType, path, node, "expected a list of arguments or a command line, got \(NodeReader.describe(node))")
        }
        guard !arguments.isEmpty else {
            throw error(.emptyCommand, path, node, "the command is empty: give the program and its arguments")
        }
        return arguments
    }

    private func placeholders(_ text: String, _ path: String, _ node: Node) throws(ConfigError) {
        let known = ClusterConfig.placeholderNames.map { "{\($0)}" }.joined(separator: ", ")
        switch Placeholders.check(text) {
        case nil: return
        case let .unknown(name)?:
            var message = "unknown placeholder {\(name)}"
            if let suggestion = EditDistance.suggestion(for: name, among: ClusterConfig.placeholderNames) {
                message += "; did you mean {\(suggestion)}?"
            }
            throw error(.unknownPlaceholder, path, node, message + " (known: \(known); write {{ and }} for literal braces)")
        case .unterminated?:
            throw error(.unknownPlaceholder, path, node, "unterminated placeholder: a { without its }; write {{ for a literal brace")
        }
    }

    private func environment(_ node: Node, _ path: String) throws(ConfigError) -> [String: String] {
        guard !NodeReader.isNull(node) else { return [:] }
        guard case let .mapping(mapping) = node else {
            throw error(.wrongType, path, node, "expected a mapping of variable names to values, got \(NodeReader.describe(node))")
        }
        var result: [String: String] = [:]
        for (keyNode, value) in mapping {
            let key = try reader.string(keyNode, path)
            let keyPath = "\(path).\(key.value)"
            let validName = key.value.first.map { $0 == "_" || ($0.isASCII && $0.isLetter) } == true
                && key.value.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
            guard validName else {
                throw error(.invalidValue, keyPath, keyNode, "not a valid environment variable name (letters, digits and _, not starting with a digit)")
            }
            let text = try reader.string(value, keyPath, allowEmpty: true)
            try placeholders(text.value, keyPath, value)
            result[key.value] = text.value
        }
        return result
    }

    private func sources(_ top: NodeReader.Fields, _ draft: inout Draft) throws(ConfigError) {
        guard let node = top.present("sources") else { return }
        var seen: [String: String] = [:]
        var sources: [ClusterConfig.Source] = []
        for (index, item) in try reader.list(node, "sources").enumerated() {
            let path = "sources[\(index)]"
            let fields = try reader.mapping(item, path, allowed: KnownKeys.source, what: "a mapping (one source entry)")
            guard let nameNode = fields["name"] else {
                throw error(.missingKey, fields.path("name"), item, "missing required key \"name\"")
            }
            let sourceName = try name(nameNode, fields.path("name"), what: "source name")
            if let first = seen[sourceName.value] {
                throw error(.duplicateSource, fields.path("name"), nameNode, "duplicate source name \(NodeReader.quote(sourceName.value)) (first at \(first))")
            }
            seen[sourceName.value] = fields.path("name") + (Origin(nameNode) == .defaultValue ? "" : ", line \(nameNode.mark!.line)")
            guard let kindNode = fields["kind"] else {
                throw error(.missingKey, fields.path("kind"), item, "missing required key \"kind\" (\(ClusterConfig.SourceKind.names.joined(separator: ", ")))")
            }
            let kindName = try reader.string(kindNode, fields.path("kind"))
            guard let ownKeys = KnownKeys.sourceKeysByKind[kindName.value] else {
                var message = "unknown source kind \(NodeReader.quote(kindName.value))"
                if let suggestion = EditDistance.suggestion(for: kindName.value, among: ClusterConfig.SourceKind.names) {
                    message += "; did you mean \(NodeReader.quote(suggestion))?"
                }
                throw error(.invalidValue, fields.path("kind"), kindNode, message + " (kinds: \(ClusterConfig.SourceKind.names.joined(separator: ", ")))")
            }
            for (otherKind, keys) in KnownKeys.sourceKeysByKind.sorted(by: { $0.key < $1.key }) where otherKind != kindName.value {
                for key in keys where !ownKeys.contains(key) {
                    if let keyNode = fields.keyNode(key) {
                        throw error(.invalidValue, fields.path(key), keyNode, "\(key) applies only to kind: \(otherKind), not to kind: \(kindName.value)")
                    }
                }
            }
            let kind: ClusterConfig.SourceKind
            switch kindName.value {
            case "inbox":
                guard let folder = try resolvedPath(fields, "path") else {
                    throw error(.missingKey, fields.path("path"), item, "missing required key \"path\" (the folder to watch)")
                }
                kind = .inbox(path: folder.value)
            case "files":
                guard let pathsNode = fields["paths"] else {
                    throw error(.missingKey, fields.path("paths"), item, "missing required key \"paths\" (the files or folders to publish)")
                }
                let items = try reader.list(pathsNode, fields.path("paths"))
                guard !items.isEmpty else { throw error(.invalidValue, fields.path("paths"), pathsNode, "needs at least one file or folder") }
                var paths: [String] = []
                for (pathIndex, pathNode) in items.enumerated() {
                    let text = try reader.string(pathNode, "\(fields.path("paths"))[\(pathIndex)]")
                    paths.append(Paths.resolve(text.value, against: base, home: home))
                }
                kind = .files(paths: paths)
            case "feed":
                guard let urlNode = fields["url"] else {
                    throw error(.missingKey, fields.path("url"), item, "missing required key \"url\" (the feed's http(s) address)")
                }
                let url = try reader.string(urlNode, fields.path("url"))
                guard url.value.hasPrefix("http://") || url.value.hasPrefix("https://") else {
                    throw error(.invalidValue, fields.path("url"), urlNode, "a feed url starts with http:// or https://, got \(NodeReader.quote(url.value))")
                }
                let interval = try int(fields, "interval_seconds", Limits.feedIntervalSeconds)?.value ?? 60
                kind = .feed(url: url.value, intervalSeconds: interval, statePath: try resolvedPath(fields, "state")?.value)
            default:  // "http"
                guard let listenNode = fields["listen"] else {
                    throw error(.missingKey, fields.path("listen"), item, "missing required key \"listen\" (HOST:PORT, e.g. 127.0.0.1:8480)")
                }
                let listen = try reader.string(listenNode, fields.path("listen"))
                let parts = listen.value.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count == 2, let port = Int(parts[1]), (0...65_535).contains(port) else {
                    throw error(.invalidValue, fields.path("listen"), listenNode, "expected HOST:PORT, e.g. 127.0.0.1:8480, got \(NodeReader.quote(listen.value))")
                }
                kind = .http(
                    listen: listen.value,
                    maxBodyBytes: try int(fields, "max_body_bytes", Limits.httpBodyBytes)?.value ?? 16 << 20,
                    ackTimeoutSeconds: try int(fields, "ack_timeout_seconds", Limits.ackTimeoutSeconds)?.value ?? 30)
            }
            let builtIn = try fields.present("builtin_boilerplate").map { (node) throws(ConfigError) in
                try reader.bool(node, fields.path("builtin_boilerplate"))
            } ?? true
            let rules = try boilerplateRules(fields)
            sources.append(ClusterConfig.Source(name: sourceName.value, kind: kind, boilerplate: rules, builtInBoilerplate: builtIn))
        }
        draft.sources = sources
    }

    /// `boilerplate:` of a source: a list of one-key mappings, `- prefix: "Reporter contact"`.
    private func boilerplateRules(_ fields: NodeReader.Fields) throws(ConfigError) -> [ClusterConfig.BoilerplateRule] {
        guard let node = fields.present("boilerplate") else { return [] }
        var rules: [ClusterConfig.BoilerplateRule] = []
        for (index, item) in try reader.list(node, fields.path("boilerplate")).enumerated() {
            let path = "\(fields.path("boilerplate"))[\(index)]"
            let rule = try reader.mapping(item, path, allowed: KnownKeys.boilerplateRule, what: "a rule such as {prefix: \"Reporter contact\"}")
            guard rule.pairs.count == 1, let (key, _, value) = rule.pairs.first else {
                throw error(.invalidValue, path, item, "a rule has exactly one of: \(KnownKeys.boilerplateRule.joined(separator: ", "))")
            }
            let text = try reader.string(value, rule.path(key))
            guard !text.value.allSatisfy(\.isWhitespace) else {
                throw error(.invalidValue, rule.path(key), value, "a boilerplate rule needs some text")
            }
            rules.append(ClusterConfig.BoilerplateRule(kind: key == "cut_after" ? "cut-after" : key, text: text.value))
        }
        return rules
    }

    private func restart(_ top: NodeReader.Fields, _ draft: inout Draft) throws(ConfigError) {
        guard let fields = try reader.section(top, "restart", allowed: KnownKeys.restart) else { return }
        let initial = try int(fields, "backoff_initial_ms", Limits.backoffMs)
        let maximum = try int(fields, "backoff_max_ms", Limits.backoffMs)
        if let value = initial?.value { draft.restart.backoffInitialMs = value }
        if let value = maximum?.value { draft.restart.backoffMaxMs = value }
        if draft.restart.backoffMaxMs < draft.restart.backoffInitialMs {
            if let maximum {
                throw error(
                    .outOfRange, fields.path("backoff_max_ms"), maximum.origin,
                    "must be at least restart.backoff_initial_ms (\(draft.restart.backoffInitialMs)), got \(maximum.value)")
            }
            throw error(
                .outOfRange, fields.path("backoff_initial_ms"), initial!.origin,
                "must be at most restart.backoff_max_ms (\(draft.restart.backoffMaxMs)), got \(initial!.value)")
        }
        if let value = try int(fields, "max_restarts", Limits.maxRestarts) { draft.restart.maxRestarts = value.value }
        if let value = try int(fields, "within_seconds", Limits.withinSeconds) { draft.restart.withinSeconds = value.value }
    }

    private func timeouts(_ top: NodeReader.Fields, _ draft: inout Draft) throws(ConfigError) {
        guard let fields = try reader.section(top, "timeouts", allowed: KnownKeys.timeouts) else { return }
        if let value = try int(fields, "heartbeat_interval_ms", Limits.heartbeatIntervalMs) { draft.heartbeatIntervalMs = value }
        if let value = try int(fields, "heartbeat_liveness", Limits.heartbeatLiveness) { draft.heartbeatLiveness = value.value }
        if let value = try int(fields, "ready_seconds", Limits.readySeconds) { draft.readySeconds = value.value }
        if let value = try int(fields, "drain_seconds", Limits.drainSeconds) { draft.drainSeconds = value.value }
    }

    private func log(_ top: NodeReader.Fields, _ draft: inout Draft) throws(ConfigError) {
        guard let fields = try reader.section(top, "log", allowed: KnownKeys.log) else { return }
        if let (node, keyPath) = path(fields, "level") {
            let text = try reader.string(node, keyPath)
            draft.logLevel = try Self.logLevel(text.value, keyPath, text.origin, error)
        }
    }

    // MARK: Values

    static func logLevel(_ text: String, _ keyPath: String, _ origin: Origin, _ error: ErrorFactory) throws(ConfigError) -> Located<ClusterConfig.LogLevel> {
        if let level = ClusterConfig.LogLevel(rawValue: text.lowercased()) { return Located(value: level, origin: origin) }
        let levels = ClusterConfig.LogLevel.allCases.map(\.rawValue)
        var message = "unknown log level \(NodeReader.quote(text))"
        if let suggestion = EditDistance.suggestion(for: text, among: levels) { message += "; did you mean \(NodeReader.quote(suggestion))?" }
        throw error(.invalidValue, keyPath, origin, message + " (levels: \(levels.joined(separator: ", ")))")
    }

    /// A name used in process names, logs and command lines: letters, digits, `.`, `_` and `-`.
    private func name(_ node: Node, _ path: String, what: String) throws(ConfigError) -> Located<String> {
        let text = try reader.string(node, path)
        guard text.value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-_".contains($0)) }) else {
            throw error(.invalidValue, path, node, "\(NodeReader.quote(text.value)) is not a valid \(what): use letters, digits, '.', '_' and '-'")
        }
        return text
    }
}
