"""The Typer application and the commands of the NLP step."""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table
from typer.core import TyperArgument, TyperOption

from qualcode import __version__

app = typer.Typer(
    name="qualcode",
    help=(
        "Codebook-driven coding of Norwegian interviews and open survey answers.\n\n"
        "Workflow: ingest → parse → tag (codebook) → review → analyse / export.\n\n"
        "Example: qualcode nlp \"Elevene fikk nye venner og bedre språkferdigheter\""
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    add_completion=False,
)
console = Console()
err_console = Console(stderr=True)


def _value_label(display_type_rich):
    """Typer's value label in --help, minus the noise: none for a flag, ``<path>`` for a list of paths."""

    def label(self, ctx):
        if getattr(self, "is_flag", False):
            return None  # a flag takes no value; Typer would show "<bool>"
        text = display_type_rich(self, ctx)
        return re.sub(r"list\[(\w+)\]", lambda m: m.group(1).lower(), text) if text else text

    return label


# Typer 0.2x labels every option with its Python type; repeatable options already say so in their help.
for _kind in (TyperOption, TyperArgument):
    _kind.display_type_rich = _value_label(_kind.display_type_rich)

PipelineOption = Annotated[
    Optional[str],
    typer.Option("--pipeline", "-p", help="spaCy pipeline name or folder; default: best available (see 'qualcode info')."),
]


def fail(message: str, code: int = 1) -> None:
    """Print one clear error line and exit non-zero."""
    err_console.print(f"[bold red]Error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def version_callback(value: bool) -> None:
    if value:
        console.print(f"qualcode {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Codebook-driven coding of Norwegian interviews and open survey answers."""


def _load(pipeline: str | None):
    from qualcode.nlp import PipelineNotFound, load_pipeline

    try:
        return load_pipeline(pipeline)
    except PipelineNotFound as exc:
        fail(str(exc))


@app.command()
def info(pipeline: PipelineOption = None) -> None:
    """Show which Norwegian pipeline qualcode uses, and why.

    Example: qualcode info
    """
    import spacy

    from qualcode.nlp import pipeline_info, stop_words

    nlp = _load(pipeline)
    about = pipeline_info(nlp)
    table = Table(show_header=False, box=None)
    table.add_row("qualcode", __version__)
    table.add_row("spaCy", spacy.__version__)
    table.add_row("pipeline", f"[bold]{about.name}[/] ({about.kind})")
    table.add_row("why", about.reason)
    table.add_row("version", about.version)
    table.add_row("components", ", ".join(about.components))
    table.add_row("stop words", f"{len(stop_words())} (qualcode's interview list)")
    table.add_row("compounds", "token._.parts (NDT + simplemma lexicon)")
    table.add_row("written standard", "detected per text: bokmål or nynorsk (doc._.standard); the lemma lexicon "
                  "(NDT + simplemma) reads the text's standard. `qualcode nlp TEXT` shows how a text was read.")
    console.print(table)


@app.command("nlp")
def nlp_command(
    text: Annotated[Optional[str], typer.Argument(help="Norwegian text to analyse.")] = None,
    file: Annotated[
        Optional[list[Path]], typer.Option("--file", help="Analyse text files instead (repeatable).", exists=True, dir_okay=False)
    ] = None,
    summary: Annotated[bool, typer.Option("--summary", help="Print counts and speed instead of one row per token.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per token (for scripts).")] = False,
    pipeline: PipelineOption = None,
) -> None:
    """Show token, lemma, POS, compound parts and stop-word flag for Norwegian text.

    Examples:

      qualcode nlp "Elevene fikk nye venner og bedre språkferdigheter"

      qualcode nlp --file intervju.txt --summary
    """
    from qualcode.nlp.textfiles import read_text_file, TextFileError

    if text is None and not file:
        fail('give a text ("qualcode nlp \\"Elevene fikk nye venner\\"") or --file PATH')
    texts: list[tuple[str, str]] = []
    if text is not None:
        texts.append(("<argument>", text))
    for path in file or []:
        try:
            texts.append((str(path), read_text_file(path)))
        except TextFileError as exc:
            fail(str(exc))
    nlp = _load(pipeline)
    if summary:
        _print_summary(nlp, texts)
        return
    from qualcode.nlp.standard import detect_standard

    for source, content in texts:
        doc = nlp(content)
        if as_json:
            for t in doc:
                row = {"source": source, "i": t.i, "token": t.text, "lemma": t.lemma_, "pos": t.pos_,
                       "parts": t._.parts, "stop": t.is_stop, "standard": doc._.standard}
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            continue
        console.print(f"Read as {detect_standard(doc).describe()}", highlight=False)
        table = Table(title=source if len(texts) > 1 else None)
        for column in ("token", "lemma", "POS", "compound parts", "stop word"):
            table.add_column(column)
        for t in doc:
            if t.is_space:
                continue
            parts = " + ".join(t._.parts) if len(t._.parts) > 1 else ""
            table.add_row(t.text, t.lemma_, t.pos_ or "-", parts, "yes" if t.is_stop else "")
        console.print(table)


CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM", "X", ""}  # "" : a pipeline without a tagger


def is_content_word(token) -> bool:
    """A word that says what a text is about: no stop word (by form or lemma), no function word, no speaker letter."""
    lemma = token.lemma_.lower()
    return (token.is_alpha and len(lemma) > 1 and not token.is_stop and not token.vocab[lemma].is_stop
            and token.pos_ in CONTENT_POS)


def _print_summary(nlp, texts: list[tuple[str, str]]) -> None:
    from collections import Counter

    from rich.progress import track

    from qualcode.nlp import pipeline_info
    from qualcode.nlp.standard import NAMES

    start = time.perf_counter()
    sentences = words = compounds = 0
    lemmas: Counter[str] = Counter()
    standards: Counter[str] = Counter()
    docs = nlp.pipe(content for _, content in texts)
    for doc in track(docs, total=len(texts), description="Parsing", console=err_console, transient=True):
        sentences += sum(1 for _ in doc.sents)
        standards[NAMES[doc._.standard]] += 1
        for t in doc:
            if t.is_alpha:
                words += 1
                compounds += len(t._.parts) > 1
                if is_content_word(t):
                    lemmas[t.lemma_.lower()] += 1
    seconds = time.perf_counter() - start
    about = pipeline_info(nlp)
    console.print(f"Pipeline {about.name} ({about.kind})")
    console.print(f"{len(texts)} texts, {sentences} sentences, {words} words, {compounds} compounds, "
                  f"{seconds:.2f} s ({words / max(seconds, 1e-9):,.0f} words/s)")
    console.print("Read as: " + ", ".join(f"{name} ({n} texts)" for name, n in standards.most_common()))
    console.print("Most frequent content lemmas: " + ", ".join(f"{w} ({n})" for w, n in lemmas.most_common(15)))


def main() -> None:
    """Entry point of the ``qualcode`` console script."""
    from qualcode.cli import commands  # noqa: F401  (registers the workflow commands)

    app()
