/// The mentions an ``EntityResolver`` works on: the extractor's, then the ones it makes from
/// single words and acronyms. Every mention is known by its number (its place in ``all``) and
/// carries its identity's number, so that the resolver's tables key on numbers rather than hash
/// identity strings again and again.
struct ResolverMentions {
    typealias Mentions = UnsafeBufferPointer<(order: Int, mention: EntityMention)>

    /// The extractor's mentions, then the made ones.
    private(set) var all: [(order: Int, mention: EntityMention)] = []
    /// How many of ``all`` are the extractor's.
    let foundCount: Int
    /// Every distinct identity, numbered.
    private(set) var identities: WordIDs
    /// The identity number of each mention, by mention number.
    private(set) var identityNumbers: [Int] = []

    /// The extractor's mentions, taken out of `mentions` (so that they are not copied).
    init(taking mentions: inout [(order: Int, mention: EntityMention)]) {
        swap(&all, &mentions)
        foundCount = all.count
        var identities = WordIDs(minimumCapacity: foundCount)
        var numbers: [Int] = []
        numbers.reserveCapacity(foundCount + foundCount / 2)
        all.withUnsafeBufferPointer { all in
            for number in all.indices { numbers.append(identities.insert(all[number].mention.identity).id) }
        }
        self.identities = identities
        identityNumbers = numbers
    }

    /// The number of mentions, the extractor's and the made ones.
    var count: Int { all.count }

    /// Reads the mentions in place (an array element read by subscript is copied, with every
    /// string in it retained): `body` gets them all, by number.
    func withMentions<Result>(_ body: (Mentions) -> Result) -> Result {
        all.withUnsafeBufferPointer(body)
    }

    /// The identity number of mention `number`.
    func identity(of number: Int) -> Int { identityNumbers[number] }

    /// The number of an identity, numbering it when it is new.
    mutating func number(ofIdentity identity: String) -> Int { identities.insert(identity).id }

    /// Gives mention `number` another entity's identity and name.
    mutating func rename(_ number: Int, identity: Int, name: String) {
        identityNumbers[number] = identity
        all[number].mention.identity = identities.words[identity]
        all[number].mention.name = name
    }

    /// Adds a mention the resolver made; `identity` is the number of its identity when the caller knows it.
    mutating func append(_ mention: EntityMention, order: Int, identity: Int? = nil) {
        identityNumbers.append(identity ?? number(ofIdentity: mention.identity))
        all.append((order, mention))
    }

    /// Every mention number in order of the mentions' `order`; equal orders keep the numbering's order.
    func numbersInOrder() -> [Int] {
        var numbers = Array(0..<count)
        withMentions { all in
            if !all.indices.dropFirst().allSatisfy({ all[$0 - 1].order <= all[$0].order }) {
                numbers.sort { all[$0].order < all[$1].order }  // stable
            }
        }
        return numbers
    }
}
