"""Sentence recall on a new setting (issue 15, round 17): the four priorities said in a setting's everyday words —
who could not otherwise travel or keep up (inclusion), the tools and programs a trade or a school works with
(digital), a setting's practice with nature, waste and energy (climate), volunteering, self-government and having a
say (democracy). Real pipeline, the shipped ``erasmus_prioriteringer`` codebook, real Norwegian sentences in bokmål
and nynorsk."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Før var det bare de med råd som dro på språkreise, nå får hele trinnet være med.",
    "Før var det berre dei med råd som reiste på språktur, no får heile trinnet vere med.",
    "Før var det de samme som alltid fikk reise, nå trekker vi lodd blant alle.",
    "Før var det dei same som alltid fekk reise, no trekkjer me lodd mellom alle.",
    "Tidligere var det alltid de flinkeste som ble plukket ut til turene.",
    "Kursdeltakerne med minst skolegang trengte mer tid på oppgavene.",
    "Kursdeltakarane med minst skulegang trong meir tid på oppgåvene.",
    "Vi hadde et eget opplegg for elevene som er nye i Norge.",
    "Me hadde eit eige opplegg for elevane som er nye i Noreg.",
    "Vi ville ha med lærlinger uten rike foreldre i ryggen.",
    "Me ville ha med lærlingar utan rike foreldre i ryggen.",
    "Elever med store behov fikk ha med seg en ekstra voksen på turen.",
    "Lærerne snakket om hvordan noen blir holdt utenfor i friminuttene.",
    "Guttene som strever med lesing fikk egne oppgaver med bilder.",
    "Gutane som strevar med lesing fekk eigne oppgåver med bilete.",
    "Flere av de voksne har ingen fullført skolegang fra hjemlandet sitt.",
    "Ho har omsorg for mor si heime, så me la opp turen etter det.",
    "En av lærlingene jobber hver helg for å hjelpe familien med husleia.",
    "Han måtte egentlig være hjemme og hjelpe til på gården i onna.",
    "Ho måtte eigentleg vere heime og hjelpe til på garden i onna.",
    "Nå får alle søke, uansett karakterer fra i fjor.",
    "Det skal vere opent for alle, uansett karakterar eller bakgrunn.",
    "For mange av dem var prisen det som stoppet dem fra å søke før.",
    "Anleggslinja er svært mannsdominert, så vi oppmuntret jentene til å søke.",
    "Eleven med bevegelseshemning fikk et rom på bakkeplan hos vertsfamilien.",
])
def test_inclusion_said_in_everyday_words_is_coded(priority_codes, text):
    assert "inkludering_mangfold" in priority_codes(text)


@pytest.mark.parametrize("text", [
    # «de samme som alltid får» names who travels only before a word of going or taking part
    "Det er de samme som alltid får skylda når noe blir borte.",
    "Det er dei same som alltid får skulda når noko blir borte.",
])
def test_everyday_words_of_other_things_are_not_inclusion(priority_codes, text):
    assert "inkludering_mangfold" not in priority_codes(text)


@pytest.mark.parametrize("text", [
    "Tømrerelevene lærte å tegne hele huset i et dataprogram før de begynte å bygge.",
    "Tømrarelevane lærte å teikne heile huset i eit dataprogram før dei byrja å byggje.",
    "Sjåførelevene øvde i en kjøresimulator før de fikk kjøre lastebilen på ordentlig.",
    "Sjåførelevane øvde i ein køyresimulator før dei fekk køyre lastebilen på ordentleg.",
    "Elevene på maritime fag lærte å navigere etter elektroniske kart på broa.",
    "Lærarane i Estland brukar læringsanalyse for å sjå kven som treng hjelp.",
    "Vi snakket om når maskinoversettelse hjelper og når den lurer elevene.",
    "Elektrikarlærlingane fekk prøve smarthusstyring og fjerntilgang til anlegget.",
    "Dei tyske lærlingane laga eit nytt CAM-program for fresemaskina.",
])
def test_a_settings_tools_and_programs_are_digital(priority_codes, text):
    assert "digital_omstilling" in priority_codes(text)


@pytest.mark.parametrize("text", [
    # a day's or a meal's programme is no data program (two letters from «dataprogram»)
    "Vi satte opp et dagsprogram med omvisning, lunsj og en tur på fjorden.",
    "Kjøkkenet la om hele matprogrammet slik at alle kunne spise det samme.",
])
def test_a_programme_of_the_day_is_not_digital(priority_codes, text):
    assert "digital_omstilling" not in priority_codes(text)


@pytest.mark.parametrize("text", [
    "Etter turen er elevene mye mer bevisste på hva de kaster i kantina.",
    "Etter turen er elevane mykje meir medvitne om kva dei kastar i kantina.",
    "I barnehagen sorterte barna restene i hver sin dunk.",
    "I Italia lærte borna å sortere sjølve, med bilete på kvar dunk.",
    "Vi avtalte at ingen skulle kaste mat på leirskolen.",
    "Bonden fortalte at de ikke bruker sprøytemidler på åkrene sine.",
    "Bonden fortalde at dei ikkje brukar sprøytemiddel på åkrane sine.",
    "Barna i Italia tok vare på dyrene og plantene i hagen.",
    "Eldre folk i bygda fortalte at vintrene har blitt mye mildere enn før.",
    "Dei eldste i bygda fortalde at vintrane har vorte mykje mildare enn før.",
    "Besteforeldrene fortalte hvordan snøen har endret seg siden de var små.",
    "Snekkerelevene lærte å tenke livsløp for materialene de bruker.",
    "Vi tok prøver i bekken og lærte om avrenning fra jordene rundt.",
    "Kommunen har kjøpt inn to el-ferjer, og elevene fikk besøke verftet.",
    "Floristane brukte sesongbaserte blomar i staden for importerte roser.",
])
def test_climate_through_a_settings_practice_is_coded(priority_codes, text):
    assert "miljo_klima" in priority_codes(text)


@pytest.mark.parametrize("text", [
    "Elevene startet en frivillig ryddeaksjon i fjæra etter hjemkomsten.",
    "Elevane starta ein frivillig miljøgjeng på skulen etter turen.",
    "Klubben hadde mange frivillige som stelte banen hver helg.",
    "Elevene holdt en veldedighetskonsert for et krisesenter i byen.",
    "Elevene fikk møte en representant fra Sametinget og spørre om selvstyre.",
    "Elevane fekk snakke med ein representant frå lagtinget på Færøyane.",
    "Det var ungdomsvalg, så vi snakket om forhåndsstemming og valgsystemet i Tyskland.",
    "I barnehagen i Italia blir barna spurt om hva de mener når rommet skal endres.",
    "I barnehagen i Italia blir borna spurde om meininga si når rommet skal endrast.",
    "Vi innførte barnemøter der barna bestemmer noe selv hver fredag.",
    "Me innførte barnemøte der borna bestemmer noko sjølve kvar fredag.",
    "Elevene ble mer engasjert i samfunnsspørsmål etter utvekslingen.",
])
def test_volunteering_self_government_and_having_a_say_are_democracy(priority_codes, text):
    assert "demokratisk_deltakelse" in priority_codes(text)


@pytest.mark.parametrize("text", [
    # optional is not volunteering
    "Det var frivillig å bli med på kveldsturen, men nesten alle kom.",
    "Leksene i ferien var frivillige, sa lærarane.",
])
def test_optional_is_not_volunteering(priority_codes, text):
    assert "demokratisk_deltakelse" not in priority_codes(text)


@pytest.mark.parametrize("text", [
    "Det ble laget halal-alternativ til grillkvelden.",
    "Det vart laga halal-alternativ til grillkvelden.",
    "Vi la opp dagene etter bønnetidene til noen av elevene.",
    "Vi ville at elever fra de små skolene også skulle få søke.",
    "Me ville at elevar frå dei små kommunane òg skulle få søkje.",
    "Skolen vår er liten og langt unna alt, så en tur til Brussel er stort.",
    "To av elevene hadde nettopp fått opphold, så passene kom sent.",
    "Vi passet på at prisen ikke skulle være et hinder for noen.",
    "Vi spurte foreldrene hva som kunne hindre eleven i å reise.",
    "Prosjektet handlet om å vokse opp med to kulturer.",
    "Prosjektet handla om å vekse opp med to kulturar.",
    "Også de som har minst hjemmefra, skulle få lommepenger.",
    "Òg dei som har minst heimanfrå, skulle få lommepengar.",
    "Det skal ikke være lommeboka til foreldrene som avgjør hvem som reiser.",
    "Det skal ikkje vere lommeboka til foreldra som avgjer kven som reiser.",
    "Utveksling skal ikke være et privilegium for de ressurssterke.",
    "Utveksling skal ikkje vere eit privilegium for dei ressurssterke.",
])
def test_inclusion_second_pass_is_coded(priority_codes, text):
    assert "inkludering_mangfold" in priority_codes(text)


@pytest.mark.parametrize("text, category", [
    ("Elevene jobbet sammen i et felles Google-dokument hele høsten.", "digital_omstilling"),
    ("På fabrikken gjenvant de varmen fra ovnene til å varme opp hallen.", "miljo_klima"),
    ("Slakteren sa at vi ikke skal sløse med ressursene.", "miljo_klima"),
    ("Slaktaren sa at me ikkje skal sløse med ressursane.", "miljo_klima"),
    ("Vi samlet inn gammelt verktøy for å unngå at det ble kastet.", "miljo_klima"),
    ("Reineigarane fortalde korleis beiteområda krympar år for år.", "miljo_klima"),
    ("Forskerne viste hvordan de bygger opp bestanden av torsk igjen.", "miljo_klima"),
    ("Elevene lærte om passivhusstandarden og fikk interesse for energispørsmål.", "miljo_klima"),
    ("Elevane heldt valkampinnlegg i eit rollespel på skulen.", "demokratisk_deltakelse"),
    ("Elevene holdt valgkampinnlegg i et rollespill på skolen.", "demokratisk_deltakelse"),
    ("Barna får nå si hva de vil leke med i samlingsstunden.", "demokratisk_deltakelse"),
    ("Borna får no seie kva dei vil leike med i samlingsstunda.", "demokratisk_deltakelse"),
    ("Vi snakket om verdier som frihet og trygghet.", "demokratisk_deltakelse"),
    ("Me snakka om verdiar som fridom og tryggleik.", "demokratisk_deltakelse"),
])
def test_second_pass_tools_practice_and_say_are_coded(priority_codes, text, category):
    assert category in priority_codes(text)


@pytest.mark.parametrize(("text", "coded"), [
    ("Elevene brukte et program som regner ut hvor mye strøm bygget bruker.", True),
    ("Lærlingane laga eit program som styrer lyset i verkstaden.", True),
    # a programme that shows the day's plan is no software
    ("Vi fikk et program som viste hva vi skulle gjøre hver dag.", False),
])
def test_a_program_that_computes_or_controls_is_digital(priority_codes, text, coded):
    assert ("digital_omstilling" in priority_codes(text)) is coded
