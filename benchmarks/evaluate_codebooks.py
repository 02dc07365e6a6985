"""Quality of the shipped codebooks on the labelled sets (issues 4 and 15).

    python -m benchmarks.evaluate_codebooks [--split dev|test|all] [--errors]

Two sets:

- ``tests/data/labelset_2026/``: written by a helper who never saw the codebooks or the tagger,
  split once into dev and test (``split.json``). Tune on dev only; test is reported once.
- ``tests/data/eval_*.jsonl``: the first labelled sets, kept as a third reference.

For each set and split: per-category precision, recall and F1, micro figures, primary-category
accuracy (answers), noise answers coded, and the same summary for bokmål and nynorsk items.
For sentences a predicted category the item lists as ``acceptable`` is not a false positive.
``--errors`` prints the items the tagger got wrong (of the splits printed).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from qualcode.tagging import codebook_pipeline, load_codebook
from qualcode.tagging.evaluation import read_labelled, read_split, score, tag_items

ROOT = Path(__file__).resolve().parent.parent
LABELSET = ROOT / "tests/data/labelset_2026"
NEW = [("codebooks/elevutbytte.yaml", LABELSET / "answers.jsonl"),
       ("codebooks/erasmus_prioriteringer.yaml", LABELSET / "sentences.jsonl")]
OLD = [("codebooks/elevutbytte.yaml", ROOT / "tests/data/eval_elevutbytte_answers.jsonl"),
       ("codebooks/erasmus_prioriteringer.yaml", ROOT / "tests/data/eval_erasmus_sentences.jsonl")]


def _report(title: str, tagged: list, codebook, show_errors: bool) -> dict:
    result = score(tagged, codebook)
    print(f"-- {title}")
    print(result.table())
    varieties = sorted({t.item["variety"] for t in tagged if "variety" in t.item})
    for variety in varieties:
        print(f"   {variety:8} {score([t for t in tagged if t.item.get('variety') == variety], codebook).summary()}")
    if show_errors:
        for error in result.errors:
            print("  ", error)
    return {"result": result, "varieties": {v: score([t for t in tagged if t.item.get("variety") == v], codebook)
                                            for v in varieties}}


def main(split: str = "all", show_errors: bool = False) -> dict:
    splits = read_split(LABELSET / "split.json")
    wanted = ["dev", "test"] if split == "all" else [split]
    results: dict = {}
    pipelines: dict = {}
    for codebook_path, data in NEW + OLD:
        codebook = load_codebook(ROOT / codebook_path)
        if codebook_path not in pipelines:
            pipelines[codebook_path] = codebook_pipeline(codebook)
        nlp = pipelines[codebook_path]
        items = read_labelled(data)
        name = nlp.meta["qualcode"]["name"]
        if data.parent == LABELSET:
            for part in wanted:
                chosen = [i for i in items if i["id"] in splits[part]]
                print(f"== {codebook_path} on {data.relative_to(ROOT)} [{part}] ({len(chosen)} items, pipeline {name})")
                results[(data.name, part)] = _report(part, tag_items(nlp, chosen), codebook, show_errors)
        elif split != "test":
            print(f"== {codebook_path} on {data.relative_to(ROOT)} [first sets, reference] ({len(items)} items, pipeline {name})")
            results[(data.name, "old")] = _report("old", tag_items(nlp, items), codebook, show_errors)
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["dev", "test", "all", "old"], default="all",
                        help="which split of the 2026 set to evaluate; dev and all also print the first sets")
    parser.add_argument("--errors", action="store_true", help="print the items the tagger got wrong")
    args = parser.parse_args()
    main(args.split, args.errors)
