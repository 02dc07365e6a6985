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

CodebookOption = Annotated[Path, typer.Option("--codebook", "-c", help="Codebook YAML file (e.g. codebooks/elevutbytte.yaml).")]


def load_codebook_or_fail(path: Path):
    from qualcode.tagging import CodebookError, load_codebook

    try:
        return load_codebook(path)
    except CodebookError as exc:
        fail(str(exc))


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

    cb = load_codebook_or_fail(codebook)
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

    Human decisions are never changed: accepted, rejected and manual codings and memos survive
    every run, and a rejected suggestion returns only if its evidence changed. Parses are
    cached in the project, so re-coding after a codebook edit is fast; when only the codebook
    changed since the last run, just the segments holding a word the edit touches are re-tagged.

    Example: qualcode code evaluering.qualcode --codebook codebooks/elevutbytte.yaml
    """
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    from qualcode.tagging.apply import code_project
    from qualcode.cli.app import _load

    cb = load_codebook_or_fail(codebook)
    proj = open_project(project)
    nlp = _load(pipeline)
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                  TimeRemainingColumn(), console=err_console, transient=True) as bar:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task("Parsing" if stage == "parse" else "Tagging", total=total)
            bar.update(tasks[stage], completed=done, total=total)

        report = code_project(proj, cb, nlp, progress)
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
