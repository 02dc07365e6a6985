"""The app as a real server in tests: a free local port, and waiting for Streamlit's health check."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_serving(process: subprocess.Popen, port: int, seconds: int = 60, what: str = "the app server") -> str:
    """The server's base URL once ``/_stcore/health`` answers; the test fails if ``process``
    exits first or ``seconds`` pass (the process is killed then)."""
    url = f"http://127.0.0.1:{port}"
    for _ in range(seconds * 2):
        if process.poll() is not None:
            said = process.stdout.read() if process.stdout else ""
            pytest.fail(f"{what} stopped before it answered: {said}")
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=1)
            return url
        except OSError:
            time.sleep(0.5)
    process.kill()
    pytest.fail(f"{what} did not answer within {seconds} s")
