/// The people an article names in full, longest name first, for ``EntityResolver``: shorter
/// names that are part of a longer one, and one-word mentions, map to the name that holds them.
struct PeopleIndex {
    struct Name {
        /// The name's folded words.
        var parts: [String]
        /// The number of its identity in ``ResolverMentions/identities``.
        var identity: Int
        /// The name as written.
        var name: String
    }

    /// The names, in the order they were added.
    private(set) var names: [Name] = []
    /// Every word of a name, numbered.
    private var words: WordIDs
    /// For each word number, the first and the last link of the list of names holding it.
    private var holderLists: [(first: Int32, last: Int32)] = []
    /// The holder lists' links: a name's number and the next link (-1 at the end).
    private var links: [(name: Int32, next: Int32)] = []

    /// An empty index with room for `capacity` names (of two or three words) before it grows.
    init(minimumCapacity capacity: Int) {
        let wordCapacity = max(8, capacity * 3)
        words = WordIDs(minimumCapacity: wordCapacity)
        names.reserveCapacity(capacity + 8)
        holderLists.reserveCapacity(wordCapacity)
        links.reserveCapacity(wordCapacity)
    }

    mutating func append(_ name: Name) {
        let number = Int32(truncatingIfNeeded: names.count)
        for part in name.parts {
            let (word, inserted) = words.insert(part)
            let link = Int32(truncatingIfNeeded: links.count)
            if inserted {
                holderLists.append((link, link))
            } else {
                let last = Int(holderLists[word].last)
                guard links[last].name != number else { continue }
                links[last].next = link
                holderLists[word].last = link
            }
            links.append((number, -1))
        }
        names.append(name)
    }

    /// The numbers of the names holding the word `part`, in the order they were added.
    func holders(of part: String) -> Holders {
        guard let word = words.id(of: part) else { return Holders(links: links, cursor: -1) }
        return Holders(links: links, cursor: holderLists[word].first)
    }

    /// Whether some name holds the word `part`.
    func holds(_ part: String) -> Bool { words.id(of: part) != nil }

    /// The number of the first name that holds `parts` in a row, if any.
    func canonical(for parts: [String]) -> Int? {
        guard let first = parts.first else { return nil }
        for index in holders(of: first) where names[index].parts.count >= parts.count && Self.contains(names[index].parts, parts) {
            return index
        }
        return nil
    }

    static func contains(_ whole: [String], _ part: [String]) -> Bool {
        guard part.count <= whole.count else { return false }
        for start in 0...(whole.count - part.count) where whole[start..<(start + part.count)].elementsEqual(part) {
            return true
        }
        return false
    }

    /// Name numbers along one holder list.
    struct Holders: Sequence, IteratorProtocol {
        fileprivate let links: [(name: Int32, next: Int32)]
        fileprivate var cursor: Int32

        mutating func next() -> Int? {
            guard cursor >= 0 else { return nil }
            let link = links[Int(cursor)]
            cursor = link.next
            return Int(link.name)
        }
    }
}
