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
- **vehicle of a topic**: the subject of «handle om» / «dreie seg om» («Podkasten (vår) handla om …», also across
  a relative clause: «Podkasten som vi laga, handla om …», «Podkasten vi høyrde på turen handla om …»), the thing
  shown in «framvisning(en)/framvisinga av …», or where a theme was («tema i/på bloggen»);
- **product**: a compound in which the word is not the head and which names another category («tegnspråkvideo»:
  digital, «teiknspråkkanal»).

The word keeps its category where the sentence is about it (no other category's evidence: «Vi hadde møte med tolk for
foreldra») and in any other frame («partnerskolen skaffet tolk», «Elevene laget en podkast og redigerte den selv»).

A place is the same kind of word (:func:`place_frames`): where a setting's own work happens («skog» for forestry pupils
and kindergartens, «hav» for a fishing school) is no evidence of its category where it is only the **place** of another
category's activity: after «i», «frå/fra», «rundt» or «over», at most :data:`GAP` words between («trene på
maskinkjøring i skogen» with VR glasses, «fly drone over skogen», «bilete frå skogen» on the website). A codebook lists
such words under a category's ``places``.
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
# stems, not words: «framvisninga», «framvisinga», «fremvisingen», «visinga», «framsyninga» (in the bokmål and
# nynorsk lexicons only words of showing start with them, and «framviser», a projector; «vis» would be «visste»)
SHOWING = ("framvis", "fremvis", "visning", "vising", "framsyning", "premiere")
# a relative clause between the medium and «handla om»: «Podkasten som vi laga, handla om», «Podkasten vi høyrde
# på turen handla om» (a contact clause opens with its subject)
RELATIVE_OPENERS = frozenset({"som", "vi", "me", "eg", "jeg", "de", "dei", "du", "han", "ho", "hun", "elevene",
                              "elevane"})
RELATIVE_SPAN = 8  # words from the medium to «handla om» across such a clause, at most
PLACE_PREPOSITIONS = frozenset({"i", "frå", "fra", "rundt", "over"})


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


def _place(tokens: Tokens, i: int) -> bool:
    """True if token ``i`` follows a place preposition, at most :data:`GAP` words between, in its sentence: «i
    skogen», «ute i den skotske skogen», «over skogen»."""
    lower, sentence, punct = tokens.lower, tokens.sentence, tokens.punct
    for j in range(i - 1, max(-1, i - 2 - GAP), -1):
        if sentence[j] != sentence[i] or punct[j]:
            return False
        if lower[j] in PLACE_PREPOSITIONS:
            return True
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
    if j < n and lower[j] in RELATIVE_OPENERS and _about_after_clause(tokens, i, j):
        return True
    k = i - 1
    if k > 0 and lower[k] in DETERMINERS:
        k -= 1
    if k < 1:
        return False
    before = lower[k - 1]
    return (lower[k] == "av" and before.startswith(SHOWING)) or (lower[k] in {"i", "på"} and before.startswith("tema"))


def _about_after_clause(tokens: Tokens, i: int, j: int) -> bool:
    """True if «handle/dreie … om» follows a relative clause that opens at token ``j`` after the medium ``i``:
    «Podkasten som vi laga, handla om», not «ein podkast som handla om» (the clause's own verb, the podcast made)."""
    lower, keys, sentence, n = tokens.lower, tokens.keys, tokens.sentence, len(tokens)
    for k in range(j + 2, min(n - 1, i + 1 + RELATIVE_SPAN)):
        if sentence[k] != sentence[i]:
            return False
        if not ABOUT.isdisjoint(keys[k]):
            return "om" in lower[k + 1:k + 3]
    return False


def _product(tokens: Tokens, i: int, word: str) -> bool:
    """True if token ``i`` is a compound whose head is not the medium ``word``: «tegnspråkvideo»."""
    parts = tokens.parts[i]
    return len(parts) > 1 and parts[-1] != word and word in parts[:-1]


def media_frames(tokens: Tokens, best: dict, is_media) -> dict:
    """``best`` (evidence keyed by (start, end, category)) without the media words that are the channel, the vehicle
    or the product of another category's activity (see the module docstring)."""
    sentence = tokens.sentence

    def dropped(key: tuple[int, int, str]) -> bool:
        start, _, category = key
        others = {s for s, _, c in best if c != category and sentence[s] == sentence[start]}
        return bool(others) and (_channel(tokens, start) or _vehicle(tokens, start)
                                 or (start in others and _product(tokens, start, best[key].text)))

    return _without(best, is_media, dropped)


def place_frames(tokens: Tokens, best: dict, is_place) -> dict:
    """``best`` without the place words that are only where another category's activity took place (see the module
    docstring): the word's category has no other evidence in its sentence, another category has."""
    sentence = tokens.sentence

    def dropped(key: tuple[int, int, str]) -> bool:
        start, _, category = key
        here = [(s, c) for s, _, c in best if sentence[s] == sentence[start]]
        return any(c != category for _, c in here) and not any(c == category and s != start for s, c in here) \
            and _place(tokens, start)

    return _without(best, is_place, dropped)


def _without(best: dict, is_kind, dropped) -> dict:
    """``best`` without the one-word evidence of the kind ``is_kind`` reads (a media or a place word) that
    ``dropped(key)`` says stands in another category's frame."""
    drop = [key for key, rule in best.items() if key[1] == key[0] + 1 and is_kind(rule) and dropped(key)]
    if not drop:
        return best
    return {key: rule for key, rule in best.items() if key not in drop}
