import Foundation
import NewsbusConfig
import NewsbusEnrich
import NewsbusIngest
import NewsbusStore
import NewsbusTesting
import NewsbusWire
import Testing

/// Every built-in enricher as its own stage, two replicas each, in a real cluster.
@Suite("built-in enrichers in a cluster", .serialized, .timeLimit(.minutes(3)))
struct EnrichmentClusterTests {
    static let fixtures = TestPaths.packageRoot().appendingPathComponent("Tests/NewsbusEnrichTests/Fixtures/articles")

    /// The English pages of the annotated article set.
    private func englishPages() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: Self.fixtures, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" && Int($0.lastPathComponent.prefix(2)).map { $0 <= 23 } == true }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// An outlet's copy of a page: another headline, the last body paragraph dropped.
    private func outletCopy(of page: String) -> String {
        var blocks = page.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
        blocks[1] = "Envoys keep every option open on the North"
        if let last = blocks.lastIndex(where: { $0.split(separator: " ").count > 25 }) { blocks.remove(at: last) }
        return blocks.joined(separator: "\n\n")
    }

    @Test("newsbus.yaml knows exactly the enrichers the executable has, in the same order")
    func configKnowsEveryEnricher() {
        #expect(WorkerKind.builtInEnricherKinds == BuiltInEnricher.names)
    }

    @Test("each article passes every enricher once, in order; results equal the in-process enrichers'; a copy is linked")
    func everyEnricher() throws {
        let kinds = BuiltInEnricher.names
        let h = try ClusterHarness(statsReplicas: 2, enrichers: kinds)
        try h.start(expectWorkers: kinds.count * 2 + 1)
        let pages = try englishPages()
        try #require(pages.count >= 20)
        let copyFile = h.folder.appendingPathComponent("outlet-copy.txt")
        try outletCopy(of: String(contentsOf: pages[0], encoding: .utf8)).write(to: copyFile, atomically: true, encoding: .utf8)
        // The pages first, the copy once they are stored: with two replicas per stage, articles
        // sent together may reach the store in any order, and the link points at the first stored.
        let ingest = try CommandRunner.run(
            h.newsbus, ["ingest", "--endpoint", h.endpoint, "--name", "desk"] + pages.map(\.path), timeout: 120)
        #expect(ingest.status == 0, "\(ingest.summary)")
        let pagesStored = Eventually.wait(timeout: 60, intervalMs: 100) { ((try? h.store().allArticles().count) ?? 0) == pages.count }
        try #require(pagesStored, "every page is stored before the copy is sent")
        let ingestCopy = try CommandRunner.run(
            h.newsbus, ["ingest", "--endpoint", h.endpoint, "--name", "desk", copyFile.path], timeout: 60)
        #expect(ingestCopy.status == 0, "\(ingestCopy.summary)")
        let stored = try h.store().allArticles()
        #expect(stored.count == pages.count + 1)

        let pipeline = try BuiltInEnricher.pipeline()
        let stages = kinds.map { "enrich.\($0)" }
        let byFile = Dictionary(stored.map { ($0.article.source?.locator ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        for page in pages {
            let article = try #require(byFile[page.path], "\(page.lastPathComponent) stored")
            #expect(article.article.provenance.map(\.enricher) == stages, "\(page.lastPathComponent): \(article.article.provenance.map(\.enricher))")
            // The same article enriched in this process: the cluster adds exactly the same.
            var local = try Ingestor().ingest(Array(Data(contentsOf: page)), context: IngestContext(
                sourceName: "desk", locator: page.path, receivedAt: article.article.source?.receivedAt ?? "",
                filename: page.lastPathComponent)).articles[0]
            try BuiltInEnricher.enrich(&local, with: pipeline)
            let remote = article.article
            #expect(remote.people == local.people && remote.organisations == local.organisations && remote.places == local.places,
                    "\(page.lastPathComponent): entities differ")
            #expect(remote.quotes == local.quotes && remote.dates == local.dates && remote.located == local.located)
            #expect(remote.subjects == local.subjects && remote.keywords == local.keywords && remote.language == local.language)
            #expect(remote.fingerprint == local.fingerprint && remote.fingerprint != 0)
        }
        let first = try #require(byFile[pages[0].path])
        let copy = try #require(byFile[copyFile.path])
        #expect(copy.duplicateOf == first.article.uri, "the outlet copy is linked to the story it copies")
        #expect(try h.store().search("envoys", collapseDuplicates: true).contains { $0.copies == 2 })
        #expect(try h.stop().status == 0)
        h.expectNoSurvivors()
    }
}
