"""Proper nouns by the convention of UD nynorsk.

UD_Norwegian-Nynorsk writes a proper noun as NOUN when the Oslo-Bergen lexicon lists it (the
treebank gives it a gender or marks it as an abbreviation: *Solveig*, *Stortinget*, *EU*,
*USA*) and as PROPN otherwise (*Epiktet*, most surnames); UD bokmål writes all of them PROPN.
The model is trained on one convention for both standards (PROPN, as NDT tags them), since
it cannot tell the standards apart from a name. This component applies the nynorsk
convention in a text read as nynorsk (``doc._.standard``): a token tagged PROPN whose lemma
or form is in ``data/ndt_lexicon_proper_nouns.txt`` (the names NDT *train* annotates with a
gender or as an abbreviation, written by ``training/proper_nouns.py``) becomes NOUN.

Chosen on the held-out select slice of nynorsk train, with the treebank's own tags converted
by the UD nynorsk rule: UPOS 0.95505 → 0.96827 (0.3.1 through ``load_pipeline()``); bokmål
texts are untouched. The nouns keep their morphology and entity labels.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc

from qualcode.nlp.standard import NYNORSK, register_extension


@lru_cache(maxsize=1)
def lexicon_proper_nouns() -> frozenset[str]:
    """The names the Oslo-Bergen lexicon lists, as NDT train annotates them."""
    text = resources.files("qualcode.nlp").joinpath("data/ndt_lexicon_proper_nouns.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


@Language.factory("qualcode_nynorsk_proper_nouns")
def make_nynorsk_proper_nouns(nlp: Language, name: str) -> "NynorskProperNouns":
    register_extension()
    return NynorskProperNouns()


class NynorskProperNouns:
    """Tags lexicon names NOUN in nynorsk text, as UD nynorsk does.

    >>> from qualcode.nlp.pipeline import load_pipeline
    >>> nlp = load_pipeline()
    >>> [t.pos_ for t in nlp("Solveig og Kristian var ikkje på Stortinget i går.")][0]
    'NOUN'
    """

    def __call__(self, doc: Doc) -> Doc:
        if doc._.standard != NYNORSK:
            return doc
        names = lexicon_proper_nouns()
        for token in doc:
            if token.pos_ == "PROPN" and (token.lemma_ in names or token.text in names):
                token.pos_ = "NOUN"
        return doc
