"""Parts of speech the treebank decides from the parse: AUX/VERB and the relative *som*.

The Oslo-Bergen tags of NDT do not split AUX from VERB, nor the relative pronoun *som* from the
preposition *som*; the conversion to UD (``training/convert.py``) decides both from the NDT
relations, as UD does from the syntax. The tagger has to guess them from the words around; the
parser sees the relation itself. This component applies the conversion's rules to the
predicted parse (a Doc without one, as on the coding path of :mod:`qualcode.nlp.parsing`, is
left as it is):

* **AUX or VERB.** UD tags an auxiliary of another verb (perfect *ha*, passive *bli*, the
  modals) or the copula of a predicate AUX, the same verb used as a lexical verb VERB: "Hun
  *har* skrevet rapporten" (AUX), "Hun *har* en plan" (VERB). A verb of the auxiliary lemmas
  with an ``INFV`` dependent, or a copula with an ``SPRED`` dependent, is AUX; *ha* tagged AUX
  without an ``INFV`` dependent is VERB. Other AUX tags are kept: the parser misses the
  predicative of *være* and the infinitive of a modal about as often as the tagger does.
* **Relative *som*.** NDT attaches the relative *som* as a subjunction (``SBU``), which UD
  makes a relative pronoun (PRON, ``PronType=Rel``); *som* as a preposition of comparison
  attached to a verb or noun ("arbeider *som* lærer": ``ADV``/``ATR``) is ADP.

Chosen on the held-out select slice of train (UPOS, 0.3.1 through ``load_pipeline()``, bokmål /
nynorsk): none 0.97065 / 0.96908; AUX from ``INFV``/``SPRED`` 0.97131 / 0.96959; and *ha*
without ``INFV`` VERB 0.97164 / 0.96959 (demoting every AUX without such a dependent: 0.97084 /
0.96914); and the relative *som* 0.97206 / 0.97001.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, MorphAnalysis

AUXILIARY_LEMMAS = frozenset({
    "ha", "være", "bli", "kunne", "ville", "skulle", "måtte", "burde", "få", "tørre", "matte",
    "vere", "vilje", "torde",  # nynorsk; passive "verte" stays VERB in UD nynorsk
})
COPULAS = frozenset({"være", "vere"})
LEXICAL_WITHOUT_VERB = frozenset({"ha"})  # AUX only with a participle: "har en plan" is VERB
PREPOSITION_RELATIONS = frozenset({"ADV", "ATR"})


@Language.factory("qualcode_upos_from_parse")
def make_upos_from_parse(nlp: Language, name: str) -> "UposFromParse":
    return UposFromParse()


class UposFromParse:
    """Sets AUX/VERB on auxiliary verbs and PRON/ADP on *som* from the parse.

    >>> from qualcode.nlp.pipeline import load_pipeline
    >>> nlp = load_pipeline()
    >>> [t.pos_ for t in nlp("Kommunen har en plan for skolene.")][1]
    'VERB'
    """

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc
        for token in doc:
            if token.pos_ in ("AUX", "VERB"):
                self._auxiliary(token)
            elif token.lower_ == "som":
                self._som(token)
        return doc

    @staticmethod
    def _auxiliary(token) -> None:
        lemma = token.lemma_.lower()
        if lemma not in AUXILIARY_LEMMAS:
            return
        relations = {child.dep_ for child in token.children}
        if "INFV" in relations or (lemma in COPULAS and "SPRED" in relations):
            token.pos_ = "AUX"
        elif token.pos_ == "AUX" and lemma in LEXICAL_WITHOUT_VERB:
            token.pos_ = "VERB"

    @staticmethod
    def _som(token) -> None:
        if token.dep_ == "SBU" and token.pos_ in ("ADP", "SCONJ"):
            token.pos_ = "PRON"
            token.set_morph(MorphAnalysis(token.doc.vocab, {"PronType": "Rel"}))
        elif token.dep_ in PREPOSITION_RELATIONS and token.pos_ == "PRON":
            token.pos_ = "ADP"
            token.set_morph(MorphAnalysis(token.doc.vocab, {}))
