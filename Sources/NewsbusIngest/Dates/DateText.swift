/// Turns the date text of every input format into RFC 3339 UTC timestamps to the second
/// (`2024-03-05T09:15:00Z`), or nil.
///
/// - ``rfc822(_:)``: RFC 822 / 2822 as RSS writes it (`Tue, 05 Mar 2024 09:15:00 GMT`);
/// - ``rfc3339(_:)``: RFC 3339 as Atom, ninjs and page metadata write it (`2024-03-07T09:15:00+09:00`);
/// - ``any(_:)``: either of the two;
/// - ``pageDate(_:)``: either of the two, also after a label word (`Published 7 March 2024,
///   09:15 KST`), else the first English calendar date in the text (`Updated on March 7, 2024`),
///   read as midnight UTC (see ``DateDetection``).
enum DateText {
    /// A date from either syntax: RFC 3339 first, then RFC 822.
    static func any(_ text: String) -> String? { rfc3339(text) ?? rfc822(text) }

    /// A date as HTML pages give it: in meta tags, JSON-LD, `<time>` elements or a dateline.
    static func pageDate(_ text: String) -> String? {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty, trimmed.utf8.count <= 200 else { return nil }
        return any(trimmed) ?? afterLabelWord(trimmed).flatMap(rfc822)
            ?? DateDetection.firstISODate(in: trimmed).map { $0 + "T00:00:00Z" }
    }

    /// The text after a first word of letters (`Published`, `Updated`), or nil.
    private static func afterLabelWord(_ text: String) -> String? {
        guard let end = text.firstIndex(where: { $0 == " " || $0 == "," }) else { return nil }
        let word = text[..<end]
        guard word.count >= 3, word.allSatisfy(\.isLetter) else { return nil }
        return String(text[end...])
    }
}
