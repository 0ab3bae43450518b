# Samenspel. `make run` serves the demo on http://127.0.0.1:8000; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMENSPEL := $(BIN)/samenspel
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test lint bench loadtest loadtest-packages install static chromium pango messages clean

install: $(VENV)/.installed static pango

$(VENV)/.installed: pyproject.toml constraints.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static: node_modules/.installed
	npm run --silent build

chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if command -v apt-get >/dev/null; then \
	    (apt-get install -y --no-install-recommends chromium || (apt-get update && apt-get install -y --no-install-recommends chromium)) >/dev/null; \
	  else echo "Chromium is missing and apt-get is not available: install chromium yourself." >&2; exit 1; fi; \
	fi

# WeasyPrint (PDF reports) needs Pango.
pango:
	@if ! ldconfig -p | grep -q 'libpangoft2-1.0.so.0'; then \
	  if command -v apt-get >/dev/null; then \
	    (apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core || (apt-get update && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)) >/dev/null; \
	  else echo "Pango is missing and apt-get is not available: install libpango-1.0-0 and libpangoft2-1.0-0 yourself." >&2; exit 1; fi; \
	fi

# `make loadtest` runs PostgreSQL, Redis and nginx (with brotli) from Debian's packages as its own
# child processes (deploy/ and bench/README.md).
LOADTEST_PACKAGES := postgresql redis-server nginx-light libnginx-mod-http-brotli-filter
loadtest-packages:
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v redis-server >/dev/null \
	    || ! command -v nginx >/dev/null || [ ! -e /etc/nginx/modules-enabled/50-mod-http-brotli-filter.conf ]; then \
	  if command -v apt-get >/dev/null; then \
	    (apt-get install -y --no-install-recommends $(LOADTEST_PACKAGES) || (apt-get update && apt-get install -y --no-install-recommends $(LOADTEST_PACKAGES))) >/dev/null; \
	  else echo "Install $(LOADTEST_PACKAGES) yourself: apt-get is not available." >&2; exit 1; fi; \
	fi

# Refresh the English translation catalogue after changing Dutch texts.
messages: $(VENV)/.installed
	cd src/samenspel && ../../$(SAMENSPEL) makemessages -l en --ignore "*/tests/*" --ignore "bench/*" --no-obsolete
	cd src/samenspel && ../../$(SAMENSPEL) compilemessages -l en

run: install
	mkdir -p var
	$(SAMENSPEL) migrate --noinput
	$(SAMENSPEL) migrate --database audit --noinput
	$(SAMENSPEL) load_demo
	$(SAMENSPEL) runserver 127.0.0.1:8000

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: install chromium lint
	SAMENSPEL_ENV=test $(SAMENSPEL) makemigrations --check --dry-run
	SAMENSPEL_ENV=production SAMENSPEL_SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
	  SAMENSPEL_SIGNAL_KEYS=$$($(BIN)/python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())') \
	  SAMENSPEL_ALLOWED_HOSTS=samenspel.example.nl SAMENSPEL_SITE_URL=https://samenspel.example.nl \
	  SAMENSPEL_CACHE_URL=redis://127.0.0.1:6379/0 $(SAMENSPEL) check --deploy --fail-level WARNING
	# One worker per core (xdist, each with its own test databases). The default distribution
	# keeps pytest-django's order within a worker: tests that flush the database (transactional
	# ones) come after those that need the migrations' reference data. The browser tests share
	# one live server and Chromium, so they run in one process.
	$(BIN)/pytest -q -m "not browser" -n auto
	$(BIN)/pytest -q -m browser

bench: install
	$(SAMENSPEL) bench --output bench/results.json

# Local only, a few minutes: two app instances behind nginx on PostgreSQL with Redis and the
# worker, a mixed load and four faults; the figures go to bench/loadtest-results.json.
loadtest: install loadtest-packages
	$(BIN)/python -m samenspel.bench.loadtest.run --output bench/loadtest-results.json

clean:
	rm -rf $(VENV) node_modules var src/samenspel/static/vendor
