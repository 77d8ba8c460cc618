# The one place where the project's commands live; README and CI call these targets.
#   make serve   install, build and serve the site on http://127.0.0.1:8000
#   make test    install everything (Chromium included) and run every test
#   make check   the data and build tests, without a browser: about a minute
#   make build   build the site into site/, replacing it only when the build succeeds
#   make offline write dist/g7-ministerial-2024-offline.zip, the site to read from disk with no network
#   make links   add new page addresses and anchors to the link contract (tests/links/contract.txt)
#   make bench   measure the site beside a stock Material build: Lighthouse, weight, build time, scale

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: the one date in the output (the sitemap's) is the last commit's, not the
# clock's. Outside a git checkout there is no commit: then it is the source's date, 18 March 2024.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1710720000)
export SOURCE_DATE_EPOCH

.PHONY: install system-deps node-deps build serve test check offline links bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet ".[test]"
	touch $@

install: $(VENV)/.installed

# Debian's Chromium and its driver drive the browser tests; nothing downloads a browser. Java runs
# the HTML checker; Node and npm bring axe-core, the checker and Lighthouse; Noto CJK lets the
# browser draw the Japanese edition in a system font, as readers' systems do. Each only if missing.
system-deps:
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null || missing="$$missing chromium-driver"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing="$$missing fonts-noto-cjk"; \
	if [ -n "$$missing" ]; then \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

# The npm tools, exactly as package-lock.json pins them. No install scripts: vnu-jar's would
# download a Java runtime, and the system's one is used instead.
node_modules/.installed: package.json package-lock.json | system-deps
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

node-deps: node_modules/.installed

# Build into a fresh folder and swap it in only on success: a failed build leaves site/ exactly as
# it was, and no half-written folder behind. (A swap cut short leaves site.old, which is put back.)
# No --quiet: it hides warnings from MkDocs' count, and --strict then passes a site with broken links.
build: install
	@if [ ! -d site ] && [ -d site.old ]; then mv site.old site; fi
	rm -rf site.new site.old
	$(BIN)/mkdocs build --strict --site-dir site.new || { rm -rf site.new; exit 1; }
	if [ -d site ]; then mv site site.old; fi && mv site.new site && rm -rf site.old

serve: build
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

# One test process per core (pytest-xdist). The tests of a module stay in one process, so that the
# module's fixtures (a build, the browser's visits, a run of the HTML checker) are made once; the
# tests of a class stay together too, which lets a module share its work out between classes.
PARALLEL := -n auto --dist loadscope

test: install system-deps node-deps
	$(BIN)/pytest $(PARALLEL)

# Every test that needs no browser (the HTML checker and LinkChecker included).
check: install system-deps node-deps
	$(BIN)/pytest $(PARALLEL) -m "not browser"

# The site to read from disk: unzip it and open index.html. Built with mkdocs.offline.yml; search
# runs from disk through the iframe-worker shim from node_modules, so nothing is fetched.
offline: install node-deps
	$(BIN)/python scripts/offline.py

# Figures, not a test: Lighthouse, page weight and build time beside a stock Material build of the
# same text, and build time and memory with the data multiplied. Takes about a quarter of an hour.
bench: install system-deps node-deps
	$(BIN)/python scripts/bench/run.py

# Add the site's new page addresses and anchors to tests/links/contract.txt; refuses (and changes
# nothing) while the build drops a link the contract holds.
links: install
	$(BIN)/python scripts/update_link_contract.py

clean:
	rm -rf site site.new site.old dist .pytest_cache
