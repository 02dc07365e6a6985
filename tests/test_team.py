"""A team project: user accounts, roles and sign-in, in the library, the CLI and the app (AppTest).

Runs on SQLite and on PostgreSQL (the server a team would use).
"""

from __future__ import annotations

import shutil
import sys
from datetime import timedelta

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from qualcode.cli import app
from qualcode.ingest import ingest_files
from qualcode.store import Project, schema
from qualcode.store.project import now
from qualcode.store.users import (MAX_FAILURES, SignInError, UserError, add_user, list_users, remove_user, set_password,
                                  set_role, sign_in)
from qualcode.store.values import Role
from qualcode.tagging import load_codebook
from qualcode.tagging.apply import code_project
from tests.conftest import ROOT

AppTest = pytest.importorskip("streamlit.testing.v1").AppTest
APP = ROOT / "src" / "qualcode" / "app"
runner = CliRunner()
PASSWORDS = {"kari": "kari sitt lange passord", "leder": "lederen leser bare", "admin": "administrator med nøkkel"}

TRANSCRIPT = """I: Hva fikk elevene ut av utvekslingen?
Lærer: Elevene fikk nye venner og ble mye flinkere i engelsk.
Lærer: De lærte om klima og bærekraft, og de fikk god selvtillit.
"""


def invoke(*args: str, stdin: str | None = None):
    from qualcode.cli import commands  # noqa: F401  registers the workflow commands

    return runner.invoke(app, [str(a) for a in args], input=stdin)


@pytest.fixture()
def project(tmp_path, nlp, monkeypatch, project_location):
    (tmp_path / "intervju.txt").write_text(TRANSCRIPT, encoding="utf-8")
    shutil.copy(ROOT / "codebooks" / "elevutbytte.yaml", tmp_path / "elevutbytte.yaml")
    proj = Project.create(project_location)
    ingest_files(proj, [tmp_path / "intervju.txt"])
    code_project(proj, load_codebook(tmp_path / "elevutbytte.yaml"), nlp)
    add_user(proj, "admin", PASSWORDS["admin"], Role.ADMIN)
    add_user(proj, "kari", PASSWORDS["kari"], Role.CODER)
    add_user(proj, "leder", PASSWORDS["leder"], Role.READER)
    monkeypatch.setenv("QUALCODE_PROJECT", str(project_location))
    return proj


def open_suggestions(project) -> list[int]:
    c = schema.codings
    with project.read() as conn:
        return list(conn.execute(select(c.c.id).where(c.c.status == "suggested").order_by(c.c.id)).scalars())


# -- library and CLI ------------------------------------------------------------------------------

def test_passwords_are_hashed_and_checked(project):
    with project.read() as conn:
        stored = dict(conn.execute(select(schema.users.c.name, schema.users.c.password_hash)).all())
    assert all(PASSWORDS[name] not in stored[name] and stored[name].startswith("$argon2id$") for name in PASSWORDS)
    assert sign_in(project, "kari", PASSWORDS["kari"]).role is Role.CODER
    with pytest.raises(SignInError, match="wrong user name or password"):
        sign_in(project, "kari", PASSWORDS["leder"])
    with pytest.raises(SignInError, match="wrong user name or password"):
        sign_in(project, "ukjent", PASSWORDS["kari"])


def test_failed_sign_ins_lock_the_account_for_a_while(project):
    start = now()
    for attempt in range(MAX_FAILURES):
        with pytest.raises(SignInError, match="wrong"):
            sign_in(project, "kari", "gjettet passord", at=start + timedelta(seconds=attempt))
    with pytest.raises(SignInError, match="too many failed sign-ins") as locked:
        sign_in(project, "kari", PASSWORDS["kari"], at=start + timedelta(seconds=MAX_FAILURES))
    assert 0 < locked.value.wait <= 30
    assert sign_in(project, "kari", PASSWORDS["kari"], at=start + timedelta(minutes=2)).name == "kari"
    assert sign_in(project, "leder", PASSWORDS["leder"]).name == "leder"  # other accounts never waited


def test_users_commands(project):
    location = project.location
    result = invoke("users", "add", location, "ola", "--role", "reader", stdin="olas hemmelige passord\n")
    assert result.exit_code == 0, result.output
    listed = invoke("users", "list", location).output
    assert "ola" in listed and "reader" in listed and "hemmelige" not in listed
    assert invoke("users", "role", location, "ola", "--role", "coder").exit_code == 0
    assert invoke("users", "passwd", location, "ola", stdin="et helt nytt passord\n").exit_code == 0
    assert sign_in(project, "ola", "et helt nytt passord").role is Role.CODER
    assert invoke("users", "remove", location, "ola").exit_code == 0
    assert [u.name for u in list_users(project)] == ["admin", "kari", "leder"]
    short = invoke("users", "add", location, "per", stdin="kort\n")
    assert short.exit_code == 1 and "at least 10 characters" in short.output
    with pytest.raises(UserError, match="last admin"):
        remove_user(project, "admin")
    with pytest.raises(UserError, match="last admin"):
        set_role(project, "admin", Role.CODER)
    with pytest.raises(UserError, match="no user 'per'"):
        set_password(project, "per", "et passord som er langt")


def test_app_on_a_network_address_needs_user_accounts(tmp_path):
    Project.create(tmp_path / "alene.qualcode").close()
    result = invoke("app", tmp_path / "alene.qualcode", "--host", "0.0.0.0")
    assert result.exit_code == 1
    assert "refusing to listen on 0.0.0.0" in result.output and "qualcode users add" in result.output


# -- the app --------------------------------------------------------------------------------------

@pytest.fixture(autouse=True)
def _app_path():
    sys.path.insert(0, str(APP))
    yield
    sys.path.remove(str(APP))


def page(name: str, **state) -> AppTest:
    at = AppTest.from_file(str(APP / name), default_timeout=60)
    for key, value in state.items():
        at.session_state[key] = value
    return at


def signed_in(name: str, page_name: str = "Hjem.py", password: str | None = None, **state) -> AppTest:
    at = page(page_name, **state).run()
    at.text_input(key="login_name").input(name)
    at.text_input(key="login_password").input(PASSWORDS[name] if password is None else password)
    return at.button[0].click().run()


def test_the_app_shows_only_a_login_form_until_someone_signs_in(project):
    at = page("Hjem.py").run()
    assert not at.exception
    assert [t.key for t in at.text_input] == ["login_name", "login_password"]
    assert not at.metric  # nothing of the project before sign-in
    at = signed_in("kari", password="feil passord")
    assert at.error and "Feil brukernavn eller passord" in at.error[0].value
    assert not at.metric and "session" not in at.session_state
    at = signed_in("kari")
    assert not at.exception and any(m.label == "Dokumenter" for m in at.metric)
    assert "kari" in " ".join(c.value for c in at.sidebar.caption)
    assert not any(t.key == "coder_input" for t in at.text_input)  # no free-text coder name


def test_a_coders_decisions_carry_the_signed_in_name(project):
    at = signed_in("kari", "pages/1_Gjennomgang.py", codebook="elevutbytte", coder="Mallory")
    first = open_suggestions(project)[0]
    at.button(key=f"accept_{first}").click().run()
    assert not at.exception
    with project.read() as conn:
        coding = conn.execute(select(schema.codings.c.status, schema.codings.c.coder)
                              .where(schema.codings.c.id == first)).one()
        logged = conn.execute(select(schema.decisions.c.coder)).scalars().all()
    assert tuple(coding) == ("accepted", "kari") and logged == ["kari"]


def test_a_reader_cannot_accept_a_suggestion(project):
    at = signed_in("leder", "pages/1_Gjennomgang.py", codebook="elevutbytte")
    assert not at.exception
    assert any("lesetilgang" in i.value for i in at.info)
    keys = [b.key for b in at.button]
    assert not any(k and k.startswith(("accept_", "reject_", "add_", "save_memo_")) for k in keys)
    assert not any(s.key and s.key.startswith("change_") for s in at.selectbox)
    before = open_suggestions(project)
    at = signed_in("leder", "pages/3_Kodebok.py", codebook="elevutbytte")
    assert any("administratorer" in i.value for i in at.info)
    assert not any(b.key and b.key.startswith(("add_", "remove_")) for b in at.button)
    assert open_suggestions(project) == before


def test_an_expired_session_asks_to_sign_in_again(project, monkeypatch):
    at = signed_in("kari")
    at.session_state["session"].seen = now() - timedelta(hours=2)
    at = at.run()
    assert any("utløpt" in i.value for i in at.info)
    assert [t.key for t in at.text_input] == ["login_name", "login_password"] and not at.metric


def test_a_removed_user_is_signed_out(project):
    at = signed_in("kari")
    set_role(project, "admin", Role.ADMIN)
    remove_user(project, "kari")
    at = at.run()
    assert [t.key for t in at.text_input] == ["login_name", "login_password"]


def test_admins_manage_users_in_the_app_and_others_cannot(project):
    at = signed_in("admin", "pages/5_Brukere.py", codebook="elevutbytte")
    assert not at.exception
    at.text_input(key="new_user_name").input("ola")
    at.selectbox(key="new_user_role").select("reader")
    at.text_input(key="new_user_password").input("olas passord er langt")
    next(b for b in at.button if b.label == "Legg til bruker").click().run()  # the form's submit button
    assert ("ola", Role.READER) in [(u.name, u.role) for u in list_users(project)]
    at.selectbox(key="role_ola").select("coder").run()
    at.button(key="remove_leder").click().run()
    assert [(u.name, u.role.value) for u in list_users(project)] == [("admin", "admin"), ("kari", "coder"), ("ola", "coder")]
    coder = signed_in("kari", "pages/5_Brukere.py", codebook="elevutbytte")
    assert any("Bare administratorer" in i.value for i in coder.info)
    assert not any(b.key and b.key.startswith("remove_") for b in coder.button)
