"""Which texts a codebook edit can change, so re-coding after an edit re-tags only those.

The tagger's result for a text depends on the codebook only through what each of its words
can fire (terms, compound parts, typo matches, the phrases it opens, the exclusions that cover
it), plus token patterns and polarity poles. :class:`CodebookChange` compares the old and the
new codebook word by word: a text none of whose words fires differently gets exactly the
suggestions it already has. Pattern, together (rule or exclusion), weak-list, secondary-list, media-list, place-list, pole or activities edits make
every text count as changed.

>>> change = CodebookChange(old_tagger, new_tagger)            # doctest: +SKIP
>>> change.affects(["Elevene", "ble", "nysgjerrige"], ["elev", "bli", "nysgjerrig"])   # doctest: +SKIP
True
"""

from __future__ import annotations

from qualcode.tagging.compiled import SPLIT_WORD_TEXT, CompiledCodebook
from qualcode.tagging.tagger import CodebookTagger
from qualcode.tagging.tokens import word_facts


class CodebookChange:
    """The difference between two compiled codebooks, asked text by text."""

    def __init__(self, old: CodebookTagger | CompiledCodebook, new: CodebookTagger | CompiledCodebook) -> None:
        self.old = old.compiled if isinstance(old, CodebookTagger) else old
        self.new = new.compiled if isinstance(new, CodebookTagger) else new
        old_cb, new_cb = self.old.codebook, self.new.codebook
        # a weak word depends on the whole sentence (its support), a secondary, a media and a place word on the other
        # categories' evidence, so an edit of any of these lists changes every text
        rules = [{c.id: (c.patterns, c.together, [e for e in c.exclude if "+" in e], c.exclude_patterns, c.weak,
                         c.secondary, c.media, c.places)
                  for c in cb.categories}
                 for cb in (old_cb, new_cb)]
        patterns = [{cid: r for cid, r in by_id.items() if any(r)} for by_id in rules]
        # the activity reading depends on the whole answer: an edit of it changes every text
        self.everything = patterns[0] != patterns[1] or old_cb.polarity != new_cb.polarity \
            or old_cb.activities != new_cb.activities or old_cb.settings != new_cb.settings
        before, after = self.old.exclusions(), self.new.exclusions()
        # Words whose exclusion status changed in some category: a text holding one (or a
        # compound containing one, since long exclusions also block compounds) is affected.
        self.changed_exclusions = frozenset(
            w for key in set(before) | set(after) for w in before.get(key, frozenset()) ^ after.get(key, frozenset()))
        # A listed term decides whether an exclusion covers a word written like it.
        self.changed_listed = frozenset(
            w for key in set(self.old.listed) | set(self.new.listed)
            for w in self.old.listed.get(key, set()) ^ self.new.listed.get(key, set()))
        # a term typed as two words («selv tillit») fires through neither word: the terms whose rules changed
        self.changed_terms = frozenset(w for w in self.old.terms.keys() | self.new.terms.keys()
                                       if self.old.terms.get(w) != self.new.terms.get(w))
        self._unchanged: set[tuple[str, str]] = set()
        self._changed: set[tuple[str, str]] = set()

    def _pair_changed(self, pair: tuple[str, str]) -> bool:
        lower, keys, parts, punct, alpha = word_facts(*pair)
        if punct:
            return False
        if self.changed_exclusions and any(
                w in keys or (len(w) >= 6 and any(w in k for k in keys)) for w in self.changed_exclusions):
            return True
        if lower in self.changed_listed:
            return True
        return self._rules(self.old, keys, parts, alpha, lower) != self._rules(self.new, keys, parts, alpha, lower)

    @staticmethod
    def _rules(compiled: CompiledCodebook, keys, parts, alpha, lower) -> tuple:
        """What a word can fire: rules name their category by id, so they compare across codebooks."""
        single, phrases = compiled.token_candidates(keys, parts, alpha, lower)
        return sorted(single, key=repr), sorted(phrases, key=repr)

    def affects(self, words: list[str], lemmas: list[str]) -> bool:
        """True if the edit can change what the tagger finds in a text with these words and lemmas."""
        if self.everything:
            return True
        if len(words) <= SPLIT_WORD_TEXT and self.changed_terms:
            lower = [w.lower() for w in words]
            if any(a + b in self.changed_terms for a, b in zip(lower, lower[1:])):
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
