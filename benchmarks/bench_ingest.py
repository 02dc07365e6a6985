"""Ingest benchmark: a generated survey with 100,000 answers and 5 MB of transcripts (50 files).

Reports seconds, rows (answers or segments) per second and peak memory, medians of 3 runs.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.common import measure, median, save
from benchmarks.generate import write_survey, write_transcripts

RUN = """
import json, time
from pathlib import Path
from qualcode.store import Project
from qualcode.ingest import ingest_files
from qualcode.store.summary import project_summary
paths = [Path(p) for p in {paths!r}]
project = Project.create({db!r}, replace=True)
start = time.perf_counter()
report = ingest_files(project, paths)
seconds = time.perf_counter() - start
summary = project_summary(project)
print(json.dumps({{"seconds": seconds, "segments": report.segments, "answers": summary.segments.get("answer", 0),
                  "words": summary.segments.get("word", 0), "bytes": sum(p.stat().st_size for p in paths)}}))
"""


def main(runs: int = 3) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        survey = tmp / "stor_undersokelse.csv"
        write_survey(survey, 100_000)
        transcripts = write_transcripts(tmp / "intervjuer", 5_000_000, files=50)
        results = {}
        for name, paths, rows in (("survey_100k_answers", [survey], "answers"),
                                  ("transcripts_5mb", transcripts, "segments")):
            res = measure(RUN.format(paths=[str(p) for p in paths], db=str(tmp / f"{name}.qualcode")), runs)
            secs = median(res, "seconds")
            results[name] = {
                "runs": runs, "median_seconds": round(secs, 2),
                "rows": res[0][rows], "row_kind": rows, "rows_per_second": round(res[0][rows] / secs),
                "segments": res[0]["segments"], "megabytes": round(res[0]["bytes"] / 1e6, 2),
                "median_peak_rss_mb": round(median(res, "peak_rss_mb")),
            }
    save("ingest", results)
    return results


if __name__ == "__main__":
    main()
