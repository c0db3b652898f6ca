"""What an ask is about, and whether the answer ever gets there.

Most behavioural asks name an event ("a complaint", "a disagreement", "a deadline") or the
other party ("a doctor", "a family member", "your manager"). An answer to that ask says
the thing in some words: "the daughter rang up furious" is a complaint from a family
member, "I bleeped the registrar" involves a doctor. An answer written for another
question, or drifting to a neighbouring one, usually never does: a mentoring story asked
about a disagreement with a doctor has no doctor and no disagreement in it.

Each concept lists the words that put it in an ask and the much wider set of words that
show an answer covers it. The answer lists are deliberately generous (a false "you didn't
answer the question" is worse than a missed one): any plausible way of saying the thing
counts, so a concept only flags an answer that never comes near it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Concept:
    """One thing an ask can be about: how it is named when quoted back, the words that put it in an
    ask, and the words that show an answer talks about it."""

    name: str
    asked: re.Pattern[str]
    said: re.Pattern[str]


def _words(pattern: str) -> re.Pattern[str]:
    """A pattern matched at word starts, case-insensitively (the texts are lower-cased anyway)."""
    return re.compile(rf"\b(?:{pattern})", re.IGNORECASE)


CONCEPTS: tuple[Concept, ...] = (
    Concept("a complaint",
            _words(r"complain|complaint"),
            _words(r"complain|complaint|unhappy|not happy|wasn't happy|was not happy|upset|angry|annoyed|furious|"
                   r"frustrat|fuming|livid|cross\b|irate|shout|yell|swear|rude|dissatisf|grievance|moan|"
                   r"raised (?:a |an |the |his |her |their )?(?:concern|issue|problem)|escalat|kick(?:ed)? off|"
                   r"demand|threaten|bad review|one.star|negative review|refund|compensat|apolog|disappoint")),
    # Things clash too ("two deliveries clashed", "conflicting deadlines"): only people clashing is a disagreement.
    Concept("a disagreement",
            _words(r"disagree|disagreement|conflict(?!ing (?:priorities|deadlines|demands|bookings|appointments))|push(?:ed)? back|"
                   r"clash(?:ed|es)? with|argument|differen(?:ce|t view) of opinion|"
                   r"challenged? (?:a|the|your|their|his|her)|didn't agree|did not agree|object(?:ed)? to"),
            _words(r"disagree|didn't agree|did not agree|don't agree|do not agree|wouldn't agree|not agree|"
                   r"push(?:ed)? back|challeng|conflict|argu|clash|tension|fell out|falling out|object|"
                   r"refus|said no|say no|told (?:him|her|them) no|wasn't (?:comfortable|happy|sure|convinced)|"
                   r"not (?:comfortable|convinced|safe|right)|didn't think|did not think|didn't feel|"
                   r"concern|worried|questioned|query|queried|different (?:view|opinion|idea|approach)|"
                   r"other idea|felt (?:strongly|it was wrong)|thought (?:it|that|this) was (?:wrong|a mistake|unsafe|"
                   r"too)|i thought (?:we|he|she|they) should|against|stood my ground|held my ground|"
                   r"wanted (?:to|something) (?:else|different)|insist|debate|heated|overrul|escalat|"
                   r"second opinion|raised it|voiced|suggest|risk|instead|i said so|my view|i felt|i believed|favour|favor|"
                   # another view told as someone's judgement: "the team felt it would only prolong things"
                   r"(?:felt|thought|believed) (?:it|that|this|we|they|he|she) (?:would|should|was|were|wasn't|weren't)\b|"
                   r"(?:took|take|takes) (?:his|her|their|my) side|accus|unhappy with (?:the|his|her|their) (?:plan|decision)")),
    Concept("a deadline",
            _words(r"deadline|tight (?:timescale|timeline|turnaround)|time pressure|against the clock|short notice"),
            _words(r"deadline|due\b|by (?:the )?(?:end of|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                   r"morning|afternoon|evening|night|noon|midday|close)|in (?:two|three|four|five|six|\d+|a few|"
                   r"just|only) (?:hours?|days?|weeks?|minutes?)|hours?|days?|weeks?|tomorrow|tonight|"
                   r"time|clock|late|rush|urgent|hurry|quick|fast|last.minute|cut.?off|dates?\b|soon|overdue|extension|slip|delay|"
                   r"\d{1,2}(?::\d\d)? ?(?:am|pm|o'clock)|o'clock|submission|handover|go.live|launch")),
    Concept("feedback",
            # feedback given or taken, not "changed because of their feedback"
            _words(r"(?:give|gave|giving|deliver\w*|receiv\w*|got|get|take|took|taking|act(?:ed)? on|difficult|hard|"
                   r"tough|negative|critical|honest|unwelcome) (?:\w+ ){0,2}feedback|criticis"),
            _words(r"feedback|critic|told (?:him|her|them|me)|said to (?:him|her|them|me)|pointed out|"
                   r"talk(?:ed)? (?:to|with)|spoke (?:to|with)|conversation|chat|one.to.one|1.to.1|1:1|"
                   r"review|comment|appraisal|coach|mentor|praise|how (?:he|she|they|it) (?:came|come) across|"
                   r"improve|better|work on|had a (?:quiet )?word|sat (?:him|her|them) down|pulled (?:him|her|them) aside|"
                   r"took (?:him|her|them) (?:to|through|aside)|went through|showed (?:him|her|them)|warning|"
                   r"shadow|supervision|debrief|unhappy|complain|said|told|asked")),
    Concept("a doctor",
            _words(r"doctors?|consultants?\b(?! (?:engineer|pharmacist|midwife))|registrars?|physicians?|surgeons?|"
                   r"\bgps?\b|medics?|prescrib"),
            _words(r"doctors?|dr\b|consultants?|registrars?|\breg\b|physicians?|surgeons?|\bgps?\b|medics?|"
                   r"house officers?|sho\b|fy[12]\b|f[12]\b|anaesthet|anesthet|intensivist|psychiatrist|"
                   r"paediatrician|pediatrician|medical (?:team|staff|officer)|on.?call|prescrib|clinician|"
                   r"the team|senior|ward round")),
    Concept("a family member",
            _words(r"famil(?:y|ies)|relatives?|parents?|next of kin|mum|dad|mother|father"),
            _words(r"famil|relative|daughter|son\b|sons\b|wife|husband|mum|mom|mother|dad|father|parent|brother|"
                   r"sister|grand|partner|next of kin|carer|aunt|uncle|niece|nephew|in.law|spouse|"
                   r"visitor|relatives")),
    Concept("another trade",
            _words(r"another trade|other trades|different trade"),
            _words(r"trade|electrician|sparky|sparks|plumber|plasterer|joiner|carpenter|chippy|bricklayer|brickie|"
                   r"roofer|tiler|decorator|painter|gas ?(?:safe|engineer|fitter)|heating engineer|scaffold|"
                   r"groundwork|kitchen fitter|fitter|builder|welder|glazier|labourer|installer|contractor|"
                   r"sub.?contractor|site manager|foreman|(?:the|other|their) (?:lads|guys|team|crew)")),
    Concept("another agency",
            _words(r"another agency|other agencies|partner agenc|multi.agency|police|fire service|fire brigade"),
            _words(r"agenc|police|officers?|fire (?:service|brigade|crew|and rescue)|firefighter|ambulance|"
                   r"paramedic|social (?:services|worker|care)|council|housing|probation|school|\bnhs\b|hospital|"
                   r"\bgp\b|coastguard|highways|rspca|charity|safeguarding|mental health team|crisis team|"
                   r"multi.?agency")),
    Concept("your manager",
            _words(r"(?:your|a|the|their|his|her) (?:line |senior |store |shift |site |area |general |ward |"
                   r"team |project |hiring )?(?:manager|supervisor|boss)\b|(?:your|a) (?:team leader|team lead|"
                   r"director|head of department|superior)"),
            _words(r"manager|supervisor|boss|lead\b|leader|head of|director|senior|sister|charge nurse|matron|"
                   r"foreman|gaffer|head chef|sous|superintendent|sergeant|inspector|partner|principal|head ?teacher|"
                   r"head\b|owner|\bmd\b|\bceo\b|\bcfo\b|\bcto\b|\bvp\b|chief|governor|chair|my line|"
                   r"the (?:business|client|sponsor|board)|above me|management")),
    Concept("costs",
            _words(r"costs?\b|cut (?:the )?(?:cost|spend|budget)|save money|saving money|reduce spend|"
                   r"budget cut|cost.cutting|expenses?"),
            _words(r"costs?|saving|saved|save|cheaper|cheap|budget|spend|spent|waste|money|price|pric|margin|"
                   r"£|\$|€|pounds?\b|dollars?|euros?|\d+ ?k\b|per cent|percent|%|profit|expens|invoice|"
                   r"supplier|portion|stock|overtime|gp\b|gross|bill|quote")),
    Concept("a change people resisted",
            _words(r"change (?:they|that|which|people|the team|your team|staff) (?:didn't|did not|don't|do not|"
                   r"were against|resisted)|resist|didn't want|did not want|reluctant|push(?:ed)?.?back on (?:a|the) "
                   r"change|buy.in|bring (?:people|the team|staff) (?:along|with you|on board)|on board"),
            _words(r"resist|didn't want|did not want|don't want|did not like|didn't like|reluctan|push(?:ed)? back|"
                   r"pushback|complain|moan|unhappy|not happy|wasn't happy|worried|nervous|sceptic|skeptic|"
                   r"against|object|grumbl|annoyed|frustrat|concern|fear|scared|refus|wouldn't|would not|"
                   r"not keen|hated|on board|buy.in|bought in|win (?:them|people|the team) over|won (?:them|people|the "
                   r"team|everyone) over|convinc|persuad|came round|come round|came around|old way|"
                   r"always done it|used to|happy with the way")),
    Concept("persuading someone",
            _words(r"persuad|convinc|influenc(?!e\b)|influence (?!of)|win (?:them|someone|people) over|get (?:\w+ ){0,3}to (?:agree|accept|"
                   r"change|adopt|sign)"),
            _words(r"persuad|convinc|influenc|won (?:them|him|her|people|the team|everyone) over|agreed|agree|"
                   r"accepted|signed (?:off|up)|came round|came around|came on board|bought in|buy.in|got (?:them|him|"
                   r"her|the) |showed (?:them|him|her)|shown|presented|pitch|made the case|case for|data|evidence|"
                   r"trial|pilot|demo|explain|talked (?:them|him|her) through|walked (?:them|him|her) through|"
                   r"said yes|approved|adopt|changed (?:their|his|her) (?:mind|practice|process|approach)")),
    Concept("someone's performance",
            # a person's performance, not a campaign's or an area's
            _words(r"(?:poor|under|low).?performer|(?:someone|colleague|member|employee|report|worker|agent|nurse|"
                   r"carer|engineer|driver|teacher|assistant|person)\b.{0,40}\b(?:under.?perform|not (?:meeting|"
                   r"hitting|pulling)|wasn't (?:meeting|hitting|pulling)|perform(?:ing|ed)? (?:poorly|badly))|"
                   r"performance (?:issue|problem|concern)s? (?:with|in) (?:a|an|one|your|someone)"),
            _words(r"perform|not (?:meeting|hitting|pulling)|wasn't|weren't|target|standard|late|lateness|sick|"
                   r"absen|warning|capability|improvement plan|\bpip\b|struggl|behind|mistakes|errors|slow|"
                   r"complain|quality|failing|failed|missed|attitude|effort|support (?:plan|him|her|them)|"
                   r"one.to.one|1.to.1|1:1|supervision|disciplin|\bhr\b")),
    Concept("the rules",
            _words(r"bend (?:the )?rules?|break (?:the )?rules?|bent (?:the )?rules?|broke (?:the )?rules?|"
                   r"exception to|outside (?:the |of )?(?:policy|rules|process)|against (?:the )?(?:policy|rules)|"
                   r"go against|cut corners"),
            _words(r"rules?|polic|exception|bent|bend|broke|break|allowed|not supposed|supposed to|normally|"
                   r"usually|strict|discretion|authoris|authoriz|sign.?off|signed off|overrid|permission|"
                   r"procedure|process|protocol|guideline|regulation|law|legal|terms|corner|one.off|just this once")),
    Concept("safety",
            _words(r"unsafe|safety|hazard|dangerous|near.miss|risk to (?:life|health|someone)|injur|accident"),
            _words(r"safe|hazard|danger|risk|injur|hurt|harm|accident|near.?miss|\bppe\b|isolat|lock.?off|"
                   r"fire|fall|fell|slip|trip|burn|shock|live\b|gas|leak|fumes|ladder|height|guard|"
                   r"barrier|cordon|evacuat|first aid|incident|report|riddor|assess|check|inspect|stop")),
    Concept("explaining it to someone who is not an expert",
            _words(r"non.?(?:technical|finance|financial|specialist|expert|clinical|legal)|lay ?(?:person|people|"
                   r"audience)|layman|plain (?:english|language|terms)|someone (?:without|with no) (?:a |the )?"
                   r"(?:background|experience)|explain(?:ed|ing)? (?:a |an |the )?(?:complex|technical|complicated)"),
            _words(r"explain|plain|simple|simpl|analog|jargon|showed|shown|walked (?:them|him|her|it) through|"
                   r"talked (?:them|him|her) through|picture|diagram|chart|visual|example|understand|"
                   r"made sense|make sense|translat|in (?:their|his|her) (?:terms|words|language)|"
                   r"like a|as if|think of it")),
)


def missing_concepts(ask: str, answer: str) -> list[Concept]:
    """The concepts the ask names that the answer never comes near."""
    text = answer.lower().replace("\u2019", "'")
    return [c for c in CONCEPTS if c.asked.search(ask) and not c.said.search(text)]
