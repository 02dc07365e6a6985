"""The codebook tagger: a spaCy component in the manner of ``SpanRuler``.

Codebook in, overlapping labelled spans out, in ``doc.spans["qualcode"]``: each span's
``label_`` is a category id and its ``id_`` the rule that fired ("term:engelsk",
"compound:språk", "phrase:snakke engelsk", "fuzzy:engelsk", "pattern:sprakferdigheter#0").
``doc._.qc_scores`` holds each category's score (the sum of its evidence weights) and
``doc._.qc_polarity`` the pole of each category, for codebooks that define one.

>>> nlp = load_pipeline()                                            # doctest: +SKIP
>>> nlp.add_pipe("qualcode_codebook").set_codebook(load_codebook("codebooks/elevutbytte.yaml"))  # doctest: +SKIP

Matching is on lower-cased lemmas and word forms (for when a lemmatizer gets a word wrong).
A ``compound_terms`` entry also matches a part of a compound ("språk" in "fremmedspråk"); an
unknown word within a typo or two of a term is weaker evidence; a term in a negated clause is
not evidence (see :mod:`qualcode.tagging.negation`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from qualcode.nlp.compounds import lemma_frequencies, split_compound
from qualcode.nlp.lemmatizer import is_known_word
from qualcode.nlp.stopwords import is_noise_answer, stop_words
from qualcode.tagging.codebook import Codebook
from qualcode.tagging.fuzzy import FuzzyIndex
from qualcode.tagging.negation import NEGATION_CUES, negated_tokens
from qualcode.tagging.tokens import Tokens, views_from_doc, word_facts

SPANS_KEY = "qualcode"
WEIGHTS = {"term": 1.0, "phrase": 1.5, "compound": 0.8, "fuzzy": 0.6}
_LITERAL_KEYS = ("LEMMA", "LOWER", "ORTH", "TEXT", "NORM")


@dataclass(frozen=True)
class Rule:
    category: int  # index in the codebook
    kind: str  # term | compound | phrase | fuzzy | pattern
    text: str
    weight: float

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.text}"


@dataclass
class Tagging:
    """What the tagger found in one text: evidence (token spans), scores and polarity."""

    evidence: list[tuple[int, int, int, Rule]] = field(default_factory=list)  # (start, end, category, rule)
    scores: dict[str, float] = field(default_factory=dict)
    polarity: dict[str, str] = field(default_factory=dict)


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


def _commonness(word: str) -> int:
    """How common a word is in Norwegian text: stop words first, then NDT lemma counts."""
    return 10**9 if word in stop_words() else lemma_frequencies().get(word, 0)


class CodebookTagger:
    """Tags a text with a codebook's categories (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "qualcode_codebook", spans_key: str = SPANS_KEY) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.codebook: Codebook | None = None
        for ext in ("qc_scores", "qc_polarity"):
            if not Doc.has_extension(ext):
                Doc.set_extension(ext, default=None)

    # -- configuration -----------------------------------------------------------------------

    def set_codebook(self, codebook: Codebook) -> None:
        """Compile ``codebook`` into lookup tables, a typo index and a Matcher."""
        self.codebook = codebook
        self.terms: dict[str, list[Rule]] = defaultdict(list)
        self.parts: dict[str, list[Rule]] = defaultdict(list)
        self.phrases: dict[str, list[tuple[tuple[str, ...], Rule]]] = defaultdict(list)
        self.excluded: dict[int, set[str]] = defaultdict(set)
        self.excluded_phrases: dict[int, list[tuple[str, ...]]] = defaultdict(list)
        self.matcher = Matcher(self.nlp.vocab)
        self.pattern_rules: dict[str, Rule] = {}
        self.pattern_literals: list[list[set[str]]] = []
        for ci, category in enumerate(codebook.categories):
            for term in category.terms:
                self._add_term(ci, term, "term")
            for term in category.compound_terms:
                if term not in category.terms:
                    self._add_term(ci, term, "term")
                self.parts[term].append(Rule(ci, "compound", term, WEIGHTS["compound"]))
            for phrase in category.phrases:
                self._add_term(ci, phrase, "phrase")
            for pi, pattern in enumerate(category.patterns):
                key = f"{category.id}#{pi}"
                self.matcher.add(key, [pattern.pattern])
                self.pattern_rules[key] = Rule(ci, "pattern", key, pattern.weight)
                self.pattern_literals.append(_literals(pattern.pattern))
            for word in category.exclude:
                if " " in word:
                    self.excluded_phrases[ci].append(tuple(word.split()))
                else:
                    self.excluded[ci].add(word)
        self.fuzzy = FuzzyIndex(self.terms)
        self._exclusion_triggers = defaultdict(frozenset, {
            ci: frozenset(self.excluded.get(ci, set()) | {p[0] for p in self.excluded_phrases.get(ci, ())})
            for ci in set(self.excluded) | set(self.excluded_phrases)})
        self._candidates: dict[tuple, tuple[list[Rule], list]] = {}
        self._by_word: dict[tuple[str, str], bool | tuple[list[tuple[str, ...]], frozenset[str]]] = {}
        # Words some phrase or token pattern names: all could_match needs to remember of a text.
        self._watched = frozenset({w for entries in self.phrases.values() for words, _ in entries for w in words}
                                  | {w for sets in self.pattern_literals for required in sets for w in required})
        # A text can only match a phrase if it holds the phrase's rarest word, and a pattern only if
        # it holds a word of its rarest required set: a text with none of these "entry" words and
        # no word that fires on its own cannot match anything.
        phrases = [words for entries in self.phrases.values() for words, _ in entries]
        self._entry = frozenset({min(words, key=_commonness) for words in phrases}
                                | {w for sets in self.pattern_literals if sets
                                   for w in min(sets, key=lambda words: sum(map(_commonness, words)))})
        self._inert: set[tuple[str, str]] = set()  # (word, lemma) pairs that fire nothing and are no entry
        self._patterns_unbounded = any(not sets for sets in self.pattern_literals)  # a pattern that names no word
        self.prefixes = sorted((t for t in self.parts if len(t) >= 4), key=len, reverse=True)
        self.poles = [(name, set(pole.terms), [tuple(p.split()) for p in pole.phrases])
                      for name, pole in codebook.polarity.items()]

    def _add_term(self, ci: int, text: str, kind: str) -> None:
        words = tuple(text.split())
        if len(words) > 1:
            self.phrases[words[0]].append((words, Rule(ci, "phrase", text, WEIGHTS["phrase"])))
        else:
            self.terms[text].append(Rule(ci, kind, text, WEIGHTS[kind]))

    # -- matching ----------------------------------------------------------------------------

    @staticmethod
    def _phrase_at(tokens: Tokens, i: int, words: tuple[str, ...]) -> bool:
        keys = tokens.keys
        return i + len(words) <= len(keys) and all(w in keys[i + k] for k, w in enumerate(words))

    def _fuzzy(self, word: str) -> list[Rule]:
        """Rules for an unknown word: a term within its typo limit, or a compound_term it opens with."""
        rules = [Rule(r.category, "fuzzy", term, WEIGHTS["fuzzy"]) for term in self.fuzzy.lookup(word) for r in self.terms[term]]
        if not rules:
            # "klimabevisthet": unknown as a whole, but it opens with a compound term.
            prefix = next((p for p in self.prefixes if word.startswith(p) and len(word) - len(p) >= 3), None)
            if prefix:
                rules = [Rule(r.category, "fuzzy", prefix, WEIGHTS["fuzzy"]) for r in self.parts[prefix]]
        return rules

    def matches(self, tokens: Tokens, doc: Callable[[], Doc] | None = None) -> list[tuple[int, int, Rule]]:
        """Every rule match ``(start, end, rule)`` (token indices) before negation and exclusions.

        ``doc`` builds the spaCy Doc for token patterns; it is only called when a pattern's
        words occur in the text.
        """
        found: list[tuple[int, int, Rule]] = []
        cache = self._candidates
        for i, token_keys in enumerate(tokens.keys):
            if tokens.punct[i]:
                continue
            key = (token_keys, tokens.parts[i])
            candidates = cache.get(key)
            if candidates is None:
                candidates = cache[key] = self.token_candidates(token_keys, tokens.parts[i], tokens.is_alpha(i), tokens.lower[i])
            single, phrases = candidates
            for rule in single:
                found.append((i, i + 1, rule))
            for words, rule in phrases:
                if self._phrase_at(tokens, i, words):
                    found.append((i, i + len(words), rule))
        if self.pattern_rules and doc is not None and self._patterns_possible(tokens):
            spacy_doc = doc()
            index = {start: i for i, start in enumerate(tokens.start)}
            for match_id, start, end in self.matcher(spacy_doc):
                first, last = index.get(spacy_doc[start].idx), index.get(spacy_doc[end - 1].idx)
                if first is not None and last is not None:
                    found.append((first, last + 1, self.pattern_rules[self.nlp.vocab.strings[match_id]]))
        return found

    def token_candidates(self, keys: frozenset[str], parts: tuple[str, ...], alpha: bool,
                          lower: str) -> tuple[list[Rule], list[tuple[tuple[str, ...], Rule]]]:
        """Rules one token can fire on its own, and phrases that may start at it.

        The answer depends only on the token's word, lemma and parts, so it is memoised: a
        project repeats the same words over and over.
        """
        single = [rule for key in keys for rule in self.terms.get(key, ())]
        phrases = [p for key in keys for p in self.phrases.get(key, ())]
        if len(parts) > 1:
            # Parts of parts count too: "fremmedspråk" in "fremmedspråk+ferdighet" holds "språk".
            for part in sorted(set(parts).union(*(split_compound(p) for p in parts))):
                single.extend(self.parts.get(part, ()))
        elif alpha and not keys & self.terms.keys() and not is_known_word(lower):
            single.extend(self._fuzzy(lower))
        return single, phrases

    def could_match(self, words: list[str], lemmas: list[str]) -> bool:
        """False when no rule can fire on these words (a quick test before full tagging).

        A word that fires a rule on its own decides at once; a phrase counts only if all its
        words occur in the text; token patterns decide on the words they name. Per distinct
        word this is worked out once: whether it fires, the phrases it opens, and which of its
        keys any phrase or pattern names.
        """
        if self._patterns_unbounded:
            return True
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
                hit = memo[pair] = True if single else ([w for w, _ in phrases], keys & self._watched)
                if hit is not True and not keys & self._entry:
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
        return self._patterns_possible_words(present)

    def _patterns_possible_words(self, words: set[str]) -> bool:
        return any(all(words & required for required in sets) for sets in self.pattern_literals)

    def _patterns_possible(self, tokens: Tokens) -> bool:
        words = set().union(*tokens.keys) if len(tokens) else set()
        return any(all(words & required for required in sets) for sets in self.pattern_literals)

    def _excluded_tokens(self, tokens: Tokens, category: int) -> set[int]:
        """Tokens a category's ``exclude`` words or phrases cover."""
        covered: set[int] = set()
        words = self.excluded.get(category, set())
        phrases = self.excluded_phrases.get(category, ())
        if self._exclusion_triggers[category].isdisjoint(set().union(*tokens.keys)):
            return covered  # most texts hold none of the category's excluded words
        for i, token_keys in enumerate(tokens.keys):
            if token_keys & words:
                covered.add(i)
            for phrase in phrases:
                if phrase[0] in token_keys and self._phrase_at(tokens, i, phrase):
                    covered.update(range(i, i + len(phrase)))
        return covered

    def _inside_excluded(self, keys: frozenset[str], category: int) -> bool:
        """An excluded compound also blocks longer compounds that contain it: excluding "fagmiljø"
        keeps "fagmiljøstørrelse" from counting as "miljø"."""
        return any(w in k for w in self.excluded.get(category, ()) if len(w) >= 6 for k in keys)

    def tag(self, text: str, tokens: Tokens, doc: Callable[[], Doc] | None = None) -> Tagging:
        """Evidence, scores and polarity for one text given its token views."""
        if self.codebook is None:
            raise ValueError("the qualcode_codebook component has no codebook; call set_codebook() first")
        result = Tagging()
        if len(text) < 40 and is_noise_answer(text):
            return result
        matches = self.matches(tokens, doc)
        if not matches:
            return result
        negated = negated_tokens(tokens)
        best: dict[tuple[int, int, int], Rule] = {}
        excluded: dict[int, set[int]] = {}
        negated_categories: set[int] = set()
        for start, end, rule in matches:
            # A phrase that holds its own cue ("ikke råd til") means what it says: not negated by it.
            if any(i in negated for i in range(start, end)) and not any(
                    tokens.lower[i] in NEGATION_CUES for i in range(start, end)):
                if not self.poles:
                    continue
                # In a codebook with poles, a negated theme is still the theme, on its last pole:
                # «partnerne leverte ikke» is task division as a barrier.
                negated_categories.add(rule.category)
            if rule.category in self.excluded or rule.category in self.excluded_phrases:
                if rule.category not in excluded:
                    excluded[rule.category] = self._excluded_tokens(tokens, rule.category)
                covered = excluded[rule.category]
                if any(i in covered for i in range(start, end)) or (
                        rule.kind in ("compound", "fuzzy") and self._inside_excluded(tokens.keys[start], rule.category)):
                    continue
            key = (start, end, rule.category)
            if key not in best or rule.weight > best[key].weight:
                best[key] = rule
        # One token counts once per category: the strongest rule covering it.
        per_category: dict[int, dict[int, float]] = defaultdict(dict)
        for (start, end, ci), rule in sorted(best.items()):
            result.evidence.append((start, end, ci, rule))
            for i in range(start, end):
                per_category[ci][i] = max(per_category[ci].get(i, 0.0), rule.weight / (end - start))
        result.scores = {self.codebook.categories[ci].id: round(sum(w.values()), 6) for ci, w in per_category.items()}
        if self.poles and result.scores:
            result.polarity = self._polarity(tokens, negated, result.scores)
            last = self.poles[-1][0]
            for ci in negated_categories:
                category = self.codebook.categories[ci].id
                current = result.polarity.get(category)
                result.polarity[category] = last if current in (None, last) else "mixed"
        return result

    def _polarity(self, tokens: Tokens, negated: set[int], scores: dict[str, float]) -> dict[str, str]:
        found: set[str] = set()
        for i, token_keys in enumerate(tokens.keys):
            keys = token_keys | set(tokens.parts[i])
            for p, (name, terms, phrases) in enumerate(self.poles):
                if keys & terms or any(self._phrase_at(tokens, i, ph) for ph in phrases if ph[0] in keys):
                    # With two poles a negated one flips: "ikke god forankring" is a barrier.
                    found.add(self.poles[1 - p][0] if i in negated and len(self.poles) == 2 else name)
        if not found:
            return {}
        pole = next(iter(found)) if len(found) == 1 else "mixed"
        return {category: pole for category in scores}

    def __call__(self, doc: Doc) -> Doc:
        tokens = views_from_doc(doc)
        result = self.tag(doc.text, tokens, lambda: doc)
        spans = []
        for start, end, ci, rule in result.evidence:
            span = doc.char_span(tokens.start[start], tokens.end[end - 1])
            if span is not None:
                spans.append(Span(doc, span.start, span.end, label=self.codebook.categories[ci].id, span_id=rule.id))
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


def primary_category(scores: dict[str, float], codebook: Codebook) -> str | None:
    """The category that colours a word or answer: highest score, then codebook order."""
    if not scores:
        return None
    return min(scores, key=lambda c: (-scores[c], codebook.order.get(c, len(codebook.order))))


def explain_primary(scores: dict[str, float], codebook: Codebook) -> str:
    """Why :func:`primary_category` chose what it chose, in one sentence."""
    primary = primary_category(scores, codebook)
    if primary is None:
        return "no category: no rule matched"
    ties = [c for c in scores if scores[c] == scores[primary] and c != primary]
    reason = f"{primary} has the highest score ({scores[primary]:g})"
    if ties:
        reason += f", tied with {', '.join(ties)}; it comes first in codebook '{codebook.id}'"
    return reason


def codes_json(doc: Doc, codebook: Codebook, spans_key: str = SPANS_KEY) -> list[dict]:
    """The ``qualcode tag`` output for one Doc: codes by descending score, the first is the primary."""
    scores = doc._.qc_scores or {}
    codes = [{"code": span.label_, "start": span.start_char, "end": span.end_char, "text": span.text,
              "score": round(scores.get(span.label_, 0.0), 4), "rule": span.id_} for span in doc.spans[spans_key]]
    codes.sort(key=lambda c: (-c["score"], codebook.order.get(c["code"], 0), c["start"], c["end"]))
    return codes
