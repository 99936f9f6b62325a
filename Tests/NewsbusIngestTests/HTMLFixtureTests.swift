import Foundation
import NewsbusIngest
import NewsbusWire
import Testing

/// What a picture association of a fixture page must be.
struct HTMLPictureExpectation: Sendable {
    var name: String
    var caption: String
    var credit: String
    var position: Int32
    /// The original rendition's address; `nil`: no rendition.
    var href: String?
    var width: UInt32 = 0
    var height: UInt32 = 0
    /// The caption's date, when it has one.
    var versioncreated: String = ""
}

/// Hand-written expectations for one fixture page in `Fixtures/html`.
struct HTMLPageExpectation: Sendable, CustomTestStringConvertible {
    var file: String
    var headline: String
    var sectionPath: [String]
    var by: String
    /// `nil`: the page has no date, so the time of ingest.
    var firstcreated: String?
    var versioncreated: String?
    /// `nil`: no URL on the page, so a content-hash urn.
    var uri: String?
    var summary: String?
    var keywords: [String] = []
    var language: String = ""
    var copyrightholder: String = ""
    var located: String = ""
    var pictures: [HTMLPictureExpectation] = []
    /// Body snippets that must be in the body: the first paragraph, a middle one, the last.
    var mustContain: [String]
    /// Page text that must not be in the body: navigation, banners, related links, comments…
    var mustNotContain: [String]

    var testDescription: String { file }
}

/// The fixture pages and what a reader finds in each (written from the pages, not from the
/// parser's output).
enum HTMLFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent("html")

    static let receivedAt = "2030-01-01T00:00:00Z"

    static func context(_ file: String) -> IngestContext {
        IngestContext(sourceName: "fixtures", sourceKind: "file", locator: "Fixtures/html/" + file, receivedAt: receivedAt, filename: file)
    }

    static func parse(_ file: String) throws -> Article {
        let data = try Data(contentsOf: directory.appendingPathComponent(file))
        let document = DecodedDocument(text: String(decoding: data, as: UTF8.self), bytes: [UInt8](data), encoding: "utf-8")
        let articles = try HTMLArticleParser().parse(document, context: context(file))
        #expect(articles.count == 1)
        return try #require(articles.first)
    }

    static let all: [HTMLPageExpectation] = [
        HTMLPageExpectation(
            file: "01-jsonld-only.html",
            headline: "Busan port operators agree to extend night shifts through winter",
            sectionPath: ["Business"],
            by: "Choi Eun-ji, Daniel Marsh",
            firstcreated: "2024-03-07T00:15:00Z", versioncreated: "2024-03-07T02:40:00Z",
            uri: "https://www.harbourledger.example/business/2024/03/busan-port-night-shifts",
            summary: "Terminal operators and the dockworkers' union settled on a rota that keeps cranes running until 2 a.m.",
            keywords: ["ports", "shipping", "labour", "Busan"], language: "en", copyrightholder: "The Harbour Ledger",
            pictures: [
                HTMLPictureExpectation(
                    name: "featureimage", caption: "Gantry cranes at a container terminal in Busan.", credit: "", position: 0,
                    href: "https://img.harbourledger.example/2024/03/busan-cranes.jpg", width: 1600, height: 900)
            ],
            mustContain: [
                "Terminal operators at Busan's northern harbour have agreed with the dockworkers' union",
                "Shipping lines welcome the rota",
                "restore direct sailings to Vladivostok and Kaohsiung",
                "due to begin talks on next year's wage framework.",
            ],
            mustNotContain: ["Skip to main content", "Shipping Desk", "By Choi Eun-ji", "Labour", "About us", "All rights reserved", "track("]),

        HTMLPageExpectation(
            file: "02-opengraph-only.html",
            headline: "Volunteer divers map seagrass meadows off Northfield coast",
            sectionPath: ["Science"],
            by: "Aoife Brennan",
            firstcreated: "2024-05-21T06:30:00Z", versioncreated: "2024-05-21T08:05:12Z",
            uri: "https://northfieldcourier.example/science/2024/05/21/seagrass-survey",
            summary: "Forty volunteers logged 300 dives to chart meadows that store carbon and shelter juvenile fish.",
            keywords: ["Marine life", "Climate", "Volunteering"], language: "en-GB", copyrightholder: "Northfield Courier",
            pictures: [
                HTMLPictureExpectation(
                    name: "featureimage", caption: "A diver measures a seagrass meadow in shallow water.", credit: "", position: 0,
                    href: "https://cdn.northfieldcourier.example/images/seagrass-lead.jpg", width: 1200, height: 675)
            ],
            mustContain: [
                "A team of forty volunteer divers has completed the first full map of the seagrass meadows",
                "\"Every dive added a little more detail, and by the end we could see meadows we never knew were there,\" said Aoife Brennan",
                "will share the data with the regional fisheries authority, which is drafting new rules on anchoring in sheltered bays.",
            ],
            mustNotContain: [
                "Share on Facebook", "Copy link", "More from Science", "Puffin count rises", "Tidal lagoon plan", "Weather",
                "Contact the newsroom",
            ]),

        HTMLPageExpectation(
            file: "03-jsonld-and-opengraph-conflicts.html",
            headline: "City council approves congestion charge for central districts",
            sectionPath: ["Local"],
            by: "Lena Vogt",
            firstcreated: "2024-06-03T12:00:00Z", versioncreated: "2024-06-03T14:45:00Z",
            uri: "https://metrodispatch.example/local/2024/06/congestion-charge-approved",
            summary: "Drivers entering the three central districts on weekdays will pay a daily fee from January.",
            keywords: ["congestion charge", "city council", "air quality"], language: "en",
            copyrightholder: "Metro Dispatch Media Group",
            pictures: [
                HTMLPictureExpectation(
                    name: "featureimage", caption: "Evening traffic on the inner ring road.", credit: "", position: 0,
                    href: "https://metrodispatch.example/media/ring-road-traffic.jpg", width: 2048, height: 1365)
            ],
            mustContain: [
                "The city council voted 41 to 23 on Monday to introduce a daily congestion charge",
                "Deputy mayor Jonas Reiter said the revenue, estimated at 60 million euros a year",
                "recorded nitrogen dioxide levels above the legal limit on 61 days last year, according to the city's environment office.",
            ],
            mustNotContain: [
                "Congestion charge approved: what it means for drivers", "By Lena Vogt", "Jobs board",
                "Metro Dispatch is published by", "3 June 2024",
            ]),

        HTMLPageExpectation(
            file: "04-jsonld-graph.html",
            headline: "Tokaido bullet trains resume full timetable after quake inspections",
            sectionPath: ["World", "Asia"],
            by: "Sato Haruka",
            firstcreated: "2024-01-12T03:20:41Z", versioncreated: "2024-01-12T05:02:10Z",
            uri: "https://pacificwire.example/2024/01/12/tokaido-trains-resume/",
            keywords: ["Japan", "rail", "earthquake"], language: "en-US", copyrightholder: "Pacific Wire Review",
            pictures: [
                HTMLPictureExpectation(
                    name: "featureimage",
                    caption: "Passengers board a Tokaido line train at Nagoya Station, Japan, January 12, 2024.", credit: "", position: 0,
                    href: "https://pacificwire.example/wp-content/uploads/2024/01/shinkansen-platform.jpg", width: 1280, height: 853,
                    versioncreated: "2024-01-12T00:00:00Z")
            ],
            mustContain: [
                "Central Japan Railway restored its full Tokaido shinkansen timetable on Friday",
                "Transport minister Nakamura Kenji told reporters in Tokyo that no structural damage had been found",
                "\"We apologise for the inconvenience and thank passengers for their patience,\" the operator's president, Ito Masaru, said in a statement.",
            ],
            mustNotContain: ["Share this", "Leave a Reply", "logged in to post a comment", "Recent Posts", "Previous: Yen weakens", "Posted in", "Markets"]),

        HTMLPageExpectation(
            file: "05-breadcrumb-nav.html",
            headline: "All options on the table against Pyongyang, envoys say",
            sectionPath: ["News", "Foreign Policy", "Koreas"],
            by: "Yoon Ha-eun, Funakoshi Mei",
            firstcreated: "2024-03-07T07:05:00Z", versioncreated: "2024-03-07T07:05:00Z",
            uri: "https://dailymeridian.example/news/foreign-policy/koreas/20240307-envoys-options",
            language: "en", copyrightholder: "Daily Meridian",
            mustContain: [
                // Curly quotes and apostrophes are straightened, as in plain-text scrapes.
                "said on Thursday that \"all options\" remained on the table after North Korea's latest launch",
                "\"We will examine every measure available to us, including additional sanctions,\" Lee told reporters",
                "Holloway said Washington's offer of talks \"without preconditions\" still stood",
                "The envoys are due to meet again in Tokyo in June, the ministry said.",
            ],
            mustNotContain: ["Corrections", "Ethics policy", "Daily Meridian", "Search", "\u{201C}", "\u{2019}"]),

        HTMLPageExpectation(
            file: "06-article-element.html",
            headline: "Osaka to raise river flood walls ahead of typhoon season",
            sectionPath: ["Japan"],
            by: "Okada Rin",
            firstcreated: "2024-04-01T23:00:00Z", versioncreated: "2024-04-01T23:00:00Z",
            uri: "https://kansaiherald.example/japan/osaka-flood-walls",
            summary: "The prefecture will spend 48 billion yen on higher walls and new pumping stations.",
            language: "en", copyrightholder: "Kansai Herald",
            mustContain: [
                "Osaka Prefecture will raise flood walls along the Yodo and Yamato rivers by up to 1.2 metres",
                "What the plan includes",
                "Building three new pumping stations that can move 90 tonnes of water a second out of low-lying neighbourhoods.",
                "\"We cannot build a wall high enough for every storm, but we can buy people the time they need to reach safety,\" the governor said.",
                "Construction is due to begin in June and to be completed by the end of 2026.",
            ],
            mustNotContain: ["but we can buy time.", "Filed under", "Typhoons", "Life & Style", "Osaka · Kyoto · Kobe", "By Okada Rin"]),

        HTMLPageExpectation(
            file: "07-nested-divs.html",
            headline: "Chipmakers in Gyeonggi brace for power price rise",
            sectionPath: ["Economy", "Semiconductors"],
            by: "Kwon Min-seo",
            firstcreated: "2024-04-17T22:00:00Z", versioncreated: "2024-04-17T22:00:00Z",
            uri: nil,
            summary: "Semiconductor plants face an 11 percent rise in industrial electricity tariffs from July.",
            keywords: ["semiconductors", "electricity", "tariffs"], language: "en",
            pictures: [
                HTMLPictureExpectation(
                    name: "image1",
                    caption: "Technicians work in a cleanroom at a chip plant in Pyeongtaek, Gyeonggi Province, April 10, 2024.",
                    credit: "Photo by Korea Economy Monitor", position: 2, href: "/photos/2024/04/fab-cleanroom.jpg", width: 900,
                    height: 600, versioncreated: "2024-04-10T00:00:00Z")
            ],
            mustContain: [
                "Semiconductor makers in Gyeonggi Province are preparing for an 11 percent rise in industrial electricity tariffs from July",
                "One plant manager in Icheon, who asked not to be named",
                "smaller suppliers to the chip giants had far less room to absorb it.",
            ],
            mustNotContain: [
                "Advertisement", "Most read", "Won slides to 17-month low", "Cherry blossoms draw crowds", "Log in",
                "kwon.ms@kem.example", "Unauthorized reproduction prohibited", "Technicians work in a cleanroom",
                "2024.04.18 07:00", "Chipmakers in Gyeonggi brace",
            ]),

        HTMLPageExpectation(
            file: "08-furniture-heavy.html",
            headline: "Riverside library reopens after three-year restoration",
            sectionPath: [],
            by: "Tom Ashworth",
            firstcreated: "2024-09-14T08:00:00Z", versioncreated: "2024-09-14T08:00:00Z",
            uri: "https://riversidegazette.example/news/library-reopens",
            language: "en-GB", copyrightholder: "Riverside Gazette",
            mustContain: [
                "Riverside's Victorian central library reopened its doors on Friday after a three-year, £6.2 million restoration",
                "Conservators cleaned and rehung 240 cast-iron roof panels",
                "\"People have been asking me every week when they could come back,\" she said. \"Today they finally can.\"",
                "which is due to open next spring.",
            ],
            mustNotContain: [
                "We use cookies", "Accept all", "Manage preferences", "Subscribe from", "Share on Facebook", "Email this story",
                "Riverside Morning Briefing", "free newsletter", "Sign up", "Read more", "How the library roof collapsed",
                "Advertisement", "Related stories", "Mill museum plans unveiled", "Bus station revamp", "Comments (3)",
                "bookworm_1962", "I remember doing my homework", "two million pounds over", "did not want to leave the story room",
                "What's on",
            ]),

        HTMLPageExpectation(
            file: "09-figures-credits.html",
            headline: "Jeju haenyeo divers pass skills to a new generation",
            sectionPath: ["Culture"],
            by: "Ko Seo-yeon",
            firstcreated: "2024-08-09T01:30:00Z", versioncreated: "2024-08-09T23:00:00Z",
            uri: "https://islandtimes.example/culture/2024/08/haenyeo-school",
            language: "en", copyrightholder: "Island Times",
            pictures: [
                HTMLPictureExpectation(
                    name: "featureimage",
                    caption: "Students of the Hallim haenyeo school (C) prepare for a training dive off Jeju Island, South Korea, August 6, 2024.",
                    credit: "Photo by Island Times", position: 0,
                    href: "https://islandtimes.example/media/2024/08/haenyeo-school-lead.jpg", width: 1200, height: 800,
                    versioncreated: "2024-08-06T00:00:00Z"),
                HTMLPictureExpectation(
                    name: "image2",
                    caption: "Traditional tools, including a float known as a taewak and a hooked iron bar, lie on the rocks at Hallim harbour.",
                    credit: "Photo by Moon Ji-ho", position: 2, href: "https://islandtimes.example/media/2024/08/haenyeo-tools.jpg",
                    width: 800, height: 533),
                HTMLPictureExpectation(
                    name: "image3", caption: "A support boat waits as divers surface with their catch near Biyangdo island.",
                    credit: "Yonhap", position: 4, href: "https://islandtimes.example/media/2024/08/haenyeo-boat-1600.jpg"),
            ],
            mustContain: [
                "On a grey morning off the west coast of Jeju, eleven students in black wetsuits slip into the water",
                "\"When I started, nobody thought of this as a job you chose,\" Yang said, wringing out her diving mask.",
                "The school's director, Kim Hye-rin, said this year's class of eleven was the largest since it opened in 2007.",
            ],
            mustNotContain: ["Photo by Island Times", "Traditional tools, including a float", "A support boat waits", "Yonhap", "Travel"]),

        HTMLPageExpectation(
            file: "10-two-figures-mid-body.html",
            headline: "North Korea shows off new launcher at Pyongyang parade",
            sectionPath: ["North Korea"],
            by: "Peninsula Watch Staff",
            firstcreated: "2024-02-09T06:10:00Z", versioncreated: "2024-02-09T09:55:00Z",
            uri: "https://peninsulawatch.example/nk/2024/02/parade-launcher",
            language: "en", copyrightholder: "Peninsula Watch",
            pictures: [
                HTMLPictureExpectation(
                    name: "featureimage", caption: "Peninsula Watch social card", credit: "", position: 0,
                    href: "https://peninsulawatch.example/social/parade-card.png"),
                HTMLPictureExpectation(
                    name: "image2",
                    caption: "A mobile launcher carrying a Hwasong-type missile rolls through Kim Il Sung Square in Pyongyang, North Korea, February 8, 2024, in this photo released by state media.",
                    credit: "KCNA via Newsbus Wire", position: 2, href: "https://peninsulawatch.example/img/2024/02/parade-launcher.jpg",
                    width: 1024, height: 683, versioncreated: "2024-02-08T00:00:00Z"),
                HTMLPictureExpectation(
                    name: "image3",
                    caption: "Japanese Defence Minister Kihara Minoru speaks at a news conference in Tokyo, Japan, February 9, 2024.",
                    credit: "Photo: Kyodo", position: 5, href: "https://peninsulawatch.example/img/2024/02/tokyo-briefing.jpg",
                    width: 1024, height: 683, versioncreated: "2024-02-09T00:00:00Z"),
            ],
            mustContain: [
                "North Korea displayed what appeared to be a new twelve-axle mobile launcher",
                "said Jang Min-hyuk, a researcher at the Korea Institute for Defence Analyses.",
                "when North Korea marked the 75th anniversary of its founding with a civil defence march.",
            ],
            mustNotContain: ["A mobile launcher carrying", "speaks at a news conference", "Photo: Kyodo", "KCNA via", "Missiles", "Analysis"]),

        HTMLPageExpectation(
            file: "11-live-blog.html",
            headline: "Live: Typhoon Ampil nears Okinawa – latest updates",
            sectionPath: ["Live"],
            by: "Higa Natsuki, Arakaki Sho",
            firstcreated: "2024-08-14T21:00:00Z", versioncreated: "2024-08-15T05:20:00Z",
            uri: "https://ryukyuobserver.example/live/typhoon-ampil",
            language: "en", copyrightholder: "Ryukyu Observer",
            mustContain: [
                "Naha airport has closed.",
                "Power cut to 18,000 homes.",
                "Rain bands reach Naha.",
                "Supermarkets in Naha report empty shelves.",
                "Okinawa prefecture issued an evacuation advisory for coastal districts of Naha, Urasoe and Itoman.",
                "Welcome to our live coverage.",
            ],
            mustNotContain: ["Share this live blog", "Most popular", "Okinawa tourism rebounds"]),

        HTMLPageExpectation(
            file: "12-dateline-byline-in-body.html",
            headline: "Seoul and Tokyo agree to resume shuttle diplomacy",
            sectionPath: [],
            by: "Park Ji-won, Tanaka Yui",
            firstcreated: "2024-03-07T00:15:00Z", versioncreated: "2024-03-07T00:15:00Z",
            uri: nil,
            copyrightholder: "Newsbus Wire", located: "Seoul",
            mustContain: [
                "SEOUL, March 7 (Newsbus Wire) - South Korea and Japan agreed on Thursday to resume regular \"shuttle diplomacy\"",
                "North Korea's missile launches and a long-running dispute over wartime labour.",
                "\"We have turned a difficult page, and now we must write the next one together,\" Cho told reporters after the meeting.",
                "Japan's Prime Minister is expected to visit Seoul in May, a Japanese government spokesman, Hayashi Yoshimasa, said in Tokyo.",
            ],
            mustNotContain: ["By Park Ji-won", "Published 7 March 2024", "Share this article", "KakaoTalk", "All rights reserved", "Markets", "\u{201C}", "\u{2019}"]),

        HTMLPageExpectation(
            file: "13-korean-language.html",
            headline: "서울시, 한강 수상버스 3월 정식 운항…출퇴근 시간 15분 간격",
            sectionPath: ["사회", "교통"],
            by: "김민지",
            firstcreated: "2024-02-15T01:42:00Z", versioncreated: "2024-02-15T01:42:00Z",
            uri: "https://seouldaily.example/news/articleView.html?idxno=20240215",
            summary: "마곡에서 잠실까지 7개 선착장을 잇는 수상버스가 다음 달부터 운항한다.",
            keywords: ["한강", "수상버스", "교통"], language: "ko-KR", copyrightholder: "서울데일리",
            mustContain: [
                "서울시는 한강 수상버스가 다음 달 18일부터 정식 운항을 시작한다고 15일 밝혔다.",
                "박성호 서울시 미래한강본부장은 \"수상버스가 지하철과 버스에 이은 새로운 대중교통 수단으로",
                "공공자전거 대여소를 추가로 설치할 계획이다.",
            ],
            mustNotContain: ["무단전재", "minji@seouldaily.example", "많이 본 뉴스", "전세 사기 피해 지원 확대", "정치"]),

        HTMLPageExpectation(
            file: "14-legacy-broken-markup.html",
            headline: "Harvest festival draws record crowd despite rain",
            sectionPath: [],
            by: "",
            firstcreated: "2024-10-06T00:00:00Z", versioncreated: "2024-10-06T00:00:00Z",
            uri: nil,
            keywords: ["festival", "harvest", "Lindholm"],
            mustContain: [
                "The Lindholm harvest festival drew a record 14,000 visitors on Saturday",
                "ran out of soup before 2 p.m.",
                "whose entry weighed 412 kilograms – 30 kilograms more than last year's winner.",
                "\"I talk to them every morning, and I never tell them about the competition,\" Brandt said",
                "and to repairs at the Lindholm community hall.",
            ],
            mustNotContain: ["Classifieds", "Local news", "Advertise with us", "Posted Sunday", "var t = 1", "Valley Post"]),
    ]
}

@Suite("HTML article parser: fixture pages")
struct HTMLFixtureTests {
    @Test("Every fixture page has an expectation and vice versa")
    func fixturesAreCovered() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: HTMLFixtures.directory.path).filter { $0.hasSuffix(".html") }
        #expect(Set(files) == Set(HTMLFixtures.all.map(\.file)))
        #expect(files.count >= 12)
        for page in HTMLFixtures.all {
            #expect(page.mustContain.count >= 3, "\(page.file)")
            #expect(page.mustNotContain.count >= 3, "\(page.file)")
        }
    }

    @Test("Metadata, body and pictures match the hand-written expectation", arguments: HTMLFixtures.all)
    func page(_ expected: HTMLPageExpectation) throws {
        let article = try HTMLFixtures.parse(expected.file)
        let body = try #require(article.mainBody)

        #expect(article.headline == expected.headline)
        #expect(article.sectionPath == expected.sectionPath)
        #expect(article.by == expected.by)
        #expect(article.firstcreated == (expected.firstcreated ?? HTMLFixtures.receivedAt))
        #expect(article.versioncreated == (expected.versioncreated ?? HTMLFixtures.receivedAt))
        if let uri = expected.uri {
            #expect(article.uri == uri)
            #expect(article.altids.contains(Article.AltId(role: "canonical-url", value: uri)))
        } else {
            #expect(article.uri == "urn:newsbus:html:" + article.contentHash.prefix(32))
            #expect(!article.altids.contains { $0.role == "canonical-url" })
        }
        #expect(article.altids.contains(Article.AltId(role: "filename", value: expected.file)))
        #expect(article.descriptions.first(where: { $0.role == "summary" })?.value == expected.summary)
        #expect(article.keywords == expected.keywords)
        #expect(article.language == expected.language)
        #expect(article.copyrightholder == expected.copyrightholder)
        #expect(article.located == expected.located)

        // Identity and shape.
        #expect(article.version == "1")
        #expect(article.type == "text")
        #expect(article.contentHash == ContentHash.of(article))
        #expect(article.contentHash.count == 64)
        #expect(article.source?.format == "text/html")
        #expect(article.source?.locator == "Fixtures/html/" + expected.file)
        #expect(body.role == "main")
        #expect(body.contenttype == "text/plain")
        #expect(!body.value.contains("\n\n\n"))
        #expect(body.value == body.value.trimmingCharacters(in: .whitespacesAndNewlines))

        for snippet in expected.mustContain {
            #expect(body.value.contains(snippet), "body should contain: \(snippet)")
        }
        for snippet in expected.mustNotContain {
            #expect(!body.value.contains(snippet), "body should not contain: \(snippet)")
        }

        #expect(article.associations.count == expected.pictures.count)
        for (association, picture) in zip(article.associations, expected.pictures) {
            #expect(association.name == picture.name)
            #expect(association.type == "picture")
            #expect(association.caption == picture.caption)
            #expect(association.credit == picture.credit)
            #expect(association.position == picture.position)
            #expect(association.versioncreated == picture.versioncreated)
            if let href = picture.href {
                #expect(association.renditions.count == 1)
                #expect(association.renditions.first?.href == href)
                #expect(association.renditions.first?.width == picture.width)
                #expect(association.renditions.first?.height == picture.height)
            } else {
                #expect(association.renditions.isEmpty)
            }
        }
    }

    @Test("Body precision, recall and F1 over the snippets (printed, trafilatura-benchmark style)")
    func extractionQuality() throws {
        // Per snippet: a must-contain snippet found is a true positive, missed a false negative;
        // a must-not-contain snippet found is a false positive, absent a true negative.
        var truePositives = 0
        var falseNegatives = 0
        var falsePositives = 0
        var trueNegatives = 0
        var lines: [String] = []
        for page in HTMLFixtures.all {
            let body = (try? HTMLFixtures.parse(page.file))?.mainBody?.value ?? ""
            let tp = page.mustContain.filter { body.contains($0) }.count
            let fp = page.mustNotContain.filter { body.contains($0) }.count
            truePositives += tp
            falseNegatives += page.mustContain.count - tp
            falsePositives += fp
            trueNegatives += page.mustNotContain.count - fp
            lines.append("  \(page.file): found \(tp)/\(page.mustContain.count) wanted, \(fp)/\(page.mustNotContain.count) unwanted")
        }
        let precision = Double(truePositives) / Double(max(1, truePositives + falsePositives))
        let recall = Double(truePositives) / Double(max(1, truePositives + falseNegatives))
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        let accuracy = Double(truePositives + trueNegatives) / Double(max(1, truePositives + trueNegatives + falsePositives + falseNegatives))
        print("HTML main-text extraction over \(HTMLFixtures.all.count) fixture pages:")
        for line in lines { print(line) }
        print(
            "  precision \(String(format: "%.3f", precision))  recall \(String(format: "%.3f", recall))  F1 \(String(format: "%.3f", f1))  accuracy \(String(format: "%.3f", accuracy))  (TP \(truePositives), FN \(falseNegatives), FP \(falsePositives), TN \(trueNegatives))"
        )
    }
}
