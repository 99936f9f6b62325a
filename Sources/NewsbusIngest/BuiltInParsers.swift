extension Ingestor {
    /// The structured-format parsers (HTML, feeds, ninjs) in use.
    static func additionalParsers(boilerplate: BoilerplateRules) -> [any FormatParser] {
        []
    }
}
