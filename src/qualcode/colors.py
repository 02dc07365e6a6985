"""Colour contrast as WCAG 2.1 defines it, so text on a category colour stays readable.

>>> text_color("#7FBC41"), text_color("#2166AC")
('#000000', '#FFFFFF')
>>> round(contrast_ratio("#FFFFFF", "#E6AB02"), 1)
2.1
"""

from __future__ import annotations

BLACK, WHITE = "#000000", "#FFFFFF"


def relative_luminance(color: str) -> float:
    """WCAG relative luminance of ``#RRGGBB`` (0 for black, 1 for white)."""
    channels = [int(color.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours, from 1 (none) to 21 (black on white)."""
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_color(background: str) -> str:
    """Black or white, whichever contrasts more with ``background`` (≥ 4.5:1 whenever either can)."""
    return BLACK if contrast_ratio(background, BLACK) >= contrast_ratio(background, WHITE) else WHITE
