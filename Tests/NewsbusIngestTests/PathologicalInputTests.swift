import NewsbusIngest
import Testing

/// Large and adversarial inputs finish quickly (work is linear in the input size).
@Suite("Pathological input")
struct PathologicalInputTests {
    /// Generous bound for a debug build on a small shared machine; a release build is far faster.
    static let limit = Duration.seconds(15)

    @Test("A 5 MB scrape with thousands of paragraphs, captions and boilerplate lines")
    func fiveMegabytes() throws {
        var text = "News   /   Stress   /   Size\r\n\r\nA very long page: paragraphs, captions, boilerplate\r\n\r\n"
        var paragraphs = 0
        var captions = 0
        var boilerplate = 0
        var k = 0
        while text.utf8.count < 5_000_000 {
            k += 1
            if k % 50 == 0 {
                text += "Official Park Ji-won (C) visits a plant in Ulsan, South Korea, May 2, 2024. (Photo by Newsbus Wire)\r\n\r\n"
                captions += 1
            } else if k % 77 == 0 {
                text += "Advertisement\r\n\r\n"
                boilerplate += 1
            } else {
                text += "Paragraph \(k) says that the ministry\u{00A0}“expects” exports to rise (again) in the second half.\r\n\r\n"
                paragraphs += 1
            }
        }
        text += "SHARE THIS ARTICLE\r\nAndroid\r\niOS\r\n"
        boilerplate += 3

        let clock = ContinuousClock()
        var page: ScrapedPage?
        let elapsed = try clock.measure {
            page = try TextScrapeParser().parse(bytes: Array(text.utf8))
        }
        #expect(elapsed < Self.limit, "took \(elapsed)")
        #expect(page?.paragraphs.count == paragraphs)
        #expect(page?.captions.count == captions)
        #expect(page?.boilerplate.count == boilerplate)
        #expect(page?.captionDate == "2024-05-02")
        #expect(page?.paragraphs.last?.hasSuffix("\"expects\" exports to rise (again) in the second half.") == true)
    }

    @Test("A single 1 MB body line full of parentheses, dates and slashes")
    func oneMegabyteLine() throws {
        var line = ""
        while line.utf8.count < 1_000_000 {
            line += "(L) May 2, 2024 (( News / World (C) “x” \u{00A0} example.tv "
        }
        line += "(Photo by Newsbus Wire)"
        let text = "News / World\n\nHeadline\n\n" + line + "\n\nLast paragraph.\n"
        let clock = ContinuousClock()
        var page: ScrapedPage?
        let elapsed = try clock.measure {
            page = try TextScrapeParser().parse(text)
        }
        #expect(elapsed < Self.limit, "took \(elapsed)")
        // Far too long for a caption: it stays body text.
        #expect(page?.paragraphs.count == 2)
        #expect(page?.captions.isEmpty == true)
    }

    @Test("A 1 MB input on one line without any line break")
    func oneMegabyteWithoutBreaks() {
        let text = String(repeating: "word ", count: 200_000)
        let clock = ContinuousClock()
        var error: IngestError?
        let elapsed = clock.measure {
            error = ingestError { () throws(IngestError) in try parseText(text) }
        }
        #expect(elapsed < Self.limit, "took \(elapsed)")
        #expect(error == .noHeadline(line: 1))
    }

    @Test("1 MB of hard-wrapped lines joins into one paragraph in linear time")
    func manyContinuationLines() throws {
        let body = String(repeating: "and the story goes on\n", count: 50_000)
        let clock = ContinuousClock()
        var page: ScrapedPage?
        let elapsed = try clock.measure {
            page = try parseText("News / World\n\nHeadline\n\nIt starts here\n" + body)
        }
        #expect(elapsed < Self.limit, "took \(elapsed)")
        #expect(page?.paragraphs.count == 1)
    }
}
