import ArgumentParser

/// The `newsbus` command line.
@main
struct Newsbus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsbus",
        abstract: "A wire-format message bus for newsroom services.",
        discussion: """
            Run a local cluster over a folder of articles with `newsbus process`, then query the
            store with `search`, `show` and `stats`. The other commands are the cluster's own
            processes, started by the supervisor, and benchmarks.
            """,
        version: "0.1.0",
        subcommands: [
            UpCommand.self, ProcessCommand.self, SearchCommand.self, ShowCommand.self, StatsCommand.self,
            DeadLettersCommand.self, RedriveCommand.self, StatusCommand.self, StopCommand.self, ScaleCommand.self,
            IngestCommand.self, RouterCommand.self, WorkerCommand.self, BenchCommand.self,
        ]
    )
}
