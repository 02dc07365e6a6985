"""Read survey exports (.csv in any delimiter and Excel encoding, .xlsx) into answers and words.

One row is one respondent. The user names the id column, metadata columns and open questions,
or lets :func:`detect_columns` propose them. "Up to five words" answers may come as several
columns (``elev_ord1`` … ``elev_ord5``, one question) or as one cell with commas, semicolons or
new lines; either way they become one answer per respondent per question, each word its own
segment.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qualcode.ingest.model import IngestError, ParsedDocument, RespondentDraft, SegmentDraft, read_source
from qualcode.ingest.split import MAX_SEGMENT_CHARS, sentence_pieces
from qualcode.limits import MAX_SURVEY_CELLS, MAX_SURVEY_COLUMNS, LimitError, open_zip
from qualcode.nlp.stopwords import is_noise_answer
from qualcode.nlp.textfiles import TextFileError, decode_text_lines

SURVEY_SUFFIXES = {".csv", ".xlsx", ".tsv"}
ANSWER_JOINER = " | "
_WORD_SPLIT = re.compile(r"[,;\n\r]+")
_LIST_MARK = re.compile(r"\s*(?:[-–•*]|\d{1,2}[.)])\s+")  # matched at each word's start
_ID_NAME = re.compile(r"^(?:respondent(?:_?id)?|id|resp(?:ondent)?_?nr|nr|løpenummer|respondentid)$", re.IGNORECASE)
_NUMBERED = re.compile(r"^(?P<stem>.*?)[ _\-.]*(?P<n>\d{1,2})$")


@dataclass
class SurveyTable:
    """The cells of a survey file, as text; ``rows[i]`` is file row ``row_numbers[i]``."""

    header: list[str]
    rows: list[list[str]]
    row_numbers: list[int]
    encoding: str | None = None
    delimiter: str | None = None
    decoding_note: str | None = None  # lines read as Windows-1252 in an otherwise UTF-8 file


@dataclass
class SurveyColumns:
    """Which column is the id, which are metadata, and which columns make up each question."""

    id: str
    meta: list[str]
    questions: dict[str, list[str]] = field(default_factory=dict)


def read_table(path: Path, sheet: str | None = None) -> SurveyTable:
    """Read a .csv/.tsv/.xlsx survey export into a :class:`SurveyTable`."""
    suffix = path.suffix.lower()
    data = read_source(path)
    if suffix == ".xlsx":
        return _read_xlsx(path, data, sheet)
    if suffix in {".csv", ".tsv"}:
        return _read_csv(path, data)
    raise IngestError(path, f"'{suffix}' is not a survey format (use .csv or .xlsx).")


def _read_csv(path: Path, data: bytes) -> SurveyTable:
    try:
        decoded = decode_text_lines(data, str(path))
    except TextFileError as exc:
        raise IngestError(path, str(exc).removeprefix(str(path)).lstrip(": ")) from None
    text, encoding = decoded.text, decoded.encoding
    sample = "\n".join(text[:100_000].splitlines()[:20])  # the sniffer is slow on long lines
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=";,\t|").delimiter
    except csv.Error:
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    numbers: list[int] = []
    try:
        header = next(reader)
        _check_columns(path, header)  # before every row is padded to the header's width
        for row in reader:
            if any(cell.strip() for cell in row):
                if len(row) > len(header) and any(c.strip() for c in row[len(header):]):
                    raise IngestError(path, f"has {len(row)} fields but the header has {len(header)}. "
                                      f"Check the delimiter ('{delimiter}') and quoting on that row.", row=reader.line_num)
                rows.append([cell for cell in row[: len(header)]] + [""] * (len(header) - len(row)))
                numbers.append(reader.line_num)
    except StopIteration:
        raise IngestError(path, "has no header row.") from None
    except csv.Error as exc:
        raise IngestError(path, f"is not valid CSV ({exc}).", line=reader.line_num) from None
    return SurveyTable([h.strip() for h in header], [_line_ends(row) for row in rows], numbers, encoding, delimiter,
                       decoded.note(path.name))


def _line_ends(cells: list[str]) -> list[str]:
    """A line break typed inside a cell is ``\\n``, whatever the survey tool wrote."""
    return [cell.replace("\r\n", "\n").replace("\r", "\n") if "\r" in cell else cell for cell in cells]


def _read_xlsx(path: Path, data: bytes, sheet: str | None) -> SurveyTable:
    import openpyxl

    try:
        open_zip(data, path)  # before openpyxl inflates anything
    except LimitError as exc:
        raise IngestError(path, exc.detail) from None
    except zipfile.BadZipFile:
        pass  # reported below, as openpyxl words it
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise IngestError(path, f"is not a readable .xlsx file ({exc.__class__.__name__}). Open it in Excel and save it again as .xlsx.") from None
    if sheet is not None and sheet not in workbook.sheetnames:
        raise IngestError(path, f"has no sheet '{sheet}' (sheets: {', '.join(workbook.sheetnames)}).")
    worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
    rows: list[list[str]] = []
    numbers: list[int] = []
    header: list[str] | None = None
    read = 0
    # A sheet can declare a range of 16,384 columns and a million rows in a few bytes: read at most
    # MAX_SURVEY_COLUMNS columns and MAX_SURVEY_CELLS cells.
    for number, values in enumerate(worksheet.iter_rows(values_only=True, max_col=MAX_SURVEY_COLUMNS + 1), start=1):
        read += len(values)
        if read > MAX_SURVEY_CELLS:
            workbook.close()
            raise IngestError(path, f"the sheet holds more than {MAX_SURVEY_CELLS:,} cells, qualcode's limit for one "
                                    f"survey. Save only the columns and rows of the survey in a new file.", row=number)
        cells = ["" if v is None else (str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)) for v in values]
        if header is None:
            if any(c.strip() for c in cells):
                header = [c.strip() for c in cells]
            continue
        if any(c.strip() for c in cells):
            rows.append(_line_ends(cells[: len(header)] + [""] * (len(header) - len(cells))))
            numbers.append(number)
    workbook.close()
    if header is None:
        raise IngestError(path, "has no header row in the first sheet.")
    while header and not header[-1]:
        header.pop()
        rows = [r[: len(header)] for r in rows]
    _check_columns(path, header)
    return SurveyTable(header, rows, numbers)


def _check_columns(path: Path, header: list[str]) -> None:
    if len(header) > MAX_SURVEY_COLUMNS:
        raise IngestError(path, f"has more than {MAX_SURVEY_COLUMNS:,} columns, qualcode's limit for a survey. Save "
                                f"only the survey's columns in a new file.", row=1)


def question_groups(names: list[str]) -> dict[str, list[str]]:
    """Group numbered columns into questions: ``elev_ord1..5`` → ``{"elev_ord": [...]}``."""
    groups: dict[str, list[str]] = {}
    for name in names:
        m = _NUMBERED.match(name)
        stem = m.group("stem") if m and m.group("stem") else name
        groups.setdefault(stem, []).append(name)
    # A lone numbered column keeps its own name ("spm3" stays "spm3").
    return {(stem if len(cols) > 1 else cols[0]): cols for stem, cols in groups.items()}


_OPEN_NAME = re.compile(r"ord|svar|answer|word|fritekst|kommentar|comment|åpen|open|utbytte|beskriv", re.IGNORECASE)


def _looks_open(name: str, values: list[str]) -> bool:
    filled = [v.strip() for v in values if v.strip()]
    if not filled:
        return False
    if _OPEN_NAME.search(name) and sum(any(ch.isalpha() for ch in v) for v in filled) > 0.5 * len(filled):
        return True
    numeric = sum(bool(re.fullmatch(r"-?\d+(?:[.,]\d+)?", v)) for v in filled)
    distinct = len({v.lower() for v in filled})
    has_letters = sum(any(ch.isalpha() for ch in v) for v in filled)
    return numeric < 0.5 * len(filled) and has_letters > 0.5 * len(filled) and distinct > max(12, 0.25 * len(filled))


def detect_columns(table: SurveyTable) -> SurveyColumns:
    """Propose the id column, metadata columns and open questions of a survey table."""
    columns = {name: [row[i] for row in table.rows] for i, name in enumerate(table.header)}
    id_column = next((n for n in table.header if _ID_NAME.match(n)), None)
    if id_column is None:
        id_column = next((n for n in table.header if len({v.strip() for v in columns[n]}) == len(table.rows)
                          and all(v.strip() for v in columns[n])), table.header[0])
    rest = [n for n in table.header if n != id_column]
    open_cols = [n for n in rest if _looks_open(n, columns[n])]
    # A numbered column belongs with its siblings, even if it alone looks closed (ord5 mostly empty).
    groups = question_groups(rest)
    questions = {q: cols for q, cols in groups.items() if any(c in open_cols for c in cols)}
    in_questions = {c for cols in questions.values() for c in cols}
    return SurveyColumns(id=id_column, meta=[n for n in rest if n not in in_questions], questions=questions)


def resolve_columns(table: SurveyTable, path: Path, id_column: str | None, meta: list[str] | None,
                    open_columns: list[str] | None) -> SurveyColumns:
    """Columns as the user named them (``QUESTION=col1,col2`` or plain names), else detected."""
    detected = detect_columns(table)
    missing = [c for c in [id_column, *(meta or [])] if c and c not in table.header]
    questions: dict[str, list[str]] = {}
    for spec in open_columns or []:
        name, _, cols = spec.partition("=")
        listed = [c.strip() for c in (cols or name).split(",") if c.strip()]
        missing += [c for c in listed if c not in table.header]
        if cols:
            questions[name.strip()] = listed
        else:
            for q, group in question_groups(listed).items():
                questions.setdefault(q, []).extend(group)
    if missing:
        raise IngestError(path, f"has no column {', '.join(repr(m) for m in missing)}. "
                          f"Columns are: {', '.join(table.header)}.", row=1)
    chosen_id = id_column or detected.id
    if not questions:
        questions = detected.questions
    if not questions:
        raise IngestError(path, "no open-answer column was found. Name them with --open (e.g. --open elev=ord1,ord2,ord3).")
    in_questions = {c for cols in questions.values() for c in cols}
    chosen_meta = meta if meta is not None else [n for n in detected.meta if n != chosen_id and n not in in_questions]
    return SurveyColumns(id=chosen_id, meta=list(chosen_meta), questions=questions)


def split_words(cell: str) -> list[tuple[int, int]]:
    """Spans of the words in one answer cell (split at commas, semicolons and new lines)."""
    spans = []
    for m in re.finditer(r"[^,;\n\r]+", cell):
        start, end = m.start(), m.end()
        mark = _LIST_MARK.match(cell, start, end)
        if mark:
            start = mark.end()
        while start < end and cell[start].isspace():
            start += 1
        while end > start and cell[end - 1] in " \t.":
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def _bounded(cell: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with any longer than MAX_SEGMENT_CHARS cut into sentence pieces (a pasted essay)."""
    result = []
    for s, e in spans:
        if e - s <= MAX_SEGMENT_CHARS:
            result.append((s, e))
        else:
            result.extend((s + ps, s + pe) for ps, pe in sentence_pieces(cell[s:e]))
    return result


def _typed(values: list[str]) -> str:
    filled = [v.strip() for v in values if v.strip()]
    if filled and all(re.fullmatch(r"-?\d+", v) for v in filled):
        return "integer"
    if filled and all(re.fullmatch(r"-?\d+(?:[.,]\d+)?", v) for v in filled):
        return "number"
    if filled and all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) for v in filled):
        return "date"
    return "text"


def _convert(value: str, kind: str) -> Any:
    value = value.strip()
    if not value:
        return None
    if kind == "integer":
        return int(value)
    if kind == "number":
        return float(value.replace(",", "."))
    return value


def read_survey(path: Path, *, id_column: str | None = None, meta: list[str] | None = None,
                open_columns: list[str] | None = None, sheet: str | None = None,
                extra_meta: dict[str, Any] | None = None) -> ParsedDocument:
    """Read a survey export into respondents, answers and words (see the module docstring)."""
    table = read_table(path, sheet)
    index = {name: i for i, name in enumerate(table.header)}
    if id_column is not None and id_column not in index:
        raise IngestError(path, f"has no column '{id_column}'. Columns are: {', '.join(table.header)}.", row=1)
    chosen_id = id_column or detect_columns(table).id
    seen: dict[str, int] = {}
    for row, number in zip(table.rows, table.row_numbers):
        rid = row[index[chosen_id]].strip()
        if not rid:
            raise IngestError(path, f"has an empty respondent id in column '{chosen_id}'. Every respondent needs an id.", row=number)
        if rid in seen:
            raise IngestError(path, f"repeats respondent id '{rid}' (first on row {seen[rid]}). Ids in '{chosen_id}' must be unique.", row=number)
        seen[rid] = number
    columns = resolve_columns(table, path, chosen_id, meta, open_columns)
    types = {name: _typed([row[index[name]] for row in table.rows]) for name in columns.meta}
    parts: list[str] = []
    pos = 0
    segments: list[SegmentDraft] = []
    respondents: list[RespondentDraft] = []
    for row, number in zip(table.rows, table.row_numbers):
        r_index = len(respondents)
        respondents.append(RespondentDraft(
            external_id=row[index[columns.id]].strip(), row=number,
            meta={name: _convert(row[index[name]], types[name]) for name in columns.meta}))
        for question, cols in columns.questions.items():
            cells = [row[index[c]].strip() for c in cols if row[index[c]].strip()]
            if not cells:
                continue
            answer = ANSWER_JOINER.join(cells)
            answer_index = len(segments)
            words: list[SegmentDraft] = []
            offset = 0
            for cell in cells:
                for s, e in _bounded(cell, split_words(cell)):
                    words.append(SegmentDraft(level="word", start=pos + offset + s, end=pos + offset + e,
                                              codable=not is_noise_answer(cell[s:e]), parent=answer_index,
                                              respondent=r_index, question=question))
                offset += len(cell) + len(ANSWER_JOINER)
            segments.append(SegmentDraft(level="answer", start=pos, end=pos + len(answer), codable=False,
                                         respondent=r_index, question=question))
            segments.extend(words)
            parts.append(answer)
            pos += len(answer) + 1
    text = "\n".join(parts)
    notes = []
    if table.encoding == "cp1252":
        notes.append(f"{path.name}: read as Windows-1252 (an Excel export, not UTF-8); æøå were converted")
    elif table.decoding_note:
        notes.append(table.decoding_note)
    doc_meta: dict[str, Any] = {"id_column": columns.id, "questions": columns.questions,
                                "meta_columns": columns.meta, "variable_types": types, "respondents": len(respondents)}
    doc_meta.update(extra_meta or {})
    return ParsedDocument(path=path, name=path.name, kind="survey", text=text, meta=doc_meta,
                          content_hash=hashlib.sha256(path.read_bytes()).hexdigest(), encoding=table.encoding,
                          segments=segments, respondents=respondents, notes=notes)
