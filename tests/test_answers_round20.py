"""Round 20 of issue 15 (answers on a new setting): mechanisms derived on sets 2026…AV, measured on AW–BA.

- A modifier the codebook puts before a skill or knowledge head in its own compounds («leseforståelse»,
  «leseferdighet», «ordforståelse») gives its category before any such head: «lesekompetanse», «skriveopplæring»
  are language, not general knowledge. A generic head («organisasjonsutvikling») and a school subject
  («samfunnsfag») take none.
- Constructions of personal development: believing in something («tro på utdanninga», a degree word between
  allowed: «tror mer på seg selv»), overcoming something other than a language barrier («overvant flyskrekken»),
  living away from home («bodde borte hjemmefra»).
- Beside «på engelsk», a phrase of another category in the same item keeps its category first («ble kjent på
  engelsk»), as a single word already did («samarbeid på engelsk»).
- In a list whose first item no rule reads, an activity there («kajakkpadling og engelsk») is the activity
  category's and, as the first item, the primary.

Real pipeline, the shipped codebook, bokmål and nynorsk; none of these answers is in a labelled set.
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "lesekunnskap",
    "skrivekompetanse",
    "leseopplæring",
    "skriveopplæring",
    "ordkunnskapar",
    "lesekurs",
])
def test_a_language_modifier_before_a_skill_head_is_language(answer_codes, text):
    assert answer_codes(text) == ("sprakferdigheter", {"sprakferdigheter"})


@pytest.mark.parametrize("text, expected", [
    # guards (pass on main too): a generic head takes no learnt modifier; a term modifier decides as before
    ("organisasjonsutvikling", (None, set())),
    ("språkkunnskap", ("sprakferdigheter", {"sprakferdigheter"})),
    ("lytteopplæring", ("sprakferdigheter", {"sprakferdigheter"})),
])
def test_skill_head_guards(answer_codes, text, expected):
    assert answer_codes(text) == expected


@pytest.mark.parametrize("text", [
    "tror mer på seg selv",
    "trur meir på framtida",
    "tro på utdanninga",
    "overvant flyskrekken",
    "overvinne nervøsiteten",
    "bodde borte hjemmefra",
    "vera borte heimanfrå",
])
def test_belief_overcoming_and_living_away_are_personal_development(answer_codes, text):
    assert answer_codes(text) == ("personlig_utvikling", {"personlig_utvikling"})


@pytest.mark.parametrize("text, expected", [
    # guards (pass on main too): a language barrier overcome is language only; a hedge names nothing
    ("overvinne språkbarrieren", ("sprakferdigheter", {"sprakferdigheter"})),
    ("tror jeg", (None, set())),
])
def test_construction_guards(answer_codes, text, expected):
    assert answer_codes(text) == expected


@pytest.mark.parametrize("text, primary", [
    ("bli kjent på engelsk", "sosial_inkludering"),
    ("ble godt kjent på engelsk", "sosial_inkludering"),
    ("vart kjende på engelsk", "sosial_inkludering"),
    ("mindre blyg på engelsk", "personlig_utvikling"),
])
def test_a_phrase_done_in_a_language_keeps_its_category(answer_codes, text, primary):
    assert answer_codes(text) == (primary, {primary, "sprakferdigheter"})


@pytest.mark.parametrize("text, others", [
    ("kajakkpadling og engelsk", {"sprakferdigheter"}),
    ("brødbaking og tysk", {"sprakferdigheter"}),
    ("fjellklatring og vennskap", {"sosial_inkludering"}),
    ("kanopadling, samhald", {"sosial_inkludering"}),
    ("- vedhogging, tysk", {"sprakferdigheter"}),
])
def test_an_activity_first_in_a_list_is_the_primary(answer_codes, text, others):
    assert answer_codes(text) == ("nokkelkompetanser", {"nokkelkompetanser"} | others)


@pytest.mark.parametrize("text, expected", [
    # guards (pass on main too): a place first names no activity; an activity later in the list adds nothing
    ("Spania og nye venner", ("sosial_inkludering", {"sosial_inkludering"})),
    ("engelsk og klatring", ("sprakferdigheter", {"sprakferdigheter"})),
])
def test_list_guards(answer_codes, text, expected):
    assert answer_codes(text) == expected
