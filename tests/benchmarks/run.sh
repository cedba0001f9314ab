#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One command for the benchmark suite: builds the release preset (only what the suite needs),
# runs tests/benchmarks/stagecraft_bench and writes BENCHMARKS.md at the repository root.
# Extra arguments go to stagecraft_bench, e.g. --sizes 150,1000 or --runs 3.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"

[ -f build/release/CMakeCache.txt ] || cmake --preset release
cmake --build build/release -j2 --target stagecraft_bench

commit=$(git rev-parse HEAD)
git diff --quiet HEAD -- || commit="$commit (with uncommitted changes)"
build="release preset ($(sed -n 's/^CMAKE_BUILD_TYPE:STRING=//p' build/release/CMakeCache.txt), GCC $(gcc -dumpfullversion))"
work=${STAGECRAFT_BENCH_WORK:-$root/build/release/bench-projects}

exec build/release/tests/benchmarks/stagecraft_bench \
    --commit "$commit" --build-type "$build" --work "$work" --output BENCHMARKS.md "$@"
