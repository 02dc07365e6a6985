"""One huge line must not poison a project: ingest cuts it into bounded segments, and code never fails on length."""

from __future__ import annotations

import csv
import hashlib

from sqlalchemy import insert, select

from qualcode.ingest import ingest_files
from qualcode.ingest.split import MAX_SEGMENT_CHARS, sentence_pieces
from qualcode.store import Project, schema
from qualcode.tagging.apply import code_project
from tests.exchange_data import ELEV
from tests.security.hostile import run_measured

SENTENCE = "Elevene fikk nye venner og bedre språkferdigheter. "


class _Row:
    def __init__(self, row, documents: dict[int, str]) -> None:
        self.text, self.start, self.end, self.codable = row.text, row.start, row.end, row.codable
        self.doc = documents[row.document_id]


def _segments(project: Project) -> list[_Row]:
    """Every segment with its document's text (read once per document, not once per segment)."""
    s, d = schema.segments, schema.documents
    with project.read() as conn:
        documents = dict(conn.execute(select(d.c.id, d.c.text)).all())
        rows = conn.execute(select(s.c.document_id, s.c.text, s.c.start, s.c.end, s.c.codable)).all()
    return [_Row(row, documents) for row in rows]


def test_sentence_pieces_cut_at_sentences_then_whitespace_then_hard():
    text = "Kort setning. " + "ord " * 2000 + "x" * 12_000 + " Slutt."
    pieces = sentence_pieces(text)
    assert all(e - s <= MAX_SEGMENT_CHARS for s, e in pieces)
    assert text[pieces[0][0]:pieces[0][1]] == "Kort setning."
    assert "".join(text[s:e] for s, e in pieces).replace(" ", "") == text.replace(" ", "")
    assert [e - s for s, e in pieces if text[s] == "x"] == [5000, 5000, len("x" * 2000 + " Slutt.")]
    assert text[pieces[-1][0]:pieces[-1][1]].endswith("Slutt.")


def test_a_line_without_punctuation_is_ingested_as_bounded_segments_and_coded(tmp_path, blank_nlp):
    path = tmp_path / "lang.txt"
    text = ("ordutenpunktum engelsk " * 50_000).strip()  # 1.1 MB, one line
    path.write_text(text + "\n", encoding="utf-8")
    project = Project.create(tmp_path / "p.qualcode")
    ingest_files(project, [path])
    rows = _segments(project)
    codable = [r for r in rows if r.codable]
    assert len(codable) > 200 and all(len(r.text) <= MAX_SEGMENT_CHARS for r in codable)
    assert all(r.doc[r.start:r.end] == r.text for r in rows)  # offsets exact
    assert " ".join(r.text for r in sorted(codable, key=lambda r: r.start)) == text
    report = code_project(project, ELEV, blank_nlp)
    assert report.segments == len(codable) and report.too_long == 0
    assert report.suggested >= len(codable)  # every piece names "engelsk"


def test_a_long_survey_cell_becomes_bounded_word_segments(tmp_path, blank_nlp):
    path = tmp_path / "svar.csv"
    essay = "jeg lærte mye engelsk " * 4_000  # 88,000 characters; the csv module stops at 131,072
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows([["id", "ord1"], ["R1", essay], ["R2", "vennskap"]])
    project = Project.create(tmp_path / "p.qualcode")
    ingest_files(project, [path], survey={"id_column": "id", "open_columns": ["elev=ord1"]})
    rows = _segments(project)
    assert all(len(r.text) <= MAX_SEGMENT_CHARS for r in rows if r.codable)
    assert all(r.doc[r.start:r.end] == r.text for r in rows)
    code_project(project, ELEV, blank_nlp)


def test_code_skips_an_overlong_segment_stored_by_an_older_qualcode(tmp_path, blank_nlp):
    path = tmp_path / "intervju.txt"
    path.write_text("I: Hva lærte elevene?\n\nK: Elevene fikk nye venner og bedre språkferdigheter.\n", encoding="utf-8")
    project = Project.create(tmp_path / "p.qualcode")
    ingest_files(project, [path])
    long_text = "x" * 1_100_000
    with project.transaction() as conn:
        document = conn.execute(select(schema.documents.c.id)).scalar()
        conn.execute(schema.documents.update().values(text=schema.documents.c.text + "\n" + long_text))
        length = conn.execute(select(schema.documents.c.text)).scalar().index(long_text)
        conn.execute(insert(schema.segments).values(
            document_id=document, position=99, level="paragraph", start=length, end=length + len(long_text), text=long_text,
            text_hash=hashlib.md5(long_text.encode()).hexdigest(), codable=True))
    report = code_project(project, ELEV, blank_nlp)
    assert report.too_long == 1 and report.segments == 1 and report.suggested >= 1


def test_ingesting_an_8_mb_single_line_stays_under_500_mb(tmp_path):
    path = tmp_path / "lang.txt"
    path.write_text(SENTENCE * (8 * 2**20 // len(SENTENCE.encode())), encoding="utf-8")
    project = tmp_path / "p.qualcode"
    Project.create(project).close()
    outcome = run_measured("ingest", str(project), str(path))
    assert outcome.returncode == 0, outcome.stderr
    assert outcome.peak_mb < 500, outcome.peak_mb
    with Project.open(project) as opened:
        assert max(len(r.text) for r in _segments(opened) if r.codable) <= MAX_SEGMENT_CHARS


def test_tag_reports_a_text_too_long_to_parse_as_an_error_line(tmp_path):
    from tests.security.hostile import CODEBOOK

    import json
    lines = tmp_path / "in.jsonl"
    lines.write_text(json.dumps({"id": 1, "text": "x" * 1_100_000}) + "\n"
                     + json.dumps({"id": 2, "text": "Elevene fikk nye venner"}) + "\n", encoding="utf-8")
    outcome = run_measured("tag", str(lines), "--codebook", str(CODEBOOK))
    assert outcome.returncode == 0, outcome.stderr
    first, second = [json.loads(line) for line in outcome.stdout.splitlines()]
    assert first["id"] == 1 and "1,100,000 characters" in first["error"]
    assert second["id"] == 2 and second["codes"]


