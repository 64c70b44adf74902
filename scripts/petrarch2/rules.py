"""Reviewed tables for scripts/convert_petrarch2.py: how CAMEO codes map to PLOVER codes, and
which words are too generic to become actors. Changing a rule here and rerunning the script
changes the generated files by a reviewable diff."""

from __future__ import annotations

# CAMEO agent codes -> PLOVER sectors. CAMEO's MED is the media (PLOVER JRN) and HLH health
# (PLOVER MED). Human rights, environment and development groups are civil-society bodies (SOC),
# as organizations.tsv codes NGOs. INS (insurgents) and SEP (separatists) are rebels. RAD/MOD
# (radical, moderate) are attitudes, not sectors, and map to nothing.
SECTORS = {
    "GOV": "GOV", "MIL": "MIL", "COP": "COP", "JUD": "JUD", "LEG": "LEG", "SPY": "SPY", "REB": "REB",
    "INS": "REB", "SEP": "REB", "UAF": "UAF", "OPP": "OPP", "PTY": "PTY", "ELI": "ELI", "CVL": "CVL",
    "BUS": "BUS", "LAB": "LAB", "AGR": "AGR", "EDU": "EDU", "HLH": "MED", "MED": "JRN", "REF": "REF",
    "CRM": "CRM", "REL": "REL", "HRI": "SOC", "ENV": "SOC", "DEV": "SOC", "NGO": "SOC",
}

# CAMEO religion codes: a religious actor is PLOVER REL. MOS is CAMEO's older code for Muslim.
# As the first three letters these are not countries (MUS is also Mauritius: that wins there).
RELIGIONS = {"MUS", "MOS", "CHR", "CTH", "PRO", "ORT", "JEW", "HIN", "BUD", "SIK", "SHI", "SUN", "JAN",
             "ZRO", "TAO", "CON", "BAH", "ADR", "MAY", "DOX"}

# CAMEO region codes: an actor coded only to a region has no PLOVER country. Where a code is also
# an ISO3 code (NAM: North America, Namibia), the country wins.
REGIONS = {"AFR", "ASA", "BLK", "BAL", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM", "MEA",
           "MDT", "MDE", "NAF", "NAM", "NMR", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WEU", "WST", "ARB",
           "KAS", "KUR", "TAM", "UIG", "PAL", "KKL", "DVE"}

# CAMEO country codes that are not the PLOVER/ISO3 code. None: no country to code (KNT is
# "Kinakuta", the fictional country of TABARI's test suite). Serbia and Montenegro and the
# Federal Republic of Yugoslavia (1992-2006) are SRB, as leaders/*.tsv codes them; the Serb
# entities of Bosnia and Croatia are their states; USR is CAMEO's USSR.
RENAMED = {
    "TMP": "TLS", "KSV": "KOS", "SCG": "SRB", "FRY": "SRB", "USR": "SUN", "ROM": "ROU", "ZAR": "COD",
    "SRP": "BIH", "KRJ": "HRV", "FRN": "FRA", "GZA": "PSE", "ANG": "AGO", "KNT": None,
}

# CountryInfo files the leaders of a federation under its successor (Brezhnev and Gorbachev are
# RUSGOV, Havel 1989-1992 CZEGOV, Macedonia's republic leaders in the 1980s MKDGOV). Before a
# successor's independence its actors are the federation's, as PLOVER codes sub-national actors
# with their state. The dates are the source's own: its country codes [USRARM <900823],
# [YUGHRV <910625], [SUNRUS 19171109-19911225], [CSK 19181001-19930101].
SUCCESSION = {
    "RUS": ("SUN", "1991-12-26"), "ARM": ("SUN", "1990-08-23"), "AZE": ("SUN", "1991-10-18"),
    "BLR": ("SUN", "1991-08-25"), "GEO": ("SUN", "1991-04-09"), "KAZ": ("SUN", "1991-12-16"),
    "KGZ": ("SUN", "1991-08-31"), "MDA": ("SUN", "1991-08-27"), "TJK": ("SUN", "1991-09-09"),
    "UKR": ("SUN", "1991-08-24"), "UZB": ("SUN", "1991-09-01"),
    "BIH": ("YUG", "1992-03-05"), "HRV": ("YUG", "1991-06-25"), "KOS": ("YUG", "1992-04-28"),
    "MKD": ("YUG", "1991-09-08"), "MNE": ("YUG", "1992-04-27"), "SRB": ("YUG", "1992-04-27"),
    "SVN": ("YUG", "1991-06-25"),
    "CZE": ("CSK", "1993-01-01"), "SVK": ("CSK", "1993-01-01"),
}

# Dependencies, coded as the controlling state (PLOVER manual; countries.tsv lists them as aliases),
# either as the first code (AIA) or right after the state (USAASM, GBRVGB).
TERRITORIES = {
    "ABW": "NLD", "AIA": "GBR", "ANT": "NLD", "ASM": "USA", "BMU": "GBR", "COK": "NZL", "CYM": "GBR",
    "FLK": "GBR", "FRO": "DNK", "GGY": "GBR", "GIB": "GBR", "GLP": "FRA", "GRL": "DNK", "GUF": "FRA",
    "GUM": "USA", "IMY": "GBR", "IMN": "GBR", "JEY": "GBR", "MNP": "USA", "MSR": "GBR", "MTQ": "FRA",
    "MYT": "FRA", "NCL": "FRA", "NIU": "NZL", "PCN": "GBR", "PRI": "USA", "PYF": "FRA", "REU": "FRA",
    "SHN": "GBR", "SPM": "FRA", "TCA": "GBR", "TKL": "NZL", "VGB": "GBR", "VIR": "USA", "WLF": "FRA",
    "MAC": "CHN",
}

# A code of a state followed by one of its parts: the part's own code where it has one.
SUBCODES = {
    ("SUN", "*"): "SUN", ("USR", "*"): "SUN", ("SCG", "MNE"): "MNE", ("SCG", "SRB"): "SRB",
    ("FRY", "KSV"): "KOS", ("SDN", "SSD"): "SSD", ("PSE", "GZA"): "PSE", ("CHN", "HKG"): "HKG",
    ("CHN", "TIB"): "CHN", ("SRB", "KSV"): "KOS", ("FRY", "MNE"): "MNE", ("FRY", "SRB"): "SRB",
}

# Words that mark a name as an institution or group rather than a person (compared upper case).
INSTITUTION_WORDS = {
    "ACADEMY", "ACTION", "ADMINISTRATION", "AGENCY", "AIRLINES", "AIRWAYS", "ALLIANCE", "ARMY", "ASSEMBLY",
    "ASSOCIATION", "AUTHORITY", "BANK", "BATTALION", "BOARD", "BRIGADE", "BRIGADES", "BUREAU", "CABINET",
    "CARTEL", "CELL", "CELLS", "CENTER", "CENTRE", "CHAMBER", "CHURCH", "COALITION", "COLLEGE", "COMMAND",
    "COMMISSION", "COMMITTEE", "COMMUNITY", "COMPANY", "CONFERENCE", "CONFEDERATION", "CONGRESS", "CORP",
    "CORPORATION", "CORPS", "COUNCIL", "COURT", "DEPARTMENT", "DIRECTORATE", "DIVISION", "FACTION",
    "FEDERATION", "FORCE", "FORCES", "FORUM", "FOUNDATION", "FRONT", "FUND", "GOVERNMENT", "GROUP",
    "GROUPS", "GUARD", "GUARDS", "HOSPITAL", "INC", "INDUSTRIES", "INITIATIVE", "INSTITUTE", "INSTITUTION",
    "INTERNATIONAL", "JUNTA", "LEAGUE", "LIMITED", "LTD", "MILITIA", "MINISTRY", "MISSION", "MOVEMENT",
    "NETWORK", "NEWS", "OFFICE", "ORGANISATION", "ORGANIZATION", "PARLIAMENT", "PARTNERSHIP", "PARTY",
    "POLICE", "PRESIDIUM", "PROGRAM", "PROGRAMME", "PROJECT", "REGIME", "REPUBLIC", "RESISTANCE", "SCHOOL",
    "SECRETARIAT", "SENATE", "SERVICE", "SERVICES", "SOCIETY", "SYNDICATE", "TRIBUNAL", "TRUST", "UNION",
    "UNIT", "UNITS", "UNIVERSITY", "WATCH", "NUCLEI", "NUCLEUS", "BLOC", "POLITBURO", "SOVIET", "SYNOD",
    "ARMED", "TROOPS", "REBELS", "MILITANTS", "INSURGENTS", "FIGHTERS", "GUERRILLAS", "HOLDINGS", "SYSTEMS",
    "TECHNOLOGIES", "MOTORS", "ENERGY", "PETROLEUM", "OIL", "GAS", "TELECOM", "AIRLINE", "MEDIA", "PRESS",
    "TIMES", "POST", "JOURNAL", "HERALD", "TRIBUNE", "TELEVISION", "RADIO", "BROADCASTING", "AGENCIES",
    "EMBASSY", "CONSULATE", "DELEGATION", "MINISTERS", "MINISTER", "SECRETARY", "PRESIDENT", "CHAIRMAN",
    "SPOKESMAN", "SPOKESWOMAN", "OFFICIAL", "OFFICIALS", "LEADERS", "LEADERSHIP", "STATE", "STATES",
    "VOLKSKAMMER",
    # the same in the transliterated names of armed and religious groups
    "JAISH", "JAYSH", "JUND", "HARAKAT", "HIZB", "HEZB", "JABHAT", "JABHA", "LASHKAR", "KATAIB", "KATAEB", "SARAYA",
    "LIWA", "TANZIM", "JAMAAT", "JAMAAH", "JEMAAH", "JAMIAT", "TEHRIK", "TAHRIK", "JIHAD", "MUJAHIDEEN", "MUJAHIDIN",
}

# Words that make a named body a party or a media outlet (kind column of organizations).
PARTY_WORDS = {"PARTY", "PARTIES", "BLOC"}
MEDIA_WORDS = {"NEWS", "TIMES", "POST", "JOURNAL", "HERALD", "TRIBUNE", "TELEVISION", "RADIO", "BROADCASTING",
               "PRESS", "GAZETTE", "MAGAZINE", "NEWSPAPER", "TV", "CHANNEL"}

# Titles and descriptions that open a name ("VICE_PRESIDENT_GERALD_FORD", "PRESIDENT_KARZAI"):
# stripped to find the person's own name, and never counted as given names.
TITLES = {
    "PRESIDENT", "PRIME", "MINISTER", "FOREIGN", "DEFENSE", "DEFENCE", "GENERAL", "GEN", "GEN.", "KING",
    "QUEEN", "PRINCE", "PRINCESS", "SHEIKH", "SHEIK", "EMIR", "SULTAN", "DR", "DR.", "MR", "MR.", "MRS",
    "MRS.", "MS", "MS.", "SIR", "LORD", "LADY", "BARON", "BARONESS", "COLONEL", "COL", "COL.", "MARSHAL",
    "ADMIRAL", "CAPTAIN", "MAJOR", "LIEUTENANT", "FORMER", "EX", "ACTING", "VICE", "DEPUTY", "CHIEF",
    "SECRETARY", "CHAIRMAN", "SPEAKER", "SENATOR", "SEN", "SEN.", "REP", "REP.", "GOVERNOR", "GOV", "GOV.",
    "AMBASSADOR", "JUDGE", "JUSTICE", "AYATOLLAH", "MULLAH", "IMAM", "POPE", "CARDINAL", "BISHOP",
    "ARCHBISHOP", "REV", "REV.", "REVEREND", "FATHER", "CROWN", "GRAND", "THE", "US", "U.S.", "UN", "U.N.", "SOVIET", "RUSSIAN", "AMERICAN", "BRITISH", "FRENCH",
    "SENIOR", "TOP", "HEAD", "LEADER", "COMMANDER", "FIELD", "MARSHALL", "BRIGADIER", "MAJ", "MAJ.",
    "LT", "LT.", "CAPT", "CAPT.", "SGT", "SGT.", "HIS", "HER", "MADAME", "MADAM", "MONSIEUR", "HAJI", "HAJJI",
}

# Lower-case particles inside personal and organisation names ("Bashar al-Assad",
# "Osama bin Laden", "Jund al-Aqsa", "Front for the Liberation of ...").
LOWER_PARTICLES = {
    "al", "el", "ad", "ar", "as", "ash", "at", "az", "ud", "ul", "bin", "bint", "ibn", "de", "da", "das",
    "do", "dos", "di", "del", "della", "der", "den", "van", "von", "le", "la", "les", "du", "des", "y",
    "of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "against", "with", "by", "wa", "wal",
}

# Single words too common in English (or too common as given names) to stand alone for a person
# or an organisation. Filled from a review of every one-word spelling the conversion produces.
COMMON_WORDS = {
    # English words among the names, spellings and acronyms (compared upper case)
    "AN", "CA", "DAWN", "MACHETE", "EMETIC", "ERG", "GAM", "ELF", "OLIVE", "FALCON", "ZERO", "YOUTH", "TIGERS",
    "INSULA", "MAVERICKS", "CAMO", "BOOGEYMEN", "FORTIS", "HISBA", "CONTROL", "ACTION", "UNITY", "JUSTICE",
    # places and surnames of other people, and given names the CountryInfo count misses
    "IRVINE", "STRATHCLYDE", "STEPHENSON", "GREENHILL", "ISAR", "YAHWEH", "ANA", "ISA", "ALF", "AMIT", "ZAIN",
    "SHAHIN", "HAMZAH", "MUHANNAD", "SALAUDDIN", "SUBROTO",
    # surnames too common, or too often another's (a company, a foundation), to stand alone
    "FORD", "GATES", "BURNS", "RICE", "PERRY", "KENNEDY", "COHEN", "MANSOUR", "ADONIS", "ASHTON", "TSANG",
    # the source's codes used as names
    "MNC", "MNCS", "NGO", "NGOS", "ARB",
}

# Agent nouns skipped after review (exact terms: a plural is listed where it goes too): words that
# are not actors by themselves, or whose CAMEO code would mislead as a PLOVER sector.
AGENT_SKIP = {
    # generic: a word for anyone is not an actor by itself (roles.tsv keeps its own choices)
    "man", "men", "woman", "women", "person", "persons", "people", "official", "officials", "mother", "mothers",
    "community", "communities", "actor", "actors", "girl", "native", "natives", "naturalized", "naturalizeds",
    "non-native", "non-natives", "non-resident", "non-residents", "neighborhood", "neighborhoods",
    "neighbourhood", "neighbourhoods", "village", "villages", "settlement", "settlements", "religion",
    "religions", "retired", "retireds", "semi-official", "semi-officials", "state-owned", "state-owneds",
    "sovereign", "sovereigns", "naval", "navals", "governance", "governances", "polity", "polities",
    "authority", "assemblage", "assemblages", "echelon", "echelons", "representatives", "business", "boss",
    "bosses", "aerospace", "aerospaces", "airway", "airways", "carrier", "carriers", "oiler", "oilers", "doc",
    "armed force",
    # adjectives, or words that are also given names and surnames ("Christian Wulff", "Hunter Biden",
    # "Eric Cantor"): matched case-insensitively they would turn a person into a role
    "christian", "islamic", "islamics", "jewish", "jewishes", "hebrew", "hebrews", "sunni", "hunter", "dean",
    "deans", "fisher", "fishers", "granger", "grangers", "cropper", "croppers", "cantor", "cantors",
    # religions' singular names are adjectives before a name ("Pakistan Muslim League", "Hindu
    # nationalist party"); their plurals ("Muslims", "Hindus") stay
    "muslim", "moslem", "hindu", "buddhist", "anglican", "maronite", "unitarian", "islamist", "hasid",
    # places and things rather than actors
    "barracks", "prison", "prisons", "blog", "blogs", "kfir", "kfirs", "phalanx", "phalanxes",
    # words whose CAMEO code misleads as a PLOVER sector: a deputy is rarely police, expatriates are not
    # refugees, advocates are mostly activists, operatives and engineers are whoever employs them,
    # looters are criminals, waiters are not business; singulars whose roles.tsv plural has another
    # sector (mercenaries PRM, rioters CVL, shopkeepers BUS, detainees CVL, princes: prince ELI)
    "deputy", "expatriate", "expatriates", "advocate", "advocates", "operative", "operatives", "engineer",
    "engineers", "looter", "looters", "waiter", "waiters", "waitress", "waitresses", "caseworker", "caseworkers",
    "nanny", "nannies", "nursemaid", "nursemaids", "foster-nurse", "foster-nurses", "counsellor", "counsellors",
    "counselor", "counselors", "crusader", "crusaders", "congress", "congresses", "bomber", "bombers",
    "mercenary", "rioter", "shopkeeper", "detainee", "princes", "spokeswomen", "telecom", "telecoms", "revolt",
    "revolts", "uprising", "uprisings", "rebellion", "rebellions", "monger", "mongers", "bargainer",
    "bargainers", "promulgator", "promulgators", "recreant", "recreants",
    # misspellings and stems the source keeps for prefix matching
    "branokker", "branokkers", "kanidurgu", "kanidurgus", "manafacture", "manafactures", "midwive",
    "tinginist", "tinginists", "media", "medias", "c in cof", "c in c of",
}

# Words of an office rather than a body ("US President", "German Chancellor", "US Secretary of State"):
# the resolver reads such a phrase as a country and a role word, and as an organisation it would add
# a second actor beside the named office holder. Organisation spellings with one of them are dropped.
OFFICE_WORDS = {
    "PRESIDENT", "VICE-PRESIDENT", "PRESIDENT-ELECT", "CHANCELLOR", "SECRETARY", "SECRETARY-GENERAL", "MINISTER",
    "PREMIER", "AMBASSADOR", "ENVOY", "SPOKESMAN", "SPOKESWOMAN", "SPOKESPERSON", "CHAIRMAN", "CHAIRWOMAN",
    "CHIEF", "LEADER", "COMMANDER", "COMMANDER-IN-CHIEF", "REPRESENTATIVE", "ATTORNEY", "KING", "QUEEN", "EMIR",
    "SULTAN", "MONARCH", "GOVERNOR", "MAYOR", "DIRECTOR", "HEAD", "POTUS", "BUNDESKANZLER", "RAPPORTEUR",
    "MONITOR", "PEACEKEEPER", "OFFICIAL", "OFFICIALS", "DIPLOMAT", "SPEAKER", "PROSECUTOR", "JUDGE",
}
MONTHS = {"JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER",
          "NOVEMBER", "DECEMBER"}
