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
    entityURI(prefix: "", name: name)
}

/// `prefix` followed by ``entitySlug(_:)`` of `name`; for an ASCII name, made in one buffer.
func entityURI(prefix: String, name: String) -> String {
    var name = name
    var prefix = prefix
    let ascii: String? = name.withUTF8 { bytes in
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        return prefix.withUTF8 { start in
            // ASCII: letters and digits lower-cased, runs of anything else one hyphen (none at either end).
            String(unsafeUninitializedCapacity: start.count + bytes.count) { buffer in
                var length = 0
                for byte in start {
                    buffer[length] = byte
                    length += 1
                }
                let slugStart = length
                var pendingHyphen = false
                for byte in bytes {
                    let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                        if pendingHyphen && length > slugStart {
                            buffer[length] = 0x2D
                            length += 1
                        }
                        pendingHyphen = false
                        buffer[length] = lower
                        length += 1
                    } else {
                        pendingHyphen = true
                    }
                }
                return length
            }
        }
    }
    return ascii ?? prefix + foldedSlug(name)
}

/// The slug of a name with letters beyond ASCII: folded, alphabetic and numeric scalars kept.
private func foldedSlug(_ name: String) -> String {
    var slug: [UInt8] = []
    var pendingHyphen = false
    for scalar in Gazetteer.fold(name).unicodeScalars {
        // ASCII letters and digits are the ASCII scalars that are alphabetic or numeric.
        let value = scalar.value
        let isKept = value < 0x80
            ? (value | 0x20) &- 0x61 < 26 || value &- 0x30 < 10
            : scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        if isKept {
            if pendingHyphen && !slug.isEmpty { slug.append(0x2D) }
            pendingHyphen = false
            slug.append(contentsOf: scalar.utf8)
        } else {
            pendingHyphen = true
        }
    }
    return String(decoding: slug, as: UTF8.self)
}
