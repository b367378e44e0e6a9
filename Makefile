# Quick start: `make book` (set up and build the HTML book), `make test` (set up and run every test).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DATA ?= data
SEGMENT ?= all
PDF_LANG ?= en
## Several PDF editions in one run, as SEGMENT:LANG pairs (replaces SEGMENT and PDF_LANG when set).
PDF_EDITIONS ?=
## The PDF editions `make test` builds and checks: the main one, the regional banks', the Chinese one.
TEST_PDF_EDITIONS := all:en regional:en all:zh
export REPORT_DATA := $(abspath $(DATA))
## The synthetic waves' last file written (examples/synthetic_wave.py writes the 2024 example's metadata last).
SYNTHETIC_WAVE := examples/synthetic-wave-2024/survey/responses.meta.yaml
## axe-core (accessibility rules the browser test injects into each page), from npm into the git-ignored .tools/.
AXE := .tools/node_modules/axe-core/axe.min.js

.PHONY: book pdf test test-deps check-data system-deps refresh-nbval clean venv variants synthetic-wave

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

## Validate the data, render the bank-type variants, then build the HTML book into _build/html (a failed build keeps the last good one).
## Cached: only pages whose source, library or data read changed execute again, and Sphinx reads only those (see README).
book: venv
	$(PY) -m report_lib build --data "$(REPORT_DATA)"

## Render every chapter once per bank type (one worker per core, env REPORT_WORKERS; cached) into variants/; `make book` does this too.
variants: venv
	$(PY) -m report_lib variants --data "$(REPORT_DATA)"

## Build the PDF edition into _build/pdf/ (`make pdf SEGMENT=regional PDF_LANG=zh` for one bank type, Chinese labels;
## `make pdf PDF_EDITIONS="all:en regional:zh"` for several, their pages in one batch). A failed build keeps the last good PDF.
pdf: venv
	$(PY) -m report_lib pdf --data "$(REPORT_DATA)" $(if $(PDF_EDITIONS),--editions $(PDF_EDITIONS),--segment "$(SEGMENT)" --lang "$(PDF_LANG)")

## Install what the tests need (system packages when root or password-less sudo allows, axe-core from npm),
## build the book, the main, the regional-bank and the Chinese PDF, then run every test (unit, data, bad input, nbval,
## browser, PDF, accessibility, translations). A test that cannot run for want of a tool fails with the command that installs it.
test: test-deps $(AXE) $(SYNTHETIC_WAVE) book
	$(MAKE) --no-print-directory pdf PDF_EDITIONS="$(TEST_PDF_EDITIONS)"
	$(PY) -m pytest

## Validate a data folder without building: `make check-data DATA=path`.
check-data: venv
	$(PY) -m report_lib check-data "$(REPORT_DATA)"

## Re-execute the pages into tests/notebooks after an intended change of figures or code.
refresh-nbval: venv $(SYNTHETIC_WAVE)
	$(PY) -m report_lib refresh-nbval --data "$(REPORT_DATA)"

## System packages the tests need (`make book` needs none): Chromium (browser and accessibility tests, prints the PDF),
## Noto CJK (Chinese chart labels in the static editions), poppler-utils (PDF checks), WenQuanYi Micro Hei + Liberation
## (TrueType fonts Chromium embeds by name in the PDF), npm (installs axe-core), a Java runtime (the Spark engine test of survey aggregation).
## Which are missing is decided in one place, src/report_lib/publish/system_packages.py (stdlib only, run before the venv
## exists): a package counts as present when its command runs or its font is known, so a NodeSource nodejs's npm counts.
MISSING_PACKAGES = $(PYTHON) src/report_lib/publish/system_packages.py
## Install the missing system packages only (as root).
system-deps:
	@missing="$$($(MISSING_PACKAGES))" || exit 1; \
	if [ -z "$$missing" ]; then echo "system packages: none missing"; exit 0; fi; \
	echo "installing system packages: $$missing"; \
	apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $$missing

## Install the missing system packages the tests need: as root, or with `sudo -n` (no password); otherwise stop
## with the one command to run.
test-deps:
	@missing="$$($(MISSING_PACKAGES))" || exit 1; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "make test: system packages missing: $$missing"; \
	if [ "$$(id -u)" = 0 ]; then $(MAKE) --no-print-directory system-deps; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo $(MAKE) --no-print-directory system-deps; \
	else echo "make test: run this once, then make test again:  sudo make system-deps" >&2; exit 1; fi

## axe-core from npm (needs the network once; the accessibility test then runs offline).
$(AXE): | test-deps
	npm install --no-save --no-audit --no-fund --prefix .tools axe-core@4

clean:
	rm -rf _build variants .tools

## A synthetic survey wave (respondent-level answers; not survey results) in examples/synthetic-wave[-weighted]/, and a 2024 one
## with a changed questionnaire in examples/synthetic-wave-2024/;
## regenerated when the generator or the data folder it copies changes (`make test` needs it: nbval runs a chapter on it).
synthetic-wave: venv $(SYNTHETIC_WAVE)
$(SYNTHETIC_WAVE): examples/synthetic_wave.py $(shell find data -type f) | $(VENV)/.installed
	$(PY) examples/synthetic_wave.py

## The synthetic wave in every export shape the reader takes (SPSS .sav, Qualtrics, 问卷星, Excel, canonical), one data
## folder each in examples/survey-exports/<shape>/; try `make check-data DATA=examples/survey-exports/spss`.
.PHONY: survey-exports
survey-exports: venv
	$(PY) examples/survey_exports.py
