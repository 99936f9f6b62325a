import CLibXML2

/// An HTML document parsed by libxml2's HTML parser and copied into a flat Swift tree.
///
/// libxml2 parses (recovering from broken markup, with errors and warnings off and no network
/// access); the tree is then copied node by node into ``nodes`` and the libxml2 document is freed
/// straight away, so nothing of libxml2 outlives ``parse(_:)``.
///
/// Nodes are stored in document order (pre-order), so a node's index is larger than its parent's
/// and every descendant of a node follows it: bottom-up passes run over the indices backwards,
/// top-down passes forwards. Every walk is iterative, so nesting depth costs no stack.
struct HTMLTree {
    /// One element or text node.
    struct Node {
        /// Lower-cased element name; empty for a text node. Index 0 is the document, `#document`.
        var name: String
        /// The text of a text node (entities decoded by libxml2); empty for elements.
        var text: String
        /// Attributes by lower-cased name (the first of duplicates wins).
        var attributes: [String: String]
        /// Index of the parent; -1 for the document.
        var parent: Int
        /// Indices of the children, in order.
        var children: [Int]

        /// Whether this is a text node.
        var isText: Bool { name.isEmpty }

        /// The value of an attribute, or `nil`.
        subscript(attribute: String) -> String? { attributes[attribute] }
    }

    /// The nodes in document order; index 0 is the document itself.
    private(set) var nodes: [Node]

    /// For each node, the index just past its subtree.
    private(set) var subtreeEnds: [Int]

    /// The parser options: recover from errors, report none, never touch the network, ignore the
    /// document's own charset declarations (the text handed over is already Unicode), and lift
    /// libxml2's nesting limit of 256 — without `XML_PARSE_HUGE` the parser stops reading at the
    /// 257th nested element and the rest of the page is lost. libxml2's own tree building and
    /// freeing are iterative, so deep nesting costs no stack.
    static let options: Int32 = {
        let flags =
            HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
            | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue
        return Int32(bitPattern: UInt32(flags))
    }()

    /// libxml2's global initialisation, done once before the first parse (it is not safe to
    /// race on it from several threads).
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses HTML text. Returns `nil` only when libxml2 produces no document at all (it does
    /// for any non-empty input in recovery mode).
    static func parse(_ html: String) -> HTMLTree? {
        _ = initialised
        var html = html
        return html.withUTF8 { bytes -> HTMLTree? in
            guard bytes.count > 0, bytes.count < Int(Int32.max) else { return nil }
            let document = bytes.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "utf-8", options)
            }
            guard let document else { return nil }
            defer { xmlFreeDoc(document) }
            return HTMLTree(copying: document)
        }
    }

    /// Copies a libxml2 document, without recursion.
    private init(copying document: htmlDocPtr) {
        var nodes = [Node(name: "#document", text: "", attributes: [:], parent: -1, children: [])]
        var parents = [0]
        var current = document.pointee.children
        while let node = current {
            let parent = parents[parents.count - 1]
            var descend = false
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                let index = nodes.count
                let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? "unknown"
                nodes.append(Node(name: name, text: "", attributes: Self.attributes(of: node), parent: parent, children: []))
                nodes[parent].children.append(index)
                if node.pointee.children != nil {
                    parents.append(index)
                    descend = true
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    let text = String(cString: content)
                    if !text.isEmpty {
                        let index = nodes.count
                        nodes.append(Node(name: "", text: text, attributes: [:], parent: parent, children: []))
                        nodes[parent].children.append(index)
                    }
                }
            default:
                break  // comments, processing instructions, the doctype
            }
            if descend {
                current = node.pointee.children
                continue
            }
            // Next sibling, or the next sibling of the nearest ancestor that has one.
            var step: xmlNodePtr? = node
            current = nil
            while let here = step {
                if let next = here.pointee.next {
                    current = next
                    break
                }
                guard parents.count > 1 else { break }
                parents.removeLast()
                step = here.pointee.parent
            }
        }
        self.nodes = nodes
        var ends = Array(repeating: 0, count: nodes.count)
        for k in nodes.indices.reversed() {
            ends[k] = nodes[k].children.last.map { ends[$0] } ?? k + 1
        }
        self.subtreeEnds = ends
    }

    private static func attributes(of node: xmlNodePtr) -> [String: String] {
        var result: [String: String] = [:]
        var attribute = node.pointee.properties
        while let a = attribute {
            if let rawName = a.pointee.name {
                let name = String(cString: rawName).lowercased()
                var value = ""
                var child = a.pointee.children
                while let c = child {
                    if let content = c.pointee.content { value += String(cString: content) }
                    child = c.pointee.next
                }
                if result[name] == nil { result[name] = value }
            }
            attribute = a.pointee.next
        }
        return result
    }

    // MARK: Queries

    /// The number of nodes.
    var count: Int { nodes.count }

    /// The node at `index`.
    subscript(index: Int) -> Node { nodes[index] }

    /// The first element named `name`.
    func first(named name: String) -> Int? {
        nodes.indices.first { nodes[$0].name == name }
    }

    /// The indices of `root`'s subtree (`root` included), in document order: a contiguous range,
    /// because every descendant follows its ancestor and precedes the ancestor's next sibling.
    func subtree(_ root: Int) -> Range<Int> {
        root..<subtreeEnds[root]
    }

    /// Whether `node` is `ancestor` or inside it.
    func isInside(_ node: Int, _ ancestor: Int) -> Bool {
        subtree(ancestor).contains(node)
    }

    /// The nearest ancestor-or-self of `node` for which `predicate` holds.
    func closest(_ node: Int, where predicate: (Node) -> Bool) -> Int? {
        var k = node
        while k >= 0 {
            if predicate(nodes[k]) { return k }
            k = nodes[k].parent
        }
        return nil
    }

    /// The raw text of `root`'s subtree, skipping the subtrees for which `skip` holds; a `<br>`
    /// becomes a line break (source line breaks become spaces), and the text of scripts, styles and templates is never included.
    func text(of root: Int, skip: (Int) -> Bool = { _ in false }) -> String {
        var out = ""
        let range = subtree(root)
        var k = range.lowerBound
        while k < range.upperBound {
            let node = nodes[k]
            if k != root, !node.isText, skip(k) || HTMLVocabulary.nonText.contains(node.name) {
                k = subtree(k).upperBound
                continue
            }
            if node.isText {
                // Source line breaks are spaces in HTML; only `<br>` breaks a line.
                if node.text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) {
                    out.unicodeScalars.append(contentsOf: node.text.unicodeScalars.lazy.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
                } else {
                    out += node.text
                }
            } else if node.name == "br" {
                out += "\n"
            } else if HTMLVocabulary.blockTags.contains(node.name), !out.isEmpty {
                out += " "
            }
            k += 1
        }
        return out
    }
}
