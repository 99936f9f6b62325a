import Foundation
import NewsbusWire

/// One picture of a feed item, before it becomes an association.
struct FeedImage {
    var renditions: [Article.Rendition]
    var caption: String
    var credit: String
}

/// Collects the pictures of one item or entry: RSS `enclosure`, Atom `link rel="enclosure"`,
/// Media RSS `media:content`, `media:group`, `media:thumbnail`, with `media:description` /
/// `media:title` (caption) and `media:credit` (credit) at the media or item level.
///
/// Only images are kept: `medium="image"`, or an `image/*` type, or — when neither is given — a
/// URL whose extension is an image format. A `media:group` is one picture whose `media:content`
/// elements are renditions: the one marked `isDefault="true"` (else the widest) is named
/// `original`, the others `w<width>` (or `rendition<n>`); thumbnails are `thumbnail`. Item-level
/// thumbnails join the first picture, or make one when there is none. A picture whose URL was
/// already seen (an enclosure repeating a `media:content`) is merged into the earlier one.
struct FeedMediaCollector {
    private struct Candidate {
        var renditions: [Article.Rendition]
        var caption: String?
        var title: String?
        var credit: String?
    }

    private var candidates: [Candidate] = []
    private var thumbnails: [Article.Rendition] = []
    private var itemCaption: String?
    private var itemTitle: String?
    private var itemCredit: String?

    /// An RSS `enclosure` (`url`, `type`) or an Atom enclosure link (its resolved `href`).
    mutating func enclosure(_ node: FeedNodePointer, href: String? = nil) {
        guard let url = (href ?? FeedXML.attribute(node, "url")).flatMap(FeedDocumentReader.nonEmpty) else { return }
        let type = FeedXML.attribute(node, "type").flatMap(FeedDocumentReader.nonEmpty)?.lowercased()
        guard Self.isImage(medium: nil, type: type, url: url) else { return }
        candidates.append(Candidate(renditions: [
            Article.Rendition(name: "original", href: url, contenttype: type ?? Self.guessedType(url) ?? "")
        ]))
    }

    /// A Media RSS element directly inside the item.
    mutating func element(_ node: FeedNodePointer, local: String) {
        switch local {
        case "content":
            if let candidate = content(node) { candidates.append(candidate) }
        case "group":
            group(node)
        case "thumbnail":
            if let thumbnail = thumbnail(node, index: thumbnails.count) { thumbnails.append(thumbnail) }
        case "description":
            itemCaption = itemCaption ?? Self.mediaText(node)
        case "title":
            itemTitle = itemTitle ?? Self.mediaText(node)
        case "credit":
            itemCredit = itemCredit ?? FeedDocumentReader.nonEmpty(FeedHTMLText.inlineText(fromPlainText: FeedXML.text(node)))
        default:
            break
        }
    }

    /// The pictures found, in document order.
    func images() -> [FeedImage] {
        var merged: [Candidate] = []
        var seen: [String: Int] = [:]
        for candidate in candidates {
            if let existing = candidate.renditions.lazy.compactMap({ seen[$0.href] }).first {
                var earlier = merged[existing]
                earlier.caption = earlier.caption ?? candidate.caption
                earlier.title = earlier.title ?? candidate.title
                earlier.credit = earlier.credit ?? candidate.credit
                for rendition in candidate.renditions where !earlier.renditions.contains(where: { $0.href == rendition.href }) {
                    earlier.renditions.append(rendition)
                }
                merged[existing] = earlier
                continue
            }
            for rendition in candidate.renditions { seen[rendition.href] = merged.count }
            merged.append(candidate)
        }
        if !thumbnails.isEmpty {
            if merged.isEmpty {
                merged.append(Candidate(renditions: thumbnails))
            } else {
                for thumbnail in thumbnails where !merged[0].renditions.contains(where: { $0.href == thumbnail.href }) {
                    merged[0].renditions.append(thumbnail)
                }
            }
        }
        return merged.map { c in
            FeedImage(
                renditions: Self.uniquelyNamed(c.renditions),
                caption: c.caption ?? c.title ?? itemCaption ?? itemTitle ?? "",
                credit: c.credit ?? itemCredit ?? "")
        }
    }

    // MARK: - Elements

    private func content(_ node: FeedNodePointer) -> Candidate? {
        guard let rendition = contentRendition(node, name: "original") else { return nil }
        var candidate = Candidate(renditions: [rendition])
        readDetails(of: node, into: &candidate)
        return candidate
    }

    private func contentRendition(_ node: FeedNodePointer, name: String) -> Article.Rendition? {
        guard let url = FeedXML.attribute(node, "url").flatMap(FeedDocumentReader.nonEmpty) else { return nil }
        let medium = FeedXML.attribute(node, "medium").flatMap(FeedDocumentReader.nonEmpty)?.lowercased()
        let type = FeedXML.attribute(node, "type").flatMap(FeedDocumentReader.nonEmpty)?.lowercased()
        guard Self.isImage(medium: medium, type: type, url: url) else { return nil }
        return Article.Rendition(
            name: name, href: FeedXML.resolve(url, at: node), contenttype: type ?? Self.guessedType(url) ?? "",
            width: Self.dimension(FeedXML.attribute(node, "width")), height: Self.dimension(FeedXML.attribute(node, "height")))
    }

    private func thumbnail(_ node: FeedNodePointer, index: Int) -> Article.Rendition? {
        guard let url = FeedXML.attribute(node, "url").flatMap(FeedDocumentReader.nonEmpty) else { return nil }
        return Article.Rendition(
            name: index == 0 ? "thumbnail" : "thumbnail\(index + 1)", href: FeedXML.resolve(url, at: node),
            contenttype: Self.guessedType(url) ?? "",
            width: Self.dimension(FeedXML.attribute(node, "width")), height: Self.dimension(FeedXML.attribute(node, "height")))
    }

    /// `media:description`, `media:title`, `media:credit` and `media:thumbnail` inside a
    /// `media:content` or `media:group`.
    private func readDetails(of node: FeedNodePointer, into candidate: inout Candidate) {
        var thumbnailCount = candidate.renditions.filter { $0.name.hasPrefix("thumbnail") }.count
        for child in FeedXML.elementChildren(node) {
            let (ns, local) = FeedXML.qualifiedName(child)
            guard ns == FeedXML.media else { continue }
            switch local {
            case "description": candidate.caption = candidate.caption ?? Self.mediaText(child)
            case "title": candidate.title = candidate.title ?? Self.mediaText(child)
            case "credit":
                candidate.credit = candidate.credit ?? FeedDocumentReader.nonEmpty(FeedHTMLText.inlineText(fromPlainText: FeedXML.text(child)))
            case "thumbnail":
                if let thumbnail = thumbnail(child, index: thumbnailCount) {
                    candidate.renditions.append(thumbnail)
                    thumbnailCount += 1
                }
            default: break
            }
        }
    }

    private mutating func group(_ node: FeedNodePointer) {
        var contents: [(rendition: Article.Rendition, isDefault: Bool, node: FeedNodePointer)] = []
        for child in FeedXML.elementChildren(node) {
            let (ns, local) = FeedXML.qualifiedName(child)
            guard ns == FeedXML.media, local == "content", let rendition = contentRendition(child, name: "") else { continue }
            let isDefault = FeedXML.attribute(child, "isDefault").map(FeedStrings.trimmed)?.lowercased() == "true"
            contents.append((rendition, isDefault, child))
        }
        let originalIndex = contents.firstIndex { $0.isDefault }
            ?? contents.indices.max { contents[$0].rendition.width < contents[$1].rendition.width }
        var renditions: [Article.Rendition] = []
        if let originalIndex {
            var original = contents[originalIndex].rendition
            original.name = "original"
            renditions.append(original)
        }
        for (k, entry) in contents.enumerated() where k != originalIndex {
            var rendition = entry.rendition
            rendition.name = rendition.width > 0 ? "w\(rendition.width)" : "rendition\(k + 1)"
            renditions.append(rendition)
        }
        var candidate = Candidate(renditions: renditions)
        // Details on the chosen content first, then on the group.
        if let originalIndex { readDetails(of: contents[originalIndex].node, into: &candidate) }
        readDetails(of: node, into: &candidate)
        guard !candidate.renditions.isEmpty else { return }
        candidates.append(candidate)
    }

    // MARK: - Helpers

    /// A caption-like text: `type="html"` converted, else plain; nil when empty.
    private static func mediaText(_ node: FeedNodePointer) -> String? {
        let text = FeedXML.text(node)
        let isHTML = FeedXML.attribute(node, "type")?.lowercased() == "html"
        return FeedDocumentReader.nonEmpty(isHTML ? FeedHTMLText.inlineText(fromHTML: text) : FeedHTMLText.inlineText(fromPlainText: text))
    }

    private static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "gif", "webp", "avif", "bmp", "tif", "tiff", "svg", "heic"]

    /// The lower-cased extension of the URL's last path segment (query and fragment ignored).
    private static func fileExtension(_ url: String) -> String {
        var dot: Int?
        var end = 0
        var i = 0
        for b in url.utf8 {
            if b == UInt8(ascii: "?") || b == UInt8(ascii: "#") { break }
            if b == UInt8(ascii: "/") { dot = nil }
            if b == UInt8(ascii: ".") { dot = i }
            i += 1
            end = i
        }
        guard let dot, end - dot - 1 <= 5 else { return "" }
        return String(decoding: url.utf8.dropFirst(dot + 1).prefix(end - dot - 1).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    static func isImage(medium: String?, type: String?, url: String) -> Bool {
        if let medium { return medium == "image" }
        if let type { return type.hasPrefix("image/") }
        return imageExtensions.contains(fileExtension(url))
    }

    static func guessedType(_ url: String) -> String? {
        switch fileExtension(url) {
        case "jpg", "jpeg": "image/jpeg"
        case "png": "image/png"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "avif": "image/avif"
        case "svg": "image/svg+xml"
        default: nil
        }
    }

    private static func dimension(_ text: String?) -> UInt32 {
        guard let text = text.map(FeedStrings.trimmed), let value = UInt32(text) else { return 0 }
        return value
    }

    /// Renditions with unique names (a later duplicate name gets a number).
    private static func uniquelyNamed(_ renditions: [Article.Rendition]) -> [Article.Rendition] {
        var used = Set<String>()
        return renditions.map { r in
            var r = r
            var name = r.name.isEmpty ? "rendition" : r.name
            var k = 2
            while used.contains(name) {
                name = "\(r.name)-\(k)"
                k += 1
            }
            used.insert(name)
            r.name = name
            return r
        }
    }
}
