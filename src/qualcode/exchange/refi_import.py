"""Import a REFI-QDA codebook (``.qdc``) or project (``.qdpx``) into a qualcode project.

>>> report = import_refi(project, Path("fra_nvivo.qdpx"))     # doctest: +SKIP
>>> report.codings_added, report.dropped                        # doctest: +SKIP

The file is read and checked whole first (:func:`read_refi`); then everything is written in one
transaction, through the same tables ingest, ``code`` and review use. Existing codings, decisions
and memos are never changed: an import only adds. Codes become categories without rules (add
rules in YAML, see :func:`~qualcode.tagging.codebook_yaml.codebook_yaml`); a code qualcode
exported (recognised by its GUID) or one with the label of an existing category maps onto it.
Text sources become documents, segmented like ingested transcripts, unless a current document
has the very same text; codings keep their exact offsets, on the smallest segment that holds
them; notes, and the descriptions clients keep a coding's memo in, become memos. Codings by the
user ``tagger`` or ``model`` come back as suggestions, whichever program wrote the file (a
client that opened qualcode's export writes our open suggestions as its codings); every other
coding is an accepted coding of its user, logged as an ``import`` decision.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, insert, select

from qualcode.exchange.common import ExchangeError, code_guid, codebook_guid, coding_memos, slug, text_digest
from qualcode.exchange.refi_read import RefiCode, RefiFile, RefiSelection, read_refi
from qualcode.ingest.model import ParsedDocument
from qualcode.ingest.store import _write_document
from qualcode.ingest.transcripts import segment_transcript
from qualcode.review.judgements import MACHINE_CODERS, judgements
from qualcode.store import Project, schema
from qualcode.store.project import now
from qualcode.store.values import Source, Status
from qualcode.tagging.apply import upsert_codebook
from qualcode.tagging.codebook import Category, Codebook

UNKNOWN_CODER = "unknown"
# Codes without a colour get one of these, in turn (the shipped codebooks' palette).
PALETTE = ("#1B7837", "#7FBC41", "#E6AB02", "#2166AC", "#D7301F", "#762A83", "#8C510A", "#01665E", "#C51B7D",
           "#E66101", "#525252", "#6A3D9A")
FOLDER_COLOR = "#999999"
MACHINE_SOURCES = {coder: source for source, coder in MACHINE_CODERS.items()}  # tagger → auto, model → model


@dataclass
class ImportReport:
    path: Path
    codebooks: list[Codebook] = field(default_factory=list)  # the codebooks the file added to or created
    categories_added: int = 0
    categories_matched: int = 0
    documents_added: list[str] = field(default_factory=list)
    documents_matched: list[str] = field(default_factory=list)
    codings_added: int = 0
    suggestions_added: int = 0
    codings_existing: int = 0
    memos_added: int = 0
    coders: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # what the file holds that qualcode does not keep
    skipped: list[str] = field(default_factory=list)  # selections that do not fit their text (skip_invalid)


def import_refi(project: Project, path: Path, *, codebook_id: str | None = None,
                skip_invalid: bool = False) -> ImportReport:
    """Import a ``.qdc`` or ``.qdpx`` (see the module docstring); ``codebook_id`` names the
    codebook its codes go into (default: from the file name). ``skip_invalid`` imports a file
    from another program even if some of its selections do not fit their text, leaving those
    out (:attr:`ImportReport.skipped` names each); without it such a file changes nothing."""
    if codebook_id is not None and not re.fullmatch(r"[a-z][a-z0-9_]*", codebook_id):
        raise ExchangeError(f"--codebook-id '{codebook_id}': a codebook id is lower-case ASCII letters, digits and _ "
                            f"(e.g. '{slug(codebook_id)}').")
    refi = read_refi(Path(path), skip_invalid=skip_invalid)
    report = ImportReport(Path(path), dropped=list(refi.dropped), skipped=[str(i) for i in refi.invalid])
    with project.transaction() as conn:
        codes = _import_codes(conn, refi, codebook_id, report)
        if refi.kind == "project":
            _import_project(conn, refi, codes, report)
    return report


def _color(value: str | None, index: int) -> str:
    text = (value or "").strip().lstrip("#")
    if len(text) == 3:
        text = "".join(ch * 2 for ch in text)
    if len(text) == 6 and all(ch in "0123456789abcdefABCDEF" for ch in text):
        return f"#{text.upper()}"
    return PALETTE[index % len(PALETTE)]


def _import_codes(conn: Connection, refi: RefiFile, codebook_id: str | None, report: ImportReport) -> dict[str, int]:
    """Categories for the file's codes; returns category id by code GUID."""
    cb, cat = schema.codebooks, schema.categories
    stored = {row.key: row for row in conn.execute(select(cb.c.key, cb.c.definition, cb.c.source_path))}
    known = {code_guid(row.book, row.key): row.id for row in
             conn.execute(select(cat.c.id, cat.c.key, cb.c.key.label("book")).join(cb, cb.c.id == cat.c.codebook_id))}
    # Folders at the top of a project's code tree are codebooks (qualcode writes one per codebook); in a
    # .qdc only when qualcode wrote it: another program's folders are parent codes of one codebook.
    if (refi.kind == "project" or refi.origin.startswith("qualcode")) and codebook_id is None and refi.codes and \
            all(not code.codable and code.children for code in refi.codes):
        by_folder = {codebook_guid(key): key for key in stored}
        groups = [(by_folder.get(code.guid) or slug(code.name, set()), code.name, code.description, code.children)
                  for code in refi.codes]
    else:
        groups = [(codebook_id or slug(refi.path.stem, set()), refi.path.stem, "", refi.codes)]
    ids: dict[str, int] = {}
    for key, name, description, codes in groups:
        row = stored.get(key)
        if row is not None:
            book = Codebook.model_validate({**row.definition, "source": row.source_path})
        else:
            book = Codebook.model_construct(id=key, name=name, language="nb", version="1.0",
                                            description=description or f"Importert fra {refi.path.name} (REFI-QDA).",
                                            categories=[], polarity={}, source=str(refi.path))
        taken = {category.id for category in book.categories}
        labels = {category.label.casefold(): category.id for category in book.categories}
        new: list[Category] = []
        wanted: dict[str, str] = {}  # code GUID → category key in this codebook

        def walk(code: RefiCode, parent: str | None) -> None:
            here = None
            if code.guid in known:  # a category qualcode exported
                ids[code.guid] = known[code.guid]
                report.categories_matched += 1
            elif code.name.casefold() in labels:
                here = wanted[code.guid] = labels[code.name.casefold()]
                report.categories_matched += 1
            else:
                here = wanted[code.guid] = labels[code.name.casefold()] = slug(code.name, taken)
                color = _color(code.color, len(taken) - 1) if code.codable or code.color else FOLDER_COLOR
                new.append(Category.model_construct(id=here, label=code.name, color=color,
                                                    description=code.description, parent=parent))
                report.categories_added += 1
            for child in code.children:
                walk(child, here)

        for code in codes:
            walk(code, None)
        if new:
            book = Codebook.model_construct(**{**dict(book), "categories": list(book.categories) + new})
            category_ids = upsert_codebook(conn, book)
            report.codebooks.append(book)
        elif row is not None:
            category_ids = dict(conn.execute(select(cat.c.key, cat.c.id).join(cb, cb.c.id == cat.c.codebook_id)
                                             .where(cb.c.key == key)).all())
        else:
            continue
        ids.update({guid_: category_ids[key_here] for guid_, key_here in wanted.items()})
    return ids


def _segments_for(conn: Connection, document_id: int) -> list:
    s = schema.segments
    return conn.execute(select(s.c.id, s.c.start, s.c.end, s.c.parent_id, s.c.codable)
                        .where(s.c.document_id == document_id)).all()


def _place(segments: list, selection: RefiSelection) -> list[tuple[int, int, int]]:
    """``(segment id, start, end)``: the smallest segment holding the selection, or pieces of it
    over the top-level segments it crosses."""
    holding = [seg for seg in segments if seg.start <= selection.start and selection.end <= seg.end]
    if holding:
        best = min(holding, key=lambda seg: (seg.end - seg.start, not seg.codable))
        return [(best.id, selection.start, selection.end)]
    return [(seg.id, max(seg.start, selection.start), min(seg.end, selection.end))
            for seg in sorted(segments, key=lambda seg: seg.start)
            if seg.parent_id is None and seg.start < selection.end and selection.start < seg.end]


def _import_project(conn: Connection, refi: RefiFile, codes: dict[str, int], report: ImportReport) -> None:
    d, c, m = schema.documents, schema.codings, schema.memos
    current = {text_digest(row.text): (row.id, row.name) for row in
               conn.execute(select(d.c.id, d.c.name, d.c.text).where(d.c.current.is_(True)).order_by(d.c.id.desc()))}
    names = set(conn.execute(select(d.c.name).where(d.c.current.is_(True))).scalars())
    stamp = now()
    coders: dict[str, None] = {}
    counts = defaultdict(int)
    # What is there already: every span a coding covers, and who said yes to it.
    yes, _ = judgements(conn)
    spans: set[tuple[int, int, int, int]] = set()  # (document, category, start, end)
    held: set[tuple[int, int, int, int, str]] = set()  # … and a coder who said yes to it
    s = schema.segments
    for row in conn.execute(select(c.c.id, s.c.document_id, c.c.category_id, c.c.start, c.c.end)
                            .join(s, s.c.id == c.c.segment_id)):
        spans.add((row.document_id, row.category_id, row.start, row.end))
        held.update((row.document_id, row.category_id, row.start, row.end, coder) for coder in yes.get(row.id, ()))

    def user(guid_: str | None) -> str:
        return refi.users.get(guid_ or "", UNKNOWN_CODER)

    def memo(note_guid: str, **target) -> None:
        note = refi.notes.get(note_guid)
        if note is None or not note.text.strip():
            return
        add_memo(user(note.user), note.text, note.created or stamp, **target)

    def add_memo(coder: str, text: str, at, **target) -> None:
        target = {"document_id": None, "segment_id": None, "coding_id": None, **target}
        clauses = [m.c.coder == coder, m.c.text == text] + [
            (m.c[k] == v) if v is not None else m.c[k].is_(None) for k, v in target.items()]
        if conn.execute(select(m.c.id).where(*clauses)).first() is not None:
            return
        memo_id = conn.execute(insert(m).values(coder=coder, text=text, created_at=at, updated_at=at,
                                                **target)).inserted_primary_key[0]
        conn.execute(insert(schema.decisions).values(memo_id=memo_id, coder=coder, action="import", at=stamp,
                                                     detail={"file": refi.path.name, **target}))
        report.memos_added += 1
        coders[coder] = None

    for source in refi.sources:
        digest = text_digest(source.text)
        if digest in current:
            document_id, name = current[digest]
            report.documents_matched.append(name)
        else:
            segments = segment_transcript(source.text)
            if not segments:
                counts["text sources without text"] += 1
                continue
            name = source.name if source.name not in names else f"{source.name} (REFI-QDA)"
            names.add(name)
            values = {**refi.case_values.get(source.guid, {}), **source.values}
            meta = {refi.variables[g][0]: v for g, v in values.items() if g in refi.variables and refi.variables[g][0]}
            kind = "interview" if any(s.speaker for s in segments) else "document"
            document_id = _write_document(conn, ParsedDocument(
                path=Path(f"{refi.path.name}/{name}"), name=name, kind=kind, text=source.text, meta=meta,
                content_hash=digest, encoding="utf-8", segments=segments), None)
            current[digest] = (document_id, name)
            report.documents_added.append(name)
        segments = _segments_for(conn, document_id)
        if source.description:
            add_memo(user(source.user), source.description, source.created or stamp, document_id=document_id)
        for note in source.notes:
            memo(note, document_id=document_id)
        for selection in source.selections:
            if not (selection.codings or selection.description or selection.notes):
                continue  # a selection only cases refer to (qualcode writes one per survey answer)
            pieces = _place(segments, selection)
            if len(pieces) > 1:
                counts["selections across several turns (split at the turn boundaries)"] += 1
            elif not pieces:
                counts["selections outside every turn or paragraph (a speaker label, blank lines), with their "
                       "codings"] += 1
            added: list[tuple[str, int]] = []  # (coder, coding id) of the codings added from this selection
            for coding in selection.codings:
                category_id = codes.get(coding.code)
                if category_id is None:
                    counts["codings of codes that are not codable or not in the codebook"] += 1
                    continue
                coder = user(coding.user or selection.user)
                machine = MACHINE_SOURCES.get(coder)  # the tagger's or the model's: still a suggestion
                suggestion = machine is not None
                at = coding.created or selection.created or stamp
                for segment_id, start, end in pieces:
                    span = (document_id, category_id, start, end)
                    if (span in spans) if suggestion else (span + (coder,) in held):
                        report.codings_existing += 1
                        continue
                    spans.add(span)
                    held.add(span + (coder,))
                    coding_id = conn.execute(insert(c).values(
                        segment_id=segment_id, category_id=category_id, start=start, end=end,
                        source=machine or Source.MANUAL, status=Status.SUGGESTED if suggestion else Status.ACCEPTED,
                        coder=None if suggestion else coder, created_at=at, updated_at=at)).inserted_primary_key[0]
                    if suggestion:
                        report.suggestions_added += 1
                        continue
                    added.append((coder, coding_id))
                    coders[coder] = None
                    report.codings_added += 1
                    conn.execute(insert(schema.decisions).values(
                        coding_id=coding_id, coder=coder, action="import", new_status=Status.ACCEPTED, at=stamp,
                        detail={"file": refi.path.name, "guid": coding.guid, "category_id": category_id,
                                "start": start, "end": end}))
                    for note in coding.notes:
                        memo(note, coding_id=coding_id)
            segment_id = pieces[0][0] if pieces else None
            # Clients keep a coding's memo in its selection's Description; qualcode writes it there
            # and as notes on the codings, so the same text there is read once, from the notes.
            described = selection.description
            if described and described == coding_memos([refi.notes[n].text for coding in selection.codings
                                                        for n in coding.notes if n in refi.notes]):
                described = ""
            if described and added:
                coding_id = next((i for who, i in added if who == user(selection.user)), added[0][1])
                add_memo(user(selection.user), described, selection.created or stamp, coding_id=coding_id)
            elif described and segment_id is not None:
                add_memo(user(selection.user), described, selection.created or stamp, segment_id=segment_id)
            if segment_id is not None:
                for note in selection.notes:
                    memo(note, segment_id=segment_id)
    for note in refi.project_notes:
        memo(note)
    referenced = set(refi.project_notes)
    for source in refi.sources:
        referenced.update(source.notes)
        for selection in source.selections:
            referenced.update(selection.notes)
            referenced.update(note for coding in selection.codings for note in coding.notes)
    for note in refi.notes.values():  # journals and other free-standing notes: project memos
        if note.guid not in referenced:
            memo(note.guid)
    report.coders = list(coders)
    report.dropped.extend(f"{n} {what}" for what, n in counts.items())
