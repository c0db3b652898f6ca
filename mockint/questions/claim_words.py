"""Claims with nothing behind them, as an interviewer hears them: a change with no measure ("much
faster"), a size ("a huge difference"), a rank against others ("the best redemption rate in the branch"), a
success ("it went really well", "they basically never come back") and praise of oneself ("clients trust me").
The follow-up chooser asks for the evidence; the ending check counts them as a claimed ending."""

from __future__ import annotations

import re

COMPARATIVE = (r"(?:better|worse|faster|slower|quicker|easier|harder|cheaper|smoother|happier|safer|stronger|higher|"
               r"lower|fewer|bigger|smaller|clearer|cleaner|tighter|shorter|simpler|calmer|healthier|leaner|"
               r"more \w+|less \w+)")
DEGREE = (r"(?:a lot|lots|loads|massively|hugely|dramatically|significantly|substantially|considerably|greatly|"
          r"vastly|tons|a ton|quite a bit|a great deal|so much|very much|big time|no end|enormously|tremendously)")
# A claim of change with no measure in it: "much faster", "improved a lot", "mostly went away". A comparison followed
# by "to" is an opinion about doing something, not a change to measure: "it's a lot cheaper to find that out before".
VAGUE_CHANGE = re.compile(
    rf"\b(?:much|way|far|a lot|lots|significantly|substantially|considerably|dramatically|massively|hugely|"
    rf"noticeably|vastly|so much|even|definitely|loads|miles|heaps|streets|light ?years|a whole lot)\s+{COMPARATIVE}\b"
    rf"(?!\s+(?:than )?to [a-z])|"
    rf"\b(?:improved|increased|reduced|decreased|dropped|fell|rose|grew|went (?:up|down)|gone (?:up|down)|came (?:down|up)|boosted|"
    rf"cut|sped up|lowered|raised|shrank)\b(?:\s+\w+){{0,4}}?\s+{DEGREE}\b|"
    rf"\b(?:massively|hugely|dramatically|significantly|substantially|considerably|greatly|really|vastly)\s+"
    rf"(?:improved|increased|reduced|decreased|boosted|cut|sped up|lowered|raised|helped)\b|"
    rf"\b(?:mostly|largely|pretty much|almost|basically)\s+(?:went away|gone|disappeared|stopped|fixed|solved|"
    rf"resolved)\b(?!\s+to [a-z])|"
    # A change told as an idiom, said with weight: "claims have basically dried up", "compliance has really picked up",
    # "waste is a fraction of what it was" (not "I picked up the phone").
    rf"\b(?:(?:really|properly|right|pretty much|basically|totally|completely|massively|definitely)|"
    rf"(?:has|have|'s|'ve)(?: (?:really|just|basically|pretty much|all))?)\s+(?:picked up|perked up|dried up|tailed off|"
    rf"(?:dropped|fallen|fell) off(?! a cliff)|shot up|taken off|took off|calmed down|died down|settled down|"
    rf"turned (?:it |things )?around|bounced back)\b|\ba (?:tiny |small )?fraction of (?:what|the)\b|"
    rf"\bnowhere near as (?:many|much|bad)\b|\bthrough the floor\b|"
    rf"\b(?:went |gone )?through the roof\b|\b(?:dropped |fell |went )?off a cliff\b|\bsky-?rocketed\b|\bplummeted\b|"
    rf"\b(?:like )?night and day\b|"
    # "complaints have gone right down" (not "we went right down to the pier")
    rf"\b(?:gone|come|came|went|dropped|fallen) (?:right|way) (?:down|up)\b(?! (?:to|the|into|onto|on|at|in|there|here)\b)",
    re.IGNORECASE,
)
# A claim of size with no measure: "a huge deal", "made a big difference".
VAGUE_SIZE = re.compile(
    r"\b(?:an? (?:huge|big|massive|great|real|major|significant) (?:deal|win|difference|impact|improvement|boost|help)|"
    r"made a (?:huge|big|real|massive) difference|had a (?:huge|big|real|massive|positive) impact|"
    r"(?:made |saved )?(?:big|huge|massive|real|major|significant) savings|"
    # "it saved the trust a lot of money", "saved them a fortune"
    r"sav(?:ed|es|ing) (?:\w+ ){0,3}?(?:a lot of|lots of|loads of|a ton of|tons of|a huge amount of|so much) "
    r"(?:money|time|cash|hours)|saved (?:\w+ ){0,3}?a fortune|"
    # "the improvement was really significant", "the difference has been huge"
    r"(?:improvement|difference|impact|increase|reduction|uplift|gain|lift|drop)s? (?:was|were|has been|have been|is) "
    r"(?:really |very |quite |pretty |hugely |so |just )?(?:significant|huge|massive|big|dramatic|substantial|enormous))\b",
    re.IGNORECASE,
)
# A rank set against others with no figures: "the best redemption rate in the branch", "our best quarter ever",
# "the most reliable" (a follow-up asks for the figures on each side).
RANK = re.compile(
    r"\b(?:the|our|my)\s+(?:best|highest|lowest|top|strongest|fastest|quickest|biggest|most \w+)\s+(?:\w+\s+){0,2}?"
    r"(?:rates?|scores?|figures?|results?|numbers|feedback|record|ratings?|conversion|retention|attendance|uptake|sales)"
    r"\s+(?:in|across|of|on)\s+(?:the\s+|our\s+)?(?:whole\s+)?(?:\w+\s+)?(?:branch|region|area|company|group|trust|team|site|"
    r"network|country|district|division|department|county|patch|firm|store|chain)\b|"
    r"\b(?:best|highest|lowest|top)\s+(?:\w+\s+){0,2}?(?:in|across|of)\s+the\s+(?:whole\s+)?(?:branch|region|area|company|"
    r"group|trust|network|country|district|division|county|firm|chain)\b|"
    r"\b(?:our|my|the) (?:best|busiest|strongest) (?:\w+ )?ever\b|"
    r"\b(?:the|our) most (?:reliable|popular|trusted|efficient|accurate|consistent|requested|productive|profitable)\b",
    re.IGNORECASE,
)
# A success claimed as next to nothing going wrong, with no count: "they basically never come back", "almost no
# complaints", "hardly ever" (not "almost always": strong answers say it of a habit).
NEXT_TO_NONE = re.compile(
    r"\b(?:basically|practically|virtually|almost|pretty much|next to)\s+(?:never|zero|none|nothing|nobody|no one|no \w+)\b|"
    r"\bhardly (?:ever|any(?:one|body)?)\b|\b(?:never|rarely|seldom) (?:come|comes|came|coming) back\b|"
    r"\bnot (?:a single|one) (?:complaint|comeback|callback|return|failure|incident)\b",
    re.IGNORECASE,
)
# A claim of success with nothing to show for it: "it went really well", "everyone was happy".
VAGUE_SUCCESS = re.compile(
    r"\b(?:went (?:really |very |pretty |super )?well|worked (?:really |very |pretty )?well(?! together| with)|"
    r"(?:was|were) a (?:real |big |huge |great )?success|everyone was (?:really |very |so )?(?:happy|pleased)|"
    r"(?:was|were) (?:really |very |hugely |incredibly |quite |so )?successful|"
    r"(?:people|everyone|they|customers|guests|users|visitors) (?:really |all )?(?:engaged|loved it))\b",
    re.IGNORECASE,
)
# Praise of oneself with nothing behind it: "I'm very good at this", "clients trust me", "my manager
# says I'm the best on the desk". An interviewer asks for the case that shows it.
SELF_PRAISE = re.compile(
    r"\bI'?m (?:\w+ ){0,2}?(?:very |really |quite |so |just |honestly )?(?:good|great|excellent|brilliant|"
    r"the best|a natural|very careful person)\b|"
    r"\bI(?:'ve| have) (?:just )?got a (?:good|great|natural|real) way with\b|"
    r"\b(?:says?|said|tells? me|told me) I'?m (?:the best|really good|very good|great)\b|"
    r"\b(?:always|all) leave happy\b|"
    r"\b(?:clients|customers|candidates|patients|people|users|residents) (?:all |really )?trust me\b|"
    r"\bI(?:'ve| have) (?:just )?got (?:a |an )?(?:really |very )?(?:good|great|natural|amazing) (?:eye|feel|touch|knack|instinct)\b|"
    r"\b(?:clients|customers|parents|patients|people|users|guests|families|residents) (?:always |absolutely |all |really )*love (?:me|my)\b|"
    r"\bit'?s (?:my|one of my) (?:biggest |real |main )?strengths?\b|\bI'?m (?:\w+ly )?known (?:in|at|as|for)\b|"
    r"\blove working with me\b|\bone of the best \w+(?: \w+)? (?:in|on|at) (?:the|my|our)\b|"
    r"\bI'?m a (?:very|really) (?:good|safe|strong|reliable|careful|hard-?working) \w+|"
    r"\b(?:knows?|know) (?:he|she|they) can (?:rely on|trust) me\b|"
    r"\bthe (?:fastest|quickest|best|most (?:popular|reliable|trusted)) (?:\w+ )?(?:on|in) the (?:team|desk|floor|office|ward|school)\b",
    re.IGNORECASE,
)
# The candidate's own work set against everyone else's, with no figures: "my conversion is way above the rest of the
# team", "my seal engraving is as good as anybody's in the country", "more likely to still be feeding than the trust
# average", "my garage accounts are the most loyal in the branch". (Only of the candidate's own: "the skippers know
# their boats better than anyone" claims nothing.) Stop 47: 18 answers labelled evidence had such a boast and no claim
# the other patterns read.
AGAINST_OTHERS = re.compile(
    r"\b(?:my|mine|I|I'm|I've|I'd)\b(?:\s+[\w'-]+){0,8}?\s+(?:(?:than|as) (?:any(?:one|body)(?: else)?(?:'s)?|most of the|"
    r"the rest|everyone else'?s?|(?:all )?the others?|the (?:\w+ )?average)|(?:above|below) the rest|"
    r"(?:is|are) (?:the|among the) (?:best|most \w+|\w+est)(?: \w+){0,3} in the)\b",
    re.IGNORECASE,
)
# Others asking for the candidate, or a record with no count: "promoters always ask for me back", "I've never lost an
# account I wanted to keep", "I've never had a single complaint".
ASKED_FOR = re.compile(
    r"\b(?:always |all |only )?asks? (?:only )?for me\b|\bask(?:s|ed)? for me back\b|\b(?:always )?ask for me\b|"
    r"\bI(?:'ve| have) never (?:lost|had) (?:a|an|one|any)(?: single)? (?:\w+ ){0,2}?(?:complaint|account|client|customer|"
    r"block|group|error|report|case|patient|student)\b",
    re.IGNORECASE,
)
# A standing claimed against a whole place or everyone, with nothing to show for it: "the best new-material night in the
# city", "one of the most booked harpists in the county", "the best prices of anyone round here" (sets 69-71's raters:
# each the unsupported claim a follow-up should have tested; RANK reads only rates, figures and a few places). Not
# "the worst in the region" nor "the top of the scene": where a story starts, and where in a script.
SUPERLATIVE = (r"(?:best|busiest|biggest|strongest|fastest|quickest|highest|lowest|cleanest|safest|cheapest|"
               r"largest|friendliest|most (?!of\b)\w+)")
PLACE = (r"(?:city|town|county|region|country|area|world|industry|trade|sector|market|league|scene|circuit|patch|village|"
         r"borough|district|uk|britain|england|scotland|wales|ireland|london|state|north|south|midlands|business)")
STANDING = re.compile(
    rf"\b(?:the|our|my|one of the|some of the)\s+{SUPERLATIVE}\s+(?:[\w'-]+\s+){{0,3}}?"
    rf"(?:(?:in|across|of|on)\s+(?:the\s+|this\s+)?(?:whole\s+)?(?:\w+\s+)?{PLACE}\b|"
    rf"of (?:any(?:one|body)(?: else)?|any \w+)\b|(?:a)?round here\b)",
    re.IGNORECASE,
)
# A whole change claimed in a word, with no measure: "it's completely transformed the business", "it turned the season
# around".
TRANSFORMED = re.compile(r"\b(?:(?:completely|totally|really|just) )?transformed (?:the|our|my|how|the way)\b|"
                         r"\bturned (?:the|our|my|his|her|their) \w+(?: \w+)? around\b", re.IGNORECASE)
# Boasts the patterns above miss, read last (stop 52): of the 456 answers labelled "evidence" over sets 2-76, 132 had
# no claim read at all, and their anchors were of these kinds. A standing among any group:
# "the strongest carrier network in the office", "the best guest feedback of all the team", "I'm easily the fastest
# arranger". (Not a client's praise closing a story told in full, "the best arrangement they'd ever had", "the best
# report they had from any provider": a blind rater of the change said it needed no follow-up, and "the figures for
# you and the others" did not fit it.)
MOST = (r"(?:best|strongest|fastest|quickest|safest|cleanest|busiest|biggest|highest|lowest|cheapest|largest|"
        r"friendliest|sharpest|toughest|finest|greatest|smoothest|tightest|most (?!of\b|people\b|days\b|weeks\b)\w+)")
GROUP = (r"(?:team|office|floor|desk|department|lab|depot|company|firm|branch|shop|store|site|ward|unit|practice|"
         r"intake|cohort|year|contract|shift|crew|squad|club|agency|division|network|building|kitchen|yard|studio|ship|boat|"
         r"vessel|rig|fleet|line|course)")
TOP_OF_GROUP = re.compile(
    rf"\b(?:(?:I'm|I am|I was)(?: \w+ly| easily| probably| by far)? (?:the|one of the) {MOST}\b|"
    rf"(?:the|one of the|some of the|among the|easily the|probably the) {MOST} (?:[\w'-]+ ){{0,4}}?"
    rf"(?:(?:in|on|at|of) (?:the|my|our|this|all the|any) (?:\w+ )?{GROUP}s?\b|of all\b))",
    re.IGNORECASE,
)
# A record told as always or never, with no count: "my conclusions are always upheld in court", "my installs always
# pass first time", "nothing gets past me", "my remakes are basically nil", "my straps basically last forever".
RECORD = re.compile(
    r"\b(?:are|is|get|gets) (?:always|nearly always|almost always) (?:upheld|accepted|approved|signed off|spot on|"
    r"the (?:safest|best|cleanest))\b|\b(?:always|nearly always|almost always|every time) pass(?:es)? first time\b|"
    r"\bnothing (?:gets|slips|goes) (?:past|by|through) me\b|\bI never let (?:anything|things|a \w+) (?:go|through|slip)\b|"
    r"\bI(?:'ve| have) never (?:once )?(?:had|missed|lost) (?:a |one |anything\b)(?:single )?(?:\w+ ){0,2}?"
    r"(?:set aside|rejected|come back|returned|problem|complaint)|"
    r"\b(?:basically|practically) (?:nil|forever|independent|pain-free|flawless|perfect)\b|\blasts? forever\b|"
    r"\b(?:a )?near-perfect record\b|\bI(?:'ve| have) won (?:pretty much|nearly|almost) every\b|"
    r"\b(?:always|all) (?:rebook|come back|come round|open up to me|mention me|call me back)\b|"
    r"\b(?:almost|nearly|practically|basically|virtually) never (?:get|gets|got|make|makes|made) (?:it|them|one|any)(?: \w+)? wrong\b",
    re.IGNORECASE,
)
# Others' praise or trust, reported with nothing behind it: "the principals trust my judgement completely", "I get
# told that all the time", "the GPs always say my patients do better", "they'd never seen progress like it".
PRAISED_BY_OTHERS = re.compile(
    r"\btrusts? (?:me|my \w+|them) (?:completely|totally|implicitly|a hundred percent)\b|\btrusts? my (?:judge?ment|call)\b|"
    r"\b\w+ (?:really |all )?trust (?:the way|how) I\b|\b(?:always|all) say (?:my|I)\b|"
    r"\bnever seen (?:\w+ ){0,2}?like (?:it|that)\b|\bthan I(?:'ve| have) ever (?:heard|seen)\b|"
    r"\b(?:results?|numbers|figures|work) (?:speaks?|spoke) for (?:themsel(?:ves|f)|itself)\b|"
    r"\bI(?:'ve| have) (?:always )?(?:got|had) (?:a |an )?(?:real |really |very )?(?:good|great|natural|amazing|real) "
    r"(?:palate|ear|nose|knack|eye|feel|instinct)\b|\b(?:I'm|I am) (?:\w+, )?(?:really|very|honestly)[, ]+(?:\w+[, ]+)?good (?:with|at)\b",
    re.IGNORECASE,
)
# Work called good, or a success, in a word: "my files are always spot on", "my classifications are very reliable",
# "the casting lessons have been a massive success", "it went brilliantly", "the ads are performing really well".
CALLED_GOOD = re.compile(
    r"\b(?:my|our) (?:[\w'-]+ ){1,2}?(?:is|are|has been|have been|has|have)(?: always| generally| consistently)?"
    r"(?: been)?(?: really| very| genuinely| honestly| always)* (?:spot on|robust|reliable|excellent|solid|high|clean)\b|"
    r"\b(?:been|was|were|is) (?:a )?(?:massive|huge|real|great) success\b|\bwent (?:really |so )?(?:brilliantly|smoothly)\b|"
    r"\bturned out (?:brilliant|great|perfect)\b|\b(?:are|is) performing (?:really|very|so|incredibly) well\b|"
    r"\b(?:(?:my|our|the|this) (?:\w+ )?(?:approach|method|system|process|way)|it|they) (?:works|worked|is working|did) "
    r"(?:really|very|so|incredibly) well\b(?! together| with)|\bbeen massive for\b|"
    r"\b(?:really|totally|completely) changed the culture\b|\bculture has (?:totally |completely |really )?changed\b|"
    r"\b(?:is|are|was|'s|has been|have been) (?:completely |totally |really |just )?transformed\b|"
    r"\btransformed (?:his|her|their|its|\w+ (?:trade|business|culture|life|service|game))\b",
    re.IGNORECASE,
)
# The candidate's work set above what others do, named only as "most" or "anyone": "my balloon placement is better than
# most letterers working now", "my chick survival's well above what most ostrich farms get", "the best G2P available for
# Swahili today, nobody else is close" (sets 81-84's raters: the unsupported claim a follow-up should have tested).
BEATS_OTHERS = re.compile(
    rf"\b(?:my|mine|I|I'm|I've|our)\b(?:\s+[\w'-]+){{0,8}}?\s+(?:{COMPARATIVE}|more|further) than most \w+s\b(?! (?:do|did|would))|"
    r"\b(?:my|our)\b(?:\s+[\w'-]+){0,6}?\s+(?:well |way |miles |far )?(?:above|ahead of|beyond|better than) what (?:most|other|any) (?:[\w-]+ ){0,3}?"
    r"(?:get|gets|do|does|have|has|achieve|manage|see|hit|make)\b|"
    r"\bthe best (?:[\w-]+ ){1,3}?(?:available|out there|on the market)\b|"
    r"\b(?:nobody|no one|no-one|none of them) (?:else )?(?:is|are|comes?|gets?) (?:even )?(?:close|near)\b|"
    # "nobody in this market sells a cask faster than I do"
    rf"\b(?:nobody|no one|no-one|none of them) (?:[\w'-]+ ){{0,6}}?(?:{COMPARATIVE}|more \w+) than (?:I do|I can|me|mine)\b|"
    r"\bI(?:'ve| have) never had (?:a|an|one) (?:\w+ ){0,2}?go (?:backwards|backward)\b",
    re.IGNORECASE,
)
# (The later ones read last, so a sentence the others read keeps the claim they found.)
VAGUE = (("change", VAGUE_CHANGE), ("size", VAGUE_SIZE), ("rank", RANK), ("success", VAGUE_SUCCESS),
         ("success", NEXT_TO_NONE), ("praise", SELF_PRAISE), ("rank", AGAINST_OTHERS), ("praise", ASKED_FOR),
         ("change", TRANSFORMED), ("rank", STANDING), ("rank", TOP_OF_GROUP), ("success", RECORD),
         ("praise", PRAISED_BY_OTHERS), ("success", CALLED_GOOD), ("rank", BEATS_OTHERS))
