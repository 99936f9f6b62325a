import NewsbusIngest

/// Quality and speed of ingest for one format over a fixture set.
public struct IngestFormatReport: Sendable {
    /// The format's short name: `text`, `html`, `rss`, `atom`, `ninjs`.
    public var format: String
    /// Input files.
    public var files: Int
    /// Their total size in bytes.
    public var bytes: Int
    /// Articles expected (refused items not counted).
    public var articles: Int
    /// Body extraction over every article (see ``IngestScorer``).
    public var body: Score
    /// Field tallies.
    public var fields: [IngestField: FieldAccuracy]
    /// Every expectation not met.
    public var misses: [IngestMiss]
    /// Times each file was ingested for the timing.
    public var repetitions: Int
    /// Wall-clock seconds for all repetitions of all files.
    public var seconds: Double

    /// Files ingested per second.
    public var filesPerSecond: Double { seconds > 0 ? Double(files * repetitions) / seconds : 0 }
    /// Megabytes (10^6 bytes) ingested per second.
    public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes * repetitions) / 1_000_000 / seconds : 0 }
}

/// Runs the ``Ingestor`` over fixtures: scores every fixture once, then times each format over
/// a number of repetitions.
public struct IngestBenchmark: Sendable {
    /// The fixtures.
    public var fixtures: [IngestFixture]
    /// The ingestor under test.
    public var ingestor: Ingestor

    /// A benchmark of `ingestor` over `fixtures`.
    public init(fixtures: [IngestFixture], ingestor: Ingestor = Ingestor()) {
        self.fixtures = fixtures
        self.ingestor = ingestor
    }

    /// One report per format present, in the order text, html, rss, atom, ninjs.
    /// - Parameter repetitions: how many times every file is ingested for the timing (at least 1).
    public func run(repetitions: Int) -> [IngestFormatReport] {
        let scorer = IngestScorer(ingestor: ingestor)
        let order = InputFormat.allCases.map(\.shortName)
        let byFormat = Dictionary(grouping: fixtures, by: \.expectation.format)
        return byFormat.keys.sorted { (order.firstIndex(of: $0) ?? order.count, $0) < (order.firstIndex(of: $1) ?? order.count, $1) }
            .map { format in
                let group = byFormat[format] ?? []
                var report = IngestFormatReport(
                    format: format, files: group.count, bytes: group.reduce(0) { $0 + $1.bytes.count },
                    articles: group.reduce(0) { $0 + $1.expectation.articles.filter { $0.error == nil }.count },
                    body: Score(), fields: [:], misses: [], repetitions: max(1, repetitions), seconds: 0)
                for fixture in group {
                    let score = scorer.score(fixture)
                    report.body += score.body
                    report.fields.merge(score.fields, uniquingKeysWith: +)
                    report.misses += score.misses
                }
                report.seconds = time(group, repetitions: report.repetitions)
                return report
            }
    }

    /// Seconds to ingest every fixture of `group` `repetitions` times.
    private func time(_ group: [IngestFixture], repetitions: Int) -> Double {
        var articles = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<repetitions {
                for fixture in group {
                    articles += (try? ingestor.ingest(fixture.bytes, context: fixture.context))?.articles.count ?? 0
                }
            }
        }
        precondition(articles >= 0)  // keeps the work observable
        let parts = elapsed.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
