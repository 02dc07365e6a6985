"""What the review app shows: readable highlights, an uncoded grey no category has, context from the same turn."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from sqlalchemy import select

from qualcode.colors import contrast_ratio, text_color
from qualcode.ingest import ingest_files
from qualcode.review.queue import highlight, overview, segment_card
from qualcode.store import Project, schema
from qualcode.tagging import load_codebook
from qualcode.tagging.apply import code_project
from qualcode.wordcloud import UNCODED_COLOR
from tests.conftest import ROOT

CATEGORY_COLORS = sorted({c["color"].upper() for path in (ROOT / "codebooks").glob("*.yaml")
                          for c in yaml.safe_load(path.read_text(encoding="utf-8"))["categories"]})


@pytest.mark.parametrize("color", CATEGORY_COLORS)
def test_highlighted_text_meets_wcag_aa(color):
    assert contrast_ratio(color, text_color(color)) >= 4.5
    assert f"color:{text_color(color)}" in highlight("engelsk", 0, [(0, 7, color, "Språk")])


def test_the_light_colours_of_the_report_get_black_text():
    assert text_color("#7FBC41") == text_color("#E6AB02") == "#000000"
    assert round(contrast_ratio("#FFFFFF", "#7FBC41"), 1) == 2.3  # what white text had


def test_uncoded_is_lighter_than_every_grey_category():
    def grey(color: str) -> bool:
        r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
        return max(r, g, b) - min(r, g, b) < 24

    greys = [c for c in CATEGORY_COLORS if grey(c)]
    assert "#525252" in greys
    assert all(contrast_ratio(UNCODED_COLOR, c) >= 3 for c in greys)


TRANSCRIPT = """---
rolle: lærer
skoletype: videregående skole
---
I: Hva fikk elevene ut av det?
Lærer: Elevene fikk mange nye venner i Spania. De ble mye tryggere på å snakke engelsk. Og de lærte om klima.
I: Noe mer?
"""


def test_context_is_the_same_turn_first(tmp_path: Path, nlp):
    (tmp_path / "intervju.md").write_text(TRANSCRIPT, encoding="utf-8")
    project = Project.create(tmp_path / "p.qualcode")
    ingest_files(project, [tmp_path / "intervju.md"])
    codebook = load_codebook(ROOT / "codebooks" / "elevutbytte.yaml")
    code_project(project, codebook, nlp)
    s = schema.segments
    with project.read() as conn:
        sentences = {row.text: row.id for row in conn.execute(select(s.c.id, s.c.text).where(s.c.level == "sentence"))}
    middle = segment_card(project, sentences["De ble mye tryggere på å snakke engelsk."], "elevutbytte")
    assert middle.previous == "Lærer: Elevene fikk mange nye venner i Spania."
    assert middle.next == "Lærer: Og de lærte om klima."
    last = segment_card(project, sentences["Og de lærte om klima."], "elevutbytte")
    assert last.previous.endswith("snakke engelsk.") and last.next == "I: Noe mer?"  # the turn's edge: the next turn
    ov = overview(project, "elevutbytte")
    assert ov.suggestions >= ov.waiting_segments >= 2 and ov.decided == 0
