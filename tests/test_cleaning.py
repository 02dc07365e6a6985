"""clean_text on passages from the seed reports (real PDF-extraction artefacts)."""

from __future__ import annotations

import pytest

from qualcode.nlp import clean_text
from tests.conftest import SHARED

SEED_000 = next((SHARED / "seeds").glob("000_*.txt"), None)
SEED_001 = next((SHARED / "seeds").glob("001_*.txt"), None)
needs_seeds = pytest.mark.skipif(SEED_000 is None, reason="../shared/seeds is not beside the project")


def seed_lines(path, first, last):
    return "".join(path.read_text(encoding="utf-8").splitlines(keepends=True)[first - 1 : last])


@needs_seeds
def test_hyphenated_line_break_across_blank_line_is_joined():
    passage = seed_lines(SEED_000, 2145, 2150)  # "Kompetanse-\n\nmål i konkrete"
    cleaned = clean_text(passage)
    assert "Kompetansemål i konkrete" in cleaned.text
    start = cleaned.text.index("Kompetansemål")
    a, b = cleaned.original_span(start, start + len("Kompetansemål"))
    assert passage[a:b] == "Kompetanse-\n\nmål"


@needs_seeds
def test_real_hyphens_and_suspended_hyphens_stay():
    passage = seed_lines(SEED_000, 40, 42)  # "skole-til-skole-\n\npartnerskap"
    assert "skole-til-skole-partnerskap" in clean_text(passage).text
    passage = seed_lines(SEED_001, 12, 13)  # "utdannings- \nog læringsformer"
    assert "utdannings- \nog læringsformer" in clean_text(passage).text


@needs_seeds
def test_glued_footnote_numbers_are_removed():
    passage = seed_lines(SEED_000, 983, 983) + seed_lines(SEED_000, 997, 997)
    cleaned = clean_text(passage).text
    assert "mulige bekreftelsestendenser, ber" in cleaned
    assert "omtrentlig fargekoding" not in cleaned  # the line break stays
    assert "en omtrentlig \n" in cleaned
    assert "8" not in cleaned and "9" not in cleaned


def test_page_numbers_bullets_and_blank_runs():
    original = "Funn\n\uf0b7 Elevene lærte engelsk\n\n\n\n14\n\nSide 15\nLærerne fikk nettverk i 2019.\n"
    cleaned = clean_text(original)
    assert cleaned.text == "Funn\n• Elevene lærte engelsk\n\nLærerne fikk nettverk i 2019.\n"
    for word in ("Elevene", "Lærerne", "2019"):
        i = cleaned.text.index(word)
        a, b = cleaned.original_span(i, i + len(word))
        assert original[a:b] == word


def test_numbers_that_are_not_footnotes_stay():
    text = "Covid-19 stoppet reisene i 2020, og CO2-utslippet fra 3 fly ble målt."
    assert clean_text(text).text == text


def test_windows_line_endings_map_back():
    original = "Første linje\r\nAndre linje med mål\r\n"
    cleaned = clean_text(original)
    assert cleaned.text == "Første linje\nAndre linje med mål\n"
    i = cleaned.text.index("mål")
    a, b = cleaned.original_span(i, i + 3)
    assert original[a:b] == "mål"
