"""Surfaces that held in the probe and must keep holding: zip slip, XXE, billion laughs in XML,
SQL injection, HTML in the report, selections outside their text."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from qualcode.analysis.report import build_report
from qualcode.exchange import ExchangeError, import_refi
from qualcode.ingest import ingest_files
from qualcode.store import Project, schema
from qualcode.tagging.apply import code_project
from tests.exchange_data import ELEV
from tests.security.hostile import SOURCE_GUID, XML_BOMB_DTD, assert_clean_refusal, qdc, qde, run_measured

CODE = '<Code guid="11111111-1111-1111-1111-111111111111" name="A" isCodable="true"/>'


@pytest.fixture()
def project(tmp_path) -> Project:
    return Project.create(tmp_path / "p.qualcode")


def test_zip_slip_member_names_write_nothing_outside(tmp_path, project):
    outside = tmp_path / "utenfor.txt"
    source = (f'<Sources><TextSource guid="{SOURCE_GUID}" name="t" plainTextPath="internal://../../utenfor.txt"/>'
              "</Sources>")
    path = tmp_path / "inne" / "slip.qdpx"
    path.parent.mkdir()
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde(CODE, sources=source))
        archive.writestr("../../utenfor.txt", "skrevet utenfor")
        archive.writestr("sources/../../utenfor.txt", "skrevet utenfor")
    try:
        import_refi(project, path)
    except ExchangeError as exc:
        assert "slip.qdpx" in str(exc)
    assert not outside.exists() and sorted(p.name for p in path.parent.iterdir()) == ["slip.qdpx"]


def test_xxe_external_entity_is_never_resolved(tmp_path, project):
    secret = tmp_path / "hemmelig.txt"
    secret.write_text("PASSORD-123", encoding="utf-8")
    path = tmp_path / "xxe.qdc"
    doctype = f'<!DOCTYPE CodeBook [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
    path.write_text(qdc('<Code guid="11111111-1111-1111-1111-111111111111" name="A" isCodable="true">'
                        "<Description>&xxe;</Description></Code>", doctype), encoding="utf-8")
    with pytest.raises(ExchangeError, match="entity reference &xxe;") as caught:
        import_refi(project, path)
    assert "PASSORD" not in str(caught.value)
    with project.read() as conn:
        assert "PASSORD" not in str(conn.execute(select(schema.categories)).all())


def test_billion_laughs_xml_is_refused_in_little_memory(tmp_path, project):
    path = tmp_path / "latter.qdc"
    path.write_text(qdc('<Code guid="11111111-1111-1111-1111-111111111111" name="&j;" isCodable="true"/>',
                        XML_BOMB_DTD + "\n"), encoding="utf-8")
    outcome = run_measured("import", project.location, str(path))
    assert outcome.returncode == 1 and "Traceback" not in outcome.stderr, outcome.stderr
    assert "latter.qdc" in outcome.stderr and outcome.peak_mb < 500


def test_sql_in_names_labels_and_text_is_stored_as_text(tmp_path, project, blank_nlp):
    payload = "Robert'); DROP TABLE documents;--"
    path = tmp_path / "intervju.txt"
    path.write_text(f"I: {payload}\n\nK: Elevene lærte engelsk. {payload}\n", encoding="utf-8")
    (tmp_path / "intervju.meta.yaml").write_text(f'rolle: "{payload}"\n', encoding="utf-8")
    ingest_files(project, [path], meta={"skole": payload})
    code_project(project, ELEV, blank_nlp)
    with project.read() as conn:
        document = conn.execute(select(schema.documents)).one()
    assert payload in document.text and document.meta["rolle"] == payload and document.meta["skole"] == payload


def test_html_in_texts_and_labels_is_escaped_in_the_report(tmp_path, project, blank_nlp):
    path = tmp_path / "intervju.txt"
    path.write_text('I: Hva lærte de?\n\nK: Elevene lærte engelsk <script>alert(1)</script> <img src="http://evil.example/i.png">.\n',
                    encoding="utf-8")
    ingest_files(project, [path])
    code_project(project, ELEV, blank_nlp)
    files = build_report(project, tmp_path / "rapport", {}, [ELEV], by=None, title='<img src="http://evil.example/t.png">')
    html = Path(files.html).read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html and '<img src="http://evil.example' not in html
    assert "&lt;img src=&#34;http://evil.example/t.png&#34;&gt;" in html or "&lt;img src=&quot;http://evil.example" in html


def test_selection_outside_its_text_is_refused(tmp_path, project):
    source = (f'<Sources><TextSource guid="{SOURCE_GUID}" name="t"><PlainTextContent>Kort tekst.</PlainTextContent>'
              '<PlainTextSelection guid="33333333-3333-3333-3333-333333333333" startPosition="5" endPosition="500">'
              '<Coding guid="44444444-4444-4444-4444-444444444444"><CodeRef targetGUID="11111111-1111-1111-1111-111111111111"/>'
              "</Coding></PlainTextSelection></TextSource></Sources>")
    path = tmp_path / "utenfor.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde(CODE, sources=source))
    project.close()  # everything checkpointed into the file, so its bytes can be compared
    before = Path(project.location).read_bytes()
    outcome = run_measured("import", project.location, str(path))
    assert_clean_refusal(outcome, "utenfor.qdpx", "outside the text")
    assert Path(project.location).read_bytes() == before
