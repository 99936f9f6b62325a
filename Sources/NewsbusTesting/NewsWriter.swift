import NewsbusWire

/// Writes one invented enriched article, sized to a byte budget. Used by
/// ``SampleArticles/enriched(sizeBytes:seed:)`` and ``ArticleGenerator``.
struct NewsWriter {
    private var rng: SeededGenerator
    private let seed: UInt64
    /// Quotes and fragments already in the body: a speaker does not repeat themselves.
    private var usedQuotes: Set<String> = []

    init(seed: UInt64) {
        self.seed = seed
        rng = SeededGenerator.derived(seed: seed, stream: 0x4E65_7773_6275_7321)
    }

    // MARK: Cast and setting

    private struct CastMember {
        let name: PersonName
        let country: Country
        let title: String
        let concept: Article.Concept
    }

    private struct Setting {
        let theme: Theme
        let host: Country
        let guest: Country
        let city: String
        let hardware: Hardware
        let topic: String
        let keywords: [String]
        let organisations: [Organisation]
        let day: Int            // days since 1970-01-01
        let minuteOfDay: Int
        var cast: [CastMember] = []
    }

    /// A piece of a sentence: plain text, or the words of a quote (its quotation marks are plain text).
    private enum Piece {
        case text(String)
        case quote(String, speaker: Int, cue: String, partial: Bool)
    }

    private struct Sentence {
        var pieces: [Piece]
        var utf8Count: Int {
            pieces.reduce(0) { n, p in
                switch p {
                case .text(let s): n + s.utf8.count
                case .quote(let s, _, _, _): n + s.utf8.count
                }
            }
        }
    }

    // MARK: Article

    mutating func article(targetBytes: Int, uri fixedURI: String?) -> Article {
        // Metadata shrinks with the budget so that smaller articles still have a body with quotes.
        let compact = targetBytes < 4 * 1024
        let medium = !compact && targetBytes < 6 * 1024
        var setting = makeSetting()
        let theme = setting.theme
        let host = setting.host
        let guest = setting.guest

        // The cast: two principals (host and guest) and, when there is room, two more.
        var members: [(PersonName, Country)] = [
            (rng.pick(host.people), host),
            (rng.pick(guest.people), guest),
        ]
        if !compact {
            let third = rng.pick(Vocabulary.countries.filter { $0.code != host.code && $0.code != guest.code })
            members.append((rng.pick(third.people), third))
            if !medium, rng.chance(0.6) {
                let extra = rng.pick(host.people)
                if extra.full != members[0].0.full { members.append((extra, host)) }
            }
        }
        let titles = rng.pick(members.count, of: theme.titles)  // no two people share a title
        setting.cast = members.enumerated().map { i, member in
            let (name, country) = member
            let other = country.code == host.code ? guest : host
            let city = country.code == host.code ? setting.city : rng.pick(country.cities)
            let title = fill(titles[i], setting, country: country, other: other, city: city)
            let concept = Article.Concept(
                name: name.full, uri: "urn:newsbus:person:\(name.slug)", rel: "mentions", literal: "",
                creator: "machine:enrich.entities", relevance: UInt32(rng.int(in: 40...98)),
                confidence: UInt32(rng.int(in: 60...99)), code: country.code,
                aliases: name.familyFirst ? [name.short, "\(name.given) \(name.family)"] : [name.short]
            )
            return CastMember(name: name, country: country, title: title, concept: concept)
        }

        let id = fixedURI ?? "urn:newsbus:sample:enriched:\(hex(seed))"
        let slug = hex(rng.next()).prefix(10)
        let created = setting.day * 1440 + setting.minuteOfDay
        let versionMinutes = created + rng.int(in: 10...300)
        let section = rng.pick(theme.sections)
        let headline = capitalised(fill(rng.pick(theme.headlines), setting))
        let photoAgency = rng.pick(Vocabulary.photoAgencies)
        let wire = rng.pick(Vocabulary.wireAgencies)
        let reporter = rng.pick(Vocabulary.reporters)
        let version = rng.int(in: 1...3)

        var article = Article(
            uri: id,
            version: String(version),
            type: "text",
            firstcreated: rfc3339(minutes: created),
            versioncreated: rfc3339(minutes: versionMinutes),
            contentcreated: rfc3339(minutes: created - rng.int(in: 5...180)),
            pubstatus: .usable,
            urgency: UInt32(rng.int(in: 3...6)),
            language: "en",
            headlines: [Article.Text(role: "main", contenttype: "text/plain", value: headline)],
            by: "By \(reporter)",
            located: "\(setting.city), \(host.name.hasPrefix("the ") ? String(host.name.dropFirst(4)) : host.name)",
            slugline: "\(host.code)-\(guest.code)-\(section.last!.uppercased().replacingOccurrences(of: " ", with: "-"))",
            keywords: rng.pick(compact ? 3 : 5, of: setting.keywords),
            altids: [Article.AltId(role: "canonical-url", value: "https://news.example/\(section.last!.lowercased().replacingOccurrences(of: " ", with: "-"))/\(slug)")],
            copyrightholder: "Newsbus Sample Desk",
            sectionPath: section,
            fingerprint: 0x8000_0000_0000_0001,
            contentHash: String(repeating: "0", count: 64)
        )
        if version > 1 { article.signals = [.update] }

        // Images: the lead photo with both principals, and a second one further down.
        let leadCaption = "\(setting.cast[0].name.full) (L) and \(setting.cast[1].name.full) (R) meet at the "
            + "\(rng.pick(Vocabulary.venues)) in \(setting.city), \(plainName(host)), \(longDate(day: setting.day))."
        let secondDay = setting.day - rng.int(in: 1...40)
        let secondCaption = "The \(setting.hardware.name) \(setting.hardware.kind) is shown in \(rng.pick(guest.cities)), "
            + "\(plainName(guest)), in this handout picture released \(longDate(day: secondDay))."
        article.associations = [
            association(name: "featureimage", caption: leadCaption, credit: "Photo by \(photoAgency)",
                        day: setting.day, position: 0, renditions: compact ? 0 : medium ? 1 : 2),
            association(name: "image2", caption: secondCaption, credit: "(\(wire) via \(photoAgency))",
                        day: secondDay, position: 1, renditions: compact ? 0 : medium ? 1 : 2),
        ]

        // Concepts.
        article.people = setting.cast.map(\.concept)
        let orgs = compact ? Array(setting.organisations.prefix(1)) : setting.organisations
        article.organisations = orgs.map { org in
            Article.Concept(
                name: org.name, uri: "urn:newsbus:org:\(org.code.lowercased())", rel: "mentions",
                creator: "machine:enrich.entities", relevance: UInt32(rng.int(in: 20...80)),
                confidence: UInt32(rng.int(in: 55...97)), code: org.code, aliases: [org.shortName]
            )
        }
        var places = [
            place(setting.city, host, rel: "located"),
            place(guest.capital, guest, rel: "mentions", alias: "\(guest.demonym) government"),
        ]
        if !compact { places.append(place(host.capital, host, rel: "mentions", alias: "\(host.demonym) government")) }
        article.places = places
        article.subjects = rng.pick(compact ? 1 : 3, of: theme.subjects).map { subject in
            Article.Concept(
                name: subject.name, uri: "medtop:\(subject.code)", rel: "about", creator: "machine:enrich.topics",
                relevance: UInt32(rng.int(in: 50...95)), confidence: UInt32(rng.int(in: 50...95)), code: subject.code
            )
        }
        if !compact {
            article.descriptions = [Article.Text(role: "summary", contenttype: "text/plain",
                                                 value: "Talks in \(setting.city) on \(setting.topic).")]
            article.events = [Article.Concept(
                name: rng.pick(theme.events), uri: "urn:newsbus:event:\(hex(rng.next()).prefix(8))", rel: "about",
                creator: "machine:enrich.events", relevance: 60, confidence: UInt32(rng.int(in: 40...80))
            )]
            article.genres = [Article.Concept(name: "Current", uri: "genre:Current", rel: "genre", creator: "editor")]
            article.infosources = [Article.Concept(name: wire, uri: "urn:newsbus:agency:\(wire.lowercased().replacingOccurrences(of: " ", with: "-"))",
                                                   rel: "source", creator: "machine:ingest.scrape", code: String(wire.prefix(3)).uppercased())]
            article.altids.insert(Article.AltId(role: "guid", value: "\(host.code.lowercased())-\(slug)"), at: 0)
            article.annotations = medium ? [] : [Article.Annotation(
                creator: "plugin.sentiment", name: "sentiment", value: rng.pick(["neutral", "negative", "mixed"]),
                score: Double(rng.int(in: -500...500)) / 1000, contenttype: "application/json",
                data: Array(#"{"model":"sample-sentiment","version":2}"#.utf8)
            )]
        }
        article.provenance = provenance(after: versionMinutes, stages: compact ? [1] : medium ? [0, 2, 3] : Array(0..<6))
        article.source = Article.Source(
            kind: "file", name: "scrape-\(host.code.lowercased())", locator: "inbox/\(slug).txt",
            receivedAt: rfc3339(minutes: created + rng.int(in: 1...3)), format: "text/scrape"
        )
        article.boilerplate = compact
            ? ["SHARE THIS ARTICLE"]
            : ["This site can also be reached at news.example and m.news.example.", "news.example",
               "SHARE THIS ARTICLE", "Newsreader for iOS · Android"]

        // The body gets whatever the metadata leaves of the budget.
        article.bodies = [Article.Body(role: "main", contenttype: "text/plain", value: "",
                                       charcount: UInt32(targetBytes), wordcount: UInt32(targetBytes / 6),
                                       readingTimeSeconds: UInt32(targetBytes / 30))]
        let base = Self.encodedSize(article)
        let budget = targetBytes - base - 6
        let paragraphs = writeBody(setting, budget: budget)
        finish(&article, paragraphs: paragraphs, cast: setting.cast)
        return article
    }

    private mutating func makeSetting() -> Setting {
        let theme = rng.pick(Vocabulary.themes)
        let pair = rng.pick(2, of: Vocabulary.countries)
        let host = pair[0]
        let guest = pair[1]
        let hardware = rng.pick(theme.hardware)
        var organisations = rng.pick(1, of: theme.organisations)
        organisations += rng.pick(rng.int(in: 1...2), of: Vocabulary.genericOrganisations)
        var setting = Setting(
            theme: theme, host: host, guest: guest, city: rng.pick([host.capital] + host.cities),
            hardware: hardware, topic: "", keywords: rng.pick(theme.keywords.count, of: theme.keywords), organisations: organisations,
            day: 18_993 + rng.below(4 * 365), minuteOfDay: rng.int(in: 300...1200)
        )
        setting = Setting(
            theme: theme, host: host, guest: guest, city: setting.city, hardware: hardware,
            topic: fill(rng.pick(theme.topics), setting), keywords: setting.keywords, organisations: organisations,
            day: setting.day, minuteOfDay: setting.minuteOfDay
        )
        return setting
    }

    // MARK: Body

    private mutating func writeBody(_ s: Setting, budget: Int) -> [[Sentence]] {
        var paragraphs: [[Sentence]] = []
        var used = 0
        var introduced: Set<Int> = [0, 1]
        var offset = 0  // rough scalar offset, only to size quote offsets

        func cost(_ sentence: Sentence, newParagraph: Bool) -> Int {
            var n = sentence.utf8Count + (newParagraph ? 2 : 1)
            for piece in sentence.pieces {
                if case .quote(let content, let speaker, let cue, let partial) = piece {
                    n += Self.encodedSize(Article(quotes: [Article.Quote(
                        content: content, speaker: s.cast[speaker].concept, cue: cue,
                        start: UInt32(offset), end: UInt32(offset + content.unicodeScalars.count), partial: partial
                    )]))
                }
            }
            return n
        }

        paragraphs.append([lead(s)])
        used += paragraphs[0][0].utf8Count
        offset += used

        // Paragraphs until eight draws in a row no longer fit (a quote paragraph costs more than
        // a background one, so a miss is not the end).
        var kinds = 0
        var misses = 0
        while misses < 8 {
            let before = introduced
            let quotesBefore = usedQuotes
            let sentences = paragraph(s, index: kinds, introduced: &introduced)
            kinds += 1
            var para: [Sentence] = []
            for sentence in sentences {
                let c = cost(sentence, newParagraph: para.isEmpty)
                if used + c > budget { break }
                used += c
                offset += sentence.utf8Count + 1
                para.append(sentence)
            }
            if para.isEmpty {
                introduced = before  // the introduction with full title was not written
                usedQuotes = quotesBefore
                misses += 1
            } else {
                paragraphs.append(para)
                misses = 0
            }
        }
        // Top up the last paragraph with short sentences, each used at most once.
        for text in rng.pick(Vocabulary.fillers.count, of: Vocabulary.fillers) {
            let filler = Sentence(pieces: [.text(text)])
            let c = filler.utf8Count + 1
            if used + c <= budget {
                used += c
                paragraphs[paragraphs.count - 1].append(filler)
            }
        }
        return paragraphs
    }

    private mutating func lead(_ s: Setting) -> Sentence {
        let a = s.cast[0]
        let b = s.cast[1]
        let day = weekday(s.day - rng.int(in: 0...2))
        let org = rng.pick(s.organisations)
        return Sentence(pieces: [.text(
            "\(capitalised(a.title)) \(a.name.full) met \(b.title) \(b.name.full) in \(s.city) on \(day) to discuss "
                + "\(s.topic), \(rng.chance(0.5) ? "\(org.shortName)" : "officials") said."
        )])
    }

    /// One paragraph after the lead, as sentences.
    private mutating func paragraph(_ s: Setting, index: Int, introduced: inout Set<Int>) -> [Sentence] {
        let roll = index == 0 ? 0 : rng.below(100)
        let who = rng.below(s.cast.count)
        switch roll {
        case 0..<25:  // direct quote, attributed after, with a second quote
            guard let q1 = unused(s.theme.quotes), let q2 = unused(s.theme.quotes) else { return [background(s)] }
            let cue = rng.pick(Vocabulary.cueAfter)
            let ref = reference(who, s, &introduced)
            return [Sentence(pieces: [
                .text("\""), .quote(q1, speaker: who, cue: cue, partial: false),
                .text(",\" \(ref) \(cue), adding, \""), .quote(q2, speaker: who, cue: "adding", partial: false),
                .text(".\""),
            ])] + (rng.chance(0.5) ? [background(s)] : [])
        case 25..<40:  // attributed before
            guard let q = unused(s.theme.quotes) else { return [background(s)] }
            let ref = capitalised(reference(who, s, &introduced))
            return [Sentence(pieces: [
                .text("\(ref) told reporters in \(s.city): \""), .quote(q, speaker: who, cue: "told", partial: false),
                .text(".\""),
            ])]
        case 40..<55:  // partial quote in reported speech
            guard let fragment = unused(s.theme.fragments) else { return [background(s)] }
            let ref = capitalised(reference(who, s, &introduced))
            return [Sentence(pieces: [
                .text("\(ref) said that \(fill(rng.pick(s.theme.topics), s)) presented \""),
                .quote(fragment, speaker: who, cue: "said", partial: true),
                .text(".\""),
            ]), background(s)]
        case 55..<65:  // the hardware, its nickname in quotes
            let h = s.hardware
            let verb = rng.pick(["unveiled", "tested", "showed off", "delayed", "expanded"])
            return [Sentence(pieces: [.text(
                "\(s.guest.capital) \(verb) the \(h.name) \"\(h.nickname)\" \(h.kind) \(fill(rng.pick(Vocabulary.times), s)), "
                    + "\(s.guest.demonym) state media reported."
            )]), background(s)]
        case 65..<72 where introduced.contains(who):
            return [Sentence(pieces: [.text(fill(rng.pick(Vocabulary.followUps), s, person: s.cast[who]))])]
        default:
            return (0..<rng.int(in: 2...3)).map { _ in background(s) }
        }
    }

    /// A quote or fragment not used yet in this article, marked used; nil when all are.
    private mutating func unused(_ candidates: [String]) -> String? {
        let fresh = candidates.filter { !usedQuotes.contains($0) }
        guard !fresh.isEmpty else { return nil }
        let pick = rng.pick(fresh)
        usedQuotes.insert(pick)
        return pick
    }

    /// The full title and name on first mention, then the family name alone.
    private func reference(_ who: Int, _ s: Setting, _ introduced: inout Set<Int>) -> String {
        let member = s.cast[who]
        if introduced.insert(who).inserted { return "\(member.title) \(member.name.full)" }
        return member.name.short
    }

    private mutating func background(_ s: Setting) -> Sentence {
        let parts = [
            fill(rng.pick(Vocabulary.subjects), s), fill(rng.pick(Vocabulary.verbs), s),
            fill(rng.pick(Vocabulary.objects), s), fill(rng.pick(Vocabulary.times), s),
        ]
        let tail = fill(rng.pick(Vocabulary.tails), s)
        return Sentence(pieces: [.text(parts.joined(separator: " ") + tail + ".")])
    }

    // MARK: Finishing

    private mutating func finish(_ article: inout Article, paragraphs: [[Sentence]], cast: [CastMember]) {
        var body = ""
        var scalars = 0
        var quotes: [Article.Quote] = []
        for (p, sentences) in paragraphs.enumerated() {
            if p > 0 {
                body += "\n\n"
                scalars += 2
            }
            for (i, sentence) in sentences.enumerated() {
                if i > 0 {
                    body += " "
                    scalars += 1
                }
                for piece in sentence.pieces {
                    switch piece {
                    case .text(let t):
                        body += t
                        scalars += t.unicodeScalars.count
                    case .quote(let content, let speaker, let cue, let partial):
                        let n = content.unicodeScalars.count
                        quotes.append(Article.Quote(
                            content: content, speaker: cast[speaker].concept, cue: cue,
                            start: UInt32(scalars), end: UInt32(scalars + n), partial: partial, bodyIndex: 0
                        ))
                        body += content
                        scalars += n
                    }
                }
            }
        }
        let words = Self.wordCount(body)
        article.bodies = [Article.Body(
            role: "main", contenttype: "text/plain", value: body, charcount: UInt32(scalars),
            wordcount: UInt32(words), readingTimeSeconds: UInt32((words * 60 + 229) / 230)
        )]
        article.quotes = quotes
        if paragraphs.count > 1 {
            article.associations[1].position = Int32(max(1, paragraphs.count / 2))
        }
        let fingerprint = Self.simhash(body)
        article.fingerprint = fingerprint == 0 ? 1 : fingerprint
        article.contentHash = ContentHash.of(article)
    }

    private mutating func association(
        name: String, caption: String, credit: String, day: Int, position: Int32, renditions count: Int
    ) -> Article.Association {
        let id = hex(rng.next()).prefix(12)
        let width = UInt32(rng.pick([1600, 2048, 3000, 4032]))
        let height = width * 2 / 3
        let renditions = Array([
            Article.Rendition(name: "original", href: "https://img.news.example/\(id)/original.jpg",
                              contenttype: "image/jpeg", width: width, height: height),
            Article.Rendition(name: "thumbnail", href: "https://img.news.example/\(id)/thumb.jpg",
                              contenttype: "image/jpeg", width: 320, height: 213),
        ].prefix(count))
        return Article.Association(
            name: name, uri: "urn:newsbus:picture:\(id)", type: "picture", caption: caption, credit: credit,
            versioncreated: rfc3339(minutes: day * 1440 + rng.int(in: 360...1080)), renditions: renditions,
            position: position
        )
    }

    private mutating func place(_ city: String, _ country: Country, rel: String, alias: String? = nil) -> Article.Concept {
        let slug = city.lowercased().replacingOccurrences(of: " ", with: "-")
        return Article.Concept(
            name: city, uri: "urn:newsbus:gazetteer:\(country.code.lowercased())-\(slug)", rel: rel,
            creator: "machine:enrich.places", relevance: UInt32(rng.int(in: 30...95)),
            confidence: UInt32(rng.int(in: 70...99)), code: country.code, aliases: alias.map { [$0] } ?? []
        )
    }

    private mutating func provenance(after minutes: Int, stages chosen: [Int]) -> [Article.Provenance] {
        let stages: [(String, [String])] = [
            ("ingest.scrape", ["uri", "headlines", "bodies", "associations", "section_path", "boilerplate"]),
            ("enrich.stats", ["bodies.charcount", "bodies.wordcount", "bodies.reading_time_seconds"]),
            ("enrich.entities", ["people", "organisations", "places"]),
            ("enrich.quotes", ["quotes"]),
            ("enrich.topics", ["subjects", "keywords"]),
            ("enrich.fingerprint", ["fingerprint", "content_hash"]),
        ]
        var seconds = minutes * 60
        return chosen.map { stages[$0] }.map { stage, fields in
            seconds += rng.int(in: 0...2)
            return Article.Provenance(
                enricher: stage, version: "1.\(rng.int(in: 0...9)).\(rng.int(in: 0...20))",
                processedAt: rfc3339(seconds: seconds), durationMicros: UInt64(rng.int(in: 40...250_000)), fields: fields
            )
        }
    }

    // MARK: Templates

    /// Replaces `{Slot}`s; `country`/`other` default to the host and guest, `person` fills `{Short}`/`{Title2}`.
    private mutating func fill(
        _ template: String, _ s: Setting, country: Country? = nil, other: Country? = nil, city: String? = nil,
        person: CastMember? = nil
    ) -> String {
        guard template.contains("{") else { return template }
        let c = country ?? s.host
        let o = other ?? s.guest
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let slot = rest[rest.index(after: open)..<close]
            let value: String
            switch slot {
            case "Capital": value = c.capital
            case "OtherCapital": value = o.capital
            case "City": value = city ?? s.city
            case "Country": value = plainName(c)
            case "OtherCountry": value = plainName(o)
            case "Dem", "Dem1": value = c.demonym
            case "Dem2": value = o.demonym
            case "OrgShort": value = rng.pick(s.organisations).shortName
            case "OrgName": value = "the " + rng.pick(s.organisations).name
            case "Topic": value = s.topic.isEmpty ? rng.pick(s.theme.agenda) : s.topic
            case "Hardware": value = "\(s.hardware.name) \(s.hardware.kind)"
            case "HardwareName": value = s.hardware.name
            case "Kw1": value = s.keywords[0]
            case "Kw2": value = s.keywords[1 + rng.below(s.keywords.count - 1)]
            case "Day": value = weekday(s.day - rng.int(in: 0...3))
            case "Year": value = String(CivilDate.components(dayNumber: s.day).year - rng.int(in: 1...6))
            case "Short": value = person?.name.short ?? s.cast.first?.name.short ?? ""
            case "Title2": value = "the " + rng.pick(s.theme.agenda) + " coordinator"
            default: value = String(slot)
            }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    private func plainName(_ c: Country) -> String {
        c.name.hasPrefix("the ") ? "the " + c.name.dropFirst(4) : c.name
    }

    private func capitalised(_ s: String) -> String {
        guard let first = s.first else { return s }
        return first.uppercased() + s.dropFirst()
    }

    private static func encodedSize(_ article: Article) -> Int {
        (try? article.wireBytes().count) ?? 0
    }

    // MARK: Dates

    private func rfc3339(minutes: Int) -> String { rfc3339(seconds: minutes * 60) }

    private func rfc3339(seconds: Int) -> String {
        let (y, m, d) = CivilDate.components(dayNumber: seconds / 86400)
        let t = seconds % 86400
        return "\(y)-\(two(m))-\(two(d))T\(two(t / 3600)):\(two(t / 60 % 60)):\(two(t % 60))Z"
    }

    private func longDate(day: Int) -> String {
        let (y, m, d) = CivilDate.components(dayNumber: day)
        return "\(Vocabulary.months[m - 1]) \(d), \(y)"
    }

    private func weekday(_ day: Int) -> String {
        Vocabulary.weekdays[(day % 7 + 10) % 7]  // 1970-01-01 was a Thursday (index 3)
    }

    private func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private func hex(_ n: UInt64) -> String {
        let s = String(n, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    // MARK: Text statistics

    /// Words: runs of bytes that are not ASCII whitespace.
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            let space = byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
            if !space, !inWord { count += 1 }
            inWord = !space
        }
        return count
    }

    /// A 64-bit simhash over lowercased three-word shingles (FNV-1a hashed).
    static func simhash(_ text: String) -> UInt64 {
        var words: [UInt64] = []
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var inWord = false
        for var byte in text.utf8 {
            let letter = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte >= 0x80
            if letter {
                if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
                h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                inWord = true
            } else if inWord {
                words.append(h)
                h = 0xCBF2_9CE4_8422_2325
                inWord = false
            }
        }
        if inWord { words.append(h) }
        guard words.count >= 3 else { return words.first ?? 0 }
        var weights = [Int](repeating: 0, count: 64)
        for i in 0..<(words.count - 2) {
            var x = words[i] &* 31 &+ words[i + 1] &* 131 &+ words[i + 2]
            x ^= x >> 33
            x &*= 0xFF51_AFD7_ED55_8CCD
            x ^= x >> 33
            for bit in 0..<64 { weights[bit] += (x >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
        }
        var out: UInt64 = 0
        for bit in 0..<64 where weights[bit] > 0 { out |= 1 << UInt64(bit) }
        return out
    }
}
