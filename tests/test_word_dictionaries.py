"""simplemma's dictionaries read from SQLite (qualcode.nlp.word_dictionaries): the same answers
as simplemma, a file made once and made again when it does not match, and no file needed."""

from __future__ import annotations

import random
import sqlite3

import pytest
import simplemma
from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy

from qualcode.nlp import word_dictionaries
from qualcode.nlp.word_dictionaries import SqliteDictionary, SqliteDictionaryFactory

WORDS = ["venner", "Venner", "VENNER", "mestringsopplevelser", "kulturforstålse", "samarbeidskultur",
         "Aha-opplevelser", "glosar", "fekk", "meistring", "sjølvkjensle", "xqzv", "IKT-ferdigheter", "engelks",
         "språkferdigheitene", "inkluderande", "Elevane", "utvekslinger"]
LANGS = ["nb", "nn", ("nb", "nn"), ("nn", "nb")]


def _sample(lang: str, n: int) -> list[str]:
    forms = sorted(simplemma.strategies.dictionaries.DefaultDictionaryFactory().get_dictionary(lang))
    picked = random.Random(17).sample(forms, n)
    # Known forms, the same capitalised, and unknown words made from them (typos, odd endings).
    return picked + [w.capitalize() for w in picked[:50]] + [w + "ene" for w in picked[:50]] + [w[1:] for w in picked[:50]]


@pytest.fixture(scope="module")
def factory(tmp_path_factory):
    return SqliteDictionaryFactory(tmp_path_factory.mktemp("cache"))


def test_lemmas_and_known_words_are_simplemmas(factory):
    lemmatizer = simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))
    lookup = DictionaryLookupStrategy(factory)
    words = WORDS + _sample("nb", 300) + _sample("nn", 200)
    for lang in LANGS:
        for word in words:
            codes = (lang,) if isinstance(lang, str) else lang
            assert lemmatizer.lemmatize(word, lang) == simplemma.lemmatize(word, lang=lang), (word, lang)
            known = any(lookup.get_lemma(word, code) is not None for code in codes)
            assert known == simplemma.is_known(word, lang=lang), (word, lang)
    assert isinstance(factory.get_dictionary("nb"), SqliteDictionary)
    assert factory.path("nb").is_file() and factory.path("nn").is_file()


def test_the_module_functions_answer_as_simplemma():
    for word in WORDS:
        for lang in LANGS:
            assert word_dictionaries.lemmatize(word, lang) == simplemma.lemmatize(word, lang=lang)
            assert word_dictionaries.is_known(word, lang) == simplemma.is_known(word, lang=lang)


def test_a_file_that_does_not_match_is_made_again(tmp_path):
    path = SqliteDictionaryFactory(tmp_path).path("nn")
    with sqlite3.connect(path) as db:  # a stale file: another simplemma version, a wrong lemma
        db.execute("CREATE TABLE words (form TEXT PRIMARY KEY, lemma TEXT NOT NULL)")
        db.execute("INSERT INTO words VALUES ('vener', 'feil')")
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.execute("INSERT INTO meta VALUES ('simplemma', '0.0'), ('entries', '1')")
    db.close()
    dictionary = SqliteDictionaryFactory(tmp_path).get_dictionary("nn")
    assert dictionary.get("vener") == simplemma.lemmatize("vener", lang="nn") != "feil"
    assert len(dictionary) > 50_000


def test_a_folder_that_cannot_be_written_falls_back_to_simplemmas_loading(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    factory = SqliteDictionaryFactory(blocked / "cache")
    dictionary = factory.get_dictionary("nn")
    assert not isinstance(dictionary, SqliteDictionary)
    assert dictionary.get("vener") == simplemma.lemmatize("vener", lang="nn")
