"""Codebook expansion: words and expressions from the project that a category could add.

>>> best = suggest_terms(project, codebook, "sprakferdigheter")[0]               # doctest: +SKIP
>>> best.term, best.field, best.found_by, best.uncaught                          # doctest: +SKIP
('glose', 'terms', ['keyness', 'similar'], 3)
>>> add_term("codebooks/elevutbytte.yaml", "sprakferdigheter", best.term, best.field)   # doctest: +SKIP

Adding one is :func:`qualcode.tagging.edit.add_term` with the suggestion's ``term`` and ``field``.

Candidates come from the corpus, not from a dictionary:

* gensim ``Phrases`` joins lemmas that belong together into multi-word expressions
  («jobbe i team», «se verden»), so they can be suggested as phrases;
* a gensim ``FastText`` model trained on the project's lemmas finds words used like the
  category's terms (its subword vectors also see nynorsk forms, typos and compounds);
* keyness (Dunning's log-likelihood, G²) finds what the category's segments say more often
  than the segments no category caught.

The two rankings are merged (reciprocal rank fusion). Anything the category's rules already find
on its own is left out, and so is a word only other categories' segments contain.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from gensim.models import FastText
from spacy.language import Language

from qualcode.assist.corpus import (
    CorpusSegment,
    caught,
    corpus_segments,
    find_phrases,
    is_content,
    is_content_unit,
    parser_pipes,
)
from qualcode.store import Project
from qualcode.tagging.codebook import Codebook
from qualcode.tagging.tagger import CodebookTagger

FUSION_K = 20  # reciprocal rank fusion constant: how quickly a lower rank stops counting
SHORTLIST = 150  # candidates per ranking checked against the rules


@dataclass
class TermSuggestion:
    """A word or expression the analyst could add to a category."""

    term: str  # lemmas, space-separated ("jobbe i team")
    field: str  # where it goes in the codebook: "terms" or "phrases"
    score: float  # fused rank score (higher first)
    found_by: list[str] = field(default_factory=list)  # "similar" (FastText), "keyness" (G²)
    in_category: int = 0  # segments with the category that contain it
    uncaught: int = 0  # segments no category caught that contain it: what adding it could find
    example: str = ""  # a segment that contains it (one no category caught, if any)


def _units(lemmas: list[str], expressions: dict[str, list[tuple[str, ...]]]) -> set[str]:
    """What a segment contains: its content lemmas and every expression that occurs in it
    (``expressions`` by first lemma; overlapping ones all count, unlike gensim's greedy join)."""
    units = {lemma for lemma in lemmas if is_content(lemma)}
    for i, lemma in enumerate(lemmas):
        for words in expressions.get(lemma, ()):
            if tuple(lemmas[i:i + len(words)]) == words:
                units.add("_".join(words))
    return units


def keyness(target: Counter, reference: Counter, n_target: int, n_reference: int, min_count: int = 2) -> dict[str, float]:
    """G² of every unit over-represented in ``target`` (counts of segments containing it)."""
    scores = {}
    for unit, a in target.items():
        b = reference.get(unit, 0)
        if a < min_count or not n_reference or a / n_target <= b / n_reference:
            continue
        expected_a = n_target * (a + b) / (n_target + n_reference)
        expected_b = n_reference * (a + b) / (n_target + n_reference)
        g2 = 2 * (a * math.log(a / expected_a) + (b * math.log(b / expected_b) if b else 0.0))
        scores[unit] = g2
    return scores


def similar_units(docs: list[list[str]], seeds: list[str], *, seed: int = 0) -> dict[str, float]:
    """Cosine similarity of every corpus unit to its nearest seed term, from FastText on ``docs``.

    A project is a small corpus: the model runs more epochs the fewer tokens there are, and the
    vectors are centred before comparing (on little text they share one large common direction
    that makes every pair look alike).
    """
    tokens = sum(len(d) for d in docs)
    model = FastText(vector_size=64, window=5, min_count=2, sg=1, min_n=3, max_n=5, bucket=100_000, seed=seed,
                     workers=1, epochs=max(5, min(50, math.ceil(300_000 / max(tokens, 1)))))
    model.build_vocab(corpus_iterable=docs)
    if not len(model.wv):
        return {}
    model.train(corpus_iterable=docs, total_examples=len(docs), epochs=model.epochs)
    known = [s for s in seeds if s in model.wv.key_to_index] or seeds
    if not known:
        return {}
    mean = model.wv.vectors.mean(axis=0)
    vectors = model.wv.vectors - mean
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    seed_vectors = np.array([model.wv.get_vector(s) for s in known]) - mean
    seed_vectors /= np.maximum(np.linalg.norm(seed_vectors, axis=1, keepdims=True), 1e-9)
    nearest = (vectors @ seed_vectors.T).max(axis=1)
    return {unit: float(nearest[i]) for i, unit in enumerate(model.wv.index_to_key)}


def _units_and_docs(segments: list[CorpusSegment]) -> tuple[list[set[str]], list[list[str]]]:
    """Per segment: the units it contains (for counting) and its token sequence with
    expressions joined (for FastText)."""
    phrases = find_phrases([s.lemmas for s in segments], min_count=2, threshold=0.4)
    expressions: dict[str, list[tuple[str, ...]]] = {}
    for expression in sorted(phrases.export_phrases()):
        if is_content_unit(expression):
            words = tuple(expression.split("_"))
            expressions.setdefault(words[0], []).append(words)
    frozen = phrases.freeze()
    units = [_units(s.lemmas, expressions) for s in segments]
    docs = [[t for t in frozen[s.lemmas] if is_content_unit(t)] for s in segments]
    return units, docs


def _ranked(ranking: dict[str, float]) -> list[str]:
    return sorted(ranking, key=lambda unit: (-ranking[unit], unit))


def suggest_terms(project: Project, codebook: Codebook, category: str, nlp: Language | None = None, *,
                  limit: int = 15, seed: int = 0, progress: Callable[[str, int, int], None] | None = None,
                  segments: list[CorpusSegment] | None = None) -> list[TermSuggestion]:
    """Ranked candidates for ``category`` that its rules do not find yet (see the module docstring).

    ``segments`` (from :func:`corpus_segments`) saves reading the corpus again for each category.
    """
    target_category = codebook.category(category)
    if nlp is None:
        from qualcode.nlp import load_pipeline

        nlp = load_pipeline()
    if segments is None:
        segments = corpus_segments(project, nlp, progress)
    coded = caught(project, codebook)
    units, docs = _units_and_docs(segments)
    in_category = [category in coded.get(s.id, ()) for s in segments]
    uncaught = [s.id not in coded for s in segments]
    target = Counter(u for us, inside in zip(units, in_category) if inside for u in us)
    reference = Counter(u for us, out in zip(units, uncaught) if out for u in us)
    everywhere = Counter(u for us in units for u in us)
    listed = target_category.terms + target_category.compound_terms + target_category.phrases
    similar = similar_units(docs, [t.replace(" ", "_") for t in listed], seed=seed)
    rankings = {"keyness": keyness(target, reference, sum(in_category), sum(uncaught)),
                "similar": {u: score for u, score in similar.items() if everywhere[u] >= 2}}
    shortlist = {u for ranking in rankings.values() for u in _ranked(ranking)[:SHORTLIST]
                 if u.replace("_", " ") not in set(listed)}
    shortlist -= _found_by_rules(nlp, codebook, category, shortlist, segments)
    fused: dict[str, TermSuggestion] = {}
    for name, ranking in rankings.items():
        for rank, unit in enumerate((u for u in _ranked(ranking) if u in shortlist), 1):
            term = unit.replace("_", " ")
            suggestion = fused.setdefault(unit, TermSuggestion(term, "phrases" if " " in term else "terms", 0.0))
            suggestion.score += 1 / (FUSION_K + rank)
            suggestion.found_by.append(name)
    holders: dict[str, list[int]] = {unit: [] for unit in fused}
    for i, us in enumerate(units):
        for unit in us & holders.keys():
            holders[unit].append(i)
    for unit, suggestion in fused.items():
        suggestion.score = round(suggestion.score, 4)
        suggestion.in_category = sum(in_category[i] for i in holders[unit])
        suggestion.uncaught = sum(uncaught[i] for i in holders[unit])
        first = next((i for i in holders[unit] if uncaught[i]), holders[unit][0] if holders[unit] else None)
        suggestion.example = segments[first].text if first is not None else ""
    # A unit only other categories' segments contain would add nothing to this one.
    useful = [s for s in fused.values() if s.in_category or s.uncaught]
    return sorted(useful, key=lambda s: (-s.score, s.term))[:limit]


def _found_by_rules(nlp: Language, codebook: Codebook, category: str, units: set[str],
                    segments: list[CorpusSegment]) -> set[str]:
    """The units the category's rules already find on their own.

    The rules read lemmas and word forms; a lemmatiser slip («glede» → «gle») must not make a
    word the rules find look new, so each word's most common written form is tried too.
    """
    forms: dict[str, Counter] = {}
    for segment in segments:
        for lemma, word in zip(segment.lemmas, segment.words):
            if lemma in units:
                forms.setdefault(lemma, Counter())[word] += 1
    written = {unit: forms[unit].most_common(1)[0][0] for unit in forms}
    texts = sorted({u.replace("_", " ") for u in units} | set(written.values()))
    tagger = CodebookTagger(nlp)
    tagger.set_codebook(codebook)
    with nlp.select_pipes(enable=parser_pipes(nlp)):
        found = {text for text, doc in zip(texts, nlp.pipe(texts)) if category in (tagger(doc)._.qc_scores or {})}
    return {u for u in units if u.replace("_", " ") in found or written.get(u) in found}
