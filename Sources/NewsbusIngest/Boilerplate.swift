/// Which lines of a scrape are site furniture (share buttons, app-store names, mirror-address
/// notices, bare domains, newsletter prompts…) rather than article text.
///
/// A value combines the built-in heuristics (on in ``builtIn``) with rules for one source,
/// added with ``adding(_:)`` or ``add(_:)``:
///
/// ```swift
/// let rules = BoilerplateRules.builtIn.adding(
///     .exactLine("Newsbus Daily Morning Briefing"),
///     .prefix("Reporter contact"),
///     .cutAfterMarker("Comments")
/// )
/// let parser = TextScrapeParser(boilerplate: rules)
/// ```
///
/// Rule patterns and lines are compared by their *key*: lower-cased, every character other than
/// a letter or a digit turned into a space, spaces collapsed (`©` counts as the word
/// `copyright`). So `.exactLine("Share this article")` also removes `SHARE THIS ARTICLE:`.
///
/// The built-in heuristics recognise:
/// - whole lines such as `SHARE THIS ARTICLE`, `Advertisement`, `Read more`, `Skip to main content`,
///   `Privacy policy`, and lines of punctuation only (`* * *`);
/// - line openings such as `Share this …`, `Subscribe to our …`, `Download the app …`,
///   `Read more: …`, `Related: …`, `© …`, `Copyright 2024 …`, and `Follow us on …`,
///   `Available on …` when the line names an app or platform;
/// - lines made only of app, platform or share names: `Android`, `iOS | Android`,
///   `Twitter · Facebook · LINE`, `App Store and Google Play`;
/// - lines made only of domain names or URLs: `example-news.tv`;
/// - notices that the site can also be reached at other addresses;
/// - a related-links list: a marker line (`Related Articles`, `Most read`…) after the first body
///   line, with the headline-like lines that follow it;
/// - at the end of the page, short unrecognised lines (up to 8 words, no closing punctuation)
///   standing between recognised boilerplate lines.
///
/// They only look at lines of at most 40 words, so that a long paragraph is not taken for
/// furniture; per-source rules apply to lines of any length, including lines before the headline.
public struct BoilerplateRules: Sendable, Equatable {
    /// One per-source rule. Patterns are matched against line keys (see ``BoilerplateRules``).
    public enum Rule: Sendable, Hashable {
        /// Removes a line whose key equals the pattern's key.
        case exactLine(String)
        /// Removes a line whose key starts with the pattern's key, on a word boundary.
        case prefix(String)
        /// Removes a line whose key contains the pattern's key as whole words.
        case contains(String)
        /// Removes the first body line whose key equals the marker's key, and every line after it.
        case cutAfterMarker(String)
    }

    /// The per-source rules, in the order they were added.
    public private(set) var rules: [Rule]

    /// Whether the built-in heuristics apply in addition to ``rules``.
    public var usesBuiltInHeuristics: Bool

    /// Creates rules.
    ///
    /// - Parameters:
    ///   - rules: per-source rules.
    ///   - usesBuiltInHeuristics: whether the built-in heuristics also apply.
    public init(rules: [Rule] = [], usesBuiltInHeuristics: Bool = true) {
        self.rules = rules
        self.usesBuiltInHeuristics = usesBuiltInHeuristics
    }

    /// The built-in heuristics and no per-source rule.
    public static let builtIn = BoilerplateRules()

    /// No rule at all: nothing is removed as boilerplate.
    public static let none = BoilerplateRules(rules: [], usesBuiltInHeuristics: false)

    /// A copy with `rules` appended.
    public func adding(_ rules: Rule...) -> BoilerplateRules {
        var copy = self
        copy.rules.append(contentsOf: rules)
        return copy
    }

    /// Appends a per-source rule.
    public mutating func add(_ rule: Rule) {
        rules.append(rule)
    }
}

extension BoilerplateRules.Rule {
    /// The spelling used on the command line and in `newsbus.yaml`: `exact`, `prefix`,
    /// `contains` or `cut-after`.
    public var kindName: String {
        switch self {
        case .exactLine: "exact"
        case .prefix: "prefix"
        case .contains: "contains"
        case .cutAfterMarker: "cut-after"
        }
    }

    /// The rule's text.
    public var text: String {
        switch self {
        case let .exactLine(text), let .prefix(text), let .contains(text), let .cutAfterMarker(text): text
        }
    }

    /// A rule from its kind name and text; nil for an unknown kind or blank text.
    public init?(kind: String, text: String) {
        guard !text.allSatisfy(\.isWhitespace) else { return nil }
        switch kind {
        case "exact": self = .exactLine(text)
        case "prefix": self = .prefix(text)
        case "contains": self = .contains(text)
        case "cut-after": self = .cutAfterMarker(text)
        default: return nil
        }
    }

    /// A rule from "KIND:TEXT", e.g. "prefix:Reporter contact".
    public init?(spec: String) {
        guard let colon = spec.firstIndex(of: ":") else { return nil }
        self.init(kind: String(spec[..<colon]), text: String(spec[spec.index(after: colon)...]))
    }

    /// "KIND:TEXT".
    public var spec: String { "\(kindName):\(text)" }
}

// MARK: - Matching

/// Applies ``BoilerplateRules`` to lines.
struct BoilerplateMatcher {
    private let builtIn: Bool
    private let exact: Set<String>
    private let prefixes: [String]
    private let contains: [[UInt8]]
    private let cutMarkers: Set<String>

    /// Longest line, in words, that a built-in heuristic may remove.
    static let builtInWordLimit = 40

    init(_ rules: BoilerplateRules) {
        builtIn = rules.usesBuiltInHeuristics
        var exact = Set<String>()
        var prefixes: [String] = []
        var contains: [[UInt8]] = []
        var cuts = Set<String>()
        for rule in rules.rules {
            switch rule {
            case .exactLine(let p): exact.insert(LineKey.key(p))
            case .prefix(let p): prefixes.append(LineKey.key(p))
            case .contains(let p): contains.append(Array((" " + LineKey.key(p) + " ").utf8))
            case .cutAfterMarker(let p): cuts.insert(LineKey.key(p))
            }
        }
        self.exact = exact
        self.prefixes = prefixes.filter { !$0.isEmpty }
        self.contains = contains.filter { $0.count > 2 }
        self.cutMarkers = cuts
    }

    /// Whether `line` is a boilerplate line by itself.
    func isBoilerplate(_ line: String) -> Bool {
        guard !line.isEmpty else { return false }
        let hasSourceRules = !exact.isEmpty || !prefixes.isEmpty || !contains.isEmpty
        let builtInApplies = builtIn && line.utf8.count <= 600 && line.wordCount <= Self.builtInWordLimit
        guard hasSourceRules || builtInApplies else { return false }
        let key = LineKey.key(line)
        let padded = Array((" " + key + " ").utf8)
        if hasSourceRules {
            if exact.contains(key) { return true }
            if prefixes.contains(where: { LineKey.hasWordPrefix(key, $0) }) { return true }
            if contains.contains(where: { ByteSearch.contains(padded, $0) }) { return true }
        }
        if builtInApplies {
            return BuiltInBoilerplate.matches(line: line, key: key, padded: padded)
        }
        return false
    }

    /// Whether `line` is a per-source cut marker.
    func isCutMarker(_ line: String) -> Bool {
        !cutMarkers.isEmpty && !line.isEmpty && cutMarkers.contains(LineKey.key(line))
    }

    /// Whether `line` announces a list of links to other articles ("Related articles").
    func isListMarker(_ line: String) -> Bool {
        builtIn && line.utf8.count <= 60 && BuiltInBoilerplate.listMarkers.contains(LineKey.key(line))
    }

    /// Removes boilerplate from the body lines (the lines after the headline), replacing each
    /// removed line by a blank one so that paragraph boundaries survive, and appends what was
    /// removed to `removed`.
    ///
    /// In order: per-source cut markers; built-in related-links lists (the marker and the
    /// headline-like lines after it, unless it is the first body line); the trailing zone
    /// (from the first boilerplate line of the page's tail to its end, short unrecognised
    /// fragments between boilerplate lines included); isolated boilerplate lines anywhere.
    func strip(_ body: inout [SourceLine], removed: inout [SourceLine]) {
        // Each line is classified once: the steps below only read these flags.
        let flags = body.map { isBoilerplate($0.text) }
        func remove(_ index: Int) {
            if !body[index].text.isEmpty {
                removed.append(body[index])
                body[index].text = ""
            }
        }

        // 1. Per-source cut markers: the marker and everything after it.
        if !cutMarkers.isEmpty, let cut = body.firstIndex(where: { isCutMarker($0.text) }) {
            for k in cut..<body.count { remove(k) }
        }

        // 2. Built-in lists of links to other articles.
        if builtIn {
            var seenText = false
            var k = 0
            while k < body.count {
                let text = body[k].text
                if text.isEmpty {
                    k += 1
                    continue
                }
                if seenText, isListMarker(text) {
                    remove(k)
                    var j = k + 1
                    while j < body.count {
                        let item = body[j].text
                        if item.isEmpty || flags[j] || Self.isLinkListItem(item) {
                            remove(j)
                            j += 1
                        } else {
                            break
                        }
                    }
                    k = j
                    continue
                }
                seenText = true
                k += 1
            }
        }

        // 3. The trailing zone.
        var earliestBoilerplate: Int?
        var k = body.count - 1
        while k >= 0 {
            let text = body[k].text
            if text.isEmpty {
                k -= 1
                continue
            }
            if flags[k] {
                earliestBoilerplate = k
            } else if !(builtIn && Self.isFragment(text)) {
                break
            }
            k -= 1
        }
        if let start = earliestBoilerplate {
            for j in start..<body.count { remove(j) }
        }

        // 4. Isolated boilerplate lines.
        for j in body.indices where flags[j] {
            remove(j)
        }
    }

    /// A line that reads like the title of a linked article: short, not ending a sentence, not
    /// ending with a parenthesised credit.
    static func isLinkListItem(_ line: String) -> Bool {
        guard line.utf8.count <= 300, line.wordCount <= 25, let last = line.unicodeScalars.last else {
            return false
        }
        return last != ")" && !CaptionDetector.endsSentence(line)
    }

    /// A short line that does not end like a sentence (a site name, a tag, a menu entry).
    static func isFragment(_ line: String) -> Bool {
        guard line.utf8.count <= 120, line.wordCount <= 8, let last = line.unicodeScalars.last else {
            return false
        }
        return !".!?\"')]:;…".unicodeScalars.contains(last)
    }
}

// MARK: - Line keys

/// The comparison form of a line: lower-cased letters and digits, one space between words.
enum LineKey {
    static func key(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 8)
            var pendingSpace = false
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    i += 1
                    var c = b
                    if c >= 0x41, c <= 0x5A { c += 0x20 }
                    if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) {
                        if pendingSpace {
                            out.append(0x20)
                            pendingSpace = false
                        }
                        out.append(c)
                    } else if !out.isEmpty {
                        pendingSpace = true
                    }
                    continue
                }
                // Decode one multi-byte scalar (the text is valid UTF-8).
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                var value = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length where i + k < n {
                    value = value << 6 | UInt32(bytes[i + k] & 0x3F)
                }
                i += length
                guard let scalar = Unicode.Scalar(value) else { continue }
                if scalar == "©" {
                    if pendingSpace || !out.isEmpty { out.append(0x20) }
                    out.append(contentsOf: Array("copyright".utf8))
                    pendingSpace = true
                } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    if pendingSpace {
                        out.append(0x20)
                        pendingSpace = false
                    }
                    out.append(contentsOf: Array(scalar.properties.lowercaseMapping.utf8))
                } else if !out.isEmpty {
                    pendingSpace = true
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether `key` starts with `prefix` followed by the end or a space.
    static func hasWordPrefix(_ key: String, _ prefix: String) -> Bool {
        guard key.hasPrefix(prefix) else { return false }
        let rest = key.utf8.dropFirst(prefix.utf8.count)
        return rest.first == nil || rest.first == 0x20
    }
}

// MARK: - Built-in heuristics

/// The built-in boilerplate vocabulary and detectors.
enum BuiltInBoilerplate {
    /// Keys of whole lines that are always furniture.
    static let exactLines: Set<String> = [
        "share", "share this", "share this article", "share this story", "share this page", "share article",
        "share story", "share on facebook", "share on twitter", "share on x", "tweet", "email", "e mail",
        "print", "print this article", "copy link", "copy url", "link copied", "read more", "more",
        "see more", "show more", "load more", "view comments", "comments", "comment", "leave a comment",
        "advertisement", "advertising", "ad", "sponsored", "sponsored content", "subscribe", "subscribe now",
        "sign up", "sign in", "log in", "login", "register", "follow us", "newsletter", "back to top", "top",
        "skip to content", "skip to main content", "skip navigation", "menu", "search", "close",
        "toggle navigation", "home", "end", "font size", "text size", "listen", "listen to this article",
        "get the app", "download the app", "download our app", "all rights reserved", "terms of use",
        "terms and conditions", "privacy policy", "cookie policy", "cookie settings", "contact us", "about us",
    ]

    /// Keys that start a furniture line.
    static let keyPrefixes: [String] = [
        "share this", "subscribe to our", "subscribe to the newsletter", "sign up for our",
        "sign up for the newsletter", "sign up to our", "download the app", "download our app",
        "download the free app", "download our free app", "get the app", "get our app", "click here", "tap here",
        "listen to this article", "all rights reserved", "unauthorized reproduction", "unauthorised reproduction",
    ]

    /// Keys that start a furniture line only when the line also names an app or platform
    /// (`Follow us on Twitter`, but not `Also available on prescription`).
    static let platformKeyPrefixes: [String] = [
        "share on", "follow us", "like us on", "find us on", "join us on", "available on", "also available on",
        "now available on", "get it on", "download on", "download it on", "listen on", "watch on",
    ]

    /// Lower-cased raw prefixes where punctuation matters (`Read more: …` but not `Read more books`).
    static let rawPrefixes: [String] = [
        "read more:", "read more »", "read more ›", "read more >", "related:", "see also:", "read also:",
        "also read:", "more:", "tags:", "topics:", "(c) 19", "(c) 20", "©",
    ]

    /// Keys found inside furniture lines.
    static let keyContains: [[UInt8]] = padded([
        "all rights reserved", "reproduction prohibited", "redistribution prohibited",
        "without permission is prohibited",
    ])

    /// One of these words is in every `keyContains` phrase: a cheap first test.
    static let keyContainsHints: [[UInt8]] = padded(["reserved", "prohibited"])

    /// Keys of lines that announce a list of links to other articles.
    static let listMarkers: Set<String> = [
        "related", "related articles", "related stories", "related news", "related content", "more stories",
        "more news", "more on this story", "you may also like", "you might also like", "recommended",
        "recommended stories", "recommended articles", "most read", "most popular", "most viewed",
        "top stories", "latest news", "trending", "trending now", "read next", "what to read next",
        "editor s picks", "editors picks",
    ]

    /// Phrases of a notice that the site is reachable at other addresses.
    static let mirrorPhrases: [[UInt8]] = padded([
        "also be reached at", "also reachable at", "also available at", "also accessible at",
        "also be accessed at", "also be accessed via", "also be found at", "can be reached at",
        "alternative address", "alternative addresses", "alternative domain", "mirror address",
        "mirror addresses", "mirror site", "mirror sites",
    ])

    /// One of these words is in every mirror phrase: a cheap first test.
    static let mirrorHints: [[UInt8]] = padded(["also", "reached", "alternative", "mirror"])

    /// Words that say a mirror notice is about the site itself.
    static let sitePhrases: [[UInt8]] = padded(["site", "website", "web site", "homepage", "domain", "page"])
    static let addressPhrases: [[UInt8]] = padded(["address", "addresses"])

    /// UTF-8 bytes of each phrase with a space on each side, for whole-word search in a padded key.
    private static func padded(_ phrases: [String]) -> [[UInt8]] {
        phrases.map { Array(" \($0) ".utf8) }
    }

    /// One-word names of apps, platforms and share targets (keys).
    static let platformWords: Set<String> = [
        "android", "ios", "iphone", "ipad", "twitter", "x", "facebook", "instagram", "youtube", "telegram",
        "whatsapp", "line", "kakaotalk", "kakaostory", "kakao", "naver", "band", "linkedin", "tiktok", "rss",
        "email", "mail", "print", "threads", "bluesky", "mastodon", "reddit", "pinterest", "weibo", "wechat",
        "flipboard", "snapchat", "viber", "discord", "tumblr", "messenger", "vk", "share", "tweet", "copy",
        "link", "url", "podcast", "podcasts", "spotify",
    ]

    /// Entries of `platformWords` that are share actions rather than platforms.
    static let shareTargets: Set<String> = ["email", "mail", "print", "share", "tweet", "copy", "link", "url"]

    /// Two-word names of apps, platforms and stores (keys).
    static let platformPairs: Set<String> = [
        "app store", "google play", "apple news", "google news", "kakao talk", "copy link", "naver blog",
        "apple podcasts", "google podcasts", "e mail", "youtube music", "play store",
    ]

    /// Words allowed between platform names.
    static let platformConnectors: Set<String> = ["and", "or"]

    /// Whether a line is furniture by the built-in heuristics.
    ///
    /// - Parameters:
    ///   - line: the normalised line.
    ///   - key: its key.
    ///   - padded: the UTF-8 bytes of its key with a space on each side.
    static func matches(line: String, key: String, padded: [UInt8]) -> Bool {
        if key.isEmpty {
            // Only punctuation (a divider such as "* * *" or "---") is furniture.
            return true
        }
        if exactLines.contains(key) { return true }
        if keyPrefixes.contains(where: { LineKey.hasWordPrefix(key, $0) }) { return true }
        if platformKeyPrefixes.contains(where: { LineKey.hasWordPrefix(key, $0) }), namesPlatform(key) { return true }
        if isCopyrightNotice(key) { return true }
        let head = String(line.prefix(12)).lowercased()
        if rawPrefixes.contains(where: { head.hasPrefix($0) }) { return true }
        if keyContainsHints.contains(where: { ByteSearch.contains(padded, $0) }),
            keyContains.contains(where: { ByteSearch.contains(padded, $0) })
        {
            return true
        }
        if isPlatformList(key) { return true }
        let hasDot = line.utf8.contains(0x2E)
        if hasDot, line.wordCount <= 12, isDomainLine(line.lowercased()) { return true }
        if isMirrorNotice(line, padded: padded) { return true }
        return false
    }

    /// Whether one of the words of `key` is an app or platform name (share targets such as
    /// `print` or `link` do not count).
    static func namesPlatform(_ key: String) -> Bool {
        let words = key.split(separator: " ").map(String.init)
        for (k, word) in words.enumerated() {
            if platformWords.contains(word), !shareTargets.contains(word) { return true }
            if k + 1 < words.count, platformPairs.contains(word + " " + words[k + 1]) { return true }
        }
        return false
    }

    /// `Copyright 2024 Example Daily`, `Copyright (c) 2024 …`: `copyright` then a year.
    /// (`© …` lines are caught by the raw prefixes; `Copyright disputes …` is not a notice.)
    static func isCopyrightNotice(_ key: String) -> Bool {
        guard LineKey.hasWordPrefix(key, "copyright") else { return false }
        for word in key.split(separator: " ").dropFirst().prefix(3) {
            if word == "copyright" || word == "c" { continue }
            return word.count == 4 && (word.hasPrefix("19") || word.hasPrefix("20")) && word.allSatisfy(\.isNumber)
        }
        return false
    }

    /// A line made only of app, platform or share-target names: `Android`, `iOS | Android`,
    /// `Facebook · Twitter · LINE`, `App Store and Google Play`.
    static func isPlatformList(_ key: String) -> Bool {
        // Quick rejection on the first word, before splitting the whole key.
        let first = String(key.prefix(while: { $0 != " " }))
        guard platformWords.contains(first) || platformPairs.contains(where: { $0.hasPrefix(first + " ") }) else {
            return false
        }
        let words = key.split(separator: " ").map(String.init)
        guard !words.isEmpty, words.count <= 16 else { return false }
        var found = 0
        var k = 0
        while k < words.count {
            if k + 1 < words.count, platformPairs.contains(words[k] + " " + words[k + 1]) {
                found += 1
                k += 2
            } else if platformWords.contains(words[k]) {
                found += 1
                k += 1
            } else if platformConnectors.contains(words[k]), k > 0 {
                k += 1
            } else {
                return false
            }
        }
        return found > 0
    }

    /// A line made only of domain names or URLs: `example-news.tv`, `https://example.org/`,
    /// `example.net | example.org`.
    static func isDomainLine(_ lower: String) -> Bool {
        var sawDomain = false
        for token in tokens(lower) {
            if isDomainOrURL(token) {
                sawDomain = true
            } else if token.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) {
                return false
            }
        }
        return sawDomain
    }

    /// A notice that the site can also be reached at other addresses.
    static func isMirrorNotice(_ line: String, padded: [UInt8]) -> Bool {
        guard mirrorHints.contains(where: { ByteSearch.contains(padded, $0) }),
            mirrorPhrases.contains(where: { ByteSearch.contains(padded, $0) })
        else { return false }
        if tokens(line.lowercased()).contains(where: isDomainOrURL) { return true }
        let mentionsSite = sitePhrases.contains(where: { ByteSearch.contains(padded, $0) })
        let mentionsAddress = addressPhrases.contains(where: { ByteSearch.contains(padded, $0) })
        return mentionsSite && mentionsAddress
    }

    /// Splits on spaces and list punctuation.
    private static func tokens(_ lower: String) -> [Substring] {
        lower.split(whereSeparator: { " ,;|·•".contains($0) })
    }

    /// Whether `token` is a host name with a letter-only top-level label, optionally with a
    /// scheme and a path; trailing sentence punctuation is ignored.
    static func isDomainOrURL(_ token: Substring) -> Bool {
        var t = token
        while let last = t.last, ".:)]!?\"'".contains(last) { t = t.dropLast() }
        while let first = t.first, "([\"'".contains(first) { t = t.dropFirst() }
        for scheme in ["https://", "http://"] where t.hasPrefix(scheme) {
            t = t.dropFirst(scheme.count)
        }
        if let slash = t.firstIndex(of: "/") { t = t[..<slash] }
        guard t.utf8.count <= 253 else { return false }
        let labels = t.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let tld = labels.last else { return false }
        guard (2...24).contains(tld.count), tld.allSatisfy({ $0 >= "a" && $0 <= "z" }) else { return false }
        for label in labels {
            guard (1...63).contains(label.utf8.count), label.first != "-", label.last != "-" else { return false }
            guard label.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D })
            else { return false }
        }
        return true
    }
}

/// Substring search on UTF-8 bytes (the standard library's generic search is slow for many short
/// searches on short lines).
enum ByteSearch {
    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        let n = haystack.count
        let m = needle.count
        guard m > 0 else { return true }
        guard m <= n else { return false }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { p in
                let first = p[0]
                var i = 0
                let last = n - m
                while i <= last {
                    if h[i] == first {
                        var k = 1
                        while k < m, h[i + k] == p[k] { k += 1 }
                        if k == m { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
