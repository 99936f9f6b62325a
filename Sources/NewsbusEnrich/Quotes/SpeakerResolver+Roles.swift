import NewsbusWire

/// Speakers given by a role rather than a name: "the minister said", "the company said",
/// "a company spokesperson said", "her son said".
///
/// - A relative ("her son", "his wife") names nobody the article lists: no speaker, rather than a
///   wrong one.
/// - A person's role ("the minister", "the envoy") is the person last introduced with that title
///   ("environment minister, Thorsten Eder", "Agriculture Minister Hoshino Ryota"), else the most
///   recent person.
/// - An organisation's noun ("the ministry", "the court", "a company spokesperson") is the
///   organisation mentioned last whose name holds the noun ("Bavarian Administrative Court");
///   for a company-like noun with no such name ("the company", "the firm"), the organisation
///   mentioned last.
extension SpeakerResolver {
    /// Family and other private relations: "her son said" is nobody the article lists.
    static let relationNouns: Set<String> = [
        "son", "daughter", "wife", "husband", "mother", "father", "brother", "sister", "grandson",
        "granddaughter", "grandmother", "grandfather", "uncle", "aunt", "nephew", "niece", "cousin", "widow",
        "widower", "child", "children", "parents", "family", "relative", "relatives", "fiancee", "fiance",
        "stepson", "stepdaughter", "friend", "neighbour", "neighbor", "boyfriend", "girlfriend", "sibling",
    ]
    /// Nouns that stand for whatever organisation the text last named: "the company said".
    static let companyNouns: Set<String> = [
        "company", "firm", "group", "carrier", "airline", "lender", "insurer", "maker", "developer", "operator",
        "retailer", "publisher", "broadcaster", "startup", "conglomerate", "club", "team", "chipmaker", "carmaker",
        "automaker", "drugmaker", "manufacturer", "producer", "utility", "business", "charity", "organisation",
        "organization", "association", "bank", "miner", "brewer", "shipbuilder", "exchange", "network", "watchdog",
        "body",
    ]
    /// Nouns for whoever speaks for an organisation: "the spokesman said" is the organisation
    /// unless a spokesman is named.
    static let statementNouns: Set<String> = ["spokesman", "spokeswoman", "spokesperson", "statement"]
    /// Names of political groups that "the party" may stand for: "African National Congress",
    /// "Democratic Renewal Movement".
    static let politicalGroupNouns: Set<String> = ["party", "movement", "alliance", "coalition", "front", "congress", "league", "union"]
    /// How far back (in tokens) a role looks for the name it stands for.
    static let roleReach = 600

    /// The speaker a role phrase stands for, or nil when it names nobody the article lists.
    /// - Parameters:
    ///   - words: the phrase's words, lower case, without the determiner ("environment", "minister").
    ///   - capitalised: its capitalised words as written ("Japan’s", "Foreign", "Ministry").
    ///   - definite: "the minister", "its spokesman" (not "a spokesman").
    ///   - token: the cue's token; the phrase points back from here.
    ///   - recentPerson: the most recent person before `token`, by the reader's own account.
    func resolve(
        role words: [String], capitalised: [String], definite: Bool, at token: Int, in text: TextTokens,
        recentPerson: () -> Article.Concept?
    ) -> Article.Concept? {
        guard let head = words.last else { return nil }
        // "her son said": the person introduced as her son, before or after; else nobody.
        if Self.relationNouns.contains(head) {
            return titledPerson(head, before: token, in: text) ?? titledPerson(head, after: token, in: text)
        }
        let speaksFor = Self.statementNouns.contains(head)
        // "Japan’s Foreign Ministry spokesman", "a spokesperson for the Ministry of Energy and Mines":
        // the organisation its capitalised words name (not "the Kestrel chief executive", a person).
        if !capitalised.isEmpty, speaksFor || !Self.personNouns.contains(head), let named = known(capitalised), !isPerson(named) {
            return named
        }
        if definite, Self.personNouns.contains(head), !speaksFor {
            return titledPerson(head, before: token, in: text) ?? recentPerson()
        }
        // "the spokesman said", "its spokesperson said": a named spokesperson, else the organisation.
        if speaksFor, words.count == 1 {
            if let person = titledPerson(head, before: token, in: text) { return person }
            if let organisation = recentOrganisation(before: token, in: text, where: { _ in true }) { return organisation }
        }
        let organisationHead = Self.organisationNouns.contains(head) || Self.companyNouns.contains(head)
        // "the agent said": the person introduced as the agent ("Mendes's agent, Paulo Vieira").
        if definite, !organisationHead, let person = titledPerson(head, before: token, in: text) { return person }
        // "a company spokesperson", "the ministry": the organisation its noun points at.
        let nouns = words.filter { Self.organisationNouns.contains($0) || Self.companyNouns.contains($0) }
        if let noun = nouns.last {
            // "the bank's policy committee": the last noun an organisation's name holds.
            var named: (organisation: Int, sameParagraph: Bool)?
            for candidate in nouns.reversed() where named == nil {
                named = recentOrganisationMention(before: token, in: text, where: { o in
                    organisationForms.words[o].contains { $0.contains(candidate) }
                })
            }
            // "The Democratic Renewal Movement said … "…," the party said": an organisation named in
            // the same paragraph, whose name holds no other kind of organisation, over one named earlier.
            if named?.sameParagraph != true,
                let last = recentOrganisationMention(before: token, in: text, where: { _ in true }), last.sameParagraph,
                !organisationForms.words[last.organisation][0].contains(where: { word in
                    (Self.organisationNouns.contains(word) || Self.companyNouns.contains(word))
                        && !(Self.politicalGroupNouns.contains(word) && Self.politicalGroupNouns.contains(noun))
                })
            {
                return organisation(last.organisation)
            }
            if let named { return organisation(named.organisation) }
            if Self.companyNouns.contains(noun), let last = recentOrganisation(before: token, in: text, where: { _ in true }) {
                return last
            }
        }
        if let organisation = resolve(roleWords: words, capitalised: capitalised) { return organisation }
        return definite && !organisationHead ? recentPerson() : nil
    }

    /// The speaker "it" stands for: the organisation named last ("The central bank said it …",
    /// "…," it said in a statement), else the previous speaker when that is an organisation.
    func organisationPronoun(before token: Int, in text: TextTokens, previous: Article.Concept?) -> Article.Concept? {
        if let named = recentOrganisation(before: token, in: text, where: { _ in true }) { return named }
        return previous.flatMap { isPerson($0) ? nil : $0 }
    }

    /// The person last introduced with the title `noun` before `token`: "minister, Thorsten Eder",
    /// "Minister Hoshino Ryota", "Thorsten Eder, the environment minister".
    func titledPerson(_ noun: String, before token: Int, in text: TextTokens) -> Article.Concept? {
        var k = min(token, text.tokens.count) - 1
        while k >= max(0, token - Self.roleReach) {
            if let person = personTitled(noun, at: k, in: text.tokens) { return person }
            k -= 1
        }
        return nil
    }

    /// The first person introduced with the title `noun` after `token` ("… her son said. … Her son,
    /// Callum MacAulay, raised the alarm").
    func titledPerson(_ noun: String, after token: Int, in text: TextTokens) -> Article.Concept? {
        var k = token + 1
        while k < min(text.tokens.count, token + Self.roleReach) {
            if let person = personTitled(noun, at: k, in: text.tokens) { return person }
            k += 1
        }
        return nil
    }

    /// The person that token `k`, the title `noun`, introduces, if any.
    private func personTitled(_ noun: String, at k: Int, in t: [TextTokens.Token]) -> Article.Concept? {
        guard t[k].kind == .word, t[k].lower == noun else { return nil }
        // The name after the title, across a comma: "minister, Thorsten Eder".
        var after = k + 1
        if after < t.count, t[after].isMark(",") { after += 1 }
        if after < t.count, t[after].kind == .word, t[after].isCapitalised, let person = person(forWord: t[after].lower) {
            return person
        }
        // The name before an apposition: "Thorsten Eder, the environment minister".
        var before = k - 1
        while before >= 0, before > k - 5, t[before].kind == .word, !t[before].isCapitalised || before == k - 1 {
            before -= 1
        }
        if before >= 1, t[before].isMark(","), t[before - 1].kind == .word, t[before - 1].isCapitalised {
            return person(forWord: t[before - 1].lower)
        }
        return nil
    }

    /// The organisation whose name or alias was written last before `token`, among those `accepts`
    /// (which is given the organisation's index).
    func recentOrganisation(
        before token: Int, in text: TextTokens, where accepts: (Int) -> Bool
    ) -> Article.Concept? {
        recentOrganisationMention(before: token, in: text, where: accepts).map { organisation($0.organisation) }
    }

    /// Like ``recentOrganisation(before:in:where:)``: the organisation's index, and whether the
    /// mention is in the paragraph of `token`.
    func recentOrganisationMention(
        before token: Int, in text: TextTokens, where accepts: (Int) -> Bool
    ) -> (organisation: Int, sameParagraph: Bool)? {
        let t = text.tokens
        let forms = organisationForms
        var k = min(token, t.count) - 1
        let floor = max(0, token - Self.roleReach)
        var sameParagraph = token >= t.count || !t[token].lineBreakBefore
        while k >= floor {
            defer {
                if t[k].lineBreakBefore { sameParagraph = false }
                k -= 1
            }
            guard t[k].kind == .word, t[k].isCapitalised else { continue }
            for (o, f) in forms.forms(startingWith: Self.possessiveStripped(t[k].lower))
            where accepts(o) && Self.matches(forms.words[o][f], at: k, in: t) {
                return (o, sameParagraph)
            }
        }
        return nil
    }

    /// Whether the tokens from `start` spell `words` (a possessive on the last word allowed).
    private static func matches(_ words: [String], at start: Int, in t: [TextTokens.Token]) -> Bool {
        guard start + words.count <= t.count else { return false }
        for (offset, word) in words.enumerated() {
            let token = t[start + offset]
            let text = token.kind == .mark ? String(token.scalar) : possessiveStripped(token.lower)
            if text != word { return false }
        }
        return true
    }
}
