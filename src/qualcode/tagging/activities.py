"""Activities: what a survey answer names when it names something the respondent did.

Each new setting brings its own words for what pupils did or learnt («kanopadling», «dissekering»,
«lastesikring», «vedhogging»); no word list reaches all of them. Norwegian names an activity with
the verbal noun of its verb («padle» → «padling», «dissekere» → «dissekering»), so an answer whose
word is the verbal noun of a verb the lexicon knows names an activity even when no codebook lists
it. The same holds for a compound of a skill, method or subject noun («friluftsferdigheter»,
«gardsarbeid», :func:`skill_compound`) and for a field named by its learned suffix («logistikk»,
:func:`field_name`). A codebook says which category such an answer is evidence of (``activities`` in
docs/codebook-format.md); the tagger uses it only for a short answer no rule fires on, with a
lower score than any rule (:data:`~qualcode.tagging.compiled.WEIGHTS` ``activity``).

>>> activity_verb("kanopadling"), activity_verb("dissekering"), activity_verb("ting")
('padle', 'dissekere', None)
"""

from __future__ import annotations

from functools import lru_cache

from qualcode.nlp.lemmatizer import is_known_lemma
from qualcode.nlp.stopwords import stop_words
from qualcode.nlp.standard import NYNORSK

# A verbal noun's ending and its verb's: «dissekering» → «dissekere», «navigasjon» → «navigere»,
# «omvisning» → «omvise», «padling» → «padle». The longest ending first.
VERBAL_NOUN_ENDINGS = (("ering", "ere"), ("asjon", "ere"), ("ning", "e"), ("ing", "e"))
SHORTEST_VERB = 4  # «hogge», «padle», «sy»-like stems shorter than this are too often another word («ting» → «te»)
ACTIVITY_TEXT = 5  # at most this many tokens: a survey answer naming one thing


@lru_cache(maxsize=100_000)
def activity_verb(word: str) -> str | None:
    """The verb whose verbal noun ``word`` (lower case) is, else None.

    The verb may end a compound: «vedhogging» is «hogge» with its object, «lastesikring» «sikre».
    The verb must be a lemma the lexicon knows, bokmål or nynorsk.
    """
    word = word.rsplit("-", 1)[-1]  # «CV-skriving»: the last piece
    if not word.isalpha():
        return None
    for ending, verb_ending in VERBAL_NOUN_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending):
            verb = word[: -len(ending)] + verb_ending
            for start in range(len(verb) - SHORTEST_VERB + 1):
                tail = verb[start:]
                if is_known_lemma(tail) or is_known_lemma(tail, NYNORSK):
                    return tail
            return None
    return None


@lru_cache(maxsize=100_000)
def skill_compound(word: str, heads: frozenset[str]) -> str | None:
    """The head of ``heads`` that ``word`` (lower case, perhaps inflected) is a compound of, else None.

    «friluftsferdigheter» → «ferdighet», «gardsarbeid» → «arbeid», «tømrarfaget» → «fag»: a skill, a method, a
    field of work or a subject of something no codebook names. The head is the longest word the lexicon knows at
    the compound's end, so «vertsbedrift» is a «bedrift», not a «drift»; a modifier of four letters or a noun
    makes it a compound («arbeid» alone and «forbruk» are none).
    """
    modifier, _, last = word.rpartition("-")
    if modifier and last in heads:
        return last  # «KI-verktøy»: a hyphen says where the head starts
    word = word.replace("-", "")
    # a dictionary form is no inflection («forbruker» is a consumer, not «forbruk» + «er»)
    forms = [word] if known_lemma(word) else [word] + [word[: -len(e)] for e in NOUN_ENDINGS if word.endswith(e)]
    for form in forms:
        for head in heads:
            if form.endswith(head) and longest_known_end(form) == head and _modifier(form[: -len(head)]):
                return head
    return None


def _modifier(word: str) -> bool:
    """True if ``word`` can be a compound's first part: four letters or more, or a known word that is no function
    word («sjø» in «sjøvett», «smi» in «smiarbeid»; not «for» in «forbruk»)."""
    return len(word) >= 4 or len(word) == 3 and known_lemma(word) and word not in stop_words()


@lru_cache(maxsize=100_000)
def field_name(word: str, endings: frozenset[str]) -> str | None:
    """The learned suffix of ``endings`` that ``word`` (lower case) ends in, naming a field of knowledge, else None.

    «logistikk», «diagnostikk», «mediekritikk», «kriminologi»: a discipline or a method named by its Greek or Latin
    suffix. The word is at least five letters longer than the suffix («butikk», «fabrikk», «panikk» are not), and
    no typo of a word the lexicon knows («lærerikk» is «lærerik»).
    """
    if not word.isalpha():
        return None
    for ending in endings:
        if word.endswith(ending) and len(word) >= len(ending) + 5:
            if not known_lemma(word) and known_lemma(word[:-1]):
                return None
            return ending
    return None


# Inflections of a noun written after its head: «-faget», «-fagene», «-arbeidet», nynorsk «-reiskapane»
NOUN_ENDINGS = ("ene", "ane", "et", "en", "er", "ar", "a")


def known_lemma(word: str) -> bool:
    """True if ``word`` is a lemma the lexicon knows, bokmål or nynorsk."""
    return is_known_lemma(word) or is_known_lemma(word, NYNORSK)


def longest_known_end(word: str) -> str | None:
    """The longest word the lexicon knows (bokmål or nynorsk) at the end of ``word``, shorter than it: a compound's
    head («vertsbedrift» → «bedrift», «skikultur» → «kultur»)."""
    for start in range(1, len(word) - 1):
        end = word[start:]
        if known_lemma(end):
            return end
    return None


def activity_field(keys: frozenset[str], parts: tuple[str, ...], field: frozenset[str]) -> bool:
    """True if a word (its keys and compound parts) is, holds, begins or ends with one of ``field``'s words
    («utvekslinga», «Erasmus-kurs», «erasmuskurs», «skuleutveksling»), in bokmål or in a nynorsk spelling: a key
    that is no bokmål word is read through the nynorsk correspondences too («jobbskugging» is «jobbskygging»), so
    one list of bokmål words excludes both."""
    keys = keys | _bokmal_spellings(keys)
    return not field.isdisjoint(keys) or not field.isdisjoint(parts) or any(
        k.endswith(w) or k.startswith(w) for k in keys for w in field if len(w) >= 6)


def _bokmal_spellings(keys: frozenset[str]) -> frozenset[str]:
    """The bokmål spellings the nynorsk correspondences give a key the bokmål lexicon does not know."""
    from qualcode.tagging.nynorsk import rewrites  # nynorsk imports the lexicon this module's callers build
    return frozenset(r for k in keys if k.isalpha() and not is_known_lemma(k) for r in rewrites(k))


__all__ = ["ACTIVITY_TEXT", "activity_field", "activity_verb", "field_name", "known_lemma", "longest_known_end",
           "skill_compound"]
