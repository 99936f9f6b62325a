import NewsbusSDK
import NewsbusWire

/// Word and character counts and reading time for every body (stage `enrich.stats`).
///
/// Words are maximal runs of letters or digits (apostrophes and hyphens inside a word keep it
/// whole), so "Funakoshi's" and "Hwasong-17" count once. Reading time assumes 238 words a minute,
/// the commonly cited adult average for non-fiction, rounded up to whole seconds.
public struct StatsEnricher: Enricher {
    /// "enrich.stats".
    public let stage: String
    /// Words per minute used for reading time.
    public var wordsPerMinute: Double = 238

    /// Creates the enricher for a stage name.
    public init(stage: String = "enrich.stats") { self.stage = stage }

    /// "1".
    public var version: String { "1" }
    /// The body counts.
    public var fields: [String] { ["bodies.charcount", "bodies.wordcount", "bodies.reading_time_seconds"] }

    /// Sets `charcount`, `wordcount` and `readingTimeSeconds` on each body.
    public func enrich(_ article: inout Article) throws {
        for index in article.bodies.indices {
            let text = article.bodies[index].value
            let words = Self.wordCount(text)
            article.bodies[index].charcount = UInt32(clamping: text.unicodeScalars.count)
            article.bodies[index].wordcount = UInt32(clamping: words)
            article.bodies[index].readingTimeSeconds = UInt32(clamping: Int((Double(words) * 60 / wordsPerMinute).rounded(.up)))
        }
    }

    /// Counts words in `text`.
    public static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        var previousWasJoiner = false
        for scalar in text.unicodeScalars {
            switch ScalarClass(scalar) {
            case .wordCharacter:
                if !inWord { count += 1 }
                inWord = true
                previousWasJoiner = false
            case .joiner where inWord && !previousWasJoiner:
                previousWasJoiner = true
            default:
                inWord = false
                previousWasJoiner = false
            }
        }
        return count
    }

    /// What a scalar is to ``wordCount(_:)``: part of a word (alphabetic or numeric), a joiner that
    /// may sit inside one (apostrophe, right single quotation mark, hyphen-minus), or a separator.
    private enum ScalarClass {
        case wordCharacter, joiner, separator

        /// ASCII is classified by value; only other scalars pay for a Unicode property look-up.
        @inline(__always)
        init(_ scalar: Unicode.Scalar) {
            let value = scalar.value
            if value < 0x80 {
                if (value | 0x20) &- 0x61 < 26 || value &- 0x30 < 10 {
                    self = .wordCharacter
                } else {
                    self = value == 0x27 || value == 0x2D ? .joiner : .separator
                }
                return
            }
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                self = .wordCharacter
            } else {
                self = value == 0x2019 ? .joiner : .separator
            }
        }
    }
}
