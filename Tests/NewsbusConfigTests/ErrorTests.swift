import Foundation
import NewsbusConfig
import Testing

/// Every error names its key path and, for values from the file, its line and column.
@Suite struct FileErrorTests {
    @Test func wrongTypeNamesKeyPathLineAndColumn() {
        let yaml = """
            # newsbus.yaml
            cluster:
              name: newsroom

            store:
              db: newsbus.db

            pipeline:
              name: default
              stages: [enrich.stats, store]

              max_attempts: five
            """
        expectFailure(yaml, code: .wrongType, keyPath: "pipeline.max_attempts", line: 12, column: 17)
        #expect(failure(yaml)?.description == "newsbus.yaml: pipeline.max_attempts: expected an integer, got \"five\" (line 12, column 17)")
        #expect(failure(yaml)?.message == "expected an integer, got \"five\"")
    }

    @Test func otherWrongTypes() {
        expectFailure("pipeline:\n  max_pending: \"100\"\n", code: .wrongType, keyPath: "pipeline.max_pending", line: 2, column: 16,
                      messageContains: "the string \"100\"")
        expectFailure("cluster: [a, b]\n", code: .wrongType, keyPath: "cluster", line: 1, column: 10, messageContains: "got a list")
        expectFailure("pipeline:\n  stages: store\n", code: .wrongType, keyPath: "pipeline.stages", line: 2, column: 11,
                      messageContains: "expected a list")
        expectFailure("cluster:\n  insecure: yes\n", code: .wrongType, keyPath: "cluster.insecure", line: 2, column: 13,
                      messageContains: "expected true or false")
        expectFailure("pipeline:\n  max_attempts:\n", code: .wrongType, keyPath: "pipeline.max_attempts", line: 2,
                      messageContains: "got nothing (null)")
        expectFailure("just a string\n", code: .wrongType, keyPath: "", line: 1, column: 1, messageContains: "at the top level")
        expectFailure("workers:\n  - stats\n", code: .wrongType, keyPath: "workers[0]", line: 2, column: 5)
        expectFailure(
            """
            workers:
              - stage: enrich.shout
                command:
                  - python3
                  - {endpoint}
            """, code: .wrongType, keyPath: "workers[0].command[1]", line: 5, column: 9, messageContains: "must be quoted")
    }

    @Test func unknownKeysSuggestTheNearestKey() {
        expectFailure("pipeline:\n  max_attempt: 5\n", code: .unknownKey, keyPath: "pipeline.max_attempt", line: 2, column: 3,
                      messageContains: "did you mean \"max_attempts\"?")
        expectFailure("cluster:\n  name: x\nworker:\n  - stage: store\n", code: .unknownKey, keyPath: "worker", line: 3, column: 1,
                      messageContains: "did you mean \"workers\"?")
        expectFailure("stages: [store]\n", code: .unknownKey, keyPath: "stages", line: 1, column: 1,
                      messageContains: "did you mean \"pipeline.stages\"?")
        expectFailure("workers:\n  - stage: store\n    kind: store\n    batchsize: 5\n", code: .unknownKey, keyPath: "workers[0].batchsize",
                      line: 4, column: 5, messageContains: "did you mean \"batch_size\"?")
        expectFailure("log:\n  colour: true\n", code: .unknownKey, keyPath: "log.colour", line: 2, column: 3,
                      messageContains: "known keys here: level")
    }

    @Test func outOfRangeValues() {
        expectFailure("pipeline:\n  max_attempts: 0\n", code: .outOfRange, keyPath: "pipeline.max_attempts", line: 2, column: 17,
                      messageContains: "must be between 1 and 1000, got 0")
        expectFailure("timeouts:\n  heartbeat_liveness: 101\n", code: .outOfRange, keyPath: "timeouts.heartbeat_liveness", line: 2)
        expectFailure("pipeline:\n  max_payload_bytes: 99999999999999999999999\n", code: .outOfRange,
                      keyPath: "pipeline.max_payload_bytes", line: 2)
        expectFailure("restart:\n  backoff_initial_ms: 500\n  backoff_max_ms: 200\n", code: .outOfRange, keyPath: "restart.backoff_max_ms",
                      line: 3, column: 19, messageContains: "at least restart.backoff_initial_ms (500)")
        expectFailure("restart:\n  backoff_initial_ms: 20000\n", code: .outOfRange, keyPath: "restart.backoff_initial_ms", line: 2,
                      messageContains: "at most restart.backoff_max_ms (10000)")
        expectFailure("restart:\n  within_seconds: -1\n", code: .outOfRange, keyPath: "restart.within_seconds", line: 2)
    }

    @Test func replicasBelowOne() {
        expectFailure("workers:\n  - stage: enrich.stats\n    kind: stats\n    replicas: 0\n", code: .outOfRange,
                      keyPath: "workers[0].replicas", line: 4, column: 15, messageContains: "between 1 and 256")
    }

    @Test func duplicateStage() {
        let yaml = """
            pipeline:
              stages:
                - enrich.stats
                - store
                - enrich.stats
            """
        expectFailure(yaml, code: .duplicateStage, keyPath: "pipeline.stages[2]", line: 5, column: 7,
                      messageContains: "first at pipeline.stages[0], line 3")
    }

    @Test func stageWithoutWorker() {
        let yaml = """
            pipeline:
              stages: [enrich.stats, enrich.shout, store]
            \(minimalWorkers)
            """
        expectFailure(yaml, code: .stageWithoutWorker, keyPath: "pipeline.stages[1]", line: 2, column: 26,
                      messageContains: "no worker serves stage \"enrich.shout\"")
    }

    @Test func stageWithoutWorkerWhenWorkersAreDefaulted() {
        expectFailure("pipeline:\n  stages: [enrich.stats, enrich.geo, store]\n", code: .stageWithoutWorker, keyPath: "pipeline.stages[1]",
                      line: 2, column: 26)
    }

    @Test func workerForAStageNotInThePipeline() {
        let yaml = """
            \(minimalWorkers)
              - stage: enrich.shout
                command: ["python3", "shout.py"]
            """
        expectFailure(yaml, code: .workerForUnknownStage, keyPath: "workers[2].stage", line: 6, column: 12,
                      messageContains: "not in pipeline.stages (\(ClusterConfig.Pipeline.defaultStages.joined(separator: ", ")))")
        expectFailure("workers:\n  - {stage: enrich.stat, kind: stats}\n  - {stage: store, kind: store}\n", code: .workerForUnknownStage,
                      keyPath: "workers[0].stage", line: 2, column: 13, messageContains: "did you mean \"enrich.stats\"?")
    }

    @Test func missingRequiredFields() {
        expectFailure("workers:\n  - kind: stats\n", code: .missingKey, keyPath: "workers[0].stage", line: 2, column: 5)
        expectFailure("workers:\n  - stage: store\n    replicas: 2\n", code: .missingKey, keyPath: "workers[0].kind", line: 2, column: 5,
                      messageContains: "\"command\"")
        expectFailure("cluster:\n  curve:\n    server_secret_key_file: s.key\n", code: .missingKey,
                      keyPath: "cluster.curve.server_public_key_file", line: 3, column: 5)
        expectFailure("sources:\n  - name: inbox\n    kind: inbox\n", code: .missingKey, keyPath: "sources[0].path", line: 2, column: 5)
        expectFailure("sources:\n  - kind: inbox\n    path: in\n", code: .missingKey, keyPath: "sources[0].name", line: 2)
        expectFailure("sources:\n  - name: feed\n    kind: files\n", code: .missingKey, keyPath: "sources[0].paths", line: 2)
    }

    @Test func syntaxErrorsCarryYamlsPosition() {
        expectFailure("pipeline:\n  stages: [enrich.stats, store\nlog:\n  level: info\n", code: .syntax, keyPath: "", line: 3, column: 4,
                      messageContains: "YAML syntax error")
        expectFailure("cluster:\n  name: \"unterminated\n", code: .syntax, keyPath: "", line: 3, column: 1)
        expectFailure("cluster:\n\tname: tabbed\n", code: .syntax, keyPath: "", line: 2, column: 1)
        expectFailure("log: {level: info}\n---\nlog: {level: debug}\n", code: .syntax, keyPath: "", line: 2, column: 1,
                      messageContains: "a single document")
    }

    @Test func emptyFile() {
        expectFailure("", code: .emptyFile, keyPath: "", line: nil)
        expectFailure("# nothing but a comment\n\n", code: .emptyFile, keyPath: "", line: nil)
        expectFailure("---\n", code: .emptyFile, keyPath: "", line: nil)
    }

    @Test func duplicateKeysNameTheirPathAndBothLines() {
        expectFailure("pipeline:\n  name: a\n  max_attempts: 3\n  name: b\n", code: .duplicateKey, keyPath: "pipeline.name", line: 4,
                      column: 3, messageContains: "first at line 2, column 3")
        expectFailure("workers:\n  - stage: store\n    kind: store\n    kind: stats\n", code: .duplicateKey, keyPath: "workers[0].kind",
                      line: 4, column: 5)
        expectFailure("log: {level: info}\nlog: {level: debug}\n", code: .duplicateKey, keyPath: "log", line: 2, column: 1)
    }

    @Test func ipcPathTooLongForAUnixSocket() {
        let long = "/" + String(repeating: "d", count: 100) + "/bus.sock"  // 110 bytes
        expectFailure("cluster:\n  endpoint: ipc://\(long)\n", code: .ipcPathTooLong, keyPath: "cluster.endpoint", line: 2, column: 13,
                      messageContains: "110 bytes long")
        // A default endpoint made too long by the run directory blames the run directory.
        expectFailure("cluster:\n  run_dir: /\(String(repeating: "r", count: 100))\n", code: .ipcPathTooLong, keyPath: "cluster.run_dir",
                      line: 2, column: 12)
        // 107 bytes is still fine.
        let fits = "/" + String(repeating: "d", count: 97) + "/bus.sock"
        #expect(fits.utf8.count == 107)
        #expect(failure("cluster:\n  endpoint: ipc://\(fits)\n") == nil)
    }

    @Test func emptyCommands() {
        expectFailure("pipeline: {stages: [x]}\nworkers:\n  - stage: x\n    command: []\n", code: .emptyCommand,
                      keyPath: "workers[0].command", line: 4, column: 14)
        expectFailure("pipeline: {stages: [x]}\nworkers:\n  - stage: x\n    command: \"  \"\n", code: .emptyCommand,
                      keyPath: "workers[0].command", line: 4, column: 14)
        expectFailure("pipeline: {stages: [x]}\nworkers:\n  - stage: x\n    command: [\"\", \"a\"]\n", code: .invalidValue,
                      keyPath: "workers[0].command[0]", line: 4, column: 15, messageContains: "must not be empty")
    }

    @Test func unknownPlaceholders() {
        let yaml = """
            pipeline:
              stages: [enrich.shout]
            workers:
              - stage: enrich.shout
                command: ["python3", "shout.py", "--endpoint", "{endpiont}"]
            """
        expectFailure(yaml, code: .unknownPlaceholder, keyPath: "workers[0].command[3]", line: 5, column: 52,
                      messageContains: "unknown placeholder {endpiont}; did you mean {endpoint}?")
        expectFailure("pipeline: {stages: [x]}\nworkers:\n  - stage: x\n    command: run --at {when}\n", code: .unknownPlaceholder,
                      keyPath: "workers[0].command", line: 4, column: 14)
        expectFailure("pipeline: {stages: [x]}\nworkers:\n  - stage: x\n    command: [run]\n    env: {TOKEN: \"{secret}\"}\n",
                      code: .unknownPlaceholder, keyPath: "workers[0].env.TOKEN", line: 5, column: 18)
        expectFailure("pipeline: {stages: [x]}\nworkers:\n  - stage: x\n    command: [run, \"{stage\"]\n", code: .unknownPlaceholder,
                      keyPath: "workers[0].command[1]", line: 4, column: 20, messageContains: "unterminated")
    }

    @Test func kindAndCommandExcludeEachOther() {
        expectFailure("workers:\n  - stage: store\n    kind: store\n    command: [x]\n", code: .conflictingKeys, keyPath: "workers[0].command",
                      line: 4, column: 5)
    }

    @Test func invalidValues() {
        expectFailure("workers:\n  - stage: enrich.stats\n    kind: stat\n", code: .invalidValue, keyPath: "workers[0].kind", line: 3,
                      column: 11, messageContains: "did you mean \"stats\"?")
        expectFailure("cluster:\n  endpoint: http://localhost:80\n", code: .invalidValue, keyPath: "cluster.endpoint", line: 2,
                      messageContains: "expected ipc://PATH or tcp://HOST:PORT")
        expectFailure("cluster:\n  endpoint: tcp://127.0.0.1\n", code: .invalidValue, keyPath: "cluster.endpoint", line: 2)
        expectFailure("cluster:\n  endpoint: tcp://127.0.0.1:70000\n", code: .invalidValue, keyPath: "cluster.endpoint", line: 2)
        expectFailure("cluster:\n  control: ipc://bus.sock\n", code: .invalidValue, keyPath: "cluster.control", line: 2,
                      messageContains: "must differ from cluster.endpoint")
        expectFailure("log:\n  level: verbose\n", code: .invalidValue, keyPath: "log.level", line: 2, column: 10)
        expectFailure("log:\n  level: warn\n", code: .invalidValue, keyPath: "log.level", line: 2, messageContains: "did you mean \"warning\"?")
        expectFailure("pipeline:\n  stages: [enrich stats]\n", code: .invalidValue, keyPath: "pipeline.stages[0]", line: 2, column: 12)
        expectFailure("pipeline:\n  stages: []\n", code: .invalidValue, keyPath: "pipeline.stages", line: 2, column: 11)
        expectFailure("pipeline:\n  dead_letter_stage: store\n", code: .invalidValue, keyPath: "pipeline.dead_letter_stage", line: 2)
        expectFailure("workers:\n  - stage: enrich.stats\n    kind: stats\n    batch_size: 10\n", code: .invalidValue,
                      keyPath: "workers[0].batch_size", line: 4, column: 5, messageContains: "only to workers of kind: store")
        expectFailure("pipeline: {stages: [x]}\nworkers:\n  - stage: x\n    command: run 'unterminated\n", code: .invalidValue,
                      keyPath: "workers[0].command", line: 4)
        expectFailure("pipeline: {stages: [x]}\nworkers:\n  - stage: x\n    command: [run]\n    env: {1BAD: x}\n", code: .invalidValue,
                      keyPath: "workers[0].env.1BAD", line: 5, column: 11)
        expectFailure("sources:\n  - {name: a, kind: fead}\n", code: .invalidValue, keyPath: "sources[0].kind", line: 2,
                      messageContains: "did you mean \"feed\"?")
        expectFailure("sources:\n  - {name: a, kind: feed}\n", code: .missingKey, keyPath: "sources[0].url", line: 2)
        expectFailure("sources:\n  - {name: a, kind: feed, url: ftp://x/feed}\n", code: .invalidValue, keyPath: "sources[0].url", line: 2)
        expectFailure("sources:\n  - {name: a, kind: feed, url: 'http://x/f', interval_seconds: 0}\n", code: .outOfRange,
                      keyPath: "sources[0].interval_seconds", line: 2)
        expectFailure("sources:\n  - {name: a, kind: http}\n", code: .missingKey, keyPath: "sources[0].listen", line: 2)
        expectFailure("sources:\n  - {name: a, kind: http, listen: localhost}\n", code: .invalidValue, keyPath: "sources[0].listen", line: 2,
                      messageContains: "HOST:PORT")
        expectFailure("sources:\n  - {name: a, kind: http, listen: ':8480', path: in}\n", code: .invalidValue, keyPath: "sources[0].path",
                      line: 2, messageContains: "applies only to kind: inbox")
        expectFailure("sources:\n  - {name: a, kind: inbox, path: in, boilerplate: [{prefix: a, exact: b}]}\n", code: .invalidValue,
                      keyPath: "sources[0].boilerplate[0]", line: 2)
        expectFailure("sources:\n  - {name: a, kind: inbox, path: in, boilerplate: [{suffix: a}]}\n", code: .unknownKey,
                      keyPath: "sources[0].boilerplate[0].suffix", line: 2)
        expectFailure("sources:\n  - {name: a, kind: inbox, path: in, boilerplate: [{exact: '  '}]}\n", code: .invalidValue,
                      keyPath: "sources[0].boilerplate[0].exact", line: 2)
        expectFailure("sources:\n  - {name: a, kind: inbox, path: in, paths: [x]}\n", code: .invalidValue, keyPath: "sources[0].paths", line: 2)
    }

    @Test func duplicateSourceNames() {
        expectFailure("sources:\n  - {name: in, kind: inbox, path: a}\n  - {name: in, kind: inbox, path: b}\n", code: .duplicateSource,
                      keyPath: "sources[1].name", line: 3, column: 12, messageContains: "first at sources[0].name, line 2")
    }

    @Test func tcpReachableFromOtherHostsNeedsCurve() {
        expectFailure("cluster:\n  endpoint: tcp://0.0.0.0:5555\n", code: .insecureEndpoint, keyPath: "cluster.endpoint", line: 2, column: 13,
                      messageContains: "cluster.curve")
        expectFailure("cluster:\n  control: tcp://*:5556\n", code: .insecureEndpoint, keyPath: "cluster.control", line: 2)
        expectFailure("cluster:\n  endpoint: tcp://newsroom.example:5555\n", code: .insecureEndpoint, keyPath: "cluster.endpoint", line: 2)
    }

    @Test func unreadableFiles() throws {
        do {
            _ = try ConfigLoader.load(path: "/nonexistent-newsbus-folder/newsbus.yaml", environment: [:])
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .unreadableFile)
            #expect(error.file == "/nonexistent-newsbus-folder/newsbus.yaml")
        }
        try withTemporaryFolder { folder in
            #expect(throws: ConfigError.self) { try ConfigLoader.load(path: folder, environment: [:]) }
            let bad = folder + "/bad.yaml"
            #expect(FileManager.default.createFile(atPath: bad, contents: Data("log:\n  level: info\n  x: \u{FF}".utf8) + Data([0xFF, 0x0A])))
            let error = loadError(bad)
            #expect(error?.code == .unreadableFile)
            #expect(error?.line == 3)
        }
    }

    @Test func errorsInLoadedFilesNameTheFile() throws {
        try withTemporaryFolder { folder in
            let path = folder + "/newsbus.yaml"
            try "pipeline:\n  max_attempts: many\n".write(toFile: path, atomically: true, encoding: .utf8)
            let error = loadError(path)
            #expect(error?.file == path)
            #expect(error?.description == "\(path): pipeline.max_attempts: expected an integer, got \"many\" (line 2, column 17)")
        }
    }
}

/// Bad values from the environment and from flags name the variable or the flag.
@Suite struct EnvironmentAndFlagErrorTests {
    @Test func badIntegerFromEnvironment() {
        expectFailure("log: {level: info}\n", environment: ["NEWSBUS_MAX_ATTEMPTS": "five"], code: .wrongType,
                      keyPath: "pipeline.max_attempts", line: nil, messageContains: "environment variable NEWSBUS_MAX_ATTEMPTS: expected an integer, got \"five\"")
        let error = failure("log: {level: info}\n", environment: ["NEWSBUS_MAX_ATTEMPTS": "five"])
        #expect(error?.file == nil)
        #expect(error?.description == "pipeline.max_attempts: environment variable NEWSBUS_MAX_ATTEMPTS: expected an integer, got \"five\"")
        expectFailure("log: {level: info}\n", environment: ["NEWSBUS_HEARTBEAT_INTERVAL_MS": "5"], code: .outOfRange,
                      keyPath: "timeouts.heartbeat_interval_ms", line: nil, messageContains: "NEWSBUS_HEARTBEAT_INTERVAL_MS")
    }

    @Test func badStringsFromEnvironment() {
        expectFailure("log: {level: info}\n", environment: ["NEWSBUS_LOG_LEVEL": "loud"], code: .invalidValue, keyPath: "log.level",
                      line: nil, messageContains: "environment variable NEWSBUS_LOG_LEVEL")
        expectFailure("log: {level: info}\n", environment: ["NEWSBUS_ENDPOINT": "bus.sock"], code: .invalidValue,
                      keyPath: "cluster.endpoint", line: nil, messageContains: "environment variable NEWSBUS_ENDPOINT")
        expectFailure("log: {level: info}\n", environment: ["NEWSBUS_CONTROL": "tcp://0.0.0.0:1"], code: .insecureEndpoint,
                      keyPath: "cluster.control", line: nil, messageContains: "NEWSBUS_CONTROL")
        let deep = "/" + String(repeating: "e", count: 100)
        expectFailure("log: {level: info}\n", environment: ["NEWSBUS_RUN_DIR": deep], code: .ipcPathTooLong, keyPath: "cluster.run_dir",
                      line: nil, messageContains: "NEWSBUS_RUN_DIR")
    }

    @Test func badFlags() {
        expectFailure("log: {level: info}\n", overrides: .init(logLevel: "chatty"), code: .invalidValue, keyPath: "log.level", line: nil,
                      messageContains: "flag --log-level")
        expectFailure("log: {level: info}\n", overrides: .init(endpoint: "tcp://:5"), code: .invalidValue, keyPath: "cluster.endpoint",
                      line: nil, messageContains: "flag --endpoint")
        expectFailure("log: {level: info}\n", overrides: .init(replicas: ["store": 0]), code: .outOfRange,
                      keyPath: "workers[\(WorkerKind.builtInEnricherKinds.count)].replicas",
                      line: nil, messageContains: "flag --replicas store=0")
        expectFailure("log: {level: info}\n", overrides: .init(replicas: ["stor": 2]), code: .workerForUnknownStage, keyPath: "workers",
                      line: nil, messageContains: "did you mean \"store\"?")
    }

    @Test func aFlagHidesTheEnvironmentVariableOfTheSameKey() throws {
        let config = try parse("log: {level: info}\n", environment: ["NEWSBUS_LOG_LEVEL": "loud"], overrides: .init(logLevel: "debug"))
        #expect(config.log.level == .debug)
        // A flag for another key does not.
        expectFailure("log: {level: info}\n", environment: ["NEWSBUS_LOG_LEVEL": "loud"], overrides: .init(db: "/x.db"),
                      code: .invalidValue, keyPath: "log.level", line: nil)
    }
}
