"""Team-server benchmark (issue 18), on SQLite and PostgreSQL in one run.

1. Many coders at once: ``--coders`` processes (each its own connection) each save
   ``--decisions`` decisions on a generated project of ``--segments`` codable segments, while a
   ``qualcode code`` run (a second codebook, all texts from the parse cache) and a
   ``qualcode wordcloud`` run. Reported: decisions saved, lost or duplicated (audit log and final
   statuses checked), p50/p95/max save latency, and the latency of the decisions saved while the
   re-code was scanning and writing (reads must not block them).
2. The review page server-side (Streamlit AppTest) on a ``--large``-segment project: open the
   queue and save a decision, medians.
3. ``qualcode copy`` of the large project SQLite → PostgreSQL → SQLite, digests compared.

PostgreSQL comes from ``QUALCODE_BENCH_PG_URL`` or ``QUALCODE_TEST_PG_URL`` (a role that may
CREATE DATABASE); without one only SQLite is measured.

    python -m benchmarks.bench_team --segments 10000 --coders 10 --decisions 500 --large 100000
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, func, select, text

ROOT = Path(__file__).resolve().parent.parent
CODEBOOK = ROOT / "codebooks" / "elevutbytte.yaml"
RECODE_WITH = ROOT / "codebooks" / "erasmus_prioriteringer.yaml"


def pg_admin_url() -> str | None:
    return os.environ.get("QUALCODE_BENCH_PG_URL") or os.environ.get("QUALCODE_TEST_PG_URL")


def new_pg_database(admin_url: str) -> str:
    from qualcode.store.project import project_url

    name = f"qualcode_bench_{uuid.uuid4().hex[:10]}"
    engine = create_engine(project_url(admin_url), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return project_url(admin_url).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(admin_url: str, url: str) -> None:
    from qualcode.store.project import project_url

    engine = create_engine(project_url(admin_url), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{project_url(url).database}" WITH (FORCE)'))
    engine.dispose()


def build(folder: Path, segments: int) -> tuple[Path, dict]:
    """A generated SQLite project: transcripts of ``segments`` sentences plus a survey, coded."""
    from benchmarks.generate import write_sentence_transcripts, write_survey
    from qualcode.ingest import ingest_files
    from qualcode.nlp import load_pipeline
    from qualcode.store import Project
    from qualcode.tagging import load_codebook
    from qualcode.tagging.apply import code_project

    start = time.perf_counter()
    paths = write_sentence_transcripts(folder / "t", segments)
    write_survey(folder / "svar.csv", 900)
    location = folder / "team.qualcode"
    project = Project.create(location)
    ingest_files(project, paths)
    ingest_files(project, [folder / "svar.csv"], survey={
        "id_column": "respondent_id", "meta": ["skoletype"],
        "open_columns": ["elev=elev_ord1,elev_ord2,elev_ord3,elev_ord4,elev_ord5"]})
    report = code_project(project, load_codebook(CODEBOOK), load_pipeline())
    project.close()
    return location, {"codable_segments": report.segments, "build_s": round(time.perf_counter() - start, 1)}


# -- 1. coders at once ----------------------------------------------------------------------------

def _coder(location: str, name: str, coding_ids: list[int], decisions: int, go, out) -> None:
    """One coder: accept, reject, undo in turn over their own codings until ``decisions`` are saved."""
    from qualcode.review import accept, reject, reset
    from qualcode.store import Project

    project = Project.open(location)
    steps = (accept, reject, reset)
    latencies, last, failures = [], {}, []
    go.wait()
    for n in range(decisions):
        coding_id = coding_ids[n % len(coding_ids)]
        action = steps[(n // len(coding_ids)) % 3]
        begun = time.time()
        t = time.perf_counter()
        try:
            action(project, coding_id, name)
        except Exception as exc:  # noqa: BLE001  a failed save is a result to report, not a crash
            failures.append(f"{exc.__class__.__name__}: {str(exc).splitlines()[0]}")
            continue
        latencies.append((begun, time.perf_counter() - t))
        last[coding_id] = {accept: "accepted", reject: "rejected", reset: "suggested"}[action]
    project.close()
    out.put((name, latencies, last, failures))


def _run(command: list[str], log: list) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT), os.environ.get("PYTHONPATH", "")])}
    log.append(time.time())
    return subprocess.Popen([sys.executable, "-m", "qualcode", *command], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def coders_at_once(location: str, coders: int, decisions: int, folder: Path) -> dict:
    from qualcode.store import Project, schema

    project = Project.open(location)
    c = schema.codings
    with project.read() as conn:
        open_ids = list(conn.execute(select(c.c.id).where(c.c.status == "suggested").order_by(c.c.id)).scalars())
        logged_before = conn.execute(select(func.count()).select_from(schema.decisions)).scalar()
    project.close()
    slices = [open_ids[i::coders] for i in range(coders)]
    ctx = multiprocessing.get_context("spawn")
    go, out = ctx.Event(), ctx.Queue()
    workers = [ctx.Process(target=_coder, args=(location, f"koder{i:02d}", slices[i], decisions, go, out))
               for i in range(coders)]
    for w in workers:
        w.start()
    time.sleep(3)  # every coder has opened the project
    started = []
    recode = _run(["code", location, "--codebook", str(RECODE_WITH)], started)
    cloud = _run(["wordcloud", location, "-q", "elev", "--codebook", str(CODEBOOK), "--out", str(folder / "sky.svg")],
                 started)
    go.set()
    results = [out.get(timeout=3600) for _ in workers]
    failures = [f for *_, fails in results for f in fails]
    for w in workers:
        w.join()
    recode_err = recode.communicate()[1]
    recode_end = time.time()
    cloud_err = cloud.communicate()[1]
    if recode.returncode or cloud.returncode:
        raise RuntimeError(f"re-code or cloud failed: {recode_err[-2000:]} {cloud_err[-2000:]}")
    latencies = sorted(x for _, lat, _, _ in results for _, x in lat)
    during = sorted(x for _, lat, _, _ in results for begun, x in lat if started[0] <= begun <= recode_end)
    project = Project.open(location)
    with project.read() as conn:
        per_coder = dict(conn.execute(select(schema.decisions.c.coder, func.count()).group_by(schema.decisions.c.coder)
                                      .where(schema.decisions.c.coder.like("koder%"))).all())
        logged = conn.execute(select(func.count()).select_from(schema.decisions)).scalar() - logged_before
        final = dict(conn.execute(select(c.c.id, c.c.status).where(c.c.id.in_(open_ids))).all())
    project.close()
    expected = {cid: status for _, _, last, _ in results for cid, status in last.items()}
    wrong = sum(1 for cid, status in expected.items() if final.get(cid) != status)

    def pct(values: list[float], p: float) -> float:
        return round(values[min(len(values) - 1, int(p * len(values)))] * 1000, 1) if values else float("nan")

    return {
        "coders": coders, "decisions_each": decisions, "open_suggestions": len(open_ids),
        "decisions_saved": len(latencies), "decisions_logged": logged, "saves_failed": len(failures),
        "failure_examples": sorted(set(failures))[:3],
        # saved but not in the log, or in the log twice: the log must hold exactly the saves that succeeded
        "lost_or_duplicated": abs(logged - len(latencies)) + sum(
            abs(per_coder.get(name, 0) - len(lat)) for name, lat, _, _ in results),
        "final_status_wrong": wrong,
        "save_ms_p50": pct(latencies, 0.50), "save_ms_p95": pct(latencies, 0.95), "save_ms_max": pct(latencies, 1.0),
        "saved_during_recode": len(during), "during_recode_ms_p50": pct(during, 0.50),
        "during_recode_ms_p95": pct(during, 0.95),
        "recode_s": round(recode_end - started[0], 1),
    }


# -- 2. the review page on a large project --------------------------------------------------------

REVIEW = """
import json, os, statistics, time
os.environ["QUALCODE_PROJECT"] = {location!r}
from qualcode.app import HOME
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(str(HOME.parent.parent / "pages" / "1_Gjennomgang.py"), default_timeout=300)
at.session_state["coder"] = "Kari"; at.session_state["codebook"] = "elevutbytte"
at.run()
opens, saves = [], []
for _ in range(7):
    t = time.perf_counter(); at.run(); opens.append(time.perf_counter() - t)
while len(saves) < 7:
    button = next((b for b in at.button if b.key and b.key.startswith("accept_")), None)
    if button is None:
        at.button(key="next").click().run()
        continue
    t = time.perf_counter(); button.click().run(); saves.append(time.perf_counter() - t)
    assert not at.exception
print(json.dumps({{"open_ms": statistics.median(opens) * 1000, "save_ms": statistics.median(saves) * 1000}}))
"""


def review_page(location: str) -> dict:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    done = subprocess.run([sys.executable, "-c", REVIEW.format(location=location)], cwd=ROOT, env=env,
                          capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(done.stderr[-3000:])
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return {k: round(v, 1) for k, v in result.items()}


# -- 3. copy there and back -----------------------------------------------------------------------

def copy_there_and_back(location: Path, pg: str, folder: Path) -> dict:
    from qualcode.store import Project
    from qualcode.store.copy import copy_project, project_digests

    with Project.open(location) as source:
        original = project_digests(source)
        t = time.perf_counter()
        copy_project(source, pg)
        to_pg = time.perf_counter() - t
    back = folder / "tilbake.qualcode"
    with Project.open(pg) as middle:
        t = time.perf_counter()
        copy_project(middle, back)
        to_sqlite = time.perf_counter() - t
    with Project.open(back) as again:
        equal = project_digests(again) == original
    return {"rows": sum(n for n, _ in original.values()), "sqlite_to_pg_s": round(to_pg, 1),
            "pg_to_sqlite_s": round(to_sqlite, 1), "digests_equal": equal}


def main(segments: int = 10_000, coders: int = 10, decisions: int = 500, large: int = 0) -> dict:
    from benchmarks.common import save
    from qualcode.store import Project
    from qualcode.store.copy import copy_project

    admin = pg_admin_url()
    summary: dict = {"machine_cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        location, built = build(folder / "team", segments) if coders else (None, None)
        summary["project"] = built
        # The same project on PostgreSQL, by qualcode copy (before anyone decides).
        pg = new_pg_database(admin) if admin and coders else None
        if pg:
            with Project.open(location) as source:
                copy_project(source, pg)
        try:
            if coders:
                summary["sqlite"] = coders_at_once(str(location), coders, decisions, folder)
                print(json.dumps({"sqlite": summary["sqlite"]}), flush=True)
            if pg:
                summary["postgresql"] = coders_at_once(pg, coders, decisions, folder)
                print(json.dumps({"postgresql": summary["postgresql"]}), flush=True)
        finally:
            if pg:
                drop_pg_database(admin, pg)
        if large:
            big, built = build(folder / "stor", large)
            summary["large"] = {"project": built, "review_sqlite": review_page(str(big))}
            print(json.dumps({"large": summary["large"]}), flush=True)
            if admin:
                pg = new_pg_database(admin)
                try:
                    summary["large"]["copy"] = copy_there_and_back(big, pg, folder)
                    summary["large"]["review_postgresql"] = review_page(pg)
                finally:
                    drop_pg_database(admin, pg)
    save("team" if coders and large else "team_large" if large else "team_coders", summary)
    return summary


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--segments", type=int, default=10_000)
    parser.add_argument("--coders", type=int, default=10, help="0: skip part 1")
    parser.add_argument("--decisions", type=int, default=500)
    parser.add_argument("--large", type=int, default=0, help="segments of the large project (0: skip parts 2 and 3)")
    args = parser.parse_args()
    main(args.segments, args.coders, args.decisions, args.large)
