"""Red-flag rules: clinical concepts recognised in normalised text.

Each rule names one sign that needs care now (a concept), not one wording: a
concept is a combination of word classes ("a part of the eye or sight" and "went
dark, shadows, blurred"; "fever in any notation" and "redness that spreads").
The text is read clause by clause, so a sign buried in a long message is seen,
and a clause that only asks what could happen ("can fillers cause blindness?")
is not a red flag. Self-harm and suicidal thoughts are read in every clause,
questions included, except general questions about other people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from bot.safety.normalise import normalise


def _any(*alternatives: str) -> str:
    return "(?:" + "|".join(alternatives) + ")"


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(r"\b" + pattern + r"\b")


# --- who and when --------------------------------------------------------------------

# A clause that says something is happening (or just happened) to a real person.
CURRENT = _rx(
    _any(
        r"(?:my|her|his|their|our|the|this|that) (?:[\w']+ ){0,3}(?:is|are|was|were|went|goes|turned|turns|has|have|had|keeps?"
        r"|won't|looks?|looked|feels?|felt|got|gets|started|became|seems?|getting|going|gone|began)",
        r"(?:i|she|he|they|we|it) (?:have|has|had|got|can't|couldn't|feel|feels|felt|am|was|were|is|keep|keeps"
        r"|just|started|woke|noticed|notice|think|passed|fainted|collapsed|see|saw|only|suddenly|literally|still)",
        r"i'm",
        r"i've",
        r"she's",
        r"he's",
        r"they're",
        r"it's",
        r"right now",
        r"currently",
        r"since",
        r"started",
        r"this (?:morning|afternoon|evening)",
        r"today",
        r"tonight",
        r"yesterday",
        r"ago",
        r"still",
        r"now",
        r"is (?:it|this|that) normal",
        r"is (?:it|this|that) (?:supposed|meant) to",
        r"should i (?:be )?worr(?:y|ied)",
        r"why (?:is|are|has|have|does|did) (?:my|her|his|it)",
        r"help",
        r"please",
        r"what do i do",
        r"what should i do",
    )
)
GENERAL_QUESTION = re.compile(
    r"^(?:can|could|does|do|did|will|would|might|may|is|are|was|what|what's|how|why|when|which|where|who|if|any|"
    r"signs?|symptoms?|risks?|tell me|explain|should|does anyone|anyone)\b(?!')"
)
HYPOTHETICAL = _rx(
    _any(
        r"can (?:[\w']+ ){0,2}cause",
        r"what (?:is|does) (?:that|it|this)(?: mean| exactly)?",
        r"(?:could|can|would|will|might|may) (?:i|you|she|he|they|it|we) (?:ever |possibly |still )?(?:have|get|go|be|end"
        r" up|cause|make|develop)",
        r"what if",
        r"if (?:i|you|she|he|they|it|my|the|a)",
        r"in case",
        r"could (?:i|you) get",
        r"signs? of",
        r"symptoms? of",
        r"risks? of",
        r"how (?:do|would|can) (?:i|you) (?:know|tell)",
        r"what (?:does|do|would) .{0,40} look like",
        r"is it possible",
        r"chance of",
        r"ever happen",
        r"ever (?:cause|lead to|result in|give)",
        r"(?:watch|look) (?:out )?for",
    )
)


def _is_hypothetical(clause: str) -> bool:
    """A general or conditional question with nothing said to be happening."""
    asks = GENERAL_QUESTION.search(clause) or HYPOTHETICAL.search(clause)
    return bool(asks) and not CURRENT.search(HYPOTHETICAL.sub(" ", clause))


# --- contexts: what the message is about, anywhere in it -------------------------------

INJECTION = _rx(
    _any(
        r"(?:scars?|lips?|cheeks?|lines?|hollows?|temples?|dents?|craters?|area|spot|bit|site) (?:[\w']+ ){0,3}filled",
        r"(?:got|had|have) (?:it|them|my [\w']+) filled",
        r"filled (?:in )?(?:my |her |his |the )?(?:scars?|lips?|cheeks?)",
        r"fillers?",
        r"inject\w*",
        r"juvederm",
        r"restylane",
        r"radiesse",
        r"sculptra",
        r"belotero",
        r"hyaluronic",
        r"shots?",
        r"jabs?",
        r"needles?",
        r"botox",
        r"tear troughs?",
        r"lip flip",
        r"liquid rhinoplasty",
        r"nose job",
        r"skin boosters?",
        r"profhilo",
        r"dermal",
    )
)
PROCEDURE = _rx(
    _any(
        r"fillers?",
        r"inject\w*",
        r"juvederm",
        r"laser\w*",
        r"peels?",
        r"microneedl\w*",
        r"micro needl\w*",
        r"dermaroll\w*",
        r"derma ?pen",
        r"prp",
        r"vampire",
        r"microderm\w*",
        r"dermabrasion",
        r"subcision",
        r"treatment",
        r"procedure",
        r"session",
        r"appointment",
        r"clinic",
        r"acid",
        r"tca",
        r"glycolic",
        r"salicylic",
        r"retinol",
        r"tretinoin",
        r"cream",
        r"serum",
        r"mask",
        r"popp\w*",
        r"squeez\w*",
        r"pick\w*",
        r"extract\w*",
        r"lanc\w*",
        r"needles?",
        r"piercing",
        r"wound",
        r"cut",
        r"scab",
        r"spot",
        r"pimple",
        r"zit",
        r"cyst",
        r"boil",
        r"lump",
    )
)

AFTER_PROCEDURE = re.compile(r"\b(?:after|since|following|from) (?:[\w']+ ){0,3}" + PROCEDURE.pattern[2:])

# --- signs -------------------------------------------------------------------------------

EYE = "(?:" + _any(r"eyes?", r"vision", r"sight", r"eyesight", r"eyelids?", r"eye ?sight") + "(?:'s)?)"
# Spots in one's sight, not spots seen on the skin ("dark spots on my cheeks", "spots where my pimples were").
_ON_SKIN = (
    r" (?:(?:on|around|across|all over|along) (?:my|her|his|the|your) (?:[\w']+ )?(?:skin|face|cheeks?|forehead|nose|chin"
    r"|jaw\w*|back|chest|arms?|shoulders?|neck|body|temples?)|where (?:my |the |i had )?(?:[\w']+ )?(?:pimples?|acne|spots"
    r"|zits?|breakouts?|blemish\w*)|from (?:acne|pimples?|breakouts?|spots|zits?|old)|left (?:by|from|behind|over)"
    r"|after (?:my |the )?(?:acne|pimples?|breakouts?|spots|zits?)|appear\w*|popping up|coming up|forming)\b"
)
_SPOTS_ON_SKIN = r"spots?" + _ON_SKIN
_SPOTS_IN_SIGHT = r"spots(?!" + _ON_SKIN + r")"
# Red or white spots are read as sight only beside an injection, a procedure or the eyes (_emergency_concept).
_SKIN_COLOURS = r"(?:red|pink|brown|purple|white)"
COLOURED_SPOTS_SEEN = _rx(r"(?:saw|seeing|see) " + _SKIN_COLOURS + r" " + _SPOTS_IN_SIGHT)
# Shadows in the skin are how dented scars look in side light, not something in
# sight; after an injection or a procedure they are read as sight all the same.
SHADOWS_ON_THE_SKIN = _rx(r"shadows? (?:in|on|across) (?:my |her |his |the |their )?(?:skin|face|cheeks?|scars?|forehead|chin)")
VISION_CHANGE = _rx(
    _any(
        EYE + r" (?:[\w']+ ){0,4}?(?:went|goes|going|gone|turned|turning|is|are|was|got|getting|has|have|keeps?|feels?|seems?"
        r"|looks?|started|became|all|just|suddenly|kind of|kinda|a bit|really|so)(?: [\w']+){0,3}? "
        r"(?:dark|darker|black|blurr\w*|fuzzy|foggy|cloudy|hazy|dim|grey|gray|double|blind|weird|strange|funny|off|wrong|gone"
        r"|shadow\w*|spotty|patchy|missing|lost|worse|wavy|smudg\w*|fading|faded|out|frosted|milky|misty|blank)",
        r"(?:things|everything|it|stuff|the world) (?:look|looks|looking|seem|seems|went|is|are) (?:[\w']+ ){0,2}(?:dim|foggy|blurr\w*"
        r"|dark|grey|gray|fuzzy|hazy|cloudy|double|smudg\w*|misty|milky) (?:[\w']+ ){0,3}eye",
        r"(?:dim|foggy|blurr\w*|dark|grey|gray|fuzzy|hazy|cloudy|smudg\w*|misty|milky|black) (?:out of|in) (?:that|my|one|her|his|the)"
        r" (?:left |right |bad )?eye",
        r"(?:eyesight|vision|sight) (?:[\w']+ ){0,2}(?:comes? back|to come back|return\w*)",
        r"looking through (?:frosted|fogg\w*|a fog|smoke|water|wax|a veil|cling ?film)",
        r"dark (?:bit|spot|patch|hole|blob) in"
        r" (?:the middle|my vision|the centre|the center)",
        r"(?:lose|losing|lost|loss of) (?:[\w']+ ){0,3}(?:vision|sight|eyesight)",
        r"two of everything",
        r"(?:saw|seeing|see) (?!"
        + _SKIN_COLOURS
        + r" )(?:[\w']+ )?(?:blurr\w*|double|doubled|shadows|"
        + _SPOTS_IN_SIGHT
        + r"|black(?! ?heads?\b)|dark(?! (?:circles|marks?|heads?)\b| "
        + _SPOTS_ON_SKIN
        + r"))",
        r"(?:shadows?|curtain|spots|blur|darkness|dark patch|veil|shade) (?:[\w']+ ){0,4}(?:in|over|across) (?:my |her |his |the )?"
        r"(?:[\w']+ ){0,2}(?:vision|eye|sight)",
        r"(?:vision|sight|eyesight|eyes?) (?:is |went |got |has )?(?:blurr\w*|doubl\w*|dimm\w*"
        r"|dark\w*|fuzz\w*|grey\w*)",
        r"blurr\w* (?:\+|and|&) doubl\w*",
        r"blurry \+ double",
        r"(?:blurr\w*|double|lost|losing|loss of|dark|dim|fuzzy|foggy|cloudy|hazy|missing|patchy|partial|tunnel|reduced|no)"
        r" (?:[\w']+ )?(?:vision|sight|eyesight)",
        r"(?:can't|couldn't|unable to|barely|hardly) (?:[\w']+ ){0,2}see(?! (?:my|the|any|a|much|why|how|what|if|it|them|that|results"
        r"|improvement|difference|change|scars|myself|you|her|him))",
        r"(?:only|just) (?:see )?(?:shadows|shapes|blur|darkness|black)",
        r"seeing (?:double|shadows|" + _SPOTS_IN_SIGHT + r"|black|dark(?! " + _SPOTS_ON_SKIN + r")|things)",
        r"see (?:double|shadows|(?:black |dark )?" + _SPOTS_IN_SIGHT + r")",
        r"(?:gone|going|went|go) blind",
        r"blind in",
        r"blindness in",
        r"(?:curtain|shadow|shade|veil|cloud) (?:over|across|in|coming over) (?:my |her |his )?(?:[\w']+ )?(?:eye|vision|sight)",
        r"everything (?:is |went |looks |got |goes )?(?:[\w']+ )?(?:blurr\w*|dark|black|fuzzy|grey|gray|double)",
        r"(?:vision|sight|eye) (?:[\w']+ ){0,2}blacked out",
        r"blacked out in (?:my|one|her|his) eye",
    )
)
COLOUR = _any(
    r"white-?ish",
    r"white",
    r"whitish",
    r"black-purple",
    r"dark(?:er|ening)?",
    r"pale",
    r"blanch\w*",
    r"dusky",
    r"grey\w*",
    r"gray\w*",
    r"blue",
    r"bluish",
    r"purple\w*",
    r"mottled",
    r"marbled",
    r"lacy",
    r"lace",
    r"net[ -]?like",
    r"web[ -]?like",
    r"a net",
    r"a web",
    r"blotchy",
    r"dark",
    r"black",
    r"violet",
    r"ashen",
    r"waxy",
    r"cold",
    r"patchy",
    r"lilac",
    r"streaky purple",
)
SKIN_COLOUR = _rx(
    _any(
        r"(?:skin|area|spot|site|lips?|cheeks?|nose|nostrils?|face|forehead|chin|temple|jaw|it|tip|patch|bit|side|around)"
        r" (?:[\w']+ ){0,5}?(?:is|are|was|went|goes|turned|turning|looks?|looked|looking|gone|going|got|getting|became|has|have|"
        r"seems?|started|appears?|all)(?: [\w']+){0,4}? " + COLOUR,
        r"(?:it's|that's|they're|it is|is now|are now) (?:[\w']+ ){0,3}" + COLOUR,
        COLOUR
        + r" (?:[\w']+ ){0,2}(?:patch|patches|pattern|area|spot|colou?r|tinge|discolou?ration|net|web|mesh|skin|lines|marbling"
        r"|veins|map|blotch\w*|lace|bits)",
        r"(?:blanch\w*|mottl\w*|marbl\w*|dusky|lacy|livedo|necros\w*|dying skin|skin is dying|tissue (?:is )?dying)",
    )
)
BRUISE = _rx(r"bruis\w*")
SEVERE_PAIN = _rx(
    _any(
        r"pain (?:is |was |feels )?(?:horrendous|horrific|unreal|insane|crazy)",
        r"(?:severe|extreme|intense|terrible|unbearable|excruciating|horrible|awful|worst|horrendous|agonising|agonizing|crazy|insane"
        r"|throbbing|searing|stabbing|burning|shooting|sharp|killer|massive|serious|really bad|so much) (?:[\w']+ )?pain",
        r"pain (?:[\w']+ ){0,5}(?:is|was|feels|getting|keeps?|has) (?:[\w']+ ){0,2}(?:bad|severe|unbearable|extreme|intense"
        r"|excruciating|terrible|worse|worst|10|ten|9|nine)",
        r"hurts? (?:[\w']+ ){0,2}(?:so|really|very|like) (?:bad|badly|much|hell|crazy|mad)",
        r"(?:10|ten|9|nine) ?(?:/|out of) ?10",
        r"agony",
        r"killing me",
        r"(?:more|increasingly) painful",
        r"hurts? (?:[\w']+ )?more",
        r"pain (?:[\w']+ ){0,3}(?:getting worse"
        r"|worse and worse|every hour|by the minute)",
        r"throbs? like",
        r"can't (?:even )?touch",
        r"can't stand the pain",
        r"screaming",
        r"crying (?:in|from|with) pain",
    )
)
AIRWAY = _rx(
    _any(
        r"(?:can't|couldn't|cannot|struggl\w*|hard|trouble|troubles|difficult\w*|unable|barely|hardly|fight\w*|labou?red|not)"
        r" (?:to |with |in |for )?(?:[\w']+ ){0,3}(?:breathe|breathing|breath|get (?:any |enough )?air|catch (?:my |her |his )?breath"
        r"|swallow\w*)",
        r"(?:whistl\w*|rattl\w*|squeak\w*|noisy|wheez\w*|strid\w*) (?:[\w']+ ){0,4}breath\w*",
        r"breathing through a straw",
        r"short(?:ness)? of breath",
        r"out of breath",
        r"breathless\w*",
        r"wheez\w*",
        r"gasp\w*",
        r"(?:hard|harder|difficult)"
        r" (?:time )?(?:getting|to get) air",
        r"air (?:won't|doesn't|isn't|can't) (?:go|get|come)",
        r"anaphyla\w*",
        r"epi ?pen (?:[\w']+ ){0,3}(?:used|gave|given|jabbed|needed|now)",
        r"(?:used|gave|give|giving|need|needed) (?:[\w']+ ){0,2}epi ?pen",
        r"throat (?:[\w']+ ){0,4}(?:clos\w*|swell\w*|swollen|tight\w*|narrow\w*|thick|blocked|shut\w*)",
        r"breathing (?:[\w']+ ){0,3}(?:tight|whistl\w*|wheez\w*|noisy|weird|funny|shallow|difficult|hard|laboured|labored|heavy|raspy"
        r"|rattl\w*|squeak\w*|strange)",
        r"(?:tongue|throat) (?:[\w']+ ){0,3}(?:swell\w*|swollen|puff\w*|blown up|balloon\w*|huge|massive|twice (?:the|its) size|thick|fat"
        r"|enormous|big)",
        r"chest (?:[\w']+ ){0,2}(?:tight\w*|closing)",
        r"tight (?:[\w']+ )?chest",
        r"hives? (?:[\w']+ ){0,3}(?:everywhere|all over|spreading)"
        r"(?: [\w']+){0,14} (?:dizzy|faint|light ?headed|breath\w*|throat|swell\w*)",
        r"(?:lips?|tongue|mouth|throat) (?:[\w']+ ){0,2}(?:tingl\w*|numb\w*|itch\w*)(?: [\w']+){0,6} (?:breath\w*|wheez\w*|swell\w*|dizzy"
        r"|throat)",
    )
)
# An allergic reaction the patient calls severe, now: the documents' sign needing care
# whatever else is named. A reaction only feared ("worried I'll have a bad reaction") is not one.
SEVERE_ALLERGY = _rx(
    _any(
        r"(?:severe|serious|bad|major|massive|huge|big|strong|violent|extreme|awful|terrible|horrible|full ?-? ?blown)"
        r" (?:[\w']+ )?allergic (?:reaction|attack|response)",
        r"allergic (?:reaction|attack|response) (?:[\w']+ ){0,3}(?:is |getting |seems |looks )?"
        r"(?:severe|serious|really bad|getting worse|worse and worse)",
        r"(?:allergic|anaphylactic) shock",
    )
)
ONLY_FEARED = _rx(
    _any(
        r"before",
        r"once",
        r"last time",
        r"in the past",
        r"i (?:always )?get",
        r"every time",
        r"whenever",
        r"allergic to",
        r"(?:worried|worry|scared|afraid|nervous|anxious|concerned|fear|paranoid|terrified) (?:[\w']+ ){0,5}(?:i'll|i will|i might"
        r"|i'd|i could|of (?:having|getting)|about (?:having|getting)|(?:it|they|that) (?:could|might|will|would))",
        r"what if",
        r"if (?:i|you|she|he|they|it|my|the|a|there)",
        r"in case",
        r"(?:can|could|might|may|would|will) (?:i|you|she|he|they|it|that|this|fillers?|peels?|lasers?|the [\w']+) (?:[\w']+ )?(?:have|get|cause|give|trigger|lead)",
        r"chances?",
        r"risks?",
        r"rare",
        r"common",
        r"possible",
        r"said",
        r"says",
        r"told",
        r"warned",
        r"read",
    )
)
# Said to be happening now, whatever the clause also asks ("I'm having a severe allergic reaction, what do I do if it gets worse").
ALLERGY_NOW = _rx(
    _any(
        r"(?:i'm|i am|im|she's|he's|they're|is|are|am|currently|been|keep) having",
        r"right now",
        r"getting worse",
        r"since",
        r"after (?:the |my |today's |this |her |his )?(?:[\w']+ )?(?:filler|peel|laser|treatment|injection|session|cream|serum|procedure)",
    )
)
FACE_SWELLING = _rx(
    _any(
        r"(?:lips?|mouth|face|eyes?|eyelids?|neck) (?:[\w']+ ){0,3}(?:swell\w*|swollen|puff\w*|blown up|balloon\w*|huge|massive"
        r"|twice (?:the|its) size|enormous)",
        r"swell\w* (?:[\w']+ ){0,2}(?:of|in|on) (?:my |her |his )?(?:face|throat|lips?|tongue|mouth|eyes?)",
    )
)
FEVER = _rx(
    _any(
        r"fever\w*",
        r"feverish",
        r"(?:high|a|running a|got a|have a|had a|has a|with a|spiking a|my|her|his) (?!normal|room|water|set|right|safe|low|comfortable)"
        r"(?:[\w']+ )?temperature",
        r"(?:sweating|sweaty|boiling|hot) and (?:freezing|cold|shivering)",
        r"teeth chattering",
        r"temperature (?:of |is |at |was |reading |around |about |over )?(?:3[7-9]|4[0-2]|9\d|10\d)",
        r"(?:3[89]|4[01])[.,]\d+",
        r"(?:3[89]|4[01])(?:[.,]\d+)? ?(?:° ?)?(?:c|degrees?|celsius)\b",
        r"10[0-6](?:[.,]\d+)? ?(?:° ?)?(?:f|degrees?|fahrenheit)",
        r"thermometer",
        r"(?:says|reads|reading|showing|hit|hitting|over) (?:10[0-6]|3[89]|4[01])(?:[.,]\d+)?\b",
        r"burning up",
        r"chills?",
        r"shiver\w*",
        r"rigou?rs",
        r"hot and cold",
        r"sweats",
        r"flu ?like",
    )
)
SPREADING = _rx(
    _any(
        r"spread\w*",
        r"creep\w*",
        r"crept",
        r"grow\w*",
        r"getting (?:[\w']+ )?(?:bigger|worse|redder|hotter|larger|wider)",
        r"streaks?",
        r"red (?:lines?|tracks?)",
        r"lines? (?:going|running|moving)",
        r"tracking",
        r"pus\w*",
        r"ooz\w*",
        r"hot to (?:the )?touch",
        r"(?:hot|warm) and (?:red|swollen|hard)",
        r"all the way (?:to|up|down|across|round|around)",
        r"moving (?:up|down|towards|across)",
        r"(?:up|down|across|up to|onto|into) (?:my |her |his )?"
        r"(?:neck|jaw|cheek|face|arm|chest|eye|eyes|ear|nose|forehead)",
        r"doubled",
        r"twice the size",
        r"abscess",
        r"cellulitis",
        r"infect\w*",
        r"swollen (?:and|&) (?:red|hot)",
        r"red (?:and|&) (?:swollen|hot)",
        r"yellow",
        r"green",
    )
)
ALLERGY = _rx(
    _any(
        r"allerg\w*",
        r"reaction",
        r"hives",
        r"stung",
        r"sting",
        r"nuts?",
        r"peanuts?",
        r"antibiotic\w*",
        r"penicillin",
        r"medication",
        r"tablets?",
        r"pills?",
        r"ate",
        r"eating",
        r"after (?:[\w']+ ){0,3}(?:using|putting|applying|taking)",
        r"new (?:cream|serum|product|mask|lotion|face ?wash)",
    )
)
MILD_FEVER = _rx(r"(?:slight|mild|low|little|low-grade|bit of a|small) (?:[\w']+ )?(?:fever|temperature|temp)")
INFLAMED = _rx(
    _any(
        r"swollen",
        r"swelling",
        r"swelled",
        r"hot",
        r"warm",
        r"pus\w*",
        r"throbb\w*",
        r"red and",
        r"abscess",
        r"infect\w*",
        r"boil",
    )
)
BLEEDING_STOPPED = _rx(
    _any(
        r"(?:a little|a bit|tiny|pinpoint|spot of|few drops|drop of|dots? of) (?:of )?(?:blood|bleed\w*|bled)",
        r"bled (?:a )?(?:little|bit|slightly)",
        r"(?<!not )(?<!n't )(?<!never )stopped (?:bleeding|after|within"
        r"|on its own|by itself|quickly|straight away|fast)",
        r"(?:it|bleeding|which|that) (?:has |had )?stopped",
    )
)
BLEED = _rx(r"(?:bl(?:ee|oo)d\w*|bled|bleed\w*|hemorrhag\w*|haemorrhag\w*|(?:won't|not|isn't|doesn't) clot\w*)")
UNSTOPPABLE = _rx(
    _any(
        r"(?:won't|wont|will not|doesn't|does not|isn't|is not|not|can't|cannot|couldn't|never|hasn't|has not|haven't|won't)"
        r" (?:[\w']+ ){0,2}stop\w*",
        r"keeps? (?:on )?(?:bleeding|going|coming|pouring|dripping)",
        r"soak\w*",
        r"pour\w*",
        r"gush\w*",
        r"spurt\w*",
        r"pumping",
        r"everywhere",
        r"for (?:over )?(?:an hour|hours|ages|\d+ (?:minutes|mins|hours))",
        r"(?:\d+|twenty|thirty|forty|an) (?:minutes|mins|hours?) (?:and|now|later|straight)",
        r"through (?:the |a |my |two |three |several )?(?:[\w']+ )?"
        r"(?:towels?|tissues?|bandages?|plasters?|gauze|pads?|pillow|shirt|dressings?)",
        r"(?:a lot|loads|tons|so much|lots) of blood",
        r"blood (?:[\w']+ ){0,2}everywhere",
        r"pressure (?:[\w']+ ){0,3}(?:isn't|not|doesn't|won't)",
        r"still bleeding",
        r"heav\w*",
        r"profuse\w*",
        r"uncontroll\w*",
        r"non ?stop",
        r"constantly",
        r"still (?:going|running|coming|pouring|dripping|oozing)",
        r"no matter",
        r"even with (?:[\w']+ )?pressure",
        r"with (?:firm |constant )?pressure",
        r"(?:won't|not|isn't|doesn't) clot\w*",
        r"since (?:this morning|last night|yesterday|earlier)",
        r"for (?:like |about |almost |nearly )?(?:an hour|hours|\d+ ?(?:min|mins"
        r"|minutes|hours|hrs))",
        r"nothing (?:[\w']+ )?stop\w*",
        r"filling (?:up )?with blood",
        r"bled through",
        r"(?:\d+|few|several|two|three|four|five) (?:times|gauzes|towels|tissues|pads|dressings|bandages)",
        r"all (?:evening|night|afternoon|morning|day)",
        r"since (?:lunch|breakfast|dinner|this afternoon|\d)",
    )
)
FAINTING = _rx(
    _any(
        r"fainted",
        r"fainting",
        r"faints",
        r"faint (?:\d+|twice|three|several|multiple|again) times?",
        r"keeps? (?:going down|fainting|passing out|collapsing|blacking out)",
        r"faint(?= (?:and|when|after|during|in|again)\b|\s*$)",
        r"(?:feel|feels|feeling|felt|going to|gonna"
        r"|about to|might|almost|nearly) (?:[\w']+ )?faint",
        r"passed out",
        r"passes out",
        r"passing out",
        r"pass out",
        r"blacked out",
        r"black out",
        r"blacking out",
        r"collaps\w*",
        r"unconscious",
        r"unresponsive",
        r"lost consciousness",
        r"losing consciousness",
        r"keeled over",
        r"seiz\w*",
        r"fitting(?! (?:me|you|us|him|her|them|it) in\b| in (?:at|with|a |an |my |the (?:appointment|session)))",
        r"(?:had|having|has) a fit",
        r"(?:it|that) (?:was|is|looked like) a fit",
        r"convuls\w*",
        r"won't wake up",
        r"can't wake (?:her|him|them)",
        r"floppy",
        r"eyes? (?:[\w']+ )?rolled",
        r"rolled back",
        r"(?:he's|she's|he is|she is|they're|body|arms?|legs?|whole body)"
        r" (?:[\w']+ )?(?:twitch\w*|jerking|shaking uncontrollably)",
        r"twitching (?:all over|and|uncontrollably)",
        r"jerking",
        r"out cold",
        r"came round",
        r"come round",
    )
)
HABITUAL_FAINT = _rx(
    _any(
        r"(?:feel|feeling|get|go|goes|gets) (?:[\w']+ )?faint (?:[\w']+ ){0,3}(?:thinking|at the (?:sight|thought)|when"
        r"|if|around|looking|whenever)",
        r"faints? (?:at|when|if|around|with|whenever)",
        # Fainting once, years ago, giving blood: a history, not what is happening now.
        r"(?:fainted|passed out) (?:once|before|in the past|years ago|as a (?:kid|child|teen\w*)) (?:[\w']+ ){0,2}(?:giving"
        r"|donating|when i (?:gave|donated)) blood",
        r"(?:always|tends? to|usually|sometimes|often)"
        r" (?:[\w']+ )?faint",
        r"fear of",
        r"scared of",
        r"feel faint (?:at|when)",
        r"faint (?:scars?|marks?|lines?"
        r"|spots?|redness|pink|discolou?ration|outline|trace)",
        r"faintest",
        r"fainter",
        r"faintly",
        r"fainted when (?:i|he|she|they|we) (?:had|got|was|saw|were)",
        r"(?:faint|fainted|fainting) (?:[\w']+ )?(?:at|when i saw|over) (?:the )?(?:price|cost|bill"
        r"|quote)",
        r"seizure from",
        r"epilep\w*",
    )
)
CHEST_PAIN = _rx(
    _any(
        r"chest (?:[\w']+ ){0,2}(?:pain\w*|hurt\w*|ache\w*|aching|pressure|tight\w*|crush\w*|squeez\w*|heavy|burning|pounding)",
        r"chest (?:feels?|is|was) (?:[\w']+ ){0,2}(?:like|heavy|crushed|tight)",
        r"elephant (?:[\w']+ ){0,3}(?:chest|sitting on)",
        r"(?:pains?|pressure|tightness|crushing|squeezing|ache) (?:[\w']+ ){0,2}(?:in|on|across) (?:my |her |his |the )?chest",
        r"(?:in|on|across) (?:the )?(?:middle|centre|center|left side|right side) of (?:my |her |his |the )?chest",
        r"band (?:[\w']+ ){0,2}(?:across|around|round) (?:my |her |his )?chest",
        r"heart (?:attack|is racing|racing|pounding|beating (?:so )?fast)",
        r"heart (?:[\w']+ ){0,2}(?:racing|pounding)",
        r"arm (?:[\w']+ )?(?:numb|tingl\w*) (?:[\w']+ ){0,4}chest",
    )
)
BLISTER = _rx(
    _any(
        r"blister\w*",
        r"raw",
        r"weep\w*",
        r"ooz\w*",
        r"(?:skin|face) (?:[\w']+ ){0,3}(?:peel\w*|coming|came|falling)"
        r" off in (?:sheets|chunks|strips|layers)",
        r"in sheets",
        r"open wounds?",
        r"bubbl\w*",
        r"charred",
        r"(?:second|third|2nd|3rd) degree",
        r"skin (?:[\w']+ ){0,2}(?:melt\w*|sloughing|sliding off)",
    )
)
BURN_SIZE = _rx(
    _any(
        r"this much",
        r"so much",
        r"large",
        r"big\w*",
        r"huge",
        r"massive",
        r"giant",
        r"whole",
        r"entire",
        r"all over",
        r"everywhere",
        r"most of",
        r"half (?:of )?(?:my|her|his)",
        r"cover\w*",
        r"lots of",
        r"loads of",
        r"so many",
        r"several",
        r"multiple",
        r"many",
        r"spreading",
        r"\w+-?sized",
        r"size of",
        r"coin",
        r"grape",
        r"raw",
        r"weep\w*",
        r"ooz\w*",
        r"in sheets",
        r"open",
        r"agony",
        r"excruciating",
        r"unbearable",
        r"severe",
        r"charred",
        r"(?:second|third|2nd|3rd) degree",
        r"melt\w*",
        r"bubbl\w*",
    )
)
# A streak kept up day after day ("don't wanna lose my streak") is no red streak.
RUN_OF_DAYS = _rx(
    r"(?:lose|losing|lost|keep|keeping|break|breaking|broke|ruin\w*|maintain\w*) (?:my |the |a |our )?streak\b"
    r"|(?:snap|winning|gym|workout|day) streak\b"
)
SMALL_BLISTER = _rx(r"(?:small|tiny|little|single) (?:[\w']+ )?blister(?!s)")
OTHER_BLISTERS = _rx(
    _any(
        r"shoes?",
        r"heels?",
        r"feet",
        r"foot",
        r"toes?",
        r"hiking",
        r"running",
        r"walking",
        r"cold sores?",
        r"chicken ?pox",
        r"rowing",
        r"gardening",
        r"guitar",
    )
)
BURN_CAUSE = _rx(
    _any(
        r"peel\w*",
        r"laser\w*",
        r"acid\w*",
        r"tca",
        r"glycolic",
        r"lactic",
        r"phenol",
        r"ipl",
        r"burn\w*",
        r"treatment",
        r"procedure",
        r"chemical",
        r"bleach",
        r"lemon",
        r"toothpaste",
        r"microneedl\w*",
        r"co2",
        r"fraxel",
        r"diy",
        r"at home",
        r"home",
        r"kit",
        r"solution",
        r"cream",
        r"serum",
    )
)
MILD = _rx(
    _any(
        r"(?:a )?(?:little|tiny|small|slight|slightly|bit of|bit|mild|mildly|minor|few|couple of|pinpoint|faint)",
        r"(?<!not )(?<!n't )(?<!never )stopped",
        r"went away",
        r"gone now",
        r"settled",
        r"gone down",
    )
)

# Suicidal thoughts and self-harm, about oneself or someone at risk.
SELF = _any(r"myself", r"my ?self", r"herself", r"himself", r"themselves", r"themself", r"ourselves", r"yourself")
# "I don't want to go on" is a crisis sign; going on a date, a holiday or a medicine is not.
_GOING_ON_SOMETHING = (
    r"(?! (?:a |an |the |my |another )?(?:dates?|holidays?|vacations?|trips?|cruise|diet|course|camera|stage|video|facetime"
    r"|social media|instagram|tiktok|accutane|roaccutane|isotretinoin|antibiotics|doxy\w*|spiro\w*|tretinoin|retinoids?"
    r"|birth control|the pill|pills? for|meds? for|medication for|[\w']+ (?:pills?|medications?|medicines?|tablets?|treatment"
    r"|course|cream))\b)"
)
CRISIS = _rx(
    _any(
        r"kill\w* " + SELF,
        r"(?:end|ending|ended|take|taking|took) (?:[\w']+ )?(?:own )?(?:life|lives)",
        r"end (?:it|it all|everything|things|this) ?(?:all|now|tonight|soon|for good)?",
        r"ending (?:it|it all|everything|things)"
        r"(?! with (?:him|her|them|my (?:boyfriend|girlfriend|partner|ex|old (?:clinic|dermatologist|derm|doctor))|your clinic)\b)",
        r"(?:want|wanted|wanna|wants|wish|wishing|going|gonna|ready|decided|plan\w*|trying|tried) (?:[\w']+ ){0,2}(?:to )?die",
        r"(?:rather|better off|be better|would be better|world would be better) (?:[\w']+ ){0,3}(?:dead|gone|without me|not here"
        r"|not around|if i (?:wasn't|weren't|was not|were not|wasnt|didn't exist|disappeared|died))",
        r"better off (?:[\w']+ ){0,2}if (?:i|she|he) (?:[\w']+ )?(?:wasn't|weren't|was not|were not|didn't exist|disappeared|vanished"
        r"|died|was gone|were gone|wasn't here|weren't here|left for good)",
        r"wish (?:[\w']+ ){0,2}(?:dead|i (?:was|were|wasn't|weren't|wasnt) (?:[\w']+ )?(?:born|here|alive|dead|around)|i (?:could )?"
        r"(?:disappear|vanish|stop existing|not exist|sleep forever|never wake|not wake|die|just die|fall asleep and))",
        r"(?:don't|dont|do not|doesn't|does not|never|not) (?:[\w']+ ){0,2}(?:want|wanting|wanna|wish|wishing) (?:to )?(?:[\w']+ ){0,2}(?:live(?! with (?:these|my|the|this|those) (?:[\w']+ )?(?:scars?|marks?|skin|acne|face|pits|holes|dents))|be alive|be here"
        r"|exist|wake up|go on(?= *$| living| like this| anymore| any more)|be around|see tomorrow|keep going|carry on)",
        r"(?:hope|hoping|pray\w*) (?:[\w']+ ){0,2}(?:don't|do not|never|won't|wont|will not|not) (?:[\w']+ ){0,2}wake",
        r"not (?:[\w']+ ){0,1}wake up",
        r"never wake up",
        r"sleep and (?:never|not) wake",
        r"sleep forever",
        r"stop existing",
        r"(?:i|i'm|i'd) (?:(?:just|really|honestly|literally|sometimes|often|kinda|kind of|so|want|wanna|wish|could|would|"
        r"like|to|feel like|i|need|am going|am gonna|gonna|going)\s){1,4}(?:disappear|vanish)(?: (?:forever|for good|completely|"
        r"permanently|from (?:this|the) world|from everyone|off the face|and never|and not)|\s*$)",
        r"(?:i'm|i am|im|being|feel like|i feel|just) (?:[\w']+ ){0,2}(?:a |such a |the )?burden",
        r"burden (?:to|on|for) (?:everyone"
        r"|everybody|my|them|you|people)",
        r"(?:everyone|everybody|they|people|family|world) (?:[\w']+ ){0,3}(?:better off|happier)"
        r" (?:[\w']+ ){0,3}(?:without me|if i)",
        r"no (?:reason|point|purpose) (?:[\w']+ ){0,2}(?:to |in |of )?(?:live|living|going on"
        r"|being alive|life|be here|existing|anything|carrying on|trying)",
        r"(?:what's|whats|what is) the point (?:[\w']+ ){0,3}"
        r"(?:living|life|anything|going on|being alive|existing|of me|trying anymore|anymore)",
        r"can't (?:[\w']+ ){0,2}(?:go on|do (?:this|it|life) (?:anymore|any more)|keep going|live like this|carry on|be here anymore)",
        r"(?:pills|tablets|paracetamol|tylenol|meds|medication|sleeping pills|painkillers|pill) (?:[\w']+ ){0,5}(?:saved|stockpil\w*"
        r"|collect\w*|hoard\w*|stash\w*|stored|saving|hidden|hid)",
        r"(?:saved|saving|stockpil\w*|collect\w*|hoard\w*|stash\w*|"
        r"hidden|hid) (?:[\w']+ ){0,4}(?:pills|tablets|paracetamol|tylenol|meds|medication|painkillers)",
        r"how many (?:[\w']+ ){0,3}(?:pills|tablets|paracetamol|tylenol|meds|painkillers|sleeping|capsules) (?:[\w']+ ){0,4}(?:would it"
        r" take|to (?:die|kill|not wake|overdose|od|end)|is lethal|is too many|enough to|would kill)",
        r"overdos\w*",
        r"lethal dose",
        r"(?:od|o\.d)(?: on|ing)\b",
        r"jump (?:off|from|in front)",
        r"hang\w* " + SELF,
        r"noose",
        r"slit\w* (?:my|her|his) (?:wrists?|throat)",
        r"(?:goodbye|suicide) (?:note|letter)",
        r"(?:write|wrote|writing|written|left) (?:[\w']+ ){0,2}(?:goodbye|final) (?:[\w']+ ){0,2}(?:note|letter|message)",
        r"giv\w* (?:[\w']+ ){0,3}(?:stuff|things|belongings|possessions|everything) away",
        r"won't be (?:[\w']+ )?(?:around|here) (?:much"
        r" longer|for long|tomorrow|anymore|after)",
        r"not (?:gonna|going to) be (?:[\w']+ )?(?:around|here) (?:much longer|for long"
        r"|tomorrow|anymore|soon)",
        r"this is goodbye",
        r"goodbye forever(?= *$)",
        r"goodbye (?:everyone|world)",
        r"(?:want|wanna|wanted|going|gonna|tempted|urge|urges) (?:[\w']+ ){0,2}(?:to )?(?:hurt|harm|cut|burn|punish|hit) " + SELF,
        r"(?:hurt\w*|harm\w*|cut\w*|burn\w*|punish\w*|hit\w*|scratch\w*|starv\w*|injur\w*|stab\w*|mutilat\w*) " + SELF,
        r"self[ -]?harm\w*",
        r"self[ -]?injur\w*",
        r"selfharm\w*",
        r"cut\w* (?:my|her|his|their) (?:wrists?|arms?|legs?|thighs?"
        r"|stomach|skin) (?:again|with|open)",
        r"cut\w* (?:my|her|his|their) (?:wrists?|arms?|thighs?)",
        r"(?:razor(?! bumps?| burns?| rash)|blade|knife|scissors|glass) (?:[\w']+ ){0,3}(?:on|to|into|across) (?:my|her|his)"
        r" (?:skin|arms?|wrists?|legs?|thighs?)",
        r"(?:relaps\w*|clean for|days clean|weeks clean|months clean) (?:[\w']+ ){0,6}(?:cut\w*|harm\w*|hurt\w*|burn\w*|again)",
        r"(?:cut|cutting|harming|hurting) again",
        # a peel, a roller or a needle on a spot at home, said right after the words, is not a plan
        r"(?:thinking|thought|think) (?:[\w']+ ){0,2}(?:about |of )?doing it(?! (?:[\w']+ ){0,3}?(?:myself|at home|on my (?:face|skin|scars?|cheeks?|chin|forehead|nose)"
        r"|with a (?:sewing )?needle instead of))",
        r"(?:going to|gonna) do it (?:tonight|today|soon|this weekend|tomorrow|now)(?! ?,? (?:just |only )?(?:the|my) (?:home )?(?:peel|roller|derma ?\w+|mask|kit))",
        r"(?:doing|do|did) it (?:myself )?(?:at home )?with a (?:sewing )?needle(?! instead of (?:squeezing|popping|picking))",
        # but not a decision about a treatment or a booking ("I've decided to go with the laser")
        r"(?:i've|already|have)"
        r" decided(?! (?:to )?book"
        # "I've decided I want to book a consultation"
        r"|(?: ,)? (?:that )?i(?: want to| wanna| would like to|'d like to| need to| will|'ll| am going to|'m going to| am gonna|'m gonna) book"
        r" (?:in |me in )?(?:for )?(?:a |an |my |the |our |his |her )?(?!(?:last|final) )(?:[\w-]+ )?(?:consultation|consult|appointment|visit|session)"
        r"| to (?:go (?:with|for|ahead with)|try|get|have|start|switch to) (?:the |a |an |some |my |your )?(?:laser|lasers|peels?|fillers?|microneedling|prp|fraxel|subcision|treatment|consultation|consult|appointment|clinic|derm\w*)"
        r"| to wait (?:until|till|for)| to switch clinics?| not to (?:go ahead|book|have|get|do|start|continue)| to (?:cancel|stop the)"
        # "I've decided I'm just gonna do it myself": a treatment at home
        r"|,? (?:i'm |im )?(?:just )?(?:gonna|going to) (?:do|try) (?:it|them|my \w+) (?:myself|at home))",
        r"cutting (?:myself|herself|himself|themselves|again|is the only)",
        r"(?:pick|scratch|dig|tear|rip)\w* (?:[\w']+ ){0,4}(?:until|till|til) (?:it|they|i|my skin) (?:[\w']+ ){0,2}bl(?:ee|ed)\w*"
        r" (?:[\w']+ ){0,6}(?:on purpose|deserve|punish|because i want|to feel|to punish)",
        r"(?:deserve|punish\w*) (?:[\w']+ ){0,4}(?:pain|to hurt|to suffer|to bleed|to die|myself)",
        # Farewells, plans and means.
        r"won't need (?:them|it|this|that|those|these|anything|my (?:[\w']+ )?(?:things|stuff)) (?:[\w']+ ){0,2}(?:anymore|any more"
        r"|where|much longer|after tonight)",
        r"where i'm going",
        r"(?:i have|i've got|i've made|i made|got) (?:a|my) plan(?= and a date| for (?:it|tonight|how|when)| to (?:do it|end|kill|die)"
        r"| already| now)",
        r"a plan and a date",
        r"(?:thinking|thought|think) (?:[\w']+ ){0,2}(?:about |of )?(?:jumping|how (?:i'd|i would|i'll|i will|i could) do it"
        r"|ending it|the bridge|the roof|the tracks)",
        r"jump\w* (?:off|from|in front)",
        r"in front of (?:a |the )?(?:train|bus|car|lorry|truck)",
        r"(?:way|ways|how|best way|easiest way|painless way) to (?:die|kill"
        r" myself|end it|end my life|not wake up)",
        r"(?:lost|losing) (?:my |the )?will to live",
        r"who (?:should|will|would|gets|can have) (?:get |have )?my (?:things|stuff|belongings)",
        r"(?:giv\w*|gave) (?:[\w']+ ){0,2}away"
        r" (?:[\w']+ ){0,2}(?:things|stuff|belongings|possessions|everything|stuff)",
        r"(?:thanks|thank you) for everything(?: [\w']+){0,4} (?:love"
        r" you|goodbye(?! for now)|bye(?! for now)|look after)",
        r"(?:said|saying|say) (?:my )?(?:good ?)?byes? to (?:everyone|everybody|all|them"
        r"|my (?:friends|family|mum|mother|dad|father|parents|sister|brother|kids|children|partner|boyfriend|girlfriend|wife|husband|pets?"
        r"|cat|dog))",
        r"see (?:you|ya) never",
        r"no (?:point|reason) (?:in |for )?(?:me )?(?:being here|being alive|living|existing|going on|staying alive|carrying on)",
        r"(?:i'm|im|i am) done with (?:breathing|living|life|being alive|existing|this world|it all)",
        r"tak\w* myself out(?! (?:for (?:a|dinner|lunch|coffee|drinks|brunch)|to (?:dinner|lunch|the)|of the (?:group|chat|list))\b)",
        r"(?:won't|will not|wont) be (?:an? )?(?:after|afterwards|tomorrow|next (?:time|week|year))(?: (?:that|this))? for me",
        r"(?:wanted|want|wanna|just) (?:to )?say (?:good ?)?bye(?! for now)",
        r"(?:won't|will not|not gonna|not going to|wont) be"
        r" (?:around|here|alive) (?:[\w']+ ){0,3}(?:long|longer|anymore|any more|tomorrow|much)",
        r"won't have to (?:deal with|worry about|see|put up with) (?:me|him|her|them) (?:[\w']+ ){0,2}(?:longer|anymore|soon)",
        r"(?:no ?one|nobody|noone) (?:would|will|'d|is going to|gonna|is gonna) (?:even )?(?:miss|notice|care) (?:me|her|him|them|if)",
        r"(?:if i|i|she|he) (?:just )?(?:didn't|did not|don't|wasn't|weren't) exist",
        r"not (?:be|being) here (?:at all|anymore|any more"
        r"|tomorrow|much longer)",
        r"wish (?:i|she|he) (?:wouldn't|would not|didn't|did not|couldn't|won't|wouldnt) (?:[\w']+ ){0,2}"
        r"(?:come back|wake|survive|make it)",
        r"(?:if i was|if i were|when i'm|i'd be) gone",
        r"disappear\w* (?:forever|for good|permanently"
        r"|off the face|from (?:this|the) world)",
        r"(?:want|wanna|need|wish) (?:[\w']+ ){0,2}(?:it all|everything|all of it|life|the pain)"
        r" to (?:stop|end)(?: [\w']+){0,6} (?:permanently|forever|for good|all of it)",
        r"(?:want|wanna|need) it all to (?:stop|end)",
        r"(?:want|wants|wanted|wanna|wish|wishes) (?:to )?be dead",
        r"(?:don't|do not|can't|cannot) see (?:the |any )?point (?:in |of )?"
        r"(?:living|life|going on|being alive|anything|carrying on|being here)",
        r"better (?:off )?without (?:me\b|my [\w']+ (?:[\w']+ )?in it)",
        r"(?<!financial )(?:a|such a|the|just a|only a|big) burden\b",
        r"(?:pills|tablets|blade|razor|rope) (?:[\w']+ ){0,2}ready",
        r"(?:got|have|bought) (?:the |my |a )?(?:blade|razor(?! bumps?| burns?| rash)|rope)",
        r"(?:take|taking|swallow\w*) (?:all|every|a whole|the whole)"
        r" (?:of )?(?:my |the )?(?:pills|tablets|meds|bottle|box|packet)",
        # Means, places and attempts.
        r"(?:took|taken|take|swallowed|swallow|drank|had|taking|swallowing) (?:[\w']+ ){0,2}(?:all|a lot of|a load of|a whole|everything|"
        r"\d{2,}|too many|a bottle|a strip|a pack|the lot|loads of|handful of|most of|two packs|a box)(?: [\w']+){0,4}"
        r" (?:pills|tablets|meds|medicine|medication|paracetamol|tylenol|ibuprofen|sertraline|co-codamol|insulin|capsules|cabinet"
        r"|sleeping|painkillers|heart|antidepressants|doxycycline|isotretinoin|spironolactone)",
        r"(?:pills )(?:pills )+",
        r"(?:stockpil\w*|kept back|keeping back|hiding|saving|hoarding|saved|collecting) (?:[\w']+ ){0,4}(?:pills|tablets|meds|capsules|insulin"
        r"|medication|antidepressants|co-codamol|isotretinoin|paracetamol)",
        r"(?:when|for when) i'm ready",
        r"(?:in|at) a big dose",
        r"overdose on",
        r"enough to (?:die|do it|not wake|kill)",
        # but not "I've read enough now and I want to book a consultation"
        r"(?<!read )enough now",
        r"read enough now(?! (?:[\w',]+ ){0,8}?(?:book\w*|consultation|consult|appointment))",
        r"(?:bought|buy|buying|got) (?:[\w']+ ){0,2}packs? of (?:paracetamol|tylenol|pills|tablets|painkillers)",
        r"(?:driv\w*|swerv\w*|crash\w*|step\w*|walk\w*|throw\w*) (?:[\w']+ ){0,2}(?:into|in front of|off|under) (?:a |the )?(?:wall|lorry"
        r"|truck|bus|train|car|tree|traffic|edge|bridge|roof|platform)",
        r"(?:a car|a bus|a train|something) (?:hits|hit|happens to) me",
        r"(?:roof|bridge|railway|tracks|platform|cliffs?|ledge|overpass|multi[ -]?storey|balcony|river|\d+(?:st|nd|rd|th) floor)"
        r"(?: [\w']+){0,8} (?:right now|tonight|looking down|thinking|won't come down|wont come down|edge|step\w* off|jump\w*|going"
        r" through|get in|can't stop crying|don't want to go|an hour|for a long time|sorry)",
        r"(?:at|on|by) the (?:top of the|edge of the)"
        r" (?:multi[ -]?storey|roof|bridge|cliff|car park)",
        r"(?:knife|blade|razor(?! bumps?| burns?| rash)) (?:[\w']+ ){0,2}(?:against|to|on) (?:my|her|his)"
        r" (?:wrist|throat|arm|neck)",
        r"drink (?:the |some )?bleach",
        r"(?:get|buy|find) a gun",
        r"(?:i|she|he) attempted",
        r"attempted (?:on|last|suicide|again)",
        r"tried to (?:kill|end|hang|overdose|take my)",
        r"cut (?:[\w']+ ){0,2}deep",
        r"hit the vein",
        r"(?:to|just|never) not wake up",
        r"to not wake up",
        r"knife (?:[\w']+ ){0,3}(?:arms?|wrists?|again|tonight|blood)",
        # a needling tool or blade taken to the wrist to cope, to feel or to punish is self-harm
        r"(?:derma ?pens?|rollers?|needles?|pins?|razors?|blades?|scalpels?) (?:[\w']+ ){0,5}(?:on|into|across|against|to) my wrists?"
        r" (?:[\w']+ ){0,4}(?:cope|coping|to feel|deserve|punish\w*|numb|release|again)",
        r"(?:blood|knife) (?:knife )?again",
        r"done (?:[\w']+ )?knife",
        r"pills (?:[\w'+]+ ){0,3}(?:tonight|goodbye|wine|vodka|alcohol)",
        r"bridge (?:[\w'+]+ ){0,3}tonight",
        r"(?:got|have|i've got) (?:all )?the pills",
        r"(?:how|when) (?:and (?:how|when) )?i'm (?:going to|gonna) do it",
        r"(?:picked|chosen|set|got|have) (?!(?:a |an |my |our |the )?(?:first|big|hot|blind|dinner|lunch|movie|second|third|proper|real"
        r"|cute|play|wedding|due|start) )(?:[\w']+ ){0,2}date\b(?! for (?:my|the|a|your|our) | (?:on|with|tonight|tomorrow"
        r"|this|next|at|monday|tuesday|wednesday|thursday|friday|saturday|sunday|coming up|later)\b)",
        r"(?<!wedding )(?<!due )(?<!start )(?<!appointment )date (?:picked|set|in my head)",
        r"(?:all )?planned out",
        r"planned (?:it|everything) out",
        r"(?:highest|tallest) (?:bridge|building|car park)",
        r"bridges? (?:[\w']+ ){0,4}highest",
        r"(?:going to|gonna) drink (?:it|the bleach|bleach)",
        r"(?:gonna|going to|wanna|want to) jump(?! (?:on|in|into|at|start|ahead|the queue))",
        r"goodbye to (?:this|the) world",
        r"(?:don't|can't|cannot) see (?:a|any) future",
        r"not (?:being|be) alive",
        r"deserve to (?:eat|until)",
        r"(?:not gonna|not going to|won't) be (?:here|around|alive) (?:for|by|at) (?!(?:my|the|a|your) (?:appointment|session|booking"
        r"|consultation))",
        r"(?:slap|hit|punch)\w* (?:my own|myself in the) (?:face|head|stomach)",
        r"(?:burn|burning|burnt|cut|cutting|carv\w*|scratch\w*) (?:the backs of |my own )?(?:my|her|his) (?:arms?|legs?|thighs?|wrists?"
        r"|hands?|skin|stomach)(?: [\w']+){0,4} (?:with|on purpose|until|so|again|where no one)",
        # Death as the writer's own way out, in the words people use for it.
        r"(?:off|offing|top|topping|end|ending|drown|drowning) (?:my|him|her|them)sel(?:f|ves)",
        r"bleed(?:ing)? out",
        r"stop my heart",
        r"tried to drown",
        r"(?:walk\w*|get\w*) (?:[\w']+ ){0,2}(?:into|in|out to|out into) the (?:sea|river|lake|water)",
        r"swim\w* (?:[\w']+ ){0,2}(?:into|out to|out into) the (?:sea|river|lake|water)",
        r"swim\w* out",
        r"hose ?pipe",
        r"engine running",
        r"pesticide",
        r"(?:shot)?gun cabinet",
        r"long drop",
        r"last supper",
        r"somewhere peaceful",
        r"after i'm gone",
        r"if i (?:was|were) to die",
        r"(?:planning|plan|planned) (?:my |to be |on being )?(?:exit|gone|own death|death)",
        r"my (?:own )?(?:death|exit)\b",
        r"take me in my sleep",
        r"(?:do not|don't|no) (?:wish|want|desire) to (?:continue|carry on|go on" + _GOING_ON_SOMETHING + r"|come up|be here)",
        r"no wish to (?:continue|carry on|go on|live)",
        r"when (?:he|she|it) goes,? so do i",
        r"lighter without me",
        r"(?:i'll|i will|i'm going to|planning to|plan to) be gone by",
        r"(?:i'll|ill|i will|going to|gonna) be gone",
        r"be gone soon",
        r"(?:think|thinking|thought) (?:[\w']+ ){0,2}(?:about|abt|of)"
        r" (?:death|dying|being dead|not being here|not existing|my funeral)",
        r"rehears\w* (?:my )?(?:own )?death",
        r"(?:to|i want to)"
        r" not exist",
        r"(?:favour|favor) if i (?:went|was gone|died)",
        r"easier for everyone if i",
        r"if i (?:just )?"
        r"(?:went|was gone|wasn't around|weren't around|wasn't here|disappeared)",
        r"could just not be here",
        r"not (?:planning|going|gonna)"
        r" (?:to )?be around",
        r"not (?:be )?around (?:much longer|for long|long)",
        r"only (?:reason|thing) (?:i'm|im|keeping me) still here",
        r"only thing stopping me",
        r"don't want to come (?:back )?up",
        r"won't come (?:back )?up",
        r"be with (?:him|her|them|dad|mum|my (?:husband|wife|dad|mum|son|daughter)) (?:again|now|soon)?",
        r"go and be with",
        r"better off (?:dead|gone|in the ground)",
        r"(?:stopped|stop|stopping) taking (?:[\w']+ ){0,3}(?:meds|medication"
        r"|tablets|pills|insulin) on purpose",
        r"hit by a (?:bus|car|train|lorry|truck)",
        r"(?:stepped|step|walked|walk) out (?:[\w']+ ){0,3}on purpose",
        r"drive (?:[\w']+ ){0,2}(?:off|into) (?:the|a) (?:road|cliff|gap|wall)",
        r"driv\w* off the road",
        r"i'm the problem",
        r"(?:razor|knife|blade) (?:[\w']+ ){0,8}(?:on myself|didn't do it|might"
        r" tonight|using it)",
        r"using it on (?:my|him|her)sel\w*",
        r"(?:didn't|did not) (?:do it|go through with it)",
        r"not sure i won't",
        r"(?:don't|didn't|did not|do not) (?:want|wanna) to be alive",
        r"all (?:my |the |of my )?(?:[\w']+ )?(?:pills|tablets|meds|medication|capsules|mirtazapine|paracetamol|accutane"
        r"|isotretinoin|antibiotics|codeine) (?:[\w']+ )?at once",
        r"counted out",
        r"better off (?:with|without) (?:[\w']+ ){0,2}(?:life insurance|me|him|her)\b",
        r"life insurance",
        r"did it on purpose",
        r"on purpose with a (?:cigarette|lighter|razor|knife|blade|needle)",
        r"saying (?:good ?)?bye to people",
        r"(?:written|wrote|writing|left|leaving) (?:a|my|the) note\b(?!(?: [\w']+){0,4} remind)",
        r"(?:spot|place|way|method|date) (?:all )?picked out",
        r"picked out in the woods",
        r"(?:posted|sent|left) (?:[\w']+ ){0,3}(?:saying )?"
        r"goodbye",
        r"(?:reason|way) to not be here",
        r"to not be here (?:anymore|any more)",
        r"my (?:own )?funeral",
        r"funeral (?:\. )?mine",
        r"until i (?:disappear|die|waste away|vanish|fade)",
        r"(?:don't|do not) want to get better",
        r"(?:gave|giving|given) (?:away )?(?:my|his|her) (?:[\w']+ ){0,2}(?:guitar|xbox|console"
        r"|games|watch|ring|jewel\w*|clothes|tools|fishing gear|bike|laptop|books|cat|dog) (?:to|away)",
        r"drive out to the (?:gap|cliffs?"
        r"|bridge|quarry|woods|sea|coast)",
        r"(?:think|thinking|thought) about (?:[\w']+ ){0,3}(?:is )?dying",
        r"all i (?:[\w']+ ){0,2}think"
        r" about (?:[\w']+ )?is (?:dying|death|killing|ending)",
        # Means kept or counted.
        r"(?:counted|counting|saving|saved|storing|stored|hid|hidden|stockpil\w*|hoard\w*|collected|keeping) (?:[\w']+ ){0,5}(?:pills|tablets"
        r"|paracetamol|codeine|oxycodone|mirtazapine|meds|medication|insulin|co-codamol|tylenol|ibuprofen|razors?|blades?)",
        r"(?:pills|tablets|paracetamol|codeine|oxycodone|meds|razors?|blades?) (?:[\w']+ ){0,5}(?:counted|saved|stored|hidden|out on|at"
        r" once|in my (?:drawer|pencil case|room))",
        r"every pill",
        r"had the pills out",
        r"there's enough",
        r"(?:razor|blade|knife|needle|cigarette|lighter)s? (?:[\w']+ ){0,8}(?:on purpose|on myself|into myself|deeper|most days|relief|use them)",
        r"(?:take|took) a knife to",
        r"razor blades",
        r"\bs / h\b",
        r"sh kit",
        r"urge to (?:cut|hurt|burn)",
        r"deserve the (?:cuts|pain)",
        r"did (?:some|more) (?:new )?(?:ones|cuts) (?:[\w']+ )?"
        r"(?:yesterday|last night|tonight|on [\w']+day)",
        r"cuts? (?:i|i've) (?:keep )?(?:mak\w*|made|did)",
        r"cut (?:a bit |much |even )?deeper",
        r"rope marks",
        r"marks from a razor",
        # Finality and farewells.
        r"(?:this is|this will be|it's) (?:prob |probably |likely )?my (?:last|final) (?:message|goodbye|night)(?! (?:before|for (?:today|now|tonight)|until|of the day))",
        r"my (?:suicide |goodbye )?note",
        r"notes? for everyone",
        r"(?:goodbye )?letters? to (?:my|everyone)",
        r"goodbye (?:letters?|notes?|voice note|message)",
        r"won't (?:be|make) (?:it|here|alive|around)"
        r"(?! (?:next|on|until|till|from|in|at|between|during|this|tomorrow (?:morning|afternoon)|for (?:my|the|a) (?:appointment|session"
        r"|booking|holiday)))",
        r"won't (?:bother|message|trouble) (?:you|anyone) (?:[\w']+ ){0,4}again",
        r"(?:none of it|nothing) will matter",
        r"gave (?:my|her|his) (?:cat|dog|pets?|rabbit) to",
        r"deleted all my (?:socials|accounts)",
        r"(?:given|gave) (?:[\w']+ ){0,2}(?:all )?my passwords",
        r"(?:updated|made|wrote|writing) (?:my )?will\b",
        r"i mean it (?:properly )?this time",
        r"tell my (?:mum|mom|mother|dad|family)"
        r" (?:i'm )?sorry",
        r"the forever kind",
        r"final exit",
        r"\bctb\b",
        r"sewer ?slide",
        r"catch(?:ing)? the bus (?:tonight|this weekend|soon|and be done)(?! to)",
        r"planning my (?:own )?funeral",
        r"giv\w* away (?:his|her|my|their) (?:[\w']+ ){0,5}(?:tools|watch|things|stuff|clothes|jewel\w*|gear"
        r"|games|books|belongings|possessions|ring|guitar|xbox|console|phone)",
        # Existence itself.
        r"tired of (?:existing|being alive|living|life|fighting to stay|being here)",
        r"done (?:living|with (?:everything|life|it all))",
        r"(?:don't|doesn't|do not|does not) deserve (?:to (?:be alive|live|exist|be here|eat)|food)",
        r"not (?:scared|afraid) of dying",
        r"(?:can't|cannot) keep (?:living|going) like this",
        r"stop living",
        r"(?:wish i'd|wish i had)"
        r" never been born",
        r"never been born",
        r"(?:want|wanna|need) (?:it all|everything|this|the pain|it) to (?:be over|stop|end)",
        r"make it (?:all )?stop (?:tonight|for good|forever|one way)",
        r"(?:no|there's no) future for me",
        r"(?:won't|will not|don't think i'll) (?:still )?be alive",
        r"alive (?:for|by) (?:it|christmas|then|my|next)",
        r"(?:don't|do not) care if i'm (?:alive|dead)",
        r"if i died",
        r"(?:not|never) (?:going to|gonna) stick around",
        r"way out (?:of this )?except",
        r"feel like (?:killing|kill\w*|hurting|ending) (?:myself|yourself|it)",
        r"(?:wishes|wished|wish) (?:he|she|they|i) (?:was|were) dead",
        r"dead soon",
        r"(?:took|taken|taking) too many (?:[\w']+ ){0,3}on purpose",
        r"(?:want|wants|wanna|wanted) to (?:final exit|kill)",
        # Self-harm acts.
        r"(?:started|start|been|keep|kept|go back to|went back to) (?:[\w']+ )?cutting(?! (?:out|down|back|my hair|dairy|sugar|carbs))",
        r"(?:and|i|then|to|i just) (?:[\w']+ )?cut(?:ting)?(?: (?:again|more|deeper))?$",
        r"(?:burn|burning|burnt|burned|slice|slicing|sliced|cut|cutting|scratch\w*|carv\w*|punch\w*|bang\w*|hit|hitting|stab\w*|scrap\w*)"
        r" (?:[\w']+ ){0,2}(?:my|her|his|their) (?:arms?|wrists?|legs?|thighs?|skin|head|scars?|stomach|knuckles|face|hands?)"
        r"(?: [\w']+){0,4} (?:with a|with the|with my|on purpose|against|lighter|cigarette|razor|blade|knife|until|til|till|open)",
        r"(?:bang|banging|banged|hit|hitting|punch\w*) (?:my )?(?:head|fists?|knuckles) (?:[\w']+ ){0,3}(?:against|into|on) (?:the |a )?walls?",
        r"punch\w* (?:the )?walls?",
        r"self ?-? ?harm\w*",
        r"self ?-? ?injur\w*",
        r"\bsh (?:again|urges?|relapse|tonight|cuts?)\b",
        r"relapsed on sh",
        r"until (?:it|they|i|my [\w']+) (?:[\w']+ )?bleeds?\b(?: [\w']+){0,6} (?:on purpose|deserve|hate myself|punish)",
        r"(?:scratch|dig|carv|pour|burn|slap|punch|hit)\w* (?:[\w']+ ){0,4}(?:on|into|at|my own) (?:my|the backs of my|her|his)"
        r" (?:[\w']+ )?(?:arms?|legs?|thighs?|wrists?|hands?|face|skin|cheeks|scars?)(?: [\w']+){0,6} (?:until|on purpose|as hard as"
        r"|deserve|hate myself|so no one|where no one|tell people|bruise|bleed\w*)",
        r"carv\w* (?:a line|lines|the word|words|into)",
        r"fresh cuts?",
        r"what i've been doing to my (?:arms|legs|body|wrists)",
        r"blade in my",
        r"ice and salt",
        r"boiling water on my",
        r"(?:cut|cutting) (?:agian|again)",
        r"cut deeper",
        r"kill (?:me|myself)$",
        r"want (?:to )?be dead",
        r"wanna be dead",
        r"be dead (?:by|soon|tomorrow)",
        r"(?:life|living) (?:[\w']+ ){0,2}(?:isn't|is not|not|isnt) worth (?:[\w']+ )?living",
        r"not worth living",
        r"wanting to die",
        r"won't be (?:anyone's|a|your|their) (?:problem|burden)",
        r"not (?:be )?a problem (?:much longer|for long)",
        r"future (?:that )?i'm (?:not )?in\b",
        r"(?:don't|can't|cannot) see myself (?:still )?(?:being here|alive|around)",
        r"planning (?:on|to) (?:not )?(?:being|be) (?:alive|here|around)",
        r"planning not to be (?:around|here|alive)",
        r"(?:don't|do not) plan (?:on|to) (?:be|being) (?:alive|here|around)",
        r"(?:if i|i) (?:just )?(?:wasn't|weren't|was not|were not)"
        r" alive",
        r"(?:fine|better|happier|easier|free|lighter|ok|okay) (?:[\w']+ ){0,2}without me\b",
        r"disappointed (?:[\w']+ ){0,2}woke up",
        r"woke up at all",
        r"be around (?:much|for much|for) longer",
        r"reason to (?:stay alive|live"
        r"|keep going|be here|go on|keep living)",
        r"somewhere (?:nobody|no one) can follow",
        r"dead weight",
        r"rather (?:not exist|be dead|die(?! than (?:get|have|go|do|wear|pay|be seen|let))"
        r"|not be here|not be alive)",
        r"letters? for (?:my|everyone)",
        r"know which (?:bridge|building|cliff|train)",
        r"which bridge",
        r"gun (?:[\w']+ ){0,6}bullets",
        r"bullets (?:[\w']+ ){0,6}gun",
        r"(?:dad's|father's|my|his|her) gun\b",
        r"onto the (?:train |railway )?(?:tracks|line)",
        r"(?:after|when|once) i'm dead",
        r"after i die",
        r"tying the knot so",
        r"tie a noose",
        r"\bsh(?:'d|-ing|-ed|ing)\b",
        r"(?:using|use|used|taking|took|take) (?:a|the|my) (?:blade|razor|knife) (?:on|to) (?:my|her|his) (?:arms?|wrists?|legs?|thighs?"
        r"|stomach|hips?|skin|body)",
        r"bleach on my",
        r"bit(?:e|ing)? (?:my )?(?:arms?|hands?|wrists?) until",
        r"carv\w* (?:[\w']+ ){0,3}into (?:my|her|his)",
        r"(?:went|go|going|gone) back to (?:the )?(?:razor|blade|cutting|knife)",
        r"if i'm dead",
        r"die from (?:too many|an overdose|pills|tablets|sleeping)",
        r"(?:painless|quick|quickest|easiest) way to die",
        r"jumping or pills",
        r"pills or jumping",
        r"survive the fall",
        r"how deep (?:do you|to|should i) (?:have to )?cut",
        r"last without (?:eating|food|water|drinking)",
        r"to die before",
        r"(?:nobody|no one|noone) (?:can|could|will) save me",
        r"save me in time",
        r"carbon monoxide",
        r"go quietly",
        r"hide (?:my |the )?(?:fresh )?cuts",
        r"fresh ones on my (?:arms|wrists|legs|thighs)",
        r"sorry and goodbye",
        r"goodbye to the kids",
        r"how many (?:[\w']+ ){0,4}to (?:die|kill|not wake|overdose|od|end it)",
        r"(?:a|the) (?:day|date|time) to die",
        r"better off with (?:[\w']+ ){0,2}(?:insurance|money)",
        r"affairs in order(?! before (?:my|the|a|our) (?:[\w']+ )?(?:operation|surgery|trip|move|holiday|op))",
        r"intend to join (?:her|him|them)",
        r"join (?:her|him|them) (?:soon|before|in heaven)",
        r"walk\w* off (?:the )?(?:scaffolding|roof|edge|bridge|cliff|building)",
        r"look like an accident",
        r"blade (?:[\w']+ ){0,3}again",
        r"bring it (?:all )?to (?:a close|an end)",
        r"\bdead by\b",
        r"not be alive",
        r"suicid\w*",
        r"see you (?:on the other side|in heaven|in the next life|in another life)",
        # Means at hand, a method looked up, dying as the better choice.
        r"(?:have|got|holding|hold|staring at|looking at|there's|there is) (?:a |the |my )?(?:knife|blade|razor(?! bumps?| burns?| rash)|rope|gun)"
        r" (?:[\w']+ ){0,2}(?:next to|beside|in front of|in my hand|on my lap|with) me(?!.{0,40}\b(?:cook\w*|shav\w*|chopp\w*|kitchen))",
        r"(?:knife|blade|razor|rope|gun) in my hand(?!.{0,40}\b(?:cook\w*|shav\w*|chopp\w*|kitchen|nick\w*))",
        r"(?:research\w*|googl\w*|search\w*|looked up|looking up|read up on) (?:[\w']+ ){0,2}(?:ways|methods) to"
        r" (?:do it(?! at home| myself| safely| with)|die|end it|kill (?:myself|me))",
        r"(?:research\w*|googl\w*|search\w*|looked up|looking up|read up on) (?:[\w']+ ){0,2}how to (?:die|end it|kill (?:myself|me))",
        r"(?:at once|in one go|all of them) (?:[\w']+ ){0,3}would (?:that|it|this) (?:do it|kill|be enough(?! to (?:see|get|fix|help|work|make|clear|improve))"
        r"|be it)",
        r"better (?:to|if i) (?:just )?(?:die(?! (?:my|her|his|the) hair)|died|be dead|not be (?:here|alive|around))",
    )
)
# Phrases written for farewells, means and plans that patients also use about their
# treatment ("how many sessions would it take", "all at once", "I did it yesterday",
# "cancel all my appointments"): in a message about treatment or the clinic with no word
# of dying or despair they are not a crisis sign; anywhere else they are.
CRISIS_IN_DISTRESS = _rx(
    _any(
        # A swim in the water, but not one a product is for ("sunscreen for swimming in
        # the sea") or one asked about beside a treatment ("swim in the sea after laser").
        r"(?<!for )swim\w* (?:[\w']+ ){0,2}in the (?:sea|river|lake|water)",
        r"won't be needing (?:[\w']+ ){0,2}(?:anymore|treatment|it)",
        r"(?:this|it) (?:will be|is)"
        r" my last (?:message|text|time|night)(?! (?:before|for (?:today|now|tonight)|until|of the day))",
        r"tonight'?s the night",
        r"tonight is the night",
        r"(?<!ignore )(?<!delete )(?<!disregard )(?<!forget )(?<!about )"
        r"my last (?:message|night|day)(?! (?:on|of|at|in|off|before|with|as))",
        r"how (?:i'd|i would|i'll|i will) do it",
        r"(?:wrote|writing|written|made|making|write) (?:[\w']+ )?(?:my|a) will\b",
        r"look after my (?:cat|dog|pets?|kids|children"
        r"|rabbit|hamster|family|little (?:sister|brother)|mum|mom|dad)",
        r"(?:last|final) (?:question|message|msg) ever",
        r"instead of taking them",
        r"all at once",
        r"lined up",
        r"how many (?:[\w']+ ){0,6}(?:would it take|it would take|it'd take)",
        r"made (?:my |the )?arrangements",
        r"fixing it tonight",
        r"(?:find|finds) me\b(?! a)",
        r"(?:in|into) the ground",
        r"if something happens it happens",
        r"(?:delete|remove) my (?:data|account|photos) after",
        r"might tonight",
        r"one last (?:coffee|walk|time|look|hug|drink|day)",
        r"look after (?:my |our )?(?:mum|mom"
        r"|mother|dad|father|sister|brother|cat|dog)",
        r"take all (?:my|the|of) ",
        r"bloody tissues",
        r"did \d+ (?:tonight|today|last night)",
        r"did (?:more|some|new ones|them|it) (?:[\w']+ )?(?:yesterday"
        r"|last night|tonight|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)",
        r"keep adding to them",
        r"still doing it",
        r"(?:last|final) (?:try|time i'll)",
        r"(?:made|making) (?:my|the) (?:decision|mind up)",
        r"sorted everything (?:else )?out",
        r"cancel(?:led)? (?:all my appointments|everything)",
        r"keep (?:her|him|it)"
        r" for good",
        r"(?:long|forever) nap",
        r"(?:gonna|going to|wanna) catch the bus",
        r"i want out",
        r"one way or another",
        r"make it official",
        r"(?:no|only) way out",
        r"my time(?:'s| is) up",
        r"check out (?:for good|permanently|early)",
        r"(?:take|taking|swallow\w*) (?:them|it) all",
        r"the hose\b",
        r"and i'm not coming back",
        r"not coming back$",
        r"did it again (?:today|tonight|last night)",
        r"after i do it",
        r"so i can keep doing it",
        r"how many (?:[\w']+ ){0,4}it takes",
    )
)
# The same for words patients use about their scars ("which method is best for boxcar
# scars", "made peace with my scars", "worse on the other side of my face").
CRISIS_UNLESS_ABOUT_SCARS = _rx(
    _any(
        r"made (?:my )?peace",
        r"least painful way",
        r"methods?\b",
        r"on the other side",
    )
)
ABOUT_TREATMENT = _rx(
    r"(?:sessions?|treatments?|laser\w*|peels?|fillers?|micro ?needl\w*|derma ?\w*|prp|subcision|fraxel|juvederm|punch|excision"
    r"|appointments?|appt|booking|consult\w*|clinic|reception|price|cost|fee|deposit|redness|swelling|scab\w*|peeling"
    r"|antibiotics|chat|pay\w*|aftercare|creams?|serums?|rebook\w*|operation|glycolic|salicylic|tca)"
)
ABOUT_SCARS = _rx(r"(?:scars?|scarring|acne|pimples?|spots?|zits?|skin|face|cheeks?|dents?|pits?|marks|pores)")
DISTRESS = _rx(
    _any(
        r"die|dies|died|dying",
        r"dead(?! skin)",
        r"death",
        r"suicid\w*",
        r"kill (?:myself|me)",
        r"end (?:it|it all|my life|everything)",
        r"overdos\w*",
        r"hopeless\w*|worthless|burden|pointless|no point",
        r"give up|giving up|can't go on|can't do this any ?more|can't live",
        r"hate (?:myself|my life|living|being alive)",
        r"better off|without me|miss me",
        r"not (?:be )?(?:here|around|alive) (?:any ?more|much longer|for long)",
        r"self ?-? ?harm\w*|hurt\w* myself|cut\w* myself",
    )
)
# General questions about other people ("can isotretinoin make teens suicidal?") are not a crisis,
# unless the message also says the writer feels or does it.
CRISIS_QUESTION_ABOUT_OTHERS = re.compile(
    r"^(?:can|could|does|do|will|would|might|may|is|are|what|how|why|which)\b(?!')(?!.*\b(?:i|i'm|im|me|my|myself|i've|i feel)\b)"
)
FEELING = _rx(
    _any(
        r"(?:i|i'm|i've) (?:[\w']+ )?(?:do|feel|felt|think|thought|have|had|want|wanted|am|keep|been|can't|cannot|don't"
        r"|wish|plan|planned|started|just|got|need|wanna|will|would|should|am going|took|swallowed|cut|hate)"
    )
)
TOPIC = re.compile(r"suicid\w*|self ?-? ?harm\w*|self ?-? ?injur\w*|kill\w* (?:themselves|yourself|themself)")
# Read over the whole message: a place and what the writer is doing there; an injury and that it is deliberate.
PLACE = _rx(
    r"(?:roof|bridge|railway|tracks|platform|cliffs?|ledge|overpass|multi[ -]?storey|balcony|river|window|gap|quarry"
    r"|\d+ ?(?:st|nd|rd|th) floor)"
)
PLACE_DISTRESS = _rx(
    _any(
        r"can't stop crying",
        r"don't want to go (?:back|home)",
        r"thinking about",
        r"looking down",
        r"get in",
        r"jump\w*",
        r"edge",
        r"trains? come",
        r"just looking",
        r"going through it",
        r"won't come down",
        r"right now (?:i|and)",
        r"step\w* off",
        r"sat in the car",
        r"drive out",
        r"one of these nights",
        r"not coping",
    )
)
HURT_ACT = _rx(
    _any(
        r"(?:until|till|til) (?:it|they|i|my [\w']+) (?:[\w']+ )?bleeds?",
        r"(?:only )?let myself eat",
        r"haven't eaten",
        r"won't eat",
        r"stopped eating",
        r"scratch\w* (?:my|her|his)",
        r"dig\w* (?:my )?nails",
        r"bruise myself",
        r"(?:i|i've|i'm|i keep|i still|i've been) (?:[\w']+ )?(?:cut|cutting|hit|hitting|punch\w*)"
        r" (?:my (?:[\w']+ )?)?(?:myself|arms?|legs?|cheeks?|face|skin|wrists?|thighs?|stomach)",
        r"gave myself a bruise",
        r"(?:pushed|pressed|jammed|dug|stabbed) (?:it|them|(?:the |a |my )?(?:[\w']+ )?(?:roller|needle|pin|blade|razor|knife|scissors|glass"
        r"|nails?|compass|pen)) (?:[\w']+ ){0,2}into my (?:[\w']+ )?(?:cheek|skin|face|arm|leg|thigh|wrist)s?",
    )
)
ON_PURPOSE = _rx(
    _any(
        r"(?<!not )(?<!wasn't )(?<!isn't )(?<!didn't do it )(?<!not doing it )on purpose",
        r"wanted it to hurt",
        r"to make it hurt",
        r"deserve",
        r"punish\w*",
        r"hate myself",
        r"because i'm ugly",
        r"to feel something",
        r"overwhelmed",
        r"to cope",
        r"relief",
        r"numb",
    )
)
TOPIC_AS_SUBJECT = _rx(
    _any(
        r"histor\w*",
        r"consultation",
        r"read",
        r"heard",
        r"learn\w*",
        r"stud\w*",
        r"coursework",
        r"essay",
        r"research\w*",
        r"form",
        r"questionnaire",
        r"asked",
        r"statistic\w*",
        r"rates?",
        r"common",
        r"awareness",
        r"prevention",
        r"link\w* between",
        r"side effects?",
        r"warnings?",
        r"leaflet",
        r"article",
    )
)
STILL_AT_RISK = _rx(
    _any(
        r"i'll (?:kill|do it|end)",
        r"decided",
        r"planning",
        r"soon",
        r"this weekend",
        r"yesterday",
        r"last night",
        r"this morning",
        r"on (?:mon|tues|wednes|thurs|fri|satur|sun)day",
        r"new ones",
        r"did more",
        r"deeper",
        r"(?:i'm|i am|been) having",
        r"having (?:the same |these |those )?thoughts",
        r"looking up",
        r"(?:i've|i have|she's|he's|they've) been (?:cutting|harming|hurting|burning)",
        r"still (?:do|doing|cut|hurt|burn|self)\w*",
        r"most nights",
        r"every (?:night|day)",
        r"(?:cut|cutting|did it|doing it|hurt myself|harm\w*|relapsed|burn\w*) again",
        r"again (?:tonight|today|last night)",
        r"tonight",
        r"today",
        r"right now",
        r"lately",
        r"recently",
        r"these days",
        r"relaps\w*",
        r"urges?",
        r"this week",
        r"(?:want to|wanna|going to|gonna) (?:die|cut|hurt|do it|end)",
        r"thinking about (?:it|dying|doing)",
        r"started (?:again|cutting|hurting)",
    )
)
# Accidents and everyday uses of the same words, and questions about one's history.
BENIGN_ACTS = re.compile(
    r"\b(?:won't|not gonna|not going to) be (?:here|back|around) (?:[\w',-]+ ){0,5}(?:i'm|because|as|since"
    r"|i'll be) (?:[\w']+ ){0,3}(?:on|at|in|moving|away|travel\w*|holiday|exchange|abroad|visiting|uni).*|\bcut (?:my ?self|myself) (?:shaving|cooking|chopping|on (?:a|the)|by accident|accidentally|while)"
    r"|\bever (?:had|have|been|felt)\b.*"
    # a denial said of a habit: "i pick at my skin when im bored, not to hurt myself or anything"
    r"|(?<!hard )(?<!harder )(?<!trying )(?<!struggling )(?<!help )(?<!promised )(?<!swore )(?<!urge )\bnot to (?:hurt|harm)"
    r" (?:myself|my ?self) or anything\b"
    # a daily routine of medicines, not taking them all at once
    r"|\b(?:i|we|she|he) (?:take|takes) all (?:my|her|his|our|the) (?:tablets|pills|meds|medicines?)"
    r" (?:in the morning|at night|with (?:food|breakfast|dinner)|together|every (?:day|morning|night))"
    # away for an appointment, a trip or a few weeks; saying goodbye to acne; scars disappearing for good
    r"|\b(?:won't|will not|not gonna|not going to) be (?:here|around|in) for (?:my|the|our|your|a) (?:[\w']+ ){0,2}(?:follow ?-? ?up"
    r"|appointment|appt|session|booking|consult\w*|treatment|visit|review|check ?-? ?up|class|shift)"
    r"|\b(?:i'll|ill|i will|i'm|gonna|going to) be (?:gone|away|out) (?:for )?(?:\d+|a few|a couple of|a|two|three|few|several)"
    r" (?:days?|weeks?|months?|nights?)"
    r"|\bgoodbye (?:letter|note|message|post) to (?:my |the )?(?:acne|skin|spots|scars|pimples|breakouts|old skin)"
    r"|\b(?:scars?|they|them|acne|spots|marks|pits|dents|pimples|redness|holes) (?:[\w']+ ){0,2}(?:disappear|vanish|go away|fade)\w*"
    r" (?:forever|for good|permanently|completely)"
)
RECOVERED = _rx(
    _any(
        r"history of",
        r"well for",
        r"happy",
        r"proud",
        r"long behind me",
        r"behind me now",
        r"old (?:white |silver )?(?:lines|marks)",
        r"(?:faded|old) (?:self ?-? ?harm|cutting|burn) scars",
        r"from (?:school|uni|college)",
        r"haven't (?:[\w']+ ){0,3}(?:in|for|since) (?:over |more than |about |nearly )?(?:\d+|a|many|several|two|ten|a few)?"
        r" ?(?:years?|decades?|\d{4})",
        r"since (?:19|20)\d\d",
        r"clean (?:for )?(?:\d+|a few|several|many) years",
        r"good place",
        r"doing (?:well|better|fine|great)",
        r"recovered",
        r"clean for (?:[\w']+ ){0,2}years",
        r"much better now",
        r"(?:don't|do not) anymore",
        r"no longer (?:self|cut|hurt|harm|burn)\w*",
        r"years free",
        r"years on from",
        r"haven't (?:[\w']+ ){0,2}(?:in|for) years",
        r"stopped (?:[\w']+ ){0,3}years ago",
        r"old scars",
        r"happier now",
    )
)
# When the sign happened: long over, or now.
LONG_PAST = _rx(
    _any(
        r"(?:\d+|a few|few|several|many|two|three|four|five|ten|some|couple of|a couple of) years? ago",
        r"years ago",
        r"a year ago",
        r"as a (?:kid|child|teen|teenager|baby|toddler|student)",
        r"when (?:i|she|he|they) (?:was|were) (?:\d+|younger|little|small"
        r"|a kid|a child|a teen\w*|in school|at school|at uni|pregnant)",
        r"last (?:year|summer|winter|spring|autumn|fall|month)",
        r"back in (?:(?:19|20)\d\d|the day|school|college|uni|high school|year \d+)",
        r"in (?:19|20)\d\d",
        r"used to",
        r"(?:it|she|he|they|i) (?:was|were|is|are|'s|'m) (?:totally |completely |all )?"
        r"(?:fine|ok|okay|better|healed|recovered) (?:now|after|afterwards|since)",
        r"(?:she's|he's|it's|i'm|they're) (?:totally |all )?"
        r"(?:fine|ok|okay) now",
        r"all sorted",
        r"turned out",
        r"then it was fine",
        r"fine now",
        r"better now",
        r"long time ago",
        r"(?:she's|he's|they're) fine",
        r"as a teenager",
        r"(?:late|early|mid) teens",
        r"from that time",
        r"back then",
        r"years back",
        r"(?:a|one|two|three) decades? ago",
        r"ages ago",
        r"long ago",
        r"in the (?:80s|90s|2000s|eighties|nineties)",
        r"in (?:year|yr|grade|form) \d+",
        r"in (?:primary|secondary|high|middle)"
        r" school",
        r"in (?:my|her|his) (?:teens|twenties|youth)",
        r"childhood",
    )
)
ACUTE = _rx(
    _any(
        r"today",
        r"tonight",
        r"this (?:morning|afternoon|evening)",
        r"right now",
        r"just now",
        r"last night",
        r"yesterday",
        r"(?:\d+|few|couple of|an?|one|two|ten|twenty|thirty) (?:min|mins|minutes|hours?|hrs?) (?:ago|after|later|now|since)",
        r"(?:is|are|it's|i'm|i am|keeps?|was|were) still",
        r"(?:i|she|he|they) just (?:blacked|fainted|passed|collapsed|had|got|noticed|woke|started|took|swallowed|did|came)",
        r"still (?:bleeding|going|running|there|swollen|spreading|hurts|hurting"
        r"|growing|white|grey|gray|blurry|dark|can't|getting)",
        r"won't stop",
        r"getting worse",
        r"going on",
        r"been going",
        r"since (?:this|last night|yesterday|then|the)",
        r"at the moment",
        r"currently",
        r"happen(?:ed|ing) (?:to me|like|just|about)",
        r"it happened",
    )
)
HYPOTHETICALLY = _rx(
    _any(
        r"just so i know",
        r"know in advance",
        r"hypothetical\w*",
        r"not happening",
        r"(?:just|only) (?:want|wanted|wanna) to (?:be prepared|know in case"
        r"|be ready)",
        r"in theory",
        r"for (?:a|my) (?:project|essay|assignment|class|presentation)",
    )
)
REPORTED = _rx(
    _any(
        r"leaflet",
        r"(?:i've|i have|i) heard",
        r"(?:website|form|article|label|box) says",
        r"a (?:girl|woman|guy|man|client|lady|patient|friend of|bloke)",
        r"friend of a friend",
        r"knows? someone",
        r"told me about",
        r"apparently",
        r"swears",
        r"there (?:was|is) a (?:thing|story|post|thread|video|programme|program|show|doc)",
        r"netflix",
        r"viral",
        r"influencer",
        r"posted",
        r"r/\w+",
        r"documentary",
        r"doc last night",
        r"on (?:this morning|tv|the telly"
        r"|the news|the radio)",
        r"grey's anatomy",
        r"[\w']+'s (?:mate|friend|coworker|colleague|cousin|client)",
        r"(?:coworker|colleague"
        r"|hairdresser|beautician|paramedic|aunt|uncle|teacher) (?:[\w']+ ){0,2}(?:said|says|told|swears|posted)",
        r"there's a (?:thing"
        r"|story|post|thread|video|programme|program|show|doc)",
        r"r / \w+",
        r"(?:saw|seen|see|watched|watching|read|reading|heard|hearing) (?:[\w']+ ){0,5}(?:tiktok|reddit|video|videos|post|posts|thread|story"
        r"|stories|article|online|youtube|instagram|forum|news|documentary|review|reviews|clip|reel)",
        r"(?:on|from) (?:tiktok|reddit|youtube|instagram|twitter|facebook|the news|a forum|the internet)",
    )
)
REPORTER = _rx(r"(?:i|i've|we) (?:just |once |recently )?(?:saw|seen|watched|read|heard|was reading|was watching)")
FIRST_PERSON = _rx(_any(r"i", r"i'm", r"i've", r"my", r"me", r"myself"))
# A sign that is denied ("no fever", "not suicidal", "no vision problems") is not there.
NEGATED = re.compile(
    r"\b(?:no|not|without|zero|never|nor|denies|isn't|aren't|wasn't|there's no|haven't got|don't have|doesn't have|hasn't got)"
    r" (?:any |a |the |signs? of |real |obvious |more |further )?(?:(?!stop)[\w']+ )?(?:fever\w*|temperature|temp|chills|vision|sight"
    r"|eyesight|blurr\w*|spread\w*|redness|streaks?|pus|swelling|breathing|breathe|trouble|problems?|issues?|pain|bleeding|blood"
    r"|blister\w*|weeping|raw|suicidal|suicide|self ?-? ?harm\w*|dizz\w*|faint\w*|chest|wheez\w*|rash|hives|change\w*"
    r"|patch\w*|blanch\w*|mottl\w*|discolou?r\w*|allergic|allerg(?:y|ies))\b"
    r"(?: (?:or|and|nor|,) (?:[\w']+ )?[\w']+)*"
)
# Figures of speech that use the same words and mean no harm.
FIGURES = re.compile(
    _any(
        r"\bkill(?:ing)? (?:me|it|them|those|these|my (?:vibe|mood|confidence|skin|acne|spots|zits|pimples|scars))\b(?! ?self)",
        r"\b(?:dying|die|died|dead|going to die|gonna die) (?:to|of|from|with|laughing) ?(?:know|try|get|see|hear|embarrass\w*"
        r"|laugh\w*|cringe|shame|envy|jealous\w*|boredom)?\b",
        r"\bi'm dead\b",
        r"\bdead skin\b",
        r"\bkill for\b",
        r"\b(?:will|would|gonna|going to) (?:literally )?kill me\b",
        r"\bdead (?:cells?|ends?|serious|tired|set)\b",
        r"\bblind as a bat\b",
        r"\bcan't breathe (?:[\w']+ ){0,3}laugh\w*",
        r"\blaughing so hard\b",
        r"\b(?:breathless|out of breath|short of breath) (?:[\w']+ ){0,3}(?:on hills|running|when i run|climbing"
        r"|after running|exercise|at the gym|walking up|on the stairs)",
        r"\bheart sank\b",
        r"\bbreathtaking\b",
        r"\bmade me (?:[\w']+ )?faint\b",
        r"\b(?:nearly|almost) (?:passed out|fainted|died|had a heart attack) (?:when|at|seeing|after) (?:i )?"
        r"(?:saw|see|seeing|heard|hearing|read|got|the) (?:[\w']+ ){0,3}(?:price|prices|cost|bill|quote|invoice|total)\b",
        r"\bi (?:literally )?died (?:laughing|of|from|lol|at)\b",
        r"\bi literally died\b",
        r"\bshoot me\b",
        r"\bheart attack (?:every|each"
        r"|when|whenever)\b",
        r"\b(?:give|gave|giving|gives) (?:me|you|him|her) a heart attack\b",
        r"\bnot (?:suicidal|(?:going|gonna|trying|tryin|meaning|planning|thinking of|thinking about|wanting) (?:to )?hurt(?:ing)?"
        r" (?:my|him|her|them)sel(?:f|ves))\b",
        r"\bnot hurting (?:my|him|her|them)sel(?:f|ves)\b",
        r"\bsorry (?:to be|for being|if i'm|if i am) (?:such )?a (?:burden|pain|nuisance|bother) (?:with|asking|about) (?:all )?"
        r"(?:these|my|the|so many) (?:questions|messages|qs)\b",
        r"\b(?:acne|skin|spots|scars|face|hair|phone|battery|plants?) (?:is|are) (?:literally |actually |lowkey )?suicidal\b",
        r"\boverdos\w* on (?:(?:the |my )?(?:vit\w* c|vitamin c|exfoliating|acid) )?(?:serums?|creams?|retinol|skincare|products?"
        r"|moisturi\w*|spf|sunscreen|toners?|exfoliat\w*)\b",
        r"\*\s*(?:faints?|dies|dead)\s*\*",
    )
)


def _clauses(text: str) -> Iterator[str]:
    for sentence in re.split(
        r"\s*(?:(?:(?<!\d)\.|[!?;:\n])+|\s-\s|,\s*(?:but|and|so|then|now|plus)\b|\b(?:but|however|anyway|also)\b)\s*", text
    ):
        sentence = sentence.strip(" ,")
        if sentence:
            yield sentence


def find(text: str) -> Optional[tuple[str, str]]:
    """(flag, concept) for the first red flag in `text`, crisis before emergency; None if there is none."""
    message = normalise(text)
    clauses = [NEGATED.sub(" ", FIGURES.sub(" ", clause)) for clause in _clauses(message)]
    if _crisis(message, clauses):
        return "crisis", "suicidal thoughts or self-harm"
    acute = ACUTE.search(message) is not None
    if HYPOTHETICALLY.search(message) or (LONG_PAST.search(message) and not acute):
        return None
    if REPORTED.search(message):
        clauses = [clause for clause in clauses if FIRST_PERSON.search(REPORTER.sub(" ", clause)) and not REPORTED.search(clause)]
    context = _Context(
        injection=INJECTION.search(message) is not None,
        procedure=PROCEDURE.search(message) is not None,
        burn=bool(
            BLISTER.search(" ".join(clauses))
            and BURN_SIZE.search(" ".join(clauses))
            and BURN_CAUSE.search(message)
            and not OTHER_BLISTERS.search(message)
            and not SMALL_BLISTER.search(message)
        ),
        fever=any(FEVER.search(clause) and not _is_hypothetical(clause) and not MILD_FEVER.search(clause) for clause in clauses),
        after_procedure=AFTER_PROCEDURE.search(message) is not None,
        trigger=bool(AFTER_PROCEDURE.search(message) or ALLERGY.search(message) or (acute and PROCEDURE.search(message))),
        bleeding=bool(BLEED.search(message))
        and any(UNSTOPPABLE.search(clause) and not BLEEDING_STOPPED.search(clause) for clause in clauses),
    )
    for clause in clauses:
        if _is_hypothetical(clause) and not acute:
            continue
        concept = _emergency_concept(clause, context)
        if concept:
            return "emergency", concept
    return None


# A farewell from someone who says when they will be back is a goodbye, not a last one.
FAREWELL = re.compile(
    r"(?:this is |this will be |it's )?(?:prob |probably )?my (?:last|final) (?:message|msg|text|goodbye)"
    r"|thank(?:s| you) for everything|goodbye|bye"
)
# Only a return with a time or an appointment counts, never "see you soon" or "in a better place".
_DAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTHS = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
SEES_AGAIN = _rx(
    r"(?:see|talk to|speak to) (?:you|ya|u) (?:again (?:on|at|in|next)|tomorrow|next (?:week|month|time|session|year|"
    + _DAYS
    + r")|at (?:my|the) (?:next )?(?:appointment|session|consultation|follow ?-? ?up)|on "
    + _DAYS
    + r"|in (?:the )?(?:spring|summer|autumn|fall|winter|new year|"
    + _MONTHS
    + r"|(?:\d+|a few|a couple of|two|three|four|six) (?:days|weeks|months)))"
)


def _crisis(message: str, clauses: list[str]) -> bool:
    about_oneself = FEELING.search(message) is not None
    # Read in the clauses as cleaned of figures and denials ("not suicidal", "sorry to be a burden with these questions").
    distressed = DISTRESS.search(" ".join(clauses)) is not None
    everyday = not distressed and ABOUT_TREATMENT.search(message) is not None
    about_scars = not distressed and (everyday or ABOUT_SCARS.search(message) is not None)
    for clause in clauses:
        clause = BENIGN_ACTS.sub(" ", clause)
        matches = [match.group(0) for match in CRISIS.finditer(clause)]
        if not everyday:
            matches += [match.group(0) for match in CRISIS_IN_DISTRESS.finditer(clause)]
        if not about_scars:
            matches += [match.group(0) for match in CRISIS_UNLESS_ABOUT_SCARS.finditer(clause)]
        if not matches:
            continue
        if SEES_AGAIN.search(message) and all(FAREWELL.fullmatch(match) for match in matches):
            continue
        # "suicide" or "self-harm" named as a subject ("is self-harm common in teens with acne?")
        # is a crisis only when it is someone's own.
        only_topic = all(TOPIC.fullmatch(match) for match in matches)
        if only_topic and (
            TOPIC_AS_SUBJECT.search(clause) or (CRISIS_QUESTION_ABOUT_OTHERS.search(clause) and not about_oneself)
        ):
            continue
        if (RECOVERED.search(message) or LONG_PAST.search(message)) and not STILL_AT_RISK.search(message):
            continue
        return True
    return bool(PLACE.search(message) and PLACE_DISTRESS.search(message)) or bool(
        HURT_ACT.search(message) and ON_PURPOSE.search(message)
    )


@dataclass(frozen=True)
class _Context:
    injection: bool
    procedure: bool
    burn: bool
    fever: bool
    after_procedure: bool
    trigger: bool  # something the face or lips could be reacting to
    bleeding: bool


def _emergency_concept(clause: str, context: _Context) -> Optional[str]:
    if AIRWAY.search(clause):
        return "breathing difficulty or swelling of the airway (anaphylaxis)"
    if SEVERE_ALLERGY.search(clause) and (ALLERGY_NOW.search(clause) or not ONLY_FEARED.search(clause)):
        return "severe allergic reaction"
    if FACE_SWELLING.search(clause) and not MILD.search(clause) and context.trigger:
        return "swelling of the face or lips (allergic reaction)"
    sight = clause if context.injection or context.procedure else SHADOWS_ON_THE_SKIN.sub(" ", clause)
    if VISION_CHANGE.search(sight) or (
        COLOURED_SPOTS_SEEN.search(clause) and (context.injection or context.after_procedure or re.search(EYE, clause))
    ):
        return "vision change (after an injection: vascular occlusion)" if context.injection else "sudden vision change"
    if context.injection and SKIN_COLOUR.search(clause) and not (BRUISE.search(clause) and MILD.search(clause)):
        return "skin turning white, grey, dusky or mottled after an injection (vascular occlusion)"
    if context.injection and SEVERE_PAIN.search(clause):
        return "severe pain after an injection (vascular occlusion)"
    if context.fever and (
        SPREADING.search(clause) or INFLAMED.search(clause) or (context.after_procedure and FEVER.search(clause))
    ):
        return "fever with a spreading infection"
    without_runs = RUN_OF_DAYS.sub(" ", clause)
    if (
        SPREADING.search(without_runs)
        and re.search(r"\b(?:red )?streaks?\b|red lines?", without_runs)
        and not MILD.search(clause)
    ):
        return "red streaks spreading from a wound"
    if context.bleeding and (BLEED.search(clause) or UNSTOPPABLE.search(clause)):
        return "bleeding that will not stop"
    if FAINTING.search(clause) and not HABITUAL_FAINT.search(clause):
        return "fainting"
    if CHEST_PAIN.search(clause):
        return "chest pain"
    if context.burn and (BLISTER.search(clause) or BURN_SIZE.search(clause)):
        return "large blistering burn"
    return None
