"""Survey answers that describe the programme or its adults, not what the pupils got.

The label rules (tests/data/labelset_2026/README.md, «Traps that are not noise», «Noise») make four such answers
noise whatever words they hold: the idiom «kom til glede for» («kom heile skulen til glede», «kom til glede for
historiefaget»: the project benefited someone), «inkluderte» meaning *includes* («programmet inkluderte
skuleteater», «inkluderte besøk i kommunestyret»: what the programme held) and «utfordrende» for anyone but the
pupils («utfordrende for verkstedlærerne», «utfordrande for oss vaksne», «utfordrende for treneren») or about
organising («utfordrende å skaffe vertsfamilier», «krevende planlegging for oss»); a verdict on how the programme was
run («Dårlig organisert», «strukturert kurs») is a bare evaluation. A codebook's
exclusions drop the trap word itself; the words around it (a subject, a visit, the adults) would still be coded.
:func:`programme_tokens` finds the list items these frames take over, so the tagger drops every code in them.

A setting named in the definite form («språkreisen», «klimaleiren», «voksenopplæringa») is the respondent's own trip
or institution, a place or the programme's name: :func:`setting_names` finds such words (the codebook's
``settings``), so the tagger drops what they fire through their compound parts.

>>> sorted(programme_tokens(["kom", "heile", "skulen", "til", "glede"]))
[0, 1, 2, 3, 4]
>>> sorted(programme_tokens(["utfordrende", "for", "elevene"]))
[]
"""
from __future__ import annotations

from functools import lru_cache

from qualcode.tagging.activities import known_lemma, longest_known_end

# «kom(me) … til glede»: the forms of «komme» that open the idiom (bokmål and nynorsk)
COME = frozenset({"kom", "komme", "kommer", "kjem", "kome", "kommet", "komen", "kommen"})
# «inkluderte»/«inkluderer» as a finite verb: the programme includes something
INCLUDES = frozenset({"inkluderte", "inkluderer", "inkluderar", "inkluderast"})
# whom inclusion is of: «inkluderer hverandre», «inkluderte alle elevane» stay inclusion
PEOPLE = frozenset({"hverandre", "kvarandre", "andre", "meg", "oss", "deg", "dere", "dykk", "dem", "dei", "de",
                    "seg", "nye", "nyankomne"})
PEOPLE_STEMS = ("elev", "medelev", "klassekamerat", "ungdom", "barn", "flyktning", "nykomne", "nyankom", "venn",
                "vene", "lærling", "deltak", "deltag")
PREPOSITIONS = frozenset({"i", "på", "med", "blant", "av", "som", "inn", "frå", "fra", "til", "og"})
CHALLENGING = frozenset({"utfordrende", "utfordrande", "krevende", "krevjande", "vanskelig", "vanskeleg"})
# «utfordrende for» the pupils (or the speaker) is the pupils' growth; for anyone else («for lærerne», «for
# verkstadlærarane», «for oss vaksne», «for treneren», «for opplæringskontoret») it is the adults' or the school's
PUPILS = frozenset({"meg", "oss", "deg", "dere", "dykk", "dem", "de", "dei", "seg", "mange", "alle", "noen", "nokon",
                    "nokre", "flere", "fleire"})
PUPIL_STEMS = ("elev", "lærling", "lærlinga", "ungdom", "barn", "born", "deltak", "deltag", "klass", "grupp", "jent",
               "gut", "kropp", "hode", "hovud")
# «utfordrende å skaffe vertsfamilier», «krevende planlegging for oss», «utfordrande med reiseplanar»: organising the
# exchange is the adults' work
# (label rules: «utfordrende» about organising is a trap), whatever it is of. Verbs of arranging (bokmål and nynorsk
# infinitives) and the nouns of the project's administration; not «få» or «finne», which a pupil does too («utfordrende
# å få venner»)
ORGANISING_VERBS = frozenset({
    "organisere", "organisera", "planlegge", "planleggje", "planleggja", "koordinere", "koordinera", "skaffe",
    "skaffa", "ordne", "ordna", "arrangere", "arrangera", "administrere", "administrera", "booke", "booka",
    "bestille", "bestilla", "rekruttere", "rekruttera", "finansiere", "finansiera", "budsjettere", "budsjettera"})
ORGANISING_NOUNS = frozenset({
    "planlegging", "planlegginga", "planleggingen", "organisering", "organiseringa", "organiseringen", "logistikk",
    "logistikken", "koordinering", "koordineringa", "koordineringen", "administrasjon", "administrasjonen",
    "søknad", "søknaden", "søknadsskriving", "papirarbeid", "papirarbeidet", "rapportering", "rapporteringa",
    "rapporteringen", "budsjett", "budsjettet", "finansiering", "finansieringa", "finansieringen", "reiseplan",
    "reiseplanar", "reiseplaner", "reiseplanlegging", "reiserute", "reiseruta", "reiseruten", "utstyr", "utstyret"})
# round 18: a compound of an organising noun is organising too («utfordrende søknadsprosess», «utfordrande med
# flyreiser»): the words these begin with
ORGANISING_STEMS = ("søknad", "reiseplan", "reiserut", "flyreis", "flybillett", "billett", "budsjett", "logistikk",
                    "papirarbeid", "rapporter", "finansier", "planlegg", "organiser", "koordiner", "administr")
WE_THEY = frozenset({"oss", "dei", "de", "dere", "dykk", "alle"})
DETERMINERS = frozenset({"en", "ein", "ei", "et", "eit", "den", "det", "hele", "heile"})
# a participle after these is being included («vart inkluderte», «kjende seg inkluderte»), not the verb «includes»
PASSIVE = frozenset({"ble", "blei", "vart", "vert", "blir", "blitt", "vorte", "er", "var", "seg", "meg", "oss", "deg",
                     "dykk", "dere", "alle", "føle", "følte", "kjenne", "kjende", "kjente"})
# round 19: «Dårlig organisert», «godt gjennomført», «strukturert kurs»: a verdict on how the programme was run (the
# label rules' bare evaluations and logistics are noise) — a participle of running it after a word of a verdict or
# before a noun of the programme; alone («strukturert») or of the pupils («organiserte seg sjølv») it is their skill
RUN = frozenset({"organisert", "strukturert", "planlagt", "planlagd", "gjennomført", "koordinert", "arrangert",
                 "administrert", "tilrettelagt", "tilrettelagd"})
VERDICTS = frozenset({"godt", "bra", "fint", "flott", "greit", "dårlig", "dårleg", "dårlegt", "elendig"})
PROGRAMME_NOUNS = frozenset({
    "kurs", "kurset", "tur", "turen", "reise", "reisa", "reisen", "opplegg", "opplegget", "program", "programmet",
    "prosjekt", "prosjektet", "opphold", "oppholdet", "opphald", "opphaldet", "utveksling", "utvekslinga",
    "utvekslingen", "besøk", "besøket", "leir", "leiren", "uke", "uka", "veke", "veka"})
TRIGGERS = COME | INCLUDES | CHALLENGING | RUN


def programme_tokens(lower: list[str], separators: frozenset[str] = frozenset({",", ";", "/", "\n"})) -> set[int]:
    """The positions of the list items of a short survey answer that describe the programme (see the module).

    ``lower`` is the answer's lower-cased tokens; items are split at ``separators`` (not at «og»: «inkluderte
    podkast og skoleavis» is one item).
    """
    found: set[int] = set()
    if TRIGGERS.isdisjoint(lower):
        return found
    start = 0
    for stop in [i for i, w in enumerate(lower) if w in separators] + [len(lower)]:
        if _describes_programme(lower[start:stop]):
            found.update(range(start, stop))
        start = stop + 1
    return found


def _describes_programme(item: list[str]) -> bool:
    n = len(item)
    for i, word in enumerate(item):
        if word in COME:
            # «kom (heile skulen) til glede (for …)»; «kom til glede i engelsktimene» names where: not the idiom alone
            at = next((j for j in range(i + 1, min(i + 5, n - 1)) if item[j] == "til" and item[j + 1] == "glede"), None)
            if at is not None and (at + 2 == n or item[at + 2] == "for"):
                return True
        elif word in INCLUDES and i + 1 < n and not (i > 0 and item[i - 1] in PASSIVE):
            following = [w for w in item[i + 1:] if w not in ("alle", "både", "ein", "en", "eit", "et")]
            if (following and following[0] not in PEOPLE and following[0] not in PREPOSITIONS
                    and not following[0].startswith(PEOPLE_STEMS)):
                return True
        elif word in CHALLENGING and i + 1 < n and (_organising(item[i + 1]) or item[i + 1] in ("å", "med")
                                                    and i + 2 < n and (item[i + 2] in ORGANISING_VERBS
                                                                       or _organising(item[i + 2]))):
            return True
        elif word in RUN and (i > 0 and item[i - 1] in VERDICTS or i + 1 < n and item[i + 1] in PROGRAMME_NOUNS):
            return True
        elif word in CHALLENGING and i + 2 < n and item[i + 1] == "for":
            whom = item[i + 2]
            if whom in WE_THEY | DETERMINERS and i + 3 < n:
                whom = item[i + 3]
            if whom not in PUPILS and not whom.startswith(PUPIL_STEMS):
                return True
    return False


def _organising(word: str) -> bool:
    """True for a noun of the project's administration or a compound that begins with one («søknadsprosess»)."""
    return word in ORGANISING_NOUNS or word.startswith(ORGANISING_STEMS)


# the definite endings a setting noun takes after its stem (without a last «e»), bokmål and nynorsk, singular and
# plural: «reis-en», «reis-a», «tur-en», «skul-en», «opplæring-a», «senter-et», «leir-ane», «reis-ene»
DEFINITE_ENDINGS = frozenset({"en", "et", "a", "ene", "ane"})


def setting_names(lower: list[str], parts: list[tuple[str, ...]], settings: frozenset[str]) -> set[int]:
    """The positions of the words of a short survey answer that name the exchange's own setting.

    A compound in the definite form whose head is one of the codebook's ``settings`` (the trip, the camp, the
    school or institution) names the respondent's own trip or institution («språkreisen», «klimaleiren»,
    «voksenopplæringa», «kulturturen til Spania»): a place or the programme's name, which the label rules make
    noise, whatever its modifier says. The indefinite form names a kind of experience («språkreise»,
    «dannelsesreise», «togreise»: outcomes for the writers of the labelled sets), and a word of its own (a term, not
    a compound) is what it says. ``parts`` are each word's compound parts.

    >>> sorted(setting_names(["språkreisen"], [("språk", "reise")], frozenset({"reise"})))
    [0]
    >>> sorted(setting_names(["språkreise", "naturen"], [("språk", "reise"), ("natur",)], frozenset({"reise", "tur"})))
    []
    """
    return {i for i, (word, word_parts) in enumerate(zip(lower, parts))
            if len(word_parts) > 1 and definite_setting(word.replace("-", ""), word_parts, settings)}


@lru_cache(maxsize=100_000)
def definite_setting(word: str, parts: tuple[str, ...], settings: frozenset[str]) -> str | None:
    """The setting noun ``word`` (a compound, lower case, with its lemma's compound ``parts``) ends in, in the
    definite form, else None.

    The word is read as written («språkskulen» is nynorsk «skule», «reisa» «reise», «museet» «museum»). Its head is
    the longest word the lexicon knows at its end or, where that is a longer word ending in a shorter one («auke» in
    «klimauke»), the last of ``parts`` — unless those two parts make a word: «skikulturen» is a «kultur», not a
    «tur».

    >>> definite_setting("voksenopplæringa", ("voksen", "opplæring"), frozenset({"opplæring"}))
    'opplæring'
    """
    for noun in settings:
        for ending in _definite_forms(noun):
            if word.endswith(ending) and len(word) > len(ending) + 2:
                base = word[: -len(ending)] + noun
                if longest_known_end(base) == noun or parts[-1] == noun and not known_lemma(parts[-2] + noun):
                    return noun
    return None


@lru_cache(maxsize=1_000)
def _definite_forms(noun: str) -> tuple[str, ...]:
    """The definite forms of a setting noun, singular and plural, bokmål and nynorsk: «reisen», «reisa», «reisene»,
    «turen», «turane», «senteret», «museet», «musea»."""
    if noun.endswith("um"):
        return (noun[:-2] + "et", noun[:-2] + "a", noun[:-2] + "ene")
    stem = noun[:-1] if noun.endswith("e") else noun
    return tuple(stem + ending for ending in DEFINITE_ENDINGS)

