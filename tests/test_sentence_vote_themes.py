"""A priority word that won or lost a vote is the vote's theme, not what the project did (issue 15, round 14), and
talking on a channel is not talking about it. Real pipeline, the shipped ``erasmus_prioriteringer`` codebook, real
Norwegian sentences in bokmål and nynorsk."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "category"), [
    ("Vi stemte over hva prosjektet skulle handle om, og klima vant med knapp margin.", "miljo_klima"),
    ("Vi røysta over kva tema prosjektet skulle ha, og klima tapte faktisk mot mobbing.", "miljo_klima"),
    ("Elevene stemte over temaet, og inkludering vant.", "inkludering_mangfold"),
    # talking on Snapchat is keeping in touch, not a topic
    ("Vi snakkar saman på Snapchat nesten kvar dag.", "digital_omstilling"),
    ("Vi snakker sammen på Snapchat nesten hver dag.", "digital_omstilling"),
])
def test_a_vote_theme_or_a_channel_is_not_coded(priority_codes, text, category):
    assert category not in priority_codes(text)


@pytest.mark.parametrize(("text", "category"), [
    # the vote itself is participation
    ("Vi stemte over hva prosjektet skulle handle om, og klima vant med knapp margin.", "demokratisk_deltakelse"),
    ("Vi røysta over kva tema prosjektet skulle ha, og klima tapte faktisk mot mobbing.", "demokratisk_deltakelse"),
    # being used to something is no contest
    ("Elevene ble fort vant til å samarbeide digitalt med partnerskolen.", "digital_omstilling"),
    ("Laget vårt vann konkurransen om den beste klimaløysinga.", "miljo_klima"),
])
def test_the_vote_and_other_senses_are_still_coded(priority_codes, text, category):
    assert category in priority_codes(text)
