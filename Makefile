# Keywork's commands. `make run` and `make test` each do their own set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DEV_ENV := DEBUG=true KEYWORK_DEMO=true

.PHONY: help run test lint assets venv venv-dev bench

help: ## List the commands
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

# Production installs requirements.txt alone; tests, the browser driver and the linters come with requirements-dev.txt.
# WeasyPrint (the PDFs) needs Debian's Pango and HarfBuzz: scripts/pdf-libs.sh installs them when missing.
venv: $(VENV)/.installed
$(VENV)/.installed: requirements.txt
	scripts/pdf-libs.sh
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

venv-dev: $(VENV)/.installed-dev
$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

# The PDFs embed Noto Sans (SIL Open Font License, copied beside it) so names such as Łukasz or Şükrü print as typed.
# The easy-read plan's pictograms are OpenMoji (CC BY-SA 4.0, attributed on the plan and in NOTICE): only those
# keywork/keyworking/easy_read.py names are copied, with the licence beside them.
PICTOGRAMS := 1F642 1F44D 1F623 26A0 1F91D 1F4DE
# The NHS.UK CSS is compiled from its Sass without the Frutiger web font (frontend/nhsuk-frontend.scss says why).
assets: static_build/.installed ## Install nhsuk-frontend, axe-core, the Noto Sans font and the pictograms; build the CSS and copy the files used into static_build/
static_build/.installed: package-lock.json frontend/nhsuk-frontend.scss
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf static_build && mkdir -p static_build/nhsuk static_build/axe static_build/fonts static_build/pictograms
	node_modules/.bin/sass --no-source-map --style=compressed --quiet-deps --load-path=node_modules \
	   frontend/nhsuk-frontend.scss static_build/nhsuk/nhsuk-frontend.min.css
	cp node_modules/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.js static_build/nhsuk/
	cp -r node_modules/nhsuk-frontend/dist/nhsuk/assets static_build/nhsuk/assets
	cp node_modules/axe-core/axe.min.js static_build/axe/
	cp node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf \
	   node_modules/@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf static_build/fonts/
	cp node_modules/@expo-google-fonts/noto-sans/LICENSE_FONT static_build/fonts/OFL.txt
	for code in $(PICTOGRAMS); do cp node_modules/openmoji/color/svg/$$code.svg static_build/pictograms/; done
	cp node_modules/openmoji/LICENSE.txt static_build/pictograms/LICENSE.txt
	touch $@

run: venv assets ## Set up, load the synthetic demo and serve on http://127.0.0.1:8000
	$(DEV_ENV) $(PY) manage.py migrate --verbosity 0
	$(DEV_ENV) $(PY) manage.py demo
	$(DEV_ENV) $(PY) manage.py runserver 127.0.0.1:8000

test: venv-dev assets ## Lint, then the whole suite on SQLite, on PostgreSQL, and in headless Chromium
	scripts/test.sh

bench: venv-dev assets ## Benchmark on SQLite and PostgreSQL at national scale; prints a table, writes bench/*.json
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	scripts/bench.sh

lint: venv-dev ## ruff, and the import layers (import-linter)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports
