# breath-tui: `make help` lists the targets. `make run` and `make test` each set everything up first.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@# Cues play with miniaudio (a regular dependency, from a wheel). The audio extra adds
	@# simpleaudio, which needs ALSA headers to build: go on quietly without it if that fails.
	@$(BIN)/pip install --quiet -e '.[audio]' 2>/dev/null \
	  || echo "note: the optional simpleaudio was not built (no ALSA headers); cues play with miniaudio. 'breath-tui sounds --check' plays one."
	@# The heart extra (numpy, scipy, bleak) has wheels almost everywhere; go on without it if not.
	@$(BIN)/pip install --quiet -e '.[heart]' 2>/dev/null \
	  || echo "note: the heart extra (numpy, scipy, bleak) was not installed; breath-tui resonance needs it: pip install 'breath-tui[heart]'"
	@touch $(STAMP)

setup: $(STAMP) ## Create .venv and install breath-tui with its test, lint, audio and heart tools

run: $(STAMP) ## Start breath-tui
	$(BIN)/breath-tui $(ARGS)

test: $(STAMP) ## Run the fast test suite
	$(BIN)/pytest -q

test-all: $(STAMP) ## Run every test, the slow trials too
	$(BIN)/pytest -q -m ''

lint: $(STAMP) ## ruff check and format check
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP) ## mypy strict on src/
	$(BIN)/mypy

bench: $(STAMP) ## Measure timing, CPU and start-up against references from the same run
	@# Byte-compile our sources as pip does for installed packages (textual's are), even where
	@# PYTHONDONTWRITEBYTECODE is set, so that start-up is compared like with like.
	$(BIN)/python -m compileall -q src bench
	$(BIN)/python -m bench

sounds: $(STAMP) ## Remake the cue sounds in sounds/
	$(BIN)/breath-tui sounds --out sounds

snapshots: $(STAMP) ## Update the SVG snapshots (and the README's picture) after a deliberate change
	$(BIN)/pytest -q tests/ui --snapshot-update
	cp tests/ui/__snapshots__/test_snapshots/test_breathing_guide_mid_breath_80x24.svg docs/breathing.svg
	cp "tests/ui/__snapshots__/test_home_snapshots/test_home[80x24].svg" docs/home.svg
	cp tests/ui/__snapshots__/test_checkin_snapshots/test_checkin_body_scan_80x24.svg docs/checkin.svg
	cp tests/ui/__snapshots__/test_home_snapshots/test_history_trends.svg docs/history.svg
	@# The browser tab of `breath-tui serve` (needs chromium; the test skips without it).
	BREATH_TUI_SERVE_SCREENSHOT=docs/serve.png $(BIN)/pytest -q tests/browser -k quick_calm

check: lint typecheck test ## lint, typecheck and test

clean: ## Remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

.PHONY: help setup run test test-all lint typecheck bench sounds snapshots check clean
