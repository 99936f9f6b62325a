import Foundation
import NewsbusWire

/// Reads IPTC ninjs 2.x JSON (with ninjs 1.x / 2.0 spellings tolerated): one ninjs object, or an
/// array of them. The inverse of `NinjsEncoder` for every field ninjs carries.
///
/// **Items and errors.** Each item is read on its own: ``parseItems(_:context:)`` gives one
/// `Result` per item, in order, so a bad item never costs the good ones. ``parse(_:context:)``
/// returns the good ones and throws only when there is none: the first item's error then (so a
/// single bad object throws its own error). An item's error is
/// ``IngestError/malformed(format:line:column:reason:)`` with format `ninjs`, the line and column
/// where the item starts in the text, and a reason that names it by its 1-based position:
/// `item 3: uri missing`.
///
/// **Strict** (the item is refused): `uri` missing, empty or not a string; an array element that
/// is not an object; a `pubstatus` other than `usable`, `withheld`, `canceled` (`cancelled` is
/// accepted) — an unknown status is not guessed to be publishable.
///
/// **Lenient** (the item is kept): a field of the wrong type is ignored; numbers are accepted as
/// numeric strings and strings as numbers where a string is expected (`"version": 2`);
/// `urgency` outside 1–9 or not a whole number is dropped (0, "not stated"), not clamped;
/// `relevance` / `confidence` are clamped to 0–100; a date-time in RFC 3339 is normalised to UTC
/// to the second (`2024-03-07T10:15:00+01:00` → `2024-03-07T09:15:00Z`), another date text is
/// kept as given (an embargo is never dropped); unknown fields are ignored.
///
/// **Mapping** (ninjs → ``Article``): every scalar field by its name (`uri`, `version` — default
/// `"1"` —, `type` — default `"text"` —, `profile`, `firstcreated`, `versioncreated`,
/// `contentcreated`, `embargoed`, `pubstatus` — default usable —, `urgency`, `language`, `by`,
/// `located`, `slugline`, `ednote`, `copyrightholder`, `copyrightnotice`, `usageterms`);
/// `headlines` and `descriptions` (`role`, `contenttype`, `value`); `bodies` (`role`,
/// `contenttype`, `value`, `charcount`, `wordcount`), where a `text/html` body is kept and a
/// `text/plain` body of the same role (`main` when it has none) converted from it is inserted
/// before it, unless the item already has a plain-text body of that role; `people`,
/// `organisations`, `places`, `events`, `genres`, `subjects` (`name`, `uri`, `rel`, `literal`;
/// `creator`, `relevance`, `confidence`); a subject with `rel: "keyword"` and no uri, and every
/// entry of `keywords`, is a keyword (this is how `NinjsEncoder` writes keywords); `altids`
/// (array of `{role, value}` or the older `{role: value}` object); `infosources` (`role` →
/// `rel`); `associations` in the 2.x array form or the older object keyed by name
/// (`{"featureimage": {…}}`, read in key order with `feature…` keys first): `name`, `uri`,
/// `type`, `by`, `copyrightholder`, `versioncreated`, `renditions` (array, or object keyed by
/// name; `href`, `contenttype` or `mimetype`, `width`, `height`), the caption from the
/// description of role `caption`, else the first description not of role `credit`, else the first
/// headline, and the credit from the description of role `credit`, else `by`, else
/// `copyrightholder`. ninjs 1.x spellings are read when the 2.x field is absent: `headline`,
/// `byline`, `body_text`, `body_html`, `description_text`, `description_html`, `person`,
/// `organisation`, `place`, `subject`, `event`, `genre`.
///
/// **Signals.** A canceled item (a kill) gets `sig:withdraw`; update and correction are left to the
/// store's identity layer. Every article gets `source` (`context.source(format: .ninjs)`) and
/// `contentHash` (`ContentHash.of`).
public struct NinjsParser: FormatParser {
    /// Creates a ninjs parser.
    public init() {}

    /// `.ninjs`.
    public var format: InputFormat { .ninjs }

    /// The usable items' articles, in document order.
    ///
    /// - Throws: ``IngestError/malformed(format:line:column:reason:)`` when the text is not JSON
    ///   (with the position JSONSerialization reports) or its top level is neither an object nor
    ///   an array; ``IngestError/noArticle(_:)`` for an empty array; the first item's error when
    ///   no item is usable; ``IngestError/empty`` for blank text.
    public func parse(_ document: DecodedDocument, context: IngestContext) throws(IngestError) -> [Article] {
        let results = try parseItems(document, context: context)
        var articles: [Article] = []
        articles.reserveCapacity(results.count)
        var firstError: IngestError?
        for result in results {
            switch result {
            case let .success(article): articles.append(article)
            case let .failure(error): firstError = firstError ?? error
            }
        }
        if articles.isEmpty, let firstError { throw firstError }
        return articles
    }

    /// The usable items' articles and an issue for each item that is not usable; throws as
    /// ``parse(_:context:)`` when no item is usable.
    public func parseReportingItems(_ document: DecodedDocument, context: IngestContext) throws(IngestError) -> ParsedItems {
        var parsed = ParsedItems(articles: [], issues: [])
        var firstError: IngestError?
        for (index, result) in try parseItems(document, context: context).enumerated() {
            switch result {
            case let .success(article): parsed.articles.append(article)
            case let .failure(error):
                firstError = firstError ?? error
                if case let .malformed(_, line, column, reason) = error {
                    parsed.issues.append(ItemIssue(index: index + 1, line: line, column: column, code: error.code, reason: reason))
                } else {
                    parsed.issues.append(ItemIssue(index: index + 1, line: 0, code: error.code, reason: error.message))
                }
            }
        }
        if parsed.articles.isEmpty, let firstError { throw firstError }
        return parsed
    }

    /// One result per item (one for a single object), in document order.
    ///
    /// - Throws: only for the document as a whole: not JSON, a top level that is neither an
    ///   object nor an array, an empty array, blank text (see ``parse(_:context:)``).
    public func parseItems(_ document: DecodedDocument, context: IngestContext) throws(IngestError) -> [Result<Article, IngestError>] {
        let data = Data(document.text.utf8)
        guard data.contains(where: { !NinjsPositions.isWhitespace($0) }) else { throw .empty }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw NinjsPositions.syntaxError(error, in: data)
        }
        let objects: [Any]
        let isArray: Bool
        if let object = root as? [String: Any] {
            objects = [object]
            isArray = false
        } else if let array = root as? [Any] {
            guard !array.isEmpty else { throw .noArticle("the ninjs array is empty") }
            objects = array
            isArray = true
        } else {
            throw .malformed(
                format: "ninjs", line: 1, column: 1,
                reason: "the top-level JSON value is \(NinjsValue.kind(of: root)); expected a ninjs object or an array of ninjs objects")
        }
        let source = context.source(format: .ninjs)
        var positions: [(line: Int, column: Int)]?
        var results: [Result<Article, IngestError>] = []
        results.reserveCapacity(objects.count)
        for (index, element) in objects.enumerated() {
            let outcome: Result<Article, NinjsItemReader.Problem>
            if let object = element as? [String: Any] {
                outcome = NinjsItemReader.article(from: object)
            } else {
                outcome = .failure(.init(reason: "not a JSON object but \(NinjsValue.kind(of: element))"))
            }
            switch outcome {
            case var .success(article):
                article.source = source
                results.append(.success(article))
            case let .failure(problem):
                // Positions are computed only when an item fails, so good input pays nothing.
                if positions == nil { positions = NinjsPositions.elementStarts(in: data, isArray: isArray) }
                let position = index < positions!.count ? positions![index] : (line: 0, column: 0)
                results.append(.failure(.malformed(
                    format: "ninjs", line: position.line, column: position.column, reason: "item \(index + 1): \(problem.reason)")))
            }
        }
        return results
    }
}
