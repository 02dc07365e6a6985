"""What a reader hands to the store: a parsed document with its segments and respondents."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class IngestError(ValueError):
    """Bad input: names the file, the line or row, and what to do. Nothing was saved."""

    def __init__(self, path: Path | str, message: str, *, line: int | None = None, row: int | None = None) -> None:
        where = str(path)
        if line is not None:
            where += f" line {line}"
        if row is not None:
            where += f" row {row}"
        super().__init__(f"{where}: {message}")
        self.path = str(path)
        self.line = line
        self.row = row


@dataclass
class SegmentDraft:
    """A segment before it has an id; ``parent`` is the index of its parent in the same list."""

    level: str
    start: int
    end: int
    codable: bool
    speaker: str | None = None
    parent: int | None = None
    respondent: int | None = None  # index into ParsedDocument.respondents
    question: str | None = None


@dataclass
class RespondentDraft:
    external_id: str
    row: int
    meta: dict[str, Any]


@dataclass
class ParsedDocument:
    """A file read into text, metadata and segments; ``text[s.start:s.end]`` is each segment."""

    path: Path
    name: str
    kind: str
    text: str
    meta: dict[str, Any]
    content_hash: str
    encoding: str | None = None
    segments: list[SegmentDraft] = field(default_factory=list)
    respondents: list[RespondentDraft] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # things the user should know (encoding…)


def read_source(path: Path) -> bytes:
    """The bytes of an input file, or one clear error: missing, unreadable, too large or empty.

    Text files (.txt .md .csv .tsv) may be up to ``limits.MAX_TEXT_BYTES``, zip containers
    (.docx .xlsx) up to ``limits.MAX_ARCHIVE_BYTES`` before unpacking (see docs/security.md).
    """
    from qualcode.limits import MAX_ARCHIVE_BYTES, MAX_TEXT_BYTES, LimitError, check_size

    try:
        limit = MAX_ARCHIVE_BYTES if Path(path).suffix.lower() in (".docx", ".xlsx") else MAX_TEXT_BYTES
        check_size(path, Path(path).stat().st_size, limit)
        data = Path(path).read_bytes()
    except LimitError as exc:
        raise IngestError(path, exc.detail + " Nothing was ingested.") from None
    except FileNotFoundError:
        raise IngestError(path, "the file does not exist (was it moved or deleted?). Nothing was ingested.") from None
    except OSError as exc:
        raise IngestError(path, f"cannot be read ({exc.strerror}).") from None
    if not data.strip():
        raise IngestError(path, "the file is empty. Nothing was ingested.")
    return data
