import Testing
import Foundation

/// Checks a JSON object against the rules of IPTC ninjs 2.1 that Newsbus output can break:
/// only ninjs property names at every level (the schema forbids others), `uri` required, the
/// enumerations of `type` and `pubstatus`, `urgency` 1…9, relevance/confidence 0…100, RFC 3339
/// date-times, `value` required in texts and bodies, `name` and `uri` required in associations.
/// Written from the ninjs 2.1 specification for these tests.
enum NinjsChecker {
    static let topLevel: Set<String> = [
        "uri", "type", "representationtype", "profile", "version", "firstcreated", "versioncreated", "contentcreated",
        "embargoed", "pubstatus", "urgency", "copyrightholder", "copyrightnotice", "usageterms", "ednote", "language",
        "descriptions", "bodies", "headlines", "people", "organisations", "places", "subjects", "events", "objects",
        "infosources", "title", "by", "slugline", "located", "renditions", "associations", "altids", "trustindicators",
        "standard", "genres", "expires", "rightsinfo",
    ]
    static let textKeys: Set<String> = ["role", "contenttype", "value"]
    static let bodyKeys: Set<String> = ["role", "contenttype", "charcount", "wordcount", "value"]
    static let conceptKeys: Set<String> = ["name", "rel", "uri", "literal"]
    static let subjectKeys: Set<String> = ["name", "rel", "uri", "literal", "creator", "relevance", "confidence"]
    static let infosourceKeys: Set<String> = ["name", "role", "uri", "literal"]
    static let genreKeys: Set<String> = ["name", "uri", "literal"]
    static let altidKeys: Set<String> = ["role", "value"]
    static let renditionKeys: Set<String> = [
        "name", "href", "contenttype", "title", "height", "width", "sizeinbytes", "duration", "format",
    ]
    static let standardKeys: Set<String> = ["name", "version", "schema"]
    static let dateFields = ["firstcreated", "versioncreated", "contentcreated", "embargoed", "expires"]

    static func problems(in object: [String: Any], path: String = "$", isAssociation: Bool = false) -> [String] {
        var problems: [String] = []
        var allowed = topLevel
        if isAssociation { allowed.insert("name") }
        for key in object.keys where !allowed.contains(key) { problems.append("\(path).\(key) is not a ninjs property") }
        if !(object["uri"] is String) || (object["uri"] as? String)?.isEmpty == true { problems.append("\(path).uri missing") }
        if isAssociation, !(object["name"] is String) { problems.append("\(path).name missing") }
        if let type = object["type"], !["text", "audio", "video", "picture", "graphic", "composite", "component"].contains(type as? String ?? "") {
            problems.append("\(path).type \(type) not allowed")
        }
        if let status = object["pubstatus"], !["usable", "withheld", "canceled"].contains(status as? String ?? "") {
            problems.append("\(path).pubstatus \(status) not allowed")
        }
        if let urgency = object["urgency"], !((urgency as? Int).map { (1...9).contains($0) } ?? false) {
            problems.append("\(path).urgency \(urgency) outside 1…9")
        }
        for field in dateFields {
            if let value = object[field], !isDateTime(value as? String ?? "") { problems.append("\(path).\(field) \(value) is not an RFC 3339 date-time") }
        }
        for field in ["headlines", "descriptions"] { problems += items(object[field], path: "\(path).\(field)", keys: textKeys, required: ["value"]) }
        problems += items(object["bodies"], path: "\(path).bodies", keys: bodyKeys, required: ["value"])
        for field in ["people", "organisations", "places", "events", "objects"] {
            problems += items(object[field], path: "\(path).\(field)", keys: conceptKeys, required: [])
        }
        problems += items(object["subjects"], path: "\(path).subjects", keys: subjectKeys, required: [])
        for (index, subject) in ((object["subjects"] as? [[String: Any]]) ?? []).enumerated() {
            for field in ["relevance", "confidence"] {
                if let v = subject[field], !((v as? Int).map { (0...100).contains($0) } ?? false) {
                    problems.append("\(path).subjects[\(index)].\(field) \(v) outside 0…100")
                }
            }
        }
        problems += items(object["infosources"], path: "\(path).infosources", keys: infosourceKeys, required: [])
        problems += items(object["genres"], path: "\(path).genres", keys: genreKeys, required: [])
        problems += items(object["altids"], path: "\(path).altids", keys: altidKeys, required: [])
        problems += items(object["renditions"], path: "\(path).renditions", keys: renditionKeys, required: ["name"])
        if let standard = object["standard"] as? [String: Any] {
            for key in standard.keys where !standardKeys.contains(key) { problems.append("\(path).standard.\(key) not allowed") }
        }
        if let associations = object["associations"] {
            guard let list = associations as? [[String: Any]] else { return problems + ["\(path).associations is not an array of objects"] }
            for (index, association) in list.enumerated() {
                problems += Self.problems(in: association, path: "\(path).associations[\(index)]", isAssociation: true)
            }
        }
        return problems
    }

    private static func items(_ value: Any?, path: String, keys: Set<String>, required: [String]) -> [String] {
        guard let value else { return [] }
        guard let list = value as? [[String: Any]] else { return ["\(path) is not an array of objects"] }
        var problems: [String] = []
        for (index, item) in list.enumerated() {
            for key in item.keys where !keys.contains(key) { problems.append("\(path)[\(index)].\(key) not allowed") }
            for key in required where item[key] == nil { problems.append("\(path)[\(index)].\(key) missing") }
        }
        return problems
    }

    private static func isDateTime(_ text: String) -> Bool {
        text.range(of: #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#, options: .regularExpression) != nil
    }
}

@Suite("ninjs checker")
struct NinjsCheckerTests {
    @Test("the checker rejects what ninjs 2.1 forbids")
    func checkerCatchesViolations() {
        let bad: [String: Any] = [
            "uri": "urn:x", "section_path": ["News"], "urgency": 0, "pubstatus": "killed", "versioncreated": "2024-03-07",
            "associations": [["uri": "urn:y"]], "people": [["name": "A", "confidence": 50]],
        ]
        let problems = NinjsChecker.problems(in: bad)
        #expect(problems.contains { $0.contains("section_path") })
        #expect(problems.contains { $0.contains("urgency") })
        #expect(problems.contains { $0.contains("pubstatus") })
        #expect(problems.contains { $0.contains("versioncreated") })
        #expect(problems.contains { $0.contains("associations[0].name missing") })
        #expect(problems.contains { $0.contains("people[0].confidence") })
        #expect(NinjsChecker.problems(in: ["uri": "urn:ok", "type": "text"]).isEmpty)
    }
}
