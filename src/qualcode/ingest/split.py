"""Sentences of any text, each under a fixed size: what makes a turn or an answer codable.

A transcript line can be megabytes long (a pasted log, a file without line breaks, one long
answer without punctuation). Stored as one segment it cannot be parsed (spaCy refuses texts
over a million characters) and would poison every later ``qualcode code``. So the text is cut
into pieces of at most :data:`MAX_SEGMENT_CHARS`: at sentence ends where there are any, else at
whitespace, else (a "word" longer than the limit) at the limit itself. The text is walked in
blocks of :data:`BLOCK_CHARS`, so the sentence splitter never sees more than one block.

>>> sentence_pieces("Vi reiste til Polen. Elevene likte det!")
[(0, 20), (21, 39)]
>>> [e - s for s, e in sentence_pieces("ord " * 3000)]
[4999, 4999, 1999]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from qualcode.nlp.sentences import sentence_spans

MAX_SEGMENT_CHARS = 5_000  # a sentence this long is no sentence; spaCy parses pieces this size comfortably
BLOCK_CHARS = 100_000
_SENTENCE_END = re.compile(r"[.!?…][\"'»”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


def _cut(text: str, start: int, limit: int, pattern: re.Pattern[str]) -> int | None:
    """The position after the last ``pattern`` match within ``text[start:start + limit]``, or None."""
    window = text[start:start + limit]
    last = None
    for match in pattern.finditer(window):
        if match.end() > 0 and match.start() > 0:
            last = match.end()
    return start + last if last else None


def _blocks(text: str, size: int) -> Iterator[tuple[int, int]]:
    """``(start, end)`` blocks of at most ``size`` characters, cut at a sentence end, else whitespace."""
    start = 0
    while start < len(text):
        if len(text) - start <= size:
            yield start, len(text)
            return
        end = _cut(text, start, size, _SENTENCE_END) or _cut(text, start, size, _SPACE) or start + size
        yield start, end
        start = end


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def sentence_pieces(text: str, max_chars: int = MAX_SEGMENT_CHARS) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text``, none longer than ``max_chars``.

    Spans are trimmed of surrounding whitespace and ``text[start:end]`` is the piece exactly.
    A text without long sentences gets exactly :func:`~qualcode.nlp.sentences.sentence_spans`.
    """
    if len(text) <= BLOCK_CHARS:
        spans = sentence_spans(text)
        if all(e - s <= max_chars for s, e in spans):
            return spans
    result = []
    for block_start, block_end in _blocks(text, BLOCK_CHARS):
        for s, e in sentence_spans(text[block_start:block_end]):
            for piece_start, piece_end in _blocks(text[block_start + s:block_start + e], max_chars):
                piece = _trimmed(text, block_start + s + piece_start, block_start + s + piece_end)
                if piece:
                    result.append(piece)
    return result
