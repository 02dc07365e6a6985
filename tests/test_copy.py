"""``qualcode copy``: a whole project between SQLite and PostgreSQL, checked, and never over data."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from qualcode.cli import app
from qualcode.cli.app import main  # noqa: F401  (registers the commands)
from qualcode.review import add_manual_coding, add_memo
from qualcode.store import Project, schema
from qualcode.store.copy import copy_project, project_digests
from tests.conftest import ENGINES, location_for
from tests.exchange_data import build_project, category_ids, segments

runner = CliRunner()


def invoke(*args: str):
    from qualcode.cli import commands  # noqa: F401  registers the workflow commands

    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def project(tmp_path_factory, blank_nlp):
    """Documents, a survey, codings, both coders' decisions, a manual coding and memos."""
    return build_project(tmp_path_factory.mktemp("kopi"), blank_nlp)


@pytest.mark.parametrize("engine", ENGINES)
def test_there_and_back_keeps_every_row(project, engine, tmp_path, request):
    """SQLite → (PostgreSQL or SQLite) → SQLite: every table's count and digest equal the original's,
    and the copy is a working project (new rows get fresh ids after the copied ones)."""
    original = project_digests(project)
    middle = location_for(engine, tmp_path / "midt.qualcode", request)
    result = invoke("copy", project.location, middle)
    assert result.exit_code == 0, result.output
    assert "every count and digest matches" in result.output
    back = tmp_path / "tilbake.qualcode"
    result = invoke("copy", middle, back)
    assert result.exit_code == 0, result.output
    with Project.open(middle) as copy:
        assert project_digests(copy) == original
        assert original["decisions"][0] > 0 and original["memos"][0] == 3 and original["parse_cache"][0] > 0
        seg = segments(copy, "01_rektor.txt")[0]
        with copy.read() as conn:
            highest = conn.execute(select(func.max(schema.codings.c.id))).scalar()
        assert add_manual_coding(copy, seg.id, category_ids(copy)["medborgerskap"], "TH") == highest + 1
        add_memo(copy, "TH", "Etter kopien.", segment_id=seg.id)
    with Project.open(back) as again:
        assert project_digests(again) == original


@pytest.mark.parametrize("engine", ENGINES)
def test_a_destination_with_data_is_refused_without_force(project, engine, tmp_path, request):
    target = location_for(engine, tmp_path / "annet.qualcode", request)
    with Project.create(target) as other:
        add_memo(other, "AB", "Mitt eget prosjekt.")
        before = project_digests(other)
        result = invoke("copy", project.location, target)
        assert result.exit_code == 1
        assert "is not empty" in result.output and "--force" in result.output
        assert project_digests(other) == before
    result = invoke("copy", project.location, target, "--force")
    assert result.exit_code == 0, result.output
    with Project.open(target) as replaced:
        assert project_digests(replaced) == project_digests(project)


def test_a_copy_onto_itself_and_a_password_on_the_command_line_are_refused(project):
    assert "is the source project itself" in invoke("copy", project.location, project.location).output
    result = invoke("copy", project.location, "postgresql://kari:hemmelig@localhost/evaluering")
    assert result.exit_code == 1
    assert "hemmelig" not in result.output and "~/.pgpass" in result.output


def test_a_failed_check_keeps_nothing(project, tmp_path, monkeypatch):
    """If a digest differs the destination transaction rolls back and a new file is removed."""
    import qualcode.store.copy as copy_module

    real = copy_module._digest
    monkeypatch.setattr(copy_module, "_digest", lambda table, rows: (0, "x") if table.name == "codings" else real(table, rows))
    target = tmp_path / "feil.qualcode"
    with pytest.raises(Exception, match="copy of table codings .* differs"):
        copy_project(project, target)
    assert not target.exists()
