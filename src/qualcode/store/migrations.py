"""Schema migrations: ``MIGRATIONS[n]`` brings a project from schema n-1 to n.

Each runs inside the transaction that also records the new version, so a failed migration
leaves the file as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection

from qualcode.store import schema


def _v2_parse_cache(conn: Connection) -> None:
    """Version 2 caches parsed Docs so re-coding after a codebook edit needs no re-parse."""
    schema.parse_cache.create(conn, checkfirst=True)


def _v3_models(conn: Connection) -> None:
    """Version 3 keeps trained code models inside the project instead of files beside it."""
    schema.models.create(conn, checkfirst=True)


MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    2: _v2_parse_cache,
    3: _v3_models,
}
