"""Round 18 (issue 15, nynorsk lemmas): the lemma a word cloud shows and merges on is the bokmål counterpart a reader
expects, or the nynorsk lemma itself, never another word. A rewrite whose linking s swallows a nynorsk head
(«partnar+skule» is no «partner+s+kul»), an adjective in -and read as a participle («framande»), a letter one
correspondence wrote and another rewrote («nøgd» → nøyd → nød) and a compound of bokmål words rewritten into
another («klimastreik» → klimastrek). Real pipeline, bokmål and nynorsk, and a survey through the CLI."""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest

from qualcode.analysis.words import file_words
from qualcode.tagging import load_codebook
from qualcode.tagging.lexicon import normalised_lemma
from qualcode.wordcloud import count_words
from tests.conftest import ROOT

ELEV = load_codebook(ROOT / "codebooks" / "elevutbytte.yaml")


def lemma_in(nlp, text: str, word: str) -> str:
    token = next(t for t in nlp(text) if t.text.lower() == word.lower())
    return normalised_lemma(token.text, token.lemma_)


@pytest.mark.parametrize(("text", "word", "lemma"), [
    # the linking s of a rewrite is the first letter of the nynorsk head «skule»
    ("Elevane våre fekk besøkje partnarskulen i Portugal.", "partnarskulen", "partnerskole"),
    ("Me har hatt god kontakt med partnarskulane heile året.", "partnarskulane", "partnerskole"),
    ("Partnarskulen", "Partnarskulen", "partnerskole"),
    # an adjective in -and inflected, not a present participle: bokmål «fremmed»
    ("Dei lærte mykje om framande kulturar.", "framande", "fremmed"),
    ("Framande språk", "Framande", "fremmed"),
    # «nøgd» is satisfied (bokmål «fornøyd»), not «nød» (distress)
    ("Elevane var svært nøgde med turen.", "nøgde", "fornøyd"),
    ("nøgd", "nøgd", "fornøyd"),
    # a compound of bokmål words is kept: «klima+streik», not «klimastrek»
    ("Nokre av elevane deltok i ein klimastreik.", "klimastreik", "klimastreik"),
    # the same in bokmål: the bokmål word was rewritten too
    ("Mange elever deltok i en klimastreik.", "klimastreik", "klimastreik"),
])
def test_a_nynorsk_word_takes_its_own_bokmal_lemma(nlp, text, word, lemma):
    assert lemma_in(nlp, text, word) == lemma


@pytest.mark.parametrize(("text", "word", "lemma"), [
    # what must stay: the bokmål words, nynorsk compounds and participles that were right
    ("Elevene besøkte partnerskolen i Portugal.", "partnerskolen", "partnerskole"),
    ("Vi lærte mye om fremmede kulturer.", "fremmede", "fremmed"),
    ("Elevene var svært fornøyde med turen.", "fornøyde", "fornøyd"),
    ("Vertsskulen tok godt imot oss.", "Vertsskulen", "vertsskole"),
    ("Det var ei krevjande veke.", "krevjande", "krevende"),
    ("Skulen er inkluderande.", "inkluderande", "inkluderende"),
    ("Skulemiljøet vart betre.", "Skulemiljøet", "skolemiljø"),
])
def test_what_was_right_stays(nlp, text, word, lemma):
    assert lemma_in(nlp, text, word) == lemma


# Written form → how many respondents wrote it: nynorsk and bokmål forms of one word.
KNOWN = {"partnerskolen": 4, "partnarskulen": 3, "Partnarskulen": 1, "nøgd": 2, "fornøyd": 3, "framande": 2,
         "fremmed": 1, "klimastreik": 2}


@pytest.fixture(scope="module")
def survey(tmp_path_factory):
    cells = [form for form, n in KNOWN.items() for _ in range(n)]
    lines = ["id;ord1"] + [f"R{i + 1};{cell}" for i, cell in enumerate(cells)]
    path = tmp_path_factory.mktemp("lemmas") / "svar.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_cloud_merges_the_nynorsk_and_bokmal_forms(survey, nlp):
    counts = {w.lemma: w for w in count_words(file_words(survey, ["ord1"], ELEV, nlp=nlp).entries, ELEV)}
    assert counts["partnerskole"].respondents == 8 and counts["partnerskole"].word == "partnerskolen"
    assert dict(counts["partnerskole"].variants) == {"partnerskolen": 4, "partnarskulen": 3, "Partnarskulen": 1}
    assert counts["fornøyd"].respondents == 5 and counts["fremmed"].respondents == 3
    assert counts["klimastreik"].respondents == 2
    assert not {"partnerskul", "nød", "fremende", "klimastrek"} & set(counts)


def test_the_cli_table_shows_the_merge(survey, tmp_path):
    table = tmp_path / "sky.csv"
    result = subprocess.run([sys.executable, "-m", "qualcode", "wordcloud", "--survey", str(survey),
                             "--columns", "ord1", "--codebook", str(ROOT / "codebooks/elevutbytte.yaml"),
                             "--out", str(tmp_path / "sky.svg"), "--table", str(table)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    with open(table, encoding="utf-8-sig") as handle:
        rows = {r["lemma"]: r for r in csv.DictReader(handle)}
    assert rows["partnerskole"]["respondents"] == "8"
    assert rows["partnerskole"]["variants"] == "partnerskolen (4); partnarskulen (3); Partnarskulen (1)"
    assert rows["fornøyd"]["variants"] == "fornøyd (3); nøgd (2)"
