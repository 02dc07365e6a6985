"""Round 19 (issue 15, nynorsk): the a-infinitives and other nynorsk forms of the closed class that a codebook's
bokmål token patterns name («alle kunne vera med»), nynorsk «line» (bokmål «linje»: «på lik line») and «samstundes»
(samtidig), «-hug» (bokmål «-lyst»), and the lemma of a word both standards write that the bokmål treebank lacks
(«kvitteringar» is kvittering, not «hvitteringane»). Real pipeline, the shipped codebooks, bokmål and nynorsk."""

from __future__ import annotations

import pytest

from qualcode.tagging.lexicon import normalised_lemma
from qualcode.tagging.nynorsk import with_nynorsk_forms


@pytest.mark.parametrize(("sentence", "priority"), [
    # an a-infinitive after a modal: erasmus_prioriteringer's «alle + kunne/fekk + være/vere + med» names the e-form
    ("Skulen ordna skyss, slik at alle kunne vera med på turen til Skottland.", "inkludering_mangfold"),
    # «på lik line» is bokmål «på lik linje», a phrase of the codebook
    ("Dei fekk delta på lik line med resten av gruppa.", "inkludering_mangfold"),
    # «samstundes» is «samtidig»: writing one text at the same time from two schools
    ("Elevane skreiv teksten samstundes frå to ulike land.", "digital_omstilling"),
])
def test_a_nynorsk_form_reads_as_its_bokmal_counterpart(priority_codes, sentence, priority):
    assert priority in priority_codes(sentence)


@pytest.mark.parametrize(("sentence", "priority"), [
    # what must stay: the bokmål wordings and the nynorsk e-infinitive
    ("Skolen ordnet skyss, slik at alle kunne være med på turen til Skottland.", "inkludering_mangfold"),
    ("Skulen ordna skyss, slik at alle kunne vere med på turen til Skottland.", "inkludering_mangfold"),
    ("De fikk delta på lik linje med resten av gruppa.", "inkludering_mangfold"),
    ("Elevene skrev teksten samtidig fra to ulike land.", "digital_omstilling"),
    ("Vi snakka om korleis ein kan seia ifrå når noko er urettferdig.", "demokratisk_deltakelse"),
])
def test_the_bokmal_wordings_stay_coded(priority_codes, sentence, priority):
    assert priority in priority_codes(sentence)


@pytest.mark.parametrize("sentence", [
    # a rope in a shop, and a teacher called Line, are no equal footing
    "Eg har lyst til å kjøpe ei line i fiskebutikken.",
    "Line var med som lærar på turen til Sevilla.",
    # «samstundes» with nothing written together
    "Vi kom fram samstundes som bussen frå Bergen.",
])
def test_no_code_without_the_rest_of_the_phrase(priority_codes, sentence):
    assert priority_codes(sentence) == set()


def test_a_bokmal_pattern_names_the_a_infinitives():
    pattern = with_nynorsk_forms([{"LOWER": {"IN": ["være", "gjøre", "komme", "si", "se"]}}, {"LOWER": "samtidig"}])
    assert pattern == [{"LOWER": {"IN": ["være", "gjøre", "komme", "si", "se", "vere", "kome", "gjere", "seie",
                                         "vera", "gjera", "koma", "seia", "sjå"]}},
                       {"LOWER": {"IN": ["samtidig", "samstundes"]}}]


@pytest.mark.parametrize(("sentence", "word", "bokmal"), [
    # a word both standards write that the bokmål treebank lacks keeps its lemma in the nynorsk plural
    ("Me sende alle kvitteringane til kontoret etter turen.", "kvitteringane", "kvittering"),
    ("Dei leverte kvitteringar for alt dei hadde kjøpt.", "kvitteringar", "kvittering"),
    ("Vi leverte kvitteringer for alt vi hadde kjøpt.", "kvitteringer", "kvittering"),
    # «line» and «-hug»
    ("Elevane stod på lik line med dei andre.", "line", "linje"),
    ("Dei laga ei tidsline over krigen.", "tidsline", "tidslinje"),
    ("Turen gav dei reisehug.", "reisehug", "reiselyst"),
    ("Vi fekk samarbeide samstundes.", "samstundes", "samtidig"),
])
def test_the_lemma_a_word_cloud_merges(nlp, sentence, word, bokmal):
    token = next(t for t in nlp(sentence) if t.text == word)
    assert normalised_lemma(token.text, token.lemma_) == bokmal
