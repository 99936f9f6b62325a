/// What was scored and how well, for one fixture or, added up, for a set (micro-average).
public struct EnrichmentReport: Sendable, Hashable, CustomStringConvertible {
    /// People, by the entity rule.
    public var people = Score()
    /// Organisations, by the entity rule.
    public var organisations = Score()
    /// Places, by the entity rule.
    public var places = Score()
    /// Quotations, by content.
    public var quotes = Score()
    /// Quotations, by content and speaker.
    public var quotesWithSpeaker = Score()
    /// Date expressions, by value and text.
    public var dates = Score()
    /// IPTC Media Topics codes.
    public var subjects = Score()
    /// Codes of matched places that have an expected code.
    public var placeCodes = Accuracy()
    /// Primary language subtag.
    public var language = Accuracy()
    /// Dateline place.
    public var located = Accuracy()
    /// Fixtures scored.
    public var fixtures = 0
    /// Why the figures are below 1: every missed expectation, spurious prediction and wrong value.
    public var mismatches: [EnrichmentMismatch] = []

    /// An empty report.
    public init() {}

    /// Adds another report: counts add up, mismatches are concatenated.
    public static func + (lhs: EnrichmentReport, rhs: EnrichmentReport) -> EnrichmentReport {
        var sum = lhs
        sum += rhs
        return sum
    }

    /// Adds another report in place.
    public static func += (lhs: inout EnrichmentReport, rhs: EnrichmentReport) {
        lhs.people += rhs.people
        lhs.organisations += rhs.organisations
        lhs.places += rhs.places
        lhs.quotes += rhs.quotes
        lhs.quotesWithSpeaker += rhs.quotesWithSpeaker
        lhs.dates += rhs.dates
        lhs.subjects += rhs.subjects
        lhs.placeCodes += rhs.placeCodes
        lhs.language += rhs.language
        lhs.located += rhs.located
        lhs.fixtures += rhs.fixtures
        lhs.mismatches += rhs.mismatches
    }

    /// One line per measure, e.g. `people              P 0.950 R 0.905 F1 0.927 (TP 19, FP 1, FN 2)`.
    public var description: String {
        let rows: [(String, String)] = [
            ("people", people.description), ("organisations", organisations.description),
            ("places", places.description), ("place codes", placeCodes.description),
            ("quotes", quotes.description), ("quotes + speaker", quotesWithSpeaker.description),
            ("dates", dates.description), ("subjects", subjects.description),
            ("language", language.description), ("located", located.description),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        let lines = rows.map { label, value in label + String(repeating: " ", count: width - label.count + 2) + value }
        return (["fixtures: \(fixtures)"] + lines).joined(separator: "\n")
    }
}

/// One reason a report is below perfect.
public struct EnrichmentMismatch: Sendable, Hashable, CustomStringConvertible {
    /// What was scored.
    public enum Field: String, Sendable, Hashable {
        case people, organisations, places, placeCode = "place code", quotes, quoteSpeaker = "quote speaker"
        case dates, subjects, language, located
    }

    /// What went wrong.
    public enum Kind: String, Sendable, Hashable {
        /// An expectation no prediction matched.
        case missed
        /// A prediction that matched no expectation.
        case spurious
        /// A prediction matched, but a value of it is wrong (a place code, a speaker, the language).
        case wrong
    }

    /// The fixture's name.
    public var fixture: String
    /// What was scored.
    public var field: Field
    /// What went wrong.
    public var kind: Kind
    /// The expected item, as text (absent for a spurious prediction).
    public var expected: String?
    /// The predicted item, as text (absent for a missed expectation).
    public var predicted: String?

    /// Creates a mismatch.
    public init(fixture: String, field: Field, kind: Kind, expected: String? = nil, predicted: String? = nil) {
        self.fixture = fixture
        self.field = field
        self.kind = kind
        self.expected = expected
        self.predicted = predicted
    }

    /// `01-jakarta: people: missed "Ryan Kessler"`, `… place code: wrong: expected "KP", got "KR" …`.
    public var description: String {
        let prefix = "\(fixture.isEmpty ? "" : fixture + ": ")\(field.rawValue): \(kind.rawValue)"
        switch kind {
        case .missed: return "\(prefix) \(expected ?? "")"
        case .spurious: return "\(prefix) \(predicted ?? "")"
        case .wrong: return "\(prefix): expected \(expected ?? "nothing"), got \(predicted ?? "nothing")"
        }
    }
}
