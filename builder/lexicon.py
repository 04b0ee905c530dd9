"""Language data for the annotator: reporting verbs, pronouns and role nouns, per language.

Each entry is a regular-expression fragment matched as whole words, case-insensitively. Spun or
machine-rewritten English ("burdened that" for "stressed that", "famous that" for "noted that",
"instructed TASS" for "told TASS") is listed too, as it occurs in scraped copy.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

SPEECH_VERBS: dict[str, list[str]] = {
    "en": [
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
        r"reaffirm(?:s|ed|ing)",
    ],
    "ro": [
        r"(?:a|au|a mai|au mai|ar fi) (?:declarat|spus|explicat|precizat|subliniat|afirmat|adăugat|replicat|sugerat|"
        r"numit|respins|negat|anunțat|menționat|arătat|avertizat|insistat|transmis|comentat|reiterat|confirmat|"
        r"calificat|descris|acuzat|lăudat|scris|răspuns|apreciat|susținut|recunoscut|amintit|estimat|criticat)",
        r"(?:declarase|spusese|sugerase|descrisese|afirmase|precizase|lăudaseră|declaraseră|anunțase|explicase)",
        r"(?:declară|spune|afirmă|susține|consideră|subliniază|precizează|explică|adaugă|avertizează|insistă)",
        r"potrivit (?:lui|declarațiilor lui|spuselor lui)", r"conform (?:lui|declarațiilor lui)",
        r"în opinia lui", r"citat de",
    ],
    "ru": [
        r"(?:заяви|сказа|сообщи|отмети|подчеркну|добави|поясни|указа|напомни|уточни|призна|предупреди|написа|"
        r"ответи|рассказа|объясни|высказа|выступи|обеща|подтверди|завери|попроси|призва|назва|заверя)(?:л|ла|ли)(?:ся|сь)?",
        r"(?:заявляет|говорит|сообщает|отмечает|считает|подчеркивает|подчёркивает|утверждает|пишет)",
        r"по (?:его|её|ее|их )?словам", r"по словам",
    ],
    "uk": [
        r"(?:заяви|сказа|повідоми|зазначи|наголоси|дода|поясни|підкресли|нагада|написа|відпові|розпові|"
        r"попереди|визна|пообіця|висловив|закликав|запевни|підтверди|попроси|назва)(?:в|ла|ли|ів)?(?:ся|сь)?",
        r"(?:заявляє|говорить|каже|повідомляє|зазначає|вважає|наголошує|підкреслює|пише)",
        r"за (?:його|її|їх )?словами", r"за словами",
    ],
}

PRONOUNS: dict[str, list[str]] = {
    "en": ["he", "she"],
    "ro": ["el", "ea", "acesta", "aceasta"],
    "ru": ["он", "она"],
    "uk": ["він", "вона"],
}

# Nouns that stand for a person named earlier ("the diplomat said", "a explicat oficialul").
ROLES: dict[str, list[str]] = {
    "en": [r"spokes(?:man|woman|person)", "diplomat", "minister", "president", r"president-elect", "official",
           "envoy", "secretary", "ambassador", "chancellor", "leader", "chief", "aide", "adviser", "advisor",
           "negotiator", "premier", "senator", "lawmaker", "general", "commander", "head"],
    "ro": [r"purtătorul de cuvânt", "diplomatul", "ministrul", "președintele", "oficialul", "emisarul",
           "liderul", "consilierul", "ambasadorul", "negociatorul", "șeful"],
    "ru": [r"пресс-секретарь", "министр", "президент", "глава", "дипломат", "посол", "спикер", "лидер",
           "представитель", "советник"],
    "uk": ["речник", "міністр", "президент", "очільник", "дипломат", "посол", "лідер", "представник", "радник"],
}


# Verbs after which the speaker may follow ("said Peskov", "a explicat Peskov", "according to Trump").
INVERTING: dict[str, str] = {
    "en": r"(?:says|said|added|adds|asked|according to|wrote|writes|continued|noted|explained|stressed|told)",
}


@lru_cache(maxsize=None)
def inverting_pattern(lang: str) -> re.Pattern[str] | None:
    """Verbs of a language after which the speaker may be named; None where any verb may invert."""
    words = INVERTING.get(lang)
    return re.compile(r"^(?:" + words + r")$", re.IGNORECASE) if words else None


def _compile(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=None)
def speech_pattern(lang: str) -> re.Pattern[str]:
    """Reporting verbs of a language (English's for languages without a list)."""
    return _compile(SPEECH_VERBS.get(lang, SPEECH_VERBS["en"]))


@lru_cache(maxsize=None)
def pronoun_pattern(lang: str) -> re.Pattern[str]:
    """Third-person subject pronouns of a language."""
    return _compile(PRONOUNS.get(lang, PRONOUNS["en"]))


@lru_cache(maxsize=None)
def role_pattern(lang: str) -> re.Pattern[str]:
    """Role nouns that refer back to a person named earlier."""
    return _compile(ROLES.get(lang, ROLES["en"]))


# Transcript labels that denote an office, not a name: the holder on the document's date speaks.
OFFICE_HOLDERS: dict[str, list[tuple[date, str]]] = {
    "THE PRESIDENT": [(date(2009, 1, 20), "Barack Obama"), (date(2017, 1, 20), "Donald Trump"),
                      (date(2021, 1, 20), "Joe Biden"), (date(2025, 1, 20), "Donald Trump")],
    "THE VICE PRESIDENT": [(date(2009, 1, 20), "Joe Biden"), (date(2017, 1, 20), "Mike Pence"),
                           (date(2021, 1, 20), "Kamala Harris"), (date(2025, 1, 20), "JD Vance")],
    "THE FIRST LADY": [(date(2009, 1, 20), "Michelle Obama"), (date(2017, 1, 20), "Melania Trump"),
                       (date(2021, 1, 20), "Jill Biden"), (date(2025, 1, 20), "Melania Trump")],
}

# Upper-case transcript labels of people who are not named: their turns are nobody's quotes.
ANONYMOUS_LABELS = frozenset({
    "Q", "MODERATOR", "SENIOR ADMINISTRATION OFFICIAL", "SENIOR ADMINISTRATION OFFICIALS", "ADMINISTRATION OFFICIAL",
    "SENIOR STATE DEPARTMENT OFFICIAL", "SENIOR DEFENSE OFFICIAL", "AUDIENCE", "AUDIENCE MEMBER", "AUDIENCE MEMBERS",
    "PARTICIPANT", "PARTICIPANTS", "AIDE", "CHILD", "CHILDREN", "STAFF", "OPERATOR", "REPORTER", "QUESTION", "ANSWER",
    "INTERPRETER", "CROWD", "STUDENT", "SPEAKER", "OFFICIAL", "AIR FORCE ONE CREW MEMBER", "PRESS",
})
# The same in Kremlin-style transcripts ("Question:", "Вопрос:").
ANONYMOUS_MIXED_LABELS = frozenset({
    "question", "remark", "reply", "response", "answer", "moderator", "participant", "audience", "interpreter",
    "journalist", "reporter", "comment", "вопрос", "реплика", "ответ", "ведущий", "журналист", "запитання", "питання",
    "ведучий", "журналіст", "întrebare", "moderator", "jurnalist",
})

# Titles that present the whole text as one person's words; the person is named after them.
STATEMENT_HEADS: dict[str, str] = {
    "en": r"(?:Statement|Remarks|Speech|Address|Message|Video\s+Address|Video\s+Message|Letter|Op-Ed|Opening\s+Remarks|"
          r"Closing\s+Remarks|Briefing|Press\s+Briefing|Keynote\s+Address)\s+(?:by|of|from)\s+",
    "ro": r"(?:Declarația|Discursul|Mesajul|Alocuțiunea|Scrisoarea)\s+",
    "ru": r"(?:Обращение|Заявление|Выступление|Речь|Брифинг|Послание)\s+",
    "uk": r"(?:Звернення|Заява|Виступ|Промова|Брифінг|Послання)\s+",
}
# Where the name after a statement head ends ("… President Biden on the Anniversary …").
TITLE_TAIL: dict[str, str] = {
    "en": r"\s+(?:on|to|at|in|for|before|during|regarding|about|after|following|with|upon|marking|announcing|"
          r"celebrating|honoring|commemorating)\b|\s*[:(;]|\s+[–—-]\s",
    "ro": r"\s+(?:despre|privind|la|în|cu|pentru|cu ocazia)\b|\s*[:(;]|\s+[–—-]\s",
    "ru": r"\s+(?:о|об|по|на|в|во|к|перед|после|с|для)\b|\s*[:(;]|\s+[–—-]\s",
    "uk": r"\s+(?:про|щодо|на|в|у|до|перед|після|з|для)\b|\s*[:(;]|\s+[–—-]\s",
}


@lru_cache(maxsize=None)
def title_tail_pattern(lang: str) -> re.Pattern[str]:
    """Where the name after a statement head ends."""
    return re.compile(TITLE_TAIL.get(lang, TITLE_TAIL["en"]))


@lru_cache(maxsize=None)
def statement_pattern(lang: str) -> re.Pattern[str]:
    """The head of a title that presents the text as one person's words ("Statement by", "Звернення")."""
    return re.compile(r"^(?:" + STATEMENT_HEADS.get(lang, STATEMENT_HEADS["en"]) + r")")


# Subjects that stand for both parties of a conversation ("The interlocutors reaffirmed …").
GROUPS: dict[str, str] = {
    "en": r"(?:both|the two) (?:leaders|presidents|sides|ministers|interlocutors|heads of state)|the (?:interlocutors|two leaders)",
    "ro": r"(?:cei doi|ambii) (?:lideri|președinți|miniștri|interlocutori)|interlocutorii|părțile",
    "ru": r"(?:оба|два) (?:лидера|президента|министра)|собеседники|стороны",
    "uk": r"(?:обидва|два) (?:лідери|президенти|міністри)|співрозмовники|сторони",
}


@lru_cache(maxsize=None)
def group_pattern(lang: str) -> re.Pattern[str]:
    """Subjects that mean both parties of a conversation, at the end of the words before a verb."""
    return re.compile(r"(?i)(?<!\w)(?:" + GROUPS.get(lang, GROUPS["en"]) + r")$")


# Words of an office in an English title ("Statement by NSC Spokesperson Emily Horne"): not part of a name.
ROLE_WORDS = frozenset("""
president vice prime minister secretary press deputy principal senior advisor adviser chief spokesperson spokesman
spokeswoman nsc national security director coordinator assistant counselor special envoy administrator acting
ambassador representative first lady second gentleman foreign head office council communications strategic
homeland domestic policy economic treasury state defense leader majority minority speaker senator governor mayor
attorney general surgeon white house of the to for u.s. us united states trade climate cabinet chair chairman
chairwoman commissioner former his her majesty king queen excellency mr. ms. mrs. dr. sir madam
""".split())
