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

    // Node i's children are edges childStart[i] ..< childStart[i] + childCount[i], sorted by label.
    private let childStart: [Int32]
    private let childCount: [UInt16]
    private let edgeLabels: [UInt8]
    private let edgeTargets: [Int32]
    private let exactTerm: [Int32]
    private let prefixTerm: [Int32]
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
        var childStart = [Int32](repeating: 0, count: children.count)
        var childCount = [UInt16](repeating: 0, count: children.count)
        var labels: [UInt8] = []
        var targets: [Int32] = []
        for (node, edges) in children.enumerated() {
            childStart[node] = Int32(labels.count)
            childCount[node] = UInt16(edges.count)
            for (label, target) in edges.sorted(by: { $0.key < $1.key }) {
                labels.append(label)
                targets.append(Int32(target))
            }
        }
        var rootChildren = [Int32](repeating: -1, count: 256)
        for (label, target) in children[0] { rootChildren[Int(label)] = Int32(target) }
        self.childStart = childStart
        self.childCount = childCount
        self.edgeLabels = labels
        self.edgeTargets = targets
        self.exactTerm = exact
        self.prefixTerm = prefix
        self.rootChildren = rootChildren
    }

    @inline(__always)
    private func child(_ node: Int, _ byte: UInt8) -> Int? {
        if node == 0 {
            let target = rootChildren[Int(byte)]
            return target < 0 ? nil : Int(target)
        }
        let start = Int(childStart[node])
        for edge in start..<start + Int(childCount[node]) {
            let label = edgeLabels[edge]
            if label == byte { return Int(edgeTargets[edge]) }
            if label > byte { return nil }
        }
        return nil
    }

    /// The longest term starting at byte `start` of `text` (which must be a word start), if any.
    func longestMatch(in text: UnsafeBufferPointer<UInt8>, at start: Int) -> Match? {
        var node = 0
        var position = start
        var best: Match?
        while position < text.count, let next = child(node, text[position]) {
            node = next
            position += 1
            let atWordEnd = position == text.count || text[position] == 0x20
            if exactTerm[node] >= 0 && atWordEnd {
                best = Match(term: Int(exactTerm[node]), end: position)
            } else if prefixTerm[node] >= 0 {
                var end = position
                while end < text.count && text[end] != 0x20 { end += 1 }
                best = Match(term: Int(prefixTerm[node]), end: end)
            }
        }
        return best
    }
}
