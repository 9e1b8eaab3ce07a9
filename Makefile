# 常用命令：make serve（本地预览）、make test（运行测试）。
# 其余：make build（构建到 site/，PUBLIC=1 为对外版本）、make check（只检查数据）、make export（导出工作总结、案例汇编、月度复盘和台账到 dist/）、
# make bundle（离线网站压缩包）、make schema（更新编辑器 Schema）、
# make golden（更新页面片段快照，改完模板后运行并检查 git diff）。
# 进度填报：make form（生成各单位的进度填报表到 dist/，UNIT=单位编号 只生成一个单位），
# make import FILE=填报表.xlsx（检查后把新的进度追加到 data/，可一次导入多个文件；COMMIT=1 同时 git 提交）。

PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
ADDR ?= 127.0.0.1:8000

.PHONY: serve build check test lint golden new form import export bundle publish verify versions hooks generate bench bench-large schema migrate init passwd cert lock fonts clean

# The environment is rebuilt only when the pins change.
$(STAMP): requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

# --dirty: after an edit only the pages whose input changed are rendered again (workreport/adapter/preview.py).
serve: $(STAMP)
	$(PY) -m workreport check
	$(PY) -m mkdocs serve --dirty --strict -a $(ADDR)

# make build PUBLIC=1 builds the public version: nothing marked internal. STAGED=1 writes the record pages as files
# first and builds without hooks; ENGINE=properdocs|zensical builds with another engine (zensical implies STAGED).
build: $(STAMP)
	$(PY) -m workreport build $(if $(PUBLIC),--public) $(if $(STAGED),--staged) $(if $(ENGINE),--engine $(ENGINE))

# make export: 工作总结, 典型案例汇编 (DOCX, PDF), 月度复盘 (DOCX) and 工作台账 (XLSX) into dist/, public records only.
# make export HONOR=HN-01 (one award's dossier), make export IDS=C-01,C-03, FORMAT="pdf docx";
# REVIEW=2025-06: the month the 月度复盘 reviews (review-2025-06.docx; default: the latest month up to the as-of date);
# AUDIENCE=internal: the office's own documents (internal records and assessment, marked 内部资料).
export: $(STAMP)
	$(PY) -m workreport export $(if $(HONOR),--honor $(HONOR)) $(if $(IDS),--ids $(IDS)) $(if $(FORMAT),--format $(FORMAT)) $(if $(AUDIENCE),--audience $(AUDIENCE)) $(if $(REVIEW),--review $(REVIEW))

# make bundle: the public site as a zip that opens from a USB stick (file://), search included.
bundle: $(STAMP)
	$(PY) -m workreport bundle

# make new KIND=task UNIT=rural-water: one placeholder record with the next free id, for editors to fill in.
# Optional: CATEGORY=digital TITLE="…" SOURCE=省考 (indicator) PREFIX=IRR STAGE=在建 (project) LEVEL=国家级 (honor) LINE=党风廉政 (bottom-line).
new: $(STAMP)
	$(PY) -m workreport new $(KIND) $(if $(UNIT),--unit $(UNIT)) $(if $(CATEGORY),--category $(CATEGORY)) $(if $(TITLE),--title "$(TITLE)") $(if $(SOURCE),--source $(SOURCE)) $(if $(PREFIX),--prefix $(PREFIX)) $(if $(STAGE),--stage $(STAGE)) $(if $(LEVEL),--level $(LEVEL)) $(if $(LINE),--line $(LINE))

check: $(STAMP)
	$(PY) -m workreport check

# make form [UNIT=rural-water]: each unit's progress form (填报表, XLSX) into dist/, for its clerk.
form: $(STAMP)
	$(PY) -m workreport form $(if $(UNIT),--unit "$(UNIT)")

# make import FILE="a.xlsx b.xlsx" [COMMIT=1]: the filled forms checked, then new log entries appended to data/.
import: $(STAMP)
	$(if $(FILE),,$(error 用法：make import FILE=填报表.xlsx [COMMIT=1]))
	$(PY) -m workreport import $(FILE) $(if $(COMMIT),--commit)

test: $(STAMP)
	$(PY) -m pytest -q -n auto

# ruff (rules in pyproject.toml) and mypy, strict over the whole package; CI runs it.
lint: $(STAMP)
	$(VENV)/bin/ruff check scripts macros tests
	$(VENV)/bin/mypy

# Accept the rendered fragments as the new snapshots; read `git diff tests/golden` before committing.
golden: $(STAMP)
	$(PY) -m pytest -q tests/test_golden.py --update-golden

# make publish VERSION=2025-h1 TITLE=2025年上半年: this period as one version of the site
# (local branch gh-pages, alias latest, the default), and a tag publish/VERSION on the data commit.
publish: $(STAMP)
	$(PY) -m workreport publish --version $(VERSION) $(if $(TITLE),--title $(TITLE))

# make verify VERSION=2025-h1: rebuild a published version from its tag and compare, file by file.
verify: $(STAMP)
	$(PY) -m workreport verify --version $(VERSION)

# Every published version, with the version selector, on http://127.0.0.1:8001
versions: $(STAMP)
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" $(VENV)/bin/mike serve --branch gh-pages -a 127.0.0.1:8001

# Check data/ before every commit (pre-commit, see .pre-commit-config.yaml).
hooks: $(STAMP)
	$(VENV)/bin/pre-commit install

# make generate SCALE=10 SEED=1 OUT=/tmp/bench/data: synthetic data for benchmarks (OUT must not exist or be empty).
generate: $(STAMP)
	$(PY) -m workreport generate --scale $(or $(SCALE),10) --seed $(or $(SEED),1) --out $(or $(OUT),/tmp/bench/data)

# make bench: builds at 1×, 10× and 50× against the engine floors and ProperDocs, search (Material and Pagefind), preview, export;
# table on screen, JSON in bench/results/.
bench: $(STAMP)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-bench.txt
	$(PY) -m workreport bench $(if $(SCALES),--scales $(SCALES))

# make bench-large: one data file of 100,000 tasks (TASKS=…), checked and built; figures in bench/results/large.json.
bench-large: $(STAMP)
	$(PY) -m workreport.bench.large $(if $(TASKS),--tasks $(TASKS)) $(if $(NO_PROSE),--no-prose)

schema: $(STAMP)
	$(PY) -m workreport schema

# A new department: make init BUREAU=青禾县农业农村局 PERIOD=2026 UNIT_WORD=股室 DATA=data (DATA must not exist or be empty).
init: $(STAMP)
	$(PY) -m workreport --data "$(or $(DATA),data)" init --bureau "$(BUREAU)" $(if $(PERIOD),--period "$(PERIOD)") $(if $(UNIT_WORD),--unit-word "$(UNIT_WORD)")

# After an upgrade that renamed fields: rewrite the old names in data/ (comments kept).
migrate: $(STAMP)
	$(PY) -m workreport migrate

# nginx (deploy/nginx/README.md): make passwd USER=zhangsan adds/updates a bcrypt login in $(HTPASSWD) (COST=…); make cert CN=… OUT=…: a self-signed test certificate (FORCE=1 overwrites).
HTPASSWD ?= /etc/nginx/workreport.htpasswd
passwd: $(STAMP)
	$(if $(filter command line,$(origin USER)),,$(error 用法：make passwd USER=用户名 [HTPASSWD=$(HTPASSWD)]))
	$(PY) deploy/nginx/passwd.py --file "$(HTPASSWD)" $(if $(COST),--cost $(COST)) "$(USER)"

cert:
	sh deploy/nginx/make-cert.sh $(if $(CN),-n "$(CN)") $(if $(OUT),-o "$(OUT)") $(if $(FORCE),-f)

# Re-pin everything from requirements.in in a scratch environment.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install -q -r requirements.in
	{ echo "# Exact pins of requirements.in and everything it pulls in (generated by: make lock)."; \
	  .lock-venv/bin/pip freeze; } > requirements.txt
	rm -rf .lock-venv

# Free 仿宋, 楷体, 黑体 and 宋体 (Fandol) for the PDFs where the official faces are not installed
# (a server; a bureau PC has 仿宋_GB2312): taken from Debian's texlive-lang-chinese, without TeX.
fonts:
	sh deploy/fonts/install-fandol.sh

clean:
	rm -rf site dist .pytest_cache
