"""A project is the whole project: its codebooks (with every version) and its questions' settings
live in it, so a copy works in any folder with no codebook file anywhere."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from qualcode.cli import app, commands  # noqa: F401  (registers the workflow commands)
from qualcode.exchange import import_refi
from qualcode.ingest import ingest_files
from qualcode.store import Project, schema
from qualcode.store.codebooks import (
    CodebookNotStored,
    codebook_diff,
    codebook_from,
    list_codebooks,
    stored_codebook,
    undo_last_change,
    versions,
)
from qualcode.store.questions import question_settings, set_question
from qualcode.tagging import CodebookError, load_codebook
from qualcode.tagging.apply import code_project
from tests.conftest import ROOT

runner = CliRunner()
INTERVIEWS = ["02_rektor_barneskole.md", "06_rektor_videregaende.txt", "06_rektor_videregaende.meta.yaml"]


def cli(*args: str) -> str:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def fails(*args: str) -> str:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code != 0, result.output
    return " ".join(result.output.split())


@pytest.fixture()
def inside(monkeypatch):
    """``inside(folder)``: run from that folder (and back afterwards)."""
    return monkeypatch.chdir


@pytest.fixture(scope="module")
def checkout(tmp_path_factory, nlp):
    """The workflow as the README shows it, in a folder with the codebook files: the project
    and the output of every analysis command there."""
    work = tmp_path_factory.mktemp("checkout")
    (work / "codebooks").mkdir()
    for name in ("elevutbytte.yaml", "erasmus_prioriteringer.yaml"):
        shutil.copy(ROOT / "codebooks" / name, work / "codebooks" / name)
    before = os.getcwd()
    os.chdir(work)
    try:
        cli("init", "evaluering.qualcode")
        cli("ingest", "evaluering.qualcode", *[ROOT / "corpus" / "interviews" / n for n in INTERVIEWS if not n.endswith(".meta.yaml")],
            ROOT / "corpus" / "survey_utbytte.csv", "--title", "elev=Elevenes utbytte", "--codebook-for", "elev=elevutbytte")
        cli("code", "evaluering.qualcode", "--codebook", "codebooks/elevutbytte.yaml")
        cli("code", "evaluering.qualcode", "--codebook", "codebooks/erasmus_prioriteringer.yaml")
        cli("question", "set", "evaluering.qualcode", "elev", "--by", "skolenivå")
        outputs = analyses(work / "out", "evaluering.qualcode", "codebooks/elevutbytte.yaml")
    finally:
        os.chdir(before)
    Project.open(work / "evaluering.qualcode").checkpoint()
    return work, outputs


def _xml(path: Path) -> str:
    import zipfile

    if path.suffix == ".qdpx":
        with zipfile.ZipFile(path) as archive:
            text = archive.read("project.qde").decode("utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    return re.sub(r'(Date(Time)?|modifiedDateTime|creationDateTime)="[^"]*"', "", text)


def _cells(path: Path) -> dict:
    book = openpyxl.load_workbook(path)
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book}


def analyses(out: Path, project: str, codebook: str) -> dict[str, object]:
    """wordcloud, stats, report, export in every format, and code -c: what each one gives."""
    out.mkdir(parents=True, exist_ok=True)
    results: dict[str, object] = {}
    cli("wordcloud", project, "-q", "elev_ord", "--out", out / "sky.svg", "--table", out / "sky.csv")
    results["wordcloud"] = ((out / "sky.svg").read_text(encoding="utf-8"), (out / "sky.csv").read_text(encoding="utf-8"))
    results["stats"] = cli("stats", project, "-c", codebook, "-q", "elev_ord", "--by", "skolenivå")
    results["stats interviews"] = cli("stats", project, "-c", "erasmus_prioriteringer")
    cli("report", project, "--out", out / "report")
    results["report"] = (out / "report" / "report.html").read_text(encoding="utf-8")
    cli("export", project, "--out", out / "koding.csv")
    results["csv"] = (out / "koding.csv").read_bytes()
    cli("export", project, "--out", out / "koding.xlsx")
    results["xlsx"] = _cells(out / "koding.xlsx")
    cli("export", project, "--out", out / "prosjekt.qdpx")
    results["qdpx"] = _xml(out / "prosjekt.qdpx")
    cli("export", project, "-c", codebook, "--out", out / "kodebok.qdc")
    results["qdc"] = _xml(out / "kodebok.qdc")
    results["code"] = cli("code", project, "-c", codebook)
    return results


def test_a_copied_project_gives_the_same_results_anywhere(checkout, tmp_path, inside):
    work, expected = checkout
    (tmp_path / "kopi").mkdir()
    shutil.copy(work / "evaluering.qualcode", tmp_path / "kopi" / "evaluering.qualcode")
    elsewhere = tmp_path / "et annet sted"
    elsewhere.mkdir()
    inside(elsewhere)
    got = analyses(tmp_path / "ut", str(tmp_path / "kopi" / "evaluering.qualcode"), "elevutbytte")
    assert not list(tmp_path.rglob("*.yaml")) and not list(elsewhere.iterdir())  # no codebook file anywhere
    for name in expected:
        assert got[name] == expected[name], name
    assert "Elevenes utbytte" in got["report"] and "Sammenligning etter skolenivå" in got["report"]
    assert "0 new suggestions" in got["code"]


def test_a_question_named_by_its_start_takes_its_stored_codebook(checkout, tmp_path, inside):
    """``-q elev`` means ``elev_ord`` in the analysis commands as in ``qualcode question``, and the
    question's stored codebook is used without --codebook."""
    work, expected = checkout
    inside(work)
    cli("wordcloud", "evaluering.qualcode", "-q", "elev", "--out", tmp_path / "sky.svg", "--table", tmp_path / "sky.csv")
    assert (tmp_path / "sky.csv").read_text(encoding="utf-8") == expected["wordcloud"][1]
    assert cli("stats", "evaluering.qualcode", "-q", "elev", "--by", "skolenivå") == expected["stats"]
    assert "no survey question 'nosuch'" in fails("wordcloud", "evaluering.qualcode", "-q", "nosuch", "--out", tmp_path / "x.svg")


def test_the_stored_codebook_keeps_the_file_as_written(checkout, tmp_path):
    work, _ = checkout
    project = Project.open(work / "evaluering.qualcode")
    assert [b.key for b in list_codebooks(project)] == ["elevutbytte", "erasmus_prioriteringer"]
    written = (ROOT / "codebooks" / "elevutbytte.yaml").read_text(encoding="utf-8")
    assert cli("codebook", "show", work / "evaluering.qualcode", "elevutbytte") == written
    cli("codebook", "export", work / "evaluering.qualcode", "elevutbytte", "--out", tmp_path / "tilbake.yaml")
    assert (tmp_path / "tilbake.yaml").read_text(encoding="utf-8") == written
    cli("codebook", "export", work / "evaluering.qualcode", "elevutbytte", "--out", tmp_path / "tilbake.qdc")
    assert "Språkferdigheter" in (tmp_path / "tilbake.qdc").read_text(encoding="utf-8")
    assert question_settings(project)["elev_ord"].title == "Elevenes utbytte"
    assert question_settings(project)["elev_ord"].codebook == "elevutbytte"


def test_a_changed_file_is_a_new_version_and_undo_goes_back(checkout, tmp_path, nlp):
    work, _ = checkout
    shutil.copy(work / "evaluering.qualcode", tmp_path / "p.qualcode")
    project = Project.open(tmp_path / "p.qualcode")
    changed = tmp_path / "elevutbytte.yaml"
    changed.write_text((ROOT / "codebooks" / "elevutbytte.yaml").read_text(encoding="utf-8")
                       .replace("      - vennskap\n", "      - vennskap\n      - vennegruppe\n", 1), encoding="utf-8")
    code_project(project, load_codebook(changed), nlp, author="Kari")
    code_project(project, load_codebook(changed), nlp, author="Kari")  # the same file again: no new version
    history = versions(project, "elevutbytte")
    assert [(v.number, v.action) for v in history] == [(1, "file"), (2, "file")]
    assert history[1].author == "Kari" and "terms 'vennegruppe' added to sosial_inkludering" in history[1].summary
    assert "+      - vennegruppe" in codebook_diff(project, "elevutbytte")
    assert "vennegruppe" in cli("codebook", "history", tmp_path / "p.qualcode", "elevutbytte")
    restored = undo_last_change(project, "elevutbytte", "Kari")
    assert "vennegruppe" not in restored.category("sosial_inkludering").terms
    assert restored.text == history[0].yaml and versions(project, "elevutbytte")[-1].action == "undo"
    with pytest.raises(CodebookNotStored, match="no change to undo"):
        undo_last_change(project, "elevutbytte", "Kari")


def test_an_id_is_looked_up_in_the_project_and_anything_else_is_a_file(checkout, tmp_path, inside):
    work, _ = checkout
    project = Project.open(work / "evaluering.qualcode")
    inside(tmp_path)
    (tmp_path / "elevutbytte").write_text("not a codebook")  # a file named like the id does not matter
    assert codebook_from(project, "elevutbytte").text.startswith("# Elevutbytte")
    assert codebook_from(project, ROOT / "codebooks" / "skoleutbytte.yaml").id == "skoleutbytte"
    with pytest.raises(CodebookNotStored, match="no codebook 'skoleutbytte' in this project .*--codebook FILE.yaml"):
        codebook_from(project, "skoleutbytte")
    with pytest.raises(CodebookError, match="no such codebook file"):
        codebook_from(project, "mangler.yaml")
    assert "no codebook 'laererutbytte'" in fails("stats", work / "evaluering.qualcode", "-c", "laererutbytte")


def schema_6_project(folder: Path, nlp) -> Path:
    """A project as qualcode before schema 7 left it: coded from a relative codebook path, no stored YAML."""
    (folder / "codebooks").mkdir(parents=True)
    shutil.copy(ROOT / "codebooks" / "elevutbytte.yaml", folder / "codebooks" / "elevutbytte.yaml")
    (folder / "intervju.md").write_text("---\nrolle: lærer\n---\nLærer: Elevene fikk nye venner og lærte engelsk.\n",
                                        encoding="utf-8")
    before = os.getcwd()
    os.chdir(folder)
    try:
        project = Project.create("gammel.qualcode")
        ingest_files(project, [Path("intervju.md")])
        code_project(project, load_codebook("codebooks/elevutbytte.yaml"), nlp)
        project.checkpoint()
        project.close()
    finally:
        os.chdir(before)
    con = sqlite3.connect(folder / "gammel.qualcode")
    con.execute("drop table codebook_versions")
    con.execute("drop table questions")
    con.execute("update meta set value = '6' where key = 'schema_version'")
    con.commit()
    con.close()
    return folder / "gammel.qualcode"


def test_an_older_project_stores_its_codebook_file_on_upgrade(tmp_path, nlp, inside):
    path = schema_6_project(tmp_path / "prosjekt", nlp)
    inside(tmp_path)  # not where it was coded: the recorded path is found beside the project
    project = Project.open(path)
    assert project.schema_version == schema.SCHEMA_VERSION
    (tmp_path / "prosjekt" / "codebooks" / "elevutbytte.yaml").unlink()  # read once: not needed any more
    book = stored_codebook(project, "elevutbytte")
    assert book.text == (ROOT / "codebooks" / "elevutbytte.yaml").read_text(encoding="utf-8")  # comments kept
    assert versions(project, "elevutbytte")[0].action == "migration"
    assert "Språkferdigheter" in cli("stats", path, "-c", "elevutbytte")


def test_an_older_project_without_its_codebook_file_opens_and_says_which_file_to_give(tmp_path, nlp, inside):
    path = schema_6_project(tmp_path / "prosjekt", nlp)
    shutil.rmtree(tmp_path / "prosjekt" / "codebooks")
    inside(tmp_path)
    project = Project.open(path)
    assert project.schema_version == schema.SCHEMA_VERSION
    assert "elevutbytte" in cli("codebook", "list", path)
    message = fails("code", path, "-c", "elevutbytte")
    assert "was coded from codebooks/elevutbytte.yaml" in message and "--codebook codebooks/elevutbytte.yaml" in message
    cli("code", path, "--codebook", ROOT / "codebooks" / "elevutbytte.yaml")  # given once …
    assert "0 new suggestions" in cli("code", path, "-c", "elevutbytte")  # … then the id is enough


def test_an_imported_codebook_is_stored_and_editable(tmp_path, nlp, monkeypatch):
    from qualcode.tagging.edit import with_term
    from qualcode.store.codebooks import edit_stored_codebook
    from tests.test_exchange_refi import SPEC_CODEBOOK

    path = tmp_path / "temaer.qdc"
    path.write_text(SPEC_CODEBOOK, encoding="utf-8")
    project = Project.create(tmp_path / "import.qualcode")
    (tmp_path / "svar.md").write_text("Lærer: Skatten og økonomien var viktig for skolen.\n", encoding="utf-8")
    ingest_files(project, [tmp_path / "svar.md"])
    import_refi(project, path)
    book = stored_codebook(project, "temaer")
    assert versions(project, "temaer")[0].action == "import" and "TODO" in book.text
    category = next(c.id for c in book.categories if c.label == "Økonomi")
    edited = edit_stored_codebook(project, "temaer", lambda text: with_term(text, category, "skatt", source="temaer"),
                                  author="Kari")
    assert edited.category(category).terms == ["skatt"]
    code_project(project, edited, nlp, author="Kari")
    # … and the Kodebok page works on it, from an empty folder.
    from streamlit.testing.v1 import AppTest

    from qualcode.app import HOME

    (tmp_path / "tom").mkdir()
    monkeypatch.chdir(tmp_path / "tom")
    monkeypatch.setenv("QUALCODE_PROJECT", str(tmp_path / "import.qualcode"))
    at = AppTest.from_file(str(HOME.parent.parent / "pages" / "3_Kodebok.py"), default_timeout=60)
    at.session_state["coder"], at.session_state["codebook"] = "Kari", "temaer"
    at.run()
    assert not at.exception and not at.warning
    at.text_input(key=f"term_{category}").input("næringsliv").run()
    at.button(key=f"add_{category}").click().run()
    assert not at.exception
    assert stored_codebook(project, "temaer").category(category).terms == ["skatt", "næringsliv"]


def test_question_settings(tmp_path):
    project = Project.create(tmp_path / "q.qualcode")
    (tmp_path / "svar.csv").write_text("id;skolenivå;elev_ord1\nR1;grunnskole;engelsk\n", encoding="utf-8")
    ingest_files(project, [tmp_path / "svar.csv"], survey={"id_column": "id", "open_columns": ["elev_ord=elev_ord1"]})
    set_question(project, "elev", title="Elevenes utbytte", codebook="elevutbytte")
    set_question(project, "elev_ord", by="skolenivå")  # a setting left out keeps its value
    assert question_settings(project)["elev_ord"].title == "Elevenes utbytte"
    assert question_settings(project)["elev_ord"].by == "skolenivå"
    with pytest.raises(Exception, match="no metadata variable 'fylke'"):
        set_question(project, "elev", by="fylke")
    with pytest.raises(Exception, match="no survey question 'larer'"):
        set_question(project, "larer", title="Lærernes utbytte")
