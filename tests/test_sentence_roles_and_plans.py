"""Sentence precision and recall (issue 15, round 12), with the real pipeline, the shipped
``erasmus_prioriteringer`` codebook and real Norwegian sentences (bokmål and nynorsk): a speaker's own
role is no evidence, a plan that came to nothing and a fronted list before an inverted subject are
denied, a roll call is no public appeal, and the visual supports a special-needs pupil follows are
inclusion."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    # the speaker naming her own role says who talks, not what the project did
    "Jeg som spesialpedagog merket at elevene mine ble mye tryggere på hverandre i løpet av uka.",
    "Eg som spesialpedagog merka at elevane mine vart mykje tryggare på kvarandre i løpet av veka.",
    "Som spesialpedagog har eg sett at elevane mine vart tryggare på kvarandre.",
])
def test_a_speakers_own_role_is_no_evidence(priority_codes, text):
    assert "inkludering_mangfold" not in priority_codes(text)


@pytest.mark.parametrize("text, code", [
    # a third person's role, and the citizens «we» are, still count
    ("Som flyktning har han opplevd mye, og han fortalte om det for klassen.", "inkludering_mangfold"),
    ("Vi snakket om hva vi som borgere kan gjøre for klimaet.", "demokratisk_deltakelse"),
    # the role beside what the pupils used is still the pupils' support
    ("Jeg som spesialpedagog ble glad for at vi brukte visuelle dagsplaner på nettbrett.", "inkludering_mangfold"),
])
def test_a_role_of_someone_else_or_with_other_evidence_still_counts(priority_codes, text, code):
    assert code in priority_codes(text)


@pytest.mark.parametrize("text, code", [
    # a plan that came to nothing, with a regret between the verb and the cue
    ("Vi vurderte å ta med elever med spesielle behov, men det ble dessverre ikke noe av.", "inkludering_mangfold"),
    ("Vi hadde tenkt å ha eit tema om berekraft, men det vart diverre aldri noko av.", "miljo_klima"),
    # a fronted list before an inverted subject is denied as a whole
    ("Nei, KI eller digitale verktøy brukte vi ikke, elevene skulle legge vekk mobilen.", "digital_omstilling"),
    ("Nei, KI eller digitale verktøy brukte me ikkje den veka.", "digital_omstilling"),
    # a roll call at a time of day is no public appeal
    ("Vi hadde en fast rutine med opprop hver morgen klokka åtte.", "demokratisk_deltakelse"),
    ("Det var opprop i resepsjonen kvar morgon før bussen gjekk.", "demokratisk_deltakelse"),
])
def test_what_was_dropped_denied_or_only_a_roll_call_is_not_coded(priority_codes, text, code):
    assert code not in priority_codes(text)


@pytest.mark.parametrize("text, code", [
    ("Elevene skrev et opprop om bedre busstilbud og leverte det til ordføreren.", "demokratisk_deltakelse"),
    ("Vi brukte KI og digitale verktøy hver dag, og elevene likte det.", "digital_omstilling"),
])
def test_an_appeal_and_tools_that_were_used_still_count(priority_codes, text, code):
    assert code in priority_codes(text)


@pytest.mark.parametrize("text", [
    "Vi laget bildekort og en dagsplan med bilder, slik at han visste hva som skulle skje.",
    "Me brukte bildestøtte i alle øktene, slik at alle kunne følgje med.",
    "Ho fekk ein visuell dagsplan kvar morgon.",
    "Vi hengte opp piktogrammer på rommet hennes.",
])
def test_visual_supports_for_a_pupil_are_inclusion(priority_codes, text):
    assert "inkludering_mangfold" in priority_codes(text)


@pytest.mark.parametrize("text", [
    "Dagsplanen for besøket var tett, med museum om formiddagen og fotball om kvelden.",
    "Dagsplanen vår var ganske full hele uka.",
])
def test_a_day_plan_without_pictures_is_not_inclusion(priority_codes, text):
    assert "inkludering_mangfold" not in priority_codes(text)


@pytest.mark.parametrize("text", [
    # little schooling, newly arrived, from the reception centre
    "Vi hadde et eget opplegg for de elevene som hadde lite skolegang fra før.",
    "Dei nyleg komne elevane våre fekk vere med i elevrådsvalet for første gong.",
    "Dei nye elevane frå mottaket fekk vere vertar for dei spanske.",
    # few chances, duties at home, the family's economy, a family in which nobody has flown
    "Vi prioriterte elever med få muligheter, og temaet for uka var bærekraftig forbruk.",
    "Mange av elevene har jobb ved siden av og må hjelpe til hjemme, så vi la turen i høstferien.",
    "Vi dekket pass og reiseklær, sånn at økonomien hjemme ikke skulle stoppe noen.",
    "Me fekk med alle elevane uansett kva foreldra tente.",
    "Mange av elevene våre kommer fra familier der ingen har reist med fly.",
    # a condition states no fact
    "Rektor sa at hvis ikke de svakeste elevene får være med, så er det ikke verdt det.",
])
def test_inclusion_said_through_schooling_arrival_and_home(priority_codes, text):
    assert "inkludering_mangfold" in priority_codes(text)


@pytest.mark.parametrize("text", [
    "Vi hadde få muligheter til å handle på turen, for programmet var tett.",
    "Man må hjelpe til hjemme hos vertsfamilien med oppvasken.",
    "Økonomien hjemme på skolen var stram det året.",
    "Mottaket fra vertsfamiliene var helt fantastisk.",
    "Foreldrene var rike på erfaringer etter turen.",
])
def test_opportunities_homes_and_a_welcome_in_an_everyday_sense_are_not_inclusion(priority_codes, text):
    assert "inkludering_mangfold" not in priority_codes(text)


@pytest.mark.parametrize("text, code", [
    # not before, but now: something new, not something absent
    ("Eg var ikkje så stødig på det digitale før, men etter jobbskugginga har eg teke i bruk mykje meir.",
     "digital_omstilling"),
    ("Ingen av oss lærarane kunne noko om koding før, men no har me eit valfag i det.", "digital_omstilling"),
    # a cue after «å» denies its own infinitive, not what came before
    ("Ungane lærte kor viktig det er med sterke passord og å ikkje klikke på alt dei får tilsendt.",
     "digital_omstilling"),
    ("De lærte å sjekke om en nyhet er falsk, med omvendt bildesøk og kildesjekk.", "digital_omstilling"),
    ("Me hadde eit prosjekt om barnerettane, og dei minste laga plakatar.", "demokratisk_deltakelse"),
    ("Me hadde eit ungdomsrådsmøte saman med dei frå Litauen.", "demokratisk_deltakelse"),
    ("Dei har starta eit miljøråd som får uttale seg om innkjøpa til skulen.", "demokratisk_deltakelse"),
    ("Vi har en målsetning om at alle mobilitetene skal være grønne.", "miljo_klima"),
])
def test_new_things_sources_childrens_rights_and_green_travel(priority_codes, text, code):
    assert code in priority_codes(text)


@pytest.mark.parametrize("text, code", [
    ("Vi hadde ikke brukt digitale verktøy før, og vi gjorde det ikke nå heller.", "digital_omstilling"),
    ("De fikk uttale seg om hvilken restaurant vi skulle gå på.", "demokratisk_deltakelse"),
])
def test_absent_then_and_now_or_a_say_about_dinner_is_not_coded(priority_codes, text, code):
    assert code not in priority_codes(text)


@pytest.mark.parametrize("text, expected", [
    ("Det var så kaldt i Finland at vi nesten ikke var ute, men skolen var veldig fin.", False),
    ("Det var så kaldt i Finland at me nesten ikkje var ute.", False),
    ("Vi hadde to elever som aldri hadde vært ute av landet før.", True),
    ("Dei som aldri har vore ute skulle prioriterast.", True),
])
def test_ute_is_abroad_only_after_aldri(priority_codes, text, expected):
    assert ("inkludering_mangfold" in priority_codes(text)) is expected
