"""What every exchange format shares: stable GUIDs, REFI-QDA dates and schemas.

GUIDs are uuid5 of stable keys (a document's name and text, a codebook and category key, a span),
so exporting the same project twice gives the same GUIDs, and an import can recognise the
categories and documents of a file qualcode exported.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import uuid
from datetime import datetime, timezone
from functools import lru_cache
from importlib import resources

from lxml import etree

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
NAMESPACE = uuid.UUID("945448d1-0891-5813-a940-0f26350d4ffd")  # uuid5(URL, "…qualcode#refi-qda")


class ExchangeError(ValueError):
    """A file that cannot be imported or written; names the file and what to do. Nothing was saved."""


def guid(*parts: object) -> str:
    """A stable GUID for a thing identified by ``parts`` (``guid("code", "elevutbytte", "vennskap")``)."""
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(str(p) for p in parts)))


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def source_guid(name: str, text: str) -> str:
    return guid("source", name, text_digest(text))


def code_guid(codebook_key: str, category_key: str) -> str:
    return guid("code", codebook_key, category_key)


def codebook_guid(codebook_key: str) -> str:
    return guid("codebook", codebook_key)


def user_guid(name: str) -> str:
    return guid("user", name)


def variable_guid(name: str) -> str:
    return guid("variable", name)


def selection_guid(source: str, start: int, end: int, coder: str = "") -> str:
    """One selection per span and coder; ``coder`` empty for a selection nobody coded (an answer)."""
    return guid("selection", source, start, end, coder) if coder else guid("selection", source, start, end)


def coding_guid(selection: str, code: str, coder: str) -> str:
    return guid("coding", selection, code, coder)


def coding_memos(texts: list[str]) -> str:
    """A selection's ``Description``: the memos on its codings, which clients read as the
    coding's memo (qualcode writes them as notes too, and an import reads them once)."""
    return "\n\n".join(text.strip() for text in texts if text.strip())


def utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; qualcode stores UTC."""
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def xml_datetime(moment: datetime) -> str:
    """``2021-05-11T09:30:00Z``: whole seconds in UTC, as the spec's examples write them."""
    return utc(moment).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_xml_datetime(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return utc(moment)


_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a", "ß": "ss"})


def slug(text: str, taken: set[str] | None = None) -> str:
    """A codebook or category id from a name: ``"Språk og kultur"`` → ``"sprak_og_kultur"``.

    ``taken`` ids are avoided (``_2``, ``_3`` …) and the new id is added to it.
    """
    words = re.sub(r"[\W_]+", "_", text.translate(_FOLD).lower())
    folded = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "_", folded).strip("_")[:56] or "kode"
    if not base[0].isalpha():
        base = f"k_{base}"
    result, n = base, 2
    while taken is not None and result in taken:
        result, n = f"{base}_{n}", n + 1
    if taken is not None:
        taken.add(result)
    return result


@lru_cache(maxsize=2)
def _schema(kind: str) -> etree.XMLSchema:
    name = {"project": "Project.xsd", "codebook": "Codebook.xsd"}[kind]
    with resources.files("qualcode.exchange").joinpath("schemas", name).open("rb") as handle:
        return etree.XMLSchema(etree.parse(handle))


def schema_errors(document: etree._ElementTree | etree._Element, kind: str) -> list[str]:
    """The REFI-QDA schema's complaints about ``document`` (``kind``: project or codebook), as
    ``line N: message``; empty when it validates."""
    xsd = _schema(kind)
    if xsd.validate(document):
        return []
    return [f"line {e.line}: {e.message}" for e in xsd.error_log]
