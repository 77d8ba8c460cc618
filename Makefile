# The one place where the project's commands live; README and CI call these targets.
#   make serve   install, build and serve the site on http://127.0.0.1:8000
#   make test    install everything (Chromium included) and run every test
#   make build   build the site into site/, replacing it only when the build succeeds

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: install system-deps build serve test clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet ".[test]"
	touch $@

install: $(VENV)/.installed

# Debian's Chromium and its driver drive the browser tests; nothing downloads a browser.
system-deps:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  ( $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver )

# Build into a fresh folder and swap it in only on success: a failed build leaves site/ as it was.
build: install
	rm -rf site.new site.old
	$(BIN)/mkdocs build --strict --quiet --site-dir site.new
	if [ -d site ]; then mv site site.old; fi
	mv site.new site
	rm -rf site.old

serve: build
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

test: install system-deps
	$(BIN)/pytest

clean:
	rm -rf site site.new site.old .pytest_cache
