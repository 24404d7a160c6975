#!/usr/bin/env bash
# Mutation testing of src/hankemalli/model and src/hankemalli/serialization (mutmut 3).
#
#   tools/mutation.sh            # run, then print the score
#
# Works on a scratch copy of the work tree (tracked and new files), so the
# repository gets no mutants/ directory and no mutmut configuration; set
# MUTATION_DIR to choose where (default: $TMPDIR/hankemalli-mutation). The tests run
# with the derandomized Hypothesis profile "mutation" (tests/conftest.py), so a run
# is reproducible. MUTATION_JOBS sets the number of worker processes (default: all
# cores). Needs mutmut: pip install "mutmut>=3.3".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${MUTATION_DIR:-${TMPDIR:-/tmp}/hankemalli-mutation}"
mutmut="${MUTMUT:-mutmut}"

rm -rf "$work"
mkdir -p "$work"
cd "$root"
git ls-files --cached --others --exclude-standard -z |
  while IFS= read -r -d '' file; do [[ -f $file ]] && printf '%s\0' "$file"; done |
  xargs -0 cp --parents -t "$work"
cp "$root/tools/mutation.cfg" "$work/setup.cfg"
# Extra pytest arguments, e.g. MUTATION_PYTEST_ARGS="--deselect tests/x.py::test_y",
# continue the last key of the configuration (pytest_add_cli_args).
for arg in ${MUTATION_PYTEST_ARGS:-}; do printf '    %s\n' "$arg" >>"$work/setup.cfg"; done
cd "$work"
export HYPOTHESIS_PROFILE=mutation
"$mutmut" run --max-children "${MUTATION_JOBS:-$(nproc)}" || true  # its exit code is not the score
"$mutmut" export-cicd-stats
python3 - <<'PY'
import json

s = json.load(open("mutants/mutmut-cicd-stats.json"))
tried = s["killed"] + s["survived"] + s["timeout"] + s["suspicious"] + s["segfault"]
caught = s["killed"] + s["timeout"] + s["segfault"]
print(f"mutants: {s['total']}, killed: {s['killed']}, survived: {s['survived']}, "
      f"timeout: {s['timeout']}, suspicious: {s['suspicious']}, no tests: {s['no_tests']}, "
      f"skipped: {s['skipped']}")
print(f"mutation score: {100 * caught / tried:.1f}% of {tried} mutants tried" if tried else "no mutant tried")
PY
echo "survivors: cd $work && $mutmut results   (and: $mutmut show NAME)"
