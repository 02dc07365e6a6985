"""REFI-QDA 1.5 export: a ``.qdpx`` project for NVivo, ATLAS.ti, MAXQDA, QualCoder …, or a ``.qdc`` codebook.

>>> export_qdpx(project, Path("evaluering.qdpx"))                    # doctest: +SKIP
>>> export_qdc(project, Path("elevutbytte.qdc"), ["elevutbytte"])      # doctest: +SKIP

The ``.qdpx`` is a zip with ``project.qde`` (namespace ``urn:QDA-XML:project:1.0``) at its root
and every document as UTF-8 ``sources/<guid>.txt``. Codings are ``PlainTextSelection``s whose
``startPosition``/``endPosition`` count Unicode code points from 0, end exclusive, one selection
per span and coder (its ``creatingUser``), each coding with its coder and date. Each codebook is a
folder (a code that is not codable) holding its categories. Users are the coders (suggestions
nobody has decided on belong to the user ``tagger``), variables and cases come from the metadata
(one case per interview with a ``SourceRef``, one per survey respondent with a ``SelectionRef`` to
each of their answers), memos become notes, and a coding's memo is also its selection's
``Description``, where clients read it. GUIDs are derived from stable keys, so exporting the
same project twice gives the same file, byte for byte.
"""

from __future__ import annotations

import re
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from lxml import etree

from qualcode import __version__
from qualcode.exchange.common import (
    CODEBOOK_NS,
    PROJECT_NS,
    ExchangeError,
    code_guid,
    codebook_guid,
    coding_guid,
    coding_memos,
    guid,
    schema_errors,
    selection_guid,
    source_guid,
    user_guid,
    utc,
    variable_guid,
    xml_datetime,
)
from qualcode.exchange.pseudonymise import Pseudonymiser
from qualcode.exchange.snapshot import Coding, Document, Memo, Snapshot, read_snapshot
from qualcode.store import Project
from qualcode.store.codebooks import stored_codebooks
from qualcode.store.values import Status
from qualcode.tagging.codebook import Codebook

VARIABLE_TYPES = {"text": "Text", "integer": "Integer", "number": "Float", "date": "Date", "boolean": "Boolean"}
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass
class ExportReport:
    path: Path
    sources: int = 0
    codes: int = 0  # codable codes: the categories
    codebooks: int = 0  # parent codes, one per codebook when there are several (not codable)
    codings: int = 0
    notes: int = 0
    users: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # what the file does not carry, for the user


def _clean(text: str) -> str:
    """XML 1.0 cannot carry control characters such as form feeds from a .docx."""
    return _NOT_XML.sub("", text)


def _el(parent: etree._Element, ns: str, tag: str, text: str | None = None, **attrs: object) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ns}}}{tag}",
                               {k: _clean(str(v)) for k, v in attrs.items() if v is not None})
    if text is not None:
        element.text = _clean(text)
    return element


def _snippet(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def add_codes(parent: etree._Element, ns: str, codebooks: list[Codebook], folders: bool) -> int:
    """The code tree: categories under their parents, with ``folders`` inside one non-codable
    code per codebook (an import makes each folder a codebook again)."""
    count = 0
    for book in codebooks:
        container = parent
        if folders:
            container = _el(parent, ns, "Code", guid=codebook_guid(book.id), name=book.name, isCodable="false")
            if book.description.strip():
                _el(container, ns, "Description", book.description.strip())
        keys = {c.id for c in book.categories}
        children = defaultdict(list)
        for category in book.categories:
            children[category.parent if category.parent in keys else None].append(category)

        def add(under: etree._Element, category) -> None:
            nonlocal count
            code = _el(under, ns, "Code", guid=code_guid(book.id, category.id), name=category.label,
                       isCodable="true", color=category.color.upper())
            if category.description.strip():
                _el(code, ns, "Description", category.description.strip())
            count += 1
            for child in children[category.id]:
                add(code, child)

        for category in children[None]:
            add(container, category)
    return count


def _value(parent: etree._Element, variable: str, kind: str, value: object) -> None:
    holder = _el(parent, PROJECT_NS, "VariableValue")
    _el(holder, PROJECT_NS, "VariableRef", targetGUID=variable_guid(variable))
    if kind == "Integer" and isinstance(value, int) and not isinstance(value, bool):
        _el(holder, PROJECT_NS, "IntegerValue", str(value))
    elif kind == "Float" and isinstance(value, (int, float)) and not isinstance(value, bool) and value == value:
        _el(holder, PROJECT_NS, "FloatValue", format(Decimal(str(value)), "f"))
    elif kind == "Boolean" and isinstance(value, bool):
        _el(holder, PROJECT_NS, "BooleanValue", "true" if value else "false")
    else:
        _el(holder, PROJECT_NS, "TextValue", str(value))


# document id → (start, end, coder) → code GUID → the coding; coder "" for a selection nobody coded
Spans = dict[int, dict[tuple[int, int, str], dict[str, Coding]]]


def _selections(snap: Snapshot) -> Spans:
    """One selection per span and coder, holding one coding per code (the earliest).

    Clients give every coding in a selection the selection's ``creatingUser`` and keep one
    coding per code, span and user, so two coders' codings of one span in one selection would
    lose one of them (QualCoder: "Duplicated text coding for code and coder. Only one loaded.").
    """
    known = {(b.id, c.id) for b in snap.codebooks for c in b.categories}
    spans: Spans = defaultdict(dict)
    for c in snap.codings:
        if (c.codebook, c.category) not in known:
            continue
        held = spans[c.document_id].setdefault((c.start, c.end, c.coder), {})
        key = code_guid(c.codebook, c.category)
        if key not in held or c.updated_at < held[key].updated_at:
            held[key] = c
    return spans


def _notes(snap: Snapshot, spans: Spans, sources: dict[int, str]) -> tuple[list[tuple[str, Memo]], dict]:
    """Each memo as a note, and where its ``NoteRef`` goes: on the memo author's coding, on the
    author's selection of a segment (made if there is none), on a source, or on the project."""
    where = defaultdict(list)  # coding id → the selections holding it, one per coder who said yes
    for document_id, by_span in spans.items():
        for span, held in by_span.items():
            for c in held.values():
                where[c.id].append((document_id, span))
    notes, refs, seen = [], defaultdict(list), set()
    for memo in snap.memos:
        if memo.coding_id in where:
            document_id, span = next(((d, s) for d, s in where[memo.coding_id] if s[2] == memo.coder),
                                     where[memo.coding_id][0])
            coding = next(c for c in spans[document_id][span].values() if c.id == memo.coding_id)
            target = ("coding", coding.id, coding.coder)
            anchor = coding_guid(selection_guid(sources[document_id], *span),
                                 code_guid(coding.codebook, coding.category), coding.coder)
        elif memo.segment_id in snap.segments:
            seg = snap.segments[memo.segment_id]
            span = (seg.start, seg.end, memo.coder)
            spans[seg.document_id].setdefault(span, {})
            target = ("selection", seg.document_id, span)
            anchor = selection_guid(sources[seg.document_id], *span)
        elif memo.document_id in sources:
            target, anchor = ("source", memo.document_id), sources[memo.document_id]
        else:
            target, anchor = ("project",), "project"
        note = guid("note", anchor, memo.coder, xml_datetime(memo.created_at))
        while note in seen:  # two memos by one coder in the same second on the same thing
            note = guid("note", note)
        seen.add(note)
        notes.append((note, memo))
        refs[target].append(note)
    return notes, refs


def _text_source(holder: etree._Element, doc: Document, source: str, spans: Spans, refs: dict,
                 memos: dict[str, Memo]) -> etree._Element:
    """The ``TextSource`` with its selections (one per span and coder) and their codings."""
    ns = PROJECT_NS
    element = _el(holder, ns, "TextSource", guid=source, name=doc.name, plainTextPath=f"internal://{source}.txt",
                  creationDateTime=xml_datetime(doc.ingested_at))
    for (start, end, coder), held in sorted(spans[doc.id].items()):
        sel_guid = selection_guid(source, start, end, coder)
        codings = sorted(held.values(), key=lambda c: (c.updated_at, c.codebook, c.category))
        selection = _el(element, ns, "PlainTextSelection", guid=sel_guid, name=_snippet(doc.text[start:end]),
                        startPosition=start, endPosition=end, creatingUser=user_guid(coder) if coder else None,
                        creationDateTime=xml_datetime(codings[0].updated_at if codings else doc.ingested_at))
        described = coding_memos([memos[note].text for c in codings for note in refs.get(("coding", c.id, coder), [])])
        if described:
            _el(selection, ns, "Description", described)
        for c in codings:
            code = code_guid(c.codebook, c.category)
            coding = _el(selection, ns, "Coding", guid=coding_guid(sel_guid, code, coder),
                         creatingUser=user_guid(coder), creationDateTime=xml_datetime(c.updated_at))
            _el(coding, ns, "CodeRef", targetGUID=code)
            for note in refs.get(("coding", c.id, coder), []):
                _el(coding, ns, "NoteRef", targetGUID=note)
        for note in refs.get(("selection", doc.id, (start, end, coder)), []):
            _el(selection, ns, "NoteRef", targetGUID=note)
    for note in refs.get(("source", doc.id), []):
        _el(element, ns, "NoteRef", targetGUID=note)
    return element


def _respondent_selections(snap: Snapshot, spans: Spans, sources: dict[int, str]) -> dict[int, list[str]]:
    """The selections of each survey respondent: one per answer (made here, uncoded), so a client
    can link the respondent's variables to every answer, and each coded selection inside one."""
    by_respondent: dict[int, list[str]] = defaultdict(list)
    answers = sorted((seg for seg in snap.segments.values()
                      if seg.level == "answer" and seg.respondent_id is not None and seg.document_id in sources),
                     key=lambda seg: (seg.document_id, seg.start))
    for seg in answers:
        spans[seg.document_id].setdefault((seg.start, seg.end, ""), {})
        by_respondent[seg.respondent_id].append(selection_guid(sources[seg.document_id], seg.start, seg.end))
    for document_id, by_span in spans.items():
        for (start, end, coder), held in sorted(by_span.items()):
            for c in held.values():
                segment = snap.segments.get(c.segment_id)
                respondent = segment.respondent_id if segment is not None else None
                sel_guid = selection_guid(sources[document_id], start, end, coder)
                if respondent is not None and sel_guid not in by_respondent[respondent]:
                    by_respondent[respondent].append(sel_guid)
    return by_respondent


def project_element(snap: Snapshot) -> tuple[etree._Element, dict[str, str]]:
    """``project.qde`` as an element, and the source texts by file name."""
    ns = PROJECT_NS
    stamps = [c.updated_at for c in snap.codings] + [m.updated_at for m in snap.memos] + \
             [d.ingested_at for d in snap.documents]
    modified = max((utc(s) for s in stamps), default=snap.created_at)
    root = etree.Element(f"{{{ns}}}Project", nsmap={None: ns}, name=Path(snap.name).stem,
                         origin=f"qualcode {__version__}")
    if snap.created_at:
        root.set("creationDateTime", xml_datetime(snap.created_at))
    if modified:
        root.set("modifiedDateTime", xml_datetime(modified))
    if snap.coders:
        users = _el(root, ns, "Users")
        for name in snap.coders:
            _el(users, ns, "User", guid=user_guid(name), name=name)
    books = [b for b in snap.codebooks if b.categories]
    if books:
        add_codes(_el(_el(root, ns, "CodeBook"), ns, "Codes"), ns, books, True)
    # A survey column may share its name with a document variable; the variable is one.
    kinds = {name: VARIABLE_TYPES.get(kind, "Text") for name, kind, _ in snap.variables}
    if snap.variables:
        holder = _el(root, ns, "Variables")
        for name, _, scope in snap.variables:
            variable = _el(holder, ns, "Variable", guid=variable_guid(name), name=name, typeOfVariable=kinds[name])
            _el(variable, ns, "Description", f"{'Respondent' if scope == 'respondent' else 'Document'} metadata")

    sources = {d.id: source_guid(d.name, d.text) for d in snap.documents}
    spans = _selections(snap)
    notes, refs = _notes(snap, spans, sources)
    by_respondent = _respondent_selections(snap, spans, sources)
    memos = dict(notes)
    cases, holder = _el(root, ns, "Cases"), _el(root, ns, "Sources")
    case_names: set[str] = set()

    def case(name: str, document: str, key: tuple, values: list[tuple[str, object]]) -> etree._Element:
        unique = name if name not in case_names else f"{name} ({document})"  # informant R1, respondent R1
        case_names.add(unique)
        element = _el(cases, ns, "Case", guid=guid("case", *key), name=unique)
        for variable, value in values:
            _value(element, variable, kinds[variable], value)
        return element

    files: dict[str, str] = {}
    for doc in snap.documents:
        source = sources[doc.id]
        files[f"{source}.txt"] = doc.text
        element = _text_source(holder, doc, source, spans, refs, memos)
        values = [(name, doc.meta[name]) for name in kinds if doc.meta.get(name) not in (None, "")]
        for name, value in values:
            _value(element, name, kinds[name], value)
        if doc.kind != "survey" and values:  # the informant
            _el(case(str(doc.meta.get("informant") or doc.name), doc.name, (source,), values),
                ns, "SourceRef", targetGUID=source)
        for respondent in sorted((r for r in snap.respondents.values() if r.document_id == doc.id), key=lambda r: r.id):
            answers = [(name, respondent.meta[name]) for name in kinds if respondent.meta.get(name) not in (None, "")]
            if answers or by_respondent[respondent.id]:
                element = case(respondent.external_id, doc.name, (source, respondent.external_id), answers)
                for sel_guid in by_respondent[respondent.id]:
                    _el(element, ns, "SelectionRef", targetGUID=sel_guid)
    for empty in (cases, holder):
        if not len(empty):
            root.remove(empty)
    if notes:
        holder = _el(root, ns, "Notes")
        for note, memo in notes:
            element = _el(holder, ns, "Note", guid=note, name=_snippet(memo.text, 50),
                          creatingUser=user_guid(memo.coder), creationDateTime=xml_datetime(memo.created_at),
                          modifiedDateTime=xml_datetime(memo.updated_at))
            _el(element, ns, "PlainTextContent", memo.text)
        for note in refs.get(("project",), []):
            _el(root, ns, "NoteRef", targetGUID=note)
    return root, files


def _zip_info(name: str, moment: datetime | None) -> zipfile.ZipInfo:
    stamp = utc(moment).timetuple()[:6] if moment else (1980, 1, 1, 0, 0, 0)
    info = zipfile.ZipInfo(name, date_time=stamp)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def _check(root: etree._Element, kind: str, out: Path) -> bytes:
    errors = schema_errors(root, kind)
    if errors:  # a bug in qualcode, not in the user's data: say so rather than write a bad file
        raise ExchangeError(f"{out}: the {kind} qualcode built does not validate against the REFI-QDA schema "
                            f"({errors[0]}). Nothing was written; please report this.")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def export_qdpx(project: Project, out: Path, *, statuses: tuple[str, ...] = (Status.SUGGESTED, Status.ACCEPTED),
                codebooks: list[str] | None = None, pseudonymiser: Pseudonymiser | None = None) -> ExportReport:
    """Write the project as a REFI-QDA ``.qdpx`` (see the module docstring)."""
    out = Path(out)
    snap = read_snapshot(project, statuses, codebooks, pseudonymiser)
    root, files = project_element(snap)
    data = _check(root, "project", out)
    moment = datetime.fromisoformat(root.get("modifiedDateTime").replace("Z", "+00:00")) \
        if root.get("modifiedDateTime") else None
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(_zip_info("project.qde", moment), data)
        for name in sorted(files):
            archive.writestr(_zip_info(f"sources/{name}", moment), files[name].encode("utf-8"))
    ns = {"q": PROJECT_NS}
    report = ExportReport(out, sources=len(files), codes=len(root.findall(".//q:Code[@isCodable='true']", ns)),
                          codebooks=len(root.findall(".//q:Code[@isCodable='false']", ns)),
                          codings=len(root.findall(".//q:Coding", ns)), notes=len(root.findall(".//q:Note", ns)),
                          users=snap.coders, left_out=list(snap.notes))
    report.left_out.append("codebook rules (terms, phrases, patterns, exclusions) have no place in REFI-QDA; "
                           "the codes keep their names, colours, descriptions and hierarchy")
    if Status.REJECTED not in statuses:
        report.left_out.append("rejected suggestions")
    return report


def codebook_element(codebooks: list[Codebook]) -> etree._Element:
    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS}, origin=f"qualcode {__version__}")
    add_codes(_el(root, CODEBOOK_NS, "Codes"), CODEBOOK_NS, codebooks, len(codebooks) > 1)
    return root


def export_qdc(project: Project, out: Path, codebooks: list[str] | None = None) -> ExportReport:
    """Write the project's codebooks (all, or those ``codebooks`` names) as a REFI-QDA ``.qdc``."""
    out = Path(out)
    books = [b for b in stored_codebooks(project, codebooks) if b.categories]
    if not books:
        raise ExchangeError(f"{project.location}: there is no codebook to export. Code the project first: "
                            f"qualcode code PROJECT --codebook FILE.yaml")
    root = codebook_element(books)
    data = _check(root, "codebook", out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return ExportReport(out, codes=sum(len(b.categories) for b in books), codebooks=len(books) if len(books) > 1 else 0,
                        left_out=["codebook rules (terms, phrases, patterns, exclusions) have no place in REFI-QDA"])
