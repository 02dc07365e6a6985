"""Rule-based sentence spans for splitting long turns at ingest (fast and deterministic)."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language


@lru_cache(maxsize=1)
def _splitter() -> Language:
    nlp = spacy.blank("nb")
    nlp.add_pipe("sentencizer")
    return nlp


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in ``text``, trimmed of surrounding whitespace.

    >>> sentence_spans("Vi reiste til Polen. Elevene likte det!")
    [(0, 20), (21, 39)]
    """
    if not text.strip():
        return []
    nlp = _splitter()
    if len(text) >= nlp.max_length:
        nlp.max_length = len(text) + 1
    spans = []
    for sent in nlp(text).sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans
