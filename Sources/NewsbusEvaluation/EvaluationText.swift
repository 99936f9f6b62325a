import Foundation

/// The text normalisation every scoring rule uses, in one place.
///
/// Two strings are compared after ``folded(_:)``: curly quotes straightened, every run of
/// whitespace (no-break spaces included) collapsed to one space, trimmed, lower-cased, and
/// diacritics removed (`Pârvulescu` = `parvulescu`, `İstanbul` = `istanbul`).
public enum EvaluationText {
    /// `text` normalised for comparison (see the type documentation).
    public static func folded(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(contentsOf: foldedScalars(scalar))
        }
        return String(out)
    }

    /// `text` folded, then stripped of punctuation and symbols at both ends
    /// (`"We will act," ` → `we will act`): how quotation contents are compared.
    public static func foldedQuote(_ text: String) -> String {
        let scalars = Array(folded(text).unicodeScalars)
        func isEdge(_ s: Unicode.Scalar) -> Bool {
            s == " " || s.properties.generalCategory.isPunctuationOrSymbol
        }
        guard let first = scalars.firstIndex(where: { !isEdge($0) }),
            let last = scalars.lastIndex(where: { !isEdge($0) })
        else { return "" }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[first...last])
        return String(view)
    }

    /// Whether two names are the same after folding.
    public static func sameName(_ a: String, _ b: String) -> Bool {
        folded(a) == folded(b)
    }

    /// Quotation marks and apostrophes that become their straight forms.
    private static let straightened: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'", "\u{201B}": "'", "\u{2032}": "'",
        "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"", "\u{201F}": "\"", "\u{2033}": "\"",
        "\u{00AB}": "\"", "\u{00BB}": "\"",
    ]

    /// Letters whose diacritic is not a separate combining mark.
    private static let baseLetters: [Unicode.Scalar: String] = [
        "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ı": "i", "ħ": "h", "ŧ": "t", "æ": "ae", "œ": "oe", "ß": "ss",
    ]

    /// One scalar straightened, lower-cased and stripped of diacritics (possibly several scalars).
    private static func foldedScalars(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if let straight = straightened[scalar] { return [straight] }
        var result: [Unicode.Scalar] = []
        for lower in String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if lower.properties.generalCategory == .nonspacingMark { continue }
            if let base = baseLetters[lower] {
                result.append(contentsOf: base.unicodeScalars)
            } else {
                result.append(lower)
            }
        }
        return result
    }
}

extension Unicode.GeneralCategory {
    /// Punctuation (P*) or symbol (S*).
    fileprivate var isPunctuationOrSymbol: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            true
        default: false
        }
    }
}
