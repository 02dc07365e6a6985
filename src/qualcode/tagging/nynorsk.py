"""Nynorsk → bokmål: the bokmål lemma and forms of a nynorsk word, so that a codebook written in
bokmål reaches nynorsk answers and sentences without listing nynorsk words.

The two written standards of Norwegian differ in regular ways: spelling correspondences
(sjølv/selv, -heit/-het, -leg/-lig, kj/k, saman/sammen, -ast/-es …), inflectional endings
(-ar/-er, -ane/-ene, past tense -a/-et) and a closed class of function words (ikkje, vere, frå …).
:func:`bokmal_of` rewrites a nynorsk lemma with one, two or three correspondences and keeps the
result only when it is a bokmål lemma the lexicon knows; :func:`bokmal_forms` does the same for a
word form, for phrases that a codebook writes with inflected bokmål forms. The correspondences
were checked against an independent nynorsk → bokmål dictionary (Apertium nno-nob, at
development time only; nothing of it is shipped): of the NDT nynorsk lemmas that the dictionary
translates to another word, 1,258 of 1,798 get the dictionary's bokmål lemma (811 before issue 15's
round 7 added most of the correspondences).

A word the bokmål treebank also has is left alone («mat», «ting»), unless bokmål writes it rarely
and nynorsk often (:func:`nynorsk_homograph`: «skule», «sjukdom», «veg»).

>>> bokmal_of("sjølvkjensle"), bokmal_of("leiarskap"), bokmal_of("mat")
('selvfølelse', 'lederskap', None)
>>> bokmal_forms("skulen", "skole")
('skolen',)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from qualcode.nlp import word_dictionaries
from qualcode.nlp.compounds import NOT_A_HEAD, NOT_A_MODIFIER, lemma_frequencies, split_compound
from qualcode.nlp.lemmatizer import (is_known_lemma, is_known_word, ndt_form_lemmas, noun_lemmas,
                                     nynorsk_lemma_frequencies)
from qualcode.nlp.standard import NYNORSK
from qualcode.tagging.fuzzy import FuzzyIndex, damerau_levenshtein

# Regular nynorsk → bokmål correspondences, tried one or two at a time anywhere in a word.
NYNORSK_TO_BOKMAL = (
    ("sjølv", "selv"), ("kjensle", "følelse"), ("medvit", "bevissthet"), ("framand", "fremmed"),
    ("leiar", "leder"), ("mogleg", "mulig"), ("tru", "tro"), ("skule", "skole"), ("veke", "uke"), ("skugg", "skygg"),
    # «-leik» is a suffix («tryggleik», «kjærleik»); at a word's start it is «leik», bokmål «lek» («leike» is «leke»,
    # not «hete»): «-» marks a correspondence that never starts a word
    ("heit", "het"), ("-leik", "het"), ("eig", "eg"), ("leg", "lig"), ("ing", "else"), ("ing", "ning"),
    ("ei", "e"), ("au", "ø"), ("øy", "ø"), ("ald", "old"), ("bere", "bære"), ("ar", "er"), ("ane", "ene"),
    ("kv", "hv"), ("fram", "frem"), ("ven", "venn"), ("mn", "vn"), ("ande", "ende"), ("kjelde", "kilde"),
    ("fridom", "frihet"), ("trivnad", "trivsel"), ("røynsle", "erfaring"), ("tilhøyrsle", "tilhørighet"),
    ("nyfiken", "nysgjerrig"), ("skild", "skilt"), ("vekse", "vokse"), ("verda", "verden"), ("sjå", "se"),
    ("open", "åpen"), ("fleir", "fler"), ("attvinning", "gjenvinning"), ("verknad", "virkning"), ("røyst", "stemme"),
    ("likskap", "likhet"), ("legheit", "lighet"), ("borgar", "borger"),
    ("gje", "ge"), ("kje", "ke"), ("frå", "fra"), ("mykje", "mye"), ("dugleik", "ferdighet"), ("haldning", "holdning"),
    ("sjøl", "selv"), ("vaks", "voks"), ("rettferd", "rettferdighet"), ("verds", "verdens"), ("grøn", "grønn"),
    ("val", "valg"), ("rørsle", "bevegelse"), ("utan", "uten"), ("løysing", "løsning"),
    ("tilgjenge", "tilgjengelighet"),
    ("jamaldr", "jevnaldr"), ("forståing", "forståelse"), ("nykom", "nyankom"), ("heim", "hjem"), ("røyn", "erfar"),
    ("røyste", "stemme"), ("kom", "komm"), ("teikn", "tegn"), ("sysken", "søsken"), ("skilnad", "forskjell"),
    ("slepp", "slipp"),
    # round 10: nynorsk nouns of growth and maturity («mognadsprosess», «vokstervilkår»)
    ("mognad", "modenhet"), ("vokster", "vekst"),
    # Correspondences checked against an independent nynorsk → bokmål dictionary (Apertium nno-nob,
    # used at development time only): each rule turns many nynorsk lemmas into their bokmål lemma.
    ("ast$", "es"),  # s-verbs: trivast, lykkast, møtast → trives, lykkes, møtes
    ("a$", "et"),  # weak verbs' participles: målretta, forvirra → målrettet, forvirret
    ("tje", "tte"), ("lje", "lle"), ("lje", "lge"), ("vje", "ve"),
    ("rje", "rre"),  # setje, fortelje, velje, krevje, spørje
    # «nøgd» is bokmål «fornøyd» (the prefix only in «fornøgd»)
    ("gjer", "gjør"), ("køy", "kjø"), ("høg", "høy"), ("øgd", "øyd"), ("nøgd$", "fornøyd"), ("sjuk", "syk"), ("djup", "dyp"),
    ("saman", "sammen"), ("verk", "virk"), ("semd", "somhet"), ("leiing", "ledelse"), ("spel", "spill"),
    ("betr", "bedr"), ("bod", "bud"), ("tene", "tjene"), ("eigar", "eier"), ("eige", "eie"), ("heime", "hjemme"),
    ("vatn", "vann"), ("vass", "vann"), ("vass", "vanns"), ("hovud", "hoved"), ("gåve", "gave"), ("sam$", "som"), ("samt$", "somt"),
    ("opn", "åpn"), ("tolmod", "tålmod"), ("tole$", "tåle"), ("skot", "skudd"), ("brot", "brudd"), ("tal", "tall"),
    ("ong", "ang"),
    ("aug", "øy"), ("jamn", "jevn"), ("strøym", "strøm"), ("drøym", "drøm"), ("føre", "fore"), ("rekn", "regn"),
    ("kopl", "kobl"), ("vidare", "videre"), ("mogen", "moden"), ("mogn", "modn"), ("viljug", "villig"),
    ("gløym", "glem"), ("gløym", "glemm"), ("veg", "vei"), ("stad", "sted"), ("fyrst", "først"), ("att", "gjen"),
    ("åleine", "alene"), ("gøyal", "gøy"), ("morosam", "morsom"), ("munnleg", "muntlig"), ("låg", "lav"),
    ("legdom", "lighet"), ("-leik", "lighet"), ("omsyn", "hensyn"), ("krins", "krets"), ("bilete", "bilde"),
    ("bru", "bro"),
    ("marknad", "marked"), ("flaum", "flom"), ("ê", "æ"), ("byte", "bytte"), ("klede", "klær"), ("mming", "mning"),
    ("vald", "valgt"), ("annleis", "annerledes"), ("veng", "ving"), ("opphavleg", "opprinnelig"),
    ("opphav", "opprinnelse"),
    ("løyse", "løshet"), ("vit$", "vett"), ("tilhøyrsel", "tilhørighet"), ("aldra$", "aldrende"), ("flyge$", "fly"),
    ("bu", "bo"), ("høyr", "hør"), ("kjend", "kjent"), ("hugs", "husk"), ("vitskap", "vitenskap"),
    ("mogeleg", "mulig"), ("naudsynt", "nødvendig"), ("byrj", "begynn"), ("avgjerd", "avgjørelse"), ("samd", "enig"),
    ("semje", "enighet"), ("merksemd", "oppmerksomhet"), ("merksam", "oppmerksom"), ("heilskap", "helhet"),
    ("vitj", "besøk"), ("handsam", "behandl"), ("omgrep", "begrep"), ("førebu", "forbered"), ("lukka", "lykket"),
    ("sjølvstende", "selvstendighet"), ("sjølstende", "selvstendighet"), ("innverknad", "innflytelse"),
    ("fråvær", "fravær"), ("tilhøve", "forhold"), ("telj", "tell"),
    ("gammal", "gammel"), ("gut", "gutt"), ("gjev", "giv"), ("skode", "skue"), ("nøydd", "nødt"),
    ("einskild", "enkelt"),
    # round 11: «lukkast», «lukkeleg», «ulukke» (bokmål lykkes, lykkelig, ulykke; «lukke» itself is also
    # bokmål's «close» and stays); verbal nouns of verbs in -sse («tilpassing», bokmål «tilpasning»)
    ("lukk", "lykk"), ("ssing", "sning"),
    # a-infinitives and feminine definite -a («kasta», «sitja», «sida»): the e-form the treebank writes
    ("a$", "e"), ("ja$", "je"),
    # round 14 (checked against the NDT nynorsk lemmas with Apertium nno-nob): the verbs of «straum» and «draum»
    # double their m in bokmål («strøyme», «drøyme», «gjennomstrøyming» → strømme, drømme, gjennomstrømming; the
    # nouns keep one: strøm, drøm); «eining» → enhet («måleeining»); «likn» → lign («liknande», «samanlikning»);
    # an adjective of a noun in -skap is -skapelig in bokmål («vitskapleg» → vitenskapelig, not «vitenskaplig»)
    ("strøyme", "strømme"), ("drøyme", "drømme"), ("strøyming", "strømming"), ("eining", "enhet"), ("likn", "lign"),
    ("skapleg", "skapelig"),
    # word families and lexical pairs of the dictionary: «hand» → hånd before a compound's next part or a verb's
    # ending («handverk», «handtere», «handball»; not «handel», «handle», «handling», words of their own), «bilet» → bilde in
    # a compound («biletkort»), «gong» → gang («eingongsplast»), «løyve» → tillatelse («opphaldsløyve»),
    # «velgjerd» → veldedighet, «fråsegn» → uttalelse («høyringsfråsegn»)
    ("handv", "håndv"), ("handt", "håndt"), ("handf", "håndf"), ("handb", "håndb"), ("handg", "håndg"),
    ("handa", "hånda"), ("bilet", "bilde"), ("gong", "gang"), ("løyve", "tillatelse"), ("velgjerd", "veldedighet"),
    ("velgjerande", "veldedig"), ("fråsegn", "uttalelse"),
    # round 17: «-høyrsle» is bokmål «-hørighet» in every compound («samhøyrsle», «tilhøyrsle»)
    ("høyrsle", "hørighet"),
    # round 19: nynorsk «line» is bokmål «linje» («på lik line», «tidsline»; bokmål «line» is a rope, rare), and «-hug» a
    # desire, bokmål «-lyst» («reisehug», «arbeidshug»; «hug» alone, the mind, is too short to be rewritten)
    ("line$", "linje"), ("hug$", "lyst"),
)
# Nynorsk function words and auxiliaries, a closed class: the lemma the pipeline gives their bokmål
# words, so that a codebook's phrase («få være med») reads the nynorsk one («fekk vere med»). Words
# with two bokmål readings («kvar»: hver/hvor, «kor») are left out, and so is «vert» (a host in
# bokmål; its lemma «verte» is here).
NYNORSK_FUNCTION_WORDS = {
    "vere": "være", "vore": "være", "verte": "bli", "vart": "bli", "blei": "bli", "ikkje": "ikke", "eg": "jeg",
    "ho": "hun", "dykk": "dere", "dykkar": "deres", "dei": "de", "kven": "hvem", "kva": "hva",
    "kvarandre": "hverandre", "ein": "en", "eit": "en", "eitt": "en", "nokon": "noen", "noko": "noe", "nokre": "noen",
    "desse": "disse", "kvart": "hver", "mykje": "mye", "frå": "fra", "utan": "uten", "berre": "bare", "òg": "også",
    "korleis": "hvordan", "kvifor": "hvorfor", "heile": "hel", "heilt": "hel", "saman": "sammen", "meir": "mye",
    "fleire": "mange", "hjå": "hos", "anten": "enten", "korkje": "verken", "inga": "ingen", "ingi": "ingen",
    "eigen": "egen", "eige": "egen", "eigne": "egen", "difor": "derfor", "framleis": "fremdeles", "seie": "si",
    "gje": "gi",
    "gjere": "gjøre", "kome": "komme", "kjem": "komme", "sjølv": "selv", "sjøl": "selv", "same": "samme",
    "annan": "annen", "anna": "annen", "andre": "annen",
    # the verb «bu» (bokmål «bo»: «dei bur langt frå skulen», «budde hjå ein vertsfamilie»), a lemma too short
    # for the correspondences (and its past «budde» is no «bud»)
    "bu": "bo",
    # round 14: «so» is nynorsk «så» («bur so langt unna», «so mykje»); bokmål has no word «so» in running text
    "so": "så",
    # round 18: the pronoun «me» (vi), the possessives «hennar», «deira» (the pipeline took «deira» for «dere») and
    # the conjunctions «sidan», «medan», «då», which the pipeline keeps as their own lemmas
    "me": "vi", "hennar": "hennes", "deira": "deres", "sidan": "siden", "medan": "mens", "då": "da",
    "elles": "ellers",  # not «elle»
    # round 19: an adverb of time the correspondences cannot make («samstundes» is bokmål «samtidig»)
    "samstundes": "samtidig",
}
# Nynorsk function words and the bokmål word of the same form (not the lemma: «fekk» is «fikk», «meir» is «mer»),
# for a codebook's token patterns, which read the written form: a pattern naming «så», «hos» or «ingen» reads
# «so», «hjå» and «inga» too (:func:`with_nynorsk_forms`).
NYNORSK_SAME_FORMS = {
    "ikkje": "ikke", "frå": "fra", "ifrå": "ifra", "utan": "uten", "berre": "bare", "òg": "også", "so": "så",
    "inga": "ingen", "ingi": "ingen", "nokon": "noen", "nokre": "noen", "noko": "noe", "hjå": "hos", "kva": "hva",
    "kven": "hvem", "korleis": "hvordan", "kvifor": "hvorfor", "mykje": "mye", "meir": "mer", "fleire": "flere",
    "eg": "jeg",
    "ho": "hun", "dei": "de", "desse": "disse", "kvarandre": "hverandre", "saman": "sammen", "difor": "derfor",
    "framleis": "fremdeles", "anten": "enten", "korkje": "verken", "heile": "hele", "heilt": "helt",
    "sjølv": "selv", "sjøl": "selv", "same": "samme", "vere": "være", "fekk": "fikk", "ein": "en", "eigen": "egen",
    "eigne": "egne", "dykk": "dere", "blei": "ble", "vorte": "blitt", "kome": "komme", "kjem": "kommer",
    "gjere": "gjøre", "seie": "si", "annan": "annen", "anna": "annet",
    # round 18: the rest of the closed class a pattern names in bokmål («vi», «ble», «vært», «tar», «et»): a pattern
    # written in bokmål alone reads «me vart», «hadde vore», «tek», «eit» (the shipped codebooks list these by hand)
    "me": "vi", "vart": "ble", "vore": "vært", "kunna": "kunnet", "tek": "tar", "teke": "tatt", "eit": "et",
    "eige": "eget", "gjekk": "gikk", "gjer": "gjør", "då": "da", "sidan": "siden", "medan": "mens",
    "dessutan": "dessuten", "deira": "deres", "dykkar": "deres", "hennar": "hennes", "elles": "ellers",
    # round 19: the a-infinitives of the auxiliaries and common verbs («alle kunne vera med», «for å seia det»; nynorsk
    # writes -a or -e, and a pattern that names «være» or «vere» missed «vera»), «sjå», the plural participle «tekne»
    # («blir tekne imot»), «fyrste» (første) and «samstundes» (samtidig)
    "vera": "være", "gjera": "gjøre", "koma": "komme", "seia": "si", "verta": "bli", "sjå": "se", "tekne": "tatt",
    "teken": "tatt", "fyrste": "første", "samstundes": "samtidig",
}


def with_nynorsk_forms(pattern: list[dict], lemmas_of: Callable[[str], Iterable[str]] | None = None) -> list[dict]:
    """A token pattern whose ``LOWER`` conditions also take the nynorsk forms of the bokmål function words they
    name (:data:`NYNORSK_SAME_FORMS`) and whose ``LEMMA`` conditions the nynorsk lemmas ``lemmas_of`` gives for
    the bokmål lemmas they name, ``IN`` and ``NOT_IN`` alike; the pattern itself when nothing is added.

    >>> with_nynorsk_forms([{"LOWER": "bor"}, {"LOWER": {"IN": ["så", "veldig"]}, "OP": "?"}])
    [{'LOWER': 'bor'}, {'LOWER': {'IN': ['så', 'veldig', 'so']}, 'OP': '?'}]
    """
    def same_forms(named: set[str]) -> list[str]:
        return [nn for nn, nb in NYNORSK_SAME_FORMS.items() if nb in named]

    def nynorsk_lemmas_named(named: set[str]) -> list[str]:
        return [nn for word in sorted(named) for nn in sorted(lemmas_of(word))] if lemmas_of else []

    result = []
    for spec in pattern:
        for attr, added in (("LOWER", same_forms), ("LEMMA", nynorsk_lemmas_named)):
            value = spec.get(attr)
            if isinstance(value, str):
                value = {"IN": [value]} if added({value.lower()}) else value
            if isinstance(value, dict):
                value = {op: _extended(words, added) if op in ("IN", "NOT_IN") and isinstance(words, list) else words
                         for op, words in value.items()}
                spec = {**spec, attr: value}
        result.append(spec)
    return result if result != pattern else pattern


def _extended(words: list, added: Callable[[set[str]], list[str]]) -> list:
    named = {str(w).lower() for w in words}
    return list(words) + [w for w in dict.fromkeys(added(named)) if w not in named]


# Inflectional endings of nynorsk and their bokmål counterparts (plural -ar/-ane, past tense and
# participle -a, s-verbs -ast), for the bokmål form of a nynorsk form: «elevane» → elevene.
NYNORSK_FORM_ENDINGS = (("arane$", "erne"), ("arar$", "ere"), ("ane$", "ene"), ("ar$", "er"), ("a$", "et"),
("a$", "en"),
                        ("ast$", "es"), ("de$", "et"), ("dd$", "dt"), ("d$", "t"), ("sett$", "satt"))
# Endings of nynorsk nouns, adjectives and verbs, for forms the treebank table does not have.
NYNORSK_ENDINGS = ("ane", "ene", "ar", "er", "a", "en", "et", "te", "de", "ast")
# Suffixes that make a word, not a compound: a head form must not start with one.
DERIVATIONAL = ("skap", "het", "heit", "else", "dom", "ing", "ning", "leik")

def nynorsk_form_lemmas() -> dict[str, str]:
    """The NDT nynorsk form → lemma table (the lemmatizer's: one table for parsing and tagging)."""
    return ndt_form_lemmas(NYNORSK)


@lru_cache(maxsize=1)
def nynorsk_lemmas() -> frozenset[str]:
    return frozenset(nynorsk_form_lemmas().values())


def is_bokmal_word(word: str) -> bool:
    """A word the bokmål treebank uses as a form or a lemma."""
    return word in lemma_frequencies() or word in ndt_form_lemmas()


# A word the bokmål treebank uses at most this often, and the nynorsk one more often, is a
# nynorsk word that bokmål also allows or writes for something else («skule», «sjukdom», «veg»).
RARE_IN_BOKMAL = 5


def nynorsk_homograph(word: str) -> bool:
    """A nynorsk lemma the bokmål treebank also has, but rarely: «skule» (1 in bokmål, 132 in
    nynorsk), «sjukdom», «stad». Its bokmål lemma («skole») is what a codebook lists."""
    bokmal = lemma_frequencies().get(word, 0)
    return bokmal <= RARE_IN_BOKMAL and nynorsk_lemma_frequencies().get(word, 0) > bokmal


def _bokmal_lemma(word: str, tier: int) -> bool:
    """Tier 0: a lemma of the bokmål treebank; 1: a lemma simplemma knows; 2: a compound of treebank lemmas."""
    if tier == 0:
        return word in lemma_frequencies() or ndt_form_lemmas().get(word) == word  # «hjem», an adverb
    if tier == 1:
        return is_known_lemma(word) and word_dictionaries.is_known(word, lang="nb")
    if word.endswith("het") and word[:-3] in lemma_frequencies():
        return True  # an adjective's quality («flerspråklighet»), however rare the noun
    parts = split_compound(word)
    # «flerspråklig+heit» is a suffix left in nynorsk, not a compound with «heit»
    # a part the bokmål treebank has only as a rare nynorsk loan («kjensle») is not a bokmål part
    return len(parts) > 1 and all(p in lemma_frequencies() and not (nynorsk_homograph(p) and bokmal_of(p))
                                  for p in parts) and parts[-1] not in DERIVATIONAL


def _misreads_compound(word: str, candidate: str, tier: int = 2) -> bool:
    """True if ``candidate``, a rewrite of ``word``, reads a compound's parts wrong. The correspondences rewrite
    letters anywhere, so a rewrite can give a compound the splitter reads that is not the word the writer meant.
    The candidate is refused when

    - a part of ``word`` that is a common bokmål lemma becomes a rarer one: «leiebuss» is no «leieboss» (nynorsk
      «boss», waste), while «framtidsdrøm» is «fremtidsdrøm» (any ``tier``);

    and, for a candidate only the splitter vouches for (``tier`` 2, an unlisted compound of treebank lemmas),

    - a linking s of the candidate is the first letter of a nynorsk head with a bokmål lemma: «partnerskul(e)» is
      partner + skule (skole), not partner + s + kul(e) (at the end, «s+kul» is «skule» with its -e cut off, as
      the lexicon does); the rewrite left the head in nynorsk, so the splitter found another;
    - ``word`` is a compound of bokmål words already (no such swallowed head) and the candidate has as many
      parts: the rewrite only turns one bokmål word into another («klima+streik» → klima+strek), where a nynorsk
      word split wrongly into bokmål ones is regrouped («delta+kar+avtale» is deltakar + avtale, deltakeravtale).

    >>> _misreads_compound("klimastreik", "klimastrek"), _misreads_compound("partnarskul", "partnerskul")
    (True, True)
    """
    def swallows_a_head(compound: str) -> bool:
        parts, pos = split_compound(compound), 0
        for part in parts:
            start = compound.find(part, pos)
            if start < 0:
                return False
            heads = ("s" + part, "s" + part + "e") if part == parts[-1] else ("s" + part,)
            if compound[pos:start] == "s" and pos and any(w in nynorsk_lemmas() and bokmal_of(w) for w in heads):
                return True
            pos = start + len(part)
        return False

    parts, new = split_compound(word), split_compound(candidate)
    frequency = lemma_frequencies()
    if len(parts) > 1 and len(parts) == len(new) and any(
            a != b and frequency.get(a, 0) > RARE_IN_BOKMAL and frequency.get(a, 0) > frequency.get(b, 0)
            for a, b in zip(parts, new)):
        return True
    if tier < 2:
        return False
    return swallows_a_head(candidate) or (len(parts) > 1 and len(new) == len(parts) and _bokmal_lemma(word, 2)
                                          and not swallows_a_head(word))


def _rarest_part(word: str) -> int:
    return min(lemma_frequencies().get(p, 0) for p in split_compound(word))


def rewrites(word: str, rules=NYNORSK_TO_BOKMAL) -> set[str]:
    """Every word one rule makes of ``word``; a source ending in «$» applies at the word's end only, one starting
    with «-» anywhere but at its start (a suffix: «trygg+leik», not «leik+e»)."""
    found = set()
    for source, target in rules:
        if source.startswith("-"):
            source, first = source[1:], 1
        else:
            first = 0
        if source.endswith("$"):
            suffix = source[:-1]
            # an ending needs a stem of two letters or more; a whole word of four letters or more is
            # rewritten too («tole» → tåle, «flyge» → fly, not «a» → «e»)
            if word.endswith(suffix) and (len(word) > len(source) + 1 or (word == suffix and len(word) >= 4)):
                found.add(word[: len(word) - len(suffix)] + target)
            continue
        start = word.find(source, first)
        while start != -1:
            found.add(word[:start] + target + word[start + len(source):])
            start = word.find(source, start + 1)
    return found


def _reversed(nynorsk: str, bokmal: str) -> tuple[str, str]:
    """A correspondence read backwards, its anchors kept («$»: at the end, «-»: not at the start)."""
    return ("-" if nynorsk.startswith("-") else "") + bokmal + ("$" if nynorsk.endswith("$") else ""), nynorsk.strip("-$")


# The correspondences read backwards (bokmål → nynorsk), an anchored one kept at the word's end.
BOKMAL_TO_NYNORSK = tuple(_reversed(n, b) for n, b in NYNORSK_TO_BOKMAL)


def spelt_otherwise(word: str, bokmal: str) -> bool:
    """True if ``word``, a word the bokmål lexicon knows and no lemma or form of the nynorsk treebank, is not the
    nynorsk spelling of ``bokmal``: the nynorsk treebank spells ``bokmal`` otherwise (one or two correspondences
    read backwards), and ``word`` is nearer the bokmål word than every such spelling, so the letters the
    correspondence changed are bokmål in nynorsk too. «burger» is a burger, not the nynorsk of «borger» (nynorsk
    «borgar»); «sjøltillit» is «selvtillit» (nynorsk «sjølvtillit»), «skule» is «skole»."""
    if word in nynorsk_lemmas() or word in nynorsk_form_lemmas() or not is_known_word(word):
        return False
    first = rewrites(bokmal, BOKMAL_TO_NYNORSK)
    spellings = (first | {w for c in first for w in rewrites(c, BOKMAL_TO_NYNORSK)}) & nynorsk_lemmas()
    if not spellings or word in spellings:
        return False
    limit = len(word) + len(bokmal)
    to_bokmal = damerau_levenshtein(word, bokmal, limit)
    return all(to_bokmal < damerau_levenshtein(word, spelling, limit) for spelling in spellings)


@lru_cache(maxsize=100_000)
def bokmal_of(nynorsk: str) -> str | None:
    """The bokmål lemma of a nynorsk lemma, or None when there is none (or it is bokmål already).

    A treebank lemma wins over one only simplemma knows, which wins over an unlisted compound;
    within each, one correspondence is tried before two.

    >>> bokmal_of("sjølvkjensle"), bokmal_of("leiarskap"), bokmal_of("mat")
    ('selvfølelse', 'lederskap', None)
    """
    if len(nynorsk) < 3 or not nynorsk.isalpha():
        return None
    homograph = is_bokmal_word(nynorsk)
    if homograph and not nynorsk_homograph(nynorsk):
        return None
    first = rewrites(nynorsk)
    second = {w for c in first for w in rewrites(c)}
    rarity = lemma_frequencies().get(nynorsk, 0)
    for tier in (0, 1, 2):
        if homograph and (tier == 2 or (tier == 1 and rarity)):
            break  # a homograph's bokmål lemma must be a bokmål word more common than the homograph
        for candidates in (first, second):
            known = [c for c in candidates if c != nynorsk and _bokmal_lemma(c, tier)
                     and (not homograph or lemma_frequencies().get(c, 0) > rarity or not rarity)
                     and not _misreads_compound(nynorsk, c, tier)]
            if known:
                # the most common lemma; among unlisted compounds, the one of the most common parts
                # («problem+løsning+s+evne», not «problem+løsing+s+evne»)
                best = max(sorted(known), key=lambda c: (lemma_frequencies().get(c, 0), _rarest_part(c)))
                return None if spelt_otherwise(nynorsk, best) else best
    if homograph:
        return None
    # Long derived words need a third («fleir+språkleg+heit» → «flerspråklighet»): only a treebank lemma.
    known = sorted(w for c in second for w in rewrites(c) if w in lemma_frequencies() or _bokmal_lemma(w, 1))
    return max(known, key=lambda c: lemma_frequencies().get(c, 0)) if known else None


def nynorsk_lemma(form: str) -> str | None:
    """The NDT nynorsk lemma of a lower-cased word form, or simplemma's nynorsk lemma."""
    lemma = nynorsk_form_lemmas().get(form)
    if lemma is not None:
        return lemma
    if form in nynorsk_lemmas():
        return form  # a treebank lemma whose own form the table lacks («innvandrar»): not simplemma's guess
    if word_dictionaries.is_known(form, lang="nn"):
        return word_dictionaries.lemmatize(form, lang="nn")
    return None


def nynorsk_stems(form: str) -> list[str]:
    stems = [form[: -len(e)] for e in NYNORSK_ENDINGS if form.endswith(e) and len(form) - len(e) >= 3]
    # the past of an s-verb: «trivdest», «møttest» → trivast, møtast (bokmål trivdes, møttes)
    stems += [form[:-4] + "ast" for e in ("dest", "test") if form.endswith(e) and len(form) - 4 >= 3]
    # Nouns in -e take -ar/-ane in the plural («glose» → «glosar»), -ene in bokmål's definite plural («tyskglosene»): the stem
    # gets its -e back.
    return stems + [form[: -len(e)] + "e" for e in ("ar", "ane", "ene")
                    if form.endswith(e) and len(form) - len(e) >= 3]


def _is_lemma_of_either(word: str) -> bool:
    """A lemma of the bokmål or the nynorsk treebank (two look-ups, not a union of the tables)."""
    return word in lemma_frequencies() or word in nynorsk_lemmas()


def compound_lemma(form: str, forms: dict[str, str]) -> str | None:
    """Lemma of an unlisted compound form: a known modifier (with linking s or e) and the lemma of
    the longest inflected form it ends in; None when no such split changes the word."""
    for cut in range(3, len(form) - 2):
        head = form[cut:]
        lemma = forms.get(head)
        if lemma is None or lemma == head or head in NOT_A_HEAD or lemma in NOT_A_HEAD or len(lemma) < 4 \
                or head.startswith(DERIVATIONAL):
            continue  # «ulik+skapar» is ulikskap inflected, not a compound of «skape»
        if lemma.endswith("e") and lemma not in noun_lemmas() and head not in noun_lemmas():
            continue  # a compound is a noun: «mat+svinn» is not the verb «svinne» inflected
        modifier = form[:cut]
        bare = modifier[:-1] if modifier[-1] in "se" and _is_lemma_of_either(modifier[:-1]) else modifier
        if len(bare) >= 3 and bare not in NOT_A_MODIFIER and _is_lemma_of_either(bare):
            return modifier + lemma
    return None


@lru_cache(maxsize=100_000)
def bokmal_forms(form: str, lemma: str) -> tuple[str, ...]:
    """The bokmål word forms of a nynorsk form that have the bokmål lemma ``lemma`` (none for a bokmål form).

    A codebook's phrase is matched word form by word form («borte fra skolen»), so a nynorsk form
    needs its bokmål form as well as its lemma: «skulen» → skolen, «elevane» → elevene, «snakka»
    → snakke (a-infinitive) and snakket (past tense). Only forms of the bokmål treebank with that
    very lemma (or its bokmål spelling, for a homograph kept as it is: «høyrt» → hørt) are taken.

    >>> bokmal_forms("skulen", "skole"), bokmal_forms("skolen", "skole")
    (('skolen',), ())
    """
    forms = ndt_form_lemmas()
    if len(form) < 3 or not form.isalpha() or form in forms or form == lemma:
        return ()
    rules = NYNORSK_TO_BOKMAL + NYNORSK_FORM_ENDINGS
    lemmas = {lemma} | {c for c in rewrites(lemma) if c in lemma_frequencies()}
    first = rewrites(form, rules)
    found = sorted(c for c in first if forms.get(c) in lemmas)
    if not found:
        found = sorted({w for c in first for w in rewrites(c, rules) if forms.get(w) in lemmas})
    return tuple(found)


def bokmal_compound(word: str) -> str | None:
    """A nynorsk compound with each nynorsk part in bokmål, linking letters kept («medie+forståing»
    → medieforståelse, «problem+løysing+s+evne» → problemløsningsevne); None when nothing changes.

    Only a lemma of the nynorsk treebank counts as a nynorsk part: «bøying», which bokmål writes
    too, stays as it is.
    """
    parts = split_compound(word)
    if len(parts) < 2:
        return None
    pieces, pos = [], 0
    for part in parts:
        start = word.find(part, pos)
        if start < 0 or start - pos > 1:
            return None
        if part in lemma_frequencies() and not (nynorsk_homograph(part) and bokmal_of(part)):
            mapped = part
        elif part in nynorsk_lemmas():
            mapped = bokmal_of(part)
            if mapped is None:
                return None
        else:
            mapped = bokmal_compound(part) or part
        pieces += [word[pos:start], mapped]
        pos = start + len(part)
    joined = "".join(pieces) + word[pos:]
    return joined if joined != word and pos == len(word) else None


# Nynorsk nouns whose plural bokmål writes with another word: nynorsk «rettar» (rights, as in
# «menneskerettar») is bokmål «rettigheter», while bokmål «retter» are dishes or courts. The singular
# is one word in both standards («rett til utdanning») and stays.
NYNORSK_PLURAL_SENSES = {"rett": "rettighet"}
NYNORSK_PLURAL_ENDINGS = ("ar", "ane")


def bokmal_plural(form: str, lemma: str) -> str | None:
    """The bokmål lemma of a nynorsk plural noun bokmål writes with another word, or None:
    «rettar» → rettighet, «urfolksrettar» → urfolksrettighet. ``lemma`` is the pipeline's: a verb
    («lærarane rettar prøvene», lemma «rette») is no plural noun.

    >>> bokmal_plural("menneskerettar", "menneskerett"), bokmal_plural("rettar", "rette")
    ('menneskerettighet', None)
    """
    for noun, bokmal in NYNORSK_PLURAL_SENSES.items():
        for ending in NYNORSK_PLURAL_ENDINGS:
            if not form.endswith(noun + ending):
                continue
            modifier = form[: -len(noun + ending)]
            # a compound is a noun: the pipeline's verb «minoritetsrette» or «kvinneretta» for a compound in -rettar
            # is no word (only the bare «rettar» may be a verb: «lærarane rettar prøvene»)
            unread = lemma.startswith(form[: -len(ending)]) and not _is_lemma_of_either(lemma)
            if not (lemma.endswith(noun) or lemma == form or (modifier and unread)):
                continue
            if not modifier:
                return bokmal
            linked = modifier[-1] in "se" and _is_modifier_word(modifier[:-1])  # «urfolk+s+», «barn+e+»
            bare = modifier[:-1] if linked else modifier
            if len(bare) >= 3 and _is_modifier_word(bare):  # «menneske+», «urfolk+s+»; not «id+rettar»
                return (bokmal_of(bare) or bare) + modifier[len(bare):] + bokmal
    return None


def _is_modifier_word(word: str) -> bool:
    """A lemma of either treebank, or a nynorsk word the mapping takes to a bokmål lemma («arbeidstakar»)."""
    return _is_lemma_of_either(word) or bool(bokmal_of(word))


# A head shorter than SHORT_HEAD needs a modifier that is a word («sjølv+tru»), not the rest of a word
# («språkferdighe+tene»); a head of LONG_HEAD letters or more need not be a nynorsk lemma, only a word
# the mapping takes to a bokmål lemma («funksjons+nedsetjing»).
SHORT_HEAD, LONG_HEAD = 5, 6


def bokmal_head(word: str) -> str | None:
    """A compound the splitter cannot read (its modifier unknown to the lexicon) whose head is a
    nynorsk word: the head in bokmål, the modifier as written or mapped («medie+forståing» →
    medieforståelse, «europa+medvit» → europabevissthet, «sjølv+tru» → selvtro); None if no head is.
    The longest such head decides.

    >>> bokmal_head("medieforståing"), bokmal_head("sjølvtru")
    ('medieforståelse', 'selvtro')
    """
    for cut in range(3, len(word) - 2):
        head, modifier = word[cut:], word[:cut]
        if head in lemma_frequencies() or head.startswith(DERIVATIONAL):
            continue
        if len(head) < SHORT_HEAD and not (modifier in NYNORSK_FUNCTION_WORDS or _is_lemma_of_either(modifier)):
            continue
        nynorsk = head in nynorsk_lemmas() or word_dictionaries.is_known(head, lang="nn")
        bokmal = bokmal_of(head) if nynorsk or len(head) >= LONG_HEAD else None
        if bokmal == head[:-3] + "ning":
            continue  # bokmål writes a verbal noun in -ing too: «verb+bøying» stays
        if bokmal and (nynorsk or bokmal in lemma_frequencies() or is_known_lemma(bokmal)):
            return (NYNORSK_FUNCTION_WORDS.get(modifier) or bokmal_of(modifier) or modifier) + bokmal
    return None


def _is_nynorsk_word(word: str) -> bool:
    """A lemma of the nynorsk treebank or a word simplemma's nynorsk model knows («elektrikar», «teikn»), and no
    bokmål lemma (unless a nynorsk homograph): «gjenvinning» is bokmål, not a nynorsk «-ing» for «-else»."""
    if word not in nynorsk_lemmas() and not word_dictionaries.is_known(word, lang="nn"):
        return False
    bokmal = _bokmal_lemma(word, 0) or _bokmal_lemma(word, 1)
    return not bokmal or nynorsk_homograph(word)


def _is_nynorsk_modifier(word: str) -> bool:
    """A nynorsk word (:func:`_is_nynorsk_word`), or a word neither lexicon knows that the correspondences take to
    a bokmål lemma: «attbruk» (bokmål «gjenbruk»), which the nynorsk lexicons lack as a word of its own."""
    if _is_nynorsk_word(word):
        return True
    if is_known_word(word) or is_known_word(word, NYNORSK):
        return False
    bokmal = bokmal_of(word)
    return bool(bokmal) and (_bokmal_lemma(bokmal, 0) or _bokmal_lemma(bokmal, 1))


def bokmal_modifier(word: str) -> str | None:
    """A compound the splitter cannot read because its modifier is a nynorsk word, before a head bokmål writes
    the same: the modifier in bokmål, its linking s or e kept («teikn+språkbruk» → tegnspråkbruk,
    «båtbyggjar+fag» → båtbyggerfag); None if no such split gives a compound the splitter reads.
    The longest head decides.

    >>> bokmal_modifier("teiknspråkbruk"), bokmal_modifier("båtbyggjarfag")
    ('tegnspråkbruk', 'båtbyggerfag')
    """
    for cut in range(3, len(word) - 2):
        head, modifier = word[cut:], word[:cut]
        if head not in lemma_frequencies() or head in NOT_A_HEAD or head.startswith(DERIVATIONAL):
            continue
        link = modifier[-1] if modifier[-1] in "se" and _is_nynorsk_modifier(modifier[:-1]) else ""
        bare = modifier[: len(modifier) - len(link)]
        mapped = _is_nynorsk_modifier(bare) and bokmal_of(bare)
        candidate = mapped and mapped + link + head
        if candidate and len(split_compound(candidate)) > 1 and not _misreads_compound(word, candidate):
            return candidate
    return None


@lru_cache(maxsize=1)
def _nynorsk_only_lemmas() -> FuzzyIndex:
    """The nynorsk words a typo may misspell: the nynorsk treebank's lemmas bokmål does not write, and the whole
    nynorsk words the correspondences name that the treebank lacks («tilhøyrsle», «trivnad», «vokster»): a typo
    of one («tilhørysle») is read as the word, as a typo of a treebank lemma is."""
    named = (source for source, _ in NYNORSK_TO_BOKMAL if len(source) >= 6 and source.isalpha()
             and source not in lemma_frequencies() and bokmal_of(source) in lemma_frequencies())
    return FuzzyIndex(dict.fromkeys([*(lemma for lemma in nynorsk_lemmas() if len(lemma) >= 5
                                       and lemma not in lemma_frequencies()), *named]))


# Correspondences this long name a word or a suffix («kjelde», «sjølv», «heit»), not a letter or two:
# only they rewrite a typo, whose letters are not to be trusted.
TYPO_CORRESPONDENCE = 4


@lru_cache(maxsize=20_000)
def typo_readings(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """What an unknown word with a typo may be, read as nynorsk: the bokmål lemmas of the nynorsk
    lemmas within its typo limit, of the word or of its stem without a nynorsk ending («opplevningar»
    → oppleving → opplevelse), and its bokmål spellings to look up with a typo («kjeldekritik» →
    kildekritik, «spraakferdigheiter» → spraakferdighet). A typo is taken to keep the first letter.

    >>> typo_readings("opplevngar")[0]
    ('opplevelse',)
    """
    if is_known_word(word, NYNORSK):
        return (), ()  # a nynorsk word is no typo
    stems = list(dict.fromkeys([word, *nynorsk_stems(word)]))
    rules = tuple(rule for rule in NYNORSK_TO_BOKMAL if len(rule[0].strip("-$")) >= TYPO_CORRESPONDENCE)
    spellings = [spelling for stem in stems for spelling in sorted(rewrites(stem, rules))]
    # a typo keeps the first letter: «byskulane» (by+skule) is no «øyskule» misspelt
    lemmas = [bokmal_of(lemma) for stem in stems for lemma in _nynorsk_only_lemmas().lookup(stem)
              if lemma[0] == word[0]]
    return tuple(dict.fromkeys(filter(None, lemmas))), tuple(dict.fromkeys(spellings))

