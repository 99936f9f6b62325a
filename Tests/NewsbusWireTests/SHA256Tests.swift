import NewsbusWire
import Testing

@Suite("SHA-256 and content hashes")
struct SHA256Tests {
    // Test vectors from FIPS 180-4 examples (and the empty string).
    @Test("known digests", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func digests(input: String, expected: String) {
        #expect(SHA256.hex(input) == expected)
    }

    @Test("a million 'a' (multi-block, length over 2^20 bits)")
    func longInput() {
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("the content hash is the SHA-256 of headline and bodies, whitespace-normalised")
    func contentHash() {
        let a = Article(headlines: [.init(role: "main", value: "Envoys  meet")], bodies: [.init(value: "Line one.\r\n\r\nLine\u{00A0}two.")])
        let b = Article(headlines: [.init(role: "main", value: "Envoys meet")], bodies: [.init(value: "Line one. Line two.")])
        #expect(ContentHash.of(a) == ContentHash.of(b))
        #expect(ContentHash.of(b) == SHA256.hex("Envoys meet\n\nLine one. Line two."))
        #expect(ContentHash.of(b).count == 64)
    }

    @Test("feeding in pieces gives the same digest as feeding at once")
    func piecewise() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var whole = SHA256()
        whole.update(bytes)
        for split in [1, 10, 63, 64, 65, 500] {
            var pieces = SHA256()
            pieces.update(Array(bytes[..<split]))
            pieces.update(Array(bytes[split...]))
            var copy = whole
            #expect(pieces.finalize() == copy.finalize(), "split at \(split)")
        }
    }
}
