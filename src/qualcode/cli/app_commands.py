"""The review app command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

from qualcode.cli.app import app, console, fail


def app_home() -> Path:
    """The app's start page, shipped inside the installed package (``qualcode/app/Hjem.py``)."""
    from qualcode.app import HOME

    if not HOME.is_file():
        fail(f"the review app is missing from this installation ({HOME}); reinstall qualcode.")
    return HOME


@app.command("app")
def run_app(
    project: Annotated[str, typer.Argument(help="The project to review: a file or a database URL.")],
    port: Annotated[int, typer.Option("--port", help="Port on localhost.")] = 8501,
) -> None:
    """Open the review app in your browser (localhost only, no usage statistics sent).

    Example: qualcode app evaluering.qualcode --port 8502
    """
    from qualcode.cli.project_commands import open_project

    open_project(project).close()  # a clear error now rather than in the browser
    location = project if "://" in project else str(Path(project).resolve())
    env = {**os.environ, "QUALCODE_PROJECT": location}
    # Every setting on the command line, none from a .streamlit/config.toml: the app runs in the
    # user's working directory, and interview data means localhost only and no usage statistics.
    command = [sys.executable, "-m", "streamlit", "run", str(app_home()), "--server.address", "127.0.0.1",
               "--server.port", str(port), "--browser.gatherUsageStats", "false", "--server.headless", "true",
               "--server.fileWatcherType", "none", "--browser.serverAddress", "localhost",
               "--client.toolbarMode", "minimal"]
    console.print(f"qualcode app: http://localhost:{port} (Ctrl+C stops it)")
    raise typer.Exit(subprocess.call(command, env=env))
