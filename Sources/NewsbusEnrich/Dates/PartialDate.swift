import NewsbusWire

/// A date known to a day, a month or a year.
public struct PartialDate: Sendable, Hashable, CustomStringConvertible {
    /// How much of the date is known.
    public enum Precision: Sendable, Hashable {
        case day, month, year
    }

    /// The date; the unknown parts are 1.
    public var date: CivilDate
    /// How much of it is known.
    public var precision: Precision

    /// ISO 8601 at its precision: "2022-12-13", "2022-12" or "2022".
    public var description: String {
        let full = date.description
        switch precision {
        case .day: return full
        case .month: return String(full.prefix(7))
        case .year: return String(full.prefix(4))
        }
    }
}
