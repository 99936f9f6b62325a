/// What a careful reader finds in one article: the answer key of an enrichment fixture
/// (`NN-slug.expected.json`).
///
/// Every key is optional. An absent key (`nil`) is not annotated and not scored; an empty list
/// is annotated and means that nothing of that kind is expected.
public struct EnrichmentExpectation: Sendable, Hashable, Decodable {
    /// A person, organisation or place.
    public struct Entity: Sendable, Hashable, Decodable {
        /// The fullest form in the text ("Hayashida Kenji", "International Atomic Energy Agency").
        public var name: String
        /// Other forms used in the text ("Hayashida", "IAEA").
        public var aliases: [String]
        /// ISO 3166-1 alpha-2 code, for countries.
        public var code: String?

        /// Creates an entity.
        public init(name: String, aliases: [String] = [], code: String? = nil) {
            self.name = name
            self.aliases = aliases
            self.code = code
        }

        private enum CodingKeys: String, CodingKey { case name, aliases, code }

        /// Decodes an entity; `aliases` may be absent.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decode(String.self, forKey: .name)
            aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
            code = try container.decodeIfPresent(String.self, forKey: .code)
        }
    }

    /// A quotation in the main body.
    public struct Quote: Sendable, Hashable, Decodable {
        /// A distinctive stretch of the quoted words, without quotation marks.
        public var text: String
        /// The `name` of the person or organisation quoted; `nil` for an unattributed quote.
        public var speaker: String?
        /// A fragment quoted inside reported speech.
        public var partial: Bool

        /// Creates a quote.
        public init(text: String, speaker: String? = nil, partial: Bool = false) {
            self.text = text
            self.speaker = speaker
            self.partial = partial
        }

        private enum CodingKeys: String, CodingKey { case text, speaker, partial }

        /// Decodes a quote; `speaker` and `partial` may be absent.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            text = try container.decode(String.self, forKey: .text)
            speaker = try container.decodeIfPresent(String.self, forKey: .speaker)
            partial = try container.decodeIfPresent(Bool.self, forKey: .partial) ?? false
        }
    }

    /// A date expression in the main body.
    public struct DateExpression: Sendable, Hashable, Decodable {
        /// The words as written ("on Tuesday").
        public var text: String
        /// The resolved date at its precision: "2022-12-13", "2022-12" or "2022".
        public var value: String

        /// Creates a date expression.
        public init(text: String, value: String) {
            self.text = text
            self.value = value
        }
    }

    /// BCP 47 language tag of the article.
    public var language: String?
    /// The article's own date (`yyyy-MM-dd`), against which relative dates resolve.
    public var anchor: String?
    /// The dateline place.
    public var located: String?
    /// People named in the headline, main body and captions.
    public var people: [Entity]?
    /// Organisations named in the headline, main body and captions.
    public var organisations: [Entity]?
    /// Places named in the headline, main body and captions.
    public var places: [Entity]?
    /// Quotations in the main body.
    public var quotes: [Quote]?
    /// Date expressions in the main body.
    public var dates: [DateExpression]?
    /// IPTC Media Topics codes ("medtop:11000000").
    public var subjects: [String]?

    /// Creates an expectation; every key defaults to "not annotated".
    public init(
        language: String? = nil, anchor: String? = nil, located: String? = nil, people: [Entity]? = nil,
        organisations: [Entity]? = nil, places: [Entity]? = nil, quotes: [Quote]? = nil,
        dates: [DateExpression]? = nil, subjects: [String]? = nil
    ) {
        self.language = language
        self.anchor = anchor
        self.located = located
        self.people = people
        self.organisations = organisations
        self.places = places
        self.quotes = quotes
        self.dates = dates
        self.subjects = subjects
    }

    /// Problems a decoder cannot see: empty names and texts, malformed dates and codes, quote
    /// speakers that are not listed. Empty when the expectation is sound.
    public var problems: [String] {
        var found: [String] = []
        let entities = [("people", people), ("organisations", organisations), ("places", places)]
        for (key, list) in entities {
            for entity in list ?? [] where entity.name.allSatisfy(\.isWhitespace) {
                found.append("\(key): an entry has an empty name")
            }
        }
        for place in places ?? [] {
            if let code = place.code, !(code.count == 2 && code.allSatisfy { $0.isASCII && $0.isUppercase }) {
                found.append("places: \(place.name): code \"\(code)\" is not ISO 3166-1 alpha-2")
            }
        }
        let speakers = Set(((people ?? []) + (organisations ?? [])).map { EvaluationText.folded($0.name) })
        for quote in quotes ?? [] {
            if quote.text.allSatisfy(\.isWhitespace) { found.append("quotes: an entry has an empty text") }
            if let speaker = quote.speaker, people != nil || organisations != nil,
                !speakers.contains(EvaluationText.folded(speaker))
            {
                found.append("quotes: speaker \"\(speaker)\" is not among people or organisations")
            }
        }
        for date in dates ?? [] where !Self.isISODate(date.value) {
            found.append("dates: \"\(date.text)\": value \"\(date.value)\" is not yyyy, yyyy-MM or yyyy-MM-dd")
        }
        if let anchor, !(anchor.count == 10 && Self.isISODate(anchor)) {
            found.append("anchor \"\(anchor)\" is not yyyy-MM-dd")
        }
        return found
    }

    /// `yyyy`, `yyyy-MM` or `yyyy-MM-dd` with plausible month and day numbers.
    static func isISODate(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            parts.allSatisfy({ Int($0) != nil })
        else { return false }
        if parts.count >= 2 {
            guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return false }
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let day = Int(parts[2]), (1...31).contains(day) else { return false }
        }
        return true
    }
}
