"""Commands of the project and ingest steps: init, ingest, ls."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from qualcode.cli.app import app, console, err_console, fail

PROJECT_HELP = "The project: a file (evaluering.qualcode) or a database URL (postgresql://user@host/dbname)."
ProjectArg = Annotated[str, typer.Argument(help=PROJECT_HELP, show_default=False)]


def no_password(location: str) -> str:
    """Refuse a password in a URL given on the command line (shell history, process list)."""
    from qualcode.store.project import display, project_url

    if "://" in location and project_url(location).password is not None:
        fail(f"{display(location)}: leave the password out of the URL; put it in ~/.pgpass "
             "(host:port:database:user:password, mode 0600) or the PGPASSWORD environment variable.")
    return location


def open_project(location: str):
    """Open a project (file or database URL) or exit with one clear line."""
    from qualcode.store import Project, ProjectError

    try:
        return Project.open(no_password(str(location)))
    except ProjectError as exc:
        fail(str(exc))


def parse_pairs(pairs: list[str] | None, option: str) -> dict[str, str]:
    result = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            fail(f"{option} '{pair}' is not key=value (e.g. {option} skoletype=videregående).")
        result[key.strip()] = value.strip()
    return result


@app.command()
def init(
    project: ProjectArg,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing project (file or database tables).")] = False,
) -> None:
    """Create a new, empty project: one SQLite file, or the tables in an (empty) PostgreSQL database.

    Examples:

      qualcode init evaluering.qualcode

      qualcode init postgresql://kari@db.example.no/evaluering
    """
    from qualcode.store import Project, ProjectError

    try:
        Project.create(no_password(project), replace=force).close()
    except ProjectError as exc:
        replace = " Or replace it with --force (everything in it is lost)." if "already" in str(exc) and not force else ""
        fail(str(exc) + replace)
    from qualcode.store.project import display

    console.print(f"Created project [bold]{display(project)}[/]. Next: qualcode ingest {display(project)} FILES…")


@app.command()
def ingest(
    project: ProjectArg,
    files: Annotated[list[Path], typer.Argument(help="Transcripts (.txt .md .docx) and surveys (.csv .xlsx).")],
    meta: Annotated[Optional[list[str]], typer.Option("--meta", help="key=value metadata for every file; for a survey, a plain column name marks a metadata column (repeatable).")] = None,
    id_column: Annotated[Optional[str], typer.Option("--id", help="Survey: the respondent id column.")] = None,
    open_columns: Annotated[Optional[list[str]], typer.Option("--open", help="Survey: open-answer columns, 'col' or 'QUESTION=col1,col2,…' (repeatable).")] = None,
    sheet: Annotated[Optional[str], typer.Option("--sheet", help="Survey .xlsx: the sheet to read (default: the first).")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show what would be ingested (columns, respondents, words) without saving.")] = False,
    title: Annotated[Optional[list[str]], typer.Option("--title", help="Survey: QUESTION=TITLE, the question's title in clouds and reports (repeatable).")] = None,
    codebook_for: Annotated[Optional[list[str]], typer.Option("--codebook-for", help="Survey: QUESTION=CODEBOOK_ID, the codebook its answers are coded with (repeatable).")] = None,
) -> None:
    """Add transcripts and survey exports to a project. All files are checked before anything is saved.

    Examples:

      qualcode ingest evaluering.qualcode corpus/interviews/*.txt --meta intervjuer=TH

      qualcode ingest evaluering.qualcode svar.csv --id respondent_id --meta skoletype --open elev=ord1,ord2,ord3,ord4,ord5

      qualcode ingest evaluering.qualcode svar.csv --title elev="Elevenes utbytte" --codebook-for elev=elevutbytte
    """
    from rich.progress import Progress

    from qualcode.ingest import IngestError, ingest_files, read_file

    pairs = parse_pairs([m for m in meta or [] if "=" in m], "--meta")
    meta_columns = [m for m in meta or [] if "=" not in m] or None
    survey = {"id_column": id_column, "meta": meta_columns, "open_columns": open_columns, "sheet": sheet}
    paths = [p for p in files if not p.name.endswith(".meta.yaml")]
    if dry_run:
        for path in paths:
            try:
                doc = read_file(path, meta=pairs, survey=survey)
            except IngestError as exc:
                fail(str(exc))
            _preview(doc)
        console.print("Dry run: nothing was saved.")
        return
    proj = open_project(project)
    try:
        with Progress(console=err_console, transient=True) as progress:
            task = progress.add_task("Reading", total=len(paths))
            report = ingest_files(proj, paths, meta=pairs, survey=survey, progress=lambda _: progress.advance(task))
    except IngestError as exc:
        fail(f"{exc} The project was not changed.")
    for note in report.notes:
        console.print(f"[yellow]Note:[/] {note}")
    console.print(f"Added {len(report.added)} file(s), {len(report.new_versions)} new version(s), "
                  f"{len(report.unchanged)} unchanged; {report.segments} segments, {report.respondents} respondents.")
    for name in report.new_versions:
        console.print(f"  new version: {name} (codings on the old version are kept)")
    for name in report.unchanged:
        console.print(f"  unchanged: {name}")
    _question_settings(proj, parse_pairs(title, "--title"), parse_pairs(codebook_for, "--codebook-for"))


def _question_settings(proj, titles: dict[str, str], codebooks: dict[str, str]) -> None:
    """Store the questions' titles and codebooks given at ingest (see 'qualcode question set')."""
    from qualcode.store import ProjectError
    from qualcode.store.questions import set_question

    for name in dict.fromkeys([*titles, *codebooks]):
        changes = {key: value[name] for key, value in (("title", titles), ("codebook", codebooks)) if name in value}
        try:
            q = set_question(proj, name, **changes)
        except ProjectError as exc:
            fail(str(exc))
        console.print(f"  question {q.name}: title {q.title or '-'}, codebook {q.codebook or '-'}")


def _preview(doc) -> None:
    console.print(f"[bold]{doc.name}[/] ({doc.kind}, encoding {doc.encoding or 'n/a'})")
    if doc.kind == "survey":
        m = doc.meta
        console.print(f"  id column: {m['id_column']}; metadata: {', '.join(m['meta_columns']) or '-'}")
        for q, cols in m["questions"].items():
            words = [s for s in doc.segments if s.level == "word" and s.question == q]
            n = len({s.respondent for s in words if s.codable})
            console.print(f"  question {q} ← {', '.join(cols)}: N={n} respondents, {len(words)} words")
        console.print(f"  {len(doc.respondents)} respondents")
    else:
        speakers = sorted({s.speaker for s in doc.segments if s.speaker})
        console.print(f"  {len(doc.segments)} segments; speakers: {', '.join(speakers) or '-'}; metadata: {doc.meta}")
    for note in doc.notes:
        console.print(f"  [yellow]Note:[/] {note}")


@app.command("ls")
def list_project(project: ProjectArg) -> None:
    """Show what a project holds: documents, segments, respondents, variables, N per question.

    Example: qualcode ls evaluering.qualcode
    """
    from qualcode.store.summary import project_summary

    summary = project_summary(open_project(project))
    table = Table(title=f"{project} (schema {summary.schema_version})", show_header=False)
    table.add_row("documents", ", ".join(f"{n} {k}" for k, n in sorted(summary.documents.items())) or "0"
                  + (f" (+{summary.superseded} older versions)" if summary.superseded else ""))
    table.add_row("segments", ", ".join(f"{n} {k}" for k, n in sorted(summary.segments.items())) or "0")
    table.add_row("codable units", str(summary.codable))
    table.add_row("respondents", str(summary.respondents))
    table.add_row("variables", ", ".join(f"{n} ({t})" for n, t, _ in summary.variables) or "-")
    for q, n in summary.questions.items():
        table.add_row(f"question {q}", f"N = {n}")
    console.print(table)
