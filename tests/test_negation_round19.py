"""A denied topic (issue 15, round 19): a priority named as the topic or object of an activity that was negated or
did not happen — talked about by nobody, never got as far as, no time for, not got done, little came of it — is not
coded, and neither is what the sentence gives as the reason, up to a contrast. Sentences that merely hold a negation
keep their codes: «ikke bare … men», nobody left out, little waste, a first time. Real pipeline, the shipped
``erasmus_prioriteringer`` codebook, real Norwegian sentences in bokmål and nynorsk, written for this test."""

from __future__ import annotations

import pytest

from qualcode.tagging.negation import ABSENCE_FRAMES


@pytest.mark.parametrize("text, category", [
    # a fronted topic before an inverted subject and a sentence adverb: «snakket vi faktisk ikke om»
    ("Demokrati og sånt snakket vi faktisk ikke om, det var mest sosialt.", "demokratisk_deltakelse"),
    ("Demokrati og slikt snakka me faktisk ikkje om, det var mest sosialt.", "demokratisk_deltakelse"),
    ("Berekraft og klima snakka dei eigentleg ikkje om, det gjekk mest i fotball.", "miljo_klima"),
    # left dislocated, taken up by «det»
    ("Demokrati og slikt, det snakket vi ikke mye om, det var en språkreise.", "demokratisk_deltakelse"),
    ("KI og sånt, det fekk me ikkje tid til, for nettet var dårleg.", "digital_omstilling"),
    # never got as far as the topic; the reason after it is no work on it either
    ("Gjenvinning kom vi aldri så langt som til, elevene kastet mat hver dag på leiren.", "miljo_klima"),
    ("Attvinning kom me aldri så langt som til, elevane kasta mat kvar dag på leiren.", "miljo_klima"),
    # not got done
    ("Klimaregnskapet fikk vi aldri gjort noe med, det ble mye flying og mye matsvinn.", "miljo_klima"),
    ("Klimarekneskapen fekk me aldri gjort noko med, det vart mykje flyging og mykje matsvinn.", "miljo_klima"),
    # no time for it
    ("Kjeldekritikk hadde me ikkje tid til, elevane sat berre på TikTok.", "digital_omstilling"),
    ("Det ble lite tid til demokrati, vi var mest i verkstedet.", "demokratisk_deltakelse"),
    # little came of it, said without a cue
    ("Det digitale samarbeidet ble det dessverre lite av, partnerskolen manglet PC-er.", "digital_omstilling"),
    ("Digital samhandling vart det lite av, for skulen i Hellas hadde ikkje nett.", "digital_omstilling"),
    ("Det ble lite av klimadelen, vi brukte tida på verkstedet.", "miljo_klima"),
    ("Det vart lite av elevdemokratiet i år, for rektor bestemte det meste.", "demokratisk_deltakelse"),
    ("Digitalt samarbeid ble det aldri noe særlig av, nettet på skolen var elendig.", "digital_omstilling"),
    ("Digitalt samarbeid vart det aldri noko særleg av, nettet på skulen var elendig.", "digital_omstilling"),
    # nobody talked about it, took it up or mentioned it
    ("Mangfald var det ingen som snakka om, me hadde nok med oss sjølve.", "inkludering_mangfold"),
    ("Bærekraft var det ingen som nevnte, og alle kjøpte nye klær i Milano.", "miljo_klima"),
    ("Det var ingen som tok opp bærekraft på møtene, selv om kantina kastet mye mat.", "miljo_klima"),
])
def test_a_denied_topic_and_its_reason_are_not_coded(priority_codes, text, category):
    assert category not in priority_codes(text)


@pytest.mark.parametrize("text, category", [
    # «ikke bare … men»: the part after «men» counts
    ("Elevene lærte ikke bare tysk, men også mye om valg og demokrati i Tyskland.", "demokratisk_deltakelse"),
    ("Elevane lærte ikkje berre tysk, men òg mykje om val og demokrati.", "demokratisk_deltakelse"),
    # nobody left out is inclusion achieved
    ("Ingen ble holdt utenfor, alle elevene fikk reise uansett økonomi.", "inkludering_mangfold"),
    ("Ingen vart haldne utanfor, alle elevane fekk reise same kva foreldra tente.", "inkludering_mangfold"),
    # little waste is an outcome, «et lite prosjekt» a small one
    ("Det ble lite matsvinn på turen fordi elevene planla innkjøpene selv.", "miljo_klima"),
    ("Det vart lite plast i søpla etter at elevane byrja med matboksar.", "miljo_klima"),
    ("Det ble et lite prosjekt om gjenvinning av klær på skolen.", "miljo_klima"),
    # never done before is a first time
    ("Elevene programmerte en robot sammen med de polske elevene, og det hadde de aldri gjort før.",
     "digital_omstilling"),
    ("Elevane laga ein podkast om klima, og det hadde dei aldri gjort før.", "miljo_klima"),
    # no time to be bored; the denial's clause holds no priority
    ("Vi hadde ikke tid til å kjede oss, for elevene planla hele uka selv i elevrådet.", "demokratisk_deltakelse"),
    # a denied topic after a contrast leaves what came before it
    ("Vi sorterte alt avfallet på leirskolen, men politikk, det snakket vi ikke om.", "miljo_klima"),
    # the part after «men» counts
    ("Me hadde ikkje tid til eTwinning, men elevrådet var med og valde ut kven som skulle reise.",
     "demokratisk_deltakelse"),
    ("Vi hadde for lite tid til planlegging, men elevene laget en felles blogg på eTwinning.", "digital_omstilling"),
    ("Eg hadde aldri brukt Teams før, men no bruker eg det kvar veke med partnarskulen.", "digital_omstilling"),
])
def test_a_sentence_that_merely_holds_a_negation_keeps_its_code(priority_codes, text, category):
    assert category in priority_codes(text)


def test_every_absence_frame_is_a_row_of_one_table():
    names = [frame.name for frame in ABSENCE_FRAMES]
    assert len(names) == len(set(names))
    assert {frame.reach for frame in ABSENCE_FRAMES} == {"before", "clause"}
    assert all(frame.at and callable(frame.reads) for frame in ABSENCE_FRAMES)


@pytest.mark.parametrize("text", [
    # a verdict on how the programme was run is a bare evaluation (label rules: noise)
    "dårlig planlagt",
    "dårleg organisert",
    "godt planlagt",
    "dårleg strukturert",
    "organisert tur",
    "planlagt opplegg",
    "strukturert opplegg",
])
def test_a_verdict_on_how_the_programme_was_run_is_noise(answer_codes, text):
    assert answer_codes(text) == (None, set())


@pytest.mark.parametrize("text, category", [
    # a pupil's own structure or organising stays a key competence
    ("strukturert", "nokkelkompetanser"),
    ("organiserte seg sjølv", "nokkelkompetanser"),
    ("bedre organisert", "nokkelkompetanser"),
    ("planlegging og struktur", "nokkelkompetanser"),
])
def test_a_pupils_own_organising_stays_coded(answer_codes, text, category):
    assert category in answer_codes(text)[1]
