import CLibXML2
import Foundation

/// A libxml2 node, as the feed parser walks it.
typealias FeedNodePointer = UnsafeMutablePointer<xmlNode>

/// Safe, silent XML reading with libxml2 for the feed parser.
///
/// - Entities are never substituted (no `XML_PARSE_NOENT`) and no DTD is loaded: a reference to
///   an entity declared in the document stays an inert reference node, which the text readers
///   below skip unless its name is an HTML entity name (`&nbsp;`), decoded from libxml2's HTML
///   table — never from the declaration. External entities are therefore never read, and nested
///   entity bombs are refused by libxml2 ("entity reference loop") or stay inert.
/// - No network (`XML_PARSE_NONET`), and nothing is printed: errors are collected through a
///   per-parse structured error handler on the parser context and read from it afterwards.
/// - Everything libxml2 allocates is freed before returning.
enum FeedXML {
    static let atom = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let dublinCoreTerms = "http://purl.org/dc/terms/"
    static let media = "http://search.yahoo.com/mrss/"
    static let rss10 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let xhtml = "http://www.w3.org/1999/xhtml"
    static let xml = "http://www.w3.org/XML/1998/namespace"

    /// Namespace spellings seen in the wild, mapped to the canonical URI.
    static func canonicalNamespace(_ uri: String) -> String {
        switch uri {
        case "http://search.yahoo.com/mrss": media
        case "http://purl.org/dc/elements/1.1": dublinCore
        case "http://purl.org/rss/1.0/modules/content": content
        default: uri
        }
    }

    /// Conventional prefixes, used only for an element whose prefix was never declared (a
    /// namespace error libxml2 reports but tolerates, common in hand-made feeds).
    static func conventionalNamespace(prefix: Substring) -> String? {
        switch prefix {
        case "content": content
        case "dc": dublinCore
        case "dcterms": dublinCoreTerms
        case "media": media
        case "atom": atom
        default: nil
        }
    }

    /// libxml2 initialised once per process, before any parse (required for use from several threads).
    static let initialized: Void = { xmlInitParser() }()

    /// Parse options: no network, no error printing; deliberately neither `NOENT` nor `DTDLOAD`.
    static let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    /// A structured error handler that drops the error: it is read from the context afterwards.
    static let silentHandler: xmlStructuredErrorFunc = { _, _ in }

    /// What libxml2 reported for a refused document.
    struct ParseFailure: Error {
        var code: Int32
        var line: Int
        var column: Int
        var message: String
    }

    /// Parses XML text and hands its root element to `body`; the document is freed afterwards.
    ///
    /// The text is given to libxml2 as UTF-8 whatever its XML declaration says (the bytes were
    /// decoded before). A document that fails only because it uses HTML entity names XML does not
    /// define (`&nbsp;`, `&eacute;`) is read again with those replaced by character references.
    static func withRootElement<R>(
        of text: String, format: String, _ body: (FeedNodePointer) throws(IngestError) -> R
    ) throws(IngestError) -> R {
        _ = initialized
        var bytes = Array(text.utf8)
        guard bytes.count < Int(Int32.max) else { throw .tooLarge(bytes: bytes.count, limit: Int(Int32.max) - 1) }
        var outcome = parse(bytes)
        if case let .failure(failure) = outcome, failure.code == Int32(XML_ERR_UNDECLARED_ENTITY.rawValue),
            let rewritten = replacingHTMLEntities(bytes)
        {
            bytes = rewritten
            outcome = parse(bytes)
        }
        switch outcome {
        case let .failure(failure):
            throw .malformed(format: format, line: failure.line, column: failure.column, reason: failure.message)
        case let .success(document):
            defer { xmlFreeDoc(document) }
            guard let root = xmlDocGetRootElement(document) else {
                throw .malformed(format: format, line: 0, column: 0, reason: "the document has no root element")
            }
            return try body(root)
        }
    }

    private static func parse(_ bytes: [UInt8]) -> Result<xmlDocPtr, ParseFailure> {
        guard !bytes.isEmpty else { return .failure(ParseFailure(code: -1, line: 1, column: 1, message: "the document is empty")) }
        guard let context = xmlNewParserCtxt() else {
            return .failure(ParseFailure(code: -1, line: 0, column: 0, message: "libxml2 could not allocate a parser"))
        }
        defer { xmlFreeParserCtxt(context) }
        context.pointee.sax.pointee.serror = silentHandler
        let document: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) { chars in
                xmlCtxtReadMemory(context, chars, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        if let document, context.pointee.wellFormed != 0 { return .success(document) }
        if let document { xmlFreeDoc(document) }
        guard let error = xmlCtxtGetLastError(context), error.pointee.code != 0 else {
            return .failure(ParseFailure(code: -1, line: 0, column: 0, message: "the document is not well-formed"))
        }
        let message = error.pointee.message.map { String(cString: $0) } ?? "error \(error.pointee.code)"
        return .failure(ParseFailure(
            code: error.pointee.code, line: Int(error.pointee.line), column: Int(error.pointee.int2),
            message: FeedStrings.trimmed(message)))
    }

    /// `bytes` with every `&name;` whose name is an HTML entity (but not one of XML's five)
    /// replaced by `&#N;`; nil when nothing was replaced.
    static func replacingHTMLEntities(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 64)
        var changed = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "&") {
                var j = i + 1
                while j < bytes.count, j - i <= 32, isNameByte(bytes[j]) { j += 1 }
                if j < bytes.count, bytes[j] == UInt8(ascii: ";"), j > i + 1 {
                    let name = Array(bytes[(i + 1)..<j])
                    if !["amp", "lt", "gt", "quot", "apos"].contains(String(decoding: name, as: UTF8.self)),
                        let value = htmlEntityValue(name)
                    {
                        out.append(contentsOf: Array("&#\(value);".utf8))
                        changed = true
                        i = j + 1
                        continue
                    }
                }
            }
            out.append(b)
            i += 1
        }
        return changed ? out : nil
    }

    private static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// The code point of an HTML entity name, from libxml2's HTML table.
    static func htmlEntityValue(_ name: [UInt8]) -> UInt32? {
        var zeroTerminated = name
        zeroTerminated.append(0)
        return zeroTerminated.withUnsafeBufferPointer { htmlEntityLookup($0.baseAddress)?.pointee.value }
    }

    /// The code point of the HTML entity a reference node names, if any.
    static func htmlEntityValue(of node: FeedNodePointer) -> UInt32? {
        guard let name = node.pointee.name else { return nil }
        return htmlEntityLookup(name)?.pointee.value
    }

    // MARK: - DOM helpers

    /// The element's namespace URI (canonicalised) and local name.
    static func qualifiedName(_ node: FeedNodePointer) -> (namespace: String?, local: String) {
        let name = node.pointee.name.map { String(cString: $0) } ?? ""
        if let ns = node.pointee.ns, let href = ns.pointee.href {
            return (canonicalNamespace(String(cString: href)), name)
        }
        if let colon = name.firstIndex(of: ":"), let uri = conventionalNamespace(prefix: name[..<colon]) {
            return (uri, String(name[name.index(after: colon)...]))
        }
        return (nil, name)
    }

    /// The element children of `node`, in document order.
    static func elementChildren(_ node: FeedNodePointer) -> [FeedNodePointer] {
        var result: [FeedNodePointer] = []
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { result.append(c) }
            child = c.pointee.next
        }
        return result
    }

    /// An attribute's value, by local name (any namespace, unprefixed preferred), or in `namespace`.
    static func attribute(_ node: FeedNodePointer, _ name: String, namespace: String? = nil) -> String? {
        var name = name
        return name.withUTF8 { wanted -> String? in
            var fallback: FeedNodePointer?
            var attr = node.pointee.properties
            while let a = attr {
                if let n = a.pointee.name, equals(n, wanted) {
                    let href = a.pointee.ns?.pointee.href
                    if let namespace {
                        if let href, String(cString: href) == namespace { return nodeListText(a.pointee.children) }
                    } else if href == nil {
                        return nodeListText(a.pointee.children)
                    } else if fallback == nil {
                        fallback = a.pointee.children
                    }
                }
                attr = a.pointee.next
            }
            guard namespace == nil, let fallback else { return nil }
            return nodeListText(fallback)
        }
    }

    /// Whether a NUL-terminated libxml2 name equals `bytes`.
    @inline(__always)
    static func equals(_ name: UnsafePointer<xmlChar>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            if name[i] != bytes[i] { return false }
            i += 1
        }
        return name[i] == 0
    }

    /// The concatenated text of `node`'s descendants: text and CDATA as is, references to HTML
    /// entity names decoded, any other entity reference skipped (inert).
    static func text(_ node: FeedNodePointer) -> String {
        var bytes: [UInt8] = []
        appendText(of: node.pointee.children, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func nodeListText(_ first: FeedNodePointer?) -> String {
        var bytes: [UInt8] = []
        appendText(of: first, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Iterative (no recursion) walk of a sibling list and its element descendants.
    private static func appendText(of first: FeedNodePointer?, to bytes: inout [UInt8]) {
        guard let first else { return }
        let top = first.pointee.parent
        var current: FeedNodePointer? = first
        while let node = current {
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { appendCString(content, to: &bytes) }
            case XML_ENTITY_REF_NODE:
                if let value = htmlEntityValue(of: node), let scalar = Unicode.Scalar(value) {
                    bytes.append(contentsOf: Array(String(Character(scalar)).utf8))
                }
            case XML_ELEMENT_NODE:
                if let child = node.pointee.children {
                    current = child
                    continue
                }
            default:
                break
            }
            // Next sibling, or climb until one exists.
            var climb: FeedNodePointer? = node
            current = nil
            while let c = climb {
                if let next = c.pointee.next {
                    current = next
                    break
                }
                let parent = c.pointee.parent
                if parent == top || parent == nil { break }
                climb = parent
            }
        }
    }

    static func appendCString(_ pointer: UnsafePointer<xmlChar>, to bytes: inout [UInt8]) {
        var p = pointer
        while p.pointee != 0 {
            bytes.append(p.pointee)
            p += 1
        }
    }

    /// The `xml:lang` in scope at `node` (inherited from ancestors), if any.
    static func language(_ node: FeedNodePointer) -> String? {
        var current: FeedNodePointer? = node
        while let n = current, n.pointee.type == XML_ELEMENT_NODE {
            if let lang = attribute(n, "lang", namespace: xml) {
                let trimmed = FeedStrings.trimmed(lang)
                return trimmed.isEmpty ? nil : trimmed
            }
            current = n.pointee.parent
        }
        return nil
    }

    /// `href` resolved against the `xml:base` attributes in scope at `node`; unchanged when it is
    /// absolute or no base is declared.
    static func resolve(_ href: String, at node: FeedNodePointer) -> String {
        let href = FeedStrings.trimmed(href)
        if href.isEmpty || href.contains("://") || href.hasPrefix("urn:") || href.hasPrefix("data:") || href.hasPrefix("mailto:") {
            return href
        }
        var bases: [String] = []
        var current: FeedNodePointer? = node
        while let n = current, n.pointee.type == XML_ELEMENT_NODE {
            if let base = attribute(n, "base", namespace: xml) { bases.append(FeedStrings.trimmed(base)) }
            current = n.pointee.parent
        }
        guard !bases.isEmpty else { return href }
        var url: URL?
        for base in bases.reversed() {
            url = URL(string: base, relativeTo: url) ?? url
        }
        guard let base = url, let resolved = URL(string: href, relativeTo: base) else { return href }
        return resolved.absoluteString
    }

    /// 1-based line of a node.
    static func line(_ node: FeedNodePointer) -> Int { Int(xmlGetLineNo(node)) }
}
