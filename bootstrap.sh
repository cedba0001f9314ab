#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One entry point for a fresh Debian 12 machine:
#   ./bootstrap.sh run [PATH]   install what is missing, build, start Stagecraft (default: the
#                               bundled example project in resources/example)
#   ./bootstrap.sh test         install what is missing, build, run the whole test suite (CTest)
# Both are idempotent: with nothing missing and nothing changed they only check and return.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here"

mode=${1:-}
case "$mode" in
run | test) shift ;;
*)
    echo "usage: $0 run [PATH] | test" >&2
    exit 2
    ;;
esac

# Everything the build and the test suite use, as Debian 12 package names.
packages=(
    cmake ninja-build g++ ccache pkg-config git
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-svg-dev qt6-translations-l10n libgl-dev zlib1g-dev
    libyaml-cpp-dev libssl-dev qtkeychain-qt6-dev
    xvfb xauth graphviz
    buildah busybox-static
    dbus gnome-keyring libsecret-1-0
    # stages storage tests: a real registry, TLS and htpasswd made by the test
    docker-registry apache2-utils openssl
    # the Docker stages storage test: a private dockerd of its own (tar for its rootfs)
    docker.io tar
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "Installing: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq "${missing[@]}"
    else
        echo "Missing Debian packages. Install them with:" >&2
        echo "  sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
fi

# CI builds with warnings as errors; a developer's tree uses the incremental Debug build.
preset=dev
if [ "${CI:-}" = "true" ]; then
    preset=ci
fi

if [ ! -f "build/$preset/CMakeCache.txt" ]; then
    cmake --preset "$preset"
fi
cmake --build --preset "$preset"

case "$mode" in
run)
    target=${1:-"$here/resources/example"}
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
        echo "No display: starting Stagecraft under xvfb-run (set DISPLAY to use your screen)." >&2
        exec xvfb-run -a "build/$preset/app/stagecraft" "$target"
    fi
    exec "build/$preset/app/stagecraft" "$target"
    ;;
test)
    exec ctest --preset "$preset"
    ;;
esac
