"""The codebook tagger: a spaCy component in the manner of ``SpanRuler``.

Codebook in, overlapping labelled spans out, in ``doc.spans["qualcode"]``: each span's
``label_`` is a category id and its ``id_`` the rule that fired ("term:engelsk",
"compound:språk", "phrase:snakke engelsk", "pattern:sprakferdigheter#0"). ``doc._.qc_scores``
holds each category's score (the sum of its evidence weights) and ``doc._.qc_polarity`` the
pole of each category, for codebooks that define one.

>>> nlp = load_pipeline()                                            # doctest: +SKIP
>>> tagger = nlp.add_pipe("qualcode_codebook")                       # doctest: +SKIP
>>> tagger.set_codebook(load_codebook("codebooks/elevutbytte.yaml"))  # doctest: +SKIP

Matching is on lower-cased lemmas (and word forms, for when a lemmatizer gets a word wrong).
A ``compound_terms`` entry also matches a part of a compound ("språk" in "fremmedspråk").
A term in a negated clause ("ikke", "verken … eller", "uten") is not evidence.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from qualcode.nlp.compounds import split_compound
from qualcode.nlp.lemmatizer import is_known_word
from qualcode.nlp.stopwords import is_noise_answer
from qualcode.tagging.codebook import Codebook

SPANS_KEY = "qualcode"
WEIGHTS = {"term": 1.0, "phrase": 1.5, "compound": 0.8}

NEGATION_CUES = frozenset({"ikke", "ikkje", "aldri", "uten", "utan", "verken", "hverken", "korkje", "ingen", "inga",
                           "ingenting", "intet"})
# Cues that do not negate what follows: "ikke bare … men også", "ikke minst", "uten tvil".
NOT_NEGATING_NEXT = {
    "ikke": {"bare", "berre", "minst", "sant", "kun", "bara", "mindre"},
    "ikkje": {"berre", "minst", "sant"},
    "uten": {"tvil", "tvi"},
    "utan": {"tvil"},
    "ingen": {"tvil", "tvi"},
}
# "og" is not here: it joins noun phrases far more often than clauses in these texts
# («Demokrati og sånt kom ikke inn»), so a negation spans a coordination.
CLAUSE_BREAKERS = frozenset({"men", "likevel", "derimot", "mens", "fordi", "samtidig"})
FUZZY_WEIGHT = 0.6
PUNCT_BREAKERS = frozenset({",", ".", ";", ":", "!", "?", "—", "–", "(", ")", "«", "»", '"'})


@dataclass(frozen=True)
class Rule:
    category: int  # index in the codebook
    kind: str  # term | compound | phrase | pattern
    text: str
    weight: float

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.text}"


def _keys(token: Token) -> set[str]:
    return {token.lemma_.lower(), token.lower_} if token.lemma_ else {token.lower_}


def negated_tokens(doc: Doc | Span) -> set[int]:
    """Indices of tokens in a clause that holds a negation cue.

    A clause runs between punctuation, contrast words ("men", "likevel") and sentence starts,
    so in «Språket er ikke det viktigste, men utveksling av ideer …» "Språket" is negated and
    "utveksling" is not; in «verken Teams eller eTwinning» both are.
    """
    negated: set[int] = set()
    clause: list[int] = []
    has_cue = False
    for token in doc:
        lower = token.lower_
        if clause and (token.is_sent_start or lower in PUNCT_BREAKERS or lower in CLAUSE_BREAKERS):
            if has_cue:
                negated.update(clause)
            clause, has_cue = [], False
        clause.append(token.i)
        if lower in NEGATION_CUES:
            nxt = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
            has_cue = has_cue or nxt not in NOT_NEGATING_NEXT.get(lower, ())
    if has_cue:
        negated.update(clause)
    return negated


def damerau_levenshtein(a: str, b: str, limit: int) -> int:
    """Edit distance with transpositions, cut off above ``limit`` (returns limit + 1)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2, prev = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
            if prev2 is not None and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], prev2[j - 2] + 1)
        if min(row) > limit:
            return limit + 1
        prev2, prev = prev, row
    return prev[-1]


def _deletes(word: str, depth: int) -> set[str]:
    found, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def fuzzy_limit(word: str) -> int:
    """Typos allowed in a word: none under 5 letters, one up to 9, two from 10."""
    return 0 if len(word) < 5 else 1 if len(word) < 10 else 2


class CodebookTagger:
    """Tags a Doc with a codebook's categories (see the module docstring)."""

    def __init__(self, nlp: Language, name: str = "qualcode_codebook", spans_key: str = SPANS_KEY) -> None:
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.codebook: Codebook | None = None
        for ext, default in (("qc_scores", None), ("qc_polarity", None)):
            if not Doc.has_extension(ext):
                Doc.set_extension(ext, default=default)

    # -- configuration -----------------------------------------------------------------------

    def set_codebook(self, codebook: Codebook) -> None:
        """Compile ``codebook`` into lookup tables and a Matcher."""
        self.codebook = codebook
        self.terms: dict[str, list[Rule]] = defaultdict(list)
        self.parts: dict[str, list[Rule]] = defaultdict(list)
        self.phrases: dict[str, list[tuple[tuple[str, ...], Rule]]] = defaultdict(list)
        self.excluded: dict[int, set[str]] = defaultdict(set)
        self.excluded_phrases: dict[int, list[tuple[str, ...]]] = defaultdict(list)
        self.matcher = Matcher(self.nlp.vocab)
        self.pattern_rules: dict[str, Rule] = {}
        for ci, category in enumerate(codebook.categories):
            for term in category.terms:
                if " " in term:
                    self.phrases[term.split()[0]].append((tuple(term.split()), Rule(ci, "phrase", term, WEIGHTS["phrase"])))
                else:
                    self.terms[term].append(Rule(ci, "term", term, WEIGHTS["term"]))
            for term in category.compound_terms:
                if term not in category.terms:
                    self.terms[term].append(Rule(ci, "term", term, WEIGHTS["term"]))
                self.parts[term].append(Rule(ci, "compound", term, WEIGHTS["compound"]))
            for phrase in category.phrases:
                words = tuple(phrase.split())
                self.phrases[words[0]].append((words, Rule(ci, "phrase", phrase, WEIGHTS["phrase"])))
            for pi, pattern in enumerate(category.patterns):
                key = f"{category.id}#{pi}"
                self.matcher.add(key, [pattern.pattern])
                self.pattern_rules[key] = Rule(ci, "pattern", key, pattern.weight)
            for word in category.exclude:
                if " " in word:
                    self.excluded_phrases[ci].append(tuple(word.split()))
                else:
                    self.excluded[ci].add(word)
        # Survey answers are full of typos ("engelks", "kulturforstålse"): an unknown word within
        # one or two edits of a single-word term is weaker evidence for that term (SymSpell index).
        self.fuzzy: dict[str, set[str]] = defaultdict(set)
        for term in set(self.terms):
            if term.isalpha():
                for variant in _deletes(term, fuzzy_limit(term)):
                    self.fuzzy[variant].add(term)
        self.prefixes = sorted({t for t in self.parts if len(t) >= 4}, key=len, reverse=True)
        self.poles: list[tuple[str, set[str], list[tuple[str, ...]]]] = [
            (name, set(pole.terms), [tuple(p.split()) for p in pole.phrases]) for name, pole in codebook.polarity.items()
        ]

    # -- tagging -----------------------------------------------------------------------------

    def _phrase_at(self, doc: Doc, i: int, words: tuple[str, ...]) -> bool:
        if i + len(words) > len(doc):
            return False
        return all(w in _keys(doc[i + k]) for k, w in enumerate(words))

    def matches(self, doc: Doc) -> list[tuple[int, int, Rule]]:
        """Every rule match ``(start, end, rule)`` before negation and exclusions."""
        found: list[tuple[int, int, Rule]] = []
        for token in doc:
            if token.is_punct or token.is_space:
                continue
            keys = _keys(token)
            for key in keys:
                for rule in self.terms.get(key, ()):
                    found.append((token.i, token.i + 1, rule))
                for words, rule in self.phrases.get(key, ()):
                    if self._phrase_at(doc, token.i, words):
                        found.append((token.i, token.i + len(words), rule))
            parts = token._.parts
            if len(parts) > 1:
                # Parts of parts count too: "fremmedspråk" in "fremmedspråk+ferdighet" holds "språk".
                subparts = set(parts) | {p for part in parts for p in split_compound(part)}
                for part in subparts:
                    for rule in self.parts.get(part, ()):
                        found.append((token.i, token.i + 1, rule))
            elif token.is_alpha and not keys & self.terms.keys() and not is_known_word(token.lower_):
                found.extend((token.i, token.i + 1, rule) for rule in self._fuzzy(token.lower_))
        for match_id, start, end in (self.matcher(doc) if len(self.matcher) else ()):
            found.append((start, end, self.pattern_rules[self.nlp.vocab.strings[match_id]]))
        return found

    def _fuzzy(self, word: str) -> list[Rule]:
        """Rules for an unknown word: a term within its typo limit, or a compound_term it starts with."""
        limit = fuzzy_limit(word)
        rules: list[Rule] = []
        if limit:
            candidates = {t for v in _deletes(word, limit) for t in self.fuzzy.get(v, ())}
            for term in sorted(candidates):
                if damerau_levenshtein(word, term, min(limit, fuzzy_limit(term))) <= min(limit, fuzzy_limit(term)):
                    rules.extend(Rule(r.category, "fuzzy", term, FUZZY_WEIGHT) for r in self.terms[term])
        if not rules:
            # "klimabevisthet": unknown as a whole, but it opens with a compound term.
            prefix = next((p for p in self.prefixes if word.startswith(p) and len(word) - len(p) >= 3), None)
            if prefix:
                rules.extend(Rule(r.category, "fuzzy", prefix, FUZZY_WEIGHT) for r in self.parts[prefix])
        return rules

    def _excluded(self, doc: Doc, start: int, end: int, category: int) -> bool:
        words = self.excluded.get(category)
        if words and any(_keys(doc[i]) & words for i in range(start, end)):
            return True
        for phrase in self.excluded_phrases.get(category, ()):
            for i in range(max(0, start - len(phrase) + 1), min(end, len(doc))):
                if self._phrase_at(doc, i, phrase) and i < end and i + len(phrase) > start:
                    return True
        return False

    def __call__(self, doc: Doc) -> Doc:
        if self.codebook is None:
            raise ValueError("the qualcode_codebook component has no codebook; call set_codebook() first")
        spans: list[Span] = []
        scores: dict[str, float] = {}
        if not is_noise_answer(doc.text):
            negated = negated_tokens(doc)
            best: dict[tuple[int, int, int], Rule] = {}
            for start, end, rule in self.matches(doc):
                if any(i in negated for i in range(start, end)) or self._excluded(doc, start, end, rule.category):
                    continue
                key = (start, end, rule.category)
                if key not in best or rule.weight > best[key].weight:
                    best[key] = rule
            # One token counts once per category: the strongest rule covering it.
            per_category: dict[int, dict[int, float]] = defaultdict(dict)
            for (start, end, ci), rule in sorted(best.items()):
                spans.append(Span(doc, start, end, label=self.codebook.categories[ci].id, span_id=rule.id))
                for i in range(start, end):
                    per_category[ci][i] = max(per_category[ci].get(i, 0.0), rule.weight / (end - start))
            scores = {self.codebook.categories[ci].id: round(sum(w.values()), 6) for ci, w in per_category.items()}
        doc.spans[self.spans_key] = spans
        doc._.qc_scores = scores
        doc._.qc_polarity = self._polarity(doc, scores) if self.poles and scores else {}
        return doc

    def _polarity(self, doc: Doc, scores: dict[str, float]) -> dict[str, str]:
        negated = negated_tokens(doc)
        found: set[str] = set()
        for token in doc:
            keys = _keys(token) | set(token._.parts)
            for i, (name, terms, phrases) in enumerate(self.poles):
                hit = bool(keys & terms) or any(self._phrase_at(doc, token.i, p) for p in phrases if p[0] in keys)
                if hit:
                    # A negated pole flips when there are exactly two ("ikke god forankring" is a barrier).
                    if token.i in negated and len(self.poles) == 2:
                        name = self.poles[1 - i][0]
                    found.add(name)
        if not found:
            return {}
        pole = found.pop() if len(found) == 1 else "mixed"
        return {category: pole for category in scores}

    # -- serialisation (like SpanRuler) ------------------------------------------------------

    def to_bytes(self, *, exclude=()) -> bytes:
        return srsly.json_dumps({"spans_key": self.spans_key, "codebook": self.codebook.model_dump() if self.codebook else None}).encode()

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
    """The category that colours a word or answer: highest score, then codebook order.

    >>> primary_category({"sosial_inkludering": 1.0, "personlig_utvikling": 1.0}, cb)  # doctest: +SKIP
    'sosial_inkludering'
    """
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


__all__ = ["CodebookTagger", "codes_json", "explain_primary", "negated_tokens", "primary_category"]
