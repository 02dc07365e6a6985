"""Sign-in on a team project in a real browser: a wrong password is refused, a reader cannot
accept a suggestion, a coder's decision carries the signed-in name.

Needs Debian's Chromium (``apt-get install chromium chromium-driver``; `.ci/run` installs it).
The server is started the way a team runs it: ``qualcode app PROJECT`` (a project with users).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from qualcode.ingest import ingest_files
from qualcode.store import Project, schema
from qualcode.store.users import add_user
from qualcode.store.values import Role
from qualcode.tagging import load_codebook
from qualcode.tagging.apply import code_project
from tests.conftest import ROOT
from tests.servers import free_port, wait_until_serving
from tests.test_browser import CHROMIUM, SCREENS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason="Chromium not installed: run 'apt-get install chromium chromium-driver' to enable the browser test"),
]
PASSWORDS = {"kari": "kari sitt lange passord", "leder": "lederen leser bare"}


@pytest.fixture(scope="module")
def team_project(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("team")
    proj = Project.create(folder / "team.qualcode")
    ingest_files(proj, sorted((ROOT / "corpus" / "interviews").glob("*.*"))[:2])
    code_project(proj, load_codebook(ROOT / "codebooks" / "elevutbytte.yaml"), nlp)
    add_user(proj, "kari", PASSWORDS["kari"], Role.CODER)
    add_user(proj, "leder", PASSWORDS["leder"], Role.READER)
    return proj


@pytest.fixture(scope="module")
def server(team_project):
    port = free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    process = subprocess.Popen([sys.executable, "-m", "qualcode", "app", team_project.location, "--port", str(port)],
                               cwd=Path(team_project.location).parent, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    yield wait_until_serving(process, port)
    process.terminate()
    process.wait(timeout=30)


def first_open_segment(project) -> tuple[int, int]:
    c = schema.codings
    with project.read() as conn:
        row = conn.execute(select(c.c.segment_id, c.c.id).where(c.c.status == "suggested").order_by(c.c.id)).first()
    return row.segment_id, row.id


def sign_in(page, name: str, password: str) -> None:
    page.get_by_label("Brukernavn").wait_for(timeout=60_000)
    page.get_by_label("Brukernavn").fill(name)
    page.get_by_label("Passord").fill(password)
    page.get_by_role("button", name="Logg inn").click()


def test_login_wrong_password_reader_and_coder(server, team_project):
    from playwright.sync_api import sync_playwright

    SCREENS.mkdir(parents=True, exist_ok=True)
    segment, coding = first_open_segment(team_project)
    review = f"{server}/Gjennomgang?codebook=elevutbytte&lang=nb&segment={segment}"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(review)
        sign_in(page, "kari", "ikke passordet mitt")
        page.get_by_text("Feil brukernavn eller passord").wait_for(timeout=30_000)
        assert page.get_by_role("button", name="Godta").count() == 0
        page.screenshot(path=str(SCREENS / "login_refused.png"), full_page=True)

        page.goto(review)  # a new session: the reader
        sign_in(page, "leder", PASSWORDS["leder"])
        page.get_by_text("Du har lesetilgang").wait_for(timeout=60_000)
        page.get_by_text("Logget inn som").wait_for(timeout=30_000)
        assert page.get_by_role("button", name="Godta").count() == 0
        assert page.get_by_role("button", name="Avvis").count() == 0
        page.screenshot(path=str(SCREENS / "login_reader.png"), full_page=True)

        page.goto(review)  # and the coder
        sign_in(page, "kari", PASSWORDS["kari"])
        page.get_by_role("button", name="Godta").first.wait_for(timeout=60_000)
        page.get_by_role("button", name="Godta").first.click()
        page.get_by_text("godtatt").first.wait_for(timeout=30_000)
        page.screenshot(path=str(SCREENS / "login_coder.png"), full_page=True)
        browser.close()
    c = schema.codings
    with team_project.read() as conn:
        decided = conn.execute(select(c.c.coder).where(c.c.status == "accepted")).scalars().all()
        logged = conn.execute(select(schema.decisions.c.coder)).scalars().all()
    assert decided == ["kari"] and logged == ["kari"]
