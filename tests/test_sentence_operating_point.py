"""Sentence precision as an operating point (issue 15, round 14): a priority word with a common everyday sense
(a place, a gadget, a chore, a vote about anything, a technique demonstrated) needs a second cue in its sentence,
another word of its category or a frame that makes it the topic («lærte om», «snakka om», «forstod kor»). Real
pipeline, the shipped ``erasmus_prioriteringer`` codebook, real Norwegian sentences in bokmål and nynorsk."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "category"), [
    # a sea view from a room is a place, not the environment
    ("Fra hotellrommet hadde vi utsikt over havet hele uka.", "miljo_klima"),
    ("Vi hadde eit klasserom med utsikt over havet, og elevane elska det.", "miljo_klima"),
    # emptying the bin is a chore at a workplace
    ("De fikk ansvar for å tømme søppel etter stengetid.", "miljo_klima"),
    ("Lærlingane måtte tømme søppel og vaske golvet kvar kveld.", "miljo_klima"),
    # a cook demonstrating a technique is no demonstration
    ("Kokken demonstrerte hvordan man filetérer en laks.", "demokratisk_deltakelse"),
    ("Kokken demonstrerte korleis ein fileterer ein laks.", "demokratisk_deltakelse"),
    # a vote about a seat on the bus is no civic vote
    ("Vi hadde ei avstemning i gruppa om kven som skulle få vindaugsplassen.", "demokratisk_deltakelse"),
    # keeping in touch on Snapchat is friendship, not digital transformation
    ("Vi holder kontakten med vertsfamiliene på Snapchat.", "digital_omstilling"),
    ("Vi held kontakten med vertsfamiliane på Snapchat.", "digital_omstilling"),
    # green as leafy: a city of parks is no green choice
    ("Byen var veldig grønn med parker overalt, og vi gikk mye rundt på tur.", "miljo_klima"),
    ("Byen var veldig grøn med parkar overalt, og vi gjekk mykje rundt på tur.", "miljo_klima"),
    # «ellers» after a deadline is a rule's consequence, not a pupil who would otherwise not travel
    ("Elevene måtte levere samtykkeskjema innen fristen, ellers fikk de ikke reise.", "inkludering_mangfold"),
    ("Elevane måtte levere samtykkeskjema innan fristen, elles fekk dei ikkje reise.", "inkludering_mangfold"),
    # Norwegian pupils who won nearly everything are no newcomers with little Norwegian
    ("De norske jentene vant nesten alle løpene på idrettsdagen.", "inkludering_mangfold"),
    ("Dei norske jentene vann nesten alle løpa på idrettsdagen.", "inkludering_mangfold"),
    # a residents' council is no family that cannot afford a trip
    ("Beboerrådet på sykehjemmet bestemte menyen sammen med de ansatte.", "inkludering_mangfold"),
])
def test_an_everyday_sense_without_a_second_cue_is_not_coded(priority_codes, text, category):
    assert category not in priority_codes(text)


@pytest.mark.parametrize(("text", "category"), [
    # the same words as what the sentence is about
    ("Elevene lærte mye om havet og hva som truer det.", "miljo_klima"),
    ("Elevane lærte mykje om havet og kva som trugar det.", "miljo_klima"),
    ("Elevene skjønte hvor mye søppel én familie lager på en uke.", "miljo_klima"),
    ("Elevane skjøna kor mykje søppel éin familie lagar på ei veke.", "miljo_klima"),
    # a vote as the topic of a talk: newly coded through the frame
    ("Vi snakket mye om hvorfor så få unge gidder å stemme.", "demokratisk_deltakelse"),
    ("Vi snakka mykje om kvifor så få unge gidd å røyste.", "demokratisk_deltakelse"),
    # with another word of the category
    ("Vi hadde en avstemning i elevrådet om hvilke saker skolen skulle prioritere.", "demokratisk_deltakelse"),
    ("Elevane rydda søppel på stranda saman med kommunen.", "miljo_klima"),
    ("Vi prøvde å gjøre turen så grønn som mulig og tok toget hele veien.", "miljo_klima"),
    ("Vi prøvde å gjere turen så grøn som mogleg og tok toget heile vegen.", "miljo_klima"),
    ("Vi tok med elever som ellers aldri ville fått reise.", "inkludering_mangfold"),
    ("Vi tok med elevar som elles aldri ville fått reise.", "inkludering_mangfold"),
    ("Han kunne knapt norsk da han kom, men nå er han med i alt.", "inkludering_mangfold"),
    ("Ho snakka nesten ikkje norsk då ho kom, men no er ho med på alt.", "inkludering_mangfold"),
])
def test_the_same_words_with_a_second_cue_are_coded(priority_codes, text, category):
    assert category in priority_codes(text)
