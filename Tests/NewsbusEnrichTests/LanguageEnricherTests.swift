import Foundation
@testable import NewsbusEnrich
import NewsbusWire
import Testing

@Suite("Language enricher")
struct LanguageEnricherTests {
    /// Sentences written for these tests, none of them in the training corpus.
    static let heldOut: [(tag: String, text: String)] = [
        ("en", "The mayor opened a new bridge over the river on Saturday, saying it would cut travel times for commuters by half."),
        ("en", "Shares in the mining group fell after it warned that profits would be lower than expected this year."),
        ("fr", "Le maire a inauguré samedi un nouveau pont sur le fleuve, qui devrait réduire de moitié le temps de trajet des habitants."),
        ("fr", "Les actions du groupe minier ont chuté après l'annonce de bénéfices plus faibles que prévu cette année."),
        ("de", "Der Bürgermeister hat am Samstag eine neue Brücke über den Fluss eröffnet, die den Pendlern viel Zeit sparen soll."),
        ("de", "Die Aktien des Bergbaukonzerns fielen, nachdem das Unternehmen vor geringeren Gewinnen gewarnt hatte."),
        ("es", "El alcalde inauguró el sábado un nuevo puente sobre el río que reducirá a la mitad el tiempo de viaje de los vecinos."),
        ("es", "Las acciones de la minera cayeron después de que la compañía advirtiera de que ganará menos de lo previsto este año."),
        ("it", "Il sindaco ha inaugurato sabato un nuovo ponte sul fiume che dimezzerà i tempi di percorrenza per i pendolari."),
        ("it", "Le azioni del gruppo minerario sono crollate dopo che la società ha avvertito che gli utili saranno più bassi del previsto."),
        ("pt", "O presidente da câmara inaugurou no sábado uma nova ponte sobre o rio, que vai reduzir para metade o tempo de viagem."),
        ("pt", "As ações do grupo mineiro caíram depois de a empresa ter avisado que os lucros serão mais baixos do que o esperado."),
        ("nl", "De burgemeester heeft zaterdag een nieuwe brug over de rivier geopend, waardoor forenzen veel minder lang onderweg zijn."),
        ("nl", "De aandelen van het mijnbouwconcern daalden nadat het bedrijf had gewaarschuwd dat de winst dit jaar lager uitvalt."),
        ("sv", "Borgmästaren invigde på lördagen en ny bro över älven, som ska halvera restiden för dem som pendlar till staden."),
        ("sv", "Gruvbolagets aktier föll efter att företaget varnat för att vinsten blir lägre än väntat i år."),
        ("pl", "Burmistrz otworzył w sobotę nowy most na rzece, który ma o połowę skrócić czas dojazdu mieszkańców do pracy."),
        ("pl", "Akcje koncernu górniczego spadły po tym, jak spółka ostrzegła, że jej zyski będą w tym roku niższe od oczekiwań."),
        ("tr", "Belediye başkanı cumartesi günü nehir üzerindeki yeni köprüyü açtı; köprünün yolculuk süresini yarıya indirmesi bekleniyor."),
        ("tr", "Madencilik şirketinin hisseleri, şirketin bu yıl kârının beklenenden düşük olacağı uyarısının ardından geriledi."),
        ("id", "Wali kota meresmikan jembatan baru di atas sungai pada hari Sabtu yang diharapkan memangkas waktu perjalanan warga."),
        ("id", "Saham perusahaan tambang itu anjlok setelah manajemen memperingatkan bahwa laba tahun ini akan lebih rendah dari perkiraan."),
        ("da", "Borgmesteren indviede lørdag en ny bro over åen, som skal halvere rejsetiden for pendlerne."),
        ("fi", "Pormestari avasi lauantaina uuden sillan joen yli, ja sen odotetaan puolittavan työmatkalaisten matka-ajan."),
        ("ro", "Primarul a inaugurat sâmbătă un pod nou peste râu, care ar trebui să înjumătățească timpul de navetă."),
        ("cs", "Starosta v sobotu otevřel nový most přes řeku, který má zkrátit dojíždění do práce na polovinu."),
        ("ru", "Мэр города в субботу открыл новый мост через реку, который должен вдвое сократить время в пути для жителей."),
        ("uk", "Мер міста в суботу відкрив новий міст через річку, який має вдвічі скоротити час у дорозі для мешканців."),
        ("bg", "Кметът на града откри в събота нов мост над реката, който трябва да съкрати наполовина времето за път на жителите."),
        ("ar", "افتتح رئيس البلدية يوم السبت جسرا جديدا فوق النهر من شأنه أن يختصر مدة التنقل إلى النصف."),
        ("fa", "شهردار روز شنبه پل تازه‌ای را روی رودخانه افتتاح کرد که زمان رفت و آمد شهروندان را نصف می‌کند."),
        ("ja", "市長は土曜日、川に架かる新しい橋を開通させ、通勤時間が半分になると述べた。"),
        ("ko", "시장은 토요일 강을 가로지르는 새 다리를 개통하며 출퇴근 시간이 절반으로 줄어들 것이라고 말했다."),
        ("zh", "市长星期六为河上的一座新桥举行通车仪式，并表示通勤时间将减少一半。"),
        ("el", "Ο δήμαρχος εγκαινίασε το Σάββατο μια νέα γέφυρα πάνω από τον ποταμό."),
        ("he", "ראש העיר חנך ביום שבת גשר חדש מעל הנהר שיקצר את זמן הנסיעה בחצי."),
        ("hi", "महापौर ने शनिवार को नदी पर बने नए पुल का उद्घाटन किया और कहा कि इससे यात्रा का समय आधा हो जाएगा।"),
        ("th", "นายกเทศมนตรีเปิดสะพานแห่งใหม่ข้ามแม่น้ำเมื่อวันเสาร์"),
        ("vi", "Thị trưởng thành phố đã khánh thành cây cầu mới bắc qua sông vào thứ Bảy."),
    ]

    @Test("held-out sentences in every supported language are identified")
    func heldOutSentences() throws {
        let identifier = try LanguageIdentifier()
        var wrong: [String] = []
        for sample in Self.heldOut {
            let guess = identifier.identify(sample.text)
            if guess?.tag != sample.tag || (guess?.confidence ?? 0) < 0.5 {
                wrong.append("\(sample.tag) → \(guess.map { "\($0.tag) \($0.confidence)" } ?? "none"): \(sample.text.prefix(40))")
            }
        }
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
        #expect(Set(identifier.latinLanguages).isSuperset(of: ["en", "fr", "de", "es", "it", "pt", "nl", "sv", "pl", "tr", "id", "da", "fi", "ro", "cs"]))
    }

    @Test("Latin-script text in a language without a profile gets a low confidence, not a confident guess")
    func unprofiledLanguage() throws {
        let hungarian = "A kormány kedden bejelentette, hogy jövőre négy százalékkal emelik a minimálbért, amit a munkáltatók bírálnak."
        let guess = try LanguageIdentifier().identify(hungarian)
        #expect((guess?.confidence ?? 0) < 0.5, "\(String(describing: guess))")
    }

    @Test("empty, numbers-only, emoji and very short input get no language")
    func nothingToGoOn() throws {
        let enricher = try LanguageEnricher()
        for text in ["", "   ", "2022-12-13 14:05 +0900", "📈📉🚀 👍", "OK", "Hi!", "ab cd"] {
            var article = Article(headlines: [.init(role: "main", value: text)])
            try enricher.enrich(&article)
            #expect(article.language == "", "\(text)")
            #expect(article.annotations.isEmpty, "\(text)")
        }
    }

    @Test("a mixed article is classified by its dominant language")
    func mixed() throws {
        let identifier = try LanguageIdentifier()
        let english = "The foreign minister said on Monday that talks with the neighbouring countries would resume next month."
        let german = "„Wir sind bereit“, sagte er."
        #expect(identifier.identify(english + " " + german)?.tag == "en")
        let japanese = "政府は月曜日、G7サミットで新たな経済対策を発表すると明らかにした。NHKが報じた。"
        #expect(identifier.identify(japanese)?.tag == "ja")
    }

    @Test("the source's language is kept unless overriding; the guess is annotated; re-running does not duplicate")
    func sourceLanguage() throws {
        let text = "Le gouvernement a présenté mercredi un projet de loi sur le logement, qui prévoit la construction de cent mille appartements."
        var article = Article(language: "en", headlines: [.init(role: "main", value: "Projet de loi sur le logement")],
                              bodies: [.init(role: "main", value: text)])
        var enricher = try LanguageEnricher()
        try enricher.enrich(&article)
        try enricher.enrich(&article)
        #expect(article.language == "en")
        let annotations = article.annotations.filter { $0.creator == "machine:enrich.language" }
        #expect(annotations.count == 1)
        #expect(annotations.first?.value == "fr")
        #expect((annotations.first?.score ?? 0) > 0.5)

        enricher.overridesSourceLanguage = true
        try enricher.enrich(&article)
        #expect(article.language == "fr")

        var unlabeled = Article(bodies: [.init(role: "main", value: text)])
        try enricher.enrich(&unlabeled)
        #expect(unlabeled.language == "fr")
    }

    @Test("the same input always gives the same guess")
    func deterministic() throws {
        let identifier = try LanguageIdentifier()
        let text = Self.heldOut.map(\.text).joined(separator: " ")
        let first = identifier.identify(text)
        for _ in 0..<5 { #expect(identifier.identify(text) == first) }
    }

    @Test("a 1 MB body is read only as far as needed")
    func largeBody() throws {
        let paragraph = "Die Regierung will die Steuern für kleine Unternehmen im nächsten Jahr senken. "
        let body = String(repeating: paragraph, count: 1_000_000 / paragraph.utf8.count + 1)
        var article = Article(bodies: [.init(role: "main", value: body)])
        let enricher = try LanguageEnricher()
        let clock = ContinuousClock()
        let elapsed = try clock.measure { try enricher.enrich(&article) }
        #expect(article.language == "de")
        #expect(elapsed < .milliseconds(200))
    }

    @Test("profile lines that are not tag, 1-3 character n-gram and count are refused with the line number")
    func badProfiles() {
        #expect(throws: EnricherDataError.self) { try LanguageIdentifier(profileText: "# only a comment\n") }
        do {
            _ = try LanguageIdentifier(profileText: "en\t_th\t12\nen\tthree\t4\n")
            Issue.record("accepted a four-letter gram")
        } catch {
            #expect(error.line == 2)
        }
    }
}

@Suite("Enricher data files")
struct EnricherDataTests {
    @Test("a missing or non-UTF-8 data file is an error naming the file, not a crash")
    func missingFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsbus-enricher-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try EnricherData.text("language/profiles.tsv", in: folder)
            Issue.record("read a file that is not there")
        } catch {
            #expect(error.file == "language/profiles.tsv")
            #expect(error.description.contains("missing"))
        }
        try Data([0xFF, 0xFE, 0x00]).write(to: folder.appendingPathComponent("bad.tsv"))
        #expect(throws: EnricherDataError(file: "bad.tsv", reason: "not valid UTF-8")) {
            try EnricherData.text("bad.tsv", in: folder)
        }
        #expect(try EnricherData.text("language/profiles.tsv").hasPrefix("# Newsbus language profiles"))
    }
}
