"""A codebook compiled into lookup tables: what each word can fire, in plain comparable data.

:class:`CompiledCodebook` is data only (no spaCy objects): a word's rules depend on the
codebook and the lexicon, nothing else, so two compiled codebooks can be compared word by word
(:class:`~qualcode.tagging.changes.CodebookChange`) and the matcher
(:class:`~qualcode.tagging.tagger.CodebookTagger`) reads the tables.

Beyond the terms a codebook lists, a word reaches a category through

- a **derivation** of a term («mestre» for «mestring», «motiverende» for «motivasjon»; see
  :func:`~qualcode.tagging.lexicon.derivations`), a little weaker than the term itself;
- a **compound head**: a compound whose last part is a term inherits the term's category
  («prosjektlæring» → læring), weaker still. Heads too generic to carry a meaning
  (:data:`GENERIC_HEADS`) inherit nothing, and a head naming a skill or knowledge
  (:data:`YIELDING_HEADS`) gives way to a modifier that is a term: «tyskferdigheter» and
  «franskkunnskaper» are the language's category, not the category of «kunnskap»;
- a ``compound_terms`` entry anywhere in a compound («språk» in «fremmedspråk»);
- a typo of a term in a word the lexicon does not know;
- a ``together`` entry: a word of each of its groups in one sentence, close to each other
  («kaste» and «mat» in «maten som ellers ville blitt kastet»): two concepts that name the
  category only together (:class:`TogetherRule`).

>>> compiled = CompiledCodebook(load_codebook("codebooks/elevutbytte.yaml"))     # doctest: +SKIP
>>> compiled.token_candidates(*word_facts("tyskferdigheter", "tyskferdighet")[1:3], True, "tyskferdigheter")  # doctest: +SKIP
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.lang.nb.stop_words import STOP_WORDS as SPACY_NB_STOP_WORDS

from qualcode.nlp.compounds import lemma_frequencies, split_compound
from qualcode.nlp.lemmatizer import is_known_word, noun_lemmas
from qualcode.nlp.standard import NYNORSK
from qualcode.nlp.stopwords import stop_words
from qualcode.tagging.codebook import Codebook, together_groups, together_whole_words
from qualcode.tagging.fuzzy import FuzzyIndex, damerau_levenshtein
from qualcode.tagging.lexicon import derivations, nynorsk_lemmas_of
from qualcode.tagging.nynorsk import bokmal_of, nynorsk_form_lemmas, typo_readings, with_nynorsk_forms
from qualcode.tagging.tokens import word_facts

WEIGHTS = {"term": 1.0, "together": 1.0, "phrase": 1.5, "derived": 0.8, "compound": 0.8, "modifier": 0.75, "head": 0.7, "fuzzy": 0.6,
           "activity": 0.5}
ANY_WORD = frozenset({"*"})  # the first group of an exclusion that stands for every word of the category
WEAK_KINDS = frozenset({"term", "derived", "head", "fuzzy", "phrase"})  # rules a weak entry can make weak
_LITERAL_KEYS = ("LEMMA", "LOWER", "ORTH", "TEXT", "NORM")

# Heads that say how, not what: a compound ending in one of these inherits nothing from it.
GENERIC_HEADS = frozenset({
    "ferdighet", "ferdigheit", "dugleik", "arbeid", "arbeide", "utvikling", "sosial", "del", "måte", "ting", "sak",
    "tid", "gang", "type", "form", "side", "plan", "prosjekt", "aktivitet", "opplegg", "tema", "time", "område",
    # «klimautfordring», «miljøutfordring»: a challenge about the modifier, not a pupil's growth
    "utfordring",
})
# Heads naming a skill, knowledge or awareness: a modifier that is a term decides the category.
YIELDING_HEADS = frozenset({
    "ferdighet", "ferdigheit", "kunnskap", "kompetanse", "evne", "forståing", "forståelse", "bevissthet", "medvit",
    # nynorsk «dugleik» is «ferdighet» («tyskdugleik», «programmeringsdugleik»)
    "dugleik", "kjennskap", "innsikt", "utvikling", "læring", "opplæring", "kurs", "trening", "undervisning",
    # a feeling, a quality, a technique or the building of something: what it is of decides
    # («lykkefølelse», «samholdskjensle», «lederegenskap», «presentasjonsteknikk», «nettverksbygging»)
    "følelse", "kjensle", "egenskap", "eigenskap", "teknikk", "bygging",
    # a responsibility or a respect is for its modifier: «globalt ansvar», «miljøansvar», «ansvar for eiga læring»,
    # «respekt for naturen», «respekt for mangfold»
    "ansvar", "respekt",
    # a process or a way of thinking is of its modifier («modningsprosess», «kritisktenkning», «miljøtenking»)
    "prosess", "tenkning", "tenking",
    # a school subject or trade is of its modifier when that is a term («språkfag»), else a subject («elektrofag»);
    # so is a production («energiproduksjon» is energy, «vinproduksjon» a production skill)
    "fag", "produksjon",
    # a practice of the land and the sea: «berekraftig havbruk» and «økolandbruk» are the environment, «lakseoppdrett»
    # and «skogbruk» alone a trade's knowledge
    "landbruk", "jordbruk", "skogbruk", "havbruk", "fiskeri", "oppdrett", "dyrking",
})

# Plural and definite endings (bokmål and nynorsk) an unknown compound may carry after its head («duodjiteknikkar»).
COMPOUND_HEAD_ENDINGS = ("ene", "ane", "er", "ar", "en", "et", "a", "e")


def _stems(word: str) -> tuple[str, ...]:
    """The word and its stems without a plural or definite ending (:data:`COMPOUND_HEAD_ENDINGS`), in that order."""
    return (word, *(word[: -len(ending)] for ending in COMPOUND_HEAD_ENDINGS if word.endswith(ending)))


@dataclass(frozen=True)
class Rule:
    """One way a category is found. ``category`` is the category id; ``text`` the codebook entry."""

    category: str
    kind: str  # term | derived | head | compound | phrase | fuzzy | pattern | together | weak | activity | exclusion
    text: str
    weight: float

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.text}"


def _literals(pattern: list[dict]) -> list[set[str]]:
    """For each required token of ``pattern`` that names its words: the lower-cased words allowed.

    A text can only match if it holds a word from every set, so the Matcher (and the Doc it
    needs) is skipped for the rest. An empty list means the pattern gives no such hint.
    """
    sets = []
    for spec in pattern:
        if spec.get("OP") in ("?", "*", "!"):
            continue
        for key in _LITERAL_KEYS:
            value = spec.get(key)
            if isinstance(value, str):
                sets.append({value.lower()})
            elif isinstance(value, dict) and isinstance(value.get("IN"), list):
                sets.append({str(v).lower() for v in value["IN"]})
    return sets


def _regexes(pattern: list[dict]) -> list[re.Pattern]:
    """For each required token of ``pattern`` that tests its lower-cased form with a regular expression: the
    expression. A text can only match if some word's lower-cased form holds each (spaCy's REGEX is a search)."""
    return [re.compile(spec["LOWER"]["REGEX"]) for spec in pattern
            if spec.get("OP") in (None, "+") and isinstance(spec.get("LOWER"), dict) and "REGEX" in spec["LOWER"]]


def _seam(word: str) -> int | None:
    """Where ``word`` splits first into a modifier the lexicon knows (perhaps with a linking s or e) and a word it
    knows in bokmål or nynorsk (or a nynorsk word of a bokmål one: «verkstad»), both of at least three letters: 11 in
    «refleksjons|notater», 8 in «robotikk|verkstedet» and «robotikk|verkstad»; None if nowhere."""
    for cut in range(3, len(word) - 2):
        modifier, rest = word[:cut], word[cut:]
        if (is_known_word(rest) or is_known_word(rest, NYNORSK) or bokmal_of(rest)) and any(
                is_known_word(m) for m in (modifier, modifier[:-1] if modifier[-1] in "se" else "") if len(m) >= 3):
            return cut
    return None


def _last_word(word: str) -> str | None:
    """The longest word the lexicon knows that ``word`` ends in after a modifier it knows (see :func:`_seam`):
    «notater» in «refleksjonsnotater»; None if the word splits nowhere so."""
    cut = _seam(word)
    return word[cut:] if cut is not None else None


def _commonness(word: str) -> int:
    """How common a word is in Norwegian text: stop words first, then NDT lemma counts."""
    return 10**9 if word in stop_words() else lemma_frequencies().get(word, 0)


@dataclass(frozen=True)
class PatternRule:
    key: str  # "<category id>#<index>"
    pattern: list
    rule: Rule
    literals: list
    regexes: tuple[int, ...] = field(default=(), compare=False)  # the regular expressions it requires (indices)


@dataclass(frozen=True)
class TogetherRule:
    """Words of two or more concepts that name a category only when one sentence holds them all,
    at most :data:`TOGETHER_WINDOW` words apart: «kaste/kast + mat/klær» finds «kastet mindre mat».
    A word counts through its form, lemma, bokmål lemma or a compound part («matrester»)."""

    groups: tuple[frozenset[str], ...]
    rule: Rule


# «meg» and «deg» in a survey answer stand for a codebook phrase's «seg» («tro på meg selv»; see tagger.answer_reflexive)
SINGULAR_REFLEXIVES = frozenset({"meg", "deg"})
SPLIT_WORD_TEXT = 8  # at most this many tokens: a survey answer, where a compound is sometimes typed as two words
TOGETHER_WINDOW = 10  # how far apart (in words) the words of a together match or exclusion may be, at most
# A compound's first part that only intensifies («kjempemykje», «superviktig», «dritbra») is no word of
# its own: «kjempe» there is not the verb «kjempe» (fight) of «kjempe for rettane sine».
INTENSIFYING_MODIFIERS = frozenset({"kjempe", "super", "mega", "drit", "kanon", "knall"})


def other_compound(word: str, term: str) -> bool:
    """True if ``word`` is ``term``'s last part after another word the lexicon knows: a compound of its own, not a
    typo of the term.

    «fiske+behandling» is no typo of «like+behandling», «mat+sikkerhet» none of «data+sikkerhet»: the modifier is a
    word that differs from the term's by more than one letter, so no slip of the keyboard made it. The modifier
    (perhaps with a linking s or e) has at least three letters and the shared last part at least four, perhaps
    inflected, both words of bokmål or nynorsk («ball+ferdigheiter» is no «taleferdigheit»). A typo in the last part
    or in the term's own modifier is still one: «kulturforstålese», «kunskap», «fellskap».
    """
    for cut in range(3, len(word) - 3):
        modifier, rest = word[:cut], word[cut:]
        # the last part inflected: «ball+ferdigheter» is no «taleferdighet» misspelt
        stem = next((s for s in _stems(rest) if len(s) >= 4 and term.endswith(s)), None)
        if stem and damerau_levenshtein(modifier, term[: -len(stem)], 1) > 1 and _known_either(rest) \
                and any(_known_either(m) for m in (modifier, modifier[:-1] if modifier[-1] in "se" else "") if len(m) >= 3):
            return True
    return False


def _known_either(word: str) -> bool:
    """A word the lexicon knows in bokmål or in nynorsk («ferdigheiter», «spel»)."""
    return is_known_word(word) or is_known_word(word, NYNORSK)


# A noun in -e inflected: the definite singular and the plural, bokmål and nynorsk («koden», «koder», «kodane»)
NOUN_E_ENDINGS = ("n", "r", "ne", "rne")
NOUN_E_NYNORSK_ENDINGS = ("ar", "ane")


def noun_inflection(word: str, lemma: str) -> bool:
    """True if ``word`` is an inflected form of ``lemma`` as a noun the lexicon knows, a noun in -e: «koder» is the
    plural of the noun «kode» (a code), so it is that noun and not the verb «kode» derived from the term «koding»;
    «farger» are colours, not «farging». The verb's own forms («kodet», «å kode») are no noun inflection."""
    if word == lemma or not lemma.endswith("e") or lemma not in noun_lemmas():
        return False
    return any(word == lemma + e for e in NOUN_E_ENDINGS) or any(word == lemma[:-1] + e for e in NOUN_E_NYNORSK_ENDINGS)


def within_window(i: int, j: int) -> bool:
    """True if tokens ``i`` and ``j`` are close enough for a together rule or a together exclusion:
    at most :data:`TOGETHER_WINDOW` words apart («kastet mindre mat»: 2 apart). The one definition both use."""
    return abs(i - j) <= TOGETHER_WINDOW


class CompiledCodebook:
    """A codebook's rules as lookup tables keyed by lower-cased word (see the module docstring)."""

    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        self.terms: dict[str, list[Rule]] = defaultdict(list)
        self.parts: dict[str, list[Rule]] = defaultdict(list)
        self.heads: dict[str, list[Rule]] = defaultdict(list)
        self.phrases: dict[str, list[tuple[tuple[str, ...], Rule]]] = defaultdict(list)
        self.excluded: dict[str, set[str]] = defaultdict(set)
        self.excluded_phrases: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        # category → word groups: a word of the first is no evidence near a word of each other group
        self.excluded_together: dict[str, list[tuple[frozenset[str], ...]]] = defaultdict(list)
        self.listed: dict[str, set[str]] = defaultdict(set)  # category → the single words it lists as terms
        # category → its weak words and phrases: evidence only with support in the same sentence
        self.weak: dict[str, frozenset[str]] = {c.id: frozenset(c.weak) for c in codebook.categories if c.weak}
        # category → its secondary words: evidence only beside another category's, never the primary
        self.secondary: dict[str, frozenset[str]] = {
            c.id: frozenset(c.secondary) for c in codebook.categories if c.secondary}
        # category → its media words: no evidence as the channel or vehicle of another category's activity
        self.media: dict[str, frozenset[str]] = {c.id: frozenset(c.media) for c in codebook.categories if c.media}
        # category → its place words: no evidence as the place of another category's activity
        self.places: dict[str, frozenset[str]] = {c.id: frozenset(c.places) for c in codebook.categories if c.places}
        self.patterns: list[PatternRule] = []
        self._regex_index: dict[str, int] = {}  # a required regular expression of a token pattern → its index
        self.together: list[TogetherRule] = []
        self.together_words: dict[str, list[tuple[int, int]]] = defaultdict(list)  # word → (rule, group)
        self.together_whole: dict[str, list[tuple[int, int]]] = defaultdict(list)  # «=råd»: whole words only
        for category in codebook.categories:
            cid = category.id
            for word in category.exclude:
                if "+" in word:
                    self.excluded_together[cid].append(tuple(frozenset(g) for g in together_groups(word)))
                elif " " in word:
                    self.excluded_phrases[cid].append(tuple(word.split()))
                else:
                    self.excluded[cid].add(word)
            for term in category.terms:
                self._add_term(cid, term, "term")
            for term in category.compound_terms:
                if term not in category.terms:
                    self._add_term(cid, term, "term")
                self.parts[term].append(Rule(cid, "compound", term, WEIGHTS["compound"]))
            for phrase in category.phrases:
                self._add_term(cid, phrase, "phrase")
            for pi, pattern in enumerate(category.patterns):
                key = f"{cid}#{pi}"
                # a pattern reads written forms and the pipeline's lemmas: the nynorsk forms of the function words it
                # names and the nynorsk lemmas of its bokmål lemmas are read too
                tokens = with_nynorsk_forms(pattern.pattern, nynorsk_lemmas_of)
                regexes = tuple(self._regex_index.setdefault(r.pattern, len(self._regex_index))
                                for r in _regexes(tokens))
                self.patterns.append(PatternRule(key, tokens, Rule(cid, "pattern", key, pattern.weight),
                                                 _literals(tokens), regexes))
            for pi, pattern in enumerate(category.exclude_patterns):
                # found like a token pattern, then a veto of the category's evidence on its words (see
                # CodebookTagger.tag)
                key = f"{cid}#exclude{pi}"
                tokens = with_nynorsk_forms(pattern.pattern, nynorsk_lemmas_of)
                regexes = tuple(self._regex_index.setdefault(r.pattern, len(self._regex_index))
                                for r in _regexes(tokens))
                self.patterns.append(PatternRule(key, tokens, Rule(cid, "exclusion", key, 0.0),
                                                 _literals(tokens), regexes))
            for entry in category.together:
                groups = tuple(frozenset(group) for group in together_groups(entry))
                whole = together_whole_words(entry)
                for g, group in enumerate(groups):
                    for word in group:
                        index = self.together_whole if word in whole else self.together_words
                        index[word].append((len(self.together), g))
                self.together.append(TogetherRule(groups, Rule(cid, "together", entry, WEIGHTS["together"])))
        self.regexes = [re.compile(r) for r in self._regex_index]
        self._regex_memo: dict[str, frozenset[int]] = {}
        self._add_derivations_and_heads()
        self.skill_modifiers = self._skill_modifiers()
        self._fields()
        self.fuzzy = FuzzyIndex(self.terms)
        self._short_index: dict[str, set[str]] | None = None  # see _short_typo
        self.exclusion_triggers = {
            cid: frozenset(self.excluded.get(cid, set()) | {p[0] for p in self.excluded_phrases.get(cid, ())}
                           | {w for groups in self.excluded_together.get(cid, ())
                              for w in (groups[1] if groups[0] == ANY_WORD else groups[0])})
            for cid in set(self.excluded) | set(self.excluded_phrases) | set(self.excluded_together)}
        self.poles = [(name, set(pole.terms), [tuple(p.split()) for p in pole.phrases])
                      for name, pole in codebook.polarity.items()]
        # an uncoded answer naming an activity: its category and the verbal nouns that are no outcome (see activities.py)
        self.activity_category = codebook.activities.category if codebook.activities else None
        self.activity_exclude = frozenset(codebook.activities.exclude) if codebook.activities else frozenset()
        self.activity_heads = frozenset(codebook.activities.heads) if codebook.activities else frozenset()
        self.activity_endings = frozenset(codebook.activities.endings) if codebook.activities else frozenset()
        # the nouns of the exchange's own setting: a short answer's definite compound on one names its trip or institution
        self.settings = frozenset(codebook.settings)
        self.prefixes = sorted((t for t in self.parts if len(t) >= 4), key=len, reverse=True)
        self._candidates: dict[tuple, tuple[list[Rule], list]] = {}
        self._by_word: dict[tuple[str, str], bool | tuple[list[tuple[str, ...]], frozenset[str]]] = {}
        self._inert: set[tuple[str, str]] = set()  # (word, lemma) pairs that fire nothing and are no entry
        self.together_index = {t.rule: i for i, t in enumerate(self.together)}
        pattern_literals = [p.literals for p in self.patterns] + [list(t.groups) for t in self.together]
        self._together_at: dict[tuple, tuple[tuple[int, int], ...]] = {}
        # Words some phrase, token pattern or together entry names: all could_match needs to remember of a text.
        self._watched = frozenset({w for entries in self.phrases.values() for words, _ in entries for w in words}
                                  | {w for sets in pattern_literals for required in sets for w in required})
        # A text can only match a phrase if it holds the phrase's rarest word, and a pattern only if
        # it holds a word of its rarest required set: a text with none of these "entry" words and
        # no word that fires on its own cannot match anything.
        phrases = [words for entries in self.phrases.values() for words, _ in entries]
        self._entry = frozenset({min(words, key=_commonness) for words in phrases}
                                | {w for sets in pattern_literals if sets
                                   for w in min(sets, key=lambda words: sum(map(_commonness, words)))})
        self.patterns_unbounded = any(not sets for sets in pattern_literals)  # a pattern that names no word
        self._pattern_words = frozenset(w for p in self.patterns for required in p.literals for w in required)
        # the words each category's token patterns name: a word the category combines with others by a rule of its
        # own («selvtillit» in «engelsk selvtillit», the confidence rule; see CodebookTagger._people_adjectives). A
        # one-token pattern only lists forms of a word («venner», «vener»): it combines nothing («maltesiske vener»)
        self.pattern_words: dict[str, frozenset[str]] = defaultdict(frozenset)
        for p in self.patterns:
            if len(p.pattern) > 1 and p.rule.kind == "pattern":
                self.pattern_words[p.rule.category] |= {w for required in p.literals for w in required}

    def _add_term(self, cid: str, text: str, kind: str) -> None:
        words = tuple(text.split())
        if len(words) > 1:
            self.phrases[words[0]].append((words, Rule(cid, "phrase", text, WEIGHTS["phrase"])))
        else:
            self.terms[text].append(Rule(cid, kind, text, WEIGHTS[kind]))
            self.listed[cid].add(text)

    def _add_derivations_and_heads(self) -> None:
        """Derived forms of every single-word term, and every term (listed or derived) as a compound head.

        A derived word another category lists, or this category excludes, is left out: the
        codebook's own words decide.
        """
        listed_anywhere = {w for words in self.listed.values() for w in words}
        for cid, words in sorted(self.listed.items()):
            for term in sorted(words):
                for word in sorted(derivations(term)):
                    if word in listed_anywhere or word in self.excluded.get(cid, ()):
                        continue
                    if not any(r.category == cid for r in self.terms.get(word, ())):
                        self.terms[word].append(Rule(cid, "derived", term, WEIGHTS["derived"]))
        for word, rules in sorted(self.terms.items()):
            if word in GENERIC_HEADS or len(word) < 3 or not word.isalpha():
                continue
            for cid in sorted({r.category for r in rules}):
                if word not in self.excluded.get(cid, ()):
                    self.heads[word].append(Rule(cid, "head", word, WEIGHTS["head"]))

    def _skill_modifiers(self) -> dict[str, tuple[str, ...]]:
        """Modifier → category, read from the codebook's own compounds of a modifier and a head naming a skill or
        knowledge (:data:`YIELDING_HEADS`): where a category lists «leseforståelse» and «leseferdighet», «lese» before
        any such head is that category's («lesekompetanse», «lesetrening», «lesekunnskapar»), as «ordforståelse»
        makes «ordlæring» language. Only a modifier that is no term itself (a term decides by its own rules), of
        three letters or more, whose listed compounds all name one category."""
        found: dict[str, set[str]] = defaultdict(set)
        for cid, words in self.listed.items():
            for term in words:
                parts = split_compound(term)
                if len(parts) >= 2 and parts[-1] in YIELDING_HEADS:
                    found[parts[-2]].add(cid)
        return {m: tuple(sorted(cids)) for m, cids in sorted(found.items())
                if len(cids) == 1 and len(m) >= 3 and m.isalpha() and m not in self.terms}

    # -- what a word can fire ----------------------------------------------------------------

    def _fuzzy(self, word: str) -> list[Rule]:
        """Rules for an unknown word: a term within its typo limit, or a compound_term it opens with. A word made of
        two words the lexicon knows is no typo of a term it is not (see :func:`other_compound`)."""
        terms = [t for t in self.fuzzy.lookup(word) or self._short_typo(word) if not other_compound(word, t)]
        rules = self._typo_rules(terms)
        if not rules:
            # "klimabevisthet": unknown as a whole, but it opens with a compound term; not when the word is two words
            # the lexicon knows that meet behind it: «robotikk+verkstedet» opens with «robotikk», not «robot»
            seam = next((cut for stem in _stems(word) if (cut := _seam(stem))), None)
            prefix = next((p for p in self.prefixes if word.startswith(p) and len(word) - len(p) >= 3
                           and not (seam and seam > len(p) + 1)), None)
            if prefix:
                rules = [Rule(r.category, "fuzzy", prefix, WEIGHTS["fuzzy"]) for r in self.parts[prefix]]
        return rules

    def _short_typo(self, word: str) -> list[str]:
        """The terms a four-letter unknown word misspells by one letter left out or two letters swapped.

        Under five letters the typo limit allows no edit (:func:`~qualcode.tagging.fuzzy.fuzzy_limit`), so the
        commonest typos of short words went uncoded: «glde» (glede), «tyks» (tysk), «nors» (norsk). These two
        edits keep the first letter and the word's letters; a letter too many or a wrong letter stays unread.
        """
        if len(word) != 4:
            return []
        if self._short_index is None:
            self._short_index = defaultdict(set)
            for term in self.terms:
                if len(term) == 5 and term.isalpha():
                    for i in range(1, 5):
                        self._short_index[term[:i] + term[i + 1:]].add(term)
        swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(1, 3)} - {word}
        return sorted(self._short_index.get(word, set()) | {t for t in swapped if t in self.terms})

    def _typo_rules(self, terms) -> list[Rule]:
        """The rules of ``terms`` as read through a typo (``fuzzy:``, weight 0.6)."""
        return [Rule(r.category, "fuzzy", term, WEIGHTS["fuzzy"]) for term in terms for r in self.terms[term]]

    def _intensified(self, word: str) -> list[Rule]:
        """The rules of a term after an intensifying first part the splitter does not read: «kjempekjekt» and
        «superkjekke» are «kjekt» said strongly (:data:`INTENSIFYING_MODIFIERS`), as the listed «kjempegøy» is «gøy».
        The term keeps its own rule, so a secondary or weak word stays one («kjempelærerikt»)."""
        for intensifier in INTENSIFYING_MODIFIERS:
            if word.startswith(intensifier) and len(word) - len(intensifier) >= 3:
                rest = word[len(intensifier):]
                return next((list(self.terms[stem]) for stem in _stems(rest) if stem in self.terms), [])
        return []

    def _unknown_compound(self, word: str, keys: frozenset[str]) -> list[Rule]:
        """Rules for an unknown word that ends in a term: a compound whose modifier the splitter does not know.

        The splitter needs both parts to be lemmas of the bokmål treebank, so a loanword, a Sámi word or a nynorsk
        form as the modifier («duodji+teknikkar», «podkast+produksjon», «bilet+redigering», «brure+bukett») leaves
        the word whole and unread. Its last part still says what it is, as in any compound (see :meth:`_compound`):
        the longest term (at least five letters) it ends in, after a plural or definite ending if need be, with
        at least three letters before it that are no treebank lemma (with or without a linking s or e). A
        treebank modifier means the splitter saw the word and refused it («ungdoms+arbeidsledighet» stays whole),
        except before a head naming a skill, knowledge or technique (:data:`YIELDING_HEADS`): whatever its modifier,
        «murer+teknikk», «blomster+kunnskap», «medie+kunnskap» are the knowledge or technique of that modifier.
        """
        for stem in _stems(word):
            last = _last_word(stem)
            for cut in range(3, len(stem) - 4):
                head, modifier = stem[cut:], stem[:cut]
                if head in self.heads:
                    if last and len(last) > len(head):
                        return []  # «refleksjons+notater» ends in «notater», not in the term «tater»
                    linked = {modifier[:-1]} if modifier[-1] in "se" else set()
                    if head not in YIELDING_HEADS and any(m in lemma_frequencies() for m in linked | {modifier}):
                        return []
                    return self._compound((modifier, head), False, keys | {stem})
        return []

    def _nynorsk_typo(self, word: str, keys: frozenset[str]) -> list[Rule]:
        """Rules for a word nothing else reads, through a typo in a nynorsk word: a nynorsk lemma it misspells
        («opplevngar»: oppleving → opplevelse), or a term it misspells once its nynorsk spelling is bokmål
        («kjeldekritik» → kildekritik). A word the mapping read as a bokmål word is no typo («valfag» is
        valgfag, not «valdag»), nor is one the correspondences turn into a bokmål compound («spelforståing» is
        spillforståelse, not «sjølvforståing» misspelt)."""
        if any(is_known_word(k) for k in keys - {word}) or bokmal_of(word):
            return []
        lemmas, spellings = typo_readings(word)
        terms = [t for t in lemmas if t in self.terms] \
            or sorted({t for spelling in spellings for t in self.fuzzy.lookup(spelling) if t[0] == spelling[0]
                       and not other_compound(spelling, t)})
        return self._typo_rules(terms)

    def _misspelt(self, word: str, keys: frozenset[str]) -> list[Rule]:
        """Rules for a word nothing else reads, through a typo in its stem or in its compound's head; only when
        neither the word nor any of its lemmas is a word the lexicon knows (a nynorsk inflection of a known word,
        «presentasjonane», «kvarandre», is no typo)."""
        if any(is_known_word(k) for k in keys if k.isalpha()):
            return []
        return self._fuzzy_inflected(word) or self._fuzzy_head(word, keys)

    def _fuzzy_inflected(self, word: str) -> list[Rule]:
        """A typo in a word with a plural or definite ending: the stem within its typo limit of a term
        («opplevignar» → opplevign ≈ oppleving, «erfarigner» → erfarign ≈ erfaring). The lemmatizer makes no lemma
        of a misspelt word, and the ending puts the written form out of reach; a stem that is a word of its own is
        no typo."""
        for stem in _stems(word)[1:]:
            if len(stem) >= 5 and not is_known_word(stem):
                rules = self._typo_rules([t for t in self.fuzzy.lookup(stem) if not other_compound(stem, t)])
                if rules:
                    return rules
        return []

    def _fuzzy_head(self, word: str, keys: frozenset[str]) -> list[Rule]:
        """A typo in a compound's head: a modifier the lexicon knows (with or without a linking s or e) and a last
        part, after a plural or definite ending if need be, within its typo limit of a term that heads compounds
        («livs+mestrig» ≈ livs+mestring, «bevegelses+gelde» ≈ glede, «urfolks+retigheter» ≈ rettighet). The
        compound is then read as with the term (:meth:`_compound`), every rule a typo's (``fuzzy:``, weight 0.6).
        The longest modifier the lexicon knows is tried, with a last part of at least five letters (four for a head
        of five, read as :meth:`_short_typo` reads a word: «spele+glde» ≈ glede), then the same modifier up to two
        letters shorter: a modifier read too long is often a word of its own («sveiset+eknik», «lags+amhld»), the
        shorter one the compound's («sveise+teknik» ≈ teknikk, «lag+samhld» ≈ samhald). Shorter ones still would
        find a typo in most long words («gulls+medverkstaden» is no «medverknad»). A word that splits anywhere into two words the lexicon knows is a
        compound, not a typo («lære+plass» is no «plast»)."""
        splits = []
        for cut in range(len(word) - 3, 2, -1):
            modifier, rest = word[:cut], word[cut:]
            known = [m for m in (modifier, modifier[:-1] if modifier[-1] in "se" else "") if m and is_known_word(m)]
            if known:
                stems = _stems(rest)
                if any(len(s) >= 3 and is_known_word(s) for s in stems):
                    return []  # two words the lexicon knows («vær+stasjon», «refleksjons+logg»): no typo
                if len(rest) >= 4:
                    splits.append((cut, known[-1], stems))
        # the longest modifier with a last part of five letters or more anchors the window; a four-letter last part
        # before it is tried too
        anchor = next((cut for cut, _, stems in splits if len(word) - cut >= 5), splits[0][0] if splits else 0)
        for cut, modifier, stems in splits:
            if cut < anchor - 2:
                break
            for stem in stems:
                if len(stem) < 4:
                    continue
                typos = self.fuzzy.lookup(stem) if len(stem) >= 5 else self._short_typo(stem)
                heads = [term for term in typos if term in self.heads]
                if heads:
                    rules = [r for head in heads for r in self._compound((modifier, head), False, keys)]
                    return [Rule(r.category, "fuzzy", r.text, WEIGHTS["fuzzy"]) for r in rules]
        return []

    def _compound(self, parts: tuple[str, ...], listed: bool, keys: frozenset[str] = frozenset()) -> list[Rule]:
        """Rules a compound fires through its parts: compound_terms anywhere, and its head unless
        the whole word is a term already (then its own category says what it means)."""
        rules: list[Rule] = []
        # Parts of parts count too ("fremmedspråk" in "fremmedspråk+ferdighet" holds "språk"), and
        # two neighbouring parts («lav+terskel» in «lav+terskel+tilbud»).
        joined = {a + b for a, b in zip(parts, parts[1:])} | {a + "s" + b for a, b in zip(parts, parts[1:])}
        head, modifiers = parts[-1], parts[:-1]
        # a compound term written with its linking s («engangs») is the modifier before the s («engang+kopp»)
        # only where the word is written with that s: «teamfølelse» holds «team», not «teams»
        joined |= {m + "s" for m in modifiers if m + "s" in self.parts and any(m + "s" in k for k in keys)}
        for part in sorted(set(parts).union(joined, *(split_compound(p) for p in parts))):
            # The head carries the meaning: in «språk+mestring» mastery outweighs the language a little.
            weight = WEIGHTS["compound"] if head.endswith(part) else WEIGHTS["modifier"]
            rules.extend(r if r.weight == weight else Rule(r.category, r.kind, r.text, weight)
                         for r in self.parts.get(part, ()))
        if head in YIELDING_HEADS:
            # «tysk+ferdighet», «engelsk+kunnskap»: the modifier's category, if it has one.
            from_modifiers = [Rule(r.category, "head", f"{m}+{head}", WEIGHTS["compound"])
                              for m in modifiers for r in self.terms.get(m, ()) if r.kind in ("term", "derived")]
            if not from_modifiers:
                # the seam letter written once: «engelskunnskap» is engelsk+kunnskap (read as engel+s+kunnskap)
                merged = {k[: -len(head)] + head[0] for k in keys if k.endswith(head) and len(k) > len(head) + 2}
                from_modifiers = [Rule(r.category, "head", f"{m}+{head}", WEIGHTS["compound"])
                                  for m in sorted(merged) for r in self.terms.get(m, ()) if r.kind in ("term", "derived")]
            if not from_modifiers:
                from_modifiers = self._misspelt_modifier(modifiers, head)
            if not from_modifiers:
                # a modifier the codebook puts before another skill head: «lese+kompetanse» as «leseforståelse»
                # («organisasjons+utvikling» is the organisation's, not «organisasjonsevne»: a generic head takes none;
                # a school subject is named, not learnt: «samfunnsfag» is no «samfunnsforståelse»)
                from_modifiers = [Rule(cid, "head", f"{m}+{head}", WEIGHTS["compound"])
                                  for m in modifiers if head not in GENERIC_HEADS and head != "fag"
                                  for cid in self.skill_modifiers.get(m, ())]
            if from_modifiers or any(m in self.parts for m in modifiers):
                return rules + from_modifiers
        return rules if listed else rules + list(self.heads.get(head, ()))

    def _misspelt_modifier(self, modifiers: tuple[str, ...], head: str) -> list[Rule]:
        """The category of a term a compound's modifier misspells, before a head naming a skill or knowledge
        (:data:`YIELDING_HEADS`): «englesk+kunnskaper», «engelks+kunnskaper», «tyks+ferdigheter» are knowledge of
        a language, not knowledge. Only a modifier the lexicon knows in neither standard (a word of its own is no
        typo: «engel+kunnskap» stays as it is) and no term itself (a term spelt right is no typo), read as a typo
        keeping its first letter: rule ``head:<term>+<head>`` with a typo's weight (0.6), not ``fuzzy:`` (a word
        cloud merges a word with the term a ``fuzzy:`` rule names, and «engleskkunnskapar» is no «engelsk»)."""
        rules = []
        for modifier in modifiers:
            if len(modifier) < 4 or not modifier.isalpha() or _known_either(modifier):
                continue
            typos = self.fuzzy.lookup(modifier) if len(modifier) >= 5 else self._short_typo(modifier)
            rules += [Rule(r.category, "head", f"{term}+{head}", WEIGHTS["fuzzy"]) for term in typos
                      if term[0] == modifier[0] and term != modifier for r in self.terms[term] if r.kind == "term"]
        return rules

    def _misspelt_before_skill(self, word: str) -> tuple[str, list[Rule]] | None:
        """An unknown word made of a misspelt modifier and a head naming a skill or knowledge spelt right
        (:data:`YIELDING_HEADS`, perhaps inflected): the typo is where the word is unknown, in the modifier, and the
        modifier decides (:meth:`_misspelt_modifier`): «demokarti+forståing» is «demokrati», not «kartforståing»
        misspelt, «kilma+bevissthet» «klima», not «kildebevissthet». The modifier and the rules; None if the word
        is no such compound."""
        for cut in range(4, len(word) - 3):
            modifier, rest = word[:cut], word[cut:]
            head = next((stem for stem in _stems(rest) if stem in YIELDING_HEADS), None)
            if head:
                # the modifier without a linking s or e first: «andrespråk+s+læring» is a term spelt right, no typo
                linked = [m for m in (modifier[:-1] if modifier[-1] in "se" else "", modifier) if len(m) >= 4]
                if any(m in self.terms or _known_either(m) for m in linked):
                    return None
                for m in linked:
                    rules = self._misspelt_modifier((m,), head)
                    if rules:
                        return m, rules
                return None
        return None

    @staticmethod
    def _same_modifier(modifier: str, rules: list[Rule]) -> bool:
        """True if some typo reading of a word names a term that opens with its modifier, give or take a letter
        («kultr+forståing» read as «kulturforståelse», «spårk+ferdigheter» as «språkferdighet»)."""
        return any(damerau_levenshtein(modifier, r.text[:k], 1) <= 1
                   for r in rules for k in range(len(modifier) - 1, len(modifier) + 2))

    def token_candidates(self, keys: frozenset[str], parts: tuple[str, ...], alpha: bool,
                         lower: str) -> tuple[list[Rule], list[tuple[tuple[str, ...], Rule]]]:
        """Rules one token can fire on its own, and phrases that may start at it.

        The answer depends only on the token's word, lemma and parts, so it is memoised: a
        project repeats the same words over and over.
        """
        cache_key = (keys, parts)
        found = self._candidates.get(cache_key)
        if found is not None:
            return found
        single = [rule for key in sorted(keys) for rule in self.terms.get(key, ())
                  if not (rule.kind == "derived" and noun_inflection(lower, key))]
        phrases = [p for key in sorted(keys) for p in self.phrases.get(key, ())]
        if len(parts) > 1:
            single.extend(self._compound(parts, bool(single), keys))
            if not single and alpha:
                # the pipeline's lemma of an unknown compound can be wrong («spilleglede» → «spillegle» = spill+egle):
                # the written form's parts may still say what it is made of
                written = split_compound(lower)
                if len(written) > 1 and written != parts:
                    single.extend(self._compound(written, False, keys))
        if not single and alpha and not keys & self.terms.keys() and not is_known_word(lower):
            # an unknown word, or a typo the splitter read as a compound of other words («venskapp»: venn+kapp)
            # else a typo in an inflected word, through its lemma («sprokferdigheter» → sprokferdighet); a lemma
            # that is a word of its own (nynorsk «valfag» → valgfag) is no typo, nor a nynorsk one («valdag»)
            # a word of the nynorsk treebank is a word, not a typo of a bokmål term: «førre» (the previous) is
            # no «tørre» (dare), whatever the mapping made of it
            nynorsk_word = lower in nynorsk_form_lemmas()
            read = (self._intensified(lower) or (not nynorsk_word and self._fuzzy(lower))
                    or [r for key in sorted(keys - {lower}) if key.isalpha() and not nynorsk_word
                        and not is_known_word(key) for r in self._fuzzy(key)]
                    or self._unknown_compound(lower, keys) or self._misspelt(lower, keys)
                    or self._nynorsk_typo(lower, keys))
            skill = self._misspelt_before_skill(lower)
            typos = [r for r in read if r.kind == "fuzzy"]
            if skill and (not read or (typos and not self._same_modifier(skill[0], typos))):
                # no reading, or a typo reading that moves the typo into the head spelt right: the modifier decides
                read = skill[1]
            single.extend(read)
        found = self._candidates[cache_key] = (single, phrases)
        return found

    def could_match(self, words: list[str], lemmas: list[str]) -> bool:
        """False when no rule can fire on these words (a quick test before full tagging).

        A word that fires a rule on its own decides at once; a phrase counts only if all its
        words occur in the text; token patterns decide on the words they name. Per distinct
        word this is worked out once: whether it fires, the phrases it opens, and which of its
        keys any phrase or pattern names.
        """
        if self.patterns_unbounded:
            return True
        if len(words) <= SPLIT_WORD_TEXT:
            lower = [w.lower() for w in words]
            if self.split_words(lower):
                return True
            if not SINGULAR_REFLEXIVES.isdisjoint(lower):
                # an answer's «meg»/«deg» is a phrase's «seg» (see tagger.answer_reflexive)
                words = ["seg" if w in SINGULAR_REFLEXIVES else w for w in lower]
                lemmas = ["seg" if w in SINGULAR_REFLEXIVES else lemma for w, lemma in zip(lower, lemmas)]
        if self._inert.issuperset(zip(words, lemmas)):
            return False  # most texts: every word known to fire nothing (one C-level set test)
        memo, inert = self._by_word, self._inert
        pending: list[tuple[str, ...]] = []
        present: set[str] = set()
        for pair in zip(words, lemmas):
            hit = memo.get(pair)
            if hit is None:
                lower, keys, parts, punct, alpha = word_facts(*pair)
                single, phrases = self.token_candidates(keys, parts, alpha, lower) if not punct else ([], [])
                hit = memo[pair] = True if single else ([w for w, _ in phrases], keys.union(parts) & self._watched)
                if hit is not True and not keys.union(parts) & self._entry:
                    inert.add(pair)
            if hit is True:
                return True
            opened, watched = hit
            if opened:
                pending.extend(opened)
            if watched:
                present |= watched
        if not present:
            return False
        if any(all(w in present for w in phrase) for phrase in pending):
            return True
        return self.patterns_possible(present) or self.together_possible(present)

    def possible_patterns(self, words: set[str], lower: list[str]) -> tuple[int, ...]:
        """The indices of the token patterns that could match a text holding ``words`` (its keys) written as
        ``lower`` (its lower-cased words): every required set of words named, every required regular expression
        found in some word. The rest cannot match, so the Matcher need not try them at every token."""
        regex_hits: set[int] | None = None
        possible = []
        for j, p in enumerate(self.patterns):
            if not all(words & required for required in p.literals):
                continue
            if p.regexes:
                if regex_hits is None:
                    regex_hits = set().union(*map(self._regex_hits, set(lower)))
                if not all(r in regex_hits for r in p.regexes):
                    continue
            possible.append(j)
        return tuple(possible)

    def _regex_hits(self, word: str) -> frozenset[int]:
        """The pattern regular expressions (by index in ``self.regexes``) a lower-cased word holds, once per word."""
        hits = self._regex_memo.get(word)
        if hits is None:
            hits = self._regex_memo[word] = frozenset(i for i, r in enumerate(self.regexes) if r.search(word))
        return hits

    def patterns_possible(self, words: set[str]) -> bool:
        """True if some token pattern could match a text holding ``words``."""
        if not self.patterns_unbounded and self._pattern_words.isdisjoint(words):
            return False  # most texts: no word any pattern names (one C-level test)
        return any(all(words & required for required in p.literals) for p in self.patterns)

    def together_possible(self, words: set[str]) -> bool:
        """True if some together entry could match a text holding ``words``."""
        return any(all(words & group for group in t.groups) for t in self.together)

    def together_at(self, keys: frozenset[str], parts: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
        """The (together rule, group) pairs one word belongs to, through its keys or compound parts (an
        intensifying first part, «kjempe-», left out; a word marked whole, «=råd», only through its keys)."""
        cache_key = (keys, parts)
        found = self._together_at.get(cache_key)
        if found is None:
            if len(parts) > 1 and parts[0] in INTENSIFYING_MODIFIERS:
                parts = parts[1:]
            words = keys.union(parts) if len(parts) > 1 else keys
            whole = self.together_whole
            found = self._together_at[cache_key] = tuple(sorted(
                {hit for word in words for hit in self.together_words.get(word, ())}
                | {hit for word in keys if word in whole for hit in whole[word]}))
        return found

    def _fields(self) -> None:
        """Each category's field: every word its rules name (terms, compound terms, the words of its
        phrases and together groups), less stop words and its weak words. A weak word needs one of
        these beside it (see :meth:`~qualcode.tagging.tagger.CodebookTagger._supported`)."""
        # function words say nothing about a topic: «å», «et», «ta», «kom» beside «demokratisk» are no support
        common = stop_words() | SPACY_NB_STOP_WORDS
        self.field: dict[str, frozenset[str]] = {}
        for category in self.codebook.categories:
            words = set(category.terms) | set(category.compound_terms)
            words |= {w for phrase in category.phrases for w in phrase.split()}
            words |= {w for entry in category.together for group in together_groups(entry) for w in group}
            self.field[category.id] = frozenset(w for w in words if w not in common and w not in category.weak)

    def is_weak(self, rule: Rule) -> bool:
        """True if ``rule`` fired on one of its category's weak words or phrases (the word itself, an
        inflection, a derivation, a typo or a compound ending in it; a compound that only holds it as a
        modifier, «klimaavtrykk», names more than the word and is not weak)."""
        weak = self.weak.get(rule.category)
        return weak is not None and rule.kind in WEAK_KINDS and rule.text in weak

    def is_media(self, rule: Rule) -> bool:
        """True if ``rule`` fired on one of its category's media words (the word, an inflection, a typo, or a
        compound that holds it: «tegnspråkvideo»), weak or not (see :mod:`qualcode.tagging.media`)."""
        media = self.media.get(rule.category)
        return media is not None and rule.kind in WEAK_KINDS | {"weak", "compound"} and rule.text in media

    def is_place(self, rule: Rule) -> bool:
        """True if ``rule`` fired on one of its category's place words (the word, an inflection or a typo), weak or
        not (see :func:`qualcode.tagging.media.place_frames`)."""
        places = self.places.get(rule.category)
        return places is not None and rule.kind in WEAK_KINDS | {"weak"} and rule.text in places

    def split_words(self, lower: list[str]) -> list[tuple[int, list[Rule]]]:
        """A term typed as two words in a short text (a survey answer): «selv tillit», «kilde kritikk», «Bære kraft».

        ``lower`` holds the text's lower-cased tokens; the result is the position of each first word whose
        neighbour completes a listed term, with the term's rules as typos (rule ``fuzzy:``, weight 0.6). Only the
        term's own spelling counts, not a lemma of the joined words, and only in texts of at most
        :data:`SPLIT_WORD_TEXT` tokens.
        """
        if len(lower) > SPLIT_WORD_TEXT:
            return []
        found = []
        for i, (first, second) in enumerate(zip(lower, lower[1:])):
            rules = self.terms.get(first + second) if first.isalpha() and second.isalpha() else None
            if rules:
                found.append((i, [Rule(r.category, "fuzzy", r.text, WEIGHTS["fuzzy"]) for r in rules]))
        return found

    def is_secondary(self, rule: Rule) -> bool:
        """True if ``rule`` fired on one of its category's secondary words (the word itself, an inflection, a
        derivation, a typo or a compound ending in it, like :meth:`is_weak`)."""
        secondary = self.secondary.get(rule.category)
        return secondary is not None and rule.kind in WEAK_KINDS | {"weak"} and rule.text in secondary

    def exclusions(self) -> dict[str, frozenset[str]]:
        """Each category's excluded words and the words of its excluded phrases."""
        result: dict[str, set[str]] = defaultdict(set)
        for cid, words in self.excluded.items():
            result[cid].update(words)
        for cid, phrases in self.excluded_phrases.items():
            for phrase in phrases:
                result[cid].update(phrase)
        return {k: frozenset(v) for k, v in result.items()}
