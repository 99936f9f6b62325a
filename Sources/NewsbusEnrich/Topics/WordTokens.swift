/// An article's words, lower-cased into one byte buffer for term matching, with what the topics and
/// keywords code needs to know about each: where it sits (headline, lead, rest) and how it was written.
///
/// Words are runs of letters and digits, with the combining marks that follow a letter (Indic vowel
/// signs, Arabic vowel points, decomposed accents); everything else separates them. In ``lowered`` the words are
/// UTF-8, separated by exactly one space, so a multi-word term matches across any separator. A
/// *phrase break* is any separator other than spaces, hyphens and apostrophes (punctuation, line
/// breaks, quotes, brackets), which keyword phrases never cross.
struct WordTokens {
    /// Where a word sits.
    enum Zone: UInt8 { case headline, lead, body }

    /// One word.
    struct Word {
        /// Byte range in ``WordTokens/lowered``.
        var lowered: Range<Int>
        /// UTF-8 byte range in the headline (zone ``Zone/headline``) or the body, as written.
        var original: Range<Int>
        var zone: Zone
        /// Starts with an upper-case letter.
        var capitalised: Bool
        /// First word of a sentence (or of a part).
        var sentenceStart: Bool
        /// A phrase break separates it from the previous word.
        var breakBefore: Bool
        /// Joined to the previous word by a hyphen alone ("Hwasong-17").
        var hyphenBefore: Bool
        /// Only digits.
        var numeric: Bool
        /// A single Han or kana character (Chinese and Japanese are not written with spaces, so each
        /// character is a word of its own).
        var ideographic = false
        /// Written in a script without spaces between words (Thai, Lao, Myanmar, Khmer), so the
        /// "word" is a whole phrase.
        var unspaced = false
    }

    /// Lower-cased words separated by single spaces.
    private(set) var lowered: [UInt8] = []
    /// The text the words were read from.
    private let headline: String, body: String
    private(set) var words: [Word] = []

    /// Words of the body that count as the lead.
    static let leadWords = 60

    /// Tokenises the headline and the first `bodyLimit` scalars of the body.
    init(headline: String, body: String, bodyLimit: Int) {
        self.headline = headline
        self.body = body
        lowered.reserveCapacity(headline.utf8.count + min(body.utf8.count, bodyLimit * 2))
        words.reserveCapacity(lowered.capacity / 5)
        add(headline, zone: .headline, limit: Int.max)
        add(body, zone: .lead, limit: bodyLimit)
    }

    /// A non-zero 64-bit FNV-1a hash of a word's lower-cased bytes (equal words, equal hashes).
    func loweredHash(_ word: Word) -> UInt64 {
        lowered.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[word.lowered])) }
    }

    /// The hash ``loweredHash(_:)`` gives a word with these lower-cased UTF-8 bytes.
    static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 { wordHash(bytes) }

    /// The number of scalars in a word.
    func scalarCount(_ word: Word) -> Int {
        lowered[word.lowered].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// The lower-cased form of a word.
    func loweredText(_ word: Word) -> String { String(decoding: lowered[word.lowered], as: UTF8.self) }

    /// The word as written.
    func originalText(_ word: Word) -> String {
        let source = (word.zone == .headline ? headline : body).utf8
        let start = source.index(source.startIndex, offsetBy: word.original.lowerBound)
        let end = source.index(start, offsetBy: word.original.count)
        return String(decoding: source[start..<end], as: UTF8.self)
    }

    private mutating func add(_ text: String, zone initialZone: Zone, limit: Int) {
        var zone = initialZone
        var bodyWords = 0
        var inWord = false
        var sentenceStart = true
        var breakPending = true
        var hyphenPending = false
        var separatorCount = 0
        var current = Word(lowered: 0..<0, original: 0..<0, zone: zone, capitalised: false, sentenceStart: true,
                           breakBefore: true, hyphenBefore: false, numeric: true)
        var seen = 0
        var offset = 0  // UTF-8 offset of `scalar` in `text`
        var nextOffset = 0
        for scalar in text.unicodeScalars {
            seen += 1
            if seen > limit { break }
            offset = nextOffset
            nextOffset += UTF8.width(scalar)
            // Shortcut for the commonest case, an ASCII letter or digit inside a word.
            if inWord && scalar.value < 0x80 {
                let byte = UInt8(scalar.value)
                if byte &- 0x30 < 10 {
                    lowered.append(byte)
                    continue
                }
                if (byte | 0x20) &- 0x61 < 26 {
                    current.numeric = false
                    lowered.append(byte | 0x20)
                    continue
                }
            }
            let flags = scalar.value < 0x80 ? [] : Letters.flags(scalar)
            let isDigit = scalar.value < 0x80 ? (scalar.value >= 0x30 && scalar.value <= 0x39) : flags.contains(.decimalDigit)
            if inWord && flags.contains(.mark) {
                UTF8.encode(scalar) { lowered.append($0) }
                continue
            }
            if isDigit || Letters.isLetter(scalar) {
                let ideographic = scalar.value >= 0x3040 && Self.isIdeographic(scalar)
                if ideographic && inWord {
                    finish(&current, originalEnd: offset)
                    inWord = false
                }
                if !inWord {
                    if !lowered.isEmpty { lowered.append(0x20) }
                    if zone == .lead && bodyWords >= Self.leadWords { zone = .body }
                    if initialZone != .headline { bodyWords += 1 }
                    current = Word(lowered: lowered.count..<lowered.count, original: offset..<offset,
                                   zone: zone, capitalised: Self.isUppercase(scalar), sentenceStart: sentenceStart,
                                   breakBefore: breakPending || words.isEmpty,
                                   hyphenBefore: hyphenPending && separatorCount == 1, numeric: true,
                                   ideographic: ideographic,
                                   unspaced: Self.isUnspaced(scalar))
                    inWord = true
                    sentenceStart = false
                    breakPending = false
                    hyphenPending = false
                    separatorCount = 0
                }
                if !isDigit { current.numeric = false }
                if scalar.value < 0x80 {
                    let byte = UInt8(scalar.value)
                    lowered.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                } else {
                    Letters.forEachLowercased(scalar) { lower in
                        if lower == scalar || Letters.isLetter(lower) { UTF8.encode(lower) { lowered.append($0) } }
                    }
                }
                if ideographic {
                    finish(&current, originalEnd: nextOffset)
                    inWord = false
                }
                continue
            }
            if inWord {
                finish(&current, originalEnd: offset)
                inWord = false
            }
            separatorCount += 1
            switch scalar {
            case " ", "\u{00A0}", "\t":
                break
            case "-", "\u{2010}", "\u{2011}":
                hyphenPending = true
            case "'", "\u{2019}":
                break
            case ".", "!", "?", "\n", "\r", "\u{3002}":
                breakPending = true
                sentenceStart = true
            default:
                breakPending = true
            }
        }
        if inWord { finish(&current, originalEnd: nextOffset) }
    }

    @inline(__always)
    private static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (scalar.value >= 0x41 && scalar.value <= 0x5A) : Letters.flags(scalar).contains(.uppercase)
    }

    private static func isUnspaced(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xE00...0xEFF, 0x1000...0x109F, 0x1780...0x17FF: return true
        default: return false
        }
    }

    /// Whether `scalar` is a combining mark (vowel signs, accents written separately).
    @inline(__always)
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        Letters.flags(scalar).contains(.mark)
    }

    /// Whether `scalar` is a Han or kana character.
    static func isIdeographic(_ scalar: Unicode.Scalar) -> Bool {
        switch WritingSystem.of(scalar) {
        case .han, .kana: return true
        default: return false
        }
    }

    /// Ends `word` at the current end of ``lowered`` and at `originalEnd` in its source text.
    private mutating func finish(_ word: inout Word, originalEnd: Int) {
        word.lowered = word.lowered.lowerBound..<lowered.count
        word.original = word.original.lowerBound..<originalEnd
        words.append(word)
    }
}
