/// A small, fast, deterministic pseudo-random generator (SplitMix64) for reproducible test data.
///
/// The same seed yields the same sequence on every platform and toolchain: the helpers below do
/// not go through the standard library's `random(in:using:)`, whose algorithm is not promised to
/// stay the same. Not for cryptography.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable {
    /// The internal state; advancing it is all `next()` does.
    public private(set) var state: UInt64

    /// Creates a generator; equal seeds give equal sequences.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (`bound` > 0), by multiply-high; the bias is below 2⁻³² for test sizes.
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "SeededGenerator.below: bound must be positive")
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A number in a closed range.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// True with probability `probability` (0...1).
    public mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) * 0x1.0p-53 < probability
    }

    /// One element of a non-empty array.
    public mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }

    /// `count` distinct elements of `elements` (all of them, shuffled, when `count` ≥ their number).
    public mutating func pick<Element>(_ count: Int, of elements: [Element]) -> [Element] {
        var pool = elements
        var out: [Element] = []
        out.reserveCapacity(min(count, pool.count))
        while out.count < count, !pool.isEmpty {
            out.append(pool.remove(at: below(pool.count)))
        }
        return out
    }

    /// `count` random bytes.
    public mutating func bytes(_ count: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        while out.count < count {
            var word = next()
            for _ in 0..<min(8, count - out.count) {
                out.append(UInt8(truncatingIfNeeded: word))
                word >>= 8
            }
        }
        return out
    }

    /// A new generator whose sequence is independent of this one's, derived from `seed` and `stream`.
    public static func derived(seed: UInt64, stream: UInt64) -> SeededGenerator {
        var mixer = SeededGenerator(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        return SeededGenerator(seed: mixer.next())
    }
}
