"""Matching a free-text job title to the nearest job family: pure functions on the families' words.

A weighted token overlap: a word found in a family's title or aliases counts more than one in
its keywords, which counts more than one in its competencies, and words that many families
share ("manager", "engineer") count less than rare ones ("hygienist"). The last word of a title
names the job, so a family that only matches a side word ("flight" in "flight attendant") is
not used. Predictable, explainable and instant, with no model to load.
"""

from __future__ import annotations

import difflib
import math
import os
import re
from dataclasses import dataclass

from mockint.domain import Role
from mockint.text import names_any

# Field weights for matching: naming the role beats describing its work.
NAME_WEIGHT = 3.0
KEYWORD_WEIGHT = 2.0
COMPETENCY_WEIGHT = 1.0
# A title's last word known to at most this many families names the job; more, and it is generic ("manager").
# Three, since registered nurses, dental nurses and nursery nurses (early years) share "nurse".
SPECIFIC_HEAD_FAMILIES = 3
# What a word for a person doing a job looks like ("electrician", "solicitor", "nurse"), unlike "chain" or "project".
PERSON_NOUN = re.compile(r"(?:er|or|ist|ian|ant|man|person|wife|nurse|pilot|chef|counsel|captain|surgeon|agent|clerk|paralegal|medic)$")
NOT_A_JOB = frozenset({"student", "partner", "member", "owner", "user", "customer"})
# Last words that make a title a management job, whatever the field.
MANAGING_WORDS = frozenset({"manager", "supervisor", "director", "head", "chief", "administrator", "coordinator"})
# Below this a match is a coincidence (one shared common word), so the general role is used.
MIN_SCORE = 3.0
# Another role is offered as "also close" when it scores at least this share of the best.
ALSO_RATIO = 0.5
MAX_ALSO = 3
# A misspelt word ("acountant") still counts, a little less, when it is this close to a known one.
TYPO_CUTOFF = 0.85
TYPO_FACTOR = 0.8
# How common (wordfreq's Zipf scale) a word must be to be read as itself, never as a typo of a known word:
# "layer" (4.4) and "waiter" (3.6) are words; "acountant" and "electritian" (0.0), "plumer" (1.9) are typos.
REAL_WORD_ZIPF = 3.0
# Endings that make another word of the same stem, not a typo of it ("architectur-al", "-e").
# "-or" and "-er" too: a conservator is not conservation, a planner not planning.
WORD_ENDINGS = frozenset("e al ic ical y ure ural ing ed ment ion ive ism ist is s or er".split())

# Words that say nothing about which role it is: grammar and seniority.
IGNORED_WORDS = frozenset(
    "a an the of and for in at to with on or my i am as role job position level "
    "senior sr snr junior jr jnr lead principal staff associate entry mid ii iii iv intern trainee graduate "
    "band".split()
)
SMALL_WORDS = frozenset("a an the of and for in at to with on or".split())
_WORD_PATTERN = re.compile(r"[a-z0-9][a-z0-9+#]*")


@dataclass(frozen=True)
class Entry:
    """A loaded role with the names and words used to match free text to it."""

    role: Role
    names: tuple[tuple[str, ...], ...]
    weights: dict[str, float]
    spellings: dict[str, str]
    not_titles: tuple[str, ...] = ()  # word starts of titles the family does not cover, though its words match
    only_titles: tuple[str, ...] = ()  # word starts one of which a title needs for this family (none: any title)


# ---- matching (pure) ----------------------------------------------------------


def normalise(text: str) -> list[str]:
    """The words of a title that can tell roles apart: lowercased, singular, no filler."""
    # "glassblower's assistant": the possessive is not a word of its own
    text = re.sub(r"['\u2019]s\b", "", text.lower()).replace("&", " and ")
    # "Year 4 Class Teacher", "2nd year apprentice": a school year or a year of training, like a grade, not the job
    # (nor the "years" of "early years")
    text = re.sub(r"\byears? (?=\d)|(?<=\d)(?:st|nd|rd|th)? years?\b|\b(?:first|second|third|final) years?\b",
                  " ", text)
    words = _WORD_PATTERN.findall(text)
    # A bare number is a grade or a level ("Band 6", "Level 3"), never the job.
    return [_singular(w) for w in words if w not in IGNORED_WORDS and not w.isdigit()]


def _singular(word: str) -> str:
    """A light stemmer: plurals to singular, which is all job titles need."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def rank_words(words: list[str], entries: list[Entry]) -> list[tuple[float, Role]]:
    """Every role with its match score for the given normalised words, best first."""
    document_count: dict[str, int] = {}
    for entry in entries:
        for word in entry.weights:
            document_count[word] = document_count.get(word, 0) + 1
    vocabulary = sorted(document_count)
    rarity = {w: 1.0 + math.log((len(entries) + 1) / n) for w, n in document_count.items()}

    # Each unknown word is replaced by its nearest known spelling, at a discount.
    found: list[tuple[str, float]] = []
    for word in dict.fromkeys(words):
        if word in rarity:
            found.append((word, 1.0))
        elif len(word) >= 5:
            known = _typo_of(word, vocabulary)
            if known:
                found.append((known, TYPO_FACTOR))

    scored = []
    for entry in entries:
        score = sum(entry.weights.get(w, 0.0) * rarity[w] * factor for w, factor in found)
        # A whole alias inside the text ("math teacher" in "high school math teacher") counts again.
        phrase = max((sum(rarity.get(w, 0.0) for w in name) for name in entry.names
                      if len(name) > 1 and _contains(words, name)), default=0.0)
        scored.append((score + phrase, entry.role))
    return sorted(scored, key=lambda pair: (-pair[0], pair[1].title))


def confident(words: list[str], ranked: list[tuple[float, Role]], entries: list[Entry]) -> list[tuple[float, Role]]:
    """The ranking with matches that rest on a side word removed (scored 0).

    The last word of a job title names the job ("air traffic *controller*", "flight
    *attendant*"). When that word belongs to at most three families, a family must know it and
    account for at least half of the title's known words: "flight" alone does not make a
    flight attendant a pilot, nor "controller" an air traffic controller an accountant. When
    the last word is one many jobs share ("manager", "clerk", "technician") or one no family
    knows, the other words decide: the family must match two of them, or one of its own job
    names ("payroll clerk": "payroll" is in the accountant family's "payroll specialist"), and
    for a management title ("dental practice manager") the family must have managers of its own.
    A last word that names no job ("partner") leaves it to the other words; one that a family knows
    only from its competencies' wording ("crew"), or only inside a longer name the title does not
    have ("call handler" for a claims handler), does not name that family's job.
    """
    if not words:
        return ranked
    vocabulary = sorted({w for e in entries for w in e.weights})
    words = [_spelled(w, vocabulary) or w for w in words]
    weights = {e.role.key: e.weights for e in entries}
    names = {e.role.key: e.names for e in entries}
    name_words = {e.role.key: {w for name in e.names for w in name} for e in entries}
    known = [w for w in dict.fromkeys(words) if any(w in e.weights for e in entries)]
    head = words[-1]
    # "partner", "member", "owner": a last word that names no job on its own leaves the other words to decide
    head_families = 0 if head in NOT_A_JOB else sum(head in e.weights for e in entries)
    # An everyday word no family knows ("mason") names a job none of them covers, as a person noun does.
    unknown_job = head_families == 0 and head not in NOT_A_JOB and _everyday(head)
    kept = []
    for score, role in ranked:
        own = weights[role.key]
        explained = [w for w in known if w in own]
        if 1 <= head_families <= SPECIFIC_HEAD_FAMILIES:
            # A last word the family knows only from its competencies' wording ("crew") does not name its job.
            ok = (head in explained and own[head] >= KEYWORD_WEIGHT and len(explained) * 2 >= len(known)
                  and _names_job(words, names[role.key], own))
        else:
            others = [w for w in explained if w != head]
            # ...and explain at least half the title's known words ("revenue" alone is not a revenue protection
            # inspector), and not rest on another job's name used as a modifier ("pilot" in "ROV pilot technician").
            ok = (len(others) >= 2 or any(own[w] >= NAME_WEIGHT for w in others)) and len(explained) * 2 >= len(known)
            # ("banker mason": a stonemason's bench is a banker, and no bank questions follow)
            ok = ok and not ((PERSON_NOUN.search(head) or unknown_job) and head not in own and others
                             and all(PERSON_NOUN.search(w) for w in others))
            # A "dental practice manager" manages: a family with no managers of its own does not fit.
            ok = ok and (head not in MANAGING_WORDS or head in name_words[role.key])
        kept.append((score if ok else 0.0, role))
    return sorted(kept, key=lambda pair: (-pair[0], pair[1].title))


def _names_job(words: list[str], names: tuple[tuple[str, ...], ...], known: dict[str, float]) -> bool:
    """Whether the title's last word can name a job of this family. It cannot when the family knows
    the word only inside longer names ("call handler") that the title does not contain, and none of
    the title's other words is one the family knows: a claims handler is not a call handler. A
    one-word name ("nurse"), a name the title contains ("dental nurse"), or a side word the family
    knows ("medicine" in "internal medicine resident", whose family says "medical resident") will do."""
    head = words[-1]
    with_head = [name for name in names if name[-1] == head]
    if not with_head and any(head in name[:-1] for name in names):
        # "coach" only in "coach driver": a work coach or a football coach names another job
        return any(w in known for w in words[:-1])
    if not with_head or any(all(w in words for w in name) for name in with_head):
        return True
    return any(w in known for w in words[:-1])


def _everyday(word: str) -> bool:
    """Whether a word is in everyday English use (not an acronym, a grade or a typo)."""
    from wordfreq import zipf_frequency  # loads its word list on first use

    return word.isalpha() and len(word) >= 4 and zipf_frequency(word, "en") >= REAL_WORD_ZIPF


def _spelled(word: str, vocabulary: list[str]) -> str | None:
    """The known word a (possibly misspelt) word stands for, or None."""
    if word in vocabulary or len(word) < 5:
        return word if word in vocabulary else None
    return _typo_of(word, vocabulary)


def _typo_of(word: str, vocabulary: list[str]) -> str | None:
    """The known word a misspelt word stands for, or None.

    Close in spelling is not enough: a typo keeps the first letter and about the length
    ("acountant", "electritian"), and another ending on the same stem is another word
    ("architectural" is not the security family's "architecture", "analysis" not "analyst",
    "operating" not "operation");
    "ecologist" is not "technologist".
    """
    from wordfreq import zipf_frequency  # loads its word list on first use

    if zipf_frequency(word, "en") >= REAL_WORD_ZIPF:
        return None  # a word in everyday use is that word: a floor "layer" is no "lawyer", a "fitter" no "fighter"
    for known in difflib.get_close_matches(word, vocabulary, n=3, cutoff=TYPO_CUTOFF):
        stem = len(os.path.commonprefix([word, known]))
        # "operati-ng" and "operati-on" share a letter of their endings: step back to "-ing", "-ion".
        other_ending = any(word[cut:] in WORD_ENDINGS and known[cut:] in WORD_ENDINGS
                           for cut in range(max(stem - 2, 1), stem + 1))
        # A short word one letter longer than a known one is usually another word ("waiter", "water").
        longer_ok = len(word) <= len(known) or (len(word) == len(known) + 1 and len(known) >= 8)
        if known[0] == word[0] and abs(len(known) - len(word)) <= 1 and longer_ok and not other_ending:
            return known
    return None


def covers(entry: Entry, title: str) -> bool:
    """Whether a family may be matched to this title: none of its `not_titles` begins a word of it
    (the dental team is patient-facing: a dental *technician* works in a lab, an *equine* dentist on horses),
    and one of its `only_titles` does if it has any. A family that cannot take the title does not count
    towards making its last word generic ("school nurse" stays a nurse's job beside the veterinary team)."""
    if entry.only_titles and not names_any(title, entry.only_titles):
        return False
    return not names_any(title, entry.not_titles)


def choose(ranked: list[tuple[float, Role]], fallback: Role,
            raw: list[tuple[float, Role]] | None = None) -> tuple[Role, list[Role]]:
    """The role to use and the other close ones; the fallback when nothing fits or the best is a tie.

    `ranked` decides the role; `raw` (the ranking before side-word matches were removed) says
    which other families are close enough to offer.
    """
    strong = [(s, r) for s, r in ranked if s >= MIN_SCORE]
    if not strong:
        return fallback, [r for s, r in (raw or []) if s >= MIN_SCORE][:MAX_ALSO]
    best_score = strong[0][0]
    if len(strong) > 1 and math.isclose(strong[1][0], best_score):
        # "manager" fits five roles equally: say so rather than pick one at random.
        return fallback, [r for _, r in strong[:MAX_ALSO]]
    close = [(s, r) for s, r in (raw or strong) if r.key != strong[0][1].key and s >= MIN_SCORE]
    also = [r for s, r in close if s >= ALSO_RATIO * best_score]
    return strong[0][1], also[:MAX_ALSO]


def settled_by_setting(setting: list[str], words: list[str], close: list[Entry]) -> Role | None:
    """The family a bracketed or dashed setting (normalised words) picks among the ones the job word alone leaves
    tied, or None.

    "Porter" is a kitchen, hotel or hospital porter; "Porter (hospital)" says which. The setting is
    read as if written before the job ("hospital porter"), and only chooses among the families the
    job word already named, so an employer in brackets ("Cleaner (Network Rail)") never brings in
    a family of its own, and the setting must make one of their job names ("hospital porter").
    """
    if not setting or not close:
        return None
    read = setting + words
    named = [entry.role for entry in close
             if any(len(name) > len(words) and tuple(read[-len(name):]) == name for name in entry.names)]
    # Only a job name the family itself has counts: a shared side word ("house" in "Software House",
    # "billing" in "energy billing") would pick a family by chance.
    return named[0] if len(named) == 1 else None


def _contains(words: list[str], phrase: tuple[str, ...]) -> bool:
    """Whether the phrase appears in the words as a contiguous run."""
    n = len(phrase)
    return any(tuple(words[i:i + n]) == phrase for i in range(len(words) - n + 1))


def tidy_title(text: str, display: dict[str, str]) -> str:
    """The title as the candidate meant it: capitalised words, known acronyms as written ("ICU", "iOS")."""
    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        lower = word.lower()
        if lower in display:
            return display[lower]
        if word != lower:
            return word  # the candidate chose the casing ("McKinsey"): keep it
        if lower in SMALL_WORDS and match.start() > 0:
            return lower
        return word.capitalize()

    return re.sub(r"[A-Za-z0-9+#]+", fix, text)
