"""The review app, page by page, with Streamlit's AppTest on a real project (no browser)."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import select

from qualcode.app import HOME
from qualcode.ingest import ingest_files
from qualcode.store import Project, schema
from qualcode.tagging import load_codebook
from qualcode.tagging.apply import code_project
from tests.conftest import ROOT

AppTest = pytest.importorskip("streamlit.testing.v1").AppTest
APP = HOME.parent.parent  # the pages ship inside the package: qualcode/app/

TRANSCRIPT = """---
rolle: lærer
skoletype: videregående skole
skolenivå: videregående
---
I: Hva fikk elevene ut av utvekslingen?
Lærer: Elevene fikk nye venner og ble mye flinkere i engelsk.
I: Noe mer?
Lærer: En elev skrev <script>alert(1)</script> og **fet skrift** i chatten, og de lærte om klima og bærekraft.
Lærer: De ble tryggere på seg selv og fikk god selvtillit.
"""


@pytest.fixture()
def project(tmp_path, nlp, monkeypatch, project_location):
    """A coded project; then its codebook file is deleted and the app runs in an empty folder:
    the project is the whole project, and no page reads a path relative to where it runs."""
    files = tmp_path / "filer"
    files.mkdir()
    (files / "intervju.md").write_text(TRANSCRIPT, encoding="utf-8")
    codebook_file = files / "elevutbytte.yaml"
    shutil.copy(ROOT / "codebooks" / "elevutbytte.yaml", codebook_file)
    proj = Project.create(project_location)
    ingest_files(proj, [files / "intervju.md"])
    code_project(proj, load_codebook(codebook_file), nlp)
    codebook_file.unlink()
    (tmp_path / "tom").mkdir()
    monkeypatch.chdir(tmp_path / "tom")
    monkeypatch.setenv("QUALCODE_PROJECT", str(project_location))
    return proj


def assert_clean(at: AppTest) -> None:
    """No exception and no complaint about something missing."""
    assert not at.exception
    shown = [e.value for e in [*at.warning, *at.error]]
    assert not [m for m in shown if any(w in m.lower() for w in ("not found", "finnes ikke", "ikke funnet", "no such"))], shown


def run(page: str, **state) -> AppTest:
    at = AppTest.from_file(str(APP / page), default_timeout=60)
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def codings(project):
    c, cat = schema.codings, schema.categories
    with project.read() as conn:
        return conn.execute(select(c.c.id, c.c.status, c.c.coder, c.c.source, cat.c.key, c.c.segment_id)
                            .join(cat, cat.c.id == c.c.category_id).order_by(c.c.id)).all()


def test_start_page_sets_coder_and_shows_overview(project):
    at = run("Hjem.py")
    assert not at.exception
    at.text_input(key="coder_input").input("Kari").run()
    assert at.session_state["coder"] == "Kari" and at.session_state["codebook"] == "elevutbytte"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Dokumenter"] == "1" and metrics["Gjennomgått"] == "0\xa0%"
    assert "Sosial inkludering" in " ".join(h.proto.body for h in at.html)


def test_english_interface(project):
    at = run("Hjem.py", lang="en")
    assert at.title[0].value == "Home" and any(m.label == "Documents" for m in at.metric)


def test_pages_ask_for_a_coder_first(project):
    at = run("pages/1_Gjennomgang.py")
    assert "Velg kodernavn" in at.info[0].value


def test_review_accept_reject_change_saved_at_once(project):
    at = run("pages/1_Gjennomgang.py", coder="Kari", codebook="elevutbytte")
    assert not at.exception
    before = {row.id: row.status for row in codings(project)}
    first, second = [k for k in before][:2]
    at.button(key=f"accept_{first}").click().run()
    at.button(key=f"reject_{second}").click().run()
    after = {row.id: (row.status, row.coder) for row in codings(project)}
    assert after[first] == ("accepted", "Kari") and after[second] == ("rejected", "Kari")
    with project.read() as conn:
        log = conn.execute(select(schema.decisions.c.action, schema.decisions.c.coder)).all()
    assert [tuple(x) for x in log] == [("accept", "Kari"), ("reject", "Kari")]
    # A second session (a reload, another tab) sees the same decisions.
    again = run("pages/1_Gjennomgang.py", coder="Ola", codebook="elevutbytte", f_status=None)
    assert any(b.key == f"reset_{first}" for b in again.button)


def test_change_category_and_manual_code_and_memo(project):
    at = run("pages/1_Gjennomgang.py", coder="Kari", codebook="elevutbytte")
    rows = codings(project)
    target = rows[0]
    other = "medborgerskap" if target.key != "medborgerskap" else "sprakferdigheter"
    at.selectbox(key=f"change_{target.id}").select(other).run()
    after = codings(project)
    assert any(r.id == target.id and r.status == "rejected" for r in after)
    assert any(r.source == "manual" and r.key == other and r.coder == "Kari" for r in after)
    segment = target.segment_id
    at = run("pages/1_Gjennomgang.py", coder="Kari", codebook="elevutbytte", f_status=None)
    at.text_input(key=f"excerpt_{segment}").input("nye venner").run()
    at.selectbox(key=f"new_cat_{segment}").select("sosial_inkludering").run()
    at.button(key=f"add_{segment}").click().run()
    manual = [r for r in codings(project) if r.source == "manual" and r.key == "sosial_inkludering"]
    assert manual and manual[0].coder == "Kari"
    at.text_area(key=f"memo_{segment}").input("Godt sitat om vennskap.").run()
    at.button(key=f"save_memo_{segment}").click().run()
    with project.read() as conn:
        assert conn.execute(select(schema.memos.c.text, schema.memos.c.coder)).first() == ("Godt sitat om vennskap.", "Kari")


def test_text_is_shown_as_typed(project):
    at = run("pages/1_Gjennomgang.py", coder="Kari", codebook="elevutbytte", f_category="medborgerskap")
    segment = next(h.proto.body for h in at.html if 'class="segment"' in h.proto.body)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in segment and "<script>" not in segment
    assert "**fet skrift**" in segment and "<strong>" not in segment


def test_filters_and_order(project):
    at = run("pages/1_Gjennomgang.py", coder="Kari", codebook="elevutbytte", f_meta="skolenivå=grunnskole")
    assert at.info and "Ingen segmenter" in at.info[0].value
    at = run("pages/1_Gjennomgang.py", coder="Kari", codebook="elevutbytte", f_order="score")
    assert not at.exception


def test_document_view_colours_and_links(project):
    at = run("pages/2_Dokument.py", coder="Kari", codebook="elevutbytte")
    body = " ".join(h.proto.body for h in at.html)
    assert "<mark" in body and "#7FBC41" in body and "Gjennomgang?segment=" in body


@pytest.mark.parametrize("page", ["Hjem.py", "pages/1_Gjennomgang.py", "pages/2_Dokument.py", "pages/3_Kodebok.py",
                                  "pages/4_Ordsky.py", "pages/5_Brukere.py"])
def test_every_page_runs_anywhere_without_the_codebook_file(project, page):
    assert_clean(run(page, coder="Kari", codebook="elevutbytte"))


def test_codebook_view_adds_a_term_recodes_and_undoes(project):
    from qualcode.store.codebooks import stored_codebook, versions

    original = stored_codebook(project, "elevutbytte").text
    chat_segment = next(r.segment_id for r in codings(project) if r.key == "medborgerskap")  # "… i chatten, … klima"
    at = run("pages/3_Kodebok.py", coder="Kari", codebook="elevutbytte")
    assert_clean(at)
    at.text_input(key="term_sosial_inkludering").input("chatten").run()
    at.button(key="add_sosial_inkludering").click().run()
    assert_clean(at)
    assert any("Kodet på nytt" in s.value for s in at.success)
    stored = stored_codebook(project, "elevutbytte")
    assert "chatten" in stored.category("sosial_inkludering").terms
    assert (chat_segment, "sosial_inkludering") in {(r.segment_id, r.key) for r in codings(project)}  # re-coded
    exported = stored.text  # what the download button and 'qualcode codebook export' hand out
    comments = [line for line in original.splitlines() if line.strip().startswith("#")]
    assert comments and all(line in exported.splitlines() for line in comments)
    assert "      - chatten" in exported.splitlines()
    assert [(v.author, v.action) for v in versions(project, "elevutbytte")][-1] == ("Kari", "app")

    at.button(key="undo").click().run()
    assert_clean(at)
    assert stored_codebook(project, "elevutbytte").text == original
    assert (chat_segment, "sosial_inkludering") not in {(r.segment_id, r.key) for r in codings(project)}
    assert versions(project, "elevutbytte")[-1].action == "undo"  # the history keeps the edit and its undo


def test_codebook_view_moves_describes_and_excludes(project):
    from qualcode.store.codebooks import stored_codebook

    at = run("pages/3_Kodebok.py", coder="Kari", codebook="elevutbytte")
    at.selectbox(key="existing_personlig_utvikling").select(("terms", "selvtillit")).run()
    at.selectbox(key="target_personlig_utvikling").select("sosial_inkludering").run()
    at.button(key="move_personlig_utvikling").click().run()
    at.text_input(key="term_sprakferdigheter").input("engelsklærerne").run()
    at.selectbox(key="kind_sprakferdigheter").select("exclude").run()
    at.button(key="add_sprakferdigheter").click().run()
    at.text_area(key="description_medborgerskap").input("Demokrati og klima.").run()
    at.button(key="describe_medborgerskap").click().run()
    assert_clean(at)
    book = stored_codebook(project, "elevutbytte")
    assert "selvtillit" in book.category("sosial_inkludering").terms
    assert "selvtillit" not in book.category("personlig_utvikling").terms
    assert "engelsklærerne" in book.category("sprakferdigheter").exclude
    assert book.category("medborgerskap").description == "Demokrati og klima."


def test_cloud_page(project, tmp_path):
    at = run("pages/4_Ordsky.py", coder="Kari", codebook="elevutbytte")
    assert not at.exception
    assert "spørreundersøkelse" in at.info[0].value  # this project has interviews only


def test_undo_a_decision(project):
    at = run("pages/1_Gjennomgang.py", coder="Kari", codebook="elevutbytte")
    first = codings(project)[0].id
    at.button(key=f"accept_{first}").click().run()
    at.button(key=f"reset_{first}").click().run()
    assert {r.id: r.status for r in codings(project)}[first] == "suggested"
    with project.read() as conn:
        actions = [a for (a,) in conn.execute(select(schema.decisions.c.action).order_by(schema.decisions.c.id))]
    assert actions == ["accept", "reset"]  # the log keeps both steps


def test_codebook_view_removes_a_term_and_recodes(project):
    from qualcode.store.codebooks import stored_codebook

    at = run("pages/3_Kodebok.py", coder="Kari", codebook="elevutbytte")
    at.selectbox(key="existing_personlig_utvikling").select(("terms", "selvtillit")).run()
    at.button(key="remove_personlig_utvikling").click().run()
    assert "selvtillit" not in stored_codebook(project, "elevutbytte").category("personlig_utvikling").terms
    assert any("Kodet på nytt" in s.value for s in at.success)


def test_cloud_page_with_a_survey(tmp_path, nlp, monkeypatch):
    (tmp_path / "svar.csv").write_text("id;skolenivå;ord1;ord2\nR1;grunnskole;engelsk;vennskap\n"
                                       "R2;videregående;venner;glede\nR3;grunnskole;mestring;klima\n", encoding="utf-8")
    codebook_file = tmp_path / "elevutbytte.yaml"
    shutil.copy(ROOT / "codebooks" / "elevutbytte.yaml", codebook_file)
    proj = Project.create(tmp_path / "sky.qualcode")
    ingest_files(proj, [tmp_path / "svar.csv"], survey={"id_column": "id", "open_columns": ["elev=ord1,ord2"]})
    code_project(proj, load_codebook(codebook_file), nlp)
    monkeypatch.setenv("QUALCODE_PROJECT", str(tmp_path / "sky.qualcode"))
    at = run("pages/4_Ordsky.py", coder="Kari", codebook="elevutbytte")
    assert not at.exception and len(at.get("image")) == 1 and not at.dataframe  # nothing to compare by yet
    # The question's settings are stored in the project from the page, and used at once.
    from qualcode.store.questions import question_settings

    at.text_input(key="q_title_elev").input("Elevenes utbytte")
    at.selectbox(key="q_by_elev").select("skolenivå")
    at.button(key="q_save_elev").click().run()
    assert_clean(at)
    table = at.dataframe[0].value
    assert list(table.columns) == ["Kategori", "grunnskole (N = 2)", "videregående (N = 1)"]
    assert question_settings(proj)["elev"].heading == "Elevenes utbytte"


def test_review_by_uncertainty_shows_model_suggestions_as_such(project):
    from qualcode.assist import suggest_codes, train_model, uncertainty_queue
    from qualcode.review.queue import QueueFilter, queue

    at = run("pages/1_Gjennomgang.py", coder="Kari", codebook="elevutbytte")
    at.radio(key="f_order").set_value("uncertainty").run()
    assert not at.exception and "Ingen modell er trent ennå" in at.info[0].value  # falls back to lowest score first
    codebook = load_codebook(ROOT / "codebooks" / "elevutbytte.yaml")
    train_model(project, codebook)
    suggest_codes(project, codebook, threshold=0.05)  # a low bar, so this short interview gets model suggestions
    most_uncertain = next(item for item in uncertainty_queue(project, codebook) if item.source == "model")
    expected = queue(project, QueueFilter("elevutbytte", source="model", order="uncertainty"))
    assert expected[0] == most_uncertain.segment_id and expected != sorted(expected)  # not document order
    at = run("pages/1_Gjennomgang.py", coder="Kari", codebook="elevutbytte")
    at.radio(key="f_order").set_value("uncertainty").run()
    at.selectbox(key="f_source").select("model").run()
    assert not at.exception and not at.info
    shown = [int(at.query_params["segment"])]
    for _ in expected[1:]:
        at.button(key="next").click().run()
        shown.append(int(at.query_params["segment"]))
    assert shown == expected  # the model's closest call first, then the next closest
    assert at.button(key="next").disabled  # the end of the model's suggestions
    lines = [h.proto.body for h in at.html if "source-model" in h.proto.body]
    assert lines and all("modellforslag</span> · sannsynlighet" in line for line in lines)
    at = run("pages/1_Gjennomgang.py", coder="Kari", codebook="elevutbytte", f_order="uncertainty", f_source="model")
    lines = [h.proto.body for h in at.html if "source-model" in h.proto.body]
    label = f"modellforslag</span> · sannsynlighet\xa0{most_uncertain.probability * 100:.0f}\xa0%"  # never wraps the "%" alone
    assert any(label in line for line in lines)
