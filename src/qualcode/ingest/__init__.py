"""Ingest: transcripts and survey exports into a project.

>>> from qualcode.ingest import ingest_files
>>> report = ingest_files(project, [Path("intervju.docx"), Path("svar.csv")])   # doctest: +SKIP

Every file is read and checked before anything is written; then all of them are stored in
one transaction. A bad file raises :class:`IngestError` and the project is left as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from qualcode.ingest.model import IngestError, ParsedDocument
from qualcode.ingest.store import IngestReport, store_documents
from qualcode.ingest.surveys import SURVEY_SUFFIXES, read_survey
from qualcode.ingest.transcripts import TRANSCRIPT_SUFFIXES, read_transcript
from qualcode.store import Project

__all__ = ["IngestError", "IngestReport", "ParsedDocument", "ingest_files", "read_file"]


def read_file(path: Path, *, meta: dict[str, Any] | None = None, survey: dict[str, Any] | None = None) -> ParsedDocument:
    """Read one file with the reader its suffix calls for."""
    suffix = path.suffix.lower()
    if suffix in SURVEY_SUFFIXES:
        return read_survey(path, extra_meta=meta, **(survey or {}))
    if suffix in TRANSCRIPT_SUFFIXES:
        return read_transcript(path, extra_meta=meta)
    raise IngestError(path, f"'{suffix or path.name}' is not a format qualcode reads "
                      f"(transcripts: .txt .md .docx; surveys: .csv .xlsx).")


def ingest_files(project: Project, paths: Sequence[Path], *, meta: dict[str, Any] | None = None,
                 survey: dict[str, Any] | None = None,
                 progress: Callable[[Path], None] | None = None) -> IngestReport:
    """Read every file, then store them all in one transaction (see the module docstring)."""
    docs = []
    for path in paths:
        if path.name.endswith(".meta.yaml"):
            continue  # a sidecar belongs to its transcript
        docs.append(read_file(Path(path), meta=meta, survey=survey))
        if progress:
            progress(path)
    return store_documents(project, docs)
