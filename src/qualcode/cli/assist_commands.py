"""Commands of the assist step: train (model suggestions), suggest-terms, topics."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Annotated, Optional

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from qualcode.cli.app import PipelineOption, app, console, err_console, fail
from qualcode.cli.project_commands import ProjectArg, open_project
from qualcode.cli.tag_commands import CodebookOption, codebook_or_fail
from qualcode.store.values import Source

SOURCE_NAMES = {Source.AUTO: "rule", Source.MODEL: "model", Source.MANUAL: "manual"}  # as the README and the app name them
STAGES = {"score": "Scoring segments", "parse": "Parsing", "topics": "Fitting topic models",
          "train": "Training (categories)"}


@contextmanager
def _progress():
    """A rich progress bar per stage; yields the ``progress(stage, done, total)`` callback."""
    with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                  TimeElapsedColumn(), console=err_console, transient=True) as bar:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(STAGES.get(stage, stage), total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield progress


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


@app.command()
def train(
    project: ProjectArg,
    codebook: CodebookOption,
    threshold: Annotated[float, typer.Option("--threshold", "-t", min=0.0, max=1.0, help="Propose a code at this calibrated probability or more.")] = 0.5,
    queue: Annotated[int, typer.Option("--queue", min=0, help="Then show this many suggestions the model is least sure of (review those first).")] = 10,
    min_reviewed: Annotated[int, typer.Option("--min-reviewed", min=0, help="Refuse to train before this many segments are reviewed; 0 trains on the codebook's examples and the rules alone.")] = 10,
) -> None:
    """Train the codebook's model on your decisions and let it propose codes where no rule fired.

    The model learns from accepted and rejected suggestions, manual codings and the codebook's
    examples, and (at a lower weight) from how the rules code what is not reviewed yet; it
    waits until at least --min-reviewed segments (10) are reviewed. Its
    proposals are suggestions with source 'model'; they never replace a decision, and a rejected
    one is not proposed again. Train again after each round of review.

    Example: qualcode train evaluering.qualcode --codebook elevutbytte
    """
    from qualcode.assist import ModelError, suggest_codes, train_model, uncertainty_queue
    from qualcode.assist.training import reviewed_segments

    proj = open_project(project)
    cb = codebook_or_fail(proj, codebook)
    try:
        reviewed = reviewed_segments(proj, cb)
        if reviewed < min_reviewed:
            fail(f"{project}: {reviewed} segments are reviewed with '{cb.id}'; the model needs at least {min_reviewed}, "
                 "because it learns from your decisions (with fewer it only echoes the rules and its probabilities "
                 "mean little). Accept or reject suggestions in the app (qualcode app), then train; "
                 "--min-reviewed 0 trains on the codebook's examples and the rules alone.")
        with _progress() as progress:
            trained = train_model(proj, cb, progress=progress)
            report = suggest_codes(proj, cb, threshold=threshold, progress=progress)
    except ModelError as exc:
        fail(str(exc))
    table = Table(title=f"Model for '{cb.id}': {trained.reviewed} reviewed segments, {trained.examples} codebook examples, "
                        f"{trained.unreviewed} unreviewed texts as the rules code them")
    for column in ("category", "positive", "negative", "proposed now"):
        table.add_column(column, justify="left" if column == "category" else "right")
    for category in cb.categories:
        fit = trained.fits.get(category.id)
        if fit is None:
            table.add_row(f"[{category.color}]■[/] {category.label}", "-", "-",
                          f"[yellow]{trained.skipped.get(category.id, 'not trained')}[/]")
        else:
            table.add_row(f"[{category.color}]■[/] {category.label}", str(fit.positives), str(fit.negatives),
                          str(report.counts.get(category.id, 0)))
    console.print(table)
    console.print(f"Saved the model in {project} ({trained.size_bytes / 1e6:.1f} MB, {trained.seconds:.1f} s). Model suggestions: {report.suggested} new, "
                  f"{report.updated} updated, {report.withdrawn} withdrawn.")
    if queue:
        items = uncertainty_queue(proj, cb, limit=queue)
        if items:
            review = Table(title="Review these first (the model is least sure)")
            for column in ("coding", "category", "source", "p"):
                review.add_column(column, no_wrap=True)
            review.add_column("text")
            for item in items:
                review.add_row(str(item.coding_id), item.category, SOURCE_NAMES.get(item.source, item.source),
                               f"{item.probability:.2f}", _short(item.text, 60))
            console.print(review)


@app.command("suggest-terms")
def suggest_terms_command(
    project: ProjectArg,
    codebook: CodebookOption,
    category: Annotated[str, typer.Option("--category", "-k", help="The category to expand (its id, e.g. sprakferdigheter).")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many candidates to list.")] = 15,
    add: Annotated[Optional[list[str]], typer.Option("--add", help="Add this term or phrase to the category in the codebook file (repeatable).")] = None,
    pipeline: PipelineOption = None,
) -> None:
    """List words and expressions from the project that the category's rules do not find yet.

    Candidates come from multi-word expressions (gensim Phrases), words used like the category's
    terms (FastText on the project's text) and keyness of the category's segments against the
    uncoded ones. Add one with --add: to the codebook stored in the project (a new version) when
    --codebook is its id, to the file when it is a file; comments and layout are kept.

    Examples:

      qualcode suggest-terms evaluering.qualcode --codebook elevutbytte --category sprakferdigheter

      qualcode suggest-terms evaluering.qualcode -c elevutbytte -k sprakferdigheter --add språkdusj --add "lese høyt"
    """
    from qualcode.assist import suggest_terms
    from qualcode.cli.app import _load
    from qualcode.store.codebooks import default_author, edit_stored_codebook, is_codebook_id
    from qualcode.tagging import CodebookError
    from qualcode.tagging.edit import add_term, with_term

    proj = open_project(project)
    cb = codebook_or_fail(proj, codebook)
    if category not in {c.id for c in cb.categories}:
        fail(f"{codebook}: there is no category '{category}'. Categories are: {', '.join(c.id for c in cb.categories)}.")
    if add:
        for term in add:
            term = " ".join(term.replace("_", " ").lower().split())
            key = "phrases" if " " in term else "terms"
            if term in getattr(cb.category(category), key):
                console.print(f"'{term}' is already in the {key} of '{category}'; nothing to add.")
                continue
            try:
                if is_codebook_id(codebook):
                    cb = edit_stored_codebook(proj, codebook, lambda text: with_term(text, category, term, key, codebook),
                                              author=default_author(), action="edit")
                else:
                    cb = add_term(codebook, category, term, key)
            except CodebookError as exc:
                fail(str(exc))
            console.print(f"Added '{term}' to the {key} of '{category}' in {codebook}. Run 'qualcode code "
                          f"{project} -c {codebook}' again to use it.")
        return
    proj = coded_project(project, cb)
    nlp = _load(pipeline)
    with _progress() as progress:
        suggestions = suggest_terms(proj, cb, category, nlp, limit=limit, progress=progress)
    if not suggestions:
        console.print(f"No candidates for '{category}': the project's text gives nothing its rules miss.")
        return
    table = Table(title=f"Candidates for '{category}' (add with --add TERM)")
    for column in ("term", "found by", "in category", "uncoded"):
        table.add_column(column, no_wrap=True, justify="right" if column in ("in category", "uncoded") else "left")
    table.add_column("example")
    for s in suggestions:
        table.add_row(s.term, ", ".join(s.found_by), str(s.in_category), str(s.uncaught), _short(s.example, 48))
    console.print(table)


def coded_project(project, cb):
    """Open ``project`` and check it was coded with ``cb``, or exit with one clear line."""
    from qualcode.assist.training import ModelError, category_ids

    proj = open_project(project)
    try:
        category_ids(proj, cb)
    except ModelError as exc:
        fail(str(exc))
    return proj


@app.command()
def topics(
    project: ProjectArg,
    codebook: CodebookOption,
    number: Annotated[Optional[int], typer.Option("--topics", min=2, help="Number of topics; default: the most coherent of 3, 4, 5, 6, 8.")] = None,
    words: Annotated[int, typer.Option("--words", min=3, help="Top words per topic.")] = 10,
    examples: Annotated[int, typer.Option("--examples", min=0, help="Example segments per topic.")] = 2,
    pipeline: PipelineOption = None,
) -> None:
    """Find themes the codebook misses: topic models over the segments no category caught.

    Each topic is listed with its top words, its coherence (C_v, 0–1: higher means its words
    really occur together) and the segments that belong to it most.

    Example: qualcode topics evaluering.qualcode --codebook elevutbytte --topics 5
    """
    from qualcode.assist import TopicError, missing_themes
    from qualcode.cli.app import _load

    cb = codebook_or_fail(open_project(project), codebook)
    proj = coded_project(project, cb)
    nlp = _load(pipeline)
    try:
        with _progress() as progress:
            themes = missing_themes(proj, cb, nlp, topics=number, words=words, examples=examples, progress=progress)
    except TopicError as exc:
        fail(str(exc))
    console.print(f"{themes.segments + themes.skipped} segments no category of '{cb.id}' caught; {themes.segments} modelled "
                  f"({themes.skipped} too short). {len(themes.topics)} topics, coherence {themes.coherence:.2f}"
                  + (f" (tried: {', '.join(f'{k}: {v:.2f}' for k, v in themes.tried.items())})" if len(themes.tried) > 1 else ""))
    for topic in themes.topics:
        console.print(f"\n[bold]Topic {topic.number}[/] — {topic.size} segments, coherence {topic.coherence:.2f}")
        console.print("  " + ", ".join(w.replace("_", " ") for w, _ in topic.words))
        for example in topic.examples:
            console.print(f"  [dim]{example.document}:[/] «{example.text}»", highlight=False)
