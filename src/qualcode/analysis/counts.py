"""Counts per category with N, as the seed report gives them.

Survey questions count **respondents** (a respondent who wrote two language words counts once);
interviews count coded segments and the documents (interviews) they come from. What counts is
:func:`counted`: accepted and manual codings and the rules' suggestions, not rejected codings and
not the model's suggestions until someone accepts them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import distinct, func, select

from qualcode.store import Project, schema
from qualcode.store.summary import counted
from qualcode.store.values import Source, Status
from qualcode.tagging.codebook import Codebook


def open_model_suggestions(project: Project, codebook: Codebook) -> int:
    """How many model suggestions of ``codebook`` on current documents wait for review (and so are not counted)."""
    s, d, c, cat, cb = schema.segments, schema.documents, schema.codings, schema.categories, schema.codebooks
    with project.read() as conn:
        return conn.execute(select(func.count()).select_from(c).join(cat, cat.c.id == c.c.category_id)
                            .join(cb, cb.c.id == cat.c.codebook_id).join(s, s.c.id == c.c.segment_id)
                            .join(d, d.c.id == s.c.document_id)
                            .where(cb.c.key == codebook.id, d.c.current.is_(True), c.c.source == Source.MODEL,
                                   c.c.status == Status.SUGGESTED)).scalar_one()


@dataclass(frozen=True)
class CountRow:
    category: str
    label: str
    color: str
    count: int
    percent: float
    documents: int | None = None


@dataclass(frozen=True)
class CountBlock:
    title: str
    unit: str  # "respondents" or "segments"
    n: int
    rows: list[CountRow]
    documents: int | None = None  # N documents, for interviews


def category_counts(project: Project, codebook: Codebook) -> list[CountBlock]:
    """One block per survey question and one for all interviews/documents."""
    s, d, c, cat, cb = schema.segments, schema.documents, schema.codings, schema.categories, schema.codebooks
    blocks: list[CountBlock] = []
    with project.read() as conn:
        ids = dict(conn.execute(select(cat.c.key, cat.c.id).join(cb, cb.c.id == cat.c.codebook_id)
                                .where(cb.c.key == codebook.id)).all())
        if not ids:
            return []
        current = d.c.current.is_(True)
        questions = [q for (q,) in conn.execute(select(s.c.question).distinct().join(d, d.c.id == s.c.document_id)
                                                .where(current, s.c.level == "word").order_by(s.c.question))]
        for question in questions:
            base = (s.c.question == question) & (s.c.level == "word") & s.c.codable.is_(True)
            n = conn.execute(select(func.count(distinct(s.c.respondent_id))).join(d, d.c.id == s.c.document_id)
                             .where(current, base)).scalar()
            per = dict(conn.execute(
                select(c.c.category_id, func.count(distinct(s.c.respondent_id)))
                .join(s, s.c.id == c.c.segment_id).join(d, d.c.id == s.c.document_id)
                .where(current, base, counted(c), c.c.category_id.in_(list(ids.values())))
                .group_by(c.c.category_id)).all())
            blocks.append(CountBlock(f"Survey question '{question}'", "respondents", n, _rows(codebook, ids, per, n)))
        base = d.c.kind.in_(["interview", "document"]) & s.c.codable.is_(True)
        n = conn.execute(select(func.count()).select_from(s).join(d, d.c.id == s.c.document_id).where(current, base)).scalar()
        if n:
            n_docs = conn.execute(select(func.count(distinct(s.c.document_id))).join(d, d.c.id == s.c.document_id)
                                  .where(current, base)).scalar()
            rows = conn.execute(
                select(c.c.category_id, func.count(distinct(s.c.id)), func.count(distinct(s.c.document_id)))
                .join(s, s.c.id == c.c.segment_id).join(d, d.c.id == s.c.document_id)
                .where(current, base, counted(c), c.c.category_id.in_(list(ids.values())))
                .group_by(c.c.category_id)).all()
            per = {r[0]: r[1] for r in rows}
            docs = {r[0]: r[2] for r in rows}
            blocks.append(CountBlock("Interviews", "segments", n, _rows(codebook, ids, per, n, docs), n_docs))
    return blocks


def _rows(codebook: Codebook, ids: dict[str, int], per: dict[int, int], n: int,
          docs: dict[int, int] | None = None) -> list[CountRow]:
    return [CountRow(cat.id, cat.label, cat.color, per.get(ids[cat.id], 0),
                     100.0 * per.get(ids[cat.id], 0) / n if n else 0.0,
                     None if docs is None else docs.get(ids[cat.id], 0))
            for cat in codebook.categories]
