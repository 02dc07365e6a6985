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
    """Finds the vocabulary words within each word's typo limit of a query.

    The delete index of the words of one length is built on the first query that could reach
    them: a word more letters apart than the limit is never within it, and a codebook's few
    hundred typo look-ups need a few lengths, not the whole index (most of compiling a codebook).
    """

    def __init__(self, vocabulary: Iterable[str]) -> None:
        self.index: dict[str, set[str]] = defaultdict(set)
        self._unindexed: dict[int, list[str]] = defaultdict(list)  # words by length, not in the index yet
        for term in vocabulary:
            if term.isalpha():
                self._unindexed[len(term)].append(term)

    def _index_length(self, length: int) -> None:
        for term in self._unindexed.pop(length, ()):
            for variant in deletes(term, fuzzy_limit(term)):
                self.index[variant].add(term)

    def lookup(self, word: str) -> list[str]:
        limit = fuzzy_limit(word)
        if not limit:
            return []
        for length in range(len(word) - limit, len(word) + limit + 1):
            if length in self._unindexed:
                self._index_length(length)
        candidates = {t for v in deletes(word, limit) for t in self.index.get(v, ())}
        return sorted(t for t in candidates
                      if damerau_levenshtein(word, t, min(limit, fuzzy_limit(t))) <= min(limit, fuzzy_limit(t)))
