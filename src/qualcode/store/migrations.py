"""Schema migrations: ``MIGRATIONS[n]`` brings a project from schema n-1 to n.

Each runs inside the transaction that also records the new version, so a failed migration
leaves the file as it was. On SQLite, foreign keys are off while they run and checked in full
before that transaction commits.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import CheckConstraint, Connection, Table, bindparam, func, select, text, update

from qualcode.store import schema
from qualcode.store.line_ends import LineEnds


def _v2_parse_cache(conn: Connection) -> None:
    """Version 2 caches parsed Docs so re-coding after a codebook edit needs no re-parse."""
    schema.parse_cache.create(conn, checkfirst=True)


def _v3_models(conn: Connection) -> None:
    """Version 3 keeps trained code models inside the project instead of files beside it."""
    schema.models.create(conn, checkfirst=True)


STALE_PICKLE = ("was stored by qualcode 0.2 as a pickle, a format that can run code when loaded, so it is never "
                "loaded")


def _v4_models_without_pickle(conn: Connection) -> None:
    """Version 4 stores code models as arrays (see ``CodeModel.to_bytes``), never as a pickle.

    Every model stored before is a joblib pickle, which could run code when loaded: the blob is
    dropped without being read and the row marked stale, so ``load_model`` says to train again
    (the decisions it learnt from are in the project).
    """
    m = schema.models
    for key, about in conn.execute(select(m.c.codebook_key, m.c.about)).all():
        about = dict(about) if isinstance(about, dict) else {}
        conn.execute(update(m).where(m.c.codebook_key == key).values(data=b"", about={**about, "stale": STALE_PICKLE}))


def _v5_line_ends(conn: Connection) -> None:
    """Version 5 stores every text with ``\\n`` line ends, as REFI-QDA clients read them.

    Older versions kept a ``\\r\\n`` typed inside a survey answer, so every offset after it
    pointed one character past where a client looks. The texts are normalised and the offsets
    of segments, codings and their evidence move with them; each coding keeps its words.
    """
    from qualcode.ingest.store import text_hash  # ingest builds on store; only this migration reaches up

    d, s, c = schema.documents, schema.segments, schema.codings
    for document_id, text in conn.execute(select(d.c.id, d.c.text).where(d.c.text.contains("\r"))).all():
        ends = LineEnds(text)
        conn.execute(update(d).where(d.c.id == document_id).values(text=ends.text))
        segments = []
        for row in conn.execute(select(s.c.id, s.c.start, s.c.end).where(s.c.document_id == document_id)):
            start, end = ends.start(row.start), ends.end(row.end)
            part = ends.text[start:end]
            segments.append({"b_id": row.id, "b_start": start, "b_end": end, "b_text": part,
                             "b_hash": text_hash(part)})
        if segments:
            conn.execute(update(s).where(s.c.id == bindparam("b_id")).values(
                start=bindparam("b_start"), end=bindparam("b_end"), text=bindparam("b_text"),
                text_hash=bindparam("b_hash")), segments)
        codings = [{"b_id": row.id, "b_start": ends.start(row.start), "b_end": ends.end(row.end),
                    "b_evidence": [[ends.start(e[0]), ends.end(e[1]), *e[2:]] for e in row.evidence]
                    if row.evidence else row.evidence}
                   for row in conn.execute(select(c.c.id, c.c.start, c.c.end, c.c.evidence)
                                           .join(s, s.c.id == c.c.segment_id).where(s.c.document_id == document_id))]
        if codings:
            conn.execute(update(c).where(c.c.id == bindparam("b_id")).values(
                start=bindparam("b_start"), end=bindparam("b_end"),
                evidence=bindparam("b_evidence", type_=c.c.evidence.type)), codings)


def _v6_checks(conn: Connection) -> None:
    """Version 6: status, source, kind and level are checked by the database (CHECK constraints),
    and ``meta.key`` holds ``coded:<codebook id>`` for the longest codebook id (VARCHAR 128)."""
    tables = [schema.documents, schema.segments, schema.codings, schema.decisions]
    for table in tables:
        for check in _checks(table):
            bad = conn.execute(select(func.count()).select_from(table)
                               .where(text(f"NOT ({check.sqltext})"))).scalar()
            if bad:
                raise ValueError(f"{bad} row(s) of table {table.name} break the rule {check.sqltext}; "
                                 "correct those values before opening the project with this qualcode.")
    if conn.dialect.name == "sqlite":
        for table in tables:  # SQLite lengths are not enforced; its CHECKs need the table rebuilt
            rebuild_sqlite_table(conn, table)
    else:
        conn.execute(text("ALTER TABLE meta ALTER COLUMN key TYPE VARCHAR(128)"))
        for table in tables:
            for check in _checks(table):
                # Plain DDL: AddConstraint would mark the shared Table's CHECK as created apart, and
                # every later CREATE TABLE of it in this process (an SQLite rebuild) would leave it out.
                conn.execute(text(f'ALTER TABLE "{table.name}" ADD CONSTRAINT "{check.name}" CHECK ({check.sqltext})'))


def _v7_users(conn: Connection) -> None:
    """Version 7 holds user accounts, so a team server can ask who is signing in."""
    schema.users.create(conn, checkfirst=True)


def _checks(table: Table) -> list[CheckConstraint]:
    return sorted((c for c in table.constraints if isinstance(c, CheckConstraint)), key=lambda c: str(c.name))


def rebuild_sqlite_table(conn: Connection, table: Table) -> None:
    """Give an SQLite table its current definition (CHECK constraints, say), keeping every row.

    SQLite cannot add a constraint to a table: the old table is renamed, the new one created
    and filled, the old one dropped. This needs foreign keys off (``Project._migrate`` turns them
    off around the migration and checks them all before it commits), or dropping the old table
    would cascade into the tables that point at it. ``legacy_alter_table`` keeps the other
    tables' foreign keys naming the table, not the renamed old copy.
    """
    old = f"_old_{table.name}"
    conn.exec_driver_sql("PRAGMA legacy_alter_table = ON")
    try:
        conn.exec_driver_sql(f'ALTER TABLE "{table.name}" RENAME TO "{old}"')
    finally:
        conn.exec_driver_sql("PRAGMA legacy_alter_table = OFF")
    for index in table.indexes:
        conn.exec_driver_sql(f'DROP INDEX IF EXISTS "{index.name}"')
    table.create(conn)
    columns = ", ".join(f'"{c.name}"' for c in table.columns)
    conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({columns}) SELECT {columns} FROM "{old}"')
    conn.exec_driver_sql(f'DROP TABLE "{old}"')


def _v8_stored_codebooks(conn: Connection) -> None:
    """Version 8 holds each codebook whole (YAML with comments, every version) and the survey
    questions' settings, so a project needs no file beside it. Codebook files recorded by
    earlier versions are read once, from where they were."""
    schema.codebook_versions.create(conn, checkfirst=True)
    schema.questions.create(conn, checkfirst=True)
    database = conn.engine.url.database if conn.dialect.name == "sqlite" else None
    _store_recorded_codebooks(conn, Path(database).resolve() if database else None)


def _recorded_file(recorded: str, project_file: Path | None) -> Path | None:
    """The file at a path recorded by an older qualcode: as written (relative to the working
    directory it was coded from), or relative to the project's folder and the folder above."""
    path = Path(recorded)
    candidates = [path]
    if not path.is_absolute() and project_file is not None:
        candidates += [project_file.parent / path, project_file.parent.parent / path]
    return next((c for c in candidates if c.is_file()), None)


def _store_recorded_codebooks(conn: Connection, project_file: Path | None) -> None:
    """Read each codebook once from the path the project recorded and store it.

    When the file is there and still says what the project was coded with, its text is kept
    as written. When it has changed since, the version coded with is stored (the file can be
    given to ``qualcode code`` afterwards). When it is gone, nothing is stored and the first
    command that needs the codebook says which file to give.
    """
    from pydantic import ValidationError

    from qualcode.store.codebooks import record_version
    from qualcode.tagging.codebook import Codebook, CodebookError, parse_codebook

    cb = schema.codebooks
    for row in conn.execute(select(cb.c.id, cb.c.key, cb.c.definition, cb.c.source_path).order_by(cb.c.id)).all():
        recorded = row.source_path or ""
        try:
            coded = Codebook.model_validate(row.definition)
        except ValidationError:
            continue  # nothing usable was recorded: the first command that needs it asks for the file
        found = _recorded_file(recorded, project_file) if recorded.endswith((".yaml", ".yml")) else None
        if found is not None:
            try:
                from_file = parse_codebook(found.read_text(encoding="utf-8-sig"), str(found), complete=False)
            except (CodebookError, OSError, UnicodeDecodeError):
                from_file = None
            if from_file is not None and from_file.model_dump(mode="json") == row.definition:
                record_version(conn, row.id, from_file.model_copy(update={"source": recorded}), action="migration",
                               summary=f"read from {recorded} when the project was upgraded")
                continue
            from qualcode.tagging.codebook_yaml import codebook_yaml

            header = (f"# {coded.name}: the version this project was last coded with, stored when the project was\n"
                      f"# upgraded ({recorded} had changed since; its comments are not in this copy).\n")
            text = codebook_yaml(coded, recorded, header=header)
            record_version(conn, row.id, coded.model_copy(update={"text": text}), action="migration",
                           summary=f"as last coded; {recorded} has changed since (give it to qualcode code to store it)")
        elif not recorded.endswith((".yaml", ".yml")):
            # Imported from REFI-QDA: the project held all of it already.
            record_version(conn, row.id, coded.model_copy(update={"source": recorded or None}), action="migration",
                           summary="stored when the project was upgraded")


MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    2: _v2_parse_cache,
    3: _v3_models,
    4: _v4_models_without_pickle,
    5: _v5_line_ends,
    6: _v6_checks,
    7: _v7_users,
    8: _v8_stored_codebooks,
}
