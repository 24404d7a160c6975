#!/usr/bin/env bash
# Mutation testing of hankemalli (mutmut 3).
#
#   tools/mutation.sh                       # model, serialization, rules and indicators
#   tools/mutation.sh rules indicators      # only these parts
#   MUTATION_PATHS="indicators/_esf.py" tools/mutation.sh   # one module
#
# The parts to mutate are the arguments, or else MUTATION_PATHS (separated by spaces),
# or else all four: model, serialization, rules, indicators. A part is a package
# under src/hankemalli (`indicators`) or a module or pattern inside one
# (`indicators/_esf.py`, `src/hankemalli/indicators/_e*`); the tests run are those
# tools/mutation.cfg lists for its package ([tests]).
#
# Works on a scratch copy of the work tree (tracked and new files), so the
# repository gets no mutants/ directory and no mutmut configuration, and edits made
# while it runs do not disturb it; set MUTATION_DIR to choose where (default:
# $TMPDIR/hankemalli-mutation-PARTS). The tests run with the derandomized Hypothesis
# profile "mutation" (tests/conftest.py), so a run is reproducible. MUTATION_JOBS
# sets the number of worker processes (default: all cores); MUTMUT the mutmut
# command (default: mutmut). Needs mutmut: pip install "mutmut>=3.3".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mutmut="${MUTMUT:-mutmut}"
[[ $mutmut == */* ]] && mutmut="$(realpath -s "$mutmut")"  # a path still works after the cd
if (($#)); then
  parts=("$@")
else
  read -r -a parts <<<"${MUTATION_PATHS:-model serialization rules indicators}"
fi
((${#parts[@]})) || { echo "mutation.sh: no part to mutate" >&2; exit 2; }
label="$(printf '%s\n' "${parts[@]}" | sed 's|^src/hankemalli/||; s|[^A-Za-z0-9_]\+|_|g' | paste -sd- -)"
work="${MUTATION_DIR:-${TMPDIR:-/tmp}/hankemalli-mutation-$label}"
case "$work" in /|"$root"|"$root"/*) echo "mutation.sh: MUTATION_DIR must be outside the work tree" >&2; exit 2;; esac

rm -rf "$work"
mkdir -p "$work"
cd "$root"
git ls-files --cached --others --exclude-standard -z |
  while IFS= read -r -d '' file; do [[ -f $file ]] && printf '%s\0' "$file"; done |
  xargs -0 cp --parents -t "$work"
# setup.cfg: the [mutmut] section of tools/mutation.cfg with the parts' modules and
# tests. Extra pytest arguments, e.g. MUTATION_PYTEST_ARGS="--deselect tests/x.py::test_y",
# go at the end of pytest_add_cli_args.
python3 - "$root/tools/mutation.cfg" "$work/setup.cfg" "${parts[@]}" <<'PY'
import configparser
import sys
from pathlib import Path

template, target, *parts = sys.argv[1:]
cfg = configparser.ConfigParser(interpolation=None)
cfg.read(template, encoding="utf-8")
package_root = Path("src/hankemalli")
patterns: list[str] = []
tests: list[str] = []
for part in parts:
    rel = part.removeprefix("./").removeprefix("src/hankemalli/").rstrip("/")
    package = rel.split("/", 1)[0]
    if not cfg.has_option("tests", package):
        known = ", ".join(cfg.options("tests"))
        sys.exit(f"mutation.sh: {part!r} is in none of the parts it knows ({known})")
    if rel == package:
        patterns.append(f"{package_root}/{package}/*")
    elif rel.endswith((".py", "*")):
        patterns.append(f"{package_root}/{rel}")
    else:
        patterns.append(f"{package_root}/{rel}/*")
    tests += [t for t in cfg.get("tests", package).split() if t not in tests]
section = dict(cfg["mutmut"])
section["only_mutate"] = "\n" + "\n".join(patterns)
section["pytest_add_cli_args_test_selection"] = "\n" + "\n".join(tests)
extra = __import__("os").environ.get("MUTATION_PYTEST_ARGS", "").split()
section["pytest_add_cli_args"] = "\n" + "\n".join(section["pytest_add_cli_args"].split() + extra)
out = configparser.ConfigParser(interpolation=None)
out["mutmut"] = section
with open(target, "w", encoding="utf-8") as stream:
    out.write(stream)
print("mutating:", " ".join(patterns))
print("tests:", " ".join(tests))
PY
cd "$work"
export HYPOTHESIS_PROFILE=mutation
"$mutmut" run --max-children "${MUTATION_JOBS:-$(nproc)}" || true  # its exit code is not the score
"$mutmut" export-cicd-stats
"$mutmut" results --all true >mutants/results.txt 2>&1 || true
python3 - <<'PY'
import collections
import json
import re

s = json.load(open("mutants/mutmut-cicd-stats.json"))
tried = s["killed"] + s["survived"] + s["timeout"] + s["suspicious"] + s["segfault"]
caught = s["killed"] + s["timeout"] + s["segfault"]
print(f"mutants: {s['total']}, killed: {s['killed']}, survived: {s['survived']}, "
      f"timeout: {s['timeout']}, suspicious: {s['suspicious']}, no tests: {s['no_tests']}, "
      f"skipped: {s['skipped']}")
print(f"mutation score: {100 * caught / tried:.1f}% of {tried} mutants tried" if tried else "no mutant tried")
# The same by package, from `mutmut results --all true` (lines "NAME: STATUS").
by_package: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
for line in open("mutants/results.txt", encoding="utf-8"):
    found = re.match(r"\s*hankemalli\.(\w+)\.\S+: (.+)$", line)
    if found:
        by_package[found[1]][found[2].strip()] += 1
for package, counts in sorted(by_package.items()):
    done = sum(counts[k] for k in ("killed", "survived", "timeout", "suspicious", "segfault"))
    hit = sum(counts[k] for k in ("killed", "timeout", "segfault"))
    score = f"{100 * hit / done:.1f}%" if done else "-"
    print(f"  {package}: {score} ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))})")
PY
echo "survivors: cd $work && $mutmut results   (and: $mutmut show NAME)"
