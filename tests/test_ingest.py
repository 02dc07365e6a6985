"""Ingest into a real SQLite project, from files the tests write (txt, md, docx, csv, xlsx)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import docx
import openpyxl
import pytest
from sqlalchemy import select
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.schema import CreateTable

from qualcode.ingest import IngestError, ingest_files
from qualcode.store import Project, ProjectError, schema
from qualcode.store.summary import project_summary

TRANSCRIPT = """I: Hva har elevene fått ut av prosjektet?
K: Altså, de har fått mye bedre engelskkunnskaper. Og de tør å snakke engelsk nå.
Mange fikk nye venner i Polen.
I: Og lærerne?
[00:12:31] Koordinator: Vi har fått et nettverk. Det er egentlig det viktigste.
Lærer 2: Jeg er enig.
"""


@pytest.fixture
def project(project_location):
    with Project.create(project_location) as proj:
        yield proj


def snapshot(project: Project) -> list:
    """Every row of every table, to prove a failed ingest changed nothing."""
    with project.read() as conn:
        return [(t.name, sorted(map(repr, conn.execute(select(t))))) for t in schema.metadata.sorted_tables]


def segments_of(project, name):
    d, s = schema.documents, schema.segments
    with project.read() as conn:
        doc = conn.execute(select(d).where(d.c.name == name, d.c.current.is_(True))).one()
        segs = conn.execute(select(s).where(s.c.document_id == doc.id).order_by(s.c.position)).all()
    return doc, segs


def test_txt_transcript_turns_sentences_and_offsets(project, tmp_path):
    path = tmp_path / "intervju.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    (tmp_path / "intervju.meta.yaml").write_text("rolle: prosjektkoordinator\nskoletype: ungdomsskole\ndato: 2021-05-11\n")
    ingest_files(project, [path])
    doc, segs = segments_of(project, "intervju.txt")
    assert doc.meta == {"rolle": "prosjektkoordinator", "skoletype": "ungdomsskole", "dato": "2021-05-11"}
    for seg in segs:
        assert doc.text[seg.start:seg.end] == seg.text
    turns = [(s.speaker, s.text[:20]) for s in segs if s.level == "turn"]
    assert [t[0] for t in turns] == ["I", "K", "I", "Koordinator", "Lærer 2"]
    k_turn = next(s for s in segs if s.speaker == "K" and s.level == "turn")
    assert k_turn.text.endswith("nye venner i Polen.")  # the continuation line belongs to the turn
    sentences = [s for s in segs if s.parent_id == k_turn.id]
    assert [s.text for s in sentences] == [
        "Altså, de har fått mye bedre engelskkunnskaper.", "Og de tør å snakke engelsk nå.", "Mange fikk nye venner i Polen."]
    assert all(s.codable for s in sentences) and not k_turn.codable
    assert not any(s.codable for s in segs if s.speaker == "I")  # the interviewer's questions are not coded


def test_md_front_matter_and_docx(project, tmp_path):
    md = tmp_path / "rektor.md"
    md.write_text("---\nrolle: rektor\nskoletype: barneskole\n---\nIntervjuer: Hvordan gikk det?\nRektor: Det gikk **veldig** bra.\n")
    document = docx.Document()
    for line in TRANSCRIPT.splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "gruppe.docx")
    (tmp_path / "gruppe.meta.yaml").write_text("rolle: lærergruppe\n")
    report = ingest_files(project, [md, tmp_path / "gruppe.docx", tmp_path / "gruppe.meta.yaml"])
    assert sorted(report.added) == ["gruppe.docx", "rektor.md"]
    doc, segs = segments_of(project, "rektor.md")
    assert doc.meta["rolle"] == "rektor" and not doc.text.startswith("---")
    assert [s.text for s in segs if s.speaker == "Rektor"] == ["Det gikk **veldig** bra."]
    doc, segs = segments_of(project, "gruppe.docx")
    assert doc.meta["rolle"] == "lærergruppe"
    assert any(s.speaker == "Lærer 2" and s.text == "Jeg er enig." for s in segs)
    assert all(doc.text[s.start:s.end] == s.text for s in segs)


def write_survey_rows():
    return [
        ["respondent_id", "skoletype", "antall_prosjekter", "ord1", "ord2", "ord3", "ord4", "ord5", "skole"],
        ["R1", "videregående skole", "2", "engelsk", "Engelsk", "vennskap", "", "", "omdømme, samarbeid; mangfold"],
        ["R2", "barneskole", "1", "Vet ikke", "", "", "", "", ""],
        ["R3", "ungdomsskole", "3", "mestringsfølelse", "kulturforståelse", "nye venner", "selvtillit", "glede", "1. Stolthet\n2. Nettverk"],
    ]


def test_csv_in_cp1252_with_semicolons(project, tmp_path):
    path = tmp_path / "svar.csv"
    text = "\r\n".join(";".join(f'"{c}"' if "\n" in c or ";" in c else c for c in row) for row in write_survey_rows())
    path.write_bytes(text.encode("cp1252"))
    report = ingest_files(project, [path], survey={"id_column": "respondent_id", "meta": ["skoletype", "antall_prosjekter"],
                                                   "open_columns": ["elev=ord1,ord2,ord3,ord4,ord5", "skole"]})
    assert any("Windows-1252" in n for n in report.notes)
    doc, segs = segments_of(project, "svar.csv")
    assert all(doc.text[s.start:s.end] == s.text for s in segs)
    words = {(s.question, s.text) for s in segs if s.level == "word"}
    assert ("elev", "mestringsfølelse") in words and ("skole", "omdømme") in words and ("skole", "Stolthet") in words
    assert ("skole", "mangfold") in words and ("skole", "Nettverk") in words  # "2. Nettverk": list marks go
    summary = project_summary(project)
    assert summary.respondents == 3
    assert summary.questions == {"elev": 2, "skole": 2}  # R2 only said "Vet ikke"
    assert ("antall_prosjekter", "integer", "respondent") in summary.variables


def test_xlsx_with_auto_detection(project, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    rows = write_survey_rows()
    for i in range(4, 40):  # enough respondents for the open columns to look open
        rows.append([f"R{i}", "barneskole", str(i % 4 + 1), f"ord nummer {i}", "vennskap", "", "", "", f"mangfold {i}"])
    for row in rows:
        ws.append([int(c) if c.isdigit() else (c or None) for c in row])
    wb.save(tmp_path / "svar.xlsx")
    ingest_files(project, [tmp_path / "svar.xlsx"])
    doc, segs = segments_of(project, "svar.xlsx")
    assert doc.meta["id_column"] == "respondent_id"
    assert doc.meta["questions"] == {"ord": ["ord1", "ord2", "ord3", "ord4", "ord5"], "skole": ["skole"]}
    assert set(doc.meta["meta_columns"]) == {"skoletype", "antall_prosjekter"}
    assert project_summary(project).respondents == 39


def test_reingest_same_file_changes_nothing_and_changed_file_is_a_new_version(project, tmp_path):
    path = tmp_path / "intervju.txt"
    path.write_text(TRANSCRIPT)
    ingest_files(project, [path])
    before = snapshot(project)
    report = ingest_files(project, [path])
    assert report.unchanged == ["intervju.txt"] and snapshot(project) == before
    path.write_text(TRANSCRIPT + "K: Og klimaet ble et tema.\n")
    report = ingest_files(project, [path])
    assert report.new_versions == ["intervju.txt"]
    with project.read() as conn:
        versions = conn.execute(select(schema.documents.c.version, schema.documents.c.current)
                                .order_by(schema.documents.c.version)).all()
    assert [tuple(v) for v in versions] == [(1, False), (2, True)]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tom.txt", b"", "empty"),
        ("bilde.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("korrupt.docx", b"PK\x03\x04 this is not a zip", ".docx"),
        ("korrupt.xlsx", b"not a spreadsheet at all", ".xlsx"),
        ("rar.txt", "Elevene lærte mye\n".encode("utf-8") + b"\x81\x8d\x8f\x90\x9d", "neither UTF-8 nor Windows-1252"),
        ("dup.csv", "id;ord1\nR1;engelsk\nR2;venner\nR1;glede\n".encode(), "row 4: repeats respondent id 'R1' (first on row 2)"),
        ("kolonne.csv", "id;ord1\nR1;engelsk\n".encode(), "no column 'ord9'"),
    ],
)
def test_bad_input_is_one_clear_error_and_changes_nothing(project, tmp_path, name, content, message):
    good = tmp_path / "god.txt"
    good.write_text(TRANSCRIPT)
    ingest_files(project, [good])
    before = snapshot(project)
    bad = tmp_path / name
    bad.write_bytes(content)
    again = tmp_path / "ny.txt"
    again.write_text("K: Nytt intervju om vennskap.\n")
    survey = {"open_columns": ["ord9"]} if name == "kolonne.csv" else None
    with pytest.raises(IngestError) as info:
        ingest_files(project, [again, bad], survey=survey)
    assert name in str(info.value) and message in str(info.value)
    assert snapshot(project) == before


def test_file_that_disappears_is_named_and_nothing_is_saved(project, tmp_path):
    present = tmp_path / "a.txt"
    present.write_text(TRANSCRIPT)
    gone = tmp_path / "b.txt"
    gone.write_text(TRANSCRIPT)
    gone.unlink()
    before = snapshot(project)
    with pytest.raises(IngestError, match="b.txt: the file does not exist"):
        ingest_files(project, [present, gone])
    assert snapshot(project) == before


def test_bad_yaml_metadata_names_the_line(project, tmp_path):
    path = tmp_path / "x.md"
    path.write_text("---\nrolle: rektor\nskoletype: [barneskole\n---\nRektor: Hei.\n")
    with pytest.raises(IngestError, match=r"x.md line \d+: the metadata is not valid YAML"):
        ingest_files(project, [path])


def old_ddl(*, without: tuple[str, ...]) -> list[str]:
    """SQLite DDL of the tables an older schema had: no CHECK constraints (schema 4 added them)."""
    from sqlalchemy import CheckConstraint, MetaData

    old = MetaData()
    for table in schema.metadata.sorted_tables:
        if table.name not in without:
            copy = table.to_metadata(old)
            for check in [c for c in copy.constraints if isinstance(c, CheckConstraint)]:
                copy.constraints.discard(check)
    return [str(CreateTable(t).compile(dialect=sqlite_dialect.dialect())) for t in old.sorted_tables]


def test_schema_1_project_is_migrated_on_open(tmp_path):
    """A file written by schema 1 (no parse cache) opens, keeps its data and gains the cache and the models table."""
    path = tmp_path / "gammel.qualcode"
    con = sqlite3.connect(path)
    for ddl in old_ddl(without=("parse_cache", "models", "codebook_versions", "questions")):
        con.execute(ddl)
    con.execute("insert into meta values ('schema_version', '1')")
    con.execute("insert into documents (id, name, kind, source_path, content_hash, version, current, text, meta, ingested_at) "
                "values (1, 'a.txt', 'interview', 'a.txt', 'h', 1, 1, 'K: Hei.', '{}', '2021-01-01')")
    con.commit()
    con.close()
    with Project.open(path) as proj:
        assert proj.schema_version == schema.SCHEMA_VERSION
        with proj.read() as conn:
            assert conn.execute(select(schema.documents.c.name)).scalar() == "a.txt"
            assert conn.execute(select(schema.parse_cache.c.text_hash)).first() is None
            assert conn.execute(select(schema.models.c.codebook_key)).first() is None


def schema_3_file(path: Path, coding_status: str = "accepted") -> None:
    """A schema 3 project with a document, a segment, a decided coding, its memo and its log entry."""
    con = sqlite3.connect(path)
    for ddl in old_ddl(without=("codebook_versions", "questions")):
        con.execute(ddl)
    con.executescript(f"""
        insert into meta values ('schema_version', '3');
        insert into documents (id, name, kind, source_path, content_hash, version, current, text, meta, ingested_at)
            values (1, 'a.txt', 'interview', 'a.txt', 'h', 1, 1, 'K: Elevene fikk venner.', '{{}}', '2021-01-01');
        insert into segments (id, document_id, position, level, codable, start, "end", text, text_hash)
            values (1, 1, 0, 'turn', 1, 3, 23, 'Elevene fikk venner.', 'x');
        insert into codebooks values (1, 'elevutbytte', 'Elevutbytte', '1.0', null, '{{}}', '2021-01-01');
        insert into categories values (1, 1, 'sosial_inkludering', 'Sosial inkludering', '#2166AC', null, null, 0, 1);
        insert into codings (id, segment_id, category_id, start, "end", source, status, coder, created_at, updated_at)
            values (1, 1, 1, 3, 23, 'auto', '{coding_status}', 'Kari', '2021-01-01', '2021-01-01');
        insert into memos values (1, null, null, 1, 'Kari', 'Viktig sitat', '2021-01-01', '2021-01-01');
        insert into decisions values (1, 1, null, 'Kari', 'accept', 'suggested', 'accepted', null, '2021-01-01');
    """)
    con.commit()
    con.close()


def test_schema_3_project_gains_check_constraints_and_keeps_every_row(tmp_path):
    """Schema 4 rebuilds SQLite tables to add CHECKs: the memo on the rebuilt codings table
    survives (no cascade), and a status outside the Enum is refused by the database afterwards."""
    path = tmp_path / "v3.qualcode"
    schema_3_file(path)
    with Project.open(path) as proj:
        assert proj.schema_version == schema.SCHEMA_VERSION
        with proj.read() as conn:
            assert conn.execute(select(schema.memos.c.text, schema.memos.c.coding_id)).one() == ("Viktig sitat", 1)
            assert conn.execute(select(schema.codings.c.status, schema.codings.c.coder)).one() == ("accepted", "Kari")
            assert conn.execute(select(schema.decisions.c.coding_id)).scalar() == 1
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        from sqlalchemy.exc import IntegrityError

        with pytest.raises(IntegrityError, match="ck_codings_status"):
            with proj.transaction() as conn:
                conn.execute(schema.codings.update().values(status="godkjent"))


def test_schema_3_project_with_a_value_outside_the_enum_is_refused_unchanged(tmp_path):
    path = tmp_path / "rar.qualcode"
    schema_3_file(path, coding_status="godkjent")
    def dump() -> list[str]:
        con = sqlite3.connect(path)
        try:
            return list(con.iterdump())
        finally:
            con.close()

    before = dump()
    with pytest.raises(ProjectError, match="of table codings break the rule.*status.*not changed"):
        Project.open(path)
    assert dump() == before


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "ny.qualcode"
    Project.create(path).close()
    con = sqlite3.connect(path)
    con.execute("update meta set value = '99' where key = 'schema_version'")
    con.commit()
    con.close()
    with pytest.raises(ProjectError, match="newer qualcode .*schema 99.*Upgrade"):
        Project.open(path)


def test_not_a_project_is_refused(tmp_path):
    path = tmp_path / "tekst.qualcode"
    path.write_text("dette er ikke en database")
    with pytest.raises(ProjectError, match="not a qualcode project"):
        Project.open(path)
