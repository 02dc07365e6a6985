#!/usr/bin/env bash
# End-to-end recipe for nb_qualcode_sm: convert -> train -> evaluate -> package.
# Usage: training/build.sh [DATA_DIR]   (default: ../shared/data/norne relative to the project root)
# Env: PYTHON (default .venv/bin/python), NICE (default 15), OMP_NUM_THREADS (default 1),
#      CORE_MINUTES (default 100), NER_MINUTES (default 55): wall-clock budgets of the two runs;
#      a run stopped by its budget keeps its best checkpoint (model-best) like one that ended by
#      max_steps or patience. TRAIN_ARGS: extra overrides for `spacy train`.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
DATA="${1:-$ROOT/../shared/data/norne}"
DATA="$(cd "$DATA" && pwd)"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}" OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
NICE="nice -n ${NICE:-15}"
cd "$HERE"
mkdir -p build
start_all=$(date +%s)

echo "== 1/4 convert ($DATA): bokmål + nynorsk; train / select (held-out slice of train) / dev"
$PY convert.py "$DATA" build/corpus

echo "== 2/4 train, two independent runs side by side (logs: training/build/train.log, train_ner.log)"
# config.cfg: tok2vec, morphologizer, parser, senter, lemmatizer; config_ner.cfg: ner with its
# own tok2vec. They share no layer, so each is selected by its own score on the select slice.
rm -rf build/model build/model_ner
train() {  # CONFIG OUTDIR LOG SECONDS_FILE MINUTES
    local start rc=0; start=$(date +%s)
    timeout --signal=INT "$5m" $NICE $PY -m spacy train "$1" -o "$2" \
        --paths.train build/corpus/train.spacy --paths.dev build/corpus/select.spacy ${TRAIN_ARGS:-} \
        > "$3" 2>&1 || rc=$?
    # 124: stopped by the wall-clock budget; model-best holds the best checkpoint so far
    if [ "$rc" -ne 0 ] && { [ "$rc" -ne 124 ] || [ ! -d "$2/model-best" ]; }; then tail -30 "$3"; return 1; fi
    echo $(( $(date +%s) - start )) > "$4"
}
train config.cfg build/model build/train.log build/train_seconds "${CORE_MINUTES:-100}" & core=$!
train config_ner.cfg build/model_ner build/train_ner.log build/train_ner_seconds "${NER_MINUTES:-55}" & ner=$!
wait $core; wait $ner
tail -n 2 build/train.log build/train_ner.log

echo "== 3/4 evaluate model-best (UD dev, both standards)"
$NICE $PY evaluate.py build/model/model-best --corpus build/corpus --data-dir "$DATA" \
    --out build/eval/results.json --no-speed --no-qualcode

echo "== 4/4 package -> src/qualcode/models/nb_qualcode_sm (evaluated again as packaged)"
$NICE $PY package.py build/model/model-best --ner build/model_ner/model-best --corpus build/corpus --data-dir "$DATA"
du -sh "$ROOT/src/qualcode/models/nb_qualcode_sm"
echo "make model: $(( ($(date +%s) - start_all) / 60 )) min"
