import NewsbusWire

/// The organisations' names and aliases as the lower-case token texts that ``TextTokens`` cuts a
/// body into ("Ministry of Health, Labour and Welfare" → "ministry", "of", "health", ",", …),
/// indexed by their first text, to find where each organisation is mentioned.
final class OrganisationForms {
    /// Each organisation's forms (its name, then its aliases) as token texts, by organisation.
    let words: [[[String]]]
    /// The first token texts of the forms, numbered.
    private let firstWords: StringIDs
    /// The forms (organisation, form) starting with each of `firstWords`, in organisation order.
    private let formsByFirstWord: [[(organisation: Int, form: Int)]]

    /// The forms of `organisations`, in their order.
    init(_ organisations: [Article.Concept]) {
        var words: [[[String]]] = []
        var firstWords = StringIDs()
        var formsByFirstWord: [[(organisation: Int, form: Int)]] = []
        words.reserveCapacity(organisations.count)
        for o in organisations.indices {
            var forms = [Self.tokenTexts(organisations[o].name)]
            for alias in organisations[o].aliases { forms.append(Self.tokenTexts(alias)) }
            for (f, texts) in forms.enumerated() {
                guard let first = texts.first else { continue }
                let (id, inserted) = firstWords.insert(first)
                if inserted { formsByFirstWord.append([]) }
                formsByFirstWord[id].append((o, f))
            }
            words.append(forms)
        }
        self.words = words
        self.firstWords = firstWords
        self.formsByFirstWord = formsByFirstWord
    }

    /// The forms (organisation index, form index) whose first token text is `text`, in
    /// organisation order.
    func forms(startingWith text: String) -> [(organisation: Int, form: Int)] {
        firstWords.id(of: text).map { formsByFirstWord[$0] } ?? []
    }

    /// A name's token texts, lower case, as ``TextTokens`` cuts the body (a mark is its scalar,
    /// a number an empty text).
    static func tokenTexts(_ name: String) -> [String] {
        TextTokens(name).tokens.map { $0.kind == .mark ? String($0.scalar) : $0.lower }
    }
}
