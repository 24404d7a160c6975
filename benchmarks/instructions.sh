#!/bin/sh
# The instructions of one compute and of one published set in each edition (not a test).
#
# Processor time on a shared machine moves by a fifth from run to run; the number of
# instructions a run executes does not. Each work is run under valgrind's cachegrind
# (no cache simulation) once warm and then once more, and again once warm only: the
# difference is one run. Needs valgrind. Takes some minutes (valgrind is slow).
#
# Run:  sh benchmarks/instructions.sh            (5 000 participants)
#       sh benchmarks/instructions.sh 20000
set -eu
n=${1:-5000}
here=$(dirname "$0")
python=${PYTHON:-python}
count() {
    PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
        "$python" "$here/published_set.py" "$n" --count "$1" "$2" 2>&1 |
        sed -n 's/.*I *refs: *//p' | tr -d ','
}
one() { echo $(( $(count "$1" 1) - $(count "$1" 0) )); }
compute=$(one compute)
echo "$n participants: compute(catalogue) $((compute / 1000000)) M instructions"
for edition in funder public; do
    it=$(one "$edition")
    echo "  published_set ($edition) $((it / 1000000)) M, $(awk "BEGIN { printf \"%.2f\", $it / $compute }") x compute"
done
