"""Run a measurement several times in fresh processes and report medians."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def measure(code: str, runs: int = 3) -> list[dict]:
    """Run ``code`` (a Python snippet that prints one JSON object) ``runs`` times, each in a new process.

    Each result gains ``peak_rss_mb``: the child's peak resident memory.
    """
    wrapped = code + "\nimport resource, json as _j\nprint(_j.dumps({'peak_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))\n"
    results = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", wrapped], capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"benchmark run failed:\n{done.stderr[-3000:]}")
        out = done.stdout
        merged: dict = {}
        for line in out.splitlines():
            if line.startswith("{"):
                merged.update(json.loads(line))
        results.append(merged)
    return results


def median(results: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in results)


def save(name: str, summary: dict) -> None:
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    print(json.dumps(summary, indent=2, ensure_ascii=False))
