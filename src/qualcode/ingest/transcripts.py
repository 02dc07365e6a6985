"""Read interview transcripts (.txt, .md, .docx) into turns and sentences.

A turn starts on a line with a speaker label: "I:", "Intervjuer:", "K:", "Rektor:", "Lærer 2:",
"[00:12:31] Koordinator:". Lines without a label continue the turn. Metadata comes from YAML
front matter (between ``---`` lines at the top) or a sidecar ``NAME.meta.yaml``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import zipfile
from pathlib import Path
from typing import Any

import yaml

from qualcode.ingest.model import IngestError, ParsedDocument, SegmentDraft, read_source
from qualcode.ingest.split import sentence_pieces
from qualcode.limits import MAX_YAML_BYTES, LimitError, check_size, load_yaml, open_zip
from qualcode.nlp.textfiles import TextFileError, decode_text, decode_text_lines

TRANSCRIPT_SUFFIXES = {".txt", ".md", ".docx"}

ROLE_WORDS = (
    "i|int|intervjuer|intervjuar|interviewer|moderator|k|r|l|e|p|inf|informant|koordinator|prosjektkoordinator|"
    "rektor|assisterende rektor|lærer|lærar|inspektør|avdelingsleder|avdelingsleiar|ledelse|leder|leiar|elev|"
    "kontaktlærer|rådgiver|rådgjevar|teacher|coordinator|principal|student|deltaker|deltakar"
)
_LABEL = re.compile(
    r"^[ \t]*(?P<stamp>[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])][ \t]*)?"
    r"(?P<label>(?:" + ROLE_WORDS + r")(?:[ \t]*\d{1,2})?|[A-ZÆØÅ][a-zæøåé]+(?:[ \t][A-ZÆØÅ][a-zæøåé.]*)?|[A-ZÆØÅ]{1,3}\d?)"
    r"[ \t]*:[ \t]*",
    re.IGNORECASE,
)
_KNOWN_ROLE = re.compile(r"^(?:" + ROLE_WORDS + r")(?:\s*\d{1,2})?$", re.IGNORECASE)
INTERVIEWER_LABELS = {"i", "int", "intervjuer", "intervjuar", "interviewer", "moderator"}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)---[ \t]*\n", re.DOTALL)


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _plain(value: Any) -> Any:
    """YAML dates become ISO strings, so metadata stays JSON."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _load_meta(yaml_text: str, source: Path, first_line: int = 1) -> dict[str, Any]:
    try:
        data = load_yaml(yaml_text, source) or {}
    except LimitError as exc:
        raise IngestError(source, exc.detail, line=first_line - 1 + exc.line if exc.line else None) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + mark.line if mark is not None else None
        raise IngestError(source, f"the metadata is not valid YAML ({getattr(exc, 'problem', exc)}).", line=line) from None
    if not isinstance(data, dict):
        raise IngestError(source, "the metadata must be 'key: value' lines (a YAML mapping).", line=first_line)
    return {str(k): _plain(v) for k, v in data.items()}


def read_docx_text(path: Path, data: bytes) -> str:
    """The paragraphs of a .docx, one per line."""
    import io

    import docx

    try:
        open_zip(data, path)  # before python-docx inflates anything
        document = docx.Document(io.BytesIO(data))
    except LimitError as exc:
        raise IngestError(path, exc.detail) from None
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IngestError(path, f"is not a readable .docx file ({exc.__class__.__name__}). Open it in Word and save it again as .docx.") from None
    except Exception as exc:  # python-docx raises assorted errors on broken XML
        raise IngestError(path, f"is not a readable .docx file ({exc}). Open it in Word and save it again as .docx.") from None
    return "\n".join(p.text for p in document.paragraphs)


def _labels(lines: list[str]) -> list[re.Match[str] | None]:
    """Speaker-label matches per line; a name-like label must recur to count as a speaker."""
    matches = [_LABEL.match(line) for line in lines]
    counts: dict[str, int] = {}
    for m in matches:
        if m:
            key = m.group("label").lower()
            counts[key] = counts.get(key, 0) + 1
    result = []
    for m in matches:
        if m and not m.group("stamp") and not _KNOWN_ROLE.match(m.group("label")) and counts[m.group("label").lower()] < 2:
            m = None  # "Resultatet: …" in running text is not a speaker
        result.append(m)
    return result


def split_turns(text: str) -> list[tuple[str | None, int, int]]:
    """``(speaker, start, end)`` of every turn; text before the first label has speaker None."""
    turns: list[list] = []
    pos = 0
    lines = text.splitlines(keepends=True)
    for line, match in zip(lines, _labels(lines)):
        if match:
            turns.append([match.group("label").strip(), pos + match.end(), pos + len(line)])
        elif line.strip():
            if turns:
                turns[-1][2] = pos + len(line)
            else:
                turns.append([None, pos + len(line) - len(line.lstrip()), pos + len(line)])
        pos += len(line)
    result = []
    for speaker, start, end in turns:
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            result.append((speaker, start, end))
    return result


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r"\S(?:.*?\S)?(?=\n[ \t]*\n|\s*\Z)", text, re.DOTALL):
        spans.append((m.start(), m.end()))
    return spans


def segment_transcript(text: str) -> list[SegmentDraft]:
    """Turns (or paragraphs, when the text has no speaker labels) and their sentences.

    A turn of one sentence is codable itself; a longer one is coded by its sentences, none of
    them longer than :data:`~qualcode.ingest.split.MAX_SEGMENT_CHARS` (see ``ingest/split.py``).
    """
    turns = split_turns(text)
    labelled = any(speaker for speaker, _, _ in turns)
    units = turns if labelled else [(None, s, e) for s, e in _paragraphs(text)]
    segments: list[SegmentDraft] = []
    for speaker, start, end in units:
        is_interviewer = bool(speaker) and speaker.lower() in INTERVIEWER_LABELS
        level = "turn" if labelled else "paragraph"
        sentences = sentence_pieces(text[start:end])  # none longer than MAX_SEGMENT_CHARS
        index = len(segments)
        segments.append(SegmentDraft(level=level, start=start, end=end, speaker=speaker,
                                     codable=not is_interviewer and len(sentences) <= 1))
        if len(sentences) > 1:
            for s, e in sentences:
                segments.append(SegmentDraft(level="sentence", start=start + s, end=start + e, speaker=speaker,
                                             parent=index, codable=not is_interviewer))
    return segments


def read_transcript(path: Path, extra_meta: dict[str, Any] | None = None) -> ParsedDocument:
    """Read one transcript file into a :class:`ParsedDocument`."""
    suffix = path.suffix.lower()
    if suffix not in TRANSCRIPT_SUFFIXES:
        raise IngestError(path, f"'{suffix}' is not a transcript format (use .txt, .md or .docx).")
    data = read_source(path)
    encoding = None
    notes = []
    if suffix == ".docx":
        text = read_docx_text(path, data)
    else:
        try:
            decoded = decode_text_lines(data, str(path))
        except TextFileError as exc:
            raise IngestError(path, str(exc).removeprefix(str(path)).lstrip(": ")) from None
        text, encoding = decoded.text, decoded.encoding
        if decoded.note(path.name):
            notes.append(decoded.note(path.name))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta: dict[str, Any] = {}
    front = _FRONT_MATTER.match(text)
    if front:
        meta.update(_load_meta(front.group("yaml"), path, first_line=2))
        text = text[front.end():]
    sidecar = path.with_name(path.name[: -len(path.suffix)] + ".meta.yaml")
    if sidecar.is_file():
        try:
            check_size(sidecar, sidecar.stat().st_size, MAX_YAML_BYTES, "YAML file")
        except LimitError as exc:
            raise IngestError(sidecar, exc.detail) from None
        try:
            sidecar_text = decode_text(sidecar.read_bytes(), str(sidecar))[0]
        except TextFileError as exc:
            raise IngestError(sidecar, str(exc).removeprefix(str(sidecar)).lstrip(": ")) from None
        meta.update(_load_meta(sidecar_text, sidecar))
    meta.update(extra_meta or {})
    segments = segment_transcript(text)
    if not segments:
        raise IngestError(path, "holds no text. Nothing was ingested.")
    kind = "interview" if any(s.speaker for s in segments) else "document"
    return ParsedDocument(path=path, name=path.name, kind=kind, text=text, meta=meta, content_hash=_hash(data),
                          encoding=encoding, segments=segments, notes=notes)
