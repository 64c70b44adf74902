"""Names in natural case from the dictionaries' underscored upper case, and the words that tell
a person's name from an institution's."""

from __future__ import annotations

import re

from petrarch2.rules import INSTITUTION_WORDS, LOWER_PARTICLES, MONTHS, TITLES

# Longer spellings are descriptions, rarely written verbatim, and every extra token slows the matcher,
# which tries names up to the longest one (counted as it counts them, a hyphen being a token): 13
# is the longest in the authored files.
MAX_TOKENS = 13


_ROMAN = {"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV", "XVI"}
INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]?\.?")
# Name particles written in lower case inside names ("Bashar al-Assad", "Ursula von der Leyen");
# English function words are lower case only in organisation names.
_NAME_PARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "ud", "ul", "bin", "bint", "ibn", "de", "da",
                   "das", "do", "dos", "di", "del", "della", "der", "den", "van", "von", "le", "la", "du", "y"}
# In East and South-East Asian names "Van", "Le", "Da" are name parts, not particles.
_NO_PARTICLES = {"VNM", "CHN", "TWN", "HKG", "KOR", "PRK", "JPN", "KHM", "LAO", "MMR", "THA", "MNG"}


def words_of(raw: str) -> list[str]:
    return [w for w in re.split(r"[_\s]+", raw.strip().strip("_")) if w]


def _cap(part: str) -> str:
    if "'" in part:
        head, _, tail = part.partition("'")
        if len(head) <= 1:  # O'Neill, D'Escoto, 'Aziz
            return head.upper() + "'" + _cap(tail) if tail else head.upper() + "'"
        return _cap(head) + "'" + tail.lower()  # People's, Baha'i
    if part.startswith("MC") and len(part) > 3 and part[2:].isalpha():
        return "Mc" + part[2:].capitalize()
    return part.capitalize()


_ABBREVIATIONS = {"US", "UK", "UN", "EU", "USA", "UAE", "NATO", "JR.", "SR."}


def case_word(word: str, *, first: bool, org: bool, particles: bool) -> str:
    if any(c.isdigit() for c in word) or INITIALS.fullmatch(word) or len(word) == 1 or word in _ROMAN:
        return word
    if word in _ABBREVIATIONS:
        return word.capitalize() if word.endswith(".") else word
    if org and word.isupper() and (not re.search(r"[AEIOUY]", word) or "&" in word or (
            "/" in word and all(len(p) <= 4 for p in word.split("/")))):
        return word  # BBC, AT&T, DHKP/C
    if "/" in word:
        return "/".join(case_word(p, first=first, org=org, particles=particles) for p in word.split("/"))
    parts = word.split("-")
    out = []
    for i, part in enumerate(parts):
        low = part.lower()
        if not part:
            out.append(part)
        elif particles and low in _NAME_PARTICLES and not (first and i == 0) and i < len(parts) - 1 or \
                particles and low in _NAME_PARTICLES and not first and len(parts) == 1:
            out.append(low)
        elif (org or low in ("of", "the", "and")) and low in LOWER_PARTICLES and not first and len(parts) == 1:
            out.append(low)
        else:
            out.append(_cap(part))
    return "-".join(out)


def natural_case(words: list[str], *, org: bool, country: str | None = None) -> str:
    """RECEP TAYYIP ERDOGAN -> Recep Tayyip Erdogan; BASHAR AL-ASSAD -> Bashar al-Assad;
    ANIMAL LIBERATION FRONT -> Animal Liberation Front; a one-word organisation of up to five
    letters is an acronym (UNDP, MONUC)."""
    if org and len(words) == 1 and words[0].isalpha():
        return words[0] if len(words[0]) <= 5 else _cap(words[0])
    if len(words) == 1 and words[0].isalpha() and not re.search(r"[AEIOUY]", words[0].upper()):
        return words[0].upper()  # FDR, JFK
    particles = country not in _NO_PARTICLES
    return " ".join(case_word(w, first=i == 0, org=org, particles=particles) for i, w in enumerate(words))


def capitalised(name: str) -> str:
    """The same name with every particle capitalised ('Bashar Al-Assad'), as some outlets write it."""
    return " ".join("-".join(p[:1].upper() + p[1:] if p.lower() in _NAME_PARTICLES else p for p in w.split("-"))
                    for w in name.split(" "))


def spellings(raw: str, *, org: bool, country: str | None) -> list[str]:
    """The surfaces one dictionary line gives: the name in natural case, the variant with
    capitalised particles, and a parenthesised acronym ('ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_')."""
    out: list[str] = []
    raw = clean(raw, org=org)
    acronyms = re.findall(r"\(([^()]*)\)", raw)
    raw = re.sub(r"\([^()]*\)", " ", raw)
    words = words_of(raw)
    if words:
        name = natural_case(words, org=org, country=country)
        out += [name, capitalised(name)]
        if org and name.split("-", 1)[0].lower() in _NAME_PARTICLES:
            out.append(name[:1].lower() + name[1:])  # "al-Qaida in Iraq" in running text
        if org and len(words) == 1 and words[0].isalpha():
            out += [words[0].upper(), _cap(words[0].upper())]  # UNAMID and Unamid, NATO and Nato
    for acronym in acronyms:
        acronym = acronym.strip("_ ")
        if re.fullmatch(r"[A-Z][A-Z0-9/-]{1,6}", acronym):
            out.append(acronym)
    return list(dict.fromkeys(s for s in out if _usable(s)))


def clean(raw: str, *, org: bool) -> str:
    """Repairs for the source's typing: backticks for apostrophes ('QABUS_IBN_SA`ID_'), quoted
    nicknames ('OSMAN_HASSAN_ALI_"ATO"'), unclosed notes ('STANKO_TODOROV (ACTING_'), and in a
    personal name what follows a comma, except a generational suffix ('ERIC_H._HOLDER,_JR._')."""
    raw = raw.replace("`", "'")
    raw = re.sub(r'"[^"]*"?', " ", raw)
    raw = re.sub(r"\([^()]*$", " ", raw)
    if not org and "," in raw:
        head, _, tail = raw.partition(",")
        suffix = words_of(tail.upper())[:1]
        raw = head + (f" {suffix[0]}" if suffix and suffix[0].rstrip(".") in ("JR", "SR") else "")
    return raw


def _usable(surface: str) -> bool:
    words = {w.upper() for w in surface.split()}
    if words & MONTHS and any(w.isdigit() for w in words):
        return False  # '21 June', '17 November': a date in running text
    return (all(c.isalpha() or c.isdigit() or c in " .'&/-," for c in surface)
            and sum(c.isalpha() for c in surface) >= 2 and len(surface.replace("-", " - ").split()) <= MAX_TOKENS)


def person_words(raw: str) -> list[str]:
    """The words of a personal name without leading titles: VICE_PRESIDENT_GERALD_FORD -> GERALD FORD."""
    words = words_of(re.sub(r"\([^()]*\)", " ", clean(raw, org=False).upper()))
    while words and (words[0] in TITLES or all(p in TITLES for p in words[0].split("-"))):
        words = words[1:]
    return words


def is_institution(raw: str) -> bool:
    words = person_words(raw)
    return not words or any(p in INSTITUTION_WORDS for w in words for p in w.split("-"))
