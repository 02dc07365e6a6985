"""An installed qualcode (a wheel, not this checkout) has the app and runs it on a project far away.

The wheel is built from a copy of the sources and installed with ``--no-deps`` into a fresh
venv that sees the test environment's dependencies through a path file, not the checkout: a
full dependency install would take minutes, and what is tested is qualcode's own packaging.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import urllib.request
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.servers import free_port, wait_until_serving

pytestmark = pytest.mark.wheel


def run(command: list, cwd: Path, env: dict) -> str:
    result = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(venv python, venv bin folder, environment without the checkout on the path)."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "QUALCODE_PROJECT", "VIRTUAL_ENV")}
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q", "-w", tmp / "dist",
         source], tmp, env)
    wheel = next((tmp / "dist").glob("qualcode-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert {"qualcode/app/menu/main.py", "qualcode/app/Hjem.py", "qualcode/app/pages/3_Kodebok.py"} <= set(names)
    venv = tmp / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv], tmp, env)
    python = venv / "bin" / "python"
    site = Path(run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], tmp, env).strip())
    # The dependencies come from the test environment's site-packages; its editable install of
    # this checkout is a .pth file there, which a plain path line does not run.
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    run([sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", "-q", wheel], tmp, env)
    return python, venv / "bin", env


@pytest.fixture(scope="module")
def far_project(tmp_path_factory):
    """A coded project in a folder of its own, with no codebook file anywhere near it."""
    from qualcode.ingest import ingest_files
    from qualcode.store import Project
    from qualcode.tagging import load_codebook
    from qualcode.tagging.apply import code_project

    folder = tmp_path_factory.mktemp("langt_unna")
    (folder / "intervju.md").write_text("---\nrolle: lærer\n---\nLærer: Elevene fikk nye venner og lærte engelsk.\n",
                                        encoding="utf-8")
    project = Project.create(folder / "delt.qualcode")
    ingest_files(project, [folder / "intervju.md"])
    code_project(project, load_codebook(ROOT / "codebooks" / "elevutbytte.yaml"), load_pipeline_blank())
    project.checkpoint()
    project.close()
    (folder / "intervju.md").unlink()
    return folder / "delt.qualcode"


def load_pipeline_blank():
    from qualcode.nlp import load_pipeline

    return load_pipeline("blank:nb")


def test_the_installed_package_has_the_app_and_serves_it(installed, far_project, tmp_path):
    python, bin_dir, env = installed
    elsewhere = tmp_path / "hjemme"
    elsewhere.mkdir()
    where = run([python, "-c", "import qualcode.app; print(qualcode.app.HOME)"], elsewhere, env).strip()
    assert not where.startswith(str(ROOT)) and where.endswith("qualcode/app/menu/main.py")
    # The start page from the installed package, as Streamlit runs it.
    script = ("import os, sys; from streamlit.testing.v1 import AppTest; import qualcode.app as a; "
              "at = AppTest.from_file(str(a.HOME.parent.parent / 'pages' / '3_Kodebok.py'), default_timeout=120); "
              "at.session_state['coder'] = 'Kari'; at.session_state['codebook'] = 'elevutbytte'; at.run(); "
              "assert not at.exception, at.exception; assert not at.warning, [w.value for w in at.warning]; "
              "print(at.caption[0].value)")
    assert "Elevutbytte" in run([python, "-c", script], elsewhere, {**env, "QUALCODE_PROJECT": str(far_project)})
    port = free_port()
    server = subprocess.Popen([bin_dir / "qualcode", "app", far_project, "--port", str(port)], cwd=elsewhere, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_until_serving(server, port, seconds=120, what="the installed qualcode app")  # a busy machine is slow
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10).read().decode("utf-8")
        assert "<title>Streamlit</title>" in page or "streamlit" in page.lower()
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
