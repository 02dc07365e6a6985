"""Assisted review: the queue ordered by the model's uncertainty, and model suggestions that do not
count as findings until someone accepts them."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from qualcode.analysis import stats
from qualcode.analysis.counts import category_counts, open_model_suggestions
from qualcode.analysis.report import build_report
from qualcode.analysis.words import project_words
from qualcode.assist import suggest_codes, train_model, uncertainty_queue
from qualcode.review import accept, reject
from qualcode.review.queue import QueueFilter, Rankings, queue, uncertainty_available
from qualcode.store import Project, schema
from tests.assist_data import ELEV, coded_project, segment_id, teach_fraser


@pytest.fixture()
def project(tmp_path, nlp, project_location):
    return coded_project(tmp_path, nlp, project_location)


def _highest_uncertainty(project: Project, source: str | None = None) -> dict[int, float]:
    """Each segment's most uncertain open suggestion, from the model's own queue."""
    best: dict[int, float] = {}
    for item in uncertainty_queue(project, ELEV):
        if source is None or item.source == source:
            best.setdefault(item.segment_id, item.uncertainty)
    return best


def test_queue_by_uncertainty_puts_the_closest_call_first(project):
    teach_fraser(project)
    train_model(project, ELEV)
    suggest_codes(project, ELEV, threshold=0.3)
    assert uncertainty_available(project, "elevutbytte")
    items = uncertainty_queue(project, ELEV)
    best = _highest_uncertainty(project)
    ids = queue(project, QueueFilter("elevutbytte", order="uncertainty"))
    assert set(ids) == set(best)  # the open suggestions, each segment once
    assert [best[i] for i in ids] == sorted(best.values(), reverse=True)
    nearest = min(items, key=lambda item: abs(item.probability - 0.5))
    assert best[ids[0]] == nearest.uncertainty  # the suggestion nearest 0.5 opens the queue

    model_only = queue(project, QueueFilter("elevutbytte", source="model", order="uncertainty"))
    model_best = _highest_uncertainty(project, source="model")
    assert model_only and set(model_only) == set(model_best)
    assert [model_best[i] for i in model_only] == sorted(model_best.values(), reverse=True)

    # Segments the filter keeps but with nothing open (the hand-coded «fraser») follow in document order.
    everything = queue(project, QueueFilter("elevutbytte", status=None, order="uncertainty"))
    ranked = [i for i in everything if i in best]
    tail = everything[len(ranked):]
    assert everything[:len(ranked)] == ranked and segment_id(project, "fraser") in tail
    assert tail == [i for i in queue(project, QueueFilter("elevutbytte", status=None)) if i in tail]


def test_queue_by_uncertainty_without_a_model_is_lowest_score_first(project):
    assert not uncertainty_available(project, "elevutbytte")
    by_score = queue(project, QueueFilter("elevutbytte", order="score"))
    assert by_score and queue(project, QueueFilter("elevutbytte", order="uncertainty")) == by_score
    assert queue(project, QueueFilter("ukjent", order="uncertainty")) == []


def test_a_model_suggestion_counts_only_once_accepted(project, nlp, tmp_path):
    teach_fraser(project)
    train_model(project, ELEV)
    suggest_codes(project, ELEV)
    c, cat = schema.codings, schema.categories
    with project.read() as conn:
        suggestion = conn.execute(select(c.c.id).join(cat, cat.c.id == c.c.category_id).where(
            c.c.segment_id == segment_id(project, "frasene"), cat.c.key == "sprakferdigheter",
            c.c.source == "model", c.c.status == "suggested")).scalar_one()

    def language_respondents() -> int:
        block = next(b for b in category_counts(project, ELEV) if b.unit == "respondents")
        return next(row.count for row in block.rows if row.category == "sprakferdigheter")

    def frasene_in_cloud() -> tuple[str, ...]:
        return next(e.categories for e in project_words(project, ELEV, "elev", nlp=nlp).entries if e.text == "frasene")

    def language_in_upper_secondary() -> int:
        return stats.group_table(project, ELEV, "skolenivå", "elev").counts["videregående"].get("sprakferdigheter", 0)

    before = language_respondents(), language_in_upper_secondary()
    assert "sprakferdigheter" not in frasene_in_cloud()
    waiting = open_model_suggestions(project, ELEV)
    assert waiting >= 1
    page = build_report(project, tmp_path / "rapport", {"elev": ELEV}, [], by=None, nlp=nlp).html.read_text("utf-8")
    assert f"{waiting} modellforslag venter på gjennomgang og er ikke talt med" in page

    accept(project, suggestion, "kari")
    assert (language_respondents(), language_in_upper_secondary()) == (before[0] + 1, before[1] + 1)  # R04
    assert frasene_in_cloud()[0] == "sprakferdigheter"
    assert open_model_suggestions(project, ELEV) == waiting - 1


def test_the_uncertainty_order_follows_decisions_new_suggestions_and_retraining(project, nlp):
    """The app asks for the queue on every click: after a decision the segment leaves the queue
    and the rest keep their order; new suggestions and a new model are ranked afresh."""
    teach_fraser(project)
    train_model(project, ELEV)
    suggest_codes(project, ELEV, threshold=0.3)
    order = QueueFilter("elevutbytte", order="uncertainty")
    rankings = Rankings()  # what the app keeps between clicks
    first = queue(project, order, rankings)
    c = schema.codings
    with project.read() as conn:
        coding = conn.execute(select(c.c.id).where(c.c.segment_id == first[0], c.c.status == "suggested")).scalars().all()
    for coding_id in coding:
        reject(project, coding_id, "kari")
    assert queue(project, order, rankings) == first[1:] == queue(project, order)
    # A retrained model ranks again, and the order is then exactly the model's own queue.
    train_model(project, ELEV)
    suggest_codes(project, ELEV, threshold=0.3)
    best = _highest_uncertainty(project)
    assert [best[i] for i in queue(project, order, rankings)] == sorted(best.values(), reverse=True)
