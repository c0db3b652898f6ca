"""The words and patterns the first-round notes reader (notes.py) looks for: what was asked,
what went badly and how, what exactly could not be given, what was said, and how a note's lines
are labelled."""

from __future__ import annotations

import re

# A phrase runs to the end of its sentence; a dot inside a number ("2.5 MW") does not end it.
PHRASE = r"(?:[^.;!?\n]|\.(?=\d))+"
# An answer the panel put right: "I said 2 mSv - it's 6", "I said a = 0.5 m, its 0.25 m", "I said 10%, theirs runs 32%",
# "I said 1 hr size for all, they use 12 hr", "Ben said no, 134 to 137", "it's more like 12 million".
CORRECTION = (r"\b(?:I|you) (?:said|guess(?:ed)?|answered|put|went with) (?:[^.;!?]|\.(?=\d)){1,60}?(?:,|\s[-\u2013\u2014]|\?+)\s*(?:but |and )?(?:it'?s|its|it is|is|it was|"
              r"correct is|the (?:right|correct) (?:answer|figure|one) is|should (?:have been|be)|they use|theirs|"
              r"(?:he|she|they|[A-Z][a-z]+) (?:said|says))\b|\bit'?s (?:more like|actually)\b|"
              r"\b(?:he|she|[A-Z][a-z]+) said (?:(?:it'?s|its)(?! (?:similar|fine|ok|okay|the same|easy|normal|common|no problem)\b)|"
              r"it should|no\b|that'?s wrong|theirs|ours)|\bcorrect (?:answer )?is\b|"
              r"\b(?:I|you) said (?:[^.;!?]|\.(?=\d)){1,40}?\s(?:and|but) (?:he|she|they|[A-Z][a-z]+) said\b|"
              # "H2S alarm - said 10ppm, he said they set first alarm at 5": the candidate's figure, then the panel's
              r"(?<=[-\u2013:] )said [^.;!?,£$]{0,20}\d[^.;!?,]{0,20},\s*(?:but |and )?(?:he|she|they) said [^.;!?,£$]{0,40}\d|"
              # "I said I'd keep going to the ward, she looked unsure, think the answer was stop and call for help"
              r"\b(?:I|you) said (?:[^.;!?]|\.(?=\d)){1,80}?\b(?:think|thought|turns out|apparently|realised|realized|(?<!not )(?:pretty |fairly |quite )?sure)"
              r" the (?:right |correct |real |proper )?answer (?:was|is)\b|"
              r"\b(?:he|she|they|[A-Z][a-z]+) explain(?:ed)? (?:it'?s|it is|that)\b|"
              r"\bwrong\W+(?:it'?s|its|it is|should (?:have been|be)|the (?:right )?answer is)\b|"
              r"\b(?:I|you) said (?:[^.;!?]|\.(?=\d)){1,40}?\W+wrong\b|"
              r"\b(?:I|you) said (?:[^.;!?]|\.(?=\d)){1,40}?,(?:[^.;!?]|\.(?=\d)){0,40}?\b(?:it'?s|it is|its) (?:about |actually |really )?\d+|"
              # "Wrong: 8-15 increasing risk", "WRONG - spares go in the cabin": a verdict opening the right answer
              # (not "wrong, I panicked": what follows is the candidate again).
              r"(?:^|(?<=[.!?])\s+|(?<=[.!?])|\s[-\u2013\u2014]\s)wrong\b!*\s*[-:,\u2013\u2014]\s*(?!(?:I|I'm|we|my)\b)(?=\w)")
# Cues that the candidate found something hard (debrief.py reuses this).
STRUGGLE = re.compile(
    r"\b(" + CORRECTION + r"|struggl\w*|rambl\w*|couldn'?t|could not|didn'?t know|did not know|went badly|badly|weak\w*|forgot|"
    r"forget|blank\w*|stumbl\w*|vague|generic|nervous|lost (?:my|the) (?:thread|focus|way)|wasn'?t sure|not sure|"
    r"unsure|too long|hesitat\w*|mess(?:ed)? up|no numbers|no (?:metrics|stats|figures)\b|no (?:good |real |clear )?(?:example|answer|data)|"
    r"had no\b|didn'?t have|did not have|wish I had|missed|never got to|fumbl\w*|froze|dried up|went blank|"
    r"poor(?:ly)?|not great|didn'?t go well|did not go well|went wrong|off track|waffl\w*|overran|ran over|over time|"
    r"skipped|too much|too fast|didn'?t show|did not show|didn'?t give|didn'?t answer|didn'?t mention|"
    r"\bI said [^.;!?]{1,40}? [-\u2013] (?:it'?s|its|it is|should (?:have been|be)|actually|wrong)\b|"
    r"\bI said \d[^.;!?]{0,20}?, (?:it'?s|its|it is) \d+|"
    # "I said 20 ohms, he said 10 ohms", "I said 'tell him it won't hurt' - Claire said never say that"
    r"\bI said [^.;!?]{1,60}?(?:,|\s[-\u2013]|\?+)\s*(?:but |and )?(?:he|she|they|[A-Z][a-z]+) said\b|"
    r"\b(?:don'?t|didn'?t|do not|did not|never) (?:really )?(?:have|had|got) (?:an? |any )?(?:real )?(?:work|workplace|job) example|"
    r"\b(?:was|were|found (?:it|them)) (?:really |quite |very |a bit |so )?(?:hard|difficult|tough)\b(?! (?:work|working|worker)\b)|"
    r"below (?:the )?benchmark|asked (?:it )?twice|(?:didn'?t|did not) (?:really )?have (?:an? |the )?ending|\bnothing (?:on|about)\b|"
    r"(?<!I )(?:wanted|want|needed) more|shaky|muddled|confused|mixed up|mixed (?:it|them) up|got (?:it|them) mixed|guessed|wrong|no idea|caught out|half[- ]knew|mumbl\w*|simplistic|not my best|"
    r"not what they wanted|didn'?t love|talked too much|too much detail|ran out of time|lost the point|overdid|"
    r"only said|no (?:real|concrete|specific) (?:answer|example|data)|not able to|need a number|unconvinced|"
    r"didn'?t (?:really )?(?:get to|go into|say|explain|know|remember)|couldn'?t (?:really )?\w+|got confused|"
    r"no example|ran long|not sure|messed up|kind of waffled|blam\w*|sound(?:ed)? like|don'?t (?:actually |really )?know|"
    r"no clue|made it up|bluff\w*|only remember\w*|remember(?:ed)? only|it'?s (?:more like|actually)|came out wrong|defensive|"
    r"didn'?t sound (?:great|good|right)|didn'?t finish|not finished|no plan|never (?:said|gave|got to|mentioned|finished)|"
    r"ran out of steam|stopped me|no actual answer|miles off|way off|expired|lapsed|out of date|nothing else|(?:and )?that'?s it\b|that was it\b|"
    # How candidates also say it went badly: a correction, embarrassment, losing composure, misunderstanding.
    r"corrected (?:me|it)|pointed (?:it|that|this) out|embarrass\w*|cringe\w*|flustered|over-?apologis\w*|"
    r"(?:did not|didn'?t) understand|misunderstood|misheard|should(?:'ve| have| never have) (?:said|done|mentioned)|"
    r"shouldn'?t have said|took ages|kept saying .?we\b|jumped around|not structured|too soft|dodgy|questioned it|"
    r"thin(?=\s*(?:[,.;]|-\s|$)))\b",
    re.IGNORECASE,
)
# Phrases that introduce what was discussed; the topic follows them (debrief.py reuses this).
TOPIC_CUES = re.compile(
    # 'Paul ask "how would you handle ..."': any ask before a quoted question, however it is spelled.
    r"\b(?:asks?(?: me)?(?=\s+[\"\u201c])|asked(?: me)?(?: about| to| for| on)?|(?<=they )ask(?: me)?(?: about| to| for| on)?|"
    r"(?<=she )asks?(?: me)?(?: about| to| for| on)?|(?<!to )(?<!I )(?<!\bi )\bask about|(?<=he )asks?(?: me)?(?: about| to| for| on)?|questions? (?:about|on)|talked (?:about|through)|"
    r"(?<=said)(?=\s+tell (?:me|us) about)|discussed|(?<!never )(?<!n't )(?<!not )(?<!to )mentioned|described|presented|(?<!he )(?<!she )(?<!they )explained|went through|walked (?:them|him|her) through|"
    r"focused on|dug into|probed|spoke about|covered|case study (?:on|about)|scenario (?:on|about)|"
    r"wanted to know|(?:grilled|pressed|quizzed|challenged|pushed)(?: me)? (?:on|about)|(?:weak|weaker|light|thin) on|"
    r"(?:wanted|want|needed|looking for) more (?:evidence|detail|depth|examples?) (?:of|on|about)|chat about|discussion (?:about|on)|story about|(?:weak|poor|bad|vague|shaky) answer (?:on|about|to))\s+(?P<topic>" + PHRASE + ")",
    re.IGNORECASE,
)
# What the candidate found hard, when the note names it: "I struggled to explain how I measured X".
STRUGGLE_OBJECT = re.compile(
    r"\b(?:struggled|had trouble|found it hard|couldn'?t|could not|didn'?t know|did not know|wasn'?t sure|"
    r"was not sure|not sure|rambled|stumbled|blanked|fumbled|was vague|waffled|"
    r"(?:had no|didn'?t have|did not have) (?:numbers|data|metrics|figures|results|an? example|examples)"
    r"(?: (?:for|on|about|of))?)"
    r"(?:\s+(?:to|with|on|over|about|through|round|around|when(?: they)? asked(?: me)?(?: about)?|when talking about|"
    r"on the question (?:about|on)|on the question of))?"
    r"(?:\s+(?:explain|describe|answer|say|show|talk about|justify|give|put numbers on|quantify|articulate))?"
    r"\s+(?P<topic>" + PHRASE + ")",
    re.IGNORECASE,
)
# What the candidate said they did or claimed: kept so a later question can challenge it.
SAID = re.compile(
    r"^(?:and\s+)?(?:I|we)\s+(?:said|told them|claimed|answered|explained|argued|gave|mentioned|described)\s+"
    r"(?:that\s+)?(?P<said>" + PHRASE + ")",
    re.IGNORECASE,
)
# A trouble's kind decides what the probe asks for. Checked in order; the first that fits wins.
TROUBLE_KINDS = [
    ("calculation", r"\bcalculat\w*|\bwork (?:it )?out\b|\bformula\b|\bdo the (?:maths|math|sums)\b"),
    ("reflection", r"(?:would|'d) do differently|what I would change|what I'd change|\bdo it differently"),
    # A choice left unexplained ("didn't say how I decided on the wash vs not washing"): the options and the reason,
    # before "omission" takes "didn't say how" for a step left out.
    ("explain", r"(?:didn'?t|did not|couldn'?t|could not|never) (?:say|explain|justify) (?:how|why) (?:I|we) (?:decided|chose|"
                r"picked|went with|settled on|opted)"),
    ("ownership", r"my own part|own role|\bI vs\b|versus the team|blam\w*|\bfault\b|the team's|"
                  r"what (?:my|your) (?:bit|part) was|separate (?:my|your) (?:bit|part)|kept saying .?your team\b|what (?:I|you) personally did|said .?we.? the whole time|"
                  r"\bvs\.? (?:the )?team\b|kept saying .?we\b"),
    # Composure lost in a role play: not its outcome, whatever the note says about "the rating".
    ("nerves", r"flustered|over-?apologis\w*|panicked"),
    # a story told without its ending, before "outcome": the candidate knew it, and never said it
    ("no_ending", r"(?:didn'?t|did not|never|forgot to) (?:actually |really )?(?:say|said|get to|got to|mention|explain) "
                  r"(?:what happened (?:after|next|in the end)|"
                  r"how it (?:ended|turned out)|the (?:end|ending|outcome|result))|\bno (?:real |actual |clear )?"
                  r"(?:outcome|ending|result)\b|(?:didn'?t|did not) (?:really )?have (?:an? |the )?ending|"
                  r"asked how it ended|(?:didn'?t|did not|never) (?:say|said) what the (?:fix|cause) was|(?:didn'?t|did not|never) (?:say|said|mention\w*) what the (?:result|outcome) was"),
    ("outcome", r"\bno measurable (?:result|outcome|impact)\b|\boutcome(?!s? measure)|what changed|\bthe rating\b|what came of it|\bthe result\b"),
    # Steps told in the wrong order ("got the order mixed up", "did it in the wrong order"): asked again in order.
    ("wrong_order", r"\b(?:got|had|mixed up) the (?:order|sequence)\b|\b(?:order|sequence) (?:\w+ )?(?:mixed up|wrong|muddled)\b|"
                    r"\bin (?:the )?wrong (?:order|sequence)\b"),  # (not "the wedding party wrong order story": a meal)
    # An answer given and then put right by the panel: wrong, not blanked.
    ("corrected", r"corrected (?:me|it)|stopped (?:me|you)\s*[-\u2013\u2014:,]|pointed (?:it|that|this) out|\bit'?s (?:actually )?\d|\bits (?:actually )?\d|" + CORRECTION),
    # A card or ticket out of date ("NRSWA card, expired since 2022"): renewed, not explained.
    ("lapsed", r"\b(?:expired|lapsed|out of date)\b"),
    ("fact", r"(?:don'?t|didn'?t|did not) know (?:nothing|anything)\b|couldn'?t name\b|confused|muddled|shaky|guessed|\bwrong\b|messed up|couldn'?t remember|can'?t remember|forget the name|"
             r"(?:did not|didn'?t) understand|misunderstood|misheard|"
             r"\bblank\w* on\b|\bweak on\b|not sure (?:about|of) the\b(?! exact)|wasn'?t sure (?:about|of) the\b(?! exact)"),
    ("omission", r"\bforgot\b|\bforget\b|\bmissed\b|left out|skipped|didn'?t mention|did not mention|never mentioned|until they prompted|"
                 r"(?<!know )\bnothing (?:on|about)\b|"
                 r"didn'?t (?:really )?(?:get to|go into|say how|say about)"),
    # Two things told apart wrongly ("mixed up the two Darjeelings"): asked how to tell them apart.
    ("mixed_up", r"\bmixed (?:\w+ )?up\b|\bgot (?:them|the two|both) mixed\b|\bconfused (?:the two|them|both)\b"),
    ("numbers", r"\bnumbers?\b|\bmetrics?\b|\b(?:no|any|without|more|real|actual|hard) data\b|quantif\w*|\bmeasur(?:ed|ing|ements?|able|es)\b|(?<!how you )(?<!how I )(?<!how to )\bmeasure\b|\bcost per\b|\bresults\b|achiev\w*|"
                r"\bfigures?\b|%|\bper ?cent\w*|\bratio\b|\brate\b|\bexact\b|how many|how much|\bvolume\b|\bGP\b"),
    ("defensive", r"\bdefensive\b"),
    ("unfinished", r"ran out of time|didn'?t finish|did not finish|not finished|didn'?t touch|only got (?:through|to)"),
    # An answer that got there without a method ("jumped around, didn't form a hypothesis"): taken step by step.
    ("unstructured", r"jumped around|not structured|all over the place|unstructured"),
    ("rambling", r"rambl\w*|too long|ran long|lost (?:my|the) (?:thread|focus|way|point)|waffl\w*|overran|ran over|"
                 r"over time|off track|never got to|no structure|too fast|talked too much|too much detail|"
                 r"ran out of time|overdid|talked for ages"),
    ("unsure_action", r"(?:didn'?t|did not) know what (?:I'?d|I would|to)|not sure what (?:to|I)|couldn'?t (?:really )?answer|"
                      r"said I'?d ask|said I'?d call|no real answer|\bno plan\b"),
    # No example from work at all, only from a course or labs ("I don't have work example, only TryHackMe labs"):
    # asked for the nearest thing they have done, not for "one real example" they said they lack.
    ("no_work_example", r"(?:don'?t|didn'?t|do not|did not|never) (?:really )?(?:have|had|got) (?:an? |any )?(?:real )?"
                        r"(?:work|workplace|job|real[- ]world) (?:example|experience|incident)s?\b|"
                        r"\bno (?:real )?(?:work|workplace|job) (?:example|experience)s?\b.{0,40}\bonly\b"),
    ("example", r"(?:couldn'?t|could not) (?:give|think of|come up with|find) (?:an? |any )?(?:\w+ )?example|"
                r"(?:couldn'?t|could not|didn'?t|did not) (?:think of|come up with) (?:one|any)\b|"
                r"(?:no|didn'?t have an?|did not have an?|didn'?t really have an?) (?:good |real |clear |specific |concrete |proper )?"
                r"example|no example|\bblank\w* (?:on (?:an? )?example|completely)|"
                # "froze on what QNH means" is a fact not given; "froze" alone, a story that did not come
                r"froze(?! on (?:what|which|how|whether|the|an?)\b)|dried up|no (?:good )?answer|"
                r"went blank(?! on (?:what|which|how|whether|the|an?)\b)|came to mind|"
                r"never gave (?:an? )?(?:actual |real |specific )?(?:case|example)"),
    ("fact", r"\bblank\w*|\bfroze on\b|\bmixed (?:\w+ )?up\b|couldn'?t remember|can'?t remember|forget the name|confused|muddled|shaky|guessed|\bwrong\b|"
             r"messed up|not sure (?:about|of)|wasn'?t sure (?:about|of|which)|\bweak on\b|didn'?t know (?:the|our|my)|"
             r"didn'?t know \w+ at all|no idea"),
    ("explain", r"explain|justify|articulate|couldn'?t say|could not say|didn'?t know how|did not know how"),
    ("vague", r"nothing else|(?:and )?that'?s it\b|that was it\b|vague|generic|\bthin\b|didn'?t show|did not show|more (?:evidence|detail|depth)|simplistic|only said|mumbl\w*|"
              r"\bweak\b|not great|(?<!I )want(?:ed)? more"),
    ("unsure", r"wasn'?t sure|not sure|unsure|didn'?t (?:really )?know|did not (?:really )?know|don'?t (?:actually |really )?know|hesitat\w*|caught out|half[- ]knew"),
    ("nerves", r"nervous|stumbl\w*|fumbl\w*|mess(?:ed)? up|flustered|over-?apologis\w*"),
]
# A line's verdict label ("Bad:", "BAD 2 -", "Problem:", "Awkward bit:"): what follows went badly, and the label is no topic.
BAD_LABEL = re.compile(r"^(?:bad|badly|went badly|went wrong|not (?:so )?good|not great|less good|problems?|issues?|negatives?|"
                       r"weak(?:er)?(?: (?:bits?|points?|spots?))?|awkward(?: bits?)?|low ?lights?|worst(?: bits?)?|"
                       r"hard(?: bits?)?|tricky(?: bits?)?|mistakes?)(?:\s*\d+|\s+(?:also|too))?\s*[:\-\u2013\u2014]\s*(?=\S)",
                       re.IGNORECASE)
# A line that only gives the right answer to the line before ("its Biological Substance Category B"): no topic of its own.
CORRECTION_START = re.compile(r"^(?:it'?s|its|it is|correct (?:answer )?is|the (?:right|correct) answer (?:is|was)|"
                              r"should (?:have been|be)|(?:he|she|they|[A-Z][a-z]+) said (?=\d|no\b|it'?s\b|its\b|"
                              r"that'?s\b|theirs\b|ours\b))\b", re.IGNORECASE)
# Where a phrase turns to something else: the topic ends there (never inside a number: "2,000").
CLAUSE_BREAK = re.compile(
    r"\s*(?:;|,\s+(?:but|and|which|where|when|who|so|as|because|though|although|while|until|then)\b|"
    r"\s+(?:but|and then|and I|and we|and they|and my|which I|where I|when I|because|so I|until|though)\b|"
    r"\s+(?=I (?:said|say|told|answered|replied|put|guessed)\b)|"
    r"\s+[-\u2013\u2014]\s+|,?\s+went (?:ok|okay|well|fine|great)\b|,\s+(?=(?:I|we|my)\b)|,\s*$)",
    re.IGNORECASE,
)
# Sections of notes (or a rendered debrief) that hold the candidate's own questions to them.
OWN_QUESTIONS_HEADING = re.compile(r"my questions|questions (?:for next time|to ask|I asked)|to ask them", re.I)
PRONOUNS = [
    (r"\bI wasn't\b", "you weren't"), (r"\bI was not\b", "you were not"), (r"\bI'm not\b", "you're not"),
    (r"\bI am\b", "you are"), (r"\bI was\b", "you were"), (r"\bI'm\b", "you're"), (r"\bI've\b", "you've"),
    (r"\bI'd\b", "you'd"), (r"\bI'll\b", "you'll"), (r"\bI\b", "you"), (r"\bmy\b", "your"),
    (r"\bmyself\b", "yourself"), (r"\bme\b", "you"), (r"\bmine\b", "yours"), (r"\bour\b", "your team's"),
    (r"\bwe were\b", "your team was"), (r"\bwe are\b", "your team is"), (r"\bwe're\b", "your team is"),
    (r"\bwe've\b", "your team has"), (r"\bwe\b", "your team"), (r"\bus\b", "your team"),
]
# "System design: serving a model at 5k QPS": a label naming a part of the interview, then its topic.
LABELLED = re.compile(
    r"^(?P<label>(?:[\w /&-]{0,40}?\b)?(?:design|case study|case|scenario|role[- ]play|presentation|questions?|q\d*|"
    r"topic|simulator|exercise|task|portfolio|whiteboard|coding|technical|behaviou?ral|situational|they asked|asked)"
    r"(?:\s+part)?)"
    r"\s*(?::|\s[-\u2013]\s)\s*(?P<topic>.+)$",
    re.IGNORECASE,
)
# Any short label before a dash or colon ("patching - asked how we test ..."): a topic when nothing better is found.
GENERIC_LABEL = re.compile(r"^(?:(?:a |the )?(?:question|questions|Q\d+)\s+(?:on|about)\s+)?(?P<topic>(?:[^,;:.!?(]|\([^()]{0,40}\)){3,60}?)"
                           r"(?:\s+questions?)?\s*(?::|\s[-\u2013]\s)\s*\S", re.IGNORECASE)
# A follow-on question about the topic before it ("they asked what I would do differently").
# The interviewer asking for the candidate's own part ("what I personally did"): the trouble, never the topic.
OWN_PART_ASKED = re.compile(r"what you (?:personally|yourself|actually|specifically) did|what you did yourself|"
                            r"what your (?:own )?(?:part|role|bit) was", re.I)
FOLLOW_ON = re.compile(r"^(?:what you (?:would|'d) do differently|what you learned|why|what happened next|what you would change|"
                       r"what the (?:outcome|result) was|" + OWN_PART_ASKED.pattern + ")$", re.I)
# Lines that are notes to self, not about the interview ("check: veeam licensing", "need to revise X").
SELF_NOTE = re.compile(r"^(?:check|todo|to do|revise|look up|need to|remember to|note to self|next time|forgot to bring|forgot my)\b",
                       re.I)  # ("FORGOT TO BRING PHOTOS of my work": a slip on the day, not an answer to go back to)
# A hard moment that names its own question ("the question on X", "when they asked about X") is a topic of its own.
OWN_QUESTION = re.compile(r"\bquestion\b|\bwhen (?:they|he|she) asked\b|\bweak answer on\b", re.I)
# "system design on rate limiting went badly": the topic, then the verdict on it.
VERDICT_AFTER = re.compile(r"^(?:(?:then|also|and then|and)\s+)?(?P<topic>(?!I\b|my\b|we\b|it\b|they\b|he\b|she\b)[^,;:]+?)"
                           r"\s+(?:went badly|was (?:really |quite |very |a bit |so )?(?:hard|difficult|tough)|was weak|was poor|was a mess|didn'?t go well|did not go well|went wrong|was shaky|"
                           r"and I (?:completely |totally |just )?(?:blanked|froze|went blank|dried up))\b", re.IGNORECASE)
EXERCISE = re.compile(r"\b(?:design|case|case study|scenario|exercise|simulator|whiteboard|role[- ]play|hypothetical|"
                      r"technical|presentation|task|pitch)\b", re.I)
# An exercise set as an order ("Technical: design a parking lot system"): the topic is a task.
TASK_VERB = re.compile(r"^(?:design|build|write|plan|create|estimate|sketch|pitch|present|prioriti[sz]e|draft|"
                       r"prepare|model|debug|fix|review|outline|propose|price|cost|triage|diagnose)\b", re.I)
# A first-round answer line in question-and-answer notes ("A: talked about the refund dispute").
ANSWER_LABEL = re.compile(r"^(?:a|ans|answer|my answer|i said)\s*[:\-]\s*", re.I)
# "at what ketone level you treat as DKA": a question led by its preposition is still a question.
WH_START = re.compile(r"^(?:(?:at|in|on|for|from|by|to|with|under|after|before|over) (?=what|which|how|whose))?"
                      r"(?:how|why|what|when|where|which|who|whether|if)\b", re.IGNORECASE)
MAX_PHRASE_WORDS = 18  # longer than this is not said aloud in a question: left out, never cut
# The gap a probe names (notes.named_gap): a fact put as a question starts with one of these.
GAP_WH = r"(?:(?:at|to) what|what|which|how|whether)\b"
# Words that make the gap a figure: the probe asks for the number, not the theory.
GAP_FIGURE = re.compile(r"%|\bpercentage\b|\brate\b|\bratio\b|\b(?:ATV|GP|NRR|ARR|KPI|Gini|PSI)\b|\bfigure\b|"
                        r"\bnumber\b|how many|how much|\bvolume\b|\bruns at\b|\bresolution\b|\btarget\b|\bbudget\b|"
                        r"\bcost\b|\bsize\b", re.I)
# What a note says could not be given ("blanked on the GRACE score cut-offs"), most specific first: "g" is
# the gap; a pattern without it names only its kind (a figure, or part of a list).
GAP_PATTERNS = [
    # "asked what our store's ATV was ... I said £32 and it's more like £45" / "... and I had no idea"
    ("wrong", re.compile(r"\basked (?:me )?(?:about |to explain |to say |if I knew |if I know |whether I knew )?"
                         r"(?P<g>" + GAP_WH + r"[^.;!?]*?)\s*(?:,|-|and)?\s*(?:then )?(?:I |and I )?(?:kind of |sort of )?"
                         r"(?:had no idea|no clue|couldn'?t\b|didn'?t know|blanked|went blank|froze|made it up|bluffed|(?:only )?half[- ]knew|"
                         r"waffled|wasn'?t sure|guessed|said\b[^.;!?]*\b(?:wrong|more like|actually)\b|"
                         r"said\b[^.;!?]*?\s[-\u2013]\s*(?:it'?s|its|it is)\b)", re.I)),
    ("wrong", re.compile(r"\b(?:couldn'?t|could not|didn'?t|did not|don'?t|do not) (?:actually |really )?"
                         r"(?:know|say|remember|recall|explain|think) (?P<g>" + GAP_WH + PHRASE + ")", re.I)),
    ("wrong", re.compile(r"\b(?:muddled|confused|mixed up|unsure|not sure|wasn'?t sure|blanked|froze|went blank|got stuck) "
                         r"(?:about |on |over |of )?"
                         r"(?P<g>" + GAP_WH + PHRASE + ")", re.I)),
    ("wrong", re.compile(r"\b(?:blanked|went blank|was blank|muddled|confused|shaky|unsure|not sure|wasn'?t sure) "
                         r"(?:on|about|over|of) (?P<g>(?:the|any|my|our)\b" + PHRASE + ")", re.I)),
    ("wrong", re.compile(r"\bcouldn'?t (?:remember|recall|name|think of) (?:any of )?(?P<g>(?:the|my|our)\b" + PHRASE + ")",
                         re.I)),
    ("wrong", re.compile(r"\b(?:didn'?t|did not|don'?t) (?:actually |really )?know (?:about )?(?P<g>(?:the|my|our)\b" + PHRASE + ")",
                         re.I)),
    ("wrong", re.compile(r"\b(?:messed up|mixed up|got wrong) (?P<g>the\b" + PHRASE + ")", re.I)),
    # "couldn't explain the difference between COSS and PICOP": the difference itself is the gap
    ("wrong", re.compile(r"\b(?:couldn'?t|could not|didn'?t|did not) (?:really |quite )?(?:explain|say|give|get) "
                         r"(?P<g>the (?:main |key |real )?difference between " + PHRASE + ")", re.I)),
    # "when Olu asked about SICR quant criteria I went blank"
    ("wrong", re.compile(r"\basked (?:me )?about (?P<g>[^.;!?,]*?)\s*(?:,|-|and)?\s*I (?:went blank|blanked|had no idea|"
                         r"froze|couldn'?t answer|didn'?t know)", re.I)),
    ("figure", re.compile(r"\b(?:couldn'?t|could not|didn'?t|did not) (?:give|say|remember|recall|know) "
                          r"(?:the |my |our |an? )?(?:actual |exact |real )?(?:#|number|figure|percentage)", re.I)),
    # "I named 1-2s and 1-3s then blanked", "only remembered like 5 of them": part of it, nothing more named.
    ("partial", re.compile(r"\bonly (?:remembered|remember|named|knew|could name|half knew)\b|\bhalf[- ]knew\b|"
                           r"\bforgot (?:the )?(?:others|rest)\b|"
                           r"\bremember(?:ed)? only\b|"
                           r"\bnamed\b[^.;]*\bthen blanked\b|\bcouldn'?t think of any others\b", re.I)),
]
# Two things told apart wrongly, both named ("mixed up conversion rate with ATV", "confused SLA and OLA",
# "mixed up P45 / P60"), or one of them the note's topic ("jury bailiff duties - mixed it up with the jury
# officer's job"): the gap is the difference between them.
_SIDE = r"[\w£%'&.-]+(?: [\w£%'&.-]+){0,4}?"
_SIDE_END = r"(?=\s*(?:[-\u2013(,.;!?:]|$)|\s+(?:when|while|because|so|but|and|in|on|at|which|again|completely|a bit)\b)"
MIXED_PAIR = re.compile(r"\b(?:mixed up|mixed-up|confused|muddled up|got (?:mixed|muddled) up between|mixed up between)\s+"
                        r"(?!(?:about|on|over|by|when|me|him|her|them|it|myself|with)\b)"
                        r"(?P<a>" + _SIDE + r")\s*(?:\bwith\b|\band\b|/|\bvs\.?|\bversus\b)\s*(?P<b>" + _SIDE + r")" + _SIDE_END, re.I)
MIXED_WITH_TOPIC = re.compile(r"\b(?:mixed|muddled|got) (?:it|them) (?:up|mixed up|muddled up) with\s+(?P<b>" + _SIDE + r")" + _SIDE_END,
                              re.I)
# A gap too general to name on its own ("mixed up the order"): the probe asks by the trouble's kind instead.
GENERIC_GAP = re.compile(r"^(?:the|your) (?:order|sequence|steps?|answer|details?|question|point|name|names|rest|end)$|"
                         r"\b(?:numbers?|figures?|results?|outcomes?|data|metrics|exact|actual|real|right|correct)$|"
                         # an outcome or what they would do: the trouble's kind (outcome, reflection) asks it better
                         r"^(?:what|how)\b.*\b(?:achiev\w*|result\w*|impact|outcomes?|changed|differently|you'?d do|"
                         r"you would do|you would change)\b|"
                         r"\s(?:or|and) (?:what|how|which|when|why)\b", re.I)  # two questions in one: not said as one
# What is dropped from a gap before it is said: the candidate's hedges.
GAP_HEDGES = re.compile(r"\s+\b(?:actually|really|exactly|roughly|properly|at all)\b", re.I)

# A tool the candidate has not used ("they use ESR, which I've never used", "didn't know Gainsight, used ChurnZero"):
# nothing a second round asks them to answer again.
NEVER_USED = re.compile(r"\b(?:never used|(?<=I )never use\b|haven'?t used|have not used|not used|only (?:ever )?used|no experience (?:of|with|in)|"
                        r"never worked (?:with|on|in)|(?:didn'?t|did not) know [\w-]+,? (?:I )?(?:only )?used)\b", re.I)

# A story question quoted in the notes ("the 'time you challenged inappropriate behaviour' one"): that question is the topic.
QUOTED_STORY = re.compile(r"[\"'\u2018\u201c](?:tell (?:me|us) (?:about )?|describe |give (?:me|us) an example of )?"
                          r"(?:(?:a )?(?P<ask>time (?:when )?you\b[^\"\u2019\u201d]{3,80}?)|(?<=about )(?P<doing>[a-z]+ing\b"
                          r"[^\"\u2019\u201d]{3,60}?))[?.]?[\"'\u2019\u201d](?!\w)", re.IGNORECASE)

# A competency named in quotes at the start of a line ("'Changing and Improving' I had no real example"): the question.
QUOTED_COMPETENCY = re.compile(r"^[\"'\u2018\u201c](?P<name>[A-Z][\w-]*(?: (?:and|&|the|of|for|with|a|to|[A-Z][\w-]*)){0,4}"
                               r" [A-Z][\w-]*)[\"'\u2019\u201d]")

# A line's verdict said as its label ("BAD - asked when ...", "Bad 2:"): never its topic.
VERDICT_WORD = re.compile(r"(?i)(?:the )?(?:bad|badly|good|well|poor|weak|ok|okay|fine|great|not great|meh)(?: ?\d)?")

# The gap in a CV, however it is written ("gap on CV 2021-2022", "the gap in my CV (8 months)").
CV_GAP = re.compile(r"\b(?:gap (?:on|in) (?:my |the )?(?:cv|resume|r\u00e9sum\u00e9)|(?:cv|employment|career) gap)\b", re.I)

# How long something went on, which a careless reading takes for the topic ("rambled for ages").
DURATION = re.compile(r"^(?:for )?(?:ages|a while|too long|a bit|a long time|"
                      r"(?:\d+|a few|few|several|two|three|five|ten|twenty) (?:minutes|mins|hours))$", re.I)

# The interviewer as a task's listener ("to pitch the card to her", "to sell him a pen"): not said back.
LISTENER = re.compile(r"\s+(?:to|for) (?:him|her|them)\b|(?<=\w )(?:him|her|them)\s+(?=(?:a|an|the|some|my|your|our)\b)",
                      re.IGNORECASE)

# The candidate answered with a plan ("I said I'd keep going to the ward"): the question was what they would do.
PLAN_ANSWERED = re.compile(r"\b(?:I|you) (?:said|answered|told (?:them|him|her)) (?:that )?(?:I'?d|I would|you'?d|you would)\b"
                           r"(?! (?:never|been|had|already|just|not|always|ever|done|gone|got)\b)",  # "I'd never been audited": had
                           re.IGNORECASE)
# A topic about what the candidate would do ("how you'd handle a no-show"); "a treatment you'd done" is had, not would.
WOULD = re.compile(r"\b(?:would|you'd|'d)\b(?! (?:done|been|had|gone|seen|used|made|worked|finished|started|written|built|"
                   r"tried|given|run|taken|led|\w+ed)\b)")  # (not "a lift plan you'd refused": that one happened)
# A share of things doing something ("what % of orders go out with subs"), said as one phrase: "the percentage
# of orders going out with subs" (a topic cut at "go" would be "the percentage of orders").
GERUND = {"go": "going", "goes": "going", "went": "going", "get": "getting", "gets": "getting", "got": "getting",
          "come": "coming", "comes": "coming", "came": "coming", "need": "needing", "needs": "needing",
          "fail": "failing", "fails": "failing", "pass": "passing", "passes": "passing", "are": "", "were": ""}
SHARE_OF = re.compile(r"\b((?:percentage|proportion|share|number) of \w+) (" + "|".join(GERUND) + r")\b", re.I)
# "blanked on their fortifier guideline": the employer's thing, said back as "the" (their "our" would read as the
# candidate's once the notes are turned to "you").
PANELS_THING = re.compile(r"\b((?:blanked|froze|stumped|stuck|asked(?: me)?|unsure|sure|knew nothing|didn'?t know)"
                          r"(?: on| about| of)?) their\b", re.I)
# A line headed by the panel's question in quotes: '"why this council?" went ok', "'avg view duration?' - no idea".
QUOTED_QUESTION = re.compile(r"^[\"'\u201c\u2018](?P<question>.{3,}?\?)[\"'\u201d\u2019](?:\s*[-\u2013\u2014:,]\s*|\s+|$)")
