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

echo "== 2/4 train (log: training/build/train.log)"
rm -rf build/model
start=$(date +%s)
$NICE $PY -m spacy train config.cfg -o build/model \
    --paths.train build/corpus/train.spacy --paths.dev build/corpus/dev.spacy ${TRAIN_ARGS:-} \
    > build/train.log 2>&1 || { tail -30 build/train.log; exit 1; }
echo $(( $(date +%s) - start )) > build/train_seconds
tail -3 build/train.log

echo "== 3/4 evaluate model-best"
$NICE $PY evaluate.py build/model/model-best --corpus build/corpus --data-dir "$DATA" \
    --out build/eval/results.json --no-speed

echo "== 4/4 package -> src/qualcode/models/nb_qualcode_sm (evaluated again as packaged)"
$NICE $PY package.py build/model/model-best --corpus build/corpus --data-dir "$DATA"
du -sh "$ROOT/src/qualcode/models/nb_qualcode_sm"
