import Foundation
import NewsbusTesting
import NewsbusWire
import Testing

/// Bad bytes must surface as a `WireError`, never as a crash, and never as a wrong value.
///
/// The corpus is generated in code, deterministically. `NEWSBUS_CORPUS_SCALE=small` shrinks the
/// random parts (scripts/check-memory.sh runs this suite under valgrind that way).
@Suite("Malformed input")
struct MalformedInputTests {
    // MARK: Truncation

    /// Every proper prefix: it decodes exactly when it ends on a top-level field boundary (and then
    /// re-encodes to itself), and otherwise throws `.malformed`.
    func checkTruncations<M: WireMessage>(_ value: M, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let bytes = try value.wireBytes()
        let fields = try #require(Proto.fields(bytes), sourceLocation: sourceLocation)
        let boundaries = Set([0] + fields.map(\.range.upperBound))
        let codec = WireCodec()
        var decoded = 0
        var failures: [String] = []
        for n in 0..<bytes.count {
            let prefix = Array(bytes[..<n])
            switch outcome(M.self, prefix, codec: codec) {
            case (.decoded, let value?):
                decoded += 1
                if !boundaries.contains(n) { failures.append("prefix \(n) decoded but ends inside a field") }
                if (try? codec.encode(value)) != prefix { failures.append("prefix \(n) decoded to a value that re-encodes differently") }
            case (.failed(let code), _):
                if code != .malformed { failures.append("prefix \(n) threw \(code), expected malformed") }
                if boundaries.contains(n) { failures.append("prefix \(n) ends on a field boundary but did not decode") }
            default:
                failures.append("prefix \(n): no value and no error")
            }
        }
        #expect(failures.isEmpty, "\(M.protobufName): \(failures.prefix(20).joined(separator: "; "))", sourceLocation: sourceLocation)
        #expect(decoded == boundaries.count - (boundaries.contains(bytes.count) ? 1 : 0), sourceLocation: sourceLocation)
    }

    @Test("a maximal Article truncated at every byte offset")
    func truncatedArticle() throws {
        try checkTruncations(SampleArticles.maximal())
    }

    @Test("bus messages truncated at every byte offset")
    func truncatedBusMessages() throws {
        try checkTruncations(BusSamples.envelope())
        try checkTruncations(BusSamples.fail())
        try checkTruncations(BusSamples.ready())
        try checkTruncations(BusSamples.ack())
        try checkTruncations(BusSamples.logRecord())
    }

    @Test("an enriched Article truncated at every byte offset")
    func truncatedEnriched() throws {
        try checkTruncations(SampleArticles.enriched(sizeBytes: CorpusScale.count(8192, small: 2048), seed: 31))
    }

    @Test("a large Article truncated at many offsets (large arena blocks, then failure)")
    func truncatedLarge() throws {
        let article = SampleArticles.enriched(sizeBytes: 150_000, seed: 32)
        let bytes = try article.wireBytes()
        let boundaries = Set(try #require(Proto.fields(bytes)).map(\.range.upperBound))
        let codec = WireCodec()
        let stride = CorpusScale.count(101, small: 1009)
        for n in Swift.stride(from: 0, to: bytes.count, by: stride) + boundaries.filter({ $0 < bytes.count }) {
            let result = outcome(Article.self, Array(bytes[..<n]), codec: codec).0
            #expect(result == (boundaries.contains(n) || n == 0 ? .decoded : .failed(.malformed)), "prefix \(n)")
        }
        #expect(try codec.decode(Article.self, from: bytes) == article)
    }

    @Test("failures after large allocations leave the codec clean")
    func failureAfterLargeAllocations() throws {
        let big = String(repeating: "ünïcödé ", count: 8_000)  // 96 KB of UTF-8
        let data = [UInt8](repeating: 0xAB, count: 70_000)
        // In field-number order, as the encoder writes them.
        let goodPrefix = Proto.stringField(1, big) + Proto.bytesField(14, Proto.stringField(3, big))
            + Proto.stringField(25, big) + Proto.bytesField(104, Proto.bytesField(6, data))
        let codec = WireCodec()
        let tails: [(String, [UInt8], WireError.Code)] = [
            ("truncated field", Proto.tag(1, 2) + [0x05, 0x61], .malformed),
            ("wrong wire type", Proto.tag(10, 2) + [0x01, 0x00], .malformed),
            ("invalid UTF-8 after big strings", Proto.bytesField(107, [0xC0, 0xAF]), .invalidUTF8),
            ("bogus nested length", Proto.bytesField(101, Proto.tag(1, 2) + Proto.varint(1 << 40)), .malformed),
        ]
        for _ in 0..<CorpusScale.count(20, small: 5) {
            for (name, tail, code) in tails {
                #expect(outcome(Article.self, goodPrefix + tail, codec: codec).0 == .failed(code), "\(name)")
                #expect(outcome(Article.self, goodPrefix + tail).0 == .failed(code), "\(name), thread codec")
            }
            let decoded = try codec.decode(Article.self, from: goodPrefix)
            #expect(decoded.uri == big && decoded.annotations.first?.data == data && decoded.keywords == [big])
            #expect(try codec.encode(decoded) == goodPrefix)
        }
    }

    // MARK: Wrong wire types

    /// Field number → the wire type protobuf says it has (nil: any of varint and length-delimited,
    /// for a packable repeated enum).
    static let articleFields: [(UInt64, UInt8?)] = {
        var fields: [(UInt64, UInt8?)] = []
        for n: UInt64 in 1...31 { fields.append((n, n == 9 || n == 10 ? 0 : 2)) }
        let extensions: [(UInt64, UInt8?)] = [(100, 2), (101, 2), (102, 1), (103, 2), (104, 2), (105, nil), (106, 2), (107, 2), (108, 2)]
        return fields + extensions
    }()

    static func payload(_ wireType: UInt8, field: UInt64) -> [UInt8] {
        switch wireType {
        case 0: [0x01]
        case 1: [1, 2, 3, 4, 5, 6, 7, 8]
        case 2: [0x01, 0x61]
        case 3: Proto.tag(field, 4)  // an empty group
        case 5: [1, 2, 3, 4]
        default: [0x01]  // 4: a stray end-group; 6 and 7 do not exist
        }
    }

    @Test("known Article fields with the wrong wire type throw malformed")
    func wrongWireTypesArticle() throws {
        let valid = try Article(uri: "ok", urgency: 2).wireBytes()
        var failures: [String] = []
        for (field, expected) in Self.articleFields {
            for wireType: UInt8 in 0...7 where wireType != expected && !(expected == nil && (wireType == 0 || wireType == 2)) {
                let bytes = valid + Proto.tag(field, wireType) + Self.payload(wireType, field: field)
                let (result, _) = outcome(Article.self, bytes)
                if result != .failed(.malformed) { failures.append("field \(field) as wire type \(wireType): \(result)") }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "; "))")
    }

    @Test("known bus fields with the wrong wire type throw malformed")
    func wrongWireTypesBus() throws {
        // (field, right wire type) for Envelope, Hop (inside Envelope.hops) and Heartbeat.
        let envelopeFields: [(UInt64, UInt8)] = [(1, 2), (2, 2), (3, 2), (4, 2), (5, 0), (6, 0), (7, 2), (8, 2), (9, 2),
                                                 (10, 0), (11, 2), (12, 0), (13, 2)]
        let hopFields: [(UInt64, UInt8)] = [(1, 2), (2, 2), (3, 0), (4, 0), (5, 0)]
        var failures: [String] = []
        for (field, right) in envelopeFields {
            for wireType: UInt8 in 0...7 where wireType != right {
                let bytes = Proto.stringField(1, "m") + Proto.tag(field, wireType) + Self.payload(wireType, field: field)
                let (result, _) = outcome(Envelope.self, bytes)
                if result != .failed(.malformed) { failures.append("Envelope field \(field) as wire type \(wireType): \(result)") }
            }
        }
        for (field, right) in hopFields {
            for wireType: UInt8 in 0...7 where wireType != right {
                let hop = Proto.tag(field, wireType) + Self.payload(wireType, field: field)
                let (result, _) = outcome(Envelope.self, Proto.bytesField(8, hop))
                if result != .failed(.malformed) { failures.append("Hop field \(field) as wire type \(wireType): \(result)") }
            }
        }
        for wireType: UInt8 in [1, 2, 3, 4, 5, 6, 7] {
            let (result, _) = outcome(Heartbeat.self, Proto.tag(2, wireType) + Self.payload(wireType, field: 2))
            if result != .failed(.malformed) { failures.append("Heartbeat.processed as wire type \(wireType): \(result)") }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "; "))")
    }

    @Test("a repeated enum is accepted both packed and unpacked")
    func packedAndUnpackedSignals() throws {
        let unpacked = Proto.varintField(105, 1) + Proto.varintField(105, 2)
        #expect(try Article(wireBytes: unpacked).signals == [.update, .correction])
        let packed = Proto.bytesField(105, [0x03, 0x01])
        #expect(try Article(wireBytes: packed + unpacked).signals == [.withdraw, .update, .update, .correction])
    }

    // MARK: Bogus lengths

    static let bogusLengths: [(String, [UInt8])] = {
        let huge: [(String, UInt64)] = [
            ("2^63", 1 << 63), ("2^64-1", .max), ("2^32+1", (1 << 32) + 1), ("2^31", 1 << 31),
            ("2^32-1", 0xFFFF_FFFF), ("remaining+1", 4),
        ]
        var cases: [(String, [UInt8])] = []
        for (name, length) in huge {
            cases.append(("Article.uri length \(name)", Proto.tag(1, 2) + Proto.varint(length) + Array("abc".utf8)))
            cases.append(("Article.quotes length \(name)", Proto.tag(101, 2) + Proto.varint(length) + [0x0A, 0x01, 0x61]))
            cases.append(("Quote.content length \(name) inside a valid quote",
                          Proto.bytesField(101, Proto.tag(1, 2) + Proto.varint(length) + [0x61])))
            cases.append(("Annotation.data length \(name)",
                          Proto.bytesField(104, Proto.tag(6, 2) + Proto.varint(length) + [0, 1])))
            cases.append(("Article.signals packed length \(name)", Proto.tag(105, 2) + Proto.varint(length) + [0x01]))
        }
        cases += [
            ("inner length crosses the outer boundary",
             Proto.tag(101, 2) + [0x03, 0x0A, 0x05, 0x61] + Array("bcdefgh".utf8)),
            ("varint of 11 bytes", Proto.tag(10, 0) + [UInt8](repeating: 0x80, count: 10) + [0x01]),
            ("tag varint of 11 bytes", [UInt8](repeating: 0xFF, count: 10) + [0x01]),
            ("length varint of 11 bytes", Proto.tag(1, 2) + [UInt8](repeating: 0x80, count: 10) + [0x00]),
            ("packed signals end inside a varint", Proto.bytesField(105, [0x01, 0x80])),
            ("fixed64 fingerprint cut short", Proto.tag(102, 1) + [1, 2, 3]),
            ("length-delimited with no length", Proto.tag(1, 2)),
        ]
        return cases
    }()

    @Test("bogus lengths and over-long varints throw malformed")
    func bogusLengthsArticle() throws {
        for (name, bytes) in Self.bogusLengths {
            #expect(outcome(Article.self, bytes).0 == .failed(.malformed), "\(name)")
            // Also after a valid prefix, and inside a LogRecord's envelope.
            let prefixed = try SampleArticles.maximal().wireBytes() + bytes
            #expect(outcome(Article.self, prefixed).0 == .failed(.malformed), "\(name) after a maximal article")
        }
        let envelopeCases: [(String, [UInt8])] = [
            ("Envelope.hops length 2^63", Proto.tag(8, 2) + Proto.varint(1 << 63) + [0x0A]),
            ("LogRecord.payload length 2^63", Proto.tag(4, 2) + Proto.varint(1 << 63) + [0x0A]),
            ("LogRecord.envelope length past end", Proto.tag(3, 2) + [0x7F, 0x0A, 0x00]),
        ]
        for (name, bytes) in envelopeCases {
            #expect(outcome(LogRecord.self, bytes).0 == .failed(.malformed), "\(name)")
            #expect(outcome(Envelope.self, bytes).0 == .failed(.malformed), "\(name) as Envelope")
        }
    }

    @Test("field number 0 throws malformed; out-of-range field numbers do not crash")
    func invalidFieldNumbers() throws {
        #expect(outcome(Article.self, [0x00, 0x01]).0 == .failed(.malformed), "field 0, varint")
        #expect(outcome(Article.self, [0x02, 0x00]).0 == .failed(.malformed), "field 0, length-delimited")
        // Above 2^29-1 Google refuses the message; protobuf-c reads the tag as a 32-bit number and
        // skips the field as unknown. Either is safe.
        for field: UInt64 in [1 << 29, 1 << 31, (1 << 32) - 1, 1 << 40, UInt64.max >> 3] {
            let result = outcome(Article.self, Proto.tag(field, 0) + [0x01] + Proto.stringField(1, "u")).0
            #expect(result == .failed(.malformed) || result == .decoded, "field \(field)")
        }
        let maxField = Proto.varintField((1 << 29) - 1, 1)
        #expect(outcome(Article.self, maxField).0 == .decoded, "field 2^29-1 is a legal unknown field")
    }

    // MARK: Nesting

    @Test("deeply nested garbage does not crash")
    func deeplyNestedGarbage() throws {
        let depth = CorpusScale.count(100_000, small: 10_000)
        // Unterminated groups, nested.
        let openGroups = (0..<depth).flatMap { _ in Proto.tag(1000, 3) }
        #expect(outcome(Article.self, openGroups).0 == .failed(.malformed))
        // Balanced groups, nested (protobuf-c has no groups: refused, not recursed into).
        let balanced = (0..<depth / 10).flatMap { _ in Proto.tag(1000, 3) } + (0..<depth / 10).flatMap { _ in Proto.tag(1000, 4) }
        let (balancedOutcome, _) = outcome(Article.self, balanced)
        #expect(balancedOutcome == .failed(.malformed) || balancedOutcome == .decoded)
        // Unknown length-delimited fields nested thousands deep: skipped without recursion.
        var nested: [UInt8] = []
        for _ in 0..<CorpusScale.count(3000, small: 500) { nested = Proto.bytesField(1000, nested) }
        #expect(try Article(wireBytes: nested) == Article())
        #expect(try Article(wireBytes: Proto.stringField(1, "u") + nested) == Article(uri: "u"))
        // Garbage at the bottom of every message path the schema has.
        var rng = SeededGenerator(seed: 0xDEE9)
        var codes: [DecodeOutcome: Int] = [:]
        for _ in 0..<CorpusScale.count(2000, small: 200) {
            let garbage = rng.bytes(rng.int(in: 0...40))
            let paths: [(String, [UInt8])] = [
                ("Article", Proto.bytesField(101, Proto.bytesField(2, garbage))),                      // quotes.speaker
                ("Article", Proto.bytesField(27, Proto.bytesField(9, garbage))),                       // associations.renditions
                ("Article", Proto.bytesField(106, garbage)),                                           // source
                ("Article", Proto.bytesField(19, Proto.bytesField(9, garbage) + garbage)),             // people.aliases
                ("Fail", Proto.bytesField(1, Proto.bytesField(8, garbage))),                           // envelope.hops
                ("LogRecord", Proto.bytesField(3, Proto.bytesField(8, Proto.bytesField(1, garbage)))), // envelope.hops.stage
            ]
            for (type, bytes) in paths {
                let result: DecodeOutcome = switch type {
                case "Fail": outcome(Fail.self, bytes).0
                case "LogRecord": outcome(LogRecord.self, bytes).0
                default: outcome(Article.self, bytes).0
                }
                codes[result, default: 0] += 1
                #expect(result == .decoded || result == .failed(.malformed) || result == .failed(.invalidUTF8) || result == .failed(.embeddedNUL), "\(type) \(bytes)")
            }
        }
        #expect(codes[.decoded, default: 0] > 0 && codes[.failed(.malformed), default: 0] > 0)
    }

    // MARK: UTF-8

    static let invalidUTF8: [(String, [UInt8])] = [
        ("lone 0xFF", [0xFF]),
        ("lone continuation byte", [0x61, 0x80, 0x62]),
        ("overlong slash C0 AF", [0xC0, 0xAF]),
        ("overlong three-byte E0 80 AF", [0xE0, 0x80, 0xAF]),
        ("UTF-16 surrogate ED A0 80", [0xED, 0xA0, 0x80]),
        ("truncated three-byte sequence", Array("ok".utf8) + [0xE3, 0x81]),
        ("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
        ("five-byte form", [0xF8, 0x88, 0x80, 0x80, 0x80]),
        ("Latin-1 é", Array("caf".utf8) + [0xE9]),
        ("valid text then FE", Array("日本語".utf8) + [0xFE]),
    ]

    @Test("invalid UTF-8 in a string field throws invalidUTF8")
    func invalidUTF8InStrings() throws {
        var failures: [String] = []
        for (name, bad) in Self.invalidUTF8 {
            let articles: [(String, [UInt8])] = [
                ("Article.uri", Proto.bytesField(1, bad)),
                ("Article.keywords[1]", Proto.stringField(25, "fine") + Proto.bytesField(25, bad)),
                ("Text.value", Proto.bytesField(12, Proto.bytesField(3, bad))),
                ("Quote.content", Proto.bytesField(101, Proto.bytesField(1, bad))),
                ("Quote.speaker.name", Proto.bytesField(101, Proto.bytesField(2, Proto.bytesField(1, bad)))),
                ("Concept.aliases", Proto.bytesField(21, Proto.bytesField(9, bad))),
                ("Rendition.href", Proto.bytesField(27, Proto.bytesField(9, Proto.bytesField(2, bad)))),
                ("Source.locator", Proto.bytesField(106, Proto.bytesField(3, bad))),
                ("Article.content_hash", Proto.bytesField(107, bad)),
            ]
            for (field, bytes) in articles {
                let result = outcome(Article.self, bytes).0
                if result != .failed(.invalidUTF8) { failures.append("\(field) with \(name): \(result)") }
            }
            let bus: [(String, DecodeOutcome)] = [
                ("Envelope.message_id", outcome(Envelope.self, Proto.bytesField(1, bad)).0),
                ("Envelope.routing_slip", outcome(Envelope.self, Proto.bytesField(4, bad)).0),
                ("Hop.stage", outcome(Envelope.self, Proto.bytesField(8, Proto.bytesField(1, bad))).0),
                ("Fail.reason", outcome(Fail.self, Proto.bytesField(2, bad)).0),
                ("Ready.worker", outcome(Ready.self, Proto.bytesField(3, bad)).0),
                ("Ack.message_ids", outcome(Ack.self, Proto.bytesField(1, bad)).0),
                ("Disconnect.reason", outcome(Disconnect.self, Proto.bytesField(1, bad)).0),
                ("LogRecord.point", outcome(LogRecord.self, Proto.bytesField(2, bad)).0),
            ]
            for (field, result) in bus where result != .failed(.invalidUTF8) {
                failures.append("\(field) with \(name): \(result)")
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "; "))")
        // The same bytes in a bytes field are fine.
        let data = try LogRecord(wireBytes: Proto.bytesField(4, [0xFF, 0xC0, 0xAF]))
        #expect(data.payload == [0xFF, 0xC0, 0xAF])
    }

    // MARK: Random input

    @Test("seeded random byte strings never crash the decoder")
    func randomBytes() throws {
        var rng = SeededGenerator(seed: 0x5EED_0001)
        let codec = WireCodec()
        var tally: [DecodeOutcome: Int] = [:]
        var failures: [String] = []
        for i in 0..<CorpusScale.count(10_000, small: 1_000) {
            let length = rng.chance(0.8) ? rng.int(in: 0...64) : rng.int(in: 65...600)
            let bytes = rng.chance(0.5) ? rng.bytes(length) : Self.plausibleFields(&rng, budget: length)
            let results: [DecodeOutcome] = [
                Self.check(Article.self, bytes, codec, &failures),
                Self.check(Envelope.self, bytes, codec, &failures),
                Self.check(LogRecord.self, bytes, codec, &failures),
                Self.check(Fail.self, bytes, codec, &failures),
                i % 4 == 0 ? Self.check(Ready.self, bytes, codec, &failures) : .decoded,
            ]
            for r in results { tally[r, default: 0] += 1 }
        }
        #expect(failures.isEmpty, "\(failures.prefix(20).joined(separator: "; "))")
        // The generator must exercise both paths, or it tests nothing.
        #expect(tally[.decoded, default: 0] > 100 && tally[.failed(.malformed), default: 0] > 100, "\(tally)")
    }

    @Test("seeded mutations of a valid maximal Article never crash the decoder")
    func mutatedMaximal() throws {
        let valid = try SampleArticles.maximal().wireBytes()
        var rng = SeededGenerator(seed: 0x5EED_0002)
        let codec = WireCodec()
        var failures: [String] = []
        var tally: [DecodeOutcome: Int] = [:]
        for _ in 0..<CorpusScale.count(3_000, small: 300) {
            var bytes = valid
            for _ in 0..<rng.int(in: 1...4) {
                let at = rng.below(bytes.count)
                switch rng.below(4) {
                case 0: bytes[at] ^= UInt8(1 << rng.below(8))
                case 1: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                case 2: bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: at)
                default: bytes.remove(at: at)
                }
            }
            tally[Self.check(Article.self, bytes, codec, &failures), default: 0] += 1
        }
        #expect(failures.isEmpty, "\(failures.prefix(20).joined(separator: "; "))")
        #expect(tally.count >= 2, "\(tally)")
    }

    /// Decodes `bytes`; on success the value must survive its own round trip.
    static func check<M: WireMessage>(_ type: M.Type, _ bytes: [UInt8], _ codec: WireCodec, _ failures: inout [String]) -> DecodeOutcome {
        let (result, value) = outcome(M.self, bytes, codec: codec)
        switch result {
        case .decoded:
            guard let value else { break }
            do throws(WireError) {
                let again = try codec.decode(M.self, from: try codec.encode(value))
                if again != value { failures.append("\(M.protobufName) \(bytes): round trip of the decoded value differs") }
            } catch {
                failures.append("\(M.protobufName) \(bytes): decoded value does not re-encode: \(error)")
            }
        case .failed(let code):
            if code != .malformed && code != .invalidUTF8 && code != .embeddedNUL { failures.append("\(M.protobufName) \(bytes): \(code)") }
        }
        return result
    }

    /// Random fields with plausible tags (known field numbers, mostly right wire types) and random payloads.
    static func plausibleFields(_ rng: inout SeededGenerator, budget: Int) -> [UInt8] {
        var out: [UInt8] = []
        while out.count < budget {
            let field = UInt64(rng.chance(0.85) ? rng.int(in: 1...31) : rng.pick([100, 101, 102, 103, 104, 105, 106, 107, 108, 5000]))
            let wireType = UInt8(rng.chance(0.8) ? rng.pick([0, 2, 2, 2]) : rng.int(in: 0...7))
            out += Proto.tag(field, wireType)
            switch wireType {
            case 0: out += Proto.varint(rng.chance(0.5) ? UInt64(rng.below(200)) : rng.next())
            case 1: out += rng.bytes(8)
            case 5: out += rng.bytes(4)
            case 2:
                let n = rng.int(in: 0...24)
                let inner = rng.chance(0.5) ? plausibleFields(&rng, budget: n) : Array("word\(n)".utf8)
                out += Proto.varint(UInt64(rng.chance(0.95) ? inner.count : inner.count + rng.int(in: 1...3))) + inner
            default: break
            }
        }
        return out
    }

    // MARK: Edges

    @Test("empty input decodes to an empty message")
    func emptyInput() throws {
        #expect(try Article(wireBytes: []) == Article())
        #expect(try Article(wireBytes: UnsafeRawBufferPointer(start: nil, count: 0)) == Article())
        #expect(try WireCodec().decode(Envelope.self, from: []) == Envelope())
    }

    @Test("a string with U+0000 from another implementation is not silently cut short")
    func nulOnTheWire() throws {
        // protobuf-c hands strings over NUL-terminated, so NewsbusWire sees "before" only.
        // Expected: the full string or a WireError. See the report of the Google compatibility tests.
        let bytes = Proto.stringField(1, "before\u{0}after") + Proto.stringField(25, "x\u{0}\u{FF}")
        let result: Result<Article, WireError> = Result { () throws(WireError) -> Article in try Article(wireBytes: bytes) }
        switch result {
        case .success(let article):
            Issue.record("a string with U+0000 decoded as \(article.uri.debugDescription)")
        case .failure(let error):
            #expect(error.code == .embeddedNUL)
        }
        // A NUL inside a nested message's string is found too.
        let nested = Proto.bytesField(12, Proto.stringField(3, "head\u{0}line"))
        #expect(throws: WireError.self) { try Article(wireBytes: nested) }
    }
}

extension DecodeOutcome: Hashable, CustomStringConvertible {
    func hash(into hasher: inout Hasher) {
        switch self {
        case .decoded: hasher.combine(0)
        case .failed(let code): hasher.combine(code)
        }
    }

    var description: String {
        switch self {
        case .decoded: "decoded"
        case .failed(let code): "threw \(code)"
        }
    }
}
