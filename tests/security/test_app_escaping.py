"""Every app page shows text from files as typed: no HTML, no Markdown image, no CSS from a label, name or metadata."""

from __future__ import annotations

import csv
import re

import pytest
import yaml
from sqlalchemy import update

from qualcode.app import HOME
from qualcode.ingest import ingest_files
from qualcode.store import Project, schema
from qualcode.tagging import load_codebook
from qualcode.tagging.apply import code_project
from tests.conftest import ROOT

AppTest = pytest.importorskip("streamlit.testing.v1").AppTest
APP = HOME.parent.parent  # qualcode/app/ (HOME is the menu script in qualcode/app/menu/)

EVIL = "http://evil.example"
LABEL = f'<img src="{EVIL}/l.png"><a href="{EVIL}">lenke</a><style>body{{display:none}}</style> ![m]({EVIL}/m.png)'
META = f"![m]({EVIL}/meta.png) <img src={EVIL}/meta2.png>"
TEXT = f"""---
rolle: "{META}"
skoletype: "<b>videregående</b> [klikk]({EVIL})"
---
I: Hva lærte elevene?
Lærer: Elevene fikk nye venner og ble flinkere i engelsk <img src={EVIL}/t.png> ![x]({EVIL}/x.png).
"""
HTML_MARKERS = ("<img", f'<a href="{EVIL}', "<style", "url(")  # live HTML or CSS from a file
MARKDOWN_MARKERS = HTML_MARKERS + ("![", "](http")  # and, where Markdown is rendered, live images and links


@pytest.fixture()
def project(tmp_path, blank_nlp, monkeypatch):
    book = yaml.safe_load((ROOT / "codebooks" / "elevutbytte.yaml").read_text(encoding="utf-8"))
    book["categories"][1]["label"] = LABEL
    book["categories"][1]["description"] = f"Se ![m]({EVIL}/d.png) og <img src={EVIL}/d2.png>"
    codebook_file = tmp_path / "elevutbytte.yaml"
    codebook_file.write_text(yaml.safe_dump(book, allow_unicode=True), encoding="utf-8")
    name = tmp_path / "![m](http:evil.example)<img src=x>.md"
    name.write_text(TEXT, encoding="utf-8")
    with (tmp_path / "svar.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([["id", "skolenivå", "ord1"], ["R1", META, "engelsk"],
                                                     ["R2", "grunnskole", f"<img src={EVIL}/s.png> vennskap"]])
    proj = Project.create(tmp_path / "p.qualcode")
    ingest_files(proj, [name, tmp_path / "svar.csv"],
                 survey={"id_column": "id", "meta": ["skolenivå"], "open_columns": ["elev=ord1"]})
    code_project(proj, load_codebook(codebook_file), blank_nlp)
    with proj.transaction() as conn:  # a crafted project file: a colour that would fetch through CSS
        conn.execute(update(schema.categories).where(schema.categories.c.key == "sprakferdigheter")
                     .values(color=f"red;background-image:url({EVIL}/c.png)"))
    monkeypatch.setenv("QUALCODE_PROJECT", str(proj.location))
    return proj


def _run(page: str) -> AppTest:
    at = AppTest.from_file(str(APP / page), default_timeout=90)
    at.session_state["coder"] = "Kari"
    at.session_state["codebook"] = "elevutbytte"
    return at.run()


def _shown(at: AppTest) -> tuple[list[str], list[str]]:
    """(Markdown bodies, HTML bodies) of everything the page rendered."""
    markdown = [e.value for kind in ("markdown", "caption", "warning", "success", "info", "error")
                for e in at.get(kind)]
    markdown += [e.label for e in at.expander]
    return markdown, [e.proto.body for e in at.get("html")]


def _assert_inert(at: AppTest) -> None:
    assert not at.exception, at.exception
    markdown, html = _shown(at)
    for body in markdown:
        for marker in MARKDOWN_MARKERS:  # in Markdown, "\<img" is the text "<img": only unescaped ones count
            assert not re.search(r"(?<!\\)" + re.escape(marker), body), (marker, body)
    for body in html:
        for marker in HTML_MARKERS:
            assert marker not in body, (marker, body)


@pytest.mark.parametrize("page", ["Hjem.py", "pages/1_Gjennomgang.py", "pages/2_Dokument.py", "pages/3_Kodebok.py",
                                  "pages/4_Ordsky.py"])
def test_page_shows_hostile_labels_names_metadata_and_text_as_typed(project, page):
    at = _run(page)
    _assert_inert(at)
    markdown, html = _shown(at)
    shown = " ".join(markdown + html)
    if page == "Hjem.py":
        assert "&lt;img src=&quot;http://evil.example/l.png&quot;&gt;" in shown  # the label, as typed
    if page == "pages/1_Gjennomgang.py":
        assert "\\!\\[m\\]" in shown  # metadata or document name escaped for Markdown
    if page == "pages/3_Kodebok.py":
        assert any("\\<img" in label for label in (e.label for e in at.expander))


def test_review_of_the_survey_answer_is_inert(project):
    at = _run("pages/1_Gjennomgang.py")
    at.selectbox(key="f_document").select_index(2).run()  # the survey
    _assert_inert(at)
