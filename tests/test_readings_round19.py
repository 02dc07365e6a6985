"""Readings of one word as another (issue 15, round 19): a word the lexicon knows as a word of its own is not
another word's nynorsk spelling («burger» is no «borger»), a noun's inflected form is that noun and not a verb
derived from a term («koder» are codes, not «koding»), a compound of two known words is no typo of a term even
when its last part is inflected («ballferdigheter» is no «taleferdighet»), and reusing a programme or code is no
reuse of material things; a misspelt modifier before a skill or knowledge decides, since the typo is where the word
is unknown («englesk+kunnskapar» is English, «kilma+bevissthet» climate). Real pipeline, the shipped codebooks, real Norwegian sentences and answers in bokmål and
nynorsk (written for this file, not taken from the labelled sets)."""

from __future__ import annotations

import pytest

from qualcode.tagging.lexicon import normalised_lemma
from qualcode.tagging.nynorsk import bokmal_of


@pytest.mark.parametrize("text, category", [
    # a burger is a burger, in bokmål and in nynorsk text: not «borger» (nynorsk «borgar»)
    ("Det beste med turen var en stor burger i Dublin.", "demokratisk_deltakelse"),
    ("Det beste med turen var ein stor burger i Dublin.", "demokratisk_deltakelse"),
    # a noun's plural is the noun: social codes, codes on the radio, colours, not coding or dyeing
    ("Lærlingene merket fort at arbeidsplassen i Spania hadde andre sosiale koder enn hjemme.", "digital_omstilling"),
    ("Lærlingane merka fort at arbeidsplassen i Spania hadde andre sosiale koder enn heime.", "digital_omstilling"),
    ("På bergingskurset øvde vi på faste koder når vi snakket over radioen.", "digital_omstilling"),
    # reusing the programme of a trip or a piece of software is no reuse of material things
    ("Vi gjenbrukte programmet fra studieturen i fjor, bare med nye navn og datoer.", "miljo_klima"),
    ("Me gjenbrukte programmet frå studieturen i fjor, berre med nye namn og datoar.", "miljo_klima"),
    ("Elevene gjenbrukte koden fra i fjor da de lagde spillet.", "miljo_klima"),
])
def test_a_word_of_its_own_is_not_read_as_another(priority_codes, text, category):
    assert category not in priority_codes(text)


@pytest.mark.parametrize("answer, category", [
    ("ballferdigheter", "sprakferdigheter"),  # ball+ferdigheter, not «taleferdighet» misspelt
    ("ballferdigheiter", "sprakferdigheter"),  # the nynorsk form, not «taleferdigheit»
])
def test_an_inflected_compound_of_known_words_is_no_typo_of_a_term(answer_codes, answer, category):
    assert category not in answer_codes(answer)[1]


@pytest.mark.parametrize("text, category", [
    # the verb derived from «koding» is still read, and so is a code as a compound's head
    ("Elevene lærte å kode en liten robot sammen med partnerskolen.", "digital_omstilling"),
    ("Elevane lærte å kode ein liten robot saman med partnarskulen.", "digital_omstilling"),
    ("Vi lagde QR-koder til hver plante i skolehagen, med lydfiler elevene hadde spilt inn.", "digital_omstilling"),
    # reusing material things is still the environment
    ("Elevene gjenbrukte gamle klær og lagde nye vesker av dem.", "miljo_klima"),
    ("Elevane gjenbrukte gamle materialar frå rivinga og bygde benker.", "miljo_klima"),
    # a citizen is still a citizen
    ("Vi snakket mye om hva det vil si å være en aktiv borger i Europa.", "demokratisk_deltakelse"),
])
def test_the_word_itself_is_still_read(priority_codes, text, category):
    assert category in priority_codes(text)


@pytest.mark.parametrize("answer, primary", [
    # real typos and nynorsk spellings stay readings of the word they stand for
    ("kunskap", "nokkelkompetanser"),
    ("fellskap", "sosial_inkludering"),
    ("venskap", "sosial_inkludering"),
    ("sjøltillit", "personlig_utvikling"),
    ("sjølstendig", "personlig_utvikling"),
    ("samhald", "sosial_inkludering"),
    ("koding", "nokkelkompetanser"),
    ("lære å kode", "nokkelkompetanser"),
])
def test_typos_and_nynorsk_spellings_are_still_read(answer_codes, answer, primary):
    assert answer_codes(answer)[0] == primary


def test_a_bokmal_word_keeps_its_lemma_and_nynorsk_words_their_bokmal_one():
    assert normalised_lemma("burger", "burger") == "burger"
    assert bokmal_of("burger") is None
    assert (bokmal_of("skule"), bokmal_of("sjøltillit"), bokmal_of("leiarskap")) == ("skole", "selvtillit", "lederskap")


@pytest.mark.parametrize("answer, primary", [
    # a misspelt language before a skill or knowledge is still the language: «englesk», «engelks» are «engelsk»
    ("engleskkunnskapar", "sprakferdigheter"),
    ("fransklkunnskaper", "sprakferdigheter"),
])
def test_a_misspelt_language_before_a_skill_is_the_language(answer_codes, answer, primary):
    assert answer_codes(answer)[0] == primary


@pytest.mark.parametrize("answer, primary", [
    ("engelskkunnskaper", "sprakferdigheter"),
    ("engelksferdigheiter", "sprakferdigheter"),  # read already through the typo of the whole word
    ("matkunnskap", "nokkelkompetanser"),  # a modifier of its own before «kunnskap»: knowledge
])
def test_a_modifier_spelt_right_is_read_as_before(answer_codes, answer, primary):
    assert answer_codes(answer)[0] == primary


@pytest.mark.parametrize("answer, primary", [
    # the typo is where the word is unknown: in the modifier before a skill or knowledge spelt right
    ("demokartikunnskap", "medborgerskap"),  # «demokrati», not knowledge
    ("kilmakunnskapar", "medborgerskap"),  # nynorsk: «klima»
    ("kilmaforståelse", "medborgerskap"),
    ("bærekarftbevissthet", "medborgerskap"),  # «bærekraft», not «kildebevissthet»
])
def test_a_misspelt_modifier_before_a_skill_decides(answer_codes, answer, primary):
    assert answer_codes(answer)[0] == primary


@pytest.mark.parametrize("answer, primary", [
    ("klimakunskap", "medborgerskap"),  # a typo in the head, as before
    ("mijøbevissthet", "medborgerskap"),
    ("demokratiforstålese", "medborgerskap"),
    ("historiekunnskap", "nokkelkompetanser"),  # spelt right
])
def test_typos_around_a_skill_head_are_read_as_before(answer_codes, answer, primary):
    assert answer_codes(answer)[0] == primary
