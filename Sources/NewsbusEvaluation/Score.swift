/// Precision, recall and F1 from counts of true positives, false positives and false negatives.
///
/// Scores add up: the score of a fixture set is the sum of its fixtures' scores (micro-average).
public struct Score: Sendable, Hashable, CustomStringConvertible {
    /// Predictions that matched an expectation.
    public var truePositives: Int
    /// Predictions that matched nothing expected.
    public var falsePositives: Int
    /// Expectations that no prediction matched.
    public var falseNegatives: Int

    /// Creates a score from counts.
    public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }

    /// TP / (TP + FP); 1 when nothing was predicted and nothing expected, 0 when nothing was predicted.
    public var precision: Double {
        let predicted = truePositives + falsePositives
        if predicted == 0 { return falseNegatives == 0 ? 1 : 0 }
        return Double(truePositives) / Double(predicted)
    }

    /// TP / (TP + FN); 1 when nothing was expected.
    public var recall: Double {
        let expected = truePositives + falseNegatives
        if expected == 0 { return 1 }
        return Double(truePositives) / Double(expected)
    }

    /// The harmonic mean of precision and recall.
    public var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    /// Adds another score's counts.
    public static func + (lhs: Score, rhs: Score) -> Score {
        Score(
            truePositives: lhs.truePositives + rhs.truePositives,
            falsePositives: lhs.falsePositives + rhs.falsePositives,
            falseNegatives: lhs.falseNegatives + rhs.falseNegatives)
    }

    /// Adds another score's counts in place.
    public static func += (lhs: inout Score, rhs: Score) { lhs = lhs + rhs }

    /// "P 0.950 R 0.905 F1 0.927 (TP 19, FP 1, FN 2)".
    public var description: String {
        func f(_ x: Double) -> String {
            let thousandths = Int((x * 1000).rounded())
            let fraction = String(thousandths % 1000)
            return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
        }
        return "P \(f(precision)) R \(f(recall)) F1 \(f(f1)) (TP \(truePositives), FP \(falsePositives), FN \(falseNegatives))"
    }

    /// Scores predictions against expectations with a matching rule, one to one: each prediction
    /// and each expectation counts at most once, and as many pairs as possible are made (see
    /// ``OneToOneMatching``).
    public static func matching<P, E>(
        predicted: [P], expected: [E], matches: (P, E) -> Bool
    ) -> Score {
        OneToOneMatching(predicted: predicted, expected: expected, matches: matches).score
    }
}
