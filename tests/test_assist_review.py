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
from qualcode.ingest import ingest_files
from qualcode.review import accept, add_manual_coding, reject
from qualcode.review.queue import QueueFilter, queue, uncertainty_available
from qualcode.store import Project, schema
from qualcode.tagging import load_codebook
from qualcode.tagging.apply import code_project
from tests.conftest import ROOT

ELEV = load_codebook(ROOT / "codebooks" / "elevutbytte.yaml")

# The rules know «engelsk», «venner», «mestring» …, but not «gloser» (vocabulary words): the
# analyst codes three of them by hand and the model proposes the rest.
SURVEY = """id;skolenivå;ord1;ord2;ord3
R01;grunnskole;gloser;nye venner;mestring
R02;grunnskole;nye gloser;engelsk;vennskap
R03;videregående;pugge gloser;selvtillit;samarbeid
R04;videregående;glosene;klima;demokrati
R05;grunnskole;glosebok;tysk;glede
R06;videregående;gloseprøver;kreativitet;trygghet
R07;grunnskole;bagasje;hotell;buss
R08;videregående;lange dager;fotball;pizza
R09;grunnskole;bærekraft;toleranse;motivasjon
R10;videregående;spansk;kulturforståelse;utvikling
"""

INTERVIEW = """I: Hva lærte elevene?
Lærer: De ble mye tryggere på å snakke engelsk med vertsfamiliene.
Lærer: Flyet var forsinket, og bussen til hotellet kom aldri.
Lærer: Mange fikk venner for livet i Spania.
"""


@pytest.fixture()
def project(tmp_path, nlp):
    (tmp_path / "svar.csv").write_text(SURVEY, encoding="utf-8")
    (tmp_path / "laerer.txt").write_text(INTERVIEW, encoding="utf-8")
    proj = Project.create(tmp_path / "p.qualcode")
    ingest_files(proj, [tmp_path / "svar.csv", tmp_path / "laerer.txt"],
                 survey={"id_column": "id", "open_columns": ["elev=ord1,ord2,ord3"]})
    code_project(proj, ELEV, nlp)
    return proj


def _segment(project: Project, text: str) -> int:
    s = schema.segments
    with project.read() as conn:
        return conn.execute(select(s.c.id).where(s.c.text == text, s.c.codable.is_(True))).scalar_one()


def _teach_gloser(project: Project) -> None:
    """The analyst codes three «gloser» answers by hand: vocabulary is a language skill."""
    cat = schema.categories
    with project.read() as conn:
        language = conn.execute(select(cat.c.id).where(cat.c.key == "sprakferdigheter")).scalar_one()
    for text in ("gloser", "nye gloser", "pugge gloser"):
        add_manual_coding(project, _segment(project, text), language, "kari")


def _highest_uncertainty(project: Project, source: str | None = None) -> dict[int, float]:
    """Each segment's most uncertain open suggestion, from the model's own queue."""
    best: dict[int, float] = {}
    for item in uncertainty_queue(project, ELEV):
        if source is None or item.source == source:
            best.setdefault(item.segment_id, item.uncertainty)
    return best


def test_queue_by_uncertainty_puts_the_closest_call_first(project):
    _teach_gloser(project)
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

    # Segments the filter keeps but with nothing open (the hand-coded «gloser») follow in document order.
    everything = queue(project, QueueFilter("elevutbytte", status=None, order="uncertainty"))
    ranked = [i for i in everything if i in best]
    tail = everything[len(ranked):]
    assert everything[:len(ranked)] == ranked and _segment(project, "gloser") in tail
    assert tail == [i for i in queue(project, QueueFilter("elevutbytte", status=None)) if i in tail]


def test_queue_by_uncertainty_without_a_model_is_lowest_score_first(project):
    assert not uncertainty_available(project, "elevutbytte")
    by_score = queue(project, QueueFilter("elevutbytte", order="score"))
    assert by_score and queue(project, QueueFilter("elevutbytte", order="uncertainty")) == by_score
    assert queue(project, QueueFilter("ukjent", order="uncertainty")) == []


def test_a_model_suggestion_counts_only_once_accepted(project, nlp, tmp_path):
    _teach_gloser(project)
    train_model(project, ELEV)
    suggest_codes(project, ELEV)
    c, cat = schema.codings, schema.categories
    with project.read() as conn:
        suggestion = conn.execute(select(c.c.id).join(cat, cat.c.id == c.c.category_id).where(
            c.c.segment_id == _segment(project, "glosene"), cat.c.key == "sprakferdigheter",
            c.c.source == "model", c.c.status == "suggested")).scalar_one()

    def language_respondents() -> int:
        block = next(b for b in category_counts(project, ELEV) if b.unit == "respondents")
        return next(row.count for row in block.rows if row.category == "sprakferdigheter")

    def glosene_in_cloud() -> tuple[str, ...]:
        return next(e.categories for e in project_words(project, ELEV, "elev", nlp=nlp).entries if e.text == "glosene")

    def language_in_upper_secondary() -> int:
        return stats.group_table(project, ELEV, "skolenivå", "elev").counts["videregående"].get("sprakferdigheter", 0)

    before = language_respondents(), language_in_upper_secondary()
    assert "sprakferdigheter" not in glosene_in_cloud()
    waiting = open_model_suggestions(project, ELEV)
    assert waiting >= 1
    page = build_report(project, tmp_path / "rapport", {"elev": ELEV}, [], by=None, nlp=nlp).html.read_text("utf-8")
    assert f"{waiting} modellforslag venter på gjennomgang og er ikke talt med" in page

    accept(project, suggestion, "kari")
    assert (language_respondents(), language_in_upper_secondary()) == (before[0] + 1, before[1] + 1)  # R04
    assert glosene_in_cloud()[0] == "sprakferdigheter"
    assert open_model_suggestions(project, ELEV) == waiting - 1


def test_the_uncertainty_order_follows_decisions_new_suggestions_and_retraining(project, nlp):
    """The app asks for the queue on every click: after a decision the segment leaves the queue
    and the rest keep their order; new suggestions and a new model are ranked afresh."""
    _teach_gloser(project)
    train_model(project, ELEV)
    suggest_codes(project, ELEV, threshold=0.3)
    order = QueueFilter("elevutbytte", order="uncertainty")
    first = queue(project, order)
    c = schema.codings
    with project.read() as conn:
        coding = conn.execute(select(c.c.id).where(c.c.segment_id == first[0], c.c.status == "suggested")).scalars().all()
    for coding_id in coding:
        reject(project, coding_id, "kari")
    assert queue(project, order) == first[1:]
    # A retrained model ranks again, and the order is then exactly the model's own queue.
    train_model(project, ELEV)
    suggest_codes(project, ELEV, threshold=0.3)
    best = _highest_uncertainty(project)
    assert [best[i] for i in queue(project, order)] == sorted(best.values(), reverse=True)
