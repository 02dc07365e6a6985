"""Quality of the shipped codebooks on the labelled sets (issues 4 and 15).

    python -m benchmarks.evaluate_codebooks [--set SET [SET ...]] [--split dev|test|all|whole|old] [--errors]
    python -m benchmarks.evaluate_codebooks --set 2026au 2026av --split test     # two sets, one after the other

Labelled sets, each ``answers.jsonl`` (codebook elevutbytte) and ``sentences.jsonl``
(codebook erasmus_prioriteringer) with a ``split.json`` of dev and test ids:

- ``--set 2026`` (default), ``tests/data/labelset_2026/``: written by a helper who never saw the
  codebooks or the tagger. Its test split was measured once (see its RESULTS.md); since then the
  whole set is tuning material.
- ``--set 2026b``, ``tests/data/labelset_2026b/``: written later by two other helpers, also blind.
  Its test split was measured once (round 2); since then the whole set is tuning material.
- ``--set 2026c``, ``tests/data/labelset_2026c/``: written in round 3 by helpers who saw neither
  the codebooks, ``src/`` nor the other sets. Its test split was measured once (round 3); since
  then the whole set is tuning material.
- ``--set 2026d``, ``tests/data/labelset_2026d/``: written in session 5 by two more blind helpers
  (other respondent populations, most sentences without the priority's policy word). Round 4's
  blind measurement; measured once after round 4, since then tuning material.
- ``--set 2026e``, ``tests/data/labelset_2026e/``: written in session 5 by two more blind helpers
  while round 5 was tuned (yet other respondents). Round 5's blind measurement; measured once
  after round 5, since then tuning material.
- ``--set 2026f``, ``tests/data/labelset_2026f/``: written in session 5 by two more blind helpers
  while round 6 (sentence precision) was tuned; tempting negatives on purpose. Round 6's blind
  measurement.
- ``--set 2026g`` … ``2026bf``: fifty-two more blind sets (sessions 6 to 14), each measured once on the
  rules of its round and tuning material since; who wrote them for which respondents:
  ``tests/data/README.md``, every measurement: ``tests/data/labelset_2026/RESULTS.md``.
- ``tests/data/eval_*.jsonl``: the first labelled sets, kept as a reference (printed with
  ``--split dev``, ``all``, ``whole`` and ``old``).

Splits: ``dev`` or ``test``; ``all`` prints dev and test one after the other; ``whole`` scores dev
and test together as one set; ``old`` prints the first sets only.

For each set and split: per-category precision, recall and F1, micro figures, primary-category
accuracy (answers), noise answers coded, and the same summary for bokmål and nynorsk items.
For sentences a predicted category the item lists as ``acceptable`` is not a false positive.
``--errors`` prints the items the tagger got wrong (of the splits printed).
``--cache DIR`` keeps each file's parses in DIR and re-tags them with the current codebook and tagger on the
next run (the figures are the same; a tuning round's runs take seconds instead of minutes). The parses are
keyed by the texts, the pipeline and every file of ``qualcode.nlp``, so a change to parsing parses again.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.tokens import DocBin

import qualcode.nlp
from qualcode.tagging import codebook_pipeline, load_codebook
from qualcode.tagging.evaluation import Tagged, read_labelled, read_split, score, tag_items, tagged

ROOT = Path(__file__).resolve().parent.parent
LABELSETS = {"2026": ROOT / "tests/data/labelset_2026", "2026b": ROOT / "tests/data/labelset_2026b",
             "2026c": ROOT / "tests/data/labelset_2026c", "2026d": ROOT / "tests/data/labelset_2026d",
             "2026e": ROOT / "tests/data/labelset_2026e", "2026f": ROOT / "tests/data/labelset_2026f",
             "2026g": ROOT / "tests/data/labelset_2026g",
             "2026h": ROOT / "tests/data/labelset_2026h",
             "2026i": ROOT / "tests/data/labelset_2026i",
             "2026j": ROOT / "tests/data/labelset_2026j",
             "2026k": ROOT / "tests/data/labelset_2026k",
             "2026l": ROOT / "tests/data/labelset_2026l",
             "2026m": ROOT / "tests/data/labelset_2026m",
             "2026n": ROOT / "tests/data/labelset_2026n",
             "2026o": ROOT / "tests/data/labelset_2026o",
             "2026p": ROOT / "tests/data/labelset_2026p",
             "2026q": ROOT / "tests/data/labelset_2026q",
             "2026r": ROOT / "tests/data/labelset_2026r",
             "2026s": ROOT / "tests/data/labelset_2026s",
             "2026t": ROOT / "tests/data/labelset_2026t",
             "2026u": ROOT / "tests/data/labelset_2026u",
             "2026v": ROOT / "tests/data/labelset_2026v",
             "2026w": ROOT / "tests/data/labelset_2026w",
             "2026x": ROOT / "tests/data/labelset_2026x",
             "2026y": ROOT / "tests/data/labelset_2026y",
             "2026z": ROOT / "tests/data/labelset_2026z",
             "2026aa": ROOT / "tests/data/labelset_2026aa",
             "2026ab": ROOT / "tests/data/labelset_2026ab",
             "2026ac": ROOT / "tests/data/labelset_2026ac",
             "2026ad": ROOT / "tests/data/labelset_2026ad",
             "2026ae": ROOT / "tests/data/labelset_2026ae",
             "2026af": ROOT / "tests/data/labelset_2026af",
             "2026ag": ROOT / "tests/data/labelset_2026ag",
             "2026ah": ROOT / "tests/data/labelset_2026ah",
             "2026ai": ROOT / "tests/data/labelset_2026ai",
             "2026aj": ROOT / "tests/data/labelset_2026aj",
             "2026ak": ROOT / "tests/data/labelset_2026ak",
             "2026al": ROOT / "tests/data/labelset_2026al",
             "2026am": ROOT / "tests/data/labelset_2026am",
             "2026an": ROOT / "tests/data/labelset_2026an",
             "2026ao": ROOT / "tests/data/labelset_2026ao",
             "2026ap": ROOT / "tests/data/labelset_2026ap",
             "2026aq": ROOT / "tests/data/labelset_2026aq",
             "2026ar": ROOT / "tests/data/labelset_2026ar",
             "2026as": ROOT / "tests/data/labelset_2026as",
             "2026at": ROOT / "tests/data/labelset_2026at",
             "2026au": ROOT / "tests/data/labelset_2026au",
             "2026av": ROOT / "tests/data/labelset_2026av",
             "2026aw": ROOT / "tests/data/labelset_2026aw",
             "2026ax": ROOT / "tests/data/labelset_2026ax",
             "2026ay": ROOT / "tests/data/labelset_2026ay",
             "2026az": ROOT / "tests/data/labelset_2026az",
             "2026ba": ROOT / "tests/data/labelset_2026ba",
             "2026bb": ROOT / "tests/data/labelset_2026bb",
             "2026bc": ROOT / "tests/data/labelset_2026bc",
             "2026bd": ROOT / "tests/data/labelset_2026bd",
             "2026be": ROOT / "tests/data/labelset_2026be",
             "2026bf": ROOT / "tests/data/labelset_2026bf"}
LABELSET = LABELSETS["2026"]
CODEBOOKS = {"answers.jsonl": "codebooks/elevutbytte.yaml", "sentences.jsonl": "codebooks/erasmus_prioriteringer.yaml"}
OLD = [("codebooks/elevutbytte.yaml", ROOT / "tests/data/eval_elevutbytte_answers.jsonl"),
       ("codebooks/erasmus_prioriteringer.yaml", ROOT / "tests/data/eval_erasmus_sentences.jsonl")]
SPLITS = {"dev": ["dev"], "test": ["test"], "all": ["dev", "test"], "whole": ["whole"], "old": []}


@lru_cache(maxsize=None)
def _parsing_fingerprint(pipeline_meta: str) -> str:
    """What a parse depends on besides its text: the pipeline (its meta, with the training run's figures), spaCy
    and every file of ``qualcode.nlp``."""
    digest = hashlib.sha256(f"{pipeline_meta} {spacy.__version__}".encode())
    package = Path(qualcode.nlp.__file__).parent
    for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def cached_parses(nlp, items: list[dict], cache: Path) -> list:
    """The Docs of the items' texts, parsed by ``nlp`` without its codebook tagger, kept in ``cache``."""
    key = hashlib.sha256(_parsing_fingerprint(json.dumps(nlp.meta, sort_keys=True, default=str)).encode())
    for item in items:
        key.update(item["text"].encode() + b"\0")
    path = cache / f"{key.hexdigest()[:32]}.spacy"
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    else:
        with nlp.select_pipes(disable=["qualcode_codebook"]):
            docs = list(nlp.pipe(item["text"] for item in items))
        cache.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs, store_user_data=True).to_disk(path)
    return docs


def tag_items_cached(nlp, items: list[dict], cache: Path) -> list[Tagged]:
    """:func:`tag_items`, with the parses (everything before the codebook tagger) kept in ``cache``."""
    tagger = nlp.get_pipe("qualcode_codebook")
    return [tagged(item, tagger(doc)) for item, doc in zip(items, cached_parses(nlp, items, cache))]


def _report(title: str, items: list, codebook, show_errors: bool) -> dict:
    result = score(items, codebook)
    print(f"-- {title}")
    print(result.table())
    varieties = sorted({t.item["variety"] for t in items if "variety" in t.item})
    for variety in varieties:
        print(f"   {variety:8} {score([t for t in items if t.item.get('variety') == variety], codebook).summary()}")
    if show_errors:
        for error in result.errors:
            print("  ", error)
    return {"result": result, "varieties": {v: score([t for t in items if t.item.get("variety") == v], codebook)
                                            for v in varieties}}


def main(split: str = "all", show_errors: bool = False, labelset: str = "2026", cache: Path | None = None) -> dict:
    """Print and return the scores of ``split`` of ``labelset`` (and of the first sets, see above)."""
    folder = LABELSETS[labelset]
    wanted = SPLITS[split]
    if wanted and not (folder / "split.json").exists():
        raise SystemExit(f"{folder}: no split.json here; the set '{labelset}' is not in place yet")
    splits = read_split(folder / "split.json") if wanted else {}
    splits["whole"] = set().union(*splits.values()) if splits else set()
    results: dict = {}
    pipelines: dict = {}

    def tag(nlp, chosen: list[dict]) -> list[Tagged]:
        return tag_items(nlp, chosen) if cache is None else tag_items_cached(nlp, chosen, cache)

    def tagger(codebook_path: str):
        codebook = load_codebook(ROOT / codebook_path)
        if codebook_path not in pipelines:
            pipelines[codebook_path] = codebook_pipeline(codebook)
        return codebook, pipelines[codebook_path]

    for data, codebook_path in CODEBOOKS.items():
        if not wanted:
            break
        codebook, nlp = tagger(codebook_path)
        items = read_labelled(folder / data)
        name = nlp.meta["qualcode"]["name"]
        for part in wanted:
            chosen = [i for i in items if i["id"] in splits[part]]
            print(f"== {codebook_path} on {(folder / data).relative_to(ROOT)} [{part}] ({len(chosen)} items, pipeline {name})")
            results[(labelset, data, part)] = _report(part, tag(nlp, chosen), codebook, show_errors)
    if split in ("dev", "whole", "old") or (split == "all" and labelset == "2026"):
        for codebook_path, data in OLD:
            codebook, nlp = tagger(codebook_path)
            items = read_labelled(data)
            name = nlp.meta["qualcode"]["name"]
            print(f"== {codebook_path} on {data.relative_to(ROOT)} [first sets, reference] ({len(items)} items, pipeline {name})")
            results[(data.name, "old")] = _report("old", tag(nlp, items), codebook, show_errors)
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", dest="labelsets", nargs="+", choices=sorted(LABELSETS), default=["2026"], metavar="SET",
                        help=f"one or more labelled sets, each reported in turn: {', '.join(sorted(LABELSETS))} "
                             "(tests/data/labelset_<set>)")
    parser.add_argument("--split", choices=sorted(SPLITS), default="all",
                        help="dev, test, all (dev then test), whole (dev and test as one) or old (the first sets only)")
    parser.add_argument("--errors", action="store_true", help="print the items the tagger got wrong")
    parser.add_argument("--cache", type=Path, metavar="DIR",
                        help="keep the parses in DIR and re-tag them on the next run (same figures, much faster)")
    args = parser.parse_args()
    for labelset in args.labelsets:
        main(args.split, args.errors, labelset, args.cache)
