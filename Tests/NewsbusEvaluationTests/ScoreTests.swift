import NewsbusEvaluation
import Testing

@Suite("Score")
struct ScoreTests {
    @Test("precision, recall and F1 from counts")
    func counts() {
        let s = Score(truePositives: 8, falsePositives: 2, falseNegatives: 8)
        #expect(s.precision == 0.8)
        #expect(s.recall == 0.5)
        #expect(abs(s.f1 - 0.6153846) < 1e-6)
        #expect(s.description == "P 0.800 R 0.500 F1 0.615 (TP 8, FP 2, FN 8)")
    }

    @Test("empty predictions and expectations")
    func empty() {
        #expect(Score().f1 == 1)
        #expect(Score(falseNegatives: 3).precision == 0)
        #expect(Score(falseNegatives: 3).f1 == 0)
        #expect(Score(falsePositives: 3).recall == 1)
        #expect(Score(falsePositives: 3).precision == 0)
    }

    @Test("each expectation is matched at most once")
    func matching() {
        let s = Score.matching(predicted: ["kim", "kim", "gunn"], expected: ["kim", "funakoshi"]) { $0 == $1 }
        #expect(s == Score(truePositives: 1, falsePositives: 2, falseNegatives: 1))
        #expect((s + s).truePositives == 2)
    }
}
