@testable import NewsbusIngest
import Testing

/// Dates and HTML-to-text conversion used by the feed (and ninjs) parsers.
@Suite("Feed dates and text")
struct FeedDateAndTextTests {
    @Test("RFC 822 as feeds write it", arguments: [
        ("Tue, 05 Mar 2024 09:15:00 GMT", "2024-03-05T09:15:00Z"),
        ("05 Mar 2024 09:15:00 +0000", "2024-03-05T09:15:00Z"),
        ("Tue, 5 Mar 24 04:15:00 EST", "2024-03-05T09:15:00Z"),
        ("Tue, 05 Mar 2024 02:15:00 PDT", "2024-03-05T09:15:00Z"),
        ("Tue, 05 Mar 2024 03:15:00 CST", "2024-03-05T09:15:00Z"),
        ("Tue, 05 Mar 2024 02:15:00 MST", "2024-03-05T09:15:00Z"),
        ("Tue, 05 Mar 2024 09:15:00 Z", "2024-03-05T09:15:00Z"),
        ("Tue, 05 Mar 2024 09:15:00 UTC", "2024-03-05T09:15:00Z"),
        ("Tue, 05 Mar 2024 09:15:00 A", "2024-03-05T09:15:00Z"),
        ("Tue, 05 Mar 2024 09:15:00", "2024-03-05T09:15:00Z"),
        ("Tue, 05 Mar 2024", "2024-03-05T00:00:00Z"),
        ("Tue,05 Mar 2024 09:15:00 GMT", "2024-03-05T09:15:00Z"),
        ("Tue, 05 Mar. 2024 09:15:00 GMT", "2024-03-05T09:15:00Z"),
        ("Tue Mar  5 09:15:00 2024", "2024-03-05T09:15:00Z"),
        ("Sept 5, 2024 09:15 GMT", "2024-09-05T09:15:00Z"),
        ("Tue, 05 Mar 2024 10:15:00 +01", "2024-03-05T09:15:00Z"),
        ("Tue, 05 Mar 2024 09:15:60 GMT", "2024-03-05T09:15:59Z"),
        ("Sat, 31 Dec 2050 23:30:00 -0100", "2051-01-01T00:30:00Z"),
        ("Wed, 01 Jan 00 00:00:00 GMT", "2000-01-01T00:00:00Z"),
        ("Fri, 01 Jan 49 00:00:00 GMT", "2049-01-01T00:00:00Z"),
        ("Fri, 01 Jan 50 00:00:00 GMT", "1950-01-01T00:00:00Z"),
        ("  Tue, 05 Mar 2024 09:15:00 GMT\n", "2024-03-05T09:15:00Z"),
        ("2024-03-05T09:15:00Z", "2024-03-05T09:15:00Z"),
    ])
    func rfc822(_ text: String, _ expected: String) {
        #expect(DateText.rfc822(text) == expected)
    }

    @Test("not dates", arguments: [
        "", "yesterday", "Tue, 32 Mar 2024 09:15:00 GMT", "Tue, 29 Feb 2023 09:15:00 GMT", "Tue, 05 Foo 2024 09:15:00 GMT",
        "Tue, 05 Mar 2024 25:15:00 GMT", "Tue, 05 Mar 2024 09:15:00 +2500", "Tue, 05 Mar 2024 09:15:00 NOWHERE", "05 Mar",
        "Tue, 05 Mar 12345 09:15:00 GMT",
    ])
    func notRFC822(_ text: String) {
        #expect(DateText.rfc822(text) == nil)
    }

    @Test("RFC 3339", arguments: [
        ("2024-03-07T10:15:30+01:00", "2024-03-07T09:15:30Z"),
        ("2024-03-07T10:15:30.250+01:00", "2024-03-07T09:15:30Z"),
        ("2024-03-07t09:15:30z", "2024-03-07T09:15:30Z"),
        ("2024-03-07 09:15:30Z", "2024-03-07T09:15:30Z"),
        ("2024-03-07T09:15Z", "2024-03-07T09:15:00Z"),
        ("2024-03-07T09:15:30", "2024-03-07T09:15:30Z"),
        ("2024-03-07T04:15:30-0500", "2024-03-07T09:15:30Z"),
        ("2024-03-07", "2024-03-07T00:00:00Z"),
        ("2024-01-01T00:30:00+01:00", "2023-12-31T23:30:00Z"),
    ])
    func rfc3339(_ text: String, _ expected: String) {
        #expect(DateText.rfc3339(text) == expected)
    }

    @Test("not RFC 3339", arguments: ["", "2024-3-7", "2024-03-07T", "2024-13-01T00:00:00Z", "2024-03-07T09:15:30+1", "07/03/2024", "2024-03-07T09:15:30.Z"])
    func notRFC3339(_ text: String) {
        #expect(DateText.rfc3339(text) == nil)
    }

    @Test("HTML becomes paragraphs of plain text")
    func htmlText() {
        #expect(FeedHTMLText.paragraphs(fromHTML: "<p>One <b>bold</b>\n  word.</p><p>Two&nbsp;&amp;&#160;three&#x2014;four</p>") == ["One bold word.", "Two & three—four"])
        #expect(FeedHTMLText.paragraphs(fromHTML: "<div>a<div>b</div>c</div>") == ["a", "b", "c"])
        #expect(FeedHTMLText.paragraphs(fromHTML: "Line one<br>line two<br/><br/>Para two") == ["Line one\nline two", "Para two"])
        #expect(FeedHTMLText.paragraphs(fromHTML: "<style>p{}</style><script>x()</script><p>Kept</p><!-- comment -->") == ["Kept"])
        #expect(FeedHTMLText.paragraphs(fromHTML: "<ul><li>A</li><li>B</li></ul>") == ["A", "B"])
        #expect(FeedHTMLText.paragraphs(fromHTML: "5 < 6 and AT&T &amp; co") == ["5 < 6 and AT&T & co"])
        #expect(FeedHTMLText.paragraphs(fromHTML: "Plain text.\n\nSecond   paragraph\nwrapped.") == ["Plain text.", "Second paragraph wrapped."])
        #expect(FeedHTMLText.paragraphs(fromHTML: "  \n ") == [])
        #expect(FeedHTMLText.paragraphs(fromHTML: "zero\u{200B}width soft\u{00AD}hyphen\u{3000}space") == ["zerowidth softhyphen space"])
        #expect(FeedHTMLText.inlineText(fromHTML: "<h1>Title</h1><p>with <i>parts</i></p>") == "Title with parts")
    }

    @Test("markup nested deeper than libxml2 allows is read by the tag stripper")
    func tagStripper() {
        let html = "<div><p>A <b>b</b></p><!-- <p>no</p> --><script>if (a<b) x()</script><STYLE>p{}</style><br>C &amp; D<br>E</div>"
        #expect(FeedHTMLText.paragraphs(strippingTags: Array(html.utf8)) == ["A b", "C & D\nE"])
        let deep = String(repeating: "<div>", count: 300) + "<p>deep</p><p>text</p>" + String(repeating: "</div>", count: 300)
        #expect(FeedHTMLText.paragraphs(fromHTML: deep) == ["deep", "text"])
    }
}
