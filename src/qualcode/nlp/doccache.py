"""Compact, fast serialisation of parsed Docs for the project's parse cache.

``Doc.to_bytes`` goes through msgpack, whose decoder registry scans the installed packages'
entry points on every call (about a millisecond a Doc); re-coding 100,000 cached segments
would spend most of its time there. This format keeps what the tagger reads (words, lemmas,
spaces, sentence starts) as plain separator-joined text, the strings the Doc uses as JSON, and
the token attributes as one int array.
"""

from __future__ import annotations

import json
from array import array
from functools import lru_cache
from json.encoder import encode_basestring
from typing import NamedTuple

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

ATTRS = [LEMMA, POS, TAG, MORPH, HEAD, DEP, SENT_START, ENT_IOB, ENT_TYPE]
_STRING_ATTRS = (LEMMA, TAG, MORPH, DEP, ENT_TYPE)
_STRING_COLUMNS = [i for i, attr in enumerate(ATTRS) if attr in _STRING_ATTRS]
_LEMMA, _SENT_START = ATTRS.index(LEMMA), ATTRS.index(SENT_START)
VERSION = b"QCD3"
FORMAT = "qcd3"  # part of the parse-cache key: entries of another format are simply re-parsed
_WORD, _LIST = "\x1f", "\x1e"  # ASCII unit and record separators
SPACE, SENT_START_FLAG = 1, 2


class Header(NamedTuple):
    """The tagger's part of a cache entry: word forms, lemmas and one flag byte per token."""

    words: list[str]
    lemmas: list[str]
    flags: bytes  # bit 1: a space follows the token; bit 2: the token starts a sentence

    @property
    def spaces(self) -> list[bool]:
        return [bool(f & SPACE) for f in self.flags]

    @property
    def sent_starts(self) -> list[bool]:
        return [bool(f & SENT_START_FLAG) for f in self.flags]


def _joined(strings: list[str]) -> str | None:
    """The strings joined by the unit separator, or None if one of them holds a separator."""
    text = _WORD.join(strings)
    if _LIST in text or text.count(_WORD) != max(len(strings) - 1, 0):
        return None
    return text


def _tagger_part(doc: Doc) -> bytes:
    words, lemmas, flags = [], [], []
    for t in doc:  # one pass: each Token object is made once
        words.append(t.text)
        lemmas.append(t.lemma_)
        flags.append((SPACE if t.whitespace_ else 0) | (SENT_START_FLAG if t.is_sent_start else 0))
    return _tagger_bytes(words, lemmas, bytes(flags))


def _tagger_bytes(words: list[str], lemmas: list[str], flags: bytes) -> bytes:
    joined_words, joined_lemmas = _joined(words), _joined(lemmas)
    if joined_words is None or joined_lemmas is None:
        # A token with a control character in it: JSON keeps it exactly (slower to read, and rare).
        body = b"J" + json.dumps([words, lemmas], ensure_ascii=False).encode("utf-8")
    else:
        body = b"T" + (joined_words + _LIST + joined_lemmas).encode("utf-8")
    return len(words).to_bytes(4, "little") + flags + body


def _entry(tagger_part: bytes, strings: list[str], cells: bytes) -> bytes:
    # What json.dumps(strings, ensure_ascii=False) writes, without an encoder's set-up per entry
    doc_part = ("[" + ", ".join(map(encode_basestring, strings)) + "]").encode("utf-8")
    return (VERSION + len(tagger_part).to_bytes(4, "little") + tagger_part
            + len(doc_part).to_bytes(4, "little") + doc_part + cells)


def doc_to_bytes(doc: Doc) -> bytes:
    """Serialise the analysis of ``doc`` (tokens, lemmas, tags, morphology, parse, sentences, entities).

    Layout: magic; the part the tagger reads (token count, flag bytes, then words and lemmas as
    separator-joined text, which decodes several times faster than JSON); the strings the Doc's
    attributes use (JSON, only a full Doc needs them); the attribute array.
    """
    array = doc.to_array(ATTRS).astype(numpy.uint64)
    # A set of the column values first (tolist: Python ints; a Doc has a few dozen distinct ones).
    strings = sorted({doc.vocab.strings[v] for v in set(array[:, _STRING_COLUMNS].ravel().tolist()) if v})
    return _entry(_tagger_part(doc), strings, array.tobytes())


_NOT_A_START = 2**64 - 1  # SENT_START -1 ("not a sentence start") in the uint64 array


def words_to_bytes(words: list[str], spaces: list[bool], lemmas: list[str], sent_starts: list[bool]) -> bytes:
    """The entry :func:`doc_to_bytes` writes for a Doc of ``words`` whose only analysis is lemmas
    and sentence starts (a short text read word by word), made without building the Doc.

    >>> words_to_bytes(["nye", "venner"], [True, False], ["ny", "venn"], [True, False])[:4]
    b'QCD3'
    """
    return words_to_entry(words, spaces, lemmas, sent_starts)[1]


def words_to_entry(words: list[str], spaces: list[bool], lemmas: list[str],
                   sent_starts: list[bool]) -> tuple[Header, bytes]:
    """:func:`words_to_bytes`, and the entry's :class:`Header` (what :func:`read_header` would read)."""
    flags = bytes((SPACE if space else 0) | (SENT_START_FLAG if start else 0) for space, start in zip(spaces, sent_starts))
    cells = b"".join([_token_cells(lemma, bool(start)) for lemma, start in zip(lemmas, sent_starts)])
    entry = _entry(_tagger_bytes(words, lemmas, flags), sorted({lemma for lemma in lemmas if lemma}), cells)
    return Header(words, lemmas, flags), entry


@lru_cache(maxsize=100_000)
def _token_cells(lemma: str, sent_start: bool) -> bytes:
    """One token's row of the attribute array (as ``numpy.uint64`` writes it) when all it has is
    a lemma and a sentence start; survey words repeat, so each row is made once."""
    row = [0] * len(ATTRS)
    row[_LEMMA] = get_string_id(lemma) if lemma else 0
    row[_SENT_START] = 1 if sent_start else _NOT_A_START
    return array("Q", row).tobytes()


def read_header(data: bytes) -> Header:
    """The tagger's part of a cache entry (see :class:`Header`)."""
    if data[:4] != VERSION:
        raise ValueError("not a qualcode parse-cache entry of this format (re-parse needed)")
    end = 8 + int.from_bytes(data[4:8], "little")
    n = int.from_bytes(data[8:12], "little")
    flags = data[12:12 + n]
    kind, body = data[12 + n:13 + n], data[13 + n:end].decode("utf-8")
    if kind == b"J":
        words, lemmas = json.loads(body)
    elif n == 0:
        words, lemmas = [], []
    else:
        joined_words, joined_lemmas = body.split(_LIST)
        words, lemmas = joined_words.split(_WORD), joined_lemmas.split(_WORD)
    return Header(words, lemmas, flags)


def doc_from_bytes(vocab: Vocab, data: bytes) -> Doc:
    """Rebuild a Doc written by :func:`doc_to_bytes` in ``vocab``."""
    header = read_header(data)
    pos = 8 + int.from_bytes(data[4:8], "little")
    size = int.from_bytes(data[pos:pos + 4], "little")
    for string in json.loads(data[pos + 4:pos + 4 + size]):
        vocab.strings.add(string)
    doc = Doc(vocab, words=header.words, spaces=header.spaces)
    if header.words:
        array = numpy.frombuffer(data[pos + 4 + size:], dtype=numpy.uint64).reshape(len(header.words), len(ATTRS))
        doc.from_array(ATTRS, array.copy())
    return doc
