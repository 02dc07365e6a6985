"""Sentence precision on a new setting (issue 15, round 15): a project's product named only as the vehicle of a topic,
a name built from a priority word, absence said through «ingen». Real pipeline, the shipped ``erasmus_prioriteringer``
codebook, real Norwegian sentences in bokmål and nynorsk."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "category"), [
    # a podcast named as the vehicle of a topic or an event is not digital work (label rules: a project's podcast)
    ("Podkasten vår handlet om hvordan det er å vokse opp med foreldre fra et annet land.", "digital_omstilling"),
    ("Podkasten vår handla om korleis det er å vekse opp med foreldre frå eit anna land.", "digital_omstilling"),
    ("Foreldrene kom på framvisningen av podkasten på skolen.", "digital_omstilling"),
    ("Foreldra kom på framsyninga av podkasten på skulen.", "digital_omstilling"),
])
def test_a_product_named_as_a_vehicle_is_not_coded(priority_codes, text, category):
    assert category not in priority_codes(text)


@pytest.mark.parametrize(("text", "category"), [
    # making, editing or publishing the podcast is digital work
    ("Elevene lærte å lage podkast og å klippe lyd.", "digital_omstilling"),
    ("Elevane laga ein podkast saman med partnarskulen og klipte han på nettet.", "digital_omstilling"),
    ("Elevene redigerte podkasten selv og publiserte den på nett.", "digital_omstilling"),
])
def test_a_product_made_or_published_is_coded(priority_codes, text, category):
    assert category in priority_codes(text)
