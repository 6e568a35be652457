# Two commands set everything up on a fresh machine: `make run` and `make test`.
# The venv's interpreter: Debian's CPython where there is one. It is built with PGO and LTO
# (a plain source build, like pyenv's, is not): the app starts 15-20 % faster on it, an
# office push alone 12-15 % (docs/operations.md). Another interpreter: `make PYTHON=...`.
PYTHON ?= $(firstword $(wildcard /usr/bin/python3.11) python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DIR ?= demo-profile

.PHONY: run test lint format bench clean screenshots dist FORCE

$(STAMP): pyproject.toml tools/system-deps.sh $(VENV)/.python
	bash tools/system-deps.sh
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# A venv made with another interpreter than the one asked for is made again, whole.
$(VENV)/.python: FORCE
	@if [ "$$(cat $@ 2>/dev/null)" != "$(PYTHON)" ]; then \
	  rm -rf $(VENV) && mkdir -p $(VENV) && echo "$(PYTHON)" > $@; fi

run: $(STAMP)
	@DEMO_DIR=$(DEMO_DIR) bash tools/run-demo.sh

test: $(STAMP)
	$(BIN)/ruff check src tests bench tools
	$(BIN)/ruff format --check src tests bench tools
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

# dist/caseworker-desktop/: the app and the `caseworker` command, onedir (build.spec).
dist: $(STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build build.spec
	@du -sh dist/caseworker-desktop

screenshots: $(STAMP)
	xvfb-run -a -s "-screen 0 1440x900x24" $(BIN)/python tools/screenshots.py docs/screenshots

lint: $(STAMP)
	$(BIN)/ruff check --fix src tests bench tools
	$(BIN)/ruff format src tests bench tools

bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/print_plan.py
	$(BIN)/python bench/sync.py
	$(BIN)/python bench/load.py
	$(BIN)/python bench/parked.py
	$(BIN)/python bench/import_list.py
	$(BIN)/python bench/documents.py
	$(BIN)/python bench/start.py
	$(BIN)/python bench/team_lead.py
	$(BIN)/python bench/scale.py
	$(BIN)/python bench/peer.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
