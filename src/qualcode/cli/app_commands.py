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
    """The app's entry point, shipped inside the installed package (``qualcode/app/menu/main.py``)."""
    from qualcode.app import HOME

    if not HOME.is_file():
        fail(f"the review app is missing from this installation ({HOME}); reinstall qualcode.")
    return HOME


@app.command("app")
def run_app(
    project: Annotated[str, typer.Argument(help="The project to review: a file or a database URL.")],
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8501,
    host: Annotated[str, typer.Option("--host", help="Address to listen on; anything but localhost needs user accounts (qualcode users add).")] = "127.0.0.1",
) -> None:
    """Open the review app in your browser (localhost only unless --host, no usage statistics sent).

    Stopping this command (Ctrl+C, or SIGTERM from a service manager) stops the server.

    Examples:

      qualcode app evaluering.qualcode --port 8502

      qualcode app postgresql://qualcode@db.example.no/evaluering --host 0.0.0.0
    """
    from qualcode.cli.project_commands import open_project

    from qualcode.store.project import display
    from qualcode.store.users import has_users

    proj = open_project(project)  # a clear error now rather than in the browser
    with_users = has_users(proj)
    proj.close()
    if not loopback(host) and not with_users:
        fail(f"refusing to listen on {host}: {display(project)} has no user accounts, so anyone who reaches the "
             f"address could read and change it. Add one first: qualcode users add {display(project)} NAME --role admin")
    location = project if "://" in project else str(Path(project).resolve())
    env = {**os.environ, "QUALCODE_PROJECT": location}
    # Every setting on the command line, none from a .streamlit/config.toml: the app runs in the
    # user's working directory, and interview data means localhost only and no usage statistics.
    command = [sys.executable, "-m", "streamlit", "run", str(app_home()), "--server.address", host,
               "--server.port", str(port), "--browser.gatherUsageStats", "false", "--server.headless", "true",
               "--server.fileWatcherType", "none", "--browser.serverAddress", "localhost",
               "--client.toolbarMode", "minimal"]
    console.print(f"qualcode app: http://{'localhost' if loopback(host) else host}:{port} (Ctrl+C stops it)")
    if os.name == "posix":
        # The server takes this process's place, so the SIGTERM a service manager sends (or Ctrl+C)
        # reaches Streamlit itself and stops it; a child process would keep holding the port.
        sys.stdout.flush()
        sys.stderr.flush()
        os.execve(sys.executable, command, env)
    raise typer.Exit(subprocess.call(command, env=env))


def loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only (127.0.0.1, ::1, localhost)."""
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
