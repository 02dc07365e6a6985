"""Round 18 (issue 15, nynorsk): a typo of a nynorsk word that only the correspondences name, the closed class
of nynorsk function words that a codebook's bokmål token patterns and the lexicon read, and «dugleik» read as
«ferdighet». Real pipeline, the shipped codebooks (and one small codebook written in bokmål only, as an analyst
would), bokmål and nynorsk."""

from __future__ import annotations

import pytest

from qualcode.tagging import codebook_pipeline, parse_codebook
from qualcode.tagging.lexicon import normalised_lemma
from qualcode.tagging.nynorsk import with_nynorsk_forms


@pytest.mark.parametrize(("answer", "category"), [
    # «tilhøyrsle» and «trivnad» are nynorsk words the nynorsk treebank lacks; the correspondences name them
    # (tilhøyrsle → tilhørighet, trivnad → trivsel), so a typo of one is read as the word
    ("tilhøyrlse", "sosial_inkludering"),
    ("tilhyørsle", "sosial_inkludering"),
    ("trivnda", "personlig_utvikling"),
])
def test_a_typo_of_a_nynorsk_word_the_correspondences_name(answer_codes, answer, category):
    assert answer_codes(answer)[0] == category


@pytest.mark.parametrize(("answer", "category"), [
    # what must stay: the words spelt right, in both standards, and a bokmål typo of the bokmål word
    ("tilhøyrsle", "sosial_inkludering"),
    ("tilhørighet", "sosial_inkludering"),
    ("tilhørigeht", "sosial_inkludering"),
    ("trivnad", "personlig_utvikling"),
    ("trivsel", "personlig_utvikling"),
])
def test_the_words_themselves_stay_coded(answer_codes, answer, category):
    assert answer_codes(answer)[0] == category


def test_a_word_of_its_own_is_no_typo_of_a_named_nynorsk_word(answer_codes):
    # «tilhører» (belongs to) is a word, not «tilhøyrsel» misspelt
    assert answer_codes("det tilhører skolen") == (None, set())


# A codebook an analyst writes in bokmål alone: its token pattern names the bokmål pronoun and auxiliary.
BOKMAL_ONLY = parse_codebook("""
id: klasse
name: Klassemiljø
categories:
  - id: fellesskap
    label: Fellesskap
    color: "#2166AC"
    patterns:
      - pattern: [{LOWER: vi}, {LOWER: {IN: [ble, har]}}, {LOWER: {IN: [vært, blitt]}, OP: "?"}, {LEMMA: {IN: [god, nær]}}, {LEMMA: venn}]
  - id: lek
    label: Lek
    color: "#D7301F"
    patterns:
      - pattern: [{LEMMA: leke}, {LOWER: ute}]
""")


@pytest.fixture(scope="module")
def klasse(nlp):
    pipeline = codebook_pipeline(BOKMAL_ONLY)
    return lambda text: set(pipeline(text)._.qc_scores or {})


@pytest.mark.parametrize(("text", "coded"), [
    ("Etter turen ble vi gode venner med dem.", False),  # the pattern's order, not this one
    ("På turen ble vi kjent, og vi ble gode venner.", True),
    ("På turen vart me kjende, og me vart gode vener.", True),  # «me vart» is «vi ble»
    ("Me har vore gode vener sidan barneskulen.", True),  # «vore» is «vært»
    ("Dei vart gode vener, men me vart det ikkje.", False),  # «dei», not «vi»
])
def test_a_bokmal_pattern_reads_the_nynorsk_function_words(klasse, text, coded):
    assert bool(klasse(text)) is coded


@pytest.mark.parametrize("text", ["Barna leker ute hele dagen.", "Borna leikar ute heile dagen.", "Borna leikte ute heile dagen."])
def test_a_bokmal_lemma_pattern_reads_the_nynorsk_verb_leike(klasse, text):
    # «leike» is bokmål «leke» (play), not «hete» (be called): «-leik» is a suffix only inside a word
    assert klasse(text) == {"lek"}


def test_the_pattern_itself_names_the_nynorsk_forms():
    pattern = with_nynorsk_forms([{"LOWER": "vi"}, {"LOWER": {"IN": ["ble", "tar"]}}, {"LOWER": {"NOT_IN": ["et"]}}])
    assert pattern == [{"LOWER": {"IN": ["vi", "me"]}}, {"LOWER": {"IN": ["ble", "tar", "blei", "vart", "tek"]}},
                       {"LOWER": {"NOT_IN": ["et", "eit"]}}]


@pytest.mark.parametrize(("word", "lemma", "bokmal"), [
    ("me", "me", "vi"),
    ("hennar", "hennar", "hennes"),
    ("deira", "deira", "deres"),  # not «dere»
    ("sidan", "sidan", "siden"),
    ("medan", "medan", "mens"),
    ("då", "då", "da"),
    ("elles", "elles", "ellers"),  # not «elle»
    # bokmål stays
    ("vi", "vi", "vi"),
    ("deres", "deres", "deres"),
    ("siden", "siden", "siden"),
])
def test_the_lemma_of_a_nynorsk_function_word(word, lemma, bokmal):
    assert normalised_lemma(word, lemma) == bokmal


@pytest.mark.parametrize(("sentence", "word", "bokmal"), [
    ("Borna leikte i skogen heile dagen.", "leikte", "leke"),
    ("Ho fortalde om leikeglede i barnehagen.", "leikeglede", "lekeglede"),
    # the suffix «-leik» is still bokmål «-het»/«-lighet»
    ("Dei snakka om tryggleik i klassen.", "tryggleik", "trygghet"),
    ("Det handla om kjærleik og venskap.", "kjærleik", "kjærlighet"),
    ("Storleiken på gruppa var passe.", "Storleiken", "storhet"),
])
def test_leik_at_the_start_of_a_word_is_play(nlp, sentence, word, bokmal):
    token = next(t for t in nlp(sentence) if t.text == word)
    assert normalised_lemma(token.text, token.lemma_) == bokmal


@pytest.mark.parametrize(("answer", "primary", "codes"), [
    # nynorsk «dugleik» is bokmål «ferdighet»: a language or a subject before it decides, as before «-ferdigheter»
    ("italienskdugleik", "sprakferdigheter", {"sprakferdigheter"}),
    ("betre spanskdugleik", "sprakferdigheter", {"sprakferdigheter"}),
    ("lesedugleik", "sprakferdigheter", {"sprakferdigheter"}),
    ("presentasjonsdugleik", "nokkelkompetanser", {"nokkelkompetanser"}),
    ("problemløysingsdugleik", "nokkelkompetanser", {"nokkelkompetanser"}),
    # the bokmål counterparts read the same
    ("italienskferdigheter", "sprakferdigheter", {"sprakferdigheter"}),
    ("presentasjonsferdigheter", "nokkelkompetanser", {"nokkelkompetanser"}),
])
def test_a_skill_said_with_nynorsk_dugleik_is_the_skill_of_its_modifier(answer_codes, answer, primary, codes):
    assert answer_codes(answer) == (primary, codes)


@pytest.mark.parametrize(("nynorsk", "bokmal"), [
    ("dugleik", "ferdighet"), ("dugleikar", "ferdigheter"), ("praktiske dugleikar", "praktiske ferdigheter"),
    ("digitale dugleikar", "digitale ferdigheter"),
])
def test_dugleik_reads_as_ferdighet(answer_codes, nynorsk, bokmal):
    assert answer_codes(nynorsk) == answer_codes(bokmal)
    assert answer_codes(nynorsk)[0] == "nokkelkompetanser"
