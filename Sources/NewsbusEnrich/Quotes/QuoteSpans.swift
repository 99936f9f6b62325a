/// Finds quoted passages in a text by their quotation marks.
///
/// Pairs: straight `"…"`, curly `“…”`, guillemets `«…»`, German `„…“` (or `„…”`), corner brackets
/// `「…」` and `『…』`, and curly singles `‘…’` outside a double quote. A straight `"` opens only
/// at the start of a word (after white space, an opening bracket or a dash). Single quotes inside a
/// double quote are part of its words, and `’` between letters is an apostrophe, never a mark.
///
/// A quote that reaches the end of its paragraph without a closing mark continues when the next
/// paragraph opens with the same mark (the news convention for a quote running over paragraphs);
/// otherwise it stops at the paragraph end, so an unbalanced mark never swallows the rest of the body.
/// The scan is linear in the length of the text.
struct QuoteSpans {
    /// One quoted passage.
    struct Span: Sendable, Hashable {
        /// Offset of the opening mark.
        var open: Int
        /// Offset just past the closing mark (or the last quoted scalar when unclosed).
        var close: Int
        /// The quoted words without the marks: one range per paragraph it spans.
        var pieces: [Range<Int>]
        /// Whether a closing mark was found.
        var closed: Bool

        /// Start of the quoted words.
        var contentStart: Int { pieces.first?.lowerBound ?? open }
        /// End of the quoted words.
        var contentEnd: Int { pieces.last?.upperBound ?? open }
    }

    /// The passages in `scalars`, in order.
    static func find(in scalars: [Unicode.Scalar]) -> [Span] {
        var spans: [Span] = []
        var i = 0
        let n = scalars.count
        while i < n {
            // Most scalars cannot open a quote: skip them without the full test.
            guard scalars[i] == "\"" || scalars[i].value >= 0xAB, let (closer, alternative) = closer(forOpeningAt: i, in: scalars)
            else {
                i += 1
                continue
            }
            let opener = scalars[i]
            var pieces: [Range<Int>] = []
            var pieceStart = i + 1
            var j = i + 1
            var closed = false
            var end = n
            scan: while j < n {
                let s = scalars[j]
                if s == closer || s == alternative, isClosing(at: j, mark: s, opener: opener, in: scalars) {
                    pieces.append(pieceStart..<j)
                    closed = true
                    end = j + 1
                    break scan
                }
                if s == "\n" || s == "\r" || s == "\u{2029}" {
                    // Paragraph end: continue only if the next paragraph opens with the same mark.
                    var k = j
                    while k < n, TextTokens.isSpace(scalars[k]) { k += 1 }
                    let paragraphBreak = scalars[j..<k].contains { $0 == "\n" || $0 == "\u{2029}" || $0 == "\r" }
                    if paragraphBreak, k < n, scalars[k] == opener, k + 1 < n, !TextTokens.isSpace(scalars[k + 1]) {
                        pieces.append(pieceStart..<trimmedEnd(j, after: pieceStart, in: scalars))
                        pieceStart = k + 1
                        j = k + 1
                        continue scan
                    }
                    let stop = trimmedEnd(j, after: pieceStart, in: scalars)
                    pieces.append(pieceStart..<stop)
                    end = stop
                    break scan
                }
                j += 1
            }
            if j >= n, !closed {
                let stop = trimmedEnd(n, after: pieceStart, in: scalars)
                pieces.append(pieceStart..<stop)
                end = stop
            }
            pieces.removeAll { $0.isEmpty }
            if !pieces.isEmpty { spans.append(Span(open: i, close: end, pieces: pieces, closed: closed)) }
            i = max(end, i + 1)
        }
        return spans
    }

    /// The mark (and an accepted alternative) that closes a quote opened at `i`, or nil when `i`
    /// does not open one.
    private static func closer(forOpeningAt i: Int, in s: [Unicode.Scalar]) -> (Unicode.Scalar, Unicode.Scalar)? {
        let mark = s[i]
        guard mark == "\"" || mark.value >= 0xAB else { return nil }
        let next = i + 1 < s.count ? s[i + 1] : " "
        guard !TextTokens.isSpace(next) else { return nil }
        switch mark {
        case "\"":
            guard i == 0 || opensAfter(s[i - 1]) else { return nil }
            return ("\"", "\"")
        case "\u{201C}": return ("\u{201D}", "\u{201C}")  // “ closes with ”, or a mistyped “
        case "\u{00AB}": return ("\u{00BB}", "\u{00BB}")  // « »
        case "\u{201E}": return ("\u{201C}", "\u{201D}")  // „ “
        case "\u{300C}": return ("\u{300D}", "\u{300D}")  // 「 」
        case "\u{300E}": return ("\u{300F}", "\u{300F}")  // 『 』
        case "\u{2018}":
            guard i == 0 || opensAfter(s[i - 1]) else { return nil }
            return ("\u{2019}", "\u{2019}")
        default: return nil
        }
    }

    /// Whether `mark` at `j` closes the quote opened by `opener`.
    private static func isClosing(at j: Int, mark: Unicode.Scalar, opener: Unicode.Scalar, in s: [Unicode.Scalar]) -> Bool {
        switch opener {
        case "\u{201C}" where mark == "\u{201C}":
            // A second “ closes only when it cannot open (it is followed by a space or punctuation).
            return j + 1 >= s.count || !TextTokens.isLetter(s[j + 1]) && !TextTokens.isDigit(s[j + 1])
        case "\u{2018}":
            // ’ between letters is an apostrophe.
            let before = j > 0 && TextTokens.isLetter(s[j - 1])
            let after = j + 1 < s.count && TextTokens.isLetter(s[j + 1])
            return !(before && after)
        default:
            return true
        }
    }

    /// Whether a mark after `previous` starts a word.
    private static func opensAfter(_ previous: Unicode.Scalar) -> Bool {
        TextTokens.isSpace(previous) || "([{—–-/:".unicodeScalars.contains(previous)
    }

    /// `end` moved back over white space, not before `start`.
    private static func trimmedEnd(_ end: Int, after start: Int, in s: [Unicode.Scalar]) -> Int {
        var e = end
        while e > start, TextTokens.isSpace(s[e - 1]) { e -= 1 }
        return e
    }
}
