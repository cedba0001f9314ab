#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark (not a test): the build worker's overhead over the buildah commands it runs, and a
# fully cached rebuild of the bundled example. stagecraft_bench runs it as its build-overhead and
# build-cached cases (and parses the lines it prints); it also runs alone:
#
#   tests/benchmarks/build_overhead.sh [STAGECRAFT] [RUNS] [all|overhead|cached]
#
# Needs root, buildah and Debian's busybox-static; works offline. For the overhead, `stagecraft
# build --jobs 1` builds the example's `base` and `tools` images (from, shell and docker stages:
# the stages whose every step is a buildah command) through a wrapper that logs each buildah
# command line; the logged commands are then replayed by a plain shell script in a fresh storage
# and the two wall-clock times compared. The worker's own git/tar steps are not involved in
# these images. Then the whole example (all images) is built and rebuilt fully cached, timed.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
stagecraft=${1:-$root/build/dev/app/stagecraft}
runs=${2:-3}
mode=${3:-all}
case "$mode" in
all | overhead | cached) ;;
*)
    echo "build_overhead.sh: unknown mode '$mode' (all, overhead or cached)" >&2
    exit 2
    ;;
esac
# stagecraft is a GUI application whose verbs also run headless; no display is needed.
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
work=$(mktemp -d /tmp/stagecraft-build-bench.XXXXXX)
trap 'buildah --root "$work/storage" --runroot "$work/storage/run" --storage-driver vfs rm --all >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

# Nanoseconds since the epoch, and a difference of two as seconds with millisecond digits (no bc:
# it is not in bootstrap.sh's package list).
now() { date +%s%N; }
seconds() { # $1 = start, $2 = end (ns)
    local ms=$((($2 - $1) / 1000000))
    printf '%d.%03d' $((ms / 1000)) $((ms % 1000))
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

if [ "$mode" != cached ]; then
    worker_total=0
    script_total=0
    for run in $(seq "$runs"); do
        rm -rf "$work/storage" "$work/commands.sh"
        make_base "$work/storage"
        start=$(now)
        timeout 600 "$stagecraft" build "$project" --storage-root "$work/storage" --storage-driver vfs --jobs 1 \
            --image base --image tools --buildah "$work/buildah-logged" >"$work/worker.log" 2>&1 ||
            { echo "the worker's build failed:" >&2; tail -20 "$work/worker.log" >&2; exit 1; }
        end=$(now)
        worker_total=$((worker_total + end - start))
        worker=$(seconds "$start" "$end")

        rm -rf "$work/storage"
        make_base "$work/storage"
        { echo 'set -e'; cat "$work/commands.sh"; } >"$work/replay.sh"
        start=$(now)
        bash "$work/replay.sh" >"$work/replay.log" 2>&1 || { echo "replay failed:" >&2; tail -5 "$work/replay.log" >&2; cat "$work/commands.sh" >&2; exit 1; }
        end=$(now)
        script_total=$((script_total + end - start))
        script=$(seconds "$start" "$end")
        echo "run $run: worker ${worker}s, plain script ${script}s ($(grep -c . "$work/commands.sh") buildah commands)"
    done
    echo "overhead ratio (worker / plain script, $runs runs): $(awk -v w="$worker_total" -v s="$script_total" 'BEGIN { printf "%.3f", w / s }')"
fi

if [ "$mode" != overhead ]; then
    rm -rf "$work/storage"
    make_base "$work/storage"
    start=$(now)
    timeout 600 "$stagecraft" build "$project" --storage-root "$work/storage" --storage-driver vfs >"$work/full.log" 2>&1 ||
        { echo "the full build failed:" >&2; tail -20 "$work/full.log" >&2; exit 1; }
    end=$(now)
    echo "full build of the example: $(seconds "$start" "$end")s"
    for run in $(seq "$runs"); do
        start=$(now)
        timeout 600 "$stagecraft" build "$project" --storage-root "$work/storage" --storage-driver vfs --json-events >"$work/cached.log" 2>&1 ||
            { echo "the cached rebuild failed:" >&2; tail -20 "$work/cached.log" >&2; exit 1; }
        end=$(now)
        built=$(grep -c '^{"event":"stage-built"' "$work/cached.log" || true)
        cached=$(grep -c '^{"event":"stage-cached"' "$work/cached.log" || true)
        echo "fully cached rebuild $run: $(seconds "$start" "$end")s ($cached stages cached, $built built)"
    done
fi
