"""Which written standard a Norwegian text is in: bokmål (``nb``) or nynorsk (``nn``).

Survey answers and interviews come in both standards, often in one project. The pipeline is
trained on both, but the lemma lexicon that backs it has to look words up in the right one
("vener" is a form of nynorsk "ven", not of bokmål "vene"). The detector counts words that only
one standard writes that way: a short list of frequent marker words (ikkje/ikke, eg/jeg,
kva/hva …) weighs most; then word forms that the treebank of one standard has and the other's
lacks ("elevane", "fekk"). A text with no evidence either way is read as bokmål, the more
common standard, which changes nothing for it; so does a text whose only evidence is one
word that happens to be in one treebank but not the other.

>>> detect_standard("Elevane fekk nye vener").standard
'nn'
>>> detect_standard("Elevene fikk nye venner").standard
'nb'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

BOKMAAL, NYNORSK = "nb", "nn"
NAMES = {BOKMAAL: "bokmål", NYNORSK: "nynorsk"}

# Frequent function words whose spelling tells the standards apart (weight MARKER_WEIGHT each).
NYNORSK_MARKERS = frozenset("""
    ikkje eg ho dei dykk dykkar desse kva kven kvifor korleis kvar frå berre mykje noko nokon
    nokre vere vore vert vart kome kjem gjere gjer sjølv heile heilt meir eit ein òg hjå utan
    korkje anten hennar deira fleire inga eigen eige eigne fekk seier veit betre difor framleis
    saman
    """.split())
BOKMAAL_MARKERS = frozenset("""
    ikke jeg hun hva hvem hvorfor hvordan hvor hver fra bare mye noe noen være vært kommer gjøre
    gjør selv mer en et hos uten verken hennes deres egen eget egne fikk sier vet bedre ble
    derfor fremdeles sammen
    """.split())
MARKER_WEIGHT = 3
MIN_NYNORSK_EVIDENCE = 2
# Endings only one standard writes (for words neither treebank has): språkferdigheiter, øvingar.
NYNORSK_ENDINGS = ("heit", "heita", "heiter", "heitene", "ingar", "ingane")
BOKMAAL_ENDINGS = ("heten", "heter", "hetene", "inger", "ingene")


@dataclass(frozen=True)
class StandardGuess:
    """The standard a text was read as, and the evidence (weighted word counts)."""

    standard: str  # "nb" or "nn"
    nynorsk_evidence: int
    bokmaal_evidence: int

    @property
    def name(self) -> str:
        return NAMES[self.standard]

    def describe(self) -> str:
        """One line for the CLI: "nynorsk (evidence 7 nynorsk, 0 bokmål)"."""
        if not (self.nynorsk_evidence or self.bokmaal_evidence):
            return f"{self.name} (no word tells the standards apart; bokmål is the default)"
        return f"{self.name} (evidence: nynorsk {self.nynorsk_evidence}, bokmål {self.bokmaal_evidence})"


@lru_cache(maxsize=2)
def treebank_forms(standard: str) -> frozenset[str]:
    """Lower-cased word forms and lemmas of the NDT train split of one standard (``nlp/data``)."""
    # The lemmatizer's tables, already loaded for lemmas, rather than the same files read again.
    from qualcode.nlp.lemmatizer import content_lemma_frequencies, ndt_form_lemmas

    table = ndt_form_lemmas(standard)
    return frozenset(table.keys() | {lemma for lemma in table.values() if not lemma.isdigit()}
                     | content_lemma_frequencies(standard).keys())


def detect_standard(text: str | Doc) -> StandardGuess:
    """Guess the written standard of ``text`` (a string or a tokenised Doc)."""
    words = [t.lower_ for t in text if t.is_alpha] if isinstance(text, Doc) else \
        ["".join(ch for ch in w if ch.isalpha()) for w in text.lower().split()]
    return standard_of_words(words)


def standard_of_words(words: list[str]) -> StandardGuess:
    """:func:`detect_standard` of a text's lower-cased words."""
    nn = nb = 0
    for word in words:
        if word:
            word_nn, word_nb = _evidence(word)
            nn += word_nn
            nb += word_nb
    # One word that only one treebank happens to contain ("internasjonalisering") is chance:
    # nynorsk needs a marker word or two such words.
    return StandardGuess(NYNORSK if nn > nb and nn >= MIN_NYNORSK_EVIDENCE else BOKMAAL, nn, nb)


@lru_cache(maxsize=100_000)
def _evidence(word: str) -> tuple[int, int]:
    """What one lower-cased word says: (nynorsk, bokmål) evidence."""
    nb_forms, nn_forms = treebank_forms(BOKMAAL), treebank_forms(NYNORSK)
    if word in NYNORSK_MARKERS:
        return MARKER_WEIGHT, 0
    if word in BOKMAAL_MARKERS:
        return 0, MARKER_WEIGHT
    if word in nn_forms and word not in nb_forms:
        return 1, 0
    if word in nb_forms and word not in nn_forms:
        return 0, 1
    if word not in nb_forms and word.endswith(NYNORSK_ENDINGS):
        return 1, 0
    if word not in nn_forms and word.endswith(BOKMAAL_ENDINGS):
        return 0, 1
    return 0, 0


def register_extension() -> None:
    if not Doc.has_extension("standard"):
        Doc.set_extension("standard", default=BOKMAAL)


@Language.factory("qualcode_written_standard")
def make_standard_detector(nlp: Language, name: str) -> "WrittenStandard":
    register_extension()
    return WrittenStandard()


class WrittenStandard:
    """Sets ``doc._.standard`` ("nb" or "nn") from :func:`detect_standard` of the Doc's words."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.standard = detect_standard(doc).standard
        return doc
