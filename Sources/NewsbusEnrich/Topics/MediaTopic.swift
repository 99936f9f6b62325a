/// The 17 top-level IPTC Media Topics (http://cv.iptc.org/newscodes/mediatopic/).
struct MediaTopic: Sendable, Hashable {
    /// The eight digits, e.g. "11000000".
    var digits: String
    /// The English preferred label.
    var name: String

    /// "medtop:11000000".
    var code: String { "medtop:\(digits)" }
    /// "http://cv.iptc.org/newscodes/mediatopic/11000000".
    var uri: String { "http://cv.iptc.org/newscodes/mediatopic/\(digits)" }

    /// All 17, in code order.
    static let topLevel: [MediaTopic] = [
        MediaTopic(digits: "01000000", name: "arts, culture, entertainment and media"),
        MediaTopic(digits: "02000000", name: "crime, law and justice"),
        MediaTopic(digits: "03000000", name: "disaster, accident and emergency incident"),
        MediaTopic(digits: "04000000", name: "economy, business and finance"),
        MediaTopic(digits: "05000000", name: "education"),
        MediaTopic(digits: "06000000", name: "environment"),
        MediaTopic(digits: "07000000", name: "health"),
        MediaTopic(digits: "08000000", name: "human interest"),
        MediaTopic(digits: "09000000", name: "labour"),
        MediaTopic(digits: "10000000", name: "lifestyle and leisure"),
        MediaTopic(digits: "11000000", name: "politics and government"),
        MediaTopic(digits: "12000000", name: "religion"),
        MediaTopic(digits: "13000000", name: "science and technology"),
        MediaTopic(digits: "14000000", name: "society"),
        MediaTopic(digits: "15000000", name: "sport"),
        MediaTopic(digits: "16000000", name: "conflict, war and peace"),
        MediaTopic(digits: "17000000", name: "weather"),
    ]
}
