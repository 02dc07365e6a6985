"""Tokenization that follows the Norwegian Dependency Treebank where spaCy's nb rules do not.

Two parts:

* :func:`adapt_tokenizer` changes the tokenizer's own rules (pure spaCy, so they are saved with a
  pipeline): a dialogue dash before a capital ("-Det") is its own token, a closing quote before a
  hyphen suffix («Hero»-spillet) is its own token, and an ordinal glued to a word ("19.plass") is
  split after the period; a semicolon between two words ("språk;kultur") is its own token.
* the ``qualcode_sentence_final_period`` component splits the period off a number ("i 2006.")
  when the number ends a sentence. The tokenizer cannot see the next word, and a number with a
  period followed by a lower-case word is an ordinal ("17. mai", "2. klasse"); NDT splits the
  period only before a capital or at the end of the text.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc
from spacy.lang.tokenizer_exceptions import URL_PATTERN
from spacy.util import compile_infix_regex, compile_prefix_regex

# "-Det var fint" in interview dialogue: a dash glued to a capitalised word.
DIALOGUE_DASH_PREFIX = r"-(?=[A-ZÆØÅ])"
# «Guitar Hero»-spillet: the closing quote before a hyphen suffix is a token of its own.
QUOTE_BEFORE_HYPHEN_INFIX = r"[»”\"](?=-\w)"
# "19.plass": split after the period of a glued ordinal (zero-width match).
GLUED_ORDINAL_INFIX = r"(?<=\b\d\.)(?=[a-zæøå]{2,})|(?<=\b\d\d\.)(?=[a-zæøå]{2,})"

# "språk;kultur;venner": a survey answer's list typed with semicolons and no spaces (a cell exported from a survey
# tool); the semicolon between two words is a token of its own, as it is with spaces.
LIST_SEMICOLON_INFIX = r"(?<=[^\W\d_]);(?=[^\W\d_])"

NUMBER_WITH_PERIOD = re.compile(r"\d[\d,.]*\.")


def adapt_tokenizer(nlp: Language) -> None:
    """Add the NDT prefix and infix rules above to ``nlp.tokenizer`` (idempotent)."""
    prefixes = [DIALOGUE_DASH_PREFIX, *(nlp.Defaults.prefixes or [])]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    infixes = [QUOTE_BEFORE_HYPHEN_INFIX, GLUED_ORDINAL_INFIX, LIST_SEMICOLON_INFIX, *(nlp.Defaults.infixes or [])]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # spaCy's URL pattern would keep "19.plass" whole as a host name ("19" + top-level "plass").
    nlp.tokenizer.url_match = re.compile(r"(?!\d{1,2}\.[a-zæøå]{2,}$)" + URL_PATTERN).match


def _ends_sentence(doc: Doc, i: int) -> bool:
    if i + 1 == len(doc):
        return True
    following = doc[i + 1].text
    return following[0].isupper() or following in {"»", '"', "”", ")"}


@Language.component("qualcode_sentence_final_period")
def split_sentence_final_period(doc: Doc) -> Doc:
    """Split "2006." into "2006" + "." where the number ends a sentence.

    >>> import spacy
    >>> nlp = spacy.blank("nb"); nlp.add_pipe("qualcode_sentence_final_period")  # doctest: +ELLIPSIS
    <function ...>
    >>> [t.text for t in nlp("Prosjektet startet i 2006. Den 17. mai var vi der.")]
    ['Prosjektet', 'startet', 'i', '2006', '.', 'Den', '17.', 'mai', 'var', 'vi', 'der', '.']
    """
    if not NUMBER_WITH_PERIOD.search(doc.text):
        return doc  # most texts: no number with a period anywhere, so no token to look at
    targets = [
        i for i, token in enumerate(doc)
        if token.text[-1] == "." and len(token.text) > 1 and NUMBER_WITH_PERIOD.fullmatch(token.text)
        and _ends_sentence(doc, i)
    ]
    if not targets:
        return doc
    with doc.retokenize() as retokenizer:
        for i in targets:
            token = doc[i]
            retokenizer.split(token, [token.text[:-1], "."], heads=[(token, 0), (token, 0)])
    return doc
