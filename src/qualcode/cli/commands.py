"""Registers the workflow commands of each step on the Typer app."""
