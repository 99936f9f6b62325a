/// Decides the format of a document from its content, with the file extension and the content
/// type as hints only where the content alone is ambiguous.
public enum FormatDetector {
    /// The detected format, or nil when the content matches none (then plain text is tried).
    public static func detect(_ document: DecodedDocument, filename: String? = nil, contentType: String? = nil) -> InputFormat {
        let head = String(document.text.prefix(4096)).drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if head.hasPrefix("{") || head.hasPrefix("[") { return .ninjs }
        if head.hasPrefix("<") {
            if let element = rootElement(String(head)) {
                // A prefixed root (`<a:feed xmlns:a="…Atom">`) counts by its local name.
                let root = element == "rdf:rdf" ? element : String(element.split(separator: ":").last ?? Substring(element))
                switch root {
                case "rss", "rdf:rdf", "rdf": return .rss
                case "feed": return .atom
                default: return .html
                }
            }
            return .html
        }
        let hint = (contentType ?? "").lowercased()
        let ext = filename.flatMap { $0.split(separator: ".").last.map { $0.lowercased() } } ?? ""
        if hint.contains("json") || ext == "json" { return .ninjs }
        return .textScrape
    }

    /// The name of the first element after the XML prolog, comments and doctype, lowercased.
    static func rootElement(_ text: String) -> String? {
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0.isWhitespace }
            guard rest.hasPrefix("<") else { return nil }
            if rest.hasPrefix("<?") {
                guard let end = rest.range(of: "?>") else { return nil }
                rest = rest[end.upperBound...]
            } else if rest.hasPrefix("<!--") {
                guard let end = rest.range(of: "-->") else { return nil }
                rest = rest[end.upperBound...]
            } else if rest.lowercased().hasPrefix("<!doctype") {
                if rest.lowercased().hasPrefix("<!doctype html") { return "html" }
                guard let end = rest.firstIndex(of: ">") else { return nil }
                rest = rest[rest.index(after: end)...]
            } else {
                let name = rest.dropFirst().prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
                return name.isEmpty ? nil : name.lowercased()
            }
        }
    }
}
