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

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        let store = try ArticleStore(readingExisting: db)
        let hits: [SearchHit]
        do {
            hits = try store.search(query.joined(separator: " "), limit: limit, raw: raw)
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
            print("\(i + 1). \(hit.headline)")
            print("   \(hit.sectionPath.joined(separator: " / "))  \(hit.uri)")
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
            print(try jsonText(ArticleJSON(article, storedAt: stored.storedAt, canceled: stored.canceled)))
        case .text:
            print(article.headline)
            if !article.sectionPath.isEmpty { print(article.sectionPath.joined(separator: " / ")) }
            print("\(article.uri)  version \(article.version)  \(article.pubstatus)")
            for image in article.associations {
                print("[\(image.name)] \(image.caption) (\(image.credit))")
            }
            if let body = article.mainBody {
                print("\(body.wordcount) words, \(body.readingTimeSeconds / 60) min \(body.readingTimeSeconds % 60) s read\n")
                print(body.value)
            }
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

    init(_ article: Article, storedAt: String, canceled: Bool) {
        self.article = article
        self.storedAt = storedAt
        self.canceled = canceled
    }

    enum CodingKeys: String, CodingKey {
        case article, canceled
        case storedAt = "stored_at"
    }
}
