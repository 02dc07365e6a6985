"""The one place that decides how machine findings meet human decisions.

Rules (``auto``, from the codebook) and the model (``model``) both propose codings. Whatever
they find, :func:`reconcile` applies the same rules:

1. A human decision — an accepted or rejected coding of any source, a manual coding — is never
   changed or removed.
2. Where a coding is accepted or manual, nothing new is offered (a model suggestion there is
   withdrawn; a rule suggestion there stays as the analyst left it).
3. A rejected rule suggestion is offered again only when the evidence behind it changed; a
   rejected model suggestion is not offered again.
4. One open suggestion per segment and category: a source updates its own open suggestion in
   place. A rule finding takes over an open model suggestion (a memo on it stays attached); the
   model never sits beside a rule suggestion.
5. A source's open suggestions it no longer finds are withdrawn, unless an analyst wrote a memo
   on one. The other source's open suggestions are left alone.

>>> report = reconcile(conn, "auto", found, segment_ids, category_ids)     # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, delete, exists, select, update

from qualcode.store import schema
from qualcode.store.bulk import Same, insert_columns
from qualcode.store.project import now
from qualcode.store.values import Source, Status

SOURCES = (Source.AUTO, Source.MODEL)


@dataclass
class Reconciled:
    suggested: int = 0  # new open suggestions
    updated: int = 0  # open suggestions whose score or evidence changed (or that a rule took over)
    withdrawn: int = 0  # open suggestions the source no longer finds


def _is_decision(row) -> bool:
    return row.status != Status.SUGGESTED or row.source == Source.MANUAL


_FOUND = ("start", "end", "score", "rule", "evidence", "evidence_key", "polarity")  # what a finding gives


def _insert_new(conn: Connection, source: str, new: list[tuple[int, int, dict]], stamp) -> None:
    """New open suggestions, one per ``(segment id, category id, finding)``, inserted column by
    column (a first run writes tens of thousands: no dict per row)."""
    for i in range(0, len(new), 20_000):
        part = new[i:i + 20_000]
        entries = [entry for _, _, entry in part]
        insert_columns(conn, schema.codings, len(part), {
            "segment_id": [segment_id for segment_id, _, _ in part],
            "category_id": [category_id for _, category_id, _ in part],
            "source": Same(source), "status": Same(Status.SUGGESTED), "coder": Same(None),
            "created_at": Same(stamp), "updated_at": Same(stamp),
            **{name: [entry[name] for entry in entries] for name in _FOUND}})


def reconcile(conn: Connection, source: str, found: dict[tuple[int, str], dict], segments: list[int],
              category_ids: dict[str, int]) -> Reconciled:
    """Write ``source``'s findings for ``segments`` and withdraw what it no longer finds.

    ``found`` maps ``(segment id, category key)`` to the coding's values: ``start``, ``end``,
    ``score``, ``rule``, ``evidence``, ``evidence_key`` and ``polarity``. Only codings of the
    given segments and categories are read or written, inside the caller's transaction.
    """
    if source not in SOURCES:
        raise ValueError(f"unknown source '{source}'; one of {', '.join(SOURCES)}")
    other = Source.MODEL if source == Source.AUTO else Source.AUTO
    c = schema.codings
    key_of = {v: k for k, v in category_ids.items()}
    wanted = set(segments)
    existing: dict[tuple[int, str], list] = {}
    columns = [c.c.id, c.c.segment_id, c.c.category_id, c.c.source, c.c.status, c.c.evidence_key, c.c.score]
    # Only the codings of these segments' id range (the caller writes a project in chunks of
    # neighbouring segments): reading every coding of the codebook per chunk grew quadratically.
    in_range = c.c.segment_id.between(min(wanted), max(wanted)) if wanted else c.c.segment_id.is_(None)
    for row in conn.execute(select(*columns).where(in_range, c.c.category_id.in_(list(category_ids.values())))):
        if row.segment_id in wanted:
            existing.setdefault((row.segment_id, key_of[row.category_id]), []).append(row)
    m = schema.memos
    with_memo = set(conn.execute(select(m.c.coding_id).join(c, c.c.id == m.c.coding_id).where(in_range)).scalars())
    stamp = now()
    inserts: list[tuple[int, int, dict]] = []
    updates, deletes = [], []
    for (segment_id, category), entry in found.items():
        if segment_id not in wanted:
            continue
        rows = existing.pop((segment_id, category), None)
        if rows is None:  # nothing there yet (every coding of a first run): a new open suggestion
            inserts.append((segment_id, category_ids[category], entry))
            continue
        decisions = [r for r in rows if _is_decision(r)]
        mine = [r for r in rows if r.source == source and r.status == Status.SUGGESTED]
        theirs = next((r for r in rows if r.source == other and r.status == Status.SUGGESTED), None)
        values = {name: entry[name] for name in ("score", "rule", "evidence", "evidence_key", "polarity")}
        offered = not any(r.status == Status.ACCEPTED or r.source == Source.MANUAL for r in decisions)
        if source == Source.AUTO:
            offered = offered and not any(r.status == Status.REJECTED and r.evidence_key == entry["evidence_key"]
                                          for r in decisions)
        else:
            offered = offered and not decisions and theirs is None
        if not offered:
            if source == Source.MODEL:
                deletes += [r.id for r in mine if r.id not in with_memo]
            continue  # a rule suggestion beside a decision stays as the analyst left it
        if mine:
            if mine[0].evidence_key != entry["evidence_key"] or mine[0].score != entry["score"]:
                updates.append({"_id": mine[0].id, "source": source, **values})
            deletes += [r.id for r in mine[1:] if r.id not in with_memo]
        elif theirs is not None:
            # A rule now finds what only the model proposed: the one open suggestion becomes the rule's.
            updates.append({"_id": theirs.id, "source": source, **values})
        else:
            inserts.append((segment_id, category_ids[category], entry))
    for rows in existing.values():
        deletes += [r.id for r in rows if r.source == source and r.status == Status.SUGGESTED and r.id not in with_memo]
    # Only while still an open suggestion without a memo: on PostgreSQL a coder may decide (or
    # write a memo) between the read above and these writes, and a decision always wins.
    still_open = (c.c.status == Status.SUGGESTED) & ~exists().where(schema.memos.c.coding_id == c.c.id)
    if updates:
        names = [name for name in updates[0] if name != "_id"]
        conn.execute(update(c).where(c.c.id == bindparam("_id"), c.c.status == Status.SUGGESTED).values(
            {**{name: bindparam(name) for name in names}, "updated_at": stamp}), updates)
    for i in range(0, len(deletes), 900):
        conn.execute(delete(c).where(c.c.id.in_(deletes[i:i + 900]), still_open))
    _insert_new(conn, source, inserts, stamp)
    return Reconciled(len(inserts), len(updates), len(deletes))
