"""Human decisions: the audit log, errors, and two coders writing at the same time."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from qualcode.ingest import ingest_files
from qualcode.review import DecisionError, accept, add_manual_coding, add_memo, reject
from qualcode.store import Project, schema
from qualcode.store.project import now
from qualcode.tagging import load_codebook
from qualcode.tagging.apply import code_project
from tests.conftest import ROOT

TEXT = "K: Elevene fikk nye venner.\nK: De ble flinkere i engelsk.\nK: De lærte om klima.\nK: De fikk selvtillit.\n" * 10


@pytest.fixture()
def project(tmp_path, nlp, project_location):
    (tmp_path / "i.txt").write_text(TEXT, encoding="utf-8")
    proj = Project.create(project_location)
    ingest_files(proj, [tmp_path / "i.txt"])
    code_project(proj, load_codebook(ROOT / "codebooks" / "elevutbytte.yaml"), nlp)
    return proj


def coding_ids(project):
    with project.read() as conn:
        return list(conn.execute(select(schema.codings.c.id).order_by(schema.codings.c.id)).scalars())


def test_two_coders_at_the_same_time(project):
    """Two connections (two app sessions) decide concurrently; every decision is stored and logged."""
    ids = coding_ids(project)
    other = Project.open(project.location)
    errors = []

    def work(proj, coder, chosen, decide):
        try:
            for coding_id in chosen:
                decide(proj, coding_id, coder)
        except Exception as exc:  # noqa: BLE001  the test reports any failure below
            errors.append(exc)

    a = threading.Thread(target=work, args=(project, "Kari", ids[0::2], accept))
    b = threading.Thread(target=work, args=(other, "Ola", ids[1::2], reject))
    a.start(), b.start(), a.join(), b.join()
    assert errors == []
    with project.read() as conn:
        rows = dict(conn.execute(select(schema.codings.c.id, schema.codings.c.coder)).all())
        logged = conn.execute(select(func.count()).select_from(schema.decisions)).scalar()
    assert all(rows[i] == "Kari" for i in ids[0::2]) and all(rows[i] == "Ola" for i in ids[1::2])
    assert logged == len(ids)


def test_decisions_need_a_coder_and_a_real_coding(project):
    with pytest.raises(DecisionError, match="coder name"):
        accept(project, coding_ids(project)[0], " ")
    with pytest.raises(DecisionError, match="no coding 999999"):
        reject(project, 999999, "Kari")
    with pytest.raises(DecisionError, match="outside segment"):
        add_manual_coding(project, 1, 1, "Kari", start=0, end=10_000)
    with pytest.raises(DecisionError, match="memo needs text"):
        add_memo(project, "Kari", "  ", segment_id=1)


def test_human_decisions_survive_recoding_and_codebook_edits(project, nlp, tmp_path):
    """Accepted, rejected, manual codings and memos survive a re-run and a codebook edit;
    a rejected suggestion is not offered again on the same evidence."""
    ids = coding_ids(project)
    accept(project, ids[0], "Kari")
    reject(project, ids[1], "Kari")
    manual = add_manual_coding(project, 1, 1, "Kari")
    add_memo(project, "Kari", "Viktig", coding_id=ids[2])
    with project.read() as conn:
        before = {r.id: (r.status, r.coder) for r in conn.execute(select(schema.codings))}
    codebook = load_codebook(ROOT / "codebooks" / "elevutbytte.yaml")
    code_project(project, codebook, nlp)
    # An edit that removes every rule behind the memo'd and decided suggestions.
    for category in codebook.categories:
        category.terms, category.compound_terms, category.phrases, category.patterns = ["xyz"], [], [], []
    code_project(project, codebook, nlp)
    with project.read() as conn:
        after = {r.id: (r.status, r.coder) for r in conn.execute(select(schema.codings))}
        memos = conn.execute(select(schema.memos.c.text, schema.memos.c.coding_id)).all()
    for coding_id in (ids[0], ids[1], manual, ids[2]):
        assert after[coding_id] == before[coding_id]
    assert [tuple(m) for m in memos] == [("Viktig", ids[2])]
    rejected_segment_rows = [r for r in after if r != ids[1] and after[r][0] == "suggested"]
    assert ids[1] in after and not any(r == ids[1] for r in rejected_segment_rows)


def test_a_rule_takes_over_the_models_suggestion_and_leaves_the_rest_alone(project, nlp):
    """Where a new rule fires on a model suggestion there is still one open suggestion (now the
    rule's, same row); the model's other suggestions are neither withdrawn nor counted as decisions."""
    s, c, cat = schema.segments, schema.codings, schema.categories
    with project.transaction() as conn:
        category_id = conn.execute(select(cat.c.id).where(cat.c.key == "personlig_utvikling")).scalar()
        klima, venner = [conn.execute(select(s.c.id, s.c.start, s.c.end).where(s.c.text.like(f"%{word}%"), s.c.codable.is_(True))
                                      .order_by(s.c.id)).first() for word in ("klima", "venner")]
        assert not conn.execute(select(c.c.id).where(c.c.segment_id.in_([klima.id, venner.id]), c.c.category_id == category_id)).first()
        model_ids = [conn.execute(schema.codings.insert().values(
            segment_id=seg.id, category_id=category_id, start=seg.start, end=seg.end, source="model", status="suggested",
            score=0.7, rule="model", evidence=[], evidence_key="m", created_at=now(), updated_at=now())).inserted_primary_key[0]
            for seg in (klima, venner)]
    codebook = load_codebook(ROOT / "codebooks" / "elevutbytte.yaml")
    next(cat for cat in codebook.categories if cat.id == "personlig_utvikling").terms.append("klima")
    report = code_project(project, codebook, nlp)
    with project.read() as conn:
        rows = {seg: conn.execute(select(c.c.id, c.c.source, c.c.status).where(
            c.c.segment_id == seg, c.c.category_id == category_id)).all() for seg in (klima.id, venner.id)}
    assert [tuple(r) for r in rows[klima.id]] == [(model_ids[0], "auto", "suggested")]
    assert [tuple(r) for r in rows[venner.id]] == [(model_ids[1], "model", "suggested")]
    assert report.kept_decisions == 0


def test_a_long_read_does_not_hold_up_a_decision(project):
    """A scan in progress (the parse-cache scan of a re-code, say) takes no write lock: another
    coder's decision goes through at once, and the scan keeps reading its own snapshot."""
    ids = coding_ids(project)
    other = Project.open(project.location)
    c = schema.codings
    with project.read() as conn:
        scan = conn.execution_options(yield_per=1).execute(select(c.c.id, c.c.status).order_by(c.c.id))
        next(scan)
        # Same thread: were the scan holding the write lock, this would wait it out and fail.
        accept(other, ids[-1], "Ola")
        seen = {row.id: row.status for row in scan}
        assert seen[ids[-1]] == "suggested"  # the scan's snapshot, from before the decision
    with project.read() as conn:
        assert conn.execute(select(c.c.status, c.c.coder).where(c.c.id == ids[-1])).one() == ("accepted", "Ola")
    other.close()


def test_a_run_written_in_small_chunks_equals_one_written_whole(project, nlp, monkeypatch):
    """code_project writes a few segments per transaction (coders wait for one short write);
    the result is what one big write gives: a full re-run afterwards finds nothing to change."""
    from qualcode.tagging import apply

    codebook = load_codebook(ROOT / "codebooks" / "erasmus_prioriteringer.yaml")
    monkeypatch.setattr(apply, "WRITE_CHUNK", 3)
    first = code_project(project, codebook, nlp)
    assert first.suggested > 0 and first.segments > 3 * 3
    with project.transaction() as conn:  # forget the run, so the next one is full, not incremental
        conn.execute(schema.meta.delete().where(schema.meta.c.key == f"coded:{codebook.id}"))
    monkeypatch.setattr(apply, "WRITE_CHUNK", 100_000)
    again = code_project(project, codebook, nlp)
    assert not again.incremental and (again.suggested, again.updated, again.withdrawn) == (0, 0, 0)
