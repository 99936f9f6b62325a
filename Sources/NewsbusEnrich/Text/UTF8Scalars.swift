/// Unicode scalars read in place from a buffer of valid UTF-8 (a Swift String's bytes), by byte
/// offset: no array of scalars is built for the text, and a range of bytes turns back into a
/// String without re-encoding.
struct UTF8Scalars {
    let bytes: UnsafeBufferPointer<UInt8>

    var count: Int { bytes.count }

    /// The scalar starting at byte `index` and its length in bytes. `index` must start a scalar.
    @inline(__always)
    func scalar(at index: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        // Valid UTF-8, so the sequence length can be trusted (a cut-off end stops at the buffer's end).
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length where index + k < bytes.count {
            value = (value << 6) | (UInt32(bytes[index + k]) & 0x3F)
        }
        return (value, length)
    }

    /// The byte offset of the scalar before the one starting at `index` (which must be > 0).
    @inline(__always)
    func scalarStart(before index: Int) -> Int {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// The text of bytes `start..<end`, which must start and end on scalar boundaries.
    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
}

extension UTF8Scalars {
    /// The scalars of bytes `start..<end` as a collection (indices are byte offsets), for code
    /// written over scalars.
    func scalars(_ start: Int, _ end: Int) -> Slice {
        Slice(text: self, startIndex: start, endIndex: end)
    }

    /// Scalars of a byte range, decoded as they are read.
    struct Slice: Collection {
        let text: UTF8Scalars
        let startIndex: Int
        let endIndex: Int

        subscript(position: Int) -> Unicode.Scalar {
            // Decoded from valid UTF-8: always a scalar value.
            Unicode.Scalar(text.scalar(at: position).value) ?? "\u{FFFD}"
        }

        func index(after position: Int) -> Int { position + text.scalar(at: position).length }

        /// Decodes each scalar once (indexing would decode it for its value and again for its length).
        func makeIterator() -> Iterator { Iterator(text: text, position: startIndex, end: endIndex) }

        struct Iterator: IteratorProtocol {
            let text: UTF8Scalars
            var position: Int
            let end: Int

            mutating func next() -> Unicode.Scalar? {
                guard position < end else { return nil }
                let (value, length) = text.scalar(at: position)
                position += length
                return Unicode.Scalar(value) ?? "\u{FFFD}"
            }
        }
    }
}
