"""Build the sample survey ``corpus/survey_utbytte.csv`` (synthetic, reproducible).

The survey imitates the open question in seed 000, chapter 3: «Hvilke ord er de første du
tenker på når du skal beskrive elevenes / lærernes / skolens utbytte?», answered by project
coordinators with up to five words each. The word frequencies follow what the report says
about its word clouds (språkferdigheter, kulturforståelse and vennskap largest for pupils and
teachers; kompetanse, samarbeid, nettverk and internasjonalisering for the school; few yellow
citizenship words; few named key competences). Surface forms are deliberately messy the way
real answers are: inflections, compounds, bokmål/nynorsk, capitalisation, typos, repeats and
noise ("Vet ikke", "-", "?", "mye", "bra"). 6 / 7 / 9 of the 84 respondents give no usable
answer, so the substantive N is 78 / 77 / 75 as in the report.

The data are invented; no real person or school is described.

Example::

    .venv/bin/python corpus/tools/generate_survey_utbytte.py   # writes corpus/survey_utbytte.csv
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

SEED = 20211115
N_RESPONDENTS = 84
OUT = Path(__file__).resolve().parent.parent / "survey_utbytte.csv"

COLUMNS = (
    ["respondent_id", "skoletype", "skolenivå", "fylke", "antall_prosjekter"]
    + [f"elev_ord{i}" for i in range(1, 6)]
    + [f"laerer_ord{i}" for i in range(1, 6)]
    + ["skole_ord"]
)

SKOLETYPER = (
    ["barneskole"] * 22
    + ["ungdomsskole"] * 17
    + ["barne- og ungdomsskole"] * 20
    + ["videregående skole"] * 25
)
FYLKER = (
    ["Viken"] * 14 + ["Vestland"] * 12 + ["Trøndelag"] * 9 + ["Oslo"] * 8
    + ["Innlandet"] * 7 + ["Rogaland"] * 7 + ["Vestfold og Telemark"] * 7
    + ["Agder"] * 6 + ["Nordland"] * 5 + ["Møre og Romsdal"] * 5 + ["Troms og Finnmark"] * 4
)
PROSJEKTER = [1] * 28 + [2] * 22 + [3] * 15 + [4] * 9 + [5] * 6 + [6] * 4
# Share of respondents in a county who answer in nynorsk forms.
NYNORSK_SHARE = {"Vestland": 0.45, "Møre og Romsdal": 0.35, "Vestfold og Telemark": 0.1,
                 "Innlandet": 0.08, "Rogaland": 0.08}

# concept: (weight grunnskole, weight videregående, bokmål forms, nynorsk forms)
# The first form is the most common one and is drawn three times as often as each of the others.
ELEV = {
    "sprak": (9, 11, ["språkferdigheter", "språk", "språkkunnskaper", "språkutvikling",
                      "språklæring", "språkferdighet", "språkforståelse", "bedre språk",
                      "språkferdigheter i engelsk", "språktrening"],
              ["språkferdigheiter", "språkkunnskapar", "språk", "språkutvikling"]),
    "engelsk": (5.5, 9, ["engelsk", "bedre engelsk", "engelskkunnskaper", "engelskferdigheter",
                       "bruke engelsk", "snakke engelsk", "muntlig engelsk", "trygghet i engelsk",
                       "engelsk i praksis", "English"],
                ["engelsk", "engelskkunnskapar", "betre engelsk", "munnleg engelsk"]),
    "kommunikasjon": (2, 2.5, ["kommunikasjon", "kommunikasjonsferdigheter", "kommunisere",
                               "kommunikasjon på engelsk", "kommunikasjonsevne"], []),
    "fremmedspraak": (0.3, 2, ["fremmedspråk", "tysk", "spansk", "fransk",
                               "motivasjon for fremmedspråk", "framandspråk"],
                      ["framandspråk", "tysk"]),
    "kulturforstaelse": (8, 9, ["kulturforståelse", "interkulturell forståelse",
                                "kulturell forståelse", "forståelse for andre kulturer",
                                "kulturkunnskap", "kulturkompetanse", "interkulturell kompetanse"],
                         ["kulturforståing", "forståing for andre kulturar", "kulturforståelse"]),
    "vennskap": (9, 7, ["vennskap", "venner", "nye venner", "vennskapsbånd",
                        "internasjonale vennskap", "venner i Europa", "venskap", "vennskap på tvers"],
                 ["venskap", "nye vener", "vennskap"]),
    "kulturmote": (2.5, 2.5, ["kulturmøter", "møte andre kulturer", "nye kulturer",
                              "kulturutveksling", "andre kulturer", "kulturmøte"],
                   ["kulturmøte", "møte andre kulturar"]),
    "toleranse": (2, 2, ["toleranse", "respekt", "aksept", "respekt for andre", "åpenhet",
                         "fordomsfrihet"], ["toleranse", "respekt"]),
    "mangfold": (1, 1.5, ["mangfold", "forståelse for mangfold", "inkludering"],
                 ["mangfald"]),
    "fellesskap": (2, 1.5, ["fellesskap", "sosiale ferdigheter", "sosial kompetanse", "samhold",
                            "tilhørighet"], ["fellesskap", "sosial kompetanse"]),
    "utvikling": (4, 4, ["utvikling", "personlig utvikling", "personlig vekst", "vekst",
                         "utvikling som person"], ["personleg utvikling", "utvikling"]),
    "mestring": (4, 2.5, ["mestring", "mestringsfølelse", "mestringsopplevelser",
                          "mestringsopplevelse", "oppleve mestring"],
                 ["meistring", "meistringskjensle"]),
    "glede": (3.5, 1.5, ["glede", "moro", "gøy", "skaperglede", "lærelyst", "spenning"],
              ["glede", "moro"]),
    "selvtillit": (3.5, 3, ["selvtillit", "økt selvtillit", "trygghet", "selvstendighet",
                            "selvfølelse", "tro på seg selv", "sjølvtillit"],
                   ["sjølvtillit", "tryggleik", "sjølvstende"]),
    "utfordringer": (2.5, 2.5, ["utfordringer", "utfordrende", "ut av komfortsonen",
                                "komfortsonen", "tøye egne grenser"],
                     ["utfordringar", "utfordrande"]),
    "opplevelser": (3, 3, ["opplevelser", "opplevelse", "minner for livet", "erfaringer",
                           "livserfaring", "nye inntrykk", "eventyr"],
                    ["opplevingar", "minne for livet", "erfaringar"]),
    "modning": (1, 1.5, ["modning", "modenhet", "vokse på oppgaven", "ansvar"], ["mogning"]),
    "motivasjon": (2, 2.5, ["motivasjon", "økt motivasjon", "motivasjon for læring",
                            "motivasjon for skole", "engasjement"], ["motivasjon"]),
    "se_verden": (2.5, 2.5, ["se verden", "nysgjerrighet", "utvidet horisont", "større horisont",
                             "vidsyn", "perspektiv", "reise"],
                  ["sjå verda", "nyfikenheit", "vidsyn"]),
    "samarbeid": (3, 3, ["samarbeid", "samarbeidsevne", "samarbeidsferdigheter",
                         "samarbeid på tvers", "teamarbeid"], ["samarbeid"]),
    "kunnskap": (2, 3.5, ["kunnskap", "læring", "ny kunnskap", "faglig utbytte",
                          "fagkunnskap", "faglig læring", "dybdelæring"],
                 ["kunnskap", "læring", "fagleg utbytte"]),
    "kritisk": (0.4, 1.2, ["kritisk tenkning", "kritisk tenking", "refleksjon", "kildekritikk"],
                ["kritisk tenking", "refleksjon"]),
    "digital": (1.2, 0.5, ["digital kompetanse", "digitale ferdigheter", "IKT",
                           "digitale verktøy"], ["digital kompetanse"]),
    "kreativitet": (1, 0.6, ["kreativitet", "kreativ tenkning", "innovasjon"], ["kreativitet"]),
    "arbeidsliv": (0, 1.5, ["internasjonal erfaring", "arbeidslivserfaring", "yrkeskompetanse",
                            "fint på CV-en", "karriere", "praksis i utlandet"],
                   ["internasjonal erfaring", "arbeidslivserfaring"]),
    "klima": (1, 1.2, ["klima", "klimabevissthet", "miljø", "bærekraft", "miljøbevissthet",
                       "bærekraftig utvikling"], ["berekraft", "klima", "miljømedvit"]),
    "demokrati": (0.5, 1, ["demokrati", "medborgerskap", "samfunnsengasjement",
                           "aktivt medborgerskap", "elevdemokrati", "menneskerettigheter"],
                  ["demokrati", "samfunnsengasjement"]),
    "europa": (0.8, 1.2, ["europeisk identitet", "Europa", "europeisk tilhørighet",
                          "globalt perspektiv", "verdensborger", "global forståelse"],
               ["europeisk identitet", "Europa"]),
}

LAERER = {
    "sprak": (7, 6, ["språkferdigheter", "engelsk", "bedre engelsk", "språk", "språkkunnskaper",
                     "muntlig engelsk", "engelskkunnskaper", "språktrening", "språkutvikling"],
              ["språkkunnskapar", "språkferdigheiter", "engelsk", "betre engelsk"]),
    "engelskundervisning": (1.5, 0.5, ["tryggere i engelskundervisningen",
                                       "bedre engelskundervisning", "undervise på engelsk"],
                            ["tryggare i engelskundervisninga"]),
    "kulturforstaelse": (6, 6, ["kulturforståelse", "interkulturell forståelse",
                                "kulturell forståelse", "kulturkunnskap", "kulturutveksling",
                                "kulturmøter"], ["kulturforståing", "kulturforståelse"]),
    "vennskap": (5, 4, ["vennskap", "venner", "nye venner", "kollegiale vennskap",
                        "vennskap med kolleger"], ["venskap", "vennskap"]),
    "nettverk": (6, 6, ["nettverk", "nettverksbygging", "internasjonalt nettverk", "kontakter",
                        "kontaktnett", "nettverk i Europa", "europeiske kolleger",
                        "kolleger i andre land"],
                 ["nettverk", "nettverksbygging", "kontaktar"]),
    "fellesskap": (3, 3, ["faglig fellesskap", "fellesskap", "profesjonsfellesskap",
                          "europeisk profesjonsfellesskap", "erfaringsdeling", "deling",
                          "idéutveksling", "ideutveksling", "utveksling av ideer"],
                   ["fagleg fellesskap", "erfaringsdeling"]),
    "refleksjon": (3, 3, ["refleksjon", "refleksjon over egen praksis",
                          "refleksjon rundt egen praksis", "bevisstgjøring", "se egen praksis utenfra",
                          "aha-opplevelser", "egen praksis"],
                   ["refleksjon over eigen praksis", "refleksjon"]),
    "skolesystem": (4, 4, ["andre skolesystemer", "kjennskap til andre skolesystemer",
                           "innsikt i andre skolesystem", "skolesystemer", "sammenligning", "andre utdanningssystemer",
                           "innblikk i andre skoler", "hospitering", "jobbskygging"],
                    ["kjennskap til andre skulesystem", "innsikt i andre skulesystem"]),
    "motivasjon": (4, 4, ["motivasjon", "økt motivasjon", "arbeidsglede", "engasjement",
                          "påfyll", "energi", "glød"], ["motivasjon", "arbeidsglede", "påfyll"]),
    "inspirasjon": (4, 3.5, ["inspirasjon", "nye ideer", "inspirerende", "ny inspirasjon",
                             "ideer", "nye impulser"], ["inspirasjon", "nye idear"]),
    "metoder": (3, 3, ["nye metoder", "metodikk", "didaktikk", "nye undervisningsmetoder",
                       "undervisningsmetoder", "pedagogikk", "nye arbeidsmåter",
                       "didaktisk kompetanse"],
                ["nye metodar", "nye arbeidsmåtar", "didaktikk"]),
    "kompetanseutvikling": (3, 3.5, ["kompetanseutvikling", "kompetanseheving",
                                     "faglig utvikling", "profesjonsutvikling", "faglig påfyll",
                                     "etterutdanning"],
                            ["kompetanseutvikling", "fagleg utvikling"]),
    "samarbeid": (3.5, 3, ["samarbeid", "tverrfaglig samarbeid", "samarbeid med kolleger",
                           "tverrfaglighet", "teamarbeid"], ["samarbeid", "tverrfagleg samarbeid"]),
    "perspektiv": (2, 2, ["perspektiv", "perspektivutviklende", "nye perspektiver",
                          "større perspektiv", "utsyn", "horisont"],
                   ["nye perspektiv", "utsyn"]),
    "relasjon": (1.5, 1.5, ["relasjon til elevene", "bedre relasjoner", "relasjonsbygging",
                            "bli kjent med elevene", "lærer-elev-relasjonen", "elevkontakt"],
                 ["relasjon til elevane", "relasjonsbygging"]),
    "digital": (1, 0.6, ["digital kompetanse", "IKT", "digitale verktøy", "eTwinning"],
                ["digital kompetanse"]),
    "faglig": (0.5, 1.5, ["fagkunnskap", "faglig oppdatering", "fagdidaktikk", "faglig nettverk"],
               ["fagleg oppdatering"]),
    "yrkesfag": (0, 0.8, ["yrkesfaglig nettverk", "innsikt i arbeidslivet i andre land",
                          "kontakt med bedrifter"], ["yrkesfagleg nettverk"]),
    "prosjektledelse": (1, 1, ["prosjektledelse", "prosjektstyring", "organisering",
                               "planlegging", "mye arbeid", "arbeidsmengde"],
                        ["prosjektleiing", "planlegging"]),
    "personlig": (1, 1, ["personlig utvikling", "utvikling", "mestring", "selvtillit", "trygghet"],
                  ["personleg utvikling", "meistring"]),
    "forstaelse": (1.5, 1.5, ["forståelse", "mangfold", "toleranse", "åpenhet", "respekt"],
                   ["forståing", "mangfald"]),
    "opplevelser": (1.5, 1.5, ["opplevelser", "erfaringer", "reiseerfaring", "nye inntrykk"],
                    ["opplevingar", "erfaringar"]),
}

SKOLE = {
    "kompetanse": (7, 7, ["kompetanse", "kompetanseutvikling", "kompetanseheving",
                          "kompetansebygging", "fagkompetanse", "profesjonsutvikling"],
                   ["kompetanse", "kompetanseutvikling"]),
    "samarbeid": (5, 5, ["samarbeid", "samarbeid på tvers", "tverrfaglig samarbeid",
                         "tverrfaglighet", "samarbeidskultur"],
                  ["samarbeid", "tverrfagleg samarbeid"]),
    "nettverk": (5, 5, ["nettverk", "nettverksbygging", "internasjonalt nettverk",
                        "partnerskoler", "kontakter i Europa", "faste partnere"],
                 ["nettverk", "partnarskular"]),
    "internasjonalisering": (5, 5.5, ["internasjonalisering", "internasjonalt perspektiv",
                                      "internasjonal profil", "internasjonalt fokus",
                                      "europeisk dimensjon", "utsyn"],
                             ["internasjonalisering", "internasjonal profil"]),
    "omdomme": (2.5, 3.5, ["omdømme", "godt omdømme", "omdømmebygging", "attraktiv skole",
                         "profilering", "rekruttering", "renommé"],
                ["omdømme", "attraktiv skule"]),
    "utviklingsvilje": (2, 2, ["utviklingsvilje", "skoleutvikling", "endringsvilje",
                               "vilje til utvikling", "utviklingsorientert", "utvikling"],
                        ["utviklingsvilje", "skuleutvikling"]),
    "delingskultur": (2, 2, ["delingskultur", "deling", "erfaringsdeling", "kultur for deling",
                             "dele erfaringer"], ["delingskultur", "deling"]),
    "mangfold": (2.5, 2.5, ["mangfold", "åpenhet", "inkludering", "kulturelt mangfold",
                            "inkluderende skolekultur", "toleranse"],
                 ["mangfald", "opne haldningar"]),
    "synlighet": (1.5, 1.5, ["synlighet", "synlig i lokalmiljøet", "oppmerksomhet i media",
                             "synlig skole"], ["synleggjering", "synleg i lokalmiljøet"]),
    "stolthet": (2, 1.5, ["stolthet", "fellesskap", "samhold", "felles løft", "godt skolemiljø",
                          "trivsel"], ["stoltheit", "godt skulemiljø", "samhald"]),
    "engasjement": (2.5, 2.5, ["engasjement", "entusiasme", "motivasjon", "energi",
                               "inspirasjon", "begeistring"], ["engasjement", "motivasjon"]),
    "kreativitet": (1, 1, ["kreativitet", "nye ideer", "nytenkning", "nye impulser",
                           "innovasjon"], ["nye idear", "kreativitet"]),
    "perspektiv": (2, 2, ["perspektiv", "perspektivrikdom", "større perspektiv",
                          "nye perspektiver", "vidsyn", "horisontutvidelse"],
                   ["nye perspektiv", "vidsyn"]),
    "elevmedvirkning": (0.5, 1.2, ["elevmedvirkning", "elevdemokrati", "elevinvolvering"],
                        ["elevmedverknad"]),
    "kvalitet": (1.5, 1.5, ["kvalitetsutvikling", "bedre undervisning", "nye metoder",
                            "fagfornyelsen", "LK20", "tverrfaglige temaer", "bærekraftig utvikling"],
                 ["betre undervisning", "fagfornyinga"]),
    "kulturforstaelse": (1.5, 1.5, ["kulturforståelse", "interkulturell kompetanse",
                                    "kulturkunnskap"], ["kulturforståing"]),
    "sprak": (1, 1, ["språk", "språkkompetanse", "engelsk", "fremmedspråk"],
              ["språk", "framandspråk"]),
}

TYPOS = {
    "kulturforståelse": "kulturforstålse", "vennskap": "vennskapp", "engelsk": "engelks",
    "selvtillit": "selvtilit", "samarbeid": "samarbied", "toleranse": "tolleranse",
    "mestring": "mestrig", "opplevelser": "oppleveser", "nettverk": "nettvek",
    "inspirasjon": "inspirasjion", "internasjonalisering": "internasjonalsering",
    "omdømme": "omdøme", "kompetanse": "kompetance", "motivasjon": "motvasjon",
    "språkferdigheter": "språkferdigheiter", "kommunikasjon": "kommunikasjo",
    "utvikling": "utvkling", "kreativitet": "kreativtet", "refleksjon": "reflesksjon",
}
NOISE_ONLY = ["Vet ikke", "-", "?", "vet ikke", "Usikker", "..."]
NOISE_WORDS = ["mye", "bra", "masse", "mye bra", "alt", "Bra"]

# Respondents written by hand: id -> (elev words, lærer words, skole cell). None = generate.
# They carry the traps the tool must handle (negation, a list typed into one box, a numbered
# list, a sentence, gaps between boxes, nynorsk) and the typos the brief asks for.
HANDWRITTEN: dict[int, tuple[list[str] | None, list[str] | None, str | None]] = {
    3: (["Språkferdigheter", "Kulturforstålse", "Vennskap", "Mestring", "Glede"],
        ["Nettverk", "Inspirasjon", "Kulturforståelse", "Refleksjon over egen praksis"],
        "Kompetanse, Samarbeid, Omdømme"),
    9: (["engelsk", "Engelsk", "vennskapp", "opplevelser"],
        ["engelsk", "nettverk", "mye arbeid"],
        "internasjonalisering; synlighet"),
    14: (["venskap", "språkkunnskapar", "meistring", "glede", "kulturforståing"],
         ["nettverk", "påfyll", "refleksjon over eigen praksis", "engelsk"],
         "internasjonalisering\nomdømme\ndelingskultur"),
    20: (["Språk, kultur, vennskap, mestring", "", "", "", ""],
         ["Nettverk, motivasjon, engelsk", "", "", "", ""],
         "Samarbeid, kompetanse, nettverk, omdømme"),
    27: (["engelks", "nye venner", "se verden", "selvtillit", "mye"],
         ["nye metoder", "inspirasjon", "motivasjon", "bra"],
         "1. Kompetanse\n2. Samarbeid\n3. Omdømme"),
    33: (["ikke bare språk", "vennskap", "mestringsfølelse"],
         ["samarbeid", "", "kulturforståelse"],
         "Skolen har fått et bedre omdømme og er blitt mer synlig i kommunen"),
    41: (["kritisk tenkning", "Engelsk", "", "kulturforståelse", "Selvstendighet"],
         ["faglig fellesskap", "didaktikk", "kjennskap til andre skolesystemer", "", ""],
         "avhenger av forankring i ledelsen; for få lærere involvert"),
    48: (["Vennskap", "vennskap", "toleranse", "klimabevissthet", "samarbeidsevne"],
         ["Vennskap", "nettverksbygging", "kulturforståelse", "motivasjon", "inspirasjon"],
         "- internasjonalisering\n- mangfold\n- utviklingsvilje\n- stolthet"),
    56: (["mye", "bra", "", "", ""],
         ["Mye", "", "", "", ""],
         "bra"),
    63: (["Språkforståelse", "Vennskapsbånd", "Utfordringer", "Modning", "Engelskkunnskaper"],
         ["Kulturforståelse", "Perspektivutviklende", "Faglig fellesskap", "Nettverk", "Motivasjon"],
         "Kompetanse;Nettverk;Samarbeid;Internasjonalisering;Omdømme"),
    70: (["fremmedspråk", "tysk", "kulturforståelse", "internasjonal erfaring", "ansvar"],
         ["faglig oppdatering", "nettverk", "tysk", "hospitering"],
         "internasjonal profil,\nrekruttering,\nfagkompetanse"),
    77: (["klima", "bærekraft", "demokrati", "samarbeid", "engasjement"],
         ["tverrfaglig samarbeid", "nye arbeidsmåter", "nettverk"],
         "tverrfaglighet, bærekraftig utvikling, delingskultur, engasjement, omdømme"),
}
# Respondents without a usable answer: (elev, lærer, skole) where "" = left empty and "noise"
# = a non-answer such as "Vet ikke" or "-". 6 / 7 / 9 without a substantive answer.
# Respondent 56 (handwritten: "mye", "bra") also counts as no answer in all three.
NO_ANSWER = {
    12: ("", "", ""), 38: ("", "", ""), 59: ("", "", ""), 81: ("", "", ""),
    24: ("noise", "noise", "noise"), 66: (None, "noise", None),
    45: (None, None, ""), 52: (None, None, "noise"), 74: (None, None, ""),
}
# Handwritten respondents whose words only make sense at a given school type or county.
FIXED_METADATA = {
    14: ("ungdomsskole", "Vestland"),
    41: ("videregående skole", None),
    70: ("videregående skole", "Møre og Romsdal"),
}


def pick_concepts(rng: random.Random, table: dict, vgs: bool, k: int) -> list[str]:
    """Draw k distinct concepts, weighted by school level, most salient first."""
    pool = {c: (v[1] if vgs else v[0]) for c, v in table.items()}
    pool = {c: w for c, w in pool.items() if w > 0}
    chosen = []
    for _ in range(min(k, len(pool))):
        concepts, weights = zip(*pool.items())
        c = rng.choices(concepts, weights=weights)[0]
        chosen.append(c)
        del pool[c]
    return chosen


def surface(rng: random.Random, table: dict, concept: str, nynorsk: bool) -> str:
    _, _, nb, nn = table[concept]
    forms = nn if (nynorsk and nn and rng.random() < 0.8) else nb
    # The plain dictionary word is what most respondents write; phrases are the long tail.
    weights = [max(3, len(forms))] + [2] * min(1, len(forms) - 1) + [1] * max(0, len(forms) - 2)
    return rng.choices(forms, weights=weights)[0]


def style(rng: random.Random, word: str, case: str) -> str:
    if word in TYPOS and rng.random() < 0.05:
        word = TYPOS[word]
    if case == "cap" or (case == "mixed" and rng.random() < 0.5):
        word = word[0].upper() + word[1:]
    if rng.random() < 0.02:
        word = word + "."
    if rng.random() < 0.02:
        word = " " + word if rng.random() < 0.5 else word + " "
    return word


def words_for(rng: random.Random, table: dict, vgs: bool, nynorsk: bool, case: str,
              k: int, noise_p: float) -> list[str]:
    out, seen = [], set()
    for concept in pick_concepts(rng, table, vgs, k + 2):
        if len(out) == k:
            break
        w = surface(rng, table, concept, nynorsk)
        if w.lower() in seen:
            continue
        seen.add(w.lower())
        out.append(style(rng, w, case))
    if len(out) >= 2 and rng.random() < noise_p:
        out[-1] = rng.choice(NOISE_WORDS)
    return out


def n_words(rng: random.Random, diligence: float, dist: list[int]) -> int:
    k = rng.choices([5, 4, 3, 2, 1], weights=dist)[0]
    if diligence > 0.8:
        k = max(k, 4)
    elif diligence < 0.2:
        k = min(k, 3)
    return k


def five(words: list[str]) -> list[str]:
    return (words + [""] * 5)[:5]


def skole_cell(rng: random.Random, words: list[str]) -> str:
    sep = rng.choices([", ", ",", "; ", ";", "\n", ",\n", " , "],
                      weights=[35, 6, 18, 4, 25, 6, 2])[0]
    cell = sep.join(words)
    if rng.random() < 0.06:
        cell += "."
    return cell


def main() -> None:
    rng = random.Random(SEED)
    skoletyper, fylker, prosjekter = SKOLETYPER[:], FYLKER[:], PROSJEKTER[:]
    rng.shuffle(skoletyper)
    rng.shuffle(fylker)
    rng.shuffle(prosjekter)
    # Swap so the fixed respondents get their metadata and the totals stay the same.
    for rid, (want_type, want_fylke) in FIXED_METADATA.items():
        for values, want in ((skoletyper, want_type), (fylker, want_fylke)):
            if want is None or values[rid - 1] == want:
                continue
            j = next(j for j, v in enumerate(values)
                     if v == want and j + 1 not in FIXED_METADATA and j + 1 not in HANDWRITTEN)
            values[rid - 1], values[j] = values[j], values[rid - 1]

    rows = []
    for i in range(1, N_RESPONDENTS + 1):
        skoletype, fylke, antall = skoletyper[i - 1], fylker[i - 1], prosjekter[i - 1]
        vgs = skoletype == "videregående skole"
        nynorsk = rng.random() < NYNORSK_SHARE.get(fylke, 0.02)
        case = rng.choices(["lower", "cap", "mixed"], weights=[60, 30, 10])[0]
        diligence = rng.random()
        noise_p = 0.06

        elev = words_for(rng, ELEV, vgs, nynorsk, case,
                         n_words(rng, diligence, [55, 18, 15, 8, 4]), noise_p)
        laerer = words_for(rng, LAERER, vgs, nynorsk, case,
                           n_words(rng, diligence, [48, 20, 17, 10, 5]), noise_p)
        skole_words = words_for(rng, SKOLE, vgs, nynorsk, case,
                                n_words(rng, diligence, [32, 22, 24, 14, 8]), noise_p)

        # Now and then a respondent writes the same word twice in different case.
        if len(elev) >= 3 and rng.random() < 0.04:
            elev[1] = elev[0].strip(" .").capitalize() if elev[0][0].islower() else elev[0].lower()
        # Now and then a box in the middle is skipped.
        elev_cells, laerer_cells = five(elev), five(laerer)
        if len(elev) == 4 and rng.random() < 0.25:
            elev_cells = elev[:2] + [""] + elev[2:]
        skole = skole_cell(rng, skole_words)

        if i in HANDWRITTEN:
            e, l, s = HANDWRITTEN[i]
            elev_cells = five(e) if e is not None else elev_cells
            laerer_cells = five(l) if l is not None else laerer_cells
            skole = s if s is not None else skole
        if i in NO_ANSWER:
            e, l, s = NO_ANSWER[i]
            noise = lambda: rng.choice(NOISE_ONLY)  # noqa: E731
            if e is not None:
                elev_cells = five([noise()] if e == "noise" else [])
            if l is not None:
                laerer_cells = five([noise()] if l == "noise" else [])
            if s is not None:
                skole = noise() if s == "noise" else ""

        rows.append([f"R{i:03d}", skoletype,
                     "videregående" if vgs else "grunnskole", fylke, str(antall),
                     *elev_cells, *laerer_cells, skole])

    with OUT.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter=";", lineterminator="\r\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    print(f"wrote {len(rows)} respondents to {OUT}")


if __name__ == "__main__":
    main()
