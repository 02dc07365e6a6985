#!/usr/bin/env python
"""Evaluate the nb_qualcode_sm pipeline on both written standards.

* UD dev of each standard (``build/corpus/ud_dev_nob.spacy`` from no_bokmaal-ud-dev.conllu,
  ``ud_dev_nno.spacy`` from no_nynorsk-ud-dev.conllu; gold UPOS, feats, lemmas, sentence starts
  and NorNE entities merged to PER/ORG/LOC/GPE like the training data): UPOS, morph
  (UPOS-independent UD feats string), lemma accuracy, NER P/R/F (per label F) and
  sentence-boundary F, loaded with ``spacy.load`` and through ``qualcode.nlp.load_pipeline()``.
  The text is re-tokenized by the pipeline's own tokenizer and aligned to the gold tokens
  (spaCy's Example alignment), as in spaCy's published benchmarks. Lemmas are compared exactly
  (case-sensitive; NDT and UD both write punctuation lemmas as ``$.``). A pipeline whose NER
  predicts NorNE's nine types (0.2.0) is scored on the same four merged types.
* NDT dev of each standard (``dev_nob.spacy``, ``dev_nno.spacy``, NDT relations): UAS/LAS, with
  all tokens and without punctuation (NDT labels IP and IK).
* Speed: words per second of nlp.pipe on corpus/*.txt|*.md if present, else on the UD dev
  sentence texts, against spacy.blank("nb").

UD dev is only for the final figures: checkpoints and packaging settings are chosen on the
held-out slice of train (``select*.spacy``, see convert.py).

Usage: python evaluate.py MODEL_DIR [--corpus build/corpus] [--out build/eval/results.json]
"""
import argparse
import glob
import json
import os
import time

import spacy
from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Span
from spacy.tokens import DocBin
from spacy.training import Example

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
STANDARDS = ("nob", "nno")
MERGED_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE_LOC": "GPE", "GPE_ORG": "GPE", "GPE": "GPE"}
TARGETS = {"nob": {"upos": 0.970, "lemma": 0.975, "ner_f": 0.78},
           "nno": {"upos": 0.960, "lemma": 0.960, "ner_f": 0.75}}


@Language.component("merge_entity_types")
def merge_entity_types(doc):
    """NorNE's nine types -> the four the product uses (for scoring a 0.2.0 pipeline)."""
    doc.ents = [Span(doc, e.start, e.end, label=MERGED_TYPES[e.label_])
                for e in doc.ents if e.label_ in MERGED_TYPES]
    return doc


def with_merged_entities(nlp):
    if "ner" in nlp.pipe_names and "GPE_LOC" in nlp.get_pipe("ner").labels:
        nlp.add_pipe("merge_entity_types", after="ner")
    return nlp


def load_examples(nlp, path):
    gold = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    return [Example(nlp.make_doc(d.text), d) for d in gold]


def evaluate_ud(nlp, path, sentence_source="parser"):
    examples = load_examples(nlp, path)
    disable = []
    if sentence_source == "senter":
        disable = [p for p in ("parser",) if p in nlp.pipe_names]
    with nlp.select_pipes(disable=disable):
        if sentence_source == "senter" and "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
            try:
                scores = nlp.evaluate(examples)
            finally:
                nlp.disable_pipe("senter")
        else:
            scores = nlp.evaluate(examples)
    return scores, examples


def evaluate_ndt(nlp, path):
    examples = load_examples(nlp, path)
    scores = nlp.evaluate(examples)
    # nlp.evaluate does not keep its predictions: parse again for the no-punct score
    preds = nlp.pipe(eg.reference.text for eg in examples)
    examples = [Example(p, eg.reference) for p, eg in zip(preds, examples)]
    nopunct = Scorer.score_deps(
        examples, "dep", getter=lambda t, a: t.dep_.lower(), head_attr="head",
        ignore_labels=("ip", "ik", "p", "punct"), missing_values={"", None})
    return scores, nopunct


def speed(nlp, texts, repeats=3):
    best = None
    n_words = 0
    for _ in range(repeats):
        start = time.perf_counter()
        n_words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
        dur = time.perf_counter() - start
        best = dur if best is None else min(best, dur)
    return n_words / best, n_words


def corpus_texts(ud_path):
    files = sorted(glob.glob(os.path.join(ROOT, "corpus", "**", "*.txt"), recursive=True) +
                   glob.glob(os.path.join(ROOT, "corpus", "**", "*.md"), recursive=True))
    if files:
        texts = [open(f, encoding="utf-8").read() for f in files]
        return texts, f"{len(files)} files in corpus/"
    texts = [line.split("=", 1)[1].strip() for line in open(ud_path, encoding="utf-8")
             if line.startswith("# text")]
    return texts, f"{len(texts)} UD dev sentence texts (no corpus/ folder)"


def r4(x):
    return None if x is None else round(float(x), 4)


def f4(x):
    return "–" if x is None else f"{x:.4f}"


def ud_scores(s):
    return {
        "upos": r4(s["pos_acc"]), "morph": r4(s["morph_acc"]), "lemma": r4(s["lemma_acc"]),
        # the core model of build.sh has no entity recognizer: its NER scores are None
        "ner_p": r4(s.get("ents_p")), "ner_r": r4(s.get("ents_r")), "ner_f": r4(s.get("ents_f")),
        "ner_per_label_f": {k: r4(v["f"]) for k, v in sorted((s.get("ents_per_type") or {}).items())},
        "sents_p": r4(s["sents_p"]), "sents_r": r4(s["sents_r"]), "sents_f": r4(s["sents_f"]),
        "tokenization_acc": r4(s.get("token_acc")),
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("--corpus", default=os.path.join(HERE, "build", "corpus"))
    ap.add_argument("--data-dir", default=os.path.join(ROOT, "..", "shared", "data", "norne"))
    ap.add_argument("--out", default=os.path.join(HERE, "build", "eval", "results.json"))
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--no-qualcode", action="store_true",
                    help="skip the second UD dev evaluation through qualcode.nlp.load_pipeline()")
    args = ap.parse_args()

    nlp = with_merged_entities(spacy.load(args.model))
    res = {"model": os.path.abspath(args.model), "pipeline": nlp.pipe_names,
           "version": nlp.meta.get("version"), "disabled": list(nlp.disabled)}
    if not args.no_qualcode:
        from qualcode.nlp import load_pipeline
        qnlp = with_merged_entities(load_pipeline(args.model))
    for std in STANDARDS:
        ud_path = os.path.join(args.corpus, f"ud_dev_{std}.spacy")
        s, _ = evaluate_ud(nlp, ud_path, "parser")
        res[f"ud_dev_{std}"] = ud_scores(s)
        if "senter" in nlp.component_names:
            s2, _ = evaluate_ud(nlp, ud_path, "senter")
            res[f"ud_dev_{std}"]["sents_f_senter_only"] = r4(s2["sents_f"])
        if not args.no_qualcode:
            s, _ = evaluate_ud(qnlp, ud_path, "parser")
            res[f"ud_dev_{std}_qualcode"] = ud_scores(s)
        s, nopunct = evaluate_ndt(nlp, os.path.join(args.corpus, f"dev_{std}.spacy"))
        res[f"ndt_dev_{std}"] = {"uas": r4(s["dep_uas"]), "las": r4(s["dep_las"]),
                                 "uas_no_punct": r4(nopunct["dep_uas"]), "las_no_punct": r4(nopunct["dep_las"]),
                                 "sents_f": r4(s["sents_f"]), "upos": r4(s["pos_acc"]),
                                 "lemma": r4(s["lemma_acc"]), "ner_f": r4(s.get("ents_f"))}

    if not args.no_speed:
        texts, source = corpus_texts(os.path.join(args.data_dir, "ud-nob", "no_bokmaal-ud-dev.conllu"))
        wps, n = speed(nlp, texts)
        wps_blank, _ = speed(spacy.blank("nb"), texts)
        res["speed"] = {"texts": source, "words": n, "pipeline_wps": round(wps),
                        "blank_nb_wps": round(wps_blank)}
        if not args.no_qualcode:
            from qualcode.nlp import load_pipeline
            res["speed"]["blank_nb_simplemma_wps"] = round(speed(load_pipeline("blank:nb"), texts)[0])
            res["speed"]["load_pipeline_wps"] = round(speed(load_pipeline(args.model), texts)[0])

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(res, f, indent=1, ensure_ascii=False)

    for std in STANDARDS:
        u, d = res[f"ud_dev_{std}"], res[f"ndt_dev_{std}"]
        print(f"UD dev {std}: UPOS {u['upos']:.4f}  morph {u['morph']:.4f}  lemma {u['lemma']:.4f}  "
              f"NER P/R/F {f4(u['ner_p'])}/{f4(u['ner_r'])}/{f4(u['ner_f'])}  sent F {u['sents_f']:.4f}"
              + (f" (senter only {u['sents_f_senter_only']:.4f})" if "sents_f_senter_only" in u else ""))
        print("         NER per label F: " + ", ".join(f"{k} {v:.3f}" for k, v in u["ner_per_label_f"].items()))
        q = res.get(f"ud_dev_{std}_qualcode")
        if q:
            print(f"  through load_pipeline(): UPOS {q['upos']:.4f}  lemma {q['lemma']:.4f}  NER F {f4(q['ner_f'])}")
        print(f"NDT dev {std}: UAS {d['uas']:.4f}  LAS {d['las']:.4f}  (no punct: UAS {d['uas_no_punct']:.4f} "
              f"LAS {d['las_no_punct']:.4f})")
        for k, t in TARGETS[std].items():
            scores = q if q and k != "ner_f" else u
            if scores[k] is None:
                print(f"  target {std} {k:6s} >= {t:.3f}: not scored (the model has no such component)")
                continue
            print(f"  target {std} {k:6s} >= {t:.3f}: {'met' if scores[k] >= t else 'MISSED'} ({scores[k]:.4f}"
                  f"{', load_pipeline()' if scores is q else ''})")
    if "speed" in res:
        sp = res["speed"]
        print(f"speed  : {sp['pipeline_wps']} words/s (blank nb: {sp['blank_nb_wps']} words/s"
              + (f"; blank nb + simplemma lemmatizer: {sp['blank_nb_simplemma_wps']} words/s; through "
                 f"load_pipeline: {sp['load_pipeline_wps']} words/s" if "load_pipeline_wps" in sp else "")
              + f") on {sp['texts']}")


if __name__ == "__main__":
    main()
