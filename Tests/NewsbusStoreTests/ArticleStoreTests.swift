import Foundation
import NewsbusStore
import NewsbusWire
import Testing

/// A store in a fresh temporary folder, removed at the end of the test.
private final class TemporaryStore {
    let folder: URL
    let store: ArticleStore

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsbus-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try ArticleStore(path: folder.appendingPathComponent("test.db").path)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }
}

private func article(
    uri: String, version: String = "1", headline: String, body: String, versioncreated: String = "2024-03-07T09:00:00Z",
    section: [String] = ["News", "World"], pubstatus: Article.PubStatus = .usable
) -> Article {
    var a = Article(
        uri: uri, version: version, type: "text", versioncreated: versioncreated, pubstatus: pubstatus,
        headlines: [.init(role: "main", value: headline)], bodies: [.init(role: "main", contenttype: "text/plain", value: body)],
        sectionPath: section, source: .init(kind: "file", name: "desk"))
    a.contentHash = ContentHash.of(a)
    return a
}

private func save(_ a: Article, in store: ArticleStore) throws -> StoreOutcome {
    try store.store(a, payload: a.wireBytes())
}

@Suite("Article store")
struct ArticleStoreTests {
    @Test("the same uri, version and content stored twice is one row")
    func idempotent() throws {
        let t = try TemporaryStore()
        let a = article(uri: "urn:test:1", headline: "Envoys meet in Tokyo", body: "The envoys met on Thursday.")
        #expect(try save(a, in: t.store) == .inserted)
        #expect(try save(a, in: t.store) == .duplicate)
        #expect(try save(a, in: t.store) == .duplicate)
        let stats = try t.store.stats()
        #expect(stats.articles == 1)
        #expect(stats.versions == 1)
    }

    @Test("a newer version replaces the current row and keeps the old one in history")
    func newerVersionUpdates() throws {
        let t = try TemporaryStore()
        _ = try save(article(uri: "urn:test:2", version: "1", headline: "Talks stall", body: "No deal yet."), in: t.store)
        let v2 = article(uri: "urn:test:2", version: "2", headline: "Talks end with a deal", body: "A deal was reached.")
        #expect(try save(v2, in: t.store) == .updated)
        let stored = try #require(try t.store.article(uri: "urn:test:2"))
        #expect(stored.article.headline == "Talks end with a deal")
        #expect(try t.store.stats().versions == 2)
        #expect(try t.store.search("deal").map(\.uri) == ["urn:test:2"])
        #expect(try t.store.search("stall").isEmpty, "the FTS index must follow the update")
    }

    @Test("an older version never overwrites a newer one")
    func olderVersionIsStale() throws {
        let t = try TemporaryStore()
        _ = try save(article(uri: "urn:test:3", version: "10", headline: "Final score 3-2", body: "Late winner."), in: t.store)
        let old = article(uri: "urn:test:3", version: "9", headline: "Score 2-2", body: "Level at the break.")
        #expect(try save(old, in: t.store) == .stale)
        #expect(try t.store.article(uri: "urn:test:3")?.article.headline == "Final score 3-2")
        #expect(try t.store.stats().versions == 2)
    }

    @Test("versions without numbers are ordered by versioncreated")
    func versionOrderByTime() throws {
        let t = try TemporaryStore()
        _ = try save(article(uri: "urn:test:4", version: "b", headline: "Later", body: "x", versioncreated: "2024-03-08T00:00:00Z"), in: t.store)
        #expect(try save(article(uri: "urn:test:4", version: "a", headline: "Earlier", body: "y", versioncreated: "2024-03-07T00:00:00Z"), in: t.store) == .stale)
        #expect(try t.store.article(uri: "urn:test:4")?.article.headline == "Later")
    }

    @Test("a kill marks the article canceled and hides it from search")
    func killMarksCanceled() throws {
        let t = try TemporaryStore()
        _ = try save(article(uri: "urn:test:5", version: "1", headline: "Minister resigns", body: "The minister resigned."), in: t.store)
        let kill = article(uri: "urn:test:5", version: "2", headline: "Minister resigns", body: "Withdrawn.", pubstatus: .canceled)
        #expect(try save(kill, in: t.store) == .killed)
        let stored = try #require(try t.store.article(uri: "urn:test:5"))
        #expect(stored.canceled)
        #expect(try t.store.search("minister").isEmpty)
        #expect(try t.store.stats().canceled == 1)
    }

    @Test("search ranks headline matches first and marks matches in the snippet")
    func searchRanking() throws {
        let t = try TemporaryStore()
        _ = try save(article(uri: "urn:a", headline: "Budget talks", body: "The cabinet discussed a missile defence budget at length."), in: t.store)
        _ = try save(article(uri: "urn:b", headline: "Missile launch condemned", body: "Seoul condemned the launch."), in: t.store)
        _ = try save(article(uri: "urn:c", headline: "Weather", body: "Sunny."), in: t.store)
        let hits = try t.store.search("missile")
        #expect(hits.map(\.uri) == ["urn:b", "urn:a"])
        #expect(hits[1].snippet.contains("[missile]"))
        #expect(hits[0].sectionPath == ["News", "World"])
    }

    @Test("user input with FTS5 syntax is searched as plain words, never a syntax error", arguments: [
        "\"unbalanced", "missile AND", "NEAR(", "col:missile", "*", "missile)", "'; DROP TABLE articles; --",
    ])
    func searchSanitises(query: String) throws {
        let t = try TemporaryStore()
        _ = try save(article(uri: "urn:d", headline: "Missile test", body: "A missile was tested."), in: t.store)
        _ = try t.store.search(query)
        #expect(try t.store.stats().articles == 1)
    }

    @Test("prefix match on the last word and non-ASCII words")
    func prefixAndUnicode() throws {
        let t = try TemporaryStore()
        _ = try save(article(uri: "urn:e", headline: "Séoul et Tōkyō", body: "Les envoyés se sont réunis à Séoul."), in: t.store)
        #expect(try t.store.search("envoy").map(\.uri) == ["urn:e"])
        #expect(try t.store.search("seoul").map(\.uri) == ["urn:e"], "diacritics are folded")
    }

    @Test("raw FTS5 queries pass through, and a bad one is a clear error")
    func rawQueries() throws {
        let t = try TemporaryStore()
        _ = try save(article(uri: "urn:f", headline: "Rates held", body: "The bank held rates."), in: t.store)
        #expect(try t.store.search("headline:rates", raw: true).map(\.uri) == ["urn:f"])
        #expect(throws: StoreError.self) { try t.store.search("\"unterminated", raw: true) }
    }

    @Test("dead letters keep their reason and bytes")
    func deadLetters() throws {
        let t = try TemporaryStore()
        let id = try t.store.addDeadLetter(
            DeadLetter(messageId: "m-1", articleUri: "urn:g", stage: "enrich.stats", reason: "crashed 5 times", attempts: 5,
                       envelope: [1, 2, 3], payload: [0xFF, 0x00, 0x7F]))
        let letters = try t.store.deadLetters()
        #expect(letters.count == 1)
        #expect(letters[0].id == id)
        #expect(letters[0].payload == [0xFF, 0x00, 0x7F])
        #expect(letters[0].reason == "crashed 5 times")
        #expect(try t.store.stats().deadLetters == 1)
    }

    @Test("stats count by source and section")
    func statsBreakdown() throws {
        let t = try TemporaryStore()
        _ = try save(article(uri: "urn:h1", headline: "A", body: "a", section: ["Sport"]), in: t.store)
        _ = try save(article(uri: "urn:h2", headline: "B", body: "b", section: ["Sport"]), in: t.store)
        _ = try save(article(uri: "urn:h3", headline: "C", body: "c", section: ["News", "World"]), in: t.store)
        let stats = try t.store.stats()
        #expect(stats.bySection == [NamedCount(name: "Sport", count: 2), NamedCount(name: "News / World", count: 1)])
        #expect(stats.bySource == [NamedCount(name: "desk", count: 3)])
    }

    @Test("an article without a uri is refused and nothing of the batch is written")
    func batchIsAtomic() throws {
        let t = try TemporaryStore()
        let good = article(uri: "urn:i", headline: "Fine", body: "ok")
        var bad = article(uri: "", headline: "No id", body: "x")
        bad.uri = ""
        #expect(throws: StoreError.self) { try t.store.store([(good, try good.wireBytes()), (bad, try bad.wireBytes())]) }
        #expect(try t.store.stats().articles == 0)
    }

    @Test("the store reopens with its data (WAL file on disk)")
    func reopen() throws {
        let t = try TemporaryStore()
        _ = try save(article(uri: "urn:j", headline: "Persisted", body: "Still here."), in: t.store)
        let again = try ArticleStore(readingExisting: t.store.path)
        #expect(try again.article(uri: "urn:j")?.article.headline == "Persisted")
        #expect(throws: StoreError.self) { try ArticleStore(readingExisting: t.folder.appendingPathComponent("missing.db").path) }
    }

    @Test("an edited item with the same uri becomes version 2 with sig:update; re-sending it changes nothing")
    func editBecomesNewVersion() throws {
        let t = try TemporaryStore()
        let first = article(uri: "urn:feed:guid-7", headline: "Ferry service resumes", body: "Ferries run again.", versioncreated: "2024-03-07T09:00:00Z")
        #expect(try save(first, in: t.store) == .inserted)
        let edited = article(uri: "urn:feed:guid-7", headline: "Ferry service resumes after storm", body: "Ferries run again on all routes.",
                             versioncreated: "2024-03-07T11:00:00Z")
        #expect(try save(edited, in: t.store) == .updated)
        let stored = try #require(try t.store.article(uri: "urn:feed:guid-7")).article
        #expect(stored.version == "2")
        #expect(stored.signals == [.update])
        #expect(stored.headline == "Ferry service resumes after storm")
        #expect(try save(edited, in: t.store) == .duplicate, "the same edit again is not a new version")
        #expect(try save(first, in: t.store) == .duplicate, "an old re-send is not a new version either")
        #expect(try t.store.stats().versions == 2)
    }

    @Test("an edit that says it corrects something carries sig:correction; a kill carries sig:withdraw")
    func correctionAndKillSignals() throws {
        let t = try TemporaryStore()
        _ = try save(article(uri: "urn:feed:9", headline: "Minister visits Busan", body: "The minister visited on Monday."), in: t.store)
        var fix = article(uri: "urn:feed:9", headline: "Minister visits Busan", body: "The minister visited on Tuesday.",
                          versioncreated: "2024-03-07T10:00:00Z")
        fix.ednote = "Corrects day of the visit in paragraph 1."
        #expect(try save(fix, in: t.store) == .updated)
        let corrected = try #require(try t.store.article(uri: "urn:feed:9")).article
        #expect(corrected.version == "2" && corrected.signals == [.correction])
        let kill = article(uri: "urn:feed:9", headline: "Minister visits Busan", body: "The minister visited on Tuesday.",
                           versioncreated: "2024-03-07T12:00:00Z", pubstatus: .canceled)
        #expect(try save(kill, in: t.store) == .killed)
        let killed = try #require(try t.store.article(uri: "urn:feed:9"))
        #expect(killed.canceled && killed.article.version == "3" && killed.article.signals == [.withdraw])
    }
}

@Suite("Near-duplicate links")
struct NearDuplicateTests {
    private func copy(_ uri: String, headline: String, fingerprint: UInt64) -> Article {
        var a = article(uri: uri, headline: headline, body: "Finance ministers of \(uri) agreed to meet again in May.")
        a.fingerprint = fingerprint
        a.contentHash = ContentHash.of(a)
        return a
    }

    @Test("an article within 12 bits of an earlier one links to the group's first copy; 13 bits apart does not")
    func links() throws {
        let t = try TemporaryStore()
        let f: UInt64 = 0xA5C3_0F96_5A3C_F069
        _ = try save(copy("urn:a", headline: "Finance talks resume", fingerprint: f), in: t.store)
        _ = try save(copy("urn:b", headline: "Ministers to meet again", fingerprint: f ^ 0b111), in: t.store)  // 3 bits from a
        _ = try save(copy("urn:c", headline: "Talks back on", fingerprint: f ^ 0xFFF0), in: t.store)  // 12 from a
        _ = try save(copy("urn:d", headline: "Unrelated finance", fingerprint: f ^ 0x1FFF_0000_0000_0000), in: t.store)  // 13 from a
        _ = try save(copy("urn:e", headline: "No fingerprint", fingerprint: 0), in: t.store)
        // Across a reopen: the window is read back from the file.
        let reopened = try ArticleStore(path: t.store.path)
        _ = try reopened.store(copy("urn:g", headline: "After reopen", fingerprint: f ^ 0b1), payload: copy("urn:g", headline: "After reopen", fingerprint: f ^ 0b1).wireBytes())
        #expect(try reopened.article(uri: "urn:g")?.duplicateOf == "urn:a")
        // 12 bits spread over the whole word.
        let spread: UInt64 = (0..<12).reduce(0) { $0 | (1 << UInt64($1 * 5)) }
        _ = try save(copy("urn:f", headline: "Spread bits", fingerprint: f ^ spread), in: t.store)
        #expect(try t.store.article(uri: "urn:a")?.duplicateOf == nil)
        #expect(try t.store.article(uri: "urn:b")?.duplicateOf == "urn:a")
        #expect(try t.store.article(uri: "urn:c")?.duplicateOf == "urn:a")
        #expect(try t.store.article(uri: "urn:d")?.duplicateOf == nil)
        #expect(try t.store.article(uri: "urn:e")?.duplicateOf == nil)
        #expect(try t.store.article(uri: "urn:f")?.duplicateOf == "urn:a")
        #expect(try t.store.duplicateGroup(of: "urn:c") == ["urn:a", "urn:b", "urn:c", "urn:g", "urn:f"])
        #expect(try t.store.duplicateGroup(of: "urn:d") == ["urn:d"])
        // A new version of the root is not a copy of itself, and keeps its group.
        var a2 = copy("urn:a", headline: "Finance talks resume in May", fingerprint: f ^ 1)
        a2.version = "2"
        #expect(try save(a2, in: t.store) == .updated)
        #expect(try t.store.article(uri: "urn:a")?.duplicateOf == nil)
        #expect(try t.store.article(uri: "urn:b")?.duplicateOf == "urn:a")
    }

    @Test("a copy of a copy points at the first copy, even when it is far from it")
    func rootOfChain() throws {
        let t = try TemporaryStore()
        let f: UInt64 = 0x0123_4567_89AB_CDEF
        _ = try save(copy("urn:first", headline: "One", fingerprint: f), in: t.store)
        _ = try save(copy("urn:second", headline: "Two", fingerprint: f ^ 0xFFF), in: t.store)  // 12 from first
        _ = try save(copy("urn:third", headline: "Three", fingerprint: f ^ 0xFF_FFFF), in: t.store)  // 12 from second, 24 from first
        #expect(try t.store.article(uri: "urn:third")?.duplicateOf == "urn:first")
    }

    @Test("search can collapse copies of one story into one hit")
    func collapsedSearch() throws {
        let t = try TemporaryStore()
        let f: UInt64 = 0x0F0F_0F0F_0F0F_0F0F
        _ = try save(copy("urn:wire", headline: "Finance talks resume", fingerprint: f), in: t.store)
        _ = try save(copy("urn:outlet-1", headline: "Finance ministers meet", fingerprint: f ^ 0b1), in: t.store)
        _ = try save(copy("urn:outlet-2", headline: "Finance dialogue restarts", fingerprint: f ^ 0b10), in: t.store)
        _ = try save(copy("urn:other", headline: "Finance market closes higher", fingerprint: ~f), in: t.store)
        #expect(try t.store.search("finance").count == 4)
        let collapsed = try t.store.search("finance", collapseDuplicates: true)
        #expect(collapsed.count == 2)
        #expect(collapsed.map(\.copies).sorted() == [1, 3])
        let group = try #require(collapsed.first { $0.copies == 3 })
        #expect(["urn:wire", "urn:outlet-1", "urn:outlet-2"].contains(group.uri))
    }
}
