# Two commands on a fresh machine: `make site` and `make test`.
# Both create .venv when it is missing and install the pinned dependencies.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
PORT   ?= 8000

.PHONY: site test unit serve check schemas lint types browser clean bench bench-zensical messages lighthouse cms

$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --constraint requirements.lock --editable '.[test,engines]'
	@touch $(STAMP)

## site: build the bilingual site into site/ (without SITE_URL: a local preview, with a
## warning; publishing pipelines add BUILD_ARGS=--strict, which refuses that)
site: $(STAMP)
	$(PY) -m site_builder build $(BUILD_ARGS)

NODE_TOOLS := tests/node/node_modules/.installed-stamp
CMS_STAMP  := cms/node_modules/.installed-stamp

## test: run the whole test suite (installs Debian's Chromium and axe-core for the browser tests),
## one worker process per core; a test file's tests stay in one worker, which shares the
## module's built sites (TEST_JOBS=0 runs everything in this process)
TEST_JOBS ?= auto
test: $(STAMP) browser $(NODE_TOOLS) $(CMS_STAMP)
	$(PY) -m pytest -n $(TEST_JOBS) --dist loadfile

## unit: the fast lane, under a minute on two cores: every test not marked browser (Chromium),
## site (a whole-site build) or slow (LibreOffice, pipelines, fuzzing; markers in pyproject.toml);
## installs no browser, no LibreOffice and no npm tools
unit: $(STAMP)
	$(PY) -m pytest -n $(TEST_JOBS) --dist loadfile -m "not browser and not site and not slow"

## serve: live preview on 127.0.0.1:$(PORT)
serve: $(STAMP)
	$(PY) -m site_builder serve --port $(PORT)

## check: validate plans/ and content/
check: $(STAMP)
	$(PY) -m site_builder check

## schemas: regenerate schemas/*.json from the models
schemas: $(STAMP)
	$(PY) -m site_builder schemas

## lint: ruff over the code, the tests and the tools (rules in pyproject.toml [tool.ruff])
lint: $(STAMP)
	$(VENV)/bin/ruff check site_builder tests tools bench

## types: mypy --strict over site_builder ([tool.mypy] in pyproject.toml, with its allow-list)
types: $(STAMP)
	$(VENV)/bin/mypy

## browser: Debian's Chromium (never `playwright install`) and a Java runtime for the
## Nu HTML validator; LibreOffice Writer and the Liberation fonts (metric-compatible with
## Times New Roman; version 2 has the Vietnamese letters) to check the report's .docx as
## PDF; installed when missing and running as root
browser:
	@missing=""; [ -x /usr/bin/chromium ] || missing="chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v soffice >/dev/null || missing="$$missing libreoffice-writer-nogui"; \
	fc-list ":family=Liberation Serif" 2>/dev/null | grep -q . || missing="$$missing fonts-liberation"; \
	fc-list ":family=Liberation Serif:lang=vi" 2>/dev/null | grep -q . || missing="$$missing fonts-liberation2"; \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "installing Debian packages for the browser tests:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else echo "missing for the browser tests:$$missing (apt-get install$$missing)"; fi

## axe-core and the Nu HTML checker for the browser tests, pinned in tests/node/package-lock.json
$(NODE_TOOLS): tests/node/package.json tests/node/package-lock.json
	@command -v npm >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }
	npm ci --prefix tests/node --no-audit --no-fund --silent
	@touch $(NODE_TOOLS)

## bench: the national-scale build benchmark (bench/run.py; --articles 100|1000|3000, --scaling)
bench: $(STAMP)
	$(VENV)/bin/pip install --quiet --constraint requirements.lock --editable '.[test,engines,bench]'
	$(PY) bench/run.py $(BENCH_ARGS)

## bench-zensical: the Zensical spike (bench/zensical_spike.py): our content pages of both
## languages through Zensical and through MkDocs + Material, times side by side, and what
## breaks; Zensical in its own environment, not part of make test (docs/engine.md)
ZENSICAL_VENV := bench/.venv-zensical
bench-zensical: $(STAMP) $(ZENSICAL_VENV)/.installed-stamp
	$(PY) bench/zensical_spike.py --zensical $(ZENSICAL_VENV)/bin/zensical

$(ZENSICAL_VENV)/.installed-stamp: bench/zensical-requirements.txt
	@test -x $(ZENSICAL_VENV)/bin/python || $(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/pip install --quiet --requirement bench/zensical-requirements.txt
	@touch $@

## lighthouse: Lighthouse scores of key pages (median of 3, mobile), served like a static host
lighthouse: $(STAMP) bench/node/node_modules/.installed-stamp
	$(PY) -m site_builder build --precompress
	$(PY) bench/lighthouse.py --site site

bench/node/node_modules/.installed-stamp: bench/node/package.json bench/node/package-lock.json
	npm ci --prefix bench/node --no-audit --no-fund --silent
	@touch $@

## cms: the CMS served at /admin/ (Sveltia CMS), pinned in cms/package-lock.json
cms: $(CMS_STAMP)
$(CMS_STAMP): cms/package.json cms/package-lock.json
	npm ci --prefix cms --no-audit --no-fund --ignore-scripts --silent
	@touch $(CMS_STAMP)

clean:
	rm -rf site .site-* .cache

## messages: extract interface strings (templates, and message ids marked t(), _() or N_() in
## the code) into site_builder/locale with Babel; then translate the new Vietnamese entries
## (an English entry left empty shows its message id, which is English)
messages: $(STAMP)
	@mkdir -p .cache
	$(VENV)/bin/pybabel -q extract -F babel.cfg -k t -k _ -k N_ --no-location --sort-output \
		--omit-header -o .cache/messages.pot .
	$(VENV)/bin/pybabel -q update -i .cache/messages.pot -d site_builder/locale -D messages \
		--no-fuzzy-matching --ignore-obsolete --no-wrap
