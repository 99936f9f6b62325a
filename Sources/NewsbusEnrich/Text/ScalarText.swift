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
                bytes.withUnsafeBufferPointer { bytes in
                    var index = 0
                    var found = 0
                    while index < count {
                        let lead = bytes[index]
                        offsets[found] = index
                        if lead < 0x80 {
                            scalars[found] = Unicode.Scalar(lead)
                            index += 1
                        } else {
                            // A Swift String is valid UTF-8, so the sequence lengths can be trusted.
                            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                            for k in 1..<length where index + k < count {
                                value = (value << 6) | (UInt32(bytes[index + k]) & 0x3F)
                            }
                            scalars[found] = Unicode.Scalar(value) ?? "\u{FFFD}"
                            index += length
                        }
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

    /// The text of scalars `start..<end`, which must be ASCII, with A-Z lower-cased (what
    /// ``Gazetteer/fold(_:)`` gives for ASCII, without scanning the text again).
    func lowercasedASCII(_ start: Int, _ end: Int) -> String {
        let bytes = utf8[utf8Offsets[start]..<utf8Offsets[end]]
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            var index = 0
            for byte in bytes {
                buffer[index] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                index += 1
            }
            return index
        }
    }
}
