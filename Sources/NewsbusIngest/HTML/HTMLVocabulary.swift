/// Element names, class/id hints and text helpers shared by the HTML metadata reader and the
/// main-text extractor.
enum HTMLVocabulary {
    /// Elements whose text is never page text.
    static let nonText: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "select",
        "option", "textarea", "button", "title",
    ]

    /// Elements that are never part of an article body (with everything inside them).
    ///
    /// `head` is not one: libxml2's HTML parser (which predates HTML5) keeps unknown elements
    /// such as `<article>` inside an open `<head>` when a page omits `<body>`.
    static let junkTags: Set<String> = [
        "nav", "aside", "footer", "form", "dialog", "menu", "input", "button", "select", "textarea", "script",
        "style", "noscript", "template", "svg", "math", "canvas", "object", "embed", "iframe", "video", "audio",
        "map", "title", "link", "meta", "base", "label", "fieldset", "legend",
    ]

    /// Elements that are not body text but may hold the lead picture (`<header>`).
    static let softJunkTags: Set<String> = ["header"]

    /// Block-level elements: a paragraph never continues across one of them.
    static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary",
        "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "#document",
    ]

    /// Blocks emitted as one paragraph each when they hold no other block.
    static let paragraphTags: Set<String> = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "address", "dt", "dd", "li", "td", "th", "caption", "summary"]

    /// Headings.
    static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// ARIA roles of page furniture.
    static let junkRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alertdialog",
        "toolbar", "tablist", "alert",
    ]

    // MARK: Class and id hints

    /// What the class names and id of an element say about it.
    struct Hints: Equatable {
        /// A class name or id says "article text" (`article-body`, `story`, `entry-content`…).
        var positive = false
        /// One says "page furniture, but possibly near the text" (`article-header`, `byline`…).
        var weakNegative = false
        /// One says "never article text" (`share-bar`, `comments`, `cookie-banner`, `related`…).
        var strongNegative = false
    }

    /// Token prefixes of article text.
    static let positivePrefixes = ["article", "body", "content", "story", "text", "entry", "main", "post", "prose", "blog"]

    /// Token prefixes that always mean furniture.
    static let strongPrefixes = [
        "comment", "disqus", "share", "sharing", "social", "cookie", "consent", "gdpr", "newsletter", "related",
        "recommend", "promo", "advert", "subscri", "breadcrumb", "outbrain", "taboola", "sponsor", "popup", "modal",
        "paywall", "signup", "trending", "mostread", "mostpopular", "popular", "nav", "menu", "sidebar", "footer",
        "tweet", "twitter", "instagram", "facebook", "whatsapp", "morestories", "morenews", "readmore", "readnext",
        "recirc", "teaser", "skiplink", "skip", "copyright",
    ]

    /// Whole tokens that always mean furniture.
    static let strongTokens: Set<String> = [
        "ad", "ads", "adslot", "adunit", "adbox", "adcontainer", "adwrapper", "dfp", "tag", "tags", "tagcloud", "taglist",
        "topics", "keywords", "banner", "toolbar", "pagination", "pager", "widget", "widgets", "login", "print",
    ]

    /// Token prefixes of furniture that may sit next to the text.
    static let weakPrefixes = [
        "header", "masthead", "meta", "byline", "author", "reporter", "dateline", "timestamp", "kicker", "hidden", "visually",
        "sronly",
    ]

    /// Tokens never counted as furniture although they start like it.
    static let notNegative: Set<String> = ["commentary", "commentaries", "navy", "textual", "shared", "metadata"]

    /// The hints of an element, from its `class` and `id`.
    ///
    /// Each class name (and the id) is split into lower-cased tokens at every character that is
    /// not a letter or a digit (`article-body__text` → `article`, `body`, `text`). A name with a
    /// strong furniture token is furniture; otherwise its *last* meaningful token decides, so
    /// `article-header` is furniture near the text and `header-article-body` is text.
    static func hints(_ node: HTMLTree.Node) -> Hints {
        var hints = Hints()
        var names: [Substring] = []
        if let c = node["class"] { names += c.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) }
        if let id = node["id"] { names.append(Substring(id)) }
        for name in names {
            var last: Int8 = 0  // 1 positive, -1 weak negative
            for token in tokens(name) {
                if notNegative.contains(token) { continue }
                if strongTokens.contains(token) || strongPrefixes.contains(where: { token.hasPrefix($0) }) {
                    hints.strongNegative = true
                } else if weakPrefixes.contains(where: { token.hasPrefix($0) }) {
                    last = -1
                } else if positivePrefixes.contains(where: { token.hasPrefix($0) }) {
                    last = 1
                }
            }
            if last == 1 { hints.positive = true }
            if last == -1 { hints.weakNegative = true }
        }
        return hints
    }

    /// Lower-cased letter-and-digit tokens of a class name.
    static func tokens(_ name: Substring) -> [String] {
        name.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// Whether the class names or id of `node` contain one of `words` as a token prefix.
    static func hasToken(_ node: HTMLTree.Node, prefixes words: [String]) -> Bool {
        var names: [Substring] = []
        if let c = node["class"] { names += c.split(separator: " ") }
        if let id = node["id"] { names.append(Substring(id)) }
        return names.contains { name in tokens(name).contains { t in words.contains { t.hasPrefix($0) } } }
    }

    /// Whether the element is hidden from readers (`hidden`, `aria-hidden="true"`, inline
    /// `display: none` or `visibility: hidden`).
    static func isHidden(_ node: HTMLTree.Node) -> Bool {
        if node["hidden"] != nil { return true }
        if node["aria-hidden"]?.lowercased() == "true" { return true }
        if let style = node["style"]?.lowercased().filter({ $0 != " " }) {
            if style.contains("display:none") || style.contains("visibility:hidden") { return true }
        }
        return false
    }
}

/// Text clean-up for values taken from HTML.
enum HTMLText {
    /// The text normalised as the plain-text parser normalises scrapes (see `TextNormalization`):
    /// every kind of space and line break becomes one space, invisible characters go, curly
    /// quotes become straight ones, and the ends are trimmed.
    static func clean(_ raw: String) -> String {
        var raw = raw
        let lines = raw.withUTF8 { TextNormalization.lines($0) }
        var out = ""
        for line in lines where !line.text.isEmpty {
            if !out.isEmpty { out += " " }
            out += line.text
        }
        return out
    }

    /// Splits raw text into paragraphs the way the plain-text parser splits a scrape's body
    /// (`TextScrapeParser.units`): every line break (a `<br>`) ends a line, and a line continues
    /// the previous one only when that one does not end a sentence and this one starts in lower
    /// case (a hard-wrapped paragraph); a blank line (`<br><br>`) always separates paragraphs.
    static func paragraphs(_ raw: String) -> [String] {
        var raw = raw
        let lines = raw.withUTF8 { TextNormalization.lines($0) }
        if lines.count == 1 { return lines[0].text.isEmpty ? [] : [lines[0].text] }
        return TextScrapeParser.units(lines).map(\.text)
    }

    /// Number of scalars in `text` that are not white space.
    static func visibleLength(_ text: String) -> Int {
        var n = 0
        for s in text.unicodeScalars where !s.properties.isWhitespace { n += 1 }
        return n
    }

    /// Decodes the HTML character references that sites leave in JSON-LD strings
    /// (`&amp;`, `&quot;`, `&#8217;`, `&#x2019;`…).
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [String: String] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "rsquo": "\u{2019}",
            "lsquo": "\u{2018}", "rdquo": "\u{201D}", "ldquo": "\u{201C}", "ndash": "\u{2013}", "mdash": "\u{2014}",
            "hellip": "\u{2026}", "middot": "\u{00B7}", "copy": "\u{00A9}",
        ]
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(12).firstIndex(of: ";") {
                let name = after[..<semi]
                var replacement: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if name.hasPrefix("#") {
                    replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                } else {
                    replacement = named[name.lowercased()]
                }
                if let replacement {
                    out += replacement
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        out += rest
        return out
    }

    /// `text` with its ALL-CAPS words in title case (`NEW YORK` → `New York`).
    static func titleCasedIfUpper(_ text: String) -> String {
        guard text.contains(where: { $0.isLetter }), !text.contains(where: { $0.isLowercase }) else { return text }
        return text.split(separator: " ").map { word in
            word.prefix(1).uppercased() + word.dropFirst().lowercased()
        }.joined(separator: " ")
    }
}
