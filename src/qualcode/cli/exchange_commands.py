"""Commands of the export step: export (REFI-QDA, Excel, CSV), import (REFI-QDA) and agreement."""

from __future__ import annotations

import math
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from qualcode.cli.app import PipelineOption, app, console, err_console, fail
from qualcode.cli.project_commands import ProjectArg, open_project
from qualcode.store.values import Status

class ExportFormat(str, Enum):
    qdpx = "qdpx"
    qdc = "qdc"
    xlsx = "xlsx"
    csv = "csv"


CodebookKeys = Annotated[
    Optional[list[str]],
    typer.Option("--codebook", "-c", help="Only this codebook: its id in the project (elevutbytte) or its YAML file (repeatable; default: all)."),
]


def _codebook_key(project, value: str) -> str:
    """The id of the project's codebook ``value`` names: its id, or the YAML file that defines it."""
    from qualcode.cli.tag_commands import codebook_or_fail
    from qualcode.store import ProjectError
    from qualcode.store.codebooks import is_codebook_id, stored_codebooks

    key = value if is_codebook_id(value) else codebook_or_fail(None, value).id
    try:
        stored_codebooks(project, [key])
    except ProjectError as exc:
        fail(str(exc))
    return key


def _print_notes(title: str, notes: list[str]) -> None:
    for note in notes:
        console.print(f"[yellow]{title}:[/] {note}", highlight=False)


@app.command()
def export(
    project: ProjectArg,
    out: Annotated[Path, typer.Option("--out", "-o", help="The file to write (.qdpx, .qdc, .xlsx or .csv).")],
    format: Annotated[Optional[ExportFormat], typer.Option("--format", "-f", help="Default: from the --out suffix.")] = None,
    pseudonymise: Annotated[bool, typer.Option("--pseudonymise", help="Replace persons, schools, organisations and small places ('Person 1', 'Skole A'); countries and the project's keep-places stay; the project is not changed.")] = False,
    names: Annotated[Optional[Path], typer.Option("--names", help="YAML list of names to replace: personer, skoler, steder, behold (implies --pseudonymise).")] = None,
    codebook: CodebookKeys = None,
    accepted_only: Annotated[bool, typer.Option("--accepted-only", help="Only codings a coder accepted or made (default: suggestions too).")] = False,
    by: Annotated[Optional[str], typer.Option("--by", help="xlsx: the metadata the crosstab sheet groups by; default: each question's stored variable.")] = None,
    pipeline: PipelineOption = None,
) -> None:
    """Export codings: REFI-QDA project or codebook, Excel workbook or CSV table.

    A .qdpx opens in NVivo, ATLAS.ti, MAXQDA, QualCoder and other REFI-QDA programs. The
    workbook has the codings, a category × group crosstab and quotes with attribution.
    With --pseudonymise, names from --names, the 'skole' metadata, the pipeline's name finder
    and a list of Norwegian first names and surnames become 'Person 1', 'Skole A',
    'Organisasjon A', 'Sted A' in every text, consistently; countries and the other names of
    'qualcode keep-places' are kept.

    Examples:

      qualcode export evaluering.qualcode --format qdpx --out evaluering.qdpx

      qualcode export evaluering.qualcode --format xlsx --pseudonymise --names navn.yaml --out koding.xlsx

      qualcode export evaluering.qualcode --format qdc --codebook elevutbytte --out elevutbytte.qdc
    """
    from qualcode.exchange import ExchangeError, Pseudonymiser, export_qdc, export_qdpx, load_names
    from qualcode.exchange.excel import export_csv, export_excel

    chosen = format.value if format else out.suffix.lstrip(".").lower()
    if chosen not in {f.value for f in ExportFormat}:
        fail(f"--out {out}: '{chosen}' is not one of {', '.join(f.value for f in ExportFormat)} "
             "(give --format, or --out a file ending in one of them).")
    proj = open_project(project)
    keys = [_codebook_key(proj, v) for v in codebook] if codebook else None
    statuses = (Status.ACCEPTED,) if accepted_only else (Status.SUGGESTED, Status.ACCEPTED)
    try:
        pseudonymiser = None
        if chosen == "qdc" and (pseudonymise or names is not None):
            console.print("A codebook holds no interview text: there is nothing to pseudonymise.")
        elif pseudonymise or names is not None:
            from qualcode.cli.app import _load

            name_list = load_names(names) if names is not None else None
            pseudonymiser = Pseudonymiser.for_project(proj, name_list, _load(pipeline))
        if chosen == "qdpx":
            report = export_qdpx(proj, out, statuses=statuses, codebooks=keys, pseudonymiser=pseudonymiser)
        elif chosen == "qdc":
            report = export_qdc(proj, out, keys)
        elif chosen == "xlsx":
            report = export_excel(proj, out, by=by, codebooks=keys, statuses=statuses, pseudonymiser=pseudonymiser)
        else:
            report = export_csv(proj, out, codebooks=keys, statuses=statuses, pseudonymiser=pseudonymiser)
    except ExchangeError as exc:
        fail(str(exc))
    parts = [f"{report.sources} documents" if chosen != "qdc" else "", f"{report.codes} codes" if report.codes else "",
             f"{report.codebooks} codebooks as parent codes" if report.codebooks else "",
             f"{report.codings} codings" if chosen != "qdc" else "", f"{report.notes} memos" if report.notes else ""]
    console.print(f"Wrote [bold]{out}[/]: {', '.join(p for p in parts if p)}"
                  + (f"; coders: {', '.join(report.users)}" if report.users else "") + ".")
    if pseudonymiser is not None:
        console.print(f"{pseudonymiser.report().describe()}. The project itself is unchanged.", highlight=False)
    _print_notes("Not in the file", report.left_out)


@app.command("keep-places")
def keep_places(
    project: ProjectArg,
    add: Annotated[Optional[list[str]], typer.Option("--add", help="A place or organisation to keep (repeatable).")] = None,
    remove: Annotated[Optional[list[str]], typer.Option("--remove", help="One to replace after all (repeatable).")] = None,
) -> None:
    """Show or edit the places and organisations pseudonymised exports keep.

    Countries, continents, counties, large cities and programmes such as Erasmus+ identify
    nobody and are what an analysis compares, so --pseudonymise keeps them when the name
    finder flags them. The list starts from qualcode's default and is stored in the project.

    Examples:

      qualcode keep-places evaluering.qualcode

      qualcode keep-places evaluering.qualcode --add Hallbrunn --remove Oslo
    """
    from qualcode.exchange.gazetteer import edit_keep_places, project_keep_places

    proj = open_project(project)
    names = edit_keep_places(proj, add or [], remove or []) if add or remove else project_keep_places(proj)
    console.print(f"{len(names)} names kept by pseudonymised exports: " + ", ".join(names), highlight=False)


@app.command("import")
def import_command(
    project: ProjectArg,
    file: Annotated[Path, typer.Argument(help="A REFI-QDA codebook (.qdc) or project (.qdpx).")],
    codebook_id: Annotated[Optional[str], typer.Option("--codebook-id", help="Id of the codebook the codes go into (default: from the file name).")] = None,
    write_yaml: Annotated[Optional[Path], typer.Option("--write-yaml", help="Also write the imported codebook as YAML, to add rules to (a folder when there are several).")] = None,
    skip_invalid: Annotated[bool, typer.Option("--skip-invalid", help="Import a file from another program even if some selections do not fit their text; those are left out and listed.")] = False,
) -> None:
    """Import a REFI-QDA codebook or project from NVivo, ATLAS.ti, MAXQDA, QualCoder …

    Codes become categories (colours, hierarchy and descriptions kept; add rules in YAML before
    'qualcode code' can suggest them). A .qdpx also brings its text sources, codings with their
    coders, users, variables and notes. Existing codings and decisions are never changed. What
    the file holds that qualcode does not keep is listed. Nothing is saved if the file is broken;
    if only some selections do not fit their text, they are listed and --skip-invalid imports the rest.

    Examples:

      qualcode import evaluering.qualcode kodebok.qdc --write-yaml codebooks/kodebok.yaml

      qualcode import evaluering.qualcode fra_nvivo.qdpx

      qualcode import evaluering.qualcode fra_qualcoder.qdpx --skip-invalid
    """
    from qualcode.exchange import ExchangeError, import_refi, write_codebook_yaml

    proj = open_project(project)
    try:
        report = import_refi(proj, file, codebook_id=codebook_id, skip_invalid=skip_invalid)
    except ExchangeError as exc:
        fail(f"{exc} The project was not changed.")
    console.print(f"Imported [bold]{file}[/]: {report.categories_added} new categories "
                  f"({report.categories_matched} matched existing ones)"
                  + (f", {len(report.documents_added)} new documents ({len(report.documents_matched)} already in the "
                     f"project), {report.codings_added} codings, {report.suggestions_added} suggestions, "
                     f"{report.memos_added} memos" if file.suffix.lower() == ".qdpx" else "")
                  + (f"; coders: {', '.join(report.coders)}" if report.coders else "") + ".")
    if report.codings_existing:
        console.print(f"{report.codings_existing} codings were in the project already and were left as they are.")
    _print_notes("Not imported", report.dropped)
    if report.skipped:
        console.print(f"Skipped {len(report.skipped)} selections that do not fit their text (--skip-invalid):"
                      if len(report.skipped) > 1 else "Skipped 1 selection that does not fit its text (--skip-invalid):")
        for line in report.skipped:
            console.print(f"  {line}", markup=False, highlight=False, soft_wrap=True)
    if write_yaml is not None:
        if not report.codebooks:
            console.print("No new codebook or category to write as YAML.")
        for book in report.codebooks:
            target = write_yaml / f"{book.id}.yaml" if len(report.codebooks) > 1 or write_yaml.is_dir() else write_yaml
            write_codebook_yaml(book, target, file.name)
            console.print(f"Wrote {target}: add terms or phrases to each category, then qualcode code {project} "
                          f"--codebook {target}")
    elif report.codebooks:
        console.print("The new categories have no rules yet; --write-yaml FILE writes them as a codebook to add rules to.")


def _score(value: float) -> str:
    return "–" if math.isnan(value) else f"{value:.3f}"


@app.command("agreement")
def agreement_command(
    project: ProjectArg,
    coders: Annotated[str, typer.Option("--coders", help="Two coders, comma-separated; 'tagger' is the codebook's suggestions.")],
    codebook: Annotated[Optional[str], typer.Option("--codebook", "-c", help="The codebook to compare on: its id or YAML file (needed when the coders share several).")] = None,
) -> None:
    """Agreement between two coders, or a coder and the tagger: Cohen's kappa and Krippendorff's alpha.

    Compared at segment level (the units the tagger codes) in the documents both coders worked
    on, leaving out segments with a suggestion a coder has not decided on yet (not reviewed is
    not a "no"). One yes/no judgement per category and segment. Shows how many segments that
    is, kappa and alpha per category, the pooled kappa and one alpha over all categories.

    Examples:

      qualcode agreement evaluering.qualcode --coders TH,AB --codebook elevutbytte

      qualcode agreement evaluering.qualcode --coders TH,tagger
    """
    from qualcode.analysis.agreement import AgreementError, agreement

    names = [name.strip() for name in coders.split(",") if name.strip()]
    if len(names) != 2:
        fail(f"--coders '{coders}': give exactly two coders separated by a comma (e.g. --coders TH,AB).")
    try:
        proj = open_project(project)
        result = agreement(proj, names[0], names[1], _codebook_key(proj, codebook) if codebook else None)
    except AgreementError as exc:
        fail(str(exc))
    a, b = result.coder_a, result.coder_b
    table = Table(title=f"{a} vs {b} — codebook '{result.codebook}', {result.units} segments both judged "
                        f"(of {result.available} in {len(result.documents)} documents)")
    for column in ("category", "both", f"only {a}", f"only {b}", "neither", "kappa", "alpha"):
        table.add_column(column, justify="left" if column == "category" else "right")
    for row in result.categories:
        table.add_row(row.label, str(row.both), str(row.only_a), str(row.only_b), str(row.neither),
                      _score(row.kappa), _score(row.alpha))
    console.print(table)
    console.print(f"Pooled kappa {_score(result.pooled_kappa)}, Krippendorff's alpha {_score(result.alpha)} "
                  f"(nominal, all categories), mean agreement {_score(result.observed)}.")
    if result.available > result.units:
        console.print(f"Left out: {result.available - result.units} segments with a suggestion {a} or {b} has not "
                      "reviewed yet.", highlight=False)
    if result.unused:
        err_console.print(f"Not used by either coder: {', '.join(result.unused)}.", highlight=False)
