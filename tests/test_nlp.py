"""The Norwegian NLP layer on real Norwegian sentences: lemmas, compounds, stop words."""

from __future__ import annotations

import pytest

from qualcode.nlp import is_noise_answer, load_pipeline, pipeline_info, split_compound
from qualcode.nlp.pipeline import FALLBACK_NAME, PipelineNotFound


def lemmas(nlp, text):
    return {t.text: t.lemma_.lower() for t in nlp(text)}


def test_issue_sentence_lemmas_and_parts(any_nlp):
    doc = any_nlp("Elevene fikk nye venner og bedre språkferdigheter")
    got = {t.text: (t.lemma_.lower(), t._.parts) for t in doc}
    assert [got[w][0] for w in ("Elevene", "fikk", "nye", "venner", "bedre", "språkferdigheter")] == [
        "elev", "få", "ny", "venn", "god", "språkferdighet"]
    assert got["språkferdigheter"][1] == ["språk", "ferdighet"]
    assert got["venner"][1] == ["venn"]


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        ("Lærerne reiste til Spania med elevene sine.", "Lærerne", "lærer"),
        ("Vi har hatt mange utvekslinger de siste årene.", "utvekslinger", "utveksling"),
        ("Skolene samarbeidet godt om prosjektene.", "prosjektene", "prosjekt"),
        ("Hun snakket engelsk hele uka.", "snakket", "snakke"),
        ("De beste elevene fikk størst utbytte.", "størst", "stor"),
        ("Det ga bedre forståelse for andre kulturer.", "kulturer", "kultur"),
    ],
)
def test_inflected_forms_get_their_lemma(any_nlp, text, word, lemma):
    assert lemmas(any_nlp, text)[word] == lemma


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("engelskkunnskaper", ["engelsk", "kunnskap"]),
        ("klimabevisstheten", ["klima", "bevissthet"]),
        ("vennskapsbånd", ["vennskap", "bånd"]),
        ("språkbarrierer", ["språk", "barriere"]),
        ("mestringsfølelse", ["mestring", "følelse"]),
        ("fremmedspråk", ["fremmed", "språk"]),
        ("kulturforståelse", ["kultur", "forståelse"]),
        ("skoleutviklingen", ["skole", "utvikling"]),
        # a head that would itself split into a three-way split nobody accepts (eng + elsk)
        ("byggengelsk", ["bygg", "engelsk"]),
        ("kokkeengelsk", ["kokk", "engelsk"]),
    ],
)
def test_compounds_split_into_lemma_parts(any_nlp, word, parts):
    doc = any_nlp(f"Elevene nevnte {word} flere ganger.")
    assert doc[2]._.parts == parts


@pytest.mark.parametrize("word", ["vennskap", "medborgerskap", "undervisning", "kunnskap", "samarbeid", "elev"])
def test_words_that_are_not_compounds_stay_whole(word):
    assert split_compound(word) == (word,)


@pytest.mark.parametrize(
    ("text", "word", "lemma", "parts"),
    [
        # nynorsk: -ar plural, -ane definite plural
        ("Elevane fekk betre språkkunnskapar.", "språkkunnskapar", "språkkunnskap", ["språk", "kunnskap"]),
        ("Elevane fekk betre språkkunnskapar.", "Elevane", "elev", ["elev"]),
        ("Vi har lært mykje om klimaendringar.", "klimaendringar", "klimaendring", ["klima", "endring"]),
    ],
)
def test_nynorsk_variants(blank_nlp, text, word, lemma, parts):
    token = next(t for t in blank_nlp(text) if t.text == word)
    assert token.lemma_.lower() == lemma
    assert token._.parts == parts


def test_stop_words_are_for_interviews_not_news(any_nlp):
    doc = any_nlp("Altså, det var liksom sånn egentlig veldig viktig for lederen i Norge og skolen.")
    stop = {t.text.lower() for t in doc if t.is_stop}
    assert {"altså", "liksom", "sånn", "egentlig", "det", "var", "og", "i", "for"} <= stop
    assert not stop & {"viktig", "lederen", "norge", "skolen"}


@pytest.mark.parametrize("answer", ["Vet ikke", " vet ikke. ", "-", "?", "mye", "Bra", "...", "ingen"])
def test_survey_noise_is_recognised(answer):
    assert is_noise_answer(answer)


@pytest.mark.parametrize("answer", ["engelsk", "nye venner", "Bedre språk", "mestring"])
def test_real_answers_are_not_noise(answer):
    assert not is_noise_answer(answer)


def test_sentences_are_split(any_nlp):
    doc = any_nlp("Vi dro til Polen i mai. Elevene bodde hos vertsfamilier! Var det nyttig? Ja.")
    assert len(list(doc.sents)) == 4


def test_fallback_says_why():
    nlp = load_pipeline(FALLBACK_NAME)
    info = pipeline_info(nlp)
    assert info.kind == "explicit"
    assert "qualcode_lemmatizer" in info.components
    assert info.fingerprint.startswith(FALLBACK_NAME)


def test_unknown_pipeline_is_a_clear_error():
    with pytest.raises(PipelineNotFound, match="nb_core_news_xl.*not installed"):
        load_pipeline("nb_core_news_xl")


@pytest.mark.parametrize(
    ("text", "standard"),
    [
        ("Elevane fekk nye vener", "nn"),
        ("Eg trur ikkje at dei lærte så mykje engelsk.", "nn"),
        ("Elevene fikk nye venner", "nb"),
        ("Jeg tror ikke at de lærte så mye engelsk.", "nb"),
        ("Ja, det stemmer.", "nb"),  # nothing tells the standards apart: bokmål, which changes nothing
    ],
)
def test_written_standard_is_detected(any_nlp, text, standard):
    assert any_nlp(text)._.standard == standard


def test_nynorsk_sentence_gets_nynorsk_lemmas(any_nlp):
    assert [t.lemma_ for t in any_nlp("Elevane fekk nye vener")] == ["elev", "få", "ny", "ven"]
    # ... and the bokmål sentence keeps its bokmål lemmas
    assert [t.lemma_ for t in any_nlp("Elevene fikk nye venner")] == ["elev", "få", "ny", "venn"]


@pytest.mark.parametrize(
    ("text", "word", "pos"),
    [
        # a passive participle is an adjective in nynorsk (NDT, UD nynorsk) and a verb in bokmål
        ("Skulen vart stengd i heile veke fordi det var for kaldt.", "stengd", "ADJ"),
        ("Rapporten blir levert i mai av koordinatoren.", "levert", "VERB"),  # 0.3.0 alone: ADJ
        ("Elevene har lært mye engelsk.", "lært", "VERB"),  # after «ha» a verb in both
    ],
)
def test_participles_follow_the_convention_of_the_texts_standard(nlp, text, word, pos):
    doc = nlp(text)
    if "morphologizer" not in nlp.pipe_names:
        pytest.skip("the convention applies to a pipeline that tags parts of speech")
    assert next(t.pos_ for t in doc if t.text == word) == pos


@pytest.mark.parametrize(
    ("text", "names", "pos"),
    [
        # UD nynorsk writes the names the Oslo-Bergen lexicon lists as NOUN, UD bokmål as PROPN
        ("Solveig og Kristian var ikkje på Stortinget i går.", ["Solveig", "Kristian", "Stortinget"], "NOUN"),
        ("Solveig og Kristian var ikke på Stortinget i går.", ["Solveig", "Kristian", "Stortinget"], "PROPN"),
        ("Eg trur ikkje at EU vil gje pengar til skulen.", ["EU"], "NOUN"),
        ("Jeg tror ikke at EU vil gi penger til skolen.", ["EU"], "PROPN"),
        # a name the lexicon lacks stays PROPN in nynorsk too
        ("Elevane frå Bergen har ikkje vore i Spania før.", ["Bergen", "Spania"], "PROPN"),
    ],
)
def test_proper_nouns_follow_the_convention_of_the_texts_standard(nlp, text, names, pos):
    if "morphologizer" not in nlp.pipe_names:
        pytest.skip("the convention applies to a pipeline that tags parts of speech")
    doc = nlp(text)
    assert [t.pos_ for t in doc if t.text in names] == [pos] * len(names)


@pytest.mark.parametrize(
    ("text", "pos"),
    [
        # «ha» with a participle is the perfect auxiliary, even with a long adverbial between ...
        ("Lærerne har ved flere anledninger skrevet om prosjektet.", "AUX"),
        ("De har blant annet lovet mer tid til elevene.", "AUX"),
        ("Dei har mellom anna lova meir tid til elevane, men ikkje meir pengar.", "AUX"),
        # ... and without one the verb of possession
        ("Samtidig har man jo også andre behov.", "VERB"),
        ("Samstundes har ein jo òg andre behov, og dei er ikkje små.", "VERB"),
    ],
)
def test_auxiliary_or_main_verb_follows_the_parse(nlp, text, pos):
    if "parser" not in nlp.pipe_names:
        pytest.skip("the rule reads the dependency parse")
    assert next(t.pos_ for t in nlp(text) if t.text == "har") == pos


@pytest.mark.parametrize(
    ("text", "pos"),
    [
        # «som» before a comparison is a preposition, «som» opening a relative clause a pronoun
        ("I Bergen, som i resten av landet, trenger skolene flere lærere.", "ADP"),
        ("I Bergen, som i resten av landet, treng skulane fleire lærarar.", "ADP"),
        ("Vi har partnarskular i land som Spania og Italia, og dei er ikkje små.", "ADP"),
        ("Lærerne fikk spørsmål som elevene vanligvis ikke stiller.", "PRON"),
        ("Lærarane fekk spørsmål som elevane vanlegvis ikkje stiller.", "PRON"),
    ],
)
def test_som_is_a_preposition_or_a_relative_pronoun(nlp, text, pos):
    if "parser" not in nlp.pipe_names:
        pytest.skip("the rule reads the dependency parse")
    assert next(t.pos_ for t in nlp(text) if t.lower_ == "som") == pos


@pytest.mark.parametrize(
    ("text", "word", "pos"),
    [
        # a preposition before an interrogative clause is ADP (UD case) ...
        ("Spørsmålet om hvem som skal reise, er ikke avklart.", "om", "ADP"),
        ("Debatten om kva skulen skal vere, er viktig.", "om", "ADP"),
        # ... before an «at»-clause or an infinitive it is SCONJ (UD mark)
        ("Grunnen til at elevene reiste, var språket.", "til", "SCONJ"),
        ("Vi søkte for å få meir pengar, men fekk ikkje.", "for", "SCONJ"),
    ],
)
def test_preposition_before_a_clause_follows_ud(nlp, text, word, pos):
    if "parser" not in nlp.pipe_names:
        pytest.skip("the rule reads the dependency parse")
    assert next(t.pos_ for t in nlp(text) if t.lower_ == word) == pos


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        # words both standards write alike have a lemma in each: the text's standard decides
        ("Det er viktig at elevane ikkje er åleine.", "er", "vere"),
        ("Det er viktig at elevene ikke er alene.", "er", "være"),
        ("Dei andre skulane vil vere med.", "andre", "annan"),
        ("De andre skolene vil være med.", "andre", "annen"),
    ],
)
def test_shared_words_get_their_standards_lemma(nlp, text, word, lemma):
    assert lemmas(nlp, text)[word] == lemma
