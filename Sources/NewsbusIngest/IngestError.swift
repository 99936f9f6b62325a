/// Why raw input could not be turned into articles.
///
/// Every case carries enough position information to find the problem in the input:
/// byte offsets are 0-based and counted in the input exactly as given (a UTF-8 byte order
/// mark included); line numbers are 1-based, and a line ends at LF, CR LF or a lone CR.
public enum IngestError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The input holds no text: it is empty, or holds only whitespace, invisible characters
    /// or a byte order mark.
    case empty

    /// The input looks binary rather than textual: it contains a NUL byte.
    ///
    /// - Parameters:
    ///   - offset: byte offset of the first NUL byte.
    ///   - line: line on which that byte sits.
    case binary(offset: Int, line: Int)

    /// The input is not valid UTF-8.
    ///
    /// - Parameters:
    ///   - offset: byte offset where the first invalid or truncated sequence starts.
    ///   - line: line on which that sequence starts.
    case invalidUTF8(offset: Int, line: Int)

    /// No headline could be found.
    ///
    /// - Parameter line: the line where a headline was expected: the rejected candidate
    ///   (for instance a line far too long to be a headline), or the line after the last
    ///   line of text when nothing was left.
    case noHeadline(line: Int)

    /// A headline was found but no body paragraph follows it.
    ///
    /// - Parameter headlineLine: the line of the headline.
    case noBody(headlineLine: Int)

    /// A structured document (XML, HTML, JSON) that its parser refused.
    ///
    /// - Parameters:
    ///   - format: the format tried, e.g. "rss", "atom", "ninjs", "html".
    ///   - line: 1-based line of the problem, when known (0 otherwise).
    ///   - column: 1-based column, when known (0 otherwise).
    ///   - reason: what the parser said.
    case malformed(format: String, line: Int, column: Int, reason: String)

    /// The input is larger than the configured maximum.
    case tooLarge(bytes: Int, limit: Int)

    /// The input's text encoding is not one Newsbus can read (or a declared charset is unknown).
    case unsupportedEncoding(String)

    /// The content matches no supported format.
    case unknownFormat(String)

    /// The document parsed but holds nothing usable as an article (no headline and no body).
    case noArticle(String)

    /// A stable, machine-readable identifier of the error kind, suitable for logs and metrics:
    /// `empty`, `binary`, `invalid-utf8`, `no-headline` or `no-body`.
    public var code: String {
        switch self {
        case .empty: "empty"
        case .binary: "binary"
        case .invalidUTF8: "invalid-utf8"
        case .noHeadline: "no-headline"
        case .noBody: "no-body"
        case .malformed: "malformed"
        case .tooLarge: "too-large"
        case .unsupportedEncoding: "unsupported-encoding"
        case .unknownFormat: "unknown-format"
        case .noArticle: "no-article"
        }
    }

    /// A human-readable explanation that names the offending byte offset or line.
    public var message: String {
        switch self {
        case .empty:
            "the input is empty or holds only whitespace"
        case let .binary(offset, line):
            "the input looks binary: NUL byte at byte offset \(offset) (line \(line))"
        case let .invalidUTF8(offset, line):
            "the input is not valid UTF-8: invalid byte sequence at byte offset \(offset) (line \(line))"
        case let .noHeadline(line):
            "no headline found: expected one at line \(line)"
        case let .noBody(headlineLine):
            "no body text after the headline on line \(headlineLine)"
        case let .malformed(format, line, column, reason):
            line > 0 ? "malformed \(format) at line \(line), column \(column): \(reason)" : "malformed \(format): \(reason)"
        case let .tooLarge(bytes, limit):
            "the input is \(bytes) bytes, more than the \(limit)-byte limit (exceeded at byte offset \(limit)); nothing was parsed"
        case let .unsupportedEncoding(name):
            "unsupported text encoding \(name)"
        case let .unknownFormat(detail):
            "not a supported format (\(detail))"
        case let .noArticle(detail):
            "no article in the document: \(detail)"
        }
    }

    /// `code: message`, for logs.
    public var description: String { "\(code): \(message)" }
}
