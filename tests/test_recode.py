"""Re-coding after a codebook edit re-tags only the texts the edit can change, with exactly the
result of coding everything again."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import delete, select

from qualcode.ingest import ingest_files
from qualcode.review import accept, reject
from qualcode.store import Project, schema
from qualcode.tagging import load_codebook
from qualcode.tagging.apply import code_project
from tests.conftest import ROOT

CODEBOOK = ROOT / "codebooks" / "elevutbytte.yaml"


@pytest.fixture(scope="module")
def coded(tmp_path_factory, nlp):
    """The sample corpus (nine interviews and the survey) coded with elevutbytte, with two decisions."""
    folder = tmp_path_factory.mktemp("recode")
    proj = Project.create(folder / "base.qualcode")
    ingest_files(proj, sorted((ROOT / "corpus" / "interviews").glob("*.*")) + [ROOT / "corpus" / "survey_utbytte.csv"])
    code_project(proj, load_codebook(CODEBOOK), nlp)
    with proj.read() as conn:
        ids = list(conn.execute(select(schema.codings.c.id).order_by(schema.codings.c.id)).scalars())
    accept(proj, ids[0], "Kari")
    reject(proj, ids[1], "Kari")
    proj.checkpoint()
    proj.close()
    return folder / "base.qualcode"


def copy(coded, tmp_path, name):
    shutil.copy(coded, tmp_path / name)
    return Project.open(tmp_path / name)


def codings(project):
    c = schema.codings
    with project.read() as conn:
        rows = conn.execute(select(c.c.segment_id, c.c.category_id, c.c.source, c.c.status, c.c.coder, c.c.score,
                                   c.c.evidence_key, c.c.evidence, c.c.rule, c.c.polarity)).all()
    return sorted(tuple(str(v) for v in row) for row in rows)


def add_term(cb):
    cb.categories[0].terms.append("reise")


def remove_terms(cb):
    sprak = next(c for c in cb.categories if c.id == "sprakferdigheter")
    sprak.terms = sprak.terms[2:]


def add_exclusion(cb):
    next(c for c in cb.categories if c.id == "sosial_inkludering").exclude.append("venn")


def add_compound_term_and_phrase(cb):
    cb.categories[1].compound_terms.append("kultur")
    cb.categories[2].phrases.append("ta ansvar")


def add_category(cb):
    extra = cb.categories[0].model_copy(deep=True)
    extra.id, extra.label, extra.color = "mestring", "Mestring", "#123456"
    extra.terms, extra.compound_terms, extra.phrases, extra.patterns, extra.exclude = ["mestring", "mestre"], [], [], [], []
    extra.secondary = []  # the copy's secondary words name terms it no longer has
    cb.categories.append(extra)


@pytest.mark.parametrize("edit", [add_term, remove_terms, add_exclusion, add_compound_term_and_phrase, add_category])
def test_an_edit_recoded_incrementally_equals_coding_everything_again(coded, tmp_path, nlp, edit):
    codebook = load_codebook(CODEBOOK)
    edit(codebook)
    quick, full = copy(coded, tmp_path, "quick.qualcode"), copy(coded, tmp_path, "full.qualcode")
    with full.transaction() as conn:  # forget the last run: everything is tagged again
        conn.execute(delete(schema.meta).where(schema.meta.c.key.like("coded:%")))
    before = codings(quick)
    quick_report, full_report = code_project(quick, codebook, nlp), code_project(full, codebook, nlp)
    assert quick_report.incremental and not full_report.incremental
    assert quick_report.retagged < quick_report.segments == full_report.retagged
    assert codings(quick) == codings(full)
    assert codings(quick) != before  # the edit did change something
    assert (quick_report.suggested, quick_report.withdrawn, quick_report.kept_decisions) == \
        (full_report.suggested, full_report.withdrawn, full_report.kept_decisions)


def test_an_unchanged_codebook_retags_nothing(coded, tmp_path, nlp):
    project = copy(coded, tmp_path, "same.qualcode")
    before = codings(project)
    report = code_project(project, load_codebook(CODEBOOK), nlp)
    assert report.incremental and report.retagged == 0 and codings(project) == before


def test_new_documents_or_another_pipeline_mean_a_full_run(coded, tmp_path, nlp, blank_nlp):
    project = copy(coded, tmp_path, "more.qualcode")
    (tmp_path / "ny.txt").write_text("I: Hva lærte elevene?\nK: De ble modigere og snakket mer engelsk.\n", encoding="utf-8")
    ingest_files(project, [tmp_path / "ny.txt"])
    report = code_project(project, load_codebook(CODEBOOK), nlp)
    assert not report.incremental and report.retagged == report.segments
    report = code_project(project, load_codebook(CODEBOOK), blank_nlp)
    assert not report.incremental and report.retagged == report.segments and report.parsed > 1000  # every distinct text
