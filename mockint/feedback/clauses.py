"""Cutting long sentences into clauses, so each STAR cue is read in the clause that carries it."""

from __future__ import annotations

from mockint.feedback.cues import ADVERBS, is_past
from mockint.feedback.thresholds import MIN_CLAUSE_WORDS
from mockint.text import Sentence, gap_before

# Where a sentence may be cut into clauses: before a coordinating word that starts a new
# subject ("..., and she calmed down"), or before a subject pronoun starting a new clause
# in unpunctuated typing ("...was anxious i felt it was my job").
CLAUSE_JOINERS = {"and", "but", "so", "then", "which", "eventually", "finally", "afterwards"}
SUBJECT_STARTS = {"i", "we", "he", "she", "they", "it", "you", "the", "my", "our", "his", "her", "their", "this",
                  "that", "there", "everyone", "nobody", "someone"}
# Words after "and" that cannot be a bare subject: "and then called", "and also wrote".
NOT_SUBJECTS = ADVERBS | {"then", "also", "not", "never", "to", "a", "an", "so", "as", "with", "for", "in", "on", "at",
                          "by", "from", "of", "i", "we", "it"}
NOT_BEFORE_NEW_SUBJECT = CLAUSE_JOINERS | {
    "that", "because", "when", "while", "if", "as", "where", "who", "what", "how", "why", "whether", "until",
    "before", "after", "since", "than", "or", "said", "say", "think", "thought", "knew", "know", "guess", "felt",
    "hope", "told", "realised", "realized", "noticed", "saw", "once", "though", "although", "unless", "whom",
    "tell", "ask", "asked", "show", "showed", "let", "made", "make", "help", "helped", "believe", "believed",
    "sure", "means", "meant", "knowing", "feel", "seeing", "saying",
}


def clauses(sentence: Sentence, text: str, max_words: int, skip: frozenset[int] = frozenset()) -> list[Sentence]:
    """A sentence cut into clauses when it is longer than max_words; else the sentence itself.

    Tokens starting at an offset in `skip` (fillers) are looked through: "and, uh, it
    was" starts a new clause just like "and it was".
    """
    tokens = sentence.tokens
    if len(tokens) <= max_words:
        return [sentence]
    kept = [i for i, t in enumerate(tokens) if t.start not in skip]
    cuts = [0]
    for n in range(1, len(kept) - 1):
        i = kept[n]
        word, prev, nxt = tokens[i].lower, tokens[kept[n - 1]].lower, tokens[kept[n + 1]].lower
        gap = gap_before(text, tokens, i)
        after = tokens[kept[n + 2]].lower if n + 2 < len(kept) else ""
        # "..., and patient had no reaction": a bare noun and a past verb start a clause too.
        noun_subject = (nxt.isalpha() and nxt not in NOT_SUBJECTS and not is_past(nxt) and not nxt.endswith("ly")
                        and is_past(after))
        joiner = word in CLAUSE_JOINERS and (nxt in SUBJECT_STARTS or noun_subject)
        new_subject = (word in {"i", "we", "he", "she", "they"} and prev not in NOT_BEFORE_NEW_SUBJECT
                       and not gap.strip() and kept[n - 1] == i - 1)
        punctuated = any(c in gap for c in ";:")
        if (joiner or new_subject or punctuated) and i - cuts[-1] >= MIN_CLAUSE_WORDS:
            cuts.append(i)
    if len(tokens) - cuts[-1] < MIN_CLAUSE_WORDS and len(cuts) > 1:
        cuts.pop()
    parts = []
    for a, b in zip(cuts, cuts[1:] + [len(tokens)]):
        start, end = tokens[a].start, tokens[b - 1].end
        parts.append(Sentence(text[start:end], start, end, tokens[a:b]))
    return parts
