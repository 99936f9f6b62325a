/// A picture found in or next to the article text.
struct HTMLPicture: Equatable {
    /// The image address as written (`src`, else a lazy-loading attribute or the first `srcset` entry).
    var src: String = ""
    /// `width` attribute, 0 when absent.
    var width: UInt32 = 0
    /// `height` attribute, 0 when absent.
    var height: UInt32 = 0
    /// The caption without its credit.
    var caption: String = ""
    /// The credit, without parentheses: `Photo by Newsbus Wire`.
    var credit: String = ""
    /// The `alt` text.
    var alt: String = ""
}

/// One unit of extracted article text, in reading order.
enum HTMLTextItem: Equatable {
    /// A paragraph (or a heading, or a prose list item), cleaned.
    case paragraph(String)
    /// A picture standing before the next paragraph.
    case picture(HTMLPicture)
}

/// Finds the article text of a page and reads it in order.
///
/// The approach (Readability-style, with trafilatura's clean-up in mind):
///
/// 1. **Furniture is marked first**, with everything inside it: navigation, asides, footers,
///    forms, dialogs, scripts and styles, embeds; hidden elements; ARIA landmarks of furniture
///    (`navigation`, `banner`, `contentinfo`, `complementary`, `dialog`…); `aria-label`s naming
///    breadcrumbs, sharing, cookies, comments; and elements whose class or id says so (see
///    ``HTMLVocabulary/hints(_:)``): `share`, `social`, `cookie`, `consent`, `comment`,
///    `related`, `recommended`, `promo`, `newsletter`, `subscribe`, `advert`, `ad`, `tags`,
///    `breadcrumb`, `nav`, `menu`, `sidebar`, `footer`… always; `header`, `byline`, `meta`
///    unless a positive word (`article`, `body`, `content`, `story`, `text`, `entry`) is the
///    last word of the name. An element holding 60 % or more of the page's paragraph text, or
///    the `itemprop=articleBody` element, is never furniture (a whole-page `<form>` or a body
///    `div` with an unlucky class name stays).
/// 2. **Candidates are scored**: every paragraph (`p`, `pre`, `td`, and `div`s with their own
///    text) of 25 characters or more gives `1 + commas + min(length / 100, 3)` to its parent,
///    half to its grandparent and a third, a sixth… further up (five levels). A container starts
///    at a score from its tag (`article` +10, `div` +5, lists −3, headings −5) and its hints
///    (positive +25, negative −25, `itemprop=articleBody` +50). The final score is multiplied
///    by `1 − link density`.
/// 3. **The best candidate and its good siblings** are the text. The best moves up to an
///    ancestor holding three of the four runners-up scoring at least 3/4 of it (live-blog
///    entries, text blocks split by figures), to an ancestor whose paragraph score (without
///    class bonus) is higher than its own, and from an only child to its parent. Then siblings scoring at least a fifth of the best (10 at least),
///    paragraphs of prose, and whatever non-furniture, link-poor element stands between two of
///    them (a subheading, a figure) join it.
/// 4. **Reading**: paragraphs, headings, `pre`, blockquotes and prose lists (not link lists)
///    become paragraphs; text directly in a `div` is split at `<br><br>`; a block that is
///    mostly link text is dropped; `<figure>`s and captioned image blocks become pictures.
///    Pictures of the article (inside `<article>`, or beside the text) that stand before or
///    after the text are read too, as the lead picture or at the end.
struct HTMLMainTextExtractor {
    private let tree: HTMLTree
    /// 0: text; 1: furniture that may hold the lead picture (`<header>`); 2: furniture.
    private var junk: [UInt8]
    private var textLength: [Int]
    private var linkLength: [Int]
    private var commas: [Int]
    /// Text not inside a block-level descendant.
    private var inlineLength: [Int]
    /// Whether a block-level element that is not furniture is inside.
    private var hasBlock: [Bool]
    /// Whether the element is, or is inside, the `itemprop=articleBody` element.
    private var articleBody: Int?

    /// Text dropped from inside the article text because it was mostly links.
    private(set) var removed: [String] = []

    init(tree: HTMLTree) {
        self.tree = tree
        let n = tree.count
        junk = Array(repeating: 0, count: n)
        textLength = Array(repeating: 0, count: n)
        linkLength = Array(repeating: 0, count: n)
        commas = Array(repeating: 0, count: n)
        inlineLength = Array(repeating: 0, count: n)
        hasBlock = Array(repeating: false, count: n)
        markFurniture()
        aggregate()
    }

    // MARK: 1. Furniture

    private mutating func markFurniture() {
        let n = tree.count
        // Raw paragraph text per element, for the protection rule.
        var nonText = Array(repeating: false, count: n)
        var inParagraph = Array(repeating: false, count: n)
        for k in 0..<n {
            let node = tree[k]
            let parent = node.parent
            if parent >= 0 {
                nonText[k] = nonText[parent] || HTMLVocabulary.nonText.contains(node.name)
                inParagraph[k] = inParagraph[parent] || node.name == "p"
            }
            if articleBody == nil, !node.isText, (node["itemprop"] ?? "").lowercased().split(separator: " ").contains("articlebody") {
                articleBody = k
            }
        }
        var paragraphText = Array(repeating: 0, count: n)
        var paragraphs = Array(repeating: 0, count: n)
        var holdsArticle = Array(repeating: false, count: n)
        for k in stride(from: n - 1, through: 1, by: -1) {
            let node = tree[k]
            if node.isText, inParagraph[k], !nonText[k] { paragraphText[k] = HTMLText.visibleLength(node.text) }
            if node.name == "p", paragraphText[k] >= 25 { paragraphs[k] += 1 }
            if node.name == "article" || k == articleBody { holdsArticle[k] = true }
            paragraphText[node.parent] += paragraphText[k]
            paragraphs[node.parent] += paragraphs[k]
            if holdsArticle[k] { holdsArticle[node.parent] = true }
        }
        let total = paragraphText[0]
        let bodyRange = articleBody.map { tree.subtree($0) }
        /// Holds the article: the articleBody element, or most of the page's paragraph text in
        /// three paragraphs or more (or in an `<article>`).
        func isProtected(_ k: Int) -> Bool {
            if let range = bodyRange, tree.subtree(k).contains(range.lowerBound) { return true }
            return total > 0 && Double(paragraphText[k]) >= 0.6 * Double(total) && (paragraphs[k] >= 3 || holdsArticle[k])
        }

        let furnitureLabels = ["breadcrumb", "share", "sharing", "social", "cookie", "consent", "comment", "newsletter", "related", "advert"]
        for k in 1..<n {
            let node = tree[k]
            let inherited = junk[node.parent]
            if node.isText || inherited == 2 {
                junk[k] = inherited
                continue
            }
            var own: UInt8 = 0
            let name = node.name
            if name == "html" || name == "body" || k == articleBody {
                own = 0
            } else if HTMLVocabulary.junkTags.contains(name) {
                own = (name == "form" && isProtected(k)) ? 0 : 2
            } else if HTMLVocabulary.isHidden(node) {
                own = 2
            } else if let role = node["role"]?.lowercased(), HTMLVocabulary.junkRoles.contains(role), !isProtected(k) {
                own = 2
            } else if let label = node["aria-label"]?.lowercased(), furnitureLabels.contains(where: { label.contains($0) }) {
                own = 2
            } else {
                let hints = HTMLVocabulary.hints(node)
                if hints.strongNegative, !isProtected(k) {
                    own = 2
                } else if hints.weakNegative, !hints.positive, !isProtected(k) {
                    own = 1
                } else if HTMLVocabulary.softJunkTags.contains(name), !isProtected(k) {
                    own = 1
                }
            }
            junk[k] = max(inherited, own)
        }
    }

    // MARK: Aggregates

    private mutating func aggregate() {
        let n = tree.count
        var inLink = Array(repeating: false, count: n)
        var nonText = Array(repeating: false, count: n)
        for k in 1..<n {
            let node = tree[k]
            inLink[k] = inLink[node.parent] || node.name == "a"
            nonText[k] = nonText[node.parent] || HTMLVocabulary.nonText.contains(node.name)
        }
        for k in stride(from: n - 1, through: 1, by: -1) {
            let node = tree[k]
            let parent = node.parent
            if junk[k] != 0 { continue }
            if node.isText {
                guard !nonText[k] else { continue }
                var length = 0
                var commaCount = 0
                for s in node.text.unicodeScalars {
                    if s.properties.isWhitespace { continue }
                    length += 1
                    if s == "," || s == "\u{FF0C}" || s == "\u{3001}" { commaCount += 1 }
                }
                textLength[k] = length
                commas[k] = commaCount
                inlineLength[k] = length
                if inLink[k] { linkLength[k] = length }
            }
            textLength[parent] += textLength[k]
            linkLength[parent] += linkLength[k]
            commas[parent] += commas[k]
            let isBlock = !node.isText && HTMLVocabulary.blockTags.contains(node.name)
            if !isBlock { inlineLength[parent] += inlineLength[k] }
            if isBlock || hasBlock[k] { hasBlock[parent] = true }
        }
    }

    private func linkDensity(_ k: Int) -> Double {
        textLength[k] == 0 ? 0 : Double(linkLength[k]) / Double(textLength[k])
    }

    // MARK: 2. Scoring

    private func initialScore(_ k: Int) -> Double {
        let node = tree[k]
        var score: Double
        switch node.name {
        case "article": score = 10
        case "div", "main": score = 5
        case "section": score = 3
        case "pre", "td", "blockquote": score = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
        default: score = 0
        }
        let hints = HTMLVocabulary.hints(node)
        if hints.positive { score += 25 }
        if hints.weakNegative || hints.strongNegative { score -= 25 }
        if k == articleBody { score += 50 }
        return score
    }

    /// Final scores of the candidate containers, and the part of each that comes from the
    /// paragraphs alone (without the tag and class-name bonus), both weighted by link density.
    private func scores() -> (total: [Int: Double], content: [Int: Double]) {
        var scores: [Int: Double] = [:]
        var content: [Int: Double] = [:]
        for k in 1..<tree.count {
            let node = tree[k]
            guard !node.isText, junk[k] == 0 else { continue }
            let length: Int
            let start: Int
            if node.name != "p", HTMLVocabulary.blockTags.contains(node.name), inlineLength[k] >= 25 {
                // Text straight in a container (`div`, `td`…): the container is its paragraph.
                length = inlineLength[k]
                start = k
            } else if node.name == "p" || node.name == "pre" || node.name == "td" {
                length = textLength[k]
                start = node.parent
            } else {
                continue
            }
            guard length >= 25 else { continue }
            let contentScore = 1 + Double(commas[k]) + Double(min(length / 100, 3))
            var ancestor = start
            var level = 0
            while ancestor > 0, level < 5 {
                let divider: Double = level == 0 ? 1 : level == 1 ? 2 : Double(level * 3)
                scores[ancestor, default: initialScore(ancestor)] += contentScore / divider
                content[ancestor, default: 0] += contentScore / divider
                ancestor = tree[ancestor].parent
                level += 1
            }
        }
        for (k, score) in scores {
            let weight = 1 - linkDensity(k)
            scores[k] = score * weight
            content[k] = (content[k] ?? 0) * weight
        }
        return (scores, content)
    }

    // MARK: 3. Choosing the text

    /// The elements that hold the article text, in document order (siblings), or `nil` when the
    /// page has no text at all.
    func textRoots() -> [Int]? {
        let (scores, contentScores) = scores()
        let ranked = scores.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
        guard var (top, topScore) = ranked.first.map({ ($0.key, $0.value) }) else {
            // No paragraph long enough: the article container or the body, when it has text.
            let fallback =
                articleBody ?? tree.nodes.indices.first { tree[$0].name == "article" && junk[$0] == 0 }
                ?? tree.nodes.indices.first { tree[$0].name == "main" && junk[$0] == 0 } ?? tree.first(named: "body") ?? 0
            return textLength[fallback] > 0 ? [fallback] : nil
        }
        func isPageRoot(_ k: Int) -> Bool { k <= 0 || ["body", "html"].contains(tree[k].name) }

        // Several close runners-up inside one ancestor (entries of a live blog, blocks split by
        // figures or adverts): that ancestor is the text.
        let runnersUp = ranked.dropFirst().prefix(4).filter { topScore > 0 && $0.value / topScore >= 0.75 }.map(\.key)
        if runnersUp.count >= 3 {
            var ancestor = tree[top].parent
            while !isPageRoot(ancestor) {
                if runnersUp.filter({ tree.isInside($0, ancestor) }).count >= 3 {
                    top = ancestor
                    topScore = scores[ancestor] ?? topScore
                    break
                }
                ancestor = tree[ancestor].parent
            }
        }
        // A paragraph score rising again on the way up means more text elsewhere in that
        // ancestor. (Paragraph scores only: a wrapper's class-name bonus is no sign of text.)
        // The bar is the best candidate's own paragraph score (not the last ancestor's, as in
        // Readability), so that a page wrapper picking up a few footer lines does not win.
        var ancestor = tree[top].parent
        let topContent = contentScores[top] ?? 0
        while !isPageRoot(ancestor) {
            if let score = contentScores[ancestor] {
                if score < topContent / 3 { break }
                if score > topContent {
                    top = ancestor
                    topScore = scores[ancestor] ?? topScore
                    break
                }
            }
            ancestor = tree[ancestor].parent
        }
        // An only child stands for its parent.
        while !isPageRoot(tree[top].parent),
            tree[tree[top].parent].children.filter({ !tree[$0].isText || textLength[$0] > 0 }).count == 1
        {
            top = tree[top].parent
            topScore = max(topScore, scores[top] ?? topScore)
        }

        let parent = tree[top].parent
        guard parent > 0, tree[parent].name != "html" else { return [top] }
        let threshold = max(10, topScore * 0.2)
        let topClass = tree[top]["class"] ?? ""
        let siblings = tree[parent].children
        var included = siblings.map { sibling -> Bool in
            if sibling == top { return true }
            let node = tree[sibling]
            guard !node.isText, junk[sibling] == 0, textLength[sibling] > 0 else { return false }
            let bonus = !topClass.isEmpty && node["class"] == topClass ? topScore * 0.2 : 0
            if let score = scores[sibling], score + bonus >= threshold { return true }
            if node.name == "p" {
                let length = textLength[sibling]
                let density = linkDensity(sibling)
                if length > 80, density < 0.25 { return true }
                if length > 0, density == 0, CaptionDetector.endsSentence(HTMLText.clean(tree.text(of: sibling))) { return true }
            }
            return false
        }
        if let first = included.firstIndex(of: true), let last = included.lastIndex(of: true), first < last {
            for j in first...last where !included[j] {
                let sibling = siblings[j]
                let node = tree[sibling]
                if !node.isText, junk[sibling] == 0, linkDensity(sibling) < 0.5 { included[j] = true }
            }
        }
        return siblings.indices.filter { included[$0] }.map { siblings[$0] }
    }

    // MARK: 4. Reading

    /// The article text and pictures, in reading order.
    mutating func extract() -> [HTMLTextItem] {
        guard let roots = textRoots() else { return [] }
        var items: [HTMLTextItem] = []
        for root in roots { read(root, into: &items) }

        // Pictures of the article outside the text containers: the lead picture before the text,
        // others after it.
        let first = roots[0]
        let lastEnd = tree.subtree(roots[roots.count - 1]).upperBound
        let parentOfFirst = tree[first].parent
        let scope =
            tree.closest(first, where: { $0.name == "article" || ($0["itemtype"] ?? "").hasSuffix("Article") })
            ?? (parentOfFirst <= 0 || ["body", "html"].contains(tree[parentOfFirst].name) ? first : parentOfFirst)
        var before: [HTMLTextItem] = []
        var after: [HTMLTextItem] = []
        let range = tree.subtree(scope)
        var k = range.lowerBound
        while k < range.upperBound {
            if k == first {
                k = tree.subtree(k).upperBound
                continue
            }
            if roots.contains(k) {
                k = tree.subtree(k).upperBound
                continue
            }
            let node = tree[k]
            if !node.isText, junk[k] == 2 {
                k = tree.subtree(k).upperBound
                continue
            }
            if !node.isText, isPicture(k), let picture = picture(k), !picture.src.isEmpty {
                if k < first {
                    before.append(.picture(picture))
                } else if k >= lastEnd {
                    after.append(.picture(picture))
                }
                k = tree.subtree(k).upperBound
                continue
            }
            k += 1
        }
        return before + items + after
    }

    private struct Run {
        var text = ""
        var length = 0
        var links = 0
    }

    private mutating func read(_ root: Int, into items: inout [HTMLTextItem]) {
        var run = Run()
        func flush(_ items: inout [HTMLTextItem], _ removed: inout [String]) {
            guard run.length > 0 else {
                run = Run()
                return
            }
            let density = Double(run.links) / Double(run.length)
            let parts = HTMLText.paragraphs(run.text)
            if density > 0.5 {
                removed += parts
            } else {
                items += parts.map { .paragraph($0) }
            }
            run = Run()
        }
        let skip: (Int) -> Bool = { [junk] in junk[$0] != 0 }
        var stack: [(node: Int, exit: Bool)] = [(root, false)]
        while let (k, exit) = stack.popLast() {
            if exit {
                flush(&items, &removed)
                continue
            }
            let node = tree[k]
            if node.isText {
                if junk[k] == 0, textLength[k] > 0 || !run.text.isEmpty {
                    run.text += tree.text(of: k)
                    run.length += textLength[k]
                }
                continue
            }
            let name = node.name
            let isBlock = HTMLVocabulary.blockTags.contains(name)
            if junk[k] != 0 {
                if isBlock { flush(&items, &removed) }
                continue
            }
            switch name {
            case "br":
                run.text += "\n"
                continue
            case "hr":
                flush(&items, &removed)
                continue
            case "img", "picture", "source":
                continue
            default:
                break
            }
            if isPicture(k) {
                flush(&items, &removed)
                if let picture = picture(k) { items.append(.picture(picture)) }
                continue
            }
            if !isBlock, !hasBlock[k] {
                if textLength[k] > 0 {
                    run.text += tree.text(of: k, skip: skip)
                    run.length += textLength[k]
                    run.links += linkLength[k]
                }
                continue
            }
            flush(&items, &removed)
            if name == "ul" || name == "ol" || name == "dl" {
                guard isProseList(k) else {
                    if textLength[k] > 0 { removed += HTMLText.paragraphs(tree.text(of: k, skip: skip)) }
                    continue
                }
            }
            if name == "figure" { continue }  // a figure without an image: a pull quote or an embed
            if HTMLVocabulary.paragraphTags.contains(name), !hasBlock[k] || name == "p" {
                guard textLength[k] > 0 else { continue }
                let parts = HTMLText.paragraphs(tree.text(of: k, skip: skip))
                if linkDensity(k) > 0.5 {
                    removed += parts
                } else {
                    items += parts.map { .paragraph($0) }
                }
                continue
            }
            stack.append((k, true))
            for child in node.children.reversed() { stack.append((child, false)) }
        }
        flush(&items, &removed)
    }

    /// A list of sentences rather than of links: little link text and items of some length.
    private func isProseList(_ k: Int) -> Bool {
        let items = tree[k].children.filter { ["li", "dd", "dt"].contains(tree[$0].name) && junk[$0] == 0 }
        guard !items.isEmpty, linkDensity(k) < 0.3 else { return false }
        let average = Double(textLength[k]) / Double(items.count)
        return average >= 30
    }

    // MARK: Pictures

    private static let pictureHints = ["figure", "image", "photo", "picture", "media", "img"]
    /// Most visible characters a captioned image block (or a caption on its own) may hold.
    private static let pictureTextLimit = 800
    private static let captionHints = ["caption", "figcaption"]
    private static let creditHints = ["credit", "copyright", "photographer", "byline", "source", "attribution", "author", "courtesy"]

    /// A `<figure>` with an image, a captioned image block (`div.image` holding an `img` and a
    /// `.caption`), or a caption on its own (`figcaption`, `.caption`).
    private func isPicture(_ k: Int) -> Bool {
        let node = tree[k]
        if node.name == "figure" { return tree.subtree(k).contains { tree[$0].name == "img" } }
        if node.name == "figcaption" { return true }
        if node.name == "img" || node.isText || textLength[k] > Self.pictureTextLimit { return false }
        if HTMLVocabulary.hasToken(node, prefixes: Self.captionHints) { return true }
        guard HTMLVocabulary.hasToken(node, prefixes: Self.pictureHints) else { return false }
        let range = tree.subtree(k)
        return range.contains { tree[$0].name == "img" }
            && range.contains { $0 != k && (tree[$0].name == "figcaption" || HTMLVocabulary.hasToken(tree[$0], prefixes: Self.captionHints)) }
    }

    /// The picture of a picture element; `nil` when it has neither caption nor credit.
    private func picture(_ k: Int) -> HTMLPicture? {
        var picture = HTMLPicture()
        let range = tree.subtree(k)
        var images: [Int] = []
        var captionNode: Int?
        var creditNodes: [Int] = []
        for j in range {
            let node = tree[j]
            if node.isText { continue }
            if node.name == "img" { images.append(j) }
            if captionNode == nil, node.name == "figcaption" || (j != k && HTMLVocabulary.hasToken(node, prefixes: Self.captionHints)) {
                captionNode = j
            }
            if j != k, HTMLVocabulary.hasToken(node, prefixes: Self.creditHints),
                !creditNodes.contains(where: { tree.subtree($0).contains(j) })
            {
                creditNodes.append(j)
            }
        }
        if captionNode == nil, tree[k].name == "figcaption" || HTMLVocabulary.hasToken(tree[k], prefixes: Self.captionHints) {
            captionNode = k
        }
        if creditNodes.isEmpty, let caption = captionNode {
            creditNodes = tree.subtree(caption).filter { ["small", "cite"].contains(tree[$0].name) }
        }
        if let image = images.first(where: { !Self.source(tree[$0]).isEmpty }) ?? images.first {
            let node = tree[image]
            picture.src = Self.source(node)
            picture.width = Self.dimension(node["width"])
            picture.height = Self.dimension(node["height"])
            picture.alt = HTMLText.clean(node["alt"] ?? "")
        }
        if let caption = captionNode {
            let credits = creditNodes
            picture.caption = HTMLText.clean(tree.text(of: caption, skip: { j in credits.contains(j) }))
        }
        picture.credit = creditNodes.map { HTMLText.clean(tree.text(of: $0)) }.filter { !$0.isEmpty }.joined(separator: " ")
        if picture.credit.isEmpty {
            (picture.caption, picture.credit) = Self.splitCredit(picture.caption)
        }
        picture.credit = Self.unwrap(picture.credit)
        guard !picture.caption.isEmpty || !picture.credit.isEmpty else { return nil }
        return picture
    }

    /// The address of an image: `src` unless it is a `data:` placeholder, else `data-src`,
    /// `data-original`, `data-lazy-src`, else the first `srcset` entry.
    static func source(_ node: HTMLTree.Node) -> String {
        for attribute in ["src", "data-src", "data-original", "data-lazy-src", "data-url"] {
            if let value = node[attribute]?.trimmingSpaces(), !value.isEmpty, !value.lowercased().hasPrefix("data:") {
                return value
            }
        }
        for attribute in ["srcset", "data-srcset"] {
            if let set = node[attribute], let first = set.split(separator: ",").first?.trimmingSpaces().split(separator: " ").first {
                return String(first)
            }
        }
        return ""
    }

    static func dimension(_ value: String?) -> UInt32 {
        guard let value else { return 0 }
        return UInt32(value.trimmingSpaces().prefix { $0.isASCII && $0.isNumber }) ?? 0
    }

    /// A caption and its credit: a final parenthesised credit (`… 2024. (Photo by Newsbus Wire)`,
    /// as the plain-text parser reads it) or a final `Photo: …` / `Photo by …` / `Credit: …`
    /// sentence.
    static func splitCredit(_ caption: String) -> (caption: String, credit: String) {
        if let (before, credit) = CaptionDetector.splitCredit(caption), CaptionDetector.classifyCredit(credit) != nil {
            return (before, credit)
        }
        let lower = caption.lowercased()
        for marker in ["photo by ", "photos by ", "photo: ", "photos: ", "credit: ", "image: ", "picture: ", "photograph: ", "courtesy of "] {
            guard let range = lower.range(of: marker, options: .backwards) else { continue }
            let offset = lower.distance(from: lower.startIndex, to: range.lowerBound)
            let start = caption.index(caption.startIndex, offsetBy: offset)
            let before = caption[..<start].trimmingSpaces()
            guard before.isEmpty || CaptionDetector.endsSentence(before) || before.hasSuffix("|") || before.hasSuffix("/") else { continue }
            var head = before
            while let last = head.last, last == "|" || last == "/" { head = String(head.dropLast()).trimmingSpaces() }
            return (head, String(caption[start...]).trimmingSpaces())
        }
        return (caption, "")
    }

    /// A credit without wrapping parentheses or a final period.
    static func unwrap(_ credit: String) -> String {
        var text = credit.trimmingSpaces()
        if text.hasSuffix(".") && text.hasPrefix("(") { text = String(text.dropLast()) }
        if text.hasPrefix("("), text.hasSuffix(")") { text = String(text.dropFirst().dropLast()).trimmingSpaces() }
        return text
    }
}
