import Foundation

/// Scores an article against the topic rules and picks the Media Topics it is about.
///
/// Each matched term adds its weight times a position boost (headline ×3, the first 60 body words ×2,
/// the rest ×1) to each of its topics. A topic's score is that sum divided by √(words / 60) (at least
/// 1), so long articles need proportionally more evidence without drowning short ones. A topic is
/// assigned when its score reaches ``minimumScore``, at least ``minimumDistinctTerms`` different terms
/// matched (or one term ``minimumRepeats`` times), and it reaches ``secondaryShare`` of the best
/// topic's score (``tertiaryShare`` for a third topic: articles clearly about three things are rare);
/// at most ``maximumTopics``.
struct TopicClassifier: Sendable {
    /// One assigned topic.
    struct Assignment: Equatable {
        var topic: MediaTopic
        /// Length-normalised score.
        var score: Double
        /// 0...100, from the score: score / (score + 10).
        var relevance: UInt32
        /// 0...100, from the number of different terms and the margin over the strongest topic left out.
        var confidence: UInt32
        /// The different terms that matched, most weighty first (for explanations and tests).
        var terms: [String]
    }

    let rules: TopicRules
    var minimumScore = 6.0
    var minimumDistinctTerms = 2
    var minimumRepeats = 3
    var secondaryShare = 0.4
    var tertiaryShare = 0.6
    var maximumTopics = 3

    private static func boost(_ zone: WordTokens.Zone) -> Double {
        switch zone {
        case .headline: return 3
        case .lead: return 2
        case .body: return 1
        }
    }

    /// The topics `tokens` are about, strongest first.
    func classify(_ tokens: WordTokens) -> [Assignment] {
        let topicCount = MediaTopic.topLevel.count
        var raw = [Double](repeating: 0, count: topicCount)
        var hits = [Int](repeating: 0, count: topicCount)
        var matched: [(topic: Int, term: Int, weight: Double)] = []
        tokens.lowered.withUnsafeBufferPointer { text in
            var index = 0
            let words = tokens.words
            while index < words.count {
                let word = words[index]
                guard let match = rules.trie.longestMatch(in: text, at: word.lowered.lowerBound) else {
                    index += 1
                    continue
                }
                let boost = Self.boost(word.zone)
                for vote in rules.votes[match.term] {
                    raw[vote.topic] += vote.weight * boost
                    hits[vote.topic] += 1
                    matched.append((vote.topic, match.term, vote.weight * boost))
                }
                repeat { index += 1 } while index < words.count && words[index].lowered.lowerBound < match.end
            }
        }
        // Per topic, each matched term once with its summed weight.
        matched.sort { $0.topic != $1.topic ? $0.topic < $1.topic : $0.term < $1.term }
        var termWeights = [[(term: Int, weight: Double)]](repeating: [], count: topicCount)
        for match in matched {
            if let last = termWeights[match.topic].indices.last, termWeights[match.topic][last].term == match.term {
                termWeights[match.topic][last].weight += match.weight
            } else {
                termWeights[match.topic].append((match.term, match.weight))
            }
        }
        let lengthFactor = max(1, (Double(tokens.words.count) / 60).squareRoot())
        let scores = raw.map { $0 / lengthFactor }
        let ranked = scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        guard let best = ranked.first, scores[best] > 0 else { return [] }

        var chosen: [Int] = []
        for topic in ranked where chosen.count < maximumTopics {
            let share = chosen.count < 2 ? secondaryShare : tertiaryShare
            guard scores[topic] >= minimumScore, scores[topic] >= share * scores[best],
                  termWeights[topic].count >= minimumDistinctTerms || hits[topic] >= minimumRepeats
            else { continue }
            chosen.append(topic)
        }
        let strongestLeftOut = ranked.first { !chosen.contains($0) }.map { scores[$0] } ?? 0
        return chosen.map { topic in
            let score = scores[topic]
            let distinct = Double(termWeights[topic].count)
            let evidence = 1 - exp(-distinct / 3)
            let margin = score / (score + strongestLeftOut)
            let terms = termWeights[topic].sorted { $0.weight > $1.weight || ($0.weight == $1.weight && $0.term < $1.term) }
                .map { rules.terms[$0.term] }
            return Assignment(
                topic: MediaTopic.topLevel[topic], score: score,
                relevance: UInt32((100 * score / (score + 10)).rounded()),
                confidence: UInt32((100 * evidence * margin).rounded()),
                terms: terms)
        }
    }
}
