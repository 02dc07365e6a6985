"""Group comparisons, co-occurrence, quotes with attribution, keyword in context, the HTML report."""

from __future__ import annotations

import re

import pytest

from qualcode.analysis import stats
from qualcode.analysis.report import build_report
from qualcode.ingest import ingest_files
from qualcode.store import Project
from qualcode.tagging import load_codebook
from qualcode.tagging.apply import code_project
from tests.conftest import ROOT

ELEV = load_codebook(ROOT / "codebooks" / "elevutbytte.yaml")

SURVEY = """id;skolenivå;ord1;ord2
R1;videregående;engelsk;vennskap
R2;videregående;engelsk;engelsk
R3;grunnskole;vennskap;glede
R4;grunnskole;mestring;Vet ikke
R5;grunnskole;vennskap;
"""

INTERVIEW = """---
rolle: lærer
skoletype: videregående skole
skolenivå: videregående
---
I: Hva fikk elevene ut av det?
Lærer: Elevene fikk mange nye venner i Spania, og flere av dem holder fortsatt kontakten på nett.
Lærer: De ble mye tryggere på å snakke engelsk i hverdagen, også med vertsfamiliene sine.
Lærer: Klimaet i klassen ble bedre.
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("analyse")
    (folder / "svar.csv").write_text(SURVEY, encoding="utf-8")
    (folder / "laerer.md").write_text(INTERVIEW, encoding="utf-8")
    proj = Project.create(folder / "p.qualcode")
    ingest_files(proj, [folder / "svar.csv", folder / "laerer.md"],
                 survey={"id_column": "id", "open_columns": ["elev=ord1,ord2"]})
    code_project(proj, ELEV, nlp)
    return proj


def test_group_table_counts_respondents_with_n(project):
    table = stats.group_table(project, ELEV, "skolenivå", "elev")
    assert table.groups == ["grunnskole", "videregående"]
    assert table.n == {"grunnskole": 3, "videregående": 2}
    assert table.counts["videregående"]["sprakferdigheter"] == 2  # R2's "engelsk, engelsk" counts once
    assert table.counts["grunnskole"]["sosial_inkludering"] == 2
    assert table.percent("grunnskole", "sosial_inkludering") == pytest.approx(200 / 3)


def test_unknown_group_is_a_clear_error(project):
    with pytest.raises(ValueError, match="no metadata 'fylke'"):
        stats.group_table(project, ELEV, "fylke", "elev")


def test_cooccurrence(project):
    pairs = stats.cooccurrence(project, ELEV, "elev")
    assert pairs[("sprakferdigheter", "sosial_inkludering")] == 1  # only R1 has both
    assert pairs[("sosial_inkludering", "sosial_inkludering")] == 3


def test_quotes_carry_the_report_attribution(project):
    quotes = stats.best_quotes(project, ELEV, "sprakferdigheter")
    assert quotes and quotes[0].attribution == "(lærer, videregående skole)"
    assert "engelsk" in quotes[0].text


def test_keyword_in_context(project):
    lines = stats.keyword_in_context(project, "venn")
    assert any(line.match == "venner" and line.right.startswith(" i Spania") for line in lines)


def test_report_is_self_contained_and_shows_n(project, tmp_path, nlp):
    files = build_report(project, tmp_path / "rapport", {"elev": ELEV}, [ELEV], nlp=nlp)
    page = files.html.read_text(encoding="utf-8")
    assert not re.search(r'(src|href)\s*=\s*["\']?(https?:)?//', page)  # no external assets
    assert "N = 5" in page and "(lærer, videregående skole)" in page
    assert "<svg" in page and "@font-face" in page
    assert {p.name for p in files.images} == {"ordsky_elev.svg", "ordsky_elev.png", "ordsky_elev.csv"}
    assert "Klimaet i klassen" not in page  # a three-word turn is too short to be a quote
