import CLibXML2

/// HTML to plain-text paragraphs, for feed bodies, summaries and captions (and ninjs HTML bodies).
///
/// Rules: tags are dropped; the contents of `script`, `style`, `noscript`, `template`, `head`,
/// embedded objects and form controls are dropped; block elements (`p`, `div`, `li`, headings,
/// `blockquote`, `tr`, …) end a paragraph; `<br>` is a line break inside the paragraph and two of
/// them in a row end it; table cells are separated by a space; entities are decoded; every run of
/// whitespace (including no-break and other Unicode spaces) becomes one space, and zero-width
/// characters are removed. Paragraphs are trimmed and empty ones dropped.
///
/// HTML is parsed with libxml2's HTML parser (silently, no network, as UTF-8 whatever a `<meta>`
/// inside says). Text without any tag is read as plain text, where a blank line separates
/// paragraphs, and only its entities are decoded.
enum FeedHTMLText {
    /// The paragraphs of an HTML fragment or document.
    static func paragraphs(fromHTML html: String) -> [String] {
        let bytes = Array(html.utf8)
        guard containsMarkup(bytes) else { return paragraphs(plainTextBytes: bytes, decodeEntities: true) }
        _ = FeedXML.initialized
        guard let context = htmlNewParserCtxt() else { return paragraphs(plainTextBytes: bytes, decodeEntities: true) }
        defer { htmlFreeParserCtxt(context) }
        context.pointee.sax.pointee.serror = FeedXML.silentHandler
        let options = Int32(bitPattern: HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
                htmlCtxtReadMemory(context, chars, Int32(clamping: buffer.count), nil, "UTF-8", options)
            }
        }
        // libxml2 stops at a nesting depth of 256 ("Excessive depth in document"), dropping the
        // rest: such markup is read by the simple tag stripper instead.
        if let error = xmlCtxtGetLastError(context), error.pointee.code == Int32(XML_ERR_INTERNAL_ERROR.rawValue),
            let message = error.pointee.message, String(cString: message).contains("depth")
        {
            if let document { xmlFreeDoc(document) }
            return paragraphs(strippingTags: bytes)
        }
        guard let document else { return paragraphs(strippingTags: bytes) }
        defer { xmlFreeDoc(document) }
        var builder = FeedTextBuilder()
        walk(from: document.pointee.children, into: &builder)
        return builder.finish()
    }

    /// A fallback for markup libxml2 gives up on: tags are removed (block tags and `<br>` still
    /// break paragraphs and lines), comments and the contents of `script` and `style` dropped,
    /// entities decoded.
    static func paragraphs(strippingTags bytes: [UInt8]) -> [String] {
        var builder = FeedTextBuilder()
        var pending: [UInt8] = []
        func flush() {
            guard !pending.isEmpty else { return }
            let decoded = pending.contains(UInt8(ascii: "&")) ? decodingEntities(pending) : pending
            decoded.withUnsafeBufferPointer { builder.appendText($0) }
            pending.removeAll(keepingCapacity: true)
        }
        func find(_ needle: [UInt8], from start: Int) -> Int? {
            guard needle.count <= bytes.count else { return nil }
            var i = start
            while i + needle.count <= bytes.count {
                var k = 0
                while k < needle.count, lowered(bytes[i + k]) == needle[k] { k += 1 }
                if k == needle.count { return i }
                i += 1
            }
            return nil
        }
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < bytes.count, isTagStart(bytes[i + 1]) else {
                pending.append(bytes[i])
                i += 1
                continue
            }
            flush()
            if bytes[(i + 1)...].starts(with: Array("!--".utf8)) {
                i = find(Array("-->".utf8), from: i + 4).map { $0 + 3 } ?? bytes.count
                continue
            }
            guard let end = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: ">")) else { break }
            var j = i + 1
            let closing = bytes[j] == UInt8(ascii: "/")
            if closing { j += 1 }
            var name: [UInt8] = []
            while j < end, isNameLetter(bytes[j]) {
                name.append(lowered(bytes[j]))
                j += 1
            }
            let tag = String(decoding: name, as: UTF8.self)
            i = end + 1
            if !closing, tag == "script" || tag == "style" {
                let close = find(Array("</\(tag)".utf8), from: i) ?? bytes.count
                i = bytes[close...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? bytes.count
                continue
            }
            switch kind(named: tag) {
            case .lineBreak: builder.lineBreak()
            case .block: builder.paragraphBreak()
            case .cell: builder.space()
            case .inline, .skip: break
            }
        }
        flush()
        return builder.finish()
    }

    private static func isTagStart(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "/") || b == UInt8(ascii: "!")
    }

    private static func isNameLetter(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39)
    }

    private static func lowered(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }

    /// The paragraphs of the children of a DOM node (an Atom `xhtml` content's `div`).
    static func paragraphs(ofChildrenOf node: FeedNodePointer) -> [String] {
        var builder = FeedTextBuilder()
        walk(from: node.pointee.children, into: &builder)
        return builder.finish()
    }

    /// The paragraphs of plain text: a blank line separates paragraphs; no entity is decoded.
    static func paragraphs(fromPlainText text: String) -> [String] {
        paragraphs(plainTextBytes: Array(text.utf8), decodeEntities: false)
    }

    /// One line of text from HTML or text that may hold entities or tags (a title).
    static func inlineText(fromHTML html: String) -> String {
        // No tag and no entity (an ampersand without a semicolon after it is not one): as is.
        if !html.utf8.contains(UInt8(ascii: "<")),
            !html.utf8.contains(UInt8(ascii: "&")) || !html.utf8.contains(UInt8(ascii: ";")),
            let simple = FeedStrings.collapsedASCII(html)
        {
            return simple
        }
        return paragraphs(fromHTML: html).joined(separator: " ").split(separator: "\n").joined(separator: " ")
    }

    /// One line of plain text: whitespace collapsed, trimmed.
    static func inlineText(fromPlainText text: String) -> String {
        if let simple = FeedStrings.collapsedASCII(text) { return simple }
        return paragraphs(fromPlainText: text).joined(separator: " ").split(separator: "\n").joined(separator: " ")
    }

    // MARK: - Implementation

    /// Whether the bytes hold something that looks like a tag: `<` followed by a letter, `/` or `!`.
    static func containsMarkup(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), isTagStart(bytes[i + 1]) { return true }
            i += 1
        }
        return false
    }

    private static func paragraphs(plainTextBytes bytes: [UInt8], decodeEntities: Bool) -> [String] {
        let text = decodeEntities && bytes.contains(UInt8(ascii: "&")) ? decodingEntities(bytes) : bytes
        var builder = FeedTextBuilder()
        var lineStart = 0
        var i = 0
        func line(_ range: Range<Int>) {
            let isBlank = text[range].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0C }
            if isBlank {
                builder.paragraphBreak()
            } else {
                text.withUnsafeBufferPointer { builder.appendText(UnsafeBufferPointer(rebasing: $0[range])) }
                builder.space()
            }
        }
        while i < text.count {
            if text[i] == 0x0A || text[i] == 0x0D {
                line(lineStart..<i)
                if text[i] == 0x0D, i + 1 < text.count, text[i + 1] == 0x0A { i += 1 }
                lineStart = i + 1
            }
            i += 1
        }
        if lineStart < text.count { line(lineStart..<text.count) }
        return builder.finish()
    }

    /// Decodes `&name;`, `&#N;` and `&#xH;` (HTML names from libxml2's table); anything else is kept.
    static func decodingEntities(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "&"), let end = bytes[(i + 1)...].prefix(34).firstIndex(of: UInt8(ascii: ";")), end > i + 1 {
                let name = Array(bytes[(i + 1)..<end])
                var value: UInt32?
                if name.first == UInt8(ascii: "#") {
                    let digits = name.dropFirst()
                    if digits.first == UInt8(ascii: "x") || digits.first == UInt8(ascii: "X") {
                        value = UInt32(String(decoding: digits.dropFirst(), as: UTF8.self), radix: 16)
                    } else {
                        value = UInt32(String(decoding: digits, as: UTF8.self))
                    }
                } else {
                    value = FeedXML.htmlEntityValue(name)
                }
                if let value, value != 0, let scalar = Unicode.Scalar(value) {
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    i = end + 1
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    private enum ElementKind { case inline, block, lineBreak, cell, skip }

    private static func kind(of node: FeedNodePointer) -> ElementKind {
        guard let rawName = node.pointee.name else { return .inline }
        return kind(named: String(cString: rawName))
    }

    private static func kind(named name: String) -> ElementKind {
        if let kind = kinds[name] { return kind }
        if name.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }), let kind = kinds[name.lowercased()] { return kind }
        return .inline
    }

    private static let kinds: [String: ElementKind] = {
        var table: [String: ElementKind] = ["br": .lineBreak, "td": .cell, "th": .cell]
        for name in [
            "script", "style", "noscript", "template", "head", "title", "iframe", "object", "embed", "svg", "math", "canvas", "select",
            "textarea", "button", "map", "audio", "video", "source", "track", "picture", "input",
        ] {
            table[name] = .skip
        }
        for name in [
            "p", "div", "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dl", "dt",
            "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html",
            "legend", "li", "main", "nav", "ol", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
        ] {
            table[name] = .block
        }
        return table
    }()

    /// Walks a sibling list and its descendants without recursion (deeply nested markup is safe).
    private static func walk(from first: FeedNodePointer?, into builder: inout FeedTextBuilder) {
        guard let first else { return }
        let top = first.pointee.parent
        var current: FeedNodePointer? = first
        while let node = current {
            var descend = false
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    builder.appendText(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
                }
            case XML_ENTITY_REF_NODE:
                if let value = FeedXML.htmlEntityValue(of: node), let scalar = Unicode.Scalar(value) {
                    var utf8 = Array(String(Character(scalar)).utf8)
                    utf8.withUnsafeMutableBufferPointer { builder.appendText(UnsafeBufferPointer($0)) }
                }
            case XML_ELEMENT_NODE:
                switch kind(of: node) {
                case .skip: break
                case .lineBreak: builder.lineBreak()
                case .block:
                    builder.paragraphBreak()
                    descend = node.pointee.children != nil
                case .cell:
                    builder.space()
                    descend = node.pointee.children != nil
                case .inline:
                    descend = node.pointee.children != nil
                }
            default:
                break
            }
            if descend, let child = node.pointee.children {
                current = child
                continue
            }
            // The next sibling, or climb (closing the elements left) until one exists.
            var climb = node
            current = nil
            while true {
                if let next = climb.pointee.next {
                    current = next
                    break
                }
                guard let parent = climb.pointee.parent, parent != top, parent.pointee.type == XML_ELEMENT_NODE else { break }
                switch kind(of: parent) {
                case .block: builder.paragraphBreak()
                case .cell: builder.space()
                default: break
                }
                climb = parent
            }
        }
    }
}

/// Accumulates paragraphs of collapsed text, as UTF-8 bytes.
struct FeedTextBuilder {
    private(set) var paragraphs: [String] = []
    private var current: [UInt8] = []
    private var pendingSpace = false

    /// Appends text, collapsing whitespace.
    mutating func appendText(_ buffer: UnsafeBufferPointer<UInt8>) {
        let n = buffer.count
        var i = 0
        while i < n {
            let b = buffer[i]
            switch b {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C:
                pendingSpace = true
                i += 1
                continue
            case 0xC2 where i + 1 < n && buffer[i + 1] == 0xA0:  // NO-BREAK SPACE
                pendingSpace = true
                i += 2
                continue
            case 0xC2 where i + 1 < n && buffer[i + 1] == 0xAD:  // SOFT HYPHEN
                i += 2
                continue
            case 0xE2 where i + 2 < n && buffer[i + 1] == 0x80:
                let c = buffer[i + 2]
                if c <= 0x8A || c == 0xA8 || c == 0xA9 || c == 0xAF {  // U+2000–200A, U+2028/2029, U+202F
                    pendingSpace = true
                    i += 3
                    continue
                }
                if c == 0x8B {  // ZERO WIDTH SPACE
                    i += 3
                    continue
                }
            case 0xE2 where i + 2 < n && buffer[i + 1] == 0x81 && buffer[i + 2] == 0x9F:  // U+205F
                pendingSpace = true
                i += 3
                continue
            case 0xE2 where i + 2 < n && buffer[i + 1] == 0x81 && buffer[i + 2] == 0xA0:  // WORD JOINER
                i += 3
                continue
            case 0xE3 where i + 2 < n && buffer[i + 1] == 0x80 && buffer[i + 2] == 0x80:  // IDEOGRAPHIC SPACE
                pendingSpace = true
                i += 3
                continue
            case 0xEF where i + 2 < n && buffer[i + 1] == 0xBB && buffer[i + 2] == 0xBF:  // ZWNBSP / BOM
                i += 3
                continue
            default:
                break
            }
            if pendingSpace, let last = current.last, last != 0x0A { current.append(0x20) }
            pendingSpace = false
            current.append(b)
            i += 1
        }
    }

    /// A space before the next text, if any.
    mutating func space() { pendingSpace = true }

    /// A line break inside the paragraph; a second one in a row ends the paragraph.
    mutating func lineBreak() {
        guard let last = current.last else { return }
        if last == 0x0A {
            paragraphBreak()
        } else {
            current.append(0x0A)
            pendingSpace = false
        }
    }

    /// Ends the current paragraph.
    mutating func paragraphBreak() {
        while let last = current.last, last == 0x0A || last == 0x20 { current.removeLast() }
        if !current.isEmpty { paragraphs.append(String(decoding: current, as: UTF8.self)) }
        current.removeAll(keepingCapacity: true)
        pendingSpace = false
    }

    /// The paragraphs, the current one ended.
    mutating func finish() -> [String] {
        paragraphBreak()
        return paragraphs
    }
}
