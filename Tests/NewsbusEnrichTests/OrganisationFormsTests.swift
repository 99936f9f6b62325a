@testable import NewsbusEnrich
import NewsbusWire
import Testing

@Suite("Organisation forms")
struct OrganisationFormsTests {
    static let ministry = Article.Concept(name: "Ministry of Health, Labour and Welfare", aliases: ["MHLW"])
    static let bank = Article.Concept(name: "Bank of Japan", aliases: ["", "BoJ"])
    static let court = Article.Concept(name: "Bavarian Administrative Court")

    @Test("each form as the token texts of a body, name first, then aliases")
    func tokenTexts() {
        let forms = OrganisationForms([Self.ministry, Self.bank])
        #expect(forms.words[0] == [["ministry", "of", "health", ",", "labour", "and", "welfare"], ["mhlw"]])
        #expect(forms.words[1] == [["bank", "of", "japan"], [], ["boj"]])
        #expect(OrganisationForms.tokenTexts("G7’s 2024 Summit") == ["g", "", "’", "s", "", "summit"])
    }

    @Test("forms by their first text, in organisation order; an empty alias starts none")
    func byFirstText() {
        let forms = OrganisationForms([Self.bank, Self.court, Self.ministry, Article.Concept(name: "Bank Negara")])
        #expect(forms.forms(startingWith: "bank").map { [$0.organisation, $0.form] } == [[0, 0], [3, 0]])
        #expect(forms.forms(startingWith: "boj").map { [$0.organisation, $0.form] } == [[0, 2]])
        #expect(forms.forms(startingWith: "mhlw").map { [$0.organisation, $0.form] } == [[2, 1]])
        #expect(forms.forms(startingWith: "court").isEmpty && forms.forms(startingWith: "").isEmpty)
    }
}
