import Foundation

/// The keyword rules of `Resources/topics/rules.tsv`: which terms count for which Media Topic, and how much.
///
/// File format (see the file's header): `<8-digit code> TAB <term> TAB <weight>`, `#` comments.
struct TopicRules: Sendable {
    /// One term's contribution to one topic.
    struct Vote: Sendable {
        /// Index into ``MediaTopic/topLevel``.
        var topic: Int
        var weight: Double
    }

    /// The terms.
    let trie: TermTrie
    /// Per term id, the topics it counts for.
    let votes: [[Vote]]
    /// Per term id, the term as written in the file (for explanations and tests).
    let terms: [String]

    /// Parses the rules; `file` names the source in errors.
    init(text: String, file: String) throws(EnricherDataError) {
        var builder = TermTrie.Builder()
        var votes: [[Vote]] = []
        var terms: [String] = []
        let topicIndex = Dictionary(uniqueKeysWithValues: MediaTopic.topLevel.enumerated().map { ($1.digits, $0) })
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3 else {
                throw EnricherDataError(file: file, line: lineNumber, reason: "expected <code> TAB <term> TAB <weight>")
            }
            guard let topic = topicIndex[String(fields[0])] else {
                throw EnricherDataError(file: file, line: lineNumber, reason: "\"\(fields[0])\" is not a top-level Media Topic code (01000000 … 17000000)")
            }
            guard let weight = Double(fields[2]), weight > 0, weight.isFinite else {
                throw EnricherDataError(file: file, line: lineNumber, reason: "weight \"\(fields[2])\" is not a positive number")
            }
            var term = String(fields[1])
            let isPrefix = term.hasSuffix("*")
            if isPrefix { term.removeLast() }
            term = Self.spacingIdeographs(term)
            guard Self.isWellFormed(term) else {
                throw EnricherDataError(file: file, line: lineNumber, reason: "term \"\(fields[1])\" must be lower-case words (letters, digits, marks) separated by single spaces, with an optional trailing *")
            }
            let id = builder.insert(term, prefix: isPrefix, id: votes.count)
            if id == votes.count {
                votes.append([])
                terms.append(String(fields[1]))
            }
            if let existing = votes[id].firstIndex(where: { $0.topic == topic }) {
                votes[id][existing].weight = max(votes[id][existing].weight, weight)
            } else {
                votes[id].append(Vote(topic: topic, weight: weight))
            }
        }
        guard !votes.isEmpty else { throw EnricherDataError(file: file, reason: "holds no rules") }
        self.trie = builder.build()
        self.votes = votes
        self.terms = terms
    }

    /// The term with a space around every Han or kana character, the way ``WordTokens`` splits text.
    private static func spacingIdeographs(_ term: String) -> String {
        guard term.unicodeScalars.contains(where: WordTokens.isIdeographic) else { return term }
        var spaced = String.UnicodeScalarView()
        for scalar in term.unicodeScalars {
            let ideographic = WordTokens.isIdeographic(scalar)
            if ideographic, let last = spaced.last, last != " " { spaced.append(" ") }
            if scalar != " " || spaced.last != " " { spaced.append(scalar) }
            if ideographic { spaced.append(" ") }
        }
        return String(spaced).trimmingCharacters(in: .whitespaces)
    }

    /// Lower-case words of letters and digits separated by single spaces.
    private static func isWellFormed(_ term: String) -> Bool {
        guard !term.isEmpty, !term.hasPrefix(" "), !term.hasSuffix(" "), !term.contains("  ") else { return false }
        return term.unicodeScalars.allSatisfy { scalar in
            scalar == " " || (scalar.value >= 0x30 && scalar.value <= 0x39)
                || (Letters.isLetter(scalar) && !scalar.properties.changesWhenLowercased) || WordTokens.isMark(scalar)
        }
    }
}
