"""The codebook tagger: a spaCy component in the manner of ``SpanRuler``.

Codebook in, overlapping labelled spans out, in ``doc.spans["qualcode"]``: each span's
``label_`` is a category id and its ``id_`` the rule that fired ("term:engelsk",
"compound:språk", "head:læring", "derived:mestring", "phrase:snakke engelsk", "fuzzy:engelsk",
"pattern:sprakferdigheter#0", "together:kaste/kast + mat/klær"). ``doc._.qc_scores`` holds each category's score (the sum of its
evidence weights) and ``doc._.qc_polarity`` the pole of each category, for codebooks that define one.

>>> nlp = load_pipeline()                                            # doctest: +SKIP
>>> nlp.add_pipe("qualcode_codebook").set_codebook(load_codebook("codebooks/elevutbytte.yaml"))  # doctest: +SKIP

The codebook is compiled into lookup tables (:class:`~qualcode.tagging.compiled.CompiledCodebook`:
what each word can fire); this module is the matcher: it runs those tables and the codebook's
token patterns over a text, drops negated and excluded evidence and scores what is left. A term
in a negated clause is not evidence (see :mod:`qualcode.tagging.negation`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from qualcode.nlp.lemmatizer import is_known_lemma, is_known_word
from qualcode.nlp.stopwords import is_noise_answer
from qualcode.tagging.activities import ACTIVITY_TEXT, activity_field, activity_verb, field_name, skill_compound
from qualcode.tagging.codebook import Codebook
from qualcode.tagging.compiled import (ANY_WORD, SINGULAR_REFLEXIVES, SPLIT_WORD_TEXT, WEIGHTS, YIELDING_HEADS,
                                       CompiledCodebook, Rule, within_window)
from qualcode.tagging.media import media_frames, place_frames
from qualcode.tagging.negation import NEGATION_CUES, absent_topics, negated_tokens
from qualcode.tagging.programme import programme_tokens, setting_names
from qualcode.tagging.tokens import Tokens, views_from_doc

SPANS_KEY = "qualcode"
# the rules a word fires through its compound parts, not as a word of its own
PART_KINDS = frozenset({"compound", "head"})
# a dash between words separates items too («kreativitet - glede»); inside a word it is a hyphen, not a token
LIST_SEPARATORS = frozenset({",", ";", "/", "og", "and", "&", "+", ".", "\n", "-", "–", "—"})
# Norwegian adjective endings (bokmål and nynorsk, base and inflected): «engelsk», «kulturell», «bærekraftig»,
# «digitale», «språkleg»; see CodebookTagger._yielding_pairs
ADJECTIVE_ENDINGS = ("sk", "ske", "ig", "ige", "lig", "lige", "leg", "lege", "ell", "elle", "al", "ale", "iv", "ive",
                     "ær", "ære")
# «X på tvers av Y», «engelsk i idretten», «motivasjon for fagbrevet»: the word before a preposition is what the item
# names (its head), the words after it only where or what for; «på tvers av» is one of them. Not «om» and «av», whose
# noun is what the item is about: «kunnskap om EU» is the EU's, «gjenbruk av tekstiler» the environment's
PREPOSITIONS = frozenset({"i", "på", "til", "for", "med", "mot", "fra", "frå", "ved", "hos", "blant",
                          "gjennom", "etter", "tvers", "across", "in", "with"})
# Adjectives that say whose or of which field a noun is, not an outcome of their own, before a noun of another
# category in a survey answer: a nationality («spansk kultur») or a subject («helsefaglig engelsk», «fagleg
# inspirasjon», «faglig stolthet»); see CodebookTagger._people_adjectives
QUALIFYING_ADJECTIVES = ("sk", "ske", "faglig", "faglige", "fagleg", "faglege")
# «Eg som spesialpedagog …»: a first-person speaker naming her role (:meth:`CodebookTagger._speaker_roles`)
# «kunnskap om EU», «innsikt i lokalpolitikk», «ansvar for miljøet»: a skill, knowledge or quality noun and the
# preposition that names what it is of (:meth:`CodebookTagger._complements`)
COMPLEMENT_PREPOSITIONS = frozenset({"om", "i", "for", "til", "av"})
# adjectives of a verdict: before a word only the activity reading names, they judge what was received (label rules:
# bare evaluations are noise)
EVALUATIONS = frozenset({"god", "gode", "godt", "bra", "fin", "fine", "fint", "flott", "flotte", "dårlig", "dårlige",
                         "dårleg", "dårlege", "positiv", "positive", "positivt", "negativ", "negative", "negativt"})
# a how-clause («hvordan EU fungerer», «korleis dei jobbar») is learning about what it names, as «lærte om» is
HOW_WORDS = frozenset({"hvordan", "korleis", "koss", "åssen"})
# What may stand before such an adjective in its list item besides a separator: a preposition («lærte om irsk
# kultur», «innsikt i svensk eldreomsorg»), an article («den irske kulturen») or a comparative («sterkare samisk
# identitet»); not a verb, whose object the language is («snakke engelsk», «lære fransk»)
BEFORE_QUALIFIER = PREPOSITIONS | COMPLEMENT_PREPOSITIONS | frozenset({
    "den", "det", "de", "dei", "en", "ein", "ei", "et", "eit", "mer", "meir", "mye", "mykje", "sterkere", "sterkare",
    "større", "bedre", "betre", "ny", "nytt", "nye"})
# a field's adjective in «-isk» («økologisk», «kritisk», «politisk», «pedagogisk») says what kind, not whose: its stem
# names the field («økologi», «kritikk», «politikk»); see people_adjective
FIELD_ENDINGS = ("i", "ikk", "ie")
# People a survey answer did something with (bokmål and nynorsk stems): «med kollegaene», «med irske elevar», «med
# vertsfamilien», «med kokkene»; see CodebookTagger._company
PERSON_STEMS = ("elev", "medelev", "lærling", "ungdom", "barn", "born", "venn", "vene", "kolleg", "vertsfamil",
                "familie", "kokk", "voksn", "voksen", "vaksn", "vaksen", "andre", "folk", "pasient", "kunde", "dansar",
                "danser", "musiker", "musikar", "deltak", "deltag", "bonde", "bønder", "jevnaldr", "jamaldr", "partner",
                "gjest", "vertselev", "klassekamerat", "lagkamerat", "kamerat")
# Using a language: what is said, presented, served, taught, read or understood «på engelsk», and the words and
# terms of a field in it, are the language only, as the label rule says for «kommunisere på engelsk» (see
# CodebookTagger._done_in). Stems match inside a word («pasientkommunikasjon», «videosamtalar», «kundeservice»,
# «klimaord», «IT-begreper»); the reading verbs match whole words («leseglede» is joy).
LANGUAGE_ACT_STEMS = ("kommuni", "present", "samtal", "servic", "kundekontakt", "debatt", "undervis", "foredrag",
                      "innlegg", "intervju", "snakk", "prat", "forklar", "instru", "forstå", "skjøn", "bestill", "hils",
                      "ord", "begrep", "omgrep", "uttrykk", "sjargong", "terminolog", "glos", "frase", "vokabular")
LANGUAGE_ACT_WORDS = frozenset({"lese", "leser", "leste", "lest", "lesa", "las", "lesing", "skrive", "skriver", "skrev",
                                "skreiv", "skrevet", "skrivne", "skriving"})
SPEAKERS = frozenset({"jeg", "eg"})  # «vi som borgere» is the citizens it names
# A weak word after one of these (lemmas, bokmål and nynorsk) is what the sentence is about: «lærte om havet»
# (see CodebookTagger._as_topic)
TOPIC_CUES = frozenset({"om", "tema", "fokus", "søkelys", "søkjelys", "lære", "diskutere", "handle",
                        "forstå", "skjønne", "skjøne"})
TOPIC_WINDOW = 8
# A compound on these heads names a group, a line of study or a room: «klimagjengen», «robotikklinja»,
# «elevrådsrommet» (CodebookTagger._group_names). Not a club or a workshop, which are activities the project started
# («ein robotklubb som vart starta», «et gjenbruksverksted»); «retningslinje» is a rule
GROUP_HEADS = ("gjeng", "gjengen", "gjengene", "gjengane", "linja", "linjen", "linjene", "linjer", "rommet", "rommene",
               "romma")
NOT_GROUP_HEADS = ("retningslinja", "retningslinjen", "retningslinjene", "retningslinjer")
# In a sentence a compound on «fag» names a school subject: «friluftslivsfaget», «teknologifag» (the subject's name, as
# «naturfag» and «religionsfag» are); and so does the field of a teacher or an academic community: «læraren i
# friluftsliv», «fagmiljø for friluftsliv» (CodebookTagger._group_names)
SUBJECT_HEADS = ("fag", "faget", "fagene", "faga", "fagane")
# teacher nouns; not the bare «lærer», which is also the verb («det de lærer i naturen»)
TEACHERS = ("læreren", "lærere", "lærerne", "lærar", "læraren", "lærarar", "lærarane", "lektor", "lektoren",
            "lektorer", "lektorene", "lektorar", "lektorane")
FIELD_PREPOSITIONS = frozenset({"i", "for", "innan", "innen"})
# «… og klima vant», «klima tapte faktisk mot mobbing»: a vote's or a contest's theme (CodebookTagger._vote_themes)
WON_OR_LOST = frozenset({"vant", "vann", "tapte", "tapa"})
VOTE_ADVERBS = frozenset({"faktisk", "jo", "nok", "selvfølgelig", "sjølvsagt", "knepent", "klart",
                          "stort", "altså"})
# A text of more words is a sentence whose context decides which category a shared word belongs to
# (CodebookTagger._shared_words); a survey answer keeps every category of its word
SHARED_CONTEXT_WORDS = 8
SHARED_KINDS = frozenset({"term", "derived", "fuzzy"})
LIST_ITEM_WORDS = 4  # a list whose items are all this short is a survey answer's list of words
SPACED_LIST_WORDS = (3, 5)  # a survey answer of this many outcome words typed with spaces only is a list
__all__ = ["SPANS_KEY", "WEIGHTS", "CodebookTagger", "Rule", "Tagging", "codes_json", "explain_primary",
           "primary_category"]


@dataclass
class Tagging:
    """What the tagger found in one text: evidence (token spans), scores and polarity."""

    evidence: list[tuple[int, int, str, Rule]] = field(default_factory=list)  # (start, end, category id, rule)
    scores: dict[str, float] = field(default_factory=dict)
    polarity: dict[str, str] = field(default_factory=dict)


class CodebookTagger:
    """Tags a text with a codebook's categories (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "qualcode_codebook", spans_key: str = SPANS_KEY) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.codebook: Codebook | None = None
        self.compiled: CompiledCodebook | None = None
        for ext in ("qc_scores", "qc_polarity"):
            if not Doc.has_extension(ext):
                Doc.set_extension(ext, default=None)

    # -- configuration -----------------------------------------------------------------------

    def set_codebook(self, codebook: Codebook) -> None:
        """Compile ``codebook`` (lookup tables, typo index) and its token patterns into a Matcher."""
        self.codebook = codebook
        self.compiled = CompiledCodebook(codebook)
        self._inside_memo: dict[tuple[frozenset[str], str], bool] = {}
        self.matcher = Matcher(self.nlp.vocab)
        self.pattern_rules: dict[str, Rule] = {}
        for p in self.compiled.patterns:
            self.matcher.add(p.key, [p.pattern])
            self.pattern_rules[p.key] = p.rule
        # possible patterns (indices) → a Matcher of just those, in codebook order: it finds what the full Matcher
        # finds on a text where the others cannot match, without trying every pattern at every token
        self._matchers: dict[tuple[int, ...], Matcher] = {tuple(range(len(self.compiled.patterns))): self.matcher}

    def could_match(self, words: list[str], lemmas: list[str]) -> bool:
        """False when no rule can fire on these words (see :meth:`CompiledCodebook.could_match`)."""
        return self.compiled.could_match(words, lemmas)

    def token_candidates(self, keys, parts, alpha, lower):
        """What one word can fire (see :meth:`CompiledCodebook.token_candidates`)."""
        return self.compiled.token_candidates(keys, parts, alpha, lower)

    # -- matching ----------------------------------------------------------------------------

    @staticmethod
    def _phrase_at(tokens: Tokens, i: int, words: tuple[str, ...]) -> bool:
        """True if the phrase ``words`` starts at token ``i``. In a survey answer a phrase's «seg» is also
        «meg» or «deg»: «tro på meg selv» says of oneself what «tro på seg selv» says (see :func:`answer_reflexive`)."""
        keys = tokens.keys
        return i + len(words) <= len(keys) and all(
            w in keys[i + k] or (w == "seg" and answer_reflexive(tokens.lower, i + k)) for k, w in enumerate(words))

    def matches(self, tokens: Tokens, doc: Callable[[], Doc] | None = None) -> list[tuple[int, int, Rule]]:
        """Every rule match ``(start, end, rule)`` (token indices) before negation and exclusions.

        ``doc`` builds the spaCy Doc for token patterns; it is only called when a pattern's
        words occur in the text.
        """
        found: list[tuple[int, int, Rule]] = []
        candidates = self.compiled.token_candidates
        punct, parts, alpha, lower = tokens.punct, tokens.parts, tokens.alpha, tokens.lower
        for i, token_keys in enumerate(tokens.keys):
            if punct[i]:
                continue
            single, phrases = candidates(token_keys, parts[i], alpha[i], lower[i])
            found.extend((i, i + 1, rule) for rule in single)
            for words, rule in phrases:
                if self._phrase_at(tokens, i, words):
                    found.append((i, i + len(words), rule))
        for i, rules in self.compiled.split_words(tokens.lower):
            found.extend((i, i + 2, rule) for rule in rules)
        if self.compiled.together:
            found.extend(self._together_matches(tokens))
        possible = self.compiled.possible_patterns(tokens.all_keys, tokens.lower) if self.pattern_rules else ()
        if possible and doc is not None:
            spacy_doc = doc()
            index = {start: i for i, start in enumerate(tokens.start)}
            for match_id, start, end in self._matcher_of(possible)(spacy_doc):
                first, last = index.get(spacy_doc[start].idx), index.get(spacy_doc[end - 1].idx)
                if first is not None and last is not None:
                    found.append((first, last + 1, self.pattern_rules[self.nlp.vocab.strings[match_id]]))
        return found

    def _together_matches(self, tokens: Tokens) -> list[tuple[int, int, Rule]]:
        """Each together entry whose groups all occur in one sentence, every word within
        :func:`~qualcode.tagging.compiled.within_window` of the others: one match per entry, the
        shortest stretch, from its first word to its last."""
        at = self.compiled.together_at
        positions: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        for i, token_keys in enumerate(tokens.keys):
            if not tokens.punct[i]:
                for r, g in at(token_keys, tokens.parts[i]):
                    positions[r][g].append(i)
        found = []
        if not any(len(groups) == len(self.compiled.together[r].groups) for r, groups in positions.items()):
            return found
        sentence = tokens.sentence
        for r, groups in positions.items():
            together = self.compiled.together[r]
            if len(groups) < len(together.groups):
                continue
            best: tuple[int, int] | None = None
            for first in groups[0]:
                # the nearest word of every other group in the same sentence, not the same word
                near = [min((j for j in groups[g] if j != first and sentence[j] == sentence[first]),
                            key=lambda j: abs(j - first), default=None) for g in range(1, len(together.groups))]
                if None in near:
                    continue
                span = (min(first, *near), max(first, *near) + 1)
                if within_window(span[0], span[1] - 1) and (best is None or span[1] - span[0] < best[1] - best[0]):
                    best = span
            if best is not None:
                found.append((best[0], best[1], together.rule))
        return found

    def _together_words(self, tokens: Tokens, start: int, end: int, rule: Rule) -> list[int]:
        """The tokens of a together match that belong to its groups (not the words between them)."""
        index = self.compiled.together_index[rule]
        at = self.compiled.together_at
        return [i for i in range(start, end) if any(r == index for r, _ in at(tokens.keys[i], tokens.parts[i]))]

    def _matcher_of(self, possible: tuple[int, ...]) -> Matcher:
        """A Matcher of the token patterns ``possible`` (indices), built once per combination."""
        matcher = self._matchers.get(possible)
        if matcher is None:
            if len(self._matchers) > 4096:  # a bound on memory; the full Matcher stays
                self._matchers = {k: m for k, m in self._matchers.items() if m is self.matcher}
            matcher = self._matchers[possible] = Matcher(self.nlp.vocab)
            for j in possible:
                p = self.compiled.patterns[j]
                matcher.add(p.key, [p.pattern])
        return matcher

    def _excluded_tokens(self, tokens: Tokens, category: str) -> tuple[dict[int, frozenset[str]], set[int]]:
        """Tokens a category's ``exclude`` entries cover: by excluded word (token → the words), and by phrase.

        An excluded word does not cover a token whose written form or bokmål lemma the category
        lists as a term: excluding the verb «inkludere» (to include) leaves «inkluderende» and
        «inkluderande» (inclusive).
        """
        compiled = self.compiled
        by_word: dict[int, frozenset[str]] = {}
        by_phrase: set[int] = set()
        words = compiled.excluded.get(category, set())
        phrases = compiled.excluded_phrases.get(category, ())
        present = tokens.all_keys
        if compiled.exclusion_triggers.get(category, frozenset()).isdisjoint(present):
            return by_word, by_phrase  # most texts hold none of the category's excluded words
        phrases = [phrase for phrase in phrases if phrase[0] in present]  # the few that can start here
        listed = compiled.listed.get(category, set())
        for i, token_keys in enumerate(tokens.keys):
            hit = token_keys & words
            # The written form excluded decides; else a listed term of the same word wins.
            if hit and (tokens.lower[i] in words or not (token_keys & listed) - words):
                by_word[i] = frozenset(hit)
            for phrase in phrases:
                if phrase[0] in token_keys and self._phrase_at(tokens, i, phrase):
                    by_phrase.update(range(i, i + len(phrase)))
        for groups in compiled.excluded_together.get(category, ()):
            # «* + søknad/rapport/…»: every word of the category near a word of the context
            by_phrase.update(self._near(tokens, [[i for i, k in enumerate(tokens.keys) if k & group or
                                                  (group == ANY_WORD and not tokens.punct[i])] for group in groups]))
        return by_word, by_phrase

    @staticmethod
    def _near(tokens: Tokens, positions: list[list[int]]) -> list[int]:
        """The positions of the first group that have a position of every other group in the same
        sentence, another word within the window (an excluded together entry)."""
        if not all(positions):
            return []
        sentence = tokens.sentence
        return [i for i in positions[0] if all(any(j != i and sentence[j] == sentence[i] and within_window(i, j)
                                                   for j in group) for group in positions[1:])]

    def _excluded(self, tokens: Tokens, start: int, end: int, rule: Rule,
                  covered: tuple[dict[int, frozenset[str]], set[int]]) -> bool:
        """True if an exclusion covers the match. A phrase that names an excluded word itself is
        more specific than the exclusion: «inkludere elev» stands although «inkludere» is excluded."""
        by_word, by_phrase = covered
        named = set(rule.text.split()) if rule.kind == "phrase" else set()
        # A typo is read from its written form: the lemma the pipeline guessed for a word it does not know says
        # nothing of it («inkluderng» → «inkludere», excluded as *includes*, is a typo of «inkludering»)
        typo = rule.kind == "fuzzy"
        for i in (self._together_words(tokens, start, end, rule) if rule.kind == "together" else range(start, end)):
            # «føle seg inkludert» names the token however it is lemmatised («inkludere» is excluded)
            if i in by_phrase or (i in by_word and not by_word[i] <= named and not tokens.keys[i] & named
                                  and not (typo and tokens.lower[i] not in by_word[i])):
                return True
        keys = frozenset({tokens.lower[start]}) if typo else tokens.keys[start]
        return rule.kind in ("compound", "fuzzy", "head") and self._inside_excluded(keys, rule.category)

    def _inside_excluded(self, keys: frozenset[str], category: str) -> bool:
        """An excluded compound also blocks longer compounds that contain it: excluding "fagmiljø"
        keeps "fagmiljøstørrelse" from counting as "miljø". Memoised per word and category."""
        memo = self._inside_memo
        found = memo.get((keys, category))
        if found is None:
            found = memo[(keys, category)] = any(
                w in k for w in self.compiled.excluded.get(category, ()) if len(w) >= 6 for k in keys)
        return found

    def tag(self, text: str, tokens: Tokens, doc: Callable[[], Doc] | None = None) -> Tagging:
        """Evidence, scores and polarity for one text given its token views."""
        if self.codebook is None:
            raise ValueError("the qualcode_codebook component has no codebook; call set_codebook() first")
        result = Tagging()
        if len(text) < 40 and is_noise_answer(text):
            return result
        matches = self.matches(tokens, doc)
        # an exclude pattern's words are no evidence of its category: a veto, not a match
        vetoes = [(start, end, rule.category) for start, end, rule in matches if rule.kind == "exclusion"]
        if vetoes:
            matches = [match for match in matches if match[2].kind != "exclusion"]
        if not matches:
            if self.compiled.activity_category and len(tokens) <= ACTIVITY_TEXT:
                return self._activity(tokens)
            return result
        compiled = self.compiled
        negated = negated_tokens(tokens)
        best: dict[tuple[int, int, str], Rule] = {}
        excluded: dict[str, tuple[dict[int, frozenset[str]], set[int]]] = {}
        negated_categories: set[str] = set()
        for start, end, rule in matches:
            category = rule.category
            # A phrase that holds its own cue ("ikke råd til") means what it says: not negated by it.
            if rule.kind == "together":
                # Only a negation of all its words denies a pairing; one side negated is often the
                # pairing itself: «tog, ikkje fly», «mat som elles ville vorte kasta».
                own = self._together_words(tokens, start, end, rule)
                if all(i in negated for i in own) and not any(tokens.lower[i] in NEGATION_CUES for i in own):
                    continue
            elif negated and any(i in negated for i in range(start, end)) and not any(
                    tokens.lower[i] in NEGATION_CUES for i in range(start, end)):
                if not compiled.poles:
                    continue
                # In a codebook with poles, a negated theme is still the theme, on its last pole:
                # «partnerne leverte ikke» is task division as a barrier.
                negated_categories.add(category)
            if vetoes and any(c == category and s < end and start < e for s, e, c in vetoes) and (
                    rule.kind != "together"
                    or any(s <= i < e for s, e, c in vetoes if c == category
                           for i in self._together_words(tokens, start, end, rule))):
                continue
            if category in compiled.exclusion_triggers:
                if category not in excluded:
                    excluded[category] = self._excluded_tokens(tokens, category)
                if self._excluded(tokens, start, end, rule, excluded[category]):
                    continue
            key = (start, end, category)
            if key not in best or rule.weight > best[key].weight:
                best[key] = rule
        if best and not compiled.poles:
            # in a codebook with poles a theme said to be missing is the theme as a barrier (see above)
            best = self._absent_categories(tokens, matches, best)
        if best:
            best = self._speaker_roles(tokens, best)
            best = self._vote_themes(tokens, best)
            best = self._group_names(tokens, best)
        if compiled.weak:
            best = self._supported(tokens, best)
        if compiled.media and best:
            # «forklarte på teiknspråk korleis vi sorterer», «Podkasten handla om klimaangst»: the channel or the
            # vehicle of another category's activity is no evidence of its own
            best = media_frames(tokens, best, compiled.is_media)
        if compiled.places and best:
            # «trene på maskinkjøring i skogen», «fly drone over skogen»: the place of another category's activity
            best = place_frames(tokens, best, compiled.is_place)
        best = self._shared_words(tokens, best)
        best = self._yielding_pairs(tokens, best)
        best = self._people_adjectives(tokens, best)
        best = self._complements(tokens, best)
        best = self._company(tokens, best)
        best = self._done_in(tokens, best)
        if compiled.activity_category and best and len(tokens) <= SPLIT_WORD_TEXT:
            best = self._list_activities(tokens, best)
        if best and len(tokens) <= SPLIT_WORD_TEXT:
            # «kom heile skulen til glede», «inkluderte besøk i kommunestyret», «utfordrande for oss vaksne»
            programme = programme_tokens(tokens.lower)
            best = {key: rule for key, rule in best.items() if key[0] not in programme} if programme else best
            if compiled.settings and best:
                # «språkreisen», «voksenopplæringa»: the respondent's own trip or institution, whatever its modifier
                # names; only what the compound's parts fire goes (a term of its own, «reiselyst», stays)
                setting = setting_names(tokens.lower, tokens.parts, compiled.settings)
                best = {key: rule for key, rule in best.items()
                        if not (key[0] in setting and key[1] == key[0] + 1 and rule.kind in PART_KINDS)} \
                    if setting else best
        trailing = self._trailing(best) if compiled.secondary else set()
        if trailing and trailing.issuperset(c for _, _, c in best):
            return result  # «lærerikt», «svært lærerik tur»: a bare evaluation names no outcome
        # One token counts once per category: the strongest rule covering it.
        per_category: dict[str, dict[int, float]] = defaultdict(dict)
        order = self.codebook.order
        for (start, end, category), rule in sorted(best.items(), key=lambda kv: (kv[0][0], kv[0][1], order[kv[0][2]])):
            result.evidence.append((start, end, category, rule))
            for i in range(start, end):
                per_category[category][i] = max(per_category[category].get(i, 0.0), rule.weight / (end - start))
        named = self._named_first(tokens, best) if len(per_category) > 1 else {}
        items = (self._short_items(tokens) or self._spaced_items(tokens, best)) if len(per_category) > 1 else None
        if items is None:
            scores = {c: self._score(per_category[c]) for c in per_category}
        else:
            scores, named = self._list_scores(per_category, items, named, trailing)
        if trailing:
            # beside another outcome a secondary category comes last: «utfordrende men lærerikt» is growth first
            lowest = min(scores[c] for c in scores if c not in trailing)
            scores.update({c: lowest / 2 for c in trailing})
        result.scores = {c: round(scores[c], 6)
                         for c in sorted(per_category, key=lambda c: (c in trailing, named.get(c, ()), order[c]))}
        if compiled.poles and result.scores:
            result.polarity = self._polarity(tokens, negated, result.scores)
            last = compiled.poles[-1][0]
            for category in negated_categories:
                current = result.polarity.get(category)
                result.polarity[category] = last if current in (None, last) else "mixed"
        return result

    def _activity(self, tokens: Tokens) -> Tagging:
        """An answer no rule fires on that names an activity: weak evidence of the codebook's activity category.

        «kanopadling», «dissekering av fisk», «lastesikring»: a verbal noun of a verb the lexicon knows
        (:func:`~qualcode.tagging.activities.activity_verb`) names something the respondent did, and a compound of
        one of the codebook's ``activities.heads`` («friluftsferdigheter», «gardsarbeid») a skill, a method or a
        field of work (:func:`~qualcode.tagging.activities.skill_compound`), and a word ending in one of its
        ``activities.endings`` a field of knowledge («logistikk», :func:`~qualcode.tagging.activities.field_name`);
        it shows as
        ``activity:<word>`` with a lower score than any rule, so a reviewer sees it as a guess. An answer with a
        negation («ingen peiling») or a word of the codebook's ``activities.exclude`` (the exchange, the trip, the
        programme: «utvekslinga», «shopping», «inkluderte omvisning») names no activity, nor does a word right after
        an adjective of a verdict («gode tilbakemeldingar»: what the pupils were given, judged).
        """
        result = Tagging()
        found = self._activity_at(tokens, 0, len(tokens))
        if found is None:
            return result
        category = self.compiled.activity_category
        rule = Rule(category, "activity", tokens.lower[found], WEIGHTS["activity"])
        result.evidence.append((found, found + 1, category, rule))
        result.scores = {category: WEIGHTS["activity"]}
        return result

    def _activity_at(self, tokens: Tokens, start: int, end: int) -> int | None:
        """The token of ``start:end`` that names an activity (see :meth:`_activity`), or None."""
        compiled, keys, parts = self.compiled, tokens.keys, tokens.parts
        exclude, heads, endings = compiled.activity_exclude, compiled.activity_heads, compiled.activity_endings
        found = None
        for i in range(start, end):
            if tokens.punct[i]:
                continue
            if not NEGATION_CUES.isdisjoint(keys[i]) or activity_field(keys[i], parts[i], exclude):
                return None
            if found is None and (tokens.is_alpha(i) or "-" in tokens.lower[i]):
                # a word the lexicon knows is read as written: its lemma may be a wrong guess («barnehagelærer» →
                # «barnehagelære», a teacher read as a field of study)
                written = tokens.lower[i]
                compounds = (written,) if is_known_word(written) else keys[i]
                if any(activity_verb(key) or endings and field_name(key, endings) for key in keys[i]) \
                        or heads and any(skill_compound(key, heads) for key in compounds):
                    found = i
        if found is None or found > start and tokens.lower[found - 1] in EVALUATIONS:
            # «gode tilbakemeldingar», «bra opplegg»: a verdict on something received is a bare evaluation (noise)
            return None
        return found

    def _list_activities(self, tokens: Tokens, best: dict[tuple[int, int, str], Rule]) -> dict[tuple[int, int, str], Rule]:
        """In a list of short items whose first item no rule reads, that item is the activity category's when it names
        an activity, as the answer alone would be (:meth:`_activity`): «klatring og tysk», «skredkurs, nye venner»
        name the activity first, and the first item decides the primary (label rules, lists). Only the first: a
        later item adds the guess as a label beside the outcomes the item's list already names, and that costs
        precision (measured: +14 labels right, +5 wrong, no primary changed)."""
        items = self._short_items(tokens)
        if items is None:
            return best
        # the first item that holds a word («- klatring, tysk» opens with a dash)
        words = [i for i, (lower, punct) in enumerate(zip(tokens.lower, tokens.punct))
                 if not punct and lower not in LIST_SEPARATORS]
        first = items[words[0]] if words else None
        if first is None or any(items[s] == first for s, _, _ in best):
            return best
        span = [i for i in words if items[i] == first]
        found = self._activity_at(tokens, span[0], span[-1] + 1) if len(span) <= ACTIVITY_TEXT else None
        if found is None:
            return best
        category = self.compiled.activity_category
        return {**best, (found, found + 1, category): Rule(category, "activity", tokens.lower[found],
                                                           WEIGHTS["activity"])}

    def _absent_categories(self, tokens: Tokens, matches: list[tuple[int, int, Rule]],
                           best: dict[tuple[int, int, str], Rule]) -> dict[tuple[int, int, str], Rule]:
        """Evidence of a category the sentence says was absent is dropped, up to a contrast after the statement.

        «Bærekraft ble ikke tatt opp i det hele tatt, kjøkkenet kastet faktisk ganske mye mat»: the food thrown away
        is what the speaker saw, not environmental work; «klima vart ikkje noko tema» after the train that did not
        work out; «Politikk og sånt holdt vi helt utenfor». The category is that of any evidence in the statement's
        clause, negated or not (see :func:`~qualcode.tagging.negation.absent_topics`).
        """
        sentence = tokens.sentence
        for start, end, scope in absent_topics(tokens):
            absent = {rule.category for s, e, rule in matches if start <= s and e <= end}
            if absent:
                best = {key: rule for key, rule in best.items()
                        if not (key[2] in absent and key[0] < scope and sentence[key[0]] == sentence[start])}
        return best

    def _supported(self, tokens: Tokens, best: dict[tuple[int, int, str], Rule]) -> dict[tuple[int, int, str], Rule]:
        """Weak evidence that has support, the rest unchanged.

        A category's weak word or phrase («demokratisk», «stemme over», «på nett») counts only when
        its sentence also holds other evidence of the category on other words (a second weak word
        too: «inkludering og mangfold»), or another word of the category's field (a word its terms,
        phrases or together groups name: «elevråd», «verktøy», «plattform»); it then shows as
        ``weak:<word>``. It also counts as what the sentence is about (:meth:`_as_topic`: «vi lærte om
        havet», «dei forstod kor sårbart havet er»). Alone in a sentence about something else it is no
        evidence: «Vi hadde ein demokratisk måte å fordele budsjettet på» is not pupil democracy, «utsikt over
        havet» is a view.
        """
        is_weak = self.compiled.is_weak
        weak = {key for key, rule in best.items() if is_weak(rule)}
        if not weak:
            return best
        sentence = tokens.sentence
        kept = {}
        for key, rule in best.items():
            start, end, category = key
            if key not in weak:
                kept[key] = rule
            elif any(c == category and sentence[s] == sentence[start] and (e <= start or s >= end)
                     for s, e, c in best) or self._in_field(tokens, start, end, category) \
                    or self._as_topic(tokens, start):
                kept[key] = Rule(category, "weak", rule.text, rule.weight)
        return kept

    @staticmethod
    def _as_topic(tokens: Tokens, start: int) -> bool:
        """True if a word of learning or talking about something, or «om», comes at most
        :data:`TOPIC_WINDOW` words before token ``start`` in its sentence: «lærte om naturen», «snakka om
        kvifor unge ikkje røystar», «forstod hvor sårbart havet er», «diskuterte havet». A weak word there is
        the topic, not a place, an object or a chore («utsikt over havet», «tømme søppel»)."""
        sentence, keys = tokens.sentence, tokens.keys
        return any(sentence[i] == sentence[start] and not TOPIC_CUES.isdisjoint(keys[i])
                   for i in range(max(0, start - TOPIC_WINDOW), start))

    @staticmethod
    def _vote_themes(tokens: Tokens, best: dict[tuple[int, int, str], Rule]) -> dict[tuple[int, int, str], Rule]:
        """A word that won or lost a vote or a contest is its theme, not what the project did.

        «Vi stemte over kva prosjektet skulle handle om, og klima vant», «klima tapte faktisk mot mobbing med to
        stemmer»: the vote is the evidence (of participation), its losing or winning theme is not. The word is the
        subject right before «vant/vann/tapte/tapa», perhaps with a sentence adverb between; «vant til» is being used
        to something.
        """
        lowers, n = tokens.lower, len(tokens)

        def theme(end: int) -> bool:
            j = end
            while j < n and lowers[j] in VOTE_ADVERBS:
                j += 1
            return j < n and lowers[j] in WON_OR_LOST and (j + 1 >= n or lowers[j + 1] != "til")

        drop = [key for key in best if key[1] == key[0] + 1 and theme(key[1])]
        if not drop:
            return best
        return {key: rule for key, rule in best.items() if key not in drop}

    @staticmethod
    def _shared_words(tokens: Tokens, best: dict[tuple[int, int, str], Rule]) -> dict[tuple[int, int, str], Rule]:
        """In a sentence, a word that two categories list goes to those with other evidence.

        «kildekritikk» and «mediekompetanse» belong to two definitions (digital: fake news and online safety;
        democracy: critical media literacy as a civic skill): «kildekritikk på nett, hvordan man sjekker hvem som står
        bak en side» is digital, «kildekritikk som en del av det å være en aktiv samfunnsborger» democracy. When some
        of the word's categories have evidence elsewhere in the sentence and others do not, the others' evidence on
        the word is dropped; with evidence for all or none, the word keeps every category. Only the same listed word
        (its inflections, derivations and typos) counts as shared: a compound whose parts name two categories
        («klimapolitikk», «klimastreik») is both. A survey answer (at most
        :data:`SHARED_CONTEXT_WORDS` words) has no context to decide by and keeps them all.
        """
        if sum(not p for p in tokens.punct) <= SHARED_CONTEXT_WORDS:
            return best
        spans: dict[tuple[int, int, str], set[str]] = defaultdict(set)
        for (start, end, category), rule in best.items():
            if rule.kind in SHARED_KINDS:
                spans[(start, end, rule.text)].add(category)
        drop = set()
        for (start, end, _), categories in spans.items():
            if len(categories) < 2:
                continue
            backed = {c for c in categories
                      if any(c2 == c and (e2 <= start or s2 >= end) for s2, e2, c2 in best)}
            if backed:
                drop.update((start, end, c) for c in categories - backed)
        if not drop:
            return best
        return {key: rule for key, rule in best.items() if key not in drop}

    @staticmethod
    def _group_names(tokens: Tokens, best: dict[tuple[int, int, str], Rule]) -> dict[tuple[int, int, str], Rule]:
        """A priority word inside a compound that names a group, a line of study or a room, or that names a school
        subject in a sentence, is a name, not what the project did.

        «Ungdomane kalla seg «klimagjengen» fordi det regna heile veka», «elevane frå robotikklinja stilte til val»,
        «elevrådsrommet heter «parlamentet»»: the compound (rule ``compound``, ``fuzzy`` or ``head``, one word) ends in
        one of :data:`GROUP_HEADS`; its evidence is dropped. A group the codebook lists itself keeps its evidence, typed
        right or as a typo («vennegjeng», «venngjengen»: friends). In a sentence the same holds for a subject's name
        (:func:`_subject_name`): «dei organiserer friluftslivsfaget», «læraren i friluftsliv», «et sterkt fagmiljø for
        friluftsliv» say what the school teaches, as «naturfag» does, not that the project dealt with nature.
        """
        lowers = tokens.lower
        drop = [key for key, rule in best.items()
                if key[1] == key[0] + 1 and rule.kind in ("compound", "fuzzy", "head")
                and lowers[key[0]].endswith(GROUP_HEADS) and not lowers[key[0]].endswith(NOT_GROUP_HEADS)
                and not rule.text.endswith(("gjeng", "linje", "rom"))]
        if sum(not p for p in tokens.punct) > SHARED_CONTEXT_WORDS:
            # a survey answer that names a subject names knowledge of it (label rules: «samfunnskunnskap»)
            drop += [key for key, rule in best.items()
                     if key[1] == key[0] + 1 and key not in drop and _subject_name(lowers, key[0], rule)]
        if not drop:
            return best
        return {key: rule for key, rule in best.items() if key not in drop}

    @staticmethod
    def _speaker_roles(tokens: Tokens, best: dict[tuple[int, int, str], Rule]) -> dict[tuple[int, int, str], Rule]:
        """Evidence that is only the role a speaker names herself by is dropped.

        «Eg som spesialpedagog merka at …», «Jeg som rådgiver …», «Som konsortiekoordinator har eg …»: the word says
        who is talking, not what the project did. The role is the one word right after «som», which follows a
        first-person pronoun or opens the clause with that pronoun two words on (after its verb). A third person's
        «Som flyktning har han …» is about him and stays.
        """
        lowers, sent_start = tokens.lower, tokens.sent_start

        def role(i: int) -> bool:
            if i == 0 or lowers[i - 1] != "som":
                return False
            if i > 1 and lowers[i - 2] in SPEAKERS:
                return True
            opens = i == 1 or sent_start[i - 1] or lowers[i - 2] in {",", ";", ":"}
            return opens and i + 2 < len(lowers) and lowers[i + 2] in SPEAKERS

        drop = [key for key in best if key[1] == key[0] + 1 and role(key[0])]
        if not drop:
            return best
        return {key: rule for key, rule in best.items() if key not in drop}

    @staticmethod
    def _yielding_pairs(tokens: Tokens, best: dict[tuple[int, int, str], Rule]) -> dict[tuple[int, int, str], Rule]:
        """A skill or knowledge noun after an adjective of another category gives way to it, as in a compound.

        «engelsk kunnskaper» is «engelskkunnskaper» written apart: language, not the category of «kunnskap»;
        likewise «kulturell innsikt», «bærekraftig utvikling». The noun is one of
        :data:`~qualcode.tagging.compiled.YIELDING_HEADS` firing as itself or as a typo of itself («engelsk
        kunskaper»); the word before it has evidence of other categories only, and reads as an adjective (a Norwegian
        adjective ending: engelsk, kulturell, bærekraftig, digitale), so a list typed without commas («trygghet
        kunnskap») keeps both.
        """
        single: dict[int, set[str]] = defaultdict(set)
        for start, end, category in best:
            if end == start + 1:
                single[start].add(category)
        drop = [key for key, rule in best.items()
                if key[1] == key[0] + 1 and key[0] > 0 and rule.kind in ("term", "derived", "head", "fuzzy")
                and rule.text in YIELDING_HEADS and single.get(key[0] - 1)
                and key[2] not in single[key[0] - 1] and tokens.lower[key[0] - 1].endswith(ADJECTIVE_ENDINGS)]
        if not drop:
            return best
        return {key: rule for key, rule in best.items() if key not in drop}

    def _people_adjectives(self, tokens: Tokens, best: dict[tuple[int, int, str], Rule]) -> dict[tuple[int, int, str], Rule]:
        """In a survey answer, a nationality adjective before a noun of another category names a people, not a skill.

        «spansk kultur», «polsk kultur», «italiensk matkultur», «finsk skolesystem»: the noun says what the item is
        about, and «spansk» there is Spain's, not the Spanish language (the writers of the labelled sets code the
        noun's category only). So does a subject's adjective: «helsefaglig engelsk» is language, «fagleg
        inspirasjon» inspiration. The adjective is a term (or a compound's head) ending in «-sk»/«-ske»
        (Norwegian's nationality and language adjectives) or in «-faglig»/«-fagleg» (:data:`QUALIFYING_ADJECTIVES`)
        with evidence of one category, the noun right after it has evidence of other categories only,
        and the two end a list item that they begin or that reaches them through a preposition, an article or a
        comparative (:data:`BEFORE_QUALIFIER`: «lærte om irsk kultur», «den irske kulturen», «sterkare samisk
        identitet»; there the adjective must be a people's, :func:`people_adjective`, not a field's like «økologisk»);
        a spaced list «engelsk venner mestring» names both. The adjective stays
        where the noun gives way to it (:meth:`_yielding_pairs`: «engelsk kunnskaper», typed «kunskaper» too) and
        where its category's token patterns name the noun: the codebook attaches that word to others by a rule of
        its own («engelsk selvtillit» is confidence in English, the confidence rule). Only in a text of at most
        :data:`~qualcode.tagging.compiled.SPLIT_WORD_TEXT` tokens, as for split words.
        """
        if len(tokens) > SPLIT_WORD_TEXT or self._spaced_items(tokens, best) is not None:
            return best  # «engelsk venner mot samarbeid miljø»: outcome words typed with spaces, each its own item
        single: dict[int, dict[str, Rule]] = defaultdict(dict)
        for (start, end, category), rule in best.items():
            if end == start + 1:
                single[start][category] = rule
        lower, last = tokens.lower, len(tokens) - 1
        drop = []
        for (start, end, category), rule in best.items():
            noun = single.get(start + 1, {})
            if (end != start + 1 or rule.kind not in ("term", "derived", "head") or set(single[start]) != {category}
                    or not lower[start].endswith(QUALIFYING_ADJECTIVES) or not noun or category in noun
                    or (start > 0 and lower[start - 1] not in LIST_SEPARATORS | BEFORE_QUALIFIER)
                    or (start > 0 and lower[start - 1] in BEFORE_QUALIFIER and not people_adjective(lower[start]))
                    or (start + 1 < last and lower[start + 2] not in LIST_SEPARATORS | PREPOSITIONS)
                    or any(r.text in YIELDING_HEADS for r in noun.values())
                    or any(lower[start + 1] in self.compiled.pattern_words[c] for c in noun)
                    or any(s <= start < e and e > s + 1 for s, e, _ in best)):
                continue
            drop.append((start, end, category))
        if not drop:
            return best
        return {key: rule for key, rule in best.items() if key not in drop}

    @staticmethod
    def _complements(tokens: Tokens, best: dict[tuple[int, int, str], Rule]) -> dict[tuple[int, int, str], Rule]:
        """In a survey answer, a skill, knowledge or quality noun gives way to what it is of, as in a compound.

        «kunnskap om EU» is «EU-kunnskap» written with a preposition: citizenship, not the category of «kunnskap»;
        likewise «innsikt i lokalpolitikk», «kunnskap om engelsk», «utvikling av app», «ansvar for miljøet». The noun
        is one of :data:`~qualcode.tagging.compiled.YIELDING_HEADS`, right before one of
        :data:`COMPLEMENT_PREPOSITIONS`; the rest of its list item holds evidence of other categories only. A phrase or
        pattern that ends in or comes right before «om» is learning about its topic the same way («lærte om klima»,
        «lærte mykje om meg sjølv»: the topic's category; «lærte om andre verdskrigen» stays learning), and so is
        one that opens with «hvordan»/«korleis» («hvordan EU fungerer»; «korleis sjukehus fungerer» stays). An
        adjective in «-sk» before another word there names a people, not a category («kunnskap om spansk
        historie»), and a complement with no evidence («innsikt i seg sjølv») leaves the noun as it is. So does a
        phrase of another category that holds the noun («globalt ansvar», «interkulturell kompetanse»). Only in a
        text of at most :data:`~qualcode.tagging.compiled.SPLIT_WORD_TEXT` tokens, as for split words.
        """
        if len(tokens) > SPLIT_WORD_TEXT:
            return best
        lower, n = tokens.lower, len(tokens)
        drop = []
        for (start, end, category), rule in best.items():
            if end == start + 1 and rule.kind in ("term", "derived", "head", "fuzzy") and rule.text in YIELDING_HEADS:
                phrases = {c for (s, e, c), r in best.items() if r.kind == "phrase" and s <= start < e and e > s + 1}
                if phrases and category not in phrases:
                    drop.append((start, end, category))  # «globalt ansvar»: a phrase of another category names it
                    continue
                at = end if end < n and lower[end] in COMPLEMENT_PREPOSITIONS else None
            elif end > start + 1 and lower[start] in HOW_WORDS:
                # «hvordan EU fungerer»: a pattern of how something works is of its topic where a category names it
                at = start
            elif end > start + 1:
                # «lærte om X», «lærte mye om X»: a phrase or pattern of learning about something is of its topic
                at = end - 1 if lower[end - 1] == "om" else end if end < n and lower[end] == "om" else None
                if at is None and rule.kind == "phrase" and lower[start].startswith("lær") and end < n:
                    at = end - 1  # «lærte masse engelsk», «lært meir spansk»: what was learnt follows the phrase
            else:
                continue
            if at is None or at + 1 >= n:
                continue
            stop = next((i for i in range(at + 1, n) if lower[i] in LIST_SEPARATORS), n)
            people = {s for (s, e, c) in best if e == s + 1 and at < s and s + 1 < stop and people_adjective(lower[s])
                      and not any(k[0] == s + 1 and k[2] == c for k in best)}
            of = {c for (s, e, c) in best if at <= s and e <= stop and (s, e) != (start, end) and s not in people}
            if of and category not in of:
                drop.append((start, end, category))
            # the people's adjective says whose the topic is, not the language: «lærte om franske oster», «lærte om
            # islandsk fiskeri» (a noun of the adjective's own category keeps it: «lærte om tysk grammatikk»)
            drop.extend(key for key in best if key[0] in people and key[1] == key[0] + 1)
        if not drop:
            return best
        return {key: rule for key, rule in best.items() if key not in drop}

    def _company(self, tokens: Tokens, best: dict[tuple[int, int, str], Rule]) -> dict[tuple[int, int, str], Rule]:
        """In a survey answer, who something was done «med» is its company, not an outcome of its own.

        «snakke tysk med kolleger», «samarbeid med kollegaene», «snakke fransk med kokkene», «vennskap med spanske
        elever»: the writers of the labelled sets code what the item names before «med» only. When the list item
        ends in people (:data:`PERSON_STEMS`; «utfordrende med nytt språk» names what, not who), the single words
        after «med» give way where the words before it have evidence (not a secondary word's:
        «lærerike dagar med vener» keeps the friends) of other categories only; a category named on both sides
        stays («kontakt med vertsfamilien», «vennskap med vertsfamilien»), and so does all of it where a phrase or
        pattern holds «med» (the confidence rule: «tryggere med verktøy»). Only in a text of at most
        :data:`~qualcode.tagging.compiled.SPLIT_WORD_TEXT` tokens.
        """
        if len(tokens) > SPLIT_WORD_TEXT or "med" not in tokens.lower:
            return best
        lower, n, is_secondary = tokens.lower, len(tokens), self.compiled.is_secondary
        drop = set()
        for at in (i for i, w in enumerate(lower) if w == "med"):
            first = max((i + 1 for i in range(at) if lower[i] in LIST_SEPARATORS), default=0)
            stop = next((i for i in range(at + 1, n) if lower[i] in LIST_SEPARATORS), n)
            before = {c for (s, e, c), rule in best.items() if first <= s and e <= at and not is_secondary(rule)}
            # a phrase or pattern that holds «med» attaches what follows (the confidence rule: «selvsikker med
            # motorsagen», «tryggare med verktøy» keep the skill second)
            if before and lower[stop - 1].startswith(PERSON_STEMS) and not any(s <= at < e and e > s + 1
                                                                               for s, e, _ in best):
                drop |= {(s, e, c) for (s, e, c) in best if at < s and e <= stop and e == s + 1 and c not in before}
        if not drop:
            return best
        return {key: rule for key, rule in best.items() if key not in drop}

    @staticmethod
    def _done_in(tokens: Tokens, best: dict[tuple[int, int, str], Rule]) -> dict[tuple[int, int, str], Rule]:
        """In a survey answer, using a language «på engelsk» is the language: the item names the language it was used in.

        «presentasjon på engelsk», «debattere på engelsk», «fagord på engelsk», «kommunisere på engelsk med
        kokkene»: the writers of the labelled sets code the language only, as the label rule says for «kommunisere på
        engelsk». A two-word phrase or pattern «på X» of one category makes the other categories' single words in its
        list item give way when they are a use of the language (:data:`LANGUAGE_ACT_STEMS`) or the item holds
        another word of the phrase's category («helsefaglige ord på engelsk»: the words are the language's),
        unless a token pattern of theirs holds «på» too (the confidence rule: «trygg på engelsk», «tør å presentere
        på engelsk» keep the confidence). Anything else done in the language keeps its own category, first in the
        item: «samarbeid på engelsk», «prosjektarbeid på tysk», «biologi på engelsk», «tryggare på engelsk», and so does
        a phrase or pattern of another category beside «på X» in the item («ble kjent på engelsk», «mindre sjenert
        på engelsk»: getting to know people and shyness gone, in English). Only in
        a text of at most :data:`~qualcode.tagging.compiled.SPLIT_WORD_TEXT` tokens.
        """
        if len(tokens) > SPLIT_WORD_TEXT:
            return best
        lower, n = tokens.lower, len(tokens)
        manner = [(s, c) for (s, e, c), r in best.items()
                  if e == s + 2 and lower[s] == "på" and r.kind in ("phrase", "pattern")]
        if not manner:
            return best
        drop = set()
        for at, category in manner:
            first = max((i + 1 for i in range(at) if lower[i] in LIST_SEPARATORS), default=0)
            stop = next((i for i in range(at + 2, n) if lower[i] in LIST_SEPARATORS), n)
            holding = {c for (s, e, c), r in best.items() if e > s + 1 and s <= at < e and c != category}
            words = [i for i in range(first, stop) if not at <= i < at + 2]
            using = any(lower[i] in LANGUAGE_ACT_WORDS or any(stem in lower[i] for stem in LANGUAGE_ACT_STEMS)
                        for i in words)
            others = {(s, e, c) for (s, e, c) in best if first <= s and e <= stop and c != category
                      and c not in holding and (e <= at or s >= at + 2)}
            if using:
                drop |= others
            elif others and (at + 1, at + 2, category) in best:
                # what was done keeps its category and, as the item's head, the first place: the phrase
                # «på engelsk» counts as its language word alone («samarbeid på engelsk»)
                drop.add((at, at + 2, category))
        if not drop:
            return best
        return {key: rule for key, rule in best.items() if key not in drop}

    def _trailing(self, best: dict[tuple[int, int, str], Rule]) -> set[str]:
        """The categories whose only evidence is secondary words.

        A category's secondary word («lærerik») says how the experience was, not what it gave: alone it
        is no evidence, and beside another category's evidence («lærerik opplevelse», «utfordrende men
        lærerikt») it adds its category after the others (see :meth:`tag`).
        """
        is_secondary = self.compiled.is_secondary
        leading = {category for (_, _, category), rule in best.items() if not is_secondary(rule)}
        return {category for _, _, category in best} - leading

    def _in_field(self, tokens: Tokens, start: int, end: int, category: str) -> bool:
        """True if the sentence of tokens ``start:end`` holds, outside them, a word of the category's field."""
        field, sentence = self.compiled.field[category], tokens.sentence
        return any(sentence[i] == sentence[start] and not start <= i < end
                   and not (field.isdisjoint(tokens.keys[i]) and field.isdisjoint(tokens.parts[i]))
                   for i in range(len(tokens)))

    @staticmethod
    def _short_items(tokens: Tokens) -> list[int] | None:
        """The list item of each token when the text is a list of short items (a survey answer
        such as «språk, kultur, vennskap»), else None. See :meth:`_score`."""
        item, items, words = 0, [], [0]
        for lower, punct in zip(tokens.lower, tokens.punct):
            if lower in LIST_SEPARATORS:
                item += 1
                words.append(0)
            elif not punct:
                words[-1] += 1
            items.append(item)
        filled = [n for n in words if n]
        return items if len(filled) > 1 and max(filled) <= LIST_ITEM_WORDS else None

    @staticmethod
    def _spaced_items(tokens: Tokens, best: dict[tuple[int, int, str], Rule]) -> list[int] | None:
        """Each word its own list item when a survey answer lists three or more outcome words with spaces only
        («engelsk vennskap trygghet kunnskap»): every word is evidence on its own and no rule spans two of them
        (a phrase or a pattern such as «kritisk tenkning» or «trygg på engelsk» makes it one item), else None."""
        n = len(tokens.lower)
        if not SPACED_LIST_WORDS[0] <= n <= SPACED_LIST_WORDS[1] or any(tokens.punct) or \
                any(end - start > 1 for start, end, _ in best):
            return None
        covered = {start for start, _, _ in best}
        return list(range(n)) if len(covered) == n else None

    @staticmethod
    def _score(weights: dict[int, float]) -> float:
        """A category's score in running text: the sum of its evidence weights, token by token."""
        return sum(weights.values())

    @staticmethod
    def _list_scores(per_category: dict[str, dict[int, float]], items: list[int], named: dict[str, tuple[int, int, int]],
                     trailing: set[str] = frozenset()) -> tuple[dict[str, float], dict[str, tuple]]:
        """Scores and naming order in a list of short items: each item is one mention of the
        category that dominates it (the most evidence weight in the item), so the first item's
        dominant category is the primary: «fransk, nye venner» is language although «nye venner» has
        more evidence than «fransk». Within one item the weights decide, which is how the confidence
        rule works in a list: «trygg på engelsk, venner» is personal development.

        A category that dominates an item scores 1; one that only appears beside a dominant one
        scores less, by its share of the item's best weight. The naming order puts categories by
        the first item they dominate, then by the first item they appear in. A category whose only
        evidence is secondary words (``trailing``) dominates no item that holds another category: «motivasjon
        og engelsk» is personal development first, «kommunikasjon og vennskap» language."""
        per_item: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for category, weights in per_category.items():
            for i, weight in weights.items():
                per_item[items[i]][category] += weight
        scores: dict[str, float] = defaultdict(float)
        dominated: dict[str, int] = {}
        for item in sorted(per_item):
            weights = per_item[item]
            leading = [c for c in weights if c not in trailing] or list(weights)
            top = max(weights[c] for c in leading)
            # of tied categories the item's head (named last in it) dominates: «språkleg tryggleik»
            leader = min((c for c in leading if weights[c] == top), key=lambda c: named.get(c, ()))
            dominated.setdefault(leader, item)
            for category, weight in weights.items():
                scores[category] = max(scores[category], 1.0 if category == leader else 0.5 * weight / top)
        last = len(per_item)
        order = {c: (dominated.get(c, last), named.get(c, ())) for c in per_category}
        return scores, order

    @staticmethod
    def _named_first(tokens: Tokens, best: dict[tuple[int, int, str], Rule]) -> dict[str, tuple[int, int, int]]:
        """Where the text names each category: (list item, after a preposition, -end of the evidence), smallest first.

        «kultur, klima, kunnskap» names culture first; within one item the head decides: the last word
        before any preposition («språkleg tryggleik» is about confidence). What follows a preposition only
        says where, what for or how far («engelsk i idretten» is language, «motivasjon for fagbrevet»
        motivation, «samarbeid på tvers av kulturer» collaboration, «venner på tvers av språk» friends).
        Items are separated by commas, semicolons, slashes, dashes and «og»/«and».
        """
        item, items, across, beyond = 0, [], False, []
        for lower in tokens.lower:
            if lower in LIST_SEPARATORS:
                item, across = item + 1, False
            elif lower in PREPOSITIONS:
                across = True
            items.append(item)
            beyond.append(across)
        first: dict[str, tuple[int, int, int]] = {}
        for start, end, category in best:
            rank = (items[start], beyond[start], -end)
            if category not in first or rank < first[category]:
                first[category] = rank
        return first

    def _polarity(self, tokens: Tokens, negated: set[int], scores: dict[str, float]) -> dict[str, str]:
        poles = self.compiled.poles
        found: set[str] = set()
        for i, token_keys in enumerate(tokens.keys):
            keys = token_keys | set(tokens.parts[i])
            for p, (name, terms, phrases) in enumerate(poles):
                if keys & terms or any(self._phrase_at(tokens, i, ph) for ph in phrases if ph[0] in keys):
                    # With two poles a negated one flips: "ikke god forankring" is a barrier.
                    found.add(poles[1 - p][0] if i in negated and len(poles) == 2 else name)
        if not found:
            return {}
        pole = next(iter(found)) if len(found) == 1 else "mixed"
        return {category: pole for category in scores}

    def __call__(self, doc: Doc) -> Doc:
        tokens = views_from_doc(doc)
        result = self.tag(doc.text, tokens, lambda: doc)
        spans = []
        for start, end, category, rule in result.evidence:
            span = doc.char_span(tokens.start[start], tokens.end[end - 1])
            if span is not None:
                spans.append(Span(doc, span.start, span.end, label=category, span_id=rule.id))
        doc.spans[self.spans_key] = spans
        doc._.qc_scores = result.scores
        doc._.qc_polarity = result.polarity
        return doc

    # -- serialisation (like SpanRuler) ------------------------------------------------------

    def to_bytes(self, *, exclude=()) -> bytes:
        return srsly.json_dumps({"spans_key": self.spans_key,
                                 "codebook": self.codebook.model_dump(mode="json") if self.codebook else None}).encode()

    def from_bytes(self, data: bytes, *, exclude=()) -> "CodebookTagger":
        cfg = srsly.json_loads(data)
        self.spans_key = cfg["spans_key"]
        if cfg["codebook"]:
            self.set_codebook(Codebook(**cfg["codebook"]))
        return self

    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "codebook.json").write_bytes(self.to_bytes())

    def from_disk(self, path, *, exclude=()) -> "CodebookTagger":
        return self.from_bytes((Path(path) / "codebook.json").read_bytes())


@Language.factory("qualcode_codebook", default_config={"spans_key": SPANS_KEY})
def make_codebook_tagger(nlp: Language, name: str, spans_key: str) -> CodebookTagger:
    return CodebookTagger(nlp, name=name, spans_key=spans_key)


def _subject_name(lowers: list[str], i: int, rule: Rule) -> bool:
    """True if word ``i`` of a sentence is a school subject's or a field's name (see :data:`SUBJECT_HEADS`): a
    compound on «fag» whose evidence is one of its parts («friluftslivsfaget»), or the word right after «i», «for» or
    «innan» after a teacher noun or «fagmiljø» («læraren i friluftsliv», «fagmiljø for friluftsliv»); not where that
    noun follows «for» or «til», as the field may be the course's («kurs for lærerne i …»)."""
    if rule.kind in ("compound", "fuzzy", "head") and lowers[i].endswith(SUBJECT_HEADS) \
            and not rule.text.split("+")[0].endswith("fag"):  # «head» rules show as «friluftsliv+fag»
        return True
    if i < 2 or lowers[i - 1] not in FIELD_PREPOSITIONS:
        return False
    noun = lowers[i - 2]
    teacher = noun.startswith("fagmiljø") or noun in TEACHERS or (noun.endswith(("lærer", "lærar") + TEACHERS)
                                                                   and len(noun) > 7)
    return teacher and not (i > 2 and lowers[i - 3] in ("for", "til"))


@lru_cache(maxsize=10_000)
def people_adjective(word: str) -> bool:
    """True if ``word`` (lower case) reads as a people's adjective: «fransk», «irske», «portugisisk», «islandsk».

    Norwegian's nationality and language adjectives end in «-sk»; a field's adjective in «-isk» whose stem names the
    field («økologisk»: økologi, «kritisk»: kritikk, «historisk»: historie) says what kind of thing, not whose.

    >>> people_adjective("franske"), people_adjective("portugisisk"), people_adjective("økologisk")
    (True, True, False)
    """
    stem = word[:-1] if word.endswith("ske") else word
    if not stem.endswith("sk"):
        return False
    if stem.endswith("isk"):
        root = stem[:-3]
        return not any(is_known_lemma(root + e) for e in FIELD_ENDINGS if len(root) >= 4 or e == "ikk")
    return True


def answer_reflexive(lower: list[str], i: int) -> bool:
    """True if token ``i`` is «meg» or «deg» in a survey answer (a text of at most
    :data:`~qualcode.tagging.compiled.SPLIT_WORD_TEXT` tokens), where it stands for a codebook phrase's «seg».
    Not in running text: a teacher's «jeg følte meg velkommen» is not a pupil's inclusion."""
    return len(lower) <= SPLIT_WORD_TEXT and lower[i] in SINGULAR_REFLEXIVES


def primary_category(scores: dict[str, float], codebook: Codebook) -> str | None:
    """The category that colours a word or answer: highest score; of tied categories the one the
    text names first, as :class:`CodebookTagger` orders ``scores`` (the first item of a list; within
    an item, its head), then codebook order."""
    if not scores:
        return None
    named = {c: i for i, c in enumerate(scores)}
    return min(scores, key=lambda c: (-scores[c], named[c]))


def explain_primary(scores: dict[str, float], codebook: Codebook) -> str:
    """Why :func:`primary_category` chose what it chose, in one sentence."""
    primary = primary_category(scores, codebook)
    if primary is None:
        return "no category: no rule matched"
    ties = [c for c in scores if scores[c] == scores[primary] and c != primary]
    reason = f"{primary} has the highest score ({scores[primary]:g})"
    if ties:
        reason += f", tied with {', '.join(ties)}; the text names it first (or, in the same word, codebook '{codebook.id}' lists it first)"
    return reason


def codes_json(doc: Doc, codebook: Codebook, spans_key: str = SPANS_KEY) -> list[dict]:
    """The ``qualcode tag`` output for one Doc: codes by descending score, the first is the primary."""
    scores = doc._.qc_scores or {}
    codes = [{"code": span.label_, "start": span.start_char, "end": span.end_char, "text": span.text,
              "score": round(scores.get(span.label_, 0.0), 4), "rule": span.id_} for span in doc.spans[spans_key]]
    named = {c: i for i, c in enumerate(scores)}
    codes.sort(key=lambda c: (-c["score"], named.get(c["code"], len(named)), c["start"], c["end"]))
    return codes
