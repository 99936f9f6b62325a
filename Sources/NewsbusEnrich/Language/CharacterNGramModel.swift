import Foundation

/// A naive-Bayes model over character 1-, 2- and 3-grams for the Latin-script languages, read from
/// `Resources/language/profiles.tsv` (built by `scripts/language/train.py`).
///
/// P(gram | language) = (count + α) / (total of that order + α · distinct grams of that order), with
/// α = 0.5. Grams no language has seen are skipped: they say nothing about which language it is.
struct CharacterNGramModel: Sendable {
    /// Language tags, in the order of the columns of ``logProbabilities``.
    let languages: [String]
    /// Row of each known gram in ``logProbabilities``.
    private let rows: GramTable
    /// Log probability per known gram (row) and language (column).
    private let logProbabilities: [Float]
    /// Per row, bit `i` set when language `i` has seen the gram.
    private let seenBy: [UInt64]
    /// The word-boundary marker of the profile file.
    static let boundary: Unicode.Scalar = "_"
    /// Additive smoothing.
    static let alpha = 0.5

    /// Parses the profile file text; `file` names it in errors.
    init(profileText: String, file: String) throws(EnricherDataError) {
        var languageIndex: [String: Int] = [:]
        var languages: [String] = []
        var entries: [(key: UInt64, language: Int, order: Int, count: Double)] = []
        var lineNumber = 0
        for line in profileText.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3, !fields[0].isEmpty, let count = Int(fields[2]), count > 0,
                  let (key, order) = Self.key(fields[1].unicodeScalars)
            else {
                throw EnricherDataError(file: file, line: lineNumber, reason: "expected <tag> TAB <1-3 character n-gram> TAB <positive count>")
            }
            let tag = String(fields[0])
            let index: Int
            if let known = languageIndex[tag] {
                index = known
            } else {
                index = languages.count
                languageIndex[tag] = index
                languages.append(tag)
            }
            entries.append((key, index, order, Double(count)))
        }
        guard !languages.isEmpty else { throw EnricherDataError(file: file, reason: "holds no profiles") }
        guard languages.count <= 64 else { throw EnricherDataError(file: file, reason: "holds more than 64 languages") }

        var totals = [[Double]](repeating: [0, 0, 0, 0], count: languages.count)
        var distinct: [Set<UInt64>] = [[], [], [], []]
        for entry in entries {
            totals[entry.language][entry.order] += entry.count
            distinct[entry.order].insert(entry.key)
        }
        func denominator(_ language: Int, _ order: Int) -> Double {
            totals[language][order] + Self.alpha * Double(distinct[order].count + 1)
        }
        var rows: [UInt64: Int32] = [:]
        var orders: [Int] = []
        for entry in entries where rows[entry.key] == nil {
            rows[entry.key] = Int32(orders.count)
            orders.append(entry.order)
        }
        var table = [Float](repeating: 0, count: orders.count * languages.count)
        var seenBy = [UInt64](repeating: 0, count: orders.count)
        for (row, order) in orders.enumerated() {
            for language in languages.indices {
                table[row * languages.count + language] = Float(log(Self.alpha / denominator(language, order)))
            }
        }
        for entry in entries {
            guard let row = rows[entry.key] else { continue }
            seenBy[Int(row)] |= 1 << UInt64(entry.language)
            table[Int(row) * languages.count + entry.language] =
                Float(log((entry.count + Self.alpha) / denominator(entry.language, entry.order)))
        }
        self.languages = languages
        self.rows = GramTable(rows)
        self.logProbabilities = table
        self.seenBy = seenBy
    }

    /// The key of a 1-3 scalar gram and its order; nil for other lengths.
    static func key(_ scalars: Substring.UnicodeScalarView) -> (UInt64, Int)? {
        var key: UInt64 = 0
        var order = 0
        for scalar in scalars {
            order += 1
            if order > 3 { return nil }
            key = key << 21 | UInt64(scalar.value)
        }
        return order == 0 ? nil : (key, order)
    }

    /// Accumulates log likelihoods of letter sequences, word by word.
    struct Scorer {
        private let model: CharacterNGramModel
        /// Summed log likelihood per language.
        private(set) var scores: [Float]
        /// Grams that some language knows.
        private(set) var knownGrams = 0
        /// Trigrams seen.
        private(set) var trigrams = 0
        /// Per language, trigrams seen that it knows.
        private(set) var knownTrigrams: [Int]
        private var previous: UInt64 = 0
        private var beforePrevious: UInt64 = 0
        private var lettersInWord = 0

        init(model: CharacterNGramModel) {
            self.model = model
            self.scores = [Float](repeating: 0, count: model.languages.count)
            self.knownTrigrams = [Int](repeating: 0, count: model.languages.count)
            self.previous = UInt64(CharacterNGramModel.boundary.value)
        }

        /// Adds one lower-case letter.
        mutating func addLetter(_ scalar: Unicode.Scalar) {
            let current = UInt64(scalar.value)
            add(current)
            add(previous << 21 | current)
            if lettersInWord >= 1 { addTrigram(beforePrevious << 42 | previous << 21 | current) }
            beforePrevious = previous
            previous = current
            lettersInWord += 1
        }

        /// Ends the current word, if any.
        mutating func endWord() {
            guard lettersInWord > 0 else { return }
            let boundary = UInt64(CharacterNGramModel.boundary.value)
            add(previous << 21 | boundary)
            addTrigram(beforePrevious << 42 | previous << 21 | boundary)
            previous = boundary
            beforePrevious = 0
            lettersInWord = 0
        }

        @inline(__always)
        private mutating func addTrigram(_ key: UInt64) {
            trigrams += 1
            guard let row = add(key) else { return }
            var seen = model.seenBy[Int(row)]
            while seen != 0 {
                knownTrigrams[seen.trailingZeroBitCount] += 1
                seen &= seen - 1
            }
        }

        /// Adds a gram's log probabilities; returns its row, or nil when no language knows it.
        @inline(__always) @discardableResult
        private mutating func add(_ key: UInt64) -> Int32? {
            guard let row = model.rows.row(key) else { return nil }
            knownGrams += 1
            let width = scores.count
            let start = Int(row) * width
            model.logProbabilities.withUnsafeBufferPointer { table in
                for language in 0..<width { scores[language] += table[start + language] }
            }
            return row
        }
    }
}
