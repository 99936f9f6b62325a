/// A one-to-one pairing of predictions with expectations that pairs as many as possible.
///
/// Each prediction and each expectation is used at most once. Among all such pairings this is
/// a largest one (a maximum bipartite matching, found with augmenting paths), so the result does
/// not depend on the order of the predictions: a prediction that could match two expectations
/// never takes the only expectation another prediction could match.
public struct OneToOneMatching: Sendable, Hashable {
    /// A matched pair of indices.
    public struct Pair: Sendable, Hashable {
        /// Index into the predictions.
        public var predicted: Int
        /// Index into the expectations.
        public var expected: Int
    }

    /// The matched pairs, in the order of the expectations.
    public var pairs: [Pair]
    /// Indices of predictions that matched nothing, ascending.
    public var unmatchedPredicted: [Int]
    /// Indices of expectations that no prediction matched, ascending.
    public var unmatchedExpected: [Int]

    /// Pairs `predicted` with `expected` where `matches(prediction, expectation)` holds.
    public init<P, E>(predicted: [P], expected: [E], matches: (P, E) -> Bool) {
        let candidates: [[Int]] = expected.map { item in predicted.indices.filter { matches(predicted[$0], item) } }
        // owner[p] = the expectation prediction p is currently paired with.
        var owner = [Int?](repeating: nil, count: predicted.count)

        func augment(_ e: Int, _ visited: inout [Bool]) -> Bool {
            for p in candidates[e] where !visited[p] {
                visited[p] = true
                if let other = owner[p] {
                    guard augment(other, &visited) else { continue }
                }
                owner[p] = e
                return true
            }
            return false
        }

        for e in expected.indices {
            var visited = [Bool](repeating: false, count: predicted.count)
            _ = augment(e, &visited)
        }

        var partner = [Int?](repeating: nil, count: expected.count)
        for (p, e) in owner.enumerated() { if let e { partner[e] = p } }
        pairs = partner.enumerated().compactMap { e, p in p.map { Pair(predicted: $0, expected: e) } }
        unmatchedExpected = partner.indices.filter { partner[$0] == nil }
        unmatchedPredicted = owner.indices.filter { owner[$0] == nil }
    }

    /// The counts: pairs are true positives, unmatched predictions false positives, unmatched
    /// expectations false negatives.
    public var score: Score {
        Score(truePositives: pairs.count, falsePositives: unmatchedPredicted.count, falseNegatives: unmatchedExpected.count)
    }
}
