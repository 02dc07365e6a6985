"""Norwegian stop words for interviews and survey answers, and survey noise.

spaCy's Norwegian list comes from news text: it marks content words such as "viktig", "leder"
and "norge" as stop words and misses spoken fillers ("sånn", "liksom", "altså"). qualcode
replaces it with a curated list (``nlp/data/stopwords_nb.txt``) in every pipeline it loads.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from spacy.attrs import IS_STOP
from spacy.language import Language

# Answers that say nothing about the question; they are never coded and never in a cloud.
NOISE_ANSWERS = frozenset({
    "", "-", "--", "?", "??", "...", "x", "xx", ".", "/", "n/a", "na", "nei", "ja", "ok", "okei",
    "vet ikke", "veit ikkje", "vet ikke.", "ingen", "ingenting", "ingen formening", "ingen kommentar",
    "usikker", "vet ikkje", "mye", "bra", "kjempebra", "veldig bra", "godt", "fint", "greit", "diverse", "annet", "div",
})


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """The curated stop-word list (lower-cased word forms)."""
    text = resources.files("qualcode.nlp").joinpath("data/stopwords_nb.txt").read_text("utf-8")
    words = set()
    for line in text.splitlines():
        words.update(line.split("#", 1)[0].split())
    return frozenset(words)


@lru_cache(maxsize=100_000)
def is_noise_answer(text: str) -> bool:
    """True for survey answers such as "Vet ikke", "-", "?", "bra" that must not be coded.

    >>> is_noise_answer(" Vet ikke "), is_noise_answer("engelsk")
    (True, False)
    """
    norm = re.sub(r"\s+", " ", text.strip().lower()).strip(" .!,;:")
    return norm in NOISE_ANSWERS or not any(ch.isalpha() for ch in norm)


def _is_stop(string: str) -> bool:
    return string.lower() in stop_words()


def apply_stop_words(nlp: Language) -> None:
    """Make ``token.is_stop`` follow qualcode's list in ``nlp`` (new and existing lexemes)."""
    nlp.vocab.lex_attr_getters[IS_STOP] = _is_stop
    for lexeme in nlp.vocab:
        lexeme.is_stop = _is_stop(lexeme.orth_)
