"""English: every English word the builder matches, in one place.

Each list holds regular-expression fragments matched as whole words, case-insensitively unless a
comment says otherwise. Spun or machine-rewritten English ("burdened that" for "stressed that", "famous
that" for "noted that", "instructed TASS" for "told TASS") is listed too, as it occurs in scraped copy.
"""

from datetime import date

CAPITALS = "A-Z"
QUOTES = [("“", "”", "”“"), ('"', '"”', '"\n”')]
"""Quotation marks: (opening, the marks that close it, what may not stand inside)."""
"""Capital letters that may open a name or a sentence (a regex character-class body)."""

# --- reporting speech ------------------------------------------------------------------------------------
SPEECH_VERBS = [
    # Past tenses and participles are verbs; of the -s forms only those that are rarely plural nouns.
    r"(?:says|said|saying)", r"(?:tells|told|telling)", r"(?:adds|added|adding)", r"not(?:ed|ing)",
    r"stress(?:ed|ing)", r"emphasi[sz](?:es|ed|ing)", r"stat(?:ed|ing)", r"declar(?:es|ed|ing)",
    r"explain(?:s|ed|ing)", r"insist(?:s|ed|ing)", r"claim(?:ed|ing)", r"warn(?:s|ed|ing)", r"argu(?:es|ed|ing)",
    r"acknowledg(?:es|ed|ing)", r"caution(?:ed|ing)", r"confirm(?:s|ed|ing)", r"announc(?:es|ed|ing)",
    r"tweet(?:ed|ing)", r"(?:writes|wrote)", r"repl(?:ied|ying)", r"respond(?:ed|ing)", r"remark(?:ed|ing)",
    r"assert(?:s|ed|ing)", r"suggest(?:s|ed|ing)", r"accus(?:es|ed|ing)", r"critici[sz](?:es|ed|ing)",
    r"repeat(?:ed|ing)", r"pledg(?:ed|ing)", r"urg(?:es|ed|ing)", r"underlin(?:es|ed|ing)", r"reiterat(?:es|ed|ing)",
    r"admit(?:s|ted|ting)", r"den(?:ies|ied|ying)", r"reject(?:s|ed|ing)", r"promis(?:ed|ing)", r"observ(?:ed|ing)",
    r"recall(?:s|ed|ing)", r"point(?:s|ed) out", r"according to", r"describ(?:es|ed|ing)", r"highlight(?:s|ed|ing)",
    r"voic(?:ed|ing)", r"express(?:es|ed|ing)", r"instructed", r"burdened", r"famous(?= that)",
    r"reaffirm(?:s|ed|ing)", r"predict(?:s|ed|ing)", r"echo(?:es|ed|ing)",
    r"indicat(?:es|ed|ing)", r"(?:will|would) say",
]
NAMING_VERBS = [r"call(?:s|ed|ing)(?!\s+(?:for|on|in|up|off|back|out|upon)\b)", r"dub(?:s|bed|bing)",
                r"term(?:s|ed|ing)", r"label(?:s|ed|led|ing|ling)", r"brand(?:s|ed|ing)"]
"""Verbs of naming ("called Putin a “war criminal”", "dubbed it …"): not of saying, so they report no clause
and carry no "he"; a quotation right after one is the wording of its named subject."""
DETERMINERS = ["the", "a", "an", "this", "these", "those", "their", "his", "her", "its", "our", "my",
               "your"]
"""Words after which a verb form modifies a noun ("their branded inhuman style"): no verb of naming."""
PARTICIPLE = r"ing$"
"""How a reporting verb's participle ends: after a comma its subject is the sentence's (", saying …")."""
DENYING = [r"den(?:ies|ied|ying)", r"reject(?:s|ed|ing)"]
"""Reporting verbs whose object is a claim the speaker refuses: the reported entry keeps the verb ("rejected
the envoy's claims that …"), so the claim is not read as the speaker's."""
INVERTING = r"(?:says|said|added|adds|asked|according to|wrote|writes|continued|noted|explained|stressed|told)"
"""Verbs after which the speaker may follow ("said Peskov"); languages without it let any verb invert."""
TOLD = ("told", "tells", "telling", "instructed")
"""Forms of the verb whose object is the addressee, not what was said ("told reporters")."""
ACCORDING_TO = ["according to"]
SUBJECT_GAP = ["also", "has", "had", "have", "later", "then", "again", "further", "previously", "once", "quickly",
               "repeatedly", "publicly", "separately"]
"""Words that may stand between a named subject and its reporting verb ("Haines also said")."""
"""Prepositions that name the speaker after them ("according to X")."""
THAT = ["that"]
"""The conjunction that opens a reported clause."""
CLAUSE_FILLERS = ["that", "as", "how", "whether", "on", "in", "at", "this", "last", "also", "again"]
"""Words that do not count as words of a reported clause."""
PRONOUNS = ["he", "she"]
PRONOUN_GENDERS = {"he": "m", "she": "f"}
"""The gender each pronoun asks of its antecedent's first name (builder.annotate.genders)."""
RELATIVE = ["who"]
"""The relative pronoun after a name whose clause stands between the name and its verb ("Oleksandr Chalyi who
heads the legal group added that …")."""
OTHER_SUBJECTS = ["some", "others", "many", "several", "they", "we", "i", "you", "both", "all", "most", "few",
                  "one"]
"""Subjects right before a reporting verb that are nobody named: a name further back is not its subject
("… to thank Zelensky and voice their support, with some saying “…”")."""
FIRST_PERSON = r"\b(?:I|we|my|our|me|us)\b"
"""First-person words (case-sensitive: "I" is a pronoun, "i" is not)."""
AND = ["and"]
"""The conjunction between two names ("President Biden and Prime Minister Kishida")."""

# "told reporters", "told TASS", "told state TV": the addressee is not part of what was said.
ADDRESSEE = (r"(?:the|a|state|state-owned|government-owned|russian|reporters|journalists|press|media|news|agency|"
             r"channel|television|tv|radio|newspaper|broadcaster|outlet|information|company|[A-Z][\w.-]*(?:['’]s)?)")
PASSIVE_BE = ["is", "are", "was", "were", "be", "been", "being"]
"""A form of "be" right before a reporting verb (an adverb between allowed) makes it passive: "were instructed",
"has been told" report what the subject was told, not what it said."""
AS_SAID = ["as", "like", "just like"]
"""Words opening the comparative clause of a reporting verb inside a sentence ("…, driven by, as he says, anger",
"…, as President Tokayev has pointed out just now, …"): whether the words before or after it are what was
said, the sentence does not settle. At a sentence's opening ("As the Head of State said, …", "Therefore, as
Volodymyr Zelenskyy noted, …": fewer than three words before it) what follows is."""
NOT_A_CLAUSE = ["at", "in", "on", "during", "after", "before", "from", "by", "with", "outside", "as"]
"""Words after "told …" that start a circumstance, not what was said."""
PREPOSITIONS = ["with", "to", "by", "of", "for", "from", "about", "against", "and", "between", "on", "at", "in", "like",
                "than", "toward", "towards", "among", "including", "versus", "unlike"]
"""Words before a name that make it the object of a preposition (or the second of two names), not the
subject of the verb after it ("relations with Putin and insisted …")."""
NAMING = ["on", "newspaper", "magazine", "channel", "show", "program", "programme", "film", "book", "documentary",
          "so-called"]
"""Words right before a quotation that make it the name of a programme or work, or a label the writer keeps
at a distance, not somebody's words ("told CNN's “State of the Union”", "said on “Face the Nation”",
"pledged to end so-called “conversion therapy”"); a possessive does the same."""
KINDS = ["channel", "TV", "radio", "portal", "website", "site", "newspaper", "paper", "daily", "weekly", "magazine",
         "agency", "outlet", "network", "station", "show", "programme", "program", "podcast", "film", "movie",
         "series", "book", "party", "movement", "bloc", "battalion", "brigade", "regiment", "unit", "company",
         "group", "operation", "campaign", "initiative", "project", "platform", "app", "foundation", "fund"]
"""Nouns of a kind of thing that, right after a short quotation (up to two more capitalised words between),
make the quotation that thing's name: "“Zygar” YouTube channel", "the “Azov” regiment", "“Meduza” portal";
nobody's words. Other short quotations listed with such a name ("…, “Kommersant” and “Novaya Gazeta”")
are names too."""
WHAT = ["what"]
"""A relative that opens someone else's wording inside a clause ("highlighted what the Kremlin calls …")."""
INDEFINITE = ["a", "an", "another", "one"]
"""Articles that make a role noun somebody new and unnamed ("a White House official said"), not a
person named earlier."""
THING_BEFORE = ["the", "an?", "in", "at", "near", "inside", "outside", "across", "throughout", "into"]
"""Words right before a title-case phrase that make it a thing or a place ("the Rose Garden", "in Nizhny
Novgorod"): a person's name is seldom written after them (builder.archive.evidence counts them)."""
OFFICE_OF = ["of", "for", "from", "on", "with"]
"""Words between an office and a title-case phrase right after them that make the phrase the office's
organisation or field ("Director of Head Start", "Vice President for Future Concepts at Lockheed Martin",
"remarks by President Biden on Supreme Court"), not a person holding it (builder.archive.evidence)."""
PLURAL_AFTER = ["are", "were", "have"]
"""Verbs right after a title-case phrase that make it many things ("Tech Hubs are"), not one person: one
person's name is not their subject unless another name stands before it with "and"."""
ROLE_HEAD_END = r"\s+(?:of|to|for|on|at)\s+|,"
"""Where the head of a knowledge-base role ends ("Press Secretary| of the President of Russia")."""
VICE = ["vice", "deputy"]
"""Words of a subordinate office: "the president" is not a vice president."""
ABBREVIATIONS = ["Mr", "Mrs", "Ms", "Dr", "St", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
                 "Nov", "Dec", "Gen", "Col", "Lt", "Sen", "Rep", "Gov", "No", "vs", "etc"]
"""Abbreviations whose full stop does not end a sentence (case-sensitive)."""
# A name used as a modifier ("the Trump administration", "Putin’s proposal") is not the subject of a verb.
NAME_MODIFIERS = ["administration", "campaign", "government", "team", "era", "presidency", "camp", "aides?", "allies",
                  "officials", "family", "doctrine", "regime", "office", "plan", "proposal", "formula"]

# Role nouns, by the kind of office, that can stand for a person named earlier; KB_ROLE_WORDS are the
# words of a knowledge-base role (written in English) each kind fits.
# A president (head of state) and a head of government are different offices: "the President of Ukraine" is
# never the Prime Minister of Ukraine named last; "leader", "chief" and a bare "head" may be either.
ROLE_STEMS = {
    "spokes": "spokes|press secretary", "diplomat": "diplomat", "minister": "minist",
    "president": "president|head of state", "premier": "prime minister|premier|chancellor|head of government",
    "leader": r"chief|leader|head(?! of (?:state|government))", "envoy": "envoy", "ambassador": "ambassador",
    "aide": "aide|advis", "first lady": "first lady",
}
KB_ROLE_WORDS = {
    "spokes": ("spokes", "press secretary"), "diplomat": ("foreign", "diplomat", "ambassador", "state"),
    "minister": ("minister", "secretary"), "president": ("president",),
    "premier": ("prime minister", "premier", "chancellor"),
    "leader": ("president", "head", "leader", "chancellor", "prime minister"),
    "envoy": ("envoy",), "ambassador": ("ambassador",), "aide": ("aide", "advis"), "first lady": ("first lady",),
}
# Words naming a country (case-sensitive), and the words of a knowledge-base role or organisation each fits.
NATION_STEMS = {"russia": "Russia|Kremlin|Moscow", "us": r"\bU\.?S\.?\b|American|White House|america",
                "ukraine": "Ukrain"}
KB_NATION_WORDS = {"russia": ("russia", "kremlin"),
                   "us": ("united states", "us ", "white house", "president of the united states"),
                   "ukraine": ("ukrain",)}
ROLES = [r"spokes(?:man|woman|person)", "diplomat", "minister", "president", r"president-elect", "official", "first lady",
         "envoy", "secretary", "ambassador", "chancellor", "leader", "chief", "aide", "adviser", "advisor",
         "negotiator", "premier", "senator", "lawmaker", "general", "commander", "head"]
"""Nouns that stand for a person named earlier ("the diplomat said")."""
GROUPS = (r"(?:both|the two) (?:leaders|presidents|sides|ministers|interlocutors|heads of state)|"
          r"the (?:interlocutors|two leaders)")
"""Subjects that stand for both parties of a conversation ("Both leaders acknowledged …")."""

# --- names and titles --------------------------------------------------------------------------------------
TITLES = [
    "mr", "mrs", "ms", "dr", "sen", "rep", "gen", "col", "lt", "prof", "sir", "president", "vice president",
    "prime minister", "minister", "secretary", "ambassador", "chancellor", "king", "queen", "prince", "pope",
    "senator", "governor", "mayor", "general", "spokesman", "spokeswoman", "spokesperson", "envoy", "adviser",
    "advisor", "premier", "foreign minister", "deputy", "press secretary", "chairperson", "chairman",
    "chairwoman", "chair", "director", "commissioner", "patriarch", "speaker",
]
"""Titles before a name ("President", "Mr."), stripped from it."""
NOT_NAME_WORDS = ["cpl", "sgt", "pfc", "spc", "pvt", "maj", "capt", "cmdr", "adm", "brig", "lt", "col", "gen",
                  "holiness", "majesty", "highness", "excellency", "eminence", "honorable", "his", "her", "their",
                  "your", "the", "our", "my"]
"""Words of a rank, an honorific or a determiner: a name the model proposes with one of them in it ("Lance
Cpl", "His Holiness") is a title, not a person's name."""
NAME_TITLES = ["justice", "judge", "congressman", "congresswoman", "representative", "rep", "senator", "sen",
               "secretary", "governor", "gov", "mayor", "ambassador", "minister", "chancellor", "general", "gen",
               "admiral", "adm", "colonel", "col", "captain", "capt", "lieutenant", "lt", "sergeant", "sgt",
               "corporal", "cpl", "officer", "detective", "professor", "prof", "doctor", "dr", "mr", "mrs", "ms",
               "miss", "lady", "lord", "dame", "sir", "reverend", "rev", "pastor", "bishop", "rabbi", "cardinal",
               "coach", "commissioner", "chairman", "chairwoman", "speaker", "leader", "leaders", "whip", "emerita",
               "emeritus", "president", "deputy", "nsa"]
"""Titles that stand before a name in running text ("Justice Breyer", "Congresswoman Meng", "First Lady
Barbara Bush" cut to "Lady Barbara Bush"): a person page named by one of them and a surname is a mention of
the one person the archive knows by that surname, and one named by a title and a whole name is that name
(builder.archive.identity). "Lance" (Lance Cpl), "Major" and "Sheikh" are given names too, and a king's,
a pope's or a saint's title is part of how he is named: they are not listed."""
NOT_SURNAMES = """
corporation corp company co inc incorporated llc ltd limited group holdings industries partners foundation
fund institute institution university college academy association society council committee commission
agency authority department ministry bank capital scientific technologies technology systems solutions
services motors airlines airways pharmaceuticals therapeutics laboratories labs entertainment media network
networks communications minerals materials metals mining chemicals manufacturing electric resources law act
alliance coalition federation center centre hospital congregation cathedral highway bridge avenue square
garden dialogue summit initiative program programme project plan strategy sorority
fraternity caucus mouse tiger bunny rabbit duck pig piglet puppy kitty cat dog pony shark chick cow frog
monster dinosaur unicorn robot officer professor administration bureau board office party union army navy
corps tunnel station museum library memorial airport grants order nutrition antisemitism anti-semitism
monument native natives nw ne sw se tempore character characters usa chair
""".split()
"""Words that end the name of an organisation, a place, a law, a programme or a cartoon character and never a
person's surname ("Whirlpool Corporation", "Administrative Law", "Critical Minerals", "Mickey Mouse",
"Daniel Tiger"), an office ("Honorary Chair") or a company's country ("Preciball USA"): a name outside the knowledge base that ends with one has no person page, whatever else
the archive shows of it — a company "announced" and a character is "joined" like a person
(builder.archive.evidence). Words that are also surnames are left out ("Bird", "Fox", "Wolf", "Crane",
"Hall", "Park", "Church", "Street": Sue Bird, Tom Wolf, David Crane, Frank Church)."""
NOT_PERSON_LABELS = ["ORG", "PRODUCT", "FAC", "LOC", "GPE", "NORP", "EVENT", "WORK_OF_ART", "LAW"]
"""The English model's entity labels of things that are not people (case-sensitive)."""
NAME_HONORIFICS = ["sheikh", "sheikha", "shaikh", "emir", "amir", "sultan", "imam", "king", "queen", "prince", "princess",
              "crown", "pope", "saint", "st", "honorable", "honourable"]
"""Honorifics and royal titles that stand before a name and never start a surname ("Sheikh Mohammed" is not
the end of "Khalid Sheikh Mohammed"; "Imam Mohamed Magid" is Mohamed Magid): builder.archive.identity."""
NAME_PARTICLES = ["de", "da", "di", "du", "del", "der", "van", "von", "bin", "al", "la", "le", "ter", "el"]
"""Particles that stay lowercase inside names (de Gaulle, von der Leyen, bin Salman)."""
# Words of an office in an English title ("Statement by NSC Spokesperson Emily Horne"): not part of a name.
ROLE_WORDS = """
president vice prime minister secretary press deputy principal senior advisor adviser chief spokesperson spokesman
spokeswoman nsc national security director coordinator assistant counselor special envoy administrator acting
ambassador representative first lady second gentleman foreign head office council communications strategic
homeland domestic policy economic treasury state defense leader majority minority speaker senator governor mayor
attorney general surgeon white house of the to for u.s. us united states trade climate cabinet chair chairman
chairwoman commissioner former his her majesty king queen excellency mr. ms. mrs. dr. sir madam
""".split()

# --- transcripts -------------------------------------------------------------------------------------------
HONORIFICS = ["MR", "MRS", "MS", "MISS", "DR"]
SELF_INTRODUCTION = r"(?:\bI[’']m|\bI am|\bThis is|\bMy name is|\bIt[’']s)"
LABEL_CONNECTORS = ["of", "to", "the", "for", "and", "on"]
"""Lowercase words inside a speaker label ("President of Russia Vladimir Putin:")."""
# Holders of the presidencies the archive is about, from the day each took office.
US_PRESIDENTS = [(date(2009, 1, 20), "Barack Obama"), (date(2017, 1, 20), "Donald Trump"),
                 (date(2021, 1, 20), "Joe Biden"), (date(2025, 1, 20), "Donald Trump")]
UKRAINE_PRESIDENTS = [(date(2010, 2, 25), "Viktor Yanukovych"), (date(2014, 6, 7), "Petro Poroshenko"),
                      (date(2019, 5, 20), "Volodymyr Zelensky")]
RUSSIA_PRESIDENTS = [(date(2000, 5, 7), "Vladimir Putin"), (date(2008, 5, 7), "Dmitry Medvedev"),
                     (date(2012, 5, 7), "Vladimir Putin")]
# Transcript labels and title offices that denote an office, not a name: the holder on the document's date
# speaks. A title's bare office ("Statement by the President") is a White House title only when the text
# names the United States and no other country of this table (TITLE_OFFICE_COUNTRY).
OFFICE_HOLDERS = {
    "THE PRESIDENT": US_PRESIDENTS,
    "THE PRESIDENT OF THE UNITED STATES": US_PRESIDENTS,
    "THE PRESIDENT OF UKRAINE": UKRAINE_PRESIDENTS,
    "PRESIDENT OF UKRAINE": UKRAINE_PRESIDENTS,
    "THE PRESIDENT OF THE RUSSIAN FEDERATION": RUSSIA_PRESIDENTS,
    "PRESIDENT OF THE RUSSIAN FEDERATION": RUSSIA_PRESIDENTS,
    "THE PRESIDENT OF RUSSIA": RUSSIA_PRESIDENTS,
    "PRESIDENT OF RUSSIA": RUSSIA_PRESIDENTS,
    "THE VICE PRESIDENT": [(date(2009, 1, 20), "Joe Biden"), (date(2017, 1, 20), "Mike Pence"),
                           (date(2021, 1, 20), "Kamala Harris"), (date(2025, 1, 20), "JD Vance")],
    "THE FIRST LADY": [(date(2009, 1, 20), "Michelle Obama"), (date(2017, 1, 20), "Melania Trump"),
                       (date(2021, 1, 20), "Jill Biden"), (date(2025, 1, 20), "Melania Trump")],
}
# The country a title's bare office belongs to, by words naming it, and words naming the other countries
# whose offices OFFICE_HOLDERS knows. "Address by the President to Ukrainians" names no country of its
# own: it is the holder's only when the text names that country and none of the others.
TITLE_OFFICE_COUNTRY = {
    "THE PRESIDENT": (r"\b(?:America|Americans?|United\s+States|U\.S\.|White\s+House)\b", r"\b(?:Ukrain|Russia)"),
    "THE VICE PRESIDENT": (r"\b(?:America|Americans?|United\s+States|U\.S\.|White\s+House)\b", r"\b(?:Ukrain|Russia)"),
    "THE FIRST LADY": (r"\b(?:America|Americans?|United\s+States|U\.S\.|White\s+House)\b", r"\b(?:Ukrain|Russia)"),
}
# Upper-case transcript labels of people who are not named: their turns are nobody's quotes.
ANONYMOUS_LABELS = [
    "Q", "MODERATOR", "SENIOR ADMINISTRATION OFFICIAL", "SENIOR ADMINISTRATION OFFICIALS", "ADMINISTRATION OFFICIAL",
    "SENIOR STATE DEPARTMENT OFFICIAL", "SENIOR DEFENSE OFFICIAL", "AUDIENCE", "AUDIENCE MEMBER", "AUDIENCE MEMBERS",
    "PARTICIPANT", "PARTICIPANTS", "AIDE", "CHILD", "CHILDREN", "STAFF", "OPERATOR", "REPORTER", "QUESTION", "ANSWER",
    "INTERPRETER", "CROWD", "STUDENT", "SPEAKER", "OFFICIAL", "AIR FORCE ONE CREW MEMBER", "PRESS",
]
# The same in Kremlin-style transcripts ("Question:").
ANONYMOUS_MIXED_LABELS = ["question", "remark", "reply", "response", "answer", "moderator", "participant", "audience",
                          "interpreter", "journalist", "reporter", "comment"]
# Titles that present the whole text as one person's words; the person is named after them.
STATEMENT_HEAD = (r"(?:Statement|Remarks|Speech|Address|Message|Video\s+Address|Video\s+Message|Letter|Op-Ed|"
                  r"Opening\s+Remarks|Closing\s+Remarks|Briefing|Press\s+Briefing|Keynote\s+Address)\s+(?:by|of|from)\s+")
# Where the name after a statement head ends ("… President Biden on the Anniversary …").
# in any case: White House titles capitalise them ("Remarks by President Biden Before Bilateral Meeting").
TITLE_TAIL = (r"\s+(?i:on|to|at|in|for|before|during|regarding|about|after|following|with|upon|marking|announcing|"
              r"celebrating|honoring|commemorating|highlighting|addressing|welcoming|calling|urging)\b|\s*[:(;|]|\s+[–—-]\s")

# --- dates and page furniture ------------------------------------------------------------------------------
MONTHS = ["january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
          "september sep sept", "october oct", "november nov", "december dec"]
"""Month names and abbreviations, January first (space-separated spellings of each month)."""
ORDINAL_SUFFIX = "(?:st|nd|rd|th)?"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
DATE_WORDS = ["updated", "published", "posted"]
"""Words beside a date on a date line."""
TIME_WORDS = ["at", "gmt", "utc", "eet", "eest", "msk", "am", "pm"]
"""Words of a time of day on a date line."""
BOILERPLATE = [
    r"^(supply|source) (hyperlink|link)\.?$",
    r"^(courtesy\s*/\s*)?source\s*:\s*.{1,60}$",
    r"^courtesy\s*:\s*.{1,60}$",
    r"^(read|see) (more|also)\s*:",
    r"^share (this|on)\b.{0,40}$",
    r"^tags?\s*:",
]
"""Lines that scrapers leave in (matched case-insensitively); the other languages add to the shared ones."""
READ_ALSO, ADVERTISEMENT, SUBSCRIBE, HOME, PHOTO, FOLLOW = (
    [], ["advertisement"], ["subscribe"], ["home"], ["photo"], [r"follow (?:us|him|her|them|me)"])
PHOTO_BY = ["by"]
SOURCE_WORDS = ["source", "courtesy"]
SOURCE_PREFIX = [r"courtesy\s*/\s*"]
# Bylines and credits, recognised by their grammar: a list of names with these words around it.
BYLINE = ["by"]
"""The word a byline opens with ("By Michael D. Shear and Anton Troianovski")."""
CREDIT_ROLES = ["reporting", "additional reporting", "writing", "editing", "compiled", "compiling", "produced",
                "production", "graphics", "photography", "research", "translated", "translation", "fact-checking",
                "video", "photos?"]
"""What a credit line credits ("Reporting by …; Writing by …; Editing by …")."""
CONTRIBUTED = [r"contributed(?: reporting)?(?: to)? (?:this|the) (?:report|story|article)", r"contributed reporting",
               r"reported from"]
"""What follows the names of a contributor line ("CNN's A and B contributed to this report")."""
JOURNALISTS = [r"reporter", r"correspondent", r"editor", r"bureau chief", r"columnist", r"journalist", r"writer",
               r"producer", r"contributor", r"anchor", r"analyst for \w+", r"reporting fellow", r"staff writer"]
"""Trades of a reporter bio ("A is MarketWatch's Money & Politics reporter …")."""
IS = [r"is"]
"""The verb after a name that opens a reporter bio."""
CONTACT = [r"follow (?:him|her|them|me)", r"@\w+", r"prior to joining", r"before joining", r"email (?:him|her)",
           r"twitter", r"is based in"]
"""What a reporter bio holds besides the trade: how to reach the reporter, where they worked before."""
CREDIT = (r"\s[–—-]\s*[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+)+\s*,\s*[^.“”\"]{0,80}\b(photo|pool|getty|afp|ap|reuters|sputnik|"
          r"tass|epa)\b[^.“”\"]*$")
"""A caption with a photo credit at its end: "… – Alexei Nikolsky, Sputnik, Kremlin Pool Photo via AP"."""

# --- suggestions -------------------------------------------------------------------------------------------
EVENT_WORDS = (r"(?:summits?|talks|meetings?|conferences?|forums?|wars?|agreements?|accords?|visits?|negotiations?|"
               r"treat(?:y|ies)|ceasefire|truce|referendum|invasion|format|dialogue)$")
"""Words that make a phrase an event (whole words)."""
CONNECTORS = ["of", "on", "in", "at", "with", "between", "and", "for"]
"""Short words that may join an event word to the name after it ("talks in Istanbul")."""
NOT_EVENT_NAMES = (
    "Head Heads President President's Vice Prime Minister Minister's Governor Chairman Chairwoman Secretary "
    "Director Chancellor King Queen Mr Mrs Ms Dr Senator Ambassador Deputy Mayor Speaker Leader "
    "The A An This That These Those It Its Our Their His Her Last Next New Monday Tuesday Wednesday "
    "Thursday Friday Saturday Sunday Today Yesterday Tomorrow During After Before At In On Of For And But").split()
"""Capitalised words that do not name an event: sentence openers, days, titles."""
