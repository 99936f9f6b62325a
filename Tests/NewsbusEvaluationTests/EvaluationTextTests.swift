import NewsbusEvaluation
import Testing

@Suite("EvaluationText")
struct EvaluationTextTests {
    @Test("folding removes case and diacritics")
    func caseAndDiacritics() {
        #expect(EvaluationText.folded("Alexandru Pârvulescu") == "alexandru parvulescu")
        #expect(EvaluationText.folded("İstanbul") == "istanbul")
        #expect(EvaluationText.folded("Suwałki Gap") == "suwalki gap")
        #expect(EvaluationText.folded("L’Équipe") == "l'equipe")
        #expect(EvaluationText.sameName("Rūta Kazlauskienė", "RUTA KAZLAUSKIENE"))
        #expect(!EvaluationText.sameName("Kim", "Kin"))
    }

    @Test("folding straightens quotes and collapses whitespace, no-break spaces included")
    func quotesAndSpaces() {
        #expect(EvaluationText.folded("  “Monster”\u{00A0}\u{00A0}missile\r\n’s  ") == "\"monster\" missile 's")
        #expect(EvaluationText.folded("Dec.\u{00A0}13") == "dec. 13")
    }

    @Test("quote folding trims surrounding punctuation but keeps inner punctuation")
    func quoteTrimming() {
        #expect(EvaluationText.foldedQuote("“We will act, now,” ") == "we will act, now")
        #expect(EvaluationText.foldedQuote("…and so on.”") == "and so on")
        #expect(EvaluationText.foldedQuote("\"!?\"") == "")
    }

    @Test("scripts without case survive folding unchanged")
    func otherScripts() {
        #expect(EvaluationText.folded("富山") == "富山")
        #expect(EvaluationText.folded("인천") == "인천")
    }
}
