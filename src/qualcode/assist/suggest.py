"""Model suggestions beside the rules', and a review queue ordered by how unsure the model is.

>>> report = suggest_codes(project, codebook)                          # doctest: +SKIP
>>> queue = uncertainty_queue(project, codebook, limit=20)             # doctest: +SKIP

A model suggestion is a coding with source ``model`` and status ``suggested``; its score is the
calibrated probability and its evidence the words that weighed most (never a stop word or a
word in a negated clause; with no other word to show, nothing is proposed). The model proposes a
category only where no rule did and no human decided: it never sits on top of an auto
suggestion, an accepted or rejected coding or a manual one. A rejected model suggestion is not
offered again for that segment and category. Running again replaces only the model's own
untouched suggestions (kept when an analyst wrote a memo on one), in one transaction.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import func, select

from qualcode.assist.model import CHUNK, CodeModel
from qualcode.nlp.stopwords import stop_words
from qualcode.tagging.negation import NEGATION_CUES, negated_tokens
from qualcode.tagging.tokens import Tokens
from qualcode.assist.training import category_ids, load_model
from qualcode.store import Project, schema
from qualcode.store.values import Source, Status
from qualcode.tagging.codebook import Codebook
from qualcode.tagging.reconcile import reconcile

MODEL_RULE = "model"
_TOKEN = re.compile(r"\w+|[^\w\s]")


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


def _negated_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the words a negation cue covers, by the rules' own clause logic."""
    matches = list(_TOKEN.finditer(text))
    if not matches or NEGATION_CUES.isdisjoint(m.group().lower() for m in matches):
        return []
    words = [m.group() for m in matches]
    tokens = Tokens(words, [True] * len(words), words, [i == 0 for i in range(len(words))])
    return [(matches[i].start(), matches[i].end()) for i in sorted(negated_tokens(tokens))]


def _evidence(model: CodeModel, text: str, category: str, offset: int) -> tuple[list, str]:
    """The words that speak most for ``category``, never a stop word and never one in a negated clause.

    Empty when nothing else speaks for it: then the model has no case to show the analyst, and
    (as a rule's term in a negated clause) proposes nothing.
    """
    stop = stop_words()
    negated = _negated_spans(text)
    words = [(s, e, word, w) for s, e, word, w in model.explain(text, category, top=12)
             if word.lower() not in stop and len(word) > 1 and not any(a <= s < b for a, b in negated)][:3]
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
            c.c.category_id.in_(list(ids.values())), (c.c.source != Source.MODEL) | (c.c.status != Status.SUGGESTED))).all()
    blocked: dict[int, set[str]] = {}
    for row in decided:
        blocked.setdefault(row.segment_id, set()).add(key_of[row.category_id])
    wanted = {seg.text_hash: seg.text for seg in segments if not set(columns) <= blocked.get(seg.id, set())}
    scores = score_texts(model, wanted, progress)
    report = SuggestionReport(segments=len(segments), scored=len(scores))
    with project.transaction() as conn:
        found: dict[tuple[int, str], dict] = {}
        for seg in segments:
            row_scores = scores.get(seg.text_hash)
            for category, j in columns.items():
                probability = None if row_scores is None else round(float(row_scores[j]), 4)
                if probability is None or probability < threshold:
                    continue
                evidence, key = _evidence(model, seg.text, category, seg.start)
                if not evidence:
                    continue
                found[(seg.id, category)] = {"start": seg.start, "end": seg.start + len(seg.text), "score": probability,
                                             "rule": MODEL_RULE, "evidence": evidence, "evidence_key": key, "polarity": None}
        # reconcile() reads every coding again inside the transaction: a coder may have decided
        # something while the model was scoring.
        done = reconcile(conn, Source.MODEL, found, [seg.id for seg in segments], ids)
        report.suggested, report.updated, report.withdrawn = done.suggested, done.updated, done.withdrawn
        report.counts = {key_of[category_id]: n for category_id, n in conn.execute(
            select(c.c.category_id, func.count()).where(c.c.category_id.in_(list(ids.values())), c.c.source == Source.MODEL,
                                                        c.c.status == Status.SUGGESTED).group_by(c.c.category_id))}
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
                            .where(d.c.current.is_(True), c.c.status == Status.SUGGESTED, c.c.source != Source.MANUAL,
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
