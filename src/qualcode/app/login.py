"""Sign-in for a project with user accounts: a login form and nothing else until someone signs in.

A project without users stays single-user (the coder types a name on the start page). With users,
the signed-in name is the coder on every decision, the role decides what the pages offer, a
session ends after an hour without a click (``QUALCODE_SESSION_IDLE_MINUTES``) or twelve hours at
most, and failed sign-ins are rate-limited per account (``qualcode.store.users``).
"""

from __future__ import annotations

import os
from datetime import timedelta

import streamlit as st

from qualcode.store import Project
from qualcode.store.project import now
from qualcode.store.users import Session, SignInError, User, find_user, has_users, sign_in

TEXT = {
    "nb": {"sign_in": "Logg inn", "user": "Brukernavn", "password": "Passord", "wrong": "Feil brukernavn eller passord.",
           "locked": "For mange mislykkede forsøk. Prøv igjen om {s} sekunder, eller be en administrator om nytt passord.",
           "expired": "Økten er utløpt. Logg inn igjen.", "signed_in_as": "Logget inn som", "sign_out": "Logg ut",
           "role_admin": "administrator", "role_coder": "koder", "role_reader": "leser",
           "read_only": "Du har lesetilgang: du kan se alt, men ikke endre koder eller kodebøker.",
           "admins_only": "Bare administratorer kan endre kodebøker.",
           "users_admins_only": "Bare administratorer kan se og endre brukere.", "role": "Rolle",
           "add_user": "Legg til bruker", "remove_user": "Fjern", "change_role": "Endre rolle", "new_password": "Nytt passord",
           "set_password": "Sett passord", "no_users": "Prosjektet har ingen brukere; appen er åpen for én analytiker på denne maskinen.",
           "done": "Lagret."},
    "en": {"sign_in": "Sign in", "user": "User name", "password": "Password", "wrong": "Wrong user name or password.",
           "locked": "Too many failed attempts. Try again in {s} seconds, or ask an admin for a new password.",
           "expired": "Your session has expired. Please sign in again.", "signed_in_as": "Signed in as",
           "sign_out": "Sign out", "role_admin": "admin", "role_coder": "coder", "role_reader": "reader",
           "read_only": "You have read access: you can see everything but not change codes or codebooks.",
           "admins_only": "Only admins can change codebooks.",
           "users_admins_only": "Only admins can see and change users.", "role": "Role",
           "add_user": "Add user", "remove_user": "Remove", "change_role": "Change role", "new_password": "New password",
           "set_password": "Set password", "no_users": "The project has no users; the app is open to one analyst on this machine.",
           "done": "Saved."},
}


def _t(key: str) -> str:
    lang = st.session_state.get("lang", st.query_params.get("lang", "nb"))
    return TEXT.get(lang, TEXT["nb"])[key]


def text(key: str) -> str:
    """The sign-in texts (and the role notices pages show) in the app's language."""
    return _t(key)


def signed_in() -> User | None:
    """The user this session signed in as (after :func:`current_user` let the page through)."""
    session: Session | None = st.session_state.get("session")
    return User(session.name, session.role) if session else None


def may_decide() -> bool:
    """Whether this session may change codes: anyone without accounts, else coders and admins."""
    user = signed_in()
    return user is None or user.role.can_decide


def may_manage_users() -> bool:
    """Admins; on a project without accounts, whoever runs the app on this machine (to add the first)."""
    user = signed_in()
    return user is None or user.role.can_manage_users


def may_edit_codebooks() -> bool:
    user = signed_in()
    return user is None or user.role.can_edit_codebooks


def _idle() -> timedelta:
    return timedelta(minutes=float(os.environ.get("QUALCODE_SESSION_IDLE_MINUTES", "60")))


def current_user(proj: Project) -> User | None:
    """The signed-in user, or None for a project without accounts.

    For a project with accounts, a visitor who is not signed in (or whose session expired, or
    whose account was removed) sees the login form and the page stops there.
    """
    if not has_users(proj):
        return None
    session: Session | None = st.session_state.get("session")
    if session is not None:
        if session.expired():
            del st.session_state["session"]
            st.session_state["session_note"] = _t("expired")
        else:
            user = find_user(proj, session.name)  # removed or given another role since sign-in: it counts now
            if user is not None:
                session.role, session.seen = user.role, now()
                _sidebar(user)
                return user
            del st.session_state["session"]
    _login_form(proj)
    st.stop()


def _sidebar(user: User) -> None:
    with st.sidebar:
        from qualcode.app.common import md  # common imports this module

        st.caption(f"{_t('signed_in_as')} **{md(user.name)}** ({_t('role_' + user.role.value)})")
        if st.button(_t("sign_out"), key="sign_out"):
            st.session_state.pop("session", None)
            st.rerun()


def _login_form(proj: Project) -> None:
    if "session_note" in st.session_state:
        st.info(st.session_state.pop("session_note"))
    with st.form("login"):
        st.subheader(_t("sign_in"))
        name = st.text_input(_t("user"), key="login_name")
        password = st.text_input(_t("password"), type="password", key="login_password")
        submitted = st.form_submit_button(_t("sign_in"), type="primary")
    if not submitted:
        return
    try:
        user = sign_in(proj, name, password)
    except SignInError as exc:
        st.error(_t("wrong") if exc.wait is None else _t("locked").format(s=exc.wait))
        return
    stamp = now()
    st.session_state["session"] = Session(user.name, user.role, stamp, stamp, idle=_idle())
    st.session_state["coder"] = user.name
    st.rerun()
