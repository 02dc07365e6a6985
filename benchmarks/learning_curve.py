"""Learning curve of the model tier (issue 9): rules alone vs rules + model, as an analyst reviews.

``python -m benchmarks.learning_curve`` prints a table and writes ``results/learning_curve.json``.

For each labelled set of issue 4 a project is built from the sample corpus plus the labelled
items (survey answers as a survey, interview sentences as a transcript) and coded with its
codebook. A simulated analyst, with the labelled set as the oracle, then reviews segments: every
open suggestion on a segment is accepted or rejected as the gold labels say, and each gold
category still missing is added by hand. Segments are taken in review-queue order (the model's
uncertainty; a codebook-examples-only model orders the first batch), or in a seeded random order
for comparison. After 25, 50, 100 and 200 reviewed segments the model is trained again, proposes
codes, and precision and recall are measured on the labelled items **not yet reviewed**:
rules alone (open auto suggestions) against rules + model (auto and model suggestions).
A budget that leaves no labelled item to measure on is reported as not measurable; for the end
of a review, k-fold cross-validation (all other labelled segments reviewed) measures every item.
"""

from __future__ import annotations

import csv
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from benchmarks.common import RESULTS
from qualcode.assist import suggest_codes, train_model, uncertainty_queue
from qualcode.assist.training import category_ids
from qualcode.ingest import ingest_files
from qualcode.nlp import load_pipeline, pipeline_info
from qualcode.review import accept, add_manual_coding, reject
from qualcode.store import Project, schema
from qualcode.tagging import load_codebook
from qualcode.tagging.apply import code_project
from qualcode.tagging.evaluation import read_labelled

ROOT = Path(__file__).resolve().parent.parent
SETS = {
    "elevutbytte": ("codebooks/elevutbytte.yaml", "tests/data/eval_elevutbytte_answers.jsonl", "answers"),
    "erasmus_prioriteringer": ("codebooks/erasmus_prioriteringer.yaml", "tests/data/eval_erasmus_sentences.jsonl", "sentences"),
}
BUDGETS = (25, 50, 100, 200)
THRESHOLD = 0.5
CODER = "oracle"


def build_project(folder: Path, items: list[dict], kind: str, codebook, nlp) -> tuple[Project, dict[int, dict]]:
    """The sample corpus plus the labelled items, coded; returns the project and item by segment id."""
    if kind == "answers":
        labelled = folder / "labelled_answers.csv"
        with open(labelled, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow(["id", "svar"])
            writer.writerows([item["id"], item["text"]] for item in items)
        survey = {"id_column": "id", "open_columns": ["svar=svar"]}
        ingest_files(project := Project.create(folder / "curve.qualcode"), [labelled], survey=survey)
    else:
        labelled = folder / "labelled_sentences.txt"
        labelled.write_text("".join(f"Informant: {item['text']}\n" for item in items), encoding="utf-8")
        ingest_files(project := Project.create(folder / "curve.qualcode"), [labelled])
    corpus = sorted((ROOT / "corpus" / "interviews").iterdir())
    ingest_files(project, corpus)
    ingest_files(project, [ROOT / "corpus" / "survey_utbytte.csv"])
    code_project(project, codebook, nlp)
    s, d = schema.segments, schema.documents
    with project.read() as conn:
        rows = conn.execute(select(s.c.id, s.c.text).join(d, d.c.id == s.c.document_id)
                            .where(d.c.name == labelled.name, s.c.codable.is_(True)).order_by(s.c.id)).all()
    by_text: dict[str, list[dict]] = {}
    for item in items:
        by_text.setdefault(item["text"], []).append(item)
    return project, {row.id: by_text[row.text].pop(0) for row in rows}


def open_codes(project: Project, ids: dict[str, int]) -> dict[int, dict[str, set[str]]]:
    """Open suggestions by segment: ``{"auto": {...}, "model": {...}}``."""
    c = schema.codings
    key_of = {v: k for k, v in ids.items()}
    result: dict[int, dict[str, set[str]]] = {}
    with project.read() as conn:
        for row in conn.execute(select(c.c.segment_id, c.c.category_id, c.c.source).where(
                c.c.category_id.in_(list(ids.values())), c.c.status == "suggested")):
            result.setdefault(row.segment_id, {"auto": set(), "model": set()}).setdefault(row.source, set()).add(key_of[row.category_id])
    return result


def review(project: Project, segment_id: int, gold: set[str], ids: dict[str, int]) -> None:
    """The oracle analyst: decide every open suggestion on the segment, add what is missing."""
    c = schema.codings
    with project.read() as conn:
        rows = conn.execute(select(c.c.id, c.c.category_id, c.c.status).where(
            c.c.segment_id == segment_id, c.c.category_id.in_(list(ids.values())))).all()
    key_of = {v: k for k, v in ids.items()}
    accepted = set()
    for row in rows:
        if row.status == "suggested":
            (accept if key_of[row.category_id] in gold else reject)(project, row.id, CODER)
        if key_of[row.category_id] in gold and row.status in ("suggested", "accepted"):
            accepted.add(key_of[row.category_id])
    for category in sorted(gold - accepted):
        add_manual_coding(project, segment_id, ids[category], CODER)


def score(pairs: list[tuple[set[str], set[str]]]) -> dict:
    tp = sum(len(p & g) for p, g in pairs)
    fp = sum(len(p - g) for p, g in pairs)
    fn = sum(len(g - p) for p, g in pairs)
    return {"precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
            "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0, "tp": tp, "fp": fp, "fn": fn}


def curve(name: str, order: str, nlp) -> dict:
    codebook_path, data_path, kind = SETS[name]
    codebook = load_codebook(ROOT / codebook_path)
    items = read_labelled(ROOT / data_path)
    with tempfile.TemporaryDirectory() as tmp:
        project, labelled = build_project(Path(tmp), items, kind, codebook, nlp)
        ids = category_ids(project, codebook)
        train_model(project, codebook)
        suggest_codes(project, codebook, threshold=THRESHOLD)
        shuffled = sorted(labelled)
        random.Random(7).shuffle(shuffled)
        reviewed: list[int] = []
        points = []
        for budget in BUDGETS:
            if budget >= len(labelled):
                points.append({"reviewed": budget, "measurable": False, "note": f"only {len(labelled)} labelled segments"})
                continue
            if order == "uncertainty":
                queue = list(dict.fromkeys(q.segment_id for q in uncertainty_queue(project, codebook)))
                candidates = [s for s in queue if s in labelled and s not in reviewed]
                from_queue = min(len(candidates), budget - len(reviewed))
                candidates += [s for s in sorted(labelled) if s not in reviewed and s not in candidates]
            else:
                candidates, from_queue = [s for s in shuffled if s not in reviewed], 0
            for segment_id in candidates[:budget - len(reviewed)]:
                review(project, segment_id, set(labelled[segment_id]["labels"]), ids)
                reviewed.append(segment_id)
            started = time.perf_counter()
            trained = train_model(project, codebook)
            report = suggest_codes(project, codebook, threshold=THRESHOLD)
            seconds = time.perf_counter() - started
            codes = open_codes(project, ids)
            rest = [s for s in labelled if s not in set(reviewed)]
            empty = {"auto": set(), "model": set()}
            rules = [(codes.get(s, empty)["auto"], set(labelled[s]["labels"])) for s in rest]
            both = [(codes.get(s, empty)["auto"] | codes.get(s, empty)["model"], set(labelled[s]["labels"])) for s in rest]
            model_only = [(codes.get(s, empty)["model"], set(labelled[s]["labels"])) for s in rest]
            corpus_model = sum(len(v["model"]) for s, v in codes.items() if s not in labelled)
            points.append({"reviewed": len(reviewed), "measurable": True, "measured_on": len(rest),
                           "from_queue": from_queue if order == "uncertainty" else None,
                           "rules": score(rules), "rules_model": score(both),
                           "model_suggestions": {k: v for k, v in score(model_only).items() if k in ("tp", "fp")},
                           "model_suggestions_on_sample_corpus": corpus_model,
                           "train_and_suggest_seconds": round(seconds, 2), "examples": trained.examples,
                           "new_model_suggestions": report.suggested})
        project.close()
    return {"set": name, "order": order, "labelled_segments": len(labelled), "items": len(items), "points": points}


def cross_validated(name: str, folds: int, nlp) -> dict:
    """Every labelled segment measured once: per fold, all the others are reviewed (the end of a
    review) and the fold is held out; counts are summed over the folds."""
    codebook_path, data_path, kind = SETS[name]
    codebook = load_codebook(ROOT / codebook_path)
    items = read_labelled(ROOT / data_path)
    totals = {"rules": [], "rules_model": []}
    reviewed = measured = 0
    for fold in range(folds):
        with tempfile.TemporaryDirectory() as tmp:
            project, labelled = build_project(Path(tmp), items, kind, codebook, nlp)
            ids = category_ids(project, codebook)
            order = sorted(labelled)
            random.Random(7).shuffle(order)
            held_out = set(order[fold::folds])
            for segment_id in sorted(set(labelled) - held_out):
                review(project, segment_id, set(labelled[segment_id]["labels"]), ids)
            train_model(project, codebook)
            suggest_codes(project, codebook, threshold=THRESHOLD)
            codes = open_codes(project, ids)
            empty = {"auto": set(), "model": set()}
            for s in sorted(held_out):
                gold = set(labelled[s]["labels"])
                totals["rules"].append((codes.get(s, empty)["auto"], gold))
                totals["rules_model"].append((codes.get(s, empty)["auto"] | codes.get(s, empty)["model"], gold))
            reviewed += len(labelled) - len(held_out)
            measured += len(held_out)
            project.close()
    return {"set": name, "folds": folds, "reviewed_per_fold": round(reviewed / folds), "measured_on": measured,
            "rules": score(totals["rules"]), "rules_model": score(totals["rules_model"])}


def table(results: list[dict]) -> str:
    lines = [f"{'set':24} {'order':11} {'reviewed':>8} {'on':>4}  {'rules P':>7} {'rules R':>7}  {'+model P':>8} {'+model R':>8}"
             f"  {'model tp/fp':>11} {'corpus':>6}"]
    for result in results:
        for p in result["points"]:
            if not p["measurable"]:
                lines.append(f"{result['set']:24} {result['order']:11} {p['reviewed']:>8}    -  not measurable ({p['note']})")
                continue
            r, m = p["rules"], p["rules_model"]
            lines.append(f"{result['set']:24} {result['order']:11} {p['reviewed']:>8} {p['measured_on']:>4}  "
                         f"{r['precision']:7.3f} {r['recall']:7.3f}  {m['precision']:8.3f} {m['recall']:8.3f}  "
                         f"{p['model_suggestions']['tp']:>5}/{p['model_suggestions']['fp']:<5} {p['model_suggestions_on_sample_corpus']:>6}")
    return "\n".join(lines)


def main(orders: tuple[str, ...] = ("uncertainty", "random")) -> list[dict]:
    nlp = load_pipeline()
    results = [curve(name, order, nlp) for name in SETS for order in orders]
    print(table(results))
    folds = {"elevutbytte": 5, "erasmus_prioriteringer": 4}
    crossed = [cross_validated(name, folds[name], nlp) for name in SETS]
    print("\nAll other labelled segments reviewed (k-fold; every labelled segment measured once):")
    for c in crossed:
        r, m = c["rules"], c["rules_model"]
        print(f"{c['set']:24} {c['folds']} folds, ~{c['reviewed_per_fold']} reviewed, {c['measured_on']} measured: "
              f"rules P {r['precision']:.3f} R {r['recall']:.3f} ({r['tp']}/{r['fp']}/{r['fn']}); "
              f"+model P {m['precision']:.3f} R {m['recall']:.3f} ({m['tp']}/{m['fp']}/{m['fn']})")
    RESULTS.mkdir(exist_ok=True)
    summary = {"pipeline": pipeline_info(nlp).name, "threshold": THRESHOLD, "budgets": list(BUDGETS),
               "results": results, "cross_validated": crossed}
    (RESULTS / "learning_curve.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    return results


if __name__ == "__main__":
    main(tuple(sys.argv[1:]) or ("uncertainty", "random"))
