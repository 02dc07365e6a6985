"""Lemma lookup for Norwegian bokmål and nynorsk, backed by NDT and simplemma.

The lookup lemmatizer serves the blank pipeline; the lexicon behind a trained lemmatizer
(:class:`LexiconBackedLemmas`) uses the same tables. Both read the written standard of the
Doc (``doc._.standard``, set by :mod:`qualcode.nlp.standard`) and look a lower-cased form up in
that standard's NDT train table (form → most frequent lemma), then in simplemma (that
standard first, then the other). A capitalised word that none knows keeps its spelling: it is
most likely a name.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc

from qualcode.nlp import word_dictionaries
from qualcode.nlp.standard import BOKMAAL, NYNORSK

SIMPLEMMA_LANGS = {BOKMAAL: ("nb", "nn"), NYNORSK: ("nn", "nb")}  # own standard first
_DATA_PREFIX = {BOKMAAL: "ndt_", NYNORSK: "ndt_nno_"}


def _standard(doc: Doc) -> str:
    return doc._.standard if Doc.has_extension("standard") else BOKMAAL


def ndt_form_lemmas(standard: str = BOKMAAL) -> dict[str, str]:
    """The NDT form → lemma table of one written standard, shipped in ``qualcode/nlp/data``."""
    # One cache entry per standard: an lru_cache on this function would keep ``()`` and
    # ``("nb",)`` apart, and with room for two entries read the file again on every other call.
    return _form_lemma_table(standard)


@lru_cache(maxsize=None)
def _form_lemma_table(standard: str) -> dict[str, str]:
    table: dict[str, str] = {}
    name = f"data/{_DATA_PREFIX[standard]}form_lemma.tsv"
    text = resources.files("qualcode.nlp").joinpath(name).read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            form, lemma = line.split("\t")
            table[form] = lemma
    return table


@lru_cache(maxsize=200_000)
def lemmatize_word(word: str, standard: str = BOKMAAL) -> str:
    """Lemma of one Norwegian word form in the written standard ``standard`` ("nb" or "nn").

    >>> lemmatize_word("venner"), lemmatize_word("bedre"), lemmatize_word("språkferdigheter")
    ('venn', 'god', 'språkferdighet')
    >>> lemmatize_word("vener", "nn"), lemmatize_word("fekk", "nn")
    ('ven', 'få')
    """
    lower = word.lower()
    if not any(ch.isalpha() for ch in lower):
        return word
    table = ndt_form_lemmas(standard)
    if lower in table:
        return table[lower]
    langs = SIMPLEMMA_LANGS[standard]
    lemma = word_dictionaries.lemmatize(lower, lang=langs)
    if lemma != lower or word_dictionaries.is_known(lower, lang=langs) or word == lower:
        return lemma
    return word


@lru_cache(maxsize=200_000)
def is_known_word(word: str, standard: str = BOKMAAL) -> bool:
    """True if ``word`` (any case) is a form or lemma NDT (of ``standard``) or simplemma knows."""
    lower = word.lower()
    return (lower in ndt_form_lemmas(standard) or lower in content_lemma_frequencies(standard)
            or word_dictionaries.is_known(lower, lang=SIMPLEMMA_LANGS[standard]))


def content_lemma_frequencies(standard: str = BOKMAAL) -> dict[str, int]:
    """Content-word lemma counts of one standard's NDT train split."""
    from qualcode.nlp.compounds import lemma_frequencies

    return lemma_frequencies() if standard == BOKMAAL else nynorsk_lemma_frequencies()


@lru_cache(maxsize=1)
def nynorsk_lemma_frequencies() -> dict[str, int]:
    """Content-word lemma counts of the NDT nynorsk train split (``ndt_nno_lemma_freq.tsv``)."""
    freq: dict[str, int] = {}
    text = resources.files("qualcode.nlp").joinpath("data/ndt_nno_lemma_freq.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            lemma, count = line.split("\t")
            freq[lemma] = int(count)
    return freq


@Language.factory("qualcode_lemmatizer", default_config={"overwrite": False})
def make_lemmatizer(nlp: Language, name: str, overwrite: bool) -> "NorwegianLookupLemmatizer":
    return NorwegianLookupLemmatizer(overwrite=overwrite)


class NorwegianLookupLemmatizer:
    """Sets ``token.lemma_`` from :func:`lemmatize_word` (keeps existing lemmas unless overwrite)."""

    def __init__(self, overwrite: bool = False) -> None:
        self.overwrite = overwrite

    def __call__(self, doc: Doc) -> Doc:
        standard = _standard(doc)
        for token in doc:
            if self.overwrite or not token.lemma_:
                token.lemma_ = lemmatize_word(token.text, standard)
        return doc


INFLECTED_POS = frozenset({"NOUN", "VERB", "ADJ"})


@Language.factory("qualcode_lemma_lexicon")
def make_lemma_lexicon(nlp: Language, name: str) -> "LexiconBackedLemmas":
    return LexiconBackedLemmas()


class LexiconBackedLemmas:
    """Backs a trained lemmatizer with the lexicon: an invented lemma gives way to a known one.

    Edit-tree lemmatizers sometimes make up words for unseen forms ("utvekslinger" →
    "utvekslinge") or leave a form as it is ("Vennskapene"). When the predicted lemma is not a
    dictionary form NDT or simplemma knows, but the lookup lemma of the word is, the lookup wins. Known lemmas, which may depend on context
    ("bedre" as a verb or an adjective), are never touched, and only nouns, verbs and adjectives
    are looked at: closed classes and names keep the model's lemma. A sentence-initial word whose
    lemma came out capitalised gets the lower-case lemma when that is a known one.
    """

    def __call__(self, doc: Doc) -> Doc:
        standard = _standard(doc)  # "vener" is nynorsk "ven", not bokmål "vene"
        for token in doc:
            lemma = token.lemma_
            if lemma:
                backed = _backed_lemma(token.text, token.lower_, token.is_alpha, lemma, token.pos_,
                                       bool(token.is_sent_start), standard)
                if backed != lemma:
                    token.lemma_ = backed
        return doc


@lru_cache(maxsize=200_000)
def _backed_lemma(text: str, lower: str, alpha: bool, lemma: str, pos: str, sent_start: bool, standard: str) -> str:
    """The lemma :class:`LexiconBackedLemmas` gives a token; it depends on these facts only, and
    words repeat, so it is worked out once per word, lemma, part of speech and position."""
    if alpha:
        own = other_standard_lemma(lower, lemma, standard)
        if own is not None:
            return own  # "er" in bokmål is "være", though the model read "vere"
    if pos not in INFLECTED_POS or not alpha:
        return lemma  # closed classes and names keep the model's lemma ("en", "seg", "Stortinget")
    if lemma[:1].isupper() and sent_start and is_known_lemma(lemma.lower(), standard):
        lemma = lemma.lower()  # "Elevene" opening a sentence is still "elev"
    if pos == "NOUN" and lower != lemma.lower() and lower in noun_lemmas(standard):
        return lower  # "glede" is a noun lemma itself, not a form of "gle"
    if is_known_lemma(lemma, standard):
        return lemma
    lookup = lemmatize_word(text, standard)
    if lookup.lower() != lemma.lower() and is_known_lemma(lookup, standard):
        return lookup
    return lemma


def other_standard_lemma(form: str, lemma: str, standard: str) -> str | None:
    """The lemma of ``form`` in ``standard`` when ``lemma`` is the other standard's lemma of it.

    One model lemmatizes both standards, and a word both write alike ("er", "vil", "andre")
    has a lemma in each ("være"/"vere", "ville"/"vilje", "annen"/"annan"); the text's standard
    decides. Returns ``None`` when ``lemma`` is not the other standard's.

    >>> other_standard_lemma("er", "vere", "nb"), other_standard_lemma("er", "være", "nb")
    ('være', None)
    """
    other = NYNORSK if standard == BOKMAAL else BOKMAAL
    theirs = ndt_form_lemmas(other).get(form)
    if theirs is None or theirs != lemma.lower():
        return None
    ours = ndt_form_lemmas(standard).get(form)
    return ours if ours is not None and ours != theirs else None


def noun_lemmas(standard: str = BOKMAAL) -> frozenset[str]:
    """Common-noun lemmas of one standard's NDT train split."""
    return _noun_lemma_table(standard)


@lru_cache(maxsize=None)
def _noun_lemma_table(standard: str) -> frozenset[str]:
    text = resources.files("qualcode.nlp").joinpath(f"data/{_DATA_PREFIX[standard]}noun_lemmas.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


@lru_cache(maxsize=200_000)
def is_known_lemma(word: str, standard: str = BOKMAAL) -> bool:
    """True if ``word`` is a dictionary form: "vennskap" is, "Vennskapene" and "utvekslinge" are not."""
    lower = word.lower()
    return lower in content_lemma_frequencies(standard) or (
        is_known_word(lower, standard) and lemmatize_word(lower, standard) == lower)
