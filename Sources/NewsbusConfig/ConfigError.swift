/// Why a cluster configuration could not be loaded.
///
/// Every error names the configuration key it is about (``keyPath``, e.g. `pipeline.max_attempts`
/// or `workers[2].command[3]`) and, when the value came from the file, the position of the
/// offending text (``line`` and ``column``, both 1-based; columns count Unicode scalars). A value
/// that came from an environment variable or a command-line flag has no position: its
/// ``message`` names the variable or the flag instead.
///
/// ``description`` is the one-line form for people:
/// `newsbus.yaml: pipeline.max_attempts: expected an integer, got "five" (line 12, column 17)`.
public struct ConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem, stable for tests, logs and metrics (`code.rawValue` is kebab-case).
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// The configuration file could not be read (missing, unreadable, not UTF-8).
        case unreadableFile = "unreadable-file"
        /// The file is not well-formed YAML; ``ConfigError/line`` and ``ConfigError/column`` come from the YAML parser.
        case syntax
        /// The file holds no document (empty, or only comments and blank lines).
        case emptyFile = "empty-file"
        /// A key that Newsbus does not know at that place; the message may suggest the nearest known key.
        case unknownKey = "unknown-key"
        /// The same key twice in one mapping.
        case duplicateKey = "duplicate-key"
        /// A value of the wrong type (a string where an integer is expected, a list where a mapping is…).
        case wrongType = "wrong-type"
        /// A number outside its allowed range.
        case outOfRange = "out-of-range"
        /// A value of the right type that is not acceptable (an unknown log level or worker kind, a malformed endpoint…).
        case invalidValue = "invalid-value"
        /// A required key is absent.
        case missingKey = "missing-key"
        /// Two keys that exclude each other are both present (a worker's `kind` and `command`).
        case conflictingKeys = "conflicting-keys"
        /// A stage listed twice in `pipeline.stages`.
        case duplicateStage = "duplicate-stage"
        /// Two sources with the same name.
        case duplicateSource = "duplicate-source"
        /// A pipeline stage that no worker entry serves.
        case stageWithoutWorker = "stage-without-worker"
        /// A worker entry for a stage that is not in the pipeline.
        case workerForUnknownStage = "worker-for-unknown-stage"
        /// An `ipc://` socket path longer than a Unix socket address can hold (107 bytes).
        case ipcPathTooLong = "ipc-path-too-long"
        /// A `tcp://` endpoint on a non-loopback address without CURVE keys and without `insecure: true`.
        case insecureEndpoint = "insecure-endpoint"
        /// A plug-in worker's command is empty.
        case emptyCommand = "empty-command"
        /// A `{placeholder}` in a plug-in command or environment value that Newsbus does not substitute.
        case unknownPlaceholder = "unknown-placeholder"
    }

    /// The kind of problem.
    public var code: Code
    /// The configuration key concerned, dotted, with list indices in brackets (`workers[0].stage`);
    /// empty when the problem concerns the whole file (a syntax error, an empty file).
    public var keyPath: String
    /// The 1-based line in the file of the offending text, when the value came from the file.
    public var line: Int?
    /// The 1-based column (in Unicode scalars) of the offending text, when the value came from the file.
    public var column: Int?
    /// What is wrong, without the key path or the position (e.g. `expected an integer, got "five"`).
    public var message: String
    /// The configuration file as it was named to ``ConfigLoader/load(path:environment:overrides:)``,
    /// or the name given to ``ConfigLoader/parse(yaml:baseDirectory:environment:overrides:file:)``; `nil` when none.
    public var file: String?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: the kind of problem.
    ///   - keyPath: the configuration key concerned (empty for the whole file).
    ///   - line: 1-based line of the offending text in the file, if any.
    ///   - column: 1-based column of the offending text in the file, if any.
    ///   - message: what is wrong.
    ///   - file: the configuration file's name, if any.
    public init(code: Code, keyPath: String, line: Int? = nil, column: Int? = nil, message: String, file: String? = nil) {
        self.code = code
        self.keyPath = keyPath
        self.line = line
        self.column = column
        self.message = message
        self.file = file
    }

    /// `[file: ][keyPath: ]message[ (line L, column C)]`, on one line.
    public var description: String {
        var text = ""
        if let file { text += "\(file): " }
        if !keyPath.isEmpty { text += "\(keyPath): " }
        text += message
        switch (line, column) {
        case let (line?, column?): text += " (line \(line), column \(column))"
        case let (line?, nil): text += " (line \(line))"
        default: break
        }
        return text
    }
}
