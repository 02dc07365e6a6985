"""Round 16 of issue 15: a language the codebook names as a class, sustainability said through a setting's practice.

A pupils' answer that names one of Norway's indigenous or minority languages, or a sign language, is a language
skill, alone or as the modifier of a skill or knowledge noun («lulesamiskferdigheter»); an answer that names what a
setting does against waste, emissions or water use is the climate and environment awareness of medborgerskap, not
an activity (subject knowledge). Real pipeline, bokmål and nynorsk, none of these answers in a labelled set.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    # a minority or indigenous language named alone, in a list, with a skill or knowledge noun (bokmål, nynorsk)
    "samisk", "kvensk og engelsk", "meänkieli", "lulesamiskferdigheter", "sørsamiskkunnskapar",
    "samiskkunnskaper", "skoltesamisk", "kunnskapar i samisk",
])
def test_a_minority_or_indigenous_language_is_a_language_skill(answer_codes, text):
    primary, coded = answer_codes(text)
    assert primary == "sprakferdigheter" and "nokkelkompetanser" not in coded


@pytest.mark.parametrize("text", [
    # food waste, the energy transition and emission cuts, saving water (bokmål, nynorsk)
    "mindre matkasting", "bruke restemat", "redusere svinn på kjøkkenet", "energiomstilling",
    "utsleppskutt i industrien", "solkraft og havvind", "rein energi", "vannsparing i frisørsalongen",
    "vassparing",
])
def test_sustainability_through_a_settings_practice_is_citizenship(answer_codes, text):
    assert answer_codes(text) == ("medborgerskap", {"medborgerskap"})


@pytest.mark.parametrize("text", [
    # the placement named in nynorsk spelling is no activity: the bokmål exclusion reaches it through the mapping
    "jobbskugging", "jobbskugginga i Finland",
])
def test_the_placement_in_nynorsk_spelling_stays_uncoded(answer_codes, text):
    assert answer_codes(text) == (None, set())
