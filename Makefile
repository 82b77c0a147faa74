# The two commands: `make run` (set up and serve the demo site) and `make test` (set up and run every test).
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PORT ?= 8000
DEV := DJANGO_SETTINGS_MODULE=cms.settings.dev

.PHONY: run test install install-dev messages compilemessages demo bench clean browser-deps fonts h5p-player

$(VENV)/.installed: requirements.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required ($(PYTHON) not found)"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed h5p-player
install-dev: $(VENV)/.installed-dev h5p-player

# The H5P player (h5p-standalone's built files), pinned, from the npm registry into the git-ignored .cache/, then its
# dist/ copied into the git-ignored static/vendor/h5p-standalone/, where the finders, collectstatic and whitenoise
# find it like any static file (learning/h5p.py links it; the sandboxed player page loads it). Its install script
# (which insists on yarn) is skipped: only the built files are used.
H5P_STANDALONE_VERSION := 3.8.2
H5P_STANDALONE_DIR := .cache/h5p-standalone
H5P_STANDALONE_STATIC := static/vendor/h5p-standalone
h5p-player: $(H5P_STANDALONE_STATIC)/.version-$(H5P_STANDALONE_VERSION)
$(H5P_STANDALONE_STATIC)/.version-$(H5P_STANDALONE_VERSION):
	@grep -qs '"version": "$(H5P_STANDALONE_VERSION)"' $(H5P_STANDALONE_DIR)/node_modules/h5p-standalone/package.json || \
		npm install --silent --no-save --no-audit --no-fund --ignore-scripts --prefix $(H5P_STANDALONE_DIR) \
		h5p-standalone@$(H5P_STANDALONE_VERSION)
	rm -rf $(H5P_STANDALONE_STATIC)
	mkdir -p $(dir $(H5P_STANDALONE_STATIC))
	cp -R $(H5P_STANDALONE_DIR)/node_modules/h5p-standalone/dist $(H5P_STANDALONE_STATIC)
	touch $@

compilemessages: $(VENV)/.installed
	@command -v msgfmt >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq gettext >/dev/null; }
	$(DEV) $(PY) manage.py compilemessages --ignore=.venv -v 0

# The demo's partner logos are drawn in DejaVu Sans, which has every accent (cms/demo.py).
fonts:
	@test -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf || { apt-get update -qq && apt-get install -y -qq fonts-dejavu-core >/dev/null; }

demo: install compilemessages fonts
	$(DEV) $(PY) manage.py migrate --no-input -v 0
	$(DEV) $(PY) manage.py setup_site
	$(DEV) $(PY) manage.py load_demo

# PORT reaches the server process too: the links in e-mails point to it (cms.settings.dev).
run: demo
	$(DEV) PORT=$(PORT) $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install-dev compilemessages browser-deps fonts
	$(PY) -m pytest $(PYTEST_ARGS)

# What the browser suite (tests/browser) needs besides Python: Debian's Chromium (Playwright cannot download its own
# here), a Java runtime for the W3C Nu Html Checker, and axe-core and the checker (vnu-jar), pinned, from the npm
# registry into the git-ignored .cache/. vnu-jar's install script would download a JRE when none is found: Debian's
# is installed first and the script is skipped.
AXE_CORE_VERSION := 4.14.1
AXE_DIR := .cache/axe
VNU_VERSION := 26.9.27
VNU_DIR := .cache/vnu
browser-deps:
	@test -x /usr/bin/chromium || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
	@command -v java >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null; }
	@grep -qs '"version": "$(AXE_CORE_VERSION)"' $(AXE_DIR)/node_modules/axe-core/package.json || \
		npm install --silent --no-save --no-audit --no-fund --prefix $(AXE_DIR) axe-core@$(AXE_CORE_VERSION)
	@grep -qs '"version": "$(VNU_VERSION)"' $(VNU_DIR)/node_modules/vnu-jar/package.json || \
		npm install --silent --no-save --no-audit --no-fund --ignore-scripts --prefix $(VNU_DIR) vnu-jar@$(VNU_VERSION)

# A benchmark, not a test (never in `make test` or CI): see the README's "Benchmark". DATABASE_URL=postgres://...
# runs it on PostgreSQL, in a database of its own (<name>_bench).
bench: install-dev compilemessages fonts
	@command -v wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	$(PY) -m bench.run
	$(PY) -m pytest -q -s -p no:randomly bench/test_pdf_timings.py

# Regenerate the catalogues after changing strings (then translate the French one).
messages: $(VENV)/.installed
	$(DEV) $(PY) manage.py makemessages -l fr -l en --ignore=.venv --ignore=node_modules --ignore=.cache --ignore=bench --no-obsolete
	$(DEV) $(PY) manage.py complete_english_catalogue

clean:
	rm -rf $(VENV) db.sqlite3 media static_collected .cache static/vendor
