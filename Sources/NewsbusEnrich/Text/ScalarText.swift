/// A text as an array of Unicode scalars, with each scalar's UTF-8 offset so that a range of
/// scalars turns back into a String without re-encoding scalar by scalar.
struct ScalarText: Sendable {
    let scalars: [Unicode.Scalar]
    /// UTF-8 offset of each scalar, plus one past the end.
    let utf8Offsets: [Int]
    let utf8: [UInt8]

    init(_ text: String) {
        let bytes = Array(text.utf8)
        let count = bytes.count
        var scalarCount = 0
        // At most one scalar per byte; both arrays are trimmed to the scalars found.
        var offsets: [Int] = []
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: count) { scalars, scalarsCount in
            offsets = [Int](unsafeUninitializedCapacity: count + 1) { offsets, offsetsCount in
                bytes.withUnsafeBufferPointer { buffer in
                    let text = UTF8Scalars(bytes: buffer)
                    var index = 0
                    var found = 0
                    while index < count {
                        let (value, length) = text.scalar(at: index)
                        offsets[found] = index
                        scalars[found] = Unicode.Scalar(value) ?? "\u{FFFD}"
                        index += length
                        found += 1
                    }
                    offsets[found] = count
                    scalarCount = found
                    offsetsCount = found + 1
                }
            }
            scalarsCount = scalarCount
        }
        self.scalars = scalars
        self.utf8Offsets = offsets
        self.utf8 = bytes
    }

    /// The text of scalars `start..<end`.
    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: utf8[utf8Offsets[start]..<utf8Offsets[end]], as: UTF8.self)
    }
}
