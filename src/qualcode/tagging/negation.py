"""Negation scope: a term in a negated clause is not evidence.

A clause runs between punctuation, contrast words ("men", "likevel") and sentence starts, so
in «Språket er ikke det viktigste, men utveksling av ideer …» "Språket" is negated and
"utveksling" is not; in «verken Teams eller eTwinning» both are. "og" does not break a clause:
it joins noun phrases far more often than clauses in these texts («Demokrati og sånt kom
ikke inn»).

Within a clause, everything after a cue is negated, but before it only the few words that are
its subject or copula («Språket er ikke …», «Bærekraft var ikke …»): in «elever fra ressurssvake
hjem skulle få en opplevelse de ellers ikke ville fått» the cue belongs to a clause of its own.

Beside a cue's scope, a sentence can say that a topic it names was absent («Bærekraft ble ikke tatt opp», «…, men
det ble aldri noe av»): every such frame the tagger reads is a row of one table, :data:`ABSENCE_FRAMES` (see
:class:`AbsenceFrame`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from qualcode.tagging.tokens import Tokens

NEGATION_CUES = frozenset({"ikke", "ikkje", "aldri", "uten", "utan", "verken", "hverken", "korkje", "ingen", "inga",
                           "ingi", "ingenting", "intet", "inkje"})
# Cues that do not negate what follows: "ikke bare … men også", "ikke minst", "uten tvil".
# A negated fear or shyness is courage: in «ikke redd for engelsk» the language is still the topic.
NEGATED_FEARS = frozenset({"redd", "redde", "rædd", "sjenert", "sjenerte", "flau", "flaue", "nervøs", "nervøse",
                           "engstelig", "engstelige", "engsteleg", "engstelege", "usikker", "usikre", "skamfull",
                           "blyg", "blyge"})
NOT_NEGATING_NEXT = {
    "ikke": {"bare", "berre", "minst", "sant", "kun", "bara", "mindre"} | NEGATED_FEARS,
    "ikkje": {"berre", "minst", "sant", "kun", "mindre"} | NEGATED_FEARS,
    # «ei oppleving dei aldri gløymer»: never forgetting is emphasis, not negation
    "aldri": {"glemme", "glemmer", "glemt", "gløyme", "gløymer", "gløymt"},
    "uten": {"tvil", "tvi"},
    "utan": {"tvil"},
    "ingen": {"tvil", "tvi"},
}
# «aldri … før» (never before) says the thing is new, not absent: «Jeg hadde aldri holdt et webinar
# før, men nå …» is about the webinar.
FIRST_TIME = frozenset({"før", "tidligere", "tidlegare"})
BEFORE_CUE = 4  # words before a cue that it still negates («Demokrati og sånt kom ikke …»)
# Sentence adverbs do not count towards BEFORE_CUE: «Miljø og sånn var egentlig ikke noe …».
SENTENCE_ADVERBS = frozenset({"egentlig", "eigentleg", "jo", "heller", "altså", "vel", "nok", "liksom", "faktisk",
                              "helt", "heilt", "akkurat", "nesten", "nærmest", "nærmast"})
# A preposition negates its object only: in «ute i naturen uten å sette spor» nature is not denied.
FORWARD_ONLY = frozenset({"uten", "utan"})
# A cue after a question word in its clause is part of a topic, not a denial: «vi snakket om hvorfor
# unge ikke stemmer», «hvordan det er å ikke ha stemmerett» are about voting.
TOPIC_OPENERS = frozenset({"hvorfor", "kvifor", "hvordan", "korleis", "hvorvidt"})
# Subordinating conjunctions open a clause of their own: in «vi ville ikkje fly når heile prosjektet
# handla om berekraft» the sustainability is not negated.
CLAUSE_BREAKERS = frozenset({"men", "likevel", "derimot", "mens", "medan", "fordi", "samtidig", "samstundes", "når",
                             "dersom", "hvis", "viss", "siden", "sidan", "ettersom", "sia"})
# «og»/«eller» before a finite verb or a subject pronoun starts a clause of its own: in «hadde
# innvandrerbakgrunn og hadde aldri vært …» the background is not negated.
COORDINATORS = frozenset({"og", "eller", "så"})
CLAUSE_OPENERS = frozenset({"hadde", "har", "var", "er", "ble", "blei", "vart", "blir", "vert", "fikk", "fekk", "får",
                            "kom", "gikk", "gjekk", "skulle", "skal", "kunne", "kan", "ville", "vil", "måtte", "må",
                            "vi", "me", "de", "dei", "han", "hun", "ho", "jeg", "eg", "det", "den", "man", "ein", "en"})
# A relative or complement clause's subject: a cue after it does not reach back past it.
RELATIVE_OPENERS = frozenset({"som", "at", "der"})
SUBJECT_PRONOUNS = frozenset({"det", "vi", "me", "de", "dei", "han", "hun", "ho", "jeg", "eg", "man", "ein"})
# A personal pronoun right after a finite verb is an inverted subject: what stands before the verb is
# the fronted object, and the cue covers it («Det digitale fekk vi eigentleg ikkje tid til»). A dummy
# «det» is not: in «jentene med minoritetsbakgrunn var det aldri aktuelt» the girls are not denied.
# The verbs of using and doing a topic is fronted with, finite: «eTwinning brukte vi ikkje», «Det digitale
# gjorde vi lite med»; and of talking about or learning it: «demokrati snakka vi ikkje om», «Digitalt lærte vi
# ingenting nytt».
FINITE_VERBS = CLAUSE_OPENERS - SUBJECT_PRONOUNS - {"en"} | {"brukte", "bruker", "brukar", "gjorde", "gjør", "gjer",
                                                          "rakk", "rekk", "laget", "lagde", "laga", "prøvde",
                                                          "testet", "testa", "tok", "tar", "tek", "jobbet", "jobba",
                                                          "arbeidde", "snakket", "snakka", "snakker", "snakkar",
                                                          "diskuterte", "diskuterer", "lærte", "lærer", "lærde",
                                                          "nevnte", "nemnde", "tenkte", "fokuserte"}
# A copula and a dummy «det» after a fronted predicative, with the cue ending the clause: «så miljøvennleg
# var det ikkje» denies the predicative (a cue with more after it, «… var det aldri aktuelt», does not).
COPULAS = frozenset({"var", "er", "ble", "blei", "vart", "blir", "vert"})
# A cue right after «som» is the relative clause's: its verb follows the cue, and the next finite verb is the
# main clause's. In «Ho som ikkje kunne reise var med digitalt» and «elevane som ikkje fekk reise fekk vere med
# via videomøte» the pupil took part online; only the travelling is denied.
MAIN_VERBS = CLAUSE_OPENERS - SUBJECT_PRONOUNS - {"en", "den"} | {"deltok", "deltek", "deltar", "fulgte", "følgde"}


def _relative_clause_end(lowers: list[str], cue: int, end: int) -> int:
    """Where the scope of the cue at ``cue`` ends: before the main clause's verb when the cue opens a
    relative clause («som ikke kunne reise | fikk være med»), else at ``end``."""
    if cue == 0 or lowers[cue - 1] != "som":
        return end
    return next((j for j in range(cue + 2, end) if lowers[j] in MAIN_VERBS), end)


# «hvis ikke de svakeste elevene får være med»: a condition states no fact, its cue denies nothing
CONDITIONS = frozenset({"hvis", "viss", "dersom"})
NOW = frozenset({"nå", "no", "etter", "etterpå", "sidan", "siden"})
PUNCT_BREAKERS = frozenset({",", ".", ";", ":", "!", "?", "—", "–", "(", ")", "«", "»", '"'})


def negated_tokens(tokens: Tokens) -> set[int]:
    """Indices (into ``tokens``) of the tokens a negation cue covers (see the module docstring)."""
    negated: set[int] = set()
    lowers = tokens.lower
    if NEGATION_CUES.isdisjoint(lowers):
        # most texts: no cue at all («men det ble kuttet» needs none, only a word of cancelling)
        return _came_to_nothing(tokens) if not CANCELLED.isdisjoint(lowers) else negated
    clause: list[int] = []
    first_cue: int | None = None

    def close() -> None:
        if first_cue is not None and not ((lowers[first_cue] == "aldri" or _now_after(clause[-1] + 1))
                                          and any(lowers[i] in FIRST_TIME for i in clause if i > first_cue)):
            back, counted = first_cue, 0
            # «tog og ikkje fly», «kom som asylsøkar og ikkje blir sett»: a cue right after «og»/«eller» denies
            # what follows it, not the conjunct before
            # «kor viktig det er med sterke passord og å ikkje klikke»: a cue right after «å» denies its infinitive
            forward_only = lowers[first_cue] in FORWARD_ONLY or (first_cue > 0 and lowers[first_cue - 1] in {"og", "eller", "å"})
            while back > 0 and counted < BEFORE_CUE and not forward_only:
                back -= 1  # never past the text's start («Vet ikke»)
                counted += lowers[back] not in SENTENCE_ADVERBS
            subject = first_cue - 1
            while subject > clause[0] and lowers[subject] in REGRETS:
                subject -= 1  # «demokrati og sånn snakket vi egentlig ikke om»: sentence adverbs after the subject
            if (not forward_only and subject > 0 and lowers[subject] in SUBJECT_PRONOUNS - {"det"}
                    and lowers[subject - 1] in FINITE_VERBS):
                # «KI eller digitale verktøy brukte vi ikke»: before an inverted subject the whole fronted object
                # is denied, a list of several words too
                back = clause[0]
            ends = clause[-1] == first_cue
            for j in range(first_cue - 1, back - 1, -1):
                inverted = (lowers[j] != "det" or ends and j == first_cue - 1) and j > back and lowers[j - 1] in (
                    FINITE_VERBS if lowers[j] != "det" else COPULAS)
                if lowers[j] in RELATIVE_OPENERS or (lowers[j] in SUBJECT_PRONOUNS and j >= first_cue - 2
                                                     and not inverted):
                    # «en gutt med autisme som aldri hadde …»: the cue's clause starts at «som»;
                    # «jentene med minoritetsbakgrunn var det aldri aktuelt»: its subject is «det»
                    back = j
                    break
            negated.update(i for i in clause if back <= i < _relative_clause_end(lowers, first_cue, clause[-1] + 1))

    def _now_after(i: int) -> bool:
        # «Eg var ikkje stødig på det digitale før, men no …», «ingen kunne noko om koding før, men etter kurset …»:
        # not before, but now, is something new, not something absent
        return lowers[i:i + 1] == [","] and lowers[i + 1:i + 2] == ["men"] and not NOW.isdisjoint(lowers[i + 2:i + 4])

    for i, lower in enumerate(lowers):
        opens = lower in COORDINATORS and i + 1 < len(lowers) and lowers[i + 1] in CLAUSE_OPENERS
        if clause and (tokens.sent_start[i] or lower in PUNCT_BREAKERS or lower in CLAUSE_BREAKERS or opens):
            close()
            clause, first_cue = [], None
        clause.append(i)
        if lower in NEGATION_CUES and first_cue is None and not (i > 0 and lowers[i - 1] in CONDITIONS):
            nxt = lowers[i + 1] if i + 1 < len(lowers) else ""
            if nxt not in NOT_NEGATING_NEXT.get(lower, ()) and TOPIC_OPENERS.isdisjoint(lowers[j] for j in clause):
                first_cue = i
    close()
    negated.update(_came_to_nothing(tokens))
    return negated


# -- Absence frames ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AbsenceFrame:
    """One way of saying that a topic was absent from the project, beside «ikke X»; every one the tagger reads is a
    row of :data:`ABSENCE_FRAMES`.

    A frame is read at one of the words ``at``, tested by ``reads(tokens, start, i, end)`` (``i`` the word's
    position, ``start:end`` its clause; for reach "before" the sentence's start and the text's end), and has one of
    two reaches:

    - ``"before"``: a report that what the sentence named before it never happened — «…, men det ble aldri noe av»,
      «…, men det ble kuttet», «…, og vi droppet det». The sentence's words before the frame are negated, whatever
      their category (:func:`negated_tokens`).
    - ``"clause"``: a statement that the topic its clause names was absent — «Bærekraft ble ikke tatt opp»,
      «Digitalt ble det ingenting av». The category of the clause's evidence is dropped from the sentence's start up
      to the next contrast, the reason given after it included (:func:`absent_topics`, read by the tagger's
      ``_absent_categories``).

    Each test's docstring gives the words it reads; the word lists they share are defined below.
    """

    name: str
    at: frozenset[str]
    reach: str
    reads: Callable[[Tokens, int, int, int], bool]


# «det ble aldri noe av», «det vart ikkje noko av»: what was planned before it never happened.
CAME_TO = frozenset({"ble", "blei", "vart", "blir", "vert"})
NOTHING = frozenset({"noe", "noko", "noen", "nokon"})
# «…, men det ble kuttet», «men det forsvann», «men det vart ikkje noko meir enn ei overskrift»: a
# contrast whose subject («det», the plan just named) was dropped cancels what the sentence named before it.
CANCELLED = frozenset({"kuttet", "kutta", "forsvant", "forsvann", "droppet", "droppa", "strøket", "stroke", "avlyst",
                       "avlyste", "skrinlagt", "skrinlagd", "utsatt", "utsett"})
MORE_THAN = frozenset({"mer", "meir"})
# «det ble dessverre ikke noe av», «det vart nok aldri noko av»: a sentence adverb between the verb and the cue
REGRETS = SENTENCE_ADVERBS | {"dessverre", "diverre", "uheldigvis", "likevel", "allikevel"}
# «…, men det rakk vi aldri», «men det fikk vi ikke til», «men det kom vi aldri i gang med»: the plan named
# before it was never carried out
GOT_TO = frozenset({"rakk", "rekk", "rukket", "rokke", "fikk", "fekk", "gjorde", "kom", "brukte"})
# «…, men ærlig talt jobbet vi aldri med det», «men me arbeidde ikkje med det»: the topic named before it was never
# worked on
WORKED = frozenset({"jobbet", "jobba", "jobbar", "jobber", "arbeidet", "arbeidde", "arbeider", "arbeidar"})
# «Vi hadde tenkt å ha elevrådet med, men det ble ikke sånn»: the plan named before it did not turn out so
SO = frozenset({"sånn", "slik", "slikt"})
LITTLE = frozenset({"mye", "mykje", "noe", "noko", "stort"})
NOTHING_WITH = {("ingenting",), ("ikke", "noe"), ("ikkje", "noko"), ("ikke", "noen"), ("ikkje", "nokon")}
TO_DO = frozenset({"gjøre", "gjere", "gjera"})
# «ikke noe tema», «klima vart ikkje noko tema», «ikke noe fokus på inkludering», «elevrådet var ikke involvert»: the
# word that says the topic was absent follows the cue, at most ABSENCE_GAP words on
ABSENCE_WORDS = frozenset({"tema", "temaet", "poeng", "poenget", "fokus", "fokuset", "nevnt", "nemnt", "diskutert",
                           "involvert", "prioritert"})
TAKEN_UP = frozenset({"tatt", "teke", "kom", "kommet", "kome"})  # «ikke tatt opp», «kom aldri opp»
TALKED = frozenset({"snakket", "snakka", "snakker", "snakkar", "pratet", "prata", "diskuterte"})  # «snakka aldri om»
ABSENCE_FILLERS = SENTENCE_ADVERBS | {"noe", "noko", "noen", "nokon", "et", "eit", "en", "ein", "eget", "eige", "så",
                                      "vært", "vore", "blitt", "vorte", "stort", "spesielt", "særlig", "særleg", "mye",
                                      "mykje", "i", "seg", "selv", "sjølv", "sjøl", "nokre"}
ABSENCE_GAP = 4
# «det var ingen elevråd involvert», «ingen snakka om utslepp»: after «ingen» the topic comes first, in at most this
# many words
NOBODY = frozenset({"ingen", "inga", "ingi"})
NOBODY_TOPIC_WORDS = 2
# «det har i praksis ikke vært et tema», «ble det ikke gjort noe med det»: an absence said of «det», a topic named
# before in the sentence (the statement's clause then reaches back to the sentence's start)
ANAPHORS = frozenset({"det", "dette"})
DONE = frozenset({"gjort", "gjorde", "gjordes"})
ANAPHOR_CLAUSE = ANAPHORS | COPULAS | SENTENCE_ADVERBS | {"har", "hadde", "i", "praksis", "realiteten", "men", "så",
                                                          "da", "då", "nå", "no"}
# «det digitale var heilt fråverande», «Politikk og sånt holdt vi helt utenfor» (a fronted topic before an inverted
# subject; «holdt appell utenfor rådhuset», «blir holdt utenfor» are something else): absent without a cue
ABSENT = frozenset({"fraværende", "fråverande", "fraværande"})
KEPT_OUT = (frozenset({"holdt", "heldt", "haldt", "holder", "held"}), frozenset({"utenfor", "utanfor"}))
# «Det digitale fekk me ikkje til», «Klimaet var det ingen som tenkte på»: a fronted topic the speakers did not manage
# or nobody gave a thought
MANAGED = frozenset({"fikk", "fekk", "får"})
THOUGHT_OF = frozenset({"tenkte", "tenkt", "tenker", "tenkjer", "brydde", "brydd", "bryr"})
# «Det digitale ble det lite av», «det vart lite av det digitale», «det ble lite tid til demokrati»: little came of
# the topic, said without a cue
LITTLE_WORDS = frozenset({"lite", "lita"})
LITTLE_BEFORE = REGRETS | {"for", "så", "so", "veldig", "svært"}
# «Bærekraft kom vi aldri så langt som til», «me kom ikkje så langt»: the project never got as far as the topic
FAR = frozenset({"langt"})
# «Inkludering var det ingen som snakket om», «Mangfald var det ingen som tok opp»: nobody gave the topic a word
MENTIONED = frozenset({"nevnte", "nemnde", "nevnt", "nemnt", "tok", "tek", "tar"})
# «Jeg kan ikke si at det handlet om inkludering, …», «Eg vil ikkje seie at kurset handla om miljø, …»: the speaker
# denies the priority named after «at», and what follows up to a contrast is the reason
CAN = frozenset({"kan", "kunne", "vil", "ville"})
SAY = frozenset({"si", "seie", "seia", "påstå"})


def _came_to(lowers: list[str], cue: int) -> bool:
    """True if the cue at ``cue`` follows «ble/vart», perhaps with sentence adverbs between."""
    j = cue - 1
    while j > 0 and lowers[j] in REGRETS:
        j -= 1
    return lowers[j] in CAME_TO


def _came_to_little(lowers: list[str], i: int) -> bool:
    """True if ``lowers[i:]`` reads «(så) mye/noe … av» after «ble det ikke»."""
    j = i + (lowers[i] in {"så", "so"}) if i < len(lowers) else i
    j += j + 1 < len(lowers) and lowers[j] in LITTLE and lowers[j + 1] in {"særlig", "særleg"}  # «noe særlig av»
    return j + 1 < len(lowers) and lowers[j] in LITTLE | {"særlig", "særleg"} and lowers[j + 1] == "av"


def _to_do_with(lowers: list[str], k: int) -> bool:
    """True if ``lowers[k:]`` reads «med (at most three words) å gjøre»: «ingenting med prosjektet å gjøre»."""
    if k >= len(lowers) or lowers[k] != "med":
        return False
    rest = lowers[k + 1:k + 6]
    return any(rest[m] == "å" and m + 1 < len(rest) and rest[m + 1] in TO_DO for m in range(1, min(4, len(rest))))


def _with_it(lowers: list[str], k: int, end: int) -> bool:
    """True if «med det/dette» follows position ``k`` over fillers: «(ikke gjort) noe med det»."""
    while k < end and lowers[k] in ABSENCE_FILLERS:
        k += 1
    return k + 1 < end and lowers[k] == "med" and lowers[k + 1] in ANAPHORS


# -- the frames of reach "before" (read at ``i``; ``start`` is the sentence's start, ``end`` the text's end) --------

def _never_happened(tokens: Tokens, start: int, i: int, end: int) -> bool:
    """«… ble aldri noe av», «… vart ikkje noko meir enn ei overskrift»: the cue at ``i`` after «ble/vart»."""
    lowers = tokens.lower
    return (0 < i < len(lowers) - 2 and _came_to(lowers, i) and lowers[i + 1] in NOTHING
            and lowers[i + 2] in {"av"} | MORE_THAN)


def _came_to_little_before(tokens: Tokens, start: int, i: int, end: int) -> bool:
    """«Digitalt ble det ikke så mye av», «Det digitale var det ikkje så mykje av»: the fronted topic came to
    little."""
    lowers = tokens.lower
    return (1 < i < len(lowers) - 2 and lowers[i - 1] == "det" and lowers[i - 2] in CAME_TO | {"var", "er"}
            and _came_to_little(lowers, i + 1))


def _dropped_it(tokens: Tokens, start: int, i: int, end: int) -> bool:
    """«Det digitale fungerte dårlig, og vi droppet det»: the pupils' plan named before «og/så» was dropped."""
    lowers = tokens.lower
    return (i + 3 < len(lowers) and lowers[i + 1] in SUBJECT_PRONOUNS - {"det"} and lowers[i + 2] in CANCELLED
            and lowers[i + 3] in {"det", "den", "dei", "dem"})


def _cancelled(tokens: Tokens, start: int, i: int, end: int) -> bool:
    """«…, men det ble kuttet», «men det forsvant litt»; not «men det var et bevisst valg for å kutte»."""
    lowers = tokens.lower
    if not (i + 2 < len(lowers) and lowers[i + 1] == "det"):
        return False
    after = lowers[i + 2:i + 5]
    return after[0] in CANCELLED or (after[0] in CAME_TO and len(after) > 1 and after[1] in CANCELLED)


def _did_nothing_with_it(tokens: Tokens, start: int, i: int, end: int) -> bool:
    """«…, men i røynda gjorde vi ingenting med det», «men ærlig talt gjorde vi ikke noe med det», «men det hadde
    ingenting med prosjektet å gjøre»: nothing was done with what came before «men» at ``i``, or it had nothing to
    do with the project."""
    lowers = tokens.lower
    if not i + 2 < len(lowers):
        return False
    for j in range(i + 1, min(i + 9, len(lowers))):
        if tokens.sent_start[j] or lowers[j] in PUNCT_BREAKERS:
            return False
        for words in NOTHING_WITH:
            k = j + len(words)
            if tuple(lowers[j:k]) == words and (lowers[k:k + 2] in (["med", "det"], ["av", "det"], ["med", "dei"])
                                                or _to_do_with(lowers, k)):
                return True
    return False


def _never_got_to_it(tokens: Tokens, start: int, i: int, end: int) -> bool:
    """«…, men det rakk vi aldri», «men det fikk vi ikke til», «men det kom vi aldri i gang med»: «men det
    <rakk/fikk/gjorde …> <pronoun> <ikke/aldri>» at ``i``."""
    lowers, i = tokens.lower, i + 1
    return (i + 3 < len(lowers) and lowers[i] == "det" and lowers[i + 1] in GOT_TO
            and lowers[i + 2] in SUBJECT_PRONOUNS - {"det"} and lowers[i + 3] in {"ikke", "ikkje", "aldri"})


def _never_worked_with_it(tokens: Tokens, start: int, i: int, end: int) -> bool:
    """«…, men ærlig talt jobbet vi aldri med det», «men me arbeidde ikkje med det»: «<worked> <pronoun>
    <ikke/aldri> med det/dette» within eight words of «men» at ``i``."""
    lowers = tokens.lower
    if not i + 2 < len(lowers):
        return False
    for j in range(i + 1, min(i + 9, len(lowers) - 4)):
        if tokens.sent_start[j] or lowers[j] in PUNCT_BREAKERS:
            return False
        if (lowers[j] in WORKED and lowers[j + 1] in SUBJECT_PRONOUNS - {"det"}
                and lowers[j + 2] in {"ikke", "ikkje", "aldri"} and lowers[j + 3] == "med"
                and lowers[j + 4] in {"det", "dette"}):
            return True
    return False


def _did_not_turn_out(tokens: Tokens, start: int, i: int, end: int) -> bool:
    """«Vi hadde tenkt å ha elevrådet med, men det ble ikke sånn»: «men det ble/vart ikke/ikkje sånn/slik» at ``i``,
    the clause ending there."""
    lowers, i = tokens.lower, i + 1
    return (i + 4 <= len(lowers) and lowers[i] == "det" and lowers[i + 1] in CAME_TO
            and lowers[i + 2] in {"ikke", "ikkje", "aldri"} and lowers[i + 3] in SO
            and (i + 4 == len(lowers) or lowers[i + 4] in PUNCT_BREAKERS))


# -- the frames of reach "clause" (read at ``i`` in the clause ``start:end``) ----------------------------------------

def _gave_it_thought(lowers: list[str], j: int, end: int) -> bool:
    """True if ``lowers[j:]`` reads a verb of thinking, talking or mentioning: «tenkte på», «snakket om», «nevnte»,
    «tok opp»."""
    if lowers[j] in THOUGHT_OF or lowers[j] in TALKED:
        return True
    return lowers[j] in MENTIONED and (lowers[j] not in {"tok", "tek", "tar"} or "opp" in lowers[j + 1:end])


def _nobody_who(tokens: Tokens, start: int, cue: int, end: int) -> bool:
    """«det var ingen som snakket om klima», «ingen som tok opp mangfald»: «ingen som» and a verb of talking,
    thinking or mentioning."""
    lowers = tokens.lower
    return (lowers[cue] in NOBODY and cue + 3 < end and lowers[cue + 1] == "som"
            and _gave_it_thought(lowers, cue + 2, end))


def _not_got_done(tokens: Tokens, start: int, cue: int, end: int) -> bool:
    """«Klimaregnskapet fikk vi aldri gjort noe med», «Miljøarbeidet fekk me ikkje gjort»: «fikk/fekk … <cue>
    (fillers) gjort», then «med» or the clause's end; not «det hadde de aldri gjort (før)», a first time."""
    lowers = tokens.lower
    j = cue + 1
    while j < end and j < cue + 1 + ABSENCE_GAP and lowers[j] in ABSENCE_FILLERS:
        j += 1
    return (j < end and lowers[j] in DONE and _then_med_or_end(lowers, j + 1, end)
            and not MANAGED.isdisjoint(lowers[start:cue]))


def _not_so_far(tokens: Tokens, start: int, cue: int, end: int) -> bool:
    """«Bærekraft kom vi aldri så langt som til», «me kom ikkje så langt»: the cue, (så), «langt»."""
    lowers = tokens.lower
    j = cue + 1 + (cue + 1 < end and lowers[cue + 1] in {"så", "so"})
    return j < end and lowers[j] in FAR


def _inverted_talk(tokens: Tokens, start: int, cue: int, end: int) -> bool:
    """True if the cue follows «snakket/snakka <pronoun> (adverbs)» and «om» comes within ABSENCE_GAP words over
    fillers: «demokrati og sånn snakket vi egentlig ikke om», «det snakka me ikkje så mykje om»."""
    lowers = tokens.lower
    k = cue - 1
    while k > 0 and lowers[k] in REGRETS:
        k -= 1
    if not (k > 0 and lowers[k] in SUBJECT_PRONOUNS - {"det"} and lowers[k - 1] in TALKED):
        return False
    j = cue + 1
    while j < end and j < cue + 1 + ABSENCE_GAP and lowers[j] in ABSENCE_FILLERS:
        j += 1
    return j < end and lowers[j] == "om"


def _no_time(tokens: Tokens, start: int, cue: int, end: int) -> bool:
    """True if the cue is followed over fillers by «tid til»: «vi hadde ikke tid til eTwinning», «Demokrati ble det
    ikke noe tid til», «KI-verktøy fikk vi ikke tid til»."""
    lowers = tokens.lower
    j = cue + 1
    while j < end and j < cue + 1 + ABSENCE_GAP and (lowers[j] in ABSENCE_FILLERS or lowers[j] == "nok"):
        j += 1
    return j + 1 < end and lowers[j] == "tid" and lowers[j + 1] == "til"


def _says_absent(tokens: Tokens, start: int, cue: int, end: int) -> bool:
    """The words after the cue say its topic was absent: «ikke noe tema», «ikkje vore eit tema», «ikke tatt opp»,
    «ikke noe fokus på», «aldri om» after a verb of talking; after «ingen» the topic itself may come first («ingen
    elevråd involvert», «ingen snakka om utslepp»); «ikke gjort noe med det» says it of a topic named before (see
    :func:`_anaphoric`)."""
    lowers = tokens.lower
    if cue > 0 and lowers[cue - 1] in TALKED and cue + 1 < end and lowers[cue + 1] == "om":
        return True
    nobody = lowers[cue] in NOBODY
    if nobody and cue + 2 < end and lowers[cue + 1] in TALKED and lowers[cue + 2] == "om":
        return True
    named = 0  # the topic's words between «ingen» and the word that says it was absent
    for j in range(cue + 1, min(cue + 1 + ABSENCE_GAP, end)):
        if lowers[j] in ABSENCE_WORDS or (lowers[j] == "opp" and lowers[j - 1] in TAKEN_UP):
            return True
        if lowers[j] in DONE and _with_it(lowers, j + 1, end):
            return True
        if lowers[j] not in ABSENCE_FILLERS and lowers[j] not in TAKEN_UP:
            named += 1
            if not nobody or named > NOBODY_TOPIC_WORDS:
                return False
    return False


def _fronted_came_to_nothing(tokens: Tokens, start: int, cue: int, end: int) -> bool:
    """«<topic> ble/vart det (adverbs) <cue> … av»: the fronted topic came to nothing or to little («Digitalt ble det
    egentlig ingenting av», «digitalt samarbeid ble det egentlig ikke noe av», «Digitalt vart det ikkje noko av»).
    The reason given after it («…, nettet var så dårleg at me gav opp heile bloggen») is no digital work either."""
    lowers = tokens.lower
    if lowers[cue] == "ingenting":
        if not (cue + 1 < end and lowers[cue + 1] == "av"):
            return False
    elif not _came_to_little(lowers[:end], cue + 1):
        return False
    k = cue - 1
    while k > start and lowers[k] in REGRETS:
        k -= 1
    return k - 1 > start and lowers[k] == "det" and lowers[k - 1] in CAME_TO | {"var", "er"}


def _fronted_not_managed(tokens: Tokens, start: int, cue: int, end: int) -> bool:
    """«<topic> fikk <pronoun> ikke til», «<pronoun> fikk ikke til (så mye) med <topic>» or «<topic> var det ingen
    som tenkte på/brydde seg om»: a topic not managed or given no thought («Det digitale fekk me ikkje til, nettet i
    verkstaden var elendig»)."""
    lowers = tokens.lower
    if lowers[cue] in {"ikke", "ikkje"}:
        if not (cue + 1 < end and lowers[cue + 1] == "til"):
            return False
        if (cue - 2 > start and lowers[cue - 1] in SUBJECT_PRONOUNS - {"det"} and lowers[cue - 2] in MANAGED
                and (cue + 2 == end or lowers[cue + 2] in PUNCT_BREAKERS)):
            return True
        # «Vi fikk ikke til så mye med digitale verktøy, nettet på skolen var elendig»: the topic after «med»
        k = cue + 2 + (cue + 2 < end and lowers[cue + 2] in {"så", "so"})
        k += k < end and lowers[k] in LITTLE
        return cue > 0 and lowers[cue - 1] in MANAGED and k < end and lowers[k] == "med"
    return (lowers[cue] in NOBODY and cue - 2 > start and lowers[cue - 1] == "det"
            and lowers[cue - 2] in CAME_TO | {"var", "er"} and cue + 2 < end and lowers[cue + 1] == "som"
            and _gave_it_thought(lowers, cue + 2, end))


def _cannot_say(tokens: Tokens, start: int, cue: int, end: int) -> bool:
    """«Jeg kan ikke si at det handlet om inkludering, …», «Eg vil ikkje seie at …»: «kan/vil ikke si/seie at»."""
    lowers = tokens.lower
    return (lowers[cue] in {"ikke", "ikkje"} and cue > 0 and lowers[cue - 1] in CAN and cue + 2 < end
            and lowers[cue + 1] in SAY and lowers[cue + 2] == "at")


def _came_to_little_word(tokens: Tokens, start: int, i: int, end: int) -> bool:
    """«Det digitale ble det dessverre lite av», «det vart lite av det digitale samarbeidet»: «lite av» after «ble/vart
    det» or «det ble/vart»; «det ble (for) lite tid til demokrati»: «lite tid til». No cue: «det ble lite matsvinn»
    is no absence and is not read."""
    lowers = tokens.lower
    if i + 2 < end and lowers[i + 1] == "tid" and lowers[i + 2] == "til":
        return True
    if not (i + 1 < end and lowers[i + 1] == "av"):
        return False
    k = i - 1
    while k > start and lowers[k] in LITTLE_BEFORE:
        k -= 1
    return k > start and ((lowers[k] == "det" and lowers[k - 1] in CAME_TO | {"var", "er"})
                          or (lowers[k] in CAME_TO and lowers[k - 1] == "det"))


def _absent_word(tokens: Tokens, start: int, i: int, end: int) -> bool:
    """«det digitale var heilt fråverande»: «fraværende» after a copula or a sentence adverb, no cue needed."""
    lowers = tokens.lower
    return i > start and lowers[i - 1] in COPULAS | SENTENCE_ADVERBS


def _kept_out(tokens: Tokens, start: int, i: int, end: int) -> bool:
    """«Politikk og sånt holdt vi helt utenfor»: a fronted topic before «holdt» and an inverted subject («holdt
    appell utenfor rådhuset», «blir holdt utenfor» are something else)."""
    lowers = tokens.lower
    return (i + 2 < end and lowers[i + 1] in SUBJECT_PRONOUNS - {"det"}
            and not KEPT_OUT[1].isdisjoint(lowers[i + 2:i + 4]))


# Every absence frame the tagger reads, in one table: name, the words it is read at, its reach, its test.
ABSENCE_FRAMES = (
    AbsenceFrame("never happened", NEGATION_CUES, "before", _never_happened),
    AbsenceFrame("came to little, fronted", NEGATION_CUES, "before", _came_to_little_before),
    AbsenceFrame("dropped it", frozenset({"og", "så"}), "before", _dropped_it),
    AbsenceFrame("cancelled", frozenset({"men"}), "before", _cancelled),
    AbsenceFrame("did nothing with it", frozenset({"men"}), "before", _did_nothing_with_it),
    AbsenceFrame("never got to it", frozenset({"men"}), "before", _never_got_to_it),
    AbsenceFrame("never worked with it", frozenset({"men"}), "before", _never_worked_with_it),
    AbsenceFrame("did not turn out", frozenset({"men"}), "before", _did_not_turn_out),
    AbsenceFrame("said absent", NEGATION_CUES, "clause", _says_absent),
    AbsenceFrame("fronted, came to nothing", NEGATION_CUES, "clause", _fronted_came_to_nothing),
    AbsenceFrame("fronted, not managed", NEGATION_CUES, "clause", _fronted_not_managed),
    AbsenceFrame("cannot say", NEGATION_CUES, "clause", _cannot_say),
    AbsenceFrame("nobody who talked of it", NEGATION_CUES, "clause", _nobody_who),
    AbsenceFrame("not talked of, inverted", NEGATION_CUES, "clause", _inverted_talk),
    AbsenceFrame("no time for it", NEGATION_CUES, "clause", _no_time),
    AbsenceFrame("not got done", NEGATION_CUES, "clause", _not_got_done),
    AbsenceFrame("never got so far", NEGATION_CUES, "clause", _not_so_far),
    AbsenceFrame("little of it", LITTLE_WORDS, "clause", _came_to_little_word),
    AbsenceFrame("absent", ABSENT, "clause", _absent_word),
    AbsenceFrame("kept out", KEPT_OUT[0], "clause", _kept_out),
)
BEFORE_FRAMES = tuple(f for f in ABSENCE_FRAMES if f.reach == "before")
CLAUSE_FRAMES = tuple(f for f in ABSENCE_FRAMES if f.reach == "clause")
# the words a frame is read at: any other word is passed over at once
_BEFORE_AT = frozenset().union(*(f.at for f in BEFORE_FRAMES))
_CLAUSE_AT = frozenset().union(*(f.at for f in CLAUSE_FRAMES))
# a text with none of these words holds no statement of reach "clause"
_CLAUSE_NEEDS = NEGATION_CUES | ABSENT | KEPT_OUT[1] | LITTLE_WORDS


def _came_to_nothing(tokens: Tokens) -> set[int]:
    """Tokens of the sentence before a frame of reach "before" (:data:`ABSENCE_FRAMES`): «Vi hadde tenkt å ha
    videomøter, men det ble aldri noe av», «vi hadde planlagt et tema om bærekraft, men det ble kuttet», «Demokrati
    vart nemnt i søknaden, men det vart ikkje noko meir enn ei overskrift»."""
    lowers, found, start, n = tokens.lower, set(), 0, len(tokens.lower)
    for i, lower in enumerate(lowers):
        if tokens.sent_start[i]:
            start = i
        if lower in _BEFORE_AT and any(lower in frame.at and frame.reads(tokens, start, i, n)
                                       for frame in BEFORE_FRAMES):
            found.update(range(start, i))
    return found


def _then_med_or_end(lowers: list[str], k: int, end: int) -> bool:
    """True if the clause ends or «med» comes at ``k`` over fillers: «(ikke gjort) (noko) med», «(aldri gjort)»."""
    while k < end and lowers[k] in ABSENCE_FILLERS:
        k += 1
    return k == end or lowers[k] == "med"


def _anaphoric(lowers: list[str], start: int, cue: int, end: int) -> bool:
    """True if the absence stated in clause ``start:end`` is of a topic named earlier in the sentence: the clause
    names no word of its own before the cue but «det/dette» and auxiliaries («…, det har i praksis ikke vært et
    tema»), or it ends in «med det» («…, men i praksis ble det ikke gjort noe med det»)."""
    before = [w for w in lowers[start:cue] if w not in PUNCT_BREAKERS]  # the clause opens at its comma
    if ANAPHORS.intersection(before) and all(w in ANAPHOR_CLAUSE for w in before):
        return True
    return any(lowers[j] in DONE and _with_it(lowers, j + 1, end) for j in range(cue + 1, end))


CONTRASTS = frozenset({"men", "likevel", "derimot"})


def _resumptive(lowers: list[str], start: int, end: int) -> bool:
    """True if clause ``start:end`` opens with a resumptive «det» before an inverted subject, the topic it stands for
    left before it: «Demokrati og sånn, det snakket vi egentlig ikke om», «KI, det fekk vi ikkje tid til»."""
    start += lowers[start] in PUNCT_BREAKERS  # the clause opens at its comma
    return (start > 0 and start + 2 < end and lowers[start] in ANAPHORS
            and lowers[start + 1] in FINITE_VERBS | CAME_TO and lowers[start + 2] in SUBJECT_PRONOUNS)


def absent_topics(tokens: Tokens) -> list[tuple[int, int, int]]:
    """Statements that a topic was absent (the frames of reach "clause" of :data:`ABSENCE_FRAMES`), as ``(clause
    start, clause end, scope end)`` token positions.

    The clause names the topic («Bærekraft ble ikke tatt opp i det hele tatt», «Me snakka ikkje om demokrati»,
    «Det var ikke noe fokus på inkludering», «det digitale var heilt fråverande», «Politikk og sånt holdt vi helt
    utenfor»); what the sentence says of the topic's category from its start up to ``scope end`` is denied with it
    (the tagger drops that evidence: «…, kjøkkenet kastet faktisk ganske mye mat» beside «Bærekraft ble ikke tatt
    opp» is no environmental work). The scope ends at a contrast after the statement, whose part counts:
    «Miljøet var ikkje tema i seg sjølv, men vi reiste med tog …» keeps the train. A question word before the cue
    makes it a topic, not an absence («snakket om hvorfor unge ikke stemmer»).
    """
    lowers = tokens.lower
    if _CLAUSE_NEEDS.isdisjoint(lowers):
        return []
    found: list[tuple[int, int, int]] = []
    n, start = len(lowers), 0
    while start < n:
        end = start + 1
        while end < n and not (tokens.sent_start[end] or lowers[end] in PUNCT_BREAKERS
                               or lowers[end] in CLAUSE_BREAKERS):
            end += 1
        clause = range(start, end)
        hits = [i for i in clause if lowers[i] in _CLAUSE_AT and any(
            lowers[i] in frame.at and frame.reads(tokens, start, i, end) for frame in CLAUSE_FRAMES)]
        if hits and TOPIC_OPENERS.isdisjoint(lowers[i] for i in clause):
            scope = end
            while scope < n and not tokens.sent_start[scope] and lowers[scope] not in CONTRASTS:
                scope += 1
            first = start
            cues = [i for i in hits if lowers[i] in NEGATION_CUES]
            if cues and _anaphoric(lowers, start, cues[0], end):
                while first > 0 and not tokens.sent_start[first]:
                    first -= 1
            elif _resumptive(lowers, start, end):
                # «Demokrati og sånn, det snakket vi ikke om»: the topic stands before the comma, back to a contrast
                while first > 0 and not tokens.sent_start[first] and lowers[first - 1] not in CONTRASTS:
                    first -= 1
            found.append((first, end, scope))
        start = end if end > start else start + 1
    return found
