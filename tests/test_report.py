"""The report as HTML and as Word: escaping, the page's own font, bars on one scale, Norwegian numbers.

The Word test opens the written .docx with python-docx and checks what a project lead sees:
built-in headings, a picture per cloud with its caption, real tables in the category colours,
quotes with their "(rolle, skoletype)" attribution.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from typer.testing import CliRunner

from qualcode.analysis.report import build_docx_report, build_report
from qualcode.cli import app, commands  # noqa: F401  (registers the workflow commands)
from qualcode.ingest import ingest_files
from qualcode.store import Project
from qualcode.store.questions import set_question
from qualcode.tagging import load_codebook
from qualcode.tagging.apply import code_project
from tests.conftest import ROOT

ELEV = load_codebook(ROOT / "codebooks" / "elevutbytte.yaml")
ERASMUS = load_codebook(ROOT / "codebooks" / "erasmus_prioriteringer.yaml")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

SURVEY = """id;skolenivå;ord1;ord2;ord3
R1;videregående;engelsk;vennskap;klima
R2;videregående;engelsk;engelsk;
R3;grunnskole;vennskap;glede;samarbeid
R4;grunnskole;mestring;Vet ikke;
R5;grunnskole;vennskap;;
R6;grunnskole;engelsk;miljø;
"""

INTERVIEW = """---
rolle: lærer
skoletype: videregående skole
skolenivå: videregående
---
I: Hva fikk elevene ut av det?
Lærer: Elevene fikk mange nye venner i Spania, og flere av dem holder fortsatt kontakten på nett.
Lærer: De ble mye tryggere på å snakke engelsk i hverdagen, også med vertsfamiliene sine.
Lærer: Vi snakket mye om klima og miljø, og elevene laget en kampanje for å kildesortere på skolen.
"""

INTERVIEW_2 = """---
rolle: rektor
skoletype: barneskole
skolenivå: grunnskole
---
I: Hva betydde prosjektet for skolen?
Rektor: Elevene fikk en helt ny glede over å lære språk, og mange av dem mestret å presentere på engelsk.
Rektor: Prosjektet ga oss et nettverk av skoler i Europa som vi samarbeider med om digitale verktøy.
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("rapport")
    (folder / "svar.csv").write_text(SURVEY, encoding="utf-8")
    (folder / "laerer.md").write_text(INTERVIEW, encoding="utf-8")
    (folder / "rektor.md").write_text(INTERVIEW_2, encoding="utf-8")
    proj = Project.create(folder / "p.qualcode")
    ingest_files(proj, [folder / "svar.csv", folder / "laerer.md", folder / "rektor.md"],
                 survey={"id_column": "id", "open_columns": ["elev=ord1,ord2,ord3"]})
    code_project(proj, ELEV, nlp)
    code_project(proj, ERASMUS, nlp)
    set_question(proj, "elev", title="Elevenes utbytte")  # the title is the project's, not the library's
    return proj


@pytest.fixture(scope="module")
def html(project, tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("html")
    return build_report(project, out, {"elev": ELEV}, [ELEV, ERASMUS], by="skolenivå", nlp=nlp,
                        title="Elever & <lærere>").html


def test_text_is_escaped_by_the_template(html):
    page = html.read_text("utf-8")
    assert "<title>Elever &amp; &lt;lærere&gt;</title>" in page and "<lærere>" not in page


def test_clouds_bring_their_own_font_and_leave_the_page_font_alone(html):
    page = html.read_text("utf-8")
    faces = re.findall(r"@font-face\{font-family:'([^']+)'", page)
    assert len(faces) == 1 and faces[0].startswith("qualcode-cloud-")
    body_fonts = re.search(r"body\{font-family:([^;]+);", page).group(1)
    assert faces[0] not in body_fonts and "DejaVu Sans" in body_fonts
    # the cloud's rules apply inside its own SVG only
    assert re.search(rf"\.{faces[0]} text\{{font-family:'{faces[0]}'", page)
    assert not re.search(r"[>}]text\{", page)  # no unscoped rule for every <text> on the page


def test_bars_run_from_0_to_100_percent(html):
    page = html.read_text("utf-8")
    cells = re.findall(r'<td class="num">(\d+) \((\d+)\xa0%\)</td><td><span class="track" title="[^"]*">'
                       r'<span class="bar" style="width:([\d.]+)%', page)
    assert len(cells) >= 10
    for count, shown, width in cells:
        assert abs(float(width) - int(shown)) <= 0.5  # the bar's length is the percent itself
    assert "Stolpene går fra 0 til 100\xa0%" in page


def test_numbers_are_norwegian(html):
    page = html.read_text("utf-8")
    table = page[page.index("<th class=\"num\">Segmenter</th>"):]
    table = table[:table.index("</table>")]
    shares = re.findall(r'<td class="num">([\d,.]+)</td><td class="num">\d+ av', table)
    assert shares and all("," in share and "." not in share for share in shares)


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium not installed: run 'apt-get install chromium'")
def test_page_font_in_a_browser(html):
    """Chromium renders table headings in the page's bold font, not in a cloud's embedded subset."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.goto(html.as_uri())
        client = page.context.new_cdp_session(page)
        client.send("DOM.enable")
        client.send("CSS.enable")
        root = client.send("DOM.getDocument")["root"]["nodeId"]
        for selector in ("th", "td.num", "h1"):
            node = client.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
            fonts = client.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
            assert fonts and not any(f["isCustomFont"] for f in fonts), (selector, fonts)
        assert page.eval_on_selector("th", "e => getComputedStyle(e).fontWeight") == "700"
        cloud_text = client.send("DOM.querySelector", {"nodeId": root, "selector": "svg svg text"})["nodeId"]
        fonts = client.send("CSS.getPlatformFontsForNode", {"nodeId": cloud_text})["fonts"]
        assert any(f["isCustomFont"] for f in fonts)  # the cloud still uses its embedded font
        browser.close()


def _text(paragraph) -> str:
    """The paragraph as Word shows it, caption numbers (inside SEQ fields) included."""
    return "".join(t.text for t in paragraph._p.iter(qn("w:t")))


def _fill(cell) -> str | None:
    shading = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
    return None if shading is None else shading.get(qn("w:fill"))


def test_word_report(project, tmp_path, nlp):
    path = build_docx_report(project, tmp_path / "rapport.docx", {"elev": ELEV}, [ELEV, ERASMUS], by="skolenivå", nlp=nlp,
                             title="Utbytte av Erasmus+")
    doc = Document(str(path))
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith(("Title", "Heading"))]
    assert headings[0] == ("Title", "Utbytte av Erasmus+")
    assert ("Heading 1", "Ordskyer") in headings and ("Heading 2", "Elevenes utbytte") in headings
    assert ("Heading 1", "Intervjuer") in headings and ("Heading 3", "Sitater") in headings
    assert ("Heading 2", ERASMUS.name) in headings

    assert len(doc.inline_shapes) == 1  # the cloud, as a picture
    captions = [p for p in doc.paragraphs if p.style.name == "Caption"]
    figure = next(p for p in captions if _text(p).startswith("Figur 1: Elevenes utbytte"))
    assert "N = 6 respondenter" in _text(figure)
    assert figure._p.find(qn("w:fldSimple")).get(qn("w:instr")).split()[:2] == ["SEQ", "Figur"]
    assert [_text(p).split(":")[0] for p in captions if _text(p).startswith("Tabell")] == [
        f"Tabell {i}" for i in range(1, len(doc.tables) + 1)]

    comparison = doc.tables[0]
    assert [c.text for c in comparison.rows[0].cells][1:] == ["Kategori", "grunnskole\nN\xa0=\xa04", "videregående\nN\xa0=\xa02"]
    language = next(r for r in comparison.rows if r.cells[1].text == "Språkferdigheter")
    assert _fill(language.cells[0]) == "7FBC41"
    assert [c.text for c in language.cells[2:]] == ["1 (25\xa0%)", "2 (100\xa0%)"]
    counts = doc.tables[1]
    assert [c.text for c in counts.rows[0].cells][1:] == ["Kategori", "Segmenter", "%", "Intervjuer"]
    assert all("," in row.cells[3].text or row.cells[3].text == "0,0" for row in counts.rows[1:])

    quotes = [p.text for p in doc.paragraphs if p.style.name == "Quote"]
    assert any(q.startswith("«De ble mye tryggere på å snakke engelsk") and "(lærer, videregående skole)" in q for q in quotes)
    assert any("(rektor, barneskole)" in q for q in quotes)


def test_report_command_writes_word_and_validates_the_format(project, tmp_path):
    runner = CliRunner()
    out = tmp_path / "rapport.docx"
    result = runner.invoke(app, ["report", project.location, "--format", "docx", "--out", str(out),
                                 "--cloud", f"elev={ROOT / 'codebooks' / 'elevutbytte.yaml'}",
                                 "--codebook", str(ROOT / "codebooks" / "elevutbytte.yaml")])
    assert result.exit_code == 0, result.output
    assert Document(str(out)).inline_shapes
    wrong = runner.invoke(app, ["report", project.location, "--format", "pdf", "--out", str(tmp_path / "x")])
    assert wrong.exit_code != 0 and "html" in wrong.output and "docx" in wrong.output
