"""Ukrainian: every Ukrainian word the builder matches, in one place (see en.py for what each name means)."""

from builder.lang import en

CAPITALS = "ІЇЄҐ"
QUOTES = [("«", "»", "»")]

SPEECH_VERBS = [
    r"(?:заяви|сказа|повідоми|зазначи|наголоси|дода|поясни|підкресли|нагада|написа|відпові|розпові|"
    r"попереди|визна|пообіця|висловив|закликав|запевни|підтверди|попроси|назва)(?:в|ла|ли|ів)?(?:ся|сь)?",
    r"(?:заявляє|говорить|каже|повідомляє|зазначає|вважає|наголошує|підкреслює|пише)",
    r"за (?:його|її|їх )?словами", r"за словами",
    # gerunds: "…, додавши, що …" (the subject opens the sentence, as of an English "…, adding that")
    r"(?:заяви|сказа|повідоми|зазначи|наголоси|дода|поясни|підкресли|нагада|відпові|розпові|підтверди)вши",
]
PARTICIPLE = r"вши$"
"""How a reporting verb's gerund ends: its subject is the sentence's (English "-ing")."""
ACCORDING_TO = ["за словами", "за його"]
THAT = ["що"]
CLAUSE_FILLERS = ["що"]
PRONOUNS = ["він", "вона"]
FIRST_PERSON = r"(?i)(?<!\w)(?:я|ми|мені|мене|мій|моя|наш\w*|нам|нас)(?!\w)"
AND = ["і", "та"]

ROLE_STEMS = {"spokes": "речник|представник", "minister": "міністр", "president": "лідер|очільник",
              "aide": "радник"}
NATION_STEMS = {"russia": "російськ", "ukraine": "україн"}
ROLES = ["речник", "міністр", "президент", "очільник", "дипломат", "посол", "лідер", "представник", "радник"]
GROUPS = r"(?:обидва|два) (?:лідери|президенти|міністри)|співрозмовники|сторони"

ANONYMOUS_MIXED_LABELS = ["запитання", "питання", "ведучий", "журналіст"]
STATEMENT_HEAD = r"(?:Звернення|Заява|Виступ|Промова|Брифінг|Послання)\s+"
TITLE_TAIL = r"\s+(?:про|щодо|на|в|у|до|перед|після|з|для)\b|\s*[:(;]|\s+[–—-]\s"

# A title's office in the genitive ("Звернення Президента України"): its holder on the document's date
# speaks (the lists are the English pack's, by the holders' knowledge-base names).
OFFICE_HOLDERS = {
    "ПРЕЗИДЕНТА УКРАЇНИ": en.UKRAINE_PRESIDENTS,
    "ПРЕЗИДЕНТ УКРАЇНИ": en.UKRAINE_PRESIDENTS,
    "ПРЕЗИДЕНТА РОСІЙСЬКОЇ ФЕДЕРАЦІЇ": en.RUSSIA_PRESIDENTS,
    "ПРЕЗИДЕНТА США": en.US_PRESIDENTS,
}

NAME_ENDINGS = {
    "adjective": (("ій",), "ій|ія|ію|ієм|ього|ьому|ім"),
    "a-stem": ((), "ою|ої|ій|і"),
    "soft": ((), "і|ї|єм|ею"),
    "hard": ((), "ів|ові|ою"),
}
ADJECTIVE_SURNAMES = ["ський", "цький"]
"""How surnames that decline as adjectives end (builder.annotate.names)."""
SURNAME_ENDINGS = {
    "gent": [("ського", "ський"), ("цького", "цький"), ("ового", "овий"), ("ього", "ій"), ("ого", "ий"), ("я", "ь"), ("а", "")],
    "datv": [("ському", "ський"), ("цькому", "цький"), ("ьому", "ій"), ("ому", "ий"), ("ові", ""), ("еві", "ь"),
             ("ю", "ь"), ("у", "")],
    "accs": [("ського", "ський"), ("цького", "цький"), ("ього", "ій"), ("ого", "ий"), ("я", "ь"), ("а", "")],
    "ablt": [("ським", "ський"), ("цьким", "цький"), ("ім", "ій"), ("им", "ий"), ("ем", "ь"), ("ом", "")],
    "loct": [("ському", "ський"), ("цькому", "цький"), ("ові", ""), ("і", "")],
}
"""See ru.py."""
NAME_PARTICLES = ["де", "да", "ді", "дос", "дель", "фон", "дер", "ван", "бен", "ібн", "аль", "ель", "ла", "ле"]
"""Lowercase words inside a name ("Луис да Силва", "фон дер Ляйен"): see en.py."""
NOT_NAMES = ["рада", "влада", "віра", "надія", "любов", "світлана", "ярослав"]

# Romanising names (builder.text.romanise): see ru.py.
ENGLISH_NAME_FORMS = {
    "Барак": "Barack", "Джо": "Joe", "Джон": "John", "Джордж": "George", "Джеймс": "James", "Джозеф": "Joseph",
    "Майкл": "Michael", "Дональд": "Donald", "Вільям": "William", "Річард": "Richard", "Роберт": "Robert",
    "Девід": "David", "Ентоні": "Anthony", "Емманюель": "Emmanuel", "Біньямін": "Benjamin", "Ілон": "Elon",
    "Чарльз": "Charles", "Шарль": "Charles", "Пітер": "Peter", "Кір": "Keir", "Ллойд": "Lloyd",
}
OWN_LETTERS = "іїєґ"
ROMAN_SPELLINGS = [("Дж", "J")]

MONTHS = ["січень січня", "лютий лютого", "березень березня", "квітень квітня", "травень травня", "червень червня",
          "липень липня", "серпень серпня", "вересень вересня", "жовтень жовтня", "листопад листопада",
          "грудень грудня"]
YEAR_SUFFIX = ["року", r"р\."]
WEEKDAYS = ["понеділок", "вівторок", "середа", "четвер", "п'ятниця", "п’ятниця", "субота", "неділя"]
DATE_WORDS = ["оновлено"]
TIME_WORDS = ["о"]
BOILERPLATE = []
READ_ALSO, ADVERTISEMENT, SUBSCRIBE, HOME, PHOTO, FOLLOW = (
    ["читайте також"], [], ["підпишіться"], ["головна"], [], [])
PHOTO_BY = []
SOURCE_WORDS = []

EVENT_WORDS = r"^(?:саміт\w*|зустріч\w*|конференці\w+|війн\w+|угод\w+|договір|перемир\w+)$"
CONNECTORS = ["з", "із", "між", "і", "та"]
NOT_EVENT_NAMES = ("Прем'єр Міністр "
                   "Це Цей Ця Ці Все Всі Наша Наші Після Перед У На І Але Вчора Сьогодні").split()
NAMING = ["телеканал\\w*", "газет\\w*", "агентств\\w*", "радіо\\w*", "видання\\w*", "журнал\\w*", "програм\\w*", "передач\\w*", "фільм\\w*", "книг\\w*"]
"""Words right before a quotation that make it a name (a channel, a newspaper, a programme), not speech."""
