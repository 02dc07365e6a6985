"""Group comparisons, co-occurrence, keyword in context and quotes, as evaluation reports use them.

Units: for a survey question the unit is the respondent (a category counts a respondent once);
for interviews it is the coded segment, and groups come from the document's metadata.
What counts is :func:`qualcode.analysis.counts.counted` (not rejected codings, not unreviewed model suggestions).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from qualcode.store.summary import counted
from qualcode.store import Project, schema
from qualcode.store.values import Status
from qualcode.tagging.codebook import Codebook


@dataclass(frozen=True)
class Unit:
    """One counting unit: a respondent's answer to a question, or an interview segment."""

    key: tuple
    group_meta: dict
    categories: frozenset[str]


@dataclass
class GroupTable:
    """Counts per category and group, with N per group; ``percent[g][c]`` is a share of N."""

    by: str
    unit: str
    groups: list[str]
    n: dict[str, int]
    counts: dict[str, dict[str, int]]

    def percent(self, group: str, category: str) -> float:
        return 100.0 * self.counts[group].get(category, 0) / self.n[group] if self.n[group] else 0.0


@dataclass(frozen=True)
class Quote:
    text: str
    attribution: str  # "(rolle, skoletype)"
    document: str
    score: float
    status: str
    segment_id: int


def check_question(project: Project, question: str) -> None:
    """Raise ``ValueError`` naming the project's survey questions when ``question`` is not one of them."""
    s, d = schema.segments, schema.documents
    with project.read() as conn:
        questions = list(conn.execute(select(s.c.question).distinct().join(d, d.c.id == s.c.document_id)
                                      .where(d.c.current.is_(True), s.c.level == "word").order_by(s.c.question))
                         .scalars())
    if question not in questions:
        raise ValueError(f"no survey question '{question}' in the project; questions: {', '.join(questions) or 'none'} "
                         "(see 'qualcode ls')")


def units(project: Project, codebook: Codebook, question: str | None = None) -> list[Unit]:
    """Survey respondents for ``question`` (with their categories), or interview segments.

    A unit's ``group_meta`` holds the project's metadata variables only (``qualcode ls`` lists
    them), not the bookkeeping a survey document keeps about its columns.
    """
    s, d, r, c, cat, cb = (schema.segments, schema.documents, schema.respondents, schema.codings,
                          schema.categories, schema.codebooks)
    if question is not None:
        check_question(project, question)
    with project.read() as conn:
        variables = set(conn.execute(select(schema.variables.c.name)).scalars())
        coded: dict[int, set[str]] = defaultdict(set)
        rows = conn.execute(select(c.c.segment_id, cat.c.key).join(cat, cat.c.id == c.c.category_id)
                            .join(cb, cb.c.id == cat.c.codebook_id)
                            .where(cb.c.key == codebook.id, counted(c)))
        for segment_id, key in rows:
            coded[segment_id].add(key)
        if question is not None:
            rows = conn.execute(select(s.c.id, s.c.respondent_id, r.c.meta, d.c.meta.label("dmeta"))
                                .join(d, d.c.id == s.c.document_id).join(r, r.c.id == s.c.respondent_id)
                                .where(d.c.current.is_(True), s.c.level == "word", s.c.codable.is_(True),
                                       s.c.question == question)).all()
            per: dict[int, set[str]] = defaultdict(set)
            meta: dict[int, dict] = {}
            for seg_id, respondent_id, rmeta, dmeta in rows:
                per[respondent_id] |= coded.get(seg_id, set())
                meta[respondent_id] = {k: v for k, v in {**dmeta, **rmeta}.items() if k in variables}
            return [Unit((rid,), meta[rid], frozenset(cats)) for rid, cats in sorted(per.items())]
        rows = conn.execute(select(s.c.id, d.c.meta).join(d, d.c.id == s.c.document_id)
                            .where(d.c.current.is_(True), d.c.kind.in_(["interview", "document"]),
                                   s.c.codable.is_(True)).order_by(s.c.id)).all()
        return [Unit((seg_id,), {k: v for k, v in dmeta.items() if k in variables}, frozenset(coded.get(seg_id, ())))
                for seg_id, dmeta in rows]


def group_table(project: Project, codebook: Codebook, by: str, question: str | None = None) -> GroupTable:
    """Counts per category for each value of metadata ``by`` (e.g. skolenivå), with N per group."""
    all_units = units(project, codebook, question)
    groups = sorted({str(u.group_meta.get(by, "(mangler)")) for u in all_units})
    if all_units and all(by not in u.group_meta for u in all_units):
        known = sorted({k for u in all_units for k in u.group_meta})
        raise ValueError(f"no metadata '{by}'; available: {', '.join(known)}")
    n = {g: 0 for g in groups}
    counts: dict[str, dict[str, int]] = {g: defaultdict(int) for g in groups}
    for u in all_units:
        g = str(u.group_meta.get(by, "(mangler)"))
        n[g] += 1
        for category in u.categories:
            counts[g][category] += 1
    return GroupTable(by, "respondents" if question else "segments", groups, n, {g: dict(v) for g, v in counts.items()})


def cooccurrence(project: Project, codebook: Codebook, question: str | None = None) -> dict[tuple[str, str], int]:
    """How many units carry both categories (the diagonal: units with the category)."""
    result: dict[tuple[str, str], int] = defaultdict(int)
    for u in units(project, codebook, question):
        for a in u.categories:
            for b in u.categories:
                result[(a, b)] += 1
    return dict(result)


def attribution(meta: dict) -> str:
    """The report's attribution style: "(lærer, videregående skole)"."""
    parts = [str(meta[k]) for k in ("rolle", "skoletype") if meta.get(k)]
    return f"({', '.join(parts)})" if parts else "(informant)"


def best_quotes(project: Project, codebook: Codebook, category: str, limit: int = 3,
                min_words: int = 8, max_words: int = 60) -> list[Quote]:
    """Quotes for a category: accepted before suggested, then by score, one per interview first."""
    s, d, c, cat, cb = schema.segments, schema.documents, schema.codings, schema.categories, schema.codebooks
    with project.read() as conn:
        rows = conn.execute(select(s.c.id, s.c.text, s.c.speaker, d.c.name, d.c.meta, c.c.score, c.c.status)
                            .join(c, c.c.segment_id == s.c.id).join(d, d.c.id == s.c.document_id)
                            .join(cat, cat.c.id == c.c.category_id).join(cb, cb.c.id == cat.c.codebook_id)
                            .where(cb.c.key == codebook.id, cat.c.key == category, counted(c),
                                   d.c.current.is_(True), d.c.kind == "interview")).all()
    candidates = [row for row in rows if min_words <= len(row.text.split()) <= max_words]
    candidates.sort(key=lambda row: (row.status != Status.ACCEPTED, -(row.score or 0), len(row.text), row.id))
    chosen, seen_docs = [], set()
    for pass_ in (0, 1):  # first one quote per interview, then fill up
        for row in candidates:
            if len(chosen) >= limit:
                break
            if row in chosen or (pass_ == 0 and row.name in seen_docs):
                continue
            chosen.append(row)
            seen_docs.add(row.name)
    return [Quote(row.text, attribution(row.meta), row.name, row.score or 0.0, row.status, row.id) for row in chosen]


@dataclass(frozen=True)
class Concordance:
    left: str
    match: str
    right: str
    document: str
    attribution: str


def keyword_in_context(project: Project, word: str, width: int = 40, limit: int = 50) -> list[Concordance]:
    """Lines where ``word`` (a word form or the start of a compound) occurs, with context."""
    s, d = schema.segments, schema.documents
    pattern = re.compile(rf"\b{re.escape(word)}\w*", re.IGNORECASE)
    result = []
    with project.read() as conn:
        rows = conn.execute(select(s.c.text, d.c.name, d.c.meta).join(d, d.c.id == s.c.document_id)
                            .where(d.c.current.is_(True), s.c.codable.is_(True)).order_by(s.c.id))
        for text, name, meta in rows:
            for m in pattern.finditer(text):
                result.append(Concordance(text[max(0, m.start() - width):m.start()], m.group(0),
                                          text[m.end():m.end() + width], name, attribution(meta)))
                if len(result) >= limit:
                    return result
    return result
