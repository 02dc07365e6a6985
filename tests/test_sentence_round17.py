"""Sentence precision on a new setting (issue 15, round 17): a real compound is no typo of another word, a priority
that came to nothing is absent from the whole sentence, speaking up about not understanding is no civic voice, and
taking something home is no pupil let along. Real pipeline, the shipped ``erasmus_prioriteringer`` codebook, real
Norwegian sentences in bokmål and nynorsk."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, category", [
    # each part of a compound is a word of its own: fish treatment, food safety and food words are no misspelt
    # equal treatment, data security or topsoil
    ("Lærlingene lærte mye om fiskebehandling og hygiene om bord.", "inkludering_mangfold"),
    ("Lærlingane lærte mykje om fiskebehandling og hygiene om bord.", "inkludering_mangfold"),
    ("Elevene diskuterte matsikkerhet i ulike land i en rollespill-øvelse.", "digital_omstilling"),
])
def test_a_real_compound_is_no_typo_of_another_term(priority_codes, text, category):
    assert category not in priority_codes(text)


@pytest.mark.parametrize("text, category", [
    # a part within its word's typo reach is still a typo: «likebehandlig» misspells «likebehandling»
    ("Skolen har jobbet mye med likebehandlig av alle elever, uansett bakgrunn.", "inkludering_mangfold"),
    ("Elevene lærte om funksjonsnedsettelser og hvordan man tilrettelegger.", "inkludering_mangfold"),
])
def test_a_typo_of_one_part_is_still_read(priority_codes, text, category):
    assert category in priority_codes(text)


@pytest.mark.parametrize("text, category", [
    # a fronted priority that came to nothing, and the reason given after it
    ("Digitalt ble det ingenting av, fordi nettet på hytta var så dårlig at vi ga opp bloggen.", "digital_omstilling"),
    ("Digitalt vart det ikkje noko av, nettet på hytta var så dårleg at me gav opp bloggen.", "digital_omstilling"),
    ("Digitalt samarbeid ble det egentlig ikke noe av, vi kom aldri i gang på eTwinning.", "digital_omstilling"),
    ("Digitalt samarbeid vart det eigentleg ikkje noko av, me kom aldri i gang på eTwinning.", "digital_omstilling"),
    # a priority named in the application and never worked on
    ("Bærekraft stod i søknaden, men ærlig talt jobbet vi aldri med det.", "miljo_klima"),
    ("Berekraft stod i søknaden, men ærleg talt jobba me aldri med det.", "miljo_klima"),
    # a plan that did not turn out so
    ("Vi hadde tenkt å ha elevrådet med i planleggingen, men det ble ikke sånn.", "demokratisk_deltakelse"),
    ("Me hadde tenkt å ha elevrådet med i planlegginga, men det vart ikkje slik.", "demokratisk_deltakelse"),
])
def test_a_priority_that_came_to_nothing_is_absent(priority_codes, text, category):
    assert category not in priority_codes(text)


@pytest.mark.parametrize("text, codes", [
    # what the sentence does after a contrast still counts
    ("Digitalt ble det egentlig ingenting av, men elevrådet fikk være med å bestemme programmet.",
     {"demokratisk_deltakelse"}),
    ("Digitalt vart det eigentleg ingenting av, men elevrådet fekk vere med og bestemme programmet.",
     {"demokratisk_deltakelse"}),
])
def test_the_part_after_a_contrast_counts(priority_codes, text, codes):
    assert priority_codes(text) == codes


@pytest.mark.parametrize("text", [
    "Lærlingene lærte å si fra når de ikke skjønte en instruks, og det er nyttig i bedriften.",
    "Lærlingane lærte å seie frå når dei ikkje skjønte ein instruks, og det er nyttig i bedrifta.",
    "De ble tryggere og turte å si fra når noe ikke fungerte i gruppa.",
])
def test_speaking_up_about_not_understanding_is_no_civic_voice(priority_codes, text):
    assert "demokratisk_deltakelse" not in priority_codes(text)


@pytest.mark.parametrize("text", [
    # the civic sense keeps its code
    "Elevene skjønte at det nytter å si fra til dem som bestemmer i kommunen.",
    "Elevane skjøna at det nyttar å seie frå til dei som bestemmer i kommunen.",
])
def test_speaking_up_to_those_who_decide_stays_democracy(priority_codes, text):
    assert "demokratisk_deltakelse" in priority_codes(text)


@pytest.mark.parametrize("text, expected", [
    ("Vi sendte ut en pakkeliste med regntøy og ullklær som alle fikk med hjem.", False),
    ("Me sende ut ei pakkeliste med regntøy og ullklede som alle fekk med heim.", False),
    # everyone allowed to come along stays inclusion
    ("Vi sørget for at alle fikk bli med, uansett hva foreldrene tjente.", True),
    ("Me sørgde for at alle fekk vere med, uansett kva foreldra tente.", True),
])
def test_taking_something_home_is_no_pupil_let_along(priority_codes, text, expected):
    assert ("inkludering_mangfold" in priority_codes(text)) is expected


@pytest.mark.parametrize("text", [
    # the climate of a place said as it was is the weather (an exclude pattern: the words in this order)
    "Klimaet i Madrid i juli var helt brutalt, elevene holdt seg inne midt på dagen.",
    "Klimaet i Madrid i juli var heilt brutalt, elevane heldt seg inne midt på dagen.",
    "Klimaet i veksthuset var perfekt for chiliplantene våre.",
    "Eh, klimaet på Shetland var jo et kapittel for seg, det regnet hele uka.",
])
def test_the_climate_of_a_place_said_as_it_was_is_the_weather(priority_codes, text):
    assert "miljo_klima" not in priority_codes(text)


@pytest.mark.parametrize("text", [
    "Det var mye snakk om klimaet i Arktis, og elevene laget en film om isen som smelter.",
    "Klimaet i verda er i endring, og det lærte elevane mykje om.",
    "Klimaet var hovedtemaet for hele uka i Sevilla.",
])
def test_the_climate_as_a_topic_stays(priority_codes, text):
    assert "miljo_klima" in priority_codes(text)


@pytest.mark.parametrize("text", [
    # the format requirement of a short programme and the digital words its sentence names for it
    "Vi måtte ha en digital komponent for at kurset skulle godkjennes, så vi la inn noen nettmøter.",
    "Me måtte ha ein digital komponent for at kurset skulle godkjennast, så me la inn nokre nettmøte.",
])
def test_the_digital_component_and_its_meetings_are_a_requirement(priority_codes, text):
    assert "digital_omstilling" not in priority_codes(text)


@pytest.mark.parametrize("text", [
    # after a contrast the sentence says what the project did
    "Den digitale komponenten var et krav, men elevene lærte faktisk mye om digitale verktøy.",
    "Den digitale komponenten var eit krav, men elevane lærte faktisk mykje om digitale verktøy.",
])
def test_digital_work_after_the_requirement_counts(priority_codes, text):
    assert "digital_omstilling" in priority_codes(text)


def test_exclude_patterns_round_trip_through_the_codebook_yaml():
    from pathlib import Path

    from qualcode.tagging import load_codebook, parse_codebook
    from qualcode.tagging.codebook_yaml import codebook_yaml

    shipped = load_codebook(Path(__file__).resolve().parent.parent / "codebooks" / "erasmus_prioriteringer.yaml")
    again = parse_codebook(codebook_yaml(shipped, "test"))
    before = {c.id: [p.pattern for p in c.exclude_patterns] for c in shipped.categories}
    assert before["miljo_klima"] and before["digital_omstilling"]
    assert {c.id: [p.pattern for p in c.exclude_patterns] for c in again.categories} == before


@pytest.mark.parametrize("answer, category", [
    # a doubled or swapped letter stays a typo, whatever words the splitter reads in it (lær+ring, kull+tur)
    ("lærring", "nokkelkompetanser"),
    ("språk, kulltur", "sosial_inkludering"),
    ("seltillit", "personlig_utvikling"),
])
def test_a_doubled_letter_in_an_answer_stays_a_typo(answer_codes, answer, category):
    assert category in answer_codes(answer)[1]


@pytest.mark.parametrize("text", [
    # Sámi as a language spoken, learnt or written in is a language, like English
    "Jeg snakket nordsamisk med ei jente fra Karasjok og engelsk med de andre.",
    "Eg snakka nordsamisk med ei jente frå Karasjok og engelsk med dei andre.",
    "Vi brukte apper på nettbrettet for å lære samisk.",
    "Elevene lagde en lydguide til utstillingen på nordsamisk og engelsk.",
    "Elevane laga ein lydguide til utstillinga på nordsamisk og engelsk.",
])
def test_sami_as_a_language_is_no_inclusion(priority_codes, text):
    assert "inkludering_mangfold" not in priority_codes(text)


@pytest.mark.parametrize("text", [
    "Vi hadde et opplegg om samiske elever og hvordan de blir møtt i skolen.",
    "Me hadde eit opplegg om samiske elevar og korleis dei vert møtte i skulen.",
])
def test_sami_pupils_stay_inclusion(priority_codes, text):
    assert "inkludering_mangfold" in priority_codes(text)


@pytest.mark.parametrize("text", [
    # a voice recorded or lent to a character is a sound, not a say
    "Barna laget en digital fortelling med bilder og egne stemmer om nabolaget.",
    "Borna laga ei digital forteljing med bilete og eigne stemmer om nabolaget.",
    "Musikkelevene spilte inn hver sin stemme hjemme, og så mikset elevene låta sammen digitalt.",
    "Elevane spelte inn kvar si stemme heime, og så mikste dei låta saman digitalt.",
    "Jeg la på stemmen til skurken i animasjonsfilmen vår.",
])
def test_a_recorded_voice_is_no_say(priority_codes, text):
    assert "demokratisk_deltakelse" not in priority_codes(text)


@pytest.mark.parametrize("text", [
    "Elevrådet på partnerskolen har en egen stemme i skolens styre.",
    "Elevrådet på partnarskulen har ei eiga stemme i skulestyret.",
])
def test_a_say_in_the_board_stays_democracy(priority_codes, text):
    assert "demokratisk_deltakelse" in priority_codes(text)


@pytest.mark.parametrize("text, category", [
    # keeping in touch with friends on Snapchat or in a group chat is friendship
    ("De har fortsatt kontakt med de spanske elevene på Snapchat, de er blitt gode venner.", "digital_omstilling"),
    ("Dei har framleis kontakt med dei spanske elevane på Snapchat, dei har vorte gode vener.", "digital_omstilling"),
    # the elective subject «teknologi og forsking» is a subject's name
    ("Valgfaget teknologi og forskning er et valg elevene tar i åttende, og de fleste som reiste hadde det.",
     "digital_omstilling"),
    ("Valfaget teknologi og forsking er eit val elevane tek i åttande, og dei fleste som reiste hadde det.",
     "digital_omstilling"),
    # a screen in the hall showing what the solar panels produce is a display
    ("Skolen i Skottland hadde solceller på taket, og vi fikk se på en skjerm hvor mye strøm de laget.",
     "digital_omstilling"),
    ("Skulen i Skottland hadde solceller på taket, og elevane kunne sjå på ein skjerm kor mykje straum dei laga.",
     "digital_omstilling"),
    # steering a machine is no say
    ("Lærlingene fikk se droner som måler opp tomta, og elevene fikk styre en selv.", "demokratisk_deltakelse"),
    ("Lærlingane fekk sjå dronar som måler opp tomta, og elevane fekk styre ein sjølve.", "demokratisk_deltakelse"),
])
def test_everyday_senses_are_no_priority(priority_codes, text, category):
    assert category not in priority_codes(text)


@pytest.mark.parametrize("text, category", [
    ("Vi hadde et opplegg om nettvett, om hva man deler på Snapchat når man er på tur.", "digital_omstilling"),
    ("Elevrådet fikk styre mye av programmet selv.", "demokratisk_deltakelse"),
    ("Elevrådet fekk styre mykje av programmet sjølv.", "demokratisk_deltakelse"),
])
def test_the_priority_senses_stay(priority_codes, text, category):
    assert category in priority_codes(text)


@pytest.mark.parametrize("text, expected", [
    # ideas for how to do a task are the task's
    ("Elevene målte hvor mye strøm skolen bruker og kom med forslag til hvordan vi kan spare.", False),
    ("Elevane målte kor mykje straum skulen brukar og kom med forslag til korleis vi kan spare.", False),
    # a say in what the project does stays
    ("Elevene evaluerte prosjektet i et allmøte og kom med forslag som vi tok med i neste søknad.", True),
    ("Elevane evaluerte prosjektet i eit allmøte og kom med forslag som vi tok med i neste søknad.", True),
])
def test_ideas_for_a_task_are_no_say(priority_codes, text, expected):
    assert ("demokratisk_deltakelse" in priority_codes(text)) is expected
