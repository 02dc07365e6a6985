"""A rule lemmatizer for the blank Norwegian pipeline, backed by NDT and simplemma.

Used only when no trained pipeline is available. Lookup order for a lower-cased form:
the NDT train table (form → most frequent lemma), then simplemma (bokmål, then nynorsk).
A capitalised word that neither knows keeps its spelling: it is most likely a name.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import simplemma
from spacy.language import Language
from spacy.tokens import Doc

SIMPLEMMA_LANGS = ("nb", "nn")


@lru_cache(maxsize=1)
def ndt_form_lemmas() -> dict[str, str]:
    """The NDT form → lemma table shipped in ``qualcode/nlp/data``."""
    table: dict[str, str] = {}
    text = resources.files("qualcode.nlp").joinpath("data/ndt_form_lemma.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            form, lemma = line.split("\t")
            table[form] = lemma
    return table


@lru_cache(maxsize=200_000)
def lemmatize_word(word: str) -> str:
    """Lemma of one Norwegian word form.

    >>> lemmatize_word("venner"), lemmatize_word("bedre"), lemmatize_word("språkferdigheter")
    ('venn', 'god', 'språkferdighet')
    """
    lower = word.lower()
    if not any(ch.isalpha() for ch in lower):
        return word
    table = ndt_form_lemmas()
    if lower in table:
        return table[lower]
    lemma = simplemma.lemmatize(lower, lang=SIMPLEMMA_LANGS)
    if lemma != lower or simplemma.is_known(lower, lang=SIMPLEMMA_LANGS) or word == lower:
        return lemma
    return word


@lru_cache(maxsize=200_000)
def is_known_word(word: str) -> bool:
    """True if ``word`` (any case) is a form or lemma NDT or simplemma knows (bokmål or nynorsk)."""
    from qualcode.nlp.compounds import lemma_frequencies

    lower = word.lower()
    return lower in ndt_form_lemmas() or lower in lemma_frequencies() or simplemma.is_known(lower, lang=SIMPLEMMA_LANGS)


@Language.factory("qualcode_lemmatizer", default_config={"overwrite": False})
def make_lemmatizer(nlp: Language, name: str, overwrite: bool) -> "NorwegianLookupLemmatizer":
    return NorwegianLookupLemmatizer(overwrite=overwrite)


class NorwegianLookupLemmatizer:
    """Sets ``token.lemma_`` from :func:`lemmatize_word` (keeps existing lemmas unless overwrite)."""

    def __init__(self, overwrite: bool = False) -> None:
        self.overwrite = overwrite

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if self.overwrite or not token.lemma_:
                token.lemma_ = lemmatize_word(token.text)
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
        for token in doc:
            if token.pos_ not in INFLECTED_POS or not token.is_alpha or not token.lemma_:
                continue  # closed classes and names keep the model's lemma ("en", "seg", "Stortinget")
            lemma = token.lemma_
            if lemma[:1].isupper() and token.is_sent_start and is_known_lemma(lemma.lower()):
                lemma = token.lemma_ = lemma.lower()  # "Elevene" opening a sentence is still "elev"
            if token.pos_ == "NOUN" and token.lower_ != lemma.lower() and token.lower_ in noun_lemmas():
                token.lemma_ = token.lower_  # "glede" is a noun lemma itself, not a form of "gle"
                continue
            if is_known_lemma(lemma):
                continue
            lookup = lemmatize_word(token.text)
            if lookup.lower() != lemma.lower() and is_known_lemma(lookup):
                token.lemma_ = lookup
        return doc


@lru_cache(maxsize=1)
def noun_lemmas() -> frozenset[str]:
    """Common-noun lemmas of the NDT train split."""
    from importlib import resources as res

    text = res.files("qualcode.nlp").joinpath("data/ndt_noun_lemmas.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


@lru_cache(maxsize=200_000)
def is_known_lemma(word: str) -> bool:
    """True if ``word`` is a dictionary form: "vennskap" is, "Vennskapene" and "utvekslinge" are not."""
    from qualcode.nlp.compounds import lemma_frequencies

    lower = word.lower()
    return lower in lemma_frequencies() or (is_known_word(lower) and lemmatize_word(lower) == lower)
