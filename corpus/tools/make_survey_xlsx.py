"""Build ``corpus/survey_utbytte.xlsx`` from ``corpus/survey_utbytte.csv``.

The .csv is the source (semicolon-delimited, UTF-8 with BOM, as Norwegian Excel exports it);
the .xlsx holds the same answers in one sheet named "Svar", header in row 1, the way a survey
tool's Excel export looks. Empty answers stay empty cells, ``antall_prosjekter`` is a number,
and the line breaks inside ``skole_ord`` are kept (the column is set to wrap so they show).

Example::

    .venv/bin/python corpus/tools/make_survey_xlsx.py
    .venv/bin/python corpus/tools/make_survey_xlsx.py other.csv other.xlsx
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

CORPUS = Path(__file__).resolve().parent.parent
SHEET = "Svar"
INTEGER_COLUMNS = {"antall_prosjekter"}
WRAP_COLUMNS = {"skole_ord"}


def read_survey_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    """Return (header, rows) of a semicolon-delimited UTF-8 (BOM or not) survey export."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f, delimiter=";")
        header = next(reader)
        rows = []
        for row in reader:
            if len(row) != len(header):
                sys.exit(f"{path} line {reader.line_num}: {len(row)} fields, expected "
                         f"{len(header)}; check the quoting of cells that contain ; or line breaks")
            rows.append(row)
    return header, rows


def cell_value(column: str, text: str) -> str | int | None:
    if text == "":
        return None
    if column in INTEGER_COLUMNS:
        return int(text)
    return text


def write_survey_xlsx(header: list[str], rows: list[list[str]], path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(header)
    for row in rows:
        ws.append([cell_value(col, text) for col, text in zip(header, row)])

    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for idx, column in enumerate(header, start=1):
        letter = get_column_letter(idx)
        if column in WRAP_COLUMNS:
            ws.column_dimensions[letter].width = 45
            for (cell,) in ws.iter_rows(min_row=2, min_col=idx, max_col=idx):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        else:
            longest = max([len(column)] + [len(r[idx - 1]) for r in rows])
            ws.column_dimensions[letter].width = min(max(10, longest + 2), 40)
    wb.save(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", nargs="?", type=Path, default=CORPUS / "survey_utbytte.csv")
    parser.add_argument("xlsx", nargs="?", type=Path, default=CORPUS / "survey_utbytte.xlsx")
    args = parser.parse_args()
    header, rows = read_survey_csv(args.csv)
    write_survey_xlsx(header, rows, args.xlsx)
    print(f"wrote {len(rows)} respondents x {len(header)} columns to {args.xlsx} (sheet {SHEET!r})")


if __name__ == "__main__":
    main()
