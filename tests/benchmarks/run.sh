#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One command for the benchmark suite: builds the release preset (only what the suite needs:
# stagecraft_bench and the stagecraft executable its build cases drive), runs every case of
# tests/benchmarks/stagecraft_bench and writes BENCHMARKS.md at the repository root.
#
#   tests/benchmarks/run.sh                     # every case at N = 150, 1,000 and 5,000
#   tests/benchmarks/run.sh --quick             # N = 150 only, one run per case
#   tests/benchmarks/run.sh --cases png,graphviz-png --sizes 1000
#   tests/benchmarks/run.sh --list-cases
#
# Other arguments go to stagecraft_bench (--runs, --budget, --timeout, --sizes, --output, ...).
# The build cases need root, buildah and busybox-static, the Graphviz anchor needs dot; without
# them those cases are reported as "not run: <why>".
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

[ -f build/release/CMakeCache.txt ] || cmake --preset release
cmake --build build/release -j2 --target stagecraft_bench stagecraft

commit=$(git rev-parse HEAD)
# BENCHMARKS.md itself is what the run rewrites; any other change is named.
git diff --quiet HEAD -- . ':(exclude)BENCHMARKS.md' || commit="$commit (with uncommitted changes)"
build="release preset ($(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' build/release/CMakeCache.txt), GCC $(gcc -dumpfullversion))"
work=${STAGECRAFT_BENCH_WORK:-$root/build/release/bench-projects}

# Up to 5 runs or 10 s per case keeps the full suite near 20 minutes on 2 cores; options given
# on the command line come later and win.
exec build/release/tests/benchmarks/stagecraft_bench \
    --commit "$commit" --build-type "$build" --work "$work" --output BENCHMARKS.md \
    --stagecraft build/release/app/stagecraft --build-script tests/benchmarks/build_overhead.sh \
    --runs 5 --budget 10 "$@"
