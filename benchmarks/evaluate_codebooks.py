"""Quality of the shipped codebooks on the labelled sets in tests/data (issue 4).

    python -m benchmarks.evaluate_codebooks [--errors]

Prints per-category precision, recall and F1, micro figures, primary-category accuracy and the
noise answers that got a code. The test suite asserts the targets (tests/test_tagger.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from qualcode.tagging import codebook_pipeline, load_codebook
from qualcode.tagging.evaluation import evaluate, read_labelled

ROOT = Path(__file__).resolve().parent.parent
SETS = [("codebooks/elevutbytte.yaml", "tests/data/eval_elevutbytte_answers.jsonl"),
        ("codebooks/erasmus_prioriteringer.yaml", "tests/data/eval_erasmus_sentences.jsonl")]


def main(show_errors: bool = False) -> None:
    for codebook_path, data in SETS:
        codebook = load_codebook(ROOT / codebook_path)
        nlp = codebook_pipeline(codebook)
        result = evaluate(nlp, codebook, read_labelled(ROOT / data))
        print(f"== {codebook_path} on {data} ({result.items} items, pipeline {nlp.meta['qualcode']['name']})")
        print(result.table())
        if show_errors:
            for error in result.errors:
                print("  ", error)


if __name__ == "__main__":
    main("--errors" in sys.argv)
