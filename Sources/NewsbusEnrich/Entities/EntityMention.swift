/// Where in the article a mention was seen; drives salience.
enum ArticleSegment: Sendable, Hashable {
    case headline
    /// The first paragraph of the main body.
    case lead
    case body
    case caption
}

/// The three entity types the enricher produces.
enum EntityType: Sendable, Hashable {
    case person, organisation, place
}

/// One mention of a named thing, before mentions are merged into entities.
struct EntityMention: Sendable {
    var type: EntityType
    /// The entity's identity within the article: "country:JP", "geonames:1642911", "org:iaea",
    /// "person:funakoshi takehiro"...
    var identity: String
    /// The fullest name known for it (gazetteer name, or the text's words).
    var name: String
    /// The words as written here, when they differ from `name`.
    var surface: String
    /// Name forms to add as aliases besides `surface` ("Ministry of Foreign Affairs" for the
    /// "Japanese Ministry of Foreign Affairs").
    var extraAliases: [String] = []
    var code: String = ""
    var uri: String
    var confidence: UInt32
    var segment: ArticleSegment
    /// Whether the mention counts for salience and as a surface form (a demonym adds no alias).
    var addsAlias = true
    /// For people: the name's words, for matching one-word later mentions.
    var nameParts: [String] = []
    /// Found by shape alone: kept only if another mention of the entity has a cue.
    var isTentative = false
}

/// A lower-case, hyphen-joined ASCII-folded slug for URIs: "Funakoshi Takehiro" → "funakoshi-takehiro".
func entitySlug(_ name: String) -> String {
    if name.utf8.allSatisfy({ $0 < 0x80 }) {
        // ASCII: letters and digits lower-cased, runs of anything else one hyphen.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var pendingHyphen = false
        for byte in name.utf8 {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                if pendingHyphen && !bytes.isEmpty { bytes.append(0x2D) }
                pendingHyphen = false
                bytes.append(lower)
            } else {
                pendingHyphen = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
    var slug = ""
    var pendingHyphen = false
    for scalar in Gazetteer.fold(name).unicodeScalars {
        if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            if pendingHyphen && !slug.isEmpty { slug.append("-") }
            pendingHyphen = false
            slug.unicodeScalars.append(scalar)
        } else {
            pendingHyphen = true
        }
    }
    return slug
}
