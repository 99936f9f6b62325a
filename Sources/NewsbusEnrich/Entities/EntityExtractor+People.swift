extension EntityExtractor {
    /// People in what is left of a run once organisations and gazetteer names are taken: the
    /// unknown capitalised words, with the cues around them (titles before the name, honorifics,
    /// a role noun, a speech verb after it, an apposition, a caption marker, a known family name).
    mutating func findPeople(_ units: [NameRun.Unit], consumed: [Bool], context: inout Context) {
        let tokens = context.tokens
        var i = 0
        while i < units.count {
            guard !consumed[i], units[i].isName else {
                i += 1
                continue
            }
            var end = i
            var k = i + 1
            scan: while k < units.count, !consumed[k] {
                switch units[k].tag {
                case .name, .initialDot:
                    end = k
                    k += 1
                case .connector where NameRun.nameParticles.contains(tokens[units[k].first].key):
                    // Particles ("van der", "bin") continue a name only when a name follows them.
                    var after = k + 1
                    while after < units.count, case .connector = units[after].tag,
                          NameRun.nameParticles.contains(tokens[units[after].first].key) { after += 1 }
                    guard after < units.count, units[after].isName, !consumed[after] else { break scan }
                    k = after
                default:
                    break scan
                }
            }
            considerName(units, from: i, to: end, context: &context)
            i = end + 1
        }
    }

    private mutating func considerName(_ units: [NameRun.Unit], from start: Int, to end: Int, context: inout Context) {
        let tokens = context.tokens
        // Unknown words followed by more title words are part of the title ("... for Oceanian Affairs").
        if end + 1 < units.count {
            switch units[end + 1].tag {
            case .titleHead, .titleModifier, .descriptor, .organisationHead, .placeHead: return
            default: break
            }
        }
        let nameUnits = units[start...end].filter(\.isName)
        let words = nameUnits.map { tokens[$0.first] }
        guard let firstWord = words.first else { return }
        let firstToken = units[start].first
        let lastToken = units[end].last
        let cues = cues(units, nameStart: start, firstToken: firstToken, lastToken: lastToken, tokens: tokens)

        if words.count == 1 {
            let word = firstWord
            let segment = context.segment(at: firstToken)
            if word.isAllCaps {
                acronyms.append(SingleWord(text: word.text, segment: segment, order: nextOrder(), personCue: false))
                return
            }
            let pluralAtStart = word.sentenceStart && word.key.hasSuffix("s")
            let personCue = cues.strong || (cues.verbAfter && !pluralAtStart)
            singleWords.append(SingleWord(text: word.text, segment: segment, order: nextOrder(), personCue: personCue))
            return
        }
        let familyName = words.count <= 3
            && (gazetteer.familyNames[firstWord.key] != nil || gazetteer.familyNames[words[words.count - 1].key] != nil)
        let confidence: UInt32
        if cues.strong {
            confidence = 90
        } else if cues.verbAfter {
            confidence = 85
        } else if familyName {
            confidence = 75
        } else {
            // Capitalised words with no cue: a person only if they look like a name.
            guard words.count <= 4, words.allSatisfy({ !$0.isAllCaps }) else { return }
            confidence = 55
        }
        let name = context.text(firstToken, lastToken)
        let parts = words.map(\.key)
        mentionPerson(name: name, parts: parts, confidence: confidence, segment: context.segment(at: firstToken))
    }

    mutating func mentionPerson(name: String, parts: [String], confidence: UInt32, segment: ArticleSegment) {
        addMention(EntityMention(
            type: .person, identity: "person:" + parts.joined(separator: " "), name: name, surface: name,
            uri: "", confidence: confidence, segment: segment, nameParts: parts))
    }

    struct NameCues {
        /// A title, honorific, role noun, apposition or caption marker.
        var strong = false
        /// A speech or action verb right after the name.
        var verbAfter = false
    }

    private func cues(_ units: [NameRun.Unit], nameStart: Int, firstToken: Int, lastToken: Int, tokens: [EntityToken]) -> NameCues {
        var cues = NameCues()
        // A title earlier in the same run: "US Special Representative on North Korea Sung Kim".
        if units[..<nameStart].contains(where: \.isTitle) { cues.strong = true }
        if firstToken > 0 {
            let before = tokens[firstToken - 1]
            if before.isWord && !before.isCapitalised && gazetteer.roleNouns.contains(before.key) { cues.strong = true }
            if before.isWord && Self.precedingSpeechWords.contains(before.key) {
                cues.strong = before.key != "to" || (firstToken > 1 && tokens[firstToken - 2].key == "according")
            }
        }
        var after = lastToken + 1
        guard after < tokens.count else { return cues }
        if tokens[after].text == "'s" { return cues }
        if tokens[after].text == "(", after + 1 < tokens.count, Self.captionMarkers.contains(tokens[after + 1].text) {
            cues.strong = true
        }
        if tokens[after].text == "," {
            // Apposition: "Sung Kim, the US envoy," / "Gunn, a former diplomat,".
            var look = after + 1
            while look < tokens.count, look <= after + 6, tokens[look].text != ",", tokens[look].text != "." {
                let token = tokens[look]
                if token.isWord, gazetteer.roleNouns.contains(token.key) || gazetteer.wordKinds[token.text] == .titleHead {
                    cues.strong = true
                    break
                }
                look += 1
            }
            after += 1
        }
        if after < tokens.count, tokens[after].isWord, Self.personVerbs.contains(tokens[after].key) { cues.verbAfter = true }
        return cues
    }

    /// Skips "(ACRO)" after a run that ended with an organisation and records the acronym as its
    /// alias. Returns the token index after ")", or nil when there is no such definition.
    mutating func skipAcronymDefinition(after end: Int, context: inout Context) -> Int? {
        let tokens = context.tokens
        guard end + 3 < tokens.count, tokens[end + 1].text == "(", tokens[end + 3].text == ")",
              tokens[end + 2].isWord, tokens[end + 2].isCapitalised,
              let organisation = context.lastOrganisation else { return nil }
        let acronym = tokens[end + 2].text
        let uppercase = acronym.unicodeScalars.filter { $0.properties.isUppercase }.count
        guard uppercase >= 2 else { return nil }
        acronymDefinitions[acronym] = organisation.identity
        addMention(EntityMention(
            type: .organisation, identity: organisation.identity, name: organisation.name, surface: acronym,
            uri: "", confidence: 90, segment: context.segment(at: end + 2)))
        return end + 4
    }
}
