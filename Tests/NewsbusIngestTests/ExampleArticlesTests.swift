import Foundation
import NewsbusIngest
import Testing

/// What one example article must parse to, written by hand from the article's text.
///
/// Expected strings are in normalised form: straight quotes, single ASCII spaces.
struct ArticleExpectation: Sendable, CustomTestStringConvertible {
    struct Caption: Sendable {
        /// The credit, inner text of the final parentheses.
        var credit: String
        /// Index of the paragraph before which the caption stands.
        var paragraphIndex: Int
        /// ISO date of the caption.
        var date: String?
        /// A distinctive piece of the caption text.
        var snippet: String
    }

    var file: String
    var sectionPath: [String]
    var headline: String
    var captions: [Caption]
    var captionDate: String?
    var paragraphCount: Int
    /// The first paragraph starts with this.
    var firstParagraphStart: String
    /// The last paragraph ends with this.
    var lastParagraphEnd: String
    /// The boilerplate lines written at the end (or elsewhere) of the file, in order.
    var boilerplate: [String]

    var testDescription: String { file }
}

let articleExpectations: [ArticleExpectation] = [
    ArticleExpectation(
        file: "01-koreas-envoys-trilateral.txt",
        sectionPath: ["News", "Foreign Policy", "Koreas"],
        headline: "All options on the table against Pyongyang: US, Japan, South Korea envoys",
        captions: [
            .init(credit: "Photo by Newsbus Wire", paragraphIndex: 0, date: "2024-03-07",
                  snippet: "Baek Seung-ho (R) pose before their meeting at the Japanese Foreign Ministry"),
            .init(credit: "KCNA via Newsbus Wire", paragraphIndex: 6, date: "2024-03-04",
                  snippet: "This picture taken on March 4, 2024 and released by North Korea's official"),
        ],
        captionDate: "2024-03-07",
        paragraphCount: 11,
        firstParagraphStart: "The top nuclear envoys of the United States, Japan and South Korea said on Thursday that \"all options\"",
        lastParagraphEnd: "ahead of a foreign ministers' gathering scheduled for April, the ministry in Tokyo said.",
        boilerplate: [
            "This site can also be reached at koreadesk-example.net and koreadesk-example.org addresses.",
            "koreadesk-example.com", "SHARE THIS ARTICLE", "Facebook", "Twitter", "KakaoTalk", "Android", "iOS",
        ]
    ),
    ArticleExpectation(
        file: "02-economy-chip-exports.txt",
        sectionPath: ["Business", "Economy", "Trade"],
        headline: "Chip exports lift South Korea's trade surplus for a fifth straight month",
        captions: [
            .init(credit: "Photo by Newsbus Wire", paragraphIndex: 0, date: "2024-06-01",
                  snippet: "Containers are stacked at a terminal in Busan"),
        ],
        captionDate: "2024-06-01",
        paragraphCount: 12,
        firstParagraphStart: "South Korea posted a trade surplus for a fifth consecutive month in May",
        lastParagraphEnd: "The ministry will release export data for the first 10 days of June next week.",
        boilerplate: ["SHARE THIS ARTICLE", "Facebook | Twitter | LinkedIn | Email", "example-ledger.co.kr"]
    ),
    ArticleExpectation(
        file: "03-sport-baseball-final.txt",
        sectionPath: ["Sports", "Baseball"],
        headline: "Rain, relief and a walk-off: Incheon Mariners clinch first title since 2009",
        captions: [
            .init(credit: "Photo by Newsbus Wire", paragraphIndex: 0, date: "2024-10-30",
                  snippet: "Morikawa Daisuke (L) celebrates with catcher Jang Tae-min (R) after hitting a walk-off single in Game 6"),
        ],
        captionDate: "2024-10-30",
        paragraphCount: 11,
        firstParagraphStart: "The Incheon Mariners ended a 15-year title drought on Wednesday night, beating the Gwangju Falcons 4-3 in 11 innings",
        lastParagraphEnd: "although his contract expires at the end of the year.",
        boilerplate: [
            "Read more", "Subscribe to our newsletter", "© 2024 Example Sports Daily. All rights reserved.",
        ]
    ),
    ArticleExpectation(
        file: "04-science-lunar-orbiter.txt",
        sectionPath: ["Science", "Space"],
        headline: "Lunar orbiter Haneul-2 sends back first images of permanently shadowed craters",
        captions: [],
        captionDate: nil,
        paragraphCount: 12,
        firstParagraphStart: "South Korea's second lunar orbiter, Haneul-2, has returned its first images",
        lastParagraphEnd: "those are questions for the radar and, eventually, for a lander.\"",
        boilerplate: ["Subscribe to our newsletter", "Follow us on Twitter and Instagram", "example-science.kr"]
    ),
    ArticleExpectation(
        file: "05-culture-film-festival.txt",
        sectionPath: ["Culture", "Film", "Festivals"],
        headline: "Busan festival lineup: three debut features, a restored classic and a Mongolian western",
        captions: [
            .init(credit: "Photo by Newsbus Wire", paragraphIndex: 0, date: "2024-09-03",
                  snippet: "Festival director Han Seo-yeon (C) speaks as programmers Okabe Yumi (L)"),
            .init(credit: "Photo courtesy of Example Pictures", paragraphIndex: 4, date: "2024-08-20",
                  snippet: "Director Go Eun-bi poses during a photo session"),
            .init(credit: "Korean Film Archive", paragraphIndex: 8, date: nil,
                  snippet: "A restored frame from the 1961 film \"The Lantern Bride\" is shown in this handout image"),
        ],
        captionDate: "2024-09-03",
        paragraphCount: 11,
        firstParagraphStart: "The Busan Harbour Film Festival will open next month with a debut feature",
        lastParagraphEnd: "including the beachfront outdoor theatre in Haeundae.",
        boilerplate: [
            "SHARE THIS STORY", "Read more: Busan cinemas report record summer attendance", "example-culture.com",
            "Also available on Android and iOS",
        ]
    ),
    ArticleExpectation(
        file: "06-politics-japan-defense-budget.txt",
        sectionPath: ["News", "Politics", "Japan"],
        headline: "Tokyo weighs record defense budget: drones, missile interceptors, cyber units",
        captions: [
            .init(credit: "Photo by Newsbus Wire", paragraphIndex: 0, date: "2024-08-22",
                  snippet: "Japanese Defense Minister Kuroda Masaaki (C) inspects an interceptor launcher"),
        ],
        captionDate: "2024-08-22",
        paragraphCount: 11,
        firstParagraphStart: "Japan's Defense Ministry on Friday requested a record 8.5 trillion yen budget",
        lastParagraphEnd: "officials expect defense to be one of the few areas to see a significant increase.",
        boilerplate: [
            "This website is also available at the following addresses: example-nippon-report.net, example-nippon-report.org",
            "Twitter · Facebook · LINE · YouTube", "Copyright 2024 Example Nippon Report",
        ]
    ),
    ArticleExpectation(
        file: "07-economy-central-bank.txt",
        sectionPath: ["Business", "Economy", "Monetary Policy"],
        headline: "Bank of Korea holds rates at 3.25 percent, signals cut as inflation cools",
        captions: [
            .init(credit: "Pool photo", paragraphIndex: 0, date: "2024-11-28",
                  snippet: "Bank of Korea Governor Yoo Byung-soo bangs the gavel"),
        ],
        captionDate: "2024-11-28",
        paragraphCount: 11,
        firstParagraphStart: "The Bank of Korea kept its benchmark interest rate unchanged at 3.25 percent on Thursday",
        lastParagraphEnd: "The board's next rate-setting meeting is scheduled for January 16 (Thursday)",
        boilerplate: [
            "Related Articles", "Won slips to two-year low as exporters hoard dollars",
            "Household debt hits record in third quarter", "Opinion: The central bank is running out of road",
        ]
    ),
    ArticleExpectation(
        file: "08-world-climate-talks.txt",
        sectionPath: ["World", "Environment", "Climate"],
        headline: "Climate talks end with finance deal: $300 billion a year, a review in 2030, no word on coal",
        captions: [
            .init(credit: "Photo: Newsbus Wire/Lee Da-eun", paragraphIndex: 0, date: "2024-11-24",
                  snippet: "Conference President Amara Diallo (2nd L) embraces delegates"),
        ],
        captionDate: "2024-11-24",
        paragraphCount: 10,
        firstParagraphStart: "Nearly 200 countries agreed early on Sunday to triple the money rich nations provide",
        lastParagraphEnd: "where the host government has said it wants to focus on protecting tropical forests.",
        boilerplate: ["Follow us on Twitter", "Download our app", "iOS | Android"]
    ),
    ArticleExpectation(
        file: "09-sport-football-transfer.txt",
        sectionPath: ["Sport", "Football", "Europe"],
        headline: "South Korean winger Seo Min-jun completes record move to Bayern",
        captions: [
            .init(credit: "AFP", paragraphIndex: 0, date: "2024-06-11",
                  snippet: "Seo Min-jun (R) of South Korea vies for the ball with Ahmed Karim (L) of Jordan"),
        ],
        captionDate: "2024-06-11",
        paragraphCount: 10,
        firstParagraphStart: "Seo Min-jun has completed a move from Dutch club Feyenoord to Bayern Munich",
        lastParagraphEnd: "in a friendly against Austrian side Rapid Vienna later this month.",
        boilerplate: [
            "SHARE THIS ARTICLE", "Copyright © 2024 Example Sport News. All rights reserved.", "example-sportnews.com",
        ]
    ),
    ArticleExpectation(
        file: "10-koreas-missile-launch.txt",
        sectionPath: ["News", "North Korea", "Military"],
        headline: "North Korea fires salvo of cruise missiles: Seoul, Tokyo, Washington condemn launch",
        captions: [
            .init(credit: "KCNA via Newsbus Wire", paragraphIndex: 0, date: "2025-01-27",
                  snippet: "shows cruise missiles being fired from a ground-based launcher"),
            .init(credit: "Newsbus Wire file photo", paragraphIndex: 7, date: "2024-11-05",
                  snippet: "A file photo shows people watching a television news broadcast"),
        ],
        captionDate: "2025-01-27",
        paragraphCount: 11,
        firstParagraphStart: "North Korea fired several cruise missiles into the sea off its west coast on Saturday",
        lastParagraphEnd: "describing the country's situation as the \"most serious\" in decades.",
        boilerplate: [
            "Advertisement", "SHARE THIS ARTICLE",
            "This site can also be reached at example-nkwatch.net, example-nkwatch.org addresses.",
            "example-nkwatch.com", "Twitter", "Facebook", "Telegram",
        ]
    ),
    ArticleExpectation(
        file: "11-science-health-dengue-vaccine.txt",
        sectionPath: ["Science", "Health"],
        headline: "Trial shows single-dose dengue vaccine protects children for at least three years",
        captions: [
            .init(credit: "Photo courtesy of Gyeonggi Provincial Government", paragraphIndex: 0, date: "2025-04-09",
                  snippet: "A nurse prepares a dose of an experimental dengue vaccine"),
        ],
        captionDate: "2025-04-09",
        paragraphCount: 12,
        firstParagraphStart: "A single-dose dengue vaccine developed by a South Korean biotech company",
        lastParagraphEnd: "Researchers will continue to follow the trial participants for two more years.",
        boilerplate: ["SHARE", "Tweet", "Email", "example-healthdesk.com"]
    ),
    ArticleExpectation(
        file: "12-national-seoul-transit-strike.txt",
        sectionPath: ["National", "Society", "Transport"],
        headline: "Seoul subway strike averted hours before deadline: union, operator agree on wage rise, safety hiring",
        captions: [
            .init(credit: "Newsbus Wire", paragraphIndex: 0, date: "2024-12-05",
                  snippet: "Seoul Metro union chief Baek Ji-hoon (L) and Seoul Metro CEO Oh Min-seok (R) shake hands"),
        ],
        captionDate: "2024-12-05",
        paragraphCount: 11,
        firstParagraphStart: "A planned strike on Seoul's subway network was called off early on Thursday",
        lastParagraphEnd: "said it would decide on Friday whether to accept similar terms.",
        boilerplate: [
            "Skip to main content",
            "This site is also accessible at example-capitalwire.net and example-capitalwire.org.",
            "SHARE THIS ARTICLE", "Facebook", "X", "Instagram", "YouTube", "Naver",
        ]
    ),
]

@Suite("Example articles")
struct ExampleArticlesTests {
    @Test("Every example article has an expectation, and every expectation an article")
    func everyFileIsCovered() throws {
        let files = try PackageFiles.articleNames()
        #expect(files.count >= 10)
        #expect(Set(files) == Set(articleExpectations.map(\.file)))
    }

    @Test("Example article parses as written", arguments: articleExpectations)
    func article(_ expected: ArticleExpectation) throws {
        let page = try parseBytes(PackageFiles.articleBytes(expected.file))

        #expect(page.sectionPath == expected.sectionPath)
        #expect(page.headline == expected.headline)

        // Captions.
        #expect(page.captions.count == expected.captions.count)
        #expect(page.captions.map(\.credit) == expected.captions.map(\.credit))
        #expect(page.captions.map(\.paragraphIndex) == expected.captions.map(\.paragraphIndex))
        #expect(page.captions.map(\.date) == expected.captions.map(\.date))
        #expect(page.captionDate == expected.captionDate)
        for (caption, want) in zip(page.captions, expected.captions) {
            #expect(caption.text.contains(want.snippet), "caption \(caption.text)")
            #expect(!caption.text.hasSuffix(")"), "the credit is not part of the caption text")
        }

        // Paragraphs: the ones written, nothing else.
        #expect(page.paragraphs.count == expected.paragraphCount)
        #expect(page.paragraphs.first?.hasPrefix(expected.firstParagraphStart) == true, "\(page.paragraphs.first ?? "")")
        #expect(page.paragraphs.last?.hasSuffix(expected.lastParagraphEnd) == true, "\(page.paragraphs.last ?? "")")
        for paragraph in page.paragraphs {
            for line in expected.boilerplate {
                #expect(!paragraph.contains(line), "boilerplate \(line) in paragraph \(paragraph)")
            }
            for caption in expected.captions {
                #expect(!paragraph.contains(caption.snippet), "caption in paragraph \(paragraph)")
                #expect(!paragraph.hasSuffix("(\(caption.credit))"), "credit in paragraph \(paragraph)")
            }
            #expect(!paragraph.contains("SHARE THIS"))
        }

        // Boilerplate: exactly the lines written as such.
        #expect(page.boilerplate == expected.boilerplate)

        // Normalised text only.
        let everything = [page.headline] + page.sectionPath + page.paragraphs + page.captions.map(\.text)
        for text in everything {
            #expect(!text.contains("\r"))
            #expect(!text.contains("\u{00A0}") && !text.contains("\u{202F}") && !text.contains("\u{2009}"))
            #expect(!text.contains("\u{2019}") && !text.contains("\u{201C}") && !text.contains("\u{201D}"))
            #expect(!text.contains("  "))
            #expect(text == text.trimmingCharacters(in: .whitespaces))
        }
    }

    @Test("Parsing the text and the bytes of an example gives the same page", arguments: articleExpectations)
    func textAndBytesAgree(_ expected: ArticleExpectation) throws {
        let bytes = try PackageFiles.articleBytes(expected.file)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(try parseText(text) == parseBytes(bytes))
    }
}
