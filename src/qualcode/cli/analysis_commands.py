"""Commands of the analysis step: wordcloud."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from qualcode.cli.app import app, console, fail
from qualcode.cli.project_commands import open_project, parse_pairs
from qualcode.cli.tag_commands import CodebookOption, load_codebook_or_fail


@app.command()
def wordcloud(
    project: Annotated[Optional[Path], typer.Argument(help="The project file; leave out and give --survey for a quick look at a file.")] = None,
    codebook: CodebookOption = Path("codebooks/elevutbytte.yaml"),
    question: Annotated[Optional[str], typer.Option("--question", "-q", help="Survey question in the project (see 'qualcode ls').")] = None,
    where: Annotated[Optional[list[str]], typer.Option("--where", help="Metadata filter key=value (repeatable), e.g. skolenivå=videregående.")] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Image file: .svg or .png.")] = Path("ordsky.svg"),
    table: Annotated[Optional[Path], typer.Option("--table", help="Also write the words as CSV: word, respondents, category, color.")] = None,
    survey: Annotated[Optional[Path], typer.Option("--survey", help="Survey .csv/.xlsx to read directly (no project).")] = None,
    columns: Annotated[Optional[str], typer.Option("--columns", help="With --survey: the answer columns, e.g. ord1,ord2,ord3,ord4,ord5.")] = None,
    title: Annotated[Optional[str], typer.Option("--title", help="Title above the cloud (N is added).")] = None,
    hide_uncoded: Annotated[bool, typer.Option("--hide-uncoded", help="Leave out words with no category (default: grey).")] = False,
    max_words: Annotated[int, typer.Option("--max-words", help="Most words to draw.")] = 120,
) -> None:
    """Draw a word cloud: size = respondents, colour = the word's primary category.

    Examples:

      qualcode wordcloud evaluering.qualcode --question elev_ord --codebook codebooks/elevutbytte.yaml --out elev.svg

      qualcode wordcloud evaluering.qualcode -q elev_ord --where skolenivå=videregående --out vgs.png --table vgs.csv

      qualcode wordcloud --survey svar.csv --columns ord1,ord2,ord3,ord4,ord5 --codebook codebooks/elevutbytte.yaml --out sky.svg
    """
    from qualcode.analysis.words import AnalysisError, file_words, project_words
    from qualcode.ingest import IngestError
    from qualcode.wordcloud import count_words, render_cloud, write_table

    if out.suffix.lower() not in (".svg", ".png"):
        fail(f"--out {out}: give a file name ending in .svg or .png.")
    cb = load_codebook_or_fail(codebook)
    filters = parse_pairs(where, "--where")
    try:
        if survey is not None:
            if not columns:
                fail("--survey needs --columns (e.g. --columns ord1,ord2,ord3,ord4,ord5).")
            words = file_words(survey, [c.strip() for c in columns.split(",") if c.strip()], cb, where=filters)
        else:
            if project is None or question is None:
                fail("give a PROJECT and --question (or --survey FILE --columns …).")
            words = project_words(open_project(project), cb, question, filters)
    except (AnalysisError, IngestError) as exc:
        fail(str(exc))
    counts = count_words(words.entries, cb)
    label = title or words.question
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
