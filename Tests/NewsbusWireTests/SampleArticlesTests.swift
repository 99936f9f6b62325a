import Foundation
import NewsbusTesting
import NewsbusWire
import Testing

/// Checks on the NewsbusTesting helpers themselves.
@Suite("Sample articles")
struct SampleArticlesTests {
    /// Paths of every stored property (recursively) that holds a default value: "", 0, false,
    /// nil, an empty collection, or fewer than two elements in a repeated field.
    static func defaults(in value: Any, path: String = "Article") -> [String] {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let (_, wrapped) = mirror.children.first else { return ["\(path) is nil"] }
            return defaults(in: wrapped, path: path)
        }
        switch value {
        case let s as String: return s.isEmpty ? ["\(path) is empty"] : []
        case let b as Bool: return b ? [] : ["\(path) is false"]
        case let n as any BinaryInteger: return Int(truncatingIfNeeded: n) == 0 ? ["\(path) is 0"] : []
        case let d as Double: return d == 0 ? ["\(path) is 0"] : []
        case let bytes as [UInt8]: return bytes.count < 2 ? ["\(path) has \(bytes.count) bytes"] : []
        default: break
        }
        if mirror.displayStyle == .collection {
            let children = Array(mirror.children)
            var out = children.count < 2 ? ["\(path) has \(children.count) elements"] : []
            for (i, child) in children.enumerated() { out += defaults(in: child.value, path: "\(path)[\(i)]") }
            return out
        }
        // Open enums (PubStatus, Signal) are structs with a single rawValue.
        return mirror.children.flatMap { child in defaults(in: child.value, path: "\(path).\(child.label ?? "?")") }
    }

    @Test("maximal() sets every field, nested ones included, and repeats every repeated field")
    func maximalIsMaximal() {
        let missing = Self.defaults(in: SampleArticles.maximal())
        #expect(missing.isEmpty, "\(missing.joined(separator: ", "))")
        // The checker itself notices a missing field.
        var article = SampleArticles.maximal()
        article.quotes[1].speaker?.aliases = ["only one"]
        article.source?.format = ""
        #expect(Self.defaults(in: article) == ["Article.quotes[1].speaker.aliases has 1 elements", "Article.source.format is empty"])
    }

    @Test("maximal() carries many scripts, emoji and combining marks")
    func maximalScripts() throws {
        let text = try String(decoding: SampleArticles.maximal().wireBytes(), as: UTF8.self)
        let scalars = text.unicodeScalars
        func has(_ range: ClosedRange<UInt32>) -> Bool { scalars.contains { range.contains($0.value) } }
        #expect(has(0x3040...0x30FF), "Japanese kana")
        #expect(has(0x4E00...0x9FFF), "Han")
        #expect(has(0xAC00...0xD7AF), "Hangul")
        #expect(has(0x0600...0x06FF), "Arabic")
        #expect(has(0x0590...0x05FF), "Hebrew")
        #expect(has(0x0900...0x097F), "Devanagari")
        #expect(has(0x0400...0x04FF), "Cyrillic")
        #expect(has(0x1F300...0x1FAFF), "emoji")
        #expect(has(0x200D...0x200D), "zero-width joiner")
        #expect(has(0x1F1E6...0x1F1FF), "flag")
        #expect(scalars.contains { $0.properties.generalCategory == .nonspacingMark && $0.value < 0x0370 }, "combining marks")
    }

    @Test("maximal() quote offsets and body counts are consistent")
    func maximalQuotes() {
        let article = SampleArticles.maximal()
        for quote in article.quotes {
            let scalars = Array(article.bodies[Int(quote.bodyIndex)].value.unicodeScalars)
            #expect(String(String.UnicodeScalarView(scalars[Int(quote.start)..<Int(quote.end)])) == quote.content)
        }
        for body in article.bodies {
            #expect(Int(body.charcount) == body.value.unicodeScalars.count)
            #expect(Int(body.wordcount) == body.value.split(whereSeparator: { $0.isWhitespace }).count)
        }
    }

    @Test("enriched() is within 10% of the asked size", arguments: [2048, 2500, 3000, 3500, 4095, 4096, 5000, 6143, 6144, 8192, 16_384, 65_536, 262_144])
    func enrichedSize(size: Int) throws {
        for seed: UInt64 in [1, 2, 3, 99, 0xFFFF_FFFF_FFFF_FFFF] {
            let count = try SampleArticles.enriched(sizeBytes: size, seed: seed).wireBytes().count
            #expect(abs(count - size) <= size / 10, "seed \(seed): \(count) bytes for \(size)")
        }
    }

    @Test("enriched() below its minimum size is as small as it gets: one lead paragraph")
    func enrichedTiny() throws {
        for seed: UInt64 in 1...5 {
            let article = SampleArticles.enriched(sizeBytes: 256, seed: seed)
            let count = try article.wireBytes().count
            #expect((1500...2300).contains(count), "seed \(seed): \(count) bytes")
            #expect(article.bodies.first?.value.contains("\n\n") == false)
            #expect(article.associations.count == 2 && !article.people.isEmpty)
        }
    }

    @Test("enriched() is deterministic for a seed and differs between seeds")
    func enrichedDeterminism() throws {
        #expect(SampleArticles.enriched(seed: 5) == SampleArticles.enriched(seed: 5))
        #expect(try SampleArticles.enriched(seed: 5).wireBytes() == SampleArticles.enriched(seed: 5).wireBytes())
        #expect(SampleArticles.enriched(seed: 5) != SampleArticles.enriched(seed: 6))
        #expect(SampleArticles.enriched(seed: 5).uri != SampleArticles.enriched(seed: 6).uri)
        #expect(SampleArticles.maximal() == SampleArticles.maximal())
        // Headlines often carry a colon and a list, as scraped pages do.
        let colons = (UInt64(100)..<UInt64(140)).filter { SampleArticles.enriched(sizeBytes: 2048, seed: $0).headline.contains(": ") }
        #expect(colons.count >= 10, "\(colons.count) of 40 headlines have a colon")
    }

    @Test("enriched() looks like an enriched scraped page", arguments: [UInt64(1), 2, 3, 4, 5, 6, 7, 8])
    func enrichedShape(seed: UInt64) throws {
        let a = SampleArticles.enriched(sizeBytes: 8192, seed: seed)
        #expect(!a.uri.isEmpty && a.type == "text" && a.language == "en" && a.pubstatus == .usable)
        #expect(a.sectionPath.count >= 2)
        #expect(a.headline.first?.isUppercase == true && a.headline.count > 20)
        #expect(a.associations.count == 2)
        for association in a.associations {
            #expect(!association.caption.isEmpty && !association.credit.isEmpty && association.type == "picture")
            #expect(association.caption.range(of: #"[A-Z][a-z]+ \d{1,2}, \d{4}\.$"#, options: .regularExpression) != nil,
                    "caption ends with a full date: \(association.caption)")
        }
        #expect(a.associations[0].caption.contains("(L)") && a.associations[0].caption.contains("(R)"))
        #expect(a.associations[0].position == 0 && a.associations[1].position > 0)
        let body = try #require(a.mainBody)
        let paragraphs = body.value.components(separatedBy: "\n\n")
        #expect(paragraphs.count >= 4, "\(paragraphs.count) paragraphs")
        #expect(Int(a.associations[1].position) < paragraphs.count)
        #expect(Int(body.charcount) == body.value.unicodeScalars.count)
        #expect(Int(body.wordcount) == body.value.split(whereSeparator: { $0 == " " || $0 == "\n" }).count)
        #expect(body.readingTimeSeconds > 0)
        #expect(a.people.count >= 2 && a.people.allSatisfy { !$0.code.isEmpty && $0.uri.hasPrefix("urn:newsbus:person:") })
        #expect(a.organisations.count >= 2 && a.organisations.allSatisfy { !$0.code.isEmpty })
        #expect(a.places.count >= 2 && a.places.allSatisfy { $0.code.count == 2 })
        #expect(a.subjects.count >= 2 && a.subjects.allSatisfy { $0.uri.range(of: #"^medtop:\d{8}$"#, options: .regularExpression) != nil })
        #expect(a.quotes.count >= 3)
        #expect(Set(a.quotes.map(\.content)).count == a.quotes.count, "no quote is used twice")
        let scalars = Array(body.value.unicodeScalars)
        let people = Set(a.people.map(\.name))
        for quote in a.quotes {
            #expect(quote.end > quote.start && Int(quote.end) <= scalars.count)
            #expect(String(String.UnicodeScalarView(scalars[Int(quote.start)..<Int(quote.end)])) == quote.content)
            #expect(people.contains(quote.speaker?.name ?? ""), "speaker \(quote.speaker?.name ?? "nil") is among the people")
            #expect(!quote.cue.isEmpty)
        }
        #expect(a.provenance.count >= 3 && a.provenance.allSatisfy { !$0.fields.isEmpty && $0.durationMicros > 0 })
        #expect(a.fingerprint != 0)
        #expect(a.contentHash == ContentHash.of(a))
        #expect(a.contentHash.count == 64 && a.contentHash.allSatisfy(\.isHexDigit))
        #expect(!a.boilerplate.isEmpty && a.source?.format == "text/scrape")
        // Family-name-first names are later called by the family name alone.
        for person in a.people where person.aliases.count == 2 {
            #expect(person.name.hasPrefix(person.aliases[0] + " "))
        }
    }

    @Test("ArticleGenerator makes 2,000 distinct articles, deterministically and cheaply")
    func generator() throws {
        let clock = ContinuousClock()
        var generator = ArticleGenerator(seed: 2024)
        var articles: [Article] = []
        let elapsed = clock.measure { articles = generator.articles(count: 2000) }
        #expect(generator.produced == 2000)
        #expect(Set(articles.map(\.uri)).count == 2000)
        #expect(Set(articles.map(\.contentHash)).count == 2000)
        #expect(elapsed < .seconds(120), "2,000 articles took \(elapsed)")
        var again = ArticleGenerator(seed: 2024)
        #expect(again.next() == articles[0])
        #expect(again.articles(count: 3) == Array(articles[1...3]))
        #expect(ArticleGenerator.article(seed: 2024, index: 1234) == articles[1234])
        var other = ArticleGenerator(seed: 2025)
        #expect(other.next() != articles[0])
        let sizes = try articles.prefix(200).map { try $0.wireBytes().count }
        #expect(sizes.allSatisfy { (1843...9011).contains($0) }, "sizes within 2–8 KiB ± 10%: \(sizes.min()!)...\(sizes.max()!)")
        var fixed = ArticleGenerator(seed: 1, sizeBytes: 4096)
        #expect(try abs(fixed.next().wireBytes().count - 4096) < 410)
    }

    @Test("SeededGenerator is SplitMix64 and its helpers stay in range")
    func seededGenerator() {
        var rng = SeededGenerator(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(rng.next() == 0x06C4_5D18_8009_454F)
        var r = SeededGenerator(seed: 7)
        for _ in 0..<1000 {
            #expect((0..<3).contains(r.below(3)))
            #expect((-2...2).contains(r.int(in: -2...2)))
        }
        #expect(r.bytes(13).count == 13)
        #expect(Set(r.pick(5, of: Array(0..<5))) == Set(0..<5))
    }
}

@Suite("Subprocess helper")
struct SubprocessTests {
    @Test("captures exit status, stdout and stderr")
    func captures() throws {
        let result = try runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", "echo out; echo err >&2; exit 3"], timeout: .seconds(30))
        #expect(result.status == 3)
        #expect(result.stdoutText == "out\n")
        #expect(result.stderrText == "err\n")
    }

    @Test("a child that outlives its timeout is killed and reported")
    func timeout() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let error = #expect(throws: SubprocessError.self) {
            try runProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", "echo started >&2; exec sleep 30"], timeout: .milliseconds(500))
        }
        #expect(clock.now - start < .seconds(10))
        #expect(error?.description.contains("timed out after") == true)
        #expect(error?.description.contains("sleep 30") == true)
    }

    @Test("a missing executable is a clear error")
    func missing() {
        #expect(throws: SubprocessError.self) {
            try runProcess(URL(fileURLWithPath: "/nonexistent/newsbus-no-such-tool"), [])
        }
        #expect(findOnPath("newsbus-no-such-tool-\(UInt32.random(in: 0...UInt32.max))") == nil)
        #expect(findOnPath("sh") != nil)
    }
}
