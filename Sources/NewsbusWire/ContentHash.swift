import Foundation

/// The content hash that identifies "the same content" for idempotency and content-derived URIs.
public enum ContentHash {
    /// Hex SHA-256 of the headline and the bodies, whitespace-normalised, so that re-scraping the
    /// same page with different line endings or spacing gives the same hash.
    public static func of(_ article: Article) -> String {
        var hash = SHA256()
        hash.update(normalisedBytes(article.headline))
        for body in article.bodies {
            hash.update([0x0A, 0x0A] as [UInt8])
            hash.update(normalisedBytes(body.value))
        }
        return SHA256.hexString(hash.finalize())
    }

    /// UTF-8 of `text` with every run of whitespace collapsed to one space and the ends trimmed.
    static func normalisedBytes(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            if scalar.isASCII {
                out.append(UInt8(scalar.value))
            } else {
                out.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        return out
    }

    /// Collapses every run of whitespace to one space and trims the ends.
    static func normalise(_ text: String) -> String {
        String(decoding: normalisedBytes(text), as: UTF8.self)
    }
}

/// RFC 3339 timestamps, as ninjs uses them.
public enum Timestamp {
    /// Now, in UTC, to the second: "2026-11-29T01:47:00Z".
    public static func now() -> String { string(from: Date()) }

    /// A date in UTC to the second.
    public static func string(from date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
            Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    /// Microseconds since the Unix epoch, for envelopes and hops.
    public static func micros() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return UInt64(ts.tv_sec) * 1_000_000 + UInt64(ts.tv_nsec) / 1000
    }
}
