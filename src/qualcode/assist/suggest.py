"""Model suggestions beside the rules', and a review queue ordered by how unsure the model is.

>>> report = suggest_codes(project, codebook)                          # doctest: +SKIP
>>> queue = uncertainty_queue(project, codebook, limit=20)             # doctest: +SKIP

A model suggestion is a coding with source ``model`` and status ``suggested``; its score is the
calibrated probability and its evidence the words that weighed most. The model proposes a
category only where no rule did and no human decided: it never sits on top of an auto
suggestion, an accepted or rejected coding or a manual one. A rejected model suggestion is not
offered again for that segment and category. Running again replaces only the model's own
untouched suggestions (kept when an analyst wrote a memo on one), in one transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import delete, func, insert, select, update

from qualcode.assist.model import CHUNK, CodeModel
from qualcode.assist.training import category_ids, load_model
from qualcode.store import Project, schema
from qualcode.store.project import now
from qualcode.tagging.codebook import Codebook

MODEL_RULE = "model"


@dataclass
class SuggestionReport:
    segments: int = 0  # codable segments in the project
    scored: int = 0  # distinct texts the model scored (segments where every category was decided are skipped)
    suggested: int = 0  # new model suggestions
    updated: int = 0  # model suggestions whose probability or evidence changed
    withdrawn: int = 0  # untouched model suggestions the model (or a new rule) no longer needs
    counts: dict[str, int] = field(default_factory=dict)  # open model suggestions per category after the run


@dataclass(frozen=True)
class QueueItem:
    """One open suggestion in the review queue."""

    coding_id: int
    segment_id: int
    category: str
    source: str  # auto | model
    text: str
    probability: float  # the model's probability that the category is right
    uncertainty: float  # 1 at probability 0.5, 0 at 0 or 1


def _codable_segments(conn) -> list:
    s, d = schema.segments, schema.documents
    return conn.execute(select(s.c.id, s.c.text, s.c.text_hash, s.c.start).join(d, d.c.id == s.c.document_id)
                        .where(d.c.current.is_(True), s.c.codable.is_(True)).order_by(s.c.id)).all()


def score_texts(model: CodeModel, texts: dict[str, str],
                progress: Callable[[str, int, int], None] | None = None) -> dict[str, np.ndarray]:
    """The model's probabilities (in ``model.categories_`` order) for every ``{text_hash: text}``."""
    hashes = list(texts)
    scores: dict[str, np.ndarray] = {}
    for start in range(0, len(hashes), CHUNK):
        chunk = hashes[start:start + CHUNK]
        for text_hash, row in zip(chunk, model.predict_proba([texts[h] for h in chunk])):
            scores[text_hash] = row
        if progress:
            progress("score", len(scores), len(hashes))
    return scores


def _evidence(model: CodeModel, text: str, category: str, offset: int) -> tuple[list, str]:
    words = model.explain(text, category)
    evidence = [[s + offset, e + offset, word, MODEL_RULE] for s, e, word, _ in words]
    key = hashlib.blake2b(("model|" + "|".join(w.lower() for _, _, w, _ in words)).encode(), digest_size=12).hexdigest()
    return evidence, key


def suggest_codes(project: Project, codebook: Codebook, model: CodeModel | None = None, *, threshold: float = 0.5,
                  progress: Callable[[str, int, int], None] | None = None) -> SuggestionReport:
    """Write the model's suggestions (probability >= ``threshold``) where no rule fired and nobody decided."""
    if model is None:
        model, _ = load_model(project, codebook)
    ids = category_ids(project, codebook)
    key_of = {v: k for k, v in ids.items()}
    columns = {name: j for j, name in enumerate(model.categories_) if name in ids}
    c = schema.codings
    with project.read() as conn:
        segments = _codable_segments(conn)
        decided = conn.execute(select(c.c.segment_id, c.c.category_id).where(
            c.c.category_id.in_(list(ids.values())), (c.c.source != "model") | (c.c.status != "suggested"))).all()
    blocked: dict[int, set[str]] = {}
    for row in decided:
        blocked.setdefault(row.segment_id, set()).add(key_of[row.category_id])
    wanted = {seg.text_hash: seg.text for seg in segments if not set(columns) <= blocked.get(seg.id, set())}
    scores = score_texts(model, wanted, progress)
    report = SuggestionReport(segments=len(segments), scored=len(scores))
    with project.transaction() as conn:
        # Read the model's own suggestions and every other coding again inside the transaction:
        # a coder may have decided something while the model was scoring.
        existing: dict[tuple[int, str], list] = {}
        for row in conn.execute(select(c.c.id, c.c.segment_id, c.c.category_id, c.c.source, c.c.status,
                                       c.c.score, c.c.evidence_key).where(c.c.category_id.in_(list(ids.values())))):
            existing.setdefault((row.segment_id, key_of[row.category_id]), []).append(row)
        with_memo = set(conn.execute(select(schema.memos.c.coding_id).where(schema.memos.c.coding_id.is_not(None))).scalars())
        stamp = now()
        inserts, deletes = [], []
        for seg in segments:
            row_scores = scores.get(seg.text_hash)
            for category in ids:
                rows = existing.get((seg.id, category), [])
                mine = [r for r in rows if r.source == "model" and r.status == "suggested"]
                others = [r for r in rows if r not in mine]
                j = columns.get(category)  # None: the model cannot propose this category (any more)
                probability = None if row_scores is None or j is None else round(float(row_scores[j]), 4)
                if others or probability is None or probability < threshold:
                    deletes += [r.id for r in mine if r.id not in with_memo]
                    continue
                evidence, key = _evidence(model, seg.text, category, seg.start)
                values = {"score": probability, "rule": MODEL_RULE, "evidence": evidence, "evidence_key": key}
                if not mine:
                    inserts.append({"segment_id": seg.id, "category_id": ids[category], "start": seg.start,
                                    "end": seg.start + len(seg.text), "source": "model", "status": "suggested",
                                    "coder": None, "polarity": None, "created_at": stamp, "updated_at": stamp, **values})
                elif mine[0].score != probability or mine[0].evidence_key != key:
                    conn.execute(update(c).where(c.c.id == mine[0].id).values(updated_at=stamp, **values))
                    report.updated += 1
                deletes += [r.id for r in mine[1:] if r.id not in with_memo]
        for i in range(0, len(deletes), 900):
            conn.execute(delete(c).where(c.c.id.in_(deletes[i:i + 900])))
        for i in range(0, len(inserts), 20_000):
            conn.execute(insert(c), inserts[i:i + 20_000])
        report.suggested, report.withdrawn = len(inserts), len(deletes)
        report.counts = {key_of[category_id]: n for category_id, n in conn.execute(
            select(c.c.category_id, func.count()).where(c.c.category_id.in_(list(ids.values())), c.c.source == "model",
                                                        c.c.status == "suggested").group_by(c.c.category_id))}
    return report


def uncertainty_queue(project: Project, codebook: Codebook, model: CodeModel | None = None, *,
                      limit: int | None = None) -> list[QueueItem]:
    """Open suggestions (rules' and model's), the ones the model is least sure about first.

    Reviewing those first teaches the model the most: a rule suggestion the model doubts and a
    model suggestion near 0.5 are where a decision moves the classifier. Ties keep segment order.
    """
    if model is None:
        model, _ = load_model(project, codebook)
    ids = category_ids(project, codebook)
    key_of = {v: k for k, v in ids.items()}
    s, d, c = schema.segments, schema.documents, schema.codings
    with project.read() as conn:
        rows = conn.execute(select(c.c.id, c.c.segment_id, c.c.category_id, c.c.source, c.c.score, s.c.text, s.c.text_hash)
                            .join(s, s.c.id == c.c.segment_id).join(d, d.c.id == s.c.document_id)
                            .where(d.c.current.is_(True), c.c.status == "suggested", c.c.source != "manual",
                                   c.c.category_id.in_(list(ids.values())))
                            .order_by(c.c.segment_id, c.c.id)).all()
    columns = {name: j for j, name in enumerate(model.categories_)}
    scores = score_texts(model, {r.text_hash: r.text for r in rows})
    items = []
    for r in rows:
        category = key_of[r.category_id]
        if category in columns:
            p = float(scores[r.text_hash][columns[category]])
        else:
            p = 0.5  # the model cannot judge this category yet: as unsure as it gets
        items.append(QueueItem(r.id, r.segment_id, category, r.source, r.text, round(p, 4), round(1 - abs(2 * p - 1), 4)))
    items.sort(key=lambda item: -item.uncertainty)
    return items[:limit] if limit is not None else items
