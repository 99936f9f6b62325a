import Foundation
import NewsbusConfig
import Testing

/// flags > environment variables > file > defaults, for each value that has all four.
@Suite struct PrecedenceTests {
    static let file = """
        cluster:
          run_dir: state
          endpoint: ipc://file-bus.sock
          control: ipc://file-control.sock
        store:
          db: file.db
        pipeline:
          max_attempts: 7
        timeouts:
          heartbeat_interval_ms: 2000
        log:
          level: notice
        \(minimalWorkers)
            replicas: 3
        """

    static let environment = [
        "NEWSBUS_RUN_DIR": "/env/run", "NEWSBUS_ENDPOINT": "ipc://env-bus.sock", "NEWSBUS_CONTROL": "tcp://127.0.0.1:7000",
        "NEWSBUS_DB": "/env/env.db", "NEWSBUS_LOG_LEVEL": "debug", "NEWSBUS_MAX_ATTEMPTS": "9",
        "NEWSBUS_HEARTBEAT_INTERVAL_MS": "250",
    ]

    static let flags = ConfigOverrides(
        endpoint: "tcp://127.0.0.1:6000", control: "ipc:///flag/control.sock", db: "/flag/flag.db", runDir: "/flag/run",
        logLevel: "error", replicas: ["store": 4])

    @Test func defaultsWhenNothingIsGiven() throws {
        let config = try ConfigLoader.defaults(baseDirectory: base, environment: [:])
        #expect(config.cluster.runDirectory == "/srv/newsroom/.newsbus/run")
        #expect(config.cluster.endpoint == .ipc(path: "/srv/newsroom/.newsbus/run/bus.sock"))
        #expect(config.store.db == "/srv/newsroom/newsbus.db")
        #expect(config.pipeline.maxAttempts == 5)
        #expect(config.timeouts.heartbeatIntervalMs == 1000)
        #expect(config.log.level == .info)
    }

    @Test func fileWinsOverDefaults() throws {
        let config = try parse(Self.file)
        #expect(config.cluster.runDirectory == "/srv/newsroom/state")
        #expect(config.cluster.endpoint == .ipc(path: "/srv/newsroom/state/file-bus.sock"))
        #expect(config.cluster.control == .ipc(path: "/srv/newsroom/state/file-control.sock"))
        #expect(config.store.db == "/srv/newsroom/file.db")
        #expect(config.pipeline.maxAttempts == 7)
        #expect(config.timeouts.heartbeatIntervalMs == 2000)
        #expect(config.log.level == .notice)
        #expect(config.workers.prefix(2).map(\.replicas) == [1, 3])
    }

    @Test func environmentWinsOverFile() throws {
        let config = try parse(Self.file, environment: Self.environment)
        #expect(config.cluster.runDirectory == "/env/run")
        // A relative ipc endpoint lives in the run directory that won.
        #expect(config.cluster.endpoint == .ipc(path: "/env/run/env-bus.sock"))
        #expect(config.cluster.control == .tcp(host: "127.0.0.1", port: 7000))
        #expect(config.store.db == "/env/env.db")
        #expect(config.pipeline.maxAttempts == 9)
        #expect(config.timeouts.heartbeatIntervalMs == 250)
        #expect(config.log.level == .debug)
    }

    @Test func environmentWinsOverDefaultsWithoutAFile() throws {
        let config = try ConfigLoader.defaults(baseDirectory: base, environment: Self.environment)
        #expect(config.cluster.endpoint == .ipc(path: "/env/run/env-bus.sock"))
        #expect(config.pipeline.maxAttempts == 9)
    }

    @Test func flagsWinOverEnvironment() throws {
        let config = try parse(Self.file, environment: Self.environment, overrides: Self.flags)
        #expect(config.cluster.runDirectory == "/flag/run")
        #expect(config.cluster.endpoint == .tcp(host: "127.0.0.1", port: 6000))
        #expect(config.cluster.control == .ipc(path: "/flag/control.sock"))
        #expect(config.store.db == "/flag/flag.db")
        #expect(config.log.level == .error)
        #expect(config.workers.prefix(2).map(\.replicas) == [1, 4])
        // No flag for these: the environment still wins.
        #expect(config.pipeline.maxAttempts == 9)
        #expect(config.timeouts.heartbeatIntervalMs == 250)
    }

    @Test func eachFlagAloneWinsOverTheFile() throws {
        #expect(try parse(Self.file, overrides: .init(runDir: "/r")).cluster.endpoint == .ipc(path: "/r/file-bus.sock"))
        #expect(try parse(Self.file, overrides: .init(endpoint: "ipc://x.sock")).cluster.endpoint == .ipc(path: "/srv/newsroom/state/x.sock"))
        #expect(try parse(Self.file, overrides: .init(control: "ipc://c.sock")).cluster.control == .ipc(path: "/srv/newsroom/state/c.sock"))
        #expect(try parse(Self.file, overrides: .init(db: "/d.db")).store.db == "/d.db")
        #expect(try parse(Self.file, overrides: .init(logLevel: "TRACE")).log.level == .trace)
        #expect(try parse(Self.file, overrides: .init(replicas: ["enrich.stats": 5])).workers.prefix(2).map(\.replicas) == [5, 3])
    }

    @Test func emptyEnvironmentVariablesCountAsUnset() throws {
        let empty = Dictionary(uniqueKeysWithValues: ConfigEnvironment.all.map { ($0, "") })
        #expect(try parse(Self.file, environment: empty) == (try parse(Self.file)))
    }

    @Test func relativePathsFromEnvironmentAndFlagsAreRelativeToTheCurrentDirectory() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let fromEnvironment = try parse(Self.file, environment: ["NEWSBUS_DB": "env.db", "NEWSBUS_RUN_DIR": "r"])
        #expect(fromEnvironment.store.db == cwd + "/env.db")
        #expect(fromEnvironment.cluster.runDirectory == cwd + "/r")
        let fromFlags = try parse(Self.file, overrides: .init(db: "sub/../flag.db"))
        #expect(fromFlags.store.db == cwd + "/flag.db")
    }

    @Test func unrelatedEnvironmentIsIgnored() throws {
        #expect(try parse(Self.file, environment: ["NEWSBUS_UNKNOWN": "x", "PATH": "/bin"]) == (try parse(Self.file)))
    }
}
