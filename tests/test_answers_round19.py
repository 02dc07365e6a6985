"""Round 19 of issue 15 (answers): two classes derived on sets 2026…AL and measured on AM–AV.

- What was done in a language that is not a use of the language keeps its own category, first: «samarbeid på
  engelsk», «biologi på engelsk», «lærte om klima på engelsk». Using the language (saying, presenting, serving,
  reading, its words) stays the language only, as the label rule says for «kommunisere på engelsk».
- The participle and the passive of «inkludere» are being included («inkludert», «inkluderes»); the finite
  «inkluderte» (*includes*) and «alt inkludert» (all-inclusive) stay uncoded.

Real pipeline, bokmål and nynorsk, none of these answers in a labelled set.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, primary", [
    # done in a language: the activity, the subject or the topic first, the language second
    ("teamarbeid på engelsk", "nokkelkompetanser"),
    ("samarbeidde på tysk", "nokkelkompetanser"),
    ("kjemi på engelsk", "nokkelkompetanser"),
    ("historie på fransk", "nokkelkompetanser"),
    ("lærte om klimaendringar på engelsk", "medborgerskap"),
    ("lærde om berekraft på spansk", "medborgerskap"),
])
def test_what_was_done_in_a_language_keeps_its_category(answer_codes, text, primary):
    assert answer_codes(text) == (primary, {primary, "sprakferdigheter"})


@pytest.mark.parametrize("text", [
    # using the language is the language only (guards: these pass on main too)
    "kommunisere med kundene på engelsk",
    "presentere prosjektet på tysk",
    "snakke med gjestene på spansk",
    "fagord på engelsk",
    "debattere på engelsk",
])
def test_using_a_language_is_the_language(answer_codes, text):
    assert answer_codes(text) == ("sprakferdigheter", {"sprakferdigheter"})


@pytest.mark.parametrize("text", [
    "inkludert",
    "Inkludert",
    "inkluderes",
    "nye elevar inkludert",
    "inkludert i laget",
])
def test_being_included(answer_codes, text):
    assert answer_codes(text) == ("sosial_inkludering", {"sosial_inkludering"})


@pytest.mark.parametrize("text", [
    # guards: *includes* and all-inclusive stay uncoded
    "inkluderte",
    "turen inkluderte mat",
    "alt inkludert",
])
def test_includes_stays_uncoded(answer_codes, text):
    assert answer_codes(text) == (None, set())
