"""The project's segments as lemma sequences, and which of them a codebook caught.

Term suggestions and topic models read the same thing: every codable segment of the current
documents as lower-cased lemmas. Lemmas come from the parse cache ``qualcode code`` filled, so
the words are the ones the tagger saw; texts not in the cache are parsed (and not cached).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gensim.models.phrases import Phrases
from spacy.language import Language
from sqlalchemy import select

from qualcode.store.summary import counted
from qualcode.nlp import stop_words
from qualcode.nlp.doccache import read_header
from qualcode.nlp.parsing import cache_key, parse_entries_for_coding
from qualcode.store import Project, schema
from qualcode.tagging.codebook import Codebook

@dataclass
class CorpusSegment:
    id: int
    document: str
    text: str
    lemmas: list[str]  # lower-cased lemmas of the words, in order, stop words included
    words: list[str]  # the words as written (lower-cased), one per lemma


def is_content(lemma: str) -> bool:
    """A lemma worth counting: a word of three letters or more that is not a stop word."""
    return len(lemma) >= 3 and lemma.isalpha() and lemma not in stop_words()


def is_content_unit(token: str) -> bool:
    """A content lemma, or an expression from ``Phrases`` ("jobbe_i_team") that starts and ends with one."""
    parts = token.split("_")
    return is_content(parts[0]) and is_content(parts[-1])


def find_phrases(docs: list[list[str]], min_count: int, threshold: float) -> Phrases:
    """gensim ``Phrases`` (normalised PMI) over lemma sequences. Stop words are connectors: they
    may sit inside an expression («jobbe i team») but never start or end one («måtte tolke»)."""
    return Phrases(docs, min_count=min_count, threshold=threshold, scoring="npmi", connector_words=stop_words())


def parser_pipes(nlp: Language) -> list[str]:
    """The pipeline's components without any codebook tagger: what parsing needs."""
    return [name for name in nlp.pipe_names if not name.startswith("qualcode_codebook")]


def _lemmas_and_words(words: list[str], lemmas: list[str]) -> tuple[list[str], list[str]]:
    pairs = [((lemma or word).lower(), word.lower()) for word, lemma in zip(words, lemmas) if any(ch.isalpha() for ch in word)]
    return [lemma for lemma, _ in pairs], [word for _, word in pairs]


def lemmatize_texts(project: Project, nlp: Language, texts: dict[str, str],
                    progress: Callable[[str, int, int], None] | None = None) -> dict[str, tuple[list[str], list[str]]]:
    """Lower-cased lemmas and word forms of every ``{text_hash: text}``: from the parse cache, else parsed now."""
    fingerprint = cache_key(nlp)
    pc = schema.parse_cache
    found: dict[str, tuple[list[str], list[str]]] = {}
    with project.read() as conn:
        rows = conn.execution_options(yield_per=5000).execute(
            select(pc.c.text_hash, pc.c.doc).where(pc.c.pipeline == fingerprint))
        for text_hash, data in rows:
            if text_hash in texts:
                header = read_header(data)
                found[text_hash] = _lemmas_and_words(header.words, header.lemmas)
    missing = [h for h in texts if h not in found]
    entries = parse_entries_for_coding(nlp, [texts[h] for h in missing])
    for n, (text_hash, (header, _, _)) in enumerate(zip(missing, entries), 1):
        found[text_hash] = _lemmas_and_words(header.words, header.lemmas)
        if progress and n % 500 == 0:
            progress("parse", n, len(missing))
    return found


def corpus_segments(project: Project, nlp: Language | None = None,
                    progress: Callable[[str, int, int], None] | None = None) -> list[CorpusSegment]:
    """Every codable segment of the project's current documents, with its lemmas."""
    if nlp is None:
        from qualcode.nlp import load_pipeline

        nlp = load_pipeline()
    s, d = schema.segments, schema.documents
    with project.read() as conn:
        rows = conn.execute(select(s.c.id, s.c.text, s.c.text_hash, d.c.name).join(d, d.c.id == s.c.document_id)
                            .where(d.c.current.is_(True), s.c.codable.is_(True)).order_by(s.c.id)).all()
    lemmas = lemmatize_texts(project, nlp, {r.text_hash: r.text for r in rows}, progress)
    return [CorpusSegment(r.id, r.name, r.text, *lemmas[r.text_hash]) for r in rows]


def caught(project: Project, codebook: Codebook) -> dict[int, set[str]]:
    """Categories of the codebook each segment has: accepted codings and the rules' open
    suggestions. Rejected codings and the model's unreviewed guesses do not count; segments
    without any category are not in the result."""
    c, cat, cb = schema.codings, schema.categories, schema.codebooks
    with project.read() as conn:
        rows = conn.execute(select(c.c.segment_id, cat.c.key).join(cat, cat.c.id == c.c.category_id)
                            .join(cb, cb.c.id == cat.c.codebook_id)
                            .where(cb.c.key == codebook.id, counted(c))).all()
    result: dict[int, set[str]] = {}
    for segment_id, key in rows:
        result.setdefault(segment_id, set()).add(key)
    return result
