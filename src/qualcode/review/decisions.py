"""Human decisions: accept, reject, change, add a manual coding, write a memo.

Each call is one transaction that changes the coding and appends to ``decisions`` (the audit
log, never updated). Nothing here is ever called by a re-run or an import.
"""

from __future__ import annotations

from sqlalchemy import Connection, insert, select, update

from qualcode.store import Project, schema
from qualcode.store.project import now
from qualcode.store.values import Source, Status


class DecisionError(ValueError):
    """A decision that cannot be made (unknown coding, empty coder name, span outside the text)."""


def _coder(coder: str) -> str:
    coder = (coder or "").strip()
    if not coder:
        raise DecisionError("a decision needs a coder name (who decided).")
    return coder


def _set_status(project: Project, coding_id: int, coder: str, status: Status, action: str) -> None:
    coder = _coder(coder)
    with project.transaction() as conn:
        _set_status_in(conn, coding_id, coder, status, action)


def _set_status_in(conn: Connection, coding_id: int, coder: str, status: Status, action: str):
    """Change a coding's status and log it; returns the coding's row as it was."""
    c = schema.codings
    # FOR UPDATE: on PostgreSQL two coders deciding the same coding take turns, so the log's
    # old_status is always the status the decision replaced (SQLite's write lock does the same).
    row = conn.execute(select(c.c.status, c.c.segment_id, c.c.start, c.c.end).where(c.c.id == coding_id)
                       .with_for_update()).first()
    if row is None:
        raise DecisionError(f"there is no coding {coding_id}.")
    stamp = now()
    conn.execute(update(c).where(c.c.id == coding_id).values(status=status, coder=coder, updated_at=stamp))
    conn.execute(insert(schema.decisions).values(coding_id=coding_id, coder=coder, action=action,
                                                 old_status=row.status, new_status=status, at=stamp))
    return row


def accept(project: Project, coding_id: int, coder: str) -> None:
    """The analyst agrees with a coding."""
    _set_status(project, coding_id, coder, Status.ACCEPTED, "accept")


def reject(project: Project, coding_id: int, coder: str) -> None:
    """The analyst disagrees; the suggestion is not offered again on the same evidence."""
    _set_status(project, coding_id, coder, Status.REJECTED, "reject")


def reset(project: Project, coding_id: int, coder: str) -> None:
    """Undo a decision: the coding is a suggestion again (the log keeps both steps)."""
    _set_status(project, coding_id, coder, Status.SUGGESTED, "reset")


def add_manual_coding(project: Project, segment_id: int, category_id: int, coder: str,
                      start: int | None = None, end: int | None = None) -> int:
    """Code a segment (or a span of it, in document offsets) by hand; returns the coding id."""
    coder = _coder(coder)
    with project.transaction() as conn:
        return _add_manual_in(conn, segment_id, category_id, coder, start, end)


def _add_manual_in(conn: Connection, segment_id: int, category_id: int, coder: str,
                   start: int | None, end: int | None) -> int:
    s, c = schema.segments, schema.codings
    seg = conn.execute(select(s.c.start, s.c.end).where(s.c.id == segment_id)).first()
    if seg is None:
        raise DecisionError(f"there is no segment {segment_id}.")
    start = seg.start if start is None else start
    end = seg.end if end is None else end
    if not (seg.start <= start < end <= seg.end):
        raise DecisionError(f"span {start}–{end} lies outside segment {segment_id} ({seg.start}–{seg.end}).")
    stamp = now()
    coding_id = conn.execute(insert(c).values(
        segment_id=segment_id, category_id=category_id, start=start, end=end, source=Source.MANUAL,
        status=Status.ACCEPTED, coder=coder, created_at=stamp, updated_at=stamp)).inserted_primary_key[0]
    conn.execute(insert(schema.decisions).values(coding_id=coding_id, coder=coder, action="manual",
                                                 new_status=Status.ACCEPTED, at=stamp,
                                                 detail={"category_id": category_id, "start": start, "end": end}))
    return coding_id


def change_category(project: Project, coding_id: int, category_id: int, coder: str) -> int:
    """Replace a coding's category: the old one is rejected, a manual coding takes its place (one transaction)."""
    coder = _coder(coder)
    with project.transaction() as conn:
        row = _set_status_in(conn, coding_id, coder, Status.REJECTED, "reject")
        return _add_manual_in(conn, row.segment_id, category_id, coder, row.start, row.end)


def add_memo(project: Project, coder: str, text: str, *, segment_id: int | None = None,
             coding_id: int | None = None, document_id: int | None = None) -> int:
    """Attach a memo to a segment, a coding or a document; returns the memo id."""
    coder = _coder(coder)
    if not text.strip():
        raise DecisionError("a memo needs text.")
    stamp = now()
    with project.transaction() as conn:
        memo_id = conn.execute(insert(schema.memos).values(
            segment_id=segment_id, coding_id=coding_id, document_id=document_id, coder=coder, text=text,
            created_at=stamp, updated_at=stamp)).inserted_primary_key[0]
        conn.execute(insert(schema.decisions).values(memo_id=memo_id, coder=coder, action="memo", at=stamp,
                                                     detail={"segment_id": segment_id, "coding_id": coding_id}))
    return memo_id
