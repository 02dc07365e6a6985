"""A project's user accounts: who may sign in to a team server, and in which role.

A project without users is used as before, by one analyst on localhost. Once it has users the
app asks everyone to sign in, and the signed-in name is the coder on every decision. Passwords
are hashed with argon2id (argon2-cffi) and never stored or logged in clear. After
``MAX_FAILURES`` wrong passwords in a row an account is locked for a while, doubling each time.

>>> add_user(project, "kari", "lang nok passord", Role.CODER)      # doctest: +SKIP
>>> sign_in(project, "kari", "lang nok passord").role              # doctest: +SKIP
<Role.CODER: 'coder'>
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, delete, func, insert, select, update

from qualcode.store import schema
from qualcode.store.project import Project, now
from qualcode.store.values import Role

MIN_PASSWORD = 10
MAX_FAILURES = 5  # wrong passwords in a row before the account waits
FIRST_LOCK = timedelta(seconds=30)  # doubled with every further failure, up to LONGEST_LOCK
LONGEST_LOCK = timedelta(minutes=15)
_NAME = re.compile(r"^[\w.@+-]{1,128}$")  # letters, digits and . @ + - _ (an e-mail address works)
_hasher = PasswordHasher()
# Verified when the name is unknown, so a wrong name takes as long as a wrong password.
_DUMMY = _hasher.hash("not a password anyone has")


class UserError(ValueError):
    """A user command that cannot be done; the message says what to do."""


class SignInError(UserError):
    """A sign-in refused: wrong name or password, or too many failures (then ``wait`` says how many seconds)."""

    def __init__(self, message: str, wait: int | None = None) -> None:
        super().__init__(message)
        self.wait = wait


@dataclass(frozen=True)
class User:
    name: str
    role: Role


def has_users(project: Project) -> bool:
    """Whether the project has accounts (then the app asks everyone to sign in)."""
    with project.read() as conn:
        return conn.execute(select(func.count()).select_from(schema.users)).scalar() > 0


def list_users(project: Project) -> list[User]:
    u = schema.users
    with project.read() as conn:
        return [User(row.name, Role(row.role)) for row in conn.execute(select(u.c.name, u.c.role).order_by(u.c.name))]


def find_user(project: Project, name: str) -> User | None:
    u = schema.users
    with project.read() as conn:
        row = conn.execute(select(u.c.name, u.c.role).where(u.c.name == name)).first()
    return User(row.name, Role(row.role)) if row else None


def add_user(project: Project, name: str, password: str, role: Role | str) -> User:
    """A new account; the name must be free and the password at least ``MIN_PASSWORD`` characters."""
    role = _role(role)
    _check_name(name)
    _check_password(password)
    u = schema.users
    with project.transaction() as conn:
        if conn.execute(select(u.c.id).where(u.c.name == name)).first():
            raise UserError(f"there is already a user '{name}'. Choose another name, or change the password with "
                            f"'qualcode users passwd PROJECT {name}'.")
        stamp = now()
        conn.execute(insert(u).values(name=name, role=role.value, password_hash=_hasher.hash(password),
                                      failed_logins=0, created_at=stamp, updated_at=stamp))
    return User(name, role)


def remove_user(project: Project, name: str) -> None:
    """Delete an account; their decisions keep their name. The last admin cannot go while others remain."""
    u = schema.users
    with project.transaction() as conn:
        _existing(conn, name)
        _keep_an_admin(conn, name, None)
        conn.execute(delete(u).where(u.c.name == name))


def set_password(project: Project, name: str, password: str) -> None:
    """A new password; it also lifts a lock from failed sign-ins."""
    _check_password(password)
    u = schema.users
    with project.transaction() as conn:
        _existing(conn, name)
        conn.execute(update(u).where(u.c.name == name).values(password_hash=_hasher.hash(password), failed_logins=0,
                                                             locked_until=None, updated_at=now()))


def set_role(project: Project, name: str, role: Role | str) -> User:
    role = _role(role)
    u = schema.users
    with project.transaction() as conn:
        _existing(conn, name)
        _keep_an_admin(conn, name, role)
        conn.execute(update(u).where(u.c.name == name).values(role=role.value, updated_at=now()))
    return User(name, role)


def sign_in(project: Project, name: str, password: str, *, at: datetime | None = None) -> User:
    """The user, if the password is right and the account is not waiting after failed attempts.

    Raises :class:`SignInError` with one message for a wrong name or password (it does not say
    which), and another, with the wait, while the account is locked.
    """
    at = at or now()
    u = schema.users
    with project.transaction() as conn:
        row = conn.execute(select(u).where(u.c.name == name.strip()).with_for_update()).first()
        if row is None:
            _verify(_DUMMY, password)
            raise SignInError("wrong user name or password.")
        locked_until = _aware(row.locked_until)
        if locked_until is not None and at < locked_until:
            wait = int((locked_until - at).total_seconds()) + 1
            raise SignInError(f"too many failed sign-ins for '{row.name}'; try again in {wait} seconds "
                              "(or ask an admin to set a new password).", wait)
        if not _verify(row.password_hash, password):
            failures = row.failed_logins + 1
            lock = None
            if failures >= MAX_FAILURES:
                lock = at + min(FIRST_LOCK * 2 ** (failures - MAX_FAILURES), LONGEST_LOCK)
            conn.execute(update(u).where(u.c.id == row.id).values(failed_logins=failures, locked_until=lock))
            # The count must survive the refusal: commit it, then refuse.
            error = SignInError("wrong user name or password.")
        else:
            error = None
            values = {"failed_logins": 0, "locked_until": None}
            if _hasher.check_needs_rehash(row.password_hash):
                values["password_hash"] = _hasher.hash(password)
            conn.execute(update(u).where(u.c.id == row.id).values(**values))
    if error:
        raise error
    return User(row.name, Role(row.role))


@dataclass
class Session:
    """A signed-in user in the app. It ends after ``idle`` without a click, and after ``longest`` at most."""

    name: str
    role: Role
    started: datetime
    seen: datetime
    idle: timedelta = timedelta(minutes=60)
    longest: timedelta = timedelta(hours=12)

    def expired(self, at: datetime | None = None) -> bool:
        at = at or now()
        return at - self.seen > self.idle or at - self.started > self.longest


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _aware(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=timezone.utc)  # SQLite hands back the UTC time it was given, without a zone


def _role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise UserError(f"'{role}' is not a role; use admin, coder or reader.") from None


def _check_name(name: str) -> None:
    if not _NAME.match(name or ""):
        raise UserError(f"'{name}' is not a user name: use 1–128 letters, digits or . @ + - _ (no spaces), e.g. kari.nordmann.")


def _check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise UserError(f"the password is too short: use at least {MIN_PASSWORD} characters (a few words work well).")


def _existing(conn: Connection, name: str) -> None:
    if conn.execute(select(schema.users.c.id).where(schema.users.c.name == name)).first() is None:
        raise UserError(f"there is no user '{name}'. See who there is with 'qualcode users list PROJECT'.")


def _keep_an_admin(conn: Connection, name: str, new_role: Role | None) -> None:
    """Refuse to remove or demote the last admin while other users remain (nobody could manage them)."""
    u = schema.users
    role = conn.execute(select(u.c.role).where(u.c.name == name)).scalar()
    if role != Role.ADMIN or new_role == Role.ADMIN:
        return
    admins = conn.execute(select(func.count()).where(u.c.role == Role.ADMIN.value)).scalar()
    others = conn.execute(select(func.count()).where(u.c.name != name)).scalar()
    if admins == 1 and others > 0:
        raise UserError(f"'{name}' is the last admin; make another user admin first "
                        "(qualcode users add PROJECT NAME --role admin).")
