import Foundation
import NewsbusConfig
import Testing

@Suite struct ExampleAndDefaultsTests {
    /// The example as it is expected to load in /srv/newsroom, written out by hand.
    static let expectedExample = ClusterConfig(
        cluster: .init(
            name: "newsroom", runDirectory: "/srv/newsroom/.newsbus/run",
            endpoint: .ipc(path: "/srv/newsroom/.newsbus/run/bus.sock"),
            control: .ipc(path: "/srv/newsroom/.newsbus/run/control.sock"), curve: nil, insecure: false),
        store: .init(db: "/srv/newsroom/newsbus.db"),
        pipeline: .init(
            name: "default", stages: ["enrich.stats", "store"], maxAttempts: 5, maxPending: 10000, maxPayloadBytes: 16_777_216,
            deadLetterStage: "deadletter"),
        workers: [
            .init(stage: "enrich.stats", kind: .builtIn("stats"), replicas: 2, capacity: 32, batchSize: 64, batchDelayMs: 20, environment: [:]),
            .init(stage: "store", kind: .builtIn("store"), replicas: 1, capacity: 32, batchSize: 64, batchDelayMs: 20, environment: [:]),
        ],
        sources: [.init(name: "inbox", kind: .inbox(path: "/srv/newsroom/inbox"))],
        restart: .init(backoffInitialMs: 100, backoffMaxMs: 10000, maxRestarts: 5, withinSeconds: 30),
        timeouts: .init(heartbeatIntervalMs: 1000, heartbeatLiveness: 3, readySeconds: 10, drainSeconds: 30),
        log: .init(level: .info),
        baseDirectory: "/srv/newsroom",
        file: nil)

    @Test func exampleFileLoadsToTheExpectedValues() throws {
        let text = try String(contentsOfFile: packageRoot + "/Examples/newsbus.yaml", encoding: .utf8)
        let config = try parse(text)
        #expect(config == Self.expectedExample)
        #expect(config.cluster.endpoint.description == "ipc:///srv/newsroom/.newsbus/run/bus.sock")
        #expect(config.workerInstances.map(\.name) == ["enrich.stats-1", "enrich.stats-2", "store-1"])
    }

    @Test func exampleFileLoadsFromDiskRelativeToItsFolder() throws {
        let path = packageRoot + "/Examples/newsbus.yaml"
        // A short run directory keeps the socket paths within 107 bytes wherever the package lives.
        let config = try ConfigLoader.load(path: path, environment: [:], overrides: ConfigOverrides(runDir: "/tmp/nb-example-run"))
        let folder = packageRoot + "/Examples"
        #expect(config.file == path)
        #expect(config.baseDirectory == folder)
        #expect(config.store.db == folder + "/newsbus.db")
        #expect(config.sources == [.init(name: "inbox", kind: .inbox(path: folder + "/inbox"))])
        #expect(config.cluster.endpoint == .ipc(path: "/tmp/nb-example-run/bus.sock"))
    }

    @Test func defaultConfigIsTheEmbeddedCluster() throws {
        let expected = ClusterConfig(
            cluster: .init(
                name: "newsbus", runDirectory: "/srv/newsroom/.newsbus/run",
                endpoint: .ipc(path: "/srv/newsroom/.newsbus/run/bus.sock"),
                control: .ipc(path: "/srv/newsroom/.newsbus/run/control.sock"), curve: nil, insecure: false),
            store: .init(db: "/srv/newsroom/newsbus.db"),
            pipeline: .init(
                name: "default", stages: WorkerKind.builtInEnricherKinds.map { "enrich.\($0)" } + ["store"], maxAttempts: 5,
                maxPending: 10000, maxPayloadBytes: 16_777_216, deadLetterStage: "deadletter"),
            workers: (WorkerKind.builtInEnricherKinds + ["store"]).map { kind in
                .init(
                    stage: kind == "store" ? "store" : "enrich.\(kind)", kind: .builtIn(kind), replicas: 1, capacity: 32, batchSize: 64,
                    batchDelayMs: 20, environment: [:])
            },
            sources: [],
            restart: .init(backoffInitialMs: 100, backoffMaxMs: 10000, maxRestarts: 5, withinSeconds: 30),
            timeouts: .init(heartbeatIntervalMs: 1000, heartbeatLiveness: 3, readySeconds: 10, drainSeconds: 30),
            log: .init(level: .info),
            baseDirectory: "/srv/newsroom")
        #expect(ConfigLoader.defaultConfig(baseDirectory: "/srv/newsroom") == expected)
        #expect(ConfigLoader.defaultConfig(baseDirectory: "/srv/newsroom/") == expected)
        #expect(try ConfigLoader.defaults(baseDirectory: "/srv/newsroom", environment: [:]) == expected)
    }

    @Test func aFileWithOneKeyTakesEveryOtherDefault() throws {
        let config = try parse("log:\n  level: debug\n")
        var expected = ConfigLoader.defaultConfig(baseDirectory: base)
        expected.log.level = .debug
        #expect(config == expected)
    }

    @Test func emptySectionsTakeTheirDefaults() throws {
        let config = try parse("cluster:\nstore:\npipeline:\nworkers:\nsources:\nrestart:\ntimeouts:\nlog:\n")
        #expect(config == ConfigLoader.defaultConfig(baseDirectory: base))
    }

    @Test func withoutWorkersTheBuiltInStagesGetTheirBuiltInWorkers() throws {
        let config = try parse("pipeline:\n  stages: [store]\n")
        #expect(config.workers == [.init(stage: "store", kind: .builtIn("store"))])
    }

    @Test func aBuiltInStageWithoutAWorkerEntryGetsItsBuiltInWorker() throws {
        let config = try parse("pipeline:\n  stages: [enrich.fingerprint, store]\nworkers:\n  - {stage: store, kind: store, batch_size: 8}\n")
        #expect(config.workers == [
            .init(stage: "store", kind: .builtIn("store"), batchSize: 8),
            .init(stage: "enrich.fingerprint", kind: .builtIn("fingerprint")),
        ])
    }

    @Test func deadLetterStageCanBeSwitchedOff() throws {
        #expect(try parse("pipeline:\n  dead_letter_stage: ~\n").pipeline.deadLetterStage == nil)
        #expect(try parse("pipeline:\n  dead_letter_stage: \"\"\n").pipeline.deadLetterStage == nil)
        #expect(try parse("pipeline:\n  dead_letter_stage: dlq\n").pipeline.deadLetterStage == "dlq")
    }

    @Test func aWorkerMayServeTheDeadLetterStage() throws {
        let config = try parse(
            """
            pipeline: {dead_letter_stage: dlq}
            \(minimalWorkers)
              - stage: dlq
                command: [python3, dlq.py]
            """)
        // The listed workers, then the built-in stages of the default pipeline no entry serves.
        #expect(config.workers.prefix(3).map(\.stage) == ["enrich.stats", "store", "dlq"])
        #expect(Set(config.workers.map(\.stage)) == Set(ClusterConfig.Pipeline.defaultStages + ["dlq"]))
    }

    @Test func tcpOnLoopbackNeedsNoCurve() throws {
        let config = try parse("cluster:\n  endpoint: tcp://127.0.0.1:5555\n  control: tcp://localhost:5556\n")
        #expect(config.cluster.endpoint == .tcp(host: "127.0.0.1", port: 5555))
        #expect(config.cluster.control == .tcp(host: "localhost", port: 5556))
        let v6 = try parse("cluster:\n  endpoint: tcp://[::1]:5555\n")
        #expect(v6.cluster.endpoint == .tcp(host: "::1", port: 5555))
        #expect(v6.cluster.endpoint.description == "tcp://[::1]:5555")
    }

    @Test func tcpOnOtherAddressesWithCurveOrInsecure() throws {
        let curve = try parse(
            """
            cluster:
              endpoint: tcp://*:5555
              curve: {server_secret_key_file: keys/server.secret, server_public_key_file: /etc/newsbus/server.public}
            """)
        #expect(curve.cluster.endpoint == .tcp(host: "*", port: 5555))
        #expect(curve.cluster.curve == .init(serverSecretKeyFile: "/srv/newsroom/keys/server.secret", serverPublicKeyFile: "/etc/newsbus/server.public"))
        let insecure = try parse("cluster:\n  endpoint: tcp://0.0.0.0:5555\n  insecure: true\n")
        #expect(insecure.cluster.insecure)
        #expect(!insecure.cluster.endpoint.isLocal)
    }

    @Test func sourcesOfBothKinds() throws {
        let config = try parse(
            """
            sources:
              - name: wire
                kind: files
                paths: [feeds/a.txt, /data/b]
              - {name: drop, kind: inbox, path: ../drop}
            """)
        #expect(
            config.sources == [
                .init(name: "wire", kind: .files(paths: ["/srv/newsroom/feeds/a.txt", "/data/b"])),
                .init(name: "drop", kind: .inbox(path: "/srv/drop")),
            ])
        #expect(config.sources.map(\.kind.name) == ["files", "inbox"])
    }

    @Test func feedAndHTTPSourcesWithBoilerplateRules() throws {
        let config = try parse(
            """
            sources:
              - name: wire
                kind: feed
                url: https://feeds.news.example/wire.xml
                interval_seconds: 120
                boilerplate:
                  - prefix: Reporter contact
                  - cut_after: Comments
              - {name: agency, kind: feed, url: "http://agency.example/ninjs", state: state/agency.json}
              - name: api
                kind: http
                listen: 0.0.0.0:8480
                max_body_bytes: 1048576
                ack_timeout_seconds: 10
                builtin_boilerplate: false
                boilerplate: [{exact: "SHARE THIS ARTICLE"}, {contains: "also be reached at"}]
              - {name: local, kind: http, listen: "127.0.0.1:0"}
            """)
        #expect(
            config.sources == [
                .init(
                    name: "wire", kind: .feed(url: "https://feeds.news.example/wire.xml", intervalSeconds: 120, statePath: nil),
                    boilerplate: [.init(kind: "prefix", text: "Reporter contact"), .init(kind: "cut-after", text: "Comments")]),
                .init(name: "agency", kind: .feed(url: "http://agency.example/ninjs", intervalSeconds: 60, statePath: "/srv/newsroom/state/agency.json")),
                .init(
                    name: "api", kind: .http(listen: "0.0.0.0:8480", maxBodyBytes: 1_048_576, ackTimeoutSeconds: 10),
                    boilerplate: [.init(kind: "exact", text: "SHARE THIS ARTICLE"), .init(kind: "contains", text: "also be reached at")],
                    builtInBoilerplate: false),
                .init(name: "local", kind: .http(listen: "127.0.0.1:0", maxBodyBytes: 16 << 20, ackTimeoutSeconds: 30)),
            ])
        #expect(config.sources.first?.boilerplate.map(\.spec) == ["prefix:Reporter contact", "cut-after:Comments"])
    }

    @Test func errorDescriptionIsOneLine() {
        let error = ConfigError(
            code: .wrongType, keyPath: "pipeline.max_attempts", line: 12, column: 17, message: "expected an integer, got \"five\"",
            file: "newsbus.yaml")
        #expect(error.description == "newsbus.yaml: pipeline.max_attempts: expected an integer, got \"five\" (line 12, column 17)")
        #expect(ConfigError(code: .emptyFile, keyPath: "", message: "empty").description == "empty")
        #expect(ConfigError.Code.wrongType.rawValue == "wrong-type")
    }
}

@Suite struct DocumentationTests {
    /// The YAML blocks of docs/configuration.md.
    static func yamlBlocks() throws -> [String] {
        let text = try String(contentsOfFile: packageRoot + "/docs/configuration.md", encoding: .utf8)
        return text.components(separatedBy: "```yaml\n").dropFirst().map { String($0.components(separatedBy: "```")[0]) }
    }

    @Test func everyYamlBlockOfTheReferenceLoads() throws {
        let blocks = try Self.yamlBlocks()
        #expect(blocks.count == 3)
        for block in blocks {
            #expect(throws: Never.self) { _ = try parse(block) }
        }
    }

    @Test func theReferenceShowsTheExampleFile() throws {
        let example = try String(contentsOfFile: packageRoot + "/Examples/newsbus.yaml", encoding: .utf8)
        let body = example[example.range(of: "\ncluster:")!.lowerBound...].dropFirst()
        #expect(try Self.yamlBlocks().contains(String(body)))
    }
}
