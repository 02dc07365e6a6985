"""Property-based tests: every reader, fed random bytes or random structure, either gives one
clear error of its own kind or a consistent project. No other exception (a traceback for the
user) ever comes out.

Example counts are modest so the suite stays fast; hypothesis shrinks any failure it finds.
"""

from __future__ import annotations

import csv
import io
import tempfile
import uuid
import zipfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from qualcode.exchange import ExchangeError, import_refi
from qualcode.ingest import IngestError, ingest_files
from qualcode.ingest.split import MAX_SEGMENT_CHARS
from qualcode.store import Project, schema
from qualcode.tagging import CodebookError
from qualcode.tagging.codebook import parse_codebook

SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FEW = settings(SETTINGS, max_examples=25)

# Text as people type it, plus what files carry by accident: control characters, BOMs, odd line ends.
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200)
WORDISH = st.sampled_from(["engelsk", "venner", "I:", "K:", "Rektor:", "---", "rolle: lærer", "\r\n", "\n\n", "æøå",
                           "=1+1", "<b>", "&amp;", "\ufeff", "\x00", ";", ",", '"', "[", "&x;", "*a"])
TYPED = st.lists(st.one_of(TEXT, WORDISH), max_size=30).map("".join)


_BASE = tempfile.TemporaryDirectory(prefix="qualcode-properties-")  # removed when the test process ends


def _folder() -> Path:
    return Path(tempfile.mkdtemp(dir=_BASE.name))


def _consistent(project: Project) -> None:
    """What every project must satisfy: each segment is exactly its span of its document, bounded."""
    s, d = schema.segments, schema.documents
    with project.read() as conn:
        documents = dict(conn.execute(select(d.c.id, d.c.text)).all())
        for row in conn.execute(select(s.c.document_id, s.c.start, s.c.end, s.c.text, s.c.codable)):
            assert documents[row.document_id][row.start:row.end] == row.text
            assert not row.codable or len(row.text) <= MAX_SEGMENT_CHARS


def _ingest_or_clear_error(path: Path, **survey) -> None:
    project = Project.create(path.parent / f"{uuid.uuid4().hex}.qualcode")
    try:
        before = Path(project.location).read_bytes()
        try:
            ingest_files(project, [path], survey=survey or None)
        except IngestError as exc:
            assert path.name in str(exc)
            assert Path(project.location).read_bytes() == before
        _consistent(project)
    finally:
        project.close()


@SETTINGS
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".md", ".csv", ".docx", ".xlsx"]))
def test_random_bytes_in_any_input_file(data, suffix):
    path = _folder() / f"fil{suffix}"
    path.write_bytes(data)
    _ingest_or_clear_error(path)


@SETTINGS
@given(text=TYPED, encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"]),
       suffix=st.sampled_from([".txt", ".md"]))
def test_random_transcript_text_in_any_encoding(text, encoding, suffix):
    path = _folder() / f"intervju{suffix}"
    path.write_bytes(text.encode(encoding, errors="replace"))
    _ingest_or_clear_error(path)


@FEW
@given(paragraphs=st.lists(TYPED, max_size=8))
def test_random_docx_transcripts(paragraphs):
    import docx
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(ILLEGAL_CHARACTERS_RE.sub("", paragraph.replace("\x00", "")))
    path = _folder() / "intervju.docx"
    document.save(path)
    _ingest_or_clear_error(path)


CELL = st.one_of(TYPED, st.integers(-10**6, 10**6).map(str), st.just(""))


@SETTINGS
@given(rows=st.lists(st.lists(CELL, min_size=1, max_size=5), min_size=1, max_size=12),
       delimiter=st.sampled_from([";", ",", "\t"]))
def test_random_csv_surveys(rows, delimiter):
    path = _folder() / "svar.csv"
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([["id", "skole", "ord1", "ord2"]] + rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    _ingest_or_clear_error(path, id_column="id", meta=["skole"], open_columns=["ord=ord1,ord2"])


@FEW
@given(rows=st.lists(st.lists(st.one_of(CELL, st.floats(allow_nan=False), st.booleans()), min_size=1, max_size=5),
                     max_size=10))
def test_random_xlsx_surveys(rows):
    import openpyxl
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = openpyxl.Workbook()
    book.active.append(["id", "skole", "ord1"])
    for row in rows:
        book.active.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
    path = _folder() / "svar.xlsx"
    book.save(path)
    _ingest_or_clear_error(path, id_column="id", meta=["skole"], open_columns=["ord1"])


JSONISH = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), TEXT),
                       lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
                       max_leaves=20)
CATEGORY = st.fixed_dictionaries({"id": st.one_of(st.sampled_from(["sprak", "venner", "Språk!"]), TEXT),
                                  "label": TEXT, "color": st.sampled_from(["#1B7837", "grønn", "#12"])},
                                 optional={"terms": st.lists(TEXT, max_size=3), "parent": TEXT,
                                           "patterns": JSONISH, "phrases": JSONISH, "extra": JSONISH})


@SETTINGS
@given(book=st.one_of(JSONISH, st.fixed_dictionaries({"id": TEXT, "name": TEXT,
                                                      "categories": st.lists(CATEGORY, max_size=3)})))
def test_random_codebook_structure(book):
    text = yaml.safe_dump(book, allow_unicode=True)
    try:
        codebook = parse_codebook(text, "kodebok.yaml")
    except CodebookError as exc:
        assert str(exc).startswith("kodebok.yaml")
    else:
        assert codebook.categories


@SETTINGS
@given(text=TYPED)
def test_random_codebook_text(text):
    try:
        parse_codebook(text, "kodebok.yaml")
    except CodebookError as exc:
        assert str(exc).startswith("kodebok.yaml")


GUIDS = st.sampled_from([str(uuid.UUID(int=i)) for i in range(1, 6)] + ["ikke-en-guid", ""])
NAME = st.one_of(TEXT, st.sampled_from(["Språk", "<b>x</b>", "&amp;", "=1+1"]))


def _code(children):
    return st.tuples(GUIDS, NAME, st.sampled_from(["true", "false", "1", "x"]),
                     st.sampled_from(["#1B7837", "#ZZZZZZ", None]), children)


CODES = st.recursive(st.builds(lambda t: [t], _code(st.just([]))),
                     lambda inner: st.lists(_code(inner), max_size=3), max_leaves=8)


def _codes_xml(codes) -> str:
    from xml.sax.saxutils import quoteattr

    out = []
    for guid, name, codable, color, children in codes:
        colour = f" color={quoteattr(color)}" if color else ""
        out.append(f'<Code guid={quoteattr(guid)} name={quoteattr(name)} isCodable="{codable}"{colour}>'
                   f"{_codes_xml(children)}</Code>")
    return "".join(out)


def _import_or_clear_error(path: Path) -> None:
    project = Project.create(path.parent / "p.qualcode")
    before = Path(project.location).read_bytes()
    try:
        import_refi(project, path)
    except ExchangeError as exc:
        assert path.name in str(exc)
        assert Path(project.location).read_bytes() == before
    _consistent(project)
    project.close()


@SETTINGS
@given(codes=CODES, text=TYPED, spans=st.lists(st.tuples(st.integers(-5, 60), st.integers(-5, 60), GUIDS), max_size=4),
       as_project=st.booleans())
def test_random_refi_structure(codes, text, spans, as_project):
    from xml.sax.saxutils import escape, quoteattr

    folder = _folder()
    if not as_project:
        path = folder / "kodebok.qdc"
        path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" '
                        f'origin="prop"><Codes>{_codes_xml(codes)}</Codes></CodeBook>', encoding="utf-8",
                        errors="replace")
    else:
        source = str(uuid.UUID(int=99))
        selections = "".join(
            f'<PlainTextSelection guid="{uuid.UUID(int=100 + i)}" startPosition="{a}" endPosition="{b}">'
            f'<Coding guid="{uuid.UUID(int=200 + i)}"><CodeRef targetGUID={quoteattr(ref)}/></Coding></PlainTextSelection>'
            for i, (a, b, ref) in enumerate(spans))
        qde = ('<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="prop">'
               f"<CodeBook><Codes>{_codes_xml(codes)}</Codes></CodeBook><Sources>"
               f'<TextSource guid="{source}" name="t"><PlainTextContent>{escape(text)}</PlainTextContent>'
               f"{selections}</TextSource></Sources></Project>")
        path = folder / "prosjekt.qdpx"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("project.qde", qde.encode("utf-8", errors="replace"))
    _import_or_clear_error(path)


@SETTINGS
@given(data=st.binary(max_size=1500), suffix=st.sampled_from([".qdc", ".qdpx"]))
def test_random_bytes_as_refi_files(data, suffix):
    path = _folder() / f"fil{suffix}"
    path.write_bytes(data)
    _import_or_clear_error(path)
