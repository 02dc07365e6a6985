"""Train a project's code model from the analyst's decisions and the codebook's examples.

>>> report = train_model(project, load_codebook("codebooks/elevutbytte.yaml"))   # doctest: +SKIP
>>> model, trained_at = load_model(project, load_codebook("codebooks/elevutbytte.yaml"))  # doctest: +SKIP

What the model learns from:

* **Reviewed segments.** A segment with any human decision in the codebook (an accepted or
  rejected suggestion, a manual coding) counts as reviewed: its accepted categories are its
  codes and every other category of the codebook is not. That is how an analyst works through
  the review queue (one segment, all its suggestions, plus what is missing), and it is what
  gives the model its negative examples.
* **Codebook examples.** A positive example is a text of its category and, unless another
  category lists it as positive too, of no other; a negative example is not its category.
* **The rules, on everything not reviewed yet**, at a lower weight (``rules_weight``, 0.3 of a
  decision): a category is taken to be right where its rule fired and wrong elsewhere. Without
  them the model sees little but the segments the review queue shows, most of them positive,
  and proposes codes all over a corpus where a category is rare (in the learning curve, 428
  model suggestions on the sample corpus and precision 0.48 on the interview sentences after 50
  reviews). With them it learns how rare each category is and what the rules know; decisions,
  at full weight, correct the rules where they are wrong.

The model is stored inside the project (table ``models``, one row per codebook), so the
project stays one file that can be copied, and works on PostgreSQL as well. It is stored as
numbers (see :meth:`CodeModel.to_bytes`), never as a pickle: opening someone else's project
must not run their code. A model from another scikit-learn version, or one that an older
qualcode stored as a pickle (marked stale by schema migration 4, never loaded), is refused
with the command that trains it again from the decisions in the project.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, func, insert, or_, select

from qualcode import __version__
from qualcode.assist.model import CategoryFit, CodeModel, ModelFormatError, library_versions
from qualcode.store import Project, schema
from qualcode.store.project import now
from qualcode.store.values import Source, Status
from qualcode.tagging.codebook import Codebook


class ModelError(RuntimeError):
    """A model that cannot be trained or used; the message says what to do."""


@dataclass
class TrainingData:
    texts: list[str]
    labels: list[dict[str, bool]]
    reviewed: int  # segments with a human decision
    examples: int  # codebook example texts
    weights: list[float] = field(default_factory=list)  # how much each text counts


@dataclass
class TrainingReport:
    codebook: str
    reviewed: int
    examples: int
    unreviewed: int  # distinct unreviewed texts labelled by the rules
    fits: dict[str, CategoryFit] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)  # category: why the model cannot propose it yet
    size_bytes: int = 0  # the stored model, compressed
    seconds: float = 0.0


def category_ids(project: Project, codebook: Codebook) -> dict[str, int]:
    """Category id by key for the codebook's categories, as stored when the project was coded."""
    cat, cb = schema.categories, schema.codebooks
    with project.read() as conn:
        stored = dict(conn.execute(select(cat.c.key, cat.c.id).join(cb, cb.c.id == cat.c.codebook_id)
                                   .where(cb.c.key == codebook.id)).all())
    if not stored:
        raise ModelError(f"{project.location} has not been coded with '{codebook.id}' yet. "
                         f"Run: qualcode code {project.location} --codebook {codebook.source or codebook.id + '.yaml'}")
    return {c.id: stored[c.id] for c in codebook.categories if c.id in stored}


def example_labels(codebook: Codebook) -> tuple[list[str], list[dict[str, bool]]]:
    """The codebook's example texts with what each says about every category."""
    categories = [c.id for c in codebook.categories]
    labels: dict[str, dict[str, bool]] = {}
    for category in codebook.categories:
        for text in category.examples.positive:
            labels.setdefault(text, {c: False for c in categories})[category.id] = True
    for category in codebook.categories:
        for text in category.examples.negative:
            known = labels.setdefault(text, {})
            if not known.get(category.id):
                known[category.id] = False
    return list(labels), list(labels.values())


def _unreviewed(project: Project, ids: dict[str, int], reviewed: set[int]) -> dict[str, tuple[str, set[str], int]]:
    """Distinct texts of the unreviewed codable segments: ``{text_hash: (text, rule categories, segments)}``."""
    key_of = {v: k for k, v in ids.items()}
    s, d, c = schema.segments, schema.documents, schema.codings
    with project.read() as conn:
        fired: dict[int, set[str]] = {}
        for segment_id, category_id in conn.execute(select(c.c.segment_id, c.c.category_id).where(
                c.c.category_id.in_(list(ids.values())), c.c.source == Source.AUTO, c.c.status == Status.SUGGESTED)):
            fired.setdefault(segment_id, set()).add(key_of[category_id])
        result: dict[str, tuple[str, set[str], int]] = {}
        for row in conn.execute(select(s.c.id, s.c.text, s.c.text_hash).join(d, d.c.id == s.c.document_id)
                                .where(d.c.current.is_(True), s.c.codable.is_(True)).order_by(s.c.id)):
            if row.id in reviewed:
                continue
            text, codes, n = result.get(row.text_hash, (row.text, fired.get(row.id, set()), 0))
            result[row.text_hash] = (text, codes, n + 1)
    return result


RULES_WEIGHT = 0.3
# Below this many reviewed segments the model mostly echoes the rules and the codebook's examples,
# and its calibrated probabilities rest on a handful of decisions: `qualcode train` asks for more.
MIN_REVIEWED = 10


def reviewed_segments(project: Project, codebook: Codebook) -> int:
    """How many segments carry a human decision on one of ``codebook``'s categories (what the model learns from)."""
    ids = category_ids(project, codebook)
    c = schema.codings
    with project.read() as conn:
        return conn.execute(select(func.count(func.distinct(c.c.segment_id)))
                            .where(c.c.category_id.in_(list(ids.values())),
                                   or_(c.c.status.in_([Status.ACCEPTED, Status.REJECTED]), c.c.source == Source.MANUAL))).scalar()


def training_data(project: Project, codebook: Codebook, rules_weight: float = RULES_WEIGHT) -> TrainingData:
    """Reviewed segments and codebook examples as texts with ``{category: True/False}`` labels.

    With ``rules_weight`` > 0 every unreviewed segment joins them, labelled by the rules (a
    category is right where a rule fired and wrong elsewhere), each segment counting that much.
    """
    ids = category_ids(project, codebook)
    key_of = {v: k for k, v in ids.items()}
    c, s = schema.codings, schema.segments
    with project.read() as conn:
        rows = conn.execute(select(c.c.segment_id, c.c.category_id, c.c.status, s.c.text)
                            .join(s, s.c.id == c.c.segment_id)
                            .where(c.c.category_id.in_(list(ids.values())),
                                   or_(c.c.status.in_([Status.ACCEPTED, Status.REJECTED]), c.c.source == Source.MANUAL))
                            .order_by(c.c.segment_id)).all()
    texts: dict[int, str] = {}
    accepted: dict[int, set[str]] = {}
    for row in rows:
        texts[row.segment_id] = row.text
        codes = accepted.setdefault(row.segment_id, set())
        if row.status == Status.ACCEPTED:
            codes.add(key_of[row.category_id])
    example_texts, example_label_sets = example_labels(codebook)
    segment_labels = [{key: key in accepted[sid] for key in ids} for sid in texts]
    data = TrainingData(list(texts.values()) + example_texts, segment_labels + example_label_sets,
                        reviewed=len(texts), examples=len(example_texts))
    data.weights = [1.0] * len(data.texts)
    if rules_weight > 0:
        for text, codes, n in _unreviewed(project, ids, set(texts)).values():
            data.texts.append(text)
            data.labels.append({key: key in codes for key in ids})
            data.weights.append(rules_weight * n)
    return data


def train_model(project: Project, codebook: Codebook, *, rules_weight: float = RULES_WEIGHT, seed: int = 0,
                progress: Callable[[str, int, int], None] | None = None) -> TrainingReport:
    """Train the codebook's model on the project's decisions and store it in the project."""
    started = time.perf_counter()
    data = training_data(project, codebook, rules_weight)
    model = CodeModel(seed=seed).fit(data.texts, data.labels, data.weights, progress=progress)
    about = {"codebook": codebook.id, "reviewed": data.reviewed, "examples": data.examples,
             "rules_weight": rules_weight, "qualcode": __version__}
    size = save_model(project, codebook.id, model, about)
    return TrainingReport(codebook.id, data.reviewed, data.examples, len(data.texts) - data.reviewed - data.examples,
                          dict(model.fits_), dict(model.skipped_), size, time.perf_counter() - started)


def save_model(project: Project, codebook_key: str, model: CodeModel, about: dict) -> int:
    """Store ``model`` as the codebook's model (replacing the previous one in one transaction); returns its size."""
    data = model.to_bytes()
    about = {**about, "format": "npz", "versions": library_versions()}
    m = schema.models
    with project.transaction() as conn:
        conn.execute(delete(m).where(m.c.codebook_key == codebook_key))
        conn.execute(insert(m).values(codebook_key=codebook_key, trained_at=now(), about=about, data=data))
    return len(data)


def load_model(project: Project, codebook: Codebook) -> tuple[CodeModel, datetime]:
    """The codebook's trained model and when it was trained."""
    m = schema.models
    with project.read() as conn:
        row = conn.execute(select(m.c.trained_at, m.c.about, m.c.data).where(m.c.codebook_key == codebook.id)).first()
    train = f"qualcode train {project.location} --codebook {codebook.source or codebook.id + '.yaml'}"
    if row is None:
        raise ModelError(f"{project.location} has no model for '{codebook.id}' yet. Run: {train}")
    stale = (row.about or {}).get("stale") if isinstance(row.about, dict) else None
    if stale:
        raise ModelError(f"{project.location}: the model for '{codebook.id}' {stale}. Train it again from the "
                         f"decisions in the project: {train}")
    try:
        model = CodeModel.from_bytes(row.data)
    except ModelFormatError as exc:
        raise ModelError(f"{project.location}: the model for '{codebook.id}' cannot be read ({exc}); "
                         f"train it again: {train}") from None
    return model, row.trained_at
