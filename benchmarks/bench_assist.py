"""Model-tier benchmarks (issue 9): training and prediction on 100,000 segments.

A generated project with 100,000 distinct interview sentences is coded with the elevutbytte
codebook once, and an analyst's review is simulated (300 decisions). Then, each in fresh
processes (median of runs, peak resident memory):

1. ``train``: ``train_model`` — 100,000 segments (the reviewed ones, the codebook examples and
   every unreviewed segment as the rules code it), five calibrated classifiers, saved.
2. ``predict``: ``CodeModel.predict_proba`` on the 100,000 segment texts.
3. ``suggest``: ``suggest_codes`` end to end — read, score, write the model's suggestions.
"""

from __future__ import annotations

import tempfile

from benchmarks.common import measure, median, save

SETUP = """
import json, time
from pathlib import Path
from sqlalchemy import select
from benchmarks.generate import write_sentence_transcripts
from qualcode.store import Project, schema
from qualcode.ingest import ingest_files
from qualcode.nlp import load_pipeline, pipeline_info
from qualcode.review import accept, add_manual_coding, reject
from qualcode.tagging import load_codebook
from qualcode.tagging.apply import code_project
folder = Path({folder!r})
project = Project.create(folder / "p.qualcode", replace=True)
ingest_files(project, write_sentence_transcripts(folder / "t", {count}))
codebook = load_codebook("codebooks/elevutbytte.yaml")
nlp = load_pipeline()
t = time.perf_counter(); report = code_project(project, codebook, nlp); seconds = time.perf_counter() - t
c, s = schema.codings, schema.segments
with project.read() as conn:
    open_ids = conn.execute(select(c.c.id).where(c.c.status == "suggested").order_by(c.c.id).limit(250)).scalars().all()
    uncoded = conn.execute(select(s.c.id).where(s.c.codable.is_(True), s.c.id.not_in(select(c.c.segment_id)))
                           .order_by(s.c.id).limit(50)).scalars().all()
    first_category = conn.execute(select(schema.categories.c.id).order_by(schema.categories.c.id)).scalars().first()
for i, coding_id in enumerate(open_ids):
    (accept if i % 5 else reject)(project, coding_id, "bench")
for segment_id in uncoded:
    add_manual_coding(project, segment_id, first_category, "bench")
print(json.dumps({{"segments": report.segments, "code_seconds": seconds, "decisions": len(open_ids) + len(uncoded),
                  "pipeline": pipeline_info(nlp).name}}))
"""

TRAIN = """
import json, time
from qualcode.store import Project
from qualcode.tagging import load_codebook
from qualcode.assist import train_model
project = Project.open({path!r})
t = time.perf_counter(); report = train_model(project, load_codebook("codebooks/elevutbytte.yaml")); seconds = time.perf_counter() - t
print(json.dumps({{"seconds": seconds, "texts": report.reviewed + report.examples + report.unreviewed,
                  "reviewed": report.reviewed, "model_mb": report.size_bytes / 1e6}}))
"""

PREDICT = """
import json, time
from sqlalchemy import select
from qualcode.store import Project, schema
from qualcode.tagging import load_codebook
from qualcode.assist import load_model
project = Project.open({path!r})
model, _ = load_model(project, load_codebook("codebooks/elevutbytte.yaml"))
with project.read() as conn:
    texts = conn.execute(select(schema.segments.c.text).where(schema.segments.c.codable.is_(True))).scalars().all()
t = time.perf_counter(); p = model.predict_proba(texts); seconds = time.perf_counter() - t
print(json.dumps({{"seconds": seconds, "texts": len(texts), "words": sum(len(x.split()) for x in texts)}}))
"""

SUGGEST = """
import json, time
from sqlalchemy import delete
from qualcode.store import Project, schema
from qualcode.tagging import load_codebook
from qualcode.assist import suggest_codes
project = Project.open({path!r})
c = schema.codings
with project.transaction() as conn:  # every run starts without model suggestions
    conn.execute(delete(c).where(c.c.source == "model", c.c.status == "suggested"))
t = time.perf_counter(); report = suggest_codes(project, load_codebook("codebooks/elevutbytte.yaml")); seconds = time.perf_counter() - t
print(json.dumps({{"seconds": seconds, "segments": report.segments, "scored": report.scored, "suggested": report.suggested}}))
"""


def _summary(res: list[dict], **extra) -> dict:
    return {"runs": len(res), "median_seconds": round(median(res, "seconds"), 2),
            "runs_seconds": [round(r["seconds"], 2) for r in res],
            "median_peak_rss_mb": round(median(res, "peak_rss_mb")), **extra}


def main(runs: int = 3, count: int = 100_000) -> dict:
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        setup = measure(SETUP.format(folder=tmp, count=count), 1)[0]
        path = f"{tmp}/p.qualcode"
        results["project"] = {"segments": setup["segments"], "decisions": setup["decisions"],
                              "code_seconds": round(setup["code_seconds"], 1), "pipeline": setup["pipeline"]}
        res = measure(TRAIN.format(path=path), runs)
        results["train"] = _summary(res, texts=res[0]["texts"], reviewed=res[0]["reviewed"],
                                    model_mb=round(res[0]["model_mb"], 1))
        res = measure(PREDICT.format(path=path), runs)
        results["predict"] = _summary(res, texts=res[0]["texts"],
                                      texts_per_second=round(res[0]["texts"] / median(res, "seconds")))
        res = measure(SUGGEST.format(path=path), runs)
        results["suggest"] = _summary(res, segments=res[0]["segments"], scored=res[0]["scored"],
                                      suggested=res[0]["suggested"])
    save("assist", results)
    return results


if __name__ == "__main__":
    main()
