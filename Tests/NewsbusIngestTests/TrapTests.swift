import Foundation
@testable import NewsbusIngest
import Testing

/// One trap of real scrapes per test, on small hand-written pages.
@Suite("Scrape traps")
struct TrapTests {
    // MARK: Line endings, spaces, quotes

    @Test("Windows line endings (CRLF) are read as line breaks")
    func crlf() throws {
        let text = "News / World\r\n\r\nFerry service resumes after storm\r\n\r\nThe first ferry left at dawn.\r\n\r\nPassengers cheered.\r\n"
        let page = try parseText(text)
        #expect(page.sectionPath == ["News", "World"])
        #expect(page.headline == "Ferry service resumes after storm")
        #expect(page.paragraphs == ["The first ferry left at dawn.", "Passengers cheered."])
    }

    @Test("Lone CR line endings are read as line breaks")
    func loneCR() throws {
        let page = try parseText("News / World\r\rFerry service resumes\r\rThe first ferry left at dawn.\r")
        #expect(page.headline == "Ferry service resumes")
        #expect(page.paragraphs == ["The first ferry left at dawn."])
    }

    @Test("NO-BREAK SPACE and other Unicode spaces become single spaces")
    func unicodeSpaces() throws {
        let text = "News\u{00A0}/\u{00A0}\u{00A0}Economy\n\n\u{00A0}Won\u{2009}hits\u{3000}two-year low\u{00A0}\n\nThe won fell 1.2\u{00A0}percent\u{202F}on\u{00A0} \u{00A0}Friday.\n"
        let page = try parseText(text)
        #expect(page.sectionPath == ["News", "Economy"])
        #expect(page.headline == "Won hits two-year low")
        #expect(page.paragraphs == ["The won fell 1.2 percent on Friday."])
    }

    @Test("Curly quotes and apostrophes are straightened")
    func curlyQuotes() throws {
        let text = "Culture / Music\n\nSinger’s comeback tour sells out\n\n“It’s like coming home,” she said, calling the venue ‘magical.’\n"
        let page = try parseText(text)
        #expect(page.headline == "Singer's comeback tour sells out")
        #expect(page.paragraphs == ["\"It's like coming home,\" she said, calling the venue 'magical.'"])
    }

    @Test("Invisible characters are dropped")
    func invisibleCharacters() throws {
        let text = "News / World\n\nZero\u{200B}width\u{00AD} and \u{FEFF}marks\n\nBody\u{200E} text.\n"
        let page = try parseText(text)
        #expect(page.headline == "Zerowidth and marks")
        #expect(page.paragraphs == ["Body text."])
    }

    // MARK: Structure

    @Test("No blank lines between breadcrumb, headline, caption and body")
    func missingBlankLines() throws {
        let text = """
            News   /   Foreign Policy   /   Koreas
            Envoys meet in Jakarta: sanctions, cyber theft
            Envoy Park Ji-won (L) and Envoy Ito Haruki (R) meet in Jakarta, Indonesia, December 13, 2022. (Photo by Newsbus Wire)
            The envoys met on Tuesday.
            They agreed to meet again this month.
            SHARE THIS ARTICLE
            """
        let page = try parseText(text)
        #expect(page.sectionPath == ["News", "Foreign Policy", "Koreas"])
        #expect(page.headline == "Envoys meet in Jakarta: sanctions, cyber theft")
        #expect(page.captions.map(\.credit) == ["Photo by Newsbus Wire"])
        #expect(page.captionDate == "2022-12-13")
        #expect(page.paragraphs == ["The envoys met on Tuesday.", "They agreed to meet again this month."])
        #expect(page.boilerplate == ["SHARE THIS ARTICLE"])
    }

    @Test("A page without breadcrumb starts with its headline")
    func noBreadcrumb() throws {
        let page = try parseText("Ferry service resumes after storm\n\nThe first ferry left at dawn.\n")
        #expect(page.sectionPath == [])
        #expect(page.headline == "Ferry service resumes after storm")
    }

    @Test("A headline with a tight slash is not a breadcrumb")
    func headlineWithSlash() throws {
        let page = try parseText(
            "US/China trade talks stall\n\nNegotiators left Geneva on Friday without a statement, officials said.\n")
        #expect(page.sectionPath == [])
        #expect(page.headline == "US/China trade talks stall")
        #expect(page.paragraphs.count == 1)
    }

    @Test("A tight two-segment breadcrumb followed by a headline is a breadcrumb")
    func tightBreadcrumb() throws {
        let page = try parseText("Science/Health\n\nNew vaccine trial begins\n\nThe trial enrolled 400 volunteers.\n")
        #expect(page.sectionPath == ["Science", "Health"])
        #expect(page.headline == "New vaccine trial begins")
    }

    @Test("A leading Home segment is not a section")
    func homeSegment() throws {
        let page = try parseText("Home / News / World\n\nFloods close schools\n\nSchools closed on Monday.\n")
        #expect(page.sectionPath == ["News", "World"])
    }

    @Test("A caption placed before the headline is still a caption")
    func captionBeforeHeadline() throws {
        let text = """
            News / World

            Ferry passengers (C) disembark in Mokpo, South Korea, May 2, 2024. (Photo by Newsbus Wire)

            Ferry service resumes after storm

            The first ferry left at dawn.
            """
        let page = try parseText(text)
        #expect(page.headline == "Ferry service resumes after storm")
        #expect(page.captions.map(\.paragraphIndex) == [0])
        #expect(page.captionDate == "2024-05-02")
    }

    @Test("Other breadcrumb separators", arguments: ["News › World › Asia", "News » World » Asia", "News > World > Asia"])
    func otherSeparators(_ crumb: String) throws {
        let page = try parseText("\(crumb)\n\nFloods close schools\n\nSchools closed on Monday.\n")
        #expect(page.sectionPath == ["News", "World", "Asia"])
    }

    @Test("Hard-wrapped lines of one paragraph are joined")
    func hardWrap() throws {
        let text = "News / World\n\nFloods close schools\n\nHeavy rain closed schools across the\nprovince on Monday, officials said.\nClasses resume on Wednesday.\n"
        let page = try parseText(text)
        #expect(page.paragraphs == [
            "Heavy rain closed schools across the province on Monday, officials said.",
            "Classes resume on Wednesday.",
        ])
    }

    // MARK: Captions

    @Test("Body paragraphs that end in a parenthetical are not captions")
    func parentheticalIsNotCaption() throws {
        let text = """
            Business / Economy

            Growth forecast cut: exports, consumption

            The outlook was lowered by the Korea Development Institute (KDI)

            The board meets again on January 16, 2025 (Thursday)

            The talks ended at 2 a.m. on March 3, 2024 (local time)

            Delegates later met in New York on May 2, 2024 at the United Nations (UN)

            "The numbers are weak," the minister said on December 13, 2022. (Ministry of Finance)

            A spokesman for the ministry said the figures were preliminary (Yonhap)

            Kim Min-ji (L) and Lee Jun-ho (R) talk in Seoul, South Korea, May 2, 2024. (Newsbus Wire)

            The ministry will publish revised figures next week.
            """
        let page = try parseText(text)
        #expect(page.captions.count == 1)
        #expect(page.captions.first?.credit == "Newsbus Wire")
        #expect(page.captions.first?.paragraphIndex == 6)
        #expect(page.paragraphs.count == 7)
        #expect(page.paragraphs[0].hasSuffix("(KDI)"))
        #expect(page.paragraphs[1].hasSuffix("(Thursday)"))
        #expect(page.paragraphs[2].hasSuffix("(local time)"))
        #expect(page.paragraphs[3].hasSuffix("(UN)"))
        #expect(page.paragraphs[4].hasSuffix("(Ministry of Finance)"))
        #expect(page.paragraphs[5].hasSuffix("(Yonhap)"))
    }

    @Test("Caption credits of every strength", arguments: [
        ("A man walks past a screen in Seoul, South Korea, May 2, 2024. (Photo by Newsbus Wire)", "Photo by Newsbus Wire"),
        ("Troops march (C) during a parade in Pyongyang. (KCNA via Newsbus Wire)", "KCNA via Newsbus Wire"),
        ("Rescuers search the rubble (L) in Hatay, Turkey, February 8, 2023. (AFP)", "AFP"),
        ("Protesters gather in central Seoul, South Korea, May 2, 2024. (EPA-EFE)", "EPA-EFE"),
        ("The new terminal is seen in this aerial photo taken on May 2, 2024. (Photo: Incheon Airport)", "Photo: Incheon Airport"),
        ("A file photo of the Yongbyon nuclear complex. (File photo)", "File photo"),
        ("Minister Choi Sang-woo (2nd R) visits a factory in Ulsan, South Korea, May 2, 2024. (Ministry of Trade)", "Ministry of Trade"),
        ("Players (front row, 3rd L) pose for a photo in Doha, Qatar, May 2, 2024 (Reuters)", "Reuters"),
        ("Members of the team celebrate in Tokyo, Japan, May 2, 2024. (AFP/Getty Images).", "AFP/Getty Images"),
    ])
    func captionCredits(_ caption: String, _ credit: String) throws {
        let page = try parseText("News / World\n\nHeadline of the day\n\n\(caption)\n\nThe body starts here.\n")
        #expect(page.captions.map(\.credit) == [credit])
        #expect(page.paragraphs == ["The body starts here."])
    }

    @Test("A credit alone on its line is joined to the caption above it")
    func creditOnItsOwnLine() throws {
        let text = """
            News / World

            Headline of the day

            Park Ji-won (C) speaks in Seoul, South Korea, May 2, 2024.
            (Photo by Newsbus Wire)

            The body starts here.
            """
        let page = try parseText(text)
        #expect(page.captions.count == 1)
        #expect(page.captions.first?.text == "Park Ji-won (C) speaks in Seoul, South Korea, May 2, 2024.")
        #expect(page.captions.first?.credit == "Photo by Newsbus Wire")
        #expect(page.paragraphs == ["The body starts here."])
    }

    @Test("Two mid-body captions keep their positions")
    func twoMidBodyCaptions() throws {
        let text = """
            Culture / Art

            Museum reopens

            First paragraph.

            A visitor (L) looks at a painting in Seoul, South Korea, May 2, 2024. (Photo by Newsbus Wire)

            Second paragraph.

            Third paragraph.

            This picture shows the restored hall. (Museum of Modern Art)

            Fourth paragraph.
            """
        let page = try parseText(text)
        #expect(page.captions.map(\.paragraphIndex) == [1, 3])
        #expect(page.captions.map(\.date) == ["2024-05-02", nil])
        #expect(page.captionDate == "2024-05-02")
        #expect(page.paragraphs.count == 4)
    }

    @Test("The page date comes from the first caption only")
    func captionDateFromFirstCaption() throws {
        let text = """
            News / World

            Headline of the day

            This picture shows the harbour at dawn. (Photo by Newsbus Wire)

            First paragraph.

            A file photo shows the harbour in Busan, South Korea, May 2, 2019. (Newsbus Wire file photo)

            Second paragraph.
            """
        let page = try parseText(text)
        #expect(page.captions.map(\.date) == [nil, "2019-05-02"])
        #expect(page.captionDate == nil)
    }

    @Test("Full dates in captions", arguments: [
        ("in Seoul, December 13, 2022.", "2022-12-13"),
        ("in Seoul, Dec. 13, 2022.", "2022-12-13"),
        ("in Seoul, Sept 5 2023.", "2023-09-05"),
        ("in Seoul on 13 December 2022.", "2022-12-13"),
        ("in Seoul on the 1st of March, 2024.", "2024-03-01"),
        ("in Seoul on 2024-02-29.", "2024-02-29"),
        ("in Seoul on 2024.11.05.", "2024-11-05"),
    ])
    func dates(_ text: String, _ iso: String) {
        #expect(DateDetection.firstISODate(in: text) == iso)
    }

    @Test("Partial or impossible dates are not full dates", arguments: [
        "on March 5", "in March 2024", "on February 30, 2024", "on 2023-02-29", "on May 2, 1850", "at 12:30",
    ])
    func notDates(_ text: String) {
        #expect(DateDetection.firstISODate(in: text) == nil)
    }

    // MARK: Boilerplate

    @Test("Isolated boilerplate lines mid-body are removed")
    func isolatedBoilerplate() throws {
        let text = "News / World\n\nHeadline\n\nFirst paragraph.\n\nAdvertisement\n\nSecond paragraph.\n\nRead more: Another story entirely\n\nThird paragraph.\n"
        let page = try parseText(text)
        #expect(page.paragraphs == ["First paragraph.", "Second paragraph.", "Third paragraph."])
        #expect(page.boilerplate == ["Advertisement", "Read more: Another story entirely"])
    }

    @Test("A related-links list mid-body is removed up to the next paragraph")
    func relatedLinksList() throws {
        let text = """
            News / World

            Headline

            First paragraph.

            Most Read
            Floods close schools in the south
            Opinion: Why the ferry matters

            The mayor said: "We will rebuild."

            Last paragraph.
            """
        let page = try parseText(text)
        #expect(page.boilerplate == ["Most Read", "Floods close schools in the south", "Opinion: Why the ferry matters"])
        #expect(page.paragraphs == ["First paragraph.", "The mayor said: \"We will rebuild.\"", "Last paragraph."])
    }

    @Test("Unknown short lines between trailing boilerplate lines are removed with them")
    func trailingZone() throws {
        let text = "News / World\n\nHeadline\n\nLast paragraph.\n\nSHARE THIS ARTICLE\nExample Daily Newsroom\nAndroid\n"
        let page = try parseText(text)
        #expect(page.paragraphs == ["Last paragraph."])
        #expect(page.boilerplate == ["SHARE THIS ARTICLE", "Example Daily Newsroom", "Android"])
    }

    @Test("Bare domains, URLs, mirror notices, app and copyright lines", arguments: [
        "example-news.tv", "www.example-news.co.kr", "https://example-news.tv/", "example.net | example.org",
        "Available on iOS and Android", "Get it on Google Play", "Copyright (c) 2024 Newsbus Example Daily",
        "COPYRIGHT 2025 EXAMPLE NEWS", "Sign up for our morning newsletter",
        "The site can also be reached at example-news.net.", "This website is also accessible at our alternative address.",
    ])
    func domainsAndMirrors(_ line: String) throws {
        let page = try parseText("News / World\n\nHeadline\n\nLast paragraph.\n\n\(line)\n")
        #expect(page.boilerplate == [line])
        #expect(page.paragraphs == ["Last paragraph."])
    }

    @Test("Sentences that mention sites or platforms are kept")
    func sentencesAreNotBoilerplate() throws {
        let body = [
            "The ministry said its website, example.go.kr, crashed on Monday.",
            "The embassy will move to a new address in Seoul next month.",
            "Users on Android and iOS reported problems with the app.",
            "Share prices fell 3 percent in Seoul.",
            "Copyright disputes between the two studios have dragged on since 2019.",
            "Privacy policy experts warned regulators on Monday.",
            "The drug is also available on prescription in Japan.",
            "Download the full report from the ministry's website, officials said.",
            "Read more books, the minister told students.",
            "Follow us, the protesters chanted as they marched.",
        ]
        let page = try parseText("News / World\n\nHeadline\n\n" + body.joined(separator: "\n\n"))
        #expect(page.paragraphs == body)
        #expect(page.boilerplate == [])
    }

    @Test("Per-source rules: exact line, prefix, contains, cut after a marker")
    func perSourceRules() throws {
        let text = """
            News / World

            Headline

            Reporter Kim Min-ji kmj@example-news.tv

            First paragraph.

            NEWSBUS DAILY BRIEFING

            Second paragraph.

            Weather for Seoul tomorrow: sunny, 21C

            Third paragraph.

            Reader comments

            A first comment.

            Another comment that reads like a sentence.
            """
        let rules = BoilerplateRules.builtIn.adding(
            .prefix("Reporter"),
            .exactLine("Newsbus Daily Briefing"),
            .contains("for Seoul tomorrow"),
            .cutAfterMarker("Reader comments:")
        )
        let page = try parseText(text, rules: rules)
        #expect(page.paragraphs == ["First paragraph.", "Second paragraph.", "Third paragraph."])
        #expect(page.boilerplate == [
            "Reporter Kim Min-ji kmj@example-news.tv", "NEWSBUS DAILY BRIEFING", "Weather for Seoul tomorrow: sunny, 21C",
            "Reader comments", "A first comment.", "Another comment that reads like a sentence.",
        ])

        // Without the rules, those lines are body text.
        let plain = try parseText(text)
        #expect(plain.paragraphs.count == 9)
    }

    @Test("Rules can be added one by one, and switched off entirely")
    func ruleValues() throws {
        var rules = BoilerplateRules.none
        rules.add(.exactLine("Ad"))
        #expect(rules.rules == [.exactLine("Ad")])
        #expect(!rules.usesBuiltInHeuristics)
        let page = try parseText("News / World\n\nHeadline\n\nBody.\n\nAD\n\nSHARE THIS ARTICLE\n", rules: rules)
        #expect(page.paragraphs == ["Body.", "SHARE THIS ARTICLE"])
        #expect(page.boilerplate == ["AD"])
    }

    @Test("Leading boilerplate before the breadcrumb is removed")
    func leadingBoilerplate() throws {
        let page = try parseText("Skip to main content\nMenu\n\nNews / World\n\nHeadline\n\nBody.\n")
        #expect(page.sectionPath == ["News", "World"])
        #expect(page.headline == "Headline")
        #expect(page.boilerplate == ["Skip to main content", "Menu"])
    }

    // MARK: Bytes and errors

    @Test("A UTF-8 byte order mark is ignored")
    func byteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("News / World\n\nHeadline\n\nBody.\n".utf8)
        let page = try parseBytes(bytes)
        #expect(page.sectionPath == ["News", "World"])
        #expect(page.headline == "Headline")
        let fromString = try parseText("\u{FEFF}News / World\n\nHeadline\n\nBody.\n")
        #expect(fromString == page)
    }

    @Test("Invalid UTF-8 is reported with its byte offset and line")
    func invalidUTF8() {
        let prefix = Array("News / World\n\nHead".utf8)
        let error = ingestError { () throws(IngestError) in try parseBytes(prefix + [0xC3, 0x28] + Array("line\n\nBody.\n".utf8)) }
        #expect(error == .invalidUTF8(offset: prefix.count, line: 3))
        #expect(error?.code == "invalid-utf8")
        #expect(error?.message.contains("byte offset \(prefix.count)") == true)
        #expect(error?.message.contains("line 3") == true)
    }

    @Test("Invalid UTF-8 offsets count the byte order mark")
    func invalidUTF8AfterBOM() {
        let error = ingestError { () throws(IngestError) in try parseBytes([0xEF, 0xBB, 0xBF, 0x41, 0xFF]) }
        #expect(error == .invalidUTF8(offset: 4, line: 1))
    }

    @Test("Malformed UTF-8 sequences", arguments: [
        ([0x41, 0xC0, 0x80], 1),  // overlong NUL
        ([0x41, 0xE0, 0x80, 0x80], 1),  // overlong
        ([0x41, 0xED, 0xA0, 0x80], 1),  // surrogate
        ([0x41, 0xF4, 0x90, 0x80, 0x80], 1),  // above U+10FFFF
        ([0x41, 0x42, 0xE2, 0x80], 2),  // truncated at the end
        ([0x80, 0x41], 0),  // stray continuation byte
        ([0x41, 0xE2, 0x28, 0xA1], 1),  // bad continuation
    ] as [([UInt8], Int)])
    func malformed(_ bytes: [UInt8], _ offset: Int) {
        let error = ingestError { () throws(IngestError) in try parseBytes(bytes) }
        #expect(error == .invalidUTF8(offset: offset, line: 1))
    }

    @Test("Empty and whitespace-only input", arguments: [
        [], Array("   \n\t\n\r\n".utf8), [0xEF, 0xBB, 0xBF], Array("\u{00A0}\u{3000}\n\u{200B}".utf8),
    ] as [[UInt8]])
    func empty(_ bytes: [UInt8]) {
        #expect(ingestError { () throws(IngestError) in try parseBytes(bytes) } == .empty)
    }

    @Test("Binary input (NUL bytes) is refused with the offset")
    func binary() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48]
        let error = ingestError { () throws(IngestError) in try parseBytes(png) }
        #expect(error == .binary(offset: 8, line: 3))  // CR LF, then LF: third line
        #expect(error?.code == "binary")
        #expect(error?.message.contains("offset 8") == true)

        let utf16 = Array("News".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(ingestError { () throws(IngestError) in try parseBytes(utf16) } == .binary(offset: 1, line: 1))
        #expect(ingestError { () throws(IngestError) in try parseText("News\u{0}") } == .binary(offset: 4, line: 1))
    }

    @Test("No headline, no body")
    func missingParts() {
        #expect(ingestError { () throws(IngestError) in try parseText("News / World\n") } == .noHeadline(line: 2))
        #expect(ingestError { () throws(IngestError) in try parseText("SHARE THIS ARTICLE\nAndroid\n") } == .noHeadline(line: 3))
        #expect(ingestError { () throws(IngestError) in try parseText("News / World\n\nHeadline only\n") } == .noBody(headlineLine: 3))
        let long = String(repeating: "word ", count: 200)
        #expect(ingestError { () throws(IngestError) in try parseText("News / World\n\n\(long)\n\nBody.") } == .noHeadline(line: 3))
    }

    @Test("Error descriptions name the code and the position")
    func errorDescriptions() {
        #expect(IngestError.invalidUTF8(offset: 12, line: 3).description
            == "invalid-utf8: the input is not valid UTF-8: invalid byte sequence at byte offset 12 (line 3)")
        #expect(IngestError.noHeadline(line: 7).message.contains("line 7"))
        #expect(IngestError.noBody(headlineLine: 2).code == "no-body")
        #expect(IngestError.empty.code == "empty")
    }

    @Test("Random bytes never crash the parser")
    func randomBytes() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let alphabet: [UInt8] = Array("News / (L) (Photo by X) May 2, 2024.\n\r \"".utf8) + [0xC2, 0xA0, 0xE2, 0x80, 0x99, 0xFF, 0xEF, 0xBB, 0xBF]
        for _ in 0..<2_000 {
            let count = Int(next() % 300)
            let bytes = (0..<count).map { _ in
                next() % 4 == 0 ? UInt8(truncatingIfNeeded: next()) : alphabet[Int(next() % UInt64(alphabet.count))]
            }
            do {
                let page = try parseBytes(bytes)
                #expect(!page.headline.isEmpty)
                #expect(!page.paragraphs.isEmpty)
            } catch {
                // Any typed error is fine; a trap is not.
            }
        }
    }
}
