#!/usr/bin/env python
"""One pipeline for both written standards, or one per standard chosen per text by the detector?

Compares a joint core model (trained on bokmål and nynorsk) with two per-standard core models
(``convert.py DATA OUT --standards nob`` / ``nno``, the same ``config.cfg``), where the product
would read them: through ``qualcode.nlp.load_pipeline()``, one text at a time.

1. **The detector** (:mod:`qualcode.nlp.standard`) on texts whose standard is known: the
   labelled survey answers (1–5 words) and interview sentences of ``tests/data/labelset_*``
   (field ``variety``) and each sentence of UD dev of both standards, by length. A text is
   *decided* when it is read as nynorsk (which needs evidence) or has more bokmål evidence than
   nynorsk (else it is read as bokmål by default); *right* when it is read as its own standard.
2. **Routing** on UD dev, one sentence at a time, UPOS and lemma through ``load_pipeline()``:
   the joint model; the model of the sentence's own standard (a perfect detector); the model
   the detector picks (what the product would get); the other standard's model (a wrong pick).
3. **Cost**: load time and resident memory of the joint pipeline and of both per-standard ones
   (each in a fresh process, median of ``--repeats``: seconds for import, load and one short
   text; resident memory after it), and size on disk.

Document-level figures (10-sentence UD dev documents, LAS on NDT dev, sentence F) come from
``evaluate.py`` run on each model.

Usage: python compare_standards.py --joint MODEL --nob MODEL --nno MODEL
           [--corpus build/corpus] [--out build/eval/standards.json]
"""
import argparse
import collections
import glob
import json
import os
import statistics
import subprocess
import sys

from spacy.scorer import Scorer
from spacy.tokens import DocBin
from spacy.training import Example

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
STANDARDS = ("nob", "nno")
OTHER = {"nob": "nno", "nno": "nob"}
DETECTED = {"nb": "nob", "nn": "nno"}
VARIETY = {"bokmål": "nob", "nynorsk": "nno"}
LENGTHS = ((1, 5), (6, 10), (11, 20), (21, 10_000))  # words (whitespace-separated)


def detector_result(texts_by_standard):
    """{standard: [text]} -> counts of decided / read as own standard, per standard and overall."""
    from qualcode.nlp.standard import detect_standard

    out = {}
    for std, texts in texts_by_standard.items():
        n = decided = right = 0
        for text in texts:
            guess = detect_standard(text)
            n += 1
            # read as nynorsk needs MIN_NYNORSK_EVIDENCE; bokmål is also the reading without evidence
            decided += guess.standard == "nn" or guess.bokmaal_evidence > guess.nynorsk_evidence
            right += DETECTED[guess.standard] == std
        out[std] = {"texts": n, "decided": decided, "right": right,
                    "decided_share": round(decided / n, 4) if n else None,
                    "right_share": round(right / n, 4) if n else None}
    return out


def labelled_texts(kind):
    """{standard: [text]} of tests/data/labelset_*/{kind}.jsonl."""
    texts = collections.defaultdict(list)
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "data", "labelset_*", f"{kind}.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                if row.get("variety") in VARIETY:
                    texts[VARIETY[row["variety"]]].append(row["text"])
    return dict(texts)


def ud_sentences(corpus, std, vocab):
    """Gold UD dev sentences of one standard, each as its own Doc."""
    docs = DocBin().from_disk(os.path.join(corpus, f"ud_dev_{std}.spacy")).get_docs(vocab)
    return [sent.as_doc() for doc in docs for sent in doc.sents]


def token_scores(preds, golds):
    examples = [Example(p, g) for p, g in zip(preds, golds)]
    pos = Scorer.score_token_attr(examples, "pos")["pos_acc"]
    lemma = Scorer.score_token_attr(examples, "lemma")["lemma_acc"]
    return {"upos": round(pos, 4), "lemma": round(lemma, 4), "tokens": sum(len(g) for g in golds)}


def routing(models, corpus):
    """UPOS/lemma per UD dev sentence: joint, own-standard model, detector's pick, wrong pick."""
    from qualcode.nlp import load_pipeline

    pipelines = {name: load_pipeline(path) for name, path in models.items()}
    vocab = pipelines["joint"].vocab
    res = {}
    for std in STANDARDS:
        golds = ud_sentences(corpus, std, vocab)
        texts = [g.text.strip() for g in golds]
        preds = {name: list(nlp.pipe(texts, batch_size=64)) for name, nlp in pipelines.items()}
        # the detector reads only the words: every pipeline sets the same doc._.standard
        picked = [DETECTED[doc._.standard] for doc in preds["joint"]]
        routed = [preds[pick][i] for i, pick in enumerate(picked)]
        res[std] = {
            "sentences": len(golds),
            "read_as_own_standard": round(sum(p == std for p in picked) / len(picked), 4),
            "joint": token_scores(preds["joint"], golds),
            "own_standard_model": token_scores(preds[std], golds),
            "detector_pick": token_scores(routed, golds),
            "other_standard_model": token_scores(preds[OTHER[std]], golds),
        }
    return res


LOAD_SNIPPET = """
import json, sys, time
start = time.perf_counter()
from qualcode.nlp import load_pipeline
pipelines = [load_pipeline(p) for p in sys.argv[1:]]
for nlp in pipelines:
    nlp("Elevane fekk nye vener, og dei lærte mykje.")
rss = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmRSS"))
print(json.dumps({"seconds": time.perf_counter() - start, "rss_mb": rss / 1024}))
"""


def load_cost(paths, repeats):
    """Median seconds (import + load + one short text) and resident memory of a fresh process.

    (Not the peak: a forked child inherits its parent's ``ru_maxrss``.)"""
    runs = [json.loads(subprocess.run([sys.executable, "-c", LOAD_SNIPPET, *paths], check=True,
                                      capture_output=True, text=True).stdout)
            for _ in range(repeats)]
    return {key: round(statistics.median(r[key] for r in runs), 2 if key == "seconds" else 1)
            for key in ("seconds", "rss_mb")}


def dir_mb(path):
    return round(sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs) / 1e6, 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--joint", required=True, help="core model trained on both standards")
    ap.add_argument("--nob", required=True, help="core model trained on bokmål only")
    ap.add_argument("--nno", required=True, help="core model trained on nynorsk only")
    ap.add_argument("--corpus", default=os.path.join(HERE, "build", "corpus"))
    ap.add_argument("--out", default=os.path.join(HERE, "build", "eval", "standards.json"))
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    models = {"joint": args.joint, "nob": args.nob, "nno": args.nno}

    from spacy.lang.nb import Norwegian
    vocab = Norwegian().vocab
    res = {"models": {k: os.path.abspath(v) for k, v in models.items()},
           "size_mb": {k: dir_mb(v) for k, v in models.items()}}
    res["detector"] = {
        "labelled answers (1-5 words)": detector_result(labelled_texts("answers")),
        "labelled sentences": detector_result(labelled_texts("sentences")),
    }
    for lo, hi in LENGTHS:
        by_std = {std: [t for t in (g.text.strip() for g in ud_sentences(args.corpus, std, vocab))
                        if lo <= len(t.split()) <= hi] for std in STANDARDS}
        res["detector"][f"UD dev sentences, {lo}-{hi} words"] = detector_result(by_std)
    res["routing"] = routing(models, args.corpus)
    res["load"] = {"no model (blank:nb)": load_cost(["blank:nb"], args.repeats),
                   "joint": load_cost([args.joint], args.repeats),
                   "nob + nno": load_cost([args.nob, args.nno], args.repeats)}

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(res, f, indent=1, ensure_ascii=False)

    print("detector (decided = one standard has more evidence; right = read as its own standard):")
    for what, by_std in res["detector"].items():
        print(f"  {what}: " + "; ".join(
            f"{std} {r['texts']} texts, decided {r['decided_share']}, right {r['right_share']}"
            for std, r in by_std.items()))
    print("UD dev one sentence at a time, load_pipeline(), UPOS / lemma:")
    for std, r in res["routing"].items():
        print(f"  {std} ({r['sentences']} sentences, read as {std}: {r['read_as_own_standard']}): " + "; ".join(
            f"{k} {r[k]['upos']:.4f} / {r[k]['lemma']:.4f}"
            for k in ("joint", "own_standard_model", "detector_pick", "other_standard_model")))
    print("size on disk (MB):", res["size_mb"])
    print("load (fresh process, median):", res["load"])


if __name__ == "__main__":
    main()
