"""Word clouds from a real project and from a survey file written by the test."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from qualcode.analysis.words import AnalysisError, file_words, project_words
from qualcode.ingest import ingest_files
from qualcode.store import Project
from qualcode.tagging import load_codebook
from qualcode.tagging.apply import code_project
from qualcode.wordcloud import UNCODED_COLOR, count_words, render_cloud
from tests.conftest import ROOT

ELEV = load_codebook(ROOT / "codebooks" / "elevutbytte.yaml")

ROWS = [
    ("R1", "videregående", "engelsk", "Engelsk", "nye venner"),
    ("R2", "videregående", "engelsk", "vennskap", "mestring"),
    ("R3", "grunnskole", "venner", "Vennskap", "glede"),
    ("R4", "grunnskole", "engelks", "kulturforståelse", "Vet ikke"),
    ("R5", "grunnskole", "Vet ikke", "", ""),
]


@pytest.fixture(scope="module")
def survey(tmp_path_factory):
    path = tmp_path_factory.mktemp("svar") / "svar.csv"
    lines = ["id;skolenivå;ord1;ord2;ord3"] + [";".join(r) for r in ROWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def project(survey, tmp_path_factory, nlp):
    proj = Project.create(tmp_path_factory.mktemp("p") / "p.qualcode")
    ingest_files(proj, [survey], survey={"id_column": "id", "open_columns": ["elev=ord1,ord2,ord3"]})
    code_project(proj, ELEV, nlp)
    return proj


def by_word(counts):
    return {w.word: w for w in counts}


def test_respondents_not_tokens_and_variants_merge(project, nlp):
    words = project_words(project, ELEV, "elev", nlp=nlp)
    counts = by_word(count_words(words.entries, ELEV))
    assert words.n == 4  # R5 wrote only "Vet ikke"
    # R1 wrote engelsk twice (counts once); R4's typo "engelks" merges with it.
    assert counts["engelsk"].respondents == 3
    # "vennskap"/"Vennskap" merge; "venner" is its own lemma (venn), "nye venner" a phrase.
    assert counts["vennskap"].respondents == 2
    assert counts["engelsk"].category == "sprakferdigheter" and counts["engelsk"].color == "#7FBC41"
    assert "vet ikke" not in counts


def test_svg_colours_equal_primary_category_colours(project, nlp):
    counts = count_words(project_words(project, ELEV, "elev", nlp=nlp).entries, ELEV)
    cloud = render_cloud(counts, ELEV, title="Elevutbytte", n=4)
    root = ET.fromstring(cloud.svg)
    ns = "{http://www.w3.org/2000/svg}"
    drawn = {}
    for text in root.iter(f"{ns}text"):
        fill = re.search(r"fill:(#[0-9A-Fa-f]{6})", text.get("style") or "")
        if fill:
            drawn[text.text] = fill.group(1).upper()
    expected = {w.word: (ELEV.colors[w.category] if w.category else UNCODED_COLOR) for w in counts}
    assert drawn == expected
    titles = [t.text for t in root.iter(f"{ns}text") if t.get("class") == "title"]
    assert titles == ["Elevutbytte (N = 4)"]
    legend = [t.text for g in root.iter(f"{ns}g") if g.get("class") == "legend" for t in g.iter(f"{ns}text")]
    assert "Språkferdigheter" in legend


def test_same_input_same_image(project, nlp):
    a = render_cloud(count_words(project_words(project, ELEV, "elev", nlp=nlp).entries, ELEV), ELEV, title="x", n=4)
    b = render_cloud(count_words(project_words(project, ELEV, "elev", nlp=nlp).entries, ELEV), ELEV, title="x", n=4)
    assert a.svg == b.svg and a.png == b.png
    assert a.png[:8] == b"\x89PNG\r\n\x1a\n"


def test_filters_change_n(project, nlp):
    assert project_words(project, ELEV, "elev", {"skolenivå": "videregående"}, nlp=nlp).n == 2
    assert project_words(project, ELEV, "elev", {"skolenivå": "grunnskole"}, nlp=nlp).n == 2  # R5 has no codable word
    with pytest.raises(AnalysisError, match="no metadata column 'fylke'"):
        project_words(project, ELEV, "elev", {"fylke": "Oslo"}, nlp=nlp)
    with pytest.raises(AnalysisError, match="no survey question 'laerer'"):
        project_words(project, ELEV, "laerer", nlp=nlp)


def test_rejected_suggestion_changes_the_colour(project, nlp, tmp_path):
    from sqlalchemy import select

    from qualcode.review import reject
    from qualcode.store import schema

    with project.read() as conn:
        ids = conn.execute(select(schema.codings.c.id).join(schema.segments, schema.segments.c.id == schema.codings.c.segment_id)
                           .where(schema.segments.c.text == "glede")).scalars().all()
    for coding_id in ids:
        reject(project, coding_id, "Kari")
    counts = by_word(count_words(project_words(project, ELEV, "elev", nlp=nlp).entries, ELEV))
    assert counts["glede"].category is None and counts["glede"].color == UNCODED_COLOR


def test_from_a_survey_file_without_a_project(survey):
    words = file_words(survey, ["ord1", "ord2", "ord3"], ELEV)
    counts = by_word(count_words(words.entries, ELEV))
    assert words.n == 4 and counts["engelsk"].respondents == 3


def test_cli_writes_svg_png_and_table(survey, tmp_path):
    import csv
    import subprocess
    import sys

    out = tmp_path / "sky.png"
    table = tmp_path / "sky.csv"
    result = subprocess.run([sys.executable, "-m", "qualcode", "wordcloud", "--survey", str(survey), "--columns", "ord1,ord2,ord3",
                             "--codebook", str(ROOT / "codebooks/elevutbytte.yaml"), "--out", str(out), "--table", str(table)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:4] == b"\x89PNG"
    with open(table, encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["word", "lemma", "respondents", "category", "color", "variants"]
    assert rows[0]["word"] == "engelsk" and rows[0]["respondents"] == "3" and rows[0]["color"] == "#7FBC41"
    assert [int(r["respondents"]) for r in rows] == sorted((int(r["respondents"]) for r in rows), reverse=True)
