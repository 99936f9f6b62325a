import CNewsbusProto
import CProtobufC

// Conversions between the Swift article types and the protoc-c structs of article.proto.
// Each type has `init(c:)` (decode) and `c(_:)` (encode into a builder's arena).

private let A: StaticString = "newsbus.v1.Article"

extension Article.Text {
    init(c: UnsafePointer<Newsbus__V1__Text>) throws(WireError) {
        let m = c.pointee
        self.init(
            role: try decodeString(m.role, A, "headlines.role"),
            contenttype: try decodeString(m.contenttype, A, "headlines.contenttype"),
            value: try decodeString(m.value, A, "headlines.value")
        )
    }

    func c(_ b: CMessageBuilder) throws(WireError) -> UnsafeMutablePointer<Newsbus__V1__Text> {
        let p = b.message(Newsbus__V1__Text.self) { newsbus__v1__text__init($0) }
        p.pointee.role = try b.string(role, "Text.role")
        p.pointee.contenttype = try b.string(contenttype, "Text.contenttype")
        p.pointee.value = try b.string(value, "Text.value")
        return p
    }
}

extension Article.Body {
    init(c: UnsafePointer<Newsbus__V1__Body>) throws(WireError) {
        let m = c.pointee
        self.init(
            role: try decodeString(m.role, A, "bodies.role"),
            contenttype: try decodeString(m.contenttype, A, "bodies.contenttype"),
            value: try decodeString(m.value, A, "bodies.value"),
            charcount: m.charcount, wordcount: m.wordcount, readingTimeSeconds: m.reading_time_seconds
        )
    }

    func c(_ b: CMessageBuilder) throws(WireError) -> UnsafeMutablePointer<Newsbus__V1__Body> {
        let p = b.message(Newsbus__V1__Body.self) { newsbus__v1__body__init($0) }
        p.pointee.role = try b.string(role, "Body.role")
        p.pointee.contenttype = try b.string(contenttype, "Body.contenttype")
        p.pointee.value = try b.string(value, "Body.value")
        p.pointee.charcount = charcount
        p.pointee.wordcount = wordcount
        p.pointee.reading_time_seconds = readingTimeSeconds
        return p
    }
}

extension Article.Concept {
    init(c: UnsafePointer<Newsbus__V1__Concept>) throws(WireError) {
        let m = c.pointee
        self.init(
            name: try decodeString(m.name, A, "Concept.name"),
            uri: try decodeString(m.uri, A, "Concept.uri"),
            rel: try decodeString(m.rel, A, "Concept.rel"),
            literal: try decodeString(m.literal, A, "Concept.literal"),
            creator: try decodeString(m.creator, A, "Concept.creator"),
            relevance: m.relevance, confidence: m.confidence,
            code: try decodeString(m.code, A, "Concept.code"),
            aliases: try decodeStrings(m.n_aliases, m.aliases, A, "Concept.aliases")
        )
    }

    func c(_ b: CMessageBuilder) throws(WireError) -> UnsafeMutablePointer<Newsbus__V1__Concept> {
        let p = b.message(Newsbus__V1__Concept.self) { newsbus__v1__concept__init($0) }
        p.pointee.name = try b.string(name, "Concept.name")
        p.pointee.uri = try b.string(uri, "Concept.uri")
        p.pointee.rel = try b.string(rel, "Concept.rel")
        p.pointee.literal = try b.string(literal, "Concept.literal")
        p.pointee.creator = try b.string(creator, "Concept.creator")
        p.pointee.relevance = relevance
        p.pointee.confidence = confidence
        p.pointee.code = try b.string(code, "Concept.code")
        (p.pointee.n_aliases, p.pointee.aliases) = try b.strings(aliases, "Concept.aliases")
        return p
    }
}

extension Article.AltId {
    init(c: UnsafePointer<Newsbus__V1__AltId>) throws(WireError) {
        self.init(role: try decodeString(c.pointee.role, A, "altids.role"), value: try decodeString(c.pointee.value, A, "altids.value"))
    }

    func c(_ b: CMessageBuilder) throws(WireError) -> UnsafeMutablePointer<Newsbus__V1__AltId> {
        let p = b.message(Newsbus__V1__AltId.self) { newsbus__v1__alt_id__init($0) }
        p.pointee.role = try b.string(role, "AltId.role")
        p.pointee.value = try b.string(value, "AltId.value")
        return p
    }
}

extension Article.Rendition {
    init(c: UnsafePointer<Newsbus__V1__Rendition>) throws(WireError) {
        let m = c.pointee
        self.init(
            name: try decodeString(m.name, A, "Rendition.name"),
            href: try decodeString(m.href, A, "Rendition.href"),
            contenttype: try decodeString(m.contenttype, A, "Rendition.contenttype"),
            width: m.width, height: m.height
        )
    }

    func c(_ b: CMessageBuilder) throws(WireError) -> UnsafeMutablePointer<Newsbus__V1__Rendition> {
        let p = b.message(Newsbus__V1__Rendition.self) { newsbus__v1__rendition__init($0) }
        p.pointee.name = try b.string(name, "Rendition.name")
        p.pointee.href = try b.string(href, "Rendition.href")
        p.pointee.contenttype = try b.string(contenttype, "Rendition.contenttype")
        p.pointee.width = width
        p.pointee.height = height
        return p
    }
}

extension Article.Association {
    init(c: UnsafePointer<Newsbus__V1__Association>) throws(WireError) {
        let m = c.pointee
        self.init(
            name: try decodeString(m.name, A, "Association.name"),
            uri: try decodeString(m.uri, A, "Association.uri"),
            type: try decodeString(m.type, A, "Association.type"),
            caption: try decodeString(m.caption, A, "Association.caption"),
            credit: try decodeString(m.credit, A, "Association.credit"),
            by: try decodeString(m.by, A, "Association.by"),
            copyrightholder: try decodeString(m.copyrightholder, A, "Association.copyrightholder"),
            versioncreated: try decodeString(m.versioncreated, A, "Association.versioncreated"),
            renditions: try decodeList(m.n_renditions, m.renditions, A) { (r) throws(WireError) in try Article.Rendition(c: r) },
            position: m.position
        )
    }

    func c(_ b: CMessageBuilder) throws(WireError) -> UnsafeMutablePointer<Newsbus__V1__Association> {
        let p = b.message(Newsbus__V1__Association.self) { newsbus__v1__association__init($0) }
        p.pointee.name = try b.string(name, "Association.name")
        p.pointee.uri = try b.string(uri, "Association.uri")
        p.pointee.type = try b.string(type, "Association.type")
        p.pointee.caption = try b.string(caption, "Association.caption")
        p.pointee.credit = try b.string(credit, "Association.credit")
        p.pointee.by = try b.string(by, "Association.by")
        p.pointee.copyrightholder = try b.string(copyrightholder, "Association.copyrightholder")
        p.pointee.versioncreated = try b.string(versioncreated, "Association.versioncreated")
        (p.pointee.n_renditions, p.pointee.renditions) = try b.list(renditions) { (r) throws(WireError) in try r.c(b) }
        p.pointee.position = position
        return p
    }
}

extension Article.DateMention {
    init(c: UnsafePointer<Newsbus__V1__DateMention>) throws(WireError) {
        let m = c.pointee
        self.init(
            text: try decodeString(m.text, A, "DateMention.text"),
            value: try decodeString(m.value, A, "DateMention.value"),
            relative: m.relative != 0,
            anchor: try decodeString(m.anchor, A, "DateMention.anchor"),
            start: m.start, end: m.end, bodyIndex: m.body_index
        )
    }

    func c(_ b: CMessageBuilder) throws(WireError) -> UnsafeMutablePointer<Newsbus__V1__DateMention> {
        let p = b.message(Newsbus__V1__DateMention.self) { newsbus__v1__date_mention__init($0) }
        p.pointee.text = try b.string(text, "DateMention.text")
        p.pointee.value = try b.string(value, "DateMention.value")
        p.pointee.relative = relative ? 1 : 0
        p.pointee.anchor = try b.string(anchor, "DateMention.anchor")
        p.pointee.start = start
        p.pointee.end = end
        p.pointee.body_index = bodyIndex
        return p
    }
}

extension Article.Quote {
    init(c: UnsafePointer<Newsbus__V1__Quote>) throws(WireError) {
        let m = c.pointee
        self.init(
            content: try decodeString(m.content, A, "Quote.content"),
            speaker: try m.speaker.map { (s) throws(WireError) in try Article.Concept(c: s) },
            cue: try decodeString(m.cue, A, "Quote.cue"),
            start: m.start, end: m.end, partial: m.partial != 0, bodyIndex: m.body_index
        )
    }

    func c(_ b: CMessageBuilder) throws(WireError) -> UnsafeMutablePointer<Newsbus__V1__Quote> {
        let p = b.message(Newsbus__V1__Quote.self) { newsbus__v1__quote__init($0) }
        p.pointee.content = try b.string(content, "Quote.content")
        if let speaker { p.pointee.speaker = try speaker.c(b) }
        p.pointee.cue = try b.string(cue, "Quote.cue")
        p.pointee.start = start
        p.pointee.end = end
        p.pointee.partial = partial ? 1 : 0
        p.pointee.body_index = bodyIndex
        return p
    }
}

extension Article.Provenance {
    init(c: UnsafePointer<Newsbus__V1__Provenance>) throws(WireError) {
        let m = c.pointee
        self.init(
            enricher: try decodeString(m.enricher, A, "Provenance.enricher"),
            version: try decodeString(m.version, A, "Provenance.version"),
            processedAt: try decodeString(m.processed_at, A, "Provenance.processed_at"),
            durationMicros: m.duration_micros,
            fields: try decodeStrings(m.n_fields, m.fields, A, "Provenance.fields")
        )
    }

    func c(_ b: CMessageBuilder) throws(WireError) -> UnsafeMutablePointer<Newsbus__V1__Provenance> {
        let p = b.message(Newsbus__V1__Provenance.self) { newsbus__v1__provenance__init($0) }
        p.pointee.enricher = try b.string(enricher, "Provenance.enricher")
        p.pointee.version = try b.string(version, "Provenance.version")
        p.pointee.processed_at = try b.string(processedAt, "Provenance.processed_at")
        p.pointee.duration_micros = durationMicros
        (p.pointee.n_fields, p.pointee.fields) = try b.strings(fields, "Provenance.fields")
        return p
    }
}

extension Article.Annotation {
    init(c: UnsafePointer<Newsbus__V1__Annotation>) throws(WireError) {
        let m = c.pointee
        self.init(
            creator: try decodeString(m.creator, A, "Annotation.creator"),
            name: try decodeString(m.name, A, "Annotation.name"),
            value: try decodeString(m.value, A, "Annotation.value"),
            score: m.score,
            contenttype: try decodeString(m.contenttype, A, "Annotation.contenttype"),
            data: decodeBytes(m.data)
        )
    }

    func c(_ b: CMessageBuilder) throws(WireError) -> UnsafeMutablePointer<Newsbus__V1__Annotation> {
        let p = b.message(Newsbus__V1__Annotation.self) { newsbus__v1__annotation__init($0) }
        p.pointee.creator = try b.string(creator, "Annotation.creator")
        p.pointee.name = try b.string(name, "Annotation.name")
        p.pointee.value = try b.string(value, "Annotation.value")
        p.pointee.score = score
        p.pointee.contenttype = try b.string(contenttype, "Annotation.contenttype")
        p.pointee.data = b.bytes(data)
        return p
    }
}

extension Article.Source {
    init(c: UnsafePointer<Newsbus__V1__Source>) throws(WireError) {
        let m = c.pointee
        self.init(
            kind: try decodeString(m.kind, A, "Source.kind"),
            name: try decodeString(m.name, A, "Source.name"),
            locator: try decodeString(m.locator, A, "Source.locator"),
            receivedAt: try decodeString(m.received_at, A, "Source.received_at"),
            format: try decodeString(m.format, A, "Source.format")
        )
    }

    func c(_ b: CMessageBuilder) throws(WireError) -> UnsafeMutablePointer<Newsbus__V1__Source> {
        let p = b.message(Newsbus__V1__Source.self) { newsbus__v1__source__init($0) }
        p.pointee.kind = try b.string(kind, "Source.kind")
        p.pointee.name = try b.string(name, "Source.name")
        p.pointee.locator = try b.string(locator, "Source.locator")
        p.pointee.received_at = try b.string(receivedAt, "Source.received_at")
        p.pointee.format = try b.string(format, "Source.format")
        return p
    }
}

private func concepts(
    _ count: Int, _ p: UnsafeMutablePointer<UnsafeMutablePointer<Newsbus__V1__Concept>?>?
) throws(WireError) -> [Article.Concept] {
    try decodeList(count, p, A) { (c) throws(WireError) in try Article.Concept(c: c) }
}

private func concepts(
    _ values: [Article.Concept], _ b: CMessageBuilder
) throws(WireError) -> (Int, UnsafeMutablePointer<UnsafeMutablePointer<Newsbus__V1__Concept>?>?) {
    try b.list(values) { (c) throws(WireError) in try c.c(b) }
}

extension Article: WireMessage {
    /// "newsbus.v1.Article".
    public static var protobufName: String { "newsbus.v1.Article" }

    public static func _unpack(_ allocator: UnsafeMutableRawPointer?, _ count: Int, _ bytes: UnsafePointer<UInt8>) -> UnsafeMutableRawPointer? {
        UnsafeMutableRawPointer(newsbus__v1__article__unpack(allocator?.assumingMemoryBound(to: ProtobufCAllocator.self), count, bytes))
    }

    public static func _freeUnpacked(_ message: UnsafeMutableRawPointer, _ allocator: UnsafeMutableRawPointer?) {
        newsbus__v1__article__free_unpacked(
            message.assumingMemoryBound(to: Newsbus__V1__Article.self), allocator?.assumingMemoryBound(to: ProtobufCAllocator.self))
    }

    public init(_cMessage message: UnsafeRawPointer) throws(WireError) {
        let m = message.assumingMemoryBound(to: Newsbus__V1__Article.self).pointee
        self.init(
            uri: try decodeString(m.uri, A, "uri"),
            version: try decodeString(m.version, A, "version"),
            type: try decodeString(m.type, A, "type"),
            profile: try decodeString(m.profile, A, "profile"),
            firstcreated: try decodeString(m.firstcreated, A, "firstcreated"),
            versioncreated: try decodeString(m.versioncreated, A, "versioncreated"),
            contentcreated: try decodeString(m.contentcreated, A, "contentcreated"),
            embargoed: try decodeString(m.embargoed, A, "embargoed"),
            pubstatus: PubStatus(rawValue: Int32(truncatingIfNeeded: m.pubstatus.rawValue)),
            urgency: m.urgency,
            language: try decodeString(m.language, A, "language"),
            headlines: try decodeList(m.n_headlines, m.headlines, A) { (t) throws(WireError) in try Text(c: t) },
            descriptions: try decodeList(m.n_descriptions, m.descriptions, A) { (t) throws(WireError) in try Text(c: t) },
            bodies: try decodeList(m.n_bodies, m.bodies, A) { (t) throws(WireError) in try Body(c: t) },
            by: try decodeString(m.by, A, "by"),
            located: try decodeString(m.located, A, "located"),
            slugline: try decodeString(m.slugline, A, "slugline"),
            ednote: try decodeString(m.ednote, A, "ednote"),
            people: try concepts(m.n_people, m.people),
            organisations: try concepts(m.n_organisations, m.organisations),
            places: try concepts(m.n_places, m.places),
            subjects: try concepts(m.n_subjects, m.subjects),
            events: try concepts(m.n_events, m.events),
            genres: try concepts(m.n_genres, m.genres),
            keywords: try decodeStrings(m.n_keywords, m.keywords, A, "keywords"),
            altids: try decodeList(m.n_altids, m.altids, A) { (t) throws(WireError) in try AltId(c: t) },
            associations: try decodeList(m.n_associations, m.associations, A) { (t) throws(WireError) in try Association(c: t) },
            copyrightholder: try decodeString(m.copyrightholder, A, "copyrightholder"),
            copyrightnotice: try decodeString(m.copyrightnotice, A, "copyrightnotice"),
            usageterms: try decodeString(m.usageterms, A, "usageterms"),
            infosources: try concepts(m.n_infosources, m.infosources),
            sectionPath: try decodeStrings(m.n_section_path, m.section_path, A, "section_path"),
            quotes: try decodeList(m.n_quotes, m.quotes, A) { (t) throws(WireError) in try Quote(c: t) },
            fingerprint: m.fingerprint,
            provenance: try decodeList(m.n_provenance, m.provenance, A) { (t) throws(WireError) in try Provenance(c: t) },
            annotations: try decodeList(m.n_annotations, m.annotations, A) { (t) throws(WireError) in try Annotation(c: t) },
            signals: m.n_signals == 0 || m.signals == nil
                ? [] : (0..<m.n_signals).map { Signal(rawValue: Int32(truncatingIfNeeded: m.signals[$0].rawValue)) },
            source: try m.source.map { (s) throws(WireError) in try Source(c: s) },
            contentHash: try decodeString(m.content_hash, A, "content_hash"),
            boilerplate: try decodeStrings(m.n_boilerplate, m.boilerplate, A, "boilerplate"),
            dates: try decodeList(m.n_dates, m.dates, A) { (t) throws(WireError) in try DateMention(c: t) }
        )
    }

    public func _cMessage(_ b: CMessageBuilder) throws(WireError) -> UnsafeMutableRawPointer {
        let p = b.message(Newsbus__V1__Article.self) { newsbus__v1__article__init($0) }
        p.pointee.uri = try b.string(uri, "uri")
        p.pointee.version = try b.string(version, "version")
        p.pointee.type = try b.string(type, "type")
        p.pointee.profile = try b.string(profile, "profile")
        p.pointee.firstcreated = try b.string(firstcreated, "firstcreated")
        p.pointee.versioncreated = try b.string(versioncreated, "versioncreated")
        p.pointee.contentcreated = try b.string(contentcreated, "contentcreated")
        p.pointee.embargoed = try b.string(embargoed, "embargoed")
        p.pointee.pubstatus = Newsbus__V1__PubStatus(rawValue: numericCast(UInt32(bitPattern: pubstatus.rawValue)))
        p.pointee.urgency = urgency
        p.pointee.language = try b.string(language, "language")
        (p.pointee.n_headlines, p.pointee.headlines) = try b.list(headlines) { (t) throws(WireError) in try t.c(b) }
        (p.pointee.n_descriptions, p.pointee.descriptions) = try b.list(descriptions) { (t) throws(WireError) in try t.c(b) }
        (p.pointee.n_bodies, p.pointee.bodies) = try b.list(bodies) { (t) throws(WireError) in try t.c(b) }
        p.pointee.by = try b.string(by, "by")
        p.pointee.located = try b.string(located, "located")
        p.pointee.slugline = try b.string(slugline, "slugline")
        p.pointee.ednote = try b.string(ednote, "ednote")
        (p.pointee.n_people, p.pointee.people) = try concepts(people, b)
        (p.pointee.n_organisations, p.pointee.organisations) = try concepts(organisations, b)
        (p.pointee.n_places, p.pointee.places) = try concepts(places, b)
        (p.pointee.n_subjects, p.pointee.subjects) = try concepts(subjects, b)
        (p.pointee.n_events, p.pointee.events) = try concepts(events, b)
        (p.pointee.n_genres, p.pointee.genres) = try concepts(genres, b)
        (p.pointee.n_keywords, p.pointee.keywords) = try b.strings(keywords, "keywords")
        (p.pointee.n_altids, p.pointee.altids) = try b.list(altids) { (t) throws(WireError) in try t.c(b) }
        (p.pointee.n_associations, p.pointee.associations) = try b.list(associations) { (t) throws(WireError) in try t.c(b) }
        p.pointee.copyrightholder = try b.string(copyrightholder, "copyrightholder")
        p.pointee.copyrightnotice = try b.string(copyrightnotice, "copyrightnotice")
        p.pointee.usageterms = try b.string(usageterms, "usageterms")
        (p.pointee.n_infosources, p.pointee.infosources) = try concepts(infosources, b)
        (p.pointee.n_section_path, p.pointee.section_path) = try b.strings(sectionPath, "section_path")
        (p.pointee.n_quotes, p.pointee.quotes) = try b.list(quotes) { (t) throws(WireError) in try t.c(b) }
        p.pointee.fingerprint = fingerprint
        (p.pointee.n_provenance, p.pointee.provenance) = try b.list(provenance) { (t) throws(WireError) in try t.c(b) }
        (p.pointee.n_annotations, p.pointee.annotations) = try b.list(annotations) { (t) throws(WireError) in try t.c(b) }
        (p.pointee.n_signals, p.pointee.signals) = b.enums(signals) {
            Newsbus__V1__Signal(rawValue: numericCast(UInt32(bitPattern: $0.rawValue)))
        }
        if let source { p.pointee.source = try source.c(b) }
        p.pointee.content_hash = try b.string(contentHash, "content_hash")
        (p.pointee.n_boilerplate, p.pointee.boilerplate) = try b.strings(boilerplate, "boilerplate")
        (p.pointee.n_dates, p.pointee.dates) = try b.list(dates) { (t) throws(WireError) in try t.c(b) }
        return UnsafeMutableRawPointer(p)
    }
}
