# Quick start: `make book` (set up and build the HTML book), `make test` (set up and run every test).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DATA ?= data
SEGMENT ?= all
PDF_LANG ?= en
export REPORT_DATA := $(abspath $(DATA))

.PHONY: book pdf test check-data system-deps refresh-nbval clean venv variants

venv: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

## Validate the data, render the bank-type variants, then build the HTML book into _build/html (a failed build keeps the last good one).
book: venv
	$(PY) -m report_lib build --data "$(REPORT_DATA)"

## Render every chapter once per bank type (one worker per core, env REPORT_WORKERS; cached) into variants/; `make book` does this too.
variants: venv
	$(PY) -m report_lib variants --data "$(REPORT_DATA)"

## Build the PDF edition into _build/pdf/ (`make pdf SEGMENT=regional PDF_LANG=zh` for one bank type, Chinese labels).
## A failed build keeps the last good PDF.
pdf: venv
	$(PY) -m report_lib pdf --data "$(REPORT_DATA)" --segment "$(SEGMENT)" --lang "$(PDF_LANG)"

## Build the book and (when Chromium is installed) the main and the regional-bank PDF, then run every test (unit, data, bad input, nbval, browser, PDF).
test: book
	@if command -v chromium >/dev/null || command -v chromium-browser >/dev/null; then $(MAKE) --no-print-directory pdf \
	&& $(MAKE) --no-print-directory pdf SEGMENT=regional; \
	else echo "Chromium missing: PDF not built, its tests will be skipped (run make system-deps)"; fi
	$(PY) -m pytest

## Validate a data folder without building: `make check-data DATA=path`.
check-data: venv
	$(PY) -m report_lib check-data "$(REPORT_DATA)"

## Re-execute the pages into tests/notebooks after an intended change of figures or code.
refresh-nbval: venv
	$(PY) -m report_lib refresh-nbval --data "$(REPORT_DATA)"

## System packages: Chromium (browser test, prints the PDF), Noto CJK (Chinese chart labels), poppler-utils
## (PDF checks), WenQuanYi Micro Hei + Liberation (TrueType fonts Chromium embeds by name in the PDF).
SYSTEM_PACKAGES := chromium fonts-noto-cjk poppler-utils fonts-wqy-microhei fonts-liberation
system-deps:
	apt-get update -q
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $(SYSTEM_PACKAGES)

clean:
	rm -rf _build variants
