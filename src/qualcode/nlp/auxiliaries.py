"""AUX or VERB from the dependency parse, as UD decides it.

UD tags a verb AUX when it is an auxiliary of another verb (perfect *ha*, passive *bli*, the
modals) or the copula of a predicate (*være*/*vere* + predicative), and VERB when it is the
lexical verb: "Hun *har* skrevet rapporten" (AUX) but "Hun *har* en plan" (VERB). The
conversion of the treebank (``training/convert.py``) decides exactly this from the NDT
relations: AUX when the verb governs a non-finite verb (``INFV``) or, for the copula, a
predicative (``SPRED``). The tagger guesses it from the words around, the parser sees the
relation itself; this component applies the conversion's rule to the predicted parse:

* a verb of that lemma set with an ``INFV`` dependent, or a copula with an ``SPRED`` dependent,
  is AUX;
* *ha* tagged AUX without an ``INFV`` dependent is VERB (possession, "har en plan").

Other AUX tags are kept: the parser misses the predicative of *være* and the infinitive of a
modal about as often as the tagger does. Chosen on the held-out select slice of train (UPOS,
0.3.1 through ``load_pipeline()``): bokmål 0.97065 → 0.97164, nynorsk 0.96908 → 0.96959; demoting
every AUX without such a dependent scored lower on both (0.97084, 0.96914).

A Doc without a parse (the coding path of :mod:`qualcode.nlp.parsing`) is left as it is.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

AUXILIARY_LEMMAS = frozenset({
    "ha", "være", "bli", "kunne", "ville", "skulle", "måtte", "burde", "få", "tørre", "matte",
    "vere", "vilje", "torde",  # nynorsk; passive "verte" stays VERB in UD nynorsk
})
COPULAS = frozenset({"være", "vere"})
LEXICAL_WITHOUT_VERB = frozenset({"ha"})  # AUX only with a participle: "har en plan" is VERB


@Language.factory("qualcode_auxiliaries")
def make_auxiliaries(nlp: Language, name: str) -> "AuxiliariesFromParse":
    return AuxiliariesFromParse()


class AuxiliariesFromParse:
    """Sets AUX/VERB on auxiliary verbs from their dependents in the parse.

    >>> from qualcode.nlp.pipeline import load_pipeline
    >>> nlp = load_pipeline()
    >>> [t.pos_ for t in nlp("Kommunen har en plan for skolene.")][1]
    'VERB'
    """

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc
        for token in doc:
            lemma = token.lemma_.lower()
            if token.pos_ not in ("AUX", "VERB") or lemma not in AUXILIARY_LEMMAS:
                continue
            relations = {child.dep_ for child in token.children}
            if "INFV" in relations or (lemma in COPULAS and "SPRED" in relations):
                token.pos_ = "AUX"
            elif token.pos_ == "AUX" and lemma in LEXICAL_WITHOUT_VERB:
                token.pos_ = "VERB"
        return doc
