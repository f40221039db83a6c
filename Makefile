# Everything runs through these targets; see README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Python 3.10 (the newest Rasa 3.6 supports): python3.10 on PATH, else pyenv's.
PYTHON310 ?= $(shell for py in python3.10 "$$(pyenv root 2>/dev/null)"/versions/3.10*/bin/python3.10; do \
	"$$py" -c 'import sys; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1 && { echo "$$py"; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
SPACY_PIPELINE := build/spacy_pipeline/meta.json
SAFETY_CLASSIFIER := build/safety/classifier.pickle
# WordLlama's embeddings (MIT) for the NLU pipeline: the wheel unpacked without its
# dependencies, which conflict with Rasa 3.6's pins; the package is never imported.
WORDLLAMA_VERSION := 0.4.0.post1
WORDLLAMA := build/wordllama/wordllama/weights/l2_supercat_256.safetensors
export TF_CPP_MIN_LOG_LEVEL ?= 2
# Rasa would otherwise send telemetry and error reports over the internet.
export RASA_TELEMETRY_ENABLED ?= false
export SQLALCHEMY_SILENCE_UBER_WARNING ?= 1
export PYTHONWARNINGS ?= ignore::DeprecationWarning,ignore::PendingDeprecationWarning

.PHONY: help setup ingest train run shell report test test-fast test-integration lint validate test-stories coverage review eval forget bench browser constraints clean

help:
	@echo "make run     set up, then start the assistant (REST and the widget page on :5005, actions on :5055)"
	@echo "make test    set up, then run every test"
	@echo "make shell   chat with the assistant in the terminal"
	@echo "make test-fast  the tests that need no database, Redis, model, server or browser (under a minute)"
	@echo "make test-integration  the tests on real PostgreSQL and Redis, without servers"
	@echo "make lint    ruff (lint and format), mypy and ESLint; make test runs it first"
	@echo "make setup   install, build the spaCy pipeline, ingest and train; start nothing"
	@echo "make ingest  fill the knowledge store from data/"
	@echo "make train   train the Rasa model if data or config changed"
	@echo "make coverage  list document sentences no entry covers; fail on broken citations"
	@echo "make review  write results/review.md for a clinician to review every entry"
	@echo "make report  the staff report of the last 30 days: results/insights.html (REPORT_DAYS=N for another period)"
	@echo "make eval    red-flag figures (results/safety.md), held-out NLU scores, 5-fold cross-validation, results/summary.md"
	@echo "make forget  delete conversations older than RETENTION_DAYS (30) days"
	@echo "make bench   benchmark against plain Rasa (latency, throughput, memory, cold start): results/bench.md"
	@echo "make browser install Debian's chromium (if missing) and axe-core for the browser tests"
	@echo "make validate / test-stories / constraints / clean: see README.md"

$(INSTALLED): requirements.txt constraints.txt
	@test -n "$(PYTHON310)" || { echo "Python 3.10 is needed: put python3.10 on PATH or install it with pyenv (pyenv install 3.10)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON310) -m venv $(VENV)
	$(BIN)/pip install --quiet -c constraints.txt pip
	$(BIN)/pip install --quiet -r requirements.txt -c constraints.txt
	touch $@

$(SPACY_PIPELINE): $(INSTALLED) data/nlu/vocabulary.yml data/tagging.yml bot/nlp/pipeline.py bot/nlp/vocabulary.py
	$(BIN)/python -m bot build-nlp

# The folders too: removing a file changes only its folder's time.
$(SAFETY_CLASSIFIER): $(INSTALLED) data/safety data/nlu $(wildcard data/safety/*.yml data/nlu/*.yml) bot/safety/classifier.py bot/safety/normalise.py
	$(BIN)/python -m bot build-safety

$(WORDLLAMA): $(INSTALLED)
	rm -rf build/wordllama
	$(BIN)/pip install --quiet --no-deps --target build/wordllama wordllama==$(WORDLLAMA_VERSION)
	touch $@

ingest: $(SPACY_PIPELINE)
	$(BIN)/python -m bot ingest

# Rasa fingerprints data and config itself and skips training when nothing changed;
# it does not see a rebuilt spaCy pipeline, WordLlama or an edited shorthand table, hence --force then.
MODEL := models/acne-scar-assistant.tar.gz
SHORTHAND := data/shorthand.yml
train: $(SPACY_PIPELINE) $(WORDLLAMA)
	$(BIN)/rasa train --quiet --fixed-model-name acne-scar-assistant $$([ $(MODEL) -nt $(SPACY_PIPELINE) ] && [ $(MODEL) -nt $(WORDLLAMA) ] && [ $(MODEL) -nt $(SHORTHAND) ] || echo --force)

setup: ingest train $(SAFETY_CLASSIFIER)

coverage: $(SPACY_PIPELINE)
	$(BIN)/python -m bot coverage

review: ingest
	$(BIN)/python -m bot review

# Delete conversations with no activity for RETENTION_DAYS days (default 30).
RETENTION_DAYS ?= 30
forget: $(INSTALLED)
	$(BIN)/python -m bot forget --days $(RETENTION_DAYS)

# The red-flag figures, then held-out NLU reports, 5-fold cross-validation of the training data, and a summary.
# The staff report of the last REPORT_DAYS days (default 30; never more than RETENTION_DAYS):
# results/insights.html, results/insights.md and results/candidate-nlu.yml.
REPORT_DAYS ?= 30
report: $(INSTALLED) $(WORDLLAMA)
	$(BIN)/python -m bot report --days $(REPORT_DAYS) --retention-days $(RETENTION_DAYS)

eval: setup $(DEV_TOOLS)
	$(BIN)/python -m tools safety-eval
	$(BIN)/python -m tools realistic-eval
	rm -rf results/heldout results/cross-validation
	$(BIN)/rasa test nlu --model $(MODEL) --nlu tests/nlu/heldout.yml --out results/heldout
	$(BIN)/rasa test nlu --nlu data/nlu --config config.yml --cross-validation --folds 5 --out results/cross-validation
	$(BIN)/python -m tools evaluate

run: setup
	$(BIN)/python -m bot serve

# Not a test: starts `make run` itself (port 5005 must be free) and a plain Rasa
# baseline, and writes results/bench.md.
bench: setup $(DEV_TOOLS)
	$(BIN)/python -m tools bench

shell: setup
	$(BIN)/python -m bot shell

validate: $(INSTALLED)
	$(BIN)/rasa data validate --fail-on-warnings

test-stories: train
	$(BIN)/rasa test core --e2e --stories tests/stories --fail-on-prediction-errors --out results/stories

# The browser tests use Debian's chromium (installed here if missing, as root) and
# axe-core from npm; nothing else is downloaded.
NODE_MODULES := web/node_modules/.installed
browser: $(NODE_MODULES)
	@command -v chromium >/dev/null && dpkg -s fonts-noto-color-emoji >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium and an emoji font (the widget's 👍 👎 📅) for the browser tests"; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-color-emoji; }

$(NODE_MODULES): web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $@

# The tests' libraries, the linters and the benchmark's memory watcher (requirements-dev.txt).
DEV_TOOLS := $(VENV)/.dev-tools
$(DEV_TOOLS): $(INSTALLED) requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt -c constraints.txt
	touch $@

# ruff (lint and format), mypy and ESLint; the settings are in pyproject.toml and web/eslint.config.js.
lint: $(DEV_TOOLS) $(NODE_MODULES)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	cd web && npx --no-install eslint .

test: lint setup validate browser $(DEV_TOOLS)
	$(BIN)/python -m pytest
	$(MAKE) --no-print-directory test-stories

# The tests that need no database, Redis, trained model, server or browser
# (the tiers are in pyproject.toml); well under a minute.
FAST := not integration and not model and not e2e and not production
test-fast: $(DEV_TOOLS) $(SPACY_PIPELINE) $(SAFETY_CLASSIFIER) $(WORDLLAMA)
	$(BIN)/python -m pytest -q -n 2 -m "$(FAST)"

test-integration: $(DEV_TOOLS) $(SPACY_PIPELINE) $(SAFETY_CLASSIFIER) $(WORDLLAMA)
	$(BIN)/python -m pytest -q -m "integration and not e2e and not production"

constraints: $(INSTALLED)
	{ echo "# Exact versions for Python 3.10, regenerate with: make constraints"; \
	  echo "pip==$$($(BIN)/pip --version | cut -d' ' -f2)"; \
	  $(BIN)/pip freeze --exclude-editable | grep -v '^pip=='; } > constraints.txt

clean:
	rm -rf models build var results .pytest_cache
