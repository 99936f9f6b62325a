/// A share of correct answers. Accuracies add up across fixtures.
public struct Accuracy: Sendable, Hashable, CustomStringConvertible {
    /// Answers that were right.
    public var correct: Int
    /// Answers scored.
    public var total: Int

    /// Creates an accuracy from counts.
    public init(correct: Int = 0, total: Int = 0) {
        self.correct = correct
        self.total = total
    }

    /// correct / total, or `nil` when nothing was scored.
    public var value: Double? {
        total == 0 ? nil : Double(correct) / Double(total)
    }

    /// Counts one answer.
    public mutating func record(_ isCorrect: Bool) {
        total += 1
        if isCorrect { correct += 1 }
    }

    /// Adds another accuracy's counts.
    public static func + (lhs: Accuracy, rhs: Accuracy) -> Accuracy {
        Accuracy(correct: lhs.correct + rhs.correct, total: lhs.total + rhs.total)
    }

    /// Adds another accuracy's counts in place.
    public static func += (lhs: inout Accuracy, rhs: Accuracy) { lhs = lhs + rhs }

    /// "12/14 (0.857)", or "not scored".
    public var description: String {
        guard let value else { return "not scored" }
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(correct)/\(total) (\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction))"
    }
}
