"""Registers the workflow commands of each step on the Typer app (import order = help order)."""

from qualcode.cli import project_commands  # noqa: F401  init, ingest, ls
