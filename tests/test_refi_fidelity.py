"""REFI-QDA fidelity with real clients (issue: every coder, every offset, every memo, both ways).

What a client such as QualCoder does with a file is simulated by rewriting the ``.qdpx`` the way
the client was seen to: it gives every coding in a selection the selection's ``creatingUser``
and keeps one coding per code, span and user; it normalises line ends; it reads a coding's memo
from the selection's ``Description``; it snaps colours to its palette, writes a byte-order mark
and its own attribute order. The texts are real Norwegian sentences, with an emoji outside the
Basic Multilingual Plane and an å written as a + combining ring (NFD).
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import select, update
from typer.testing import CliRunner

from qualcode.cli import app, commands  # noqa: F401  (registers the workflow commands)
from qualcode.exchange import ExchangeError, export_qdpx, import_refi
from qualcode.ingest import ingest_files
from qualcode.review import accept, add_manual_coding, add_memo
from qualcode.store import Project, schema
from qualcode.store.line_ends import LineEnds
from qualcode.store.migrations import MIGRATIONS
from qualcode.tagging.apply import code_project
from tests.conftest import ENGINES, location_for
from tests.exchange_data import ELEV, build_project, category_ids, copy_project, segments, snapshot
from tests.test_exchange_refi import NS, coded_texts, codings, qde, source_texts, xsd

runner = CliRunner()
Q = "{urn:QDA-XML:project:1.0}"


def rewrite(source: Path, target: Path, edit: Callable[[etree._Element], None] | None = None, *,
            bom: bool = False, prefix: str | None = None, reorder: bool = False, source_bom: bool = False) -> Path:
    """``source`` as a client writes it back: ``edit`` applied to project.qde, then optionally a
    byte-order mark, a namespace prefix instead of the default namespace, attributes in reverse
    order. The sources are copied as they are, or with a byte-order mark (``source_bom``)."""
    with zipfile.ZipFile(source) as archive:
        root = etree.fromstring(archive.read("project.qde"))
        files = {name: archive.read(name) for name in archive.namelist() if name != "project.qde"}
    if edit is not None:
        edit(root)
    if reorder:
        for element in root.iter():
            items = list(element.attrib.items())
            element.attrib.clear()
            for key, value in reversed(items):
                element.set(key, value)
    if prefix is not None:  # the same namespace, bound to a prefix: <qda:Project xmlns:qda="…">
        prefixed = etree.Element(root.tag, nsmap={prefix: NS["q"]})
        prefixed.attrib.update(root.attrib)
        prefixed.extend(list(root))
        root = prefixed
        etree.cleanup_namespaces(root)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("project.qde", (b"\xef\xbb\xbf" if bom else b"") + data)
        for name, content in files.items():
            archive.writestr(name, (b"\xef\xbb\xbf" if source_bom else b"") + content)
    return target


def client_rows(path: Path) -> list[tuple[str, str, int, int, str]]:
    """The codings as QualCoder loads them: each with its selection's creatingUser, one per code,
    source, span and user (a second one is "Duplicated text coding for code and coder")."""
    root = qde(path)
    rows = []
    for ts in root.iter(f"{Q}TextSource"):
        for sel in ts.findall("q:PlainTextSelection", NS):
            for coding in sel.findall("q:Coding", NS):
                rows.append((ts.get("guid"), coding.find("q:CodeRef", NS).get("targetGUID"),
                             int(sel.get("startPosition")), int(sel.get("endPosition")),
                             sel.get("creatingUser") or coding.get("creatingUser")))
    return rows


@pytest.fixture(scope="module")
def project(tmp_path_factory, blank_nlp):
    return build_project(tmp_path_factory.mktemp("fidelity"), blank_nlp)


@pytest.fixture(scope="module")
def exported(project, tmp_path_factory):
    return export_qdpx(project, tmp_path_factory.mktemp("ut") / "evaluering.qdpx")


# -- 1. one selection per coder ---------------------------------------------------------------

def test_two_coders_on_one_span_get_one_selection_each_and_both_come_back(project, exported, tmp_path):
    root = qde(exported.path)
    users = {u.get("guid"): u.get("name") for u in root.iter(f"{Q}User")}
    for sel in root.iter(f"{Q}PlainTextSelection"):
        assert {c.get("creatingUser") for c in sel.findall("q:Coding", NS)} <= {sel.get("creatingUser")}
    rektor = source_texts(exported.path)["01_rektor.txt"]
    elevene = [sel for sel in root.iter(f"{Q}PlainTextSelection")
               if rektor[int(sel.get("startPosition")):].startswith("Elevene fikk nye venner")]
    assert sorted(users[sel.get("creatingUser")] for sel in elevene) == ["AB", "TH"]  # both coded the sentence
    # What a client keeps is every coding qualcode wrote: nothing is a duplicate for it.
    rows = client_rows(exported.path)
    assert len(rows) == len(set(rows)) == 18
    assert {(r[2], r[3], users[r[4]]) for r in rows} == {(c[2], c[3], c[4]) for c in codings(exported.path)}
    fresh = Project.create(tmp_path / "tilbake.qualcode")
    import_refi(fresh, exported.path)
    found = coded_texts(fresh)
    sentence = next(t for t, label, _ in found if t.startswith("Elevene fikk nye venner"))
    assert {(sentence, "Språkferdigheter", "TH"), (sentence, "Språkferdigheter", "AB")} <= found


# -- 3. memos in Description and as notes -----------------------------------------------------

MEMO = "Tydelig om engelsk – Kari Nordmann sier det samme."


def _memos(project: Project) -> list[tuple[str, str, str | None]]:
    """(memo text, author, what it is on: coding coder / segment / document / project)."""
    m, c = schema.memos, schema.codings
    with project.read() as conn:
        rows = conn.execute(select(m.c.text, m.c.coder, m.c.coding_id, m.c.segment_id, m.c.document_id, c.c.coder.label("by"))
                            .outerjoin(c, c.c.id == m.c.coding_id)).all()
    return sorted((r.text, r.coder, f"coding by {r.by}" if r.coding_id else "segment" if r.segment_id
                   else "document" if r.document_id else "project") for r in rows)


def test_coding_memo_is_a_note_and_the_selections_description(exported):
    root = qde(exported.path)
    notes = {n.get("guid"): n.find("q:PlainTextContent", NS).text for n in root.iter(f"{Q}Note")}
    described = [sel for sel in root.iter(f"{Q}PlainTextSelection") if sel.find("q:Description", NS) is not None]
    assert [sel.find("q:Description", NS).text for sel in described] == [MEMO]
    users = {u.get("guid"): u.get("name") for u in root.iter(f"{Q}User")}
    sel = described[0]
    assert users[sel.get("creatingUser")] == "TH"  # the memo author's selection
    refs = [ref.get("targetGUID") for ref in sel.findall("q:Coding/q:NoteRef", NS)]
    assert [notes[r] for r in refs] == [MEMO]


@pytest.mark.parametrize("keep", ["description", "note", "both"])
def test_import_reads_a_coding_memo_from_either_place(exported, tmp_path, keep):
    def edit(root):
        for sel in root.iter(f"{Q}PlainTextSelection"):
            for element in list(sel.findall("q:Description", NS)) if keep == "note" else []:
                sel.remove(element)
            for coding in sel.findall("q:Coding", NS) if keep == "description" else []:
                for ref in coding.findall("q:NoteRef", NS):  # a client that keeps no notes on codings
                    coding.remove(ref)
                    note = next(n for n in root.iter(f"{Q}Note") if n.get("guid") == ref.get("targetGUID"))
                    note.getparent().remove(note)

    path = rewrite(exported.path, tmp_path / f"{keep}.qdpx", edit)
    fresh = Project.create(tmp_path / "memo.qualcode")
    import_refi(fresh, path)
    memos = _memos(fresh)
    assert [m for m in memos if m[0] == MEMO] == [(MEMO, "TH", "coding by TH")]  # once, on TH's coding


# -- 2. line ends: ingest, migration, survey round trip ---------------------------------------

INTERVJU = ("Intervjuer: Hva betydde utvekslingen for elevene?\n"
            "Lærer: Elevene fikk nye venner i Polen 🙂 og ble flinkere til å snakke engelsk.\n"
            "Intervjuer: Og du selv?\n"
            "Lærer: Jeg fikk et nettverk i Europa, og vi ble kjent med kulturen på sa\u030ammen måte.\n")
# A line break typed inside an answer, saved by Excel with Windows line ends.
SVAR = ('id;skolenivå;svar\r\n'
        'R1;videregående;"Engelsk\r\nnye venner"\r\n'
        'R2;grunnskole;"mestring\r\nglede; Engelsk\r\nkultur"\r\n'
        'R3;grunnskole;"selvtillit"\r\n')
SURVEY = {"id_column": "id", "meta": ["skolenivå"], "open_columns": ["elev=svar"]}


def test_offsets_move_with_the_line_ends_even_for_spans_that_touch_a_break():
    text = "Engelsk\r\nnye venner\rglede"  # Windows and old Mac line ends
    ends = LineEnds(text)
    assert ends.text == "Engelsk\nnye venner\nglede"
    for start, end in [(0, 7), (0, 8), (0, 9), (7, 9), (8, 19), (9, 19), (19, 20), (20, 25)]:
        assert ends.text[ends.start(start):ends.end(end)] == LineEnds(text[start:end]).text, (start, end)


def _line_break_project(folder: Path, nlp, location: str | Path | None = None) -> Project:
    """An interview and a survey with breaks inside answers, coded by the tagger, accepted by TH,
    coded by hand by AB after a break, with a memo."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "intervju.txt").write_text(INTERVJU, encoding="utf-8")
    (folder / "svar.csv").write_bytes(SVAR.encode("utf-8"))
    project = Project.create(location or folder / "linjer.qualcode")
    ingest_files(project, [folder / "intervju.txt", folder / "svar.csv"], survey=SURVEY)
    code_project(project, ELEV, nlp)
    c = schema.codings
    with project.read() as conn:
        ids = list(conn.execute(select(c.c.id).order_by(c.c.id)).scalars())
    for coding_id in ids[::2]:
        accept(project, coding_id, "TH")
    glede = next(seg for seg in segments(project, "svar.csv") if seg.text == "glede")
    manual = add_manual_coding(project, glede.id, category_ids(project)["personlig_utvikling"], "AB")
    add_memo(project, "AB", "Glede etter et linjeskift.", coding_id=manual)
    return project


def _stored_codings(project: Project) -> list:
    """(coding id, its document's text, start, end) as stored."""
    c, s, d = schema.codings, schema.segments, schema.documents
    with project.read() as conn:
        return conn.execute(select(c.c.id, d.c.text, c.c.start, c.c.end).join(s, s.c.id == c.c.segment_id)
                            .join(d, d.c.id == s.c.document_id)).all()


def _coded_by_id(project: Project) -> dict[int, str]:
    return {i: text[start:end] for i, text, start, end in _stored_codings(project)}


def test_a_line_break_inside_a_survey_answer_is_stored_as_newline(tmp_path, blank_nlp):
    project = _line_break_project(tmp_path / "ny", blank_nlp)
    with project.read() as conn:
        texts = dict(conn.execute(select(schema.documents.c.name, schema.documents.c.text)).all())
        words = conn.execute(select(schema.segments.c.text).where(schema.segments.c.level == "word")).scalars().all()
    assert "\r" not in "".join(texts.values())
    assert "Engelsk\nnye venner" in texts["svar.csv"]
    assert {"Engelsk", "nye venner", "mestring", "glede", "kultur"} <= set(words)
    assert all(text == text.strip() for text in _coded_by_id(project).values())


@pytest.mark.parametrize("engine", ENGINES)
def test_survey_with_windows_line_breaks_keeps_every_coding_through_export_and_import(tmp_path, blank_nlp, engine,
                                                                                     request):
    project = _line_break_project(tmp_path / "runde", blank_nlp, location_for(engine, tmp_path / "r.qualcode", request))
    out = export_qdpx(project, tmp_path / "linjer.qdpx")
    assert xsd("Project.xsd").validate(qde(out.path))
    texts = source_texts(out.path)
    survey = texts["svar.csv"]
    root = qde(out.path)
    source = next(ts for ts in root.iter(f"{Q}TextSource") if ts.get("name") == "svar.csv")
    # A client normalises line ends; the offsets must still find the words after each break.
    client_text = survey.replace("\r\n", "\n").replace("\r", "\n")
    assert client_text == survey
    coded = {client_text[int(s.get("startPosition")):int(s.get("endPosition"))]
             for s in source.findall("q:PlainTextSelection", NS) if s.findall("q:Coding", NS)}
    assert {"Engelsk", "glede", "mestring"} <= coded and "ngelsk" not in coded
    fresh = Project.create(location_for(engine, tmp_path / "fra_fil.qualcode", request))
    import_refi(fresh, out.path)
    assert coded_texts(fresh) == coded_texts(project)  # the same words, codes and coders (None: a suggestion)


def _age(project: Project) -> dict[int, str]:
    """Turn a project's data into what an older qualcode stored: every ``\\n`` stored as ``\\r\\n``,
    every offset counted in that text. Returns the texts as they were."""
    d, s, c = schema.documents, schema.segments, schema.codings
    with project.transaction() as conn:
        texts = dict(conn.execute(select(d.c.id, d.c.text)).all())

        def old(document: int, position: int) -> int:
            return position + texts[document][:position].count("\n")

        for document, text in texts.items():
            aged = text.replace("\n", "\r\n")
            conn.execute(update(d).where(d.c.id == document).values(text=aged))
            for seg in conn.execute(select(s.c.id, s.c.start, s.c.end).where(s.c.document_id == document)).all():
                start, end = old(document, seg.start), old(document, seg.end)
                conn.execute(update(s).where(s.c.id == seg.id).values(start=start, end=end, text=aged[start:end]))
            for row in conn.execute(select(c.c.id, c.c.start, c.c.end, c.c.evidence).join(s, s.c.id == c.c.segment_id)
                                    .where(s.c.document_id == document)).all():
                evidence = [[old(document, e[0]), old(document, e[1]), *e[2:]] for e in row.evidence or []]
                conn.execute(update(c).where(c.c.id == row.id).values(
                    start=old(document, row.start), end=old(document, row.end), evidence=evidence or row.evidence))
    return texts


@pytest.mark.parametrize("engine", ENGINES)
def test_migration_normalises_old_texts_and_every_coding_keeps_its_text(tmp_path, blank_nlp, engine, request):
    location = location_for(engine, tmp_path / "gammel.qualcode", request)
    project = _line_break_project(tmp_path / "gammel", blank_nlp, location)
    with project.read() as conn:
        evidence = {row.id: row.evidence for row in conn.execute(select(schema.codings.c.id, schema.codings.c.evidence))}
    before = _coded_by_id(project)
    texts = _age(project)
    assert _coded_by_id(project) == before  # the old project is consistent in itself …
    shifted = [i for i, text, start, end in _stored_codings(project)
               if text.replace("\r\n", "\n")[start:end] != before[i]]
    assert len(shifted) >= 5  # … but a client normalising its line ends would find other words
    # The step that brings such a project to the line-end schema, as Project.open runs it (later
    # migrations are left out: they ran when the project was made).
    version = next(n for n, step in MIGRATIONS.items() if step.__name__.endswith("_line_ends"))
    with project.transaction() as conn:
        MIGRATIONS[version](conn)
    project.close()
    with Project.open(location) as migrated:
        with migrated.read() as conn:
            now_texts = dict(conn.execute(select(schema.documents.c.id, schema.documents.c.text)).all())
            segs = conn.execute(select(schema.segments.c.document_id, schema.segments.c.start, schema.segments.c.end,
                                       schema.segments.c.text)).all()
            now_evidence = {row.id: row.evidence for row in conn.execute(select(schema.codings.c.id,
                                                                                 schema.codings.c.evidence))}
        assert now_texts == texts and "\r" not in "".join(now_texts.values())
        assert all(now_texts[d][start:end] == text for d, start, end, text in segs)
        assert now_evidence == evidence
        assert _coded_by_id(migrated) == before  # every coding keeps its words
        out = export_qdpx(migrated, tmp_path / "etter.qdpx")
    assert xsd("Project.xsd").validate(qde(out.path))


# -- 4. selections that do not fit: refuse, or --skip-invalid ---------------------------------

def _client_copy(exported: Path, target: Path, *, origin: str = "QualCoder 4.0", shift: bool = True) -> Path:
    """The export as a client wrote it back, one survey selection one character past the text's end."""
    def edit(root):
        root.set("origin", origin)
        survey = next(ts for ts in root.iter(f"{Q}TextSource") if ts.get("name") == "svar.csv")
        last = [s for s in survey.findall("q:PlainTextSelection", NS) if s.findall("q:Coding", NS)][-1]
        if shift:
            text = source_texts(exported)["svar.csv"]
            last.set("startPosition", str(len(text) - 4))
            last.set("endPosition", str(len(text) + 1))

    return rewrite(exported, target, edit)


def test_a_selection_past_the_end_is_refused_with_a_list_and_changes_nothing(project, exported, tmp_path):
    path = _client_copy(exported.path, tmp_path / "fra_qualcoder.qdpx")
    target = copy_project(project, tmp_path / "urørt.qualcode")
    before = snapshot(target.location)
    with pytest.raises(ExchangeError) as error:
        import_refi(target, path)
    message = str(error.value)
    text = source_texts(exported.path)["svar.csv"]
    assert f"source 'svar.csv', {len(text) - 4}–{len(text) + 1}, 'Personlig utvikling, trivsel og mestring'" in message
    assert "outside the text" in message and "--skip-invalid" in message and "fra_qualcoder.qdpx" in message
    assert snapshot(target.location) == before


def test_skip_invalid_imports_the_rest_and_names_what_it_skipped(exported, tmp_path):
    path = _client_copy(exported.path, tmp_path / "fra_qualcoder.qdpx")
    fresh = Project.create(tmp_path / "hopp.qualcode")
    report = import_refi(fresh, path, skip_invalid=True)
    text = source_texts(exported.path)["svar.csv"]
    assert report.skipped == [f"source 'svar.csv', {len(text) - 4}–{len(text) + 1}, "
                              f"'Personlig utvikling, trivsel og mestring': outside the text ({len(text)} characters)"]
    assert report.codings_added == 13 and report.suggestions_added == 4  # one of the tagger's five was skipped
    whole = Project.create(tmp_path / "hel.qualcode")
    import_refi(whole, _client_copy(exported.path, tmp_path / "hel.qdpx", shift=False))
    assert coded_texts(fresh) < coded_texts(whole) and len(coded_texts(whole) - coded_texts(fresh)) == 1


def test_skip_invalid_does_not_cover_a_damaged_qualcode_file(exported, tmp_path):
    path = _client_copy(exported.path, tmp_path / "skadet.qdpx", origin=qde(exported.path).get("origin"))
    fresh = Project.create(tmp_path / "skadet.qualcode")
    before = snapshot(fresh.location)
    with pytest.raises(ExchangeError, match="written by qualcode .*changed or damaged after the export"):
        import_refi(fresh, path, skip_invalid=True)
    assert snapshot(fresh.location) == before


def test_cli_refuses_then_skips_with_the_flag(exported, tmp_path):
    path = _client_copy(exported.path, tmp_path / "klient.qdpx")
    fresh = tmp_path / "cli.qualcode"
    Project.create(fresh).close()
    result = runner.invoke(app, ["import", str(fresh), str(path)])
    assert result.exit_code != 0 and "--skip-invalid" in result.output and "The project was not changed" in result.output
    result = runner.invoke(app, ["import", str(fresh), str(path), "--skip-invalid"])
    assert result.exit_code == 0, result.output
    assert "Skipped 1 selection that does not fit its text" in result.output
    assert "source 'svar.csv'" in result.output and "Personlig utvikling, trivsel og mestring" in result.output


# -- 5. colours through a palette-mapping client ----------------------------------------------

PALETTE = ["#FF0000", "#00FF00", "#0000FF", "#FFFF00", "#FF00FF", "#00FFFF", "#808080"]


def _snap(color: str) -> str:
    rgb = [int(color[i:i + 2], 16) for i in (1, 3, 5)]
    return min(PALETTE, key=lambda p: sum((a - int(p[i:i + 2], 16)) ** 2 for a, i in zip(rgb, (1, 3, 5))))


def _snap_colours(root: etree._Element) -> None:
    for code in root.iter(f"{Q}Code"):
        if code.get("color"):
            code.set("color", _snap(code.get("color")).lower())


def test_export_writes_the_codebooks_exact_colours(exported):
    colours = {c.get("name"): c.get("color") for c in qde(exported.path).iter(f"{Q}Code") if c.get("color")}
    assert colours == {c.label: c.color for c in ELEV.categories}


def test_palette_mapping_client_keeps_our_colours_when_codes_match_by_guid(project, exported, tmp_path):
    path = rewrite(exported.path, tmp_path / "palett.qdpx", _snap_colours)
    assert {c.get("color") for c in qde(path).iter(f"{Q}Code") if c.get("color")} <= {p.lower() for p in PALETTE}
    target = copy_project(project, tmp_path / "farger.qualcode")
    report = import_refi(target, path)
    assert report.categories_matched == len(ELEV.categories) and report.categories_added == 0
    again = export_qdpx(target, tmp_path / "igjen.qdpx")
    assert {c.get("name"): c.get("color") for c in qde(again.path).iter(f"{Q}Code") if c.get("color")} == {
        c.label: c.color for c in ELEV.categories}
    # Into a project that does not have the codes, the file's colours are the ones there are.
    fresh = Project.create(tmp_path / "ny.qualcode")
    report = import_refi(fresh, path)
    with fresh.read() as conn:
        stored = dict(conn.execute(select(schema.categories.c.label, schema.categories.c.color)).all())
    assert {stored[c.label] for c in ELEV.categories} <= set(PALETTE)
    assert stored["Språkferdigheter"] == _snap("#7FBC41")


# -- 6. the tagger's and the model's codings come back as suggestions -------------------------

def test_tagger_and_model_codings_from_a_client_come_back_as_suggestions(exported, tmp_path):
    model_user = "8d3e7c1a-5b2f-4c6d-9e8f-0a1b2c3d4e5f"

    def edit(root):
        root.set("origin", "QualCoder 4.0")
        users = root.find("q:Users", NS)
        etree.SubElement(users, f"{Q}User", guid=model_user, name="model")
        survey = next(ts for ts in root.iter(f"{Q}TextSource") if ts.get("name") == "svar.csv")
        first = [s for s in survey.findall("q:PlainTextSelection", NS) if s.findall("q:Coding", NS)][0]
        first.set("creatingUser", model_user)
        for coding in first.findall("q:Coding", NS):
            coding.set("creatingUser", model_user)

    path = rewrite(exported.path, tmp_path / "qualcoder.qdpx", edit)
    fresh = Project.create(tmp_path / "forslag.qualcode")
    report = import_refi(fresh, path)
    assert report.suggestions_added == 5 and report.codings_added == 13
    assert "tagger" not in report.coders and "model" not in report.coders
    c, d = schema.codings, schema.decisions
    with fresh.read() as conn:
        rows = conn.execute(select(c.c.source, c.c.status, c.c.coder).where(c.c.status == "suggested")).all()
        logged = conn.execute(select(d.c.coder).where(d.c.coding_id.is_not(None))).scalars().all()
    assert sorted(r.source for r in rows) == ["auto"] * 4 + ["model"] and {r.coder for r in rows} == {None}
    assert set(logged) == {"TH", "AB"}  # no decision is recorded for a suggestion


# -- 7. cases linked to their sources and answers ---------------------------------------------

def test_every_case_refers_to_sources_and_selections_in_the_file(exported):
    root = qde(exported.path)
    sources = {ts.get("guid") for ts in root.iter(f"{Q}TextSource")}
    selections = {s.get("guid") for s in root.iter(f"{Q}PlainTextSelection")}
    cases = list(root.iter(f"{Q}Case"))
    assert cases and all(c.findall("q:SourceRef", NS) or c.findall("q:SelectionRef", NS) for c in cases)
    assert {r.get("targetGUID") for r in root.iter(f"{Q}SourceRef")} <= sources
    assert {r.get("targetGUID") for r in root.iter(f"{Q}SelectionRef")} <= selections
    survey = source_texts(exported.path)["svar.csv"]
    answers = {c.get("name"): [survey[int(s.get("startPosition")):int(s.get("endPosition"))]
                               for ref in c.findall("q:SelectionRef", NS)
                               for s in root.iter(f"{Q}PlainTextSelection") if s.get("guid") == ref.get("targetGUID")]
               for c in cases if c.findall("q:SelectionRef", NS)}
    assert answers["R2"][0] == "vennskap | glede" and answers["R3"] == ["Vet ikke"]
