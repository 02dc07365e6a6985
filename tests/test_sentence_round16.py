"""Sentence recall on a new setting (issue 15, round 16): inclusion said without a priority word (hard conditions at
home, little money, few friends, not having the language, a hearing loss, «ikke bare de sterke») and climate said
through the setting's practice (the bus instead of the car, reusing, saving water, insulating). Real pipeline, the
shipped ``erasmus_prioriteringer`` codebook, real Norwegian sentences in bokmål and nynorsk."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Det handlet ikke så mye om fag, men om at elever med tøffe kår også fikk reise.",
    "Det handla ikkje så mykje om fag, men om at elevar med tøffe kår òg fekk reise.",
    "Vi valgte bevisst elever som har litt vanskeligere hjemmeforhold enn de andre.",
    "Vi valde bevisst elevar som har litt tyngre heimeforhold enn dei andre.",
    "Vi passet på at elever med lite penger også kunne være med på turen.",
    "Me passa på at elevar med lite pengar òg kunne vere med på turen.",
    "Vi ville særlig ha med elever med lite nettverk på skolen.",
    "Me ville særleg ha med elevar med lite nettverk på skulen.",
    "Lærerne snakket om alle elevers rett til å lykkes, ikke bare de sterke.",
    "Lærarane snakka om alle elevars rett til å lykkast, ikkje berre dei sterke.",
    "Vi laget videoer med teksting, så også elever som ikke kan så mye norsk kunne følge med.",
    "Dei som ikkje snakkar språket, fekk ein fadder som kunne forklare.",
    "Ei jente i gruppa har hørselstap, så vi brukte skriftlige beskjeder.",
    "Ein av gutane er tunghøyrd, så me sette oss alltid nær guiden.",
    "Det er de elevene som har minst fra før, som får mest ut av å reise.",
    "Det er dei elevane som har minst frå før, som får mest ut av å reise.",
])
def test_inclusion_said_without_a_priority_word_is_coded(priority_codes, text):
    assert "inkludering_mangfold" in priority_codes(text)


@pytest.mark.parametrize("text", [
    # friends and a network gained are what the exchange gave, not a lack
    "Mange av elevene fikk venner for livet, de har fortsatt kontakt med de irske elevene.",
    "Eg fekk vener der som eg framleis snakkar med nesten kvar dag.",
    "Vi lærere fikk et godt nettverk med kollegaer i tre land.",
    # «ikke bare» said of something other than who takes part
    "Vi brukte ikke eTwinning i det hele tatt, vi skrev bare vanlige brev med frimerke på.",
])
def test_friends_gained_or_a_plain_not_only_is_not_inclusion(priority_codes, text):
    assert "inkludering_mangfold" not in priority_codes(text)


@pytest.mark.parametrize("text", [
    "Flere av elevene har begynt å ta bussen i stedet for å bli kjørt til skolen.",
    "Me laga ein reklamefilm for å ta bussen i staden for bilen.",
    "Lærlingene tok bussen til bedriften istedenfor bilen hver dag.",
    "Verkstedlæreren viste hvordan de gjenbruker skjærevæske og sorterer spon.",
    "Verkstadlæraren viste korleis dei gjenbrukar skjærevæske og sorterer spon.",
    "Rørleggerelevene lærte om vannbesparende løsninger på badet.",
    "Elevene var med på å etterisolere et gammelt hus i Litauen.",
    "Elevane var med på å etterisolere eit gammalt hus i Litauen.",
])
def test_climate_through_the_settings_practice_is_coded(priority_codes, text):
    assert "miljo_klima" in priority_codes(text)


@pytest.mark.parametrize("text", [
    # reusing a teaching plan or a task is no reuse of material things
    "Vi gjenbrukte opplegget fra forrige prosjekt, så vi slapp å lage alt på nytt.",
    "Me gjenbrukte oppgåvene frå i fjor, så me slapp å lage alt på nytt.",
])
def test_reusing_a_teaching_plan_is_not_climate(priority_codes, text):
    assert "miljo_klima" not in priority_codes(text)


@pytest.mark.parametrize("text", [
    "Gratis skolemat for alle jevner ut sosiale forskjeller, mente rektorene.",
    "Gratis skulemat for alle jamnar ut sosiale skilnader, meinte rektorane.",
])
def test_evening_out_social_differences_is_inclusion(priority_codes, text):
    assert "inkludering_mangfold" in priority_codes(text)


@pytest.mark.parametrize("text", [
    # pupils with a seat in the school's governing bodies, a youth parliament with votes
    "I Finland har elevene representanter i skolens ledergruppe.",
    "I Finland sit elevane i skulestyret, og det imponerte rektorane.",
    "Elevene arrangerte et eget ungdomsting med saker, voteringer og protokoll.",
    "Elevane arrangerte eit eige ungdomsting med saker, voteringar og protokoll.",
])
def test_pupils_in_governing_bodies_are_democracy(priority_codes, text):
    assert "demokratisk_deltakelse" in priority_codes(text)
