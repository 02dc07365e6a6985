"""Registers the workflow commands of each step on the Typer app (import order = help order)."""

import inspect

from qualcode.cli import project_commands  # noqa: F401  init, ingest, ls
from qualcode.cli import tag_commands  # noqa: F401,E402  tag, code
from qualcode.cli import codebook_commands  # noqa: F401,E402  codebook …, question …
from qualcode.cli import analysis_commands  # noqa: F401,E402  wordcloud
from qualcode.cli import app_commands  # noqa: F401,E402  app
from qualcode.cli import exchange_commands  # noqa: F401,E402  export, import, agreement
from qualcode.cli import assist_commands  # noqa: F401,E402  train, suggest-terms, topics
from qualcode.cli import team_commands  # noqa: F401,E402  copy, users
from qualcode.cli.app import app  # noqa: E402


def _unwrapped(doc: str) -> str:
    """A docstring whose prose paragraphs are single lines, so --help wraps them to the terminal, not mid-sentence.

    Indented paragraphs (examples) keep their lines.
    """
    paragraphs = inspect.cleandoc(doc).split("\n\n")
    return "\n\n".join(p if p.startswith((" ", "\b")) else " ".join(line.strip() for line in p.splitlines())
                       for p in paragraphs)


def _unwrap_all(typer_app) -> None:
    for command in typer_app.registered_commands:
        command.help = _unwrapped(command.help or inspect.getdoc(command.callback) or "")
    for group in typer_app.registered_groups:  # qualcode codebook …, question …, users …
        _unwrap_all(group.typer_instance)


_unwrap_all(app)
