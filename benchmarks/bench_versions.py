"""Parse-and-code time of this qualcode against 0.2.0, side by side in one run (issue 17).

The baseline is qualcode as of :data:`BASELINE_REV`, the last commit with the ``nb_qualcode_sm``
0.2.0 pipeline and the old parse path (every component, one process). Its ``src/`` and
``codebooks/`` are exported from git history into a temporary folder for the run, so no second
copy of the 18 MB model is kept in the repository or shipped in the wheel. Both versions code the
same generated inputs with ``codebooks/elevutbytte.yaml``, each run in a fresh process, the
versions alternating: (a) transcripts, one-sentence informant turns; (b) an open survey whose
respondents answer three questions with an answer of 1–5 words each ("nye venner mestring"),
drawn from the sample survey's words, so that nearly every answer is a distinct text that has
to be parsed (the sample survey's own single words repeat so much that parsing them is no cost). Reported per input: median seconds of ``code_project`` on a new project
(parsing, tagging and writing the suggestions and the parse cache), words per second, speed-up;
and the same for CPU seconds (the process's and its parsing workers'), which move less with the
load of a shared machine than wall time does. The 1-minute load average is sampled before each run.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

import csv
import random

from benchmarks.generate import survey_words, write_sentence_transcripts

ROOT = Path(__file__).resolve().parent.parent
BASELINE_REV = "a5993c0c781a554b1dd6232fa4b11ba9b51e9d59"  # main before issue 17: nb_qualcode_sm 0.2.0

CODE = """
import json, resource, time
from pathlib import Path
from qualcode.store import Project
from qualcode.ingest import ingest_files
from qualcode.nlp import load_pipeline
from qualcode.tagging import load_codebook
from qualcode.tagging.apply import code_project
folder = Path({folder!r})
project = Project.create(folder / "p.qualcode")
ingest_files(project, [Path(p) for p in {paths!r}])
nlp = load_pipeline()
codebook = load_codebook("codebooks/elevutbytte.yaml")
def cpu():
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime
t, c = time.perf_counter(), cpu()
report = code_project(project, codebook, nlp)
seconds, cpu_seconds = time.perf_counter() - t, cpu() - c
from sqlalchemy import text
with project.read() as conn:
    words = sum(len(t.split()) for (t,) in conn.execute(text("select text from segments where codable")))
print(json.dumps({{"seconds": seconds, "cpu_seconds": cpu_seconds, "segments": report.segments, "parsed": report.parsed, "words": words,
                  "suggested": report.suggested, "pipeline": nlp.meta["qualcode"]["version"]}}))
"""


def baseline_tree(folder: Path) -> Path:
    """Export ``src/`` and ``codebooks/`` of BASELINE_REV into ``folder``."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", BASELINE_REV, "src", "codebooks"],
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder


def write_open_survey(path: Path, answers: int, seed: int = 17) -> None:
    """A ;-separated survey of ``answers`` answers of 1–5 words (three questions per respondent)."""
    rng = random.Random(seed)
    words = survey_words()
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["respondent_id", "skoletype", "elev_ord", "laerer_ord", "skole_ord"])
        for r in range(answers // 3):
            cells = [" ".join(" ".join(rng.choice(words) for _ in range(5)).split()[:rng.randint(1, 5)]) for _ in range(3)]
            writer.writerow([f"R{r:06d}", rng.choice(["barneskole", "ungdomsskole", "videregående skole"]), *cells])


def run(tree: Path, folder: Path, paths: list[str]) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=f"{tree / 'src'}{os.pathsep}{tree}")
    load = os.getloadavg()[0]
    done = subprocess.run([sys.executable, "-c", CODE.format(folder=str(folder), paths=paths)],
                          capture_output=True, text=True, cwd=tree, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"benchmark run failed in {tree}:\n{done.stderr[-3000:]}")
    result = json.loads(next(line for line in done.stdout.splitlines() if line.startswith("{")))
    return {**result, "load": load}


def main(runs: int = 3, sentences: int = 20_000, answers: int = 30_000) -> dict:
    results: dict = {"baseline_rev": BASELINE_REV, "runs": runs, "cpu_count": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        trees = {"0.2.0": baseline_tree(tmp / "baseline"), "current": ROOT}
        inputs = {
            "transcripts": [str(p) for p in write_sentence_transcripts(tmp / "transcripts", sentences)],
            "survey": [str(tmp / "svar.csv")],
        }
        write_open_survey(tmp / "svar.csv", answers)
        for name, paths in inputs.items():
            seen: dict[str, list[dict]] = {version: [] for version in trees}
            for i in range(runs):
                for version, tree in trees.items():  # alternating, so both see the same machine load
                    seen[version].append(run(tree, tmp / f"{name}-{version}-{i}", paths))
            entry = {}
            for version, res in seen.items():
                seconds = statistics.median(r["seconds"] for r in res)
                entry[version] = {"pipeline": res[0]["pipeline"], "segments": res[0]["segments"],
                                  "words": res[0]["words"], "suggested": res[0]["suggested"],
                                  "runs_seconds": [round(r["seconds"], 2) for r in res],
                                  "median_seconds": round(seconds, 2),
                                  "runs_cpu_seconds": [round(r["cpu_seconds"], 2) for r in res],
                                  "median_cpu_seconds": round(statistics.median(r["cpu_seconds"] for r in res), 2),
                                  "load_before_runs": [round(r["load"], 1) for r in res],
                                  "words_per_second": round(res[0]["words"] / seconds)}
            old, now = entry["0.2.0"], entry["current"]
            entry["speedup"] = round(old["median_seconds"] / now["median_seconds"], 2)
            entry["cpu_speedup"] = round(old["median_cpu_seconds"] / now["median_cpu_seconds"], 2)
            loads = [r["load"] for res in seen.values() for r in res]
            entry["load"] = [round(min(loads), 1), round(max(loads), 1)]
            results[name] = entry
            print(f"{name}: 0.2.0 {old['median_seconds']} s (CPU {old['median_cpu_seconds']} s), "
                  f"now {now['median_seconds']} s (CPU {now['median_cpu_seconds']} s) -> {entry['speedup']}x wall, "
                  f"{entry['cpu_speedup']}x CPU, load {entry['load'][0]}-{entry['load'][1]}", flush=True)
    from benchmarks.common import save

    save("versions", results)
    return results


if __name__ == "__main__":
    main()
