// Invented word lists for NewsWriter. Every person, organisation, project and quote here is
// fictional; countries and cities are real so that codes and demonyms make sense.

/// A country as the story generator uses it.
struct Country {
    let code: String
    let name: String
    let demonym: String
    let capital: String
    let cities: [String]
    let people: [PersonName]
}

/// A person's name; Japanese and Korean names are written family name first.
struct PersonName {
    let given: String
    let family: String
    let familyFirst: Bool

    var full: String { familyFirst ? "\(family) \(given)" : "\(given) \(family)" }
    var short: String { family }
    var slug: String {
        full.lowercased().unicodeScalars
            .map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? String($0) : "-" }
            .joined()
    }
}

/// An organisation with a short code.
struct Organisation {
    let name: String
    let shortName: String
    let code: String
}

/// A named project, vessel or weapon written with a nickname in quotes.
struct Hardware {
    let name: String
    let nickname: String
    let kind: String
}

/// A story line: what the article is about and the words that come with it.
struct Theme {
    let sections: [[String]]
    let subjects: [(name: String, code: String)]
    let keywords: [String]
    let topics: [String]
    let headlines: [String]
    let agenda: [String]
    let titles: [String]
    let organisations: [Organisation]
    let hardware: [Hardware]
    let quotes: [String]
    let fragments: [String]
    let events: [String]
}

enum Vocabulary {
    static let countries: [Country] = [
        Country(code: "JP", name: "Japan", demonym: "Japanese", capital: "Tokyo", cities: ["Osaka", "Fukuoka", "Sapporo", "Niigata"], people: [
            PersonName(given: "Haruto", family: "Ishikawa", familyFirst: true),
            PersonName(given: "Kaede", family: "Mori", familyFirst: true),
            PersonName(given: "Ren", family: "Takeda", familyFirst: true),
            PersonName(given: "Aoi", family: "Fujimori", familyFirst: true),
            PersonName(given: "Daichi", family: "Kobayashi", familyFirst: true),
            PersonName(given: "Yui", family: "Nishida", familyFirst: true),
        ]),
        Country(code: "KR", name: "South Korea", demonym: "South Korean", capital: "Seoul", cities: ["Busan", "Incheon", "Daegu", "Ulsan"], people: [
            PersonName(given: "Min-jun", family: "Baek", familyFirst: true),
            PersonName(given: "Ji-woo", family: "Seo", familyFirst: true),
            PersonName(given: "Yu-na", family: "Han", familyFirst: true),
            PersonName(given: "Do-hyun", family: "Jang", familyFirst: true),
            PersonName(given: "Seo-ah", family: "Yoon", familyFirst: true),
        ]),
        Country(code: "US", name: "the United States", demonym: "US", capital: "Washington", cities: ["Honolulu", "Seattle", "San Diego"], people: [
            PersonName(given: "Daniel", family: "Okafor", familyFirst: false),
            PersonName(given: "Margaret", family: "Lindqvist", familyFirst: false),
            PersonName(given: "Priya", family: "Raman", familyFirst: false),
            PersonName(given: "Caleb", family: "Whitford", familyFirst: false),
            PersonName(given: "Rosa", family: "Delgado", familyFirst: false),
        ]),
        Country(code: "ID", name: "Indonesia", demonym: "Indonesian", capital: "Jakarta", cities: ["Surabaya", "Makassar", "Batam"], people: [
            PersonName(given: "Wulan", family: "Setiawati", familyFirst: false),
            PersonName(given: "Bayu", family: "Pranoto", familyFirst: false),
            PersonName(given: "Dewi", family: "Kusumastuti", familyFirst: false),
        ]),
        Country(code: "PH", name: "the Philippines", demonym: "Philippine", capital: "Manila", cities: ["Cebu", "Davao", "Iloilo"], people: [
            PersonName(given: "Andrea", family: "Villanueva", familyFirst: false),
            PersonName(given: "Paolo", family: "Dimaculangan", familyFirst: false),
        ]),
        Country(code: "AU", name: "Australia", demonym: "Australian", capital: "Canberra", cities: ["Sydney", "Perth", "Darwin"], people: [
            PersonName(given: "Fiona", family: "Mercer", familyFirst: false),
            PersonName(given: "Liam", family: "Ashby", familyFirst: false),
        ]),
        Country(code: "CA", name: "Canada", demonym: "Canadian", capital: "Ottawa", cities: ["Vancouver", "Halifax"], people: [
            PersonName(given: "Élodie", family: "Tremblay-Rousseau", familyFirst: false),
            PersonName(given: "Graham", family: "Petrie", familyFirst: false),
        ]),
        Country(code: "NO", name: "Norway", demonym: "Norwegian", capital: "Oslo", cities: ["Bergen", "Tromsø", "Ålesund"], people: [
            PersonName(given: "Ingrid", family: "Haugvik", familyFirst: false),
            PersonName(given: "Sindre", family: "Østmoe", familyFirst: false),
        ]),
        Country(code: "KE", name: "Kenya", demonym: "Kenyan", capital: "Nairobi", cities: ["Mombasa", "Kisumu"], people: [
            PersonName(given: "Achieng", family: "Otieno", familyFirst: false),
            PersonName(given: "Kiprono", family: "Langat", familyFirst: false),
        ]),
        Country(code: "CL", name: "Chile", demonym: "Chilean", capital: "Santiago", cities: ["Valparaíso", "Antofagasta"], people: [
            PersonName(given: "Valentina", family: "Irarrázaval", familyFirst: false),
            PersonName(given: "Tomás", family: "Ebensperger", familyFirst: false),
        ]),
    ]

    static let reporters = [
        "Sora Nakamura", "Hana Lee", "Marcus Feld", "Adaeze Nwosu", "Lucía Ferreyra", "Tobias Rehn",
        "Nadia Karim", "Oliver Strand", "Mei-ling Zhou", "Ravi Menon",
    ]

    static let photoAgencies = ["Harborline Images", "Meridian Photo", "Northlight Press", "Tidewater Pictures"]
    static let wireAgencies = ["Coastwire", "Pacific Newsline", "Meridian Wire", "Baseline News Service"]
    static let venues = [
        "Ministry of Foreign Affairs", "Port Authority building", "Embassy", "Convention Centre",
        "Maritime Museum", "Government Complex", "Trade Pavilion",
    ]
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    static let genericOrganisations: [Organisation] = [
        Organisation(name: "United Nations", shortName: "the UN", code: "UN"),
        Organisation(name: "Institute for Coastal Studies", shortName: "the institute", code: "ICS"),
        Organisation(name: "Regional Shipping Authority", shortName: "the authority", code: "RSA"),
        Organisation(name: "Harbor Bank", shortName: "Harbor Bank", code: "HBK"),
    ]

    // MARK: Generic sentence parts ({X} slots are filled by NewsWriter).

    static let subjects = [
        "Officials in {Capital}", "{Dem} lawmakers", "Analysts at {OrgShort}", "Local fishing cooperatives",
        "Shipping companies", "Residents of {City}", "Opposition politicians", "Diplomats from both sides",
        "Industry groups", "Several regional governments", "Economists", "Port workers in {City}",
        "Researchers at {OrgName}", "Two senior officials", "{Dem} media",
    ]
    static let verbs = [
        "have called for", "are preparing", "have raised concerns about", "are expected to publish",
        "welcomed", "have been pressing for", "remain divided over", "declined to comment on",
        "have quietly drafted", "questioned", "are studying", "pushed back against", "signalled support for",
    ]
    static let objects = [
        "a review of {Topic}", "new rules on {Topic}", "the timetable for the next round",
        "a joint statement", "the cost of the programme", "emergency funding", "fresh data on {Topic}",
        "the draft agreement", "a hotline between the two capitals", "independent inspections",
        "a phased plan", "the findings of an earlier inquiry", "longer-term guarantees",
    ]
    static let times = [
        "this month", "earlier this year", "since last autumn", "before the end of the year", "on {Day}",
        "last week", "in recent days", "over the weekend", "ahead of next month's summit",
    ]
    static let tails = [
        ", according to {OrgName}", ", a spokesperson said", ", {Dem} media reported", "",
        ", people familiar with the matter said", "", ", according to a briefing note seen by reporters",
    ]
    static let fillers = [
        "Talks are set to continue.", "No date was given.", "The ministry did not elaborate.",
        "Both sides called the meeting useful.", "Details were not disclosed.", "Markets were calm.",
        "A statement is expected.", "Officials declined to comment.", "The vote was delayed.",
        "It was not clear why.", "More talks are planned.", "The figures were not broken down.",
        "Neither side gave details.", "A review is under way.",
    ]
    static let cueAfter = ["said", "said", "told reporters", "added", "said in a statement"]
    static let followUps = [
        "{Short} also serves as {Title2} and chairs a panel on {Topic}.",
        "{Short} has held the post since {Year}.",
        "{Short} said the issue would be raised again at the next meeting in {City}.",
        "{Short} did not say when the talks would resume.",
    ]

    // MARK: Themes

    static let themes: [Theme] = [
        Theme(
            sections: [["News", "Foreign Policy", "Koreas"], ["News", "Foreign Policy", "Asia-Pacific"], ["World", "Diplomacy"]],
            subjects: [("politics", "11000000"), ("diplomacy", "20000565"), ("conflict, war and peace", "16000000"),
                       ("maritime security", "20000718")],
            keywords: ["patrols", "sanctions", "envoys", "missile tests", "sea lanes", "talks"],
            topics: ["patrols near the disputed shoals", "missile tests over the sea lanes", "the launch of the {Hardware}",
                     "a proposed hotline between navies", "sanctions enforcement at sea"],
            headlines: ["All options on table against {HardwareName}: {Kw1}, {Kw2}",
                        "{Dem1} and {Dem2} envoys meet over {Kw1}: patrols, hotline, aid",
                        "{Capital} presses allies on {Kw1}: inspections, {Kw2}"],
            agenda: ["inspections", "joint drills", "a naval hotline", "aid shipments"],
            titles: ["{Dem} Special Representative for Maritime Affairs",
                     "{Dem} Ministry of Foreign Affairs Director General for Regional Cooperation",
                     "Deputy Minister of Foreign Affairs of {Country}",
                     "{Dem} Ambassador to {OtherCountry}",
                     "senior adviser to the {Dem} National Security Council"],
            organisations: [Organisation(name: "Coastal Security Forum", shortName: "the forum", code: "CSF"),
                            Organisation(name: "Office of Maritime Safety", shortName: "the office", code: "OMS")],
            hardware: [Hardware(name: "Harrow-9", nickname: "lantern", kind: "drone"),
                       Hardware(name: "Sea Kestrel", nickname: "night owl", kind: "patrol vessel"),
                       Hardware(name: "Tide-4", nickname: "long arm", kind: "missile")],
            quotes: ["We will examine every option available to us", "Our priority is the safety of the crews at sea",
                     "No single country can manage these waters alone", "The door to dialogue remains open",
                     "We are prepared to respond firmly to any provocation",
                     "This is a shared problem and it needs a shared plan", "Patience is not the same as indifference",
                     "We expect clear answers before the season opens"],
            fragments: ["one of the most serious security challenges", "a test of regional trust",
                        "unacceptable under any circumstances", "a step in the right direction", "deeply troubling"],
            events: ["Regional security dialogue", "Coastal envoys meeting"]
        ),
        Theme(
            sections: [["News", "Business", "Trade"], ["Business", "Markets", "Asia"], ["News", "Economy"]],
            subjects: [("economy, business and finance", "04000000"), ("international trade", "20000344"),
                       ("tariff", "20000346"), ("shipping", "20000290")],
            keywords: ["tariffs", "exports", "shipping rates", "quotas", "supply chains", "the yen"],
            topics: ["tariffs on processed seafood", "shipping rates through the strait", "export quotas for steel",
                     "the {Hardware} trade corridor", "customs checks at the border"],
            headlines: ["Exporters brace for {Kw1}: {Kw2}, delays, costs",
                        "{Capital} and {OtherCapital} near deal on {Kw1}",
                        "{HardwareName} corridor stalls: {Kw1}, {Kw2} weigh"],
            agenda: ["tariff schedules", "port fees", "customs data sharing", "currency swaps"],
            titles: ["{Dem} Deputy Minister of Trade", "chief economist at Harbor Bank",
                     "{Dem} Trade Representative for Asia", "head of the {Dem} Exporters Association",
                     "{Dem} Vice Minister of Economy and Industry"],
            organisations: [Organisation(name: "Exporters Association", shortName: "the association", code: "EXA"),
                            Organisation(name: "Bureau of Customs Statistics", shortName: "the bureau", code: "BCS")],
            hardware: [Hardware(name: "Blue Corridor", nickname: "fast lane", kind: "shipping scheme"),
                       Hardware(name: "Kestrel Link", nickname: "the bridge", kind: "undersea cable")],
            quotes: ["Tariffs are a blunt instrument", "Our exporters need predictability more than anything",
                     "We are not going to negotiate in public", "The numbers speak for themselves",
                     "Prices will follow if the rules are clear", "Nobody wins a race to the bottom",
                     "Small firms feel these costs first"],
            fragments: ["a serious blow to exporters", "temporary at best", "the biggest change in a generation",
                        "manageable for now", "a signal to the markets"],
            events: ["Quarterly trade review", "Harbour economic forum"]
        ),
        Theme(
            sections: [["News", "Science", "Oceans"], ["News", "Environment"], ["Science", "Climate"]],
            subjects: [("environment", "06000000"), ("science and technology", "13000000"),
                       ("fishing industry", "20000256"), ("climate change", "20000418")],
            keywords: ["coral", "fish stocks", "warming seas", "kelp", "bycatch", "plastic"],
            topics: ["falling fish stocks in the northern waters", "warming seas along the coast",
                     "a ban on bottom trawling", "the {Hardware} monitoring network", "plastic waste at river mouths"],
            headlines: ["Scientists warn on {Kw1}: {Kw2}, quotas, closures",
                        "{HardwareName} data show {Kw1} spreading",
                        "{Dem1} fishers and scientists split over {Kw1}"],
            agenda: ["catch limits", "marine reserves", "shared survey data", "cleanup funding"],
            titles: ["{Dem} Minister of Oceans and Fisheries", "lead scientist at the Institute for Coastal Studies",
                     "head of the {Dem} Fisheries Agency", "{Dem} climate envoy",
                     "director of the {City} Marine Research Station"],
            organisations: [Organisation(name: "Coastal Fisheries Council", shortName: "the council", code: "CFC"),
                            Organisation(name: "Ocean Data Alliance", shortName: "the alliance", code: "ODA")],
            hardware: [Hardware(name: "Aurora Drift", nickname: "the buoy", kind: "sensor network"),
                       Hardware(name: "Kelpwatch", nickname: "green belt", kind: "survey programme")],
            quotes: ["The water is simply warmer than it used to be", "We cannot fish our way out of this",
                     "The data have been consistent for five seasons", "Closures are painful but they work",
                     "Every year we wait makes the recovery longer", "Fishers are part of the solution"],
            fragments: ["a warning we cannot ignore", "the worst season on record", "a fragile recovery",
                        "far from settled", "alarming but not hopeless"],
            events: ["Northern fisheries survey", "Ocean data summit"]
        ),
        Theme(
            sections: [["News", "National", "Transport"], ["News", "Cities"], ["Business", "Infrastructure"]],
            subjects: [("transport", "20000677"), ("infrastructure", "20000209"),
                       ("economy, business and finance", "04000000"), ("public transport", "20000680")],
            keywords: ["ferries", "rail", "delays", "fares", "tunnels", "bridges"],
            topics: ["delays on the {Hardware}", "fare increases on commuter ferries", "a new tunnel under the harbour",
                     "maintenance of ageing bridges", "night service on the rail network"],
            headlines: ["Commuters face {Kw1}: {Kw2}, closures, detours",
                        "{HardwareName} opening slips again: costs, {Kw1}",
                        "{City} approves plan for {Kw1}"],
            agenda: ["fare caps", "safety audits", "night services", "contract penalties"],
            titles: ["{Dem} Minister of Land and Transport", "chief executive of the Regional Shipping Authority",
                     "{City} deputy mayor for transport", "head of the {Dem} Rail Safety Board",
                     "spokesperson for the {City} ferry operators"],
            organisations: [Organisation(name: "Rail Safety Board", shortName: "the board", code: "RSB"),
                            Organisation(name: "Harbour Ferry Operators Group", shortName: "the operators", code: "HFO")],
            hardware: [Hardware(name: "Line 7 extension", nickname: "the long tunnel", kind: "rail project"),
                       Hardware(name: "Harbor Express", nickname: "bullet ferry", kind: "ferry service")],
            quotes: ["Commuters deserve a timetable they can trust", "Safety comes before the opening date",
                     "We underestimated the ground conditions", "Every delay costs the city money",
                     "The contractors will be held to account", "This line will change how people live here"],
            fragments: ["a costly embarrassment", "on track despite the setbacks", "the busiest route in the region",
                        "overdue by years", "a fair deal for passengers"],
            events: ["Transport budget hearing", "Harbour tunnel inquiry"]
        ),
    ]
}
