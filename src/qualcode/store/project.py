"""A qualcode project: one SQLite file or one PostgreSQL database, opened through SQLAlchemy.

>>> from qualcode.store import Project
>>> project = Project.create("evaluering.qualcode")        # doctest: +SKIP
>>> team = Project.open("postgresql://kari@db.example.no/evaluering")   # doctest: +SKIP
>>> with project.transaction() as conn:                       # doctest: +SKIP
...     conn.execute(...)

Every write goes through :meth:`Project.transaction`: one transaction, committed whole or not
at all. SQLite files run with foreign keys on and write-ahead logging; :meth:`Project.read` takes
no lock on either engine. A PostgreSQL password comes from ``PGPASSWORD`` or ``~/.pgpass`` (libpq
reads both), never from the URL on a command line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import URL, Connection, Engine, create_engine, event, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from qualcode import __version__
from qualcode.store import schema
from qualcode.store.migrations import MIGRATIONS


class ProjectError(RuntimeError):
    """A project that cannot be opened or created; the message says what to do."""


def now() -> datetime:
    return datetime.now(timezone.utc)


def project_url(location: str | Path) -> URL:
    """A project's SQLAlchemy URL: a file path means SQLite; ``postgresql://…`` means psycopg 3.

    >>> project_url("postgresql://kari@db.example.no/evaluering").drivername
    'postgresql+psycopg'
    """
    text_location = str(location)
    if "://" not in text_location:
        return make_url(f"sqlite:///{Path(text_location).expanduser().resolve()}")
    try:
        url = make_url(text_location)
    except ArgumentError:
        raise ProjectError(f"'{text_location}' is neither a file path nor a database URL like "
                           "postgresql://user@host/dbname.") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def display(location: str | Path) -> str:
    """How a project is named in messages and logs: never with a password."""
    text_location = str(location)
    if "://" not in text_location:
        return text_location
    try:
        return make_url(text_location).render_as_string(hide_password=True)
    except ArgumentError:
        return "<database URL>"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute("PRAGMA busy_timeout = 30000")  # coders writing at once wait for each other, not fail
    cursor.close()


# json.dumps(value, ensure_ascii=False) builds a new encoder on every call; one is enough.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def _json(value) -> str:
    return _ENCODER.encode(value)  # "skolenivå", not "skoleniv\u00e5", in the file


# Execution option that marks a connection as read-only (see Project.read).
_READ = "qualcode_read"


def _engine(url: URL) -> Engine:
    if url.get_backend_name() == "postgresql":
        # pre_ping: a server restart or an idle timeout must not turn into an error in the app.
        return create_engine(url, json_serializer=_json, pool_pre_ping=True)
    engine = create_engine(url, json_serializer=_json)
    event.listen(engine, "connect", _sqlite_pragmas)

    # pysqlite's own transaction handling defers BEGIN. A write transaction takes the write lock
    # at BEGIN instead, so it never fails half-way on a lock held by another coder; a read takes
    # no lock at all (write-ahead logging gives it a snapshot and lets writers go on).
    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(_READ) else "BEGIN IMMEDIATE")

    @event.listens_for(engine, "connect")
    def _no_autobegin(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None

    return engine


def _unreachable(location: str, exc: Exception) -> ProjectError:
    first = str(getattr(exc, "orig", exc)).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
    return ProjectError(f"cannot reach the project database {display(location)}: {first}. Check that the server "
                        "runs, the database exists (createdb NAME) and the password is in ~/.pgpass or PGPASSWORD.")


class Project:
    """An open project. Use :meth:`create` for a new one and :meth:`open` for an existing one."""

    def __init__(self, engine: Engine, location: str) -> None:
        self.engine = engine
        self.location = location  # the path or URL as given; name it in messages with display()

    def __str__(self) -> str:
        return display(self.location)

    @property
    def is_file(self) -> bool:
        """True for an SQLite file, False for a database server."""
        return self.engine.dialect.name == "sqlite"

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def create(cls, location: str | Path, *, replace: bool = False) -> "Project":
        """Create a new, empty project at ``location`` (a file path or a database URL)."""
        url = project_url(location)
        if url.get_backend_name() == "sqlite":
            path = Path(url.database)
            if path.exists():
                if not replace:
                    raise ProjectError(f"{path} already exists. Open it, or choose another name.")
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = _engine(url)
        try:
            exists = inspect(engine).has_table("meta")
        except OperationalError as exc:
            engine.dispose()
            raise _unreachable(str(location), exc) from None
        if exists and replace and url.get_backend_name() != "sqlite":
            schema.metadata.drop_all(engine)
        elif exists:
            engine.dispose()
            raise ProjectError(f"{display(location)} already holds a qualcode project. Open it instead "
                               "(or replace it with --force).")
        with engine.begin() as conn:
            schema.metadata.create_all(conn)
            conn.execute(schema.meta.insert(), [
                {"key": "schema_version", "value": str(schema.SCHEMA_VERSION)},
                {"key": "created_with", "value": f"qualcode {__version__}"},
                {"key": "created_at", "value": now().isoformat()},
            ])
        return cls(engine, str(location))

    @classmethod
    def open(cls, location: str | Path) -> "Project":
        """Open an existing project; an older schema is migrated, a newer one refused."""
        url = project_url(location)
        if url.get_backend_name() == "sqlite" and not Path(url.database).is_file():
            raise ProjectError(f"{location} does not exist. Create it with: qualcode init {location}")
        engine = _engine(url)
        try:
            has_meta = inspect(engine).has_table("meta")
        except OperationalError as exc:
            engine.dispose()
            if url.get_backend_name() != "sqlite":
                raise _unreachable(str(location), exc) from None
            raise ProjectError(f"{location} is not a qualcode project ({exc.__class__.__name__}).") from None
        except Exception as exc:  # a file that is not SQLite at all
            engine.dispose()
            raise ProjectError(f"{display(location)} is not a qualcode project ({exc.__class__.__name__}).") from None
        if not has_meta:
            engine.dispose()
            raise ProjectError(f"{display(location)} is not a qualcode project (no 'meta' table). "
                               f"Create one with: qualcode init {display(location)}")
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
                f"{self} was written by a newer qualcode (schema {version}; this qualcode "
                f"{__version__} reads up to {schema.SCHEMA_VERSION}). Upgrade qualcode to open it."
            )
        if version == schema.SCHEMA_VERSION:
            return
        with self.engine.connect() as conn:
            if self.is_file:
                # Before BEGIN (it cannot change inside a transaction): rebuilding a table must not
                # cascade. Every foreign key is checked below, before the commit.
                conn.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
            try:
                with conn.begin():
                    self._migrate_in(conn)
            finally:
                if self.is_file:
                    conn.connection.driver_connection.execute("PRAGMA foreign_keys = ON")

    def _migrate_in(self, conn: Connection) -> None:
        # Another process may have migrated while this one waited for the lock (row lock on PostgreSQL).
        version = int(conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")
                                   .with_for_update()).scalar())
        if version == schema.SCHEMA_VERSION:
            return
        try:
            for target in range(version + 1, schema.SCHEMA_VERSION + 1):
                MIGRATIONS[target](conn)
        except ValueError as exc:
            raise ProjectError(f"{self}: {exc} The project was not changed.") from None
        if self.is_file and conn.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
            raise ProjectError(f"{self}: migrating to schema {schema.SCHEMA_VERSION} would break a foreign key; "
                               "the project was not changed. Please report this.")
        conn.execute(
            schema.meta.update().where(schema.meta.c.key == "schema_version"),
            {"value": str(schema.SCHEMA_VERSION)},
        )
        conn.execute(schema.meta.insert(), [{"key": f"migrated_{version}_to_{schema.SCHEMA_VERSION}",
                                             "value": now().isoformat()}])

    # -- transactions ------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One transaction: everything inside commits together or not at all."""
        with self.engine.begin() as conn:
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for reading: one consistent snapshot that takes no lock, so a long scan
        never holds up a coder's decision (and a decision never waits for a scan)."""
        with self.engine.connect() as conn:
            if self.is_file:
                conn = conn.execution_options(**{_READ: True})
            else:
                conn = conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
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
