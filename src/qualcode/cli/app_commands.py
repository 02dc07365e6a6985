"""The review app command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

from qualcode.cli.app import app, console, fail


def app_dir() -> Path:
    """The Streamlit app folder: $QUALCODE_APP_DIR, else ``app/`` beside ``src/`` in this checkout."""
    configured = os.environ.get("QUALCODE_APP_DIR")
    folder = Path(configured) if configured else Path(__file__).resolve().parents[3] / "app"
    if not (folder / "Hjem.py").is_file():
        fail(f"the review app is not at {folder}; set QUALCODE_APP_DIR to the folder that holds Hjem.py.")
    return folder


@app.command("app")
def run_app(
    project: Annotated[Path, typer.Argument(help="The project file to review.")],
    port: Annotated[int, typer.Option("--port", help="Port on localhost.")] = 8501,
) -> None:
    """Open the review app in your browser (localhost only, no usage statistics sent).

    Example: qualcode app evaluering.qualcode --port 8502
    """
    from qualcode.cli.project_commands import open_project

    open_project(project).close()  # a clear error now rather than in the browser
    folder = app_dir()
    env = {**os.environ, "QUALCODE_PROJECT": str(project.resolve())}
    command = [sys.executable, "-m", "streamlit", "run", str(folder / "Hjem.py"), "--server.address", "127.0.0.1",
               "--server.port", str(port), "--browser.gatherUsageStats", "false", "--server.headless", "true",
               "--server.fileWatcherType", "none"]
    console.print(f"qualcode app: http://localhost:{port} (Ctrl+C stops it)")
    raise typer.Exit(subprocess.call(command, cwd=folder, env=env))
