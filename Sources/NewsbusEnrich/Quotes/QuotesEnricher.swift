import NewsbusSDK
import NewsbusWire

/// Direct and partial quotes in the main body, with cue verb and speaker (stage `enrich.quotes`).
///
/// Each quoted passage (see ``QuoteSpans``) is read in its sentence:
/// - a passage that opens its sentence, or follows `X said:` / `X said,`, is a direct quote,
///   attributed by a cue after it (`"…," Funakoshi said`, `"…," said Kim`, `"…" he told reporters`)
///   or before it (`Kim added, "…"`, `, adding, "…"`);
/// - a passage inside a sentence is a partial quote and needs a cue with a speaker in that sentence
///   (`Gunn said that it presented "one of the most serious security challenges."`);
/// - a direct passage with no cue continues the previous quote's speaker when that quote is in the
///   same or the previous paragraph, and is dropped otherwise;
/// - a passage of one or two words with no cue in its sentence is a name, a title or a scare quote
///   (the Hwasong-17 "monster" missile), not a quote.
/// Speakers resolve through ``SpeakerResolver``; pronouns and definite role phrases ("the minister")
/// take the most recent person: the previous speaker or a later sentence-opening mention of a person.
///
/// Offsets are Unicode scalars into the main body (role "main", else the first); `quotes` is replaced.
public struct QuotesEnricher: Enricher {
    /// "enrich.quotes".
    public let stage: String

    /// Creates the enricher for a stage name.
    public init(stage: String = "enrich.quotes") { self.stage = stage }

    /// "1".
    public var version: String { "1" }
    /// The quotes.
    public var fields: [String] { ["quotes"] }

    /// Finds the main body's quotes.
    public func enrich(_ article: inout Article) throws {
        guard let bodyIndex = article.bodies.firstIndex(where: { $0.role == "main" }) ?? article.bodies.indices.first
        else {
            article.quotes = []
            return
        }
        let text = TextTokens(article.bodies[bodyIndex].value)
        var reader = QuoteReader(text: text, resolver: SpeakerResolver(article: article))
        article.quotes = reader.quotes().map { found in
            Article.Quote(
                content: found.pieces.map { text.text($0.lowerBound, $0.upperBound) }.joined(separator: "\n\n"),
                speaker: found.speaker, cue: found.cue,
                start: UInt32(clamping: found.pieces.first?.lowerBound ?? 0),
                end: UInt32(clamping: found.pieces.last?.upperBound ?? 0),
                partial: found.partial, bodyIndex: UInt32(clamping: bodyIndex))
        }
    }
}
