"""Sentence recall on a new setting (issue 15, round 18): the four priorities said in the everyday words of the
settings of sets AM–AQ — a hard time at home, what the school paid for those who had nothing, a condition or a
children's home, the first time on a plane (inclusion); the systems and programs of a trade (digital); the train the
whole way, what is emitted, recycled or flooded, wildlife disturbed (climate); how an election works, the local
council's bodies, taking part in society and saying freely what one thinks (democracy). Real pipeline, the shipped
``erasmus_prioriteringer`` codebook, real Norwegian sentences in bokmål and nynorsk."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Flere av deltakerne har det vanskelig hjemme, så turen betydde ekstra mye for dem.",
    "Fleire av deltakarane har det vanskeleg heime, så turen betydde ekstra mykje for dei.",
    "Skolen kjøpte regnjakker til de som ikke hadde, så ingen skulle fryse på turen.",
    "Skulen kjøpte regnjakker til dei som ikkje hadde, så ingen skulle fryse på turen.",
    "Det skulle ikke bare være for barn av foreldre med god økonomi.",
    "Det skulle ikkje berre vere for born av foreldre med god økonomi.",
    "Gutten med CP fikk en egen rullestoltilpasset buss hele uka.",
    "Eleven som har hørselsvansker fikk teksting på alle filmene.",
    "Han som har synsvanskar fekk sitje fremst i bussen.",
    "To av elevene kom fra barnehjem, og de ble med til Berlin.",
    "Ho eine jenta bur på barneheim, og ho fekk vere med på alt saman med klassen.",
    "For de fleste av dem var det første gang på fly, og det sier noe om hvem vi nådde.",
    "For dei fleste var det første gong dei reiste ut av landet, og det seier noko om kven vi nådde.",
    "Noen av lærlingene hadde aldri hatt pass før denne turen.",
    "Nokre av lærlingane hadde aldri hatt pass før denne turen.",
    "Det viktigste var at han ble behandlet som alle andre på turen.",
    "Vi lagde et teaterstykke om hvordan det føles å være ny i et land.",
    "Me laga eit teaterstykke om korleis det kjennest å vere ny i eit land.",
    "Mange av kursdeltakerne har dårlige erfaringer fra skolen og trenger en ny start.",
    "Mange av kursdeltakarane har dårlege erfaringar frå skulen og treng ein ny start.",
    "Det var ekstra voksne med, så også elevene som trenger mye støtte kunne være med.",
    "Det var ekstra vaksne med, så òg elevane som treng mykje støtte kunne vere med.",
    "Vi bor ganske avsides, og for mange av elevene er en utenlandstur helt utenkelig.",
    "Mange av familiene i bydelen sliter økonomisk.",
    "Me veit at mange familiar her har det trangt.",
    "Elevene laget en film om hvordan det er å være ny på en skole.",
    "Elevane laga ein film om korleis det er å vere ny på ein skule.",
    "Vi passet på at ingen måtte droppe ut på grunn av økonomi.",
    "Me passa på at ingen måtte droppe ut på grunn av økonomien.",
    "Ungdommene i fjellbygda har lang vei til alt, og det var dem vi ville nå.",
    "Flere av deltakerne hadde ikke pass, så vi søkte om det for dem.",
    "Det var ikkje foreldras lommebok som bestemte kven som fekk reise.",
    "På anleggslinja er det nesten bare gutter, så vi oppmuntret jentene til å søke.",
    "Vi plukket ut noen som har det litt tyngre hjemme.",
    "Hun fortalte at hun ofte føler seg annerledes i klassen.",
    "Ho fortalde at ho ofte kjenner seg annleis i klassen.",
    "Reisemulighetene er skjevt fordelt mellom elevene.",
])
def test_inclusion_said_in_everyday_words_is_coded(priority_codes, text):
    assert "inkludering_mangfold" in priority_codes(text)


@pytest.mark.parametrize("text", [
    # being away from one's parents for the first time is homesickness, not fewer opportunities
    "De fleste hadde aldri vært borte fra foreldrene så lenge før, så den første kvelden var tung.",
    "Dei fleste hadde aldri vore borte frå foreldra så lenge før, så den første kvelden var tung.",
    # a collection for a children's home is volunteering; only pupils who come from or live in one are inclusion
    "Elevene samlet inn penger til et barnehjem i Moldova, helt på eget initiativ.",
])
def test_everyday_words_of_other_things_are_not_inclusion(priority_codes, text):
    assert "inkludering_mangfold" not in priority_codes(text)


@pytest.mark.parametrize("text", [
    "Mekanikerlærlingene måtte logge alle reparasjonene i verkstedets datasystem.",
    "Mekanikarlærlingane måtte loggføre alle reparasjonane i datasystemet til verkstaden.",
    "Sykepleierne der dokumenterte alt i et journalsystem ved sengen.",
    "Grafikerelevene lagde logoen til prosjektet i et designprogram.",
    "Vi brukte et program for å beregne hvor mye strøm bygget trengte.",
    "Me brukte eit program for å rekne ut kor mykje straum bygget trong.",
])
def test_digital_tools_of_a_trade_are_coded(priority_codes, text):
    assert "digital_omstilling" in priority_codes(text)


def test_a_days_programme_is_not_digital(priority_codes):
    assert "digital_omstilling" not in priority_codes(
        "Vertsskolen hadde lagt et program for å bli kjent med byen den første dagen.")


@pytest.mark.parametrize("text", [
    "Vi tok toget hele veien til Polen, og det tok nesten to døgn.",
    "Me tok toget heile vegen til Polen, og det tok nesten to døgn.",
    "Klassen reiste med tog gjennom Europa til Barcelona.",
    "Vi diskuterte hvor mye et cruiseskip slipper ut på en dag i havna.",
    "Me diskuterte kor mykje eit cruiseskip slepp ut på ein dag i hamna.",
    "Etter prosjektet tenker elevene mer over hvor mye de flyr.",
    "Bøndene fortalte at somrene er tørrere enn før, og at avlingene blir mindre.",
    "På verkstedet lærte vi at nesten alt av gamle bildeler kan gjenvinnes.",
    "På verkstaden lærte vi at nesten alt av gamle bildelar kan gjenvinnast.",
    "Bilverkstedet hadde egne fat for spillolje og brukte filtre.",
    "Vi planla regnbed i skolegården fordi plassen blir oversvømt hver høst.",
    "Verkstedet hadde grønne tak med sedum og mose.",
    "Vi lærte hvordan villbier trenger blomsterenger for å overleve.",
    "Guiden fortalte at støy fra turistbåtene stresser hvalene i fjorden.",
    "Guiden fortalde at støy frå turistbåtane stressar kvalane i fjorden.",
    "Byen planlegger for vannet som stiger.",
    "Elevene ble overrasket over hvor mye turistene på stranda kaster.",
    "Elevane vart meir bevisste på det dei kastar kvar dag.",
])
def test_climate_said_in_a_settings_practice_is_coded(priority_codes, text):
    assert "miljo_klima" in priority_codes(text)


@pytest.mark.parametrize("text", [
    # the train for the last leg after a flight is logistics; prisoners let out emit nothing
    "Vi fløy til Roma og tok tog videre til Napoli, og hele reisen tok en dag.",
    "Mange av dem får problemer med bolig når de slipper ut igjen.",
])
def test_travel_and_release_are_not_climate(priority_codes, text):
    assert "miljo_klima" not in priority_codes(text)


@pytest.mark.parametrize("text", [
    "Elevene lærte hvordan et valg foregår, fra valgkort til opptelling.",
    "Elevane lærte korleis eit val går føre seg, med valkort og opptelling.",
    "Niendeklassingene lagde en stand for hvert parti i kantina.",
    "Ungdomsskuleelevane var på besøk i formannskapet i kommunen.",
    "Elevene presenterte planen for skolehagen for bydelsutvalget.",
    "Vi snakket om at alle har rett til å delta i samfunnet, også de som har sonet.",
    "Me snakka om at alle har rett til å delta i samfunnet, òg dei som har sona.",
    "De lærte at en sang kan være en måte å si ifra om urett på.",
    "Vi hadde valg på tvers av klassene om hvem som skulle representere skolen i Brussel.",
    "Estland har hatt stemmegivning på nett i mange år, og det diskuterte vi mye.",
    "Hun fortalte hvor viktig det er å kunne si fritt hva man mener om makthaverne.",
    "Vi snakket om hva det betyr å være europeer i dag.",
    "Me snakka om kva det vil seie å vere europear i dag.",
    "Ungdommene fikk være med på årsmøtet i klubben.",
    "Elevane starta ein frivillig miljøpatrulje som ryddar i fjæra.",
])
def test_democratic_participation_said_in_everyday_words_is_coded(priority_codes, text):
    assert "demokratisk_deltakelse" in priority_codes(text)


@pytest.mark.parametrize("text", [
    # a choice between destinations is no election; reporting a problem to an adult is no civic voice
    "Vi hadde et valg mellom Malta og Irland, og det ble Malta fordi flyene var billigst.",
    "Elevene lærte hvem de kan si ifra til hvis noen plager dem i chatten.",
])
def test_choices_and_reports_are_not_democracy(priority_codes, text):
    assert "demokratisk_deltakelse" not in priority_codes(text)
