import NewsbusEvaluation
import Testing

@Suite("OneToOneMatching")
struct OneToOneMatchingTests {
    @Test("a largest pairing, whatever the order of predictions")
    func maximum() {
        // "Kim" could match both expected people; "Kim Dong-hyun" only the first. First-fit
        // would give "Kim" to Kim Dong-hyun and leave Kim Jae-sung unmatched.
        let expected = [["kim dong-hyun", "kim"], ["kim jae-sung", "kim"]]
        let predicted = ["kim", "kim dong-hyun"]
        let matching = OneToOneMatching(predicted: predicted, expected: expected) { $1.contains($0) }
        #expect(matching.pairs.count == 2)
        #expect(matching.pairs.map(\.predicted) == [1, 0])
        #expect(matching.unmatchedPredicted.isEmpty && matching.unmatchedExpected.isEmpty)
        #expect(matching.score == Score(truePositives: 2))
    }

    @Test("unmatched items on both sides are listed in order")
    func leftovers() {
        let matching = OneToOneMatching(predicted: ["a", "x", "b", "y"], expected: ["b", "c", "a"]) { $0 == $1 }
        #expect(matching.unmatchedPredicted == [1, 3])
        #expect(matching.unmatchedExpected == [1])
        #expect(matching.score == Score(truePositives: 2, falsePositives: 2, falseNegatives: 1))
    }

    @Test("nothing on either side")
    func empty() {
        let none: [String] = []
        #expect(OneToOneMatching(predicted: none, expected: ["a"]) { $0 == $1 }.score == Score(falseNegatives: 1))
        #expect(OneToOneMatching(predicted: ["a"], expected: none) { $0 == $1 }.score == Score(falsePositives: 1))
    }
}
