/// Why raw input could not be turned into a ``ScrapedPage``.
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

    /// A stable, machine-readable identifier of the error kind, suitable for logs and metrics:
    /// `empty`, `binary`, `invalid-utf8`, `no-headline` or `no-body`.
    public var code: String {
        switch self {
        case .empty: "empty"
        case .binary: "binary"
        case .invalidUTF8: "invalid-utf8"
        case .noHeadline: "no-headline"
        case .noBody: "no-body"
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
        }
    }

    /// `code: message`, for logs.
    public var description: String { "\(code): \(message)" }
}
