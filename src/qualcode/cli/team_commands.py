"""Commands of a team server: copy a project between SQLite and PostgreSQL, manage user accounts."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from qualcode.cli.app import app, console, err_console, fail
from qualcode.cli.project_commands import PROJECT_HELP, ProjectArg, no_password, open_project


@app.command("copy")
def copy_command(
    source: ProjectArg,
    destination: Annotated[str, typer.Argument(help="Where the copy goes: " + PROJECT_HELP[len("The project: "):],
                                               show_default=False)],
    force: Annotated[bool, typer.Option("--force", help="Replace what the destination holds.")] = False,
) -> None:
    """Copy a whole project between SQLite and PostgreSQL (either direction), checked table by table.

    Every table is copied (codebooks, documents, segments, parse cache, codings, decisions, memos,
    models, users …); row counts and content digests must match before the copy is kept. A
    destination that holds data is refused unless --force.

    Examples:

      qualcode copy evaluering.qualcode postgresql://qualcode@db.example.no/evaluering

      qualcode copy postgresql://qualcode@db.example.no/evaluering sikkerhetskopi.qualcode
    """
    from rich.progress import Progress

    from qualcode.store import ProjectError
    from qualcode.store.copy import copy_project
    from qualcode.store.project import display

    project = open_project(source)
    try:
        with Progress(console=err_console, transient=True) as bar:
            tasks: dict[str, object] = {}

            def progress(table: str, done: int, total: int) -> None:
                if table not in tasks:
                    tasks[table] = bar.add_task(table, total=max(total, 1))
                bar.update(tasks[table], completed=done)

            report = copy_project(project, no_password(destination), force=force, progress=progress)
    except ProjectError as exc:
        fail(str(exc))
    finally:
        project.close()
    table = Table(title=f"{display(source)} → {display(destination)}")
    for column in ("table", "rows", "digest (SHA-256)"):
        table.add_column(column, justify="right" if column == "rows" else "left")
    for copied in report.tables:
        table.add_row(copied.name, f"{copied.rows:,}".replace(",", " "), copied.digest[:16])
    console.print(table)
    console.print(f"Copied {report.rows:,} rows in {len(report.tables)} tables; every count and digest matches the source."
                  .replace(",", " "))


users_app = typer.Typer(
    help="User accounts of a team project: once a project has users, the app asks everyone to sign in.\n\n"
         "Roles: admin (everything, also codebooks and users), coder (reviews and codes), reader (looks: "
         "start page, clouds, comparisons, report).\n\n"
         "Example: qualcode users add postgresql://qualcode@db/evaluering kari --role coder",
    no_args_is_help=True,
)
app.add_typer(users_app, name="users")

RoleOption = Annotated[str, typer.Option("--role", "-r", help="admin, coder or reader.")]
NameArg = Annotated[str, typer.Argument(help="The user name they sign in with (e.g. kari.nordmann).", show_default=False)]


def _password(confirm: bool = True) -> str:
    """From a hidden prompt (asked twice) at a terminal, else the first line of standard input."""
    import sys

    if sys.stdin.isatty():
        return typer.prompt("Password", hide_input=True, confirmation_prompt=confirm)
    return sys.stdin.readline().rstrip("\r\n")


def _users_call(call, *args):
    from qualcode.store.users import UserError

    try:
        return call(*args)
    except UserError as exc:
        fail(str(exc))


@users_app.command("add")
def users_add(project: ProjectArg, name: NameArg, role: RoleOption = "coder") -> None:
    """Add a user; the password comes from a prompt (or the first line of standard input).

    Examples:

      qualcode users add evaluering.qualcode kari --role admin

      echo "$PASSORD" | qualcode users add evaluering.qualcode ola --role reader
    """
    from qualcode.store.users import add_user

    proj = open_project(project)
    user = _users_call(add_user, proj, name, _password(), role)
    console.print(f"Added {user.name} ({user.role.value}). The app now asks everyone to sign in.")


@users_app.command("list")
def users_list(project: ProjectArg) -> None:
    """List the users and their roles.

    Example: qualcode users list evaluering.qualcode
    """
    from qualcode.store.users import list_users

    users = list_users(open_project(project))
    if not users:
        console.print("No users: the app runs for one analyst on localhost. Add one with: qualcode users add PROJECT NAME --role admin")
        return
    table = Table("user", "role")
    for user in users:
        table.add_row(user.name, user.role.value)
    console.print(table)


@users_app.command("remove")
def users_remove(project: ProjectArg, name: NameArg) -> None:
    """Remove a user (their decisions keep their name).

    Example: qualcode users remove evaluering.qualcode ola
    """
    from qualcode.store.users import remove_user

    _users_call(remove_user, open_project(project), name)
    console.print(f"Removed {name}.")


@users_app.command("passwd")
def users_passwd(project: ProjectArg, name: NameArg) -> None:
    """Set a new password (also lifts a lock after failed sign-ins).

    Example: qualcode users passwd evaluering.qualcode kari
    """
    from qualcode.store.users import set_password

    proj = open_project(project)
    _users_call(set_password, proj, name, _password())
    console.print(f"New password set for {name}.")


@users_app.command("role")
def users_role(project: ProjectArg, name: NameArg, role: RoleOption) -> None:
    """Change a user's role.

    Example: qualcode users role evaluering.qualcode ola --role coder
    """
    from qualcode.store.users import set_role

    user = _users_call(set_role, open_project(project), name, role)
    console.print(f"{user.name} is now {user.role.value}.")
