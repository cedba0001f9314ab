#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark (not a test): the build worker's overhead over the buildah commands it runs, and a
# fully cached rebuild of the bundled example. stagecraft_bench runs it as its build-overhead and
# build-cached cases (and parses the lines it prints); it also runs alone:
#
# Usage:
#   tests/benchmarks/build_overhead.sh [STAGECRAFT] [RUNS] [all|overhead|cached]
#     STAGECRAFT  the stagecraft executable (default: build/dev/app/stagecraft of this checkout)
#     RUNS        how many times each measurement is repeated (default 5)
#     MODE        all (default), overhead (the worker against the plain script) or cached (the
#                 full build, then the fully cached rebuilds)
#
# Needs root, buildah, Debian's busybox-static, git and awk; works offline. Everything happens in
# a fresh directory under $TMPDIR (its own containers-storage, vfs driver), removed at the end.
#
# Overhead: `stagecraft build --jobs 1` builds the example's `base` and `tools` images (from,
# shell and docker stages: the stages whose every step is a buildah command) through a wrapper
# that logs each buildah command line; the logged commands are then replayed by a plain shell
# script in a fresh storage and the two wall-clock times compared. The worker's planning, its
# `buildah images`/`inspect` calls and the wrapper's own exec are part of the worker's time.
# Then the whole example (all images) is built once and rebuilt RUNS times fully cached.
#
# Output (stdout), one line per measurement, then the summary lines of the measurements the mode
# ran, all stable for scripts:
#   run N: worker W.WWWs, plain script S.SSSs, ratio R.RRR (C buildah commands)
#   full build of the example: T.TTTs
#   fully cached rebuild N: T.TTTs (C stages cached, 0 built)
#   overhead_ratio_median=R.RRR
#   overhead_ratio_goal=1.10
#   cached_rebuild_median_s=T.TTT
#   cached_rebuild_goal_s=2.000
# Exit status: 0 when everything ran (whether or not the goals were met), 1 on a failure (with
# the failing step's last output on stderr), 2 on a usage error or a missing prerequisite.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
stagecraft=${1:-$root/build/dev/app/stagecraft}
runs=${2:-5}
mode=${3:-all}

die() { echo "build_overhead.sh: $*" >&2; exit 2; }
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number, not '$runs'"
[[ $mode == all || $mode == overhead || $mode == cached ]] ||
    die "unknown mode '$mode' (all, overhead or cached)"
[[ -x $stagecraft ]] || die "no stagecraft executable at $stagecraft"
[[ $(id -u) == 0 ]] || die "needs root (buildah --isolation chroot)"
for tool in buildah git awk; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done
[[ -x /bin/busybox ]] || die "/bin/busybox (busybox-static) is not installed"

work=$(mktemp -d "${TMPDIR:-/tmp}/stagecraft-build-bench.XXXXXX")
storage_cleanup() {
    [[ -d $work/storage ]] || return 0
    buildah --root "$work/storage" --runroot "$work/storage/run" --storage-driver vfs \
        rm --all >/dev/null 2>&1 || true
}
trap 'storage_cleanup; rm -rf "$work"' EXIT
# Stage durations and other caches of stagecraft stay inside the work directory.
export XDG_CACHE_HOME=$work/cache
# stagecraft is a GUI application whose verbs also run headless; no display is needed.
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
median() { # numbers as arguments
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
        if (NR % 2) printf "%.3f", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
run_logged() { # LOG COMMAND...: runs it, on failure prints the log's tail and exits 1
    local log=$1
    shift
    if ! "$@" >"$log" 2>&1; then
        echo "build_overhead.sh: failed: $*" >&2
        tail -20 "$log" >&2
        exit 1
    fi
}

make_base() { # $1 = storage root
    local b=(buildah --root "$1" --runroot "$1/run" --storage-driver vfs)
    local c
    c=$("${b[@]}" from scratch)
    "${b[@]}" copy "$c" /bin/busybox /bin/busybox >/dev/null
    "${b[@]}" run --isolation chroot "$c" -- /bin/busybox sh -c \
        "/bin/busybox --install -s /bin && mkdir -p /etc /tmp /root && echo 'root:x:0:0:root:/root:/bin/sh' > /etc/passwd && echo 'root:x:0:' > /etc/group"
    "${b[@]}" commit --quiet --rm "$c" localhost/stagecraft-busybox:1.35 >/dev/null
}
fresh_storage() {
    storage_cleanup
    rm -rf "$work/storage"
    run_logged "$work/base.log" make_base "$work/storage"
}

# A stagecraft that does not know the build verb would open its window and wait: fail instead.
if ! timeout 60 "$stagecraft" --help 2>/dev/null | grep -q 'build PATH'; then
    echo "build_overhead.sh: $stagecraft has no build verb" >&2
    exit 1
fi

# The example in a git repository, at the path its git mapping names.
mkdir -p "$work/repo/resources"
cp -r "$root/resources/example" "$work/repo/resources/example"
git -C "$work/repo" init -q
git -C "$work/repo" add .
git -C "$work/repo" -c user.name=bench -c user.email=bench@example.org commit -qm example
project="$work/repo/resources/example"

cat >"$work/buildah-logged" <<WRAP
#!/usr/bin/env bash
printf '%q ' buildah "\$@" >>"$work/commands.sh"
printf '\n' >>"$work/commands.sh"
exec buildah "\$@"
WRAP
chmod +x "$work/buildah-logged"

ratios=()
rebuilds=()
if [[ $mode != cached ]]; then
    for run in $(seq "$runs"); do
        rm -f "$work/commands.sh"
        fresh_storage
        start=$(now)
        run_logged "$work/worker.log" timeout 600 "$stagecraft" build "$project" \
            --storage-root "$work/storage" --storage-driver vfs --jobs 1 --image base --image tools \
            --buildah "$work/buildah-logged"
        worker=$(elapsed "$start" "$(now)")

        fresh_storage
        { echo 'set -e'; cat "$work/commands.sh"; } >"$work/replay.sh"
        start=$(now)
        run_logged "$work/replay.log" bash "$work/replay.sh"
        script=$(elapsed "$start" "$(now)")
        ratio=$(awk -v w="$worker" -v s="$script" 'BEGIN { printf "%.3f", w / s }')
        ratios+=("$ratio")
        echo "run $run: worker ${worker}s, plain script ${script}s, ratio $ratio ($(grep -c . "$work/commands.sh") buildah commands)"
    done
fi

if [[ $mode != overhead ]]; then
    fresh_storage
    start=$(now)
    run_logged "$work/full.log" timeout 600 "$stagecraft" build "$project" \
        --storage-root "$work/storage" --storage-driver vfs
    echo "full build of the example: $(elapsed "$start" "$(now)")s"
    for run in $(seq "$runs"); do
        start=$(now)
        run_logged "$work/cached.log" timeout 600 "$stagecraft" build "$project" \
            --storage-root "$work/storage" --storage-driver vfs --json-events
        t=$(elapsed "$start" "$(now)")
        built=$(grep -c '^{"event":"stage-built"' "$work/cached.log" || true)
        cached=$(grep -c '^{"event":"stage-cached"' "$work/cached.log" || true)
        if ((built > 0)); then
            echo "build_overhead.sh: the rebuild was not fully cached ($built stages built)" >&2
            exit 1
        fi
        rebuilds+=("$t")
        echo "fully cached rebuild $run: ${t}s ($cached stages cached, $built built)"
    done
fi

if ((${#ratios[@]})); then
    echo "overhead_ratio_median=$(median "${ratios[@]}")"
    echo "overhead_ratio_goal=1.10"
fi
if ((${#rebuilds[@]})); then
    echo "cached_rebuild_median_s=$(median "${rebuilds[@]}")"
    echo "cached_rebuild_goal_s=2.000"
fi
