"""Compact, fast serialisation of parsed Docs for the project's parse cache.

``Doc.to_bytes`` goes through msgpack, whose decoder registry scans the installed packages'
entry points on every call (about a millisecond a Doc); re-coding 100,000 cached segments
would spend most of its time there. This format keeps the words, spaces and the strings the
Doc uses as JSON, and the token attributes as one int array.
"""

from __future__ import annotations

import json

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.tokens import Doc
from spacy.vocab import Vocab

ATTRS = [LEMMA, POS, TAG, MORPH, HEAD, DEP, SENT_START, ENT_IOB, ENT_TYPE]
_STRING_ATTRS = (LEMMA, TAG, MORPH, DEP, ENT_TYPE)
VERSION = b"QCD2"
FORMAT = "qcd2"  # part of the parse-cache key: entries of another format are simply re-parsed


def doc_to_bytes(doc: Doc) -> bytes:
    """Serialise the analysis of ``doc`` (tokens, lemmas, tags, morphology, parse, sentences, entities).

    Layout: magic, the JSON the tagger reads (words, spaces, lemmas, sentence starts), the JSON
    only a full Doc needs (the strings its attributes use), then the attribute array.
    """
    array = doc.to_array(ATTRS).astype(numpy.uint64)
    strings = sorted({doc.vocab.strings[int(v)] for i, attr in enumerate(ATTRS) if attr in _STRING_ATTRS
                      for v in array[:, i] if int(v)})
    tagger_part = json.dumps({"w": [t.text for t in doc], "s": [bool(t.whitespace_) for t in doc],
                              "l": [t.lemma_ for t in doc], "b": [bool(t.is_sent_start) for t in doc]},
                             ensure_ascii=False).encode("utf-8")
    doc_part = json.dumps(strings, ensure_ascii=False).encode("utf-8")
    return (VERSION + len(tagger_part).to_bytes(4, "little") + tagger_part
            + len(doc_part).to_bytes(4, "little") + doc_part + array.tobytes())


def read_header(data: bytes) -> dict:
    """The tagger's part of a cache entry: words ``w``, spaces ``s``, lemmas ``l``, sentence starts ``b``."""
    if data[:4] != VERSION:
        raise ValueError("not a qualcode parse-cache entry of this format (re-parse needed)")
    return json.loads(data[8:8 + int.from_bytes(data[4:8], "little")])


def doc_from_bytes(vocab: Vocab, data: bytes) -> Doc:
    """Rebuild a Doc written by :func:`doc_to_bytes` in ``vocab``."""
    header = read_header(data)
    pos = 8 + int.from_bytes(data[4:8], "little")
    size = int.from_bytes(data[pos:pos + 4], "little")
    for string in json.loads(data[pos + 4:pos + 4 + size]):
        vocab.strings.add(string)
    doc = Doc(vocab, words=header["w"], spaces=header["s"])
    if header["w"]:
        array = numpy.frombuffer(data[pos + 4 + size:], dtype=numpy.uint64).reshape(len(header["w"]), len(ATTRS))
        doc.from_array(ATTRS, array.copy())
    return doc
