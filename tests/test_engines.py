"""The schema on both engines: migrations 6 and 7 run on PostgreSQL too, constraints hold there."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from qualcode.store import Project, schema
from qualcode.store.migrations import MIGRATIONS
from tests.conftest import location_for


@pytest.mark.postgresql
def test_checks_and_users_migrations_run_on_postgresql(tmp_path, request):
    """A PostgreSQL project as schema 5 left it (no CHECKs, meta.key VARCHAR(64), no users)
    gains them by running migrations 6 and 7; the database then refuses a status outside the Enum."""
    location = location_for("postgresql", tmp_path / "unused", request)
    with Project.create(location) as project:
        with project.transaction() as conn:
            for table in (schema.documents, schema.segments, schema.codings, schema.decisions):
                for check in [c for c in table.constraints if c.__class__.__name__ == "CheckConstraint"]:
                    conn.execute(text(f'ALTER TABLE {table.name} DROP CONSTRAINT "{check.name}"'))
            conn.execute(text("ALTER TABLE meta ALTER COLUMN key TYPE VARCHAR(64)"))
            schema.users.drop(conn)
            conn.execute(text("UPDATE meta SET value = '5' WHERE key = 'schema_version'"))
        long_key = "coded:" + "k" * 64
        with pytest.raises(DBAPIError, match="too long"), project.transaction() as conn:
            conn.execute(schema.meta.insert().values(key=long_key, value="{}"))
    with Project.open(location) as project:  # migrates 5 → current
        assert project.schema_version == schema.SCHEMA_VERSION
        assert inspect(project.engine).has_table("users")
        checks = {c["name"] for c in inspect(project.engine).get_check_constraints("codings")}
        assert {"ck_codings_status", "ck_codings_source"} <= checks
        with project.transaction() as conn:
            conn.execute(schema.meta.insert().values(key=long_key, value="{}"))
        with pytest.raises(DBAPIError, match="ck_codings_status"), project.transaction() as conn:
            conn.execute(text("""INSERT INTO codings (segment_id, category_id, start, "end", source, status,
                                 created_at, updated_at) VALUES (1, 1, 0, 1, 'auto', 'godkjent', now(), now())"""))
    assert set(MIGRATIONS) >= {6, 7}


@pytest.mark.postgresql
def test_a_migrated_project_leaves_new_projects_their_constraints(tmp_path, request):
    """Migrating a PostgreSQL project must not change the schema objects new projects are made from."""
    test_checks_and_users_migrations_run_on_postgresql(tmp_path, request)
    with Project.create(tmp_path / "ny.qualcode") as fresh:
        checks = {c["name"] for c in inspect(fresh.engine).get_check_constraints("codings")}
    assert {"ck_codings_status", "ck_codings_source"} <= checks


def test_rows_given_column_by_column_are_stored_as_rows_given_one_by_one(project_location):
    """``insert_columns`` (a first coding run's tens of thousands of suggestions, a value all rows
    share given once) stores exactly what ``insert_rows`` stores, JSON and timestamps included."""
    from sqlalchemy import select

    from qualcode.store.bulk import Same, insert_columns, insert_rows
    from qualcode.store.project import now

    stamp = now()
    evidence = [[[0, 6, "venner", "vennskap:venn"]], [[4, 12, "skulebøker", "læring:bok"], [0, 3, "nye", "x"]]]
    with Project.create(project_location) as project:
        with project.transaction() as conn:
            conn.execute(schema.documents.insert().values(id=1, name="svar.csv", kind="survey", source_path="svar.csv",
                                                          content_hash="0" * 64, text="venner", ingested_at=stamp))
            conn.execute(schema.segments.insert(), [
                {"id": i, "document_id": 1, "position": i, "level": "answer", "codable": True, "start": 0, "end": 6,
                 "text": "venner", "text_hash": "h"} for i in (1, 2)])
            conn.execute(schema.codebooks.insert().values(id=1, key="cb", name="cb", version="1", definition={},
                                                          updated_at=stamp))
            conn.execute(schema.categories.insert().values(id=1, codebook_id=1, key="vennskap", label="Vennskap",
                                                           color="#1B7837", position=0))
            common = {"category_id": 1, "start": 0, "end": 6, "source": "auto", "status": "suggested", "coder": None,
                      "created_at": stamp, "updated_at": stamp, "rule": "vennskap:venn", "polarity": None}
            insert_rows(conn, schema.codings, [{**common, "segment_id": i, "score": 1.5, "evidence": e,
                                                "evidence_key": f"k{i}"} for i, e in zip((1, 2), evidence)])
            insert_columns(conn, schema.codings, 2, {
                "segment_id": [1, 2], "score": [1.5, 1.5], "evidence": evidence, "evidence_key": ["k1", "k2"],
                **{name: Same(value) for name, value in common.items()}})
        c = schema.codings
        with project.read() as conn:
            rows = conn.execute(select(*[col for col in c.columns if col.name != "id"]).order_by(c.c.id)).all()
    assert rows[:2] == rows[2:]
    assert rows[1].evidence == evidence[1] and rows[3].created_at == rows[0].created_at
