import ArgumentParser
import CNewsbusProto
import CProtobufC
import Foundation
import NewsbusBus
import NewsbusTesting
import NewsbusWire

/// `newsbus bench codec`: the Swift codec against raw protobuf-c on the same 8 KB enriched Article.
struct CodecBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "codec",
        abstract: "Encode/decode throughput of the Swift codec next to raw protobuf-c, same message, same run.")

    @Option(name: .long, help: "Target encoded size of the sample article, in bytes.")
    var size = 8192

    @Option(name: .long, help: "Seconds per measurement.")
    var seconds = 1.0

    func run() throws {
        let article = SampleArticles.enriched(sizeBytes: size, seed: 42)
        let codec = WireCodec()
        let bytes = try codec.encode(article)
        print("sample: enriched Article, \(bytes.count) bytes encoded, \(article.bodies.first?.wordcount ?? 0) body words")
        print("measure: \(seconds) s each, 1 core, same process\n")

        // Raw protobuf-c: unpack once to get a C struct for the pack baseline.
        let cArticle = bytes.withUnsafeBufferPointer { newsbus__v1__article__unpack(nil, $0.count, $0.baseAddress!) }!
        defer { newsbus__v1__article__free_unpacked(cArticle, nil) }
        var out = [UInt8](repeating: 0, count: bytes.count * 2)

        let rawEncode = measure {
            out.withUnsafeMutableBufferPointer { buffer in
                let size = newsbus__v1__article__get_packed_size(cArticle)
                _ = newsbus__v1__article__pack(cArticle, buffer.baseAddress!)
                return size
            }
        }
        // The hot path writes straight into the outgoing frame (`encode(_:into:)`), as the raw
        // baseline packs into a reused buffer; `encode(_:) -> [UInt8]` also allocates the array.
        var frame = [UInt8](repeating: 0, count: bytes.count * 2)
        let swiftEncode = measure {
            frame.withUnsafeMutableBytes { buffer in
                (try? codec.encode(article) { size in
                    precondition(size <= buffer.count)
                    return buffer.baseAddress!
                }) ?? 0
            }
        }
        let swiftEncodeArray = measure { (try? codec.encode(article).count) ?? 0 }
        let rawDecode = measure {
            bytes.withUnsafeBufferPointer { buffer in
                let m = newsbus__v1__article__unpack(nil, buffer.count, buffer.baseAddress!)
                newsbus__v1__article__free_unpacked(m, nil)
                return buffer.count
            }
        }
        let swiftDecode = measure { (try? codec.decode(Article.self, from: bytes).uri.count) ?? 0 }

        func row(_ name: String, _ r: Rate, _ baseline: Rate?) {
            let mbps = r.perSecond * Double(bytes.count) / 1_000_000
            var line = "\(name.padding(toLength: 26, withPad: " ", startingAt: 0))"
                + String(format: "%10.0f msg/s  %8.1f MB/s  %6.2f µs/msg", r.perSecond, mbps, 1_000_000 / r.perSecond)
            if let baseline { line += String(format: "   ratio %.2f of raw", r.perSecond / baseline.perSecond) }
            print(line)
        }
        row("encode  raw protobuf-c", rawEncode, nil)
        row("encode  Swift codec", swiftEncode, rawEncode)
        row("encode  Swift → [UInt8]", swiftEncodeArray, rawEncode)
        row("decode  raw protobuf-c", rawDecode, nil)
        row("decode  Swift codec", swiftDecode, rawDecode)
        print("\n\"Swift codec\" rows are the hot path: encode into a caller's buffer (an outgoing zmq frame),")
        print("decode with the arena allocator. \"→ [UInt8]\" also allocates a new array per message.")
        print("target: Swift codec ≥ 0.50 of raw protobuf-c for encode and decode")
    }

    struct Rate { var perSecond: Double }

    /// Runs `body` repeatedly for `seconds` after a warm-up; returns calls per second.
    private func measure(_ body: () -> Int) -> Rate {
        var sink = 0
        for _ in 0..<200 { sink &+= body() }
        let start = MonotonicClock.nowNs()
        let end = start + UInt64(seconds * 1e9)
        var count = 0
        var now = start
        while now < end {
            for _ in 0..<64 { sink &+= body() }
            count += 64
            now = MonotonicClock.nowNs()
        }
        if sink == 42 { print("") }  // keep the work observable
        return Rate(perSecond: Double(count) / (Double(now - start) / 1e9))
    }
}
