"""Shared fixtures: the real Norwegian pipeline, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline, exactly as ``qualcode`` resolves it on this install."""
    from qualcode.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def priority_codes(nlp):
    """The 2021–27 priorities a sentence is coded with by the shipped ``erasmus_prioriteringer`` codebook."""
    from qualcode.tagging import codebook_pipeline, codes_json, load_codebook

    priorities = load_codebook(ROOT / "codebooks" / "erasmus_prioriteringer.yaml")
    pipeline = codebook_pipeline(priorities)
    return lambda text: {c["code"] for c in codes_json(pipeline(text), priorities)}


@pytest.fixture(scope="session")
def answer_codes(nlp):
    """What the shipped ``elevutbytte`` codebook makes of a survey answer: its primary category (the word
    cloud's colour) and the set of every category it is coded with."""
    from qualcode.tagging import codebook_pipeline, load_codebook, primary_category

    pupils = load_codebook(ROOT / "codebooks" / "elevutbytte.yaml")
    pipeline = codebook_pipeline(pupils)

    def coded(text):
        scores = pipeline(text)._.qc_scores
        return primary_category(scores, pupils), set(scores)
    return coded


@pytest.fixture(scope="session")
def blank_nlp():
    """The dependency-free fallback pipeline (blank nb + NDT/simplemma lemmatizer)."""
    from qualcode.nlp import load_pipeline

    return load_pipeline("blank:nb")


@pytest.fixture(params=["default", "blank:nb"])
def any_nlp(request, nlp, blank_nlp):
    """Both pipelines: every NLP guarantee must hold for the default and the fallback."""
    return nlp if request.param == "default" else blank_nlp


# -- both engines ---------------------------------------------------------------------------------
# Storage, review, decision, export and app tests run on SQLite and on PostgreSQL. The server comes
# from QUALCODE_TEST_PG_URL (a role that may CREATE DATABASE; .ci/run starts one); each test gets a
# database of its own, dropped afterwards. Without a server the PostgreSQL half is skipped, and
# pytest folds those skips into one line.

PG_ENV = "QUALCODE_TEST_PG_URL"
ENGINES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]


def _pg_unavailable() -> str | None:
    """Why the PostgreSQL half cannot run here, or None when the server answers."""
    import os

    from sqlalchemy import create_engine, text

    from qualcode.store.project import display, project_url

    url = os.environ.get(PG_ENV)
    if not url:
        return f"set {PG_ENV}=postgresql://USER@HOST:PORT/postgres to run it (.ci/run does)"
    engine = create_engine(project_url(url), connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # noqa: BLE001  any failure to connect means: skip, saying why
        first = str(getattr(exc, "orig", exc)).strip().splitlines()
        return f"no server at {display(url)} ({first[0] if first else exc.__class__.__name__})"
    finally:
        engine.dispose()
    return None


def pytest_collection_modifyitems(config, items):
    """Without a server, leave out the PostgreSQL half and say so once (pytest_terminal_summary)."""
    postgres = [item for item in items if item.get_closest_marker("postgresql")]
    if not postgres:
        return
    reason = _pg_unavailable()
    if reason is None:
        return
    config._qualcode_pg_skipped = (len(postgres), reason)
    config.hook.pytest_deselected(items=postgres)
    items[:] = [item for item in items if not item.get_closest_marker("postgresql")]


def pytest_terminal_summary(terminalreporter, config):
    skipped = getattr(config, "_qualcode_pg_skipped", None)
    if skipped:
        terminalreporter.write_line(f"PostgreSQL half skipped ({skipped[0]} tests): {skipped[1]}", yellow=True)


@pytest.fixture(scope="session")
def pg_server():
    """An AUTOCOMMIT engine on the test server's maintenance database."""
    import os

    from sqlalchemy import create_engine

    from qualcode.store.project import project_url

    reason = _pg_unavailable()
    if reason:
        pytest.skip(f"PostgreSQL half skipped: {reason}")
    engine = create_engine(project_url(os.environ[PG_ENV]), isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def new_database(pg_server):
    """Factory: ``new_database()`` creates an empty PostgreSQL database and returns its URL."""
    import uuid

    from sqlalchemy import text

    created: list[str] = []

    def make() -> str:
        name = f"qualcode_test_{uuid.uuid4().hex[:12]}"
        with pg_server.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        created.append(name)
        return pg_server.url.set(database=name).render_as_string(hide_password=False)

    yield make
    with pg_server.connect() as conn:
        for name in created:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def location_for(engine: str, path: Path, request) -> str | Path:
    """Where a new project lives on ``engine``: the file ``path`` or a fresh database."""
    if engine == "sqlite":
        return path
    return request.getfixturevalue("new_database")()


@pytest.fixture(params=ENGINES)
def project_location(request, tmp_path):
    """A place for a new project, once per engine: ``Project.create(project_location)``."""
    return location_for(request.param, tmp_path / "project.qualcode", request)
