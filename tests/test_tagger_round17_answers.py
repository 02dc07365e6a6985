"""Round 17 of issue 15 (answers): a people's adjective inside a topic, the desire to learn, typos in any word.

- A nationality adjective before a noun says whose the noun is, not the language, also after a preposition or an
  article («lærte om ungarsk kultur», «den polske kulturen»); a field's adjective in «-isk» («økologisk») and a noun
  of the language itself («tysk grammatikk») keep their category.
- The desire to learn is the label rule's «motivasjon for læring»: key competence first, the desire second; the
  desire to learn a language keeps the desire first (the confidence rule's kin), a desire for anything else is
  personal development.
- Typos: a letter typed three times, a typo in a compound's head behind a modifier read too long or in a four-letter
  head, and a typo the pipeline lemmatised as an excluded word.

Real pipeline, bokmål and nynorsk, none of these answers in a labelled set.
"""

from __future__ import annotations

import pytest

from qualcode.tagging.tagger import people_adjective


@pytest.mark.parametrize("text, category", [
    ("lærte om ungarsk kultur", "sosial_inkludering"),
    ("lærde om ungarsk kultur", "sosial_inkludering"),
    ("kjennskap til polsk kultur", "sosial_inkludering"),
    ("den polske kulturen", "sosial_inkludering"),
    ("kunnskap om tsjekkisk historie", "nokkelkompetanser"),
    ("lærte om nederlandske båtar", "nokkelkompetanser"),
])
def test_a_peoples_adjective_inside_a_topic_is_no_language(answer_codes, text, category):
    assert answer_codes(text) == (category, {category})


@pytest.mark.parametrize("text, expected", [
    # the language itself and a field's adjective keep their category
    ("lærte om tysk grammatikk", ("sprakferdigheter", {"sprakferdigheter"})),
    ("lærte om økologisk jordbruk", ("medborgerskap", {"medborgerskap"})),
    ("kunnskap om engelsk", ("sprakferdigheter", {"sprakferdigheter"})),
])
def test_the_language_itself_and_a_fields_adjective_keep_their_category(answer_codes, text, expected):
    assert answer_codes(text) == expected


def test_people_adjective_tells_a_people_from_a_field():
    assert people_adjective("ungarske") and people_adjective("portugisisk") and people_adjective("tysk")
    assert not people_adjective("økologisk") and not people_adjective("kritiske") and not people_adjective("kultur")


@pytest.mark.parametrize("text", ["lærelysten", "læringslysta", "stor lærelyst", "lyst til å læra"])
def test_the_desire_to_learn_is_key_competence_first(answer_codes, text):
    assert answer_codes(text) == ("nokkelkompetanser", {"nokkelkompetanser", "personlig_utvikling"})


@pytest.mark.parametrize("text", ["lyst til å lære italiensk", "lyst til å læra nederlandsk"])
def test_the_desire_to_learn_a_language_keeps_the_desire_first(answer_codes, text):
    primary, coded = answer_codes(text)
    assert primary == "personlig_utvikling" and "sprakferdigheter" in coded


@pytest.mark.parametrize("text", ["lyst til å studere i utlandet", "fekk lyst på å reise meir"])
def test_a_desire_for_something_else_is_personal_development(answer_codes, text):
    assert answer_codes(text)[0] == "personlig_utvikling"


@pytest.mark.parametrize("text, category", [
    # a letter typed three times (bokmål, nynorsk)
    ("vennnskap", "sosial_inkludering"), ("nye vennnar", "sosial_inkludering"), ("mestrrring", "personlig_utvikling"),
    ("meistrrring", "personlig_utvikling"),
    # a typo in a compound's head: a four-letter head, a modifier read too long («klasses+amhld»)
    ("dansglde", "personlig_utvikling"), ("klassesamhld", "sosial_inkludering"),
    # a typo the pipeline lemmatised as the excluded verb «inkludere» (includes)
    ("inkluderin", "sosial_inkludering"),
])
def test_typos_reach_the_term(answer_codes, text, category):
    assert answer_codes(text) == (category, {category})


@pytest.mark.parametrize("text", [
    # organising the exchange, whatever it is of (label rules: «utfordrende» about organising is a trap)
    "utfordrende koordinering", "utfordrande å ordne overnatting til elevane",
    # the weather of a place is no climate awareness
    "mildt klima", "fuktig klima i Bergen",
    # the development of a workplace or an institution is the «utvikling av skolen» trap
    "utvikling av bedrifta", "utvikling av organisasjonen",
])
def test_organising_the_weather_and_an_institutions_development_stay_uncoded(answer_codes, text):
    assert answer_codes(text) == (None, set())


@pytest.mark.parametrize("text, expected", [
    ("utfordrende å snakke engelsk", ("sprakferdigheter", {"sprakferdigheter", "personlig_utvikling"})),
    ("klimaendringar", ("medborgerskap", {"medborgerskap"})),
])
def test_a_pupils_challenge_and_the_climate_stay_coded(answer_codes, text, expected):
    assert answer_codes(text) == expected


@pytest.mark.parametrize("text, category", [
    # colleagues at a placement abroad are the international peer network
    ("nye kollegaer i Tyskland", "sosial_inkludering"), ("italienske kolleger", "sosial_inkludering"),
    # who something was done with is its company («med»): the item names what was done
    ("snakke spansk med kollegaene", "sprakferdigheter"), ("vennskap med ungarske elevar", "sosial_inkludering"),
    ("samarbeid med polske lærlingar", "nokkelkompetanser"),
    # «-høyrsle» is bokmål «-hørighet»
    ("samhøyrsla", "sosial_inkludering"), ("klassesamhøyrsle", "sosial_inkludering"),
])
def test_colleagues_company_and_belonging(answer_codes, text, category):
    assert answer_codes(text) == (category, {category})


@pytest.mark.parametrize("text, expected", [
    # a language named last is what was done with; a category named on both sides of «med» stays
    ("gøy med tysk", ("personlig_utvikling", {"personlig_utvikling", "sprakferdigheter"})),
    ("kontakt med vertsfamilien", ("sosial_inkludering", {"sosial_inkludering"})),
])
def test_what_was_done_with_stays(answer_codes, text, expected):
    assert answer_codes(text) == expected


@pytest.mark.parametrize("text", [
    # the study, the theory or the training of something no rule names is subject knowledge (an activity reading)
    "harmonilære", "dramateori", "instrumentlære",
    # the music programme area's adjective, as «matematisk»
    "musikalsk",
])
def test_a_field_of_study_is_subject_knowledge(answer_codes, text):
    assert answer_codes(text) == ("nokkelkompetanser", {"nokkelkompetanser"})


def test_challenging_with_the_equipment_is_organising_and_with_a_language_is_growth(answer_codes):
    assert answer_codes("utfordrande med utstyret") == (None, set())
    assert answer_codes("utfordrende med nytt språk") == ("personlig_utvikling",
                                                          {"personlig_utvikling", "sprakferdigheter"})
