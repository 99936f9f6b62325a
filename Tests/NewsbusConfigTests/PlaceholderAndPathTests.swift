import Foundation
import NewsbusConfig
import Testing

@Suite struct PlaceholderTests {
    static let yaml = """
        cluster:
          run_dir: /run/nb
        store:
          db: data/news.db
        pipeline:
          stages: [enrich.stats, enrich.shout, store]
        workers:
          - stage: enrich.stats
            kind: stats
          - stage: enrich.shout
            command: ["python3", "plugins/shout.py", "--endpoint", "{endpoint}", "--stage", "{stage}", "--name", "{name}"]
            env: {PYTHONUNBUFFERED: "1", NB_ALL: "{control} {db} {run_dir}", NB_LITERAL: "{{name}} is {name}"}
            replicas: 2
          - stage: store
            kind: store
          - stage: enrich.shout
            command: ./shout --label 'two words' --quoted "say \\"hi\\"" {name}
        """

    @Test func commandsAndEnvironmentAreSubstitutedPerProcess() throws {
        let config = try parse(Self.yaml)
        // The model keeps the templates.
        #expect(
            config.workers[1].kind
                == .command(["python3", "plugins/shout.py", "--endpoint", "{endpoint}", "--stage", "{stage}", "--name", "{name}"]))
        let instances = config.workerInstances
        #expect(instances.map(\.name) == ["enrich.stats-1", "enrich.shout-1-1", "enrich.shout-1-2", "store-1", "enrich.shout-2-1"])
        #expect(instances.map(\.replica) == [1, 1, 2, 1, 1])
        #expect(instances.map(\.entry) == [0, 1, 1, 2, 3])
        #expect(instances[0].kind == .builtIn("stats"))
        #expect(
            instances[2].kind
                == .command([
                    "python3", "plugins/shout.py", "--endpoint", "ipc:///run/nb/bus.sock", "--stage", "enrich.shout", "--name",
                    "enrich.shout-1-2",
                ]))
        #expect(
            instances[1].environment == [
                "PYTHONUNBUFFERED": "1", "NB_ALL": "ipc:///run/nb/control.sock /srv/newsroom/data/news.db /run/nb",
                "NB_LITERAL": "{name} is enrich.shout-1-1",
            ])
        #expect(instances[4].kind == .command(["./shout", "--label", "two words", "--quoted", "say \"hi\"", "enrich.shout-2-1"]))
    }

    @Test func scaledReplicasGetTheirOwnNames() throws {
        let config = try parse(Self.yaml)
        #expect(config.instance(entry: 0, replica: 7).name == "enrich.stats-7")
        let shout = config.instance(entry: 3, replica: 4)
        #expect(shout.name == "enrich.shout-2-4")
        #expect(shout.kind == .command(["./shout", "--label", "two words", "--quoted", "say \"hi\"", "enrich.shout-2-4"]))
    }

    @Test func placeholderValues() throws {
        let config = try parse(Self.yaml, overrides: .init(endpoint: "tcp://127.0.0.1:5555"))
        #expect(
            config.placeholderValues(stage: "s", name: "s-1") == [
                "endpoint": "tcp://127.0.0.1:5555", "control": "ipc:///run/nb/control.sock", "stage": "s", "name": "s-1",
                "db": "/srv/newsroom/data/news.db", "run_dir": "/run/nb",
            ])
        #expect(ClusterConfig.placeholderNames.sorted() == ["control", "db", "endpoint", "name", "run_dir", "stage"])
    }

    @Test func shellLikeSplittingRunsNoShell() throws {
        let config = try parse(
            """
            pipeline: {stages: [x]}
            workers:
              - stage: x
                command: 'echo $HOME *.txt ~ a\\ b "c\\d" ''e''f'
            """)
        #expect(config.workers[0].kind == .command(["echo", "$HOME", "*.txt", "~", "a b", "c\\d", "ef"]))
    }
}

@Suite struct PathTests {
    @Test func relativePathsAreResolvedAgainstTheConfigFilesFolder() throws {
        try withTemporaryFolder { folder in
            try FileManager.default.createDirectory(atPath: folder + "/conf", withIntermediateDirectories: true)
            let path = folder + "/conf/newsbus.yaml"
            try """
                cluster:
                  run_dir: ./run/../state
                  endpoint: ipc://sockets/bus.sock
                  control: ipc:///tmp/nb-control.sock
                  curve: {server_secret_key_file: keys/s.key, server_public_key_file: ../p.key}
                store:
                  db: ../data/news.db
                sources:
                  - {name: in, kind: inbox, path: inbox}
                  - {name: once, kind: files, paths: [a.txt, /abs/b.txt]}
                """.write(toFile: path, atomically: true, encoding: .utf8)
            let config = try ConfigLoader.load(path: path, environment: [:])
            let conf = folder + "/conf"
            #expect(config.file == path)
            #expect(config.baseDirectory == conf)
            #expect(config.cluster.runDirectory == conf + "/state")
            #expect(config.cluster.endpoint == .ipc(path: conf + "/state/sockets/bus.sock"))
            #expect(config.cluster.control == .ipc(path: "/tmp/nb-control.sock"))
            #expect(config.cluster.curve == .init(serverSecretKeyFile: conf + "/keys/s.key", serverPublicKeyFile: folder + "/p.key"))
            #expect(config.store.db == folder + "/data/news.db")
            #expect(
                config.sources == [
                    .init(name: "in", kind: .inbox(path: conf + "/inbox")),
                    .init(name: "once", kind: .files(paths: [conf + "/a.txt", "/abs/b.txt"])),
                ])
        }
    }

    @Test func aRelativeConfigPathIsRelativeToTheCurrentDirectory() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: cwd + "/Examples/newsbus.yaml") else { return }  // run from elsewhere
        let config = try ConfigLoader.load(
            path: "Examples/newsbus.yaml", environment: [:], overrides: .init(runDir: "/tmp/nb-relative-run"))
        #expect(config.file == cwd + "/Examples/newsbus.yaml")
        #expect(config.store.db == cwd + "/Examples/newsbus.db")
    }

    @Test func homeIsExpandedFromTheGivenEnvironment() throws {
        let config = try parse("store:\n  db: ~/news.db\n", environment: ["HOME": "/home/editor"])
        #expect(config.store.db == "/home/editor/news.db")
        let withoutHome = try parse("store:\n  db: ~/news.db\n")
        #expect(withoutHome.store.db == "/srv/newsroom/~/news.db")
    }

    @Test func aRelativeBaseDirectoryIsMadeAbsolute() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let config = try ConfigLoader.parse(
            yaml: "log: {level: info}\n", baseDirectory: "cfg", environment: [:], overrides: .init(runDir: "/tmp/nb-base-run"))
        #expect(config.baseDirectory == cwd + "/cfg")
        #expect(config.store.db == cwd + "/cfg/newsbus.db")
    }
}
