import ArgumentParser

/// `newsbus bench …`: benchmarks that print figures next to a raw baseline from the same run.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks (figures, not tests).", subcommands: [CodecBench.self, PipelineBench.self, IngestBench.self, EnrichBench.self])
}
