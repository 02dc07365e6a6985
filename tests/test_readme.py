"""Every console example in README.md runs, and prints what the README says it prints.

A ```console block holds ``$ command`` lines (a line ending in ``\\`` continues on the next) each
followed by its expected standard output. Two shorthands, as in doctest: a line ending in ``...``
matches any line that starts with the text before it, and a line that is just ``...`` matches any
number of lines. Commands run in order, one block after the other, in a fresh folder that holds
the repository's ``codebooks/`` and ``corpus/``, with ``qualcode`` being this checkout's.
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

README = ROOT / "README.md"


@dataclass
class Example:
    line: int  # where the command starts in README.md
    command: str
    expected: list[str]


def console_examples(text: str) -> list[Example]:
    examples: list[Example] = []
    lines = text.splitlines()
    inside = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.strip().startswith("```"):
            inside = line.strip() == "```console" if not inside else False
        elif inside and line.startswith("$ "):
            start, command = i + 1, line[2:]
            while command.endswith("\\"):
                i += 1
                command = command[:-1] + " " + lines[i].strip()
            examples.append(Example(start, command, []))
        elif inside and examples:
            examples[-1].expected.append(line)
        i += 1
    return examples


def matches(expected: list[str], actual: list[str]) -> bool:
    pattern = []
    for line in expected:
        if line.strip() == "...":
            pattern.append(r"(?:[^\n]*\n)*?")
        elif line.endswith("..."):
            pattern.append(re.escape(line[:-3].rstrip()) + r"[^\n]*\n")
        else:
            pattern.append(re.escape(line.rstrip()) + r"\n")
    return re.fullmatch("".join(pattern), "".join(a.rstrip() + "\n" for a in actual)) is not None


EXAMPLES = console_examples(README.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("readme")
    for name in ("codebooks", "corpus"):
        (folder / name).symlink_to(ROOT / name, target_is_directory=True)
    bin_dir = folder / ".bin"
    bin_dir.mkdir()
    shim = bin_dir / "qualcode"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m qualcode "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    return folder


def test_the_readme_has_console_examples():
    commands = [e.command.split()[1] if e.command.startswith("qualcode") else e.command for e in EXAMPLES]
    assert len(EXAMPLES) >= 7 and "init" in commands and "nlp" in commands


def test_every_console_example_prints_what_the_readme_says(workdir):
    env = {**os.environ, "PATH": f"{workdir / '.bin'}{os.pathsep}{os.environ['PATH']}", "COLUMNS": "200",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])),
           "NO_COLOR": "1", "TERM": "dumb"}
    for example in EXAMPLES:
        result = subprocess.run(["bash", "-c", example.command], cwd=workdir, env=env, capture_output=True,
                                text=True, encoding="utf-8", timeout=600)
        assert result.returncode == 0, f"README.md line {example.line}: {example.command}\n{result.stderr}"
        actual = result.stdout.splitlines()
        if not matches(example.expected, actual):
            diff = "\n".join(difflib.unified_diff(example.expected, actual, "README.md", "actual", lineterm=""))
            pytest.fail(f"README.md line {example.line}: the output of `{example.command}` changed; "
                        f"update the README (or the program):\n{diff}")
