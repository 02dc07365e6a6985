"""Missing themes: topic models over the segments no category caught."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from qualcode.assist import TopicError, missing_themes
from qualcode.assist.corpus import corpus_segments
from qualcode.cli import commands  # noqa: F401  (registers the commands on the app)
from qualcode.cli.app import app
from qualcode.ingest import ingest_files
from qualcode.store import Project
from qualcode.tagging import load_codebook
from qualcode.tagging.apply import code_project
from tests.conftest import ROOT

ELEV = load_codebook(ROOT / "codebooks" / "elevutbytte.yaml")

# Two themes the pupil-outcome codebook has no category for (paperwork, and travel trouble),
# and three sentences it does code.
PAPERWORK = """Budsjettet og regnskapet tok mye tid før fristen.
Søknaden måtte sendes inn før fristen i februar, med budsjett og skjema.
Vi leverte rapporten og regnskapet til kontoret i kommunen.
Kvitteringene fra alle lærerne skulle inn i regnskapet.
Refusjon av utlegg krevde et eget skjema og kvittering.
Rektor godkjente budsjettet etter at søknaden var sendt.
Sluttrapporten krevde regnskap, kvitteringer og signert skjema.
Fristen for rapporten kom midt i eksamenstiden.
Vi brukte mange kvelder på skjema, søknad og budsjett.
Regnskapet viste at budsjettet holdt, men fristen var stram.
Kontoret ville ha alle kvitteringer før refusjon av utlegg.
Søknaden ble skrevet om to ganger før fristen gikk ut."""
TRAVEL = """Flyet til Madrid var forsinket, og bussen til hotellet kom aldri.
Bagasjen ble borte på flyplassen i Frankfurt.
Vi tok toget fra flyplassen til hotellet sent på kvelden.
Hotellet lå langt fra skolen, så vi tok buss hver morgen.
Billettene til flyet ble dyrere enn vi hadde trodd.
Bussen fra hotellet gikk klokka sju hver dag.
På flyplassen måtte vi vente fire timer på bagasjen.
Toget var forsinket, og vi rakk nesten ikke flyet hjem.
Hotellrommene var små, men bussen stoppet rett utenfor hotellet.
Vi bestilte billetter til tog og buss en måned før avreise.
Flyplassen var full, og bagasjen kom med et senere fly.
Hotellet serverte frokost før bussen gikk til flyplassen."""
CODED = """Elevene fikk nye venner og ble flinkere i engelsk.
Mestringsfølelsen etter turen var stor for mange av elevene.
De lærte mye om klima og bærekraft i prosjektet."""


@pytest.fixture(scope="module")
def project(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("topics")
    lines = [line for pair in zip(PAPERWORK.splitlines(), TRAVEL.splitlines()) for line in pair] + CODED.splitlines()
    (folder / "koordinator.txt").write_text("".join(f"Koordinator: {line}\n" for line in lines), encoding="utf-8")
    proj = Project.create(folder / "p.qualcode")
    ingest_files(proj, [folder / "koordinator.txt"])
    code_project(proj, ELEV, nlp)
    return proj


@pytest.fixture(scope="module")
def segments(project, nlp):
    return corpus_segments(project, nlp)


@pytest.fixture(scope="module")
def themes(project, nlp, segments):
    return missing_themes(project, ELEV, nlp, topics=2, segments=segments)


def test_each_uncoded_theme_becomes_a_topic(themes):
    assert themes.segments == 24 and themes.skipped == 0  # the three coded sentences are not modelled
    words = [{w for w, _ in topic.words[:6]} for topic in themes.topics]
    paperwork = {"budsjett", "regnskap", "søknad", "frist", "skjema", "kvittering", "rapport"}
    travel = {"hotell", "buss", "fly", "flyplass", "bagasje", "tog"}
    assert any(len(w & paperwork) >= 3 for w in words) and any(len(w & travel) >= 3 for w in words), words


def test_topic_examples_are_segments_of_that_theme(themes):
    for topic in themes.topics:
        top = {w for w, _ in topic.words[:6]}
        theme = PAPERWORK if top & {"budsjett", "regnskap", "søknad"} else TRAVEL
        assert len(topic.examples) == 3
        assert all(example.text in theme.splitlines() and example.document == "koordinator.txt" for example in topic.examples)
    assert sum(topic.size for topic in themes.topics) == themes.segments
    assert [t.number for t in themes.topics] == [1, 2]


def test_coherence_is_reported_per_topic_and_for_the_model(themes):
    assert 0 < themes.coherence <= 1 and themes.tried == {2: themes.coherence}
    assert all(0 < topic.coherence <= 1 for topic in themes.topics)


def test_the_number_of_topics_is_chosen_by_coherence_and_runs_repeat(project, nlp, segments, themes):
    chosen = missing_themes(project, ELEV, nlp, candidates=(2, 3), segments=segments)
    assert set(chosen.tried) == {2, 3} and chosen.coherence == max(chosen.tried.values())
    again = missing_themes(project, ELEV, nlp, topics=2, segments=segments)
    assert [t.words for t in again.topics] == [t.words for t in themes.topics]


def test_too_little_uncoded_text_is_a_clear_error(project, nlp, segments):
    with pytest.raises(TopicError, match="have enough words for a topic model"):
        missing_themes(project, ELEV, nlp, topics=8, segments=segments)


def test_topics_cli(project):
    run = CliRunner().invoke(app, ["topics", project.location, "--codebook", str(ROOT / "codebooks" / "elevutbytte.yaml"),
                                   "--topics", "2", "--examples", "1"], env={"COLUMNS": "200"})
    assert run.exit_code == 0, run.output
    assert "24 segments no category of 'elevutbytte' caught; 24 modelled" in run.output
    assert "Topic 1" in run.output and "Topic 2" in run.output and "koordinator.txt" in run.output
