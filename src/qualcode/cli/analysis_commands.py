"""Commands of the analysis step: wordcloud, stats, report."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from qualcode.cli.app import app, console, fail
from qualcode.cli.project_commands import open_project, parse_pairs
from qualcode.cli.tag_commands import OptionalCodebook, codebook_or_fail, default_codebook_or_fail


def question_or_fail(project, question: str) -> str:
    """The survey question ``question`` names (``elev`` for ``elev_ord``), as ``qualcode question`` reads it."""
    from qualcode.store.project import ProjectError
    from qualcode.store.questions import question_named

    try:
        return question_named(project, question)
    except ProjectError as exc:
        fail(str(exc))


@app.command()
def wordcloud(
    project: Annotated[Optional[str], typer.Argument(help="The project (file or database URL); leave out and give --survey for a quick look at a file.")] = None,
    codebook: OptionalCodebook = None,
    question: Annotated[Optional[str], typer.Option("--question", "-q", help="Survey question in the project (see 'qualcode ls').")] = None,
    where: Annotated[Optional[list[str]], typer.Option("--where", help="Metadata filter key=value (repeatable), e.g. skolenivå=videregående.")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Image file: .svg or .png.")] = Path("ordsky.svg"),
    table: Annotated[Optional[Path], typer.Option("--table", help="Also write the words as CSV: word, lemma, respondents, category, color, variants.")] = None,
    survey: Annotated[Optional[Path], typer.Option("--survey", help="Survey .csv/.xlsx to read directly (no project).")] = None,
    columns: Annotated[Optional[str], typer.Option("--columns", help="With --survey: the answer columns, e.g. ord1,ord2,ord3,ord4,ord5.")] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="Title above the cloud (N is added); default: the question's stored title.")] = None,
    hide_uncoded: Annotated[bool, typer.Option("--hide-uncoded", help="Leave out words with no category (default: grey).")] = False,
    max_words: Annotated[int, typer.Option("--max-words", help="Most words to draw.")] = 120,
    no_merge: Annotated[Optional[list[str]], typer.Option("--no-merge", metavar="VARIANT", help="Keep this written form apart instead of merging it (repeatable); a project remembers it.")] = None,
    merge: Annotated[Optional[list[str]], typer.Option("--merge", metavar="VARIANT", help="Merge a form the project keeps apart again (repeatable).")] = None,
) -> None:
    """Draw a word cloud: size = respondents, colour = the word's primary category.

    Inflections, capitals, typos and nynorsk/bokmål forms of a word merge into one, shown as the
    form respondents wrote most often; --table lists every variant. Undo a merge with --no-merge.
    The codebook defaults to the one stored for the question (qualcode question set).

    Examples:

      qualcode wordcloud evaluering.qualcode --question elev_ord --codebook elevutbytte --out elev.svg

      qualcode wordcloud evaluering.qualcode -q elev_ord --where skolenivå=videregående --out vgs.png --table vgs.csv

      qualcode wordcloud --survey svar.csv --columns ord1,ord2,ord3,ord4,ord5 --codebook codebooks/elevutbytte.yaml --out sky.svg

      qualcode wordcloud evaluering.qualcode -q elev_ord --no-merge venskap --table elev.csv
    """
    from qualcode.analysis.words import AnalysisError, file_words, keep_apart, project_words
    from qualcode.ingest import IngestError
    from qualcode.wordcloud import count_words, render_cloud, write_table

    if out.suffix.lower() not in (".svg", ".png"):
        fail(f"--out {out}: give a file name ending in .svg or .png.")
    filters = parse_pairs(where, "--where")
    heading = None
    try:
        if survey is not None:
            if not columns:
                fail("--survey needs --columns (e.g. --columns ord1,ord2,ord3,ord4,ord5).")
            if not codebook:
                fail("--survey needs --codebook FILE.yaml (there is no project to take it from).")
            cb = codebook_or_fail(None, codebook)
            words = file_words(survey, [c.strip() for c in columns.split(",") if c.strip()], cb, where=filters,
                               no_merge=no_merge or ())
        else:
            if project is None or question is None:
                fail("give a PROJECT and --question (or --survey FILE --columns …).")
            from qualcode.store.questions import settings_for

            proj = open_project(project)
            question = question_or_fail(proj, question)
            cb = default_codebook_or_fail(proj, codebook, question)
            heading = settings_for(proj, question).title
            if no_merge or merge:
                apart = keep_apart(proj, add=no_merge or (), remove=merge or ())
                console.print(f"Kept apart in this project's clouds: {', '.join(apart) or 'nothing'}.")
            words = project_words(proj, cb, question, filters)
    except (AnalysisError, IngestError) as exc:
        fail(str(exc))
    counts = count_words(words.entries, cb)
    label = title or heading or words.question
    if filters:
        label += " — " + ", ".join(f"{k}={v}" for k, v in filters.items())
    try:
        cloud = render_cloud(counts, cb, title=label, n=words.n, show_uncoded=not hide_uncoded, max_words=max_words)
    except ValueError as exc:
        fail(str(exc))
    cloud.save(out)
    console.print(f"Wrote {out}: {len(cloud.words)} words, N = {words.n} respondents.")
    if table:
        write_table(counts, table, cb)
        console.print(f"Wrote {table}: {len(counts)} words.")


class ReportFormat(str, Enum):
    html = "html"
    docx = "docx"


@app.command()
def report(
    project: Annotated[str, typer.Argument(help="The project (file or database URL).")],
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="html: the folder for report.html and the images (default out/report); docx: the Word file (default out/rapport.docx).")] = None,
    format_: Annotated[Optional[ReportFormat], typer.Option("--format", "-f", help="html, or docx for Word; default: docx when --out ends in .docx, else html.")] = None,
    cloud: Annotated[Optional[list[str]], typer.Option("--cloud", metavar="QUESTION=CODEBOOK", help="A word cloud for a survey question, the codebook an id or a YAML file (repeatable); default: each survey question with a stored codebook (qualcode question set).")] = None,
    codebook: Annotated[Optional[list[str]], typer.Option("--codebook", "-c", metavar="CODEBOOK", help="Codebook for the interview tables and quotes: an id or a YAML file (repeatable); default: every codebook in the project.")] = None,
    by: Annotated[Optional[str], typer.Option("--by", help="Metadata to compare groups by; default: each question's stored variable, none for the interviews.")] = None,
    title: Annotated[str, typer.Option("--title", help="Report title.")] = "Analyserapport",
) -> None:
    """Write the report: clouds, group comparisons, counts with N, quotes; as HTML or as a Word document.

    Each question's title, codebook and comparison variable come from the project (qualcode question set).

    Examples:

      qualcode report evaluering.qualcode --out out/report --codebook erasmus_prioriteringer --by skolenivå

      qualcode report evaluering.qualcode --format docx --out rapport.docx
    """
    from qualcode.analysis.report import build_docx_report, build_report
    from qualcode.analysis.words import AnalysisError
    from qualcode.store.codebooks import list_codebooks
    from qualcode.store.questions import question_settings

    if format_ is None:
        format_ = ReportFormat.docx if out is not None and out.suffix.lower() == ".docx" else ReportFormat.html
    if format_ is ReportFormat.docx and out is not None and out.suffix.lower() != ".docx":
        fail(f"--out {out}: a Word report is a file ending in .docx, e.g. --out rapport.docx.")
    out = out or (Path("out/rapport.docx") if format_ is ReportFormat.docx else Path("out/report"))
    proj = open_project(project)
    specs = parse_pairs(cloud, "--cloud") if cloud else {
        name: q.codebook for name, q in question_settings(proj).items() if q.codebook}
    clouds = {q: codebook_or_fail(proj, spec) for q, spec in specs.items()}
    interview = [codebook_or_fail(proj, spec) for spec in (codebook or [b.key for b in list_codebooks(proj)])]
    try:
        if format_ is ReportFormat.docx:
            path = build_docx_report(proj, out, clouds, interview, by=by or None, title=title)
            console.print(f"Report: {path.resolve()}")
            return
        files = build_report(proj, out, clouds, interview, by=by or None, title=title)
    except AnalysisError as exc:
        fail(str(exc))
    console.print(f"Report: {files.html.resolve()}")
    console.print(f"Images: {len(files.images)} files in {out}")


@app.command()
def stats(
    project: Annotated[str, typer.Argument(help="The project (file or database URL).")],
    codebook: OptionalCodebook = None,
    question: Annotated[Optional[str], typer.Option("--question", "-q", help="Survey question; default: interviews.")] = None,
    by: Annotated[Optional[str], typer.Option("--by", help="Compare groups by this metadata, e.g. skolenivå.")] = None,
    cooccurrence_: Annotated[bool, typer.Option("--cooccurrence", help="Show how often categories occur together.")] = False,
    kwic: Annotated[Optional[str], typer.Option("--kwic", help="Keyword in context for a word (or the start of one).")] = None,
    quotes: Annotated[Optional[str], typer.Option("--quotes", help="Best quotes for a category id.")] = None,
) -> None:
    """Counts per category with N and %, by group, co-occurrence, keyword in context, quotes.

    Examples:

      qualcode stats evaluering.qualcode --codebook elevutbytte --question elev_ord --by skolenivå

      qualcode stats evaluering.qualcode --kwic klima

      qualcode stats evaluering.qualcode --codebook erasmus_prioriteringer --quotes miljo_klima
    """
    from rich.table import Table

    from qualcode.analysis import stats as st
    from qualcode.analysis.counts import category_counts
    from qualcode.cli.tag_commands import print_counts

    proj = open_project(project)
    if kwic:
        table = Table(title=f"«{kwic}» i kontekst")
        for column in ("", "", "", "kilde"):
            table.add_column(column)
        for line in st.keyword_in_context(proj, kwic):
            table.add_row(line.left, f"[bold]{line.match}[/]", line.right, f"{line.document} {line.attribution}")
        console.print(table)
        return
    if question is not None:
        question = question_or_fail(proj, question)
        try:
            st.check_question(proj, question)
        except ValueError as exc:
            fail(str(exc))
    cb = default_codebook_or_fail(proj, codebook, question)
    if quotes:
        if quotes not in cb.order:
            fail(f"codebook '{cb.id}' has no category '{quotes}'; categories: {', '.join(cb.order)}.")
        for q in st.best_quotes(proj, cb, quotes, limit=5):
            console.print(f"«{q.text}» {q.attribution} [dim]{q.document}, {q.status}[/]")
        return
    if by:
        try:
            table_data = st.group_table(proj, cb, by, question)
        except ValueError as exc:
            fail(str(exc))
        table = Table(title=f"{cb.name} etter {by} ({table_data.unit})")
        table.add_column("kategori")
        for g in table_data.groups:
            table.add_column(f"{g} (N={table_data.n[g]})", justify="right")
        for c in cb.categories:
            table.add_row(f"[{c.color}]■[/] {c.label}", *[f"{table_data.counts[g].get(c.id, 0)} ({table_data.percent(g, c.id):.0f} %)" for g in table_data.groups])
        console.print(table)
    elif not cooccurrence_:
        print_counts([b for b in category_counts(proj, cb) if (question is None) or b.title.endswith(f"'{question}'")])
    if cooccurrence_:
        pairs = st.cooccurrence(proj, cb, question)
        table = Table(title="Samforekomst (enheter med begge kategorier)")
        table.add_column("")
        for c in cb.categories:
            table.add_column(c.id[:12], justify="right")
        for a in cb.categories:
            table.add_row(a.id, *[str(pairs.get((a.id, b.id), 0)) for b in cb.categories])
        console.print(table)
