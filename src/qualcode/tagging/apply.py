"""Code a project with a codebook: suggestions in, human decisions untouched.

>>> report = code_project(project, load_codebook("codebooks/elevutbytte.yaml"))   # doctest: +SKIP

Parsed Docs are cached in the project by segment-text hash and pipeline version, so coding
again after a codebook edit only re-runs the tagger. Human decisions are never changed: an
accepted or rejected suggestion, a manual coding and a memo survive every run, and a rejected
suggestion is offered again only when the evidence behind it has changed.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc
from sqlalchemy import Connection, delete, func, insert, select

from qualcode.nlp.doccache import Header, doc_from_bytes, read_header
from qualcode.nlp.parsing import cache_key, parse_entries_for_coding
from qualcode.store import Project, schema
from qualcode.store.bulk import Same, insert_columns
from qualcode.store.codebooks import save_codebook
from qualcode.store.values import Source, Status
from qualcode.tagging.changes import CodebookChange
from qualcode.tagging.codebook import Codebook
from qualcode.tagging.reconcile import reconcile
from qualcode.tagging.tagger import CodebookTagger
from qualcode.tagging.tokens import TokenView, views_from_cache


@dataclass
class CodingReport:
    segments: int = 0
    texts: int = 0  # distinct segment texts (a repeated answer is parsed and tagged once)
    parsed: int = 0  # texts parsed now (the rest came from the cache)
    suggested: int = 0  # new suggestions
    updated: int = 0  # suggestions whose score or evidence changed
    withdrawn: int = 0  # untouched suggestions no rule supports any more
    kept_decisions: int = 0  # accepted/rejected/manual codings in the codebook, left as the analyst made them
    retagged: int = 0  # segments tagged in this run (all of them, unless only the codebook changed)
    incremental: bool = False  # only segments whose words the codebook edit touches were re-tagged
    counts: dict[str, int] = field(default_factory=dict)  # open suggestions + accepted per category
    too_long: int = 0  # segments longer than the pipeline parses (stored by qualcode 0.2), left uncoded


def upsert_codebook(conn: Connection, codebook: Codebook, author: str | None = None) -> dict[str, int]:
    """Store the codebook (a new version when it changed) and its categories; return category id by key."""
    return save_codebook(conn, codebook, author=author)


@dataclass
class Parsed:
    """A segment's analysis: its token views, and how to get the full Doc if a pattern needs it."""

    tokens: list[TokenView]
    doc: Callable[[], Doc]


def _from_cache(vocab, header: Header, data: bytes, tagger: CodebookTagger | None = None,
                doc: Doc | None = None) -> Parsed | None:
    """The analysis in a cache entry (``doc``: the Doc it was made from, if at hand); ``None``
    when ``tagger`` can find nothing in it (no rule fires on any of its words), which is most
    texts and costs one lookup per word."""
    if tagger is not None and not tagger.could_match(header.words, header.lemmas):
        return None
    return Parsed(views_from_cache(header), (lambda: doc) if doc is not None else lambda: doc_from_bytes(vocab, data))


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Bulk tagging makes millions of short-lived lists and no reference cycles; the cyclic
    collector would re-scan every live object again and again (re-coding grew quadratically).
    Nested pauses keep the outermost one's state."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def tag_texts(project: Project, nlp: Language, tagger: CodebookTagger, texts: dict[str, str],
              progress: Callable[[str, int, int], None] | None = None,
              change: CodebookChange | None = None) -> tuple[dict[str, dict], int]:
    """Suggestions for every ``{text_hash: text}``; returns them and how many texts were parsed now.

    Texts the parse cache holds are tagged straight from it, chunk by chunk; the others are
    parsed, cached and tagged. Nothing keeps all analyses in memory at once. With ``change``
    (the edit since the texts were last coded), a cached text the edit cannot affect is left
    out of the result: its suggestions stand as they are.
    """
    fingerprint = cache_key(nlp)
    pc = schema.parse_cache
    found: dict[str, dict] = {}
    with _gc_paused():
        # Cached texts first, in one streamed scan of this pipeline's cache (faster than
        # hundreds of IN (…) look-ups, and it tells which texts are missing on the way).
        with project.read() as conn:
            rows = conn.execution_options(yield_per=5000).execute(
                select(pc.c.text_hash, pc.c.doc).where(pc.c.pipeline == fingerprint))
            seen: set[str] = set()
            for n, (text_hash, data) in enumerate(rows, 1):
                if text_hash in texts:
                    seen.add(text_hash)
                    header = read_header(data)
                    if change is None or change.affects(header.words, header.lemmas):
                        parsed = _from_cache(nlp.vocab, header, data, tagger)
                        found[text_hash] = suggest(texts[text_hash], parsed, tagger) if parsed else {}
                if progress and n % 5000 == 0:
                    progress("tag", len(seen), len(texts))
        missing = [h for h in texts if h not in seen]
        batch: list[tuple[str, bytes]] = []
        # Only what the tagger reads is parsed (no dependency parse or entities), large jobs in
        # worker processes that hand back cache entries; see qualcode.nlp.parsing.
        entries = parse_entries_for_coding(nlp, [texts[h] for h in missing])
        for n, (text_hash, (header, data, doc)) in enumerate(zip(missing, entries), 1):
            # Tagged from the entry just made, like a cached text: its header holds what the
            # tagger reads, and is cheaper to read than the Doc's tokens.
            parsed = _from_cache(nlp.vocab, header, data, tagger, doc)
            found[text_hash] = suggest(texts[text_hash], parsed, tagger) if parsed else {}
            batch.append((text_hash, data))
            if len(batch) >= 2000:
                _store_cache(project, fingerprint, batch)
                batch = []
            if progress and n % 500 == 0:
                progress("parse", n, len(missing))
        if batch:
            _store_cache(project, fingerprint, batch)
    return found, len(missing)


def _store_cache(project: Project, fingerprint: str, entries: list[tuple[str, bytes]]) -> None:
    """Cache ``(text hash, entry)`` pairs under the pipeline key ``fingerprint``."""
    # Another run may have cached the same text meanwhile: keep the first copy.
    with project.transaction() as conn:
        insert_columns(conn, schema.parse_cache, len(entries), {
            "text_hash": [text_hash for text_hash, _ in entries], "pipeline": Same(fingerprint),
            "doc": [data for _, data in entries]}, skip_existing=True)


def _evidence_key(evidence: list[list]) -> str:
    if len(evidence) > 1:  # most suggestions rest on one word: nothing to sort
        evidence = sorted(evidence, key=lambda e: (e[3], e[2].lower()))
    text = "|".join(f"{e[3]}@{e[2].lower()}" for e in evidence)
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


def suggest(text: str, parsed: Parsed, tagger: CodebookTagger) -> dict[str, dict]:
    """Tag one segment text; one suggestion per category, evidence in offsets of ``text``."""
    tagging = tagger.tag(text, parsed.tokens, parsed.doc)
    result: dict[str, dict] = {}
    if not tagging.evidence:
        return result
    starts, ends = parsed.tokens.start, parsed.tokens.end
    for start, end, category, rule in tagging.evidence:
        entry = result.get(category)
        if entry is None:
            entry = result[category] = {"evidence": [], "rules": []}
        s, e, rule_id = starts[start], ends[end - 1], rule.id
        entry["evidence"].append([s, e, text[s:e], rule_id])
        if rule_id not in entry["rules"]:
            entry["rules"].append(rule_id)
    for category, entry in result.items():
        entry["score"] = tagging.scores[category]
        entry["polarity"] = tagging.polarity.get(category)
        entry["key"] = _evidence_key(entry["evidence"])
        entry["rule"] = ", ".join(entry["rules"])  # once per text, however many segments hold it
    return result


WRITE_CHUNK = 2000  # segments reconciled per write transaction


def _suggestions(segments: list, tagged: dict[str, dict]) -> dict[tuple[int, str], dict]:
    """The codings :func:`reconcile` writes for ``segments``: each distinct text was tagged once,
    and its evidence moves to where each segment holding it sits."""
    found: dict[tuple[int, str], dict] = {}
    for seg_id, text, text_hash, offset in segments:
        suggestions = tagged[text_hash]
        if not suggestions:
            continue
        end = offset + len(text)
        for category, entry in suggestions.items():
            found[(seg_id, category)] = {
                "start": offset, "end": end, "score": entry["score"], "rule": entry["rule"],
                "evidence": [[s + offset, e + offset, t, r] for s, e, t, r in entry["evidence"]],
                "evidence_key": entry["key"], "polarity": entry["polarity"]}
    return found


def code_project(project: Project, codebook: Codebook, nlp: Language | None = None,
                 progress: Callable[[str, int, int], None] | None = None, author: str | None = None) -> CodingReport:
    """Code every codable segment of the project's current documents with ``codebook``.

    The project stores the codebook (a new version, by ``author``, when it changed), so later
    runs, the app and the analyses need only its id.
    """
    if nlp is None:
        from qualcode.nlp import load_pipeline

        nlp = load_pipeline()
    # Paused for the whole run, not only while tagging and while writing: everything made while
    # paused is young to the collector, and a pause ending between the two had it scan every
    # suggestion of the run, still held for writing. At the end they are freed by reference counts.
    with _gc_paused():
        return _code_project(project, codebook, nlp, progress, author)


def _code_project(project: Project, codebook: Codebook, nlp: Language,
                  progress: Callable[[str, int, int], None] | None, author: str | None) -> CodingReport:
    tagger = CodebookTagger(nlp)
    tagger.set_codebook(codebook)
    s, d, c = schema.segments, schema.documents, schema.codings
    with project.read() as conn:
        segments = conn.execute(select(s.c.id, s.c.text, s.c.text_hash, s.c.start).join(d, d.c.id == s.c.document_id)
                                .where(d.c.current.is_(True), s.c.codable.is_(True)).order_by(s.c.id)).all()
    # Ingest cuts segments to MAX_SEGMENT_CHARS; one stored before that, too long to parse (spaCy
    # E088), must not stop every other segment from being coded.
    max_length = nlp.max_length
    parseable = [seg for seg in segments if len(seg.text) < max_length]
    report = CodingReport(segments=len(parseable), too_long=len(segments) - len(parseable))
    segments = parseable
    texts = {text_hash: text for _, text, text_hash, _ in segments}
    report.texts = len(texts)
    state = _coding_state(nlp, codebook, segments)
    change = _change_since_last_run(project, nlp, tagger, state)
    tagged, report.parsed = tag_texts(project, nlp, tagger, texts, progress, change)
    if change is not None:
        segments = [seg for seg in segments if seg.text_hash in tagged]  # the others stand as they are
        report.incremental = True
    report.retagged = len(segments)
    with _gc_paused():
        # Written WRITE_CHUNK segments per transaction, so coders deciding meanwhile wait for one
        # short write, not the whole run. The run counts as done (its state saved, which the next
        # run's incremental check reads) only with the last chunk: an interrupted run is redone whole.
        starts = range(0, len(segments), WRITE_CHUNK) if segments else range(1)
        category_ids: dict[str, int] = {}
        for start in starts:
            part = segments[start:start + WRITE_CHUNK]
            found = _suggestions(part, tagged)
            with project.transaction() as conn:
                category_ids = category_ids or upsert_codebook(conn, codebook, author)
                done = reconcile(conn, Source.AUTO, found, [seg.id for seg in part], category_ids)
                report.suggested += done.suggested
                report.updated += done.updated
                report.withdrawn += done.withdrawn
                if start == starts[-1]:
                    report.kept_decisions = conn.execute(select(func.count()).select_from(c).where(
                        c.c.category_id.in_(list(category_ids.values())),
                        (c.c.status != Status.SUGGESTED) | (c.c.source == Source.MANUAL))).scalar()
                    _save_coding_state(conn, codebook.id, state)
    return report


# -- incremental re-coding ---------------------------------------------------------------------

def _digest(value) -> str:
    return hashlib.blake2b(json.dumps(value, ensure_ascii=False, sort_keys=True).encode(), digest_size=16).hexdigest()


def _coding_state(nlp: Language, codebook: Codebook, segments: list) -> dict[str, str]:
    """What a run's suggestions rest on: the pipeline, the exact segments and the codebook."""
    return {"pipeline": cache_key(nlp),
            "segments": hashlib.blake2b("\n".join(f"{i}:{h}:{start}" for i, _, h, start in segments).encode(),
                                        digest_size=16).hexdigest(),
            "codebook": _digest(codebook.model_dump(mode="json"))}


def _state_key(codebook_id: str) -> str:
    return f"coded:{codebook_id}"


def _save_coding_state(conn: Connection, codebook_id: str, state: dict[str, str]) -> None:
    m = schema.meta
    conn.execute(delete(m).where(m.c.key == _state_key(codebook_id)))
    conn.execute(insert(m).values(key=_state_key(codebook_id), value=json.dumps(state)))


def _change_since_last_run(project: Project, nlp: Language, tagger: CodebookTagger,
                           state: dict[str, str]) -> CodebookChange | None:
    """The codebook edit since the last run, when only the codebook changed since then (same
    pipeline, same segments, and the stored codebook is the one that run used); else None,
    and every text is tagged again."""
    m, cb, v = schema.meta, schema.codebooks, schema.codebook_versions
    with project.read() as conn:
        stored = conn.execute(select(m.c.value).where(m.c.key == _state_key(tagger.codebook.id))).scalar()
        # The codebook the last run used is one of the stored versions (the newest may be an
        # edit made since); a project without versions has only the one it was coded with.
        definitions = [*conn.execute(select(v.c.definition).join(cb, cb.c.id == v.c.codebook_id)
                                     .where(cb.c.key == tagger.codebook.id).order_by(v.c.number.desc())).scalars(),
                       *conn.execute(select(cb.c.definition).where(cb.c.key == tagger.codebook.id)).scalars()]
    if stored is None:
        return None
    previous = json.loads(stored)
    definition = next((d for d in definitions if _digest(d) == previous.get("codebook")), None)
    if definition is None or (previous.get("pipeline"), previous.get("segments")) != (state["pipeline"], state["segments"]):
        return None
    old = CodebookTagger(nlp, name="qualcode_codebook_previous")
    old.set_codebook(Codebook.model_validate(definition))
    return CodebookChange(old, tagger)
