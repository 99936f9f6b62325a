extension UnsafeBufferPointer<UInt8> {
    /// Whether UTF-8 bytes start with the ASCII `prefix` as `String.hasPrefix` sees it (character
    /// by character), or nil when the bytes alone do not say: the byte after the prefix starts a
    /// scalar beyond ASCII, which may be a mark that joins the prefix's last character.
    func startsWithASCII(_ prefix: StaticString) -> Bool? {
        let length = prefix.utf8CodeUnitCount
        guard count >= length else { return false }
        let start = prefix.utf8Start
        for index in 0..<length where self[index] != start[index] { return false }
        return count == length || self[length] < 0x80 ? true : nil
    }
}

extension String {
    /// `hasPrefix(prefix)` for an ASCII `prefix`, from the bytes where they decide it.
    func hasASCIIPrefix(_ prefix: StaticString) -> Bool {
        var text = self
        let answer = text.withUTF8 { $0.startsWithASCII(prefix) }
        return answer ?? hasPrefix(prefix.description)
    }
}
