/// Language decisions that the writing system alone (or a handful of its letters) settles.
///
/// - Latin with at least 3 % Vietnamese-only letters (đ ơ ư, stacked tone marks) → vi; other Latin
///   text goes to the n-gram profiles.
/// - Hangul → ko; Han with kana (at least 5 % of the CJK letters) → ja; Han alone → zh.
/// - Cyrillic: і ї є ґ → uk; ў → be; ђ ћ џ → sr; ѓ ќ ѕ → mk; frequent ъ without ы/э → bg; else ru.
/// - Arabic script: ٹ ڈ ڑ ں ے → ur; Persian letters پ چ ژ گ and Persian ک ی without Arabic ك ي → fa; else ar.
/// - Greek → el, Hebrew → he, Thai → th, Devanagari → hi, Bengali → bn, Tamil → ta, Georgian → ka,
///   Armenian → hy.
enum ScriptRules {
    /// The language for text dominated by `system`, with how sure the rule is (0...1); nil for Latin
    /// text that needs the n-gram profiles.
    static func language(for system: WritingSystem, census: ScriptCensus) -> (tag: String, certainty: Double)? {
        switch system {
        case .latin:
            return Double(census.vietnameseLetters) >= 0.03 * Double(census.count(.latin)) ? ("vi", 1) : nil
        case .hangul: return ("ko", 1)
        case .han, .kana:
            let kana = census.count(.kana)
            let cjk = kana + census.count(.han)
            return Double(kana) >= 0.05 * Double(cjk) ? ("ja", 1) : ("zh", 1)
        case .cyrillic: return cyrillic(census)
        case .arabic: return arabicScript(census)
        case .greek: return ("el", 1)
        case .hebrew: return ("he", 1)
        case .thai: return ("th", 1)
        case .devanagari: return ("hi", 0.9)
        case .bengali: return ("bn", 1)
        case .tamil: return ("ta", 1)
        case .georgian: return ("ka", 1)
        case .armenian: return ("hy", 1)
        }
    }

    private static func cyrillic(_ census: ScriptCensus) -> (tag: String, certainty: Double) {
        let letters = max(1, census.count(.cyrillic))
        func rate(_ markers: String) -> Double { Double(census.markers(markers)) / Double(letters) }
        let russian = rate("ыэёЫЭЁ")
        if rate("іїєґІЇЄҐ") > 0.005, rate("іїєґІЇЄҐ") > russian { return ("uk", 1) }
        if rate("ўЎ") > 0.003 { return ("be", 1) }
        if rate("ђћџЂЋЏ") > 0.002 { return ("sr", 1) }
        if rate("ѓќѕЃЌЅ") > 0.002 { return ("mk", 1) }
        if rate("јЈљЉњЊ") > 0.005 { return ("sr", 0.8) }
        if rate("ъЪ") > 0.005, russian < 0.001 { return ("bg", 1) }
        return ("ru", russian > 0 ? 1 : 0.75)
    }

    private static func arabicScript(_ census: ScriptCensus) -> (tag: String, certainty: Double) {
        let letters = max(1, census.count(.arabic))
        func rate(_ markers: String) -> Double { Double(census.markers(markers)) / Double(letters) }
        if rate("ٹڈڑںے") > 0.005 { return ("ur", 1) }
        let persian = rate("پچژگکی")
        let arabicOnly = rate("كيةى")
        if persian > 0.01, persian > arabicOnly { return ("fa", 1) }
        return ("ar", persian > 0 ? 0.8 : 1)
    }
}
