"""Media: a word that names a means, a channel or a vehicle is no evidence of its category where it is the channel
or the vehicle of another category's activity.

The label rules code what a sentence is about, not the tool or the channel through which it happened: «dei
forklarte på teiknspråk med tolk korleis vi sorterer» is waste sorting (at a school for the deaf, sign language and
interpreters are how everything happens), «Podkasten handla om klimaangst» is climate, not digital (the label rules'
own example), «en tegnspråkvideo om klimaendringer» a video about the climate. A codebook lists such words under a
category's ``media`` (:attr:`~qualcode.tagging.codebook.Category.media`); their evidence is dropped when the sentence
holds evidence of another category (the activity's topic) and the word stands in one of three frames:

- **channel**: after «på», «via», «over», «gjennom» or «med», at most :data:`GAP` words between («på dansk
  teiknspråk», «med ein tolk», «over video»); not «med» after a verb of bringing or having («fikk med tolk», «hadde
  med seg tolk»: the arrangement itself);
- **vehicle of a topic**: the subject of «handle om» / «dreie seg om» («Podkasten (vår) handla om …»), the thing
  shown in «framvisning(en) av …», or where a theme was («tema i/på bloggen»);
- **product**: a compound in which the word is not the head and which names another category («tegnspråkvideo»:
  digital, «teiknspråkkanal»).

The word keeps its category where the sentence is about it (no other category's evidence: «Vi hadde møte med tolk for
foreldra») and in any other frame («partnerskolen skaffet tolk», «Elevene laget en podkast og redigerte den selv»).
"""

from __future__ import annotations

from qualcode.tagging.tokens import Tokens

CHANNEL_PREPOSITIONS = frozenset({"på", "via", "over", "gjennom", "med"})
# «fikk med tolk», «hadde med seg tolk», «tok med ein tolk»: bringing one along is the arrangement, not a channel
BRINGING = frozenset({"fikk", "fekk", "få", "får", "hadde", "ha", "har", "hatt", "tok", "ta", "tar", "tek", "teke",
                      "tatt", "skaffet", "skaffa", "ville", "vil", "kunne", "kan", "skulle", "skal"})
SHARED = frozenset({"felles", "delt", "delte"})
GAP = 2  # words between a preposition and the medium: «på dansk teiknspråk», «med ein tolk»
OWNERS = frozenset({"vår", "vårt", "våre", "min", "mitt", "mine", "sin", "sitt", "sine", "deira", "deres", "hans",
                    "hennar", "hennes"})
DETERMINERS = OWNERS | frozenset({"den", "det", "dei", "de", "en", "ein", "ei", "et", "eit"})
ABOUT = frozenset({"handle", "dreie"})  # «handla om», «dreier seg om»
SHOWING = ("framvisning", "fremvisning", "visning", "framsyning", "vising", "premiere")


def _channel(tokens: Tokens, i: int) -> bool:
    """True if token ``i`` follows a channel preposition, at most :data:`GAP` words between, in its sentence."""
    lower, sentence, punct = tokens.lower, tokens.sentence, tokens.punct
    for j in range(i - 1, max(-1, i - 2 - GAP), -1):
        if sentence[j] != sentence[i] or punct[j]:
            return False
        if lower[j] in SHARED:
            return False  # «på ein felles blogg»: a shared platform is collaboration, what the sentence is about
        if lower[j] in CHANNEL_PREPOSITIONS:
            return not (lower[j] == "med" and j > 0 and lower[j - 1] in BRINGING)
    return False


def _vehicle(tokens: Tokens, i: int) -> bool:
    """True if token ``i`` is what a topic was carried by: «Podkasten handla om», «framvisninga av podkasten», «tema
    på bloggen»."""
    lower, keys, n = tokens.lower, tokens.keys, len(tokens)
    j = i + 1
    while j < n and lower[j] in OWNERS:
        j += 1
    if j + 1 < n and not ABOUT.isdisjoint(keys[j]) and "om" in lower[j + 1:j + 3]:
        return True
    k = i - 1
    if k > 0 and lower[k] in DETERMINERS:
        k -= 1
    if k < 1:
        return False
    before = lower[k - 1]
    return (lower[k] == "av" and before.startswith(SHOWING)) or (lower[k] in {"i", "på"} and before.startswith("tema"))


def _product(tokens: Tokens, i: int, word: str) -> bool:
    """True if token ``i`` is a compound whose head is not the medium ``word``: «tegnspråkvideo»."""
    parts = tokens.parts[i]
    return len(parts) > 1 and parts[-1] != word and word in parts[:-1]


def media_frames(tokens: Tokens, best: dict, is_media) -> dict:
    """``best`` (evidence keyed by (start, end, category)) without the media words that are the channel, the vehicle
    or the product of another category's activity (see the module docstring)."""
    media = [key for key, rule in best.items() if key[1] == key[0] + 1 and is_media(rule)]
    if not media:
        return best
    sentence = tokens.sentence
    drop = []
    for key in media:
        start, _, category = key
        others = {s for s, _, c in best if c != category and sentence[s] == sentence[start]}
        if others and (_channel(tokens, start) or _vehicle(tokens, start)
                       or (start in others and _product(tokens, start, best[key].text))):
            drop.append(key)
    if not drop:
        return best
    return {key: rule for key, rule in best.items() if key not in drop}
