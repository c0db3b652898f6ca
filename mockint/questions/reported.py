"""The interviewer's question as the candidate reports it in their notes: "They asked how I validated the model."

Shared by the notes reader (mockint.questions.notes reads a reported question as a topic), the
debrief (which writes its answers as such notes) and the questions to ask them (mockint.prep.ask).
Pure English grammar: the interviewer's "you" becomes the candidate's "I", a question's
inverted order becomes a statement's, "did you lead" becomes "I led".
"""

from __future__ import annotations

import re

WH = ("how", "why", "what", "when", "where", "which", "who")
AUXILIARIES = {"did", "do", "does", "would", "will", "can", "could", "should", "have", "has", "had",
               "is", "are", "was", "were", "might"}
BE_FIRST_PERSON = {"are": "am", "were": "was"}
# The interviewer's "you" is "I" in the candidate's notes, and their "we" is "they".
SUBJECTS = {"you": "I", "we": "they"}
ADVERBS = {"ever", "really", "actually", "personally", "also", "first", "then", "finally", "just", "once"}
PREPOSITIONS = {"to", "for", "with", "about", "at", "from", "of", "by", "on", "into", "than", "like", "and", "or"}
IRREGULAR_PAST = {
    "be": "was", "become": "became", "begin": "began", "break": "broke", "bring": "brought", "build": "built",
    "buy": "bought", "catch": "caught", "choose": "chose", "come": "came", "cut": "cut", "deal": "dealt",
    "do": "did", "draw": "drew", "drive": "drove", "feel": "felt", "fight": "fought", "find": "found",
    "forget": "forgot", "get": "got", "give": "gave", "go": "went", "grow": "grew", "handle": "handled",
    "have": "had", "hear": "heard", "hold": "held", "keep": "kept", "know": "knew", "lead": "led", "learn": "learned",
    "leave": "left", "let": "let", "lose": "lost", "make": "made", "mean": "meant", "meet": "met", "pay": "paid",
    "put": "put", "read": "read", "rebuild": "rebuilt", "run": "ran", "say": "said", "see": "saw", "sell": "sold",
    "send": "sent", "set": "set", "shut": "shut", "speak": "spoke", "spend": "spent", "split": "split",
    "stand": "stood", "take": "took", "teach": "taught", "tell": "told", "think": "thought",
    "understand": "understood", "win": "won", "write": "wrote", "oversee": "oversaw", "rewrite": "rewrote",
}
# "Tell me about X", "Walk me through X", "Describe X": the topic is X.
IMPERATIVE = re.compile(
    r"^(?:(?:can|could|would) you\s+)?(?:please\s+)?(?:"
    r"(?:tell|talk|walk|take) (?:me|us) (?:about|through)|talk (?:about|through)|describe|explain|"
    r"(?:give|share with) (?:me|us) (?:an? |some )?examples? of|share)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)


def past_tense(verb: str) -> str:
    """The simple past of an English verb: irregular from a table, else by spelling."""
    lower = verb.lower()
    if lower in IRREGULAR_PAST:
        return IRREGULAR_PAST[lower]
    if lower.endswith("e"):
        return lower + "d"
    if re.search(r"[^aeiou]y$", lower):
        return lower[:-1] + "ied"
    if re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", lower) and len(lower) <= 4:
        return lower + lower[-1] + "ed"  # plan -> planned, ship -> shipped
    return lower + "ed"


def to_first_person(phrase: str) -> str:
    """Rewrite the interviewer's "you/your" as the candidate's "I/my" (the notes are the candidate's)."""
    for pattern, repl in ((r"\byou're\b", "I'm"), (r"\byou've\b", "I've"), (r"\byou'd\b", "I'd"),
                          (r"\byou'll\b", "I'll"), (r"\byourself\b", "myself"), (r"\byours\b", "mine"),
                          (r"\byour\b", "my")):
        phrase = re.sub(pattern, repl, phrase, flags=re.IGNORECASE)
    words = phrase.split(" ")
    for i, word in enumerate(words):
        bare = word.rstrip(",;:")
        if bare.lower() != "you":
            continue
        before = words[i - 1].lower() if i > 0 else ""
        after = words[i + 1].lower().strip(",;:") if i + 1 < len(words) else ""
        # "what motivates you", "about you": the object; "you led the team": the subject.
        as_object = not after or after in PREPOSITIONS or before in PREPOSITIONS or bare != word
        words[i] = ("me" if as_object else "I") + word[len(bare):]
    return " ".join(words)


def reported_question(line: str) -> str:
    """A question the interviewer asked, as reported speech after "They asked ...".

    "How did you validate the churn model?" -> "how I validated the churn model";
    "Tell me about a conflict with your manager" -> "about a conflict with my manager";
    "Have you managed a team?" -> "whether I have managed a team"; "the salary question" ->
    "about the salary question".
    """
    text = line.strip().rstrip("?.! ").strip()
    text = re.sub(r"^(?:they asked(?: me)?|asked(?: me)?)\s*(?::\s*)?", "", text, flags=re.IGNORECASE)
    if not text:
        return ""
    text = re.sub(r"^(what|where|who|how|which)'s\b", r"\1 is", text, flags=re.IGNORECASE)  # "what's X" -> "what X is"
    imperative = IMPERATIVE.match(text)
    if imperative:
        return "about " + to_first_person(imperative.group("rest"))
    words = text.split()
    lower = [w.lower() for w in words]
    if lower[0] in {"about", "whether", "if"}:
        return to_first_person(text[0].lower() + text[1:])
    if lower[0] in WH:
        aux = next((i for i in range(1, min(len(words), 5)) if lower[i] in AUXILIARIES), None)
        if aux is None:
            return to_first_person(lower[0] + " " + " ".join(words[1:]))  # "why I'm leaving" is already reported
        lead = [w if w.isupper() and len(w) > 1 else w.lower() for w in words[:aux]]  # "what ROAS": names keep case
        return " ".join([*lead, inverted(lower[aux], words[aux + 1:])]).strip()
    if lower[0] in AUXILIARIES and len(words) > 1 and lower[1] in SUBJECTS:
        return "whether " + inverted(lower[0], words[1:])
    return "about " + to_first_person(text[0].lower() + text[1:] if not text[:2].isupper() else text)


def inverted(aux: str, rest: list[str]) -> str:
    """The statement order of a question's remainder: "did" + "you lead it" -> "I led it"."""
    if not rest:
        return aux
    subject = SUBJECTS.get(rest[0].lower())
    if subject:
        tail = rest[1:]
        if aux == "did":
            # "did you ever lead" -> "I ever led": the verb is the first word after any adverbs.
            k = next((i for i, w in enumerate(tail) if w.lower() not in ADVERBS), len(tail))
            verb = [past_tense(tail[k])] if k < len(tail) else []
            return to_first_person(" ".join([subject, *tail[:k], *verb, *tail[k + 1:]]))
        if aux in {"do", "does"}:
            return to_first_person(" ".join([subject, *tail]))
        return to_first_person(" ".join([subject, BE_FIRST_PERSON.get(aux, aux) if subject == "I" else aux, *tail]))
    if aux in {"is", "are", "was", "were"}:
        # "what is your biggest weakness" -> "what my biggest weakness is"
        if aux == "is" and re.search(r"[^s]s$", rest[-1]) and not rest[-1][:1].isupper():
            aux = "are"  # "what is the 5 principles" -> "what the 5 principles are"
        return to_first_person(" ".join([*rest, aux]))
    if aux == "did" and len(rest) >= 2 and rest[0].lower() in {"your", "the", "my", "our"} and rest[-1].lower() in IRREGULAR_PAST:
        # "what ROAS did your campaigns get" -> "what ROAS my campaigns got": the verb ends the question
        return to_first_person(" ".join([*rest[:-1], past_tense(rest[-1])]))
    return to_first_person(" ".join([aux, *rest]))  # another subject: keep the question's own order


# How a question put by the interviewer starts ("How did you ...", "Tell me about ...").
QUESTION_START = (r"^(?:tell|talk|walk|describe|explain|give|share|how|why|what|when|which|who|did|do|does|have|has|would|"
                  r"could|can|is|are|were)\b")


def quoted_at(text: str, position: int) -> bool:
    """Whether a position in the text falls inside a quotation."""
    return len(re.findall(r"[\"\u201c\u201d]", text[:position])) % 2 == 1


def reported(text: str) -> str:
    """A question as the interviewer put it ("How did you test it?"), as a topic ("how I tested it")."""
    text = text.strip()
    if text.endswith("?") or re.match(QUESTION_START, text, re.I):
        text = reported_question(text)
        return re.sub(r"^about\s+", "", text)
    return re.sub(r"^(?:they asked(?: me)?|asked(?: me)?)\s+(?:about\s+)?", "", text, flags=re.I)
