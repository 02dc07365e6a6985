"""Registers the workflow commands of each step on the Typer app (import order = help order)."""

from qualcode.cli import project_commands  # noqa: F401  init, ingest, ls
from qualcode.cli import tag_commands  # noqa: F401,E402  tag, code
from qualcode.cli import analysis_commands  # noqa: F401,E402  wordcloud
from qualcode.cli import app_commands  # noqa: F401,E402  app
from qualcode.cli import exchange_commands  # noqa: F401,E402  export, import, agreement
from qualcode.cli import assist_commands  # noqa: F401,E402  train, suggest-terms, topics
