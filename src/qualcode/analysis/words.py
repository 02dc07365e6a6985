"""The survey words behind a cloud: from a project (codings as reviewed) or straight from a file."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from sqlalchemy import delete, insert, select

from qualcode.store.summary import counted
from qualcode.store import Project, schema
from qualcode.store.values import Status
from qualcode.tagging.codebook import Codebook
from qualcode.wordcloud import WordEntry, entry_key


class AnalysisError(ValueError):
    """A question, filter or codebook that does not fit the project; the message says what to do."""


@dataclass
class WordSet:
    entries: list[WordEntry]
    n: int  # respondents with at least one codable word for the question, after filters
    question: str


NO_MERGE_KEY = "wordcloud:no-merge"


def kept_apart(project: Project) -> list[str]:
    """The written forms the project's clouds keep apart instead of merging (lower case)."""
    with project.read() as conn:
        value = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == NO_MERGE_KEY)).scalar()
    return json.loads(value) if value else []


def keep_apart(project: Project, add: Iterable[str] = (), remove: Iterable[str] = ()) -> list[str]:
    """Add written forms to (or remove them from) the project's list of variants a cloud keeps apart.

    >>> keep_apart(project, add=["venskap"])     # doctest: +SKIP
    ['venskap']
    """
    current = set(kept_apart(project)) | {_variant(v) for v in add}
    current -= {_variant(v) for v in remove}
    value = json.dumps(sorted(current), ensure_ascii=False)
    m = schema.meta
    with project.transaction() as conn:
        conn.execute(delete(m).where(m.c.key == NO_MERGE_KEY))
        conn.execute(insert(m).values(key=NO_MERGE_KEY, value=value))
    return sorted(current)


def _variant(text: str) -> str:
    return " ".join(text.split()).lower()


def _matches(meta: dict, where: dict[str, str]) -> bool:
    return all(str(meta.get(k, "")).strip().lower() == v.strip().lower() for k, v in where.items())


def _keys(nlp: Language, texts: list[str]) -> dict[str, tuple[str, ...]]:
    return {text: entry_key([(t.text, t.lemma_, t.is_stop) for t in doc])
            for text, doc in zip(texts, nlp.pipe(texts, batch_size=512))}


def _cached_keys(project: Project, texts: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Merge keys from the lemmas ``qualcode code`` already cached (by any pipeline that parsed the text), so a
    cloud needs no pipeline and no parsing. ``texts`` maps text hash → text."""
    from qualcode.nlp import stop_words
    from qualcode.nlp.doccache import read_header

    stops = stop_words()
    keys: dict[str, tuple[str, ...]] = {}
    pc = schema.parse_cache
    hashes = list(texts)
    with project.read() as conn:
        for i in range(0, len(hashes), 900):
            for text_hash, data in conn.execute(select(pc.c.text_hash, pc.c.doc).where(pc.c.text_hash.in_(hashes[i:i + 900]))):
                try:
                    header = read_header(data)
                except ValueError:
                    continue  # an entry of an older cache format
                keys[texts[text_hash]] = entry_key([(w, l, w.lower() in stops) for w, l in zip(header.words, header.lemmas)])
    return keys


def project_words(project: Project, codebook: Codebook, question: str, where: dict[str, str] | None = None,
                  nlp: Language | None = None, no_merge: Iterable[str] = ()) -> WordSet:
    """Word entries of ``question`` with each word's primary category from the project's codings.

    Written forms in ``no_merge`` or in the project's :func:`kept_apart` list stay apart in a cloud.

    What counts is :func:`~qualcode.analysis.counts.counted` (not rejected codings, not unreviewed
    model suggestions); accepted and manual codings come before suggestions, then the higher
    score, then codebook order.
    """
    from qualcode.nlp import load_pipeline

    where = where or {}
    s, d, r, c, cat, cb = (schema.segments, schema.documents, schema.respondents, schema.codings,
                          schema.categories, schema.codebooks)
    with project.read() as conn:
        questions = set(conn.execute(select(s.c.question).join(d, d.c.id == s.c.document_id)
                                     .where(d.c.current.is_(True), s.c.level == "word").distinct()).scalars())
        if question not in questions:
            raise AnalysisError(f"the project has no survey question '{question}'. Questions: "
                                f"{', '.join(sorted(q for q in questions if q)) or 'none (ingest a survey first)'}.")
        if conn.execute(select(cb.c.id).where(cb.c.key == codebook.id)).first() is None:
            raise AnalysisError(f"the project has not been coded with '{codebook.id}'. "
                                f"Run: qualcode code {project.location} --codebook {codebook.source}")
        # Three plain queries, no per-row JSON or IN (…) look-ups: a survey may have 100,000 respondents.
        base = (d.c.current.is_(True), s.c.level == "word", s.c.codable.is_(True), s.c.question == question)
        rows = conn.execute(select(s.c.id, s.c.text, s.c.text_hash, s.c.respondent_id, s.c.document_id)
                            .join(d, d.c.id == s.c.document_id).where(*base)).all()
        doc_meta = dict(conn.execute(select(d.c.id, d.c.meta).where(d.c.id.in_({row.document_id for row in rows}))).all())
        respondent_meta = {} if not where else dict(conn.execute(
            select(r.c.id, r.c.meta).join(d, d.c.id == r.c.document_id).where(d.c.current.is_(True))).all())
        known = set(next(iter(respondent_meta.values()), {})) | set(next(iter(doc_meta.values()), {}))
        unknown = [k for k in where if k not in known]
        if unknown:
            raise AnalysisError(f"no metadata column {', '.join(repr(k) for k in unknown)}; columns: {', '.join(sorted(known))}.")
        if where:
            rows = [row for row in rows if _matches({**doc_meta[row.document_id], **respondent_meta[row.respondent_id]}, where)]
        codings: dict[int, list] = defaultdict(list)
        for row in conn.execute(select(c.c.segment_id, c.c.status, c.c.source, c.c.score, c.c.rule, cat.c.key)
                                .join(cat, cat.c.id == c.c.category_id).join(cb, cb.c.id == cat.c.codebook_id)
                                .join(s, s.c.id == c.c.segment_id).join(d, d.c.id == s.c.document_id)
                                .where(cb.c.key == codebook.id, counted(c), *base)):
            codings[row.segment_id].append(row)
    keys = _cached_keys(project, {row.text_hash: row.text for row in rows}) if nlp is None else {}
    missing = sorted({row.text for row in rows} - keys.keys())
    if missing:
        keys.update(_keys(nlp or load_pipeline(), missing))
    apart = {_variant(v) for v in [*kept_apart(project), *no_merge]}
    entries = []
    for row in rows:
        found = codings.get(row.id, [])
        found.sort(key=lambda x: (x.status != Status.ACCEPTED, -(x.score or 0), codebook.order.get(x.key, 10**6)))
        key = keys[row.text]
        # A recognised typo ("engelks") merges with the term it stands for.
        if len(key) == 1 and found and found[0].rule and found[0].rule.startswith("fuzzy:") and "," not in found[0].rule:
            key = (found[0].rule.split(":", 1)[1],)
        entries.append(WordEntry(row.respondent_id, row.text, key, found[0].key if found else None,
                                 tuple(x.key for x in found), _variant(row.text) not in apart))
    return WordSet(entries, len({row.respondent_id for row in rows}), question)


def file_words(path: Path, columns: list[str], codebook: Codebook, nlp: Language | None = None,
               id_column: str | None = None, where: dict[str, str] | None = None,
               no_merge: Iterable[str] = ()) -> WordSet:
    """Word entries straight from a survey file (no project): the columns make one question.

    Written forms in ``no_merge`` stay apart in a cloud.
    """
    from qualcode.ingest.surveys import read_survey
    from qualcode.tagging import codebook_pipeline
    from qualcode.tagging.tagger import primary_category

    doc = read_survey(path, id_column=id_column, open_columns=[f"svar={','.join(columns)}"])
    nlp = nlp or codebook_pipeline(codebook)
    if "qualcode_codebook" not in nlp.pipe_names:
        nlp.add_pipe("qualcode_codebook").set_codebook(codebook)
    where = where or {}
    words = [(s, doc.text[s.start:s.end]) for s in doc.segments if s.level == "word" and s.codable
             and _matches(doc.respondents[s.respondent].meta, where)]
    unknown = [k for k in where if doc.respondents and k not in doc.respondents[0].meta]
    if unknown:
        raise AnalysisError(f"{path}: no metadata column {', '.join(repr(k) for k in unknown)}.")
    texts = sorted({t for _, t in words})
    tagged = {}
    for text, parsed in zip(texts, nlp.pipe(texts, batch_size=512)):
        scores = parsed._.qc_scores or {}
        key = entry_key([(t.text, t.lemma_, t.is_stop) for t in parsed])
        rules = [s.id_ for s in parsed.spans["qualcode"]]
        if len(key) == 1 and len(rules) >= 1 and all(r.startswith("fuzzy:") for r in rules) and len({*rules}) == 1:
            key = (rules[0].split(":", 1)[1],)
        tagged[text] = (key, primary_category(scores, codebook), tuple(scores))
    apart = {_variant(v) for v in no_merge}
    entries = [WordEntry(s.respondent, t, *tagged[t], merge=_variant(t) not in apart) for s, t in words]
    return WordSet(entries, len({s.respondent for s, _ in words}), ",".join(columns))
