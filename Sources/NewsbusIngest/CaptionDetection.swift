/// A photo caption found in one block of text.
struct DetectedCaption: Equatable {
    /// The caption without its credit.
    var text: String
    /// Inner text of the final parentheses.
    var credit: String
    /// First full date of the caption, ISO `yyyy-MM-dd`.
    var date: String?
}

/// Tells photo captions from body paragraphs.
///
/// A block is a caption when both hold:
///
/// 1. **It ends with a credit**: a final parenthesised group (optionally followed by a period)
///    whose inner text is credit-like. Credits come in three strengths:
///    - *strong*: the wording says it is a credit: `Photo by …`, `Photo: …`, `Photo courtesy of …`,
///      `Courtesy of …`, `… via …`, `File photo`, `… file photo`, `Pool photo`, `Handout`,
///      `Screenshot`, `Illustration by …`, `© …`;
///    - *agency*: a known news or photo agency, alone or combined (`AFP`, `Reuters`,
///      `EPA-EFE`, `AFP/Getty Images`, `Yonhap`, `KCNA`…);
///    - *generic*: a short name in title case (`Newsbus Wire`, `Korean Film Archive`), but not
///      a lone short acronym (`KDI`), a weekday, a month or a tag such as `Updated`.
/// 2. **It reads like a caption**:
///    - a strong credit is enough (up to 150 words);
///    - an agency or generic credit needs *caption evidence*: role markers such as `(C)`,
///      `(L)`, `(2nd R)`, `(L-R)`, `(front row, 3rd L)`; or caption wording (`This picture
///      taken on …`, `A file photo shows …`, `… in this handout image …`, `… poses for a
///      photo …`); or else a full date, the credit standing after a finished sentence and no
///      reported speech (no quotation mark, no `said`/`says`/`told`/`according to`).
///
/// A body paragraph that merely ends with a parenthetical — an acronym `(KDI)`, a weekday
/// `(Thursday)`, a remark `(local time)` — is therefore not a caption.
enum CaptionDetector {
    enum CreditKind: Equatable {
        case strong, agency, generic
    }

    /// Longest caption, in words, per strength of evidence.
    static let strongCreditWordLimit = 150
    static let evidenceWordLimit = 120
    static let dateOnlyWordLimit = 80

    /// The caption in `text`, or `nil` when `text` is not a caption.
    ///
    /// - Parameter requireEvidence: demand caption evidence even for a strong credit (used
    ///   when a credit on a line of its own is joined to the preceding block).
    static func detect(_ text: String, requireEvidence: Bool = false) -> DetectedCaption? {
        guard let (before, credit) = splitCredit(text), let kind = classifyCredit(credit) else { return nil }
        if before.isEmpty {
            return requireEvidence ? nil : DetectedCaption(text: "", credit: credit, date: nil)
        }
        let words = before.wordCount
        guard words <= strongCreditWordLimit else { return nil }
        let lower = before.lowercased()
        let wording = hasRoleMarker(before) || hasCaptionWording(lower)
        let date = DateDetection.firstISODate(in: before)
        let isCaption: Bool
        switch kind {
        case .strong where !requireEvidence:
            isCaption = words <= strongCreditWordLimit
        default:
            if wording {
                isCaption = words <= evidenceWordLimit
            } else if date != nil {
                isCaption = words <= dateOnlyWordLimit && endsSentence(before) && !reportsSpeech(lower)
            } else {
                isCaption = false
            }
        }
        return isCaption ? DetectedCaption(text: before, credit: credit, date: date) : nil
    }

    /// Whether `text` is only a credit in parentheses, such as `(Photo by Newsbus Wire)`.
    static func isCreditOnly(_ text: String) -> Bool {
        guard let (before, credit) = splitCredit(text) else { return false }
        return before.isEmpty && classifyCredit(credit) != nil
    }

    // MARK: Credit

    /// Splits `text` into what precedes its final parenthesised group and that group's inner
    /// text. The group must close the text (a period may follow) and be at most 200 characters
    /// long, so the search is bounded on very long lines.
    static func splitCredit(_ text: String) -> (before: String, credit: String)? {
        let scalars = text.unicodeScalars
        guard var close = scalars.indices.last else { return nil }
        if scalars[close] == "." || scalars[close] == "。", close > scalars.startIndex {
            close = scalars.index(before: close)
        }
        // ASCII or full-width parentheses (Chinese and Japanese text).
        guard scalars[close] == ")" || scalars[close] == "）" else { return nil }
        var depth = 0
        var steps = 0
        var open = close
        while true {
            let s = scalars[open]
            if s == ")" || s == "）" {
                depth += 1
            } else if s == "(" || s == "（" {
                depth -= 1
                if depth == 0 { break }
            }
            steps += 1
            guard steps <= 200, open > scalars.startIndex else { return nil }
            open = scalars.index(before: open)
        }
        let credit = String(scalars[scalars.index(after: open)..<close]).trimmingSpaces()
        let before = String(scalars[..<open]).trimmingSpaces()
        return (before, credit)
    }

    private static let strongPrefixes = [
        "photo by ", "photos by ", "photo:", "photos:", "photo courtesy", "photo credit", "photograph by ",
        "photographs by ", "picture by ", "pictures by ", "pic by ", "image by ", "images by ", "image:",
        "image courtesy", "image credit", "courtesy of ", "courtesy:", "credit:", "credits:", "file photo",
        "handout", "illustration by ", "illustration:", "graphic by ", "graphics by ", "graphic:",
        "screenshot", "screen capture", "screen grab", "video grab", "video still", "pool photo", "photo/",
        "photo -", "photo ©", "©", "(c) ",
        // Other languages' credit words: French "Photo :", German/Italian/Spanish/Portuguese/Dutch/
        // Swedish/Indonesian "Foto", Polish "Fot.", Turkish "Fotoğraf", Russian "Фото", Japanese
        // 写真, Korean 사진, Chinese 图片来源 / 摄影, Arabic تصوير / صورة, Hindi फ़ोटो, Vietnamese Ảnh.
        "photo :", "crédit photo", "crédits photo", "foto:", "foto ", "fotos:", "fot.", "fot:", "fotografía:",
        "fotografia:", "fotoğraf:", "bild:", "imagen:", "фото:", "фото ", "写真：", "写真:", "사진=", "사진:",
        "사진 ", "图片来源：", "图片来源:", "图：", "图/", "摄影：", "摄影:", "تصوير:", "تصوير :", "صورة:", "फ़ोटो:",
        "फोटो:", "ảnh:",
    ]
    private static let strongWhole: Set<String> = [
        "photo", "photos", "file photo", "file", "handout", "pool", "courtesy", "screenshot", "illustration",
        "graphic", "archive photo", "file image", "handout photo", "stock photo",
    ]
    private static let strongSuffixes = [
        " photo", " photos", " file photo", " handout", " handout photo", " file", " screenshot", " file image",
    ]
    /// News and photo agencies commonly credited bare (lower-cased).
    private static let agencies: Set<String> = [
        "reuters", "afp", "ap", "associated press", "agence france-presse", "agence france presse", "yonhap",
        "yonhap news", "epa", "efe", "kcna", "kns", "xinhua", "kyodo", "kyodo news", "jiji", "jiji press",
        "getty", "getty images", "bloomberg", "anadolu", "anadolu agency", "ansa", "dpa", "tass", "ria novosti",
        "sputnik", "aap", "pti", "ani", "bernama", "antara", "cna", "newsis", "news1", "upi", "nhk", "kbs",
        "mbc", "sbs", "ytn", "cctv", "bbc", "cnn", "pool", "imago", "sipa", "abaca", "zuma", "shutterstock",
    ]
    /// Parenthesised words that are never credits.
    private static let notCredits: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "updated", "update", "corrected", "correction", "video", "audio", "live", "exclusive", "analysis",
        "opinion", "editorial", "interview", "continued", "end", "local", "time",
    ]
    private static let titleConnectors: Set<String> = [
        "of", "and", "for", "the", "de", "du", "des", "la", "le", "von", "van", "der", "y", "&", "at", "in", "on",
    ]

    /// The strength of `credit` as a photo credit, or `nil` when it is not credit-like.
    static func classifyCredit(_ credit: String) -> CreditKind? {
        guard !credit.isEmpty, credit.utf8.count <= 160 else { return nil }
        let words = credit.split(separator: " ")
        guard words.count <= 12 else { return nil }
        let lower = credit.lowercased()
        if strongWhole.contains(lower) || strongPrefixes.contains(where: { lower.hasPrefix($0) }) {
            return .strong
        }
        if words.count <= 8, strongSuffixes.contains(where: { lower.hasSuffix($0) }) {
            return .strong
        }
        if let via = lower.firstRange(of: " via "), via.lowerBound > lower.startIndex, via.upperBound < lower.endIndex {
            return .strong
        }
        if agencies.contains(lower) { return .agency }
        let parts = lower.split(whereSeparator: { "/,;&+".contains($0) }).map { $0.trimmingSpaces() }
        for part in parts {
            if agencies.contains(part) { return .agency }
            if part.contains("-"), part.split(separator: "-").contains(where: { agencies.contains($0.trimmingSpaces()) }) {
                return .agency
            }
        }
        return isGenericCredit(words) ? .generic : nil
    }

    /// A short title-case name that is neither a lone short acronym nor a date-like word.
    private static func isGenericCredit(_ words: [Substring]) -> Bool {
        guard (1...6).contains(words.count) else { return false }
        if words.count == 1 {
            let w = words[0]
            let letters = w.unicodeScalars.filter { $0.properties.isAlphabetic }
            if letters.count <= 6, letters.allSatisfy({ $0.properties.isUppercase }) { return false }
        }
        for (k, word) in words.enumerated() {
            let lower = word.lowercased()
            let bare = lower.filter { $0.isLetter }
            if notCredits.contains(bare) { return false }
            guard let first = word.unicodeScalars.first else { return false }
            if first.properties.isUppercase { continue }
            if k > 0, titleConnectors.contains(lower) { continue }
            return false
        }
        return true
    }

    // MARK: Evidence

    private static let roleTokens: Set<String> = [
        "c", "l", "r", "left", "right", "center", "centre", "middle", "front", "back", "rear", "top", "bottom",
        "row", "from", "to", "second", "third", "fourth", "fifth", "sixth", "1st", "2nd", "3rd", "4th", "5th",
        "6th", "7th", "8th", "9th", "far", "clockwise", "foreground", "background", "standing", "seated",
    ]
    private static let roleDirections: Set<String> = [
        "c", "l", "r", "left", "right", "center", "centre", "middle", "front", "back", "rear", "top", "bottom",
        "clockwise", "foreground", "background",
    ]

    /// Whether `text` holds a role marker: a short parenthesised group made only of position
    /// words, such as `(C)`, `(L)`, `(2nd R)`, `(L-R)`, `(L to R)`, `(front row, 3rd L)`.
    static func hasRoleMarker(_ text: String) -> Bool {
        var inside: String.UnicodeScalarView?
        for s in text.unicodeScalars {
            if s == "(" {
                inside = String.UnicodeScalarView()
            } else if s == ")" {
                if let group = inside, isRoleGroup(String(group)) { return true }
                inside = nil
            } else if inside != nil {
                if inside!.count >= 24 {
                    inside = nil
                } else {
                    inside!.append(s)
                }
            }
        }
        return false
    }

    private static func isRoleGroup(_ group: String) -> Bool {
        let tokens = group.lowercased().split(whereSeparator: { " -,./".contains($0) }).map(String.init)
        guard !tokens.isEmpty else { return false }
        return tokens.allSatisfy(roleTokens.contains) && tokens.contains(where: roleDirections.contains)
    }

    private static let captionOpenings = [
        "a file photo", "file photo", "this file photo", "this photo", "this picture", "this image",
        "this handout", "this undated", "this screenshot", "this still", "this aerial", "this combination",
        "this satellite", "an undated", "a handout", "a photo ", "a picture ", "an image ", "a screenshot",
        "a still image", "an aerial", "aerial view", "a view of", "a general view", "general view", "pictured",
        "photo shows", "the photo shows", "a combination photo", "file image", "a satellite image",
        "satellite image",
    ]
    private static let captionPhrases = [
        "in this photo", "in this picture", "in this image", "in this handout", "in this file",
        "in this undated", "in this still", "in this screenshot", "in this aerial", "in this combination",
        "in this satellite", "photo taken", "picture taken", "image taken", "photo released", "picture released",
        "image released", "pose for a photo", "poses for a photo", "pose for photos", "poses for photos",
        "pose for a picture", "poses for a picture", "during a photo session", "during a photo call",
        "photo op",
    ]

    /// Whether lower-cased `lower` opens or reads like a photo description.
    static func hasCaptionWording(_ lower: String) -> Bool {
        captionOpenings.contains(where: { lower.hasPrefix($0) }) || captionPhrases.contains(where: { lower.contains($0) })
    }

    /// Whether `text` ends with `.`, `!` or `?`, possibly followed by a closing quote.
    static func endsSentence(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.reversed().makeIterator()
        guard var last = scalars.next() else { return false }
        if last == "\"" || last == "'" {
            guard let previous = scalars.next() else { return false }
            last = previous
        }
        return last == "." || last == "!" || last == "?"
    }

    /// Whether lower-cased `lower` quotes or reports speech.
    static func reportsSpeech(_ lower: String) -> Bool {
        lower.contains("\"") || [" said", " says", " told ", "according to"].contains(where: { lower.contains($0) })
    }
}
