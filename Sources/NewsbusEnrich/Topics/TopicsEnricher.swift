import NewsbusSDK
import NewsbusWire

/// Assigns top-level IPTC Media Topics and keywords (stage `enrich.topics`).
///
/// Reads the main headline and the first ``bodyLimit`` scalars of the main body. Subjects come from
/// the keyword rules in `Resources/topics/rules.tsv` (see ``TopicClassifier`` for the scoring); each
/// is a Concept with the English topic name, its `medtop:` code and IPTC URI, rel "about", creator
/// `machine:enrich.topics`, relevance and confidence 0-100. Subjects from other creators (an editor,
/// an agency) are kept; this stage's earlier output is replaced. Keywords (at most 10, see
/// ``KeywordExtractor``) replace the article's keywords only when it has none.
public struct TopicsEnricher: Enricher {
    /// "enrich.topics".
    public let stage: String
    /// Body scalars read.
    public var bodyLimit = 30_000
    private let classifier: TopicClassifier
    private let extractor: KeywordExtractor

    /// Creates the enricher; throws ``EnricherDataError`` when its data files cannot be loaded.
    public init(stage: String = "enrich.topics") throws {
        self.stage = stage
        let data = try Self.sharedData.get()
        self.classifier = TopicClassifier(rules: data.rules)
        self.extractor = data.keywords
    }

    /// "1".
    public var version: String { "1" }
    /// Subjects and keywords.
    public var fields: [String] { ["subjects", "keywords"] }
    /// The creator stamped on subjects.
    public var creator: String { "machine:\(stage)" }

    /// Sets subjects and keywords (see the type's description).
    public func enrich(_ article: inout Article) throws {
        let tokens = WordTokens(headline: article.headline, body: article.mainBody?.value ?? "", bodyLimit: bodyLimit)
        article.subjects.removeAll { $0.creator == creator }
        for assignment in classifier.classify(tokens) {
            article.subjects.append(Article.Concept(
                name: assignment.topic.name, uri: assignment.topic.uri, rel: "about", creator: creator,
                relevance: assignment.relevance, confidence: assignment.confidence, code: assignment.topic.code))
        }
        if article.keywords.isEmpty {
            article.keywords = extractor.keywords(tokens)
        }
    }

    private struct Data: Sendable {
        var rules: TopicRules
        var keywords: KeywordExtractor
    }

    private static let sharedData = Result { () throws(EnricherDataError) in
        let rulesFile = "topics/rules.tsv", stopwordFile = "topics/stopwords.txt", backgroundFile = "topics/background.tsv"
        return Data(
            rules: try TopicRules(text: EnricherData.text(rulesFile), file: rulesFile),
            keywords: try KeywordExtractor(
                stopwordText: EnricherData.text(stopwordFile), backgroundText: EnricherData.text(backgroundFile),
                files: (stopwordFile, backgroundFile)))
    }
}
