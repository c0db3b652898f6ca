"""The words and patterns the STAR reader looks for: general cues of English, not topics.

Kept apart from the logic in star.py so the lexicons can grow (a new way of saying
"my job was to") without touching how a clause is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

FIRST_PERSON = {"i": "i", "we": "we"}
# Words between a subject and its verb that do not change what the clause is.
ADVERBS = {"also", "then", "first", "quickly", "immediately", "personally", "actually", "just", "finally",
           "eventually", "later", "soon", "simply", "directly", "carefully", "initially", "still", "even", "only",
           "straight", "really", "next", "instead", "together", "both", "all", "myself", "ourselves", "once",
           "gradually", "slowly", "basically", "literally", "further", "again", "specifically", "proactively"}
# Words that make a clause a habit, a wish or a negation rather than something done.
NOT_DONE = {"always", "usually", "often", "sometimes", "normally", "generally", "typically", "never", "would",
            "will", "can", "could", "should", "might", "must", "may", "i'd", "we'd", "i'll", "we'll", "i'm",
            "we're", "i've", "we've", "not"}
# Only pronouns that cannot be objects ("fixed it the same day" has no subject "it").
SUBJECTS = {"i", "we", "he", "she", "they", "i'm", "we're", "i've", "we've", "they're", "he's", "she's", "it's",
            "that's", "there's", "you", "you've", "you're"}
PRESENT_MARKERS = {"am", "is", "are", "i'm", "we're", "it's", "they're", "he's", "she's", "that's", "there's", "do",
                   "does", "don't", "doesn't", "have", "has", "i've", "we've", "can", "will", "keep", "try", "think",
                   "believe", "know", "feel", "usually", "always", "often", "tend", "like", "love", "want", "need",
                   "make", "use", "get", "see", "look", "find", "go", "work", "take", "say"}
# Subordinating words, indirect questions included: "because I misread", "where we used" and
# "what I did" are not the story's main actions.
SUBORDINATORS = {"where", "when", "while", "if", "because", "since", "that", "who", "which", "until", "before",
                 "after", "as", "whether", "than", "though", "although", "once", "whom", "whenever", "unless",
                 "how", "what", "why", "whatever", "wherever"}
# Irregular past forms; some ("read", "cut", "set", "put") are also present, and a past story
# is the usual reading in an answer.
IRREGULAR_PAST = {
    "was", "were", "had", "did", "went", "made", "took", "got", "gave", "saw", "told", "said", "found", "thought",
    "felt", "kept", "left", "met", "ran", "set", "put", "brought", "bought", "built", "wrote", "spoke", "sent",
    "spent", "began", "led", "won", "lost", "knew", "chose", "drove", "grew", "fell", "held", "heard", "paid", "sat",
    "stood", "understood", "taught", "caught", "became", "came", "cut", "hit", "let", "sold", "rang", "stuck",
    "split", "shut", "quit", "meant", "broke", "drew", "flew", "rode", "shook", "threw", "wore", "fought", "sought",
    "dealt", "lent", "slept", "hung", "dug", "forgot", "froze", "overcame", "rewrote", "undertook", "oversaw",
    "withdrew", "rebuilt", "ate", "read", "rose", "sank", "spun", "struck", "swept", "upheld", "woke", "wound",
    "learnt", "burnt", "spelt", "bent", "sped", "fed", "fled", "bled", "shed", "bet", "cast", "forgave", "mistook",
    "foresaw", "underwent", "outgrew", "redid", "reran", "rewound", "hurt",
}
# Words ending in -ed that are not past-tense verbs (words ending in -eed never are).
NOT_PAST_ED = {"red", "bed", "hundred", "kindred", "wed", "embed", "sled", "shred", "sacred", "naked", "wicked",
               "rugged", "ragged", "jagged", "crooked", "beloved", "learned"}
# Past-tense verbs that are states, thoughts or background rather than something done.
NOT_ACTIONS = {"was", "were", "had", "did", "felt", "thought", "knew", "believed", "learned", "learnt",
               "realised", "realized", "noticed", "saw", "loved", "liked", "enjoyed", "hated", "wanted", "needed",
               "hoped", "wondered", "guessed", "understood", "remembered", "forgot", "got", "became", "seemed",
               "meant", "used", "supposed", "expected", "heard", "owned", "ended", "happened", "wished",
               "preferred", "managed", "tried"}
# "had a look", "had a word with": "had" doing the work of a verb of action.
LIGHT_VERB_OBJECT = re.compile(r"(a|another) (look|word|chat|talk|conversation|meeting|go)\b")
# Verbs whose clause is background when followed by these words: "I worked at a bank".
BACKGROUND = {"worked": {"at", "for", "as", "in"}, "moved": {"to", "from", "into"}, "started": {"out", "at", "as",
              "in", "my", "our", "there", "with"}, "joined": {"the", "a", "an", "as", "in"}}
# Verbs that, after the story has started, say how it turned out.
OUTCOME_VERBS = {
    "dropped", "fell", "rose", "grew", "increased", "decreased", "improved", "reduced", "halved", "doubled",
    "tripled", "saved", "won", "lost", "achieved", "exceeded", "finished", "completed", "recovered", "calmed",
    "agreed", "accepted", "thanked", "renewed", "signed", "avoided", "resolved", "succeeded", "worked",
    "stabilised", "stabilized", "passed", "launched", "delivered", "shipped", "hit", "beat", "averaged",
    "performed", "praised", "promoted", "adopted", "approved", "settled", "returned", "stopped", "went", "ended",
    "turned", "became", "helped", "fixed", "solved", "closed", "cleared", "disappeared", "paid", "scored",
    "rated", "earned", "gained", "cut", "kept", "made", "got", "was", "were", "used", "asked", "wrote", "felt",
    "started", "continued", "stayed", "came", "received", "reached", "met", "moved", "served", "found",
}
# After a common verb ("it was", "it went", "he got"), what makes it say how things ended:
# a direction, a verdict, or a participle of an outcome ("was approved", not "was stressed").
AFTERWARDS = re.compile(
    r"(back|better|worse|down|up|well|smoothly|fine|straight|on to|ahead|through|from|out|the template|"
    r"((\w+ly|all|also|then|soon) )?(approved|accepted|adopted|resolved|fixed|solved|restored|recovered|"
    r"stabili[sz]ed|completed|finished|delivered|launched|shipped|signed|promoted|rolled out|implemented|"
    r"cleaned|closed|cleared|reduced|cut|saved|avoided|prevented|caught|found|paid|hired|renewed|extended|"
    r"published|praised|recognised|recognized|rehired|reopened|released|deployed|merged|passed|won|awarded|"
    r"chosen|selected|used|reused|kept|retained)\b)"
)
# Said with "I"/"we", these are the result only with a number or an all-or-nothing word
# ("we saved 2,000 dollars", "we lost no orders"); else they are steps ("I reduced the batch size").
OWN_OUTCOME_VERBS = {"saved", "lost", "finished", "completed", "grew", "increased", "decreased", "reduced",
                     "improved", "halved", "doubled", "tripled", "cut", "dropped", "raised", "earned", "gained",
                     "got", "had", "hit", "reached", "sold", "signed", "came", "ended", "made", "recruited",
                     "hired", "collected", "delivered", "submitted", "passed", "kept"}
# Of these, the everyday verbs count only with the amount right after them: "we got £4,200",
# "we had no near misses", "we came in at 96%"; not "I had the rest of the crew knock on every door".
OWN_OUTCOME_NEAR = {"got", "had", "came", "made", "ended", "delivered", "submitted", "passed"}
# These say how it ended whoever says them: "we won the account", "I exceeded my target".
OWN_OUTCOME_ALWAYS = {"won", "achieved", "exceeded", "succeeded", "avoided", "recovered"}
# A failure story's outcome: "I lost the job", "we lost that account".
LOST_SOMETHING = re.compile(r"lost (the|that|this|a|an|our|my|them|him|her|it)\b")
NUMBER_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
                r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
                r"thousand|million|billion|dozens?|zero|half|third|quarter|fifth|tenth|twice|double|triple|percent|per cent")
# A number, a percentage, an amount of money or a measure of time.
QUANTITY = re.compile(rf"(\d|[%$£€¥]|\b({NUMBER_WORDS})\b)", re.I)
# "Two months later, we won..." and "a year ago" date the result; "came through 5 weeks later"
# and "a week before the opening" measure it.
TIMESTAMP = re.compile(rf"(^\W*|\b)(\d+|a|an|{NUMBER_WORDS}) (minutes?|hours?|days?|weeks?|months?|years?) "
                       rf"(ago|earlier)\b|^\W*(\d+|a|an|{NUMBER_WORDS}) (minutes?|hours?|days?|weeks?|months?|years?) "
                       r"(later|after|on)\b|"
                       # "one night", "one-page": "one" as a word of story telling, not an amount
                       r"\bone( (night|day|morning|evening|afternoon|weekend|shift|time|of)\b|-)", re.I)
MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
ALL_OR_NOTHING = re.compile(r"\b(no|none|zero|every|all|nobody|nothing)\b")
STRONG_RESULT = re.compile(
    r"\b(as a result|in the end|the outcome|the result (was|is|being)|which meant|that meant|this meant|"
    r"(which|that|this|it) led to|resulted in|ended up|turned out|since then|ever since|from then on|"
    r"by the end of|paid off|end result|net result|went (up|down|back|from|ahead|live|smoothly|well)|"
    r"(now|today) (take|takes|is|are|has|have|runs?|uses?|costs?|gets?)|(it'?s|is|are) now|"
    r"(has|have|hasn't|haven't) (?!always )(\w+ )?(been|had|run|stayed|used|kept|gone|missed|seen|received|"
    r"become|reduced|dropped|grown|improved|increased|fallen|doubled|halved|saved|won)|on time|within budget|"
    r"under budget|"
    r"ahead of schedule|(before|ahead of) (the|our|their) deadline|(a|an|one|two|three|\d+) (hours?|days?|weeks?) "
    r"(early|ahead)|within (a|an|one|two|three|four|five|six|\d+) (minutes?|hours?|days?|weeks?|months?)|"
    r"(was|were) (\w+ )?(happy|delighted|pleased|grateful|satisfied|thrilled|impressed|a success|"
    r"successful|fine|resolved|fixed|solved|approved|accepted|promoted|adopted|over the moon)|"
    # How things still stand: "he's still there", "they're still in the flat", "to this day".
    r"(is|are|'s|'re|was|were) still (there|here|in|on|with|at|open|running|working|in use|in place|using|"
    r"used|doing|employed|friends|in touch)|to this day|"
    # A placing against others: "I was top of the store", "we came second in the region".
    r"(was|were|came|finished|ended) (top|first|second|third|bottom) (of|in)\b|"
    r"(was|were) (\w+ )?(safe|unharmed|unhurt|ok|okay|all right|alright))\b|"
    # A clause that opens on the time the story took: "By July we were at 26 percent", "By the
    # morning her sugar was 8 again", "After two weeks we finish before half nine".
    rf"^(by (then|the time|(the )?(\w+ )?(morning|afternoon|evening|night|weekend|holidays?|end|close)|{MONTHS}|{DAYS})|"
    rf"(after|within) (a|an|one|two|three|four|five|six|\d+|a few|a couple of) (days?|weeks?|months?|years?))\b"
)
TASK = re.compile(
    r"\b((my|our) (job|task|role|goal|aim|responsibility|brief|mandate|priority|challenge|objective|mission|"
    r"target|assignment|remit|deadline) (was|were|became|is|being)|(the |^)(goal|aim|task|objective|brief|target|"
    r"challenge|priority|mission|deadline|ask) (was|were|became|being)|it (was|fell) (on|to|up to) (me|us)|"
    # Ownership said of the work rather than of the person: "the six patients were mine",
    # "so was my responsibility to...", "the concern came to me first", "so it was me".
    r"(was|were) (all )?(mine|ours)|(was|were|became) (my|our) (job|responsibility|role|task|call|decision|case|"
    r"remit|problem)|(came|fell) to (me|us)|so it was (me|us)|(was|were) (all )?on (me|us|my team|our team)\b|"
    # "My job as his care coordinator was to...": the role named inside the phrase.
    r"(my|our) (job|task|role|responsibility) as (\w+ ){1,4}(was|were|is)|"
    r"gave (me|us) (the )?(responsibility|job|task) (for|of)|"
    # The person the candidate was responsible for: "I was his nurse", "I was their account manager".
    r"i was (his|her|their) (\w+ ){0,2}(nurse|carer|worker|manager|lead|coordinator|officer|adviser|advisor|"
    r"mentor|therapist|doctor|midwife|teacher|tutor|coach|contact|agent|engineer|consultant|rep|supervisor|"
    r"keyworker|clinician|pharmacist|paramedic|social worker)|"
    r"(i|we) (was|were) (the )?(\w+ ){0,2}in charge\b|"
    # A target held or a plan in hand: "each of us had a target of twenty", "we had a reset planned".
    r"(had|have|got|given|set) (a|an|the|our|my) (\w+ )?(target|goal|quota|deadline) (of|to)\b|"
    r"(i|we) had (\w+ ){1,8}(planned|scheduled|booked in) for|"
    r"(i|we) (didn't|did not) want (\w+ ){0,2}to (lose|miss|let|leave|fail|break|waste)|"
    r"(was|were) (asked|tasked|told|expected|required|instructed) by (\w+ ){1,4}to|"
    r"(wanted|needed|expected) it (at|up to|down to|under|below|above|over|back to)\b|the (only )?(one|person) (who|that) (had|needed) to|"
    # A duty role in the story: "I was the nurse on the bay", "I was the only engineer on call".
    r"i was the (\w+ ){1,3}on (call|shift|duty|nights?|days|the (bay|bench|desk|floor|ward|rota|line|till|phones?))|"
    # A goal set by someone else: "head office asked each store to", "our team was asked to",
    # "the site manager wanted the first fix done in a week", "wanted him laying on his own".
    r"(?<!\bi )(?<!\bwe )(asked|told|tasked|instructed|required|challenged|wanted|needed|expected) "
    r"(each|every|all|the|my|our) "
    r"(\w+ ){1,2}to|(was|were) (asked|tasked|told|expected|required|assigned|instructed|charged) (to|with)|"
    r"(wanted|needed|expected) (\w+ ){1,5}(done|finished|ready|fixed|completed|sorted|live|in place)|"
    r"(wanted|needed|expected) (him|her|them) \w+ing|(i|we) needed (a|an) |"
    r"(i|we) (was|were) (charged|left) with|"
    r"(i|we) (was|were) (given (the |a )?(job|task|responsibility|role|brief|target|project|remit)|"
    r"asked|tasked|told|expected|supposed|required|assigned|brought in|hired|put in charge|"
    r"charged|responsible|in charge|accountable)|it was (my|our) (job|responsibility|role|task|call|decision)|"
    r"(i|we) (had|needed|have|need) to|(?<!why )(i|we) (wanted|needed) (\w+ ){0,3}to|"
    r"(asked|wanted|needed|expected|challenged|tasked|required|hired|brought in) (me|us)\b|"
    r"(i|we) owned|(had|needed) to be|(i|we) had (\w+ ){0,2}(hours?|days?|weeks?|months?) to)\b"
)
ANCHOR = re.compile(
    r"\b((last|this past|that) (year|month|week|spring|summer|autumn|fall|winter|term|quarter|semester|christmas)|"
    r"(a|one|two|three|four|five|few|couple of|several|\d+) (years?|months?|weeks?|days?) ago|in (19|20)\d\d|"
    rf"in ({MONTHS})|(at|in) (my|our|a|the) (last|previous|former|old|current|first|second|third|prior|early) "
    r"(job|company|role|employer|position|school|firm|hospital|team|workplace|practice|agency|store|placement|ward|"
    r"startup|start-up|career)|(when|while) (i|we) (was|were|worked|joined|started|took|first|had just|arrived|"
    r"moved|ran|led)|during (the|a|an|my|our)|early in my|in my (first|second|third|last|previous|early) |"
    rf"on (a|one|my|our) (\w+ )?(shift|night|day|project|morning|evening|weekend|occasion|{DAYS})|"
    rf"one ({DAYS}|day|morning|evening|night|afternoon|weekend|shift)|there (was|were) (a|an|this|one|two|some)|"
    r"(i|we) (was|were) (a|an|the) |i was (working|based|covering|supporting|running|leading|managing)|"
    r"(at|in) (a|an|my|our) (\w+ ){0,2}(company|firm|startup|start-up|hospital|school|agency|bank|retailer|charity|"
    r"council|clinic|practice|restaurant|store|shop|warehouse|factory|site|organisation|organization|business|"
    r"consultancy|university|college|nursery|lab|insurer|manufacturer|supermarket|hotel|call centre)|"
    # Where the speaker works, whatever the place is called: "at the depot where I work".
    r"(at|in|on) (the|a|an|my|our) (\w+ ){1,3}(where|that) (i|we) (work|worked|was working|am working|was|were|"
    r"used to work|taught|trained|am))\b"
)


def subject_verbs(words: list[str]) -> Iterator[tuple[str, int]]:
    """Each first-person subject of a clause ("i" or "we") with the index of its verb, adverbs skipped.

    A subject after "if", "when", "because"... is not the clause's own ("when we arrived, I called").
    """
    for k, word in enumerate(words):
        if word not in FIRST_PERSON or (k > 0 and words[k - 1] in SUBORDINATORS):
            continue
        j = k + 1
        while j < len(words) and words[j] in ADVERBS:
            j += 1
        if j < len(words):
            yield FIRST_PERSON[word], j


def is_past(word: str) -> bool:
    """A past-tense verb form, irregular or regular (-ed), by spelling."""
    if word in IRREGULAR_PAST:
        return True
    return len(word) > 3 and word.endswith("ed") and word not in NOT_PAST_ED and not word.endswith("eed")
