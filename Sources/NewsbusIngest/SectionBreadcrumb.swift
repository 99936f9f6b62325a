/// Reads a section breadcrumb such as `News   /   Foreign Policy   /   Koreas`.
///
/// A breadcrumb is one line of at least two segments separated by one kind of separator —
/// `/`, `›`, `»` or `>` — with any spacing. Each segment is short (at most 6 words and 50
/// characters), starts with a letter or a digit, holds a letter, and has no sentence
/// punctuation (`:` `;` `?` `!` `"`, a trailing comma, or a final period after several words).
/// A leading `Home` segment is dropped: `Home / News / World` gives `["News", "World"]`.
enum SectionBreadcrumb {
    struct Candidate: Equatable {
        /// The trimmed segments.
        var segments: [String]
        /// Whether a separator touches a space (`News / World`), as opposed to `News/World`.
        var spaced: Bool

        /// Strong enough to be taken without looking at the next line: spaced separators or
        /// three segments or more. `AC/DC` or `Yes/No vote` style lines are not.
        var isUnambiguous: Bool { spaced || segments.count >= 3 }
    }

    private static let separators: Set<Unicode.Scalar> = ["/", "›", "»", ">"]

    static func candidate(_ line: String) -> Candidate? {
        guard line.utf8.count <= 300 else { return nil }
        let scalars = Array(line.unicodeScalars)
        var separator: Unicode.Scalar?
        for s in scalars where separators.contains(s) {
            if separator == nil {
                separator = s
            } else if separator != s {
                return nil
            }
        }
        guard let separator else { return nil }
        var segments: [String] = []
        var current = String.UnicodeScalarView()
        var spaced = false
        for (k, s) in scalars.enumerated() {
            if s == separator {
                if (k > 0 && scalars[k - 1] == " ") || (k + 1 < scalars.count && scalars[k + 1] == " ") {
                    spaced = true
                }
                segments.append(String(current).trimmingSpaces())
                current = String.UnicodeScalarView()
            } else {
                current.append(s)
            }
        }
        segments.append(String(current).trimmingSpaces())
        guard segments.count >= 2, segments.allSatisfy(isSegment) else { return nil }
        if segments[0].lowercased() == "home" {
            // The site's home page is not a section.
            segments.removeFirst()
        }
        return Candidate(segments: segments, spaced: spaced)
    }

    private static func isSegment(_ segment: String) -> Bool {
        let scalars = segment.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, segment.utf8.count <= 50 * 4,
            scalars.count <= 50
        else { return false }
        let words = segment.wordCount
        guard words <= 6 else { return false }
        guard first.properties.isAlphabetic || (first.value >= 0x30 && first.value <= 0x39) else { return false }
        guard scalars.contains(where: { $0.properties.isAlphabetic }) else { return false }
        if scalars.contains(where: { ":;?!\"".unicodeScalars.contains($0) }) { return false }
        if last == "," || (last == "." && words > 1) { return false }
        return true
    }
}
