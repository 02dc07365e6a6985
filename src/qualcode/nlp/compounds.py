"""Compound analysis: ``token._.parts`` splits Norwegian compounds into lemma parts.

Norwegian writes compounds as one word ("språkferdigheter", "vennskapsbånd",
"klimabevissthet"), and the meaning sits in the parts. The splitter finds the segmentation of
a lemma into known content-word lemmas, allowing the linking letters -s- and -e-
("vennskap+s+bånd", "barn+e+hage"), with the fewest parts and then the most frequent parts.

>>> split_compound("språkferdighet")
('språk', 'ferdighet')
>>> split_compound("vennskapsbånd")
('vennskap', 'bånd')
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from qualcode.nlp import word_dictionaries

MIN_PART = 3
MIN_WORD = 6
MAX_PARTS = 3
LINKERS = ("", "s", "e")
# Derivational endings look like words ("skap" cabinet, "het") but do not make compounds:
# "vennskap" is not venn + skap (nor venn + s-linker + "kap").
NOT_A_HEAD = frozenset({"skap", "kap", "het", "else", "dom", "ing", "ning", "lig", "isme", "sjon", "ende", "ere", "ert", "aktig", "messig", "vis", "verk"})
# Prepositions and prefixes form lexicalised words, not compounds: "undervisning" is not
# under + visning, "forankring" not foran + kring. They are neither modifier nor head.
PREPOSITIONS = frozenset({
    "under", "over", "for", "fore", "foran", "mot", "med", "til", "fra", "frå", "gjennom", "etter", "inn", "opp",
    "ned", "ut", "av", "på", "om", "kring", "rundt", "omkring", "innen", "utenfor", "ovenfor", "nedenfor", "mellom",
    "bak", "bakom", "fram", "frem", "hen", "hos", "ved", "langs",
})
NOT_A_MODIFIER = PREPOSITIONS | {"sam", "mis", "van", "ens", "all", "god", "stor", "ikke"}


@lru_cache(maxsize=1)
def lemma_frequencies() -> dict[str, int]:
    """Content-word lemma counts from the NDT train split (shipped in ``nlp/data``)."""
    freq: dict[str, int] = {}
    text = resources.files("qualcode.nlp").joinpath("data/ndt_lemma_freq.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            lemma, count = line.split("\t")
            freq[lemma] = int(count)
    return freq


def _weight(part: str) -> float | None:
    """How plausible ``part`` is as a compound part; ``None`` if it is not a known lemma."""
    freq = lemma_frequencies().get(part)
    if freq is not None:
        return math.log(freq + 1.5)
    # simplemma knows many more lemmas than the treebank; trust longer ones only.
    # is_known first: a dictionary look-up, where lemmatize() of a non-word (most of the pieces
    # a split tries) runs simplemma's affix decomposition, dozens of look-ups.
    if len(part) >= 4 and word_dictionaries.is_known(part, lang="nb") and word_dictionaries.lemmatize(part, lang="nb") == part:
        return 0.2
    return None


@lru_cache(maxsize=200_000)
def split_compound(lemma: str) -> tuple[str, ...]:
    """Parts of a lemma, or ``(lemma,)`` when it is not a compound of known lemmas."""
    word = lemma.lower()
    if "-" in word.strip("-"):
        # "IKT-ferdighet", "Teams-møte": the hyphen marks the joint; each piece may split further.
        pieces = [p for p in word.split("-") if p]
        return tuple(part for piece in pieces for part in split_compound(piece))
    if len(word) < MIN_WORD or not word.isalpha():
        return (lemma,)
    best = _best_split(word, MAX_PARTS)
    return best[1] if best and len(best[1]) > 1 else (lemma,)


@lru_cache(maxsize=200_000)
def _best_split(word: str, max_parts: int) -> tuple[tuple[int, float], tuple[str, ...]] | None:
    """Best segmentation of ``word``: key (−parts, mean weight) and the parts."""
    candidates = []
    head_weight = _weight(word) if word not in NOT_A_HEAD and word not in PREPOSITIONS else None
    if head_weight is not None:
        candidates.append(((-1, head_weight), (word,)))
    if max_parts > 1:
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            for linker in LINKERS:
                modifier, rest = word[:cut], word[cut:]
                if linker:
                    if not rest.startswith(linker):
                        continue
                    rest = rest[len(linker):]
                if len(rest) < MIN_PART or modifier in NOT_A_MODIFIER:
                    continue
                mod_weight = _weight(modifier)
                if mod_weight is None:
                    continue
                # The rest's best split; when a three-way split refuses it, the rest as one word:
                # "byggengelsk" is bygg + engelsk, though "engelsk" alone splits into eng + elsk.
                for tail in (_best_split(rest, limit) for limit in (max_parts - 1, 1)):  # the second only if needed
                    if tail is None:
                        continue
                    (neg_parts, tail_mean), parts = tail
                    n = 1 - neg_parts
                    # Three-way splits only from treebank lemmas: "oppgavefordeling" is not oppgave+ford+eling.
                    if n > 2 and not all(p in lemma_frequencies() for p in (modifier, *parts)):
                        continue
                    mean = (mod_weight + tail_mean * (n - 1)) / n
                    candidates.append(((-n, mean), (modifier, *parts)))
                    break
    if not candidates:
        return None
    # Fewest parts wins for a whole word that is itself known; otherwise prefer a real split.
    splits = [c for c in candidates if len(c[1]) > 1]
    if splits:
        return max(splits, key=lambda c: c[0])
    return max(candidates, key=lambda c: c[0])


def token_parts(token: Token) -> list[str]:
    """Getter for ``token._.parts``: the compound parts of the token's lemma (lower case)."""
    lemma = (token.lemma_ or token.text).lower()
    return list(split_compound(lemma))


def register_extensions() -> None:
    """Add ``token._.parts`` once per process (works on any pipeline and on cached Docs)."""
    if not Token.has_extension("parts"):
        Token.set_extension("parts", getter=token_parts)
