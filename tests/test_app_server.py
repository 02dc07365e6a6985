"""``qualcode app`` as a service manager runs it: SIGTERM stops the server and frees its port."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from qualcode.store import Project
from tests.conftest import ROOT
from tests.servers import free_port, wait_until_serving


def port_is_free(port: int) -> bool:
    """Whether a new server could listen on ``port`` (SO_REUSEADDR, as servers do: connections
    of the old one in TIME_WAIT do not count, a listener does)."""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


@pytest.mark.skipif(os.name != "posix", reason="SIGTERM is a POSIX signal")
def test_sigterm_stops_the_server_and_frees_the_port(tmp_path):
    Project.create(tmp_path / "tom.qualcode").close()
    port = free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    process = subprocess.Popen([sys.executable, "-m", "qualcode", "app", str(tmp_path / "tom.qualcode"), "--port", str(port)],
                               cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_serving(process, port)
        assert not port_is_free(port)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        for _ in range(20):  # the listening socket closes as the process ends
            if port_is_free(port):
                break
            time.sleep(0.25)
        assert port_is_free(port), f"port {port} is still held after SIGTERM"
        with pytest.raises(OSError):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
