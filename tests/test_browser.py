"""The review app in a real browser: accept one suggestion, reject another, reload, both stay.

Needs Debian's Chromium (``apt-get install chromium chromium-driver``; `.ci/run` installs it).
Without it the test is skipped with that message. Screenshots go to ``out/screens/``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from qualcode.app import HOME
from qualcode.ingest import ingest_files
from qualcode.store import Project, schema
from qualcode.tagging import load_codebook
from qualcode.tagging.apply import code_project
from tests.conftest import ROOT
from tests.servers import free_port, wait_until_serving

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason="Chromium not installed: run 'apt-get install chromium chromium-driver' to enable the browser test"),
]
SCREENS = ROOT / "out" / "screens"


@pytest.fixture(scope="module")
def sample_project(tmp_path_factory, nlp):
    """The sample corpus's interviews, coded with elevutbytte."""
    folder = tmp_path_factory.mktemp("browser")
    proj = Project.create(folder / "sample.qualcode")
    ingest_files(proj, sorted((ROOT / "corpus" / "interviews").glob("*.*")))
    code_project(proj, load_codebook(ROOT / "codebooks" / "elevutbytte.yaml"), nlp)
    return proj


@pytest.fixture(scope="module")
def server(sample_project):
    port = free_port()
    env = {**os.environ, "QUALCODE_PROJECT": str(Path(sample_project.location).resolve())}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(HOME), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=Path(sample_project.location).parent, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    yield wait_until_serving(process, port, what="the Streamlit server")
    process.terminate()
    process.wait(timeout=10)


def statuses(project, ids):
    with project.read() as conn:
        rows = conn.execute(select(schema.codings.c.id, schema.codings.c.status, schema.codings.c.coder)
                            .where(schema.codings.c.id.in_(ids))).all()
    return {row.id: (row.status, row.coder) for row in rows}


def test_accept_reject_reload(server, sample_project):
    from playwright.sync_api import sync_playwright

    SCREENS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        with sample_project.read() as conn:
            c = schema.codings
            from sqlalchemy import func
            segment = conn.execute(select(c.c.segment_id).group_by(c.c.segment_id).having(func.count() >= 2)
                                   .order_by(c.c.segment_id).limit(1)).scalar()
            ids = list(conn.execute(select(c.c.id).where(c.c.segment_id == segment)).scalars())
        page.goto(f"{server}/Gjennomgang?coder=Kari&codebook=elevutbytte&lang=nb&segment={segment}")
        page.wait_for_function("document.querySelectorAll('button').length > 0 && "
                               "[...document.querySelectorAll('button')].filter(b => b.innerText.startsWith('Godta')).length >= 2",
                               timeout=60_000)
        page.screenshot(path=str(SCREENS / "review_before.png"), full_page=True)
        page.get_by_role("button", name="Godta").first.click()
        page.get_by_text("godtatt").first.wait_for(timeout=30_000)
        page.get_by_role("button", name="Avvis").last.click()
        page.get_by_text("avvist").first.wait_for(timeout=30_000)
        page.reload()
        page.get_by_text("avvist").first.wait_for(timeout=60_000)
        page.screenshot(path=str(SCREENS / "review_after_reload.png"), full_page=True)
        text = page.inner_text("body")
        assert "godtatt" in text and "avvist" in text  # both decisions shown after the reload
        assert page.get_by_role("button", name="Angre").count() >= 2
        browser.close()
    stored = statuses(sample_project, ids)
    assert sorted(s for s, _ in stored.values()).count("accepted") == 1
    assert sorted(s for s, _ in stored.values()).count("rejected") == 1
    assert all(coder == "Kari" for status, coder in stored.values() if status != "suggested")
