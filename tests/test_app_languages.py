"""Every page of the review app in both languages: no string of the other language, and a switch
of language keeps every choice the analyst made.

The pages run in Streamlit's AppTest on a real project (an interview and a survey, coded).
Every rendered element is read back as text (its protobuf message), so labels, options,
captions, metrics, HTML and help texts are all checked.
"""

from __future__ import annotations

import re
import shutil

import pytest
from google.protobuf import text_format

from qualcode.app import HOME
from qualcode.app.common import TEXT as APP_TEXT
from qualcode.app.login import TEXT as LOGIN_TEXT
from qualcode.ingest import ingest_files
from qualcode.store import Project
from qualcode.tagging import load_codebook
from qualcode.tagging.apply import code_project
from tests.conftest import ROOT

TEXT = {language: {**APP_TEXT[language], **{f"login_{k}": v for k, v in LOGIN_TEXT[language].items()}}
        for language in ("nb", "en")}
AppTest = pytest.importorskip("streamlit.testing.v1").AppTest
APP = HOME.parent.parent  # qualcode/app/, where the pages are
PAGES = ["Hjem.py", "pages/1_Gjennomgang.py", "pages/2_Dokument.py", "pages/3_Kodebok.py", "pages/4_Ordsky.py",
         "pages/5_Brukere.py"]

TRANSCRIPT = """---
rolle: lærer
skoletype: videregående skole
skolenivå: videregående
---
I: Hva fikk elevene ut av utvekslingen?
Lærer: Elevene fikk nye venner og ble mye flinkere i engelsk. De lærte også om klima og bærekraft.
Lærer: De ble tryggere på seg selv og fikk god selvtillit.
"""
SURVEY = "id;skolenivå;ord1;ord2\nR1;videregående;engelsk;vennskap\nR2;grunnskole;vennskap;glede\nR3;grunnskole;mestring;\n"


@pytest.fixture(scope="module")
def project(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("sprak")
    (folder / "intervju.md").write_text(TRANSCRIPT, encoding="utf-8")
    (folder / "svar.csv").write_text(SURVEY, encoding="utf-8")
    shutil.copy(ROOT / "codebooks" / "elevutbytte.yaml", folder / "elevutbytte.yaml")
    proj = Project.create(folder / "p.qualcode")
    ingest_files(proj, [folder / "intervju.md", folder / "svar.csv"],
                 survey={"id_column": "id", "open_columns": ["elev_ord=ord1,ord2"]})
    code_project(proj, load_codebook(folder / "elevutbytte.yaml"), nlp)
    return proj, folder


@pytest.fixture(autouse=True)
def opened(project, monkeypatch):
    monkeypatch.setenv("QUALCODE_PROJECT", str(project[0].location))


def rendered(at) -> str:
    """All text the run put on screen, main area and sidebar."""
    parts = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            message = text_format.MessageToString(proto, as_utf8=True)
            parts.append(re.sub(r'^\s*\w*id: ".*"$', "", message, flags=re.M))  # widget ids hold their keys
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return "\n".join(parts)


def fragments(text: str) -> set[str]:
    """The fixed pieces of an interface string (placeholders like {count} cut out)."""
    return {piece.strip(" :·,.()") for piece in re.split(r"\{[^}]*\}", text) if len(piece.strip(" :·,.()")) >= 5}


def foreign(language: str, data: str) -> set[str]:
    """Strings of the other language that this language's interface must not show."""
    other = "en" if language == "nb" else "nb"
    own = " ".join(TEXT[language].values())
    return {piece for key, value in TEXT[other].items() if value != TEXT[language].get(key)
            for piece in fragments(value) if piece not in own and piece not in data}


def run(page: str, **state):
    at = AppTest.from_file(str(APP / page), default_timeout=60)
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


@pytest.mark.parametrize("language", ["nb", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_speaks_one_language(project, page, language):
    _, folder = project
    data = TRANSCRIPT + SURVEY + (folder / "elevutbytte.yaml").read_text(encoding="utf-8")
    at = run(page, coder="Kari", codebook="elevutbytte", lang=language)
    assert not at.exception, at.exception
    screen = re.sub(r'href=\\?"[^"\\]*\\?"', "", rendered(at))  # URL paths are the same in both languages
    assert TEXT[language][{"Hjem.py": "start", "pages/1_Gjennomgang.py": "review", "pages/2_Dokument.py": "document_view",
                           "pages/3_Kodebok.py": "codebook_view", "pages/4_Ordsky.py": "clouds",
                           "pages/5_Brukere.py": "users"}[page]] in screen
    shown = sorted(piece for piece in foreign(language, data) if piece in screen)
    assert shown == [], f"{page} in {language} shows: {shown}"
    for raw in ("compound_terms", "terms:", "exclude:", "phrases:"):  # codebook YAML keys are not interface text
        assert raw not in screen


def test_switching_language_keeps_every_choice(project):
    at = run("pages/1_Gjennomgang.py", coder="Kari", codebook="elevutbytte")
    at.selectbox(key="f_status").select_index(3).run()  # "Alle"
    at.selectbox(key="f_category").select("sosial_inkludering").run()
    at.selectbox(key="f_source").select("auto").run()
    at.radio(key="f_order").set_value("score").run()
    at.text_input(key="f_meta").input("skolenivå=videregående").run()
    segment = at.query_params["segment"]
    at.radio(key="lang_choice").set_value("en").run()
    assert not at.exception
    status = at.selectbox(key="f_status__en")
    assert status.value is None and status.options == ["suggested", "accepted", "rejected", "All"]
    assert at.selectbox(key="f_category__en").value == "sosial_inkludering"
    assert at.selectbox(key="f_source__en").value == "auto" and "rule" in at.selectbox(key="f_source__en").options
    assert at.radio(key="f_order__en").value == "score"
    assert at.text_input(key="f_meta__en").value == "skolenivå=videregående"
    assert at.query_params["segment"] == segment and at.title[0].value == "Review"
    at.radio(key="lang_choice").set_value("nb").run()
    assert at.radio(key="f_order").value == "score" and at.selectbox(key="f_category").value == "sosial_inkludering"


def test_the_menu_names_each_page_as_its_title(project):
    """One name per page: the entry point's menu uses the same words as the page titles."""
    source = HOME.read_text(encoding="utf-8")
    for page in PAGES:
        assert page in source
    at = AppTest.from_file(str(HOME), default_timeout=60)
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception and at.title[0].value == "Home"
