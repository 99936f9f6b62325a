import Foundation
import NewsbusEnrich
import NewsbusStore
import NewsbusTesting
import NewsbusWire
import Testing

/// Expected values for each example article, written by hand from the files in Examples/articles.
private struct Expected {
    let file: String
    let headline: String
    let section: [String]
    let credits: [String]
}

private let expectations: [Expected] = [
    .init(file: "01-koreas-envoys-trilateral.txt",
          headline: "All options on the table against Pyongyang: US, Japan, South Korea envoys",
          section: ["News", "Foreign Policy", "Koreas"], credits: ["Photo by Newsbus Wire", "KCNA via Newsbus Wire"]),
    .init(file: "02-economy-chip-exports.txt",
          headline: "Chip exports lift South Korea's trade surplus for a fifth straight month",
          section: ["Business", "Economy", "Trade"], credits: ["Photo by Newsbus Wire"]),
    .init(file: "03-sport-baseball-final.txt",
          headline: "Rain, relief and a walk-off: Incheon Mariners clinch first title since 2009",
          section: ["Sports", "Baseball"], credits: ["Photo by Newsbus Wire"]),
    .init(file: "04-science-lunar-orbiter.txt",
          headline: "Lunar orbiter Haneul-2 sends back first images of permanently shadowed craters",
          section: ["Science", "Space"], credits: []),
    .init(file: "05-culture-film-festival.txt",
          headline: "Busan festival lineup: three debut features, a restored classic and a Mongolian western",
          section: ["Culture", "Film", "Festivals"],
          credits: ["Photo by Newsbus Wire", "Photo courtesy of Example Pictures", "Korean Film Archive"]),
    .init(file: "06-politics-japan-defense-budget.txt",
          headline: "Tokyo weighs record defense budget: drones, missile interceptors, cyber units",
          section: ["News", "Politics", "Japan"], credits: ["Photo by Newsbus Wire"]),
    .init(file: "07-economy-central-bank.txt",
          headline: "Bank of Korea holds rates at 3.25 percent, signals cut as inflation cools",
          section: ["Business", "Economy", "Monetary Policy"], credits: ["Pool photo"]),
    .init(file: "08-world-climate-talks.txt",
          headline: "Climate talks end with finance deal: $300 billion a year, a review in 2030, no word on coal",
          section: ["World", "Environment", "Climate"], credits: ["Photo: Newsbus Wire/Lee Da-eun"]),
    .init(file: "09-sport-football-transfer.txt",
          headline: "South Korean winger Seo Min-jun completes record move to Bayern",
          section: ["Sport", "Football", "Europe"], credits: ["AFP"]),
    .init(file: "10-koreas-missile-launch.txt",
          headline: "North Korea fires salvo of cruise missiles: Seoul, Tokyo, Washington condemn launch",
          section: ["News", "North Korea", "Military"], credits: ["KCNA via Newsbus Wire", "Newsbus Wire file photo"]),
    .init(file: "11-science-health-dengue-vaccine.txt",
          headline: "Trial shows single-dose dengue vaccine protects children for at least three years",
          section: ["Science", "Health"], credits: ["Photo courtesy of Gyeonggi Provincial Government"]),
    .init(file: "12-national-seoul-transit-strike.txt",
          headline: "Seoul subway strike averted hours before deadline: union, operator agree on wage rise, safety hiring",
          section: ["National", "Society", "Transport"], credits: ["Newsbus Wire"]),
]

/// Boilerplate lines that appear in the example files and must never reach a stored body.
private let boilerplateLines = [
    "SHARE THIS ARTICLE", "SHARE THIS STORY", "Subscribe to our newsletter", "Skip to main content", "KakaoTalk",
    "example-ledger.co.kr", "example-science.kr", "example-nkwatch.com", "Download our app", "Also available on Android and iOS",
    "This website is also available at the following addresses", "Follow us on Twitter", "All rights reserved",
]

/// One cluster run in a private folder; checks afterwards that no process of it survives.
final class ClusterRun {
    let folder: URL
    let db: String
    let runDir: String
    let newsbus = TestPaths.newsbusExecutable()
    let examples = TestPaths.packageRoot().appendingPathComponent("Examples/articles").path

    init() throws {
        folder = try TestPaths.temporaryFolder("newsbus-it")
        db = folder.appendingPathComponent("news.db").path
        runDir = folder.appendingPathComponent("run").path
    }

    func process(_ paths: [String], timeout: Double = 120) throws -> CommandResult {
        try CommandRunner.run(newsbus, ["process"] + paths + ["--db", db, "--run-dir", runDir], timeout: timeout)
    }

    func cli(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(newsbus, arguments + ["--db", db], timeout: 60)
    }

    /// Processes of this run still alive (their command lines name this run's folder).
    func survivors() -> [Int32] { ProcessTable.pids(commandLineContaining: folder.path) }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

@Suite("newsbus process, end to end with real processes", .serialized)
struct ProcessCommandTests {
    @Test("every example article is stored with its headline, section, captions and no boilerplate")
    func storesEveryExample() throws {
        let run = try ClusterRun()
        let result = try run.process([run.examples])
        #expect(result.status == 0, "\(result.summary)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let enrichStages = BuiltInEnricher.allCases.map(\.defaultStage)
        #expect(lines.count == 3 + enrichStages.count, "one summary line per process (ingest, router, each stage):\n\(result.stdout)")
        #expect(lines.first { $0.hasPrefix("ingest") }?.contains("12 files, 12 acked, 0 rejected") == true, "\(result.stdout)")
        #expect(lines.first { $0.hasPrefix("store") }?.contains("12 committed (12 new") == true, "\(result.stdout)")
        for stage in enrichStages {
            #expect(lines.first { $0.hasPrefix(stage) }?.contains("12 enriched, 0 failed") == true, "\(stage): \(result.stdout)")
        }
        #expect(lines.first { $0.hasPrefix("router") }?.contains("12 published, 12 acked") == true, "\(result.stdout)")
        #expect(run.survivors().isEmpty, "processes left behind: \(run.survivors())")

        let store = try ArticleStore(readingExisting: run.db)
        let stored = try store.allArticles()
        #expect(stored.count == expectations.count)
        let byFile = Dictionary(uniqueKeysWithValues: stored.map { ($0.article.altids.first { $0.role == "filename" }?.value ?? "", $0.article) })
        for expected in expectations {
            let article = try #require(byFile[expected.file], "\(expected.file) not stored")
            #expect(article.headline == expected.headline, "\(expected.file)")
            #expect(article.sectionPath == expected.section, "\(expected.file)")
            #expect(article.associations.map(\.credit) == expected.credits, "\(expected.file)")
            #expect(article.associations.allSatisfy { !$0.caption.isEmpty && $0.type == "picture" }, "\(expected.file)")
            let body = try #require(article.mainBody, "\(expected.file) has no body")
            #expect(body.wordcount > 200, "\(expected.file): enrich.stats ran")
            #expect(body.readingTimeSeconds > 0, "\(expected.file)")
            for caption in article.associations where caption.caption.count > 40 {
                #expect(!body.value.contains(caption.caption), "\(expected.file): a caption leaked into the body")
            }
            for line in boilerplateLines {
                #expect(!body.value.contains(line), "\(expected.file): boilerplate \"\(line)\" in body")
            }
            #expect(article.provenance.map(\.enricher) == enrichStages, "\(expected.file): the default pipeline runs every built-in enricher")
            #expect(article.uri.hasPrefix("urn:newsbus:text:"))
        }
    }

    @Test("running twice over the same files adds no row")
    func idempotentRerun() throws {
        let run = try ClusterRun()
        let first = try run.process([run.examples])
        #expect(first.status == 0, "\(first.summary)")
        let second = try run.process([run.examples])
        #expect(second.status == 0, "\(second.summary)")
        #expect(second.stdout.contains("12 committed (0 new, 0 updated, 12 unchanged"), "\(second.stdout)")
        let stats = try ArticleStore(readingExisting: run.db).stats()
        #expect(stats.articles == 12)
        #expect(stats.versions == 12)
        #expect(run.survivors().isEmpty)
    }

    @Test("search, show and stats answer from the store")
    func queryCommands() throws {
        let run = try ClusterRun()
        #expect(try run.process([run.examples]).status == 0)

        let search = try run.cli(["search", "missile", "--json"])
        #expect(search.status == 0, "\(search.summary)")
        let hits = try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as! [String: Any]
        let results = hits["results"] as! [[String: Any]]
        let headlines = results.map { $0["headline"] as! String }
        #expect(Set(headlines) == [expectations[0].headline, expectations[5].headline, expectations[9].headline])
        #expect(results.allSatisfy { ($0["snippet"] as! String).lowercased().contains("[missile") })
        #expect(results.allSatisfy { ($0["section_path"] as! [String]).count >= 2 })

        let phrase = try run.cli(["search", "walk-off", "Mariners", "--json"])
        let phraseHits = (try JSONSerialization.jsonObject(with: Data(phrase.stdout.utf8)) as! [String: Any])["results"] as! [[String: Any]]
        #expect(phraseHits.first?["headline"] as? String == expectations[2].headline)

        let none = try run.cli(["search", "zeppelin"])
        #expect(none.status == 0 && none.stdout.contains("no match"))

        let uri = results.first { ($0["headline"] as! String) == expectations[0].headline }!["uri"] as! String
        let ninjs = try run.cli(["show", uri, "--format", "ninjs"])
        #expect(ninjs.status == 0, "\(ninjs.summary)")
        let object = try JSONSerialization.jsonObject(with: Data(ninjs.stdout.utf8)) as! [String: Any]
        #expect(NinjsChecker.problems(in: object).isEmpty, "not valid ninjs 2.1: \(NinjsChecker.problems(in: object))")
        #expect(object["uri"] as? String == uri)
        #expect(((object["headlines"] as! [[String: Any]])[0]["value"] as! String) == expectations[0].headline)
        let associations = object["associations"] as! [[String: Any]]
        #expect(associations.count == 2)
        let firstDescriptions = associations[0]["descriptions"] as! [[String: String]]
        #expect(firstDescriptions.contains { $0["role"] == "credit" && $0["value"] == "Photo by Newsbus Wire" })

        let json = try run.cli(["show", uri, "--format", "json"])
        #expect(json.status == 0, "\(json.summary)")
        let decoded = try JSONDecoder().decode(ShowJSON.self, from: Data(json.stdout.utf8))
        #expect(decoded.article.headline == expectations[0].headline)
        #expect(decoded.article.sectionPath == expectations[0].section)
        #expect(decoded.canceled == false)

        let missing = try run.cli(["show", "urn:newsbus:text:nope"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no article with uri"))

        let stats = try run.cli(["stats", "--json"])
        #expect(stats.status == 0, "\(stats.summary)")
        let counts = try JSONDecoder().decode(StoreStats.self, from: Data(stats.stdout.utf8))
        #expect(counts.articles == 12)
        #expect(counts.deadLetters == 0)
        #expect(counts.bySource == [NamedCount(name: "ingest", count: 12)])
        #expect(counts.bySection.count == 12)
        #expect(counts.bySection.contains(NamedCount(name: "News / Foreign Policy / Koreas", count: 1)))
    }

    @Test("bad files are rejected with name and reason, Latin-1 is converted, the others are stored; exit status 1")
    func rejectsBadFiles() throws {
        let run = try ClusterRun()
        let inbox = run.folder.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        for name in ["01-koreas-envoys-trilateral.txt", "09-sport-football-transfer.txt"] {
            try FileManager.default.copyItem(atPath: "\(run.examples)/\(name)", toPath: inbox.appendingPathComponent(name).path)
        }
        try Data([0x4E, 0x65, 0x77, 0x73, 0x00, 0x01, 0xFF]).write(to: inbox.appendingPathComponent("binary.txt"))
        // Latin-1 (not UTF-8): detected and converted, not refused, not garbled.
        let latin = "World / Europe\n\nCaf\u{E9}s reopen in Montr\u{E9}al and Z\u{FC}rich\n\nOwners said the caf\u{E9}s would reopen on Monday.\n\nA second paragraph.\n"
        try Data(latin.unicodeScalars.map { UInt8($0.value) }).write(to: inbox.appendingPathComponent("latin.txt"))
        try Data("a".utf8).write(to: inbox.appendingPathComponent("tiny.txt"))
        try Data().write(to: inbox.appendingPathComponent("empty.txt"))
        let result = try run.process([inbox.path])
        #expect(result.status == 1, "\(result.summary)")
        #expect(result.stderr.contains("binary.txt: rejected: binary"), "\(result.stderr)")
        #expect(!result.stderr.contains("latin.txt"), "\(result.stderr)")
        #expect(result.stderr.contains("tiny.txt: rejected: no-"), "\(result.stderr)")
        #expect(result.stderr.contains("empty.txt: rejected: empty"), "\(result.stderr)")
        let stored = try ArticleStore(readingExisting: run.db).allArticles()
        #expect(stored.count == 3)
        #expect(stored.contains { $0.article.headline == "Cafés reopen in Montréal and Zürich" })
        #expect(run.survivors().isEmpty)
    }

    @Test("a missing input path fails at once with a clear message")
    func missingPath() throws {
        let run = try ClusterRun()
        let result = try run.process([run.folder.appendingPathComponent("nowhere").path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no such file or folder"), "\(result.stderr)")
        #expect(run.survivors().isEmpty)
    }

    @Test("SIGKILL of the supervisor takes every child with it")
    func noOrphansWhenSupervisorIsKilled() throws {
        let run = try ClusterRun()
        // Enough input that the cluster is still running when we kill the supervisor.
        let inbox = run.folder.appendingPathComponent("many")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        let source = try String(contentsOfFile: "\(run.examples)/01-koreas-envoys-trilateral.txt", encoding: .utf8)
        for i in 0..<400 {
            try (source + "\n\nEditor's note: copy \(i).\n").write(
                to: inbox.appendingPathComponent("copy-\(i).txt"), atomically: false, encoding: .utf8)
        }
        let supervisor = try CommandRunner.start(
            run.newsbus, ["process", inbox.path, "--db", run.db, "--run-dir", run.runDir])
        let clusterUp = Eventually.wait(timeout: 30) { run.survivors().count >= 5 }
        #expect(clusterUp, "the cluster did not start: \(supervisor.stderrSoFar)")
        supervisor.signal(SIGKILL)
        _ = try supervisor.wait(timeout: 10)
        let allGone = Eventually.wait(timeout: 10) { run.survivors().isEmpty }
        #expect(allGone, "children outlived a SIGKILLed supervisor: \(run.survivors())")
    }
}

/// `show --format json` output.
private struct ShowJSON: Decodable {
    let article: Article
    let canceled: Bool
}
