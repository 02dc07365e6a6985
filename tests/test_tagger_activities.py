"""An answer that names an activity no codebook lists (round 15 of issue 15, the open vocabulary).

Each new setting brings its own words for what pupils did («a craft, a sport, a science method»); the label rules
code every one of them as subject knowledge. The pupils' codebook's ``activities`` reads the verbal noun of a verb
the lexicon knows as that, with a lower score than any rule, and leaves the exchange, the trip and don't-know
answers alone. None of these answers is in a labelled set. Real pipeline, bokmål and nynorsk, asserting what an
analyst sees: the colour, the evidence and that the score sorts after a direct hit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.tagging import CodebookError, codebook_pipeline, load_codebook, parse_codebook
from qualcode.tagging.changes import CodebookChange
from qualcode.tagging.compiled import CompiledCodebook

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def pupils():
    codebook = load_codebook(ROOT / "codebooks" / "elevutbytte.yaml")
    return codebook, codebook_pipeline(codebook)


@pytest.mark.parametrize("text", [
    # science methods (bokmål, nynorsk)
    "titrering", "pipettering på laben", "destillering av vatn", "titrering i kjemitimen",
    # a craft and a sport
    "brodering", "skiskyting og langrenn",
])
def test_an_activity_no_codebook_lists_is_subject_knowledge(answer_codes, text):
    assert answer_codes(text) == ("nokkelkompetanser", {"nokkelkompetanser"})


@pytest.mark.parametrize("text", [
    # a skill, a subject, a course or a piece of know-how of something no rule names (bokmål, nynorsk)
    "klatreferdigheter", "klatreferdigheiter", "trafikkforståelse", "brannvernkurs",
    "fjellvett", "smiarbeid", "steinhoggarfaget",
])
def test_a_skill_or_subject_of_something_no_codebook_lists_is_subject_knowledge(answer_codes, text):
    assert answer_codes(text) == ("nokkelkompetanser", {"nokkelkompetanser"})


@pytest.mark.parametrize("text", [
    # a field or method named by its learned suffix (bokmål, nynorsk)
    "mekatronikk", "kalligrafi", "dendrologi", "akustikk", "metallografi på laben",
    "lærte akustikk", "bremsesystemet",
])
def test_a_field_named_by_its_suffix_is_subject_knowledge(answer_codes, text):
    assert answer_codes(text) == ("nokkelkompetanser", {"nokkelkompetanser"})


def test_the_analyst_sees_the_activity_as_a_weaker_suggestion_than_a_listed_word(pupils):
    codebook, nlp = pupils
    guessed = nlp("destillering av vatn")
    assert [(s.label_, s.text, s.id_) for s in guessed.spans["qualcode"]] == [
        ("nokkelkompetanser", "destillering", "activity:destillering")]
    listed = nlp("programmering")  # a term of the category
    assert 0 < guessed._.qc_scores["nokkelkompetanser"] < listed._.qc_scores["nokkelkompetanser"]


@pytest.mark.parametrize("text", [
    # the exchange, the placement, the programme (bokmål, nynorsk)
    "utvekslingen", "Erasmus-utvekslinga", "hospitering", "Erasmus-akkrediteringa",
    "deltaking i mobiliteten",
    # the trip: travel, sights, accommodation, shopping, meals, money, waiting
    "reising", "omvising på museet", "overnatting på hotell", "shopping i byen", "spising på restaurant",
    "betaling med kort", "venting på flyplassen",
    # a host company («-bedrift» is no «drift»), paperwork, time, a course of the programme
    "vertsbedrifta", "papirarbeid", "tidsbruk", "Erasmus-kurs", "erasmuskurs",
    # a shop, a typo of «lærerik», money as such
    "butikk", "lærerikk", "økonomien",
    # don't know, no opinion, includes
    "ingen peiling", "har ikkje peiling", "ingen meining", "turen inkluderte omvisning",
])
def test_the_trip_the_programme_and_dont_know_answers_stay_uncoded(answer_codes, text):
    assert answer_codes(text) == (None, set())


def test_an_answer_a_rule_codes_keeps_its_rule(pupils):
    _, nlp = pupils
    doc = nlp("vennskap og skiskyting")  # a listed word beside an activity: the rules decide, as before
    assert set(doc._.qc_scores) == {"sosial_inkludering"}


def test_a_codebook_names_a_category_it_has(tmp_path):
    text = ("id: x\nname: X\nactivities:\n  category: ferdigheter\ncategories:\n"
            "  - id: kunnskap\n    label: Kunnskap\n    color: '#1B7837'\n    terms: [kunnskap]\n")
    with pytest.raises(CodebookError, match=r"x.yaml line 4: activities name category 'ferdigheter', which is not a "
                                            r"category in this codebook; use one of kunnskap"):
        parse_codebook(text, "x.yaml")


def test_an_edit_of_the_activities_recodes_every_text():
    codebook = load_codebook(ROOT / "codebooks" / "elevutbytte.yaml")
    edited = codebook.model_copy(update={"activities": codebook.activities.model_copy(
        update={"exclude": [*codebook.activities.exclude, "brodering"]})})
    change = CodebookChange(CompiledCodebook(codebook), CompiledCodebook(edited))
    assert change.affects(["brodering"], ["brodering"])


def test_the_review_queue_shows_an_activity_as_an_open_suggestion_before_a_listed_word(tmp_path, nlp):
    """Coded into a real project: the activity is a suggestion like any other (nobody accepted it), shows its
    evidence, and the queue's «least certain first» order puts it before a word the codebook lists."""
    from qualcode.ingest import ingest_files
    from qualcode.review.queue import QueueFilter, queue, segment_card
    from qualcode.store import Project
    from qualcode.tagging.apply import code_project

    (tmp_path / "svar.csv").write_text("id;ord1\nR1;programmering\nR2;titrering\nR3;utvekslinga\n", encoding="utf-8")
    project = Project.create(tmp_path / "p.qualcode")
    ingest_files(project, [tmp_path / "svar.csv"], survey={"id_column": "id", "open_columns": ["elev=ord1"]})
    code_project(project, load_codebook(ROOT / "codebooks" / "elevutbytte.yaml"), nlp)
    order = queue(project, QueueFilter(codebook="elevutbytte", order="score"))
    cards = [segment_card(project, segment, "elevutbytte") for segment in order]
    assert [card.text for card in cards] == ["titrering", "programmering"]  # «utvekslinga» got no code
    guess = cards[0].codings[0]
    assert (guess.category, guess.status, guess.rule) == ("nokkelkompetanser", "suggested", "activity:titrering")
    assert guess.score < cards[1].codings[0].score
