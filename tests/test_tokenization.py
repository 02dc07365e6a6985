"""Tokenization that follows the Norwegian Dependency Treebank, and the parse-cache format."""

from __future__ import annotations

import pytest

from qualcode.nlp.doccache import doc_from_bytes, doc_to_bytes, read_header


def words(nlp, text):
    return [t.text for t in nlp(text)]


def test_a_year_that_ends_a_sentence_loses_its_period(any_nlp):
    tokens = words(any_nlp, "Skolen ble med i Erasmus+ i 2006. Det var første gang.")
    assert tokens[:8] == ["Skolen", "ble", "med", "i", "Erasmus+", "i", "2006", "."]
    assert words(any_nlp, "Vi dro dit i 2019.")[-2:] == ["2019", "."]


def test_ordinals_inside_a_sentence_stay_whole(any_nlp):
    tokens = words(any_nlp, "Den 17. mai var elevene i 2. klasse på tur.")
    assert "17." in tokens and "2." in tokens and "mai" in tokens


def test_quote_before_hyphen_dialogue_dash_and_glued_ordinal(any_nlp):
    assert words(any_nlp, "Vi spilte «Guitar Hero»-spillet.")[4:7] == ["Hero", "»", "-spillet"]
    assert words(any_nlp, "-Det var fint, sa hun.")[:2] == ["-", "Det"]
    assert words(any_nlp, "Laget kom på 19.plass i år.")[3:5] == ["19.", "plass"]
    assert "www.udir.no" in words(any_nlp, "Les mer på www.udir.no i dag.")


def test_a_list_typed_with_semicolons_and_no_spaces_is_split(any_nlp):
    assert words(any_nlp, "språk;kultur;venner") == ["språk", ";", "kultur", ";", "venner"]
    assert words(any_nlp, "vener;meistring") == ["vener", ";", "meistring"]  # nynorsk
    assert words(any_nlp, "kl. 10;30") == ["kl.", "10;30"]  # not between digits


def test_a_sentence_final_year_ends_the_sentence(nlp):
    doc = nlp("Prosjektet startet i 2006. Elevene reiste til Spania.")
    assert [s.text for s in doc.sents] == ["Prosjektet startet i 2006.", "Elevene reiste til Spania."]


@pytest.mark.parametrize("text", [
    "Elevene fikk nye venner og bedre språkferdigheter.",
    "",
    "Ordet\x1fmed en skilletegn og\x1eet til.",  # separators inside a token fall back to JSON
])
def test_parse_cache_entries_round_trip(nlp, text):
    doc = nlp(text)
    data = doc_to_bytes(doc)
    header = read_header(data)
    assert header.words == [t.text for t in doc]
    assert header.lemmas == [t.lemma_ for t in doc]
    assert header.spaces == [bool(t.whitespace_) for t in doc]
    assert header.sent_starts == [bool(t.is_sent_start) for t in doc]
    back = doc_from_bytes(nlp.vocab, data)
    assert back.text == doc.text
    assert [(t.pos_, t.dep_, t.head.i, t.ent_type_) for t in back] == [(t.pos_, t.dep_, t.head.i, t.ent_type_) for t in doc]
