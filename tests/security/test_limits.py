"""Small inputs that would eat all memory or crash a reader are refused: one clear error, project unchanged.

Each hostile file is built here; each command runs in a fresh process whose peak memory is
measured (and capped, so a regression fails the test instead of the machine).
"""

from __future__ import annotations

import pytest

from qualcode.limits import MAX_TEXT_BYTES
from qualcode.store import Project
from tests.security.hostile import (
    CODEBOOK,
    DOCX_MEMBERS,
    SOURCE_GUID,
    TEXT_SOURCE,
    YAML_BOMB,
    assert_clean_refusal,
    lying_zip,
    qdc,
    qde,
    run_measured,
    zip_bomb,
)

TURNS = "I: Hva lærte elevene?\n\nK: Elevene fikk nye venner og bedre språkferdigheter.\n"


@pytest.fixture()
def project(tmp_path):
    path = tmp_path / "p.qualcode"
    Project.create(path).close()
    return path


def test_yaml_bomb_codebook_is_refused_by_tag(tmp_path):
    book = tmp_path / "bomb.yaml"
    book.write_text(YAML_BOMB + "id: bomb\nname: Bomb\ncategories: []\n", encoding="utf-8")
    (tmp_path / "in.jsonl").write_text('{"id": 1, "text": "Elevene fikk nye venner"}\n', encoding="utf-8")
    outcome = run_measured("tag", str(tmp_path / "in.jsonl"), "--codebook", str(book))
    assert_clean_refusal(outcome, "bomb.yaml line 1", "anchors and aliases")


def test_yaml_nested_20000_deep_is_a_clear_error(tmp_path):
    book = tmp_path / "deep.yaml"
    book.write_text("id: deep\nname: Deep\ncategories: " + "[" * 20000 + "]" * 20000 + "\n", encoding="utf-8")
    (tmp_path / "in.jsonl").write_text('{"id": 1, "text": "Elevene fikk nye venner"}\n', encoding="utf-8")
    outcome = run_measured("tag", str(tmp_path / "in.jsonl"), "--codebook", str(book))
    assert_clean_refusal(outcome, "deep.yaml line 3", "nested more than 32 levels")


@pytest.mark.parametrize("where", ["front matter", "sidecar"])
def test_yaml_bomb_metadata_is_refused_by_ingest(tmp_path, project, where):
    if where == "front matter":
        doc = tmp_path / "intervju.md"
        doc.write_text("---\n" + YAML_BOMB + "---\n" + TURNS, encoding="utf-8")
        named = "intervju.md line 2"
    else:
        doc = tmp_path / "intervju.txt"
        doc.write_text(TURNS, encoding="utf-8")
        (tmp_path / "intervju.meta.yaml").write_text(YAML_BOMB, encoding="utf-8")
        named = "intervju.meta.yaml line 1"
    before = project.read_bytes()
    outcome = run_measured("ingest", str(project), str(doc))
    assert_clean_refusal(outcome, named, "anchors and aliases", "not changed")
    assert project.read_bytes() == before


def test_qdpx_zip_bomb_is_refused_before_inflating(tmp_path, project):
    bomb = zip_bomb(tmp_path / "bomb.qdpx", {"project.qde": qde(sources=TEXT_SOURCE).encode()},
                    f"sources/{SOURCE_GUID}.txt", 512 * 2**20)
    before = project.read_bytes()
    outcome = run_measured("import", str(project), str(bomb))
    assert_clean_refusal(outcome, "bomb.qdpx", f"sources/{SOURCE_GUID}.txt unpacks to 512 MB", "limit of 64 MB")
    assert project.read_bytes() == before


def test_qdpx_member_that_lies_about_its_size_stops_at_the_declared_size(tmp_path, project):
    liar = lying_zip(tmp_path / "liar.qdpx", {"project.qde": qde(sources=TEXT_SOURCE).encode()},
                     f"sources/{SOURCE_GUID}.txt", actual=200 * 2**20, declared=1000)
    before = project.read_bytes()
    outcome = run_measured("import", str(project), str(liar))
    assert_clean_refusal(outcome, "liar.qdpx", f"sources/{SOURCE_GUID}.txt is damaged")
    assert project.read_bytes() == before


def test_docx_zip_bomb_is_refused_by_ingest(tmp_path, project):
    bomb = zip_bomb(tmp_path / "intervju.docx", DOCX_MEMBERS, "word/document.xml", 512 * 2**20)
    outcome = run_measured("ingest", str(project), str(bomb))
    assert_clean_refusal(outcome, "intervju.docx", "word/document.xml unpacks to 512 MB", "not changed")


def test_xlsx_zip_bomb_is_refused_by_ingest(tmp_path, project):
    bomb = zip_bomb(tmp_path / "svar.xlsx", DOCX_MEMBERS, "xl/worksheets/sheet1.xml", 512 * 2**20)
    outcome = run_measured("ingest", str(project), str(bomb), "--id", "id")
    assert_clean_refusal(outcome, "svar.xlsx", "xl/worksheets/sheet1.xml unpacks to 512 MB", "not changed")


def test_a_text_file_above_the_size_limit_is_refused(tmp_path, project):
    big = tmp_path / "stor.txt"
    with big.open("w", encoding="utf-8") as handle:
        line = "K: Elevene fikk nye venner og bedre språkferdigheter.\n"
        handle.write(line * (MAX_TEXT_BYTES // len(line.encode()) + 10))
    before = project.read_bytes()
    outcome = run_measured("ingest", str(project), str(big))
    assert_clean_refusal(outcome, "stor.txt", "above qualcode's limit of 32 MB", "not changed")
    assert project.read_bytes() == before


def test_qdc_with_codes_1500_levels_deep_is_a_clear_error(tmp_path, project):
    depth = 1500
    codes = "".join(f'<Code guid="00000000-0000-0000-0000-{i:012d}" name="c{i}" isCodable="true">' for i in range(depth))
    path = tmp_path / "dyp.qdc"
    path.write_text(qdc(codes + "</Code>" * depth), encoding="utf-8")
    outcome = run_measured("import", str(project), str(path))
    assert_clean_refusal(outcome, "dyp.qdc line 2", "nested more than 100 elements deep")


@pytest.mark.parametrize("kind", ["qdc", "qdpx"])
def test_entity_reference_in_element_text_is_a_clear_error(tmp_path, project, kind):
    doctype = '<!DOCTYPE X [<!ENTITY x "hei">]>\n'
    codes = ('<Code guid="11111111-1111-1111-1111-111111111111" name="A" isCodable="true">'
             "<Description>&x;</Description></Code>")
    path = tmp_path / f"entitet.{kind}"
    if kind == "qdc":
        path.write_text(qdc(codes, doctype), encoding="utf-8")
    else:
        import zipfile
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("project.qde", qde(codes, doctype=doctype))
    before = project.read_bytes()
    outcome = run_measured("import", str(project), str(path))
    assert_clean_refusal(outcome, f"entitet.{kind}", "entity reference &x;")
    assert project.read_bytes() == before


def test_duplicate_code_guids_in_a_qdpx_are_refused(tmp_path, project):
    import zipfile

    guid = "11111111-1111-1111-1111-111111111111"
    path = tmp_path / "dobbel.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde(f'<Code guid="{guid}" name="Språk" isCodable="true"/>'
                                            f'<Code guid="{guid}" name="Vennskap" isCodable="true"/>'))
    before = project.read_bytes()
    outcome = run_measured("import", str(project), str(path))
    assert_clean_refusal(outcome, "dobbel.qdpx", f"two codes have the GUID {guid}", "'Språk' and 'Vennskap'")
    assert project.read_bytes() == before


def test_names_file_with_yaml_aliases_is_refused(tmp_path):
    from qualcode.exchange import ExchangeError, load_names

    names = tmp_path / "navn.yaml"
    names.write_text(YAML_BOMB + "personer: *b\n", encoding="utf-8")
    with pytest.raises(ExchangeError, match=r"navn\.yaml line 1: YAML anchors and aliases"):
        load_names(names)


def test_the_shipped_codebooks_pass_the_limits():
    from qualcode.tagging import load_codebook

    for path in sorted(CODEBOOK.parent.glob("*.yaml")):
        assert load_codebook(path).categories


@pytest.mark.parametrize("kind", ["docx", "xlsx"])
def test_docx_and_xlsx_members_that_lie_about_their_size_are_refused(tmp_path, project, kind):
    member = "word/document.xml" if kind == "docx" else "xl/worksheets/sheet1.xml"
    liar = lying_zip(tmp_path / f"fil.{kind}", DOCX_MEMBERS, member, actual=200 * 2**20, declared=1000)
    before = project.read_bytes()
    outcome = run_measured("ingest", str(project), str(liar), *(["--id", "id"] if kind == "xlsx" else []))
    assert_clean_refusal(outcome, f"fil.{kind}", "not changed")
    assert project.read_bytes() == before


def test_a_csv_with_a_million_columns_is_refused(tmp_path, project):
    path = tmp_path / "bred.csv"
    path.write_text(";".join(f"k{i}" for i in range(1_000_000)) + "\n" + "1;" * 10 + "\n", encoding="utf-8")
    outcome = run_measured("ingest", str(project), str(path), "--id", "k0")
    assert_clean_refusal(outcome, "bred.csv", "more than 2,000 columns", "not changed")
