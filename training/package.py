#!/usr/bin/env python
"""Package the trained pipeline into src/qualcode/models/nb_qualcode_sm.

Steps: load the trained model (build/model/model-best), decide whether sentence
boundaries come from the parser or the senter and the lemmatizer's top_k (both on the
held-out slice of train, build/corpus/select.spacy; UD dev is only for the final figures),
add the separately trained ner, set the meta (name qualcode_sm, lang nb, version 0.3.2), write
the folder with nlp.to_disk, copy the NDT licence as LICENSE, evaluate the written folder
(evaluate.py, both written standards) and write its README.md and meta performance figures.

Usage: python package.py MODEL_DIR [--data-dir DIR] [--out DIR] [--train-log build/train.log]
"""
import argparse
import collections
import datetime
import json
import os
import re
import shutil
import subprocess
import sys

import spacy

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import evaluate  # noqa: E402

OUT = os.path.join(ROOT, "src", "qualcode", "models", "nb_qualcode_sm")
VERSION = "0.3.2"
MAX_MB = 25
RES_PATH = os.path.join(HERE, "build", "eval", "package_results.json")


def adapt_tokenizer(nlp, data_dir):
    """Make the tokenizer split like the NDT *train* files.

    Drops the special cases "xyz." that NDT splits more often ("xyz" + sentence-final ".")
    than it keeps as one token (e.g. "i.", "jul."), and those whose bare form is far more
    frequent than the dotted one, so that the period is a sentence end, not part of an
    abbreviation (party names: "Frp" 36 times, "Frp." once). Then adds qualcode's prefix and
    infix rules (`qualcode.nlp.tokenfix`), which are saved with the tokenizer. Returns the
    removed keys."""
    import glob
    import convert
    from qualcode.nlp.tokenfix import adapt_tokenizer as add_ndt_rules
    single, split = collections.Counter(), collections.Counter()
    paths = [(std, path) for std, (folder, _) in convert.STANDARDS.items()
             for path in glob.glob(os.path.join(data_dir, folder, "*.conll"))]
    for std, path in paths:
        if convert.split_of(os.path.basename(path)[:-len(".conll")], std, set()) == "dev":
            continue
        for _, sent in convert.read_conll(path):
            forms = [t[1] for t in sent]
            for i, w in enumerate(forms):
                single[w] += 1
                if w == "." and i > 0:
                    split[forms[i - 1] + "."] += 1
    rules = dict(nlp.tokenizer.rules)
    removed = sorted(
        k for k in rules if k.endswith(".") and len(k) > 1
        and (split[k] > single[k] or (single[k[:-1]] >= 10 and single[k[:-1]] >= 5 * single[k])))
    if removed:
        nlp.tokenizer.rules = {k: v for k, v in rules.items() if k not in removed}
    add_ndt_rules(nlp)
    return removed


def dir_size(path):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)


def training_info(log_path, seconds_path, config_path):
    """Epochs, steps and best checkpoint from a `spacy train` console log; the printed
    SCORE is rounded, so it is recomputed from the columns with the config's weights."""
    info = {}
    if os.path.exists(seconds_path):
        info["seconds"] = int(float(open(seconds_path).read().strip()))
    if not os.path.exists(log_path):
        return info
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", l) for l in open(log_path, encoding="utf-8", errors="replace")]
    header = next((re.split(r"\s{2,}", l.strip()) for l in lines if l.startswith("E ")), None)
    rows = [l.split() for l in lines if re.match(r"^\s*\d+\s+\d+\s", l)]
    if not rows or not header:
        return info
    weights = spacy.util.load_config(config_path)["training"]["score_weights"]
    col = {name.lower(): i for i, name in enumerate(header)}
    w = {col[k]: v for k, v in weights.items() if v and k in col}
    best = max(rows, key=lambda r: sum(float(r[i]) * x for i, x in w.items()))
    info.update(epochs=int(rows[-1][0]) + 1, steps=int(rows[-1][1]),
                best_step=int(best[1]), best_epoch=int(best[0]) + 1)
    return info


def fmt(x):
    return "–" if x is None else f"{x:.3f}"


def write_readme(out, res, meta, train, size_mb):
    u, d = res["ud_dev_nob"], res["ndt_dev_nob"]
    un, dn = res["ud_dev_nno"], res["ndt_dev_nno"]
    qn = res.get("ud_dev_nno_qualcode") or un
    sp = res.get("speed", {})
    per = "\n".join(f"| {k} | {fmt(v)} | {fmt(un['ner_per_label_f'].get(k))} |" for k, v in u["ner_per_label_f"].items())
    t = train.get("seconds")
    s1, sn = train.get("stage1", {}), train.get("ner", {})
    q = res.get("ud_dev_nob_qualcode")
    ttxt = f"{t // 60} min {t % 60} s" if t else "n/a"
    qtxt = "" if not q else f"""
Through `qualcode.nlp.load_pipeline()`, as qualcode uses it: the same model, plus the
sentence-final number split (`qualcode_sentence_final_period`, before the tok2vec), the
written-standard detector, the NDT/simplemma lemma lexicon after the lemmatizer and the UD
convention rules after the model (`qualcode_participles`, `qualcode_nynorsk_proper_nouns`,
`qualcode_upos_from_parse`). These are the figures qualcode works with; the rules change only
UPOS, and they come with the qualcode version, not with this folder:

| metric | bokmål | nynorsk |
|---|---|---|
| UPOS | {fmt(q['upos'])} | {fmt(qn['upos'])} |
| morph (UD feats) | {fmt(q['morph'])} | {fmt(qn['morph'])} |
| lemma (exact, case-sensitive) | {fmt(q['lemma'])} | {fmt(qn['lemma'])} |
| NER F (PER ORG LOC GPE) | {fmt(q['ner_f'])} | {fmt(qn['ner_f'])} |
| sentence F | {fmt(q['sents_f'])} | {fmt(qn['sents_f'])} |
| token accuracy | {fmt(q['tokenization_acc'])} | {fmt(qn['tokenization_acc'])} |
"""
    text = f"""# nb_qualcode_sm {meta['version']}

Small Norwegian pipeline for qualcode, bokmål and nynorsk in one model (spaCy
{meta['spacy_version']}, CPU, CNN, no static vectors). Load it with
`spacy.load(path_to_this_folder)`; it needs only spaCy 3.8.

Components: `{', '.join(meta['pipeline'])}`{' (senter is included but disabled; sentence boundaries come from the parser)' if 'senter' in meta.get('disabled', []) else ' (the senter runs before the parser and sets the sentence boundaries, which the parser respects)'}.

* `morphologizer` – UD UPOS and UD features (mapped from the Oslo-Bergen tags of NDT)
* `parser` – dependency relations of the **Norwegian Dependency Treebank** (NDT labels
  such as SUBJ, DOBJ, ADV, FINV, PUTFYLL …, not UD relations); also sets sentences
* `trainable_lemmatizer` – edit-tree lemmatizer (NDT lemmas; proper nouns keep their case)
* `ner` – NorNE entities merged to the four types qualcode uses: PER, ORG, LOC, GPE
  (GPE_LOC and GPE_ORG are GPE; PROD, EVT, DRV and MISC are not learnt)

## Data and licence

Trained on **NorNE** (Language Technology Group, University of Oslo), which adds named
entities to the **Norwegian Dependency Treebank** (bokmål and nynorsk) built by the **National
Library of Norway** (Språkbanken). Training data: the NDT files of the UD train splits of both
standards, less every tenth source document, which is held out ("select") to choose the
checkpoint and the packaging settings; the UD dev splits give only the final figures.
The annotations are released under **CC0** (see `LICENSE`, the NDT licence text); the
underlying texts may not be republished as stand-alone texts, and this folder contains no
training text.

## Scores (UD dev splits; the test splits were not available)

Raw text re-tokenized by the pipeline and aligned (`no_bokmaal-ud-dev.conllu`,
`no_nynorsk-ud-dev.conllu`). First the folder alone, `spacy.load` (no qualcode code):

| metric | bokmål | nynorsk |
|---|---|---|
| UPOS | {fmt(u['upos'])} | {fmt(un['upos'])} |
| morph (UD feats) | {fmt(u['morph'])} | {fmt(un['morph'])} |
| lemma (exact, case-sensitive) | {fmt(u['lemma'])} | {fmt(un['lemma'])} |
| NER P / R / F (PER ORG LOC GPE) | {fmt(u['ner_p'])} / {fmt(u['ner_r'])} / {fmt(u['ner_f'])} | {fmt(un['ner_p'])} / {fmt(un['ner_r'])} / {fmt(un['ner_f'])} |
| sentence F | {fmt(u['sents_f'])} | {fmt(un['sents_f'])} |

Token-level scores are computed by spaCy's scorer on the pipeline's own tokenization:
gold tokens that the tokenizer does not split like UD count as errors (token accuracy
{fmt(u['tokenization_acc'])}; the rest are mostly sentence-final numbers such as "2006.", which only
the `qualcode_sentence_final_period` component below can tell from ordinals). See `training/README.md` of the repository for an error analysis.
{qtxt}
NER F per label (UD dev):

| label | bokmål | nynorsk |
|---|---|---|
{per}

NDT dev (NDT relations), bokmål: UAS {fmt(d['uas'])}, LAS {fmt(d['las'])} (all tokens);
UAS {fmt(d['uas_no_punct'])}, LAS {fmt(d['las_no_punct'])} without punctuation (IP/IK);
nynorsk: UAS {fmt(dn['uas'])}, LAS {fmt(dn['las'])}; without punctuation UAS {fmt(dn['uas_no_punct'])}, LAS {fmt(dn['las_no_punct'])}.
These are not comparable to UD LAS figures (different relation inventory).

Speed (`nlp.pipe`, 1 CPU thread, best of 3, {sp.get('texts', 'n/a')}): {sp.get('pipeline_wps', 'n/a')} words/s;
through `load_pipeline()` {sp.get('load_pipeline_wps', 'n/a')} words/s. For comparison, `spacy.blank("nb")` with
qualcode's NDT/simplemma lookup lemmatizer and a sentencizer: {sp.get('blank_nb_simplemma_wps', 'n/a')} words/s;
the bare tokenizer: {sp.get('blank_nb_wps', 'n/a')} words/s.

## Training

Recipe: `training/` in the qualcode repository (`make model`: convert → train → evaluate →
package). Training time {ttxt} in total on one CPU core per run (niced, shared machine); two
independent runs:

* `config.cfg` (tok2vec, morphologizer, parser, senter, lemmatizer; checkpoint chosen by a
  score weighted to UPOS and lemmas): {s1.get('steps', 'n/a')} steps (epoch {s1.get('epochs', 'n/a')}
  reached), best checkpoint at step {s1.get('best_step', 'n/a')} (epoch {s1.get('best_epoch', 'n/a')}),
  {s1.get('seconds', 0) // 60} min;
* `config_ner.cfg` (ner with its own tok2vec; chosen by NER F): {sn.get('steps', 'n/a')} steps,
  best at step {sn.get('best_step', 'n/a')} (epoch {sn.get('best_epoch', 'n/a')}), {sn.get('seconds', 0) // 60} min.

Size on disk: {size_mb:.1f} MB. Built {datetime.date.today().isoformat()}.
"""
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("--data-dir", default=os.path.join(ROOT, "..", "shared", "data", "norne"))
    ap.add_argument("--corpus", default=os.path.join(HERE, "build", "corpus"))
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--train-log", default=os.path.join(HERE, "build", "train.log"))
    ap.add_argument("--train-seconds", default=os.path.join(HERE, "build", "train_seconds"))
    ap.add_argument("--ner", default=os.path.join(HERE, "build", "model_ner", "model-best"),
                    help="pipeline whose ner (with its own tok2vec) is added to the packaged one")
    ap.add_argument("--train-log-ner", default=os.path.join(HERE, "build", "train_ner.log"))
    ap.add_argument("--train-seconds-ner", default=os.path.join(HERE, "build", "train_ner_seconds"))
    ap.add_argument("--readme-only", action="store_true",
                    help="only rewrite README/meta scores from build/eval/package_results.json")
    args = ap.parse_args()

    # Sentence boundaries: either the parser alone (senter disabled) or the senter
    # placed before the parser (the parser respects preset boundaries). Decided on
    # the held-out slice of train (select.spacy, both standards), by sentence F, then LAS.
    if args.readme_only:
        return finish(args)
    nlp = spacy.load(args.model)
    ndt_dev = os.path.join(args.corpus, "select.spacy")
    overrides = {}
    disable_senter = False
    if "senter" in nlp.pipe_names and "parser" in nlp.pipe_names:
        with nlp.select_pipes(disable=["senter"]):
            sa = evaluate.evaluate_ndt(nlp, ndt_dev)[0]
        order = [p for p in nlp.pipe_names if p != "senter"]
        order.insert(order.index("parser"), "senter")
        nlp_b = spacy.load(args.model, config={"nlp": {"pipeline": order}})
        sb = evaluate.evaluate_ndt(nlp_b, ndt_dev)[0]
        print(f"select slice, parser sentences: sent F {sa['sents_f']:.4f} LAS {sa['dep_las']:.4f}; "
              f"senter before parser: sent F {sb['sents_f']:.4f} LAS {sb['dep_las']:.4f}")
        if (sb["sents_f"], sb["dep_las"]) > (sa["sents_f"], sa["dep_las"]):
            overrides["nlp"] = {"pipeline": order}
            print("-> senter runs before the parser")
        else:
            disable_senter = True
            print("-> senter disabled, sentences from the parser")

    # edit-tree lemmatizer: number of most probable trees tried before the backoff
    # (a prediction-time setting), chosen on NDT dev lemma accuracy
    if "trainable_lemmatizer" in nlp.pipe_names:
        lem = nlp.get_pipe("trainable_lemmatizer")
        best_k, best_acc = lem.top_k, -1.0
        with nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in ("tok2vec", "trainable_lemmatizer")]):
            for k in (1, 2, 3, 5):
                lem.top_k = k
                acc = nlp.evaluate(evaluate.load_examples(nlp, ndt_dev))["lemma_acc"]
                print(f"lemmatizer top_k {k}: select slice lemma {acc:.5f}")
                if acc > best_acc:
                    best_k, best_acc = k, acc
        overrides["components"] = {"trainable_lemmatizer": {"top_k": best_k}}
        print(f"-> top_k {best_k}")

    nlp = spacy.load(args.model, config=overrides)
    if disable_senter:
        nlp.disable_pipe("senter")
    if "ner" not in nlp.pipe_names and args.ner:
        # The NER is trained on its own (config_ner.cfg): it shares no layer with the rest.
        nlp.add_pipe("ner", source=spacy.load(args.ner))
    print("pipeline:", nlp.pipe_names, "top_k:", nlp.get_pipe("trainable_lemmatizer").top_k)

    removed = adapt_tokenizer(nlp, args.data_dir)
    print(f"tokenizer: removed {len(removed)} special cases split in NDT train: {' '.join(removed)}")

    nlp.meta.update({
        "name": "qualcode_sm", "lang": "nb", "version": VERSION,
        "spacy_version": ">=3.8.0,<3.9.0",
        "description": "Norwegian bokmål and nynorsk pipeline for qualcode: tok2vec, morphologizer "
                       "(UD UPOS+feats), NDT dependency parser, senter, edit-tree lemmatizer, NorNE NER "
                       "(PER, ORG, LOC, GPE). CPU CNN, no static vectors.",
        "author": "qualcode", "url": "", "license": "CC0-1.0 (annotations; see LICENSE)",
        "sources": [{"name": "NorNE", "url": "https://github.com/ltgoslo/norne",
                     "license": "CC0-1.0", "author": "Language Technology Group, University of Oslo"},
                    {"name": "Norwegian Dependency Treebank (bokmål and nynorsk)",
                     "url": "https://www.nb.no/sprakbanken/", "license": "CC0-1.0",
                     "author": "National Library of Norway"}],
    })
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    nlp.to_disk(args.out)
    shutil.copy(os.path.join(args.data_dir, "LICENSE_NDT.txt"), os.path.join(args.out, "LICENSE"))

    # evaluate the packaged folder exactly as it will be loaded
    subprocess.run([sys.executable, os.path.join(HERE, "evaluate.py"), args.out, "--corpus", args.corpus,
                    "--data-dir", args.data_dir, "--out", RES_PATH], check=True)
    finish(args)


def finish(args):
    res_path = RES_PATH
    res = json.load(open(res_path, encoding="utf-8"))
    train = {"stage1": training_info(args.train_log, args.train_seconds, os.path.join(HERE, "config.cfg"))}
    if os.path.exists(args.train_log_ner):
        train["ner"] = training_info(args.train_log_ner, args.train_seconds_ner,
                                     os.path.join(HERE, "config_ner.cfg"))
    train["seconds"] = sum(v.get("seconds", 0) for v in train.values())

    meta_path = os.path.join(args.out, "meta.json")
    meta = json.load(open(meta_path, encoding="utf-8"))
    u, d = res["ud_dev_nob"], res["ndt_dev_nob"]
    meta["performance"] = {
        "pos_acc": u["upos"], "morph_acc": u["morph"], "lemma_acc": u["lemma"],
        "ents_p": u["ner_p"], "ents_r": u["ner_r"], "ents_f": u["ner_f"],
        "ents_per_type": u["ner_per_label_f"], "sents_f": u["sents_f"],
        "dep_uas": d["uas"], "dep_las": d["las"],
        "dep_uas_no_punct": d["uas_no_punct"], "dep_las_no_punct": d["las_no_punct"],
        "nynorsk": {"ud_dev": res["ud_dev_nno"], "ndt_dev": res["ndt_dev_nno"]},
        "note": "pos/morph/lemma/ents/sents on UD dev (no_bokmaal-ud-dev.conllu; nynorsk: "
                "no_nynorsk-ud-dev.conllu); dep on NDT dev (NDT relations)",
    }
    if "speed" in res:
        meta["performance"]["speed_wps"] = res["speed"]["pipeline_wps"]
    meta["training"] = train
    with open(meta_path, "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=2, ensure_ascii=False)

    size_mb = dir_size(args.out) / 1e6 + 0.01  # README not written yet
    write_readme(args.out, res, meta, train, size_mb)
    size_mb = dir_size(args.out) / 1e6
    print(f"packaged {args.out}: {size_mb:.1f} MB")
    if size_mb > MAX_MB:
        sys.exit(f"package larger than {MAX_MB} MB")


if __name__ == "__main__":
    main()
