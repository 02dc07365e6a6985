"""Schema migrations: ``MIGRATIONS[n]`` brings a project from schema n-1 to n.

Each runs inside the transaction that also records the new version, so a failed migration
leaves the file as it was.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, select, update

from qualcode.store import schema


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


MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    2: _v2_parse_cache,
    3: _v3_models,
    4: _v4_models_without_pickle,
}
