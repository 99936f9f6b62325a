extension Ingestor {
    /// The structured-format parsers: HTML pages, RSS and Atom feeds, ninjs.
    static func additionalParsers(boilerplate: BoilerplateRules) -> [any FormatParser] {
        [HTMLArticleParser(boilerplate: boilerplate), FeedParser(format: .rss), FeedParser(format: .atom), NinjsParser()]
    }
}
