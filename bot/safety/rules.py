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

PERSON = _any("daughter", "son", "kid", "child", "friend", "bestie", "mother", "father", "sister", "brother",
              "wife", "husband", "partner", "girlfriend", "boyfriend", "patient", "client", "teen", "teenager",
              "baby", "niece", "nephew", "cousin", "aunt", "uncle", "grandma", "grandmother", "nan", "roommate",
              "flatmate", "colleague", "classmate", "mate", "girl", "boy", "guy", "lady", "man", "woman")
SUBJECT = _any("i", "i'm", "i've", "i'd", "me", "my", "myself", "we", "our", "she", "he", "they", "she's", "he's",
               "they're", "her", "his", "him", "their", "them", "it", "it's", "this", "that", "the", "everything",
               "something", "area", "skin", "face", PERSON)
# A clause that says something is happening (or just happened) to a real person.
CURRENT = _rx(_any(
    r"(?:my|her|his|their|our|the|this|that) (?:[\w']+ ){0,3}(?:is|are|was|were|went|goes|turned|turns|has|have|had|keeps?"
    r"|won't|looks?|looked|feels?|felt|got|gets|started|became|seems?|getting|going|gone|began)",
    r"(?:i|she|he|they|we|it) (?:have|has|had|got|get|can't|couldn't|feel|feels|felt|am|was|were|is|keep|keeps"
    r"|just|started|woke|noticed|notice|think|passed|fainted|collapsed|see|saw|only|suddenly|literally|still)",
    r"i'm", r"i've", r"she's", r"he's", r"they're", r"it's", r"right now", r"currently", r"since", r"started",
    r"this (?:morning|afternoon|evening)", r"today", r"tonight", r"yesterday", r"ago", r"still", r"now",
    r"is (?:it|this|that) normal", r"is (?:it|this|that) (?:supposed|meant) to", r"should i (?:be )?worr(?:y|ied)", r"why (?:is|are|has|have|does|did) (?:my|her|his|it)",
    r"help", r"please", r"what do i do", r"what should i do",
))
GENERAL_QUESTION = re.compile(
    r"^(?:can|could|does|do|did|will|would|might|may|is|are|was|what|what's|how|why|when|which|where|who|if|any|"
    r"signs?|symptoms?|risks?|tell me|explain|should|does anyone|anyone)\b(?!')"
)
HYPOTHETICAL = _rx(_any(r"what if", r"if (?:i|you|she|he|they|it|my|the|a)", r"in case", r"could (?:i|you) get",
                        r"signs? of", r"symptoms? of", r"risks? of", r"how (?:do|would|can) (?:i|you) (?:know|tell)",
                        r"what (?:does|do|would) .{0,40} look like", r"is it possible", r"chance of", r"ever happen"))


def _is_hypothetical(clause: str) -> bool:
    """A general or conditional question with nothing said to be happening."""
    asks = GENERAL_QUESTION.search(clause) or HYPOTHETICAL.search(clause)
    return bool(asks) and not CURRENT.search(HYPOTHETICAL.sub(" ", clause))


# --- contexts: what the message is about, anywhere in it -------------------------------

INJECTION = _rx(_any(r"fillers?", r"inject\w*", r"juvederm", r"restylane", r"radiesse", r"sculptra", r"belotero",
                     r"hyaluronic", r"shots?", r"jabs?", r"needles?", r"botox", r"tear troughs?", r"lip flip",
                     r"liquid rhinoplasty", r"nose job", r"skin boosters?", r"profhilo", r"dermal"))
PROCEDURE = _rx(_any(r"fillers?", r"inject\w*", r"juvederm", r"laser\w*", r"peels?", r"microneedl\w*", r"micro needl\w*",
                     r"dermaroll\w*", r"derma ?pen", r"prp", r"vampire", r"microderm\w*", r"dermabrasion", r"subcision",
                     r"treatment", r"procedure", r"session", r"appointment", r"clinic", r"acid", r"tca", r"glycolic",
                     r"salicylic", r"retinol", r"tretinoin", r"cream", r"serum", r"mask", r"popp\w*", r"squeez\w*",
                     r"pick\w*", r"extract\w*", r"lanc\w*", r"needles?", r"piercing", r"wound", r"cut", r"scab", r"spot",
                     r"pimple", r"zit", r"cyst", r"boil", r"lump"))

AFTER_PROCEDURE = re.compile(r"\b(?:after|since|following|from) (?:[\w']+ ){0,3}" + PROCEDURE.pattern[2:])

# --- signs -------------------------------------------------------------------------------

EYE = _any(r"eyes?", r"vision", r"sight", r"eyesight", r"eyelids?", r"eye ?sight")
VISION_CHANGE = _rx(_any(
    EYE + r" (?:[\w']+ ){0,4}?(?:went|goes|going|gone|turned|turning|is|are|was|got|getting|has|have|keeps?|feels?|seems?"
    r"|looks?|started|became|all|just|suddenly|kind of|kinda|a bit|really|so)(?: [\w']+){0,3}? "
    r"(?:dark|darker|black|blurr\w*|fuzzy|foggy|cloudy|hazy|dim|grey|gray|double|blind|weird|strange|funny|off|wrong|gone"
    r"|shadow\w*|spotty|patchy|missing|lost|worse|wavy|smudged|fading|faded|out)",
    r"(?:lose|losing|lost|loss of) (?:[\w']+ ){0,3}(?:vision|sight|eyesight)",
    r"(?:blurr\w*|double|lost|losing|loss of|dark|dim|fuzzy|foggy|cloudy|hazy|missing|patchy|partial|tunnel|reduced|no)"
    r" (?:[\w']+ )?(?:vision|sight|eyesight)",
    r"(?:can't|couldn't|unable to|barely|hardly) (?:[\w']+ ){0,2}see",
    r"(?:only|just) (?:see )?(?:shadows|shapes|blur|darkness|black)", r"seeing (?:double|shadows|spots|black|dark|things)",
    r"see (?:double|shadows|black spots|dark spots|spots)", r"(?:gone|going|went|go) blind", r"blind in", r"blindness in",
    r"(?:curtain|shadow|shade|veil|cloud) (?:over|across|in|coming over) (?:my |her |his )?(?:[\w']+ )?(?:eye|vision|sight)",
    r"everything (?:is |went |looks |got |goes )?(?:[\w']+ )?(?:blurr\w*|dark|black|fuzzy|grey|gray|double)",
    r"(?:vision|sight|eye) (?:[\w']+ ){0,2}blacked out", r"blacked out in (?:my|one|her|his) eye",
))
COLOUR = _any(r"white", r"whitish", r"pale", r"blanch\w*", r"dusky", r"grey\w*", r"gray\w*", r"blue", r"bluish", r"purple\w*",
              r"mottled", r"marbled", r"lacy", r"lace", r"net[ -]?like", r"web[ -]?like", r"a net", r"a web", r"blotchy", r"dark",
              r"black", r"violet", r"ashen", r"waxy", r"cold", r"patchy", r"lilac", r"streaky purple")
SKIN_COLOUR = _rx(_any(
    r"(?:skin|area|spot|site|lips?|cheeks?|nose|nostrils?|face|forehead|chin|temple|jaw|it|tip|patch|bit|side|around)"
    r" (?:[\w']+ ){0,5}?(?:is|are|was|went|goes|turned|turning|looks?|looked|looking|gone|going|got|getting|became|has|have|"
    r"seems?|started|appears?|all)(?: [\w']+){0,3}? " + COLOUR,
    COLOUR + r" (?:[\w']+ ){0,2}(?:patch|patches|pattern|area|spot|colou?r|tinge|discolou?ration|net|web|mesh|skin|lines|marbling)",
    r"(?:blanch\w*|mottl\w*|marbl\w*|dusky|lacy|livedo|necros\w*|dying skin|skin is dying|tissue (?:is )?dying)",
))
BRUISE = _rx(r"bruis\w*")
SEVERE_PAIN = _rx(_any(
    r"(?:severe|extreme|intense|terrible|unbearable|excruciating|horrible|awful|worst|agonising|agonizing|crazy|insane"
    r"|throbbing|searing|stabbing|burning|shooting|sharp|killer|massive|serious|really bad|so much) (?:[\w']+ )?pain",
    r"pain (?:[\w']+ ){0,5}(?:is|was|feels|getting|keeps?|has) (?:[\w']+ ){0,2}(?:bad|severe|unbearable|extreme|intense"
    r"|excruciating|terrible|worse|worst|10|ten|9|nine)",
    r"hurts? (?:[\w']+ ){0,2}(?:so|really|very|like) (?:bad|badly|much|hell|crazy|mad)", r"(?:10|ten|9|nine) ?(?:/|out of) ?10",
    r"agony", r"killing me", r"can't stand the pain", r"screaming", r"crying (?:in|from|with) pain",
))
AIRWAY = _rx(_any(
    r"(?:can't|couldn't|cannot|struggl\w*|hard|trouble|troubles|difficult\w*|unable|barely|hardly|fight\w*|labou?red|not)"
    r" (?:to |with |in |for )?(?:[\w']+ ){0,3}(?:breathe|breathing|breath|get (?:any |enough )?air|catch (?:my |her |his )?breath"
    r"|swallow\w*)",
    r"short(?:ness)? of breath", r"out of breath", r"breathless\w*", r"wheez\w*", r"gasp\w*", r"(?:hard|harder|difficult)"
    r" (?:time )?(?:getting|to get) air", r"air (?:won't|doesn't|isn't|can't) (?:go|get|come)", r"anaphyla\w*",
    r"epi ?pen (?:[\w']+ ){0,3}(?:used|gave|given|jabbed|needed|now)", r"(?:used|gave|give|giving|need|needed) (?:[\w']+ ){0,2}epi ?pen",
    r"throat (?:[\w']+ ){0,4}(?:clos\w*|swell\w*|swollen|tight\w*|narrow\w*|thick|blocked|shut\w*)",
    r"breathing (?:[\w']+ ){0,3}(?:tight|whistl\w*|wheez\w*|noisy|weird|funny|shallow|difficult|hard|laboured|labored|heavy|raspy"
    r"|rattl\w*|squeak\w*|strange)",
    r"(?:tongue|throat) (?:[\w']+ ){0,3}(?:swell\w*|swollen|puff\w*|blown up|balloon\w*|huge|massive|twice (?:the|its) size|thick|fat"
    r"|enormous|big)",
    r"chest (?:[\w']+ ){0,2}(?:tight\w*|closing)", r"tight (?:[\w']+ )?chest", r"hives? (?:[\w']+ ){0,3}(?:everywhere|all over|spreading)"
    r"(?: [\w']+){0,14} (?:dizzy|faint|light ?headed|breath\w*|throat|swell\w*)",
    r"(?:lips?|tongue|mouth|throat) (?:[\w']+ ){0,2}(?:tingl\w*|numb\w*|itch\w*)(?: [\w']+){0,6} (?:breath\w*|wheez\w*|swell\w*|dizzy"
    r"|throat)",
))
FACE_SWELLING = _rx(_any(
    r"(?:lips?|mouth|face|eyes?|eyelids?|neck) (?:[\w']+ ){0,3}(?:swell\w*|swollen|puff\w*|blown up|balloon\w*|huge|massive"
    r"|twice (?:the|its) size|enormous)",
    r"swell\w* (?:[\w']+ ){0,2}(?:of|in|on) (?:my |her |his )?(?:face|throat|lips?|tongue|mouth|eyes?)",
))
FEVER = _rx(_any(
    r"fever\w*", r"feverish", r"high temperature", r"temperature", r"(?:3[89]|4[01])[.,]\d+",
    r"(?:3[89]|4[01])(?:[.,]\d+)? ?(?:° ?)?(?:c|degrees?|celsius)\b", r"10[0-6](?:[.,]\d+)? ?(?:° ?)?(?:f|degrees?|fahrenheit)",
    r"thermometer", r"(?:says|reads|reading|showing|hit|hitting|over) (?:10[0-6]|3[89]|4[01])(?:[.,]\d+)?\b", r"burning up", r"chills?", r"shiver\w*", r"shaking", r"rigou?rs", r"hot and cold", r"sweats", r"sweating",
    r"flu ?like",
))
SPREADING = _rx(_any(
    r"spread\w*", r"creep\w*", r"crept", r"grow\w*", r"getting (?:[\w']+ )?(?:bigger|worse|redder|hotter|larger|wider)", r"streaks?",
    r"red (?:lines?|tracks?)", r"lines? (?:going|running|moving)", r"tracking", r"pus\w*", r"ooz\w*", r"hot to (?:the )?touch",
    r"(?:hot|warm) and (?:red|swollen|hard)", r"moving (?:up|down|towards|across)", r"(?:up|down|across|up to|onto|into) (?:my |her |his )?"
    r"(?:neck|jaw|cheek|face|arm|chest|eye|eyes|ear|nose|forehead)", r"doubled", r"twice the size", r"abscess", r"cellulitis", r"infect\w*",
    r"swollen (?:and|&) (?:red|hot)", r"red (?:and|&) (?:swollen|hot)", r"yellow", r"green",
))
ALLERGY = _rx(_any(r"allerg\w*", r"reaction", r"hives", r"stung", r"sting", r"nuts?", r"peanuts?", r"antibiotic\w*", r"penicillin",
                   r"medication", r"tablets?", r"pills?", r"ate", r"eating", r"after (?:[\w']+ ){0,3}(?:using|putting|applying|taking)",
                   r"new (?:cream|serum|product|mask|lotion|face ?wash)"))
MILD_FEVER = _rx(r"(?:slight|mild|low|little|low-grade|bit of a|small) (?:[\w']+ )?(?:fever|temperature|temp)")
INFLAMED = _rx(_any(r"swollen", r"swelling", r"swelled", r"hot", r"warm", r"pus\w*", r"throbb\w*", r"red and", r"abscess",
                    r"infect\w*", r"boil"))
BLEEDING_STOPPED = _rx(_any(r"(?:a little|a bit|tiny|pinpoint|spot of|few drops|drop of|dots? of) (?:of )?(?:blood|bleed\w*|bled)",
                            r"bled (?:a )?(?:little|bit|slightly)", r"(?<!not )(?<!n't )(?<!never )stopped (?:bleeding|after|within"
                            r"|on its own|by itself|quickly|straight away|fast)", r"(?:it|bleeding|which|that) (?:has |had )?stopped"))
BLEED = _rx(r"(?:bl(?:ee|oo)d\w*|bled|bleed\w*|hemorrhag\w*|haemorrhag\w*)")
UNSTOPPABLE = _rx(_any(
    r"(?:won't|wont|will not|doesn't|does not|isn't|is not|not|can't|cannot|couldn't|never|hasn't|has not|haven't|won't)"
    r" (?:[\w']+ ){0,2}stop\w*", r"keeps? (?:on )?(?:bleeding|going|coming|pouring|dripping)", r"soak\w*", r"pour\w*",
    r"gush\w*", r"spurt\w*", r"pumping", r"everywhere", r"for (?:over )?(?:an hour|hours|ages|\d+ (?:minutes|mins|hours))",
    r"(?:\d+|twenty|thirty|forty|an) (?:minutes|mins|hours?) (?:and|now|later|straight)", r"through (?:the |a |my )?(?:[\w']+ )?"
    r"(?:towel|tissue|tissues|bandage|plaster|gauze|pad|pillow|shirt)", r"(?:a lot|loads|tons|so much|lots) of blood",
    r"blood (?:[\w']+ ){0,2}everywhere", r"pressure (?:[\w']+ ){0,3}(?:isn't|not|doesn't|won't)", r"still bleeding", r"heav\w*",
    r"profuse\w*", r"uncontroll\w*", r"non ?stop", r"constantly", r"still (?:going|running|coming|pouring|dripping|oozing)",
    r"no matter", r"even with (?:[\w']+ )?pressure", r"with (?:firm |constant )?pressure", r"(?:won't|not|isn't|doesn't) clot\w*",
    r"since (?:this morning|last night|yesterday|earlier)", r"for (?:like |about |almost |nearly )?(?:an hour|hours|\d+ ?(?:min|mins"
    r"|minutes|hours|hrs))", r"nothing (?:[\w']+ )?stop\w*", r"filling (?:up )?with blood", r"bled through",
    r"(?:\d+|few|several) (?:times|gauzes|towels|tissues|pads)",
))
FAINTING = _rx(_any(
    r"faint\w*", r"passed out", r"passes out", r"passing out", r"pass out", r"blacked out", r"black out", r"collaps\w*",
    r"unconscious", r"unresponsive", r"lost consciousness", r"losing consciousness", r"keeled over", r"went down",
    r"seiz\w*", r"fitting", r"convuls\w*", r"won't wake up", r"can't wake (?:her|him|them)", r"floppy",
))
HABITUAL_FAINT = _rx(_any(r"(?:feel|feeling|get|go|goes|gets) (?:[\w']+ )?faint (?:[\w']+ ){0,3}(?:thinking|at the (?:sight|thought)|when"
                          r"|if|around|looking|whenever)", r"faints? (?:at|when|if|around|with|whenever)", r"(?:always|tends? to|usually|sometimes|often)"
                          r" (?:[\w']+ )?faint", r"fear of", r"scared of", r"feel faint (?:at|when)", r"faint (?:scars?|marks?|lines?"
                          r"|spots?|redness|pink|discolou?ration|outline|trace)", r"faintest", r"fainter", r"faintly"))
CHEST_PAIN = _rx(_any(
    r"chest (?:[\w']+ ){0,2}(?:pain\w*|hurt\w*|ache\w*|aching|pressure|tight\w*|crush\w*|squeez\w*|heavy|burning|pounding)",
    r"chest (?:feels?|is|was) (?:[\w']+ ){0,2}(?:like|heavy|crushed|tight)", r"elephant (?:[\w']+ ){0,3}(?:chest|sitting on)",
    r"(?:pain|pressure|tightness|crushing|squeezing|ache) (?:[\w']+ ){0,2}(?:in|on|across) (?:my |her |his |the )?chest",
    r"heart (?:attack|is racing|racing|pounding|beating (?:so )?fast)", r"heart (?:[\w']+ ){0,2}(?:racing|pounding)",
    r"arm (?:[\w']+ )?(?:numb|tingl\w*) (?:[\w']+ ){0,4}chest",
))
BLISTER = _rx(_any(r"blister\w*", r"raw", r"weep\w*", r"ooz\w*", r"(?:skin|face) (?:[\w']+ ){0,3}(?:peel\w*|coming|came|falling)"
                   r" off in (?:sheets|chunks|strips|layers)", r"in sheets", r"open wounds?", r"bubbl\w*", r"charred",
                   r"(?:second|third|2nd|3rd) degree", r"skin (?:[\w']+ ){0,2}(?:melt\w*|sloughing|sliding off)"))
BURN_SIZE = _rx(_any(r"this much", r"so much", r"large", r"big\w*", r"huge", r"massive", r"giant", r"whole", r"entire", r"all over", r"everywhere",
                     r"most of", r"half (?:of )?(?:my|her|his)", r"cover\w*", r"lots of", r"loads of", r"so many", r"several",
                     r"multiple", r"many", r"spreading", r"\w+-?sized", r"size of", r"coin", r"grape", r"raw", r"weep\w*",
                     r"ooz\w*", r"in sheets", r"open", r"agony", r"excruciating", r"unbearable", r"severe", r"charred",
                     r"(?:second|third|2nd|3rd) degree", r"melt\w*", r"bubbl\w*", r"burn\w*"))
BURN_CAUSE = _rx(_any(r"peel\w*", r"laser\w*", r"acid\w*", r"tca", r"glycolic", r"lactic", r"phenol", r"ipl", r"burn\w*",
                      r"treatment", r"procedure", r"chemical", r"bleach", r"lemon", r"toothpaste", r"microneedl\w*", r"co2",
                      r"fraxel", r"diy", r"at home", r"home", r"kit", r"solution", r"cream", r"serum"))
MILD = _rx(_any(r"(?:a )?(?:little|tiny|small|slight|slightly|bit of|bit|mild|mildly|minor|few|couple of|pinpoint|faint)",
                r"(?<!not )(?<!n't )(?<!never )stopped", r"went away", r"gone now", r"settled", r"gone down"))

# Suicidal thoughts and self-harm, about oneself or someone at risk.
SELF = _any(r"myself", r"my ?self", r"herself", r"himself", r"themselves", r"themself", r"ourselves", r"yourself")
CRISIS = _rx(_any(
    r"suicid\w*", r"kill\w* " + SELF, r"(?:end|ending|ended|take|taking|took) (?:[\w']+ )?(?:own )?(?:life|lives)",
    r"end (?:it|it all|everything|things|this) ?(?:all|now|tonight|soon|for good)?", r"ending (?:it|it all|everything|things)",
    r"(?:want|wanted|wanna|wants|wish|wishing|going|gonna|ready|decided|plan\w*|trying|tried) (?:[\w']+ ){0,2}(?:to )?die",
    r"(?:rather|better off|be better|would be better|world would be better) (?:[\w']+ ){0,3}(?:dead|gone|without me|not here"
    r"|not around|if i (?:wasn't|weren't|was not|were not|wasnt|didn't exist|disappeared|died))",
    r"better off (?:[\w']+ ){0,2}if (?:i|she|he) (?:[\w']+ )?(?:wasn't|weren't|was not|were not|didn't exist|disappeared|vanished"
    r"|died|was gone|were gone|wasn't here|weren't here|left for good)",
    r"wish (?:[\w']+ ){0,2}(?:dead|i (?:was|were|wasn't|weren't|wasnt) (?:[\w']+ )?(?:born|here|alive|dead|around)|i (?:could )?"
    r"(?:disappear|vanish|stop existing|not exist|sleep forever|never wake|not wake|die|just die|fall asleep and))",
    r"(?:don't|dont|do not|doesn't|does not|never|not) (?:[\w']+ ){0,2}(?:want|wanting|wanna|wish|wishing) (?:to )?(?:[\w']+ ){0,2}(?:live|be alive|be here"
    r"|exist|wake up|go on|be around|see tomorrow|keep going|carry on)",
    r"(?:hope|hoping|pray\w*) (?:[\w']+ ){0,2}(?:don't|do not|never|won't|wont|will not|not) (?:[\w']+ ){0,2}wake",
    r"not (?:[\w']+ ){0,1}wake up", r"never wake up", r"sleep (?:and|forever|and never)", r"stop existing",
    r"(?:i|i'm|i'd) (?:(?:just|really|honestly|literally|sometimes|often|kinda|kind of|so|want|wanna|wish|could|would|"
    r"like|to|feel like|i|need|am going|am gonna|gonna|going)\s){1,4}(?:disappear|vanish)(?: (?:forever|for good|completely|"
    r"permanently|from (?:this|the) world|from everyone|off the face|and never|and not)|\s*$)",
    r"(?:i'm|i am|im|being|feel like|i feel|just) (?:[\w']+ ){0,2}(?:a |such a |the )?burden", r"burden (?:to|on|for) (?:everyone"
    r"|everybody|my|them|you|people)", r"(?:everyone|everybody|they|people|family|world) (?:[\w']+ ){0,3}(?:better off|happier)"
    r" (?:[\w']+ ){0,3}(?:without me|if i)", r"no (?:reason|point|purpose) (?:[\w']+ ){0,2}(?:to |in |of )?(?:live|living|going on"
    r"|being alive|life|be here|existing|anything|carrying on|trying)", r"(?:what's|whats|what is) the point (?:[\w']+ ){0,3}"
    r"(?:living|life|anything|going on|being alive|existing|of me|trying anymore|anymore)",
    r"can't (?:[\w']+ ){0,2}(?:go on|do (?:this|it|life) (?:anymore|any more)|keep going|live like this|carry on|be here anymore)",
    r"(?:pills|tablets|paracetamol|tylenol|meds|medication|sleeping pills|painkillers|pill) (?:[\w']+ ){0,5}(?:saved|stockpil\w*"
    r"|collect\w*|hoard\w*|stash\w*|stored|saving|hidden|hid)", r"(?:saved|saving|stockpil\w*|collect\w*|hoard\w*|stash\w*|"
    r"hidden|hid) (?:[\w']+ ){0,4}(?:pills|tablets|paracetamol|tylenol|meds|medication|painkillers)",
    r"how many (?:[\w']+ ){0,3}(?:pills|tablets|paracetamol|tylenol|meds|painkillers|sleeping) (?:[\w']+ ){0,4}(?:take|kill|die|lethal"
    r"|overdose|od|would it)", r"overdos\w*", r"lethal dose", r"(?:od|o\.d)(?: on|ing)\b", r"jump (?:off|from|in front)",
    r"hang\w* " + SELF, r"noose", r"slit\w* (?:my|her|his) (?:wrists?|throat)", r"(?:goodbye|suicide) (?:note|letter)",
    r"(?:write|wrote|writing|written|left) (?:[\w']+ ){0,2}(?:goodbye|final) (?:[\w']+ ){0,2}(?:note|letter|message)",
    r"giv\w* (?:[\w']+ ){0,3}(?:stuff|things|belongings|possessions|everything) away", r"won't be (?:[\w']+ )?(?:around|here) (?:much"
    r" longer|for long|tomorrow|anymore|after)", r"not (?:gonna|going to) be (?:[\w']+ )?(?:around|here) (?:much longer|for long"
    r"|tomorrow|anymore|soon)", r"say(?:ing)? (?:my )?goodbyes?", r"this is goodbye", r"goodbye (?:forever|everyone|world)",
    r"(?:want|wanna|wanted|going|gonna|tempted|urge|urges) (?:[\w']+ ){0,2}(?:to )?(?:hurt|harm|cut|burn|punish|hit) " + SELF,
    r"(?:hurt\w*|harm\w*|cut\w*|burn\w*|punish\w*|hit\w*|scratch\w*|starv\w*|injur\w*|stab\w*|mutilat\w*) " + SELF,
    r"self[ -]?harm\w*", r"self[ -]?injur\w*", r"selfharm\w*", r"cut\w* (?:my|her|his|their) (?:wrists?|arms?|legs?|thighs?"
    r"|stomach|skin) (?:again|with|open)", r"cut\w* (?:my|her|his|their) (?:wrists?|arms?|thighs?)",
    r"(?:razor|blade|knife|scissors|glass) (?:[\w']+ ){0,3}(?:on|to|into|across) (?:my|her|his) (?:skin|arms?|wrists?|legs?|thighs?)",
    r"(?:relaps\w*|clean for|days clean|weeks clean|months clean) (?:[\w']+ ){0,6}(?:cut\w*|harm\w*|hurt\w*|burn\w*|again)",
    r"(?:cut|cutting|harming|hurting) again", r"cutting (?:myself|herself|himself|themselves|again|is the only)",
    r"(?:pick|scratch|dig|tear|rip)\w* (?:[\w']+ ){0,4}(?:until|till|til) (?:it|they|i|my skin) (?:[\w']+ ){0,2}bl(?:ee|ed)\w*"
    r" (?:[\w']+ ){0,6}(?:on purpose|deserve|punish|because i want|to feel|to punish)",
    r"(?:deserve|punish\w*) (?:[\w']+ ){0,4}(?:pain|to hurt|to suffer|to bleed|to die|myself)",
    # Farewells, plans and means.
    r"won't need (?:them|it|this|that|those|these|anything|my (?:[\w']+ )?(?:things|stuff)) (?:[\w']+ ){0,2}(?:anymore|any more"
    r"|where|much longer|after tonight)", r"where i'm going", r"won't be needing (?:[\w']+ ){0,2}(?:anymore|treatment|it)",
    r"(?:i have|i've got|i've made|i made|got) (?:a|my) plan", r"a plan and a date", r"made (?:my )?peace", r"(?:this|it) (?:will be|is)"
    r" my last (?:message|text|time|night)", r"tonight'?s the night", r"tonight is the night", r"my last (?:message|night|day)",
    r"(?:thinking|thought|think) (?:[\w']+ ){0,2}(?:about |of )?(?:jumping|doing it|how (?:i'd|i would|i'll|i will|i could) do it"
    r"|ending it|the bridge|the roof|the tracks)", r"how (?:i'd|i would|i'll|i will) do it", r"jump\w* (?:off|from|in front)",
    r"in front of (?:a |the )?(?:train|bus|car|lorry|truck)", r"(?:way|ways|how|best way|easiest way|painless way) to (?:die|kill"
    r" myself|end it|end my life|not wake up)", r"least painful way",
    r"(?:wrote|writing|written|made|making|write) (?:[\w']+ )?(?:my|a) will\b", r"(?:lost|losing) (?:my |the )?will to live",
    r"who (?:should|will|would|gets|can have) (?:get |have )?my (?:things|stuff|belongings)", r"(?:giv\w*|gave) (?:[\w']+ ){0,2}away"
    r" (?:[\w']+ ){0,2}(?:things|stuff|belongings|possessions|everything|stuff)", r"look after my (?:cat|dog|pets?|kids|children"
    r"|rabbit|hamster|family|little (?:sister|brother)|mum|mom|dad)", r"(?:thanks|thank you) for everything(?: [\w']+){0,4} (?:love"
    r" you|goodbye|bye|look after)", r"(?:said|saying|say) (?:my )?(?:good ?)?byes? to (?:my |everyone|everybody|all|them)",
    r"(?:wanted|want|wanna|just) (?:to )?say (?:good ?)?bye(?! for now)", r"(?:won't|will not|not gonna|not going to|wont) be"
    r" (?:around|here|alive) (?:[\w']+ ){0,3}(?:long|longer|anymore|any more|tomorrow|much)",
    r"won't have to (?:deal with|worry about|see|put up with) (?:me|him|her|them) (?:[\w']+ ){0,2}(?:longer|anymore|soon)",
    r"(?:no ?one|nobody|noone) (?:would|will|'d|is going to|gonna|is gonna) (?:even )?(?:miss|notice|care) (?:me|her|him|them|if)",
    r"(?:if i|i|she|he) (?:just )?(?:didn't|did not|don't|wasn't|weren't) exist", r"not (?:be|being) here (?:at all|anymore|any more"
    r"|tomorrow|much longer)", r"wish (?:i|she|he) (?:wouldn't|would not|didn't|did not|couldn't|won't|wouldnt) (?:[\w']+ ){0,2}"
    r"(?:come back|wake|survive|make it)", r"(?:if i was|if i were|when i'm|i'd be) gone", r"disappear\w* (?:forever|for good|permanently"
    r"|off the face|from (?:this|the) world)", r"(?:want|wanna|need|wish) (?:[\w']+ ){0,2}(?:it all|everything|all of it|life|the pain)"
    r" to (?:stop|end)(?: [\w']+){0,6} (?:permanently|forever|for good|all of it)", r"(?:want|wanna|need) it all to (?:stop|end)",
    r"(?:want|wants|wanted|wanna|wish|wishes) (?:to )?be dead", r"(?:don't|do not|can't|cannot) see (?:the |any )?point (?:in |of )?"
    r"(?:living|life|going on|being alive|anything|carrying on|being here)", r"better (?:off )?without (?:me\b|my [\w']+ (?:[\w']+ )?in it)",
    r"(?<!financial )(?:a|such a|the|just a|only a|big) burden\b", r"(?:pills|tablets|blade|razor|rope) (?:[\w']+ ){0,2}ready",
    r"(?:got|have|bought) (?:the |my |a )?(?:blade|razor|rope)", r"(?:take|taking|swallow\w*) (?:all|every|a whole|the whole)"
    r" (?:of )?(?:my |the )?(?:pills|tablets|meds|bottle|box|packet)",
    # Self-harm acts.
    r"(?:started|start|been|keep|kept|go back to|went back to) (?:[\w']+ )?cutting(?! (?:out|down|back|my hair|dairy|sugar|carbs))",
    r"(?:and|i|then|to|i just) (?:[\w']+ )?cut(?:ting)?(?: (?:again|more|deeper))?$",
    r"(?:burn|burning|burnt|burned|slice|slicing|sliced|cut|cutting|scratch\w*|carv\w*|punch\w*|bang\w*|hit|hitting|stab\w*|scrap\w*)"
    r" (?:[\w']+ ){0,2}(?:my|her|his|their) (?:arms?|wrists?|legs?|thighs?|skin|head|scars?|stomach|knuckles|face|hands?)"
    r"(?: [\w']+){0,4} (?:with a|with the|with my|on purpose|against|lighter|cigarette|razor|blade|knife|until|til|till|open)",
    r"(?:bang|banging|banged|hit|hitting|punch\w*) (?:my )?(?:head|fists?|knuckles) (?:[\w']+ ){0,3}(?:against|into|on) (?:the |a )?walls?",
    r"punch\w* (?:the )?walls?", r"self ?-? ?harm\w*", r"self ?-? ?injur\w*",
    r"kill (?:me|myself)$", r"want (?:to )?be dead", r"wanna be dead", r"be dead (?:by|soon|tomorrow)",
    r"(?:life|living) (?:[\w']+ ){0,2}(?:isn't|is not|not|isnt) worth (?:[\w']+ )?living", r"not worth living",
))
# General questions about other people ("can isotretinoin make teens suicidal?") are not a crisis,
# unless the message also says the writer feels or does it.
CRISIS_QUESTION_ABOUT_OTHERS = re.compile(
    r"^(?:can|could|does|do|will|would|might|may|is|are|what|how|why|which)\b(?!')(?!.*\b(?:i|i'm|im|me|my|myself|i've|i feel)\b)"
)
FEELING = _rx(_any(r"(?:i|i'm|i've) (?:[\w']+ )?(?:do|feel|felt|think|thought|have|had|want|wanted|am|keep|been|can't|cannot|don't"
                   r"|wish|plan|planned|started|just)"))
RECOVERED = _rx(_any(r"good place", r"doing (?:well|better|fine|great)", r"recovered", r"clean for (?:[\w']+ ){0,2}years",
                     r"much better now", r"(?:don't|do not) anymore", r"no longer", r"haven't (?:[\w']+ ){0,2}(?:in|for) years",
                     r"stopped (?:[\w']+ ){0,3}years ago", r"old scars", r"happier now"))
# When the sign happened: long over, or now.
LONG_PAST = _rx(_any(
    r"(?:\d+|a few|few|several|many|two|three|four|five|ten|some|couple of|a couple of) years? ago", r"years ago", r"a year ago",
    r"as a (?:kid|child|teen|teenager|baby|toddler|student)", r"when (?:i|she|he|they) (?:was|were) (?:\d+|younger|little|small"
    r"|a kid|a child|a teen\w*|in school|at school|at uni|pregnant)", r"last (?:year|summer|winter|spring|autumn|fall|month)",
    r"back in", r"in (?:19|20)\d\d", r"used to", r"(?:it|she|he|they|i) (?:was|were|is|are|'s|'m) (?:totally |completely |all )?"
    r"(?:fine|ok|okay|better|healed|recovered) (?:now|after|afterwards|since)", r"(?:she's|he's|it's|i'm|they're) (?:totally |all )?"
    r"(?:fine|ok|okay) now", r"all sorted", r"turned out", r"then it was fine", r"fine now", r"better now", r"long time ago",
    r"(?:she's|he's|they're) fine", r"as a teenager", r"in (?:year|yr|grade|form) \d+", r"in (?:primary|secondary|high|middle)"
    r" school", r"in (?:my|her|his) (?:teens|twenties|youth)", r"childhood",
))
ACUTE = _rx(_any(
    r"today", r"tonight", r"this (?:morning|afternoon|evening)", r"right now", r"just now", r"last night", r"yesterday",
    r"(?:\d+|few|couple of|an?|one|two|ten|twenty|thirty) (?:min|mins|minutes|hours?|hrs?) (?:ago|after|later|now|since)",
    r"(?:is|are|it's|i'm|i am|keeps?|was|were) still", r"still (?:bleeding|going|running|there|swollen|spreading|hurts|hurting"
    r"|growing|white|grey|gray|blurry|dark|can't|getting)", r"won't stop", r"getting worse", r"going on", r"been going",
    r"since (?:this|last night|yesterday|then|the)", r"at the moment", r"currently", r"happen(?:ed|ing) (?:to me|like|just|about)",
    r"it happened",
))
HYPOTHETICALLY = _rx(_any(r"hypothetical\w*", r"not happening", r"(?:just|only) (?:want|wanted|wanna) to (?:be prepared|know in case"
                          r"|be ready)", r"in theory", r"for (?:a|my) (?:project|essay|assignment|class|presentation)"))
REPORTED = _rx(_any(
    r"(?:saw|seen|see|watched|watching|read|reading|heard|hearing) (?:[\w']+ ){0,5}(?:tiktok|reddit|video|videos|post|posts|thread|story"
    r"|stories|article|online|youtube|instagram|forum|news|documentary|review|reviews|clip|reel)",
    r"(?:on|from) (?:tiktok|reddit|youtube|instagram|twitter|facebook|the news|a forum|the internet)",
))
REPORTER = _rx(r"(?:i|i've|we) (?:just |once |recently )?(?:saw|seen|watched|read|heard|was reading|was watching)")
FIRST_PERSON = _rx(_any(r"i", r"i'm", r"i've", r"my", r"me", r"myself"))
# A sign that is denied ("no fever", "not suicidal", "no vision problems") is not there.
NEGATED = re.compile(
    r"\b(?:no|not|without|zero|never|nor|denies|isn't|aren't|wasn't|there's no|haven't got|don't have|doesn't have|hasn't got)"
    r" (?:any |a |the |signs? of |real |obvious |more |further )?(?:(?!stop)[\w']+ )?(?:fever\w*|temperature|temp|chills|vision|sight"
    r"|eyesight|blurr\w*|spread\w*|redness|streaks?|pus|swelling|breathing|breathe|trouble|problems?|issues?|pain|bleeding|blood"
    r"|blisters?|suicidal|suicide|self ?-? ?harm\w*|dizz\w*|faint\w*|chest|wheez\w*|rash|hives|change\w*)\b"
    r"(?: (?:or|and|nor|,) (?:[\w']+ )?[\w']+)*"
)
# Figures of speech that use the same words and mean no harm.
FIGURES = re.compile(_any(
    r"\bkill(?:ing)? (?:me|it|them|those|these|my (?:vibe|mood|confidence|skin|acne|spots|zits|pimples|scars))\b(?! ?self)",
    r"\b(?:dying|die|died|dead|going to die|gonna die) (?:to|of|from|with|laughing) ?(?:know|try|get|see|hear|embarrass\w*"
    r"|laugh\w*|cringe|shame|envy|jealous\w*|boredom)?\b",
    r"\bi'm dead\b", r"\bdead skin\b", r"\bkill for\b", r"\b(?:will|would|gonna|going to) (?:literally )?kill me\b",
    r"\bdead (?:cells?|ends?|serious|tired|set)\b", r"\bi (?:literally )?died\b", r"\bshoot me\b", r"\bheart attack (?:every|each"
    r"|when|whenever)\b", r"\bgave me a heart attack\b", r"\bnot (?:suicidal|going to hurt myself|gonna hurt myself)\b",
))


def _clauses(text: str) -> Iterator[str]:
    for sentence in re.split(r"\s*(?:(?:(?<!\d)\.|[!?;:\n])+|\s-\s|,\s*(?:but|and|so|then|now|plus)\b|\b(?:but|however|anyway|also)\b)\s*", text):
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
        clauses = [clause for clause in clauses if FIRST_PERSON.search(REPORTER.sub(" ", clause))]
    context = _Context(
        injection=INJECTION.search(message) is not None,
        procedure=PROCEDURE.search(message) is not None,
        burn_cause=BURN_CAUSE.search(message) is not None,
        fever=any(FEVER.search(clause) and not _is_hypothetical(clause) and not MILD_FEVER.search(clause) for clause in clauses),
        after_procedure=AFTER_PROCEDURE.search(message) is not None,
        trigger=bool(AFTER_PROCEDURE.search(message) or ALLERGY.search(message) or (acute and PROCEDURE.search(message))),
        bleeding=bool(BLEED.search(message) and UNSTOPPABLE.search(message) and not BLEEDING_STOPPED.search(message)),
    )
    for clause in clauses:
        if _is_hypothetical(clause) and not acute:
            continue
        concept = _emergency_concept(clause, context)
        if concept:
            return "emergency", concept
    return None


def _crisis(message: str, clauses: list[str]) -> bool:
    about_oneself = FEELING.search(message) is not None
    for clause in clauses:
        if CRISIS.search(clause) and (about_oneself or not CRISIS_QUESTION_ABOUT_OTHERS.search(clause)):
            return not (RECOVERED.search(message) and LONG_PAST.search(message))
    return False


@dataclass(frozen=True)
class _Context:
    injection: bool
    procedure: bool
    burn_cause: bool
    fever: bool
    after_procedure: bool
    trigger: bool  # something the face or lips could be reacting to
    bleeding: bool


def _emergency_concept(clause: str, context: _Context) -> Optional[str]:
    if AIRWAY.search(clause):
        return "breathing difficulty or swelling of the airway (anaphylaxis)"
    if FACE_SWELLING.search(clause) and not MILD.search(clause) and context.trigger:
        return "swelling of the face or lips (allergic reaction)"
    if VISION_CHANGE.search(clause):
        return "vision change (after an injection: vascular occlusion)" if context.injection else "sudden vision change"
    if context.injection and SKIN_COLOUR.search(clause) and not (BRUISE.search(clause) and MILD.search(clause)):
        return "skin turning white, grey, dusky or mottled after an injection (vascular occlusion)"
    if context.injection and SEVERE_PAIN.search(clause):
        return "severe pain after an injection (vascular occlusion)"
    if context.fever and (SPREADING.search(clause) or INFLAMED.search(clause)
                          or (context.after_procedure and FEVER.search(clause))):
        return "fever with a spreading infection"
    if SPREADING.search(clause) and re.search(r"\b(?:red )?streaks?\b|red lines?", clause):
        return "red streaks spreading from a wound"
    if context.bleeding and (BLEED.search(clause) or UNSTOPPABLE.search(clause)):
        return "bleeding that will not stop"
    if FAINTING.search(clause) and not HABITUAL_FAINT.search(clause):
        return "fainting"
    if CHEST_PAIN.search(clause):
        return "chest pain"
    if BLISTER.search(clause) and context.burn_cause and BURN_SIZE.search(clause):
        return "large blistering burn"
    return None
