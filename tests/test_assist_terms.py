"""Codebook expansion: candidate terms from the project's own text, added with one call."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from qualcode.assist import suggest_terms
from qualcode.assist.corpus import corpus_segments
from qualcode.cli import commands  # noqa: F401  (registers the commands on the app)
from qualcode.cli.app import app
from qualcode.ingest import ingest_files
from qualcode.store import Project
from qualcode.tagging import codebook_pipeline, load_codebook
from qualcode.tagging.edit import add_term
from qualcode.tagging.apply import code_project
from tests.conftest import ROOT

ELEV_PATH = ROOT / "codebooks" / "elevutbytte.yaml"
ELEV = load_codebook(ELEV_PATH)

# The rules find «engelsk» and «uttale», not «fraser» (set phrases learnt by heart), «mime» or
# «holde foredrag»; half of these sentences are therefore uncoded. («tolke», interpreting, was such a word until
# round 10 of issue 15 made it a language term.)
INTERVIEW = """I: Hva lærte elevene?
Lærer: Elevene lærte mange nye fraser på engelsk hver uke.
Lærer: De øvde på fraser og engelsk uttale med vertsfamiliene.
Lærer: Etter turen kunne de fraser på både engelsk og tysk.
Lærer: Elevene pugget fraser hver kveld før prøven.
Lærer: Noen skrev fraser i en egen notatbok.
Lærer: De måtte mime for hverandre når fraser manglet.
Lærer: Elevene holdt foredrag på engelsk for partnerklassen.
Lærer: Hver elev holdt foredrag om hjemstedet sitt.
Lærer: De holdt foredrag for foreldrene etterpå.
Lærer: Det var skummelt å holde foredrag for fremmede.
Lærer: Vertsfamilien snakket dialekt, så elevene måtte mime mye.
Lærer: Mange fikk nye venner for livet i Spania.
Lærer: Flyet var forsinket, og bussen til hotellet kom aldri.
Lærer: Budsjettet holdt akkurat, men fristen for rapporten var stram.
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("terms")
    (folder / "laerer.txt").write_text(INTERVIEW, encoding="utf-8")
    proj = Project.create(folder / "p.qualcode")
    ingest_files(proj, [folder / "laerer.txt"])
    code_project(proj, ELEV, nlp)
    return proj


@pytest.fixture(scope="module")
def language_terms(project, nlp):
    return suggest_terms(project, ELEV, "sprakferdigheter", nlp, limit=30)


def test_words_of_the_category_the_rules_miss_are_suggested(language_terms):
    by_term = {s.term: s for s in language_terms}
    frase = by_term["frase"]  # a lemma, as codebook terms are
    assert frase.field == "terms" and "keyness" in frase.found_by
    assert frase.in_category == 3 and frase.uncaught == 3
    assert frase.example == "Elevene pugget fraser hver kveld før prøven."  # an uncoded segment: what it would find
    assert language_terms == sorted(language_terms, key=lambda s: (-s.score, s.term))


def test_multi_word_expressions_are_suggested_as_phrases(language_terms):
    phrase = next(s for s in language_terms if s.term == "holde foredrag")
    assert phrase.field == "phrases" and phrase.in_category == 1 and phrase.uncaught == 3


def test_nothing_the_rules_already_find_is_suggested(language_terms, nlp):
    assert not {"engelsk", "uttale", "tysk"} & {s.term for s in language_terms}
    tagger = codebook_pipeline(ELEV)
    for suggestion in language_terms:
        assert "sprakferdigheter" not in (tagger(suggestion.term)._.qc_scores or {}), suggestion.term


def test_suggestions_are_deterministic(project, nlp, language_terms):
    segments = corpus_segments(project, nlp)
    again = suggest_terms(project, ELEV, "sprakferdigheter", nlp, limit=30, segments=segments)
    assert [(s.term, s.score) for s in again] == [(s.term, s.score) for s in language_terms]


def test_a_suggestion_is_added_with_one_call_and_the_rules_find_it(tmp_path, language_terms):
    path = tmp_path / "elevutbytte.yaml"
    shutil.copy(ELEV_PATH, path)
    before = path.read_text(encoding="utf-8")
    for term in ("frase", "holde foredrag"):
        suggestion = next(s for s in language_terms if s.term == term)
        updated = add_term(path, "sprakferdigheter", suggestion.term, suggestion.field)  # the app's one click
    after = path.read_text(encoding="utf-8")
    comments = [line for line in before.splitlines() if line.strip().startswith("#")]
    assert all(line in after.splitlines() for line in comments)
    language = updated.category("sprakferdigheter")
    assert "frase" in language.terms and "holde foredrag" in language.phrases
    scores = codebook_pipeline(load_codebook(path))("Elevene pugget fraser og holdt foredrag.")._.qc_scores
    assert "sprakferdigheter" in scores


def test_suggest_terms_cli_lists_and_adds(project, tmp_path):
    path = tmp_path / "elevutbytte.yaml"
    shutil.copy(ELEV_PATH, path)
    base = ["suggest-terms", project.location, "--codebook", str(path), "--category", "sprakferdigheter"]
    listed = CliRunner().invoke(app, base + ["--limit", "30"], env={"COLUMNS": "200"})
    assert listed.exit_code == 0, listed.output
    assert "frase" in listed.output and "holde foredrag" in listed.output
    added = CliRunner().invoke(app, base + ["--add", "frase", "--add", "holde  foredrag", "--add", "engelsk"])
    assert added.exit_code == 0, added.output
    assert "'engelsk' is already in the terms" in added.output
    language = load_codebook(path).category("sprakferdigheter")
    assert "frase" in language.terms and "holde foredrag" in language.phrases
    wrong = subprocess.run([sys.executable, "-m", "qualcode", *base[:-1], "sprak"], capture_output=True, text=True)
    assert wrong.returncode == 1 and "there is no category 'sprak'" in wrong.stderr
