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


@pytest.mark.parametrize(("text", "category"), [
    # absence through «ingen» with the topic named first
    ("Det var ingen elevråd involvert, altså lærerne bestemte alt fra start til slutt.", "demokratisk_deltakelse"),
    ("Det var ingen elevråd involvert, lærarane bestemte alt frå start til slutt.", "demokratisk_deltakelse"),
    ("Vi fløy begge veier, og ingen snakket om klima på hele turen.", "miljo_klima"),
    ("Vi flaug begge vegar, og ingen snakka om klima på heile turen.", "miljo_klima"),
    # absence said of «det», a topic named before in the sentence
    ("Bærekraft var nevnt i søknaden, men i praksis ble det ikke gjort noe med det.", "miljo_klima"),
    ("Berekraft var nemnt i søknaden, men i praksis vart det ikkje gjort noko med det.", "miljo_klima"),
    ("Søknaden lovet mye om bærekraft, men det har i praksis ikke vært et tema.", "miljo_klima"),
    ("Søknaden lova mykje om berekraft, men det har i praksis ikkje vore eit tema.", "miljo_klima"),
])
def test_absence_through_ingen_or_of_a_topic_named_before_is_not_coded(priority_codes, text, category):
    assert category not in priority_codes(text)


@pytest.mark.parametrize(("text", "category"), [
    # «ingen» that says nobody was left out, and an absence of something else, keep the priority
    ("Elevrådet var med på alt, og ingen ble holdt utenfor.", "demokratisk_deltakelse"),
    ("Vi snakka mykje om klima, og ingen fly var involvert i reisa.", "miljo_klima"),
    ("Elevene lærte om bærekraft, og det har vært et tema hele året.", "miljo_klima"),
    ("Elevane lærte om berekraft, og det har vore eit tema heile året.", "miljo_klima"),
])
def test_a_priority_beside_another_absence_is_coded(priority_codes, text, category):
    assert category in priority_codes(text)


@pytest.mark.parametrize(("text", "category"), [
    # a priority word inside the name of a group, a line of study or a room
    ("Ungdommene kalte seg selv «klimagjengen» fordi det regnet hele uka.", "miljo_klima"),
    ("Ungdomane kalla seg sjølve «klimagjengen» fordi det regna heile veka.", "miljo_klima"),
    ("Et par av elevene fra robotikklinja stilte til valg i elevrådet etter turen.", "digital_omstilling"),
    ("Eit par av elevane frå robotikklinja stilte til val i elevrådet etter turen.", "digital_omstilling"),
])
def test_a_name_built_from_a_priority_word_is_not_coded(priority_codes, text, category):
    assert category not in priority_codes(text)


@pytest.mark.parametrize(("text", "category"), [
    # a club or a workshop the project started is the priority's activity
    ("Vi fikk en robotklubb som ble startet på grunn av prosjektet.", "digital_omstilling"),
    ("Ungdomane skipa ein miljøklubb på skulen etter turen, og no ryddar dei i nærmiljøet.", "miljo_klima"),
    ("Partnerskolen har et eget gjenbruksverksted der elevene bygde møbler av gamle paller.", "miljo_klima"),
])
def test_a_club_or_workshop_of_the_priority_is_coded(priority_codes, text, category):
    assert category in priority_codes(text)


@pytest.mark.parametrize("text", ["vennegjengen", "venngjengen", "Venegjengen"])
def test_a_group_of_friends_stays_friendship(answer_codes, text):
    # the codebook lists the group itself («vennegjeng»): a name's head does not drop it, typed right or as a typo
    assert answer_codes(text)[0] == "sosial_inkludering"


@pytest.mark.parametrize(("text", "category"), [
    # source criticism on the web, with no civic frame, is digital only (label rules: «kildekritikk»)
    ("Vi lærte mye om kildekritikk på nett, hvordan man sjekker hvem som står bak en side.", "demokratisk_deltakelse"),
    ("Me laga eit opplegg om kjeldekritikk på nett som no ligg i planen for heile trinnet.", "demokratisk_deltakelse"),
    ("De belgiske elevene hadde en app for faktasjekk, og den brukte vi når vi skrev artiklene.", "demokratisk_deltakelse"),
    # as a civic skill with no digital word, it is democracy only
    ("Vi jobbet med kildekritikk som en del av det å være en aktiv samfunnsborger i et demokrati.", "digital_omstilling"),
    ("Me jobba med kjeldekritikk som ein del av det å vere ein aktiv samfunnsborgar i eit demokrati.",
     "digital_omstilling"),
])
def test_a_word_of_two_definitions_goes_to_the_sentences_other_evidence(priority_codes, text, category):
    assert category not in priority_codes(text)


@pytest.mark.parametrize(("text", "categories"), [
    ("Vi jobbet med kildekritikk som en del av det å være en aktiv samfunnsborger i et demokrati.",
     {"demokratisk_deltakelse"}),
    # both readings in one sentence, and an election named by its time
    ("Vi snakka mykje om kjeldekritikk før valet, og korleis ein ser om ein nettstad spreier løgner.",
     {"demokratisk_deltakelse", "digital_omstilling"}),
    # without context (a survey answer) the word keeps both categories
    ("kildekritikk", {"demokratisk_deltakelse", "digital_omstilling"}),
])
def test_a_word_of_two_definitions_keeps_the_readings_its_sentence_supports(priority_codes, text, categories):
    assert priority_codes(text) == categories


@pytest.mark.parametrize(("text", "category", "coded"), [
    # nynorsk «nett» = just, before a verb of arriving: a newcomer, not the internet
    ("Ho som nett har kome frå Eritrea, fekk vere med i barnehagen i Malmö.", "digital_omstilling", False),
    ("Me hadde ein elev som nett hadde kome til Noreg, og han fekk vere med på alt.", "digital_omstilling", False),
    ("Ho som nett har kome frå Eritrea, fekk vere med i barnehagen i Malmö.", "inkludering_mangfold", True),
    # the internet stays
    ("Elevane møttest på nett kvar veke og delte filmane sine.", "digital_omstilling", True),
])
def test_nynorsk_nett_as_just(priority_codes, text, category, coded):
    assert (category in priority_codes(text)) is coded
