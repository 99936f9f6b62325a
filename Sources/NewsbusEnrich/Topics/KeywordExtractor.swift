import Foundation

/// Picks an article's salient terms: one- to three-word phrases of content words.
///
/// Candidates are runs of words inside a phrase (no punctuation between them) that contain no stop
/// word and do not start with a number. Chinese, Japanese, Thai, Lao, Myanmar and Khmer (written
/// without spaces between words) give no keywords. A candidate scores
/// `occurrences × mean word weight × (1 + 0.5 × (words − 1))`, ×1.5 when it appears in the headline
/// and ×1.2 when it is written capitalised mid-sentence (a name); a word's weight is idf-like,
/// `log((N + 1) / (n + 1)) + 1`, from the background list (n = sentences of everyday news text using it).
/// Phrases seen once count only if they are names of two or more words.
/// The best ``maximumKeywords`` are kept, skipping any that overlaps one already kept; ties break on
/// first appearance, so the order is deterministic.
struct KeywordExtractor: Sendable {
    /// Stop words, by ``WordTokens/hash(_:)`` of their bytes.
    private let stopwords: GramTable
    /// Background sentence counts, by ``WordTokens/hash(_:)`` of the word's bytes.
    private let background: GramTable
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
        self.stopwords = GramTable(Dictionary(stopwords.map { (WordTokens.hash($0.utf8), Int32(1)) }, uniquingKeysWith: max))
        self.background = GramTable(Dictionary(background.map { (WordTokens.hash($0.key.utf8), Int32(clamping: $0.value)) }, uniquingKeysWith: max))
        self.backgroundSentences = sentences
    }

    private struct Candidate {
        /// Word index of the first occurrence, and of the first written as a name (or -1).
        var first: Int
        var nameAt = -1
        var words: Int
        var occurrences = 1
        var inHeadline: Bool
        var weight: Double
        var score = 0.0
    }

    /// The keywords of `tokens`, best first.
    func keywords(_ tokens: WordTokens) -> [String] {
        let words = tokens.words
        // Each distinct lower-cased word once: its id, whether it can be part of a keyword, its weight.
        var vocabulary = CountingTable(expected: words.count / 2)
        var usable: [Bool] = []
        var weights: [Double] = []
        var ids = [Int](repeating: 0, count: words.count)
        for (index, word) in words.enumerated() {
            let hash = tokens.loweredHash(word)
            if let id = vocabulary.value(hash) {
                ids[index] = id
                continue
            }
            let id = usable.count
            vocabulary.set(hash, id)
            ids[index] = id
            let length = tokens.scalarCount(word)
            usable.append(!word.ideographic && !word.unspaced && length >= 2 && length <= 30 && stopwords.row(hash) == nil)
            weights.append(weight(hash))
        }
        // Phrases of up to three usable words, keyed by their word ids (21 bits each).
        var index = CountingTable(expected: words.count)
        var candidates: [Candidate] = []
        candidates.reserveCapacity(words.count)
        for start in words.indices where usable[ids[start]] && !words[start].numeric {
            var key: UInt64 = 0
            var weightSum = 0.0
            var end = start
            var isName = true
            while end < words.count && end - start < Self.maximumPhraseWords && usable[ids[end]]
                && (end == start || !words[end].breakBefore) {
                key = key << 21 | UInt64(ids[end] + 1)
                weightSum += weights[ids[end]]
                isName = isName && (words[end].capitalised || words[end].numeric)
                let length = end - start + 1
                let writtenAsName = isName && !(words[start].sentenceStart && length == 1)
                let inHeadline = words[start].zone == .headline
                if let existing = index.value(key) {
                    candidates[existing].occurrences += 1
                    candidates[existing].inHeadline = candidates[existing].inHeadline || inHeadline
                    if writtenAsName && candidates[existing].nameAt < 0 { candidates[existing].nameAt = start }
                } else {
                    index.set(key, candidates.count)
                    candidates.append(Candidate(first: start, nameAt: writtenAsName ? start : -1, words: length,
                                                inHeadline: inHeadline, weight: weightSum / Double(length)))
                }
                end += 1
            }
        }
        var ranked: [Candidate] = []
        for var candidate in candidates {
            let isName = candidate.nameAt >= 0
            guard candidate.occurrences >= 2 || (isName && candidate.words > 1) else { continue }
            candidate.score = Double(candidate.occurrences) * candidate.weight * (1 + 0.5 * Double(candidate.words - 1))
                * (candidate.inHeadline ? 1.5 : 1) * (isName ? 1.2 : 1)
            ranked.append(candidate)
        }
        ranked.sort { $0.score > $1.score || ($0.score == $1.score && $0.first < $1.first) }
        var kept: [Candidate] = []
        var keptWords: Set<Int> = []
        for candidate in ranked where kept.count < maximumKeywords {
            let phrase = ids[candidate.first..<candidate.first + candidate.words]
            if phrase.contains(where: keptWords.contains) { continue }
            kept.append(candidate)
            keptWords.formUnion(phrase)
        }
        return kept.map { candidate in
            let isName = candidate.nameAt >= 0
            let text = display(tokens, candidate.nameAt >= 0 ? candidate.nameAt : candidate.first, words: candidate.words)
            return isName ? text : text.lowercased()
        }
    }

    private func weight(_ hash: UInt64) -> Double {
        log(Double(backgroundSentences + 1) / Double(Int(background.row(hash) ?? 0) + 1)) + 1
    }

    private func display(_ tokens: WordTokens, _ start: Int, words: Int) -> String {
        var text = ""
        for index in start..<start + words {
            if index > start { text += tokens.words[index].hyphenBefore ? "-" : " " }
            text += tokens.originalText(tokens.words[index])
        }
        return text
    }
}
