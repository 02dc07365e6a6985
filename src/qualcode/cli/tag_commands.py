"""Commands of the tag step: tag (JSON Lines in and out) and code (a whole project)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from qualcode.cli.app import PipelineOption, app, console, err_console, fail
from qualcode.cli.project_commands import ProjectArg, open_project

CODEBOOK_HELP = ("The codebook: its id in the project (elevutbytte) or a YAML file (codebooks/elevutbytte.yaml); "
                 "see 'qualcode codebook list'.")
CodebookOption = Annotated[str, typer.Option("--codebook", "-c", help=CODEBOOK_HELP)]
OptionalCodebook = Annotated[Optional[str], typer.Option("--codebook", "-c", help=CODEBOOK_HELP)]


def codebook_or_fail(project, spec: str | Path):
    """The codebook ``spec`` names (a stored id or a YAML file, see ``store.codebooks.codebook_from``)."""
    from qualcode.store import ProjectError
    from qualcode.store.codebooks import codebook_from
    from qualcode.tagging import CodebookError

    try:
        return codebook_from(project, spec)
    except (CodebookError, ProjectError) as exc:
        fail(str(exc))


def default_codebook_or_fail(project, spec: str | None, question: str | None = None):
    """``spec``; else the question's stored codebook; else the project's only codebook."""
    from qualcode.store.codebooks import list_codebooks
    from qualcode.store.questions import settings_for

    if spec:
        return codebook_or_fail(project, spec)
    if question is not None and (chosen := settings_for(project, question).codebook):
        return codebook_or_fail(project, chosen)
    stored = [book.key for book in list_codebooks(project)]
    if len(stored) == 1:
        return codebook_or_fail(project, stored[0])
    if not stored:
        fail(f"{project.location} holds no codebook yet. Code it first: qualcode code {project.location} --codebook FILE.yaml")
    hint = (f", or store one for the question: qualcode question set {project.location} {question} --codebook ID"
            if question else "")
    fail(f"give --codebook: the project holds {', '.join(stored)}{hint}.")


@app.command()
def tag(
    codebook: CodebookOption,
    file: Annotated[Optional[Path], typer.Argument(help="JSON Lines file of {\"id\": …, \"text\": …}; default: standard input.")] = None,
    pipeline: PipelineOption = None,
) -> None:
    """Tag JSON Lines with a codebook: one {"id", "codes"} line out per line in.

    Codes are ordered by descending score; the first is the primary category. Offsets are
    character offsets into the input text. A line without text gets an {"id", "error"} line.

    Example:

      echo '{"id": 1, "text": "Elevene fikk nye venner"}' | qualcode tag --codebook codebooks/elevutbytte.yaml
    """
    from qualcode.tagging import codebook_pipeline, codes_json

    cb = codebook_or_fail(None, codebook)
    nlp = codebook_pipeline(cb, pipeline)
    try:
        stream = open(file, encoding="utf-8-sig") if file else sys.stdin
    except OSError as exc:
        fail(f"{file}: cannot be read ({exc.strerror}).")
    out = sys.stdout
    with stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                out.write(json.dumps({"id": None, "line": number, "error": f"not valid JSON ({exc.msg})"}, ensure_ascii=False) + "\n")
                continue
            ident = item.get("id") if isinstance(item, dict) else None
            text = item.get("text") if isinstance(item, dict) else None
            if not isinstance(text, str):
                out.write(json.dumps({"id": ident, "line": number, "error": "no \"text\" string on this line"}, ensure_ascii=False) + "\n")
                continue
            if len(text) >= nlp.max_length:
                out.write(json.dumps({"id": ident, "line": number, "error": f"the text has {len(text):,} characters; "
                                      f"tag at most {nlp.max_length - 1:,} at a time (split it into sentences)"},
                                     ensure_ascii=False) + "\n")
                continue
            doc = nlp(text)
            out.write(json.dumps({"id": ident, "codes": codes_json(doc, cb)}, ensure_ascii=False) + "\n")
            out.flush()


@app.command()
def code(
    project: ProjectArg,
    codebook: CodebookOption,
    pipeline: PipelineOption = None,
) -> None:
    """Code every segment of a project with a codebook; suggestions wait for review.

    The first time, give the YAML file: the project stores it whole (comments kept), and a
    changed file becomes a new version (see 'qualcode codebook history'). After that the id is
    enough, from any folder and on any machine the project is copied to.

    Human decisions are never changed: accepted, rejected and manual codings and memos survive
    every run, and a rejected suggestion returns only if its evidence changed. Parses are
    cached in the project, so re-coding after a codebook edit is fast; when only the codebook
    changed since the last run, just the segments holding a word the edit touches are re-tagged.

    Examples:

      qualcode code evaluering.qualcode --codebook codebooks/elevutbytte.yaml

      qualcode code evaluering.qualcode -c elevutbytte
    """
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    from qualcode.cli.app import _load
    from qualcode.store.codebooks import default_author
    from qualcode.tagging.apply import code_project

    proj = open_project(project)
    cb = codebook_or_fail(proj, codebook)
    nlp = _load(pipeline)
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                  TimeRemainingColumn(), console=err_console, transient=True) as bar:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task("Parsing" if stage == "parse" else "Tagging", total=total)
            bar.update(tasks[stage], completed=done, total=total)

        report = code_project(proj, cb, nlp, progress, author=default_author())
    console.print(f"Coded {report.segments} segments with '{cb.id}' ({report.texts} distinct texts: "
                  f"{report.parsed} parsed now, {report.texts - report.parsed} from the cache): "
                  f"{report.suggested} new suggestions, {report.updated} updated, {report.withdrawn} withdrawn, "
                  f"{report.kept_decisions} human decisions kept."
                  + _incremental_note(report))
    if report.too_long:
        err_console.print(f"Note: {report.too_long} segment(s) longer than {nlp.max_length:,} characters, stored by an "
                          f"older qualcode, were left uncoded; ingest their file into a new project to have them "
                          f"split into sentences.")
    from qualcode.analysis.counts import category_counts

    print_counts(category_counts(proj, cb))


def print_counts(counts) -> None:
    """Counts per category: respondents per survey question, segments and documents for interviews."""
    for block in counts:
        table = Table(title=f"{block.title} — N = {block.n} {block.unit}")
        table.add_column("category")
        table.add_column(block.unit, justify="right")
        table.add_column("%", justify="right")
        if block.documents is not None:
            table.add_column("documents", justify="right")
        for row in block.rows:
            cells = [f"[{row.color}]■[/] {row.label}", str(row.count), f"{row.percent:.0f}"]
            if block.documents is not None:
                cells.append(str(row.documents))
            table.add_row(*cells)
        console.print(table)


def _incremental_note(report) -> str:
    if not report.incremental:
        return ""
    if not report.retagged:
        return " Nothing that changes a suggestion has changed since the last run."
    return (f" Only the codebook changed since the last run: the {report.retagged} segments holding a word "
            f"the edit touches were re-tagged.")
