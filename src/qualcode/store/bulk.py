"""Many rows of one table in one ``executemany``, with little work per row.

SQLAlchemy's executemany builds a parameter set per row and runs every value through its
column's bind processor; writing a survey's 24,000 suggestions spent a third of that step there,
much of it turning the one timestamp of the run into the same string 48,000 times.
:func:`insert_rows` runs each column's processor once per distinct value (once per row for
values that cannot be compared cheaply, such as evidence lists) and hands the driver plain
parameter tuples. The values stored are the ones ``conn.execute(insert(table), rows)`` stores.

>>> insert_rows(conn, schema.codings, [{"segment_id": 1, ...}, ...])   # doctest: +SKIP

:func:`insert_columns` takes the same rows column by column, a value that every row shares
given once (a run's timestamp, a status): no dict per row, and its processor runs once.
"""

from __future__ import annotations

from itertools import repeat

from sqlalchemy import Connection, Table, bindparam, insert

_HASHABLE = (str, int, float, bool, type(None))


def _insert(conn: Connection, table: Table, skip_existing: bool):
    if not skip_existing:
        return insert(table)
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table).on_conflict_do_nothing()
    return insert(table).prefix_with("OR IGNORE")


def insert_rows(conn: Connection, table: Table, rows: list[dict], *, skip_existing: bool = False) -> None:
    """Insert ``rows`` (dicts with the same keys, column names of ``table``) into ``table``;
    with ``skip_existing``, a row whose key is taken already is left out (the first copy stays)."""
    if not rows:
        return
    insert_columns(conn, table, len(rows), {name: [row[name] for row in rows] for name in rows[0]},
                   skip_existing=skip_existing)


def insert_columns(conn: Connection, table: Table, count: int, columns: dict[str, list | Same], *,
                   skip_existing: bool = False) -> None:
    """Insert ``count`` rows given column by column: ``{column name: [one value per row]}``, or
    :class:`Same` for a value every row has. Otherwise as :func:`insert_rows`.

    >>> insert_columns(conn, schema.codings, 2, {"segment_id": [1, 2], "status": Same("suggested"), ...})  # doctest: +SKIP
    """
    if not count:
        return
    names = list(columns)
    dialect = conn.dialect
    statement = _insert(conn, table, skip_existing)
    compiled = statement.values({name: bindparam(name) for name in names}).compile(dialect=dialect)
    order = list(compiled.positiontup) if compiled.positional else list(compiled.params)
    if sorted(order) != sorted(names):  # a column default SQLAlchemy would fill in: let it
        conn.execute(statement, [{name: _at(columns[name], i) for name in names} for i in range(count)])
        return
    processors = {name: table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names}
    values = []
    for name in order:
        process, column = processors[name], columns[name]
        if isinstance(column, Same):
            values.append(repeat(process(column.value) if process is not None else column.value, count))
        else:
            values.append(_processed(column, process) if process is not None else column)
    if compiled.positional:
        conn.exec_driver_sql(compiled.string, list(zip(*values)))
    else:
        conn.exec_driver_sql(compiled.string, [dict(zip(order, row)) for row in zip(*values)])


class Same:
    """A column value every row of :func:`insert_columns` shares."""

    __slots__ = ("value",)

    def __init__(self, value) -> None:
        self.value = value


def _at(column: list | Same, i: int):
    return column.value if isinstance(column, Same) else column[i]


def _processed(values: list, process) -> list:
    """``[process(v) for v in values]``, with ``process`` run once per distinct value."""
    kinds = set(map(type, values))
    kinds.discard(type(None))
    if len(kinds) <= 1 and (not kinds or kinds <= _HASHABLE_TYPES or hasattr(next(iter(kinds)), "isoformat")):
        # One type of value (and None): equal values process alike, so a plain dict maps them.
        done = {value: process(value) for value in set(values)}
        return [done[value] for value in values]
    done = {}
    return [_once(done, process, v) if isinstance(v, _HASHABLE) or hasattr(v, "isoformat") else process(v)
            for v in values]


_HASHABLE_TYPES = set(_HASHABLE)


def _once(done: dict, process, value):
    key = (type(value), value)  # 1, 1.0 and True are equal keys, but need not process alike
    if key not in done:
        done[key] = process(value)
    return done[key]
