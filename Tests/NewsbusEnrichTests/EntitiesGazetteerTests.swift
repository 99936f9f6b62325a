import Foundation
import NewsbusEnrich
import Testing

@Suite("Entities gazetteer")
struct EntitiesGazetteerTests {
    @Test("the shipped gazetteer loads once and finds countries by name, alias, demonym and code")
    func countries() throws {
        let gazetteer = try Gazetteer.shared()
        #expect(gazetteer.country(named: "Britain")?.code == "GB")
        #expect(gazetteer.country(named: "north korea")?.code == "KP")
        #expect(gazetteer.country(named: "U.S.")?.name == "United States")
        #expect(gazetteer.country(demonym: "Japanese")?.code == "JP")
        #expect(gazetteer.country(mentionedAs: "Filipino")?.name == "Philippines")
        #expect(gazetteer.country(code: "kr")?.name == "South Korea")
        #expect(gazetteer.country(code: "kr")?.capital == "Seoul")
        #expect(gazetteer.country(named: "Atlantis") == nil)
    }

    @Test("cities, capitals and organisations are found with case and diacritics folded")
    func placesAndOrganisations() throws {
        let gazetteer = try Gazetteer.shared()
        #expect(gazetteer.place(named: "Sao Paulo")?.name == "São Paulo")
        #expect(gazetteer.place(named: "Pyongyang")?.countryCode == "KP")
        #expect(gazetteer.place(named: "Pyongyang")?.kind == "capital")
        #expect(gazetteer.organisation(named: "IAEA")?.name == "International Atomic Energy Agency")
        #expect(gazetteer.organisation(named: "kyodo news")?.kind == "news agency")
        #expect(gazetteer.isEastAsianFamilyName("Takahashi"))
        #expect(!gazetteer.isEastAsianFamilyName("Smith"))
        #expect(gazetteer.wordKind("Representative") == .titleHead)
    }

    @Test("folding lower-cases, straightens apostrophes and strips Latin diacritics")
    func folding() {
        #expect(Gazetteer.fold("People\u{2019}s BANK") == "people's bank")
        #expect(Gazetteer.fold("São Paulo") == "sao paulo")
        #expect(Gazetteer.fold("Zürich\u{2019}s") == "zurich's")
        #expect(Gazetteer.fold("kim") == "kim")
        #expect(Gazetteer.fold("") == "")
    }

    @Test("a folder without the gazetteer files is a clear error naming the file")
    func missingFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazetteer-missing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try Gazetteer.load(directory: folder)
            Issue.record("loading an empty folder succeeded")
        } catch let error as Gazetteer.LoadError {
            #expect(error.description.contains("countries.tsv"))
        }
    }

    @Test("a malformed row is an error naming the file and line")
    func malformedRow() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gazetteer-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "# header\nJP\tJapan\n".write(to: folder.appendingPathComponent("countries.tsv"), atomically: true, encoding: .utf8)
        #expect(throws: Gazetteer.LoadError.self) { try Gazetteer.load(directory: folder) }
        do {
            _ = try Gazetteer.load(directory: folder)
        } catch let error as Gazetteer.LoadError {
            #expect(error.description.contains("countries.tsv line 2"))
        }
    }
}
