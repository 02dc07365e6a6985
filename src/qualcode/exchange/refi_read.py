"""Read a REFI-QDA file (``.qdc`` codebook or ``.qdpx`` project) into plain data, checking it whole.

>>> refi = read_refi(Path("fra_nvivo.qdpx"))       # doctest: +SKIP
>>> [s.name for s in refi.sources], refi.dropped     # doctest: +SKIP

Everything that can be wrong with the file is found here, before an import writes anything: a
zip without ``project.qde``, XML that fails the REFI-QDA schema, a missing source file, a
selection outside its text. ``dropped`` lists what the file holds that qualcode does not keep.
Offsets are Unicode code points from 0, end exclusive, in the text as qualcode stores it
(Windows line ends become ``\\n`` and the offsets move with them).
"""

from __future__ import annotations

import zipfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from lxml import etree

from qualcode.exchange.common import CODEBOOK_NS, PROJECT_NS, ExchangeError, parse_xml_datetime, schema_errors
from qualcode.limits import LimitError, check_size, check_xml_tree, check_zip, read_member
from qualcode.store.line_ends import LineEnds

_VALUE_TAGS = ("TextValue", "BooleanValue", "IntegerValue", "FloatValue", "DateValue", "DateTimeValue")
_OTHER_SOURCES = {"PictureSource": "picture", "PDFSource": "PDF", "AudioSource": "audio", "VideoSource": "video"}


@dataclass
class RefiCode:
    guid: str
    name: str
    codable: bool
    color: str | None
    description: str
    children: list[RefiCode] = field(default_factory=list)


@dataclass
class RefiCoding:
    guid: str
    code: str  # the code's GUID
    user: str | None  # user GUID
    created: datetime | None
    notes: list[str] = field(default_factory=list)


@dataclass
class RefiSelection:
    guid: str
    start: int
    end: int
    user: str | None
    created: datetime | None
    description: str
    codings: list[RefiCoding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class InvalidSelection:
    """A selection that does not fit its source's text: where it is, what it codes and why."""

    source: str  # the source's name
    guid: str
    start: int
    end: int
    codes: list[str]  # names of the codes on it
    why: str

    def __str__(self) -> str:
        codes = ", ".join(f"'{c}'" for c in self.codes) or "no code"
        return f"source '{self.source}', {self.start}–{self.end}, {codes}: {self.why}"


@dataclass
class RefiSource:
    guid: str
    name: str
    text: str
    description: str
    user: str | None  # user GUID
    created: datetime | None
    selections: list[RefiSelection] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    values: dict[str, object] = field(default_factory=dict)  # variable GUID → value


@dataclass
class RefiNote:
    guid: str
    name: str
    text: str
    user: str | None
    created: datetime | None


@dataclass
class RefiFile:
    """A REFI-QDA file as plain data; ``kind`` is ``codebook`` or ``project``."""

    path: Path
    kind: str
    origin: str
    codes: list[RefiCode]
    users: dict[str, str] = field(default_factory=dict)  # GUID → name
    variables: dict[str, tuple[str, str]] = field(default_factory=dict)  # GUID → (name, REFI type)
    sources: list[RefiSource] = field(default_factory=list)
    notes: dict[str, RefiNote] = field(default_factory=dict)
    case_values: dict[str, dict[str, object]] = field(default_factory=dict)  # source GUID → variable GUID → value
    project_notes: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    invalid: list[InvalidSelection] = field(default_factory=list)  # skipped (only with skip_invalid)

    def all_codes(self) -> list[RefiCode]:
        result, stack = [], list(reversed(self.codes))
        while stack:
            code = stack.pop()
            result.append(code)
            stack.extend(reversed(code.children))
        return result


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if _local(child) == name]


def _child_text(element: etree._Element, name: str) -> str:
    found = _children(element, name)
    return (found[0].text or "").strip() if found else ""


def _parse(data: bytes, where: str, kind: str) -> etree._Element:
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    except etree.XMLSyntaxError as exc:
        raise ExchangeError(f"{where} line {exc.lineno}: not well-formed XML ({exc.msg}). "
                            f"Export the file again from the program that made it.") from None
    try:
        check_xml_tree(root, where)  # deep nesting and entity references end in errors the user cannot act on
    except LimitError as exc:
        raise ExchangeError(str(exc)) from None
    expected = PROJECT_NS if kind == "project" else CODEBOOK_NS
    namespace = etree.QName(root).namespace
    if namespace != expected:
        raise ExchangeError(f"{where}: the XML namespace is '{namespace}', not '{expected}'. qualcode reads "
                            f"REFI-QDA 1.0–1.5 files; export again choosing the current REFI-QDA format.")
    try:
        errors = schema_errors(root, kind)
    except etree.XMLSchemaValidateError as exc:  # libxml2 gives up on some inputs ("Internal error")
        raise ExchangeError(f"{where}: the REFI-QDA schema check could not be completed ({exc}). Export the file "
                            f"again from the program that made it.") from None
    if errors:
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise ExchangeError(f"{where} {errors[0]}{more}. The file does not follow the REFI-QDA schema; "
                            f"export it again, or ask the program's makers about it.")
    return root


def _codes(element: etree._Element, dropped: Counter) -> list[RefiCode]:
    result = []
    for code in _children(element, "Code"):
        dropped["notes on codes"] += len(_children(code, "NoteRef"))
        result.append(RefiCode(code.get("guid"), code.get("name", "").strip() or "(uten navn)",
                               code.get("isCodable", "true").strip() in ("true", "1"), code.get("color"),
                               _child_text(code, "Description"), _codes(code, dropped)))
    return result


def _value(holder: etree._Element) -> tuple[str, object] | None:
    refs = _children(holder, "VariableRef")
    for tag in _VALUE_TAGS:
        found = _children(holder, tag)
        if refs and found and found[0].text is not None:
            text = found[0].text.strip()
            if tag == "IntegerValue":
                return refs[0].get("targetGUID"), int(text)
            if tag == "FloatValue":
                return refs[0].get("targetGUID"), float(text)
            if tag == "BooleanValue":
                return refs[0].get("targetGUID"), text in ("true", "1")
            return refs[0].get("targetGUID"), text
    return None


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExchangeError(f"{where}: not UTF-8 text (byte {exc.start}). REFI-QDA sources are UTF-8; "
                            f"export the project again.") from None


class _Zip:
    """The ``.qdpx`` archive; ``sources/`` is looked up case-insensitively, as some programs write ``Sources/``."""

    def __init__(self, path: Path) -> None:
        try:
            self.archive = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as exc:
            reason = "no such file" if isinstance(exc, FileNotFoundError) else "not a zip archive"
            raise ExchangeError(f"{path}: {reason}. A .qdpx file is the zip a REFI-QDA export writes; "
                                f"check that you picked the right file.") from None
        self.path = path
        try:
            check_zip(self.archive, path)
        except LimitError as exc:
            raise ExchangeError(str(exc)) from None
        self.names = {name.lower(): name for name in self.archive.namelist()}

    def read(self, member: str) -> bytes:
        try:
            return read_member(self.archive, member, self.path)
        except LimitError as exc:
            raise ExchangeError(str(exc)) from None
        except (zipfile.BadZipFile, OSError, EOFError) as exc:  # a CRC or length that does not match
            raise ExchangeError(f"{self.path}: the member {member} is damaged ({exc}). Export the project again.") from None

    def project(self) -> tuple[str, bytes]:
        top = [n for n in self.archive.namelist() if "/" not in n.strip("/") and n.lower().endswith(".qde")]
        chosen = self.names.get("project.qde") or (top[0] if len(top) == 1 else None)
        if chosen is None:
            raise ExchangeError(f"{self.path}: holds no project.qde at its top level, so it is not a REFI-QDA "
                                f"project. Export the project again as REFI-QDA (.qdpx).")
        return chosen, self.read(chosen)

    def internal(self, url: str, where: str) -> bytes:
        name = PurePosixPath(url.split("internal://", 1)[1]).name
        member = self.names.get(f"sources/{name}".lower())
        if member is None:
            raise ExchangeError(f"{where}: refers to {url}, but sources/{name} is not in the file. "
                                f"The export is incomplete; export the project again.")
        return self.read(member)


def read_refi(path: Path, *, skip_invalid: bool = False) -> RefiFile:
    """Read and check a ``.qdc`` or ``.qdpx`` file (see the module docstring).

    A selection that does not fit its text is an error naming every such selection, unless
    ``skip_invalid`` (for files from other programs): then the rest is read and ``invalid``
    lists what was left out. A file qualcode wrote is refused either way, since a selection
    that does not fit there means the file was changed or damaged after the export.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".qdc":
        try:
            check_size(path, path.stat().st_size)
            data = path.read_bytes()
        except FileNotFoundError:
            raise ExchangeError(f"{path}: no such file.") from None
        except LimitError as exc:
            raise ExchangeError(str(exc)) from None
        root = _parse(data, str(path), "codebook")
        dropped: Counter = Counter()
        refi = RefiFile(path, "codebook", root.get("origin", ""), _codes(_children(root, "Codes")[0], dropped))
        _unique_code_guids(refi, str(path))
        if _children(root, "Sets"):
            dropped["code sets"] += len(_children(_children(root, "Sets")[0], "Set"))
        refi.dropped = _describe(dropped)
        return refi
    if suffix != ".qdpx":
        raise ExchangeError(f"{path}: qualcode imports REFI-QDA codebooks (.qdc) and projects (.qdpx), "
                            f"not '{path.suffix or path.name}'.")
    archive = _Zip(path)
    name, data = archive.project()
    where = f"{path} ({name})"
    root = _parse(data, where, "project")
    refi = _project(root, path, archive, where)
    _unique_code_guids(refi, where)
    if refi.invalid and (not skip_invalid or refi.origin.startswith("qualcode")):
        shown = "; ".join(str(i) for i in refi.invalid[:10])
        more = f"; and {len(refi.invalid) - 10} more" if len(refi.invalid) > 10 else ""
        several = len(refi.invalid) > 1
        count = f"{len(refi.invalid)} selections do not fit their text" if several else \
            "1 selection does not fit its text"
        if refi.origin.startswith("qualcode"):
            raise ExchangeError(f"{where}: {count} ({shown}{more}). The file was written by {refi.origin}, whose "
                                f"selections always fit, so it was changed or damaged after the export. Export the "
                                f"project again.")
        raise ExchangeError(f"{where}: {count} ({shown}{more}). To import everything else and leave "
                            f"{'these' if several else 'that one'} out, run the import again with --skip-invalid.")
    return refi


def _project(root: etree._Element, path: Path, archive: _Zip, where: str) -> RefiFile:
    dropped: Counter = Counter()
    books = _children(root, "CodeBook")
    codes = _codes(_children(books[0], "Codes")[0], dropped) if books else []
    refi = RefiFile(path, "project", root.get("origin", ""), codes)
    for users in _children(root, "Users"):
        for user in _children(users, "User"):
            refi.users[user.get("guid")] = (user.get("name") or user.get("id") or "").strip() or "unknown"
    for variables in _children(root, "Variables"):
        for variable in _children(variables, "Variable"):
            refi.variables[variable.get("guid")] = (variable.get("name", "").strip(), variable.get("typeOfVariable"))
    for notes in _children(root, "Notes"):
        for note in _children(notes, "Note"):
            text = _child_text(note, "PlainTextContent")
            if not text and note.get("plainTextPath", "").startswith("internal://"):
                text = _decode(archive.internal(note.get("plainTextPath"), f"{where} note {note.get('guid')}"),
                               note.get("plainTextPath")).strip()
            text = text or _child_text(note, "Description")
            refi.notes[note.get("guid")] = RefiNote(note.get("guid"), note.get("name", ""), text,
                                                    note.get("creatingUser") or note.get("modifyingUser"),
                                                    parse_xml_datetime(note.get("creationDateTime")))
            dropped["selections inside notes"] += len(_children(note, "PlainTextSelection"))
    refi.project_notes = [ref.get("targetGUID") for ref in _children(root, "NoteRef")]
    names = {code.guid: code.name for code in refi.all_codes()}
    for sources in _children(root, "Sources"):
        for element in sources:
            kind = _local(element)
            if kind == "TextSource":
                refi.sources.append(_text_source(element, archive, where, dropped, names, refi.invalid))
            elif kind in _OTHER_SOURCES:
                dropped[f"{_OTHER_SOURCES[kind]} sources (qualcode keeps text only)"] += 1
    for cases in _children(root, "Cases"):
        for case in _children(cases, "Case"):
            values = dict(v for v in (_value(h) for h in _children(case, "VariableValue")) if v)
            refs = [ref.get("targetGUID") for ref in _children(case, "SourceRef")]
            for ref in refs:
                refi.case_values.setdefault(ref, {}).update(values)
            if _children(case, "SelectionRef") or (values and not refs):
                dropped["cases of selections or of no source (e.g. survey respondents), with their variables"] += 1
            dropped["codes on cases"] += len(_children(case, "CodeRef"))
    for part, label in (("Links", "links"), ("Sets", "sets"), ("Graphs", "graphs")):
        for holder in _children(root, part):
            dropped[label] += len(holder)
    if _child_text(root, "Description"):
        dropped["the project description"] += 1
    refi.dropped = _describe(dropped)
    return refi


def _text_source(element: etree._Element, archive: _Zip, where: str, dropped: Counter, code_names: dict[str, str],
                 invalid: list[InvalidSelection]) -> RefiSource:
    name = (element.get("name") or "").strip() or element.get("guid")
    here = f"{where} source '{name}'"
    plain = element.get("plainTextPath")
    if _children(element, "PlainTextContent"):
        text = _children(element, "PlainTextContent")[0].text or ""
    elif plain and plain.startswith("internal://"):
        text = _decode(archive.internal(plain, here), f"{archive.path} {plain}")
    elif plain:
        raise ExchangeError(f"{here}: the text is outside the file ({plain}). Export the project again with "
                            f"the sources embedded.")
    else:
        raise ExchangeError(f"{here}: has neither PlainTextContent nor a plainTextPath, so it has no text.")
    if element.get("richTextPath"):
        dropped["formatted (.docx) versions of text sources; qualcode keeps the plain text"] += 1
    normal = LineEnds(text)
    source = RefiSource(element.get("guid"), name, normal.text, _child_text(element, "Description"),
                        element.get("creatingUser") or element.get("modifyingUser"),
                        parse_xml_datetime(element.get("creationDateTime")),
                        notes=[ref.get("targetGUID") for ref in _children(element, "NoteRef")],
                        values=dict(v for v in (_value(h) for h in _children(element, "VariableValue")) if v))
    dropped["codings of whole sources (not of a selection)"] += len(_children(element, "Coding"))
    for sel in _children(element, "PlainTextSelection"):
        start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
        why = (f"outside the text ({len(text)} characters)" if start < 0 or end > len(text)
               else "starts after it ends" if start > end else None)
        if why is not None:
            codes = [code_names.get(ref.get("targetGUID"), ref.get("targetGUID"))
                     for coding in _children(sel, "Coding") for ref in _children(coding, "CodeRef")]
            invalid.append(InvalidSelection(name, sel.get("guid"), start, end, codes, why))
            continue
        start, end = normal.start(start), normal.end(end)
        if start == end:
            dropped["empty selections"] += 1
            continue
        selection = RefiSelection(sel.get("guid"), start, end, sel.get("creatingUser") or sel.get("modifyingUser"),
                                  parse_xml_datetime(sel.get("creationDateTime")), _child_text(sel, "Description"),
                                  notes=[ref.get("targetGUID") for ref in _children(sel, "NoteRef")])
        for coding in _children(sel, "Coding"):
            ref = _children(coding, "CodeRef")[0]
            selection.codings.append(RefiCoding(coding.get("guid"), ref.get("targetGUID"), coding.get("creatingUser"),
                                                parse_xml_datetime(coding.get("creationDateTime")),
                                                [n.get("targetGUID") for n in _children(coding, "NoteRef")]))
        source.selections.append(selection)
    return source


def _unique_code_guids(refi: RefiFile, where: str) -> None:
    """Refuse two codes with one GUID: codings would silently land on whichever came last."""
    seen: dict[str, str] = {}
    for code in refi.all_codes():
        if code.guid in seen:
            raise ExchangeError(f"{where}: two codes have the GUID {code.guid} ('{seen[code.guid]}' and "
                                f"'{code.name}'), so it is unclear which one its codings belong to. Nothing was "
                                f"imported; export the file again, or ask the program's makers about it.")
        seen[code.guid] = code.name


def _describe(dropped: Counter) -> list[str]:
    return [f"{n} {what}" for what, n in dropped.items() if n]
