"""Excel and CSV export, and pseudonymisation, on a real coded project."""

from __future__ import annotations

import csv
import zipfile

import openpyxl
import pytest
from typer.testing import CliRunner

from qualcode.analysis.stats import group_table
from qualcode.cli import app, commands  # noqa: F401  (registers the workflow commands)
from qualcode.exchange import ExchangeError, NameList, Pseudonymiser, export_qdpx, load_names
from qualcode.exchange.excel import export_csv, export_excel
from qualcode.exchange.pseudonymise import OffsetMap
from tests.conftest import ENGINES, location_for
from tests.exchange_data import ELEV, build_project, snapshot

runner = CliRunner()


@pytest.fixture(scope="module", params=ENGINES)
def project(request, tmp_path_factory, blank_nlp):
    folder = tmp_path_factory.mktemp("excel")
    return build_project(folder, blank_nlp, location_for(request.param, folder / "evaluering.qualcode", request))


@pytest.fixture(scope="module")
def workbook(project, tmp_path_factory):
    report = export_excel(project, tmp_path_factory.mktemp("ut") / "koding.xlsx", by="skolenivå")
    return report, openpyxl.load_workbook(report.path)


def rows_of(sheet) -> list[dict]:
    header, *rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    return [dict(zip(header, row)) for row in rows]


def test_codings_sheet_has_one_row_per_coder_judgement(workbook):
    report, book = workbook
    assert book.sheetnames == ["Kodinger", "Krysstabell", "Sitater"]
    rows = rows_of(book["Kodinger"])
    assert len(rows) == report.codings == 18  # TH 7, AB 6, and 5 open suggestions in the survey
    sprak = [r for r in rows if r["kategori"] == "Språkferdigheter" and r["dokument"] == "01_rektor.txt"]
    assert {(r["koder"], r["status"]) for r in sprak} == {("TH", "accepted"), ("AB", "accepted")}
    row = sprak[0]
    assert row["tekst"] == "Elevene fikk nye venner i Polen 🙂, og de ble mye flinkere til å snakke engelsk."
    assert (row["rolle"], row["skoletype"], row["skole"], row["taler"]) == ("rektor", "barneskole", "Solbakken barneskole", "R")
    assert row["kodebok"] == "Elevutbytte" and row["kategori_id"] == "sprakferdigheter"
    survey = [r for r in rows if r["dokument"] == "svar.csv"]
    assert {r["koder"] for r in survey} == {"tagger"} and {r["status"] for r in survey} == {"suggested"}
    engelsk = next(r for r in survey if r["tekst"] == "engelsk")
    assert (engelsk["respondent"], engelsk["spørsmål"], engelsk["skolenivå (respondent)"]) == ("R1", "elev", "videregående")
    hand = next(r for r in rows if r["kilde"] == "manual")
    assert (hand["tekst"], hand["koder"], hand["kategori"]) == ("et nettverk i Europa", "AB", "Sosial inkludering")


def test_crosstab_sheet_matches_the_group_table(project, workbook):
    _, book = workbook
    cells = [list(r) for r in book["Krysstabell"].iter_rows(values_only=True)]
    assert cells[0][0] == "Elevutbytte: intervjuer og dokumenter (segmenter), etter skolenivå"
    header, n_row = cells[1], cells[2]
    table = group_table(project, ELEV, "skolenivå")
    assert header[1::2][: len(table.groups)] == table.groups
    assert n_row[1:2 * len(table.groups):2] == [table.n[g] for g in table.groups]
    by_label = {row[0]: row for row in cells[3:3 + len(ELEV.categories)]}
    for category in ELEV.categories:
        row = by_label[category.label]
        assert row[1:2 * len(table.groups):2] == [table.counts[g].get(category.id, 0) for g in table.groups]
    survey_title = next(r[0] for r in cells if r[0] and "spørsmål elev" in str(r[0]))
    assert "(respondenter)" in survey_title


def test_quotes_sheet_attributes_each_quote(workbook):
    _, book = workbook
    quotes = rows_of(book["Sitater"])
    assert quotes, "no quotes"
    kari = next(q for q in quotes if q["sitat"].startswith("Elevene fikk nye venner"))
    assert kari["attribusjon"] == "(rektor, barneskole)" and kari["dokument"] == "01_rektor.txt"
    assert all(q["attribusjon"].startswith("(") for q in quotes)


def test_csv_is_the_codings_sheet_for_norwegian_excel(project, workbook, tmp_path):
    _, book = workbook
    report = export_csv(project, tmp_path / "koding.csv")
    raw = report.path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # so Excel reads æøå as UTF-8
    with report.path.open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle, delimiter=";"))
    sheet = [list(r) for r in book["Kodinger"].iter_rows(values_only=True)]
    assert table[0] == sheet[0]
    assert [row[8] for row in table[1:]] == [row[8] for row in sheet[1:]]  # the coded texts, in the same order


def test_accepted_only_leaves_out_suggestions(project, tmp_path):
    report = export_csv(project, tmp_path / "godkjent.csv", statuses=("accepted",))
    assert report.codings == 13 and "tagger" not in report.users


# -- pseudonymisation ------------------------------------------------------------------------

def test_pseudonymiser_replaces_names_consistently():
    names = NameList(persons=["Kari Nordmann", "Ola Hansen"], schools=["Solbakken barneskole"], places=["Gdańsk"],
                     keep=["Polen"])
    p = Pseudonymiser(names, order=["Ola Hansen og Kari Nordmann fra Solbakken barneskole reiste til Gdańsk."])
    assert p.text("Kari sa at Karis klasse likte Gdańsk. Ola Hansen var i Polen.") == \
        "Person 2 sa at Person 2s klasse likte Sted A. Person 1 var i Polen."
    assert p.text("Her på Solbakken er alle glade.") == "Her på Skole A er alle glade."  # the school's place name
    assert p.text("Karina og Olav") == "Karina og Olav"  # whole words only
    assert p.pseudonyms == {"Ola Hansen": "Person 1", "Kari Nordmann": "Person 2", "Solbakken barneskole": "Skole A",
                            "Gdańsk": "Sted A"}


def test_a_name_found_alone_joins_the_longer_name():
    found = [("person", "Henrik Bråten"), ("person", "Henrik"), ("person", "Kvitberg")]
    p = Pseudonymiser(NameList(schools=["Kvitberg barneskole"]), found)
    assert p.text("Henrik fra Kvitberg og Henrik Bråten") == "Person 1 fra Skole A og Person 1"
    assert sorted(p.pseudonyms) == ["Henrik Bråten", "Kvitberg barneskole"]


def test_shared_first_names_are_masked_not_numbered():
    p = Pseudonymiser(NameList(persons=["Kari Nordmann", "Kari Hansen"]))
    assert p.text("Kari Hansen og Kari") == "Person 2 og [navn]"


def test_offsets_move_with_the_replacements():
    p = Pseudonymiser(NameList(persons=["Kari Nordmann"]))
    text = "Vi traff Kari Nordmann i går. Hun var glad."
    new, offsets = p.text_with_offsets(text)
    assert new == "Vi traff Person 1 i går. Hun var glad."
    start = text.index("Hun")
    assert new[offsets.start(start):offsets.end(len(text))] == "Hun var glad."
    inside = text.index("Nordmann")  # a span starting inside a name covers the whole pseudonym
    assert new[offsets.start(inside):offsets.end(text.index(" i går"))] == "Person 1"
    assert OffsetMap([]).start(7) == 7


def test_names_file(tmp_path):
    path = tmp_path / "navn.yaml"
    path.write_text("personer:\n  - Kari Nordmann\nskoler: [Solbakken barneskole]\nbehold: Polen\n", encoding="utf-8")
    names = load_names(path)
    assert (names.persons, names.schools, names.keep) == (["Kari Nordmann"], ["Solbakken barneskole"], ["Polen"])
    path.write_text("personer: Kari\nlærere: [Ola]\n", encoding="utf-8")
    with pytest.raises(ExchangeError, match="navn.yaml: unknown key 'lærere'"):
        load_names(path)
    path.write_text("personer: [Kari\n", encoding="utf-8")
    with pytest.raises(ExchangeError, match="navn.yaml line 2: not valid YAML"):
        load_names(path)


def test_names_the_pipeline_finds_are_replaced_too(project):
    import spacy

    from qualcode.exchange.pseudonymise import entities

    nlp = spacy.blank("nb")  # a real name finder: spaCy's entity ruler with NorNE labels
    nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH"}).add_patterns([
        {"label": "PER", "pattern": "Kari Nordmann"}, {"label": "GPE_LOC", "pattern": "Gdańsk"},
        {"label": "ORG", "pattern": "Fjordvik videregående skole"}, {"label": "ORG", "pattern": "Erasmus"},
        {"label": "PER", "pattern": "Lærer 2"}, {"label": "PER", "pattern": "Ola"}, {"label": "PER", "pattern": "Ola Hansen"}])
    assert entities(nlp, ["Lærer 2: Kari Nordmann var i Gdańsk med Erasmus."]) == [
        ("person", "Kari Nordmann"), ("place", "Gdańsk")]  # a speaker's role is no name
    p = Pseudonymiser.for_project(project, NameList(keep=["Polen"]), nlp)  # no persons listed
    assert p.text("Kari Nordmann og Karis klasse reiste fra Fjordvik til Gdańsk.") == \
        "Person 1 og Person 1s klasse reiste fra Skole B til Sted A."
    assert p.text("Ola sa det samme som Ola Hansen.") == "Person 2 sa det samme som Person 2."  # one person


def test_pseudonyms_are_the_same_in_every_export(project, tmp_path, blank_nlp):
    assert "ner" not in blank_nlp.pipe_names  # the name list and the metadata are enough
    before = snapshot(project.location)
    names = NameList(persons=["Kari Nordmann", "Ola Hansen"])
    excel = export_excel(project, tmp_path / "anonym.xlsx",
                         pseudonymiser=Pseudonymiser.for_project(project, names, blank_nlp))
    qdpx = export_qdpx(project, tmp_path / "anonym.qdpx",
                       pseudonymiser=Pseudonymiser.for_project(project, names, blank_nlp))
    rows = rows_of(openpyxl.load_workbook(excel.path)["Kodinger"])
    kari = next(r for r in rows if r["dokument"] == "01_rektor.txt" and r["tekst"].startswith("Person"))
    assert kari["tekst"] == "Person 1, som er kontaktlærer, sa at de tør mer nå."
    assert {r["skole"] for r in rows if r["skole"]} == {"Skole A", "Skole B"}
    with zipfile.ZipFile(qdpx.path) as archive:
        sources = " ".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("sources/"))
    assert "Person 1, som er kontaktlærer" in sources and "Skole A" in sources
    quotes = " ".join(str(q["sitat"]) for q in rows_of(openpyxl.load_workbook(excel.path)["Sitater"]))
    assert "Kari" not in quotes and "Solbakken" not in quotes
    assert snapshot(project.location) == before


def test_cli_export_xlsx_pseudonymised(project, tmp_path):
    names = tmp_path / "navn.yaml"
    names.write_text("personer: [Kari Nordmann, Ola Hansen]\n", encoding="utf-8")
    out = tmp_path / "cli.xlsx"
    result = runner.invoke(app, ["export", project.location, "--out", str(out), "--names", str(names),
                                 "--pipeline", "blank:nb"])
    assert result.exit_code == 0, result.output
    assert "18 codings" in result.output and "Pseudonymised 4 names" in result.output
    texts = " ".join(str(r["tekst"]) for r in rows_of(openpyxl.load_workbook(out)["Kodinger"]))
    assert "Kari" not in texts and "Person 1" in texts
    result = runner.invoke(app, ["export", project.location, "--out", str(tmp_path / "x.pdf")])
    assert result.exit_code != 0 and "is not one of qdpx, qdc, xlsx, csv" in result.output


# -- pseudonymisation keeps what identifies nobody (issue: countries became "Sted G") ---------

ERASMUS_INTERVIEW = """I: Hvor har dere vært?
K: Vi har bodd i Norge i to år, og partnerskolen i Spania tok imot oss. Ingrid Solheim fra Brekkestrand ungdomsskole
ledet prosjektet, og Ingrid skrev søknaden til Erasmus+ sammen med Tobias.
"""


def _erasmus_project(tmp_path):
    from qualcode.ingest import ingest_files
    from qualcode.store import Project

    path = tmp_path / "03_koordinator.txt"
    path.write_text(ERASMUS_INTERVIEW, encoding="utf-8")
    project = Project.create(tmp_path / "erasmus.qualcode")
    ingest_files(project, [path])
    return project


def test_pseudonymised_export_keeps_countries_and_replaces_persons_and_schools(tmp_path, nlp):
    project = _erasmus_project(tmp_path)
    pseudonymiser = Pseudonymiser.for_project(project, NameList(schools=["Brekkestrand ungdomsskole"]), nlp)
    report = export_qdpx(project, tmp_path / "anonym.qdpx", pseudonymiser=pseudonymiser)
    with zipfile.ZipFile(report.path) as archive:
        text = " ".join(archive.read(n).decode() for n in archive.namelist() if n.startswith("sources/"))
    assert "bodd i Norge i to år" in text and "partnerskolen i Spania" in text and "Erasmus+" in text
    assert "Ingrid" not in text and "Solheim" not in text and "Tobias" not in text  # the gazetteer's names
    assert "Brekkestrand" not in text and "Skole A" in text
    assert "Person 1 fra Skole A" in pseudonymiser.text(ERASMUS_INTERVIEW)
    described = pseudonymiser.report().describe()
    assert described.startswith("Pseudonymised 3 names (2 persons, 1 school)")
    assert "Norge" in described and "Spania" in described  # said to be kept


def test_the_keep_list_is_the_projects_to_edit(tmp_path, nlp):
    from qualcode.exchange.gazetteer import edit_keep_places, project_keep_places

    project = _erasmus_project(tmp_path)
    assert "Spania" in project_keep_places(project) and "Norge" in project_keep_places(project)
    edit_keep_places(project, remove=["Spania"])  # this project's analysis does not need it
    text = Pseudonymiser.for_project(project, NameList(), nlp).text(ERASMUS_INTERVIEW)
    assert "partnerskolen i Sted A" in text and "bodd i Norge" in text
    result = runner.invoke(app, ["keep-places", project.location, "--add", "Spania"])
    assert result.exit_code == 0 and "Spania" in result.output
    assert "partnerskolen i Spania" in Pseudonymiser.for_project(project, NameList(), nlp).text(ERASMUS_INTERVIEW)
