"""The review queue and what the app shows of a segment: context, codings, evidence, progress.

Everything the Streamlit app displays comes from here, so it is tested without the app.
Text is always HTML-escaped before it is highlighted: a transcript holding ``<script>`` or
``**markdown**`` shows exactly as typed.
"""

from __future__ import annotations

import html
import re
import threading
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from sqlalchemy import and_, func, select

from qualcode.store import Project, schema
from qualcode.store.values import Source, Status

if TYPE_CHECKING:
    from qualcode.assist.model import CodeModel
    from qualcode.tagging.codebook import Codebook

s, d, c, cat, cb, r, m = (schema.segments, schema.documents, schema.codings, schema.categories,
                          schema.codebooks, schema.respondents, schema.memos)


@dataclass
class QueueFilter:
    """Which segments the queue holds and in what order."""

    codebook: str
    status: str | None = Status.SUGGESTED  # suggested | accepted | rejected | None (any)
    category: str | None = None
    document_id: int | None = None
    where: dict[str, str] = field(default_factory=dict)  # document or respondent metadata
    min_score: float | None = None
    max_score: float | None = None
    source: str | None = None  # auto | manual | model
    # document | score (lowest first: the least certain) | score_desc
    # | uncertainty (the model's most uncertain open suggestion first; "score" while no model is trained)
    order: str = "document"


def queue(project: Project, f: QueueFilter, rankings: Rankings | None = None) -> list[int]:
    """Segment ids in review order.

    With ``order="uncertainty"`` a segment ranks by the most uncertain of its open suggestions
    (of ``f.source`` and ``f.category`` when set), as the codebook's model sees them; segments
    without one follow in document order. Without a trained model the order is "score"
    (:func:`uncertainty_available` tells the app so). Pass the caller's :class:`Rankings` to
    rank once per model instead of on every call.

    >>> queue(project, QueueFilter("elevutbytte", order="uncertainty"), rankings)[:3]   # doctest: +SKIP
    [812, 77, 1290]
    """
    if f.order != "uncertainty":
        return _matching(project, f)
    rank = _uncertainty_rank(project, f, rankings if rankings is not None else Rankings())
    if rank is None:
        return _matching(project, replace(f, order="score"))
    ids = _matching(project, replace(f, order="document"))
    # sorted() is stable: ties, and the segments without an open suggestion, keep document order.
    return sorted(ids, key=lambda i: (i not in rank, -rank.get(i, 0.0)))


def uncertainty_available(project: Project, codebook_key: str) -> bool:
    """Whether ``order="uncertainty"`` can use a trained model for the codebook (else it falls back to "score")."""
    return _trained_at(project, codebook_key) is not None


def model_version(project: Project, codebook_key: str) -> str | None:
    """When the codebook's usable model was trained (its version, for keying a :class:`Rankings`); None without one."""
    trained_at = _trained_at(project, codebook_key)
    return None if trained_at is None else str(trained_at)


def _trained_at(project: Project, codebook_key: str):
    with project.read() as conn:
        m = schema.models
        # A stale model (a pickle from qualcode 0.2, dropped unread by migration 4) has no data to rank with.
        return conn.execute(select(m.c.trained_at).where(m.c.codebook_key == codebook_key,
                                                         func.length(m.c.data) > 0)).scalar()


def _trained_model(project: Project, codebook_key: str) -> tuple[Codebook, CodeModel] | None:
    """The codebook as stored in the project and its trained model; None when there is none to use."""
    # Imported here: scikit-learn is slow to import and only this order needs it.
    from qualcode.assist.training import ModelError, load_model
    from qualcode.store import ProjectError
    from qualcode.store.codebooks import stored_codebooks

    try:
        codebook = stored_codebooks(project, [codebook_key])[0]
        return codebook, load_model(project, codebook)[0]
    except (ProjectError, ModelError):  # not coded with it, no model trained yet, or one that cannot be read
        return None


def _open_suggestions(project: Project, codebook_key: str) -> set[int]:
    with project.read() as conn:
        return set(conn.execute(
            select(c.c.id).join(cat, cat.c.id == c.c.category_id).join(cb, cb.c.id == cat.c.codebook_id)
            .join(s, s.c.id == c.c.segment_id).join(d, d.c.id == s.c.document_id)
            .where(cb.c.key == codebook_key, d.c.current.is_(True), c.c.status == Status.SUGGESTED, c.c.source != Source.MANUAL)).scalars())


class Rankings:
    """A code model's uncertainty rankings of one project, kept by the caller between queue() calls.

    The app asks for the queue on every click, and scoring every open suggestion again would
    cost seconds on a large project. A decision only takes suggestions out of the queue, so a
    model's ranking stays valid for any subset of the suggestions it ranked; new suggestions or
    a newly trained model mean ranking again. The app keeps one per project in Streamlit's
    resource cache; several sessions share it (a lock guards it), no module holds one.

    >>> rankings = Rankings()
    >>> queue(project, QueueFilter("elevutbytte", order="uncertainty"), rankings)   # doctest: +SKIP
    """

    def __init__(self) -> None:
        self._ranked: dict[tuple[str, str], tuple[frozenset[int], list]] = {}
        self._lock = threading.Lock()

    def ranked(self, project: Project, codebook_key: str) -> list | None:
        """``uncertainty_queue()`` for the codebook's open suggestions; None without a model."""
        from qualcode.assist.suggest import uncertainty_queue

        trained_at = _trained_at(project, codebook_key)
        if trained_at is None:
            return None
        key = (codebook_key, str(trained_at))
        open_ids = _open_suggestions(project, codebook_key)
        with self._lock:
            cached = self._ranked.get(key)
        if cached is not None and open_ids <= cached[0]:
            return [item for item in cached[1] if item.coding_id in open_ids]
        trained = _trained_model(project, codebook_key)
        if trained is None:
            return None
        items = uncertainty_queue(project, *trained)
        with self._lock:
            # An older model's ranking of the codebook is of no further use.
            for stale in [k for k in self._ranked if k[0] == codebook_key]:
                del self._ranked[stale]
            self._ranked[key] = (frozenset(item.coding_id for item in items), items)
        return items


def _uncertainty_rank(project: Project, f: QueueFilter, rankings: Rankings) -> dict[int, float] | None:
    """Each segment's highest uncertainty over its open suggestions that match ``f``; None without a model."""
    items = rankings.ranked(project, f.codebook)
    if items is None:
        return None
    rank: dict[int, float] = {}
    for item in items:
        if (f.source is None or item.source == f.source) and (f.category is None or item.category == f.category):
            rank.setdefault(item.segment_id, item.uncertainty)  # most uncertain first: the first one is the highest
    return rank


def _matching(project: Project, f: QueueFilter) -> list[int]:
    """Segment ids matching ``f`` in its SQL order (document order for any order it does not name)."""
    conditions = [cb.c.key == f.codebook, d.c.current.is_(True)]
    if f.status:
        conditions.append(c.c.status == f.status)
    if f.category:
        conditions.append(cat.c.key == f.category)
    if f.document_id:
        conditions.append(s.c.document_id == f.document_id)
    if f.min_score is not None:
        conditions.append(c.c.score >= f.min_score)
    if f.max_score is not None:
        conditions.append(c.c.score <= f.max_score)
    if f.source:
        conditions.append(c.c.source == f.source)
    score = func.min(c.c.score)
    order = {"score": [score.asc(), s.c.id], "score_desc": [score.desc(), s.c.id]}.get(f.order, [s.c.document_id, s.c.position])
    query = (select(s.c.id).join(c, c.c.segment_id == s.c.id).join(cat, cat.c.id == c.c.category_id)
             .join(cb, cb.c.id == cat.c.codebook_id).join(d, d.c.id == s.c.document_id)
             .outerjoin(r, r.c.id == s.c.respondent_id).where(and_(*conditions))
             .group_by(s.c.id, s.c.document_id, s.c.position).order_by(*order))
    with project.read() as conn:
        ids = list(conn.execute(query).scalars())
        if not f.where:
            return ids
        # Metadata filters in Python: the same on SQLite and PostgreSQL, whatever the JSON dialect.
        keep = set()
        rows = conn.execute(select(s.c.id, d.c.meta, r.c.meta.label("rmeta")).join(d, d.c.id == s.c.document_id)
                            .outerjoin(r, r.c.id == s.c.respondent_id).where(s.c.id.in_(ids)))
        for seg_id, dmeta, rmeta in rows:
            meta = {**(dmeta or {}), **(rmeta or {})}
            if all(str(meta.get(k, "")).strip().lower() == v.strip().lower() for k, v in f.where.items()):
                keep.add(seg_id)
    return [i for i in ids if i in keep]


@dataclass
class CodingView:
    id: int
    category: str
    label: str
    color: str
    status: str
    source: str
    score: float | None
    rule: str | None
    coder: str | None
    polarity: str | None
    evidence: list[list]  # [[start, end, text, rule]] in document offsets


@dataclass
class SegmentCard:
    """One segment as the review page shows it."""

    id: int
    text: str
    start: int
    speaker: str | None
    document_id: int
    document: str
    meta: dict
    previous: str | None
    next: str | None
    codings: list[CodingView]
    memos: list[tuple[str, str]]  # (coder, text)

    def highlighted(self) -> str:
        """The segment as HTML, every evidence word marked in its category colour."""
        return highlight(self.text, self.start, [(e[0], e[1], cv.color, f"{cv.label}: {e[3]}")
                                                  for cv in self.codings if cv.status != Status.REJECTED for e in cv.evidence or []])


def segment_card(project: Project, segment_id: int, codebook: str) -> SegmentCard:
    """A segment with its neighbours, metadata, codings of ``codebook`` and memos."""
    with project.read() as conn:
        seg = conn.execute(select(s, d.c.name, d.c.meta.label("dmeta")).join(d, d.c.id == s.c.document_id)
                           .where(s.c.id == segment_id)).one()
        meta = dict(seg.dmeta)
        if seg.respondent_id:
            meta.update(conn.execute(select(r.c.meta).where(r.c.id == seg.respondent_id)).scalar() or {})
            meta["respondent"] = conn.execute(select(r.c.external_id).where(r.c.id == seg.respondent_id)).scalar()
        # Context: for a sentence, the sentences around it in the same turn first; at a turn's edge
        # (and for a turn or an answer) the turn before and after.
        anchor = seg.parent_id or seg.id
        anchor_pos = conn.execute(select(s.c.position).where(s.c.id == anchor)).scalar()
        level = conn.execute(select(s.c.level).where(s.c.id == anchor)).scalar()
        around = {}
        for name, before, direction in (("previous", True, s.c.start.desc()), ("next", False, s.c.start.asc())):
            row = None
            if seg.parent_id:
                row = conn.execute(select(s.c.speaker, s.c.text)
                                   .where(s.c.parent_id == seg.parent_id, s.c.id != seg.id,
                                          s.c.start < seg.start if before else s.c.start > seg.start)
                                   .order_by(direction).limit(1)).first()
            if row is None:
                cmp = s.c.position < anchor_pos if before else s.c.position > anchor_pos
                row = conn.execute(select(s.c.speaker, s.c.text)
                                   .where(s.c.document_id == seg.document_id, s.c.level == level, cmp)
                                   .order_by(s.c.position.desc() if before else s.c.position.asc()).limit(1)).first()
            around[name] = f"{row.speaker}: {row.text}" if row and row.speaker else (row.text if row else None)
        codings = [CodingView(row.id, row.key, row.label, row.color, row.status, row.source, row.score, row.rule,
                              row.coder, row.polarity, row.evidence or [])
                   for row in conn.execute(select(c.c.id, cat.c.key, cat.c.label, cat.c.color, c.c.status, c.c.source,
                                                  c.c.score, c.c.rule, c.c.coder, c.c.polarity, c.c.evidence)
                                           .join(cat, cat.c.id == c.c.category_id).join(cb, cb.c.id == cat.c.codebook_id)
                                           .where(c.c.segment_id == segment_id, cb.c.key == codebook)
                                           .order_by(c.c.score.desc().nullslast(), cat.c.position))]
        memos = [(row.coder, row.text) for row in conn.execute(
            select(m.c.coder, m.c.text).where(m.c.segment_id == segment_id).order_by(m.c.id))]
    return SegmentCard(seg.id, seg.text, seg.start, seg.speaker, seg.document_id, seg.name, meta,
                       around["previous"], around["next"], codings, memos)


_HEX_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


def css_colour(value: object, fallback: str = "#999999") -> str:
    """``value`` if it is a ``#RRGGBB`` colour, else ``fallback``: a colour from an imported file
    goes into a style attribute, where ``red;background:url(…)`` would fetch from the web."""
    return value if isinstance(value, str) and _HEX_COLOUR.fullmatch(value) else fallback


def highlight(text: str, offset: int, spans: list[tuple[int, int, str, str]]) -> str:
    """Escape ``text`` and wrap each span (document offsets) in a coloured ``<mark>``, its text
    black or white by WCAG contrast (:func:`qualcode.colors.text_color`).

    >>> highlight("<b>engelsk</b>", 0, [(3, 10, "#7FBC41", "Språk")])
    '&lt;b&gt;<mark style="background:#7FBC41;color:#000000;padding:0 .15em;border-radius:3px" title="Språk">engelsk</mark>&lt;/b&gt;'
    """
    from qualcode.colors import text_color

    spans = sorted((max(0, a - offset), min(len(text), b - offset), color, title) for a, b, color, title in spans
                   if b - offset > 0 and a - offset < len(text))
    out, pos = [], 0
    for start, end, color, title in spans:
        if start < pos:  # overlapping evidence: the first one keeps the colour
            continue
        out.append(html.escape(text[pos:start]))
        colour = css_colour(color)
        out.append(f'<mark style="background:{colour};color:{text_color(colour)};padding:0 .15em;border-radius:3px" '
                   f'title="{html.escape(title, quote=True)}">{html.escape(text[start:end])}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


@dataclass
class Overview:
    documents: dict[str, int]
    respondents: int
    codable: int
    suggestions: int  # suggestions (codings) still waiting for a decision
    decided: int  # codings accepted or rejected (manual codings are accepted)
    per_category: list[tuple[str, str, str, int]]  # (key, label, color, segments with the category)
    waiting_segments: int = 0  # segments holding a waiting suggestion: what the review queue counts

    @property
    def progress(self) -> float:
        total = self.suggestions + self.decided
        return self.decided / total if total else 0.0


def overview(project: Project, codebook: str) -> Overview:
    """Documents, respondents, N, review progress and counts per category."""
    from qualcode.store.summary import counted, project_summary

    summary = project_summary(project)
    with project.read() as conn:
        statuses = dict(conn.execute(select(c.c.status, func.count()).join(cat, cat.c.id == c.c.category_id)
                                     .join(cb, cb.c.id == cat.c.codebook_id).where(cb.c.key == codebook)
                                     .group_by(c.c.status)).all())
        per = conn.execute(select(cat.c.key, cat.c.label, cat.c.color, func.count(func.distinct(c.c.segment_id)))
                           .select_from(cat).join(cb, cb.c.id == cat.c.codebook_id)
                           .outerjoin(c, and_(c.c.category_id == cat.c.id, counted(c)))
                           .where(cb.c.key == codebook, cat.c.active.is_(True))
                           .group_by(cat.c.id).order_by(cat.c.position)).all()
        waiting = conn.execute(select(func.count(func.distinct(c.c.segment_id))).join(cat, cat.c.id == c.c.category_id)
                               .join(cb, cb.c.id == cat.c.codebook_id)
                               .where(cb.c.key == codebook, c.c.status == Status.SUGGESTED)).scalar()
    return Overview(summary.documents, summary.respondents, summary.codable, statuses.get(Status.SUGGESTED, 0),
                    statuses.get(Status.ACCEPTED, 0) + statuses.get(Status.REJECTED, 0), [tuple(row) for row in per], waiting)


def document_html(project: Project, document_id: int, codebook: str, link: str = "?segment={id}",
                  status_labels: dict[str, str] | None = None) -> str:
    """The whole document with every coding of ``codebook`` coloured; each coded segment links to review.

    ``status_labels`` names the statuses in the reader's language (default: the stored values).
    """
    status_labels = status_labels or {}
    with project.read() as conn:
        text = conn.execute(select(d.c.text).where(d.c.id == document_id)).scalar()
        rows = conn.execute(select(c.c.segment_id, c.c.start, c.c.end, c.c.evidence, cat.c.color, cat.c.label, c.c.status)
                            .join(cat, cat.c.id == c.c.category_id).join(cb, cb.c.id == cat.c.codebook_id)
                            .join(s, s.c.id == c.c.segment_id)
                            .where(s.c.document_id == document_id, cb.c.key == codebook, c.c.status != Status.REJECTED)
                            .order_by(c.c.start)).all()
    spans = []
    for row in rows:
        evidence = row.evidence or [[row.start, row.end, "", "manual"]]
        status = status_labels.get(row.status, row.status)
        spans += [(e[0], e[1], row.color, f"{row.label} ({status}) #{row.segment_id}") for e in evidence]
    body = highlight(text, 0, spans)
    # Each mark becomes a link into the review queue for its segment.
    return _link_marks(body, link)


def _link_marks(body: str, link: str) -> str:
    import re

    def repl(match: re.Match[str]) -> str:
        segment = re.search(r"#(\d+)\"", match.group(0))
        href = link.format(id=segment.group(1)) if segment else "#"
        return f'<a href="{href}" target="_self" style="text-decoration:none">{match.group(0)}</a>'

    return re.sub(r"<mark [^>]*>.*?</mark>", repl, body)
