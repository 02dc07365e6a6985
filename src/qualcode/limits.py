"""Limits on what qualcode reads from files other people made (see docs/security.md).

Codebooks, transcripts, survey exports and REFI-QDA files arrive by e-mail and shared drives.
A small file must not be able to take all memory or crash a reader: YAML with aliases
("billion laughs"), a zip member that inflates to gigabytes, XML nested thousands of levels
deep. Every reader checks its input against these limits *before* the expensive step and
refuses it with one :class:`LimitError` naming the file and the limit.

>>> load_yaml("rolle: rektor\\nskoletype: barneskole\\n", "intervju.meta.yaml")
{'rolle': 'rektor', 'skoletype': 'barneskole'}
>>> load_yaml("a: &x [1]\\nb: *x\\n", "kodebok.yaml")            # doctest: +SKIP
LimitError: kodebok.yaml line 1: YAML anchors and aliases (&name, *name) are not allowed …
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import yaml

MAX_YAML_BYTES = 2 * 2**20  # a codebook or metadata file; the shipped codebooks are under 50 KB
MAX_YAML_DEPTH = 32  # nested mappings and lists; a codebook needs 5
MAX_TEXT_BYTES = 32 * 2**20  # a transcript, document or survey file (.txt .md .csv); a 2-hour interview is ~150 KB
MAX_MEMBER_BYTES = 64 * 2**20  # one member of a zip container (.docx .xlsx .qdpx), uncompressed
MAX_ARCHIVE_BYTES = 256 * 2**20  # all members of one zip container together, uncompressed
MAX_MEMBERS = 10_000
MAX_RATIO = 200  # uncompressed / compressed size of a member above RATIO_FROM bytes; XML is 5-30
RATIO_FROM = 2**20
MAX_SURVEY_COLUMNS = 2_000  # a survey export's columns; real ones have tens to a few hundred
MAX_SURVEY_CELLS = 20_000_000  # rows x columns read from one survey sheet (100,000 respondents x 200 columns)
MAX_XML_DEPTH = 100  # nested elements in a REFI-QDA file; real code trees are under 10 levels deep


class LimitError(ValueError):
    """An input beyond one of the limits above; ``str()`` names the file, the place and the limit."""

    def __init__(self, source: str | Path, detail: str, *, line: int | None = None) -> None:
        self.source, self.detail, self.line = str(source), detail, line
        super().__init__(f"{source}{f' line {line}' if line else ''}: {detail}")

    @property
    def where_and_detail(self) -> str:
        """The message without the file name (for errors that add the file themselves)."""
        return f"{f'line {self.line}: ' if self.line else ''}{self.detail}"


def _mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB" if n >= 2**20 else f"{n} bytes"


def check_size(source: str | Path, size: int, limit: int = MAX_TEXT_BYTES, what: str = "file") -> None:
    """Refuse a ``size``-byte input above ``limit``."""
    if size > limit:
        raise LimitError(source, f"the {what} is {_mb(size)}, above qualcode's limit of {_mb(limit)} for one {what}. "
                                 f"Split it into smaller files.")


def check_yaml(text: str, source: str | Path) -> None:
    """Refuse YAML that is too large, nested too deep, or uses anchors/aliases.

    The event stream is read without building anything (PyYAML's parser is not recursive), so
    20,000 nested ``[`` cost no more than reading them.
    """
    check_size(source, len(text.encode("utf-8", "surrogatepass")), MAX_YAML_BYTES, "YAML file")
    try:
        _check_yaml_events(text, source, getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        # LibYAML stops at 1,000 open brackets with a scanner error; the pure-Python parser reads
        # on, so the depth limit (or the real syntax error, from the loader that follows) is reported.
        try:
            _check_yaml_events(text, source, yaml.SafeLoader)
        except yaml.YAMLError:
            return


def _check_yaml_events(text: str, source: str | Path, loader) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        line = event.start_mark.line + 1 if event.start_mark else None
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise LimitError(source, "YAML anchors and aliases (&name, *name) are not allowed in codebooks and "
                                     "metadata (they can make a small file expand without end). Write the values out.",
                             line=line)
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise LimitError(source, f"the YAML is nested more than {MAX_YAML_DEPTH} levels deep, qualcode's "
                                         f"limit. Check the brackets and indentation.", line=line)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def load_yaml(text: str, source: str | Path):
    """``yaml.safe_load(text)`` after :func:`check_yaml`."""
    check_yaml(text, source)
    return yaml.safe_load(text)


def check_zip(archive: zipfile.ZipFile, source: str | Path) -> None:
    """Refuse a zip container whose members (as declared) are too many, too large or too compressed.

    Python's zipfile never returns more bytes than a member declares (and checks the CRC), so
    checking the declared sizes bounds what any reader of the archive can inflate.
    """
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise LimitError(source, f"the archive has {len(members)} members, above qualcode's limit of {MAX_MEMBERS}.")
    total = 0
    for member in members:
        total += member.file_size
        if member.file_size > MAX_MEMBER_BYTES:
            raise LimitError(source, f"the member {member.filename} unpacks to {_mb(member.file_size)}, above "
                                     f"qualcode's limit of {_mb(MAX_MEMBER_BYTES)} for one member.")
        if member.file_size > RATIO_FROM and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise LimitError(source, f"the member {member.filename} unpacks to {_mb(member.file_size)} from "
                                     f"{_mb(member.compress_size)}, a compression ratio above qualcode's limit of "
                                     f"{MAX_RATIO} (a 'zip bomb').")
    if total > MAX_ARCHIVE_BYTES:
        raise LimitError(source, f"the archive unpacks to {_mb(total)}, above qualcode's limit of "
                                 f"{_mb(MAX_ARCHIVE_BYTES)}.")


def open_zip(data: bytes | Path, source: str | Path) -> zipfile.ZipFile:
    """A zip container checked by :func:`check_zip` (``zipfile.BadZipFile`` if it is not one)."""
    import io

    archive = zipfile.ZipFile(io.BytesIO(data) if isinstance(data, bytes) else data)
    check_zip(archive, source)
    return archive


def read_member(archive: zipfile.ZipFile, name: str, source: str | Path, limit: int = MAX_MEMBER_BYTES) -> bytes:
    """A member's bytes, read in blocks and stopped at ``limit`` whatever its header declares."""
    chunks, size = [], 0
    with archive.open(name) as handle:
        while block := handle.read(2**20):
            size += len(block)
            if size > limit:
                raise LimitError(source, f"the member {name} unpacks to more than {_mb(limit)}, qualcode's limit "
                                         f"for one member.")
            chunks.append(block)
    return b"".join(chunks)


def check_xml_tree(root, source: str | Path) -> None:
    """Refuse a parsed lxml tree nested deeper than :data:`MAX_XML_DEPTH` or holding entity references.

    An unresolved entity reference (``&x;`` declared in a DOCTYPE) is left in the tree by a
    parser that does not resolve entities, and the schema validator cannot handle it.
    """
    from lxml import etree

    depth = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        if event == "end":
            depth -= 1
            continue
        depth += 1
        if depth > MAX_XML_DEPTH:
            raise LimitError(source, f"the XML is nested more than {MAX_XML_DEPTH} elements deep, qualcode's limit.",
                             line=element.sourceline)
    for entity in root.iter(etree.Entity):
        raise LimitError(source, f"the XML uses the entity reference {entity.text}, which REFI-QDA files do not "
                                 f"use. Export the file again from the program that made it.", line=entity.sourceline)
