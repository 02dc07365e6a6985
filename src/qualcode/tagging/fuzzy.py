"""Typo tolerance for survey words: Damerau-Levenshtein distance and a SymSpell-style delete index."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable


def fuzzy_limit(word: str) -> int:
    """Typos allowed in a word: none under 5 letters, one up to 9, two from 10."""
    return 0 if len(word) < 5 else 1 if len(word) < 10 else 2


def damerau_levenshtein(a: str, b: str, limit: int) -> int:
    """Edit distance with transpositions, cut off above ``limit`` (returns limit + 1).

    >>> damerau_levenshtein("engelks", "engelsk", 1)
    1
    """
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


def deletes(word: str, depth: int) -> set[str]:
    found, frontier = {word}, {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1:] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


class FuzzyIndex:
    """Finds the vocabulary words within each word's typo limit of a query."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self.index: dict[str, set[str]] = defaultdict(set)
        for term in vocabulary:
            if term.isalpha():
                for variant in deletes(term, fuzzy_limit(term)):
                    self.index[variant].add(term)

    def lookup(self, word: str) -> list[str]:
        limit = fuzzy_limit(word)
        if not limit:
            return []
        candidates = {t for v in deletes(word, limit) for t in self.index.get(v, ())}
        return sorted(t for t in candidates
                      if damerau_levenshtein(word, t, min(limit, fuzzy_limit(t))) <= min(limit, fuzzy_limit(t)))
