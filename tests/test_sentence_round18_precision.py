"""Sentence precision on a new setting (issue 15, round 18): words of a priority in another sense or frame — a job at
a nursing home, a raised voice, an algorithm that decides, a price that includes things, a residents' council, a
hybrid car, paddling, friends gaming online, a host family's address, a reused application text, a minority milieu, a
programme's stops, a budget cut, a special-needs teacher as staff, making a thing — and a priority the speaker denies,
did not manage or nobody thought of, with the reason given after it. Real pipeline, the shipped
``erasmus_prioriteringer`` codebook, real Norwegian sentences in bokmål and nynorsk."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, category", [
    # a job or the pupils' trade is no volunteering; pay is wages
    ("Flere av helsefagelevene har fått tilkallingsvakter og skal jobbe på sykehjem hele julen.", "demokratisk_deltakelse"),
    ("Fleire av helsefagelevane har fått tilkallingsvakter og skal jobbe på sjukeheim heile jula.",
     "demokratisk_deltakelse"),
    ("Lærlingene fikk se hvordan de jobber med eldre som har slag, og det er jo det faget handler om.",
     "demokratisk_deltakelse"),
    # a raised or lowered voice is a sound
    ("Jeg lærte mye av å se hvordan lærerne der fikk elevene til å lytte uten å heve stemmen.", "demokratisk_deltakelse"),
    ("Eg lærte mykje av å sjå korleis lærarane der fekk elevane til å lytte utan å heve røysta.",
     "demokratisk_deltakelse"),
    # what an algorithm decides is the platform's doing
    ("Vi så på hvordan algoritmen på YouTube bestemmer hvilke videoer elevene får opp.", "demokratisk_deltakelse"),
    ("Vi såg på korleis algoritmane på YouTube bestemmer kva videoar elevane får opp.", "demokratisk_deltakelse"),
])
def test_another_sense_is_no_participation(priority_codes, text, category):
    assert category not in priority_codes(text)


@pytest.mark.parametrize("text, category", [
    # a price or a package that includes things is *includes*
    ("Billetten inkluderte alle måltider om bord på ferja.", "inkludering_mangfold"),
    ("Pakka inkluderte alle utflukter, så vi slapp å betale noko ekstra.", "inkludering_mangfold"),
    # a council or advice is no means to afford
    ("På sykehjemmet i Porto hadde de eldre et eget råd som ble hørt om maten, og det la elevene merke til.",
     "inkludering_mangfold"),
    ("På sjukeheimen i Porto hadde dei eldre eit eige råd som vart høyrt om maten, og det merka elevane seg.",
     "inkludering_mangfold"),
    # a school's budget is no family's means
    ("Skolen i Lyon hadde mye finere sveiseapparater enn vi har råd til.", "inkludering_mangfold"),
    # where the host family lives is logistics
    ("Vertsfamilien hans bodde langt ute på landet, så han måtte sykle en halvtime hver morgen.",
     "inkludering_mangfold"),
    # a hybrid car, paddling and friends gaming online are no digital work
    ("Elevene skrudde på både elbiler og hybrider, og de lærte hvordan en hybrid bil lader batteriet.",
     "digital_omstilling"),
    ("Vi padlet og gikk tur i naturen med elevene hele uka.", "digital_omstilling"),
    ("Etter turen har noen av guttene fortsatt kontakten, de spiller sammen på nett i helgene.", "digital_omstilling"),
    # a reused application text and a minority milieu are no environment
    ("Vi gjenbrukte mye av teksten fra forrige søknad, så skrivingen gikk raskt.", "miljo_klima"),
    ("Mange av elevene kommer fra innvandrermiljøet i bydelen, og for dem var reisen stor.", "miljo_klima"),
])
def test_everyday_senses_are_no_priority(priority_codes, text, category):
    assert category not in priority_codes(text)


@pytest.mark.parametrize("text, category", [
    # a fronted priority the speakers did not manage, and the reason given after it
    ("Det digitale fikk vi ikke til, internettet på hytta var for svakt.", "digital_omstilling"),
    ("Det digitale fekk vi ikkje til, internettet på hytta var for svakt.", "digital_omstilling"),
    # a fronted priority nobody thought of
    ("Miljøet var det ingen som tenkte på da vi bestilte flybillettene.", "miljo_klima"),
    ("Miljøet var det ingen som tenkte på då vi bestilte flybillettane.", "miljo_klima"),
])
def test_a_fronted_priority_not_managed_is_absent(priority_codes, text, category):
    assert category not in priority_codes(text)


@pytest.mark.parametrize("text, category", [
    # the speaker denies the priority, and the reason given after it is no evidence of it either
    ("Jeg kan ikke si at prosjektet handlet om inkludering, alle elevene som reiste hadde ressurssterke foreldre.",
     "inkludering_mangfold"),
    ("Eg kan ikkje seie at prosjektet handla om inkludering, alle elevane som reiste hadde ressurssterke foreldre.",
     "inkludering_mangfold"),
    ("Eg vil ikkje seie at elevane vart meir miljømedvitne, dei kjøpte brus i plastflasker kvar dag.", "miljo_klima"),
    # not managed with a priority, and why
    ("Vi fikk ikke til så mye med de digitale verktøyene, nettet var for tregt til videomøter.", "digital_omstilling"),
    ("Me fekk ikkje til så mykje med dei digitale verktøya, nettet var for tregt til videomøte.", "digital_omstilling"),
])
def test_a_denied_priority_and_its_reason_are_absent(priority_codes, text, category):
    assert category not in priority_codes(text)


@pytest.mark.parametrize("text, category", [
    # a programme's stops and a list of activities are logistics
    ("Programmet inkluderte besøk på et oppdrettsanlegg, en dag i skogen og en kveld på kino.", "miljo_klima"),
    ("Programmet inkluderte eit besøk på eit oppdrettsanlegg, ein dag i skogen og ein kveld på kino.", "miljo_klima"),
    ("Det var et mangfold av aktiviteter, fra fisketur og bading i havet til bowling og museum.", "miljo_klima"),
    # a night, an outing or a flight cut to fit the budget
    ("Budsjettet var stramt, så vi måtte kutte en natt og ta et tidligere fly hjem.", "miljo_klima"),
    ("Budsjettet var stramt, så me måtte kutte ein dag for å ha råd til overnatting for alle.", "inkludering_mangfold"),
    # the special-needs teacher as a member of staff
    ("Spesialpedagogen skrev referatet fra hvert møte og sendte det til foreldrene.", "inkludering_mangfold"),
    ("Spesialpedagogen og eg køyrde bussen heile vegen til Bergen.", "inkludering_mangfold"),
    # taking part in making a thing is an activity, not a say
    ("Elevene var med på å lage kompost av matrester fra kantina.", "demokratisk_deltakelse"),
    ("Elevane fekk vere med og lage ein modell av den nye skulen.", "demokratisk_deltakelse"),
])
def test_logistics_and_activities_are_no_priority(priority_codes, text, category):
    assert category not in priority_codes(text)


@pytest.mark.parametrize("text, category", [
    # what must stay: volunteering, a say, affording the trip, living far away, Padlet, online work, reuse of things
    ("Elevene hjalp til på eldresenteret hver fredag uten lønn.", "demokratisk_deltakelse"),
    ("Elevane jobba frivillig på eit suppekjøkken i Porto ein ettermiddag.", "demokratisk_deltakelse"),
    ("Elevrådet fikk stemme over hvilket land vi skulle reise til.", "demokratisk_deltakelse"),
    ("Vi passet på at alle skulle ha råd til å være med på turen.", "inkludering_mangfold"),
    ("Mange av elevane våre bur langt frå skulen og har aldri vore utanlands.", "inkludering_mangfold"),
    ("Vi inkluderte alle elevene i klassen, også de som vanligvis ikke vil reise.", "inkludering_mangfold"),
    ("Så brukte vi Padlet i timene for å samle ideene fra begge skolene.", "digital_omstilling"),
    ("Vi hadde hybrid undervisning med partnerskolen hele våren.", "digital_omstilling"),
    ("Elevene gjenbrukte gamle klær og lagde nye vesker av dem.", "miljo_klima"),
    ("Klima fikk vi til å bli et tema for alle elevene.", "miljo_klima"),
    ("Det digitale fekk vi ikkje til, men me snakka mykje om klima og avfall.", "miljo_klima"),
    ("Jeg vil ikke si at det handlet om klima, men elevene lærte mye om demokrati og valg.", "demokratisk_deltakelse"),
    ("Elevene fikk være med og lage ordensreglene for turen.", "demokratisk_deltakelse"),
    ("Elevane var med og laga reglane for opphaldet sjølve.", "demokratisk_deltakelse"),
    ("Vi kuttet egenandelen for at alle skulle ha råd til å bli med.", "inkludering_mangfold"),
    ("Partnerskolen har en modell der spesialpedagogen er inne i klassen sammen med alle elevene.",
     "inkludering_mangfold"),
])
def test_the_priority_senses_stay(priority_codes, text, category):
    assert category in priority_codes(text)
