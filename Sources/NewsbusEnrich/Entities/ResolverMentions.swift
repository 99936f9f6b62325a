/// The mentions an ``EntityResolver`` works on: the extractor's, then the ones it makes from
/// single words and acronyms. Every mention is known by its number (the extractor's first, then
/// the made ones in the order they were made) and carries its identity's number, so that the
/// resolver's tables key on numbers rather than hash identity strings again and again.
struct ResolverMentions {
    /// The extractor's mentions.
    private(set) var found: [(order: Int, mention: EntityMention)] = []
    /// The mentions the resolver made.
    private(set) var made: [(order: Int, mention: EntityMention)] = []
    /// Every distinct identity, numbered.
    private(set) var identities: WordIDs
    /// The identity number of each mention, by mention number.
    private(set) var identityNumbers: [Int] = []

    /// The extractor's mentions, taken out of `mentions` (so that they are not copied).
    init(taking mentions: inout [(order: Int, mention: EntityMention)]) {
        swap(&found, &mentions)
        identities = WordIDs(minimumCapacity: found.count)
        identityNumbers.reserveCapacity(found.count + found.count / 2)
        for index in found.indices { identityNumbers.append(identities.insert(found[index].mention.identity).id) }
    }

    /// The number of mentions, the extractor's and the made ones.
    var count: Int { found.count + made.count }

    /// The mention numbered `number`.
    subscript(number: Int) -> EntityMention {
        _read {
            if number < found.count { yield found[number].mention } else { yield made[number - found.count].mention }
        }
    }

    /// The `order` of mention `number`.
    func order(of number: Int) -> Int {
        number < found.count ? found[number].order : made[number - found.count].order
    }

    /// The identity number of mention `number`.
    func identity(of number: Int) -> Int { identityNumbers[number] }

    /// The number of an identity, numbering it when it is new.
    mutating func number(ofIdentity identity: String) -> Int { identities.insert(identity).id }

    /// Gives one of the extractor's mentions another entity's identity and name.
    mutating func rename(_ number: Int, identity: Int, name: String) {
        identityNumbers[number] = identity
        found[number].mention.identity = identities.words[identity]
        found[number].mention.name = name
    }

    /// Adds a mention the resolver made; `identity` is the number of its identity when the caller knows it.
    mutating func append(_ mention: EntityMention, order: Int, identity: Int? = nil) {
        identityNumbers.append(identity ?? number(ofIdentity: mention.identity))
        made.append((order, mention))
    }

    /// Every mention number in order of the mentions' `order`; equal orders keep the numbering's order.
    func numbersInOrder() -> [Int] {
        var orders: [Int] = []
        orders.reserveCapacity(count)
        for index in found.indices { orders.append(found[index].order) }
        for index in made.indices { orders.append(made[index].order) }
        var numbers = Array(0..<count)
        if !orders.indices.dropFirst().allSatisfy({ orders[$0 - 1] <= orders[$0] }) {
            numbers.sort { orders[$0] < orders[$1] }  // stable
        }
        return numbers
    }
}
