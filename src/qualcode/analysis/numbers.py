"""Numbers as a Norwegian reader writes them: decimal comma, space between thousands, "8 %".

>>> number(4.25, 1), number(12345), percent(8.4)
('4,2', '12\\xa0345', '8\\xa0%')

The spaces are non-breaking (U+00A0), so "70 %" never wraps with the "%" alone on a line.
"""

from __future__ import annotations

NBSP = "\u00a0"


def number(value: float, decimals: int = 0) -> str:
    """``value`` rounded to ``decimals`` places, with a decimal comma and grouped thousands."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", NBSP).replace(".", ",")


def percent(value: float, decimals: int = 0) -> str:
    """A percentage with a non-breaking space before the sign: ``percent(79.2) == '79 %'``."""
    return f"{number(value, decimals)}{NBSP}%"
