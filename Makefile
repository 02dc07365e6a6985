# Two commands on a fresh machine:  make demo  ·  make test
# Each creates .venv when it is missing and installs what it needs (a no-op when up to date).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.qualcode-installed
DEMO   := out/demo.qualcode

.PHONY: demo test install model bench clean help

help:
	@echo "make demo   - parse and code the sample corpus, build the report in out/"
	@echo "make test   - run the test suite"
	@echo "make model  - train nb_qualcode_sm from ../shared/data/norne (slow; not run in CI)"
	@echo "make bench  - run the benchmarks in benchmarks/"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/qualcode info
	$(BIN)/qualcode init $(DEMO) --force
	$(BIN)/qualcode ingest $(DEMO) corpus/interviews/* corpus/survey_utbytte.csv \
		--title elev="Elevenes utbytte" --title laerer="Lærernes utbytte" --title skole="Skolens utbytte" \
		--codebook-for elev=elevutbytte --codebook-for laerer=laererutbytte --codebook-for skole=skoleutbytte
	$(BIN)/qualcode question set $(DEMO) elev --by skolenivå > /dev/null
	$(BIN)/qualcode question set $(DEMO) laerer --by skolenivå > /dev/null
	$(BIN)/qualcode question set $(DEMO) skole --by skolenivå > /dev/null
	$(BIN)/qualcode ls $(DEMO)
	$(BIN)/qualcode code $(DEMO) --codebook codebooks/elevutbytte.yaml
	$(BIN)/qualcode code $(DEMO) --codebook codebooks/erasmus_prioriteringer.yaml
	$(BIN)/qualcode code $(DEMO) --codebook codebooks/laererutbytte.yaml > /dev/null
	$(BIN)/qualcode code $(DEMO) --codebook codebooks/skoleutbytte.yaml > /dev/null
	$(BIN)/qualcode code $(DEMO) -c elevutbytte > /dev/null
	$(BIN)/qualcode codebook list $(DEMO)
	$(BIN)/qualcode report $(DEMO) --out out/report --title "Utbytte av Erasmus+ (eksempeldata)" \
		--codebook elevutbytte --codebook erasmus_prioriteringer --by skolenivå
	$(BIN)/qualcode report $(DEMO) --format docx --out out/rapport.docx --title "Utbytte av Erasmus+ (eksempeldata)" \
		--codebook elevutbytte --codebook erasmus_prioriteringer --by skolenivå
	$(BIN)/qualcode export $(DEMO) --format qdpx --out out/demo.qdpx
	$(BIN)/qualcode export $(DEMO) --format xlsx --pseudonymise --out out/demo_pseudonymisert.xlsx
	@echo "Demo project: $(DEMO) (holds its codebooks: copy it anywhere)"

test: $(STAMP)
	$(BIN)/python -m pytest

model: $(STAMP)
	bash training/build.sh ../shared/data/norne

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf out .pytest_cache
