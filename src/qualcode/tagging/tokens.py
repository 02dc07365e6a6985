"""Token views: the few token facts the tagger reads, from a Doc or straight from the parse cache.

Re-coding a project from the cache must not rebuild 100,000 spaCy Docs, so the tagger works on
:class:`Tokens`, one list per attribute (no object per token); a Doc is only built when a
codebook's token pattern could match.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from qualcode.nlp.compounds import split_compound
from qualcode.nlp.doccache import Header
from qualcode.nlp.lemmatizer import is_known_lemma
from qualcode.tagging.lexicon import normalised_lemma
from qualcode.tagging.nynorsk import bokmal_forms


INFLECTIONS = ("ene", "et", "en", "er", "a")
# Endings written after a hyphen, bokmål and nynorsk: «PC-er», «PC-ar», «PC-ane», «CO2-en».
HYPHENATED_ENDINGS = frozenset({"er", "ene", "en", "et", "a", "ar", "ane", "s"})
# Abbreviations that are another word only as the first piece of a hyphenated compound: «IT-ferdigheter» is
# «IKT-ferdigheter», while «it» on its own is English.
HYPHENATED_MODIFIERS = {"it": "ikt"}


@lru_cache(maxsize=500_000)
def word_facts(text: str, lemma: str) -> tuple[str, frozenset[str], tuple[str, ...], bool, bool]:
    """What a word contributes; words repeat, so this is computed once per word and lemma.

    Its keys are the lower-cased form, the pipeline's lemma and the bokmål dictionary lemma
    (:func:`~qualcode.tagging.lexicon.normalised_lemma`: «TOLERANSE» → toleranse, «samhald» →
    samhold); its parts are the compound parts of the latter.
    """
    lower = text.lower()
    lemma_lower = (lemma or text).lower()
    punct = not any(ch.isalnum() for ch in text)
    norm = lemma_lower if punct else normalised_lemma(text, lemma or text)
    parts = split_compound(norm)
    hyphenated = norm
    if not punct and "-" in lower.strip("-"):
        # «fransk-kunnskapar», «EU-kunnskap»: each piece is a word of its own, lemmatised on its own
        written = [piece for piece in lower.split("-") if piece]
        if len(written) > 1 and written[-1] in HYPHENATED_ENDINGS:
            written = written[:-1]  # «PC-ar», «SMS-ane»: an abbreviation inflected after a hyphen
            parts = ()
        pieces = tuple(normalised_lemma(piece, piece) for piece in written)
        if len(pieces) > 1:
            pieces = tuple(HYPHENATED_MODIFIERS.get(piece, piece) for piece in pieces[:-1]) + pieces[-1:]
        if len(pieces) > 1 or not parts:
            parts = tuple(part for piece in pieces for part in split_compound(piece))
        # and the whole in bokmål matches a hyphenated term: «vi-kjensle» = «vi-følelse»
        hyphenated = "-".join(pieces)
    elif len(parts) == 1 and text.isalpha() and not is_known_lemma(norm):
        # An unknown compound the pipeline gave a wrong lemma («engangsplast» → «engangsple») or
        # left inflected («Europaparlamentet»): the written form's parts, or its stem's, still say
        # what it is made of. A word whose lemma is a dictionary word is that word: «skolens» is
        # «skole», not «sko» + «lens».
        for form in (lower, *(lower[: -len(e)] for e in INFLECTIONS if lower.endswith(e) and len(lower) - len(e) >= 6)):
            if form != norm and len(split_compound(form)) > 1:
                parts = split_compound(form)
                break
    keys = (lower, lemma_lower, norm, hyphenated)
    if norm != lower and not punct:
        # a nynorsk form also matches a phrase written with the bokmål form: «borte frå skulen» = «borte fra skolen»
        keys += bokmal_forms(lower, norm)
    return lower, frozenset(keys), parts, punct, text.isalpha()


class Tokens:
    """The tokens of one text, attribute by attribute (lists indexed like the tokens).

    ``keys``, ``parts`` and ``punct`` are what matching reads and are built at once; word
    forms, sentence starts and offsets are only needed when something matched, so they are
    built on first use.
    """

    __slots__ = ("_info", "_words", "_spaces", "_sent_starts", "keys", "parts", "punct", "_lower", "_start", "_end",
                 "_all_keys", "_sentence")

    def __init__(self, words: list[str], spaces: list[bool], lemmas: list[str], sent_starts: list[bool]) -> None:
        self._info = info = [word_facts(w, lemma) for w, lemma in zip(words, lemmas)]
        self._words, self._spaces, self._sent_starts = words, spaces, sent_starts
        self.keys: list[frozenset[str]] = [i[1] for i in info]  # lower-cased lemma and form: what terms match
        self.parts: list[tuple[str, ...]] = [i[2] for i in info]  # compound parts of the lemma
        self.punct: list[bool] = [i[3] for i in info]  # punctuation or white space: never evidence
        self._lower = self._start = self._end = self._all_keys = self._sentence = None

    def __len__(self) -> int:
        return len(self._info)

    @property
    def lower(self) -> list[str]:
        if self._lower is None:
            self._lower = [i[0] for i in self._info]
        return self._lower

    @property
    def all_keys(self) -> set[str]:
        """Every token's keys in one set: what exclusions and token patterns test a text against first."""
        if self._all_keys is None:
            self._all_keys = set().union(*self.keys)
        return self._all_keys

    @property
    def alpha(self) -> list[bool]:
        return [i[4] for i in self._info]

    def is_alpha(self, i: int) -> bool:
        return self._info[i][4]

    @property
    def sent_start(self) -> list[bool]:
        return self._sent_starts

    @property
    def sentence(self) -> list[int]:
        """The sentence number (0, 1, …) of each token, worked out once per text."""
        if self._sentence is None:
            sentence, current = [], -1
            for start in self._sent_starts:
                current += bool(start) or current < 0
                sentence.append(current)
            self._sentence = sentence
        return self._sentence

    @property
    def start(self) -> list[int]:
        """Character offset of each token in the text."""
        if self._start is None:
            starts, pos = [], 0
            for word, space in zip(self._words, self._spaces):
                starts.append(pos)
                pos += len(word) + (1 if space else 0)
            self._start = starts
        return self._start

    @property
    def end(self) -> list[int]:
        if self._end is None:
            self._end = [s + len(w) for s, w in zip(self.start, self._words)]
        return self._end

    @classmethod
    def build(cls, words: list[str], spaces: list[bool], lemmas: list[str], sent_starts: list[bool]) -> "Tokens":
        return cls(words, spaces, lemmas, sent_starts)


def views_from_doc(doc: Doc) -> Tokens:
    return Tokens.build([t.text for t in doc], [bool(t.whitespace_) for t in doc], [t.lemma_ for t in doc],
                        [bool(t.is_sent_start) for t in doc])


def views_from_cache(header: Header) -> Tokens:
    """Token views of a parse-cache entry's header, without building a Doc."""
    return Tokens.build(header.words, header.spaces, header.lemmas, header.sent_starts)


TokenView = Tokens  # the name apply.py annotates with
