"""The ``qualcode`` command line: a thin shell over the library, one command a workflow step."""

from qualcode.cli.app import app, main

__all__ = ["app", "main"]
