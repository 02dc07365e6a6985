"""Model suggestions: a classifier trained on the analyst's decisions proposes codes the rules miss."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner
from sqlalchemy import select

from qualcode.assist.training import RULES_WEIGHT, training_data
from qualcode.assist import (
    CodeModel,
    ModelError,
    load_model,
    suggest_codes,
    train_model,
    uncertainty_queue,
)
from qualcode.cli import commands  # noqa: F401  (registers the commands on the app)
from qualcode.cli.app import app
from qualcode.review import accept, reject
from qualcode.store import Project, schema
from tests.assist_data import ELEV, coded_project, teach_fraser
from tests.conftest import ROOT


def _codings(project: Project, **where) -> list:
    c, cat = schema.codings, schema.categories
    query = select(c, cat.c.key.label("category")).join(cat, cat.c.id == c.c.category_id)
    for column, value in where.items():
        query = query.where(c.c[column] == value)
    with project.read() as conn:
        return conn.execute(query.order_by(c.c.id)).all()


@pytest.fixture()
def project(tmp_path, nlp):
    return coded_project(tmp_path, nlp)


def test_character_ngrams_generalise_to_compounds_and_inflections():
    texts = ["engelsk", "språk", "tysk", "fransk", "spansk", "snakke engelsk", "bedre uttale", "språkferdigheter",
             "nye venner", "vennskap", "mestring", "selvtillit", "samarbeid", "klima", "demokrati", "glede",
             "toleranse", "trygghet"]
    labels = [{"sprak": i < 8} for i in range(len(texts))]
    model = CodeModel().fit(texts, labels)
    p = dict(zip(["engelskkunnskaper", "språkbarrierer", "venner for livet"],
                 model.predict_proba(["engelskkunnskaper", "språkbarrierer", "venner for livet"])[:, 0]))
    assert p["engelskkunnskaper"] > 0.5 and p["språkbarrierer"] > 0.5, p
    assert p["venner for livet"] < 0.5, p
    assert model.fits_["sprak"].calibrated and model.fits_["sprak"].positives == 8
    start, end, word, weight = model.explain("Elevene fikk engelskkunnskaper", "sprak")[0]
    assert word == "engelskkunnskaper" and "Elevene fikk engelskkunnskaper"[start:end] == word and weight > 0


def test_a_category_without_negatives_is_skipped_with_the_reason():
    model = CodeModel().fit(["engelsk", "tysk"], [{"sprak": True, "sosial": False}, {"sprak": True, "sosial": True}])
    assert model.categories_ == ["sosial"] and not model.fits_["sosial"].calibrated  # one of each: raw probabilities
    assert model.skipped_ == {"sprak": "no negative examples"}


def test_train_before_any_review_learns_from_examples_and_rules(project):
    report = train_model(project, ELEV)
    assert report.reviewed == 0 and report.examples > 20 and report.unreviewed > 30
    assert set(report.fits) == {c.id for c in ELEV.categories} and not report.skipped
    assert report.size_bytes > 1000
    # The model lives inside the project: the project file alone carries it.
    assert not (Path(project.location).parent / "p.qualcode.models").exists()
    copy = Path(project.location).with_name("kopi.qualcode")
    project.checkpoint()
    shutil.copy(project.location, copy)
    with Project.open(copy) as copied:
        model, trained_at = load_model(copied, ELEV)
    assert model.categories_ == [c.id for c in ELEV.categories] and trained_at.year >= 2024


def test_decisions_teach_the_model_what_the_rules_miss(project):
    words = ["frasene", "frasebok", "fraseprøver"]
    train_model(project, ELEV)
    model, _ = load_model(project, ELEV)
    language = model.categories_.index("sprakferdigheter")
    before = model.predict_proba(words)[:, language]
    teach_fraser(project)
    data = training_data(project, ELEV)
    taught = {(t, label.get("sprakferdigheter"), w) for t, label, w in zip(data.texts, data.labels, data.weights)}
    assert ("fraser", True, 1.0) in taught  # the analyst's decision, at full weight
    assert ("frasene", False, RULES_WEIGHT) in taught  # not reviewed yet: what the rules say, at a lower weight
    assert ("engelsk", True, RULES_WEIGHT) in taught
    report = train_model(project, ELEV)
    assert (report.reviewed, report.examples) == (3, data.examples) and report.unreviewed == len(data.texts) - 3 - data.examples
    after = load_model(project, ELEV)[0].predict_proba(words)[:, language]
    assert all(after > before + 0.2), (before, after)
    suggest_codes(project, ELEV)
    texts = _model_suggestion_texts(project)
    assert "frasene" in texts["sprakferdigheter"], texts
    assert not texts["sprakferdigheter"] & {"bagasje", "hotell", "buss", "pizza"}
    assert all(0.5 <= r.score <= 1 for r in _codings(project, source="model"))


def _model_suggestion_texts(project: Project) -> dict[str, set[str]]:
    s = schema.segments
    result: dict[str, set[str]] = {}
    with project.read() as conn:
        texts = dict(conn.execute(select(s.c.id, s.c.text)).all())
    for row in _codings(project, source="model", status="suggested"):
        result.setdefault(row.category, set()).add(texts[row.segment_id])
    return result


def test_model_suggestions_never_sit_on_rules_or_decisions(project):
    teach_fraser(project)
    train_model(project, ELEV)
    suggest_codes(project, ELEV, threshold=0.05)  # a low bar: the model proposes a lot
    others = {(r.segment_id, r.category) for r in _codings(project) if r.source != "model"}
    model_rows = _codings(project, source="model")
    assert model_rows
    for row in model_rows:
        assert (row.segment_id, row.category) not in others
        assert row.status == "suggested" and row.coder is None and row.rule == "model"
    s, d = schema.segments, schema.documents
    with project.read() as conn:
        document_text = dict(conn.execute(select(s.c.id, d.c.text).join(d, d.c.id == s.c.document_id)).all())
    assert any(row.evidence for row in model_rows), "model suggestions show the words that weighed most"
    for row in model_rows:
        for start, end, word, rule in row.evidence:
            assert rule == "model" and row.start <= start < end <= row.end
            assert document_text[row.segment_id][start:end] == word


def test_rerun_replaces_only_untouched_model_suggestions(project):
    teach_fraser(project)
    train_model(project, ELEV)
    suggest_codes(project, ELEV, threshold=0.3)
    rows = _codings(project, source="model", status="suggested")
    assert len(rows) >= 2
    kept, refused = rows[0], rows[1]
    accept(project, kept.id, "kari")
    reject(project, refused.id, "kari")
    again = suggest_codes(project, ELEV, threshold=0.3)
    assert again.suggested == 0 and again.updated == 0 and again.withdrawn == 0  # same model: nothing moves
    train_model(project, ELEV)
    suggest_codes(project, ELEV, threshold=0.05)
    after = {r.id: r for r in _codings(project)}
    assert after[kept.id].status == "accepted" and after[refused.id].status == "rejected"
    same_place = [r for r in after.values() if (r.segment_id, r.category) == (refused.segment_id, refused.category)]
    assert same_place == [after[refused.id]], "a rejected model suggestion is not offered again"
    pairs = [(r.segment_id, r.category) for r in after.values() if r.status == "suggested"]
    assert len(pairs) == len(set(pairs)), "never two open suggestions for one segment and category"
    high = suggest_codes(project, ELEV, threshold=0.99)
    assert high.withdrawn > 0
    assert {r.status for r in _codings(project, source="model")} >= {"accepted", "rejected"}


def test_review_queue_puts_the_most_uncertain_first(project):
    train_model(project, ELEV)
    suggest_codes(project, ELEV)
    queue = uncertainty_queue(project, ELEV)
    open_ids = {r.id for r in _codings(project, status="suggested")}
    assert queue and {item.coding_id for item in queue} == open_ids
    assert [item.uncertainty for item in queue] == sorted((item.uncertainty for item in queue), reverse=True)
    assert all(item.uncertainty == pytest.approx(1 - abs(2 * item.probability - 1), abs=1e-3) for item in queue)
    assert {item.source for item in queue} <= {"auto", "model"}
    assert len(uncertainty_queue(project, ELEV, limit=3)) == 3


def test_clear_errors_before_coding_and_before_training(tmp_path):
    bare = Project.create(tmp_path / "tom.qualcode")
    with pytest.raises(ModelError, match="has not been coded with 'elevutbytte'"):
        train_model(bare, ELEV)
    with pytest.raises(ModelError, match="Run: qualcode train"):
        load_model(bare, ELEV)


def test_train_cli(project):
    command = ["train", project.location, "--codebook", str(ROOT / "codebooks" / "elevutbytte.yaml"), "--queue", "3"]
    refused = CliRunner().invoke(app, command, env={"COLUMNS": "300"})
    assert refused.exit_code == 1
    assert "0 segments are reviewed" in refused.output and "at least 10" in refused.output
    assert "learns from your decisions" in refused.output and "--min-reviewed 0" in refused.output
    segments = set()
    for row in _codings(project, status="suggested"):  # the analyst reviews ten segments first
        if row.segment_id not in segments and len(segments) < 10:
            (accept if len(segments) % 3 else reject)(project, row.id, "Kari")
            segments.add(row.segment_id)
    run = CliRunner().invoke(app, command, env={"COLUMNS": "200"})
    assert run.exit_code == 0, run.output
    assert "Saved the model in" in run.output and "p.qualcode" in run.output
    assert "Review these first" in run.output
    queue = run.output.split("Review these first")[1]
    assert " rule " in queue and " auto " not in queue  # rule suggestions are called what the README and app call them


def test_model_evidence_is_never_a_stop_word_nor_negated(project):
    from qualcode.assist.suggest import _evidence
    from qualcode.nlp import stop_words

    train_model(project, ELEV)
    model, _ = load_model(project, ELEV)
    stop = stop_words()
    text = "Nei, språket var ikke det viktigste for dem, en da så de det."
    evidence, _ = _evidence(model, text, "sprakferdigheter", 0)
    words = [e[2].lower() for e in evidence]
    assert not {"en", "da", "så", "de", "det"} & set(words) and not stop & set(words)
    assert "språket" not in words  # in a negated clause, as the rules read it
    suggest_codes(project, ELEV, threshold=0.05)
    with project.read() as conn:
        rows = conn.execute(select(schema.codings.c.evidence).where(schema.codings.c.source == "model")).scalars().all()
    assert rows and all(e[2].lower() not in stop for evidence in rows for e in evidence)


def test_train_cli_on_an_uncoded_project_is_one_line(tmp_path):
    Project.create(tmp_path / "tom.qualcode").close()
    run = subprocess.run([sys.executable, "-m", "qualcode", "train", str(tmp_path / "tom.qualcode"), "--codebook",
                          str(ROOT / "codebooks" / "elevutbytte.yaml")], capture_output=True, text=True)
    assert run.returncode == 1
    assert "has not been coded with 'elevutbytte' yet" in run.stderr and "qualcode code" in run.stderr


def test_a_damaged_stored_model_is_one_clear_error_and_the_queue_falls_back(project):
    from qualcode.review.queue import QueueFilter, queue

    train_model(project, ELEV)
    with project.transaction() as conn:
        conn.execute(schema.models.update().values(data=b"not a model"))
    with pytest.raises(ModelError, match=r"p\.qualcode: the model for 'elevutbytte' cannot be read .*train it again"):
        load_model(project, ELEV)
    assert queue(project, QueueFilter("elevutbytte", order="uncertainty")) == \
        queue(project, QueueFilter("elevutbytte", order="score"))
