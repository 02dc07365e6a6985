"""Spreadsheet cells that stay inert: text from a project is never written as a formula.

Survey answers, metadata, category labels and document names come from files other people
typed. A cell such as ``=HYPERLINK("http://x","y")`` or ``=cmd|' /C calc'!A0`` must open in
Excel or LibreOffice as the text it is, not run.

* In ``.xlsx`` every text value is written as a string cell (``t="inlineStr"``), never a
  formula, whatever it starts with; characters XML cannot hold (control characters) become
  U+FFFD so that writing never fails on them. Numbers stay numbers.
* In CSV, which has no cell types, a text value that starts with ``=``, ``+``, ``-``, ``@``, a
  tab or a carriage return gets a leading apostrophe, as the OWASP guidance on CSV injection
  recommends (https://owasp.org/www-community/attacks/CSV_Injection); spreadsheet programs show
  the rest as text. Numbers (``int``/``float`` values) stay numbers, so ``-1`` as a number is
  written as ``-1`` and ``"-1"`` as text as ``'-1``.

>>> csv_cell('=HYPERLINK("http://x","y")'), csv_cell(-1), csv_cell("engelsk")
('\\'=HYPERLINK("http://x","y")', -1, 'engelsk')
"""

from __future__ import annotations

from collections.abc import Iterable

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """``value`` made safe for a CSV cell (see the module docstring); non-text values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_row(values: Iterable[object]) -> list[object]:
    return [csv_cell(v) for v in values]


def set_text(cell, value: object) -> None:
    """Put ``value`` into an openpyxl cell; text always as a string cell, never a formula."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would make a text starting with "=" a formula


def append_row(sheet, values: Iterable[object]) -> None:
    """``sheet.append(values)`` with every text value written as text (see :func:`set_text`)."""
    values = [ILLEGAL_CHARACTERS_RE.sub("\ufffd", v) if isinstance(v, str) else v for v in values]
    sheet.append(values)
    row = sheet.max_row  # append writes below everything written so far
    for column, value in enumerate(values, 1):
        if isinstance(value, str):
            sheet.cell(row=row, column=column).data_type = "s"
