#!/usr/bin/env bash
# End-to-end recipe for nb_qualcode_sm: convert -> train -> evaluate -> package.
# Usage: training/build.sh [DATA_DIR]   (default: ../shared/data/norne relative to the project root)
# Env: PYTHON (default .venv/bin/python), NICE (default 10), OMP_NUM_THREADS (default 1),
#      TRAIN_ARGS (extra overrides for `spacy train`, e.g. "--training.max_steps 500").
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
DATA="${1:-$ROOT/../shared/data/norne}"
DATA="$(cd "$DATA" && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
NICE="nice -n ${NICE:-10}"
cd "$HERE"
mkdir -p build

echo "== 1/4 convert ($DATA)"
$PY convert.py "$DATA" build/corpus

echo "== 2/4 train, two independent runs side by side (logs: training/build/train.log, train_ner.log)"
# config.cfg: tok2vec, morphologizer, parser, senter, lemmatizer; config_ner.cfg: ner with its
# own tok2vec. They share no layer, so each is selected by its own score.
rm -rf build/model build/model_ner
train() {  # CONFIG OUTDIR LOG SECONDS_FILE
    local start; start=$(date +%s)
    $NICE $PY -m spacy train "$1" -o "$2" \
        --paths.train build/corpus/train.spacy --paths.dev build/corpus/dev.spacy ${TRAIN_ARGS:-} \
        > "$3" 2>&1 || { tail -30 "$3"; return 1; }
    echo $(( $(date +%s) - start )) > "$4"
}
train config.cfg build/model build/train.log build/train_seconds & core=$!
train config_ner.cfg build/model_ner build/train_ner.log build/train_ner_seconds & ner=$!
wait $core; wait $ner
tail -2 build/train.log build/train_ner.log

echo "== 3/4 evaluate model-best"
$NICE $PY evaluate.py build/model/model-best --corpus build/corpus --data-dir "$DATA" \
    --out build/eval/results.json --no-speed --no-qualcode

echo "== 4/4 package -> src/qualcode/models/nb_qualcode_sm (evaluated again as packaged)"
$NICE $PY package.py build/model/model-best --ner build/model_ner/model-best --corpus build/corpus --data-dir "$DATA"
du -sh "$ROOT/src/qualcode/models/nb_qualcode_sm"
