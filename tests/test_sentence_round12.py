"""Sentence precision and recall, round 12 (issue 15), with the real pipeline, the shipped
``erasmus_prioriteringer`` codebook and real Norwegian sentences (bokmål and nynorsk): a speaker's own
role is no evidence, a plan that came to nothing and a fronted list before an inverted subject are
denied, a roll call is no public appeal, and the visual supports a special-needs pupil follows are
inclusion."""

from __future__ import annotations

import pytest

from qualcode.tagging import codebook_pipeline, codes_json, load_codebook
from tests.conftest import ROOT

PRIORITIES = load_codebook(ROOT / "codebooks" / "erasmus_prioriteringer.yaml")


@pytest.fixture(scope="module")
def codes(nlp):
    pipeline = codebook_pipeline(PRIORITIES)
    return lambda text: {c["code"] for c in codes_json(pipeline(text), PRIORITIES)}


@pytest.mark.parametrize("text", [
    # the speaker naming her own role says who talks, not what the project did
    "Jeg som spesialpedagog merket at elevene mine ble mye tryggere på hverandre i løpet av uka.",
    "Eg som spesialpedagog merka at elevane mine vart mykje tryggare på kvarandre i løpet av veka.",
    "Som spesialpedagog har eg sett at elevane mine vart tryggare på kvarandre.",
])
def test_a_speakers_own_role_is_no_evidence(codes, text):
    assert "inkludering_mangfold" not in codes(text)


@pytest.mark.parametrize("text, code", [
    # a third person's role, and the citizens «we» are, still count
    ("Som flyktning har han opplevd mye, og han fortalte om det for klassen.", "inkludering_mangfold"),
    ("Vi snakket om hva vi som borgere kan gjøre for klimaet.", "demokratisk_deltakelse"),
    # the role beside what the pupils used is still the pupils' support
    ("Jeg som spesialpedagog ble glad for at vi brukte visuelle dagsplaner på nettbrett.", "inkludering_mangfold"),
])
def test_a_role_of_someone_else_or_with_other_evidence_still_counts(codes, text, code):
    assert code in codes(text)


@pytest.mark.parametrize("text, code", [
    # a plan that came to nothing, with a regret between the verb and the cue
    ("Vi vurderte å ta med elever med spesielle behov, men det ble dessverre ikke noe av.", "inkludering_mangfold"),
    ("Vi hadde tenkt å ha eit tema om berekraft, men det vart diverre aldri noko av.", "miljo_klima"),
    # a fronted list before an inverted subject is denied as a whole
    ("Nei, KI eller digitale verktøy brukte vi ikke, elevene skulle legge vekk mobilen.", "digital_omstilling"),
    ("Nei, KI eller digitale verktøy brukte me ikkje den veka.", "digital_omstilling"),
    # a roll call at a time of day is no public appeal
    ("Vi hadde en fast rutine med opprop hver morgen klokka åtte.", "demokratisk_deltakelse"),
    ("Det var opprop i resepsjonen kvar morgon før bussen gjekk.", "demokratisk_deltakelse"),
])
def test_what_was_dropped_denied_or_only_a_roll_call_is_not_coded(codes, text, code):
    assert code not in codes(text)


@pytest.mark.parametrize("text, code", [
    ("Elevene skrev et opprop om bedre busstilbud og leverte det til ordføreren.", "demokratisk_deltakelse"),
    ("Vi brukte KI og digitale verktøy hver dag, og elevene likte det.", "digital_omstilling"),
])
def test_an_appeal_and_tools_that_were_used_still_count(codes, text, code):
    assert code in codes(text)


@pytest.mark.parametrize("text", [
    "Vi laget bildekort og en dagsplan med bilder, slik at han visste hva som skulle skje.",
    "Me brukte bildestøtte i alle øktene, slik at alle kunne følgje med.",
    "Ho fekk ein visuell dagsplan kvar morgon.",
    "Vi hengte opp piktogrammer på rommet hennes.",
])
def test_visual_supports_for_a_pupil_are_inclusion(codes, text):
    assert "inkludering_mangfold" in codes(text)


@pytest.mark.parametrize("text", [
    "Dagsplanen for besøket var tett, med museum om formiddagen og fotball om kvelden.",
    "Dagsplanen vår var ganske full hele uka.",
])
def test_a_day_plan_without_pictures_is_not_inclusion(codes, text):
    assert "inkludering_mangfold" not in codes(text)
