"""What a written word stands for, so that a codebook term reaches every way of writing it.

Three things a codebook should not have to list word by word:

- **Capitals and unknown lemmas.** An answer typed in capitals («TOLERANSE») or a capitalised
  one-word answer is often tagged as a name and keeps its spelling as lemma. When the lemma is
  not a dictionary form, the lower-cased word is lemmatised with the lexicon instead.
- **Nynorsk.** A nynorsk word is lemmatised with the NDT nynorsk table (the lemmatizer's) and
  mapped to its bokmål lemma (:mod:`qualcode.tagging.nynorsk`): «samhald» → «samhold»,
  «sjølvkjensle» → «selvfølelse», «skulen» → «skole», but «mat» stays «mat».
- **Derivations.** Verb, noun, participle and adjective of one stem («mestre»/«mestring»,
  «motivasjon»/«motivere»/«motiverende», «trygg»/«trygghet») are related by the derivational
  suffixes of Norwegian; :func:`derivations` gives the ones the lexicon knows.

>>> normalised_lemma("TOLERANSE", "TOLERANSE"), normalised_lemma("samhald", "samhald")
('toleranse', 'samhold')
>>> sorted(derivations("motivasjon"))
['motivere', 'motiverende']
"""

from __future__ import annotations

import re
from functools import lru_cache

from qualcode.nlp import word_dictionaries
from qualcode.nlp.compounds import lemma_frequencies, split_compound
from qualcode.nlp.lemmatizer import (is_known_lemma, is_known_word, lemmatize_word, ndt_form_lemmas, noun_lemmas,
                                     nynorsk_lemma_frequencies)
from qualcode.nlp.standard import NYNORSK
from qualcode.nlp.stopwords import stop_words
from qualcode.tagging.nynorsk import (BOKMAL_TO_NYNORSK, NYNORSK_FUNCTION_WORDS, bokmal_compound, bokmal_head, bokmal_modifier, bokmal_of,
                                      bokmal_plural, compound_lemma, is_bokmal_word, nynorsk_form_lemmas,
                                      NYNORSK_TO_BOKMAL, nynorsk_homograph, nynorsk_lemma, nynorsk_lemmas,
                                      nynorsk_stems, rewrites)

__all__ = ["bokmal_of", "derivations", "normalised_lemma", "with_norwegian_letters"]

# A letter typed three times or more («vennner»), see normalised_lemma
_TRIPLED = re.compile(r"(\w)\1\1+")
# Letters typed without æ, ø and å: "spraak", "laering", "sprak".
ASCII_SPELLINGS = (("aa", "å"), ("ae", "æ"), ("oe", "ø"), ("a", "å"), ("o", "ø"), ("e", "æ"))

# The endings of a noun's definite and plural forms, nynorsk and bokmål, longest first.
NOUN_ENDINGS = ("ane", "ene", "ar", "er", "en", "et", "a")

# Derivational suffixes, (from, to): noun ↔ verb both ways, adjective → noun one way only. An
# adjective taken from a noun («frivillig» from «frivillighet») is far more general than the noun.
_BOTH_WAYS = (("ing", "e"), ("asjon", "ere"), ("ikasjon", "isere"), ("eksjon", "ektere"), ("else", "e"),
              ("ning", "e"), ("ement", "ere"), ("ere", ""))
DERIVATION_SUFFIXES = _BOTH_WAYS + tuple((b, a) for a, b in _BOTH_WAYS) + (("", "het"), ("", "itet"))
# A derived word this common in the treebank is too general to stand for a category on its own
# («lære» from «læring», «utvikle» from «utvikling», «oppleve» from «opplevelse»).
COMMON_DERIVATION = 50


def _known_compound(word: str) -> bool:
    parts = split_compound(word)
    return len(parts) > 1 and all(is_known_lemma(p) for p in parts)


@lru_cache(maxsize=100_000)
def with_norwegian_letters(word: str) -> str | None:
    """The lemma of ``word`` typed with æ, ø and å where it was typed without («spraak» → språk)."""
    if any(ch in word for ch in "æøå"):
        return None
    candidates = rewrites(word, ASCII_SPELLINGS)
    candidates |= {w for c in candidates for w in rewrites(c, ASCII_SPELLINGS)}
    lemmas = {lemmatize_word(c).lower() for c in candidates if any(ch in c for ch in "æøå")}
    known = [lemma for lemma in lemmas if lemma in lemma_frequencies()
             or (len(split_compound(lemma)) > 1 and all(p in lemma_frequencies() for p in split_compound(lemma)))]
    if not known:
        return None
    return max(sorted(known), key=lambda lemma: lemma_frequencies().get(lemma, 0))


@lru_cache(maxsize=500_000)
def normalised_lemma(word: str, lemma: str) -> str:
    """The bokmål dictionary lemma a word stands for (lower case); ``lemma`` is the pipeline's.

    A treebank lemma is kept. Otherwise the lower-cased word is lemmatised with the lexicon
    (capitals, names that are not names), a nynorsk word is mapped to its bokmål lemma, and a
    word typed without æ, ø or å gets them back.
    """
    lower = word.lower()
    current = (lemma or word).lower()
    tripled = _TRIPLED.sub(r"\1\1", lower)
    if tripled != lower:
        # Norwegian never writes a letter three times in a row: «vennner», «gleeede» are typed twice or once
        for form in (tripled, _TRIPLED.sub(r"\1", lower)):
            if is_known_word(form) or is_known_word(form, NYNORSK):
                return normalised_lemma(form, lemmatize_word(form))
    if lower.endswith(("ende", "ande")) and len(lower) > 7 and current == lower[:-4] + "e":
        # NDT lemmatises a present participle as its verb («inkluderande» → inkludere); the
        # codebooks list the adjective, and the verb's forms are often false friends.
        return _participle(lower)
    function_word = NYNORSK_FUNCTION_WORDS.get(lower) or NYNORSK_FUNCTION_WORDS.get(current)
    if function_word:
        return function_word
    plural = bokmal_plural(lower, current) if not is_bokmal_word(lower) else None
    if plural:
        return plural  # «menneskerettar» → menneskerettighet: the pipeline's «rett» is bokmål's dish or court
    if is_bokmal_word(current) and nynorsk_homograph(current):
        # «skulen» → skule → skole; «verda» → verden (the lemma «verd» has no correspondence of its own)
        shared = bokmal_of(current) or (not is_bokmal_word(lower) and bokmal_of(lower))
        if shared:
            return shared
    if not lower.isalpha() or len(lower) < 3 or lower in stop_words() \
            or (current in lemma_frequencies() and current != lower):
        return current
    lookup = lemmatize_word(lower).lower()
    if not is_known_lemma(current) and current not in nynorsk_lemma_frequencies() and lookup != current \
            and (is_known_lemma(lookup) or (lookup != lower and _known_compound(lookup))):
        current = lookup
    if is_bokmal_word(lower) or is_bokmal_word(current):
        if current not in lemma_frequencies():
            # a bokmål form with a nynorsk lemma («tilrettelagt» → tilretteleggje) takes its bokmål lemma;
            # "sprak": a rare form, or «språk» typed without å
            nynorsk = current in nynorsk_lemma_frequencies() and bokmal_of(current)
            return nynorsk or with_norwegian_letters(lower) or current
        return current
    if lower.endswith("ande") and len(lower) > 7:
        return _participle(lower)  # a present participle used as an adjective: «inkluderande» = inkluderende
    # the lemma before the inflected form: «sjølvkjensla» → sjølvkjensle → selvfølelse
    direct = None
    if not nynorsk_lemma(lower):
        sources = dict.fromkeys([w for w in (current, lookup) if w != lower] + [lower])
        direct = next((b for b in map(bokmal_of, sources) if b), None)
    if direct and (direct in lemma_frequencies() or is_known_lemma(direct)):
        return direct  # a nynorsk lemma with a bokmål lemma of its own («verdsborgar» → verdensborger)
    compound = compound_lemma(lower, ndt_form_lemmas())
    if compound:
        return bokmal_of(compound) or compound  # «partnerskoler» → partner + skole; «skulemiljøet» → skolemiljø
    # the pipeline's lemma when it is a nynorsk one: it read the word in context («låg inntekt»: låg,
    # not the table's «liggje»)
    nn = (current if current in nynorsk_lemma_frequencies() else None) or nynorsk_lemma(lower) \
        or compound_lemma(lower, nynorsk_form_lemmas())
    if nn and nn in nynorsk_lemmas():
        # a word of the nynorsk treebank is nynorsk, not bokmål typed without æ, ø and å:
        # «forfattar» is «forfatter», not a form of «forfatte»
        bokmal = nn if nn in lemma_frequencies() else bokmal_of(nn)
        if bokmal:
            return bokmal
    folded = with_norwegian_letters(lower)
    if folded and folded in lemma_frequencies():
        return folded  # «laering» → læring
    stems = nynorsk_stems(lower)
    for candidate in (nn, *stems, lower, current):
        if candidate:
            if candidate in lemma_frequencies():
                return candidate
            bokmal = bokmal_of(candidate)
            if bokmal:
                return bokmal
            if candidate == nn and nn not in nynorsk_lemmas() and is_known_lemma(nn) \
                    and word_dictionaries.is_known(nn, lang="nb"):
                # a word both standards write that the bokmål treebank lacks, and no correspondence changes: the
                # lexicon's nynorsk lemma is the bokmål one («kvitteringar», «kvitteringane» → kvittering), not a
                # correspondence on the inflected form («kv» → «hv»: hvitteringane) or its stem with an -e
                return nn
    # a noun in -e in the definite singular whose lemma the lexicon cut short («partnarskulen»: simplemma's
    # «partnarskul»): the stem with its -e, when that has a bokmål lemma (partnerskole)
    bokmal = lower.endswith("en") and len(lower) > 5 and bokmal_of(lower[:-1])
    if bokmal and (bokmal in noun_lemmas() or len(split_compound(bokmal)) > 1):
        return bokmal
    parts = bokmal_compound(nn or lower)
    if parts:
        return parts  # «problemløysingsevne» → problemløsningsevne: each part mapped on its own
    # a modifier the splitter does not know and a nynorsk head: «medie+forståing» → medieforståelse,
    # «sjølv+tru» → selvtro, «europa+medvit+et» → europabevissthet. Not a lemma of the nynorsk treebank:
    # it is a word of its own with no bokmål counterpart found («forureining» is no «foru+reining»).
    readings = [nn] if nn else dict.fromkeys([lower, *stems])
    head = next(filter(None, map(bokmal_head, (r for r in readings if r not in nynorsk_lemmas()))), None)
    if head:
        return head
    # a nynorsk modifier before a bokmål head: «teikn+språkbruk» → tegnspråkbruk, «båtbyggjar+fag+et» → båtbyggerfag
    modifier = next(filter(None, map(bokmal_modifier, (r for r in readings if r not in nynorsk_lemmas()))), None)
    if modifier:
        return modifier
    # (a bokmål definite plural only where the stem without its -e is no word: «tysk+glos+ene» is tyskglose,
    # «utvekslings+venn+ene» is no «utvekslingsvenne»)
    weak = next((s for s in stems if s.endswith("e") and (is_known_lemma(s) or _known_compound(s))
                 and not (lower.endswith("ene") and (is_known_lemma(s[:-1]) or _known_compound(s[:-1])))), None)
    if weak:
        return weak  # «glosar» → glose, «tyskglosar» → tyskglose: a rarer noun the lexicon knows
    # a noun's nynorsk definite or plural form whose stem is a compound of known words: «lagkameratskap+en» (a noun
    # in -skap is masculine in nynorsk, neuter «-skapet» in bokmål), «demensomsorg+a»
    noun = next((lower[: -len(e)] for e in NOUN_ENDINGS if lower.endswith(e) and len(lower) - len(e) >= 6
                 and _known_compound(lower[: -len(e)])), None)
    if noun:
        return noun
    return nn or with_norwegian_letters(lower) or current


def _participle(word: str) -> str:
    """The bokmål present participle of a participle in -ande or -ende, its nynorsk stem in bokmål too:
    «inkluderande» → inkluderende, «krevjande» → krevende, «meistrande» → mestrende."""
    adjective = word[:-1]
    if word.endswith("ande") and adjective in nynorsk_lemmas() and not is_bokmal_word(word[:-4] + "ende"):
        # an adjective in -and inflected, not a participle: «framande» → fremmed, not «fremende»
        mapped = bokmal_of(adjective)
        if mapped:
            return mapped
    participle = word[:-4] + "ende"
    if is_bokmal_word(participle):
        return participle
    mapped = bokmal_of(participle)  # «vidaregåande» → videregående, a treebank lemma
    if mapped:
        return mapped
    verb = bokmal_of(word[:-4] + "e")  # most participles are no treebank lemmas, but their verb is
    return verb[:-1] + "ende" if verb and verb.endswith("e") else participle


@lru_cache(maxsize=50_000)
def derivations(word: str) -> frozenset[str]:
    """Words related to ``word`` by a derivational suffix, as far as the treebank attests them.

    Noun ↔ verb and adjective → noun in one step («mestring» ↔ «mestre», «motivasjon» ↔
    «motivere», «trygg» → «trygghet»), and a verb's present participle («motiverende»). Words more common
    than :data:`COMMON_DERIVATION` in the treebank are left out: too general to code.
    """
    if len(word) < 4 or not word.isalpha():
        return frozenset()
    freq = lemma_frequencies()
    found = set()
    for src, dst in DERIVATION_SUFFIXES:
        if word.endswith(src) and len(word) - len(src) >= 3:
            found.add(word[: len(word) - len(src)] + dst)
    attested = {c for c in found if c != word and freq.get(c, 0) > 0}
    # An abstract noun of an adjective («tverrfaglig» → «tverrfaglighet») means the adjective's
    # quality even when the treebank never wrote it: one the lexicon knows is enough.
    nouns = {c for c in found if c == word + "het" and is_known_lemma(c)}
    found = {c for c in attested if freq[c] <= COMMON_DERIVATION} | nouns
    # Present participles («motiverende», «mestrende»): the ones the lexicon takes back to the verb.
    # A verb too common to code on its own still has a participle specific enough
    # («utvikle» is too general, «utviklende» is not).
    found |= {v + "nde" for v in attested | {word}
              if v.endswith("e") and v not in noun_lemmas() and lemmatize_word(v + "nde") == v}
    found.discard(word)
    return frozenset(c for c in found if c not in stop_words())


# What the nynorsk treebank's lemma table writes for a noun in a definite or plural form it took as a lemma
# («dalen», «fjorden»): the pipeline gives such a token that lemma, and it still stands for the bokmål noun.
_INFLECTED_LEMMA_ENDINGS = ("en", "a", "et", "ar", "ane", "er", "ene")


@lru_cache(maxsize=20_000)
def nynorsk_lemmas_of(bokmal: str) -> frozenset[str]:
    """The lemmas of the nynorsk treebank that stand for the bokmål lemma ``bokmal``: its nynorsk spellings
    (one or two correspondences read backwards) and the inflected forms the table took as lemmas, each kept
    only when :func:`normalised_lemma` takes it back to ``bokmal``. For a codebook's token patterns, which
    read the pipeline's lemma: «dal» → dalen, «mulighet» → moglegheit, mogelegheit.

    >>> sorted(nynorsk_lemmas_of("tettsted"))
    ['tettstad']
    """
    if len(bokmal) < 2 or not bokmal.isalpha():
        return frozenset()
    first = rewrites(bokmal, BOKMAL_TO_NYNORSK)
    candidates = first | {w for c in first for w in rewrites(c, BOKMAL_TO_NYNORSK)} \
        | {bokmal + ending for ending in _INFLECTED_LEMMA_ENDINGS}
    return frozenset(c for c in candidates if c != bokmal and c in nynorsk_lemmas()
                     and (c not in lemma_frequencies() or nynorsk_homograph(c)) and normalised_lemma(c, c) == bokmal)
