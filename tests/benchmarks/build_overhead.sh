#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Benchmark (not a test): the build worker's overhead over the buildah commands it runs, and a
# fully cached rebuild of the bundled example.
#
#   tests/benchmarks/build_overhead.sh [STAGECRAFT] [RUNS]
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
work=$(mktemp -d /tmp/stagecraft-build-bench.XXXXXX)
trap 'buildah --root "$work/storage" --runroot "$work/storage/run" --storage-driver vfs rm --all >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

now() { date +%s.%N; }

make_base() { # $1 = storage root
    local b=(buildah --root "$1" --runroot "$1/run" --storage-driver vfs)
    local c
    c=$("${b[@]}" from scratch)
    "${b[@]}" copy "$c" /bin/busybox /bin/busybox >/dev/null
    "${b[@]}" run --isolation chroot "$c" -- /bin/busybox sh -c \
        "/bin/busybox --install -s /bin && mkdir -p /etc /tmp /root && echo 'root:x:0:0:root:/root:/bin/sh' > /etc/passwd && echo 'root:x:0:' > /etc/group"
    "${b[@]}" commit --quiet --rm "$c" localhost/stagecraft-busybox:1.35 >/dev/null
}

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

worker_total=0
script_total=0
for run in $(seq "$runs"); do
    rm -rf "$work/storage" "$work/commands.sh"
    make_base "$work/storage"
    start=$(now)
    "$stagecraft" build "$project" --storage-root "$work/storage" --storage-driver vfs --jobs 1 \
        --image base --image tools --buildah "$work/buildah-logged" >/dev/null
    end=$(now)
    worker=$(echo "$end - $start" | bc)

    rm -rf "$work/storage"
    make_base "$work/storage"
    { echo 'set -e'; cat "$work/commands.sh"; } >"$work/replay.sh"
    start=$(now)
    bash "$work/replay.sh" >"$work/replay.log" 2>&1 || { echo "replay failed:" >&2; tail -5 "$work/replay.log" >&2; cat "$work/commands.sh" >&2; exit 1; }
    end=$(now)
    script=$(echo "$end - $start" | bc)
    echo "run $run: worker ${worker}s, plain script ${script}s ($(grep -c . "$work/commands.sh") buildah commands)"
    worker_total=$(echo "$worker_total + $worker" | bc)
    script_total=$(echo "$script_total + $script" | bc)
done
echo "overhead ratio (worker / plain script, $runs runs): $(echo "scale=3; $worker_total / $script_total" | bc)"

rm -rf "$work/storage"
make_base "$work/storage"
start=$(now)
"$stagecraft" build "$project" --storage-root "$work/storage" --storage-driver vfs >/dev/null
end=$(now)
echo "full build of the example: $(echo "$end - $start" | bc)s"
for run in $(seq "$runs"); do
    start=$(now)
    "$stagecraft" build "$project" --storage-root "$work/storage" --storage-driver vfs >/dev/null
    end=$(now)
    echo "fully cached rebuild $run: $(echo "$end - $start" | bc)s"
done
