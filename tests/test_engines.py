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
