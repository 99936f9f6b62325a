/// Parses a plain-text scrape of a news article page into a ``ScrapedPage``.
///
/// The expected shape, blocks usually separated by blank lines:
///
/// ```text
/// News   /   Foreign Policy   /   Koreas                      ← section breadcrumb (optional)
///
/// All options on the table against Pyongyang: US, Japan …     ← headline
///
/// Envoy A (C), Envoy B (L) … in Tokyo, Japan, March 7, 2024. (Photo by Newsbus Wire)
///                                                             ← lead caption (optional)
/// Body paragraph …                                            ← body, with captions between
///
/// SHARE THIS ARTICLE                                          ← site boilerplate
/// ```
///
/// How it reads the page:
///
/// 1. **Normalisation** (see the byte-level rules in `TextNormalization`): any line ending
///    becomes LF; NO-BREAK SPACE and every other Unicode space becomes a space; invisible
///    characters are dropped; curly quotes become straight (`’` → `'`, `“ ”` → `"`); spaces
///    collapse; lines are trimmed.
/// 2. **Lines, not blocks**: every non-empty line is a unit, so the parser does not depend on
///    blank lines being present (a scrape may lack them, for instance between breadcrumb and
///    headline). In the body, a line is joined to the previous one of the same block only
///    when it visibly continues it (the previous line does not end with sentence punctuation
///    and this one starts with a lower-case letter): a hard-wrapped paragraph.
/// 3. **Leading boilerplate** (`Skip to main content`) is dropped; then the first line is the
///    **breadcrumb** when it looks like one (see `SectionBreadcrumb`): spaced separators or
///    three segments are enough, a tight two-segment line (`AC/DC`) is a breadcrumb only when
///    the next line looks like a headline.
/// 4. The next line is the **headline**, at most 300 characters. Captions and boilerplate
///    lines met before it are recorded as such.
/// 5. **Boilerplate** is removed from the body with the ``BoilerplateRules``.
/// 6. Each remaining unit is a **caption** (see `CaptionDetector`) or a **paragraph**. A
///    credit alone on its line, such as `(Photo by Newsbus Wire)`, is joined to the block
///    before it when together they read as a caption.
public struct TextScrapeParser: Sendable {
    /// The boilerplate rules applied to every page.
    public var boilerplate: BoilerplateRules

    /// Longest headline, in characters.
    public static let maximumHeadlineLength = 300

    /// Creates a parser.
    ///
    /// - Parameter boilerplate: which lines are site furniture; the built-in heuristics by
    ///   default, extend them per source with ``BoilerplateRules/adding(_:)``.
    public init(boilerplate: BoilerplateRules = .builtIn) {
        self.boilerplate = boilerplate
    }

    /// Parses scraped text.
    ///
    /// A leading U+FEFF (byte order mark) is ignored. Byte offsets in errors are UTF-8 offsets
    /// into `text`.
    ///
    /// - Throws: ``IngestError/binary(offset:line:)`` when the text contains a NUL character,
    ///   ``IngestError/empty``, ``IngestError/noHeadline(line:)``, ``IngestError/noBody(headlineLine:)``.
    public func parse(_ text: String) throws(IngestError) -> ScrapedPage {
        var text = text
        let result: Result<[SourceLine], IngestError> = text.withUTF8 { bytes in
            if let nul = TextNormalization.firstNUL(bytes) {
                return .failure(.binary(offset: nul, line: TextNormalization.lineNumber(at: nul, in: bytes)))
            }
            return .success(TextNormalization.lines(bytes))
        }
        return try parse(lines: result.get())
    }

    /// Parses scraped text given as bytes: UTF-8, with or without a byte order mark.
    ///
    /// Never traps on bad input: every problem is reported as an ``IngestError``, with the
    /// 0-based byte offset (counted in `bytes`, byte order mark included) and the line.
    ///
    /// - Throws: ``IngestError/binary(offset:line:)`` when the bytes contain a NUL byte (binary
    ///   data, or UTF-16 text); ``IngestError/invalidUTF8(offset:line:)`` at the first invalid
    ///   sequence; ``IngestError/empty``; ``IngestError/noHeadline(line:)``;
    ///   ``IngestError/noBody(headlineLine:)``.
    public func parse(bytes: [UInt8]) throws(IngestError) -> ScrapedPage {
        let result: Result<[SourceLine], IngestError> = bytes.withUnsafeBufferPointer { all in
            if let nul = TextNormalization.firstNUL(all) {
                return .failure(.binary(offset: nul, line: TextNormalization.lineNumber(at: nul, in: all)))
            }
            let bom = TextNormalization.byteOrderMarkLength(all)
            let text = UnsafeBufferPointer(rebasing: all[bom...])
            if let bad = TextNormalization.firstInvalidUTF8(text) {
                let offset = bom + bad
                return .failure(.invalidUTF8(offset: offset, line: TextNormalization.lineNumber(at: offset, in: all)))
            }
            return .success(TextNormalization.lines(text))
        }
        return try parse(lines: result.get())
    }

    // MARK: - Structure

    func parse(lines: [SourceLine]) throws(IngestError) -> ScrapedPage {
        let matcher = BoilerplateMatcher(boilerplate)
        var removed: [SourceLine] = []

        func nextText(after index: Int) -> Int? {
            var k = index + 1
            while k < lines.count {
                if !lines[k].text.isEmpty { return k }
                k += 1
            }
            return nil
        }
        /// The next non-empty line that is not boilerplate, recording boilerplate skipped on the way.
        func nextContent(after index: Int, recording: Bool) -> Int? {
            var k = nextText(after: index)
            while let line = k, matcher.isBoilerplate(lines[line].text) {
                if recording { removed.append(lines[line]) }
                k = nextText(after: line)
            }
            return k
        }

        // 1. Leading boilerplate, then the breadcrumb.
        guard nextText(after: -1) != nil else { throw .empty }
        guard let first = nextContent(after: -1, recording: true) else {
            throw .noHeadline(line: (lines.last?.number ?? 0) + 1)
        }
        var sectionPath: [String] = []
        var headlineSearchFrom = first - 1
        if let crumb = SectionBreadcrumb.candidate(lines[first].text) {
            var accept = crumb.isUnambiguous
            if !accept, let next = nextContent(after: first, recording: false) {
                accept = looksLikeHeadline(lines[next].text)
            }
            if accept {
                sectionPath = crumb.segments
                headlineSearchFrom = first
            }
        }

        // 2. The headline, after any caption or boilerplate placed before it.
        var captions: [ScrapedCaption] = []
        var candidate = nextContent(after: headlineSearchFrom, recording: true)
        while let k = candidate, let caption = CaptionDetector.detect(lines[k].text) {
            captions.append(ScrapedCaption(text: caption.text, credit: caption.credit, paragraphIndex: 0, date: caption.date))
            candidate = nextContent(after: k, recording: true)
        }
        guard let headlineIndex = candidate else {
            throw .noHeadline(line: (lines.last?.number ?? 0) + 1)
        }
        let headline = lines[headlineIndex].text
        guard headline.unicodeScalars.count <= Self.maximumHeadlineLength else {
            throw .noHeadline(line: lines[headlineIndex].number)
        }

        // 3. Body: boilerplate out, then units.
        var body = Array(lines[(headlineIndex + 1)...])
        matcher.strip(&body, removed: &removed)
        let units = Self.units(body)

        // 4. Captions and paragraphs.
        var paragraphs: [String] = []
        var lastWasParagraph = false
        for unit in units {
            if CaptionDetector.isCreditOnly(unit.text), lastWasParagraph,
                let merged = CaptionDetector.detect(paragraphs[paragraphs.count - 1] + " " + unit.text, requireEvidence: true)
            {
                paragraphs.removeLast()
                captions.append(
                    ScrapedCaption(text: merged.text, credit: merged.credit, paragraphIndex: paragraphs.count, date: merged.date))
                lastWasParagraph = false
            } else if let caption = CaptionDetector.detect(unit.text) {
                captions.append(
                    ScrapedCaption(text: caption.text, credit: caption.credit, paragraphIndex: paragraphs.count, date: caption.date))
                lastWasParagraph = false
            } else {
                paragraphs.append(unit.text)
                lastWasParagraph = true
            }
        }
        guard !paragraphs.isEmpty else {
            throw .noBody(headlineLine: lines[headlineIndex].number)
        }

        removed.sort { $0.number < $1.number }
        return ScrapedPage(
            sectionPath: sectionPath,
            headline: headline,
            captions: captions,
            paragraphs: paragraphs,
            boilerplate: removed.map(\.text),
            captionDate: captions.first?.date
        )
    }

    /// A short line that does not end like a body sentence and is not a caption.
    private func looksLikeHeadline(_ text: String) -> Bool {
        guard text.unicodeScalars.count <= Self.maximumHeadlineLength, text.last != "." else { return false }
        return CaptionDetector.detect(text) == nil
    }

    /// A body unit: one line, or several lines of a hard-wrapped paragraph.
    struct Unit: Equatable {
        var text: String
        var line: Int
    }

    /// Groups body lines into units (see the type documentation, step 2).
    static func units(_ body: [SourceLine]) -> [Unit] {
        var units: [Unit] = []
        var parts: [String] = []
        var startLine = 0
        func flush() {
            guard !parts.isEmpty else { return }
            units.append(Unit(text: parts.count == 1 ? parts[0] : parts.joined(separator: " "), line: startLine))
            parts.removeAll(keepingCapacity: true)
        }
        for line in body {
            if line.text.isEmpty {
                flush()
                continue
            }
            if let previous = parts.last, continues(previous, with: line.text) {
                parts.append(line.text)
            } else {
                flush()
                parts = [line.text]
                startLine = line.number
            }
        }
        flush()
        return units
    }

    private static let sentenceEnders: Set<Unicode.Scalar> = [".", "!", "?", ":", ";", "\"", "'", ")", "]", "…", "»"]

    /// Whether `next` continues `previous` as a hard-wrapped line of the same paragraph.
    private static func continues(_ previous: String, with next: String) -> Bool {
        guard let last = previous.unicodeScalars.last, let first = next.unicodeScalars.first else { return false }
        return !sentenceEnders.contains(last) && first.properties.isLowercase
    }
}
