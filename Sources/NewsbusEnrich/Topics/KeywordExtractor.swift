import Foundation

/// Picks an article's salient terms: one- to three-word phrases of content words.
///
/// Candidates are runs of words inside a phrase (no punctuation between them) that contain no stop
/// word and do not start with a number. A candidate scores
/// `occurrences × mean word weight × (1 + 0.5 × (words − 1))`, ×1.5 when it appears in the headline
/// and ×1.2 when it is written capitalised mid-sentence (a name); a word's weight is idf-like,
/// `log((N + 1) / (n + 1)) + 1`, from the background list (n = sentences of everyday news text using it).
/// Phrases seen once count only if they are names of two or more words.
/// The best ``maximumKeywords`` are kept, skipping any that overlaps one already kept; ties break on
/// first appearance, so the order is deterministic.
struct KeywordExtractor: Sendable {
    let stopwords: Set<String>
    /// Background sentence counts per word.
    let background: [String: Int]
    /// Sentences in the background text.
    let backgroundSentences: Int
    var maximumKeywords = 10
    /// Longest phrase, in words.
    static let maximumPhraseWords = 3

    /// Parses the stop-word list and the background list.
    init(stopwordText: String, backgroundText: String, files: (stopwords: String, background: String)) throws(EnricherDataError) {
        var stopwords: Set<String> = []
        for line in stopwordText.split(separator: "\n") where !line.hasPrefix("#") {
            for word in line.split(separator: " ") { stopwords.insert(String(word)) }
        }
        var background: [String: Int] = [:]
        var sentences = 0
        var lineNumber = 0
        for line in backgroundText.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t")
            guard fields.count == 2, let count = Int(fields[1]), count >= 0 else {
                throw EnricherDataError(file: files.background, line: lineNumber, reason: "expected <word> TAB <count>")
            }
            if fields[0] == "sentences" { sentences = count } else { background[String(fields[0])] = count }
        }
        guard sentences > 0 else { throw EnricherDataError(file: files.background, reason: "no \"sentences\" line") }
        guard !stopwords.isEmpty else { throw EnricherDataError(file: files.stopwords, reason: "holds no words") }
        self.stopwords = stopwords
        self.background = background
        self.backgroundSentences = sentences
    }

    private struct Candidate {
        var display: String
        var displayIsName: Bool
        var occurrences = 0
        var first: Int
        var inHeadline = false
        var weight: Double
        var words: Int
        var wordKeys: [String]
        var score: Double = 0
    }

    /// The keywords of `tokens`, best first.
    func keywords(_ tokens: WordTokens) -> [String] {
        let words = tokens.words
        var lowered: [String] = []
        lowered.reserveCapacity(words.count)
        var isContent: [Bool] = []
        isContent.reserveCapacity(words.count)
        for word in words {
            let text = tokens.loweredText(word)
            lowered.append(text)
            isContent.append(!word.ideographic && !stopwords.contains(text) && text.unicodeScalars.count >= 2 && text.unicodeScalars.count <= 30)
        }
        var candidates: [String: Candidate] = [:]
        for start in words.indices where isContent[start] && !words[start].numeric {
            var key = ""
            var weightSum = 0.0
            var end = start
            while end < words.count && end - start < Self.maximumPhraseWords && isContent[end]
                && (end == start || !words[end].breakBefore) {
                key += (end == start ? "" : " ") + lowered[end]
                weightSum += weight(lowered[end])
                let length = end - start + 1
                let isName = (start...end).allSatisfy { words[$0].capitalised || words[$0].numeric }
                    && !(words[start].sentenceStart && length == 1)
                if var existing = candidates[key] {
                    existing.occurrences += 1
                    existing.inHeadline = existing.inHeadline || words[start].zone == .headline
                    if isName && !existing.displayIsName {
                        existing.display = display(tokens, start...end)
                        existing.displayIsName = true
                    }
                    candidates[key] = existing
                } else {
                    candidates[key] = Candidate(
                        display: display(tokens, start...end), displayIsName: isName, occurrences: 1, first: start,
                        inHeadline: words[start].zone == .headline, weight: weightSum / Double(length), words: length,
                        wordKeys: Array(lowered[start...end]))
                }
                end += 1
            }
        }
        var ranked: [Candidate] = []
        for var candidate in candidates.values {
            let isMultiWordName = candidate.displayIsName && candidate.words > 1
            guard candidate.occurrences >= 2 || isMultiWordName else { continue }
            candidate.score = Double(candidate.occurrences) * candidate.weight * (1 + 0.5 * Double(candidate.words - 1))
                * (candidate.inHeadline ? 1.5 : 1) * (candidate.displayIsName ? 1.2 : 1)
            if !candidate.displayIsName { candidate.display = candidate.display.lowercased() }
            ranked.append(candidate)
        }
        ranked.sort { $0.score > $1.score || ($0.score == $1.score && $0.first < $1.first) }
        var kept: [Candidate] = []
        for candidate in ranked where kept.count < maximumKeywords {
            let overlaps = kept.contains { other in
                !Set(other.wordKeys).isDisjoint(with: candidate.wordKeys)
            }
            if !overlaps { kept.append(candidate) }
        }
        return kept.map(\.display)
    }

    private func weight(_ word: String) -> Double {
        log(Double(backgroundSentences + 1) / Double((background[word] ?? 0) + 1)) + 1
    }

    private func display(_ tokens: WordTokens, _ range: ClosedRange<Int>) -> String {
        var text = ""
        for index in range {
            if index > range.lowerBound { text += tokens.words[index].hyphenBefore ? "-" : " " }
            text += tokens.originalText(tokens.words[index])
        }
        return text
    }
}
