"""Missing themes: topic models over the segments no category of a codebook caught.

>>> themes = missing_themes(project, load_codebook("codebooks/elevutbytte.yaml"))   # doctest: +SKIP
>>> themes.topics[0].words[:4]                                                      # doctest: +SKIP
[('vikar', 0.031), ('kollega', 0.024), ('årshjul', 0.019), ('ledelse', 0.017)]

What the codebook does not name shows up as talk it leaves uncoded. A gensim LDA model is
fitted to those segments' content lemmas (multi-word expressions joined by ``Phrases``); each
topic comes with its top words, its coherence (C_v: do its top words occur together in these
segments?) and the segments that belong to it most. Without a fixed number of topics, several
are tried and the most coherent model is kept. Survey words and other very short segments say
too little for a topic model and are left out (``skipped``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from gensim.corpora import Dictionary
from gensim.models import CoherenceModel, LdaModel
from spacy.language import Language

from qualcode.assist.corpus import CorpusSegment, caught, corpus_segments, find_phrases, is_content_unit
from qualcode.store import Project
from qualcode.tagging.codebook import Codebook


class TopicError(ValueError):
    """Too little uncaught text for a topic model; the message says how much there is."""


@dataclass(frozen=True)
class TopicExample:
    segment_id: int
    document: str
    text: str
    weight: float  # the topic's share of this segment


@dataclass
class Topic:
    number: int  # 1-based, ordered by size
    words: list[tuple[str, float]]  # most relevant lemmas ("jobbe_i_team" for an expression), p(word | topic)
    coherence: float  # C_v of the top words
    size: int  # segments for which this is the strongest topic
    examples: list[TopicExample] = field(default_factory=list)


@dataclass
class MissingThemes:
    codebook: str
    segments: int  # uncaught segments modelled
    skipped: int  # uncaught segments too short to model
    coherence: float  # C_v of the whole model
    topics: list[Topic] = field(default_factory=list)
    tried: dict[int, float] = field(default_factory=dict)  # coherence by number of topics tried


def top_words(lda: LdaModel, bows: list, words: int, relevance: float) -> list[list[tuple[str, float]]]:
    """Each topic's ``words`` most relevant words (Sievert & Shirley 2014): with ``relevance`` below 1,
    words frequent everywhere ("komme", "skole") give way to words typical of the topic."""
    topic_word = lda.get_topics()  # shape (topics, vocabulary), rows sum to 1
    frequency = np.zeros(topic_word.shape[1])
    for bow in bows:
        for word_id, count in bow:
            frequency[word_id] += count
    overall = frequency / frequency.sum()
    with np.errstate(divide="ignore"):
        score = relevance * np.log(topic_word) + (1 - relevance) * np.log(topic_word / np.maximum(overall, 1e-12))
    result = []
    for t in range(topic_word.shape[0]):
        best = np.argsort(-score[t], kind="stable")[:words]
        result.append([(lda.id2word[int(i)], round(float(topic_word[t, i]), 4)) for i in best])
    return result


def _fit(docs: list[list[str]], dictionary: Dictionary, bows: list, k: int, words: int, relevance: float,
         seed: int, passes: int):
    lda = LdaModel(bows, id2word=dictionary, num_topics=k, random_state=seed, passes=passes, iterations=100,
                   alpha="auto", eta="auto", eval_every=None)
    tops = top_words(lda, bows, words, relevance)
    coherence = CoherenceModel(topics=[[w for w, _ in top] for top in tops], texts=docs, dictionary=dictionary,
                               coherence="c_v", topn=words, processes=1)
    return lda, tops, coherence


def missing_themes(project: Project, codebook: Codebook, nlp: Language | None = None, *,
                   topics: int | None = None, candidates: Sequence[int] = (3, 4, 5, 6, 8), words: int = 10,
                   examples: int = 3, min_lemmas: int = 3, passes: int = 10, relevance: float = 0.6, seed: int = 0,
                   progress: Callable[[str, int, int], None] | None = None,
                   segments: list[CorpusSegment] | None = None) -> MissingThemes:
    """Topics in the segments that no category of ``codebook`` caught (see the module docstring).

    ``topics`` fixes the number of topics; otherwise each of ``candidates`` is tried. Segments
    with fewer than ``min_lemmas`` content lemmas are skipped. ``relevance`` (λ) weighs a word's
    probability in the topic against how typical it is of the topic (1: probability only).
    """
    if segments is None:
        segments = corpus_segments(project, nlp, progress)
    coded = caught(project, codebook)
    uncaught = [s for s in segments if s.id not in coded]
    phrases = find_phrases([s.lemmas for s in uncaught], min_count=3, threshold=0.5).freeze()
    docs, kept = [], []
    for segment in uncaught:
        doc = [t for t in phrases[segment.lemmas] if is_content_unit(t)]
        if len(doc) >= min_lemmas:
            docs.append(doc)
            kept.append(segment)
    dictionary = Dictionary(docs)
    dictionary.filter_extremes(no_below=2, no_above=0.5, keep_n=20_000)
    bows = [dictionary.doc2bow(doc) for doc in docs]
    usable = sum(1 for bow in bows if bow)
    smallest = topics or min(candidates)
    if usable < 5 * smallest or len(dictionary) < 2 * words:
        raise TopicError(f"only {usable} segments that no category of '{codebook.id}' caught have enough words "
                         f"for a topic model ({len(dictionary)} distinct words); at least {5 * smallest} are needed.")
    tried: dict[int, float] = {}
    best = None
    numbers = [topics] if topics else sorted(set(candidates))
    for n, k in enumerate(numbers, 1):
        lda, tops, coherence = _fit(docs, dictionary, bows, k, words, relevance, seed, passes)
        tried[k] = round(float(coherence.get_coherence()), 4)
        if best is None or tried[k] > tried[best[0]]:
            best = (k, lda, tops, coherence)
        if progress:
            progress("topics", n, len(numbers))
    k, lda, tops, coherence = best
    per_topic = coherence.get_coherence_per_topic()
    # A topic's examples: segments where it is the strongest topic, those that use most of its
    # top words first (a high share alone favours short segments with one common word).
    members: dict[int, list[tuple[int, float, CorpusSegment]]] = {t: [] for t in range(k)}
    top_sets = [{w for w, _ in top} for top in tops]
    for segment, doc, bow in zip(kept, docs, bows):
        shares = lda.get_document_topics(bow, minimum_probability=0.0) if bow else []
        if shares:
            t, share = max(shares, key=lambda pair: pair[1])
            members[t].append((len(top_sets[t] & set(doc)), float(share), segment))
    result = []
    for t in range(k):
        ranked = sorted(members[t], key=lambda m: (-m[0], -m[1], m[2].id))
        result.append(Topic(0, tops[t], round(float(per_topic[t]), 4), len(ranked),
                            [TopicExample(s.id, s.document, s.text, round(share, 3)) for _, share, s in ranked[:examples]]))
    result.sort(key=lambda topic: (-topic.size, -topic.coherence))
    for number, topic in enumerate(result, 1):
        topic.number = number
    return MissingThemes(codebook.id, len(kept), len(uncaught) - len(kept), tried[k], result, tried)
