"""Copy a whole project between SQLite and PostgreSQL, in either direction, and prove the copy.

Every table of the schema is copied, parents before children, in primary-key order, streamed in
batches from one consistent snapshot of the source; the destination is written in one
transaction. Before it commits, each table's row count and content digest in the destination
must equal the source's, or nothing is kept.

>>> report = copy_project(Project.open("evaluering.qualcode"), "postgresql://kari@db/evaluering")  # doctest: +SKIP
>>> [(t.name, t.rows) for t in report.tables][:2]                                                  # doctest: +SKIP
[('meta', 7), ('documents', 12)]
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Connection, DateTime, Float, Table, func, inspect, insert, select, text
from sqlalchemy.types import JSON, LargeBinary

from qualcode.store import schema
from qualcode.store.project import Project, ProjectError, _engine, display, project_url

BATCH = 2000


@dataclass(frozen=True)
class TableCopy:
    name: str
    rows: int
    digest: str  # SHA-256 over the rows in primary-key order, the same on both engines


@dataclass
class CopyReport:
    source: str
    destination: str
    tables: list[TableCopy] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


def copy_project(source: Project, destination: str | Path, *, force: bool = False,
                 progress: Callable[[str, int, int], None] | None = None) -> CopyReport:
    """Copy every table of ``source`` into ``destination`` (a file path or a database URL).

    A destination that holds rows is refused unless ``force``, which replaces its tables. The
    copy is checked table by table (row count and digest) before it commits.
    ``progress(table, rows_done, rows_total)`` is called after each batch.
    """
    url = project_url(destination)
    if url == source.engine.url:
        raise ProjectError(f"{display(str(destination))} is the source project itself; copy to another file or database.")
    new_file = url.get_backend_name() == "sqlite" and not Path(url.database).exists()
    if new_file:
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = _engine(url)
    report = CopyReport(str(source), display(str(destination)))
    try:
        held = _rows_held(engine)
        if held and not force:
            raise ProjectError(f"{display(str(destination))} is not empty ({held} rows in qualcode tables). Copy into an "
                               "empty database or a new file, or pass --force to replace what it holds.")
        with source.read() as src:
            totals = {t.name: src.execute(select(func.count()).select_from(t)).scalar() for t in schema.metadata.sorted_tables}
            with engine.begin() as dst:
                schema.metadata.drop_all(dst, checkfirst=True)
                schema.metadata.create_all(dst)
                for table in schema.metadata.sorted_tables:
                    rows, digest = _copy_table(src, dst, table, totals[table.name], progress)
                    report.tables.append(TableCopy(table.name, rows, digest))
                if dst.dialect.name == "postgresql":
                    _move_sequences(dst)
                for copied in report.tables:
                    _check(dst, schema.metadata.tables[copied.name], copied, display(str(destination)))
    except BaseException:
        engine.dispose()
        if new_file:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{url.database}{suffix}").unlink(missing_ok=True)
        raise
    engine.dispose()
    return report


def project_digests(project: Project) -> dict[str, tuple[int, str]]:
    """Each table's row count and content digest (what :func:`copy_project` compares)."""
    with project.read() as conn:
        return {t.name: _digest(t, _stream(conn, t)) for t in schema.metadata.sorted_tables}


def _rows_held(engine) -> int:
    names = set(inspect(engine).get_table_names())
    with engine.connect() as conn:
        return sum(conn.execute(select(func.count()).select_from(t)).scalar()
                   for t in schema.metadata.sorted_tables if t.name in names)


def _stream(conn: Connection, table: Table) -> Iterator[tuple]:
    ordered = select(table).order_by(*table.primary_key.columns)
    yield from conn.execution_options(yield_per=BATCH).execute(ordered)


def _copy_table(src: Connection, dst: Connection, table: Table, total: int,
                progress: Callable[[str, int, int], None] | None) -> tuple[int, str]:
    names = [c.name for c in table.columns]
    moments = [c.name for c in table.columns if isinstance(c.type, DateTime)]
    hasher, done, batch = hashlib.sha256(), 0, []

    def flush() -> None:
        nonlocal batch
        if batch:
            dst.execute(insert(table), batch)
            batch = []

    for row in _stream(src, table):
        hasher.update(_canonical(table, row))
        values = dict(zip(names, row))
        for name in moments:  # timestamps in UTC, whatever the server's time zone or SQLite's naive text
            values[name] = _utc(values[name])
        batch.append(values)
        done += 1
        if len(batch) >= BATCH:
            flush()
            if progress:
                progress(table.name, done, total)
    flush()
    if progress:
        progress(table.name, done, total)
    return done, hasher.hexdigest()


def _check(dst: Connection, table: Table, copied: TableCopy, where: str) -> None:
    rows, digest = _digest(table, _stream(dst, table))
    if (rows, digest) != (copied.rows, copied.digest):
        raise ProjectError(f"the copy of table {table.name} in {where} differs from the source ({rows} rows, "
                           f"digest {digest[:12]}; source {copied.rows} rows, {copied.digest[:12]}). Nothing was copied.")


def _move_sequences(dst: Connection) -> None:
    """Rows came with their ids; each serial sequence moves past them so new rows get fresh ones."""
    for table in schema.metadata.sorted_tables:
        key = list(table.primary_key.columns)
        if len(key) == 1 and key[0].autoincrement in (True, "auto") and key[0].type.python_type is int:
            dst.execute(text("SELECT setval(pg_get_serial_sequence(:t, :c), m) FROM (SELECT max(\"%s\") AS m FROM \"%s\") "
                             "AS x WHERE m IS NOT NULL" % (key[0].name, table.name)), {"t": table.name, "c": key[0].name})


def _digest(table: Table, rows: Iterable[tuple]) -> tuple[int, str]:
    hasher, n = hashlib.sha256(), 0
    for row in rows:
        hasher.update(_canonical(table, row))
        n += 1
    return n, hasher.hexdigest()


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def _canonical(table: Table, row: tuple) -> bytes:
    """One row as bytes that are equal on SQLite and PostgreSQL when the values are."""
    out = []
    for column, value in zip(table.columns, row):
        if value is None:
            out.append(None)
        elif isinstance(column.type, DateTime):
            out.append(_utc(value).isoformat())
        elif isinstance(column.type, JSON):
            out.append(json.dumps(value, sort_keys=True, ensure_ascii=False))
        elif isinstance(column.type, LargeBinary):
            out.append(hashlib.sha256(bytes(value)).hexdigest())
        elif isinstance(column.type, Float):
            out.append(repr(float(value)))
        elif isinstance(value, bool):
            out.append(value)
        else:
            out.append(value if isinstance(value, (int, str)) else str(value))
    return json.dumps(out, ensure_ascii=False).encode() + b"\n"
