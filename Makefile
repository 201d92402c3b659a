PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
STAMP := $(VENV)/.installed

.PHONY: demo test eval install clean-venv bench

$(BIN)/python:
	$(shell command -v $(PY) >/dev/null 2>&1 && echo $(PY) || echo python3) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,dask]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	mkdir -p out
	$(BIN)/captionclean clean fixtures/gallery_export.txt -o out/captions.csv

test: $(STAMP)
	$(BIN)/python -m pytest -q

# accuracy on the labelled sets (seed, dev, dev2, dev3 in $(SHARED)/eval, not in the clone): one table
eval: $(STAMP)
	@$(BIN)/python bench/eval.py --shared $(SHARED)

clean-venv:
	rm -rf $(VENV)

.PHONY: bench-repair
bench-repair: $(STAMP)
	@$(BIN)/python bench/bench_repair.py --shared $(SHARED)

# the archive-scale benchmark (bench/run.py): N is the sizes, e.g. `make bench N=100000`; LOW the rows of
# the low-reuse export (real captions from $(SHARED), most rows distinct); BASE an older tree cleaning them
# side by side (each export, at the same time), e.g. `git worktree add ../base 240cdff && make bench N=100000 BASE=../base`
N ?= 100000 1000000
LOW ?= 60000
BASE ?=
bench: $(STAMP)
	$(BIN)/python bench/run.py --sizes $(N) --shared $(SHARED) --low-reuse $(LOW) $(if $(BASE),--compare $(BASE))

# where the parser's time goes, stage by stage (bench/profile.py), on the labelled captions
.PHONY: profile
profile: $(STAMP)
	@$(BIN)/python bench/profile.py --shared $(SHARED)

# hostile captions (bench/bench_adversarial.py): worst parse time per kB, and how it grows to 1 MB
.PHONY: bench-adversarial
bench-adversarial: $(STAMP)
	$(BIN)/python bench/bench_adversarial.py

# captions from every shared input that end in something credit-like but got no credit (needs ../shared)
.PHONY: coverage
coverage: $(STAMP)
	@$(BIN)/python bench/coverage.py

# one huge line (a 43 MB file with no line break, as text and as a CSV field): time and peak memory
.PHONY: bench-huge-line
bench-huge-line: $(STAMP)
	$(BIN)/python bench/bench_huge_line.py
