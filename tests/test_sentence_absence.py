"""Absence as negation (issue 15, round 14): a sentence that says a priority was absent from the project («Bærekraft
ble ikke tatt opp», «klima vart ikkje noko tema», «elevrådet var ikke involvert», «Politikk holdt vi utenfor») denies
that priority's other evidence in the sentence too, up to a contrast whose part counts. Real pipeline, the shipped
``erasmus_prioriteringer`` codebook, real Norwegian sentences in bokmål and nynorsk."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "category"), [
    # the food thrown away beside «not taken up» is what the speaker saw, not environmental work
    ("Bærekraft ble ikke tatt opp i det hele tatt, og kantina kastet masse mat hver dag.", "miljo_klima"),
    ("Berekraft vart ikkje teke opp i det heile, og kantina kasta mykje mat kvar dag.", "miljo_klima"),
    # the teachers decided: no pupil participation
    ("Elevrådet var ikke involvert, det var lærerne som bestemte hva elevene skulle gjøre.", "demokratisk_deltakelse"),
    ("Elevrådet var ikkje involvert, det var lærarane som bestemde kva elevane skulle gjere.", "demokratisk_deltakelse"),
    # a train that did not work out, and the climate no topic
    ("Klima vart ikkje noko tema, vi prøvde å ta tog, men det gjekk ikkje, så vi fløy.", "miljo_klima"),
    # a fronted topic kept out
    ("Politikk og sånt holdt vi helt utenfor, det var et rent språkprosjekt.", "demokratisk_deltakelse"),
])
def test_a_priority_said_to_be_absent_is_not_coded(priority_codes, text, category):
    assert category not in priority_codes(text)


@pytest.mark.parametrize(("text", "category"), [
    # the part after «men» counts
    ("Klima var ikke noe tema, men elevene tok toget hele veien i stedet for å fly.", "miljo_klima"),
    ("Klima var ikkje noko tema, men elevane tok toget heile vegen i staden for å fly.", "miljo_klima"),
    ("Vi snakka aldri om demokrati, men elevane lærte å bruke digitale verktøy.", "digital_omstilling"),
    ("Vi snakket aldri om demokrati, men elevene lærte å bruke digitale verktøy.", "digital_omstilling"),
    # a question word makes it a topic; being kept out of a group is exclusion, not an absent topic
    ("Vi snakket om hvorfor så mange unge ikke stemmer ved valg.", "demokratisk_deltakelse"),
    ("Ingen skulle bli holdt utenfor fordi familien ikke hadde råd.", "inkludering_mangfold"),
    ("Ingen skulle bli halden utanfor fordi familien ikkje hadde råd.", "inkludering_mangfold"),
])
def test_what_the_sentence_does_name_is_still_coded(priority_codes, text, category):
    assert category in priority_codes(text)
