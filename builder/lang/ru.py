"""Russian: every Russian word the builder matches, in one place (see en.py for what each name means)."""

from builder.lang import en

CAPITALS = "А-ЯЁ"
QUOTES = [("«", "»", "»")]

SPEECH_VERBS = [
    r"(?:заяви|сказа|сообщи|отмети|подчеркну|добави|поясни|указа|напомни|уточни|призна|предупреди|написа|"
    r"ответи|рассказа|объясни|высказа|выступи|обеща|подтверди|завери|попроси|призва|назва|заверя|вырази|"
    r"заявля|говори|сообща|отмеча|поблагодари)(?:л|ла|ли)(?:ся|сь)?",
    r"(?:заявляет|говорит|сообщает|отмечает|считает|подчеркивает|подчёркивает|утверждает|пишет)",
    r"по (?:его|её|ее|их )?словам", r"по словам",
    # gerunds: "…, добавив, что …" (the subject opens the sentence, as of an English "…, adding that")
    r"(?:заяви|сказа|сообщи|отмети|подчеркну|добави|поясни|указа|напомни|уточни|призна|предупреди|ответи|"
    r"рассказа|объясни|подтверди|вырази)в(?:ши)?",
]
PARTICIPLE = r"в(?:ши)?$"
"""How a reporting verb's gerund ends: its subject is the sentence's (English "-ing")."""
ACCORDING_TO = ["по словам", "по его"]
THAT = ["что"]
CLAUSE_FILLERS = ["что"]
PRONOUNS = ["он", "она"]
PRONOUN_GENDERS = {"он": "m", "она": "f"}
FIRST_PERSON = r"(?i)(?<!\w)(?:я|мы|мне|меня|мой|моя|наш\w*|нам|нас)(?!\w)"
AND = ["и"]

ROLE_STEMS = {"spokes": "пресс-секретар|представител", "minister": "министр", "president": "президент", "leader": "лидер|глава",
              "ambassador": "посол", "aide": "советник"}
NATION_STEMS = {"russia": "россий", "us": "американ", "ukraine": "украин"}
ROLES = [r"пресс-секретарь", "министр", "президент", "глава", "дипломат", "посол", "спикер", "лидер",
         "представитель", "советник"]
GROUPS = r"(?:оба|два) (?:лидера|президента|министра)|собеседники|стороны"

ANONYMOUS_MIXED_LABELS = ["вопрос", "реплика", "ответ", "ведущий", "журналист"]
STATEMENT_HEAD = r"(?:Обращение|Заявление|Выступление|Речь|Брифинг|Послание)\s+"
TITLE_TAIL = r"\s+(?:о|об|по|на|в|во|к|перед|после|с|для)\b|\s*[:(;]|\s+[–—-]\s"

# A title's office in the genitive ("Обращение Президента Российской Федерации"): its holder on the
# document's date speaks (the lists are the English pack's, by the holders' knowledge-base names).
OFFICE_HOLDERS = {
    "ПРЕЗИДЕНТА РОССИЙСКОЙ ФЕДЕРАЦИИ": en.RUSSIA_PRESIDENTS,
    "ПРЕЗИДЕНТА РОССИИ": en.RUSSIA_PRESIDENTS,
    "ПРЕЗИДЕНТ РОССИИ": en.RUSSIA_PRESIDENTS,
    "ПРЕЗИДЕНТА УКРАИНЫ": en.UKRAINE_PRESIDENTS,
    "ПРЕЗИДЕНТА США": en.US_PRESIDENTS,
}

# Case endings of name words: nominative endings of a kind of word, and every ending of that kind.
NAME_ENDINGS = {
    "adjective": (("ий", "ый", "ой"), "ий|ый|ой|ого|ому|им|ом|ем|ая|ой|ую"),
    "a-stem": (("а", "я"), "а|я|ой|ей|ы|и|у|ю|е"),
    "soft": (("й", "ь"), "й|ь|я|ю|ем|ём|ем|и"),
    "hard": ((), "|а|у|ом|ым|ем|е|ым|ым|ой|ого"),
}
ADJECTIVE_SURNAMES = ["ский", "цкий", "ской"]
"""How surnames that decline as adjectives end (builder.annotate.names)."""
NATIVE_SURNAME_ENDINGS = ["ов", "ев", "ёв", "ин", "цын", "ский", "цкий", "ской", "ова", "ева", "ёва", "ина", "цына",
                          "ская", "цкая", "енко", "ко", "ук", "юк", "як", "ич", "ых", "их", "ой", "ян", "швили", "дзе"]
"""How the nominative of a Russian surname ends (and of the Caucasian and Central Asian surnames Russian writes
the same way): a name the romanisation writes as English texts do. A foreign name written in Cyrillic alone
("Уоррен Баффет") it cannot give back in its own spelling (builder.archive.evidence)."""
SURNAME_ENDINGS = {
    "gent": [("ского", "ский"), ("цкого", "цкий"), ("ова", "ов"), ("ева", "ев"), ("ина", "ин"), ("я", "ь"), ("а", "")],
    "datv": [("скому", "ский"), ("цкому", "цкий"), ("ову", "ов"), ("еву", "ев"), ("ину", "ин"), ("ю", "ь"), ("у", "")],
    "accs": [("ского", "ский"), ("цкого", "цкий"), ("ова", "ов"), ("ева", "ев"), ("ина", "ин"), ("я", "ь"), ("а", "")],
    "ablt": [("ским", "ский"), ("цким", "цкий"), ("овым", "ов"), ("евым", "ев"), ("иным", "ин"), ("ем", "ь"), ("ом", "")],
    "loct": [("ском", "ский"), ("цком", "цкий"), ("ове", "ов"), ("еве", "ев"), ("ине", "ин"), ("е", "")],
}
"""A man's surname in an oblique case (the case its first name and patronymic show) back in the
nominative by its ending, for surnames the dictionary has no reading of in that case; the first ending
that fits is taken."""
VOWELS = "аеёиоуыэюя"
"""Vowel letters (a soft sign never follows one: builder.annotate.names)."""
NAME_PARTICLES = ["де", "да", "ди", "дос", "дель", "фон", "дер", "ван", "бен", "ибн", "аль", "эль", "ла", "ле"]
"""Lowercase words inside a name ("Луис да Силва", "фон дер Ляйен"): see en.py."""
EAST_ASIAN_SURNAMES = (
    # Chinese (Palladius transcription), Korean and Vietnamese family names, written before the given name,
    # which is one or two short words the dictionary does not know ("Ли Кэцян", "Ким Чен Ын", "Пак Кын Хе").
    "Ван Ли Чжан Лю Чэнь Чень Ян Хуан Чжао Чжоу Сюй Сунь Чжу Ху Го Хэ Гао Линь Ло Чжэн Лян Се Сун Тан Хань Фэн "
    "Дэн Цао Пэн Цзэн Сяо Тянь Дун Пань Юань Цай Цзян Юй Ду Чэн Вэй Су Люй Дин Жэнь Шэнь Яо Лу Цуй Чжун Тань "
    "Фань Цзинь Ши Ляо Цзя Ся Фу Фан Бай Цзоу Мэн Сюн Цинь Цю Инь Сюэ Янь Дуань Лэй Хоу Лун Тао Гу Мао Хао Гун "
    "Шао Вань Цянь Дай Мо Кун Сян Си Ким Пак Чхве Чон Кан Чо Юн Чан Лим Мун Син Хан Со Квон Хван Ан Сон Ю Хон "
    "Нам Ко Пэк Нгуен Фам Чыонг"
).split()
"""Family names written first in East Asian names (builder.annotate.names)."""
EAST_ASIAN_ENDINGS = [("нем", "нь"), ("ня", "нь"), ("ню", "нь"), ("ном", "н"), ("на", "н"), ("ну", "н"), ("не", "н"),
                      ("ром", "р"), ("ра", "р"), ("ру", "р"), ("ре", "р")]
"""A given name's last syllable ending in н, нь or р declines: its oblique forms back in the nominative
("Дэн Сяопина" -> Сяопин, "Ван Цзюня" -> Цзюнь, "Ким Чен Ына" -> Ын, "Ким Чен Ира" -> Ир); other
syllables do not decline."""
NOT_NAMES = ["рада", "вера", "надежда", "любовь", "слава", "мир", "роман", "лев", "май", "марта", "август"]
"""Capitalised words that the dictionaries also know as first names but that head common phrases: names
only when a surname follows."""

# Romanising names (builder.text.romanise): the English form of given names English-language newspapers
# write their own way, letters only this language writes, and spellings changed before the table runs.
ENGLISH_NAME_FORMS = {
    "Барак": "Barack", "Джо": "Joe", "Джон": "John", "Джордж": "George", "Джеймс": "James", "Джозеф": "Joseph",
    "Джейкоб": "Jacob", "Джессика": "Jessica", "Дженнифер": "Jennifer", "Майкл": "Michael", "Дональд": "Donald",
    "Уильям": "William", "Ричард": "Richard", "Роберт": "Robert", "Томас": "Thomas", "Дэвид": "David",
    "Стивен": "Stephen", "Стив": "Steve", "Энтони": "Anthony", "Хиллари": "Hillary", "Кэтрин": "Catherine",
    "Эммануэль": "Emmanuel", "Биньямин": "Benjamin", "Чарльз": "Charles", "Шарль": "Charles", "Питер": "Peter",
    "Кристофер": "Christopher", "Кэмерон": "Cameron", "Мэри": "Mary", "Нэнси": "Nancy", "Тереза": "Theresa",
    "Илон": "Elon", "Марко": "Marco", "Кир": "Keir", "Ллойд": "Lloyd", "Уэс": "Wes",
}
OWN_LETTERS = "ыэъё"
ROMAN_SPELLINGS = [("Дж", "J"), ("ё", "е"), ("Ё", "Е")]
"""Before romanising: Дж is J; ё is read as е, since most texts do not write it (Семёнов, Семенов: one id)."""

MONTHS = ["январь января янв", "февраль февраля фев", "март марта", "апрель апреля", "май мая", "июнь июня",
          "июль июля", "август августа", "сентябрь сентября", "октябрь октября", "ноябрь ноября", "декабрь декабря"]
YEAR_SUFFIX = [r"г\.", "года"]
WEEKDAYS = ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"]
DATE_WORDS = ["обновлено", "опубликовано"]
TIME_WORDS = ["в"]
BOILERPLATE = []
READ_ALSO, ADVERTISEMENT, SUBSCRIBE, HOME, PHOTO, FOLLOW = (
    ["читайте также", "также читайте"], ["реклама"], ["подпишитесь"], ["главная"], ["фото"], [])
PHOTO_BY = []
SOURCE_WORDS = []

EVENT_WORDS = (r"^(?:саммит\w*|переговор\w*|встреч\w+|конференци\w+|форум\w*|войн\w+|соглашени\w+|визит\w*|договор\w*|"
               r"перемири\w+)$")
CONNECTORS = ["в", "во", "на", "по", "с", "со", "у", "между", "и"]
NOT_EVENT_NAMES = ("Президент Президента Глава Министр Премьер "
                   "Это Этот Эта Эти Всё Все Наша Наши После Перед В На И Но Вчера Сегодня").split()
NAMING = ["телеканал\\w*", "газет\\w*", "агентств\\w*", "радио\\w*", "издани\\w*", "журнал\\w*", "программ\\w*", "передач\\w*", "фильм\\w*", "книг\\w*"]
"""Words right before a quotation that make it a name (a channel, a newspaper, a programme), not speech."""
