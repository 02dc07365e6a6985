"""Sentence precision on a new setting (issue 15, round 20): a setting's own subject and places. A school subject's
name («friluftslivsfaget», «læraren i friluftsliv», «fagmiljø for friluftsliv») says what the school teaches, not that
the project dealt with nature; a forest, the sea or a school level that is only where another category's activity took
place («VR-briller … i skogen», «drone over skogen», «nettbrett i småskolen») is no evidence of its own category. Real
pipeline, the shipped ``erasmus_prioriteringer`` codebook, real Norwegian sentences in bokmål and nynorsk written for
this test."""

from __future__ import annotations

import pytest

from qualcode.tagging.codebook import Codebook


@pytest.mark.parametrize("text, category", [
    # a compound on «fag» names a school subject
    ("Lærerne diskuterte hvordan de legger opp friluftslivsfaget på vg2 neste år.", "miljo_klima"),
    ("Me samanlikna korleis dei to skulane organiserer friluftslivsfaget gjennom skuleåret.", "miljo_klima"),
    ("Flere av jentene sier nå at de vil velge teknologifag når de begynner på videregående.", "digital_omstilling"),
    # the field of a teacher or of an academic community
    ("Kontaktlæreren er også læreren i friluftsliv, så hun ordnet det meste rundt reisen.", "miljo_klima"),
    ("Eg fekk god kontakt med eit fagmiljø for friluftsliv ved ein høgskule i Innsbruck.", "miljo_klima"),
    ("Han som er lærar i friluftsliv, tok seg av all kontakten med vertsfamiliane.", "miljo_klima"),
])
def test_a_subjects_name_is_no_priority(priority_codes, text, category):
    assert category not in priority_codes(text)


@pytest.mark.parametrize("text, category", [
    # a place word where only another category's activity happened
    ("Vi så hvordan skogsarbeiderne øver med VR-briller før de kjører maskinene i skogen.", "miljo_klima"),
    ("Dei fekk sjå korleis sensorane i skogen sende data til ein app på mobilen.", "miljo_klima"),
    ("Elevene brukte GPS og digitale kart ute i skogen hele uka.", "miljo_klima"),
    ("Vi brukte nettbrett til å filme dykkarane i havet, og elevane redigerte filmane sjølve.", "miljo_klima"),
    ("Skolen har satset mye på nettbrett i småskolen etter besøket i Danmark.", "inkludering_mangfold"),
    ("Lærarane lærte korleis dei brukar nettbrett i småskulen i Estland.", "inkludering_mangfold"),
])
def test_a_place_of_another_activity_is_no_evidence(priority_codes, text, category):
    assert category not in priority_codes(text)


@pytest.mark.parametrize("text, category", [
    # the subject's content, or a subject named beside what the project did
    ("Læreren i samfunnsfag lærte oss mye om demokrati og valg i Tyskland.", "demokratisk_deltakelse"),
    ("Friluftslivet handlet om å ferdes i naturen uten å sette spor.", "miljo_klima"),
    ("Det var eit kurs for lærarane i digitale verktøy, og no brukar vi dei kvar veke.", "digital_omstilling"),
    ("Partnerne viste oss hvordan de underviser i programmering helt fra første klasse.", "digital_omstilling"),
    # the place with its own category's evidence, or with no other category: what the sentence is about
    ("Elevene lærte hvordan skogen binder karbon, og de målte trærne med en app.", "miljo_klima"),
    ("Barna var mye ute i skogen og lærte å ta vare på naturen.", "miljo_klima"),
    ("Me laga ein podkast om plast i havet saman med klassen i Irland.", "miljo_klima"),
    ("Vi gikk tur i skogen med partnerskolen hver dag.", "miljo_klima"),
    ("I småskolen hadde vi flere elever som ikke hadde råd til å reise.", "inkludering_mangfold"),
])
def test_what_the_sentence_is_about_stays(priority_codes, text, category):
    assert category in priority_codes(text)


def test_a_place_word_must_be_listed():
    with pytest.raises(ValueError, match="place word 'skog'"):
        Codebook(id="x", name="x", categories=[{"id": "a", "label": "A", "color": "#112233", "terms": ["klima"],
                                                 "places": ["skog"]}])


def test_places_round_trip_through_the_codebook_yaml():
    from pathlib import Path

    from qualcode.tagging import load_codebook, parse_codebook
    from qualcode.tagging.codebook_yaml import codebook_yaml

    shipped = load_codebook(Path(__file__).resolve().parent.parent / "codebooks" / "erasmus_prioriteringer.yaml")
    again = parse_codebook(codebook_yaml(shipped, "test"))
    assert {c.id: c.places for c in again.categories} == {c.id: c.places for c in shipped.categories}
    assert "skog" in next(c for c in again.categories if c.id == "miljo_klima").places
