"""Excel and CSV export: every coding as a row, a category × group table, quotes with attribution.

>>> export_excel(project, Path("koding.xlsx"), by="skolenivå")      # doctest: +SKIP
>>> export_csv(project, Path("koding.csv"))                           # doctest: +SKIP

The workbook has three sheets: «Kodinger» (one row per coding: the coded text, category, coder,
status and the document's or respondent's metadata), «Krysstabell» (per codebook, categories
against the groups of ``by`` (else each question's stored comparison variable) for the interviews and each survey question, counted as
``qualcode stats`` counts them) and «Sitater» (the best quotes per category, with attribution).
The CSV is the «Kodinger» sheet, semicolon-separated UTF-8 with a byte-order mark, which is
what Excel with Norwegian settings opens directly. No text becomes a formula in either: see
:mod:`qualcode.exchange.cells`.
"""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from qualcode.analysis.stats import best_quotes, group_table
from qualcode.exchange.cells import append_row, csv_row, set_text
from qualcode.exchange.pseudonymise import Pseudonymiser
from qualcode.exchange.refi import ExportReport
from qualcode.exchange.snapshot import Snapshot, read_snapshot
from qualcode.store import Project
from qualcode.store.questions import question_settings
from qualcode.store.summary import project_summary
from qualcode.store.values import Status

CODING_COLUMNS = ["dokument", "dokumenttype", "segment", "taler", "respondent", "spørsmål", "start", "slutt", "tekst",
                  "kodebok", "kategori", "kategori_id", "koder", "status", "kilde", "skår", "kodet"]
BOLD = Font(bold=True)


def coding_table(snap: Snapshot) -> tuple[list[str], list[list]]:
    """Column names and one row per coding, metadata columns last (document, then respondent)."""
    names = [name for name, _, _ in snap.variables]
    document_vars = [n for n in names if any(n in d.meta for d in snap.documents)]
    respondent_vars = [n for n in names if any(n in r.meta for r in snap.respondents.values())]
    docs = {d.id: d for d in snap.documents}
    books = {b.id: b for b in snap.codebooks}
    labels = {(b.id, c.id): c.label for b in snap.codebooks for c in b.categories}
    rows = []
    for c in snap.codings:
        doc, seg = docs[c.document_id], snap.segments.get(c.segment_id)
        respondent = snap.respondents.get(seg.respondent_id) if seg and seg.respondent_id else None
        rows.append([doc.name, doc.kind, c.segment_id, seg.speaker if seg else None,
                     respondent.external_id if respondent else None, seg.question if seg else None, c.start, c.end,
                     doc.text[c.start:c.end], books[c.codebook].name, labels.get((c.codebook, c.category), c.category),
                     c.category, c.coder, c.status, c.source, round(c.score, 3) if c.score is not None else None,
                     c.updated_at.strftime("%Y-%m-%d %H:%M")]
                    + [_cell(doc.meta.get(name)) for name in document_vars]
                    + [_cell(respondent.meta.get(name)) if respondent else None for name in respondent_vars])
    # A variable may share a name with a fixed column ("status", "start"); say which is which.
    meta_columns = [f"{name} (metadata)" if name in CODING_COLUMNS else name for name in document_vars] + \
        [f"{name} (respondent)" if name in CODING_COLUMNS + document_vars else name for name in respondent_vars]
    return CODING_COLUMNS + meta_columns, rows


def _cell(value):
    return value if value is None or isinstance(value, (str, int, float, bool)) else str(value)


def _sheet_header(sheet, columns: list[str], row: int = 1) -> None:
    for i, name in enumerate(columns, 1):
        cell = sheet.cell(row=row, column=i)
        set_text(cell, name)
        cell.font = BOLD


def _widths(sheet, widths: dict[int, int]) -> None:
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = width


def _codings_sheet(book: Workbook, snap: Snapshot) -> int:
    sheet = book.active
    sheet.title = "Kodinger"
    columns, rows = coding_table(snap)
    _sheet_header(sheet, columns)
    for row in rows:
        append_row(sheet, row)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    _widths(sheet, {1: 34, 9: 80, 10: 22, 11: 30, 13: 14})
    return len(rows)


def _crosstab_sheet(book: Workbook, project: Project, snap: Snapshot, by: str | None,
                    pseudonymiser: Pseudonymiser | None) -> list[str]:
    sheet = book.create_sheet("Krysstabell")
    notes: list[str] = []
    settings = question_settings(project)
    questions = list(project_summary(project).questions)
    has_interviews = any(d.kind in ("interview", "document") for d in snap.documents)
    row = 1
    for codebook in snap.codebooks:
        for question in ([None] if has_interviews else []) + questions:
            group_by = by or (settings[question].by if question in settings else None)
            if not group_by:
                continue  # no variable to compare by: give --by, or store one for the question
            try:
                table = group_table(project, codebook, group_by, question)
            except ValueError as exc:
                notes.append(f"Krysstabell, {codebook.name}, {question or 'intervjuer'}: {exc}")
                continue
            if not any(table.counts[g] for g in table.groups):
                continue  # this codebook coded nothing here
            unit = "respondenter" if table.unit == "respondents" else "segmenter"
            where = f"spørsmål {question}" if question else "intervjuer og dokumenter"
            title = sheet.cell(row=row, column=1)
            set_text(title, f"{codebook.name}: {where} ({unit}), etter {group_by}")
            title.font = BOLD
            groups = [pseudonymiser.text(g) if pseudonymiser else g for g in table.groups]
            header = ["Kategori"] + [x for g in groups for x in (g, f"{g} %")] + ["Totalt", "Totalt %"]
            _sheet_header(sheet, header, row + 1)
            total = sum(table.n.values())
            append_row(sheet, ["N"] + [x for g in table.groups for x in (table.n[g], None)] + [total, None])
            for category in codebook.categories:
                counts = [table.counts[g].get(category.id, 0) for g in table.groups]
                cells = [x for g, n in zip(table.groups, counts) for x in (n, round(table.percent(g, category.id), 1))]
                overall = sum(counts)
                append_row(sheet, [category.label] + cells + [overall, round(100 * overall / total, 1) if total else 0.0])
            row = sheet.max_row + 2
    _widths(sheet, {1: 44})
    return notes


def _quotes_sheet(book: Workbook, project: Project, snap: Snapshot, pseudonymiser: Pseudonymiser | None) -> None:
    sheet = book.create_sheet("Sitater")
    _sheet_header(sheet, ["kodebok", "kategori", "sitat", "attribusjon", "dokument", "status", "skår"])
    p = pseudonymiser.text if pseudonymiser else (lambda text: text)
    for codebook in snap.codebooks:
        for category in codebook.categories:
            for quote in best_quotes(project, codebook, category.id):
                append_row(sheet, [codebook.name, category.label, p(quote.text), p(quote.attribution), p(quote.document),
                              quote.status, round(quote.score, 3)])
    _widths(sheet, {1: 22, 2: 30, 3: 90, 4: 34, 5: 34})


def export_excel(project: Project, out: Path, *, by: str | None = None, codebooks: list[str] | None = None,
                 statuses: tuple[str, ...] = (Status.SUGGESTED, Status.ACCEPTED),
                 pseudonymiser: Pseudonymiser | None = None) -> ExportReport:
    """Write the workbook described in the module docstring."""
    out = Path(out)
    snap = read_snapshot(project, statuses, codebooks, pseudonymiser)
    book = Workbook()
    n = _codings_sheet(book, snap)
    notes = _crosstab_sheet(book, project, snap, by, pseudonymiser)
    _quotes_sheet(book, project, snap, pseudonymiser)
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return ExportReport(out, sources=len(snap.documents), codings=n, users=snap.coders, left_out=snap.notes + notes)


def export_csv(project: Project, out: Path, *, codebooks: list[str] | None = None,
               statuses: tuple[str, ...] = (Status.SUGGESTED, Status.ACCEPTED),
               pseudonymiser: Pseudonymiser | None = None) -> ExportReport:
    """Write the codings table (the «Kodinger» sheet) as CSV."""
    out = Path(out)
    snap = read_snapshot(project, statuses, codebooks, pseudonymiser)
    columns, rows = coding_table(snap)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(csv_row(columns))
        writer.writerows(csv_row(row) for row in rows)
    return ExportReport(out, sources=len(snap.documents), codings=len(rows), users=snap.coders, left_out=snap.notes)
