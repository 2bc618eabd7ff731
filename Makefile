# Zantara Desktop: the two commands are `make run` (set up + start the app) and `make test` (set up + every test).
# While working, `make check` is the quick lane: lint, types and the fast tests, in under 3 minutes.
# Both are idempotent: a second run only checks stamps (llama-cpp-python is not rebuilt when installed).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
# Portable llama.cpp build: the default native build segfaults in ggml's AMX kernels on some CPUs, and a
# packaged app must run on other laptops' CPUs anyway (AVX2/FMA era: Intel Haswell+, AMD Zen+).
export CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test check setup setup-test models qt-catalogs lint bench stress package screenshot team-server clean

run: setup ## Set up everything and start the app (the CLI help where there is no display).
	$(VENV)/bin/zantara

test: setup-test ## Set up what tests need and run every test, plus ruff and mypy; prints the 25 slowest tests.
	$(PY) -m ruff check desktop tests packaging
	$(PY) -m mypy
	$(PY) -m pytest --durations=25

# The fast tests: no local model, no GUI, no servers (tests marked `slow` or `gui` are left out, and so is the
# tests/gui folder, which would import Qt). tests/conftest.py marks the tests that use a model fixture.
FAST_TESTS := tests/unit tests/integration tests/packaging -m "not slow and not gui"

check: setup-test ## Lint, types and the fast tests, in under 3 minutes (docs/architecture.md, "Tests").
	$(PY) -m ruff check desktop tests packaging
	$(PY) -m ruff format --check desktop tests packaging
	$(PY) -m mypy
	$(PY) -m pytest $(FAST_TESTS) -q

setup: $(VENV)/.stamp-app models qt-catalogs ## Virtual environment, dependencies, the bundled model.

setup-test: setup $(VENV)/.stamp-test

$(VENV)/.stamp-system: packaging/system-deps.sh
	bash packaging/system-deps.sh
	@mkdir -p $(VENV) && touch $@

$(VENV)/bin/python: | $(VENV)/.stamp-system
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip wheel setuptools

$(VENV)/.stamp-app: pyproject.toml | $(VENV)/bin/python $(VENV)/.stamp-system
	@echo "Installing dependencies (the first time, llama-cpp-python compiles for about 4 minutes)..."
	$(PIP) install --quiet -e .
	@touch $@

$(VENV)/.stamp-test: pyproject.toml $(VENV)/.stamp-app
	$(PIP) install --quiet -e '.[test]'
	@touch $@

models: $(VENV)/.stamp-app ## Fetch the bundled GGUF (sha256-checked) and embed the curated pack once; no-ops when done.
	$(VENV)/bin/zantara models fetch
	$(VENV)/bin/zantara knowledge prepare

# Our translations of Qt's own dialogs (desktop/gui/i18n/qt/<lang>.json -> qtbase_<lang>.qm): generated, not committed.
QT_CATALOGS := $(patsubst %.json,%.qm,$(subst /qt/,/qt/qtbase_,$(wildcard desktop/gui/i18n/qt/*.json)))
qt-catalogs: $(QT_CATALOGS)

desktop/gui/i18n/qt/qtbase_%.qm: desktop/gui/i18n/qt/%.json desktop/gui/i18n/build.py | $(VENV)/.stamp-app
	$(PY) -m desktop.gui.i18n.build --qt-only

lint: setup-test
	$(PY) -m ruff check desktop tests packaging
	$(PY) -m ruff format --check desktop tests packaging
	$(PY) -m mypy

bench: setup-test ## Print the benchmark table (tests/bench).
	$(PY) tests/bench/run_all.py

team-server: $(VENV)/.stamp-app ## The team server (chroma behind nginx, TLS, token) on 127.0.0.1:TEAM_PORT, data in a temp folder.
	@test -n "$(TEAM_PORT)" && test -n "$(TEAM_TOKEN)" || { echo "usage: make team-server TEAM_PORT=8443 TEAM_TOKEN=a-long-secret"; exit 2; }
	@TEAM_TOKEN='$(TEAM_TOKEN)' $(PY) packaging/team_server.py --port $(TEAM_PORT)

stress: setup-test ## 10 concurrent `zantara ask --offline` x 5 rounds on one home; prints the exit codes.
	$(PY) tests/bench/stress_concurrent.py --asks 10 --rounds 5

package: setup ## Build the one-folder app with PyInstaller and smoke-test it.
	$(PIP) install --quiet -e '.[package]'
	$(PY) packaging/build.py

screenshot: setup-test ## README screenshots (docs/screenshots: en, it, id, dark) and docs/feedback-page.png, under Xvfb.
	bash packaging/system-deps.sh xvfb
	$(PY) packaging/screenshot.py
	$(PY) packaging/screenshot_feedback.py

clean:
	rm -rf build dist packaging/build packaging/dist .mypy_cache .ruff_cache .pytest_cache
