"""Token views: the few token facts the tagger reads, from a Doc or straight from the parse cache.

Re-coding a project from the cache must not rebuild 100,000 spaCy Docs, so the tagger works on
:class:`Tokens`, one list per attribute (no object per token); a Doc is only built when a
codebook's token pattern could match.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from qualcode.nlp.compounds import split_compound


@lru_cache(maxsize=500_000)
def _word(text: str, lemma: str) -> tuple[str, frozenset[str], tuple[str, ...], bool, bool]:
    """What a word contributes; words repeat, so this is computed once per word and lemma."""
    lower = text.lower()
    lemma_lower = (lemma or text).lower()
    return lower, frozenset((lower, lemma_lower)), split_compound(lemma_lower), not any(ch.isalnum() for ch in text), text.isalpha()


@dataclass(slots=True)
class Tokens:
    """The tokens of one text, attribute by attribute."""

    lower: list[str]
    keys: list[frozenset[str]]  # lower-cased lemma and word form: what terms are matched against
    parts: list[tuple[str, ...]]  # compound parts of the lemma
    punct: list[bool]  # punctuation or white space: never evidence
    alpha: list[bool]
    sent_start: list[bool]
    start: list[int]  # character offsets in the text
    end: list[int]

    def __len__(self) -> int:
        return len(self.lower)

    @classmethod
    def build(cls, words: list[str], spaces: list[bool], lemmas: list[str], sent_starts: list[bool]) -> "Tokens":
        info = [_word(w, lemma) for w, lemma in zip(words, lemmas)]
        starts, pos = [], 0
        for word, space in zip(words, spaces):
            starts.append(pos)
            pos += len(word) + (1 if space else 0)
        return cls([i[0] for i in info], [i[1] for i in info], [i[2] for i in info],
                   [i[3] for i in info], [i[4] for i in info], list(sent_starts), starts,
                   [s + len(w) for s, w in zip(starts, words)])


def views_from_doc(doc: Doc) -> Tokens:
    return Tokens.build([t.text for t in doc], [bool(t.whitespace_) for t in doc], [t.lemma_ for t in doc],
                        [bool(t.is_sent_start) for t in doc])


def views_from_cache(words: list[str], spaces: list[bool], lemmas: list[str], sent_starts: list[bool]) -> Tokens:
    return Tokens.build(words, spaces, lemmas, sent_starts)


TokenView = Tokens  # the name apply.py annotates with
