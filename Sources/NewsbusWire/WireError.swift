/// An error while encoding or decoding a wire message.
///
/// Decoding never traps on bad bytes: truncated input, wrong wire types, bogus lengths and
/// invalid UTF-8 all surface as a `WireError`.
public struct WireError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable {
            case malformed, invalidUTF8, embeddedNUL, tooLarge, badMagic
        }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// protobuf-c refused the bytes: truncated, wrong wire type, bad length, bad nesting.
        public static let malformed = Code(.malformed)
        /// A string field holds bytes that are not UTF-8.
        public static let invalidUTF8 = Code(.invalidUTF8)
        /// A string contains U+0000, which protobuf-c strings cannot carry: refused on encode, and
        /// on decode rather than cut short.
        public static let embeddedNUL = Code(.embeddedNUL)
        /// The input or output is above a size limit.
        public static let tooLarge = Code(.tooLarge)
        /// A file does not start with the expected magic header.
        public static let badMagic = Code(.badMagic)

        /// A short name for the code.
        public var description: String {
            switch value {
            case .malformed: "malformed"
            case .invalidUTF8: "invalidUTF8"
            case .embeddedNUL: "embeddedNUL"
            case .tooLarge: "tooLarge"
            case .badMagic: "badMagic"
            }
        }
    }

    /// What went wrong.
    public var code: Code
    /// The message type involved, e.g. "newsbus.v1.Article".
    public var message: String
    /// Details: the field, offset or size concerned.
    public var detail: String

    /// Creates an error.
    public init(_ code: Code, message: String, detail: String = "") {
        self.code = code
        self.message = message
        self.detail = detail
    }

    /// "newsbus.v1.Article: malformed (…)".
    public var description: String {
        detail.isEmpty ? "\(message): \(code)" : "\(message): \(code) (\(detail))"
    }
}
