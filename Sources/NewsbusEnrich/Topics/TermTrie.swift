/// A byte trie of lower-case terms (one or more words separated by single spaces), each either exact
/// ("prime minister") or a prefix of its last word ("elect*"), matched at word starts of a
/// ``WordTokens/lowered`` buffer.
struct TermTrie: Sendable {
    /// A term found in the text.
    struct Match {
        /// The term's id, as given to ``Builder/insert(_:prefix:id:)``.
        var term: Int
        /// Byte offset just past the last word the term covers.
        var end: Int
    }

    /// A node: its children are edges `childStart ..< childStart + childCount`, sorted by label.
    private struct Node {
        var childStart: Int32
        var childCount: Int32
        var exactTerm: Int32
        var prefixTerm: Int32
    }

    private let nodes: [Node]
    /// Edges: label in the low byte, target node above it.
    private let edges: [UInt32]
    /// Children of the root by byte, for the first step.
    private let rootChildren: [Int32]

    /// Collects terms, then freezes them into a ``TermTrie``.
    struct Builder {
        private var children: [[UInt8: Int]] = [[:]]
        private var exact: [Int32] = [-1]
        private var prefix: [Int32] = [-1]

        /// Adds a term (without its "*"); returns the id already there when the same term was added before.
        @discardableResult
        mutating func insert(_ term: String, prefix isPrefix: Bool, id: Int) -> Int {
            var node = 0
            for byte in term.utf8 {
                if let next = children[node][byte] {
                    node = next
                } else {
                    children.append([:])
                    exact.append(-1)
                    prefix.append(-1)
                    children[node][byte] = children.count - 1
                    node = children.count - 1
                }
            }
            if isPrefix {
                if prefix[node] < 0 { prefix[node] = Int32(id) }
                return Int(prefix[node])
            }
            if exact[node] < 0 { exact[node] = Int32(id) }
            return Int(exact[node])
        }

        /// The frozen trie.
        func build() -> TermTrie { TermTrie(children: children, exact: exact, prefix: prefix) }
    }

    private init(children: [[UInt8: Int]], exact: [Int32], prefix: [Int32]) {
        var nodes: [Node] = []
        var edges: [UInt32] = []
        for (node, childEdges) in children.enumerated() {
            nodes.append(Node(childStart: Int32(edges.count), childCount: Int32(childEdges.count),
                              exactTerm: exact[node], prefixTerm: prefix[node]))
            for (label, target) in childEdges.sorted(by: { $0.key < $1.key }) {
                edges.append(UInt32(target) << 8 | UInt32(label))
            }
        }
        var rootChildren = [Int32](repeating: -1, count: 256)
        for (label, target) in children[0] { rootChildren[Int(label)] = Int32(target) }
        self.nodes = nodes
        self.edges = edges
        self.rootChildren = rootChildren
    }

    /// The longest term starting at byte `start` of `text` (which must be a word start), if any.
    func longestMatch(in text: UnsafeBufferPointer<UInt8>, at start: Int) -> Match? {
        guard start < text.count else { return nil }
        let first = rootChildren[Int(text[start])]
        guard first >= 0 else { return nil }
        return nodes.withUnsafeBufferPointer { nodes in
            edges.withUnsafeBufferPointer { edges in
                var node = Int(first)
                var position = start + 1
                var best: Match?
                while true {
                    let current = nodes[node]
                    let atWordEnd = position == text.count || text[position] == 0x20
                    if current.exactTerm >= 0 && atWordEnd {
                        best = Match(term: Int(current.exactTerm), end: position)
                    } else if current.prefixTerm >= 0 {
                        var end = position
                        while end < text.count && text[end] != 0x20 { end += 1 }
                        best = Match(term: Int(current.prefixTerm), end: end)
                    }
                    guard position < text.count, current.childCount > 0 else { return best }
                    let byte = UInt32(text[position])
                    var next = -1
                    for edge in Int(current.childStart)..<Int(current.childStart + current.childCount) {
                        let label = edges[edge] & 0xFF
                        if label == byte { next = Int(edges[edge] >> 8); break }
                        if label > byte { break }
                    }
                    guard next >= 0 else { return best }
                    node = next
                    position += 1
                }
            }
        }
    }
}
