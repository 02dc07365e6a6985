"""What an export sees of a project: current documents, codebooks, codings, memos, variables.

>>> snap = read_snapshot(project, statuses=("accepted",))          # doctest: +SKIP

With a :class:`~qualcode.exchange.pseudonymise.Pseudonymiser` every text, name and metadata value
is pseudonymised and every offset moved to the pseudonymised text, so ``doc.text[c.start:c.end]``
is still the coded span. Nothing is written back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select

from qualcode.exchange.common import utc
from qualcode.exchange.pseudonymise import Pseudonymiser
from qualcode.review.judgements import MACHINE_CODERS, judgements
from qualcode.store import Project, schema
from qualcode.store.codebooks import stored_codebooks
from qualcode.store.values import Status
from qualcode.tagging.codebook import Codebook


@dataclass
class Document:
    id: int
    name: str
    kind: str
    text: str
    meta: dict[str, Any]
    ingested_at: datetime


@dataclass
class Segment:
    id: int
    document_id: int
    start: int
    end: int
    speaker: str | None
    respondent_id: int | None
    question: str | None
    level: str = "sentence"  # turn | sentence | paragraph | answer | word


@dataclass
class Coding:
    """A coding as exported: ``coder`` is who stands behind it (the tagger for a suggestion)."""

    id: int
    document_id: int
    segment_id: int
    codebook: str
    category: str  # category key
    start: int
    end: int
    source: str
    status: str
    coder: str
    score: float | None
    created_at: datetime
    updated_at: datetime


@dataclass
class Memo:
    id: int
    document_id: int | None
    segment_id: int | None
    coding_id: int | None
    coder: str
    text: str
    created_at: datetime
    updated_at: datetime


@dataclass
class Respondent:
    id: int
    document_id: int
    external_id: str
    meta: dict[str, Any]


@dataclass
class Snapshot:
    name: str
    created_at: datetime | None
    documents: list[Document]
    segments: dict[int, Segment]
    codebooks: list[Codebook]
    codings: list[Coding]
    memos: list[Memo]
    respondents: dict[int, Respondent]
    variables: list[tuple[str, str, str]]  # (name, type, scope)
    notes: list[str] = field(default_factory=list)  # what the export leaves out, for the user

    @property
    def coders(self) -> list[str]:
        """Everyone behind a coding or a memo, in order of appearance."""
        return list(dict.fromkeys([c.coder for c in self.codings] + [m.coder for m in self.memos]))


def read_snapshot(project: Project, statuses: tuple[str, ...] = (Status.SUGGESTED, Status.ACCEPTED),
                  codebooks: list[str] | None = None, pseudonymiser: Pseudonymiser | None = None) -> Snapshot:
    """Read what an export needs; ``codebooks`` (keys) limits the codings.

    Codings are judgements: with ``"accepted"`` in ``statuses``, one per human coder whose last
    word on a coding is yes (so two coders who reviewed the same suggestion give two), dated
    when they said it; with ``"suggested"``, one per open suggestion, by the tagger.
    """
    books = stored_codebooks(project, codebooks)
    d, s, c, cat, cb, m, r = (schema.documents, schema.segments, schema.codings, schema.categories,
                              schema.codebooks, schema.memos, schema.respondents)
    with project.read() as conn:
        created = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "created_at")).scalar()
        docs = conn.execute(select(d).where(d.c.current.is_(True)).order_by(d.c.id)).all()
        current = {row.id for row in docs}
        segments = conn.execute(select(s.c.id, s.c.document_id, s.c.start, s.c.end, s.c.speaker, s.c.respondent_id,
                                       s.c.question, s.c.level).where(s.c.document_id.in_(current))).all() if current else []
        coding_rows = conn.execute(
            select(c, s.c.document_id, cat.c.key.label("category"), cb.c.key.label("codebook"))
            .join(s, s.c.id == c.c.segment_id).join(cat, cat.c.id == c.c.category_id)
            .join(cb, cb.c.id == cat.c.codebook_id)
            .where(cb.c.key.in_([b.id for b in books]))
            .order_by(s.c.document_id, c.c.start, c.c.end, c.c.id)).all()
        memo_rows = conn.execute(select(m, s.c.document_id.label("segment_document"))
                                 .outerjoin(s, s.c.id == m.c.segment_id).order_by(m.c.id)).all()
        coding_documents = dict(conn.execute(select(c.c.id, s.c.document_id).join(s, s.c.id == c.c.segment_id)).all())
        yes, _ = judgements(conn)
        respondents = conn.execute(select(r).where(r.c.document_id.in_(current))).all() if current else []
        variables = [tuple(v) for v in conn.execute(select(schema.variables.c.name, schema.variables.c.type,
                                                           schema.variables.c.scope).order_by(schema.variables.c.id))]
    snap = Snapshot(
        name=project.location, created_at=utc(datetime.fromisoformat(created)) if created else None,
        documents=[Document(row.id, row.name, row.kind, row.text, dict(row.meta), row.ingested_at) for row in docs],
        segments={row.id: Segment(*row) for row in segments}, codebooks=books,
        codings=[], memos=[], respondents={row.id: Respondent(row.id, row.document_id, row.external_id, dict(row.meta))
                                           for row in respondents},
        variables=variables)
    old = 0
    for row in coding_rows:
        said: list[tuple[str, str, datetime]] = []
        if Status.ACCEPTED in statuses:
            said += [(Status.ACCEPTED, coder, at) for coder, at in sorted(yes.get(row.id, {}).items())]
        if Status.SUGGESTED in statuses and row.status == Status.SUGGESTED and row.source in MACHINE_CODERS:
            said.append((Status.SUGGESTED, MACHINE_CODERS[row.source], row.updated_at))
        if row.document_id not in current:
            old += len(said)
            continue
        for status, coder, at in said:
            snap.codings.append(Coding(row.id, row.document_id, row.segment_id, row.codebook, row.category, row.start,
                                       row.end, row.source, status, coder, row.score, row.created_at, at))
    if old:
        snap.notes.append(f"{old} codings on older versions of re-ingested documents are not exported")
    for row in memo_rows:
        document_id = row.document_id or row.segment_document or coding_documents.get(row.coding_id)
        if document_id is not None and document_id not in current:
            continue
        snap.memos.append(Memo(row.id, document_id, row.segment_id, row.coding_id, row.coder, row.text,
                               row.created_at, row.updated_at))
    if pseudonymiser is not None:
        _pseudonymise(snap, pseudonymiser)
    return snap


def _pseudonymise(snap: Snapshot, p: Pseudonymiser) -> None:
    maps = {}
    for doc in snap.documents:
        doc.text, maps[doc.id] = p.text_with_offsets(doc.text)
        doc.name = p.text(doc.name)
        doc.meta = p.meta(doc.meta)
    for seg in snap.segments.values():
        offsets = maps[seg.document_id]
        seg.start, seg.end = offsets.start(seg.start), offsets.end(seg.end)
        seg.speaker = p.text(seg.speaker) if seg.speaker else seg.speaker
    for coding in snap.codings:
        offsets = maps[coding.document_id]
        coding.start, coding.end = offsets.start(coding.start), offsets.end(coding.end)
    for memo in snap.memos:
        memo.text = p.text(memo.text)
    for respondent in snap.respondents.values():
        respondent.meta = p.meta(respondent.meta)
