import NewsbusWire

extension ScrapedPage {
    /// The page as an ``Article``.
    ///
    /// A plain-text scrape carries no identifier, so the uri is derived from the content hash
    /// (`urn:newsbus:text:<first 32 hex digits>`): the same page scraped twice is the same article,
    /// whatever its file name or line endings.
    /// - Parameters:
    ///   - source: where it came from (kind, name, locator); `receivedAt` and `format` are filled in.
    ///   - receivedAt: RFC 3339 time of ingest, also used as `versioncreated`.
    ///   - filename: the file name, kept as an alternative id when given.
    public func article(source: Article.Source, receivedAt: String, filename: String? = nil) -> Article {
        var article = Article(
            version: "1", type: "text", pubstatus: .usable,
            headlines: [Article.Text(role: "main", contenttype: "text/plain", value: headline)],
            bodies: [Article.Body(role: "main", contenttype: "text/plain", value: paragraphs.joined(separator: "\n\n"))],
            sectionPath: sectionPath, boilerplate: boilerplate)
        article.associations = captions.enumerated().map { index, caption in
            Article.Association(
                name: index == 0 && caption.paragraphIndex == 0 ? "featureimage" : "image\(index + 1)",
                type: "picture", caption: caption.text, credit: caption.credit,
                versioncreated: caption.date.map { "\($0)T00:00:00Z" } ?? "",
                position: Int32(clamping: caption.paragraphIndex))
        }
        article.contentHash = ContentHash.of(article)
        article.uri = "urn:newsbus:text:" + article.contentHash.prefix(32)
        article.firstcreated = receivedAt
        article.versioncreated = receivedAt
        if let date = captionDate { article.contentcreated = "\(date)T00:00:00Z" }
        var source = source
        source.receivedAt = receivedAt
        source.format = "text/x-newsbus-scrape"
        article.source = source
        if let filename { article.altids = [Article.AltId(role: "filename", value: filename)] }
        return article
    }
}
