"""Codebooks stored in the project: the YAML as written, its parsed form, and every version.

>>> codebook = codebook_from(project, "elevutbytte")                  # doctest: +SKIP
>>> codebook = codebook_from(project, "codebooks/elevutbytte.yaml")   # doctest: +SKIP
>>> [v.summary for v in versions(project, "elevutbytte")]             # doctest: +SKIP
['read from codebooks/elevutbytte.yaml', "term 'tysk' added to sprakferdigheter"]

A project is the whole project: once a codebook has been used, the project holds it, and
every command takes its id. Each change (a changed file given to ``qualcode code``, a term
added in the app, an import, an undo) is a new version saying who, when and what; the newest
is the current one, mirrored in ``codebooks.definition`` and ``categories``.
"""

from __future__ import annotations

import difflib
import getpass
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, func, insert, select, update

from qualcode.store import schema
from qualcode.store.project import Project, ProjectError, now
from qualcode.store.values import VersionAction
from qualcode.tagging.codebook import Codebook, CodebookError, load_codebook

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
AFTER_CURRENT = object()  # a new version is made from the current one
NO_PARENT = object()  # … or from nothing earlier (an undo back to the first version)


class CodebookNotStored(ProjectError):
    """A codebook id the project does not hold (yet); the message says which file to give once."""


@dataclass(frozen=True)
class CodebookVersion:
    """One version of a stored codebook."""

    key: str
    number: int
    parent: int | None
    yaml: str
    definition: dict
    author: str | None
    action: str
    summary: str
    source: str | None
    created_at: datetime


@dataclass(frozen=True)
class StoredCodebook:
    """A line of ``qualcode codebook list``."""

    key: str
    name: str
    categories: int
    versions: int
    current: int | None
    updated_at: datetime | None


def default_author() -> str:
    """Who is making a change from the command line: the login name."""
    try:
        return getpass.getuser()
    except Exception:  # no login name (a container without a passwd entry): still record the change
        return "unknown"


# -- reading -----------------------------------------------------------------------------------

def _version(key: str, row) -> CodebookVersion:
    return CodebookVersion(key, row.number, row.parent, row.yaml, row.definition, row.author, row.action,
                           row.summary, row.source, row.created_at)


def _versions(conn: Connection, key: str) -> list[CodebookVersion]:
    cb, v = schema.codebooks, schema.codebook_versions
    rows = conn.execute(select(v).join(cb, cb.c.id == v.c.codebook_id).where(cb.c.key == key).order_by(v.c.number)).all()
    return [_version(key, row) for row in rows]


def versions(project: Project, key: str) -> list[CodebookVersion]:
    """Every version of codebook ``key``, oldest first (empty when it is not stored)."""
    with project.read() as conn:
        return _versions(conn, key)


def _keys(conn: Connection) -> list[str]:
    return list(conn.execute(select(schema.codebooks.c.key).order_by(schema.codebooks.c.id)).scalars())


def list_codebooks(project: Project) -> list[StoredCodebook]:
    """The project's codebooks in the order they were added, with their version counts."""
    cb, cat, v = schema.codebooks, schema.categories, schema.codebook_versions
    with project.read() as conn:
        counts = dict(conn.execute(select(cat.c.codebook_id, func.count()).where(cat.c.active.is_(True))
                                   .group_by(cat.c.codebook_id)).all())
        latest = {row.codebook_id: row for row in conn.execute(
            select(v.c.codebook_id, func.count().label("n"), func.max(v.c.number).label("current"),
                   func.max(v.c.created_at).label("at")).group_by(v.c.codebook_id))}
        rows = conn.execute(select(cb.c.id, cb.c.key, cb.c.name).order_by(cb.c.id)).all()
    return [StoredCodebook(row.key, row.name, counts.get(row.id, 0),
                           latest[row.id].n if row.id in latest else 0,
                           latest[row.id].current if row.id in latest else None,
                           latest[row.id].at if row.id in latest else None) for row in rows]


def _not_stored(project: Project, conn: Connection, key: str) -> CodebookNotStored:
    cb = schema.codebooks
    row = conn.execute(select(cb.c.source_path).where(cb.c.key == key)).first()
    if row is not None:
        recorded = row.source_path or f"{key}.yaml"
        return CodebookNotStored(
            f"{project.location}: codebook '{key}' was coded from {recorded}, which was not found when the project "
            f"was upgraded. Give that file once: qualcode code {project.location} --codebook {recorded}")
    known = ", ".join(_keys(conn)) or "none yet"
    return CodebookNotStored(
        f"{project.location}: no codebook '{key}' in this project (it has: {known}). Give its YAML file once: "
        f"qualcode code {project.location} --codebook FILE.yaml")


def stored_codebook(project: Project, key: str, version: int | None = None) -> Codebook:
    """Codebook ``key`` as stored (the current version, or ``version``), with its YAML text."""
    with project.read() as conn:
        found = _versions(conn, key)
        if not found:
            raise _not_stored(project, conn, key)
    chosen = found[-1] if version is None else next((v for v in found if v.number == version), None)
    if chosen is None:
        raise CodebookNotStored(f"{project.location}: codebook '{key}' has versions 1–{found[-1].number}, "
                                f"not {version}. See: qualcode codebook history {project.location} {key}")
    return Codebook.model_validate({**chosen.definition, "source": f"{key} (version {chosen.number})",
                                    "text": chosen.yaml})


def stored_codebooks(project: Project, keys: list[str] | None = None) -> list[Codebook]:
    """The project's codebooks as last stored (coding, an import or an edit), in the order they
    were added; ``keys`` picks and orders some of them.

    Their parsed form is enough here (exports, counts), so a codebook whose file was missing
    when the project was upgraded is still listed.
    """
    cb = schema.codebooks
    with project.read() as conn:
        rows = conn.execute(select(cb.c.key, cb.c.definition, cb.c.source_path).order_by(cb.c.id)).all()
        by_key = {row.key: row for row in rows}
        if keys is not None:
            missing = [k for k in keys if k not in by_key]
            if missing:
                raise _not_stored(project, conn, missing[0])
            rows = [by_key[k] for k in keys]
    # Validation proper (a rule per category) lives in parse_codebook; the model itself accepts
    # imported codebooks whose categories have no rules yet.
    return [Codebook.model_validate({**row.definition, "source": row.source_path}) for row in rows]


def is_codebook_id(spec: str | Path) -> bool:
    """``elevutbytte`` is an id; ``codebooks/elevutbytte.yaml`` or ``kodebok.yml`` is a file."""
    return bool(_ID.match(str(spec)))


def codebook_from(project: Project | None, spec: str | Path) -> Codebook:
    """The codebook a command was given: a stored codebook's id, or a YAML file.

    An id (lower-case letters, digits and _) is looked up in the project; anything else is a
    file path. The same rule holds for every command, whatever the working directory.
    """
    if not is_codebook_id(spec):
        return load_codebook(spec)
    if project is None:
        raise CodebookError(f"'{spec}' is a codebook id, and there is no project to look it up in; "
                            f"give the YAML file instead (e.g. codebooks/{spec}.yaml).")
    return stored_codebook(project, str(spec))


# -- writing -----------------------------------------------------------------------------------

def describe_change(old: dict | None, new: dict) -> str:
    """What changed between two parsed codebooks, in a line a person reads in the history."""
    if old is None:
        return "first version"
    parts: list[str] = []
    before = {c["id"]: c for c in old.get("categories", [])}
    after = {c["id"]: c for c in new.get("categories", [])}
    for key in after.keys() - before.keys():
        parts.append(f"category '{key}' added")
    for key in before.keys() - after.keys():
        parts.append(f"category '{key}' removed")
    for key in [k for k in after if k in before]:
        a, b = before[key], after[key]
        for field in ("terms", "compound_terms", "phrases", "exclude"):
            added = [t for t in b.get(field, []) if t not in a.get(field, [])]
            gone = [t for t in a.get(field, []) if t not in b.get(field, [])]
            parts += [f"{field} '{t}' added to {key}" for t in added]
            parts += [f"{field} '{t}' removed from {key}" for t in gone]
        for field in ("label", "color", "description", "parent", "patterns", "examples"):
            if a.get(field) != b.get(field):
                parts.append(f"{field} of {key} changed")
    for field in ("name", "version", "description", "language", "polarity"):
        if old.get(field) != new.get(field):
            parts.append(f"codebook {field} changed")
    if [c["id"] for c in old.get("categories", [])] != [c["id"] for c in new.get("categories", [])] and not any(
            "category" in p for p in parts):
        parts.append("categories reordered")
    if not parts:
        return "layout or comments changed"
    return "; ".join(parts[:8]) + (f" (and {len(parts) - 8} more)" if len(parts) > 8 else "")


def _text_for(codebook: Codebook, previous: CodebookVersion | None) -> str:
    """YAML for a codebook that came without text (an import): the previous version's text
    brought up to date when there is one, so its comments stay; else written fresh."""
    if codebook.text is not None:
        return codebook.text
    if previous is not None:
        from qualcode.tagging.edit import synced_text

        return synced_text(previous.yaml, codebook)
    from qualcode.tagging.codebook_yaml import codebook_yaml

    return codebook_yaml(codebook, codebook.source or "qualcode")


def _action(codebook: Codebook) -> str:
    """How a codebook without an explicit action came: read from a file, imported, or edited."""
    suffix = Path(codebook.source).suffix.lower() if codebook.source else ""
    if suffix in (".qdc", ".qdpx") and codebook.text is None:
        return "import"
    return "file" if codebook.text is not None and suffix else "edit"


def record_version(conn: Connection, codebook_id: int, codebook: Codebook, *, author: str | None = None,
                   action: str | None = None, summary: str | None = None,
                   parent: int | None | object = AFTER_CURRENT) -> CodebookVersion | None:
    """Add a version of codebook ``codebook_id`` when its text or content differs from the current one.

    ``parent`` is the version this one counts as made from (what an undo goes back to): by
    default the current one; an undo passes the parent of the version it restores.
    """
    key = codebook.id
    found = _versions(conn, key)
    current = found[-1] if found else None
    definition = codebook.model_dump(mode="json")
    text = _text_for(codebook, current)
    if current is not None and current.yaml == text and current.definition == definition:
        return None
    action = VersionAction(action or _action(codebook))  # refuses a word the CHECK constraint would refuse
    if summary is None:
        summary = describe_change(current.definition if current else None, definition)
        if action in ("file", "import"):
            summary = f"{'read' if action == 'file' else 'imported'} from {codebook.source}" + (
                "" if current is None else f": {summary}")
    number = (current.number if current else 0) + 1
    if parent is AFTER_CURRENT:
        parent = current.number if current else None
    elif parent is NO_PARENT:
        parent = None
    values = {"codebook_id": codebook_id, "number": number, "parent": parent,
              "yaml": text, "definition": definition, "author": author, "action": action, "summary": summary,
              "source": codebook.source if action in ("file", "import") else None, "created_at": now()}
    conn.execute(insert(schema.codebook_versions).values(**values))
    return CodebookVersion(key, number, values["parent"], text, definition, author, action, summary,
                           values["source"], values["created_at"])


def save_codebook(conn: Connection, codebook: Codebook, *, author: str | None = None, action: str | None = None,
                  summary: str | None = None, parent: int | None | object = None) -> dict[str, int]:
    """Store ``codebook`` as the current version of its id (a new version when it changed) and its
    categories; return category id by key.

    A category removed from the codebook is kept (inactive) so codings that use it survive.
    """
    cb, cat = schema.codebooks, schema.categories
    definition = codebook.model_dump(mode="json")
    row = conn.execute(select(cb.c.id).where(cb.c.key == codebook.id)).first()
    values = {"name": codebook.name, "version": codebook.version, "definition": definition, "updated_at": now()}
    if _action(codebook) in ("file", "import"):
        values["source_path"] = codebook.source  # for the record: where it was last read from
    if row is None:
        codebook_id = conn.execute(insert(cb).values(key=codebook.id, **values)).inserted_primary_key[0]
    else:
        codebook_id = row.id
        conn.execute(update(cb).where(cb.c.id == codebook_id).values(**values))
    record_version(conn, codebook_id, codebook, author=author, action=action, summary=summary,
                   parent=AFTER_CURRENT if parent is None else parent)
    existing = {r.key: r.id for r in conn.execute(select(cat.c.key, cat.c.id).where(cat.c.codebook_id == codebook_id))}
    ids = {}
    for position, category in enumerate(codebook.categories):
        values = {"label": category.label, "color": category.color, "description": category.description,
                  "parent_key": category.parent, "position": position, "active": True}
        if category.id in existing:
            conn.execute(update(cat).where(cat.c.id == existing[category.id]).values(**values))
            ids[category.id] = existing[category.id]
        else:
            ids[category.id] = conn.execute(insert(cat).values(codebook_id=codebook_id, key=category.id, **values)).inserted_primary_key[0]
    gone = set(existing) - set(ids)
    if gone:
        conn.execute(update(cat).where(cat.c.id.in_([existing[k] for k in gone])).values(active=False))
    return ids


def undo_target(project: Project, key: str) -> CodebookVersion | None:
    """The version an undo of codebook ``key``'s last change goes back to (None: nothing to undo)."""
    found = versions(project, key)
    if not found or found[-1].parent is None:
        return None
    return next((v for v in found if v.number == found[-1].parent), None)


def undo_last_change(project: Project, key: str, author: str | None = None) -> Codebook:
    """Go back to the version before codebook ``key``'s last change, as a new version.

    The history keeps everything: the undo is itself a version, and a second undo goes one
    change further back. Returns the codebook now current (re-code with it).
    """
    target = undo_target(project, key)
    if target is None:
        raise CodebookNotStored(f"{project.location}: codebook '{key}' has no change to undo.")
    current = versions(project, key)[-1]
    codebook = Codebook.model_validate({**target.definition, "source": f"{key} (version {target.number})",
                                        "text": target.yaml})
    with project.transaction() as conn:
        save_codebook(conn, codebook, author=author, action="undo", parent=NO_PARENT if target.parent is None else target.parent,
                      summary=f"undo of version {current.number} ({current.summary}); back to version {target.number}")
    return stored_codebook(project, key)


def codebook_diff(project: Project, key: str, old: int | None = None, new: int | None = None) -> str:
    """A unified diff of the YAML of two versions (default: the one before the current, and the current)."""
    found = {v.number: v for v in versions(project, key)}
    if not found:
        with project.read() as conn:
            raise _not_stored(project, conn, key)
    new = new or max(found)
    old = old or max((n for n in found if n < new), default=new)
    for number in (old, new):
        if number not in found:
            raise CodebookNotStored(f"{project.location}: codebook '{key}' has no version {number} "
                                    f"(it has 1–{max(found)}).")
    return "".join(difflib.unified_diff(found[old].yaml.splitlines(keepends=True), found[new].yaml.splitlines(keepends=True),
                                        f"{key} version {old}", f"{key} version {new}"))


def edit_stored_codebook(project: Project, key: str, edit, *, author: str | None = None, action: str = "app") -> Codebook:
    """Apply ``edit(text) -> (text, codebook)`` (see :mod:`qualcode.tagging.edit`) to codebook
    ``key``'s current YAML and store the result as a new version; returns the new codebook."""
    current = stored_codebook(project, key)
    text, codebook = edit(current.text)
    if codebook.id != key:
        raise CodebookError(f"{key}: an edit cannot change the codebook's id (to '{codebook.id}').")
    codebook = codebook.model_copy(update={"text": text, "source": key})
    with project.transaction() as conn:
        save_codebook(conn, codebook, author=author, action=action)
    return stored_codebook(project, key)
