import Foundation
import NewsbusIngest
import NewsbusWire
import Testing

/// Parses HTML text with the default parser.
private func parseHTML(_ html: String, rules: BoilerplateRules = .builtIn) throws(IngestError) -> Article {
    let document = DecodedDocument(text: html, bytes: Array(html.utf8), encoding: "utf-8")
    let context = IngestContext(sourceName: "test", locator: "memory", receivedAt: "2030-01-01T00:00:00Z")
    let articles = try HTMLArticleParser(boilerplate: rules).parse(document, context: context)
    guard let article = articles.first, articles.count == 1 else { throw .noArticle("expected one article") }
    return article
}

/// The error thrown for `html`, or `nil`.
private func htmlError(_ html: String) -> IngestError? {
    do {
        _ = try parseHTML(html)
        return nil
    } catch {
        return error
    }
}

/// A paragraph of prose, long enough to count as article text.
private func prose(_ k: Int) -> String {
    "Paragraph \(k) reports that the harbour authority, after a long review, expects traffic to grow again this year."
}

@Suite("HTML article parser: hostile and odd input")
struct HTMLRobustnessTests {
    /// Generous bound for a debug build on a small shared machine; a release build is far faster.
    static let limit = Duration.seconds(60)

    @Test("An empty or blank document is empty")
    func empty() {
        #expect(htmlError("") == .empty)
        #expect(htmlError(" \n\t\r\n ") == .empty)
        #expect(htmlError("\u{FEFF}") == .empty)
    }

    @Test("A page without article text is no article")
    func noText() {
        let page = """
            <html><head><title>Front page | Example Daily</title></head>
            <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <div class="cookie-banner"><p>We use cookies to make this site work, to measure audiences and to show you adverts.</p></div>
            <footer><p>© 2024 Example Daily. All rights reserved.</p></footer></body></html>
            """
        guard case .noArticle = htmlError(page) else {
            Issue.record("expected noArticle, got \(String(describing: htmlError(page)))")
            return
        }
        // Markup only, no text at all.
        guard case .noArticle = htmlError("<html><head></head><body><div><span></span></div></body></html>") else {
            Issue.record("expected noArticle for markup without text")
            return
        }
    }

    @Test("Text that is not HTML is no article, and nothing traps", arguments: [
        "This is not HTML at all.\nJust two lines of a plain text file, with no title.",
        "{\"uri\": \"urn:example:1\", \"headlines\": [{\"value\": \"JSON, not HTML\"}]}",
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed</title></channel></rss>",
        "\u{0}\u{1}\u{2}binary-looking\u{0}text\u{7F}",
        "<<<>>> </ </> <!-- <! <? &&&; &#xFFFFFFFF; &#0; <a href=\"",
    ])
    func notHTML(_ text: String) {
        guard case .noArticle = htmlError(text) else {
            Issue.record("expected noArticle, got \(String(describing: htmlError(text)))")
            return
        }
    }

    @Test("Broken markup: unclosed tags, stray end tags, mis-nesting, an unclosed comment")
    func brokenMarkup() throws {
        let page = """
            <html><head><title>Ferry timetable changes from Monday</title>
            <body><div class="story"><p>The island ferry will leave thirty minutes earlier from Monday, the operator said, to catch the tide.
            <p>Passengers with bicycles <b>must <i>book</b> ahead</i>, and the last crossing on Sundays is cancelled until spring.</div></div></div></span>
            <p>The operator, which runs four boats, said the changes would be reviewed in April after talks with the island council.
            <div><p>Unclosed <a href="/x">link text goes on and on
            <!-- an unclosed comment swallows what follows
            <p>Hidden by the comment.
            """
        let article = try parseHTML(page)
        #expect(article.headline == "Ferry timetable changes from Monday")
        let body = article.mainBody?.value ?? ""
        #expect(body.hasPrefix("The island ferry will leave thirty minutes earlier from Monday"))
        #expect(body.contains("Passengers with bicycles must book ahead, and the last crossing on Sundays is cancelled until spring."))
        #expect(body.contains("reviewed in April after talks with the island council."))
        #expect(!body.contains("Hidden by the comment"))
    }

    @Test("10,000 nested divs: the text at the bottom is found, quickly")
    func deepNesting() throws {
        let depth = 10_000
        var page = "<html><head><title>Deeply nested page</title></head><body>"
        page += String(repeating: "<div class=\"wrap\">", count: depth)
        page += "<h1>Deeply nested page</h1><p>\(prose(1))</p><p>\(prose(2))</p><p>\(prose(3))</p>"
        page += String(repeating: "</div>", count: depth)
        page += "</body></html>"
        let clock = ContinuousClock()
        var article: Article?
        let elapsed = try clock.measure { article = try parseHTML(page) }
        #expect(elapsed < Self.limit, "took \(elapsed)")
        #expect(article?.headline == "Deeply nested page")
        #expect(article?.mainBody?.value == [prose(1), prose(2), prose(3)].joined(separator: "\n\n"))
    }

    @Test("10,000 nested unclosed inline elements and 10,000 stray end tags")
    func deepInlineNesting() throws {
        var page = "<title>Nested emphasis</title><p>"
        page += String(repeating: "<b><i>", count: 5_000)
        page += prose(1)
        page += String(repeating: "</span></div>", count: 10_000)
        page += "<p>\(prose(2))"
        let clock = ContinuousClock()
        var article: Article?
        let elapsed = try clock.measure { article = try parseHTML(page) }
        #expect(elapsed < Self.limit, "took \(elapsed)")
        #expect(article?.mainBody?.value.contains(prose(1)) == true)
        #expect(article?.mainBody?.value.contains(prose(2)) == true)
    }

    @Test("A 5 MB page with navigation, thousands of paragraphs, figures and comments")
    func fiveMegabytes() throws {
        var page = """
            <!DOCTYPE html><html lang="en"><head><title>A very long page | Example Daily</title>
            <meta property="og:site_name" content="Example Daily"></head><body>
            <nav>\(String(repeating: "<a href=\"/s\">Section</a> ", count: 200))</nav><article><h1>A very long page</h1><div class="story-body">
            """
        var k = 0
        var paragraphs = 0
        var figures = 0
        while page.utf8.count < 5_000_000 {
            k += 1
            if k % 500 == 0 {
                page += "<figure><img src=\"/i/\(k).jpg\"><figcaption>Picture \(k) of the harbour, May 2, 2024. (Photo by Example Daily)</figcaption></figure>\n"
                figures += 1
            } else {
                page += "<p>\(prose(k)) <a href=\"/x\">A link</a> and “quotes”.</p>\n"
                paragraphs += 1
            }
        }
        page += "</div></article><section class=\"comments\">"
        page += String(repeating: "<div class=\"comment\"><p>A reader's long comment, which should never be article text, goes on here.</p></div>", count: 2_000)
        page += "</section></body></html>"

        let clock = ContinuousClock()
        var article: Article?
        let elapsed = try clock.measure { article = try parseHTML(page) }
        #expect(elapsed < Self.limit, "took \(elapsed)")
        let body = article?.mainBody?.value ?? ""
        #expect(article?.headline == "A very long page")
        #expect(body.hasPrefix(prose(1)))
        #expect(body.components(separatedBy: "\n\n").count == paragraphs)
        #expect(body.hasSuffix("A link and \"quotes\"."))
        #expect(!body.contains("A reader's long comment"))
        #expect(article?.associations.count == figures)
        #expect(article?.associations.first?.position == 499)
    }

    @Test("One 2 MB paragraph")
    func hugeParagraph() throws {
        let sentence = "The council met again, and again it adjourned without a vote (once more). "
        let paragraph = String(repeating: sentence, count: 2_000_000 / sentence.utf8.count)
        let page = "<title>Long meeting</title><article><p>\(paragraph)</p><p>\(prose(1))</p></article>"
        let clock = ContinuousClock()
        var article: Article?
        let elapsed = try clock.measure { article = try parseHTML(page) }
        #expect(elapsed < Self.limit, "took \(elapsed)")
        #expect(article?.mainBody?.value.hasSuffix(prose(1)) == true)
        #expect((article?.mainBody?.value.utf8.count ?? 0) > 1_900_000)
    }

    @Test("Unterminated script, style and JSON-LD do not leak into the text")
    func unterminatedScript() throws {
        let page = """
            <html><head><title>Script trouble</title>
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Unfinished
            </script><style>p { color: red }</style></head>
            <body><article><p>\(prose(1))</p><p>\(prose(2))</p><script>document.write("<p>injected text from a script</p>")
            """
        let article = try parseHTML(page)
        #expect(article.headline == "Script trouble")
        #expect(article.mainBody?.value.hasPrefix(prose(1)) == true)
        #expect(article.mainBody?.value.contains("injected") == false)
        #expect(article.mainBody?.value.contains("color: red") == false)
    }

    @Test("Broken JSON-LD is ignored; wrapped JSON-LD is read")
    func jsonLDVariants() throws {
        let broken = """
            <title>Title headline</title>
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Broken", </script>
            <article><p>\(prose(1))</p></article>
            """
        #expect(try parseHTML(broken).headline == "Title headline")
        let wrapped = """
            <title>Title headline</title>
            <script type="application/ld+json"><!--
            [{"@type": ["NewsArticle", "Article"], "headline": "Wrapped &amp; decoded headline",
              "author": ["Lee Su-bin", {"@type": "Organization", "name": "Example Wire"}],
              "datePublished": "2024-03-07"}]
            --></script>
            <article><p>\(prose(1))</p></article>
            """
        let article = try parseHTML(wrapped)
        #expect(article.headline == "Wrapped & decoded headline")
        #expect(article.by == "Lee Su-bin, Example Wire")
        #expect(article.firstcreated == "2024-03-07T00:00:00Z")
    }

    @Test("Date forms are normalised to RFC 3339 UTC", arguments: [
        ("2024-03-07T09:15:00+09:00", "2024-03-07T00:15:00Z"),
        ("2024-03-07T09:15:00.123Z", "2024-03-07T09:15:00Z"),
        ("2024-03-07T09:15+0530", "2024-03-07T03:45:00Z"),
        ("2024-03-07 23:30:00-05:00", "2024-03-08T04:30:00Z"),
        ("2024-03-07T09:15:00", "2024-03-07T09:15:00Z"),
        ("2024-03-07", "2024-03-07T00:00:00Z"),
        ("2024-01-01T00:30:00+01:00", "2023-12-31T23:30:00Z"),
        ("Thu, 07 Mar 2024 09:15:00 +0900", "2024-03-07T00:15:00Z"),
        ("7 Mar 2024 09:15 GMT", "2024-03-07T09:15:00Z"),
        ("March 7, 2024", "2024-03-07T00:00:00Z"),
    ])
    func dates(_ raw: String, _ expected: String) throws {
        let page = """
            <title>Dated page</title><meta property="article:published_time" content="\(raw)">
            <article><p>\(prose(1))</p></article>
            """
        #expect(try parseHTML(page).firstcreated == expected)
    }

    @Test("An impossible date is skipped for the next source")
    func impossibleDate() throws {
        let page = """
            <title>Dated page</title><meta property="article:published_time" content="2024-02-30T10:00:00Z">
            <meta name="pubdate" content="2024-02-28T10:00:00Z">
            <article><p>\(prose(1))</p></article>
            """
        #expect(try parseHTML(page).firstcreated == "2024-02-28T10:00:00Z")
    }

    @Test("Per-source boilerplate rules apply to HTML paragraphs")
    func perSourceRules() throws {
        let page = """
            <title>Rules page</title><article><p>\(prose(1))</p><p>Reporter contact: desk@example.org, +82 2 000 0000, any time of day or night.</p>
            <p>\(prose(2))</p></article>
            """
        let rules = BoilerplateRules.builtIn.adding(.prefix("Reporter contact"))
        let article = try parseHTML(page, rules: rules)
        #expect(article.mainBody?.value == prose(1) + "\n\n" + prose(2))
        #expect(article.boilerplate.contains { $0.hasPrefix("Reporter contact") })
    }

    @Test("The same page parses to the same article; a different page to a different uri")
    func deterministic() throws {
        let page = "<title>Same page</title><article><p>\(prose(1))</p></article>"
        let a = try parseHTML(page)
        let b = try parseHTML(page)
        #expect(a == b)
        #expect(a.uri.hasPrefix("urn:newsbus:html:"))
        let c = try parseHTML("<title>Same page</title><article><p>\(prose(2))</p></article>")
        #expect(c.uri != a.uri)
    }

    @Test("The ingestor routes an HTML page to the HTML parser")
    func throughIngestor() throws {
        let page = "<!DOCTYPE html><html><head><title>Routed page</title></head><body><article><p>\(prose(1))</p></article></body></html>"
        let ingestor = Ingestor(parsers: [TextScrapeFormatParser(), HTMLArticleParser()])
        let context = IngestContext(sourceName: "test", locator: "page.html", receivedAt: "2030-01-01T00:00:00Z", filename: "page.html")
        let result = try ingestor.ingest(Array(page.utf8), context: context)
        #expect(result.format == .html)
        #expect(result.articles.first?.headline == "Routed page")
        #expect(result.articles.first?.source?.format == "text/html")
    }
}
