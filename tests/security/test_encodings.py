"""Mixed encodings are decoded line by line and said so; UTF-16 with a byte-order mark is text."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from qualcode.ingest import IngestError, ingest_files
from qualcode.ingest.transcripts import read_transcript
from qualcode.store import Project, schema


def _stored_text(project: Project) -> str:
    with project.read() as conn:
        return conn.execute(select(schema.documents.c.text)).scalar()


def test_utf8_file_with_cp1252_lines_keeps_the_utf8_and_names_the_lines(tmp_path):
    path = tmp_path / "blandet.txt"
    path.write_bytes("I: Hva lærte elevene?\n\nK: De lærte mye om språk.\n".encode("utf-8")
                     + "K: Og de fikk økt selvtillit på fransk.\n".encode("cp1252")
                     + "I: Takk, det var nyttig å høre.\n".encode("utf-8"))
    document = read_transcript(path)
    assert "lærte" in document.text and "økt selvtillit" in document.text and "høre" in document.text
    assert "Ã" not in document.text
    assert document.encoding == "utf-8+cp1252"
    assert document.notes == ["blandet.txt: line 4 is not UTF-8 and was read as Windows-1252; the rest is UTF-8. "
                              "Check those lines."]
    project = Project.create(tmp_path / "p.qualcode")
    report = ingest_files(project, [path])
    assert "line 4 is not UTF-8" in " ".join(report.notes)
    assert "lærte" in _stored_text(project)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_text(tmp_path, encoding):
    path = tmp_path / "utf16.txt"
    text = "I: Hva lærte elevene?\n\nK: Nye venner og økt selvtillit.\n"
    bom = {"utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    path.write_bytes(bom + text.encode(encoding))
    document = read_transcript(path)
    assert document.text.strip() == text.strip()
    assert len(document.segments) == 2


def test_a_csv_survey_with_cp1252_rows_in_utf8_names_the_rows(tmp_path):
    path = tmp_path / "svar.csv"
    path.write_bytes("id;skolenivå;ord1\nR1;videregående;språk\n".encode("utf-8") + "R2;grunnskole;økt mestring\n".encode("cp1252"))
    project = Project.create(tmp_path / "p.qualcode")
    report = ingest_files(project, [path], survey={"id_column": "id", "meta": ["skolenivå"], "open_columns": ["ord1"]})
    assert "svar.csv: line 3 is not UTF-8" in " ".join(report.notes)
    assert "økt mestring" in _stored_text(project) and "språk" in _stored_text(project)


def test_a_line_that_is_neither_is_refused_with_its_number(tmp_path):
    path = tmp_path / "rart.txt"
    path.write_bytes("K: Hei.\n".encode() + b"K: \x81\x8d\xc3\n")
    with pytest.raises(IngestError, match=r"rart\.txt: line 2: the text is neither UTF-8 nor Windows-1252"):
        read_transcript(path)


def test_a_cp1252_sidecar_is_read(tmp_path):
    path = tmp_path / "intervju.txt"
    path.write_text("I: Hei?\n\nK: Hei.\n", encoding="utf-8")
    (tmp_path / "intervju.meta.yaml").write_bytes("skolenivå: videregående\n".encode("cp1252"))
    assert read_transcript(path).meta == {"skolenivå": "videregående"}
