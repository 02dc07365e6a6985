"""Prove that a speed change changed no result: this tree against a git revision (issue 17).

    python -m benchmarks.same_results [--against main] [--answers 15000] [--sentences 3000] [--no-labelled]

Both trees (the revision exported from git history into a temporary folder, like
:mod:`benchmarks.bench_versions` does for 0.2.0) code the same generated inputs on a new project
in a fresh process each — an open survey of ``--answers`` answers of 1–5 words and transcripts of
``--sentences`` one-sentence turns — once with ``codebooks/elevutbytte.yaml`` and once with
``codebooks/partnerskap.yaml``, and print for each input:

* the parse cache: every ``(text hash, pipeline key, entry bytes)`` row;
* the codings: every ``(segment, category, status, source, start, end, score, rule, evidence,
  evidence key, polarity)`` row;

as a count and a digest; and the output of ``python -m benchmarks.evaluate_codebooks --split
whole --errors`` for every labelled set (scores and every wrongly tagged item). Any difference is
printed and the exit status is 1. Both trees use the codebooks of *this* tree, so a codebook edit
landed meanwhile does not show as a difference; compare against a revision that holds the same
tagger (rebase first).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FINGERPRINT = """
import hashlib, json, sys
from pathlib import Path
from sqlalchemy import select
from qualcode.store import Project, schema
from qualcode.ingest import ingest_files
from qualcode.nlp import load_pipeline
from qualcode.tagging import load_codebook
from qualcode.tagging.apply import code_project

def digest(rows):
    h = hashlib.sha256()
    for row in rows:
        h.update(json.dumps(row, ensure_ascii=False, default=lambda b: b.hex()).encode())
    return h.hexdigest()

nlp = load_pipeline()
out = {{}}
for name, paths in {inputs!r}.items():
    folder = Path({folder!r}) / name
    folder.mkdir(parents=True)
    project = Project.create(folder / "p.qualcode")
    ingest_files(project, [Path(p) for p in paths])
    for codebook in ("elevutbytte", "partnerskap"):
        code_project(project, load_codebook(Path({codebooks!r}) / f"{{codebook}}.yaml"), nlp)
    pc, c = schema.parse_cache, schema.codings
    with project.read() as conn:
        cache = [list(r) for r in conn.execute(select(pc.c.text_hash, pc.c.pipeline, pc.c.doc).order_by(pc.c.text_hash))]
        codings = [list(r) for r in conn.execute(select(
            c.c.segment_id, c.c.category_id, c.c.status, c.c.source, c.c.start, c.c.end, c.c.score, c.c.rule,
            c.c.evidence, c.c.evidence_key, c.c.polarity).order_by(c.c.segment_id, c.c.category_id))]
    out[name] = {{"cache rows": len(cache), "cache digest": digest(cache),
                  "codings": len(codings), "codings digest": digest(codings)}}
print(json.dumps(out))
"""


def export_tree(rev: str, folder: Path) -> Path:
    """``src/``, ``benchmarks/`` and ``tests/data/`` of ``rev`` in ``folder``."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev, "src", "benchmarks", "tests/data"],
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    # The codebooks are this tree's on both sides (see the module docstring).
    (folder / "codebooks").symlink_to(ROOT / "codebooks")
    return folder


def _python(tree: Path, args: list[str]) -> str:
    env = dict(os.environ, PYTHONPATH=f"{tree / 'src'}{os.pathsep}{tree}")
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=tree, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"run failed in {tree}:\n{done.stderr[-3000:]}")
    return done.stdout


def results(tree: Path, folder: Path, inputs: dict[str, list[str]], labelled: bool) -> dict[str, str]:
    """What ``tree`` computes: the digests of coding ``inputs``, and each labelled set's scores."""
    code = FINGERPRINT.format(inputs=inputs, folder=str(folder), codebooks=str(ROOT / "codebooks"))
    found = {f"{name} {key}": str(value)
             for name, values in json.loads(_python(tree, ["-c", code]).splitlines()[-1]).items()
             for key, value in values.items()}
    if labelled:
        from benchmarks.evaluate_codebooks import LABELSETS

        for labelset in sorted(LABELSETS):
            found[f"labelled set {labelset}"] = _python(
                tree, ["-m", "benchmarks.evaluate_codebooks", "--set", labelset, "--split", "whole", "--errors"])
    return found


def main(against: str = "main", answers: int = 15_000, sentences: int = 3_000, labelled: bool = True) -> bool:
    from benchmarks.bench_versions import write_open_survey
    from benchmarks.generate import write_sentence_transcripts

    rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", against], capture_output=True, text=True,
                         check=True).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        write_open_survey(tmp / "svar.csv", answers)
        inputs = {"survey": [str(tmp / "svar.csv")],
                  "transcripts": [str(p) for p in write_sentence_transcripts(tmp / "transcripts", sentences)]}
        seen = {"this tree": results(ROOT, tmp / "now", inputs, labelled),
                rev[:7]: results(export_tree(rev, tmp / "tree"), tmp / "then", inputs, labelled)}
    now, then = seen.values()
    same = True
    for key in now:
        if now[key] != then[key]:
            same = False
            print(f"DIFFERENT {key}:\n  this tree: {_short(now[key])}\n  {rev[:7]}: {_short(then[key])}")
        else:
            print(f"same      {key}: {_short(now[key])}")
    print("identical results" if same else "RESULTS DIFFER", f"(this tree against {against} = {rev[:7]})")
    return same


def _short(value: str) -> str:
    if "\n" in value:
        return f"{value.count(chr(10))} lines, sha256 {hashlib.sha256(value.encode()).hexdigest()[:16]}"
    return value


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--against", default="main", help="git revision to compare with (default: main)")
    parser.add_argument("--answers", type=int, default=15_000, help="survey answers to code (default 15,000)")
    parser.add_argument("--sentences", type=int, default=3_000, help="transcript sentences to code (default 3,000)")
    parser.add_argument("--no-labelled", dest="labelled", action="store_false",
                        help="skip the labelled sets (faster)")
    args = parser.parse_args()
    sys.exit(0 if main(args.against, args.answers, args.sentences, args.labelled) else 1)
