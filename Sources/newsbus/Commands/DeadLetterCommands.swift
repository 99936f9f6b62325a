import ArgumentParser
import Foundation
import Logging
import NewsbusSDK
import NewsbusStore
import NewsbusWire
import NewsbusZMQ

/// `newsbus dead-letters`.
struct DeadLettersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dead-letters", abstract: "List messages that failed every attempt, with the reason.")

    @Option(name: .long, help: "SQLite database file.")
    var db: String

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    struct Row: Encodable {
        let id: Int64
        let messageId: String
        let articleUri: String
        let stage: String
        let reason: String
        let attempts: Int
        let payloadBytes: Int
        let createdAt: String

        enum CodingKeys: String, CodingKey {
            case id, stage, reason, attempts
            case messageId = "message_id"
            case articleUri = "article_uri"
            case payloadBytes = "payload_bytes"
            case createdAt = "created_at"
        }
    }

    func run() throws {
        let letters = try ArticleStore(readingExisting: db).deadLetters()
        let rows = letters.map {
            Row(id: $0.id, messageId: $0.messageId, articleUri: $0.articleUri, stage: $0.stage, reason: $0.reason,
                attempts: $0.attempts, payloadBytes: $0.payload.count, createdAt: $0.createdAt)
        }
        if json {
            print(try jsonText(rows))
            return
        }
        if rows.isEmpty {
            print("no dead letters")
            return
        }
        for r in rows {
            print("#\(r.id)  \(r.createdAt)  \(r.stage) ×\(r.attempts)  \(r.articleUri)  (\(r.payloadBytes) bytes)")
            print("     \(r.reason)")
        }
    }
}

/// `newsbus redrive`.
struct RedriveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redrive",
        abstract: "Send dead letters back through the pipeline; each one ACKed is removed from the list.",
        discussion: "A redriven message that fails again becomes a new dead letter.")

    @OptionGroup var bus: BusOptions

    @Option(name: .long, help: "SQLite database file.")
    var db: String

    @Option(name: .long, parsing: .upToNextOption, help: "Dead-letter ids to redrive (default: all).")
    var ids: [Int64] = []

    @Option(name: .long, help: "Seconds to wait for acknowledgements.")
    var timeout = 120

    func run() throws {
        try bus.validateEndpoint()
        let logger = ProcessSetup.bootstrapLogging(level: bus.logLevel, label: "newsbus.redrive")
        ProcessSetup.becomeClusterChild()
        let store = try ArticleStore(readingExisting: db)
        let letters = try store.deadLetters().filter { ids.isEmpty || ids.contains($0.id) }
        guard !letters.isEmpty else {
            print("no dead letters to redrive")
            return
        }
        let publisher = try Publisher(endpoint: bus.endpoint, name: "redrive", context: try ZMQContext(), logger: logger)
        var letterOf: [String: Int64] = [:]
        var done: [Int64] = []
        var failed: [(Int64, String)] = []
        var replaced: [Int64] = []
        publisher.onResult = { id, result in
            guard let letter = letterOf[id] else { return }
            switch result {
            case .acked: done.append(letter)
            case let .nacked(code, reason):
                failed.append((letter, "\(reason)"))
                if code == .deadLettered { replaced.append(letter) }  // recorded anew under the new message id
            }
        }
        for letter in letters {
            let version = (try? Envelope(wireBytes: letter.envelope).articleVersion) ?? ""
            let id = try publisher.publish(payload: letter.payload, uri: letter.articleUri, version: version)
            letterOf[id] = letter.id
        }
        _ = try publisher.drain(timeoutMs: timeout * 1000, shouldStop: { ProcessSetup.stopRequested })
        try store.removeDeadLetters(ids: done + replaced)
        print("\(letters.count) redriven: \(done.count) stored, \(failed.count) failed again, \(publisher.pending) unanswered")
        for (id, reason) in failed { printError("#\(id) failed again: \(reason)") }
        if !failed.isEmpty || publisher.pending > 0 { throw ExitCode(1) }
    }
}
