import Foundation

/// A language guess: a BCP 47 primary tag and how sure the identifier is (0...1).
public struct LanguageGuess: Sendable, Hashable {
    /// "en", "ja", …
    public var tag: String
    /// 0...1.
    public var confidence: Double
}

/// Identifies the language of a text: the writing system first, then character n-grams for
/// Latin-script text.
///
/// Looks at the first ``sampleLimit`` scalars only. Confidence combines how much of the text is in
/// the dominant writing system, how much evidence there is (a few letters are not enough), and for
/// Latin script the naive-Bayes margin between the best and the second-best language and how many of
/// the text's trigrams the winning profile knows (text in a language without a profile scores low).
public struct LanguageIdentifier: Sendable {
    /// Scalars of input looked at.
    public var sampleLimit = 2_000
    private let model: CharacterNGramModel

    /// The languages the Latin-script profiles cover.
    public var latinLanguages: [String] { model.languages }

    /// Reads the shipped profiles (once per process).
    public init() throws(EnricherDataError) {
        self.model = try Self.sharedModel.get()
    }

    /// Uses profiles from the given text (tests, alternative data).
    init(profileText: String) throws(EnricherDataError) {
        self.model = try CharacterNGramModel(profileText: profileText, file: "profiles")
    }

    /// Share of a text's trigrams the winning profile know when the text is in a profiled language; lower
    /// coverage lowers confidence proportionally.
    static let expectedCoverage = 0.8

    private static let profileFile = "language/profiles.tsv"
    private static let sharedModel = Result { () throws(EnricherDataError) in
        try CharacterNGramModel(profileText: EnricherData.text(profileFile), file: profileFile)
    }

    /// The most likely language of `text`, or nil when there is nothing to go on (no letters).
    public func identify(_ text: String) -> LanguageGuess? {
        identify(parts: [text])
    }

    /// The most likely language of several texts read in turn (a headline and a body), looking at
    /// ``sampleLimit`` scalars in all; nil when there is nothing to go on.
    public func identify(parts: [String]) -> LanguageGuess? {
        var census = ScriptCensus()
        var scorer = CharacterNGramModel.Scorer(model: model)
        var remaining = sampleLimit
        for part in parts {
            for scalar in part.unicodeScalars {
                if remaining == 0 { break }
                remaining -= 1
                guard Letters.isLetter(scalar) else {
                    scorer.endWord()
                    continue
                }
                census.add(scalar)
                guard scalar.value < 0x250 || (0x1E00...0x1EFF).contains(scalar.value) else {
                    scorer.endWord()
                    continue
                }
                Letters.forEachLowercased(scalar) { lower in
                    if Letters.isLetter(lower) { scorer.addLetter(lower) } else { scorer.endWord() }
                }
            }
            scorer.endWord()
        }
        return decide(census: census, scorer: scorer)
    }

    private func decide(census: ScriptCensus, scorer: CharacterNGramModel.Scorer) -> LanguageGuess? {
        guard census.letters > 0 else { return nil }
        let cjk = census.count(.han) + census.count(.kana)
        var dominant = WritingSystem.latin
        var dominantCount = 0
        for system in WritingSystem.allCases where system != .han && system != .kana {
            if census.count(system) > dominantCount {
                dominant = system
                dominantCount = census.count(system)
            }
        }
        if cjk > dominantCount {
            dominant = .han
            dominantCount = cjk
        }
        guard dominantCount > 0 else { return nil }
        let share = Double(dominantCount) / Double(census.letters)
        // Letters needed for full confidence: one CJK or Hangul character carries about a word.
        let fullEvidence: Double = (dominant == .han || dominant == .hangul) ? 10 : 40
        let evidence = min(1, Double(dominantCount) / fullEvidence)

        if let rule = ScriptRules.language(for: dominant, census: census) {
            return LanguageGuess(tag: rule.tag, confidence: share * evidence * rule.certainty)
        }
        let scores = scorer.scores
        guard scorer.knownGrams > 0, let best = scores.indices.max(by: { scores[$0] < scores[$1] || (scores[$0] == scores[$1] && $0 > $1) }) else {
            return nil
        }
        let runnerUp = scores.indices.filter { $0 != best }.map { scores[$0] }.max() ?? -.infinity
        let margin = Double(scores[best] - runnerUp)
        let decisiveness = 1 - exp(-margin / 6)
        let coverage = Double(scorer.knownTrigrams[best]) / Double(max(1, scorer.trigrams))
        let familiarity = min(1, coverage / Self.expectedCoverage)
        return LanguageGuess(tag: model.languages[best], confidence: share * evidence * decisiveness * familiarity)
    }
}
