"""Write parsed documents into a project: all files in one transaction, or none."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Connection, insert, select, update

from qualcode.ingest.model import ParsedDocument
from qualcode.store import Project, schema
from qualcode.store.line_ends import LineEnds
from qualcode.store.project import now


def text_hash(text: str) -> str:
    """The key of a segment's text in the parse cache."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


@dataclass
class IngestReport:
    """What an ingest did, per file."""

    added: list[str] = field(default_factory=list)
    new_versions: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    segments: int = 0
    respondents: int = 0
    notes: list[str] = field(default_factory=list)


def _variable_type(values: Iterable[Any]) -> str:
    kinds = {type(v).__name__ for v in values if v is not None}
    if kinds <= {"int", "bool"} and kinds:
        return "integer"
    if kinds <= {"int", "float"} and kinds:
        return "number"
    return "text"


def _register_variables(conn: Connection, scope: str, records: list[dict[str, Any]]) -> None:
    existing = {row.name for row in conn.execute(select(schema.variables.c.name))}
    names = sorted({k for r in records for k in r} - existing)
    if names:
        conn.execute(insert(schema.variables), [
            {"name": n, "type": _variable_type(r.get(n) for r in records), "scope": scope} for n in names
        ])


def _with_line_ends(doc: ParsedDocument) -> ParsedDocument:
    """The document with ``\\n`` line ends (a survey cell may hold ``\\r\\n``), offsets moved:
    every stored text has them, as every REFI-QDA client does."""
    ends = LineEnds(doc.text)
    if not ends.changed:
        return doc
    segments = [replace(s, start=ends.start(s.start), end=ends.end(s.end)) for s in doc.segments]
    return replace(doc, text=ends.text, segments=segments)


def _write_document(conn: Connection, doc: ParsedDocument, previous: Any | None) -> int:
    doc = _with_line_ends(doc)
    meta = dict(doc.meta)
    document_id = conn.execute(insert(schema.documents).values(
        name=doc.name, kind=doc.kind, source_path=str(doc.path), content_hash=doc.content_hash,
        version=(previous.version + 1) if previous is not None else 1,
        previous_id=previous.id if previous is not None else None, current=True, text=doc.text,
        encoding=doc.encoding, meta=meta, ingested_at=now(),
    )).inserted_primary_key[0]
    if previous is not None:
        conn.execute(update(schema.documents).where(schema.documents.c.id == previous.id).values(current=False))
    respondent_ids: list[int] = []
    if doc.respondents:
        rows = [{"document_id": document_id, "external_id": r.external_id, "row": r.row, "meta": r.meta}
                for r in doc.respondents]
        conn.execute(insert(schema.respondents), rows)
        respondent_ids = list(conn.execute(
            select(schema.respondents.c.id).where(schema.respondents.c.document_id == document_id)
            .order_by(schema.respondents.c.id)).scalars())
        _register_variables(conn, "respondent", [r.meta for r in doc.respondents])
    doc_vars = {k: v for k, v in meta.items() if not isinstance(v, (dict, list))
                and k not in {"id_column", "respondents"}}
    _register_variables(conn, "document", [doc_vars])
    # Parents come before children, so ids can be assigned in order: fetch the first new id.
    base = (conn.execute(select(schema.segments.c.id).order_by(schema.segments.c.id.desc()).limit(1)).scalar() or 0) + 1
    rows = []
    for position, s in enumerate(doc.segments):
        text = doc.text[s.start:s.end]
        rows.append({
            "id": base + position, "document_id": document_id, "position": position, "level": s.level,
            "parent_id": base + s.parent if s.parent is not None else None, "codable": s.codable,
            "speaker": s.speaker, "question": s.question, "start": s.start, "end": s.end, "text": text,
            "respondent_id": respondent_ids[s.respondent] if s.respondent is not None else None,
            "text_hash": text_hash(text),
        })
    for chunk in range(0, len(rows), 20_000):
        conn.execute(insert(schema.segments), rows[chunk:chunk + 20_000])
    if conn.dialect.name == "postgresql" and rows:
        # Explicit ids bypass the serial sequence; move it past them.
        conn.exec_driver_sql("SELECT setval(pg_get_serial_sequence('segments', 'id'), (SELECT max(id) FROM segments))")
    return document_id


def store_documents(project: Project, docs: list[ParsedDocument]) -> IngestReport:
    """Store parsed documents in one transaction; unchanged files are skipped (content hash)."""
    report = IngestReport()
    with project.transaction() as conn:
        for doc in docs:
            same = conn.execute(select(schema.documents.c.id, schema.documents.c.name).where(
                schema.documents.c.content_hash == doc.content_hash, schema.documents.c.current.is_(True),
                schema.documents.c.kind == doc.kind)).first()
            if same is not None:
                report.unchanged.append(doc.name if same.name == doc.name else f"{doc.name} (same content as {same.name})")
                continue
            previous = conn.execute(select(schema.documents).where(
                schema.documents.c.name == doc.name, schema.documents.c.current.is_(True))).first()
            _write_document(conn, doc, previous)
            (report.new_versions if previous is not None else report.added).append(doc.name)
            report.segments += len(doc.segments)
            report.respondents += len(doc.respondents)
            report.notes.extend(doc.notes)
    return report
