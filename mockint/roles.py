"""Role files: load and check prompts/roles/*.toml, and map any job title to the nearest role.

A role file holds a title, aliases and keywords (used only for matching), what first and
second rounds cover, the competencies, and a bank of second-round questions. The format is
the one in general.toml; every file is checked on load so that a broken edit fails with one
line naming the file instead of a traceback halfway through a session.

Matching free text ("pediatric dental hygienist") to a family is in role_matching.py; this
module loads the files, resolves a title, lists families by closeness and picks one by name.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from mockint.data import data_path, load_toml
from mockint.domain import Question, QuestionKind, Role
from mockint.errors import UserError
from mockint.role_matching import (  # noqa: F401  (normalise and tidy_title stay importable from here)
    COMPETENCY_WEIGHT, KEYWORD_WEIGHT, MIN_SCORE, NAME_WEIGHT, NOT_A_JOB, PERSON_NOUN, Entry, choose, confident, covers, normalise,
    rank_words, settled_by_setting, tidy_title,
)

FALLBACK_KEY = "general"
MIN_BANK_QUESTIONS = 12
SOLE_NAME_BONUS = 0.1  # see _parse_entry

_KEY_PATTERN = re.compile(r"[a-z0-9_]+")
# The parts of a typed title that qualify the job rather than name it: brackets, and what follows " - ".
JOB_PART = re.compile(r"\([^)]*\)|\[[^\]]*\]|\s[-\u2013\u2014]\s.*$")


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
    # Specialty within the family, by words of the candidate's title ("conveyanc" matches "Conveyancing Solicitor"):
    # asked only of titles with one of `for_titles` (when given) and none of `not_for`.
    for_titles: list[str] = []
    not_for: list[str] = []
    # Asked only of titles that lead people or a service ("manager", "head", "lead"): see bank.manages_people.
    for_managers: bool = False


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
    # Word starts of typed titles this family does not cover although its words match them ("technician"
    # for the dental team): such a title is matched to another family, or to the general one.
    not_titles: list[str] = []
    # Word starts one of which a typed title must have for this family ("vet", "veterinar"): its job words
    # ("nurse", "surgeon", "receptionist") are other families' too, and a "school nurse" is not its job.
    only_titles: list[str] = []
    questions: list[_BankEntry]


class RoleMatch(BaseModel):
    """What the candidate typed, tidied, and the built-in role whose bank is used for it."""

    title: str
    role: Role
    also: list[Role] = []
    exact: bool = False
    chosen: bool = False  # the candidate named the family (--family, or at the prompt)

    @property
    def mixed(self) -> bool:
        """Whether the family only approximates the title, so most of its questions give way to general ones.

        Measured by blind rating (tests/data/question_eval/blind3, 4 and 6): for titles a family
        matches without naming them, 35-49% of its questions would be asked verbatim, against
        89-100% of the general questions; after three rounds of tagging (blind15-18, 30 new titles
        each) still 76% (256/335) against 89% (450/504), so two questions in three are general."""
        return not (self.exact or self.chosen) and self.role.key != "general"


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
        return RoleMatch(title=tidy_title(title, display), role=chosen, exact=False, chosen=True).model_copy(deep=True)
    if not title:
        raise UserError("The role is empty. Type the job title you are interviewing for, e.g. 'Data Scientist'.")
    entries = _load_entries()
    fallback = next((e.role for e in entries if e.role.key == FALLBACK_KEY), None)
    if fallback is None:
        raise UserError(f"The fallback role file {roles_dir() / (FALLBACK_KEY + '.toml')} is missing. Restore it.")
    display = {lower: form for entry in entries for lower, form in entry.spellings.items()}
    # What is in brackets is an employer, a grade or a setting ("(Network Rail)", "(Band 5)"): the job is
    # named outside them, so they are matched only when nothing else is left.
    # So is what follows a dash ("Pupil Barrister - crime", "Estimator - MEP"): a specialty or a setting.
    words = normalise(JOB_PART.sub(" ", title)) or normalise(title)
    for entry in entries:
        if words and tuple(words) in entry.names:
            return RoleMatch(title=tidy_title(title, display), role=entry.role, exact=True).model_copy(deep=True)
    candidates = [e for e in entries if e.role.key != FALLBACK_KEY and covers(e, title)]
    ranked = rank_words(words, candidates)
    role, also = choose(confident(words, ranked, candidates), fallback, ranked)
    if role.key == FALLBACK_KEY and also:
        close = {r.key for score, r in ranked if score >= MIN_SCORE}
        setting = normalise(" ".join(part.strip(" ()[]-\u2013\u2014") for part in JOB_PART.findall(title)))
        role = settled_by_setting(setting, words, [e for e in candidates if e.role.key in close]) or role
        also = [r for r in also if r.key != role.key]
    return RoleMatch(title=tidy_title(title, display), role=role, also=also).model_copy(deep=True)


def rank_families(text: str) -> list[tuple[Role, float]]:
    """Every job family with how closely it matches a job title, closest first; General last.

    The score is the weighted word overlap `resolve_role` uses (0 when nothing is shared), so a
    candidate can be offered the next-closest families to choose from.
    """
    entries = _load_entries()
    candidates = [e for e in entries if e.role.key != FALLBACK_KEY]
    ranked = [(role.model_copy(deep=True), round(score, 2)) for score, role in rank_words(normalise(text), candidates)]
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


# ---- loading ------------------------------------------------------------------


def _role_files() -> list[Path]:
    """The role files present, in name order."""
    folder = roles_dir()
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def _load_entries() -> list[Entry]:
    """Every role file, checked, sorted by title with the fallback last."""
    files = _role_files()
    if not files:
        raise UserError(f"No role files in {roles_dir()}. Point MOCKINT_PROMPTS at a prompts folder with roles/*.toml.")
    entries = [_load_entry(path) for path in files]
    return sorted(entries, key=lambda e: (e.role.key == FALLBACK_KEY, e.role.title.lower()))


def _load_entry(path: Path) -> Entry:
    """One role file, parsed and checked once per version of the file."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise _broken(path, str(exc)) from None
    return _parse_entry(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def _parse_entry(path: Path, mtime_ns: int, size: int) -> Entry:
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
                       twist=" ".join(q.twist.split()), for_titles=q.for_titles, not_for=q.not_for,
                       for_managers=q.for_managers)
              for q in spec.questions],
    )
    names = {tuple(normalise(n)) for n in [path.stem, spec.title, *spec.aliases]} - {()}
    weights: dict[str, float] = {}
    for texts, weight in ((spec.competencies, COMPETENCY_WEIGHT), (spec.keywords, KEYWORD_WEIGHT),
                          ([path.stem, spec.title, *spec.aliases], NAME_WEIGHT)):
        for word in normalise(" ".join(texts)):
            weights[word] = max(weights.get(word, 0.0), weight)
    # A word that is one of the family's job names on its own ("nurse", "chef") outweighs the same word inside
    # another family's longer name ("dental nurse"): "school nurse" is a nurse's job, not a dental one.
    for name in names:
        if len(name) == 1:
            weights[name[0]] += SOLE_NAME_BONUS
    spellings = _spellings([spec.title, *spec.aliases, *spec.keywords])
    return Entry(role=role, names=tuple(sorted(names)), weights=weights, spellings=spellings,
                 not_titles=tuple(w.lower() for w in spec.not_titles),
                 only_titles=tuple(w.lower() for w in spec.only_titles))


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
