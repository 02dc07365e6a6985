"""Tagger benchmarks (issue 4).

1. Throughput: ``nlp.pipe`` over the sample interviews' sentences with and without the codebook
   tagger, alternating runs in one process; the tagger's cost is reported relative to parsing.
2. Re-coding: a generated project with 100,000 distinct sentence segments is coded once (which
   parses and caches them). Then (a) three codebook edits, each adding a term the texts use, are
   re-coded: only the segments whose words the edit touches are re-tagged; and (b) the whole
   project is re-tagged from the cache three times, as after an edit of a token pattern or the
   polarity poles. Reported for both: seconds, the speed-up over parsing again, words per minute.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from benchmarks.common import measure, median, save

THROUGHPUT = """
import json, time, statistics
from benchmarks.generate import interview_turns
from qualcode.nlp import load_pipeline
from qualcode.tagging import load_codebook
texts = [t.split(":", 1)[1].strip() for t in interview_turns()] * 6
bare = load_pipeline()
tagged = load_pipeline()
tagged.add_pipe("qualcode_codebook").set_codebook(load_codebook("codebooks/elevutbytte.yaml"))
words = sum(len(t.split()) for t in texts)
list(bare.pipe(texts[:50])); list(tagged.pipe(texts[:50]))
bare_s, tagged_s = [], []
for _ in range(5):
    t = time.perf_counter(); list(bare.pipe(texts, batch_size=256)); bare_s.append(time.perf_counter() - t)
    t = time.perf_counter(); list(tagged.pipe(texts, batch_size=256)); tagged_s.append(time.perf_counter() - t)
b, g = statistics.median(bare_s), statistics.median(tagged_s)
print(json.dumps({"words": words, "texts": len(texts), "pipeline": bare.meta["qualcode"]["name"],
                  "bare_seconds": b, "tagged_seconds": g, "overhead": g / b - 1}))
"""

RECODE = """
import json, time, statistics
from pathlib import Path
from benchmarks.generate import write_sentence_transcripts
from qualcode.store import Project
from qualcode.ingest import ingest_files
from qualcode.nlp import load_pipeline
from qualcode.tagging import load_codebook
from qualcode.tagging.apply import code_project
folder = Path({folder!r})
paths = write_sentence_transcripts(folder / "t", {count})
project = Project.create(folder / "p.qualcode", replace=True)
ingest_files(project, paths)
nlp = load_pipeline()
codebook = load_codebook("codebooks/elevutbytte.yaml")
t = time.perf_counter(); first = code_project(project, codebook, nlp); parse_seconds = time.perf_counter() - t
runs, retagged = [], []
for term in ["reise", "besøk", "erfaring"]:  # words the generated texts use (2,851, 1,039, 421 segments)
    codebook.categories[0].terms.append(term)  # a codebook edit
    t = time.perf_counter(); report = code_project(project, codebook, nlp); runs.append(time.perf_counter() - t)
    assert report.parsed == 0 and report.incremental
    retagged.append(report.retagged)
from sqlalchemy import delete
from qualcode.store import schema
full_runs = []
for _ in range(3):
    with project.transaction() as conn:  # forget the last run: every segment is tagged again
        conn.execute(delete(schema.meta).where(schema.meta.c.key.like("coded:%")))
    t = time.perf_counter(); report = code_project(project, codebook, nlp); full_runs.append(time.perf_counter() - t)
    assert report.parsed == 0 and not report.incremental
from sqlalchemy import text
with project.read() as conn:
    words = sum(len(t.split()) for (t,) in conn.execute(text("select text from segments where codable")))
print(json.dumps({{"segments": first.segments, "parsed_first": first.parsed, "words": words,
                  "parse_and_code_seconds": parse_seconds, "recode_seconds": runs, "retagged": retagged,
                  "full_retag_seconds": full_runs,
                  "pipeline": nlp.meta["qualcode"]["name"]}}))
"""


def main(runs: int = 3, count: int = 100_000) -> dict:
    results = {}
    res = measure(THROUGHPUT, runs)
    results["throughput"] = {
        "runs": runs, "texts": res[0]["texts"], "words": res[0]["words"], "pipeline": res[0]["pipeline"],
        "median_bare_seconds": round(median(res, "bare_seconds"), 3),
        "median_tagged_seconds": round(median(res, "tagged_seconds"), 3),
        "median_tagger_overhead_percent": round(100 * median(res, "overhead"), 1),
        "bare_words_per_second": round(res[0]["words"] / median(res, "bare_seconds")),
    }
    with tempfile.TemporaryDirectory() as tmp:
        res = measure(RECODE.format(folder=tmp, count=count), 1)[0]
    recode = statistics.median(res["recode_seconds"])
    full = statistics.median(res["full_retag_seconds"])
    results["recode"] = {
        "segments": res["segments"], "words": res["words"], "pipeline": res["pipeline"],
        "parse_and_code_seconds": round(res["parse_and_code_seconds"], 1),
        "after_term_edit": {
            "runs_seconds": [round(x, 2) for x in res["recode_seconds"]],
            "segments_retagged": res["retagged"],
            "median_seconds": round(recode, 2),
            "speedup_over_parsing_again": round(res["parse_and_code_seconds"] / recode, 1),
            "words_per_minute": round(res["words"] / recode * 60),
        },
        "full_retag_from_cache": {
            "runs_seconds": [round(x, 2) for x in res["full_retag_seconds"]],
            "median_seconds": round(full, 2),
            "speedup_over_parsing_again": round(res["parse_and_code_seconds"] / full, 1),
            "words_per_minute": round(res["words"] / full * 60),
        },
        "peak_rss_mb": round(res["peak_rss_mb"]),
    }
    save("tagger", results)
    # Parse-and-code time against 0.2.0, side by side (issue 17): saved as results/versions.json.
    from benchmarks import bench_versions

    results["versions"] = bench_versions.main(runs)
    save("tagger", results)
    return results


if __name__ == "__main__":
    main()
