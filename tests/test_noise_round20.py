"""Round 20 of issue 15 (noise): a survey answer that names the exchange's own setting is not coded.

A compound in the definite form whose head names the trip, the camp, the week, the school or the institution
(the codebook's ``settings``) names the respondent's own trip or institution — «klimaleiren», «språkskulen»,
«vaksenopplæringa i kommunen»: a place or the programme's name, noise by the label rules — whatever its modifier
fires. Guards: the indefinite form is a kind of experience («språkreise til Spania», «klimaleir»), the project, the
exchange and the course name what the pupils worked on («miljøprosjektet», «språkutvekslinga», «språkkurset»),
a word whose head only looks like a setting is no setting («kaffikulturen» is a «kultur», not a «tur»), and an
outcome beside the setting keeps its code. Real pipeline, the shipped ``elevutbytte`` codebook, bokmål and
nynorsk, none of these answers in a labelled set.
"""

from __future__ import annotations

import pytest

from qualcode.tagging import load_codebook
from qualcode.tagging.changes import CodebookChange
from qualcode.tagging.compiled import CompiledCodebook
from qualcode.tagging.programme import definite_setting

from tests.conftest import ROOT


@pytest.mark.parametrize("text", [
    # the trip
    "kulturturen",
    "kulturreisa vår",
    "demokratireisa",
    "miljøturen til Berlin",
    "språkturen",
    "Språkreisa",
    "språkreisene",
    "miljøturane",
    # the camp
    "klimaleiren",
    "klimaleiren i Sverige",
    "språkleiren",
    "kulturleirane",
    # the week
    "miljøveka",
    "klimauka",
    "kulturveka",
    # the school, the institution, the venue
    "språkskulen",
    "språkskolen i Sevilla",
    "vaksenopplæringa i kommunen",
    "klimamuseet",
    "kulturhuset",
    "demokratihuset",
    "klimasenteret",
    "miljøstasjonen",
    "klimafestivalen",
])
def test_the_setting_named_in_the_definite_form_is_noise(answer_codes, text):
    assert answer_codes(text) == (None, set())


@pytest.mark.parametrize("text, primary", [
    # the indefinite form is a kind of experience (guards: coded on main too)
    ("språkreise til Spania", "sprakferdigheter"),
    ("klimaleir", "medborgerskap"),
    ("miljøveke", "medborgerskap"),
    ("kulturhus", "sosial_inkludering"),
    # the project, the exchange and the course are what the pupils worked on
    ("miljøprosjektet", "medborgerskap"),
    ("språkutvekslinga", "sprakferdigheter"),
    ("språkkurset", "sprakferdigheter"),
    # a head that only looks like a setting («kul+tur»)
    ("kaffikulturen", "sosial_inkludering"),
    ("fjellkulturen", "sosial_inkludering"),
    # a rule of its own on the setting word, and an outcome beside the setting
    ("første utenlandsturen", "personlig_utvikling"),
    ("lærte mye språk på språkreisen", "sprakferdigheter"),
    ("vennskap på leirskulen", "sosial_inkludering"),
    ("reiselyst på turen", "personlig_utvikling"),
    ("naturen på Island", "medborgerskap"),
])
def test_what_is_not_the_setting_keeps_its_code(answer_codes, text, primary):
    assert answer_codes(text)[0] == primary


@pytest.mark.parametrize("word, parts, noun", [
    ("språkreisen", ("språk", "reise"), "reise"),
    ("språkskulen", ("språk", "skole"), "skule"),
    ("klimamuseet", ("klima", "museum"), "museum"),
    ("klimauka", ("klima", "uke"), "uke"),
    ("voksenopplæringa", ("voksen", "opplæring"), "opplæring"),
    ("språkreise", ("språk", "reise"), None),
    ("skikulturen", ("ski", "kul", "tur"), None),
])
def test_definite_setting_reads_the_written_form(word, parts, noun):
    settings = frozenset(load_codebook(ROOT / "codebooks" / "elevutbytte.yaml").settings)
    assert definite_setting(word, parts, settings) == noun


def test_an_edit_of_the_settings_recodes_every_text():
    codebook = load_codebook(ROOT / "codebooks" / "elevutbytte.yaml")
    fewer = codebook.model_copy(update={"settings": [s for s in codebook.settings if s != "leir"]})
    assert CodebookChange(CompiledCodebook(codebook), CompiledCodebook(fewer)).everything
    assert not CodebookChange(CompiledCodebook(codebook), CompiledCodebook(codebook)).everything
