"""Review-app benchmark (issue 6): a generated 10,000-segment project, server-side times.

"Open the queue" is one run of the review page script (what Streamlit does for a page load or
any interaction), "save a decision" a click on Godta plus the re-run it triggers; both through
Streamlit's AppTest, in process, so they are server-side times. Medians of 15 runs each.
"""

from __future__ import annotations

import tempfile

from benchmarks.common import measure, save

RUN = """
import json, os, statistics, sys, time
from pathlib import Path
from benchmarks.generate import write_sentence_transcripts
from qualcode.store import Project
from qualcode.ingest import ingest_files
from qualcode.nlp import load_pipeline
from qualcode.tagging import load_codebook
from qualcode.tagging.apply import code_project
from qualcode.review.queue import QueueFilter, queue
from streamlit.testing.v1 import AppTest
folder = Path({folder!r})
paths = write_sentence_transcripts(folder / "t", {count})
project = Project.create(folder / "p.qualcode")
ingest_files(project, paths)
report = code_project(project, load_codebook("codebooks/elevutbytte.yaml"), load_pipeline())
os.environ["QUALCODE_PROJECT"] = str(folder / "p.qualcode")
from qualcode.app import HOME
at = AppTest.from_file(str(HOME.parent.parent / "pages" / "1_Gjennomgang.py"), default_timeout=120)
at.session_state["coder"] = "Kari"; at.session_state["codebook"] = "elevutbytte"
at.run()
opens, saves = [], []
for _ in range(15):
    t = time.perf_counter(); at.run(); opens.append(time.perf_counter() - t)
while len(saves) < 15:
    button = next((b for b in at.button if b.key and b.key.startswith("accept_")), None)
    if button is None:  # this segment is decided: move on (not timed)
        at.button(key="next").click().run()
        continue
    t = time.perf_counter(); button.click().run(); saves.append(time.perf_counter() - t)
    assert not at.exception
lib = []
for _ in range(15):
    t = time.perf_counter(); queue(project, QueueFilter("elevutbytte")); lib.append(time.perf_counter() - t)
print(json.dumps({{"segments": report.segments, "queue_length": len(queue(project, QueueFilter("elevutbytte"))),
                  "open_ms": [x * 1000 for x in opens], "save_ms": [x * 1000 for x in saves],
                  "queue_query_ms": [x * 1000 for x in lib]}}))
"""


def main(count: int = 10_000) -> dict:
    import statistics

    with tempfile.TemporaryDirectory() as tmp:
        res = measure(RUN.format(folder=tmp, count=count), 1)[0]
    summary = {
        "segments": res["segments"], "queue_length": res["queue_length"], "runs": len(res["open_ms"]),
        "median_open_queue_ms": round(statistics.median(res["open_ms"]), 1),
        "median_save_decision_ms": round(statistics.median(res["save_ms"]), 1),
        "median_queue_query_ms": round(statistics.median(res["queue_query_ms"]), 1),
        "max_open_queue_ms": round(max(res["open_ms"]), 1), "max_save_decision_ms": round(max(res["save_ms"]), 1),
        "peak_rss_mb": round(res["peak_rss_mb"]),
    }
    save("app", summary)
    return summary


if __name__ == "__main__":
    main()
