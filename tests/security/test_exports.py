"""Exports never write a live spreadsheet formula: survey answers and metadata stay text."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from qualcode.cli import app, commands  # noqa: F401  (registers the workflow commands)
from qualcode.exchange.cells import FORMULA_START
from qualcode.ingest import ingest_files
from qualcode.store import Project
from qualcode.tagging.apply import code_project
from tests.conftest import ROOT
from tests.exchange_data import ELEV

CODEBOOK = str(ROOT / "codebooks" / "elevutbytte.yaml")
# What respondents typed into a web form; each also names a word the codebook codes, so it is coded.
HOSTILE = ['=HYPERLINK("http://x","engelsk")', "=cmd|' /C calc'!A0 engelsk", "@SUM(1) engelsk", "+1 engelsk",
           "-1+1 engelsk", "\t=1+1 engelsk", "\r=2+2 engelsk", "=1+1\x01 engelsk"]
runner = CliRunner()


@pytest.fixture(scope="module")
def project(tmp_path_factory, blank_nlp) -> Project:
    folder = tmp_path_factory.mktemp("formler")
    rows = [["id", "skolenivå", "ord1", "ord2"]]
    rows += [[f"R{i}", value, value, "vennskap"] for i, value in enumerate(HOSTILE, 1)]
    rows += [["R99", "grunnskole", "12", "-"]]
    with (folder / "svar.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    project = Project.create(folder / "p.qualcode")
    ingest_files(project, [folder / "svar.csv"],
                 survey={"id_column": "id", "meta": ["skolenivå"], "open_columns": ["elev=ord1,ord2"]})
    code_project(project, ELEV, blank_nlp)
    return project


def _formula_cells(path: Path) -> int:
    with zipfile.ZipFile(path) as archive:
        return sum(archive.read(name).count(b"<f") for name in archive.namelist() if name.startswith("xl/worksheets/"))


def _csv_cells(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8-sig")
    delimiter = ";" if text.splitlines()[0].count(";") else ","
    return [cell for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) for cell in row]


def test_xlsx_export_writes_every_text_as_text(project, tmp_path):
    out = tmp_path / "koding.xlsx"
    run = runner.invoke(app, ["export", project.location, "--out", str(out), "--by", "skolenivå"])
    assert run.exit_code == 0, run.output
    assert _formula_cells(out) == 0
    book = openpyxl.load_workbook(out)
    texts = {cell.value for sheet in book for row in sheet.iter_rows() for cell in row if cell.data_type == "s"}
    assert '=HYPERLINK("http://x","engelsk")' in texts and "=cmd|' /C calc'!A0 engelsk" in texts
    assert "@SUM(1) engelsk" in texts and "-1+1 engelsk" in texts
    assert "=1+1\ufffd engelsk" in texts  # a control character XML cannot hold is replaced, not a crash
    numbers = [cell.value for row in book["Kodinger"].iter_rows(min_row=2) for cell in row[6:8]]
    assert numbers and all(isinstance(n, int) for n in numbers)  # start, slutt stay numbers


def test_csv_export_neutralises_every_formula_start(project, tmp_path):
    out = tmp_path / "koding.csv"
    run = runner.invoke(app, ["export", project.location, "--out", str(out)])
    assert run.exit_code == 0, run.output
    cells = _csv_cells(out)
    assert not [c for c in cells if c.startswith(FORMULA_START)]
    assert "'=HYPERLINK(\"http://x\",\"engelsk\")" in cells and "'@SUM(1) engelsk" in cells and "'+1 engelsk" in cells
    assert "'-1+1 engelsk" in cells
    assert any(c.isdigit() for c in cells)  # offsets are plain numbers


def test_wordcloud_table_and_report_tables_neutralise_formulas(project, tmp_path):
    table = tmp_path / "ord.csv"
    run = runner.invoke(app, ["wordcloud", project.location, "-q", "elev", "-c", CODEBOOK, "--out",
                              str(tmp_path / "sky.svg"), "--table", str(table)])
    assert run.exit_code == 0, run.output
    cells = _csv_cells(table)
    assert not [c for c in cells if c.startswith(FORMULA_START)]
    assert any(c.startswith("'=") for c in cells), cells
    run = runner.invoke(app, ["report", project.location, "--out", str(tmp_path / "rapport"), "-c", CODEBOOK,
                              "--cloud", f"elev={CODEBOOK}"])
    assert run.exit_code == 0, run.output
    tables = list((tmp_path / "rapport").rglob("*.csv"))
    assert tables
    for path in tables:
        assert not [c for c in _csv_cells(path) if c.startswith(FORMULA_START)], path
