import ArgumentParser
import Foundation
import NewsbusStore
import NewsbusWire

/// `newsbus search`.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Full-text search over stored headlines and bodies, best match first.")

    @Argument(help: "Words to find (all must match; the last may be a prefix).")
    var query: [String]

    @Option(name: .long, help: "SQLite database file.")
    var db: String

    @Option(name: .long, help: "Most results.")
    var limit = 10

    @Flag(name: .long, help: "Pass the query to SQLite FTS5 as is (AND, OR, NOT, NEAR, \"phrases\", headline:word).")
    var raw = false

    @Flag(name: .long, help: "Show one hit per story: near-duplicate copies (wire copies from other outlets) count once.")
    var collapse = false

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        let store = try ArticleStore(readingExisting: db)
        let hits: [SearchHit]
        do {
            hits = try store.search(query.joined(separator: " "), limit: limit, raw: raw, collapseDuplicates: collapse)
        } catch {
            throw ValidationError(raw ? "bad FTS5 query: \(error)" : "\(error)")
        }
        if json {
            print(try jsonText(SearchOutput(query: query.joined(separator: " "), count: hits.count, results: hits)))
            return
        }
        if hits.isEmpty {
            print("no match for \"\(query.joined(separator: " "))\"")
            return
        }
        for (i, hit) in hits.enumerated() {
            print("\(i + 1). \(hit.headline)" + (hit.copies > 1 ? "  (+\(hit.copies - 1) near-duplicate\(hit.copies > 2 ? "s" : ""))" : ""))
            print("   \(hit.sectionPath.joined(separator: " / "))  \(hit.uri)" + (hit.duplicateOf.map { "  (copy of \($0))" } ?? ""))
            print("   \(hit.snippet)")
        }
    }

    struct SearchOutput: Encodable {
        let query: String
        let count: Int
        let results: [SearchHit]
    }
}

/// `newsbus show`.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print one stored article.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, ninjs
    }

    @Argument(help: "The article uri.")
    var uri: String

    @Option(name: .long, help: "SQLite database file.")
    var db: String

    @Option(name: .long, help: "text (default), json (every field) or ninjs (IPTC ninjs 2.1).")
    var format: Format = .text

    func run() throws {
        let store = try ArticleStore(readingExisting: db)
        guard let stored = try store.article(uri: uri) else {
            printError("newsbus: no article with uri \(uri) in \(db)")
            throw ExitCode(1)
        }
        let article = stored.article
        switch format {
        case .ninjs:
            print(String(decoding: try NinjsEncoder.json(for: article), as: UTF8.self))
        case .json:
            print(try jsonText(ArticleJSON(article, storedAt: stored.storedAt, canceled: stored.canceled, duplicateOf: stored.duplicateOf)))
        case .text:
            print(article.headline)
            if !article.sectionPath.isEmpty { print(article.sectionPath.joined(separator: " / ")) }
            print("\(article.uri)  version \(article.version)  \(article.pubstatus)" + (article.language.isEmpty ? "" : "  \(article.language)"))
            if let original = stored.duplicateOf { print("near-duplicate of \(original)") }
            for image in article.associations {
                print("[\(image.name)] \(image.caption) (\(image.credit))")
            }
            Self.printEnrichments(of: article)
            if let body = article.mainBody {
                print("\(body.wordcount) words, \(body.readingTimeSeconds / 60) min \(body.readingTimeSeconds % 60) s read\n")
                print(body.value)
            }
        }
    }
}

extension ShowCommand {
    /// The enrichers' findings, one line per kind, for the text format.
    static func printEnrichments(of article: Article) {
        func names(_ concepts: [Article.Concept]) -> String {
            concepts.map { $0.code.isEmpty ? $0.name : "\($0.name) (\($0.code))" }.joined(separator: ", ")
        }
        if !article.located.isEmpty { print("located       \(article.located)") }
        if !article.people.isEmpty { print("people        \(names(article.people))") }
        if !article.organisations.isEmpty { print("organisations \(names(article.organisations))") }
        if !article.places.isEmpty { print("places        \(names(article.places))") }
        if !article.subjects.isEmpty { print("subjects      \(article.subjects.map { "\($0.name) [\($0.code)]" }.joined(separator: ", "))") }
        if !article.keywords.isEmpty { print("keywords      \(article.keywords.joined(separator: ", "))") }
        if !article.dates.isEmpty { print("dates         \(article.dates.map { "\($0.text) → \($0.value)" }.joined(separator: "; "))") }
        for quote in article.quotes {
            let speaker = quote.speaker.map { $0.name.isEmpty ? $0.literal : $0.name } ?? "unattributed"
            print("quote         \(speaker) \(quote.cue.isEmpty ? "" : "(\(quote.cue)) ")“\(quote.content)”")
        }
    }
}

/// `newsbus stats`.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Counts of stored articles and dead letters.")

    @Option(name: .long, help: "SQLite database file.")
    var db: String

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        let stats = try ArticleStore(readingExisting: db).stats()
        if json {
            print(try jsonText(stats))
            return
        }
        print("articles      \(stats.articles) (\(stats.canceled) killed, \(stats.versions) versions)")
        print("dead letters  \(stats.deadLetters)")
        print("by source")
        for entry in stats.bySource { print("  \(String(entry.count).padding(toLength: 6, withPad: " ", startingAt: 0))\(entry.name.isEmpty ? "(none)" : entry.name)") }
        print("by section")
        for entry in stats.bySection { print("  \(String(entry.count).padding(toLength: 6, withPad: " ", startingAt: 0))\(entry.name.isEmpty ? "(none)" : entry.name)") }
    }
}

/// `show --format json`: the article with its store metadata.
struct ArticleJSON: Encodable {
    let article: Article
    let storedAt: String
    let canceled: Bool
    let duplicateOf: String?

    init(_ article: Article, storedAt: String, canceled: Bool, duplicateOf: String?) {
        self.article = article
        self.storedAt = storedAt
        self.canceled = canceled
        self.duplicateOf = duplicateOf
    }

    enum CodingKeys: String, CodingKey {
        case article, canceled
        case storedAt = "stored_at"
        case duplicateOf = "duplicate_of"
    }
}
