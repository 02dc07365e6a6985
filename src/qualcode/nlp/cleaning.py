"""Clean text extracted from PDF, keeping a map back to the original offsets.

PDF extraction leaves hyphenated line breaks ("Kompetanse-\\nmål"), footnote numbers glued to
words ("bekreftelsestendenser8"), page numbers on lines of their own, private-use bullet glyphs
(U+F0B7) and runs of blank lines. :func:`clean_text` removes them and returns a
:class:`CleanedText` whose ``original_offset`` maps every position of the cleaned text back to
the original, so the app can show an analyst exactly where a coded passage came from.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

BULLET_GLYPHS = "\uf0b7\uf0a7\uf076\uf0d8\uf0fc"

# "Kompetanse-\nmål" → "Kompetansemål", but "barne- og\nungdomsskole" keeps its hyphen and line
# break: only a hyphen at the end of a line (a blank line may follow) before a lower-case word
# that is not a conjunction is joined. "skole-til-skole-\n\npartnerskap" already holds hyphens,
# so its last hyphen is a real one and stays.
_HYPHEN_BREAK = re.compile(
    r"(?P<word>[\w-]*[a-zæøåA-ZÆØÅ])-[ \t]*\n(?:[ \t]*\n)?[ \t]*(?=[a-zæøå])(?!(?:og|eller|til)\b)"
)
# A footnote number glued to a word of four or more lower-case letters, before space or punctuation.
_FOOTNOTE = re.compile(r"(?<=[a-zæøå]{4})\d{1,2}(?=[\s.,;:!?)»\"]|$)")
# A line that holds only a page number (optionally "Side 12" or "12 |").
_PAGE_LINE = re.compile(r"^[ \t]*(?:[Ss]ide[ \t]+)?\d{1,3}[ \t|]*$\n?", re.MULTILINE)
_BULLET = re.compile(f"[{BULLET_GLYPHS}]")
_BLANK_RUN = re.compile(r"\n(?:[ \t]*\n){2,}")


@dataclass(frozen=True)
class CleanedText:
    """Cleaned text plus, for each of its positions, the position in the original text.

    ``offsets`` has ``len(text) + 1`` entries; the last one is the original's length, so both
    start and (exclusive) end offsets of a span can be mapped.
    """

    text: str
    original: str
    offsets: tuple[int, ...]

    def original_offset(self, index: int) -> int:
        """Position in the original text of position ``index`` of the cleaned text."""
        return self.offsets[index]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the cleaned span ``[start, end)``."""
        if end <= start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


def _join_hyphen(match: re.Match[str]) -> str:
    word = match.group("word")
    return word + ("-" if "-" in word else "")


def _apply(
    text: str, offsets: list[int], pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str]
) -> tuple[str, list[int]]:
    """Replace matches of ``pattern``, carrying offsets.

    A replacement keeps the offsets of the matched text's first characters, so text that is
    kept at the start of a match (a word before a hyphen) still maps to where it was.
    """
    out: list[str] = []
    new_offsets: list[int] = []
    pos = 0
    for match in pattern.finditer(text):
        out.append(text[pos:match.start()])
        new_offsets.extend(offsets[pos:match.start()])
        replacement = repl(match) if callable(repl) else repl
        out.append(replacement)
        new_offsets.extend(offsets[match.start() + k] for k in range(len(replacement)))
        pos = match.end()
    out.append(text[pos:])
    new_offsets.extend(offsets[pos:len(text)])
    new_offsets.append(offsets[len(text)])
    return "".join(out), new_offsets


def clean_text(text: str) -> CleanedText:
    """Remove PDF-extraction artefacts from ``text``.

    >>> c = clean_text("Kompetanse-\\nmål og bekreftelsestendenser8 finnes.\\n12\\n")
    >>> c.text
    'Kompetansemål og bekreftelsestendenser finnes.\\n'
    >>> c.original[c.original_offset(10):c.original_offset(10) + 3]
    'mål'
    """
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    # \r\n → \n shortens the text, so offsets start from the original positions.
    offsets: list[int] = []
    i = 0
    while i < len(text):
        offsets.append(i)
        i += 2 if text.startswith("\r\n", i) else 1
    offsets.append(len(text))
    current = normalised
    for pattern, repl in (
        (_PAGE_LINE, ""),
        (_HYPHEN_BREAK, _join_hyphen),
        (_FOOTNOTE, ""),
        (_BULLET, "•"),
        (_BLANK_RUN, "\n\n"),
    ):
        current, offsets = _apply(current, offsets, pattern, repl)
    return CleanedText(text=current, original=text, offsets=tuple(offsets))
