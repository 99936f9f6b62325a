import Foundation
import NewsbusWire

/// What Google's `json_format.MessageToJson(preserving_proto_field_name=True)` prints for a value,
/// written from the proto3 JSON mapping and the .proto files, not from the codec: absent for
/// default values, 64-bit integers as decimal strings, bytes as base64, enums by name when known.
enum ProtoJSON {
    typealias Object = [String: Any]

    private static func put(_ o: inout Object, _ key: String, _ v: String) { if !v.isEmpty { o[key] = v } }
    private static func put(_ o: inout Object, _ key: String, _ v: UInt32) { if v != 0 { o[key] = Int(v) } }
    private static func put(_ o: inout Object, _ key: String, _ v: Int32) { if v != 0 { o[key] = Int(v) } }
    private static func put(_ o: inout Object, _ key: String, _ v: UInt64) { if v != 0 { o[key] = String(v) } }
    private static func put(_ o: inout Object, _ key: String, _ v: Bool) { if v { o[key] = true } }
    private static func put(_ o: inout Object, _ key: String, _ v: [String]) { if !v.isEmpty { o[key] = v } }
    private static func put(_ o: inout Object, _ key: String, _ v: [Object]) { if !v.isEmpty { o[key] = v } }
    private static func put(_ o: inout Object, _ key: String, _ v: Object?) { if let v { o[key] = v } }
    private static func put(_ o: inout Object, _ key: String, bytes: [UInt8]) {
        if !bytes.isEmpty { o[key] = Data(bytes).base64EncodedString() }
    }
    private static func put(_ o: inout Object, _ key: String, _ v: Double) {
        if v.isNaN { o[key] = "NaN" } else if v.isInfinite { o[key] = v < 0 ? "-Infinity" : "Infinity" } else if v != 0 { o[key] = v }
    }
    private static func enumValue(_ raw: Int32, _ names: [String]) -> Any {
        raw >= 0 && Int(raw) < names.count ? names[Int(raw)] : Int(raw)
    }
    private static func put(_ o: inout Object, _ key: String, enumRaw: Int32, _ names: [String]) {
        if enumRaw != 0 { o[key] = enumValue(enumRaw, names) }
    }

    static let pubStatusNames = ["PUB_STATUS_UNSPECIFIED", "PUB_STATUS_USABLE", "PUB_STATUS_WITHHELD", "PUB_STATUS_CANCELED"]
    static let signalNames = ["SIGNAL_UNSPECIFIED", "SIGNAL_UPDATE", "SIGNAL_CORRECTION", "SIGNAL_WITHDRAW"]
    static let nackCodeNames = ["NACK_CODE_UNSPECIFIED", "NACK_CODE_MALFORMED", "NACK_CODE_TOO_LARGE", "NACK_CODE_OVERLOADED",
                                "NACK_CODE_DEAD_LETTERED", "NACK_CODE_NO_PIPELINE"]

    static func text(_ t: Article.Text) -> Object {
        var o = Object()
        put(&o, "role", t.role); put(&o, "contenttype", t.contenttype); put(&o, "value", t.value)
        return o
    }

    static func body(_ b: Article.Body) -> Object {
        var o = Object()
        put(&o, "role", b.role); put(&o, "contenttype", b.contenttype); put(&o, "value", b.value)
        put(&o, "charcount", b.charcount); put(&o, "wordcount", b.wordcount); put(&o, "reading_time_seconds", b.readingTimeSeconds)
        return o
    }

    static func concept(_ c: Article.Concept) -> Object {
        var o = Object()
        put(&o, "name", c.name); put(&o, "uri", c.uri); put(&o, "rel", c.rel); put(&o, "literal", c.literal)
        put(&o, "creator", c.creator); put(&o, "relevance", c.relevance); put(&o, "confidence", c.confidence)
        put(&o, "code", c.code); put(&o, "aliases", c.aliases)
        return o
    }

    static func association(_ a: Article.Association) -> Object {
        var o = Object()
        put(&o, "name", a.name); put(&o, "uri", a.uri); put(&o, "type", a.type); put(&o, "caption", a.caption)
        put(&o, "credit", a.credit); put(&o, "by", a.by); put(&o, "copyrightholder", a.copyrightholder)
        put(&o, "versioncreated", a.versioncreated)
        put(&o, "renditions", a.renditions.map { r in
            var ro = Object()
            put(&ro, "name", r.name); put(&ro, "href", r.href); put(&ro, "contenttype", r.contenttype)
            put(&ro, "width", r.width); put(&ro, "height", r.height)
            return ro
        })
        put(&o, "position", a.position)
        return o
    }

    static func article(_ a: Article) -> Object {
        var o = Object()
        put(&o, "uri", a.uri); put(&o, "version", a.version); put(&o, "type", a.type); put(&o, "profile", a.profile)
        put(&o, "firstcreated", a.firstcreated); put(&o, "versioncreated", a.versioncreated)
        put(&o, "contentcreated", a.contentcreated); put(&o, "embargoed", a.embargoed)
        put(&o, "pubstatus", enumRaw: a.pubstatus.rawValue, pubStatusNames)
        put(&o, "urgency", a.urgency); put(&o, "language", a.language)
        put(&o, "headlines", a.headlines.map(text)); put(&o, "descriptions", a.descriptions.map(text))
        put(&o, "bodies", a.bodies.map(body))
        put(&o, "by", a.by); put(&o, "located", a.located); put(&o, "slugline", a.slugline); put(&o, "ednote", a.ednote)
        put(&o, "people", a.people.map(concept)); put(&o, "organisations", a.organisations.map(concept))
        put(&o, "places", a.places.map(concept)); put(&o, "subjects", a.subjects.map(concept))
        put(&o, "events", a.events.map(concept)); put(&o, "genres", a.genres.map(concept))
        put(&o, "keywords", a.keywords)
        put(&o, "altids", a.altids.map { x in
            var ao = Object()
            put(&ao, "role", x.role); put(&ao, "value", x.value)
            return ao
        })
        put(&o, "associations", a.associations.map(association))
        put(&o, "copyrightholder", a.copyrightholder); put(&o, "copyrightnotice", a.copyrightnotice)
        put(&o, "usageterms", a.usageterms); put(&o, "infosources", a.infosources.map(concept))
        put(&o, "section_path", a.sectionPath)
        put(&o, "quotes", a.quotes.map { q in
            var qo = Object()
            put(&qo, "content", q.content); put(&qo, "speaker", q.speaker.map(concept)); put(&qo, "cue", q.cue)
            put(&qo, "start", q.start); put(&qo, "end", q.end); put(&qo, "partial", q.partial); put(&qo, "body_index", q.bodyIndex)
            return qo
        })
        put(&o, "fingerprint", a.fingerprint)
        put(&o, "provenance", a.provenance.map { p in
            var po = Object()
            put(&po, "enricher", p.enricher); put(&po, "version", p.version); put(&po, "processed_at", p.processedAt)
            put(&po, "duration_micros", p.durationMicros); put(&po, "fields", p.fields)
            return po
        })
        put(&o, "annotations", a.annotations.map { x in
            var ao = Object()
            put(&ao, "creator", x.creator); put(&ao, "name", x.name); put(&ao, "value", x.value); put(&ao, "score", x.score)
            put(&ao, "contenttype", x.contenttype); put(&ao, "data", bytes: x.data)
            return ao
        })
        if !a.signals.isEmpty { o["signals"] = a.signals.map { enumValue($0.rawValue, signalNames) } }
        put(&o, "source", a.source.map { s in
            var so = Object()
            put(&so, "kind", s.kind); put(&so, "name", s.name); put(&so, "locator", s.locator)
            put(&so, "received_at", s.receivedAt); put(&so, "format", s.format)
            return so
        })
        put(&o, "content_hash", a.contentHash); put(&o, "boilerplate", a.boilerplate)
        put(&o, "dates", a.dates.map { d in
            var dobj = Object()
            put(&dobj, "text", d.text); put(&dobj, "value", d.value); put(&dobj, "relative", d.relative)
            put(&dobj, "anchor", d.anchor); put(&dobj, "start", d.start); put(&dobj, "end", d.end)
            put(&dobj, "body_index", d.bodyIndex)
            return dobj
        })
        return o
    }

    static func envelope(_ e: Envelope) -> Object {
        var o = Object()
        put(&o, "message_id", e.messageId); put(&o, "article_uri", e.articleUri); put(&o, "article_version", e.articleVersion)
        put(&o, "routing_slip", e.routingSlip); put(&o, "slip_position", e.slipPosition); put(&o, "attempt", e.attempt)
        put(&o, "trace_id", e.traceId)
        put(&o, "hops", e.hops.map { h in
            var ho = Object()
            put(&ho, "stage", h.stage); put(&ho, "worker", h.worker); put(&ho, "dispatched_at_us", h.dispatchedAtMicros)
            put(&ho, "completed_at_us", h.completedAtMicros); put(&ho, "attempt", h.attempt)
            return ho
        })
        put(&o, "producer", e.producer); put(&o, "published_at_us", e.publishedAtMicros)
        put(&o, "content_type", e.contentType); put(&o, "payload_size", e.payloadSize); put(&o, "pipeline", e.pipeline)
        return o
    }

    static func ready(_ r: Ready) -> Object {
        var o = Object()
        put(&o, "stage", r.stage); put(&o, "capacity", r.capacity); put(&o, "worker", r.worker); put(&o, "pid", r.pid)
        put(&o, "version", r.version); put(&o, "language", r.language)
        return o
    }

    static func fail(_ f: Fail) -> Object {
        var o = Object()
        put(&o, "envelope", f.envelope.map(envelope)); put(&o, "reason", f.reason); put(&o, "retryable", f.retryable)
        return o
    }

    static func nack(_ n: Nack) -> Object {
        var o = Object()
        put(&o, "message_id", n.messageId); put(&o, "reason", n.reason)
        put(&o, "code", enumRaw: n.code.rawValue, nackCodeNames)
        return o
    }

    static func logRecord(_ r: LogRecord) -> Object {
        var o = Object()
        put(&o, "recorded_at_us", r.recordedAtMicros); put(&o, "point", r.point)
        put(&o, "envelope", r.envelope.map(envelope)); put(&o, "payload", bytes: r.payload)
        return o
    }

    /// Differences between an expected and an actual JSON value, as "path: detail" lines.
    static func diff(_ expected: Any, _ actual: Any?, path: String = "$") -> [String] {
        guard let actual else { return ["\(path): missing, expected \(expected)"] }
        switch expected {
        case let e as Object:
            guard let a = actual as? Object else { return ["\(path): expected an object, got \(actual)"] }
            var out: [String] = []
            for key in Set(e.keys).union(a.keys).sorted() {
                if let ev = e[key] {
                    out += diff(ev, a[key], path: "\(path).\(key)")
                } else {
                    out.append("\(path).\(key): unexpected \(a[key]!)")
                }
            }
            return out
        case let e as [Any]:
            guard let a = actual as? [Any] else { return ["\(path): expected an array, got \(actual)"] }
            guard e.count == a.count else { return ["\(path): expected \(e.count) elements, got \(a.count)"] }
            return zip(e, a).enumerated().flatMap { i, pair in diff(pair.0, pair.1, path: "\(path)[\(i)]") }
        case let e as String:
            return (actual as? String) == e ? [] : ["\(path): expected \(e.debugDescription), got \(actual)"]
        case let e as Bool:
            return (actual as? Bool) == e ? [] : ["\(path): expected \(e), got \(actual)"]
        case let e as Int:
            return (actual as? NSNumber)?.int64Value == Int64(e) && (actual as? NSNumber)?.doubleValue == Double(e)
                ? [] : ["\(path): expected \(e), got \(actual)"]
        case let e as Double:
            return (actual as? NSNumber)?.doubleValue == e ? [] : ["\(path): expected \(e), got \(actual)"]
        default:
            return ["\(path): cannot compare \(expected)"]
        }
    }
}
