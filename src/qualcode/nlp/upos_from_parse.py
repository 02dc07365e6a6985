"""Parts of speech the treebank decides from the parse: AUX/VERB, ADP/SCONJ, the relative *som*.

The Oslo-Bergen tags of NDT do not split AUX from VERB, a preposition (ADP) from one that
introduces a clause (SCONJ), nor the relative pronoun *som* from the preposition *som*; the
conversion to UD (``training/convert.py``) decides all three from the NDT
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
* **ADP or SCONJ.** UD makes a preposition the ``mark`` (SCONJ) of the clause it introduces when
  that clause is adverbial ("*for* å vinne", "til tross *for* at"), predicative, or an
  infinitive or *at*-clause modifying a noun ("grunnen *til* at"), and ``case`` (ADP) before an
  interrogative clause ("spørsmålet *om* hvem som"), in a fragment, a conjunct or after the
  copula; a preposition with a nominal complement is ADP, except as a predicative outside the
  copula ("ble valgt *til* leder"). The same rule as ``training/convert.py``'s
  ``_clause_preposition``, on a preposition with a complement (``PUTFYLL``) in the parse.

Chosen on the held-out select slice of train (UPOS, 0.3.1 through ``load_pipeline()``, bokmål /
nynorsk): none 0.97065 / 0.96908; AUX from ``INFV``/``SPRED`` 0.97131 / 0.96959; and *ha*
without ``INFV`` VERB 0.97164 / 0.96959 (demoting every AUX without such a dependent: 0.97084 /
0.96914); and the relative *som* 0.97206 / 0.97001. The ADP/SCONJ rule was chosen on select
converted with the conversion's UD rule for prepositions (which came with it): 0.97095 /
0.96926 → 0.97131 / 0.96983.
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
PREDICATIVE_RELATIONS = frozenset({"SPRED", "OPRED", "FSPRED", "FOPRED"})


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
            elif token.pos_ in ("ADP", "SCONJ"):
                self._preposition(token)
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

    @staticmethod
    def _preposition(token) -> None:
        complements = [child for child in token.children if child.dep_ == "PUTFYLL"]
        if not complements:
            return  # a subjunction ("at", "fordi") or a stranded preposition: the tagger's call
        after_copula = token.dep_ == "SPRED" and token.head.lemma_.lower() in COPULAS
        clause = next((c for c in complements if _opens_clause(c)), None)
        if clause is None:
            predicative = token.dep_ in PREDICATIVE_RELATIONS and not after_copula
            token.pos_ = "SCONJ" if predicative else "ADP"
        elif token.dep_ == "ADV":
            token.pos_ = "SCONJ"
        elif token.dep_ == "ATR":
            first = min([clause, *clause.children], key=lambda t: t.i)
            token.pos_ = "SCONJ" if clause.lower_ == "å" or first.lower_ == "at" else "ADP"
        else:
            predicative = token.dep_ in PREDICATIVE_RELATIONS and not after_copula
            token.pos_ = "SCONJ" if predicative else "ADP"


def _opens_clause(token) -> bool:
    """The head of a clause in NDT: the infinitive marker or a verb."""
    return (token.pos_ == "PART" and token.lower_ == "å") or token.pos_ in ("VERB", "AUX")
