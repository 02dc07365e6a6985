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
