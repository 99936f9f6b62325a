/// The structure recovered from a plain-text scrape of a news article page.
///
/// All text is normalised (see ``TextScrapeParser``): one space between words, no Unicode
/// spaces, straight quotes and apostrophes.
public struct ScrapedPage: Sendable, Hashable {
    /// The section breadcrumb, outermost first: `News / Foreign Policy / Koreas` gives
    /// `["News", "Foreign Policy", "Koreas"]`. Empty when the page has no breadcrumb.
    public var sectionPath: [String]

    /// The headline.
    public var headline: String

    /// Photo captions, in page order: the lead photo's first, then those found in the body.
    public var captions: [ScrapedCaption]

    /// Body paragraphs, in page order, without captions or boilerplate.
    public var paragraphs: [String]

    /// The lines removed as site boilerplate (share buttons, app names, mirror notices…), in
    /// page order, as normalised text.
    public var boilerplate: [String]

    /// The date of the first caption, ISO 8601 `yyyy-MM-dd`, if that caption holds a full date.
    /// For a typical scrape this is the date of the lead photo, close to the publication date,
    /// and the date against which relative dates in the body (`on Tuesday`) resolve.
    /// Only the first caption counts: a later caption may show an older file photo.
    public var captionDate: String?

    /// Creates a page.
    public init(
        sectionPath: [String], headline: String, captions: [ScrapedCaption], paragraphs: [String],
        boilerplate: [String], captionDate: String?
    ) {
        self.sectionPath = sectionPath
        self.headline = headline
        self.captions = captions
        self.paragraphs = paragraphs
        self.boilerplate = boilerplate
        self.captionDate = captionDate
    }
}

/// A photo caption of a scraped page.
public struct ScrapedCaption: Sendable, Hashable {
    /// The caption without its credit, e.g. `Kim Min-ji (L) and … in Seoul, South Korea, May 2, 2024.`
    /// Empty for a credit that stood alone on its line.
    public var text: String

    /// The credit: the inner text of the caption's final parentheses, e.g. `Photo by Reuters`,
    /// `KCNA via Reuters` or `AFP`.
    public var credit: String

    /// The index in ``ScrapedPage/paragraphs`` of the paragraph before which the caption
    /// appeared: 0 for the lead photo, `paragraphs.count` for a caption after the last paragraph.
    public var paragraphIndex: Int

    /// The first full date in the caption (`December 13, 2022`), ISO 8601 `yyyy-MM-dd`.
    public var date: String?

    /// Creates a caption.
    public init(text: String, credit: String, paragraphIndex: Int, date: String?) {
        self.text = text
        self.credit = credit
        self.paragraphIndex = paragraphIndex
        self.date = date
    }
}
