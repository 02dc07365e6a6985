"""Which texts a codebook edit can change, so re-coding after an edit re-tags only those.

The tagger's result for a text depends on the codebook only through what each of its words
can fire (terms, compound parts, typo matches, the phrases it opens, the exclusions that cover
it), plus token patterns and polarity poles. :class:`CodebookChange` compares the old and the
new codebook word by word: a text none of whose words fires differently gets exactly the
suggestions it already has. Pattern or pole edits make every text count as changed.

>>> change = CodebookChange(old_tagger, new_tagger)            # doctest: +SKIP
>>> change.affects(["Elevene", "ble", "nysgjerrige"], ["elev", "bli", "nysgjerrig"])   # doctest: +SKIP
True
"""

from __future__ import annotations

from qualcode.tagging.tagger import CodebookTagger
from qualcode.tagging.tokens import word_facts


def _exclusions(tagger: CodebookTagger) -> dict[str, frozenset[str]]:
    """Each category's excluded words and the words of its excluded phrases."""
    ids = [c.id for c in tagger.codebook.categories]
    result: dict[str, set[str]] = {}
    for ci, words in tagger.excluded.items():
        result.setdefault(ids[ci], set()).update(words)
    for ci, phrases in tagger.excluded_phrases.items():
        for phrase in phrases:
            result.setdefault(ids[ci], set()).update(phrase)
    return {k: frozenset(v) for k, v in result.items()}


class CodebookChange:
    """The difference between two compiled codebooks, asked text by text."""

    def __init__(self, old: CodebookTagger, new: CodebookTagger) -> None:
        self.old, self.new = old, new
        old_cb, new_cb = old.codebook, new.codebook
        patterns = [{c.id: c.patterns for c in cb.categories if c.patterns} for cb in (old_cb, new_cb)]
        self.everything = patterns[0] != patterns[1] or old_cb.polarity != new_cb.polarity
        before, after = _exclusions(old), _exclusions(new)
        # Words whose exclusion status changed in some category: a text holding one (or a
        # compound containing one, since long exclusions also block compounds) is affected.
        self.changed_exclusions = frozenset(
            w for key in set(before) | set(after) for w in before.get(key, frozenset()) ^ after.get(key, frozenset()))
        self._unchanged: set[tuple[str, str]] = set()
        self._changed: set[tuple[str, str]] = set()

    def _pair_changed(self, pair: tuple[str, str]) -> bool:
        lower, keys, parts, punct, alpha = word_facts(*pair)
        if punct:
            return False
        if self.changed_exclusions and any(
                w in keys or (len(w) >= 6 and any(w in k for k in keys)) for w in self.changed_exclusions):
            return True
        return self._rules(self.old, keys, parts, alpha, lower) != self._rules(self.new, keys, parts, alpha, lower)

    @staticmethod
    def _rules(tagger: CodebookTagger, keys, parts, alpha, lower) -> tuple:
        """What a word can fire in ``tagger``, named by category id (not index) so it compares."""
        single, phrases = tagger.token_candidates(keys, parts, alpha, lower)
        ids = [c.id for c in tagger.codebook.categories]
        return (sorted((ids[r.category], r.kind, r.text, r.weight) for r in single),
                sorted((words, ids[r.category], r.kind, r.text, r.weight) for words, r in phrases))

    def affects(self, words: list[str], lemmas: list[str]) -> bool:
        """True if the edit can change what the tagger finds in a text with these words and lemmas."""
        if self.everything:
            return True
        if self._unchanged.issuperset(zip(words, lemmas)):
            return False  # the usual case, in one set operation
        for pair in zip(words, lemmas):
            if pair in self._unchanged:
                continue
            if pair in self._changed:
                return True
            if self._pair_changed(pair):
                self._changed.add(pair)
                return True
            self._unchanged.add(pair)
        return False
