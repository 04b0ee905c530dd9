"""Romanian: every Romanian word the builder matches, in one place (see en.py for what each name means)."""

CAPITALS = "ȘȚĂÂÎ"
LETTER_FOLDS = ("şŞţŢ", "șȘțȚ")
"""Letters written in place of others (cedilla for comma below), folded when text is read."""
QUOTES = [("„", "”“", "”“„")]

SPEECH_VERBS = [
    r"(?:a|au|a mai|au mai|ar fi) (?:declarat|spus|explicat|precizat|subliniat|afirmat|adăugat|replicat|sugerat|"
    r"numit|respins|negat|anunțat|menționat|arătat|avertizat|insistat|transmis|comentat|reiterat|confirmat|"
    r"calificat|descris|acuzat|lăudat|scris|răspuns|apreciat|susținut|recunoscut|amintit|estimat|criticat)",
    r"(?:declarase|spusese|sugerase|descrisese|afirmase|precizase|lăudaseră|declaraseră|anunțase|explicase)",
    r"(?:declară|spune|afirmă|susține|consideră|subliniază|precizează|explică|adaugă|avertizează|insistă)",
    r"potrivit (?:lui|declarațiilor lui|spuselor lui)", r"conform (?:lui|declarațiilor lui)",
    r"în opinia lui", r"citat de",
]
DENYING = [r"(?:a|au|ar fi) (?:respins|negat)"]
ACCORDING_TO = ["potrivit", "conform", "în opinia", "citat de"]
THAT = ["că"]
CLAUSE_FILLERS = ["că", "ca"]
PRONOUNS = ["el", "ea", "acesta", "aceasta"]
PRONOUN_GENDERS = {"el": "m", "ea": "f", "acesta": "m", "aceasta": "f"}
FIRST_PERSON = r"(?i)(?<!\w)(?:eu|noi|meu|mea|nostru|noastră|mi-?|ne)(?!\w)"
AND = ["și"]
ABBREVIATIONS = ["nr", "Nr"]
PREPOSITIONS = ["lui", "cu", "de", "la", "pentru", "despre", "și", "între", "către", "contra", "împotriva", "decât"]
VICE = ["vice", "adjunct"]
WHAT = ["ce"]
INDEFINITE = ["un", "o", "unui", "unei", "alt", "altă"]

ROLE_STEMS = {"spokes": "purtătorul de cuvânt", "president": "președint", "envoy": "emisar", "ambassador": "ambasador",
              "aide": "consilier"}
NATION_STEMS = {"russia": r"rus\b", "us": "SUA", "ukraine": "ucrainean"}
ROLES = [r"purtătorul de cuvânt", "diplomatul", "ministrul", "președintele", "oficialul", "emisarul",
         "liderul", "consilierul", "ambasadorul", "negociatorul", "șeful"]
GROUPS = r"(?:cei doi|ambii) (?:lideri|președinți|miniștri|interlocutori)|interlocutorii|părțile"

ANONYMOUS_MIXED_LABELS = ["întrebare", "moderator", "jurnalist"]
STATEMENT_HEAD = r"(?:Declarația|Discursul|Mesajul|Alocuțiunea|Scrisoarea)\s+"
TITLE_TAIL = r"\s+(?:despre|privind|la|în|cu|pentru|cu ocazia)\b|\s*[:(;]|\s+[–—-]\s"

MONTHS = ["ianuarie ian", "februarie febr", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie",
          "octombrie", "noiembrie", "decembrie"]
WEEKDAYS = ["luni", "marți", "marti", "miercuri", "joi", "vineri", "sâmbătă", "duminică"]
DATE_WORDS = ["actualizat", "publicat"]
TIME_WORDS = ["la"]
BOILERPLATE = [r"^(citește|citeste|citiți|vezi) (și|si)\s*:"]
READ_ALSO, ADVERTISEMENT, SUBSCRIBE, HOME, PHOTO, FOLLOW = (
    [], ["publicitate"], ["abonează-te"], ["acasă"], ["foto"], ["urmăriți-ne"])
PHOTO_BY = ["de"]
SOURCE_WORDS = ["sursa"]

EVENT_WORDS = (r"^(?:summitul\w*|întâlnir\w+|negocier\w+|discuți\w+|conferinț\w+|forumul\w*|războ\w+|acordul\w*|"
               r"vizit\w+|tratatul\w*|armistiți\w+)$")
"""Stems that make a phrase an event, so that every case ending matches (summitul, summitului)."""
CONNECTORS = ["de", "la", "din", "cu", "privind", "pentru", "în", "și"]
NOT_EVENT_NAMES = ("Președintele Premierul Ministrul "
                   "Acest Această Aceste Este După Înainte În La Pe Și Luni Marți Miercuri Joi Vineri Sâmbătă "
                   "Duminică").split()

# Person names found by the Romanian model (builder.annotate.people.romanian_name): RONEC puts the title or
# role before a name inside the PERSON span ("premierului Ilie Bolojan", "Ministrul de externe Oana Țoiu");
# the annotator keeps the name alone. Lowercase words before the name go anyway; these are the capitalised
# ones (a sentence's first word, a title of nobility or of the church): stems, any case ending. A title or
# role word right before a one-word name also says it names a person (builder.annotate.romanian).
PERSON_TITLE_STEMS = [
    "premier", "vicepremier", "președint", "vicepreședint", "ministr", "secretar", "ambasador", "consilier",
    "purtător", "senator", "deputat", "europarlamentar", "primar", "guvernator", "general", "comandant",
    "lider", "șef", "cancelar", "patriarh", "rege", "regin", "prinț", "prințes", "pap", "domn", "doamn",
    "fost", "nou", "comisar", "procuror", "judecător", "avocat", "antrenor", "director", "directoar",
    "emisar", "negociator", "oficial", "candidat", "actor", "actriț", "scriitor", "scriitoar", "jurnalist",
    "sfânt", "sfint", "mitropolit", "arhiepiscop", "episcop", "preot", "pastor", "părinte", "ducel", "duces", "contes",
    "dl", "dna", "d-l", "d-na", "dr", "prof", "sir", "lord", "lady", "doctor", "profesor", "alteț", "regal",
    "princip", "domnitor", "împărat", "împărătea", "țar", "prim-ministr", "prim-ministru", "primul-ministru", "ministru",
    "compozitor", "cântăreț", "cântăreaț", "jucător", "jucătoar", "fotbalist", "atacant", "portar", "pictor", "poet",
    "regizor", "producător", "istoric", "medic", "cleric", "analist", "politolog", "economist", "diplomat",
]
PERSON_TITLE_ENDINGS = "ul|ului|ele|elui|a|ei|ii|ilor|le|lui|i|e|ă|"
FEMININE_OBLIQUE = [("ei", "a"), ("ăi", "a")]
"""Genitive/dative endings of feminine first names and the nominative ending they replace ("Elenei" ->
"Elena", "Vioricăi" -> "Viorica"), applied when the model's name lexicon knows the nominative as a first name."""
SURNAME_FORMS = ["escu", "eanu", "ianu", "iu", "ache", "ică", "oiu", "uță", "iță"]
"""Endings of Romanian surnames ("Diaconescu", "Ardeleanu", "Gheorghiu", "Enache", "Ioniță"): a one-word name the
model marks as a person and ending so is kept as a mention (builder.annotate.romanian)."""
PERSONAL_OBJECT = r"(?:\w+-[lo]|[lo]-\w+)(?:\s+\w+)?\s+pe"
"""A direct object doubled by a clitic pronoun and marked by "pe" ("a-l recupera pe", "l-au găsit pe",
"vizându-l pe"): what follows is a person."""
PLACE_PREPOSITIONS = ["la", "în", "din", "spre", "prin", "lângă", "până la", "de la"]
"""Prepositions before a place ("La Washington, Trump a transmis"): a one-word name after one is not
taken for a person (builder.annotate.romanian)."""
PERSON_ARTICLE = "lui"
"""The genitive/dative article before a proper name, which Romanian puts before persons' names ("consilierul
lui Mazăre", "potrivit lui Ponta"): a one-word name after it is a person (builder.annotate.romanian)."""
PERFECT_AFTER = r"(?:a|au) (?:mai |și |tot )?\w+(?:at|ăt|it|ut|ât|s|st)(?!\w)"
"""A verb in the compound perfect right after a name ("Drogba a continuat", "Godin a fondat"): the name is
its subject."""
ARTICLED = r"\w{3,}(?:ul|ului)"
"""A word with the enclitic definite article ("Kievul", "Kremlinului", "Diplomatul"): a place or a common noun
when the name lexicon does not know it; Romanian puts no article on a person's name (builder.annotate.romanian)."""
