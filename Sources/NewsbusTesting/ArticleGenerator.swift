import NewsbusWire

/// An endless, deterministic supply of distinct enriched articles for load and soak tests.
///
/// Article *n* of a generator depends only on the seed and *n*: two generators with the same
/// seed and sizes yield the same articles in the same order. Every article has a unique `uri`
/// (`urn:newsbus:generated:<seed hex>:<n>`) and its own text, sized like
/// ``SampleArticles/enriched(sizeBytes:seed:)`` to a size drawn from `sizeBytes`.
///
/// ```swift
/// var generator = ArticleGenerator(seed: 42)
/// let first = generator.next()
/// let batch = generator.articles(count: 2_000)
/// ```
public struct ArticleGenerator: Sendable {
    /// The seed all articles derive from.
    public let seed: UInt64
    /// The range the encoded size of each article is drawn from.
    public let sizeBytes: ClosedRange<Int>
    /// How many articles ``next()`` has produced so far; also the index of the next one.
    public private(set) var produced: Int = 0

    /// Creates a generator of articles whose encoded sizes vary within `sizeBytes`
    /// (default 2–8 KiB, typical of text news).
    public init(seed: UInt64, sizeBytes: ClosedRange<Int> = 2048...8192) {
        self.seed = seed
        self.sizeBytes = sizeBytes
    }

    /// Creates a generator of articles of about `sizeBytes` encoded bytes each.
    public init(seed: UInt64, sizeBytes: Int) {
        self.init(seed: seed, sizeBytes: sizeBytes...sizeBytes)
    }

    /// The next article.
    public mutating func next() -> Article {
        let article = Self.article(seed: seed, index: produced, sizeBytes: sizeBytes)
        produced += 1
        return article
    }

    /// The next `count` articles.
    public mutating func articles(count: Int) -> [Article] {
        var out: [Article] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(next()) }
        return out
    }

    /// Article number `index` of the generator with this seed, without making the ones before it.
    public static func article(seed: UInt64, index: Int, sizeBytes: ClosedRange<Int> = 2048...8192) -> Article {
        var rng = SeededGenerator.derived(seed: seed, stream: UInt64(truncatingIfNeeded: index))
        let size = sizeBytes.lowerBound + rng.below(sizeBytes.upperBound - sizeBytes.lowerBound + 1)
        let seedHex = String(seed, radix: 16)
        var writer = NewsWriter(seed: rng.next())
        return writer.article(targetBytes: size, uri: "urn:newsbus:generated:\(seedHex):\(index)")
    }
}
