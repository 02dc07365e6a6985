"""Builders of hostile inputs, and a runner that measures what a command costs in memory."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT

CODEBOOK = ROOT / "codebooks" / "elevutbytte.yaml"
CAP_MB = 2048  # address-space cap for the command under test, so a regression cannot take the machine down
MEMORY_LIMIT_MB = 500  # what the issue asks: every refusal stays under this

# YAML "billion laughs": nine levels of ten aliases, 10**9 strings once expanded, 367 bytes.
YAML_BOMB = "\n".join(["a: &a [" + ",".join(["x"] * 10) + "]"]
                      + [f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 10) + "]"
                         for i in range(8)]) + "\n"
XML_BOMB_DTD = ('<!DOCTYPE CodeBook [<!ENTITY a "haha">' + "".join(
    f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>")

_WRAPPER = ("import resource, subprocess, sys\n"
            "resource.setrlimit(resource.RLIMIT_AS, ({cap}, {cap}))\n"
            "run = subprocess.run(sys.argv[1:])\n"
            "print('PEAK_KB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
            "sys.exit(run.returncode)\n")


@dataclass
class Outcome:
    returncode: int
    stdout: str
    stderr: str
    peak_mb: float


def run_measured(*args: str, cwd: Path | None = None) -> Outcome:
    """Run ``python -m qualcode ARGS`` in a fresh process under an address-space cap; its peak RSS."""
    wrapper = _WRAPPER.format(cap=CAP_MB * 2**20)
    env = dict(os.environ, COLUMNS="250", PYTHONPATH=str(ROOT / "src"))
    run = subprocess.run([sys.executable, "-c", wrapper, sys.executable, "-m", "qualcode", *args], cwd=cwd or ROOT,
                         capture_output=True, text=True, env=env)
    lines = run.stderr.splitlines()
    peak = next(int(ln.split()[1]) for ln in lines if ln.startswith("PEAK_KB")) / 1024
    return Outcome(run.returncode, run.stdout, "\n".join(ln for ln in lines if not ln.startswith("PEAK_KB")), peak)


def assert_clean_refusal(outcome: Outcome, *fragments: str) -> None:
    """Exit 1, one error naming everything in ``fragments``, no traceback, memory under the limit."""
    assert outcome.returncode == 1, (outcome.returncode, outcome.stdout, outcome.stderr)
    assert "Traceback" not in outcome.stderr and "Traceback" not in outcome.stdout, outcome.stderr
    flat = " ".join(outcome.stderr.split())
    for fragment in fragments:
        assert fragment in flat, (fragment, outcome.stderr)
    assert outcome.peak_mb < MEMORY_LIMIT_MB, f"peak {outcome.peak_mb:.0f} MB"


def zip_bomb(path: Path, members: dict[str, bytes], bomb: str, size: int) -> Path:
    """A zip with ``members`` plus ``bomb``: ``size`` bytes of zeros deflated (about 1,000 : 1)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        with archive.open(bomb, "w", force_zip64=size > 2**31) as handle:
            block = bytes(2**24)
            for _ in range(size // len(block)):
                handle.write(block)
    return path


def lying_zip(path: Path, members: dict[str, bytes], name: str, actual: int, declared: int) -> Path:
    """A zip whose member ``name`` holds ``actual`` bytes of zeros but declares ``declared`` in its headers."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
        archive.writestr(name, bytes(actual))
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = 0
        while (at := data.find(signature, at)) >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at:name_at + len(encoded)] == encoded:
                struct.pack_into("<I", data, at + offset, declared)
            at += 4
    path.write_bytes(bytes(data))
    return path


def qde(codes: str = '<Code guid="11111111-1111-1111-1111-111111111111" name="A" isCodable="true"/>',
        sources: str = "", doctype: str = "") -> str:
    return (f'<?xml version="1.0" encoding="utf-8"?>\n{doctype}<Project xmlns="urn:QDA-XML:project:1.0" name="p" '
            f'origin="hostile"><CodeBook><Codes>{codes}</Codes></CodeBook>{sources}</Project>')


def qdc(codes: str, doctype: str = "") -> str:
    return (f'<?xml version="1.0" encoding="utf-8"?>\n{doctype}<CodeBook xmlns="urn:QDA-XML:codebook:1.0" '
            f'origin="hostile"><Codes>{codes}</Codes></CodeBook>')


SOURCE_GUID = "22222222-2222-2222-2222-222222222222"
TEXT_SOURCE = (f'<Sources><TextSource guid="{SOURCE_GUID}" name="t" '
               f'plainTextPath="internal://{SOURCE_GUID}.txt"/></Sources>')
DOCX_MEMBERS = {
    "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                           b'<Default Extension="xml" ContentType="application/xml"/></Types>',
}
