"""A qualcode project: one SQLite file (or a PostgreSQL URL), opened through SQLAlchemy.

>>> from qualcode.store import Project
>>> project = Project.create("evaluering.qualcode")        # doctest: +SKIP
>>> with project.transaction() as conn:                       # doctest: +SKIP
...     conn.execute(...)

Every write goes through :meth:`Project.transaction`: one transaction, committed whole or not
at all. SQLite files run with foreign keys on and write-ahead logging.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select
from sqlalchemy.engine import make_url

from qualcode import __version__
from qualcode.store import schema
from qualcode.store.migrations import MIGRATIONS


class ProjectError(RuntimeError):
    """A project that cannot be opened or created; the message says what to do."""


def now() -> datetime:
    return datetime.now(timezone.utc)


def _url(location: str | Path) -> str:
    text_location = str(location)
    if "://" in text_location:
        return text_location
    return f"sqlite:///{Path(text_location).expanduser().resolve()}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA busy_timeout = 10000")  # two coders writing at once wait, not fail
    cursor.close()


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False)  # "skolenivå", not "skoleniv\u00e5", in the file


def _engine(url: str) -> Engine:
    engine = create_engine(url, json_serializer=_json)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)

        # pysqlite's own transaction handling defers BEGIN; take the write lock at BEGIN instead
        # so a transaction never fails half-way on a lock held by another coder.
        @event.listens_for(engine, "begin")
        def _begin(conn) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        @event.listens_for(engine, "connect")
        def _no_autobegin(dbapi_connection, _record) -> None:
            dbapi_connection.isolation_level = None

    return engine


class Project:
    """An open project. Use :meth:`create` for a new one and :meth:`open` for an existing one."""

    def __init__(self, engine: Engine, location: str) -> None:
        self.engine = engine
        self.location = location

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def create(cls, location: str | Path, *, replace: bool = False) -> "Project":
        """Create a new, empty project at ``location`` (a file path or a database URL)."""
        url = _url(location)
        if url.startswith("sqlite:///"):
            path = Path(make_url(url).database)
            if path.exists():
                if not replace:
                    raise ProjectError(f"{path} already exists. Open it, or choose another name.")
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = _engine(url)
        if inspect(engine).has_table("meta"):
            raise ProjectError(f"{location} already holds a qualcode project. Open it instead.")
        schema.metadata.create_all(engine)
        with engine.begin() as conn:
            conn.execute(schema.meta.insert(), [
                {"key": "schema_version", "value": str(schema.SCHEMA_VERSION)},
                {"key": "created_with", "value": f"qualcode {__version__}"},
                {"key": "created_at", "value": now().isoformat()},
            ])
        return cls(engine, str(location))

    @classmethod
    def open(cls, location: str | Path) -> "Project":
        """Open an existing project; an older schema is migrated, a newer one refused."""
        url = _url(location)
        if url.startswith("sqlite:///") and not Path(make_url(url).database).is_file():
            raise ProjectError(f"{location} does not exist. Create it with: qualcode init {location}")
        engine = _engine(url)
        try:
            has_meta = inspect(engine).has_table("meta")
        except Exception as exc:  # a file that is not SQLite at all
            raise ProjectError(f"{location} is not a qualcode project ({exc.__class__.__name__}).") from None
        if not has_meta:
            raise ProjectError(f"{location} is not a qualcode project (no 'meta' table).")
        project = cls(engine, str(location))
        project._migrate()
        return project

    @property
    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            value = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")).scalar()
        return int(value)

    def _migrate(self) -> None:
        version = self.schema_version
        if version > schema.SCHEMA_VERSION:
            raise ProjectError(
                f"{self.location} was written by a newer qualcode (schema {version}; this qualcode "
                f"{__version__} reads up to {schema.SCHEMA_VERSION}). Upgrade qualcode to open it."
            )
        if version == schema.SCHEMA_VERSION:
            return
        with self.transaction() as conn:
            for target in range(version + 1, schema.SCHEMA_VERSION + 1):
                MIGRATIONS[target](conn)
            conn.execute(
                schema.meta.update().where(schema.meta.c.key == "schema_version"),
                {"value": str(schema.SCHEMA_VERSION)},
            )
            conn.execute(schema.meta.insert(), [{"key": f"migrated_{version}_to_{schema.SCHEMA_VERSION}", "value": now().isoformat()}])

    # -- transactions ------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One transaction: everything inside commits together or not at all."""
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for reading."""
        with self.engine.connect() as conn:
            yield conn

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the main file (before copying it, say)."""
        if self.engine.dialect.name == "sqlite":
            # Outside any transaction: every SQLAlchemy transaction here opens with BEGIN IMMEDIATE.
            raw = self.engine.raw_connection()
            try:
                raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                raw.close()
