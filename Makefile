# The two commands of the contract (`make run`, `make test`) plus the ones a developer wants daily.
# Everything lives in .venv; nothing is installed globally.

SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
# Django 6 needs Python 3.12+. Look on PATH first, then in pyenv's folder, and check that the
# interpreter really runs (a pyenv shim for a version that is not selected fails when called).
PYTHON ?= $(shell for p in python3.13 python3.12 $$HOME/.pyenv/versions/3.13*/bin/python3.13 $$HOME/.pyenv/versions/3.12*/bin/python3.12 /usr/bin/python3.13 /usr/bin/python3.12 /usr/local/bin/python3.13 /usr/local/bin/python3.12; do \
	if $$p -c 'import sys; assert sys.version_info >= (3, 12)' >/dev/null 2>&1; then echo $$p; break; fi; done)

.PHONY: run test lint bench demo clean venv check-deploy screenshots

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
	@touch $@

venv: $(VENV)/.installed

run: venv
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo --if-empty
	$(PY) manage.py runserver 127.0.0.1:8000

test: venv
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: venv
	$(PY) bench/run.py

demo: venv
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo

check-deploy: venv
	DATABASE_URL=postgres://localhost/test REDIS_URL=redis://127.0.0.1:6379/0 \
	SECRET_KEY=check-deploy-$$(head -c 32 /dev/urandom | base64 | tr -dc a-zA-Z0-9) \
	ALLOWED_HOSTS=portal.example.gov.uk PUBLIC_BASE_URL=https://portal.example.gov.uk \
	$(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) .pytest_cache db.sqlite3 staticfiles
