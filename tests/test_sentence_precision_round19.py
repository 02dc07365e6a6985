"""Sentence precision on a new setting (issue 15, round 19): a setting's own medium — sign language and interpreters
at a school for the deaf, a podcast or a blog named as the vehicle of a topic — and two label rules: a sign language
spoken, learnt or named as a national variety is a language, and a chat or a video call with parents or friends is
private communication. Real pipeline, the shipped ``erasmus_prioriteringer`` codebook, real Norwegian sentences in
bokmål and nynorsk written for this test."""

from __future__ import annotations

import pytest

from qualcode.tagging.codebook import Codebook


@pytest.mark.parametrize("text, category", [
    # the channel of another category's activity: «på tegnspråk», «via/gjennom tolk», «med tolk»
    ("Elevene forklarte kildesorteringen på tegnspråk for gjestene fra Island.", "inkludering_mangfold"),
    ("Elevane forklarte kjeldesorteringa på teiknspråk for gjestene frå Island.", "inkludering_mangfold"),
    ("Vi var på et folkemøte om vindkraft i Bergen og fulgte debatten via tolk.", "inkludering_mangfold"),
    ("Me var på eit folkemøte om vindkraft i Bergen og følgde debatten gjennom tolk.", "inkludering_mangfold"),
    ("Vi plukket plast på stranda sammen med tolkene hele formiddagen.", "inkludering_mangfold"),
    # the product: a compound that holds the medium and names another category
    ("Elevene lagde en tegnspråkvideo om plastforsøpling langs kysten.", "inkludering_mangfold"),
    ("Elevane laga ein teiknspråkvideo om plastforsøpling langs kysten.", "inkludering_mangfold"),
    # a sign language spoken, learnt or named as a national variety is a language
    ("Jeg lærte litt islandsk tegnspråk på turen, og det var gøy.", "inkludering_mangfold"),
    ("Eg lærte litt finsk teiknspråk på turen, og det var kjekt.", "inkludering_mangfold"),
    ("Det var fire ulike tegnspråk i samme klasserom den uka.", "inkludering_mangfold"),
])
def test_a_medium_of_another_activity_is_no_inclusion(priority_codes, text, category):
    assert category not in priority_codes(text)


@pytest.mark.parametrize("text, category", [
    # a podcast or a blog named only as the vehicle of a topic or an event (label rules)
    ("Podkasten vår handlet om plastforsøpling langs kysten, og elevene fortalte hva de selv gjør for å rydde.",
     "digital_omstilling"),
    ("Podkasten handla om korleis unge kan røyste ved valet, og elevane fortalde kva dei sjølve meiner.",
     "digital_omstilling"),
    ("Etter framvisningen av podkasten diskuterte elevene demokrati og valg.", "digital_omstilling"),
    ("Innvandring var eit eige tema på bloggen, og elevane skreiv om minoritetar.", "digital_omstilling"),
    ("Likestilling var et viktig tema i bloggen, og elevene skrev om diskriminering.", "digital_omstilling"),
    # a chat or a video call with parents or friends is private communication (label rules)
    ("Jeg snakket med pappa på FaceTime hver søndag mens jeg var i Spania.", "digital_omstilling"),
    ("Eg chatta med venene mine heime nesten kvar kveld medan eg var i Frankrike.", "digital_omstilling"),
    ("Hun ringte mamma på video hver kveld den første uka.", "digital_omstilling"),
])
def test_a_vehicle_or_a_private_chat_is_no_digital_work(priority_codes, text, category):
    assert category not in priority_codes(text)


@pytest.mark.parametrize("text, category", [
    # the arrangement for a pupil or for parents is inclusion: the sentence is about it
    ("Partnerskolen skaffet tegnspråktolk, så den døve eleven kunne være med på alt.", "inkludering_mangfold"),
    ("Vi hadde møte med tolk for familiene før avreise.", "inkludering_mangfold"),
    ("Me fekk med tolk slik at den døve guten kunne vere med på alle aktivitetane.", "inkludering_mangfold"),
    ("De døve elevene lærte dansk tegnspråk sammen med partnerklassen.", "inkludering_mangfold"),
    # making, editing, publishing, and a shared blog stay digital; a video call as a way to take part too
    ("Elevene lagde en podkast om klima sammen med partnerskolen og redigerte den selv.", "digital_omstilling"),
    ("Elevane skreiv saman på ein felles blogg om klima og kommenterte kvarandre sine innlegg.", "digital_omstilling"),
    ("Eleven som var sjuk, var med på undervisninga via video heile veka.", "digital_omstilling"),
    ("Vi jobbet med nettvett og snakket om hva elevene deler med venner på Snapchat.", "digital_omstilling"),
])
def test_what_the_sentence_is_about_stays(priority_codes, text, category):
    assert category in priority_codes(text)


def test_a_media_word_must_be_listed():
    with pytest.raises(ValueError, match="media word 'tolk'"):
        Codebook(id="x", name="x", categories=[{"id": "a", "label": "A", "color": "#112233", "terms": ["døv"],
                                                 "media": ["tolk"]}])
