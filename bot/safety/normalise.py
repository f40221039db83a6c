"""Text as the red-flag detector reads it: one plain lower-case Latin spelling.

Patients and pranksters write the same words in many ways: full-width or
accented letters, a Cyrillic "а" inside "kill", a zero-width space inside a
word, "heeelp", "k1ll", "cnat breathe", emoji. Every one of them is folded here
before any pattern is matched, so the patterns only need the plain spelling.
"""

from __future__ import annotations

import difflib
import gzip
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import spacy_lookups_data

from bot import settings

# Invisible characters that can hide inside a word.
_INVISIBLE = dict.fromkeys(
    map(
        ord,
        "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u200d\u200e\u200f"
        "\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\ufeff",
    )
)

# Letters of other scripts that look like Latin ones (Unicode's confusables for
# the letters that matter here: Cyrillic and Greek).
_CONFUSABLES = str.maketrans(
    {
        "а": "a",
        "в": "b",
        "е": "e",
        "ё": "e",
        "з": "3",
        "к": "k",
        "м": "m",
        "н": "h",
        "о": "o",
        "п": "n",
        "р": "p",
        "с": "c",
        "т": "t",
        "у": "y",
        "х": "x",
        "ь": "b",
        "і": "i",
        "ї": "i",
        "ј": "j",
        "ѕ": "s",
        "ԁ": "d",
        "ԛ": "q",
        "ԝ": "w",
        "һ": "h",
        "ӏ": "l",
        "ɡ": "g",
        "α": "a",
        "β": "b",
        "γ": "y",
        "ε": "e",
        "η": "n",
        "ι": "i",
        "κ": "k",
        "ν": "v",
        "ο": "o",
        "ρ": "p",
        "τ": "t",
        "υ": "u",
        "χ": "x",
        "ω": "w",
        "ѵ": "v",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
    }
)

# Digits and symbols written for letters inside a word ("k1ll", "d!e", "$uicide").
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"})
_LEET_WORD = re.compile(r"(?<![\w@$!])(?=[\w@$!]*[a-z])(?=[\w@$!]*[013457@$!])[a-z][\w@$!]*[a-z]\b")

_ONE_WORDS = {"no": "no one", "some": "someone", "sum": "someone", "any": "anyone", "every": "everyone", "evry": "everyone"}
# "dye" ending its clause or followed by when: "i wanna dye", "ready to dye tonight"
# (not "want to dye blonde", "going to dye again").
_DYE_FOR_DIE = re.compile(
    r"\b(wanna|wana|want to|ready to|going to|gonna|i'll|i will|just|to just) dye"
    r"(?=\s*(?:[.,!?;:]|$|tonight|now|today|soon|already|honestly|tbh|in my sleep)|\s+(?:and|but|i|im|i'm)\b)"
)

# Emoji that carry the meaning of a word.
_EMOJI = {
    "🩸": " blood ",
    "💉": " injection ",
    "💊": " pills ",
    "🔪": " knife ",
    "🪒": " razor ",
    "🤒": " fever ",
    "🌡": " fever ",
    "🔥": " burning ",
    "😵": " dizzy ",
    "🥵": " hot ",
    "🤮": " vomit ",
    "🫁": " breathing ",
    "🆘": " help ",
    "🚑": " ambulance ",
    "⚰": " dead ",
    "🪦": " dead ",
    "🌉": " bridge ",
    "🍷": " wine ",
    "🔫": " gun ",
    "🪢": " rope ",
}
_EMOJI_PATTERN = re.compile("|".join(map(re.escape, _EMOJI)))

# Shorthand and slang, as whole words, into the plain words the patterns use.
_SHORTHAND = {
    # Clinical words carers and staff use, in the plain words the patterns know.
    "diplopia": "double vision",
    "angioedema": "swollen lips",
    "dyspnoea": "difficulty breathing",
    "dyspnea": "difficulty breathing",
    "syncope": "fainting",
    "syncopal": "fainted",
    "pyrexia": "fever",
    "pyrexial": "fever",
    "febrile": "fever",
    "rigors": "chills",
    "bullae": "blisters",
    "kms": "kill myself",
    "kys": "kill yourself",
    "unalive": "kill myself",
    "unaliving": "killing myself",
    "unalived": "killed myself",
    "sewerslide": "suicide",
    "suicde": "suicide",
    "sucide": "suicide",
    "suiside": "suicide",
    "cnat": "can't",
    "cant": "can't",
    "cannot": "can't",
    "cnt": "can't",
    "carnt": "can't",
    "caint": "can't",
    "wont": "won't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "wasnt": "wasn't",
    "werent": "weren't",
    "arent": "aren't",
    "couldnt": "couldn't",
    "wouldnt": "wouldn't",
    "shouldnt": "shouldn't",
    "wud": "would",
    "wana": "wanna",
    "witout": "without",
    "ded": "dead",
    "blu": "blue",
    "blud": "blood",
    "breth": "breathe",
    "redy": "ready",
    "wight": "white",
    "rite": "right",
    "dissapear": "disappear",
    "dissapearing": "disappearing",
    "dont": "don't",
    "doesnt": "doesn't",
    "isnt": "isn't",
    "didnt": "didn't",
    "im": "i'm",
    "ive": "i've",
    "its": "it's",
    "u": "you",
    "ur": "your",
    "r": "are",
    "pls": "please",
    "plz": "please",
    "rn": "right now",
    "atm": "right now",
    "asap": "now",
    "cuz": "because",
    "bc": "because",
    "breath": "breathe",
    "breating": "breathing",
    "brething": "breathing",
    "breahting": "breathing",
    "temp": "temperature",
    "feva": "fever",
    "fevers": "fever",
    "tho": "though",
    "gf": "girlfriend",
    "bf": "boyfriend",
    "bro": "brother",
    "sis": "sister",
    "mum": "mother",
    "mom": "mother",
    "mam": "mother",
    "ma": "mother",
    "dad": "father",
    "bby": "baby",
    "w": "with",
    "ppl": "people",
    "blurr": "blurry",
    "blury": "blurry",
    "blurrry": "blurry",
    "vison": "vision",
    "vission": "vision",
    "eyesite": "eyesight",
    "filer": "filler",
    "fillr": "filler",
    "filla": "filler",
    "injecton": "injection",
    "injektion": "injection",
    "needel": "needle",
    "wnt": "want",
    "kil": "kill",
    "tonite": "tonight",
    "nite": "night",
    "gona": "gonna",
    "sory": "sorry",
    "evry": "every",
    "agian": "again",
    "rly": "really",
    "ty": "thank you",
    "thx": "thanks",
    "b": "be",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "tn": "tonight",
    "wkend": "weekend",
    "tounge": "tongue",
    "yrs": "years",
    "yr": "year",
    "watchd": "watched",
    "msg": "message",
}

# Words the patterns look for; a misspelling of one (one or two letters off) is read as it.
VOCABULARY = frozenset(
    """
breathe breathing breathless wheezing wheeze throat tongue swelling swollen swelled vision blurry blurred
eyesight blind blindness shadows bleeding bleed bleeds blood heavily fever feverish shivering chills
spreading spread redness streaks filler fillers injection injected injections needle juvederm restylane
suicide suicidal myself herself himself themselves severe extreme excruciating unbearable terrible
dusky purple bluish blanched blanching mottled white painful fainted fainting passed collapsed
unconscious chest pressure tightness blisters blistering blister burned burning emergency ambulance
disappear vanish burden overdose pills tablets goodbye cutting razor blade hurting harming alive
living anymore worthless hopeless vomiting dizzy dizziness tingling numbness cheek nostril forehead
want just kill pills every mirror thinking taking everyone nothing something planning
allergic allergy reaction anaphylaxis anaphylactic hives closing tightening seizure temperature
infected infection weeping oozing pain harm self never forever convulsion suddenly dead jump slice
""".split()
)


# Short words spaCy's lemma table leaves out.
_SHORT_WORDS = frozenset(
    """a i an as at be by do go he if in is it me my no of oh on or so to up us we all and any are but can
cut die end few for get got her him his how its let lot may not now off old one our out own say see she the too was way who why
yes you this that with from want even just before after about there their would could should because never
ever again tonight myself going im ive dont cant wont""".split()
)


# spaCy's table of word probabilities, from this one on: common words, few typos.
_COMMON_WORD_LOG_PROBABILITY = -16.0


def english_words() -> frozenset[str]:
    """Words of English from spacy-lookups-data: every form in the lemma table and
    every common word of the probability table. Slow (about 1.5 s): `make setup`
    writes them to build/ once (`write_english_words`)."""
    folder = Path(spacy_lookups_data.__file__).parent / "data"
    with gzip.open(folder / "en_lemma_lookup.json.gz", "rt", encoding="utf-8") as file:
        lemmas = json.load(file)
    with gzip.open(folder / "en_lexeme_prob.json.gz", "rt", encoding="utf-8") as file:
        common = {
            word
            for word, log_probability in json.load(file).items()
            if log_probability > _COMMON_WORD_LOG_PROBABILITY and word.isalpha() and word.islower()
        }
    return frozenset(lemmas) | frozenset(lemmas.values()) | frozenset(common)


def write_english_words(path: Path = settings.ENGLISH_WORDS_FILE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(sorted(english_words())), encoding="utf-8")
    _english_words.cache_clear()


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """Words of English, which are never "corrected" nor split."""
    if settings.ENGLISH_WORDS_FILE.is_file():
        return frozenset(settings.ENGLISH_WORDS_FILE.read_text(encoding="utf-8").split())
    return english_words()


def is_english_word(word: str) -> bool:
    """Whether the lower-cased `word` is a word of English (not a misspelling to correct)."""
    return word in _english_words()


# The rules and the classifier both read each message in this form.
@lru_cache(maxsize=256)
def normalise(text: str) -> str:
    """The text in one plain lower-case Latin spelling, words separated by single spaces."""
    text = text.translate(_INVISIBLE)
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    text = _EMOJI_PATTERN.sub(lambda match: _EMOJI[match.group(0)], text)
    text = text.lower().translate(_CONFUSABLES)
    # Accents off ("fièvre" stays readable, "é" becomes "e").
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    # "k i l l", "K-I-L-L": letters written apart, read as the word.
    text = re.sub(r"\b(?:[a-z] ){2,}[a-z]\b|\b(?:[a-z]-){2,}[a-z]\b", lambda match: re.sub(r"[ -]", "", match.group(0)), text)
    # A starred-out letter ("k*ll", "su*cide") is most often an i; "want 2 b" is "want to be".
    text = re.sub(r"(?<=[a-z])\*(?=[a-z])", "i", text)
    text = re.sub(r"\b(want|wanna|going|have|got|need|ready|about) 2\b", r"\1 to", text)
    # "no1", "evry1": the one written as a digit.
    text = re.sub(r"\b(no|some|sum|any|every|evry)1\b", lambda match: _ONE_WORDS[match.group(1)], text)
    # "k.m.s." and "s.h." read as the words they abbreviate.
    text = re.sub(r"(?<=\b[a-z])\.(?=[a-z]\b)", "", text)
    text = _LEET_WORD.sub(lambda match: match.group(0).translate(_LEET), text)
    words = re.findall(r"[a-z]+(?:['-][a-z]+)*|\d+(?:[.,]\d+)?|[^\sa-z\d]", text)
    words = [part for word in words for part in _segmented(word)]
    # Quotation marks around a word ("going to 'catch the bus'") are not part of it.
    text = " ".join(_plain(word) for word in words if word not in ("'", '"'))
    # "i wanna dye" is "die" where nothing is dyed; "took an od" is an overdose.
    text = _DYE_FOR_DIE.sub(r"\1 die", text)
    return re.sub(r"\b(an|to|gonna|wanna|took|take|taking|taken) od\b", r"\1 overdose", text)


@lru_cache(maxsize=4096)
def _segmented(word: str) -> list[str]:
    """Words run together without spaces ("iwanttodie") apart again, for a long
    token that is not a word itself: the split into known words that costs
    least, short function words costing half as much as others."""
    if len(word) < 10 or not word.isalpha() or word in _english_words() or word in VOCABULARY:
        return [word]
    words = _english_words() | VOCABULARY
    best: list[tuple[float, list[str]] | None] = [(0.0, [])] + [None] * len(word)
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 15), end):
            piece, before = word[start:end], best[start]
            if before is None or (len(piece) == 1 and piece not in "ia"):
                continue
            cost = 0.5 if piece in _SHORT_WORDS else 1.0 if piece in words else None
            current = best[end]
            if cost is not None and (current is None or before[0] + cost < current[0]):
                best[end] = (before[0] + cost, before[1] + [piece])
    # A real word split into scraps ("isotretinoin": "i sot ret i no in") costs too much per letter.
    if best[-1] is None or best[-1][0] > 0.25 * len(word):
        return [word]
    return best[-1][1]


@lru_cache(maxsize=16384)
def _plain(word: str) -> str:
    if not word[0].isalpha():
        return word
    if word in _SHORTHAND:
        return _SHORTHAND[word]
    if word in VOCABULARY or len(word) < 4 or word in _english_words():
        return word
    # "heeelp", "bleeeding", "sooo": runs of three or more letters down to two, then one.
    squeezed = re.sub(r"(.)\1{2,}", r"\1\1", word)
    collapsed = re.sub(r"(.)\1+", r"\1", squeezed)
    for candidate in (squeezed, collapsed):
        if candidate in _SHORTHAND:
            return _SHORTHAND[candidate]
        if candidate in VOCABULARY or candidate in _english_words():
            return candidate
    # A short word stretched out ("iiiiit", "alllll", "sooo") is that word.
    for candidate in (squeezed, collapsed):
        if candidate in _SHORT_WORDS:
            return candidate
    # "wnat", "jsut": two neighbouring letters swapped; "thinkin": a dropped g.
    for i in range(len(squeezed) - 1):
        swapped = squeezed[:i] + squeezed[i + 1] + squeezed[i] + squeezed[i + 2 :]
        if swapped in VOCABULARY or (len(swapped) > 4 and swapped in _english_words()):
            return swapped
    if squeezed.endswith("in") and squeezed + "g" in _english_words():
        return squeezed + "g"
    if len(squeezed) < 4:
        return squeezed
    # One slip from a word the patterns look for ("alergic", "sweling", "pian").
    slipped = _one_slip_from_vocabulary(squeezed)
    if slipped is not None:
        return slipped
    # A typo keeps the first letter and the length within a letter or two.
    for match in difflib.get_close_matches(squeezed, _TYPO_TARGETS, n=3, cutoff=0.8):
        if match[0] == squeezed[0] and abs(len(match) - len(squeezed)) <= (1 if len(squeezed) < 8 else 2):
            return _SHORTHAND.get(match, match)
    return squeezed


# What a misspelling can be read as: the patterns' words, and "breath" (for
# "breathe"; the shorthand's other keys are misspellings themselves).
_TYPO_TARGETS = sorted(VOCABULARY | {"breath"})


def _one_slip_from_vocabulary(word: str) -> str | None:
    """The word of `_TYPO_TARGETS` that `word` is one slip from (a letter
    dropped, added, changed, or two neighbours swapped), keeping its first
    letter; None when there is none, or more than one."""
    found = {
        target
        for target in _TYPO_TARGETS
        if target[0] == word[0] and abs(len(target) - len(word)) <= 1 and _one_slip(word, target)
    }
    if len(found) != 1:
        return None
    target = found.pop()
    return _SHORTHAND.get(target, target)


def _one_slip(word: str, target: str) -> bool:
    if word == target:
        return False
    if len(word) == len(target):
        different = [i for i, (a, b) in enumerate(zip(word, target, strict=True)) if a != b]
        swapped = (
            len(different) == 2
            and different[1] == different[0] + 1
            and word[different[0]] == target[different[1]]
            and word[different[1]] == target[different[0]]
        )
        return len(different) == 1 or swapped
    shorter, longer = sorted((word, target), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))
