# Two commands on a fresh machine: `make site` and `make test`.
# Both create .venv when it is missing and install the pinned dependencies.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
PORT   ?= 8000

.PHONY: site test serve check schemas lint browser clean bench messages

$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --constraint requirements.lock --editable '.[test]'
	@touch $(STAMP)

## site: build the bilingual site into site/
site: $(STAMP)
	$(PY) -m site_builder build

## test: run the whole test suite (installs Debian's Chromium for the browser tests when root)
test: $(STAMP) browser
	$(PY) -m pytest

## serve: live preview on 127.0.0.1:$(PORT)
serve: $(STAMP)
	$(PY) -m site_builder serve --port $(PORT)

## check: validate plans/ and content/
check: $(STAMP)
	$(PY) -m site_builder check

## schemas: regenerate schemas/*.json from the models
schemas: $(STAMP)
	$(PY) -m site_builder schemas

lint: $(STAMP)
	$(VENV)/bin/ruff check site_builder tests

## browser: Debian's Chromium for the browser tests (never `playwright install`)
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "installing Debian chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "chromium missing: run 'sudo apt-get install chromium' for the browser tests"; fi

clean:
	rm -rf site .site-* .cache

## messages: extract interface strings into site_builder/locale (then translate the new ones)
messages: $(STAMP)
	$(PY) tools/update_catalogs.py
