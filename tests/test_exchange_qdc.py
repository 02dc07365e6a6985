"""A .qdc of several codebooks: counted as codes plus parent codes, and imported back as codebooks."""

from __future__ import annotations

from lxml import etree
from sqlalchemy import select
from typer.testing import CliRunner

from qualcode.cli import app, commands  # noqa: F401  (registers the workflow commands)
from qualcode.exchange import export_qdc, import_refi
from qualcode.store import Project, schema
from qualcode.tagging import load_codebook
from qualcode.tagging.apply import code_project
from tests.conftest import ROOT
from tests.exchange_data import build_project, copy_project

NS = {"c": "urn:QDA-XML:codebook:1.0"}
ERASMUS = load_codebook(ROOT / "codebooks" / "erasmus_prioriteringer.yaml")
ELEV = load_codebook(ROOT / "codebooks" / "elevutbytte.yaml")


def _categories(project: Project) -> dict[str, list[str]]:
    cat, cb = schema.categories, schema.codebooks
    with project.read() as conn:
        rows = conn.execute(select(cb.c.key, cat.c.label).join(cat, cat.c.codebook_id == cb.c.id)
                            .order_by(cb.c.id, cat.c.position)).all()
    result: dict[str, list[str]] = {}
    for book, label in rows:
        result.setdefault(book, []).append(label)
    return result


def test_two_codebooks_count_and_round_trip_as_codebooks(tmp_path, blank_nlp):
    project = build_project(tmp_path / "p", blank_nlp)
    code_project(project, ERASMUS, blank_nlp)
    out = tmp_path / "kodebok.qdc"
    result = CliRunner().invoke(app, ["export", project.location, "--format", "qdc", "--out", str(out)])
    assert result.exit_code == 0, result.output
    codes = etree.parse(str(out)).findall(".//c:Code", NS)
    categories = len(ELEV.categories) + len(ERASMUS.categories)
    assert len(codes) == categories + 2  # one parent code per codebook
    said = " ".join(result.output.split())  # Rich wraps at the terminal width, the tmp path varies in length
    assert f"{categories} codes, 2 codebooks as parent codes" in said
    report = export_qdc(project, tmp_path / "igjen.qdc")
    assert (report.codes, report.codebooks) == (categories, 2)

    same = copy_project(project, tmp_path / "samme.qualcode")
    before = _categories(same)
    back = import_refi(same, out)
    assert back.categories_added == 0 and back.categories_matched == categories
    assert _categories(same) == before  # no grey categories named after the codebooks

    fresh = Project.create(tmp_path / "ny.qualcode")
    back = import_refi(fresh, out)
    assert back.categories_added == categories
    books = _categories(fresh)
    assert sorted(map(len, books.values())) == sorted([len(ELEV.categories), len(ERASMUS.categories)])
    labels = [label for book in books.values() for label in book]
    assert ELEV.name not in labels and ERASMUS.name not in labels
