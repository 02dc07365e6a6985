"""A cloud merges what respondents mean: a survey with known counts, written by the test.

Inflections, capitals, typos and nynorsk/bokmål forms of one word become one entry counted by
respondents, shown as the form written most often (ties: the lemma), with every variant and its
count in the table; an analyst can keep a variant apart.
"""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest

from qualcode.analysis.words import file_words, keep_apart, kept_apart, project_words
from qualcode.ingest import ingest_files
from qualcode.store import Project
from qualcode.tagging import load_codebook
from qualcode.tagging.apply import code_project
from qualcode.wordcloud import count_words
from tests.conftest import ROOT

ELEV = load_codebook(ROOT / "codebooks" / "elevutbytte.yaml")

# Written form → how many respondents wrote it (each respondent writes one form of each word).
KNOWN = {
    "vennskap": 17, "venskap": 4, "vennskapp": 1,  # bokmål, nynorsk, a typo
    "Språkferdigheter": 6, "språkferdigheter": 3, "SPRÅKFERDIGHETER": 2, "språkferdighetene": 1,
    "samhold": 3, "samhald": 2,  # a bokmål/nynorsk pair
    "engelsk": 2, "Engelsk": 2,  # a tie: the lemma is shown
    "TOLERANSE": 2, "toleranse": 1,
}


@pytest.fixture(scope="module")
def survey(tmp_path_factory):
    """One row per respondent, three word columns; every form goes to distinct respondents."""
    columns: list[list[str]] = [[], [], []]
    families = [["vennskap", "venskap", "vennskapp"], ["Språkferdigheter", "språkferdigheter", "SPRÅKFERDIGHETER",
                "språkferdighetene"], ["samhold", "samhald", "engelsk", "Engelsk", "TOLERANSE", "toleranse"]]
    for column, family in zip(columns, families):
        for form in family:
            column.extend([form] * KNOWN[form])
    rows = max(len(c) for c in columns)
    lines = ["id;ord1;ord2;ord3"]
    for i in range(rows):
        cells = [c[i] if i < len(c) else "" for c in columns]
        lines.append(f"R{i + 1};" + ";".join(cells))
    # One more respondent writes the same word twice: counted once.
    lines.append("R99;vennskap;Vennskap;")
    path = tmp_path_factory.mktemp("merge") / "svar.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def by_lemma(counts):
    return {w.lemma: w for w in counts}


def test_every_variant_merges_with_the_form_written_most_often(survey, nlp):
    counts = by_lemma(count_words(file_words(survey, ["ord1", "ord2", "ord3"], ELEV, nlp=nlp).entries, ELEV))
    friendship = counts["vennskap"]
    assert friendship.word == "vennskap" and friendship.respondents == 17 + 4 + 1 + 1
    assert dict(friendship.variants) == {"vennskap": 18, "venskap": 4, "vennskapp": 1, "Vennskap": 1}
    assert friendship.category == "sosial_inkludering"
    language = counts["språkferdighet"]
    assert language.word == "Språkferdigheter" and language.respondents == 12
    assert dict(language.variants) == {"Språkferdigheter": 6, "språkferdigheter": 3, "SPRÅKFERDIGHETER": 2,
                                       "språkferdighetene": 1}
    assert language.color == ELEV.colors["sprakferdigheter"]
    assert counts["samhold"].respondents == 5 and dict(counts["samhold"].variants) == {"samhold": 3, "samhald": 2}
    assert counts["engelsk"].word == "engelsk" and counts["engelsk"].respondents == 4  # tie: the lemma
    assert counts["toleranse"].word == "TOLERANSE" and counts["toleranse"].category == "sosial_inkludering"
    # Nothing is left over as a second, grey entry of the same word.
    assert len(counts) == 5


def test_the_table_lists_display_form_lemma_and_every_variant(survey, tmp_path):
    table = tmp_path / "sky.csv"
    result = subprocess.run([sys.executable, "-m", "qualcode", "wordcloud", "--survey", str(survey),
                             "--columns", "ord1,ord2,ord3", "--codebook", str(ROOT / "codebooks/elevutbytte.yaml"),
                             "--out", str(tmp_path / "sky.svg"), "--table", str(table)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    with open(table, encoding="utf-8-sig") as handle:
        rows = {r["lemma"]: r for r in csv.DictReader(handle)}
    assert rows["vennskap"]["word"] == "vennskap" and rows["vennskap"]["respondents"] == "23"
    assert rows["vennskap"]["variants"] == "vennskap (18); venskap (4); Vennskap (1); vennskapp (1)"
    assert rows["språkferdighet"]["word"] == "Språkferdigheter"


def test_a_merge_is_undone_in_the_project_and_remembered(survey, tmp_path, nlp):
    project = Project.create(tmp_path / "p.qualcode")
    ingest_files(project, [survey], survey={"id_column": "id", "open_columns": ["elev=ord1,ord2,ord3"]})
    code_project(project, ELEV, nlp)
    counts = by_lemma(count_words(project_words(project, ELEV, "elev", nlp=nlp).entries, ELEV))
    assert counts["vennskap"].respondents == 23
    assert keep_apart(project, add=["Venskap"]) == ["venskap"] == kept_apart(project)
    counts = count_words(project_words(project, ELEV, "elev", nlp=nlp).entries, ELEV)
    words = {w.word: w for w in counts}
    assert words["vennskap"].respondents == 19 and "venskap" not in dict(words["vennskap"].variants)
    assert words["venskap"].respondents == 4 and words["venskap"].variants == [("venskap", 4)]
    assert keep_apart(project, remove=["venskap"]) == []
    assert by_lemma(count_words(project_words(project, ELEV, "elev", nlp=nlp).entries, ELEV))["vennskap"].respondents == 23
