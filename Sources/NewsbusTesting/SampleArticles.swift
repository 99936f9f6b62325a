import NewsbusWire

/// Ready-made articles for tests: the smallest valid one, one with every field set, and realistic
/// enriched news articles of a chosen size.
///
/// All text is invented for Newsbus; people, organisations and quotes are fictional.
public enum SampleArticles {
    /// The smallest article the bus carries: a `uri` and nothing else.
    public static func minimal() -> Article {
        Article(uri: "urn:newsbus:sample:minimal")
    }

    /// An article with every field of ``Article`` and of its nested types set to a non-default
    /// value.
    ///
    /// Every repeated field has at least two elements, every element has all of its own fields
    /// set, and the text mixes scripts (Japanese, Korean, Arabic, Cyrillic, Greek, Devanagari,
    /// Hebrew, Thai), emoji (including ZWJ sequences and flags), combining marks and
    /// right-to-left text. Numbers use values that stress the wire format: the 64-bit
    /// fingerprint has its top bit set, annotation data holds bytes 0x00 and 0xFF, one
    /// association position is negative. The result is the same on every call.
    public static func maximal() -> Article {
        let ishikawa = Article.Concept(
            name: "Ishikawa Haruto", uri: "urn:newsbus:person:ishikawa-haruto", rel: "mentions",
            literal: "石川 陽翔", creator: "machine:enrich.entities", relevance: 92, confidence: 88, code: "JP",
            aliases: ["Ishikawa", "石川"]
        )
        let baek = Article.Concept(
            name: "Baek Min-jun", uri: "urn:newsbus:person:baek-min-jun", rel: "mentions",
            literal: "백민준", creator: "editor", relevance: 75, confidence: 97, code: "KR",
            aliases: ["Baek", "백 대표"]
        )
        let haddad = Article.Concept(
            name: "Amina Haddad", uri: "urn:newsbus:person:amina-haddad", rel: "quoted",
            literal: "أمينة حداد", creator: "machine:enrich.quotes", relevance: 40, confidence: 71, code: "JO",
            aliases: ["Haddad", "حداد"]
        )
        return Article(
            uri: "urn:newsbus:sample:maximal",
            version: "3",
            type: "text",
            profile: "newsbus-sample-profile",
            firstcreated: "2024-03-05T07:15:00Z",
            versioncreated: "2024-03-05T11:42:30Z",
            contentcreated: "2024-03-04T22:05:00Z",
            embargoed: "2024-03-05T08:00:00Z",
            pubstatus: .withheld,
            urgency: 3,
            language: "en-GB",
            headlines: [
                Article.Text(role: "main", contenttype: "text/plain",
                             value: "Harbour talks resume in Busan: tariffs, patrols and 漁業協定 on the table 🚢"),
                Article.Text(role: "sub", contenttype: "text/html",
                             value: "<b>항만 협상</b> — envoys meet again after a six-month pause"),
            ],
            descriptions: [
                Article.Text(role: "summary", contenttype: "text/plain",
                             value: "Envoys from three coastal states met in Busan to revive a fishing and shipping accord."),
                Article.Text(role: "caption", contenttype: "text/plain",
                             value: "مبعوثون يلتقون في بوسان — Envoys meet in Busan, March 5, 2024."),
            ],
            bodies: [
                Article.Body(
                    role: "lead", contenttype: "text/plain", value: "Busan talks resume — 부산 회담 재개.",
                    charcount: 30, wordcount: 7, readingTimeSeconds: 2
                ),
                Article.Body(
                    role: "main", contenttype: "text/plain",
                    value: """
                    Japanese envoy Ishikawa Haruto met his South Korean counterpart Baek Min-jun in Busan on Tuesday.

                    "We will keep every channel open," Ishikawa said, adding that the talks were "close to a draft."

                    Combining marks: Zoe\u{0308}, A\u{030A}ngstro\u{0308}m, n\u{0303}; Hindi: नमस्ते; Greek: Ωμέγα; Russian: Привет.
                    """,
                    charcount: 281, wordcount: 43, readingTimeSeconds: 11
                ),
                Article.Body(
                    role: "translation", contenttype: "text/html",
                    value: "<p>\"ليس لدينا وقت نضيعه\"، قالت حداد.</p><p>שלום 👩‍👩‍👧 🇯🇵🇰🇷 สวัสดี</p>",
                    charcount: 69, wordcount: 9, readingTimeSeconds: 3
                ),
            ],
            by: "By Sora Nakamura and 정하늘",
            located: "Busan, South Korea / 부산",
            slugline: "KOREA-JAPAN-FISHERIES/TALKS",
            ednote: "Updates with Haddad quote in paragraph 2; ne pas diffuser avant 08:00 GMT.",
            people: [ishikawa, baek],
            organisations: [
                Article.Concept(
                    name: "Coastal Fisheries Council", uri: "urn:newsbus:org:coastal-fisheries-council", rel: "about",
                    literal: "沿岸漁業評議会", creator: "machine:enrich.entities", relevance: 66, confidence: 80, code: "CFC",
                    aliases: ["the Council", "CFC"]
                ),
                Article.Concept(
                    name: "Harbor Bank", uri: "urn:newsbus:org:harbor-bank", rel: "mentions",
                    literal: "하버은행", creator: "editor", relevance: 20, confidence: 99, code: "HBK",
                    aliases: ["the bank", "HB"]
                ),
            ],
            places: [
                Article.Concept(
                    name: "Busan", uri: "urn:newsbus:gazetteer:kr-busan", rel: "located",
                    literal: "부산", creator: "machine:enrich.places", relevance: 90, confidence: 95, code: "KR",
                    aliases: ["Pusan", "釜山"]
                ),
                Article.Concept(
                    name: "Tokyo", uri: "urn:newsbus:gazetteer:jp-tokyo", rel: "mentions",
                    literal: "東京", creator: "machine:enrich.places", relevance: 35, confidence: 93, code: "JP",
                    aliases: ["Japanese government", "東京都"]
                ),
            ],
            subjects: [
                Article.Concept(
                    name: "politics", uri: "medtop:11000000", rel: "about", literal: "Politik",
                    creator: "machine:enrich.topics", relevance: 80, confidence: 77, code: "11000000",
                    aliases: ["government", "diplomacy"]
                ),
                Article.Concept(
                    name: "fishing industry", uri: "medtop:20000256", rel: "about", literal: "漁業",
                    creator: "editor", relevance: 70, confidence: 90, code: "20000256",
                    aliases: ["fisheries", "수산업"]
                ),
            ],
            events: [
                Article.Concept(
                    name: "Busan harbour talks 2024", uri: "urn:newsbus:event:busan-talks-2024", rel: "about",
                    literal: "부산 항만 회담", creator: "editor", relevance: 85, confidence: 60, code: "EV-2024-031",
                    aliases: ["harbour talks", "Busan round"]
                ),
                Article.Concept(
                    name: "Spring fishing season", uri: "urn:newsbus:event:spring-season", rel: "mentions",
                    literal: "春漁期", creator: "machine:enrich.events", relevance: 15, confidence: 45, code: "EV-SEASON",
                    aliases: ["the season", "spring catch"]
                ),
            ],
            genres: [
                Article.Concept(
                    name: "Current", uri: "genre:Current", rel: "genre", literal: "Actualité",
                    creator: "editor", relevance: 100, confidence: 100, code: "CUR",
                    aliases: ["news", "hard news"]
                ),
                Article.Concept(
                    name: "Update", uri: "genre:Update", rel: "genre", literal: "Mise à jour",
                    creator: "machine:enrich.genre", relevance: 50, confidence: 55, code: "UPD",
                    aliases: ["developing", "follow-up"]
                ),
            ],
            keywords: ["fisheries", "Busan", "항만", "漁業", "تجارة", "tariffs"],
            altids: [
                Article.AltId(role: "guid", value: "sample-guid-0000-maximal"),
                Article.AltId(role: "canonical-url", value: "https://news.example/koreas/busan-harbour-talks-漁業"),
            ],
            associations: [
                Article.Association(
                    name: "featureimage", uri: "urn:newsbus:picture:busan-envoys", type: "picture",
                    caption: "Ishikawa Haruto (L) and Baek Min-jun (R) shake hands at the Busan Port Authority, South Korea, March 5, 2024.",
                    credit: "Photo by Harborline Images", by: "Kim Seo-yeon", copyrightholder: "Harborline Images Ltd.",
                    versioncreated: "2024-03-05T06:50:00Z",
                    renditions: [
                        Article.Rendition(name: "original", href: "https://img.news.example/busan/original.jpg",
                                          contenttype: "image/jpeg", width: 4032, height: 3024),
                        Article.Rendition(name: "thumbnail", href: "https://img.news.example/busan/thumb.webp",
                                          contenttype: "image/webp", width: 320, height: 240),
                    ],
                    position: 1
                ),
                Article.Association(
                    name: "image2", uri: "urn:newsbus:picture:patrol-boat", type: "graphic",
                    caption: "ساحل — A patrol boat leaves Tsushima, Japan, in this handout picture, February 28, 2024.",
                    credit: "(Coastwire via Meridian Photo)", by: "Mori Kaede", copyrightholder: "Coastwire",
                    versioncreated: "2024-02-28T14:00:00Z",
                    renditions: [
                        Article.Rendition(name: "original", href: "https://img.news.example/patrol/original.png",
                                          contenttype: "image/png", width: 2048, height: 1365),
                        Article.Rendition(name: "square", href: "https://img.news.example/patrol/square.png",
                                          contenttype: "image/png", width: 1080, height: 1080),
                    ],
                    position: -1
                ),
            ],
            copyrightholder: "Newsbus Sample Desk",
            copyrightnotice: "© 2024 Newsbus Sample Desk. 版権所有.",
            usageterms: "For Newsbus tests only; not for publication. 사용 금지.",
            infosources: [
                Article.Concept(
                    name: "Coastwire", uri: "urn:newsbus:agency:coastwire", rel: "source", literal: "CW",
                    creator: "editor", relevance: 100, confidence: 100, code: "CW",
                    aliases: ["Coastwire News", "コーストワイヤー"]
                ),
                Article.Concept(
                    name: "Meridian Photo", uri: "urn:newsbus:agency:meridian", rel: "pictures", literal: "MP",
                    creator: "machine:ingest.scrape", relevance: 30, confidence: 64, code: "MRP",
                    aliases: ["Meridian", "ميريديان"]
                ),
            ],
            sectionPath: ["News", "Foreign Policy", "Koreas", "外交"],
            quotes: [
                Article.Quote(
                    content: "We will keep every channel open", speaker: ishikawa, cue: "said",
                    start: 100, end: 131, partial: true, bodyIndex: 1
                ),
                Article.Quote(
                    content: "ليس لدينا وقت نضيعه", speaker: haddad, cue: "قالت",
                    start: 4, end: 23, partial: true, bodyIndex: 2
                ),
            ],
            fingerprint: 0xF00D_CAFE_8BAD_F00D,
            provenance: [
                Article.Provenance(
                    enricher: "enrich.stats", version: "1.4.2", processedAt: "2024-03-05T11:42:31Z",
                    durationMicros: 1_250, fields: ["bodies.charcount", "bodies.wordcount"]
                ),
                Article.Provenance(
                    enricher: "enrich.entities", version: "0.9.0-β", processedAt: "2024-03-05T11:42:32Z",
                    durationMicros: 18_446_744_073_709, fields: ["people", "organisations", "places"]
                ),
            ],
            annotations: [
                Article.Annotation(
                    creator: "plugin.sentiment", name: "sentiment", value: "neutral 😐", score: -0.125,
                    contenttype: "application/json", data: Array(#"{"label":"neutral","p":0.61}"#.utf8)
                ),
                Article.Annotation(
                    creator: "plugin.embedding", name: "embedding", value: "vector/float16", score: 1234.5,
                    contenttype: "application/octet-stream", data: [0x00, 0xFF, 0x7F, 0x80, 0x0A, 0x0D, 0x00, 0xC3, 0x28]
                ),
            ],
            signals: [.update, .correction],
            source: Article.Source(
                kind: "file", name: "scrape-samples", locator: "samples/busan-talks.txt",
                receivedAt: "2024-03-05T07:16:02Z", format: "text/scrape"
            ),
            contentHash: "9f2c4e1b7a0d5c3e8f6a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e",
            boilerplate: [
                "This site can also be reached at news.example and koreas.news.example.",
                "SHARE THIS ARTICLE",
            ],
            dates: [
                Article.DateMention(
                    text: "on Tuesday", value: "2024-03-05", relative: true, anchor: "2024-03-04", start: 7, end: 17, bodyIndex: 1
                ),
                Article.DateMention(
                    text: "earlier this year", value: "2024", relative: true, anchor: "2024-03-04", start: 40, end: 57, bodyIndex: 2
                ),
            ]
        )
    }

    /// A realistic enriched news article whose encoded size is within 10% of `sizeBytes`
    /// (usually within 2%), the same for the same `seed`.
    ///
    /// It has the shape of a scraped page after the built-in enrichers ran: a section path, a
    /// headline with a colon and a list, two image associations with caption and credit (a lead
    /// photo and one mid-body), plain-text body paragraphs separated by blank lines (long titles
    /// before names, family-name-first Japanese and Korean names later shortened to the family
    /// name, quotes attributed before and after, partial quotes, relative dates, capitals used for
    /// governments, demonyms, weapon and project names in quotes), people, organisations and places
    /// with codes, subjects with Media Topic–style uris, quotes with speakers and scalar offsets
    /// into the body, provenance entries, a simhash fingerprint, the SHA-256 content hash and the
    /// stripped boilerplate.
    ///
    /// Everything but the body costs about 3 KiB; the metadata is trimmed for smaller targets
    /// (about 2.5 KiB below 6 KiB, 1.7 KiB below 4 KiB: fewer people, renditions and provenance
    /// entries) so that the body keeps some room. Below about 2 KiB the article is as small as it
    /// gets, one lead paragraph, and larger than asked. No quote is used twice in one article.
    public static func enriched(sizeBytes: Int = 8192, seed: UInt64) -> Article {
        var writer = NewsWriter(seed: seed)
        return writer.article(targetBytes: sizeBytes, uri: nil)
    }
}
