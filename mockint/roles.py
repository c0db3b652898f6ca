"""Role files: load and check prompts/roles/*.toml, and map any job title to the nearest role.

A role file holds a title, aliases and keywords (used only for matching), what first and
second rounds cover, the competencies, and a bank of second-round questions. The format is
the one in general.toml; every file is checked on load so that a broken edit fails with one
line naming the file instead of a traceback halfway through a session.

Matching free text ("pediatric dental hygienist") is a weighted token overlap: a word found in
a role's title or aliases counts more than one in its keywords, which counts more than one in
its competencies, and words that many roles share ("manager", "engineer") count less than rare
ones ("hygienist"). That keeps it predictable, explainable and instant, with no model to load.
"""

from __future__ import annotations

import difflib
import functools
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from mockint.data import data_path, load_toml
from mockint.domain import Question, QuestionKind, Role
from mockint.errors import UserError

FALLBACK_KEY = "general"
MIN_BANK_QUESTIONS = 12

# Field weights for matching: naming the role beats describing its work.
NAME_WEIGHT = 3.0
KEYWORD_WEIGHT = 2.0
COMPETENCY_WEIGHT = 1.0
# A title's last word known to at most this many families names the job; more, and it is generic ("manager").
SPECIFIC_HEAD_FAMILIES = 2
# What a word for a person doing a job looks like ("electrician", "solicitor", "nurse"), unlike "chain" or "project".
PERSON_NOUN = re.compile(r"(?:er|or|ist|ian|ant|man|person|wife|nurse|pilot|chef|counsel|captain|surgeon|agent|clerk)$")
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

# Words that say nothing about which role it is: grammar and seniority.
IGNORED_WORDS = frozenset(
    "a an the of and for in at to with on or my i am as role job position level "
    "senior sr junior jr lead principal staff associate entry mid ii iii iv intern trainee graduate".split()
)
SMALL_WORDS = frozenset("a an the of and for in at to with on or".split())
_KEY_PATTERN = re.compile(r"[a-z0-9_]+")
_WORD_PATTERN = re.compile(r"[a-z0-9][a-z0-9+#]*")


class _BankEntry(BaseModel):
    """One question as written in a role file."""

    model_config = ConfigDict(extra="forbid")

    text: str
    kind: Literal["technical", "behavioral", "situational", "culture"]
    competency: str
    reason: str = ""
    level: Literal["core", "hard"] = "core"
    talking_points: list[str] = []
    twist: str = ""


class _RoleFile(BaseModel):
    """The schema of a role file; unknown fields are errors so typos are caught."""

    model_config = ConfigDict(extra="forbid")

    title: str
    aliases: list[str] = []
    keywords: list[str] = []
    summary: str = ""
    competencies: list[str]
    first_round: list[str] = []
    second_round: list[str] = []
    questions: list[_BankEntry]


@dataclass(frozen=True)
class _Entry:
    """A loaded role with the names and words used to match free text to it."""

    role: Role
    names: tuple[tuple[str, ...], ...]
    weights: dict[str, float]
    spellings: dict[str, str]


class RoleMatch(BaseModel):
    """What the candidate typed, tidied, and the built-in role whose bank is used for it."""

    title: str
    role: Role
    also: list[Role] = []
    exact: bool = False


def roles_dir() -> Path:
    """The folder of role files ($MOCKINT_PROMPTS/roles)."""
    return data_path("roles")


def list_roles() -> list[Role]:
    """All roles, sorted by title, with the general fallback last."""
    return [entry.role.model_copy(deep=True) for entry in _load_entries()]


def load_role(key: str) -> Role:
    """The role in roles/<key>.toml, checked; UserError if it is missing or broken."""
    path = roles_dir() / f"{key}.toml"
    if not _KEY_PATTERN.fullmatch(key) or not path.is_file():
        known = ", ".join(sorted(p.stem for p in _role_files()))
        raise UserError(f"No role '{key}'. Known roles: {known or 'none'}.")
    return _load_entry(path).role.model_copy(deep=True)


def resolve_role(text: str, family: str | None = None) -> RoleMatch:
    """The nearest built-in role for any job title; the general role when nothing fits.

    `family` (a family's key or title, e.g. from `--family`) overrides the match: the
    candidate keeps their own title and gets that family's questions.
    """
    title = " ".join(text.replace("_", " ").split())
    if family:
        if not title:
            raise UserError("The role is empty. Type the job title you are interviewing for, e.g. 'Data Scientist'.")
        chosen = choose_family(family)
        entries = _load_entries()
        display = {lower: form for entry in entries for lower, form in entry.spellings.items()}
        return RoleMatch(title=tidy_title(title, display), role=chosen, exact=False).model_copy(deep=True)
    if not title:
        raise UserError("The role is empty. Type the job title you are interviewing for, e.g. 'Data Scientist'.")
    entries = _load_entries()
    fallback = next((e.role for e in entries if e.role.key == FALLBACK_KEY), None)
    if fallback is None:
        raise UserError(f"The fallback role file {roles_dir() / (FALLBACK_KEY + '.toml')} is missing. Restore it.")
    display = {lower: form for entry in entries for lower, form in entry.spellings.items()}
    words = normalise(title)
    for entry in entries:
        if words and tuple(words) in entry.names:
            return RoleMatch(title=tidy_title(title, display), role=entry.role, exact=True).model_copy(deep=True)
    candidates = [e for e in entries if e.role.key != FALLBACK_KEY]
    ranked = _rank(words, candidates)
    role, also = _choose(_confident(words, ranked, candidates), fallback, ranked)
    return RoleMatch(title=tidy_title(title, display), role=role, also=also).model_copy(deep=True)


def rank_families(text: str) -> list[tuple[Role, float]]:
    """Every job family with how closely it matches a job title, closest first; General last.

    The score is the weighted word overlap `resolve_role` uses (0 when nothing is shared), so a
    candidate can be offered the next-closest families to choose from.
    """
    entries = _load_entries()
    candidates = [e for e in entries if e.role.key != FALLBACK_KEY]
    ranked = [(role.model_copy(deep=True), round(score, 2)) for score, role in _rank(normalise(text), candidates)]
    fallback = [(e.role.model_copy(deep=True), 0.0) for e in entries if e.role.key == FALLBACK_KEY]
    return ranked + fallback


def choose_family(choice: str) -> Role:
    """A job family by its key ("airline_pilot"), its title ("Airline Pilot") or a title it covers ("pilot")."""
    wanted = " ".join(choice.replace("_", " ").split()).lower()
    if not wanted:
        raise UserError("The family is empty. Name one of: " + ", ".join(e.role.key for e in _load_entries()) + ".")
    for entry in _load_entries():
        if wanted in (entry.role.key.replace("_", " "), entry.role.title.lower()) or tuple(normalise(wanted)) in entry.names:
            return entry.role.model_copy(deep=True)
    known = ", ".join(e.role.key for e in _load_entries())
    raise UserError(f"No job family '{choice}'. Pick one of: {known} (mockint roles lists them).")


def identity_words(key: str) -> frozenset[str]:
    """The words that name a family's own job ("lawyer", "electrician"): a question using one presumes that job.

    They are the last words of the family's title and aliases, less the ones many jobs share
    ("manager", "engineer", "specialist"), which say nothing about which job it is.
    """
    entries = _load_entries()
    heads: dict[str, set[str]] = {}
    for entry in entries:
        for name in entry.names:
            heads.setdefault(name[-1], set()).add(entry.role.key)
    entry = next((e for e in entries if e.role.key == key), None)
    if entry is None:
        return frozenset()
    return frozenset(name[-1] for name in entry.names
                     if len(heads[name[-1]]) == 1 and PERSON_NOUN.search(name[-1]) and name[-1] not in NOT_A_JOB)


# ---- matching (pure) ----------------------------------------------------------


def normalise(text: str) -> list[str]:
    """The words of a title that can tell roles apart: lowercased, singular, no filler."""
    words = _WORD_PATTERN.findall(text.lower().replace("&", " and "))
    return [_singular(w) for w in words if w not in IGNORED_WORDS]


def _singular(word: str) -> str:
    """A light stemmer: plurals to singular, which is all job titles need."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _rank(words: list[str], entries: list[_Entry]) -> list[tuple[float, Role]]:
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
            close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=TYPO_CUTOFF)
            if close:
                found.append((close[0], TYPO_FACTOR))

    scored = []
    for entry in entries:
        score = sum(entry.weights.get(w, 0.0) * rarity[w] * factor for w, factor in found)
        # A whole alias inside the text ("math teacher" in "high school math teacher") counts again.
        phrase = max((sum(rarity.get(w, 0.0) for w in name) for name in entry.names
                      if len(name) > 1 and _contains(words, name)), default=0.0)
        scored.append((score + phrase, entry.role))
    return sorted(scored, key=lambda pair: (-pair[0], pair[1].title))


def _confident(words: list[str], ranked: list[tuple[float, Role]], entries: list[_Entry]) -> list[tuple[float, Role]]:
    """The ranking with matches that rest on a side word removed (scored 0).

    The last word of a job title names the job ("air traffic *controller*", "flight
    *attendant*"). When that word belongs to one or two families, a family must know it and
    account for at least half of the title's known words: "flight" alone does not make a
    flight attendant a pilot, nor "controller" an air traffic controller an accountant. When
    the last word is one many jobs share ("manager", "clerk", "technician") or one no family
    knows, the other words decide: the family must match two of them, or one of its own job
    names ("payroll clerk": "payroll" is in the accountant family's "payroll specialist"), and
    for a management title ("dental practice manager") the family must have managers of its own.
    """
    if not words:
        return ranked
    vocabulary = sorted({w for e in entries for w in e.weights})
    words = [_spelled(w, vocabulary) or w for w in words]
    weights = {e.role.key: e.weights for e in entries}
    name_words = {e.role.key: {w for name in e.names for w in name} for e in entries}
    known = [w for w in dict.fromkeys(words) if any(w in e.weights for e in entries)]
    head = words[-1]
    head_families = sum(head in e.weights for e in entries)
    kept = []
    for score, role in ranked:
        own = weights[role.key]
        explained = [w for w in known if w in own]
        if 1 <= head_families <= SPECIFIC_HEAD_FAMILIES:
            ok = head in explained and len(explained) * 2 >= len(known)
        else:
            others = [w for w in explained if w != head]
            ok = len(others) >= 2 or any(own[w] >= NAME_WEIGHT for w in others)
            # A "dental practice manager" manages: a family with no managers of its own does not fit.
            ok = ok and (head not in MANAGING_WORDS or head in name_words[role.key])
        kept.append((score if ok else 0.0, role))
    return sorted(kept, key=lambda pair: (-pair[0], pair[1].title))


def _spelled(word: str, vocabulary: list[str]) -> str | None:
    """The known word a (possibly misspelt) word stands for, or None."""
    if word in vocabulary or len(word) < 5:
        return word if word in vocabulary else None
    close = difflib.get_close_matches(word, vocabulary, n=1, cutoff=TYPO_CUTOFF)
    return close[0] if close else None


def _choose(ranked: list[tuple[float, Role]], fallback: Role,
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


# ---- loading ------------------------------------------------------------------


def _role_files() -> list[Path]:
    """The role files present, in name order."""
    folder = roles_dir()
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def _load_entries() -> list[_Entry]:
    """Every role file, checked, sorted by title with the fallback last."""
    files = _role_files()
    if not files:
        raise UserError(f"No role files in {roles_dir()}. Point MOCKINT_PROMPTS at a prompts folder with roles/*.toml.")
    entries = [_load_entry(path) for path in files]
    return sorted(entries, key=lambda e: (e.role.key == FALLBACK_KEY, e.role.title.lower()))


def _load_entry(path: Path) -> _Entry:
    """One role file, parsed and checked once per version of the file."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise _broken(path, str(exc)) from None
    return _parse_entry(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def _parse_entry(path: Path, mtime_ns: int, size: int) -> _Entry:
    """One role file, parsed and checked, with its matching index (cached: the stamp says which version)."""
    try:
        spec = _RoleFile.model_validate(load_toml(path))
    except ValidationError as exc:
        raise _broken(path, _first_problem(exc)) from None
    problem = _bank_problem(spec)
    if problem:
        raise _broken(path, problem)

    role = Role(
        key=path.stem,
        title=spec.title.strip(),
        summary=spec.summary,
        competencies=spec.competencies,
        first_round=spec.first_round,
        second_round=spec.second_round,
        bank=[Question(text=" ".join(q.text.split()), kind=QuestionKind(q.kind), competency=q.competency,
                       reason=q.reason, source="bank", level=q.level, talking_points=q.talking_points,
                       twist=" ".join(q.twist.split())) for q in spec.questions],
    )
    names = {tuple(normalise(n)) for n in [path.stem, spec.title, *spec.aliases]} - {()}
    weights: dict[str, float] = {}
    for texts, weight in ((spec.competencies, COMPETENCY_WEIGHT), (spec.keywords, KEYWORD_WEIGHT),
                          ([path.stem, spec.title, *spec.aliases], NAME_WEIGHT)):
        for word in normalise(" ".join(texts)):
            weights[word] = max(weights.get(word, 0.0), weight)
    spellings = _spellings([spec.title, *spec.aliases, *spec.keywords])
    return _Entry(role=role, names=tuple(sorted(names)), weights=weights, spellings=spellings)


def _bank_problem(spec: _RoleFile) -> str | None:
    """What is wrong with a parsed role file's content, or None."""
    if not spec.title.strip():
        return "the title is empty"
    if len(spec.questions) < MIN_BANK_QUESTIONS:
        return f"it has {len(spec.questions)} questions; a role needs at least {MIN_BANK_QUESTIONS}"
    seen: set[str] = set()
    for number, question in enumerate(spec.questions, 1):
        text = " ".join(question.text.split())
        if not text.endswith("?"):
            return f"question {number} does not end with '?': {text[:60]!r}"
        if question.competency not in spec.competencies:
            return f"question {number} names competency {question.competency!r}, which is not in competencies"
        if text.lower() in seen:
            return f"question {number} repeats an earlier question"
        seen.add(text.lower())
    return None


def _first_problem(exc: ValidationError) -> str:
    """The first schema error of a role file, said in one line ("question 4, kind: Input should be ...")."""
    errors = exc.errors()
    parts: list[str] = []
    for part in errors[0]["loc"]:
        if isinstance(part, int):
            parts[-1] = f"question {part + 1}" if parts[-1] == "questions" else f"{parts[-1]} item {part + 1}"
        else:
            parts.append(str(part))
    more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
    return f"{', '.join(parts) or 'file'}: {errors[0]['msg']}{more}"


def _broken(path: Path, problem: str) -> UserError:
    """The one-line error for a role file that cannot be used."""
    return UserError(f"Role file {path} is broken: {problem}. Fix it (prompts/roles/README.md describes the format).")


def _spellings(texts: list[str]) -> dict[str, str]:
    """How a role file writes words with capitals ("ICU", "iOS", "DevOps"), keyed by the lowercase word."""
    forms: dict[str, str] = {}
    for word in re.findall(r"[A-Za-z0-9+#]+", " ".join(texts)):
        if word != word.lower() and word != word.capitalize():
            forms.setdefault(word.lower(), word)
    return forms
