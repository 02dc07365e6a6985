"""Commands for what the project stores: its codebooks (codebook list|show|export|history|diff|undo)
and its survey questions' settings (question list|set)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from qualcode.cli.app import app, console, fail
from qualcode.cli.project_commands import ProjectArg, open_project

codebook_app = typer.Typer(help="The codebooks stored in a project: list, show, export, history, diff, undo.",
                           no_args_is_help=True)
question_app = typer.Typer(help="Survey questions' settings: title, codebook, comparison variable.", no_args_is_help=True)
app.add_typer(codebook_app, name="codebook")
app.add_typer(question_app, name="question")

CodebookId = Annotated[str, typer.Argument(help="The codebook's id in the project (see 'qualcode codebook list').")]
VersionOption = Annotated[Optional[int], typer.Option("--version", "-v", min=1, help="A version number; default: the current one.")]


def _or_fail(call, *args, **kwargs):
    from qualcode.store import ProjectError
    from qualcode.tagging import CodebookError

    try:
        return call(*args, **kwargs)
    except (ProjectError, CodebookError) as exc:
        fail(str(exc))


def _when(moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "-"


@codebook_app.command("list")
def codebook_list(project: ProjectArg) -> None:
    """List the project's codebooks with their categories and versions.

    Example: qualcode codebook list evaluering.qualcode
    """
    from qualcode.store.codebooks import list_codebooks

    books = list_codebooks(open_project(project))
    if not books:
        console.print(f"{project} holds no codebook yet. Store one with: qualcode code {project} --codebook FILE.yaml")
        return
    table = Table(title=f"Codebooks in {project}")
    for column in ("id", "name", "categories", "version", "changed"):
        table.add_column(column, justify="right" if column in ("categories", "version") else "left")
    for book in books:
        version = f"{book.current} of {book.versions}" if book.current else "[yellow]file needed[/]"
        table.add_row(book.key, book.name, str(book.categories), version, _when(book.updated_at))
    console.print(table)


@codebook_app.command("show")
def codebook_show(project: ProjectArg, codebook: CodebookId, version: VersionOption = None) -> None:
    """Print a stored codebook's YAML, as written (comments kept).

    Example: qualcode codebook show evaluering.qualcode elevutbytte --version 2
    """
    from qualcode.store.codebooks import stored_codebook

    book = _or_fail(stored_codebook, open_project(project), codebook, version)
    typer.echo(book.text, nl=False)


@codebook_app.command("export")
def codebook_export(
    project: ProjectArg,
    codebook: CodebookId,
    out: Annotated[Path, typer.Option("--out", "-o", help="A .yaml file (comments kept) or a REFI-QDA .qdc file.")],
    version: VersionOption = None,
) -> None:
    """Write a stored codebook to a file: YAML as written, or REFI-QDA (.qdc) for other QDA programs.

    Examples:

      qualcode codebook export evaluering.qualcode elevutbytte --out elevutbytte.yaml

      qualcode codebook export evaluering.qualcode elevutbytte --out elevutbytte.qdc
    """
    from qualcode.store.codebooks import stored_codebook

    proj = open_project(project)
    book = _or_fail(stored_codebook, proj, codebook, version)
    suffix = out.suffix.lower()
    if suffix in (".yaml", ".yml"):
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(book.text, encoding="utf-8")
    elif suffix == ".qdc":
        from qualcode.exchange import ExchangeError
        from qualcode.exchange.refi import export_qdc

        if version is not None:
            fail("--version: a .qdc is written from the current version; export that version as .yaml instead.")
        try:
            export_qdc(proj, out, [codebook])
        except ExchangeError as exc:
            fail(str(exc))
    else:
        fail(f"--out {out}: give a file ending in .yaml, .yml or .qdc.")
    console.print(f"Wrote {out}: codebook '{codebook}', {len(book.categories)} categories.")


@codebook_app.command("history")
def codebook_history(project: ProjectArg, codebook: CodebookId) -> None:
    """Every version of a stored codebook: who changed what, and when.

    Example: qualcode codebook history evaluering.qualcode elevutbytte
    """
    from qualcode.store.codebooks import stored_codebook, versions

    proj = open_project(project)
    found = versions(proj, codebook)
    if not found:
        _or_fail(stored_codebook, proj, codebook)  # says why: unknown id, or the file to give
    table = Table(title=f"History of '{codebook}' (newest last; diff: qualcode codebook diff {project} {codebook})")
    for column in ("version", "when", "who", "how", "what"):
        table.add_column(column, justify="right" if column == "version" else "left")
    for v in found:
        table.add_row(str(v.number), _when(v.created_at), v.author or "-", v.action, v.summary)
    console.print(table)


@codebook_app.command("diff")
def codebook_diff_command(
    project: ProjectArg,
    codebook: CodebookId,
    old: Annotated[Optional[int], typer.Option("--from", min=1, help="The older version; default: the one before --to.")] = None,
    new: Annotated[Optional[int], typer.Option("--to", min=1, help="The newer version; default: the current one.")] = None,
) -> None:
    """Show what changed between two versions of a stored codebook (a unified diff of the YAML).

    Example: qualcode codebook diff evaluering.qualcode elevutbytte --from 1 --to 3
    """
    from qualcode.store.codebooks import codebook_diff

    text = _or_fail(codebook_diff, open_project(project), codebook, old, new)
    typer.echo(text or "No difference.", nl=bool(not text))


@codebook_app.command("undo")
def codebook_undo(
    project: ProjectArg,
    codebook: CodebookId,
    code_again: Annotated[bool, typer.Option("--code/--no-code", help="Re-code the project with the restored version.")] = True,
) -> None:
    """Undo the last change to a stored codebook (kept in the history as a version of its own).

    Example: qualcode codebook undo evaluering.qualcode elevutbytte
    """
    from qualcode.store.codebooks import default_author, undo_last_change

    proj = open_project(project)
    book = _or_fail(undo_last_change, proj, codebook, default_author())
    console.print(f"Codebook '{codebook}' is back as it was before its last change.")
    if code_again:
        from qualcode.tagging.apply import code_project

        report = code_project(proj, book, author=default_author())
        console.print(f"Re-coded {report.retagged} segments: {report.suggested} new suggestions, "
                      f"{report.withdrawn} withdrawn.")


# -- questions -------------------------------------------------------------------------------------

@question_app.command("list")
def question_list(project: ProjectArg) -> None:
    """The survey questions with their title, codebook and comparison variable.

    Example: qualcode question list evaluering.qualcode
    """
    from qualcode.store.questions import question_settings

    settings = question_settings(open_project(project))
    if not settings:
        console.print(f"{project} has no survey questions.")
        return
    table = Table(title=f"Survey questions in {project}")
    for column in ("question", "title", "codebook", "compare by"):
        table.add_column(column)
    for q in settings.values():
        table.add_row(q.name, q.title or "-", q.codebook or "-", q.by or "-")
    console.print(table)


@question_app.command("set")
def question_set(
    project: ProjectArg,
    question: Annotated[str, typer.Argument(help="The question (elev_ord), or the start of its name before _ (elev).")],
    title: Annotated[Optional[str], typer.Option("--title", help="Its title in clouds and reports ('' clears it).")] = None,
    codebook: Annotated[Optional[str], typer.Option("--codebook", "-c", help="The codebook its answers are coded and coloured with: an id in the project ('' clears it).")] = None,
    by: Annotated[Optional[str], typer.Option("--by", help="The metadata variable groups are compared by ('' clears it).")] = None,
) -> None:
    """Store a survey question's title, codebook and comparison variable in the project.

    Example: qualcode question set evaluering.qualcode elev --title "Elevenes utbytte" --codebook elevutbytte --by skolenivå
    """
    from qualcode.store.questions import set_question

    proj = open_project(project)
    changes = {name: value for name, value in (("title", title), ("codebook", codebook), ("by", by)) if value is not None}
    if not changes:
        fail("give --title, --codebook or --by (see 'qualcode question set --help').")
    if changes.get("codebook"):
        changes["codebook"] = _stored_id(proj, changes["codebook"])
    q = _or_fail(set_question, proj, question, **changes)
    console.print(f"Question {q.name}: title {q.title or '-'}, codebook {q.codebook or '-'}, compare by {q.by or '-'}.")


def _stored_id(project, spec: str) -> str:
    """A question's codebook is a stored one; a YAML file given here names it by its id."""
    from qualcode.cli.tag_commands import codebook_or_fail
    from qualcode.store.codebooks import is_codebook_id

    return spec if is_codebook_id(spec) else codebook_or_fail(None, spec).id
